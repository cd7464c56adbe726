// Trends, what stands out, and export links for the current search. The trends panel asks the API
// only while it is open (GET /trends); the export links are plain links to GET /export.

import { append, clear, h } from "./dom.js";

const ENTITY_GROUPS = [["official", "Officials"], ["region", "Regions"], ["organization", "Organizations"]];
let deps = null;
let lastTrends = null;
let trendSeq = 0;
const $ = (id) => document.getElementById(id);

// deps: { api(path, params), searchParams(state), change(mutate), toggleValue(facet, value, exclude) }
export function wireTrends(dependencies) {
  deps = dependencies;
  $("trends").addEventListener("toggle", () => { if ($("trends").open) refreshTrends(deps.current()); });
  $("interval").addEventListener("change", () => deps.change((next) => { next.interval = $("interval").value; }, { resetOffset: false }));
  $("compare-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("compare-input").value.trim();
    $("compare-input").value = "";
    if (!value) return;
    deps.change((next) => { if (!next.compare.includes(value) && next.compare.length < 4) next.compare.push(value); },
                { resetOffset: false });
  });
}

export function exportLinks(params) {
  for (const format of ["csv", "jsonl"]) {
    const query = new URLSearchParams(params);
    query.delete("sort");
    query.delete("offset");
    query.set("format", format);
    $(`export-${format}`).href = `/export?${query}`;
  }
}

function trendParams(state) {
  const params = deps.searchParams(state);
  params.delete("sort");
  params.delete("offset");
  params.set("interval", state.interval);
  for (const value of state.compare) params.append("compare", value);
  return params;
}

export function refreshTrends(state) {
  $("interval").value = state.interval;
  renderCompared(state);
  if (!$("trends").open) return;
  const params = trendParams(state).toString();
  if (params === lastTrends) return;
  lastTrends = params;
  loadTrends(params);
}

async function loadTrends(params) {
  const seq = ++trendSeq;
  const panel = $("trends");
  panel.dataset.state = "loading";
  try {
    const result = await deps.api("/trends", new URLSearchParams(params));
    if (seq !== trendSeq) return;
    renderTable(result);
    renderStandsOut(result.stands_out);
    panel.dataset.state = "ready";
  } catch (error) {
    if (seq !== trendSeq) return;
    lastTrends = null;
    append(clear($("compare")), [h("p", { class: "notice error", role: "alert", text: `Trends failed: ${error.message}` })]);
    clear($("stands-out"));
    panel.dataset.state = "error";
  }
}

function renderCompared(state) {
  const box = clear($("compare-series"));
  for (const value of state.compare) {
    box.append(h("span", { class: "pill" }, h("span", { text: `compare: ${value}` }),
      h("button", { type: "button", text: "×", "aria-label": `Stop comparing ${value}`,
                    onclick: () => deps.change((next) => { next.compare = next.compare.filter((v) => v !== value); },
                                               { resetOffset: false }) })));
  }
}

function percent(share) {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function renderTable(result) {
  const series = result.series;
  const rows = (series[0]?.buckets || []).filter((_, i) => series.some((s) => s.buckets[i].count));
  const table = h("table", { class: "compare-table" },
    h("caption", { text: `Articles per ${result.interval}, and their share of all articles that ${result.interval}` }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Period" }),
      series.map((s) => h("th", { scope: "col", text: s.label })))),
    h("tbody", {}, rows.map((bucket) => {
      const index = series[0].buckets.indexOf(bucket);
      return h("tr", {}, h("th", { scope: "row", text: bucket.date }),
        series.map((s) => {
          const cell = s.buckets[index];
          return h("td", { "data-count": cell.count, "data-share": cell.share },
            `${cell.count.toLocaleString("en")} · ${percent(cell.share)}`);
        }));
    })));
  // Bars behind the numbers, relative to the largest share in view (CSSOM: the CSP allows no inline style).
  const cells = [...table.querySelectorAll("td")];
  const most = Math.max(...cells.map((td) => Number(td.dataset.share)), 0);
  for (const td of cells) td.style.setProperty("--bar", most ? String(Number(td.dataset.share) / most) : "0");
  append(clear($("compare")), [rows.length ? table : h("p", { class: "status", text: "No articles in any period." })]);
}

function renderStandsOut(standsOut) {
  const box = clear($("stands-out"));
  box.append(h("h3", { text: "What stands out in this search" }));
  const groups = [...ENTITY_GROUPS, ["words", "Words"]];
  for (const [kind, title] of groups) {
    const items = standsOut?.[kind] || [];
    box.append(h("section", { class: "stands-out-group", "data-kind": kind }, h("h4", { text: title }),
      items.length ? h("ul", {}, items.map((item) => h("li", {},
        h("button", { type: "button", class: "stand-out", "data-kind": kind, "data-value": item.value,
                      title: `${item.count} here, ${item.background} in all articles`, text: item.value,
                      onclick: () => (kind === "words"
                        ? deps.change((next) => { next.q = `${next.q} ${item.value}`.trim(); })
                        : deps.toggleValue(kind, item.value, false)) }))))
        : h("p", { class: "status", text: "nothing stands out" })));
  }
}
