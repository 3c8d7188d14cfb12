// Building DOM nodes. Text from the API only ever becomes text nodes or attribute values,
// never markup: no string is ever parsed as HTML in the explorer.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append children: strings become text nodes; null and false are skipped; arrays flatten. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: h("a", {href: "#/x", class: "y"}, "text", otherNode). */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A link to a view of the explorer (hash routing); ids are URL-encoded. */
export function link(kind, id, ...children) {
  return h("a", { href: `#/${kind}/${encodeURIComponent(id)}` }, ...children);
}

/** A link out of the explorer, only for http(s) URLs (never javascript: or data:). */
export function external(url, ...children) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return h("span", {}, ...children);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return h("span", {}, ...children);
  return h("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank" }, ...children);
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "3 Dec 2025" for an RFC 3339 time; "undated" for null. */
export function date(value) {
  return value ? DATE.format(new Date(value)) : "undated";
}

/** A small label such as a kind or a stance; `tone` picks its colour class. */
export function badge(text, tone) {
  return h("span", { class: `badge ${tone ? `badge-${tone}` : ""}` }, text);
}
