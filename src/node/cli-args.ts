/** Tiny `--key value` / `--flag` parser for the Node scripts. */
export function parseArgs<T extends Record<string, string | boolean>>(argv: string[], defaults: T): T {
  const out: Record<string, string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}".`);
    const key = a.slice(2);
    if (!(key in defaults)) throw new Error(`Unknown option --${key}; known: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    if (typeof defaults[key] === 'boolean') out[key] = true;
    else {
      const v = argv[++i];
      if (v === undefined) throw new Error(`--${key} needs a value.`);
      out[key] = v;
    }
  }
  return out as T;
}
