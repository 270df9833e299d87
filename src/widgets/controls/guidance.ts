/**
 * One guidance scale for every figure of lessons 5–8: w from 0 to 10, default 3,
 * in diffusers' convention (w = 1 is the plain conditional model).
 */
export const GUIDANCE_MAX = 10;
export const GUIDANCE_DEFAULT = 3;
