// An actor: who it is, what it said (quotes by this speaker, filtered by kind and date, the
// filters in the URL) and where it appears; for an editor, rename and merge.

import { get, getEntity } from "./api.js";
import { actorEditor, curatedNote } from "./curation.js";
import { badge, date, h } from "./dom.js";
import { pager } from "./pager.js";
import { quoteRow } from "./quotes.js";
import { articleRow, listing } from "./search.js";

const PAGE_SIZE = 25;

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

async function articlesSection(actor) {
  const fetchPage = async (cursor) => {
    const page = await get("v1/articles", { actor: actor.id, limit: PAGE_SIZE, cursor });
    return { rows: page.data.map(articleRow), next_cursor: page.next_cursor };
  };
  const first = await fetchPage(null);
  const list = h("ol", { class: "plain-list" }, first.rows);
  return h(
    "section",
    { class: "panel" },
    h("h2", {}, "Articles"),
    first.rows.length ? list : h("p", { class: "empty" }, "No articles."),
    pager(list, fetchPage, first.next_cursor),
  );
}

export async function actorView({ id, query }) {
  const { entity: actor, etag } = await getEntity(`v1/actors/${encodeURIComponent(id)}`);
  const [quotes, articles] = await Promise.all([
    listing("quotes", query, {
      base: `#/actors/${encodeURIComponent(actor.id)}`,
      fixed: { speaker: actor.id },
      heading: "Quotes",
      level: "h2",
      row: (quote) => quoteRow(quote, { speaker: false }),
    }),
    articlesSection(actor),
  ]);
  return h(
    "section",
    { class: "view view-actor" },
    h("h1", {}, actor.name, " ", badge(actor.kind, "muted")),
    curatedNote(actor),
    h("div", { class: "two-columns" }, h("div", { class: "panel" }, quotes), h("div", {}, facts(actor), actorEditor(actor, etag), articles)),
  );
}
