/**
 * Le parcours des enseignants en français : les mots de chaque étape de
 * ROUTE_PLAN (teach-plan.ts), dans les mots d’un enseignant français, et les
 * questions. Les étapes, figures et états préparés eux-mêmes sont ceux du plan.
 */
import type { TeachWords } from './teach-plan';

const SANS_MODELE = 'Calculé dans la page à partir des formules : instantané sur n’importe quelle machine, sans modèle ni GPU.';

export const TEACH_WORDS_FR: TeachWords = {
  text: {
    title: 'Enseigner avec « Diffusion, démystifiée »',
    intro:
      'Un parcours de 50 minutes à travers le cours, pour une classe équipée d’un seul vidéoprojecteur. Chaque étape nomme les figures à montrer et renvoie à des états préparés : un lien ouvre la leçon sur cette figure, ses réglages déjà en place. Chaque figure a aussi un bouton « Enregistrer en PNG » pour vos diapositives, et le processus direct, le processus inverse et la figure d’ouverture ont « Enregistrer en GIF ».',
    before:
      'Avant le cours, ouvrez chaque lien une fois sur la machine que vous projetterez : le site fonctionne alors aussi sans réseau (l’en-tête indique « Prêt hors ligne »), et les figures à modèle ont déjà chargé leurs poids.',
    routeTitle: 'Le parcours',
    questionsTitle: 'Questions pour la discussion',
    showAnswer: 'Réponse',
    showAll: 'Afficher toutes les réponses',
    hideAll: 'Masquer toutes les réponses',
    print: 'Imprimer cette page',
    minutes: (m: number) => `${m} min`,
    at: (start: number, end: number) => `${start}–${end} min`,
    machineLabel: 'Machine :',
    lessonLabel: (n: number, title: string) => `Leçon ${n} : ${title}`,
  },
  route: [
    {
      point: 'Les deux phases : détruire une image avec du bruit, puis apprendre à défaire ce bruit. Demandez à la classe ce que le modèle doit savoir pour revenir en arrière.',
      figures: [{ title: 'Un chiffre se dissout dans le bruit, et un nouveau chiffre sort du bruit', states: ['L’aller-retour, tel qu’il se joue'] }],
      machine:
        'La moitié directe est instantanée ; la moitié inverse fait tourner le modèle fourni pas à pas (25 pas). Sur une machine sans GPU, c’est nettement plus long : ouvrez la page une minute avant d’en avoir besoin.',
    },
    {
      point: 'De nombreux petits pas gaussiens, et la forme fermée qui saute à n’importe quel t en un seul tirage. Les deux chemins diffèrent pixel par pixel mais s’accordent en distribution.',
      figures: [
        {
          title: 'Le processus direct, pas à pas et en un saut',
          states: ['t = 0 : les données', 't = 250 : le chiffre se voit encore', 't = 600 : presque tout est bruit', 't = 1000 : bruit pur, histogramme sur N(0, 1)'],
        },
      ],
      machine: SANS_MODELE,
    },
    {
      point: 'Linéaire contre cosinus : à quelle vitesse le signal s’efface. Le cosinus garde le chiffre lisible plus longtemps.',
      figures: [
        { title: 'Comparer deux échéanciers de bruit', states: ['Linéaire et cosinus à T = 1000', 'Les deux à T = 50'] },
        { title: 'Le même chiffre et le même bruit sous les deux échéanciers', states: ['À mi-chemin, t = 500 sur 1000'] },
      ],
      machine: SANS_MODELE,
    },
    {
      point: 'Le U-Net voit x_t et t et devine le bruit ; la perte est l’erreur quadratique de cette estimation. Montrez quelques pas d’entraînement en direct, pas un entraînement complet.',
      figures: [
        { title: 'Le U-Net utilisé dans ces leçons', states: ['L’architecture'] },
        { title: 'Le laboratoire d’entraînement', states: ['Le préréglage minuscule, pour une démonstration en direct'] },
      ],
      machine:
        'Le laboratoire entraîne dans un Web Worker et demande des minutes, pas des secondes : il affiche la vitesse qu’il mesure sur la machine et, pour le modèle par défaut, le temps qu’il faudra pour que ses chiffres soient lisibles. En classe, lancez le préréglage minuscule une minute, ou entraînez le modèle par défaut à l’avance : le laboratoire l’enregistre dans le navigateur, et les leçons suivantes peuvent s’en servir.',
    },
    {
      point: 'Partir du bruit pur et le retirer pas à pas. DDPM a besoin des 1000 pas ; DDIM obtient un chiffre en 50, voire en 10.',
      figures: [{ title: 'Le processus inverse, pas à pas', states: ['DDPM, 1000 pas', 'DDIM, 50 pas', 'DDIM, 10 pas'] }],
      machine:
        'Un appel au réseau par pas avec le modèle fourni. Sans GPU, c’est DDIM à 10 ou 50 pas qu’il faut faire tourner en direct ; lancez DDPM à 1000 pas avant le cours et parcourez les images qu’il a gardées.',
    },
    {
      point: 'Le guidage éloigne la prédiction conditionnée de la prédiction non conditionnée : plus de fidélité à l’invite, moins de diversité.',
      figures: [
        {
          title: 'Les prédictions du bruit non conditionnelle, conditionnelle et guidée à un pas',
          states: ['w = 0 : non conditionnel', 'w = 1 : conditionnel simple', 'w = 3', 'w = 10 : guidage fort'],
        },
      ],
      machine: 'Fait tourner le modèle conditionné par le texte jusqu’au pas choisi, une fois par réglage : rapide avec un GPU, plus lent sans ; ouvrez chaque état une fois avant le cours.',
    },
    {
      point: 'Mêmes fondations, réglages par défaut différents. Concluez avec les questions ci-dessous.',
      figures: [{ title: 'La même invite et le même bruit avec un réglage fidèle et un réglage à fort guidage', states: ['Côte à côte'] }],
      machine: 'Deux passages du modèle conditionné par le texte sur la même graine.',
    },
  ],
  questions: [
    {
      q: 'Pourquoi ajouter le bruit en de nombreux petits pas plutôt qu’en un seul grand ?',
      a: 'Chaque petit pas gaussien est facile à défaire : son inverse est lui aussi proche d’une gaussienne, qu’un réseau peut apprendre à prédire. L’entraînement ne paie pourtant pas ces nombreux pas : la forme fermée q(x_t | x_0) saute à n’importe quel t en un seul tirage.',
    },
    {
      q: 'À t = T = 1000 avec l’échéancier linéaire, que reste-t-il de l’image ?',
      a: 'ᾱ_T vaut environ 4·10⁻⁵, donc x_T garde √ᾱ_T ≈ 0,006 de l’image sous un bruit d’écart-type presque égal à 1 : rien qu’un humain puisse voir, et les pixels suivent la loi N(0, 1), comme le montre l’histogramme de la leçon 2.',
    },
    {
      q: 'Pourquoi l’échéancier cosinus garde-t-il le chiffre lisible plus longtemps ?',
      a: 'L’échéancier linéaire détruit l’essentiel du signal tôt, si bien que de nombreux pas tardifs portent sur des images qui ne sont déjà plus que du bruit. Le cosinus fait décroître ᾱ_t lentement aux deux extrémités, et répartit mieux les pas sur les niveaux de bruit où il reste quelque chose à apprendre (Nichol et Dhariwal, 2021).',
    },
    {
      q: 'Que prédit exactement le réseau, et quelle est la perte ?',
      a: 'À partir de l’image bruitée x_t et du pas de temps t, il prédit le bruit ε qui a été ajouté. La perte est l’erreur quadratique moyenne entre cette prédiction et le vrai ε.',
    },
    {
      q: 'Comment DDIM peut-il dessiner un chiffre en 50 pas alors que le modèle a été entraîné avec 1000 ?',
      a: 'DDIM utilise le même réseau entraîné, mais une mise à jour déterministe (avec η = 0) valable sur n’importe quelle sous-suite des pas de temps : il peut donc en sauter la plupart. Avec trop peu de pas (10), les détails commencent à se perdre.',
    },
    {
      q: 'Que se passe-t-il avec un guidage w = 0, w = 1 et w = 10 ?',
      a: 'Avec ε = ε_u + w·(ε_c − ε_u) : w = 0 ignore l’invite, w = 1 donne le modèle conditionnel simple, et un grand w suit l’invite plus strictement, au prix de la diversité et, au-delà d’un certain point, de la qualité de l’image.',
    },
  ],
};
