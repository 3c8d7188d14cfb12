// A facet: the values of one field among the matches (the API's `group_by`), each with its
// count, as checkboxes (several may be chosen) or radio buttons (one, or any) with labels.

import { h } from "./dom.js";

/** An id that stays the same from one render to the next, so focus can come back to it. */
function optionId(param, value) {
  return `facet-${param}-${encodeURIComponent(value).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function option(type, param, value, text, count, checked, form) {
  const id = optionId(param, value === "" ? "any" : value);
  return h(
    "li",
    {},
    h("input", { type, id, name: param, value, checked, form }),
    h("label", { for: id }, text, count === null ? null : h("span", { class: "count" }, ` (${count})`)),
  );
}

/**
 * `facet`: {label, param, multiple}; `groups`: [{key, label, count}] from the API; `chosen`:
 * the values in the URL. A facet without `param` only shows its counts (the API can group by
 * the field but not filter on it). `form`: the id of the form the inputs belong to.
 */
export function facetFieldset(facet, groups, chosen, form) {
  const legend = h("legend", {}, facet.label);
  if (!facet.param) {
    return h(
      "fieldset",
      { class: "facet" },
      legend,
      h("ul", {}, groups.map((group) => h("li", {}, group.label ?? group.key ?? "none", h("span", { class: "count" }, ` (${group.count})`)))),
    );
  }
  // a group without a key (articles without a source, say) cannot be chosen as a filter
  const shown = groups.filter((group) => group.key !== null);
  for (const value of chosen) {
    if (!shown.some((group) => group.key === value)) shown.push({ key: value, label: value, count: 0 });
  }
  const type = facet.multiple ? "checkbox" : "radio";
  const options = shown.map((group) =>
    option(type, facet.param, group.key, group.label ?? group.key, group.count, chosen.includes(group.key), form),
  );
  if (!facet.multiple) options.unshift(option("radio", facet.param, "", "Any", null, chosen.length === 0, form));
  return h(
    "fieldset",
    { class: "facet" },
    legend,
    shown.length ? h("ul", {}, options) : h("p", { class: "empty" }, "None among the matches."),
  );
}
