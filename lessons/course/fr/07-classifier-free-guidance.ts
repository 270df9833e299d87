import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Écrire le guidage sans classifieur, ε̂ = ε_u + w (ε_c − ε_u), et dire ce que signifient w = 0 et w = 1.',
    'Expliquer pourquoi un seul réseau peut donner à la fois ε_u et ε_c.',
    'Décrire le compromis : plus de guidage, c’est plus de fidélité à l’invite et moins de diversité.',
  ],
  exercises: [
    {
      id: 'ex-w-10',
      question: 'Montez l’échelle de guidage à w = 10. Quel panneau change le plus ?',
      link: { figure: 'guidance-predictions', state: { w: '10' }, label: 'régler w à 10' },
      look: 'Comparez le panneau w (ε_c − ε_u) et le résultat final avec la valeur par défaut w = 3.',
      answer:
        'La différence mise à l’échelle : elle est multipliée par w, et remplit donc sa plage. ε_u et ε_c ne changent pas à ce pas ; le résultat prend des traits plus gras et plus clairs.',
    },
    {
      id: 'ex-empty-guidance',
      question: 'Avec une invite vide, qu’ajoute le guidage ?',
      link: { figure: 'guidance-predictions', state: { p: '' }, label: 'une invite vide' },
      look: 'Regardez le panneau de la différence et sa valeur efficace (rms).',
      answer:
        'Rien. La passe conditionnelle lit les mêmes jetons [PAD] que la non conditionnelle : ε_c = ε_u, la différence est nulle, et chaque w donne le même échantillon non conditionné.',
    },
    {
      id: 'ex-grid-rows',
      question: 'Dans la grille, lisez une colonne de haut en bas : les échantillons à la plus grande échelle seront-ils plus ou moins semblables qu’à w = 1 ?',
      link: { figure: 'guidance-grid', state: { grows: '4' }, label: 'quatre graines par échelle' },
      look: 'Comparez entre elles les quatre images de chaque colonne.',
      answer:
        'Plus semblables, si le guidage dépense de la diversité comme prévu : les grandes échelles tirent chaque graine vers les images dont le modèle est le plus sûr. Le graphique ci-dessous mesure combien sur notre modèle ; l’effet y est faible.',
    },
  ],
  recap: [
    'Retirer la légende une fois sur dix apprend à un même réseau ε_c et ε_u.',
    'Le guidage avance de w fois ε_c − ε_u, la direction « plus conforme à l’invite ».',
    'La différence se comporte comme le gradient d’un classifieur que le réseau a appris gratuitement.',
    'Un w plus grand donne plus de fidélité et moins de diversité, et au-delà d’un certain point des images exagérées.',
  ],
  next: 'Les produits choisissent un point sur ce compromis, et choisissent ce qu’il advient d’abord d’une invite. La leçon 8 compare DALL·E et Midjourney.',
};
