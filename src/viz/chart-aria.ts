/**
 * Observable Plot labels each mark's group (aria-label="line", "x-axis tick"),
 * but a <g> has no role, so the label is prohibited there (axe's
 * aria-prohibited-attr) and screen readers ignore it anyway. A chart is one
 * image with one name and a text summary, so the labels inside it go; each
 * survives as data-mark, which tests use to find a chart's lines and dots.
 */
export function plainChartSvg(chart: Element): Element {
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    const label = el.getAttribute('aria-label');
    if (label) el.setAttribute('data-mark', label);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}
