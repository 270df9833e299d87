import type { LessonCourse } from '../types';
import { LONG_PROMPT_EXAMPLES } from '../../../src/widgets/text/text-url';

export const course: LessonCourse = {
  goals: [
    'Dire quelles affirmations sur DALL·E et Midjourney sont publiées, rapportées ou supposées, et pour quelle version.',
    'Voir ce que fait vraiment une échelle de guidage plus élevée, et pourquoi ce n’est pas « plus stylisé ».',
    'Comparer la coupe d’une invite longue à la limite de jetons et sa réécriture dans le style de légende du modèle.',
  ],
  exercises: [
    {
      id: 'ex-same-scale',
      question: 'Réglez les deux échelles à w = 3. Les deux images vont-elles différer ?',
      link: { figure: 'dalle-styles', state: { wb: '3' }, label: 'les deux échelles à 3' },
      look: 'Comparez les deux images pixel par pixel.',
      answer:
        'Non, elles sont identiques. Même invite, même bruit de départ, même échelle, et un échantillonneur qui n’ajoute aucun bruit de lui-même : la seule chose qui ait jamais différé, c’était w.',
    },
    {
      id: 'ex-emoji-prompt',
      question: 'L’invite est « 🎨 A lovely 3 in the top left! » (un joli 3 en haut à gauche). Que perdra le côté coupé, et que gardera le module de réécriture ?',
      link: { figure: 'prompt-condense', state: { lp: LONG_PROMPT_EXAMPLES[2] }, label: 'l’invite à émoji' },
      look: 'Lisez les pastilles des deux côtés, puis les deux images.',
      answer:
        'Rien n’est coupé, puisque l’invite est courte, mais l’émoji et « lovely » deviennent des jetons [UNK] qui ne portent rien. Le module de réécriture ne garde que ce que le modèle sait lire, « 3 top left ».',
    },
  ],
  recap: [
    'Le premier DALL·E n’était pas un modèle de diffusion ; DALL·E 2 et 3 en sont, et Midjourney en serait un.',
    'DALL·E 2 conditionne son décodeur sur un plongement d’image CLIP ; Midjourney ne publie rien.',
    'Sur notre modèle, plus de guidage rend les images plus littérales et exagérées, pas plus stylisées.',
    'DALL·E 3 réécrit les invites en longues légendes semblables à ses données d’entraînement ; l’idée commune est de donner à un modèle un texte dans son propre style de légende.',
  ],
  next: 'C’est la fin du cours : chaque idée des produits, exécutée à petite échelle dans cette page. Revenez à n’importe quelle leçon et changez un réglage ; chaque figure peut être partagée par un lien dans l’état où vous la laissez.',
};
