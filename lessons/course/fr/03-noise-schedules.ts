import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Lire un échéancier à travers ᾱ_t, le signal conservé, et son rapport signal sur bruit en échelle logarithmique.',
    'Dire pourquoi l’échéancier cosinus garde un chiffre lisible plus longtemps que le linéaire.',
    'Savoir qu’un échéancier fait partie du modèle : si on le change, il faut entraîner le modèle à nouveau.',
  ],
  exercises: [
    {
      id: 'ex-t-750',
      question: 'À t = 750, quelle rangée montre encore un chiffre : la rangée linéaire ou la rangée cosinus ?',
      link: { figure: 'schedule-images', state: { t: '750' }, label: 'régler t à 750' },
      look: 'Lisez le poids √ᾱ_t sous chaque image.',
      answer:
        'Seulement la rangée cosinus. L’échéancier linéaire garde un poids d’environ 0,06 sur le chiffre à t = 750, le cosinus d’environ 0,38.',
    },
    {
      id: 'ex-short-T',
      question: 'Réduisez T de 1000 à 50 pas. Les deux courbes de ᾱ vont-elles changer de forme ?',
      link: { figure: 'schedule-curves', state: { T: '50' }, label: 'régler T à 50' },
      look: 'Comparez l’endroit où chaque courbe de ᾱ passe sous la moitié, en fraction de T.',
      answer:
        'À peine. L’intervalle des β du linéaire est multiplié par 1000/T : la courbe linéaire tombe donc toujours tôt (sous la moitié vers le pas 14 sur 50) et la cosinus tard (vers le pas 25 sur 50).',
    },
    {
      id: 'ex-zero-snr',
      question: 'Cochez « SNR terminal nul » pour l’échéancier A. Quelle partie de ses courbes va changer ?',
      link: { figure: 'schedule-curves', state: { za: '1' }, label: 'SNR terminal nul pour A' },
      look: 'Regardez les derniers pas de ᾱ_t et du log SNR.',
      answer:
        'Seulement la fin. ᾱ_T devient exactement 0, si bien que le log SNR plonge sans limite au dernier pas. Les pas précédents bougent à peine : à t = 500, √ᾱ passe d’environ 0,280 à 0,276.',
    },
  ],
  recap: [
    'Un échéancier est la liste β_1 … β_T ; l’allure d’une image au pas t n’en dépend qu’à travers ᾱ_t.',
    'Le β linéaire perd le signal tôt ; ses derniers pas sont presque du bruit pur.',
    'Le cosinus choisit ᾱ_t directement : il décroît lentement aux deux extrémités, et l’image garde ses traits plus longtemps.',
    'La plupart des échéanciers n’atteignent pas tout à fait le bruit pur à t = T ; le SNR terminal nul les remet à l’échelle pour qu’ils l’atteignent.',
  ],
  next: 'L’échéancier fixe la façon dont les images sont bruitées. La leçon 4 entraîne le réseau qui apprend à retirer ce bruit.',
};
