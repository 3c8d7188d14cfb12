// "More" under a list: the next page of a keyset-paged API list, while there is one.

import { h } from "./dom.js";

/** `fetchPage(cursor)` resolves to {rows: [Node], next_cursor}; rows are appended to `list`. */
export function pager(list, fetchPage, cursor) {
  const more = h("button", { type: "button", class: "more" }, "More");
  const status = h("span", { class: "error", role: "status" });
  more.hidden = !cursor;
  more.addEventListener("click", async () => {
    more.disabled = true;
    status.textContent = "";
    try {
      const page = await fetchPage(cursor);
      list.append(...page.rows);
      cursor = page.next_cursor;
      more.hidden = !cursor;
    } catch (error) {
      status.textContent = `Could not load more: ${error.message}`;
    } finally {
      more.disabled = false;
    }
  });
  return h("div", { class: "pager" }, more, status);
}
