// An actor: who it is, what it said (quotes by this speaker, newest first) and where it appears.

import { get } from "./api.js";
import { badge, date, h, link } from "./dom.js";
import { pager } from "./pager.js";
import { articleRow } from "./search.js";

const PAGE_SIZE = 25;

function quoteRow(quote) {
  return h(
    "li",
    { class: "quote-item", dataset: { quote: quote.id } },
    h("q", {}, quote.text),
    h(
      "div",
      { class: "meta" },
      date(quote.published_at),
      " · ",
      badge(quote.kind),
      quote.cue ? ` “${quote.cue}”` : null,
      " · ",
      link("articles", quote.article_id, "in article"),
    ),
  );
}

function facts(actor) {
  const rows = [
    ["Kind", actor.kind],
    ["Titles", actor.titles.join(", ")],
    ["Also called", actor.aliases.join(", ")],
    ["Affiliation", actor.affiliation],
    ["Mentions", actor.mentions],
    ["Quotes", actor.quotes],
    ["First seen", actor.first_seen && date(actor.first_seen)],
    ["Last seen", actor.last_seen && date(actor.last_seen)],
  ].filter(([, value]) => value !== null && value !== "" && value !== undefined);
  return h("dl", { class: "facts" }, rows.map(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

async function listSection(title, fetchPage, emptyText) {
  const first = await fetchPage(null);
  const list = h("ol", { class: "plain-list" }, first.rows);
  return h(
    "section",
    { class: "panel" },
    h("h2", {}, title),
    first.rows.length ? list : h("p", { class: "empty" }, emptyText),
    pager(list, fetchPage, first.next_cursor),
  );
}

export async function actorView({ id }) {
  const actor = await get(`v1/actors/${encodeURIComponent(id)}`);
  const quotes = listSection(
    "Quotes",
    async (cursor) => {
      const page = await get("v1/quotes", { speaker: actor.id, limit: PAGE_SIZE, cursor });
      return { rows: page.data.map(quoteRow), next_cursor: page.next_cursor };
    },
    "No quotes by this actor.",
  );
  const articles = listSection(
    "Articles",
    async (cursor) => {
      const page = await get("v1/articles", { actor: actor.id, limit: PAGE_SIZE, cursor });
      return { rows: page.data.map(articleRow), next_cursor: page.next_cursor };
    },
    "No articles.",
  );
  return h(
    "section",
    { class: "view view-actor" },
    h("h1", {}, actor.name, " ", badge(actor.kind, "muted")),
    h("div", { class: "two-columns" }, h("div", {}, await quotes), h("div", {}, facts(actor), await articles)),
  );
}
