/**
 * Anchors on a lesson's section headings, so a teacher can link to one
 * section. Ids come from the heading's words and stay stable while the words
 * do; a heading that already has an id keeps it.
 */

/** "The same image, the same noise" → "the-same-image-the-same-noise". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Unique ids for a list of headings, in order: repeats get -2, -3…; ids already taken are skipped. */
export function headingIds(texts: readonly string[], taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set(taken);
  return texts.map((text) => {
    const base = slugify(text) || 'section';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * Gives every h2/h3 under `root` an id and a visible "#" link to itself.
 * Returns a function that removes the links again.
 */
export function addHeadingAnchors(root: HTMLElement, label: (heading: string) => string): () => void {
  const headings = [...root.querySelectorAll<HTMLHeadingElement>('h2, h3')].filter((h) => !h.closest('figure'));
  const taken = new Set([...document.querySelectorAll('[id]')].map((e) => e.id));
  const fresh = headingIds(
    headings.filter((h) => !h.id).map((h) => h.textContent ?? ''),
    taken,
  );
  const links: HTMLAnchorElement[] = [];
  let i = 0;
  for (const h of headings) {
    if (!h.id) h.id = fresh[i++];
    const a = document.createElement('a');
    a.className = 'heading-anchor';
    a.href = `#${h.id}`;
    a.setAttribute('aria-label', label(h.textContent ?? ''));
    a.textContent = '#';
    h.append(a);
    links.push(a);
  }
  return () => links.forEach((a) => a.remove());
}
