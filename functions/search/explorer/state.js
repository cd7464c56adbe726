// The whole view lives in the address bar, with the API's own parameter names, so a link shares a
// view and the back button walks through the views.

export const FACETS = ["official", "position", "region", "organization", "person", "site", "speaker"];
const SORTS = ["relevance", "newest", "oldest"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INTERVALS = ["month", "week", "year", "day"];

export function emptyState() {
  return { q: "", sort: "relevance", from: "", to: "", offset: 0, doc: "", interval: "month", compare: [],
           include: Object.fromEntries(FACETS.map((f) => [f, []])),
           exclude: Object.fromEntries(FACETS.map((f) => [f, []])) };
}

export function fromUrl(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get("q") || "";
  state.sort = SORTS.includes(params.get("sort")) ? params.get("sort") : "relevance";
  state.from = DAY.test(params.get("from") || "") ? params.get("from") : "";
  state.to = DAY.test(params.get("to") || "") ? params.get("to") : "";
  state.offset = Math.max(0, Math.min(1000, parseInt(params.get("offset") || "0", 10) || 0));
  state.doc = /^[0-9a-f]{40}$/.test(params.get("doc") || "") ? params.get("doc") : "";
  state.interval = INTERVALS.includes(params.get("interval")) ? params.get("interval") : "month";
  state.compare = params.getAll("compare").filter(Boolean).slice(0, 4);
  for (const facet of FACETS) {
    state.include[facet] = params.getAll(facet).filter(Boolean);
    state.exclude[facet] = params.getAll(`-${facet}`).filter(Boolean);
  }
  return state;
}

// Parameters of the search itself: what the API takes, without the open document.
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of FACETS) {
    for (const value of state.include[facet]) params.append(facet, value);
    for (const value of state.exclude[facet]) params.append(`-${facet}`, value);
  }
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  return params;
}

export function toUrl(state) {
  const params = searchParams(state);
  if (state.interval !== "month") params.set("interval", state.interval);
  for (const value of state.compare) params.append("compare", value);
  if (state.doc) params.set("doc", state.doc);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

export function same(a, b) {
  return toUrl(a) === toUrl(b);
}

export function copy(state) {
  return structuredClone(state);
}
