// One annotated article: the body with quotes, mentions and claims marked, and beside it the
// speakers' legend and lists of quotes, claims, actors and places.

import { annotatedBody, speakers, toneOf } from "./annotate.js";
import { get } from "./api.js";
import { claimItem } from "./claims.js";
import { curatedNote, editButton, quoteEditor } from "./curation.js";
import { badge, date, external, h, link } from "./dom.js";

function legend(speakerList) {
  if (!speakerList.length) return h("p", { class: "empty" }, "No quotes in this article.");
  return h(
    "ul",
    { class: "legend" },
    speakerList.map((speaker) =>
      h(
        "li",
        { class: "legend-item", dataset: { speaker: speaker.id ?? "" } },
        h("span", { class: `swatch ${speaker.tone}`, "aria-hidden": "true" }),
        speaker.id ? link("actors", speaker.id, speaker.name) : speaker.name,
        h("span", { class: "count" }, ` ${speaker.count}`),
      ),
    ),
  );
}

/** Bring the quote's first mark into view and flash it. */
function showInText(quoteId, body) {
  const marks = [...body.querySelectorAll("mark.quote")].filter((mark) => mark.dataset.quote === quoteId);
  if (!marks.length) return;
  marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
  for (const mark of marks) {
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  }
}

function quoteItem(quote, speakerList, body) {
  const show = h("button", { type: "button", class: "link-button" }, "show in text");
  show.addEventListener("click", () => showInText(quote.id, body));
  return h(
    "li",
    { class: `quote-item ${toneOf(quote, speakerList)}`, dataset: { quote: quote.id } },
    h("q", {}, quote.text),
    h(
      "div",
      { class: "meta" },
      quote.speaker ? link("actors", quote.speaker.id, quote.speaker.name) : quote.speaker_text ?? "unattributed",
      " · ",
      badge(quote.kind),
      quote.cue ? ` “${quote.cue}” · ` : " · ",
      show,
    ),
    curatedNote(quote),
    editButton("Correct this quote", () => quoteEditor(quote.id)),
  );
}

function section(title, count, content) {
  return h("section", { class: "panel" }, h("h2", {}, title, h("span", { class: "count" }, ` ${count}`)), content);
}

export async function articleView({ id }) {
  const article = await get(`v1/articles/${encodeURIComponent(id)}`);
  const speakerList = speakers(article.quotes);
  const body = h("div", { class: "body", lang: article.language }, annotatedBody(article, speakerList));
  // in order of first mention; those only inferred (no mention of their own) last
  const byPosition = (a, b) => (a.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER) - (b.mentions[0]?.start ?? Number.MAX_SAFE_INTEGER);

  return h(
    "article",
    { class: "view view-article" },
    h(
      "header",
      { class: "article-head" },
      h("h1", {}, article.title),
      h(
        "div",
        { class: "meta" },
        [article.source, date(article.published_at)].filter(Boolean).join(" · "),
        article.url ? [" · ", external(article.url, "original")] : null,
      ),
    ),
    h(
      "div",
      { class: "article-layout" },
      h("div", { class: "article-main" }, body),
      h(
        "aside",
        { class: "article-side" },
        section("Speakers", speakerList.length, legend(speakerList)),
        section(
          "Quotes",
          article.quotes.length,
          h("ol", { class: "quotes" }, article.quotes.map((quote) => quoteItem(quote, speakerList, body))),
        ),
        section(
          "Claims",
          article.claims.length,
          h("ol", { class: "claims" }, article.claims.map((claim) => claimItem(claim, { article: false }))),
        ),
        section(
          "Actors",
          article.actors.length,
          h(
            "ul",
            { class: "entities" },
            [...article.actors].sort(byPosition).map((actor) => h("li", {}, link("actors", actor.id, actor.name), " ", badge(actor.kind, "muted"))),
          ),
        ),
        section(
          "Places",
          article.places.length,
          h(
            "ul",
            { class: "entities" },
            [...article.places]
              .sort(byPosition)
              .map((place) => h("li", {}, link("places", place.id, place.name), " ", badge(`${place.kind}, ${place.country_code}`, "muted"))),
          ),
        ),
      ),
    ),
  );
}
