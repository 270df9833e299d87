import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Faire tourner le processus inverse pas à pas, et lire x_t, le bruit prédit ε̂ et l’image propre prédite x̂₀.',
    'Écrire le pas de DDPM et le pas de DDIM, et dire ce que fait η.',
    'Échanger du nombre de pas contre de la qualité, et partir d’un dessin bruité plutôt que d’un bruit pur.',
  ],
  exercises: [
    {
      id: 'ex-x0-early',
      question: 'Demandez un 8. À quel moment de l’exécution x̂₀ montrera-t-il quel 8 il va devenir : près du début, au milieu ou à la fin ?',
      link: { figure: 'reverse-stepper', state: { digit: '8' }, label: 'demander un 8' },
      look: 'Avancez lentement pas à pas et regardez x̂₀ (à droite) par rapport à x_t (à gauche).',
      answer:
        'Tôt. x̂₀ se fixe sur la forme du 8 bien avant que x_t soit propre ; les derniers pas ne font que la préciser. Le modèle décide d’abord de la disposition, et des détails en dernier.',
    },
    {
      id: 'ex-ddpm-20',
      question: 'Faites tourner DDPM avec seulement 20 pas, une fois avec σ² = β_t et une fois avec σ² = β̃_t, sur le même bruit. Lequel finit le plus propre ?',
      link: { figure: 'reverse-stepper', state: { smp: 'ddpm-beta', steps: '20', cmp: '1', csteps: '20' }, label: 'DDPM-20, β contre β̃' },
      look: 'Comparez les deux images finales côte à côte.',
      answer:
        'β̃_t. Sur 20 longs sauts, σ² = β_t ajoute beaucoup trop de bruit neuf, et le résultat reste granuleux. β̃_t, la variance a posteriori, en ajoute la bonne quantité.',
    },
    {
      id: 'ex-sdedit-hint',
      question: 'Bruitez un 7 et ramenez-le pendant que l’indication de classe demande un 1. À partir de quel t le 1 l’emportera-t-il ?',
      link: { figure: 'sdedit', state: { cls: '7', hint: '1' }, label: 'un 7 avec l’indication « 1 »' },
      look: 'Lisez la rangée du bas de gauche (petit t) à droite (grand t).',
      answer:
        'Pas aux petits t : là, le bruit ne cache que les détails fins, et le résultat est encore le 7, nettoyé. Plus on va à droite, moins il reste du 7 ; près de t = T, le dessin a disparu et le modèle dessine ce que demande l’indication.',
    },
  ],
  recap: [
    'La génération part d’un bruit pur x_T et appelle le réseau une fois par pas, en faisant décroître t jusqu’à 0.',
    'À chaque pas, l’estimation du bruit donne une estimation de l’image propre, x̂₀ ; elle se fixe tôt.',
    'DDPM ajoute un bruit neuf à chaque pas ; DDIM avec η = 0 n’en ajoute aucun et peut sauter la plupart des pas.',
    'SDEdit part d’un dessin bruité : plus on part haut, moins il reste du dessin.',
  ],
  next: 'Jusqu’ici, on donnait au modèle l’étiquette d’un chiffre. La leçon 6 remplace l’étiquette par une phrase.',
};
