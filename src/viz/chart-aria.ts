/**
 * Observable Plot labels each mark's group (aria-label="line", "x-axis tick"),
 * but a <g> has no role, so the label is prohibited there (axe's
 * aria-prohibited-attr) and screen readers ignore it anyway. A chart is one
 * image with one name and a text summary, so the labels inside it go.
 */
export function plainChartSvg(chart: Element): Element {
  for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}
