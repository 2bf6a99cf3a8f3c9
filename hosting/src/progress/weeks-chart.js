const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 32 };
// Below this width every other week is labelled, so labels never overlap.
const LABEL_EVERY_WEEK_FROM = 560;

function svgElement(name, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== null) element.textContent = text;
  return element;
}

/**
 * The y axis's ticks for a tallest bar of `value`: 0, the middle and a round top at least 4
 * (1, 2, 4, 6 or 10 times a power of ten: even, so the middle is a whole number of tasks too).
 * @param {number} value
 * @returns {number[]}
 */
export function yTicks(value) {
  const least = Math.max(4, value);
  const power = 10 ** Math.floor(Math.log10(least));
  const top = [1, 2, 4, 6, 10].map((step) => step * power).find((round) => round >= least);
  return [0, top / 2, top];
}

/**
 * Created and done per week as grouped bars, drawn at the container's own pixel width (so
 * labels stay legible at 360 px). The SVG is decorative for screen readers: the page's table
 * carries the same numbers.
 */
export function drawWeeksChart(container, weeks, weekLabel) {
  const width = Math.max(280, container.clientWidth);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const ticks = yTicks(Math.max(...weeks.flatMap((week) => [week.created, week.done])));
  const top = ticks[ticks.length - 1];
  const y = (value) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / weeks.length;
  const barWidth = Math.max(3, Math.min(18, slot * 0.36));

  const svg = svgElement("svg", {
    width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
    class: "chart",
    "aria-hidden": "true",
    focusable: "false",
  });
  for (const tick of ticks) {
    svg.append(
      svgElement("line", {
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: y(tick),
        y2: y(tick),
        class: tick === 0 ? "chart-axis" : "chart-grid",
      }),
      svgElement("text", { x: MARGIN.left - 6, y: y(tick) + 4, class: "chart-tick" }, tick),
    );
  }
  const labelEvery = width >= LABEL_EVERY_WEEK_FROM ? 1 : 2;
  weeks.forEach((week, index) => {
    const center = MARGIN.left + slot * (index + 0.5);
    const group = svgElement("g", { class: "chart-week" });
    group.append(svgElement("title", {}, `${weekLabel(week)}: ${week.created} created, ${week.done} done`));
    for (const [series, offset] of [
      ["created", -barWidth - 1],
      ["done", 1],
    ]) {
      const value = week[series];
      group.append(
        svgElement("rect", {
          x: center + offset,
          y: y(value),
          width: barWidth,
          height: Math.max(0, y(0) - y(value)),
          rx: 2,
          class: `chart-bar chart-bar-${series}`,
          "data-series": series,
          "data-value": value,
        }),
      );
    }
    // Newest first from the right: the current week is always labelled.
    if ((weeks.length - 1 - index) % labelEvery === 0) {
      group.append(
        svgElement("text", { x: center, y: HEIGHT - 8, class: "chart-label" }, weekLabel(week)),
      );
    }
    svg.append(group);
  });
  container.replaceChildren(svg);
}
