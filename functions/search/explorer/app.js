// Warta explorer: faceted search over the search API, with the view kept in the address bar.

import { AuthRequired, authHeaders, signInPrompt, takeTokenFromFragment } from "./auth.js";
import { append, clear, h } from "./dom.js";
import { drawHistogram } from "./histogram.js";
import { quoteSection, wireQuoteSearch } from "./quotes.js";
import { FACETS, copy, emptyState, fromUrl, searchParams, toUrl } from "./state.js";
import { formatDate, mentionSegments, renderHighlight, safeUrl } from "./text.js";
import { exportLinks, refreshTrends, wireTrends } from "./trends.js";

const PAGE = 20;
const MAX_OFFSET = 1000;
const TITLES = { official: "Officials", position: "Positions", region: "Regions", organization: "Organizations",
                 person: "Persons", site: "Sites", speaker: "Speakers" };
const CHIP_FACET = { official: "official", region: "region", organization: "organization", person: "person" };
const $ = (id) => document.getElementById(id);

let current = emptyState();
let lastSearch = null;     // the search parameters last fetched, to skip refetching when only `doc` changes
let lastResult = null;
let searchSeq = 0;
let docSeq = 0;
let firstRender = true;
const expanded = new Set();  // provinces opened in the region tree (view state, not worth a URL)
const panels = {};

// ---- the API ---------------------------------------------------------------------------------
async function api(path, params) {
  const query = params && params.toString() ? `?${params}` : "";
  const response = await fetch(`${path}${query}`, { headers: { Accept: "application/json", ...authHeaders() } });
  const body = await response.json().catch(() => null);
  if (response.status === 401) throw new AuthRequired(body?.message || "Unauthorized");
  if (!response.ok) throw new Error(body?.message || `the API answered ${response.status}`);
  return body;
}

// ---- navigation --------------------------------------------------------------------------------
function navigate(next, { resetOffset = true } = {}) {
  if (resetOffset) next.offset = 0;
  const url = toUrl(next);
  if (url !== toUrl(current)) history.pushState(null, "", url);
  show(next);
}

function change(mutate, options) {
  const next = copy(current);
  next.doc = "";
  mutate(next);
  navigate(next, options);
}

function toggleValue(facet, value, exclude) {
  change((next) => {
    const into = exclude ? next.exclude[facet] : next.include[facet];
    const other = exclude ? next.include[facet] : next.exclude[facet];
    const at = into.indexOf(value);
    if (at >= 0) into.splice(at, 1);
    else into.push(value);
    const elsewhere = other.indexOf(value);
    if (elsewhere >= 0) other.splice(elsewhere, 1);
  });
}

function show(state) {
  current = state;
  $("q").value = state.q;
  $("sort").value = state.sort;
  $("from").value = state.from;
  $("to").value = state.to;
  renderActive();
  const params = searchParams(state).toString();
  if (params !== lastSearch) {
    lastSearch = params;
    runSearch(state);
  } else if (lastResult) {
    renderFacets(lastResult.facets);
  }
  exportLinks(searchParams(state));
  refreshTrends(state);
  showDocument(state.doc);
}

// ---- search --------------------------------------------------------------------------------
async function runSearch(state) {
  const seq = ++searchSeq;
  const results = $("results");
  results.setAttribute("aria-busy", "true");
  document.body.dataset.state = "loading";
  $("status").textContent = "Searching…";
  if (!lastResult) append(clear(results), [h("div", { class: "skeleton" }), h("div", { class: "skeleton" })]);
  const params = searchParams(state);
  params.set("size", String(PAGE));
  try {
    const result = await api("/search", params);
    if (seq !== searchSeq) return;
    lastResult = result;
    renderResults(result);
    renderFacets(result.facets);
    drawHistogram($("histogram"), result.histogram, { from: current.from, to: current.to },
                  (from, to) => change((next) => { next.from = from; next.to = to; }));
    renderPager(result.total);
    document.body.dataset.state = "ready";
    if (firstRender) {
      firstRender = false;
      performance.mark("warta:first-results");
    }
  } catch (error) {
    if (seq !== searchSeq) return;
    if (error instanceof AuthRequired) {
      append(clear(results), [signInPrompt(() => { lastSearch = null; show(current); })]);
      $("status").textContent = "";
      document.body.dataset.state = "sign-in";
      $("token").focus();
      return;
    }
    append(clear(results), [h("div", { class: "notice error", role: "alert" },
                                  h("p", { text: `The search failed: ${error.message}` }),
                                  h("button", { type: "button", class: "clear", text: "Try again",
                                                onclick: () => { lastSearch = null; show(current); } }))]);
    $("status").textContent = "";
    document.body.dataset.state = "error";
  } finally {
    if (seq === searchSeq) results.removeAttribute("aria-busy");
  }
}

