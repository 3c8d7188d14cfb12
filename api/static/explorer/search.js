// Search (the start page) and the actor and place indexes: one list of the API with its own
// filters, facet counts (`group_by`), a date range and a sort. Everything chosen lives in the
// URL after #, so a search can be shared and the back button undoes the last choice.

import { get } from "./api.js";
import { claimItem } from "./claims.js";
import { date, h, link } from "./dom.js";
import { downloadButtons } from "./download.js";
import { facetFieldset } from "./facets.js";
import { pager } from "./pager.js";
import { quoteRow } from "./quotes.js";

const PAGE_SIZE = 20;

export function articleRow(article) {
  return h(
    "li",
    { class: "result" },
    link("articles", article.id, article.title),
    h("div", { class: "meta" }, [article.source, date(article.published_at)].filter(Boolean).join(" · ")),
  );
}

function actorRow(actor) {
  return h(
    "li",
    { class: "result" },
    link("actors", actor.id, actor.name),
    h("div", { class: "meta" }, `${actor.kind} · ${actor.quotes} quotes · ${actor.mentions} mentions · last seen ${date(actor.last_seen)}`),
  );
}

function placeRow(place) {
  return h(
    "li",
    { class: "result" },
    link("places", place.id, place.name),
    h("div", { class: "meta" }, `${place.kind}, ${place.country_code} · ${place.claims} claims · ${place.mentions} mentions`),
  );
}

const NEWEST = [["-created", "Newest first"], ["-published_at", "Latest published"], ["published_at", "Earliest published"]];

/** What each list can do: which facets the API groups and filters by, its sorts, its rows. */
export const COLLECTIONS = {
  articles: {
    title: "Articles",
    searchable: true,
    dated: true,
    sorts: NEWEST,
    facets: [{ label: "Source", param: "source", group: "source" }],
    row: articleRow,
  },
  quotes: {
    title: "Quotes",
    searchable: true,
    dated: true,
    sorts: NEWEST,
    facets: [{ label: "Kind", param: "kind", group: "kind", multiple: true }],
    row: (quote) => quoteRow(quote),
    listClass: "plain-list",
  },
  claims: {
    title: "Claims",
    searchable: false, // the API has no full-text search over claims
    dated: true,
    sorts: NEWEST,
    facets: [
      { label: "Stance", param: "stance", group: "stance", multiple: true },
      { label: "Type", param: "type", group: "type", multiple: true },
    ],
    row: (claim) => claimItem(claim),
    listClass: "claims",
    geojson: "v1/claims.geojson",
  },
  actors: {
    title: "Actors",
    searchable: true,
    sorts: [["-created", "Newest first"], ["created", "Oldest first"]],
    facets: [{ label: "Kind", param: "kind", group: "kind", multiple: true }],
    row: actorRow,
  },
  places: {
    title: "Places",
    searchable: true,
    sorts: [["-created", "Newest first"], ["created", "Oldest first"]],
    facets: [
      { label: "Country", param: "country", group: "country" },
      { label: "Kind", param: null, group: "kind" }, // the API groups places by kind, no filter
    ],
    row: placeRow,
    geojson: "v1/places.geojson",
  },
};

/** The day after a YYYY-MM-DD date, as the exclusive end of a range (published_before). */
function dayAfter(day) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** The API's filters from the URL's state, leaving out facet `without` (for its own counts). */
function filters(collection, query, fixed, without = null) {
  const params = { ...fixed };
  if (collection.searchable) params.q = query.get("q");
  for (const facet of collection.facets) {
    if (!facet.param || facet.param === without) continue;
    const chosen = query.getAll(facet.param).filter(Boolean);
    params[facet.param] = facet.multiple ? chosen : chosen[0];
  }
  if (collection.dated) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(query.get("from") ?? "")) params.published_after = `${query.get("from")}T00:00:00Z`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(query.get("to") ?? "")) params.published_before = dayAfter(query.get("to"));
  }
  return params;
}

/** The sort choices: relevance comes first (and is the default) when there are search words. */
function sortChoices(collection, query) {
  const choices = collection.searchable && query.get("q") ? [["relevance", "Best match"], ...collection.sorts] : collection.sorts;
  const chosen = query.get("sort");
  return { choices, sort: choices.some(([value]) => value === chosen) ? chosen : choices[0][0] };
}

