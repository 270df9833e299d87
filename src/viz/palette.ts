/**
 * Okabe & Ito's colour-blind-safe palette: the pair used to tell two things
 * apart (schedule A vs B, chain vs closed form) in every chart.
 */
export const PAIR = { a: '#0072B2', b: '#D55E00' } as const;
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;
