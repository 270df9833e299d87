/**
 * Short definitions of the words a reader meets before the lesson that
 * teaches them, keyed by a stable id. Lesson prose, kept as data so that a
 * translation can replace it in one place.
 */
export const glossary = {
  gaussian: {
    term: 'Gaussian',
    def: 'The bell-shaped “normal” distribution. A Gaussian draw with mean μ and variance σ² lands within 2σ of μ about 95% of the time.',
  },
  normal: {
    term: '𝒩(μ, σ²I)',
    def: 'A Gaussian for a whole image: every pixel gets its own independent draw with mean μ and variance σ². I, the identity matrix, says that no pixel’s noise depends on another’s.',
  },
  reparameterisation: {
    term: 'reparameterisation',
    def: 'Writing a random draw as a fixed formula applied to standard noise ε ~ 𝒩(0, I). Here x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε: one draw of ε makes x_t, and training asks the network for that same ε.',
  },
  selfAttention: {
    term: 'self-attention',
    def: 'A layer in which every position of the image compares itself with every other position and takes a weighted average of them, so distant parts of a digit can inform each other. Lesson 6 explains attention in full.',
  },
  ema: {
    term: 'EMA',
    def: 'Exponential moving average: a running average of the weights over the training steps, which smooths out the jitter of single steps. Samples from it are usually cleaner than from the latest weights.',
  },
  ddim: {
    term: 'DDIM',
    def: 'A faster sampler, taught in lesson 5, that can skip most of the T steps: 20 DDIM steps already give a readable digit.',
  },
  groupNorm: {
    term: 'GroupNorm',
    def: 'Group normalisation: a layer that rescales each group of channels of one image to mean 0 and variance 1, then applies a learned scale and shift. It keeps the numbers in a healthy range.',
  },
  silu: {
    term: 'SiLU',
    def: 'An activation function, x · sigmoid(x): close to 0 for negative inputs and close to x for positive ones, with a smooth bend between. Without such bends, stacked layers could only compute straight-line functions.',
  },
} as const satisfies Record<string, { term: string; def: string }>;

export type GlossaryKey = keyof typeof glossary;
