/** The seeds a reader can type or draw: small enough to read aloud in class. */
export const SEED_MAX = 999_999;

/** A random seed different from `current`, so "New noise" always changes something. */
export function freshSeed(current: number, max = SEED_MAX): number {
  let s = current;
  while (s === current) s = Math.floor(Math.random() * (max + 1));
  return s;
}
