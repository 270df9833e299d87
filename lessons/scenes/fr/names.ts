/**
 * The French names of the figures' scenes, by lesson and figure, in the order
 * of the scenes in ../<slug>.ts (only the names change; the states stay there).
 */
import { LONG_PROMPT_EXAMPLES } from '../../../src/widgets/text/text-url';

export const sceneNamesFr: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'what-is-diffusion': {},
  'forward-process': {
    'forward-process': [
      'Les données, t = 0',
      'Un peu de bruit, t = 100',
      'La moitié de la puissance du signal perdue, t = 250',
      'Presque du bruit pur, t = 750',
      'Échéancier cosinus à t = 250 : il reste davantage du chiffre',
    ],
  },
  'noise-schedules': {
    'schedule-curves': [
      'Linéaire à T = 1000',
      'Cosinus à T = 1000',
      'Les deux à T = 50',
      'Les deux à T = 1000, remis à l’échelle pour un SNR terminal nul',
    ],
    'schedule-images': [
      'À mi-parcours, t = 500',
      't = 750 : le linéaire a perdu le chiffre, pas le cosinus',
      't = 1000 : les deux ne sont que du bruit',
    ],
  },
  'denoiser-training': {
    'unet-diagram': [
      'Entrée : l’image bruitée devient des cartes de caractéristiques',
      'Descente : un bloc résiduel à pleine résolution',
      'Le fond : les caractéristiques les plus grossières et les plus larges',
      'Sortie : le bruit prédit, à la forme de l’image',
    ],
    'one-step': [
      'Un peu de bruit, t = 50',
      'À mi-parcours, t = 300',
      'Presque tout bruit, t = 900',
      't = 300, étiquette retirée',
    ],
  },
  'reverse-process': {
    'reverse-stepper': [
      'DDPM, 1000 pas',
      'DDIM, 50 pas',
      'DDIM, 10 pas',
      'DDIM en 10 pas à côté de DDPM en 1000, sur le même bruit',
    ],
    sdedit: [
      'Un 2 du jeu de données, sans indication de classe',
      'Le même 2, avec l’indication « 2 »',
      'Le même 2, avec l’indication « 7 »',
    ],
  },
  'text-conditioning': {
    'attention-explorer': [
      'Deux chiffres, deux endroits',
      'Un chiffre, en haut à gauche',
      'Un mot que le modèle ne connaît pas',
    ],
  },
  'classifier-free-guidance': {
    'guidance-predictions': [
      'w = 0 : la prédiction non conditionnée seule',
      'w = 1 : le modèle conditionnel simple',
      'w = 3',
      'w = 10 : bien au-delà du conditionnel',
    ],
    'guidance-grid': ['Deux chiffres, trois graines', 'Un cinq en haut à droite'],
  },
  'dalle-vs-midjourney': {
    'dalle-styles': ['Fidélité à w = 3, stylisé à w = 9', 'Conditionnel simple (w = 1) contre w = 10'],
    'prompt-condense': LONG_PROMPT_EXAMPLES.map((_, i) => `Invite longue ${i + 1}`),
  },
};