function hasFilters(state) {
  return Boolean(state.q || state.from || state.to ||
                 FACETS.some((f) => state.include[f].length || state.exclude[f].length));
}

function renderResults(result) {
  const results = clear($("results"));
  const count = result.total;
  const words = `${count.toLocaleString("en")} article${count === 1 ? "" : "s"}`;
  $("status").textContent = count
    ? `${words}${result.took_ms != null ? ` · ${result.took_ms} ms` : ""}${result.timed_out ? " · partial (timed out)" : ""}`
    : "No articles";
  if (!result.hits.length) {
    results.append(h("div", { class: "notice" },
      h("p", { text: count ? "No more articles on this page." : "Nothing matches this search." }),
      hasFilters(current) ? h("button", { type: "button", class: "clear", text: "Clear the search and filters",
                                          onclick: () => navigate(emptyState()) }) : null));
    return;
  }
  for (const hit of result.hits) results.append(renderHit(hit));
}

function renderHit(hit) {
  const link = safeUrl(hit.url);
  const title = hit.title_highlight ? renderHighlight(hit.title_highlight) : hit.title || "(untitled)";
  return h("article", { class: "hit", "data-id": hit.id },
    h("h3", {}, h("button", { type: "button", class: "open-doc", onclick: () => openDocument(hit.id) }, title)),
    h("div", { class: "meta" },
      h("span", { text: hit.site || "" }),
      h("time", { datetime: hit.published || "", text: formatDate(hit.published) }),
      link ? h("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: "original ↗" }) : null),
    hit.snippet ? h("p", { class: "snippet" }, renderHighlight(hit.snippet)) : null,
    entityChips(hit.officials.map((o) => ({ type: "official", value: o.name, label: o.position ? `${o.name} · ${o.position}` : o.name })),
                hit.regions.map((r) => ({ type: "region", value: r.canonical, label: r.canonical })),
                hit.organizations.map((o) => ({ type: "organization", value: o, label: o })),
                (hit.persons || []).map((p) => ({ type: "person", value: p, label: p }))));
}

function entityChips(...groups) {
  const seen = new Set();
  const chips = h("div", { class: "chips" });
  for (const entity of groups.flat()) {
    const key = `${entity.type}:${entity.value}`;
    if (!entity.value || seen.has(key)) continue;
    seen.add(key);
    chips.append(h("button", {
      type: "button", class: `chip ${entity.type}`, text: entity.label,
      title: `Filter by ${entity.value} (Alt-click to exclude)`, "data-facet": CHIP_FACET[entity.type],
      "data-value": entity.value,
      onclick: (event) => { closeDialog(); toggleValue(CHIP_FACET[entity.type], entity.value, event.altKey); },
    }));
  }
  return chips;
}

function renderPager(total) {
  const pager = clear($("pager"));
  if (total <= PAGE) return;
  const offset = current.offset;
  const last = Math.min(total, MAX_OFFSET + PAGE);
  const go = (to) => { change((next) => { next.offset = to; }, { resetOffset: false }); $("results").focus(); };
  pager.append(
    h("button", { type: "button", text: "← Previous", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - PAGE)) }),
    h("span", { class: "status", text: `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total.toLocaleString("en")}` }),
    h("button", { type: "button", text: "Next page →", disabled: offset + PAGE >= last || offset + PAGE > MAX_OFFSET,
                  onclick: () => go(offset + PAGE) }));
}

// ---- facets --------------------------------------------------------------------------------
function buildPanels() {
  const aside = $("facets");
  for (const facet of FACETS) {
    const list = h("ul", { "data-facet": facet });
    const options = h("datalist", { id: `suggest-${facet}` });
    const input = h("input", { type: "search", list: options.id, placeholder: `Find ${TITLES[facet].toLowerCase()}…`,
                               "aria-label": `Find and add a value of ${TITLES[facet].toLowerCase()}`,
                               autocomplete: "off", maxlength: 50 });
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (!prefix) return;
      timer = setTimeout(async () => {
        try {
          const found = await api("/suggest", new URLSearchParams({ prefix, field: facet, size: "10" }));
          clear(options);
          for (const { value, count } of found.values) options.append(h("option", { value, text: `${count}` }));
        } catch { /* suggestions are a nicety: a failure leaves the list as it was */ }
      }, 180);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || !input.value.trim()) return;
      event.preventDefault();
      const value = input.value.trim();
      input.value = "";
      if (!current.include[facet].includes(value)) toggleValue(facet, value, event.altKey);
    });
    const count = h("small");
    panels[facet] = { list, count };
    aside.append(h("section", { class: "facet", "aria-label": TITLES[facet] },
                   h("h2", {}, h("span", { text: TITLES[facet] }), count), input, options, list));
  }
}

