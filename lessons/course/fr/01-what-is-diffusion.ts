import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Dire ce que fait un modèle génératif, et nommer les deux phases d’un modèle de diffusion.',
    'Distinguer le processus direct (qui ajoute du bruit) du processus inverse (qui le retire).',
    'Situer l’idée dans le temps : Sohl-Dickstein et al. (2015), puis Ho et al. (2020).',
    'Dire en quoi un modèle de diffusion diffère d’un GAN, et ce que cela coûte.',
  ],
  exercises: [
    {
      id: 'ex-last-frame',
      question: 'Après le dernier pas du processus direct, t = 1000, reste-t-il quoi que ce soit du vrai chiffre dans l’image ?',
      link: { lesson: 'forward-process', figure: 'forward-process', state: { t: '1000', cls: '7' }, label: 'ouvrir la leçon 2 avec un 7 à t = 1000' },
      look: 'Comparez les deux images à t = 1000 avec le chiffre à t = 0, et lisez le tableau en dessous.',
      answer:
        'Presque rien. Avec l’échéancier linéaire, le chiffre garde un poids d’environ 0,006 à t = 1000, bien en dessous d’un bruit de taille 1. Les deux images ne sont plus que du bruit, et leur moyenne comme leur dispersion sont celles d’un bruit pur.',
    },
    {
      id: 'ex-new-seed',
      question: 'Lancez le processus inverse à partir d’un autre tirage de bruit, en demandant toujours un 3. Obtiendrez-vous le même 3 ?',
      link: { lesson: 'reverse-process', figure: 'reverse-stepper', state: { seed: '2' }, label: 'ouvrir la leçon 5 avec une autre graine' },
      look: 'Laissez l’échantillonneur aller jusqu’au bout, puis remettez la graine à 1, sa valeur par défaut, et comparez les deux 3.',
      answer:
        'Non : un autre bruit de départ donne un autre 3. Le modèle ne stocke pas d’images ; chaque point de départ devient un nouveau chiffre. Avec la même graine et les mêmes réglages, vous retrouveriez le même 3, car cet échantillonneur n’ajoute aucun bruit de lui-même.',
    },
  ],
  recap: [
    'Un modèle génératif apprend à partir d’exemples et en fabrique de nouveaux qui semblent sortis de la même collection.',
    'Un modèle de diffusion a deux phases : un processus direct fixe ensevelit les données sous le bruit pas à pas, et un réseau entraîné l’inverse pas à pas.',
    'La génération part d’un bruit neuf : chaque image produite est donc nouvelle.',
    'Par rapport à un GAN, il s’entraîne sur une simple cible de régression, mais il lui faut de nombreux appels du réseau par image au lieu d’un seul.',
  ],
  next: 'La leçon 2 regarde de près la première phase : comment, exactement, le bruit est ajouté, et pourquoi on peut le faire d’un seul bond.',
};
