/**
 * The French titles and one-line summaries of the lessons, keyed by the slug of
 * lessons/registry.ts (French pages keep the English slugs). Plain data, like
 * the registry, so the build can read it without touching a component.
 */
export const lessonTextFr: Record<string, { title: string; summary: string }> = {
  'what-is-diffusion': {
    title: 'Ce qu’est un modèle de diffusion',
    summary: 'Détruire une image par le bruit, puis apprendre à défaire ce travail : les deux phases derrière DALL·E et Midjourney.',
  },
  'forward-process': {
    title: 'Le processus direct',
    summary: 'Une chaîne de Markov de petits pas gaussiens change n’importe quelle image en bruit, et une formule fermée saute directement à n’importe quel pas.',
  },
  'noise-schedules': {
    title: 'Les échéanciers de bruit',
    summary: 'Linéaire, cosinus et compagnie fixent la vitesse à laquelle le signal s’efface ; le cosinus garde les traits plus longtemps.',
  },
  'denoiser-training': {
    title: 'Le débruiteur et son entraînement',
    summary: 'Un réseau en U (U-Net) à qui l’on donne le pas de temps apprend à prédire le bruit ; entraînez-en un sur de vrais chiffres dans cet onglet.',
  },
  'reverse-process': {
    title: 'Le processus inverse',
    summary: 'Partir d’un bruit pur et le retirer pas à pas avec DDPM ou DDIM.',
  },
  'text-conditioning': {
    title: 'Le conditionnement par le texte',
    summary: 'Un encodeur de texte et l’attention croisée permettent à chaque région de l’image de porter son attention sur chaque mot de l’invite.',
  },
  'classifier-free-guidance': {
    title: 'Le guidage sans classifieur',
    summary: 'Éloigner la prédiction conditionnée de la prédiction non conditionnée, et échanger de la diversité contre de la fidélité à l’invite.',
  },
  'dalle-vs-midjourney': {
    title: 'DALL·E contre Midjourney',
    summary: 'Mêmes fondations, réglages par défaut différents : la force du guidage et le traitement des invites longues.',
  },
};
