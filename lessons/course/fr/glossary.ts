/**
 * The French glossary: the same keys as ../glossary.ts, French terms and
 * definitions.
 */
import type { glossary as englishGlossary } from '../glossary';

export const glossary = {
  gaussian: {
    term: 'gaussienne',
    def: 'La loi « normale », en forme de cloche. Un tirage gaussien de moyenne μ et de variance σ² tombe à moins de 2σ de μ environ 95 % du temps.',
  },
  normal: {
    term: '𝒩(μ, σ²I)',
    def: 'Une gaussienne pour une image entière : chaque pixel reçoit son propre tirage indépendant, de moyenne μ et de variance σ². I, la matrice identité, dit que le bruit d’aucun pixel ne dépend de celui d’un autre.',
  },
  reparameterisation: {
    term: 'reparamétrisation',
    def: 'Écrire un tirage aléatoire comme une formule fixe appliquée à un bruit standard ε ~ 𝒩(0, I). Ici x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε : un tirage de ε fabrique x_t, et l’entraînement demande au réseau ce même ε.',
  },
  selfAttention: {
    term: 'auto-attention',
    def: 'Une couche dans laquelle chaque position de l’image se compare à toutes les autres et en fait une moyenne pondérée, si bien que des parties éloignées d’un chiffre peuvent s’informer mutuellement. La leçon 6 explique l’attention en détail.',
  },
  ema: {
    term: 'EMA',
    def: 'Moyenne mobile exponentielle (de l’anglais exponential moving average) : une moyenne glissante des poids au fil des pas d’entraînement, qui lisse les à-coups des pas isolés. Les échantillons qu’elle donne sont en général plus propres que ceux des derniers poids.',
  },
  ddim: {
    term: 'DDIM',
    def: 'Un échantillonneur plus rapide, présenté à la leçon 5, qui peut sauter la plupart des T pas : 20 pas de DDIM donnent déjà un chiffre lisible.',
  },
  groupNorm: {
    term: 'GroupNorm',
    def: 'La normalisation par groupes : une couche qui ramène chaque groupe de canaux d’une image à une moyenne de 0 et une variance de 1, puis applique une échelle et un décalage appris. Elle garde les nombres dans une plage saine.',
  },
  silu: {
    term: 'SiLU',
    def: 'Une fonction d’activation, x · sigmoïde(x) : proche de 0 pour les entrées négatives et proche de x pour les positives, avec une courbure douce entre les deux. Sans de telles courbures, des couches empilées ne pourraient calculer que des fonctions affines.',
  },
} as const satisfies Record<keyof typeof englishGlossary, { term: string; def: string }>;

export type GlossaryKey = keyof typeof glossary;
