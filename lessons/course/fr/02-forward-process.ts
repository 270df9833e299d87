import type { LessonCourse } from '../types';

export const course: LessonCourse = {
  goals: [
    'Écrire un pas du processus direct, x_t = √(1 − β_t) x_{t−1} + √β_t ε, et dire ce qu’est β_t.',
    'Expliquer pourquoi le processus direct est une chaîne de Markov, et pourquoi ses pas sont petits.',
    'Utiliser la formule fermée pour sauter de x₀ directement à n’importe quel pas t.',
  ],
  exercises: [
    {
      id: 'ex-end-of-chain',
      question: 'À t = 1000, l’histogramme des pixels montrera-t-il encore le fond noir et l’encre ?',
      link: { figure: 'forward-process', state: { t: '1000' }, label: 'régler t à 1000' },
      look: 'Comparez l’histogramme à la courbe N(0, 1) en pointillés, et regardez le tableau des moyennes et des dispersions.',
      answer:
        'Non. Le pic à −1 (le fond) et la bosse près de +1 (l’encre) se sont fondus en une seule cloche posée sur la courbe N(0, 1) en pointillés. Moyenne proche de 0, dispersion proche de 1 : l’image est devenue un tirage de bruit gaussien pur, pour la chaîne comme pour le bond.',
    },
    {
      id: 'ex-cosine-250',
      question: 'Passez à l’échéancier cosinus et arrêtez-vous à t = 250. Le chiffre sera-t-il plus facile ou plus difficile à lire qu’avec l’échéancier linéaire ?',
      link: { figure: 'forward-process', state: { sched: 'cosine' }, label: 'échéancier cosinus, à t = 250' },
      look: 'Comparez l’image avec le même t sous l’échéancier linéaire (celui par défaut).',
      answer:
        'Plus facile. À t = 250, l’échéancier cosinus garde un poids d’environ 0,92 sur le chiffre, le linéaire d’environ 0,72. Le cosinus ajoute le bruit plus doucement au début.',
    },
    {
      id: 'ex-same-noise',
      question: 'Changez de graine. La chaîne (à gauche) et le bond (à droite) donneront-ils maintenant la même image ?',
      link: { figure: 'forward-process', state: { seed: '7', t: '400' }, label: 'graine 7, t = 400' },
      look: 'Comparez les deux images pixel par pixel, puis comparez les nombres du tableau.',
      answer:
        'Non, jamais pixel pour pixel : chaque chemin tire son propre bruit. Ce qui concorde, c’est leur loi : même moyenne et même dispersion, à côté de la ligne « théorie », pour tout t et toute graine.',
    },
  ],
  recap: [
    'Un pas du processus direct rétrécit l’image d’un facteur √(1 − β_t) et ajoute un bruit gaussien de variance β_t ; le rétrécissement garde la variance totale proche de 1.',
    'Chaque pas ne dépend que du précédent : c’est une chaîne de Markov.',
    'Les petits pas comptent pour le sens inverse : défaire un petit pas gaussien est une tâche modeste, que l’on peut apprendre.',
    'Dans le sens direct, on peut sauter les pas : x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε, où ᾱ_t est le signal qui reste après t pas.',
  ],
  next: 'La vitesse à laquelle ᾱ_t décroît est fixée par l’échéancier de bruit. La leçon 3 compare les échéanciers côte à côte.',
};