function valueRow(facet, value, count, children) {
  const included = current.include[facet].includes(value);
  const excluded = current.exclude[facet].includes(value);
  const row = h("div", { class: "row" });
  if (children) {
    const open = expanded.has(value);
    row.append(h("button", { type: "button", class: "twisty", text: "▸", "aria-expanded": String(open),
                             "aria-label": `${open ? "Hide" : "Show"} places in ${value}`, "data-focus": `twisty:${value}`,
                             disabled: children.length ? null : true,
                             onclick: () => { if (open) expanded.delete(value); else expanded.add(value); renderFacets(lastResult.facets, `twisty:${value}`); } }));
  }
  row.append(
    h("button", { type: "button", class: `value${excluded ? " excluded" : ""}`, "aria-pressed": String(included),
                  title: excluded ? `Excluded: ${value} (click to remove)` : `${value} (Alt-click to exclude)`,
                  "data-facet": facet, "data-value": value, "data-focus": `${facet}:${value}`,
                  onclick: (event) => toggleValue(facet, value, event.altKey) },
      h("span", { class: "label", text: value }), h("span", { class: "count", text: excluded ? "excluded" : count ?? "" })),
    h("button", { type: "button", class: "exclude", text: "⊘", "aria-label": `${excluded ? "Stop excluding" : "Exclude"} ${value}`,
                  "aria-pressed": String(excluded), "data-facet": facet, "data-value": value,
                  "data-focus": `not:${facet}:${value}`, onclick: () => toggleValue(facet, value, true) }));
  const item = h("li", {}, row);
  if (children && expanded.has(value) && children.length) {
    item.append(h("ul", {}, children.map((child) => valueRow(facet, child.value, child.count))));
  }
  return item;
}

function renderFacets(facets, focusKey) {
  const focused = focusKey || document.activeElement?.dataset?.focus;
  for (const facet of FACETS) {
    const { list, count } = panels[facet];
    const buckets = facets?.[facet] || [];
    const known = new Map(buckets.map((b) => [b.value, b]));
    const chosen = [...current.include[facet], ...current.exclude[facet]];
    const rows = [];
    for (const value of chosen) {
      const bucket = known.get(value) || buckets.find((b) => b.value.toLowerCase() === value.toLowerCase());
      rows.push([value, bucket?.count ?? 0, bucket?.children]);
      if (bucket) known.delete(bucket.value);
    }
    for (const bucket of known.values()) rows.push([bucket.value, bucket.count, bucket.children]);
    if (facet === "region") {
      for (const [value, , children] of rows) {
        if ((children || []).some((c) => current.include.region.includes(c.value) || current.exclude.region.includes(c.value))) expanded.add(value);
      }
    }
    count.textContent = chosen.length ? `${chosen.length} chosen` : "";
    clear(list);
    if (!rows.length) list.append(h("li", { class: "empty-facet", text: "none in these results" }));
    for (const [value, n, children] of rows) {
      list.append(valueRow(facet, value, n, facet === "region" ? children || [] : undefined));
    }
  }
  if (focused) {
    const target = [...document.querySelectorAll("[data-focus]")].find((el) => el.dataset.focus === focused);
    target?.focus();
  }
}

function renderActive() {
  const active = clear($("active"));
  const pill = (label, exclude, remove) => h("span", { class: `pill${exclude ? " not" : ""}` },
    h("span", { text: label }), h("button", { type: "button", text: "×", "aria-label": `Remove ${label}`, onclick: remove }));
  if (current.q) active.append(pill(`“${current.q}”`, false, () => change((n) => { n.q = ""; })));
  for (const facet of FACETS) {
    for (const value of current.include[facet]) {
      active.append(pill(`${facet}: ${value}`, false, () => toggleValue(facet, value, false)));
    }
    for (const value of current.exclude[facet]) {
      active.append(pill(`not ${facet}: ${value}`, true, () => toggleValue(facet, value, true)));
    }
  }
  if (current.from || current.to) {
    active.append(pill(`${current.from || "…"} → ${current.to || "…"}`, false,
                       () => change((n) => { n.from = ""; n.to = ""; })));
  }
  if (active.childElementCount > 1) {
    active.append(h("button", { type: "button", class: "clear", text: "Clear all", onclick: () => navigate(emptyState()) }));
  }
}

// ---- the document view -------------------------------------------------------------------------
function openDocument(id) {
  const next = copy(current);
  next.doc = id;
  navigate(next, { resetOffset: false });
}

