// The start page: full-text search over articles (newest first without a query).

import { get } from "./api.js";
import { date, h, link } from "./dom.js";
import { pager } from "./pager.js";

const PAGE_SIZE = 20;

export function articleRow(article) {
  return h(
    "li",
    { class: "result" },
    link("articles", article.id, article.title),
    h("div", { class: "meta" }, [article.source, date(article.published_at)].filter(Boolean).join(" · ")),
  );
}

export async function searchView({ q = "" }) {
  const input = h("input", {
    type: "search",
    name: "q",
    value: q,
    placeholder: "Search articles: words, \"phrases\", -not, or",
    "aria-label": "Search articles",
    maxlength: 500,
  });
  const form = h(
    "form",
    { class: "search", role: "search" },
    input,
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    location.hash = value ? `#/articles?q=${encodeURIComponent(value)}` : "#/articles";
  });

  const fetchPage = async (cursor) => {
    const page = await get("v1/articles", { q, limit: PAGE_SIZE, cursor });
    return { rows: page.data.map(articleRow), next_cursor: page.next_cursor };
  };
  const first = await fetchPage(null);
  const list = h("ol", { class: "results" }, first.rows);
  const heading = q ? `Articles matching “${q}”` : "Latest articles";
  return h(
    "section",
    { class: "view view-search" },
    form,
    h("h1", {}, heading),
    first.rows.length ? list : h("p", { class: "empty" }, q ? "No article matches." : "No articles yet."),
    pager(list, fetchPage, first.next_cursor),
  );
}