function hashOf(base, form) {
  const parts = [];
  for (const [name, value] of new FormData(form)) {
    if (value) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.length ? `${base}?${parts.join("&")}` : base;
}

function labelled(id, text, control) {
  return h("div", { class: "field" }, h("label", { for: id }, text), control);
}

function tabs(current, query) {
  const q = query.get("q");
  return h(
    "nav",
    { class: "tabs", "aria-label": "What to search" },
    Object.entries(COLLECTIONS).map(([name, collection]) =>
      h(
        "a",
        { href: `#/${name}${q && collection.searchable ? `?q=${encodeURIComponent(q)}` : ""}`, "aria-current": name === current ? "page" : null },
        collection.title,
      ),
    ),
  );
}

/**
 * One list with its search form, facets and pages. `base`: the hash the state is added to;
 * `fixed`: filters always sent (an actor's quotes: {speaker}); `heading`: its title; `row`:
 * how to show an item, when not as the list usually does.
 */
export async function listing(name, query, { base = `#/${name}`, fixed = {}, heading = null, level = "h1", row = null } = {}) {
  const collection = { ...COLLECTIONS[name], ...(row && { row }) };
  const q = collection.searchable ? query.get("q") ?? "" : "";
  const { choices, sort } = sortChoices(collection, query);
  const params = filters(collection, query, fixed);

  const fetchPage = async (cursor) => {
    const page = await get(`v1/${name}`, { ...params, sort, limit: PAGE_SIZE, cursor, count: cursor ? null : true });
    return { rows: page.data.map(collection.row), next_cursor: page.next_cursor, meta: page.meta };
  };
  const [first, ...groups] = await Promise.all([
    fetchPage(null),
    ...collection.facets.map((facet) =>
      get(`v1/${name}`, { ...filters(collection, query, fixed, facet.param), limit: 1, group_by: facet.group }),
    ),
  ]);

  // the form holds the search box; the controls beside the results belong to it by `form=`
  // (a form must not hold the results: a quote's correction form is a form of its own)
  const formId = `finder-${name}`;
  const form = h("form", { class: "finder", id: formId, role: "search", "aria-label": `Find ${collection.title.toLowerCase()}` });
  if (collection.searchable) {
    const label = `Search ${collection.title.toLowerCase()}`;
    form.append(
      h(
        "div",
        { class: "search" },
        h("input", { type: "search", id: `find-q-${name}`, name: "q", value: q, placeholder: `${label}: words, "phrases", -not, or`, "aria-label": label, maxlength: 500 }),
        h("button", { type: "submit" }, "Search"),
      ),
    );
  }
  const sortSelect = h(
    "select",
    { id: `find-sort-${name}`, name: "sort", form: formId },
    choices.map(([value, text], index) => h("option", { value: index === 0 ? "" : value, selected: value === sort }, text)),
  );
  const choosers = [labelled(`find-sort-${name}`, "Order", sortSelect)];
  if (collection.dated) {
    const day = (which, text) =>
      labelled(`find-${which}-${name}`, text, h("input", { type: "date", id: `find-${which}-${name}`, name: which, value: query.get(which) ?? "", form: formId }));
    choosers.push(
      h("fieldset", { class: "dates" }, h("legend", {}, "Published"), day("from", "From"), day("to", "To"), h("button", { type: "submit", form: formId }, "Apply dates")),
    );
  }
  const facets = collection.facets.map((facet, index) =>
    facetFieldset(facet, groups[index].groups ?? [], facet.param ? query.getAll(facet.param).filter(Boolean) : [], formId),
  );

  const list = h("ol", { class: collection.listClass ?? "results" }, first.rows);
  const count = first.meta?.count;
  const total = count === undefined ? null : `${first.meta.count_exact === false ? "about " : ""}${count.toLocaleString("en-GB")} ${count === 1 ? "match" : "matches"}`;
  const title = heading ?? (q ? `${collection.title} matching “${q}”` : ["articles", "quotes", "claims"].includes(name) ? `Latest ${name}` : collection.title);
  const section = h(
    "section",
    { class: `listing listing-${name}` },
    h(level, {}, title),
    form,
    h(
      "div",
      { class: "finder-body" },
      h("div", { class: "finder-side" }, choosers, facets),
      h(
        "div",
        { class: "finder-results" },
        h("div", { class: "finder-head" }, h("p", { class: "meta total", role: "status" }, total), downloadButtons(name, { ...params, sort }, collection.geojson)),
        first.rows.length ? list : h("p", { class: "empty" }, "Nothing matches."),
        pager(list, fetchPage, first.next_cursor),
      ),
    ),
  );
  const go = () => {
    location.hash = hashOf(base, form);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go();
  });
  // a facet or the order: at once; words and dates wait for their button (or Enter)
  section.addEventListener("change", (event) => {
    if (event.target.form === form && ["checkbox", "radio", "select-one"].includes(event.target.type)) go();
  });
  return section;
}

export async function searchView({ path, query }) {
  const name = path && path !== "/" ? path.slice(1) : "articles";
  return h("section", { class: "view view-search" }, tabs(name, query), await listing(name, query));
}
