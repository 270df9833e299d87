import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Décrire le réseau en U (U-Net) : un encodeur, un décodeur, des connexions de saut, et le pas de temps en entrée.',
    'Énoncer la perte d’entraînement : l’erreur quadratique moyenne entre le vrai bruit et le bruit prédit.',
    'Faire un pas d’entraînement à la main, puis entraîner un petit modèle dans cet onglet.',
  ],
  exercises: [
    {
      id: 'ex-high-lr',
      question: 'Entraînez avec un taux d’apprentissage dix fois plus grand que celui par défaut. La perte baissera-t-elle plus vite, ou non ?',
      link: { figure: 'training-lab', state: { lr: '0.03' }, label: 'taux d’apprentissage 0,03' },
      look: 'Appuyez sur Démarrer et regardez la courbe de perte et les échantillons pendant quelques centaines de pas.',
      answer:
        'Chaque mise à jour va maintenant trop loin. Attendez-vous à une perte plus heurtée qui se stabilise plus haut, et à des échantillons qui mettent plus longtemps à ressembler à des chiffres ; l’entraînement peut même diverger. Un taux trop faible (essayez 0,0001) échoue dans l’autre sens : la perte baisse lentement.',
    },
    {
      id: 'ex-two-digits',
      question: 'Entraînez sur les chiffres 1 et 7 seulement. Quels chiffres montreront les dix échantillons ?',
      link: { figure: 'training-lab', state: { classes: '17' }, label: 'entraîner sur 1 et 7 seulement' },
      look: 'Appuyez sur Démarrer, et lisez les étiquettes des échantillons à mesure qu’ils se précisent.',
      answer:
        'Seulement des 1 et des 7, en alternance : le laboratoire ne demande au modèle que les chiffres sur lesquels il s’entraîne. Chaque échantillon part de son propre bruit : les cinq 1 sont donc cinq 1 différents.',
    },
  ],
  recap: [
    'Le débruiteur est un réseau en U à qui l’on donne le pas de temps t (et ici l’étiquette du chiffre) ; il prédit le bruit contenu dans x_t.',
    'L’entraînement prend une image, un t au hasard et un bruit neuf, saute à x_t avec la formule fermée, et note l’estimation par l’erreur quadratique moyenne.',
    'La perte simple donne de meilleurs échantillons que la pondération de la borne variationnelle ; la pondération min-SNR empêche les pas à faible bruit de dominer.',
    'La perte n’atteint jamais zéro : jugez un modèle à ses échantillons.',
  ],
  next: 'Un débruiteur entraîné est un générateur en puissance. La leçon 5 le fait tourner à rebours à partir d’un bruit pur.',
};
