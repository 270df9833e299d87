/**
 * Course text is plain strings that write subscripts as in TeX, `x_t` or
 * `x_{t−1}`. This splits a string into runs of text and of subscript, so a
 * component can set the subscripts as <sub> without any HTML in the data.
 */
export interface Run {
  text: string;
  sub: boolean;
}

export function subscriptRuns(s: string): Run[] {
  const out: Run[] = [];
  const re = /_(\{[^}]*\}|[A-Za-z0-9])/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), sub: false });
    const body = m[1];
    out.push({ text: body.startsWith('{') ? body.slice(1, -1) : body, sub: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), sub: false });
  return out;
}
