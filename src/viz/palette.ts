/**
 * Okabe & Ito's colour-blind-safe palette: the pair used to tell two things
 * apart (schedule A vs B, chain vs closed form) in every chart.
 */
export const PAIR = { a: '#0072B2', b: '#D55E00' } as const;
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

/**
 * The pair as text colours: Okabe & Ito's vermillion is 3.6:1 on the figure
 * background, enough for a line (3:1) but not for small text (4.5:1), so text
 * uses a darker vermillion of the same hue. Blue passes as it is.
 */
export const PAIR_TEXT = { a: '#0072B2', b: '#A84A00' } as const;
