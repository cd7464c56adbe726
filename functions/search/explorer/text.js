// Turning the API's text into DOM safely.
//
// Highlights come from OpenSearch's html encoder: the article text is entity-encoded and the only
// markup is the literal <mark> and </mark> we asked for. We split on those two markers, decode the
// entities of each piece ourselves and insert the pieces as text nodes, so whatever an article
// says (even "<script>") stays text. Nothing here ever assigns HTML.

import { h } from "./dom.js";

const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED, name.toLowerCase()) ? NAMED[name.toLowerCase()] : whole;
  });
}

// [{text, marked}] from an encoded highlight such as "a &lt;b&gt; <mark>word</mark> c".
export function highlightSegments(encoded) {
  const segments = [];
  let marked = false;
  for (const piece of String(encoded).split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece) segments.push({ text: decodeEntities(piece), marked });
  }
  return segments;
}

export function renderHighlight(encoded) {
  const fragment = document.createDocumentFragment();
  for (const { text, marked } of highlightSegments(encoded)) {
    fragment.append(marked ? h("mark", { text }) : document.createTextNode(text));
  }
  return fragment;
}

// [{text, mention}] cutting `body` at the mentions' [start, end) offsets; overlaps keep the first.
export function mentionSegments(body, mentions) {
  const sorted = [...(mentions || [])]
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= body.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let at = 0;
  for (const mention of sorted) {
    if (mention.start < at) continue;
    if (mention.start > at) segments.push({ text: body.slice(at, mention.start), mention: null });
    segments.push({ text: body.slice(mention.start, mention.end), mention });
    at = mention.end;
  }
  if (at < body.length) segments.push({ text: body.slice(at), mention: null });
  return segments;
}

export function formatDate(iso) {
  if (!iso) return "undated";
  const day = new Date(iso);
  if (Number.isNaN(day.getTime())) return String(iso);
  return day.toLocaleDateString("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Jakarta" });
}

export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
