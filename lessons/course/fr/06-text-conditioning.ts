import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Dire comment une invite entre dans le débruiteur : un encodeur de texte, un plongement par jeton, puis l’attention croisée.',
    'Lire une carte de chaleur d’attention croisée : quels pixels lisent un mot donné.',
    'Dire quels produits fonctionnent de cette façon, à notre connaissance, et lesquels non.',
  ],
  exercises: [
    {
      id: 'ex-one-digit',
      question: 'L’invite est « 3 top left » (un 3 en haut à gauche). Où la carte de chaleur du jeton « 3 » sera-t-elle la plus claire ?',
      link: { figure: 'attention-explorer', state: { p: '3 top left' }, label: 'invite « 3 top left »' },
      look: 'Choisissez la pastille « 3 » et regardez la grande carte et sa part « par case ».',
      answer:
        'Dans la case en haut à gauche, là où le 3 est dessiné. Les pixels de cette case lisent le mot « 3 » plus que tout autre ; les autres cases lui accordent peu d’attention.',
    },
    {
      id: 'ex-empty',
      question: 'Videz l’invite. Que va dessiner le modèle, et que reste-t-il aux pixels pour y porter leur attention ?',
      link: { figure: 'attention-explorer', state: { p: '' }, label: 'une invite vide' },
      look: 'Lisez la boîte de l’invite et les pastilles, puis la scène.',
      answer:
        'Une scène non conditionnée : des chiffres qui plaisent au modèle, là où il lui plaît. L’invite n’est faite que de jetons [PAD], l’entrée que le modèle voyait quand les légendes étaient retirées à l’entraînement ; la seule pastille est donc [PAD].',
    },
  ],
  recap: [
    'Un encodeur de texte transforme l’invite en un plongement par jeton ; l’attention croisée permet à chaque pixel de lire ces jetons.',
    'Les requêtes viennent de l’image, les clés et les valeurs du texte ; la carte de chaleur d’un jeton est une colonne de la matrice d’attention.',
    'Stable Diffusion donne à l’attention croisée les plongements par jeton de CLIP ; DALL·E 2 se conditionne sur un seul plongement d’image CLIP ; Midjourney ne publie rien.',
    'Des cartes lisibles ne viennent pas gratuitement : les nôtres ont demandé une perte d’ancrage.',
  ],
  next: 'La force avec laquelle l’invite pousse est l’échelle de guidage w. La leçon 7 la démonte pièce par pièce.',
};
