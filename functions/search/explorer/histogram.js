// The date histogram: bars drawn in SVG; drag across them (mouse, pen or touch) to choose a range.
// Keyboard users set the same range with the two date inputs beside the chart.

import { clear, h, svg } from "./dom.js";

const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 16;

function addInterval(day, interval) {
  const match = /^(\d*)([dwMy])$/.exec(interval || "1d") || [null, "1", "d"];
  const amount = parseInt(match[1] || "1", 10);
  const next = new Date(`${day}T00:00:00Z`);
  if (match[2] === "y") next.setUTCFullYear(next.getUTCFullYear() + amount);
  else if (match[2] === "M") next.setUTCMonth(next.getUTCMonth() + amount);
  else next.setUTCDate(next.getUTCDate() + amount * (match[2] === "w" ? 7 : 1));
  return next;
}

function isoDay(moment) {
  return moment.toISOString().slice(0, 10);
}

// The last day a bucket covers: the day before the next bucket starts.
export function bucketEnd(buckets, index, interval) {
  const next = index + 1 < buckets.length ? new Date(`${buckets[index + 1].date}T00:00:00Z`)
    : addInterval(buckets[index].date, interval);
  next.setUTCDate(next.getUTCDate() - 1);
  return isoDay(next);
}

export function drawHistogram(container, histogram, range, onRange) {
  clear(container);
  const buckets = histogram?.buckets || [];
  if (!buckets.length) {
    container.append(h("p", { text: "No dated articles." }));
    return;
  }
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const step = WIDTH / buckets.length;
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT + AXIS}`, preserveAspectRatio: "none",
                             role: "img", "aria-label": "Articles per period; drag to choose dates" });
  buckets.forEach((bucket, index) => {
    const height = Math.max(bucket.count ? 2 : 0, (bucket.count / max) * (HEIGHT - 4));
    const end = bucketEnd(buckets, index, histogram.interval);
    const inside = (!range.from || end >= range.from) && (!range.to || bucket.date <= range.to);
    const bar = svg("rect", { class: `bar${inside && (range.from || range.to) ? " in" : ""}`,
                              x: index * step + step * 0.1, width: Math.max(step * 0.8, 0.5),
                              y: HEIGHT - height, height, "data-date": bucket.date, "data-count": bucket.count });
    const tip = svg("title");
    tip.textContent = `${bucket.date}${end !== bucket.date ? ` – ${end}` : ""}: ${bucket.count}`;
    bar.append(tip);
    chart.append(bar);
  });
  const labels = [0, Math.floor(buckets.length / 2), buckets.length - 1];
  for (const index of new Set(labels)) {
    const label = svg("text", { class: "axis", x: Math.min(index * step + 2, WIDTH - 60), y: HEIGHT + AXIS - 3 });
    label.textContent = buckets[index].date;
    chart.append(label);
  }
  const brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: HEIGHT, visibility: "hidden" });
  chart.append(brush);

  const indexAt = (clientX) => {
    const box = chart.getBoundingClientRect();
    const ratio = (clientX - box.left) / Math.max(box.width, 1);
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(ratio * buckets.length)));
  };
  let anchor = null;
  const show = (a, b) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    brush.setAttribute("x", low * step);
    brush.setAttribute("width", (high - low + 1) * step);
    brush.setAttribute("visibility", "visible");
  };
  chart.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    anchor = indexAt(event.clientX);
    chart.setPointerCapture(event.pointerId);
    show(anchor, anchor);
    event.preventDefault();
  });
  chart.addEventListener("pointermove", (event) => {
    if (anchor !== null) show(anchor, indexAt(event.clientX));
  });
  const finish = (event) => {
    if (anchor === null) return;
    const current = indexAt(event.clientX);
    const [low, high] = anchor <= current ? [anchor, current] : [current, anchor];
    anchor = null;
    onRange(buckets[low].date, bucketEnd(buckets, high, histogram.interval));
  };
  chart.addEventListener("pointerup", finish);
  chart.addEventListener("pointercancel", () => { anchor = null; brush.setAttribute("visibility", "hidden"); });
  container.append(chart);
}
