// Quotes in the explorer: who said what in the open article, and a search over GET /quotes that lists
// the quotes themselves (words in <mark>), each opening its article.

import { append, clear, h } from "./dom.js";
import { formatDate, renderHighlight } from "./text.js";

function speakerLabel(quote) {
  const name = quote.speaker?.canonical || "unnamed speaker";
  return quote.speaker_role ? `${name} · ${quote.speaker_role}` : name;
}

function quoteItem(quote, words) {
  return h("li", { class: `quote ${quote.kind === "direct" ? "direct" : "indirect"}` },
    h("blockquote", {}, words),
    h("p", { class: "quote-by", text: `${speakerLabel(quote)}${quote.cue ? ` (${quote.cue})` : ""}` }));
}

// The document view's list: in reading order, direct quotes in marks, reported speech without.
export function quoteSection(quotes) {
  if (!quotes?.length) return null;
  return h("section", { class: "quotes", "aria-label": "Quotes in this article" },
    h("h3", { text: `Who said what (${quotes.length})` }),
    h("ol", {}, quotes.map((q) => quoteItem(q, q.kind === "direct" ? `“${q.text}”` : q.text))));
}

export function wireQuoteSearch({ api, openDocument, form, results }) {
  let seq = 0;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const speaker = form.elements.speaker.value.trim();
    const words = form.elements.words.value.trim();
    if (speaker) params.set("speaker", speaker);
    if (words) params.set("q", words);
    params.set("size", "20");
    const mine = ++seq;
    append(clear(results), [h("p", { class: "status", role: "status", text: "Searching quotes…" })]);
    try {
      const found = await api("/quotes", params);
      if (mine !== seq) return;
      const quotes = found.quotes || [];
      append(clear(results), [
        h("p", { class: "status", role: "status",
                 text: quotes.length ? `${quotes.length} quotes from ${found.total_articles} articles` : "No quotes found" }),
        h("ol", { class: "quote-hits" }, quotes.map((q) => {
          const item = quoteItem(q, q.highlight ? renderHighlight(q.highlight) : q.text);
          item.append(h("p", { class: "meta" },
            h("button", { type: "button", class: "open-doc", text: q.article.title || "(untitled)",
                          onclick: () => openDocument(q.article.id) }),
            ` ${q.article.site || ""} · ${formatDate(q.article.published)}`));
          return item;
        })),
      ]);
    } catch (error) {
      if (mine !== seq) return;
      append(clear(results), [h("p", { class: "notice error", role: "alert", text: `Quote search failed: ${error.message}` })]);
    }
  });
}
