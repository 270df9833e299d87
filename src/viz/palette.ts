/**
 * The course's one table of colour roles: a colour stands for the same thing
 * in every lesson (the data is always blue, the noise always vermillion, the
 * network's prediction always green), so a reader who has learnt it once can
 * read every figure. Hues from Okabe & Ito (2008) and Paul Tol's colour-blind
 * safe schemes, each dark enough to read as a mark on the page (3:1, WCAG
 * 1.4.11). tests/unit/viz/palette.test.ts checks that the roles one figure
 * shows together stay apart for readers with protanopia and deuteranopia.
 */
export const ROLE = {
  /** x₀, real images, their pixel values. */
  data: '#0072B2',
  /** ε, N(0, I), adding noise. */
  noise: '#D55E00',
  /** What the network outputs: ε̂, x̂₀, the denoising that it drives. */
  prediction: '#009E73',
  /** Lesson 2's two ways to the same x_t: step by step, and in one jump. */
  chain: '#1D2433',
  closedForm: '#7E8698',
  /** The two schedules a reader compares (lesson 3). */
  scheduleA: '#332288',
  scheduleB: '#AA3377',
  /** ε_u, the model with no prompt or label. */
  unconditional: '#6E7687',
  /** ε_c, the prompt or label, and how closely an image follows it (adherence). */
  conditional: '#882255',
  /** The two samplers of lesson 5. */
  ddpm: '#997700',
  ddim: '#332288',
  /** Cross-attention weights (lesson 6's Q·K). */
  attention: '#997700',
  /** How different the images of one prompt are from each other (lesson 7). */
  diversity: '#997700',
  /** A model before and after a change to its training (lesson 6's grounding loss). */
  before: '#6E7687',
  after: '#009E73',
  /** A loss curve as measured, and smoothed. */
  lossRaw: '#7E8698',
  loss: '#009E73',
} as const;

export type Role = keyof typeof ROLE;

/**
 * Which roles each figure shows side by side (ids from lessons/figures.ts):
 * the unit test keeps these apart. A figure not listed colours no role.
 */
export const FIGURE_ROLES: Readonly<Record<string, readonly Role[]>> = {
  hero: ['noise', 'prediction'],
  'forward-process': ['chain', 'closedForm', 'noise'],
  'schedule-curves': ['scheduleA', 'scheduleB'],
  'schedule-images': ['scheduleA', 'scheduleB'],
  'training-lab': ['lossRaw', 'loss'],
  'quality-vs-steps': ['ddpm', 'ddim'],
  qkv: ['data', 'conditional', 'attention'],
  'grounding-chart': ['before', 'after'],
  'guidance-predictions': ['unconditional', 'conditional', 'prediction'],
  'guidance-chart': ['conditional', 'diversity'],
};

/**
 * Three things of one kind told apart (lesson 5's traced pixels): hues the
 * roles of that figure do not use.
 */
export const TRIO = ['#332288', '#AA3377', '#997700'] as const;

/** Okabe & Ito's palette, for categories that are not roles (the U-Net diagram's block kinds). */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

/** Two schedules compared (lesson 3), in role colours. */
export const PAIR = { a: ROLE.scheduleA, b: ROLE.scheduleB } as const;

/**
 * The pair as text colours: both already read at 4.5:1 on the figure
 * background, so text uses them as they are.
 */
export const PAIR_TEXT = { a: ROLE.scheduleA, b: ROLE.scheduleB } as const;

/**
 * The roles an equation colours, as text: a symbol is drawn in its role's
 * colour where a figure beside the equation uses that colour, darkened where
 * the mark colour is too light to read at 4.5:1 on the page and the figure
 * background (tests/unit/viz/palette-contrast.test.ts).
 */
export const ROLE_TEXT = {
  data: ROLE.data,
  noise: '#B14E00',
  prediction: '#007B5A',
  unconditional: '#646B7B',
  conditional: ROLE.conditional,
} as const satisfies Partial<Record<Role, string>>;

/** A TeX symbol in its role's text colour (KaTeX's \textcolor, which needs no trust setting). */
export function roleTex(role: keyof typeof ROLE_TEXT, tex: string): string {
  return `\\textcolor{${ROLE_TEXT[role]}}{${tex}}`;
}
