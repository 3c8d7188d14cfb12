// A quote as a list item: the words, who said them, when, where; who corrected it, if anyone;
// and, for an editor, a button that opens the correction form.

import { curatedNote, editButton, quoteEditor } from "./curation.js";
import { badge, date, h, link } from "./dom.js";

/** `speaker`: show who said it (not on the speaker's own page). */
export function quoteRow(quote, { speaker = true } = {}) {
  return h(
    "li",
    { class: "quote-item", dataset: { quote: quote.id } },
    h("q", {}, quote.text),
    h(
      "div",
      { class: "meta" },
      speaker ? [quote.speaker ? link("actors", quote.speaker.id, quote.speaker.name) : quote.speaker_text ?? "unknown speaker", " · "] : null,
      date(quote.published_at),
      " · ",
      badge(quote.kind),
      quote.cue ? ` “${quote.cue}”` : null,
      " · ",
      link("articles", quote.article_id, "in article"),
    ),
    curatedNote(quote),
    editButton("Correct this quote", () => quoteEditor(quote.id)),
  );
}
