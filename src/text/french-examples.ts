/**
 * The example prompts the lessons suggest, as a French reader would type
 * them. The figures and their links keep the English (the caption grammar the
 * model was trained on); a French page shows these words in its prompt box,
 * and the box maps them back (french-prompt.ts), to the same caption.
 */
export const FRENCH_EXAMPLES: Readonly<Record<string, string>> = {
  'a seven in the top left and 2 bottom right': 'un sept en haut à gauche et un 2 en bas à droite',
  '3 top left': 'un 3 en haut à gauche',
  'an eight in the lower right corner': 'un huit en bas à droite',
  'one top right, four bottom left': 'un en haut à droite, quatre en bas à gauche',
  'a 5 bottom left and a 🐱 top right': 'un 5 en bas à gauche et un 🐱 en haut à droite',
  '3 top left and 7 bottom right': 'un 3 en haut à gauche et un 7 en bas à droite',
  'a five in the upper right': 'un cinq en haut à droite',
  'two bottom left, 8 top right': 'deux en bas à gauche, un 8 en haut à droite',
  'four bottom left': 'quatre en bas à gauche',
  'a seven in the top right': 'un sept en haut à droite',
  'zero bottom left, 4 bottom right': 'zéro en bas à gauche, un 4 en bas à droite',
};

/** How a French page shows an English example prompt (other prompts as they are). */
export const inFrench = (prompt: string): string => FRENCH_EXAMPLES[prompt] ?? prompt;