function closeDialog() {
  const dialog = $("document");
  if (dialog.open) dialog.close();
}

async function showDocument(id) {
  const dialog = $("document");
  const content = $("doc-content");
  if (!id) {
    closeDialog();
    return;
  }
  if (content.dataset.id === id && dialog.open) return;
  const seq = ++docSeq;
  content.dataset.id = id;
  append(clear(content), [h("p", { class: "status", role: "status", text: "Loading the article…" })]);
  if (!dialog.open) dialog.showModal();
  try {
    const [doc, like] = await Promise.all([
      api(`/documents/${id}`),
      api(`/documents/${id}/similar`, new URLSearchParams({ size: "5" })).catch(() => ({ hits: [] })),
    ]);
    if (seq !== docSeq) return;
    renderDocument(content, doc, like.hits || []);
    $("doc-close").focus();
  } catch (error) {
    if (seq !== docSeq) return;
    append(clear(content), [h("p", { class: "notice error", role: "alert", text: `Could not load the article: ${error.message}` })]);
  }
}

function renderDocument(content, doc, similar) {
  const body = doc.body || "";
  const marked = h("div", { class: "doc-body" });
  const labels = {};
  for (const o of doc.officials || []) labels[`official:${o.key}`] = o.position ? `${o.name} · ${o.position}` : o.name;
  for (const segment of mentionSegments(body, doc.mentions)) {
    const m = segment.mention;
    if (!m) {
      marked.append(document.createTextNode(segment.text));
      continue;
    }
    marked.append(h("mark", { class: m.type, "data-type": m.type, title: `${m.type}: ${labels[`${m.type}:${m.value}`] || m.value}`,
                              text: segment.text }));
  }
  const link = safeUrl(doc.url);
  append(clear(content), [
    h("h2", { id: "doc-title", text: doc.title || "(untitled)" }),
    h("div", { class: "meta" }, h("span", { text: doc.site || "" }),
      h("time", { datetime: doc.published || "", text: formatDate(doc.published) }),
      (doc.authors || []).length ? h("span", { text: doc.authors.join(", ") }) : null,
      link ? h("a", { href: link, target: "_blank", rel: "noopener noreferrer", text: "original ↗" }) : null),
    h("div", { class: "legend", "aria-label": "Entities in this article" },
      entityChips((doc.officials || []).map((o) => ({ type: "official", value: o.name, label: o.position ? `${o.name} · ${o.position}` : o.name })),
                  (doc.regions || []).map((r) => ({ type: "region", value: r.canonical, label: r.path?.length ? r.path.join(" › ") : r.canonical })),
                  (doc.organizations || []).map((o) => ({ type: "organization", value: o.canonical, label: o.canonical })),
                  (doc.persons || []).map((p) => ({ type: "person", value: p.canonical, label: p.canonical })))),
    marked,
    quoteSection(doc.quotes),
    similar.length ? h("section", { class: "similar" }, h("h3", { text: "Similar articles" }),
      h("ul", {}, similar.map((hit) => h("li", {},
        h("button", { type: "button", text: hit.title || "(untitled)", onclick: () => openDocument(hit.id) }),
        h("span", { class: "meta", text: ` ${hit.site || ""} · ${formatDate(hit.published)}` }))))) : null,
  ]);
  content.scrollTop = 0;
}

// ---- wiring --------------------------------------------------------------------------------
function wire() {
  buildPanels();
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    change((next) => { next.q = $("q").value.trim(); });
  });
  $("sort").addEventListener("change", () => change((next) => { next.sort = $("sort").value; }));
  for (const bound of ["from", "to"]) {
    $(bound).addEventListener("change", () => change((next) => { next[bound] = $(bound).value; }));
  }
  const dialog = $("document");
  $("doc-close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    $("doc-content").dataset.id = "";
    const was = current.doc;
    if (was) {
      const next = copy(current);
      next.doc = "";
      navigate(next, { resetOffset: false });
      document.querySelector(`.hit[data-id="${CSS.escape(was)}"] .open-doc`)?.focus();
    }
  });
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  $("facets-toggle").addEventListener("click", () => {
    const open = $("facets").classList.toggle("open");
    $("facets-toggle").setAttribute("aria-expanded", String(open));
  });
  wireTrends({ api, searchParams, change, toggleValue, current: () => current });
  window.addEventListener("popstate", () => show(fromUrl(location.search)));
  wireQuoteSearch({ api, openDocument, form: $("quote-form"), results: $("quote-results") });
  takeTokenFromFragment();
  show(fromUrl(location.search));
}

wire();
