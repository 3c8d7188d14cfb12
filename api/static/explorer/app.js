// The explorer's router: the part of the URL after # names the view.
//
//   #/articles?q=…    search (the start page)     #/actors/ID   an actor and its quotes
//   #/quotes, #/claims  the same search, other lists #/places/ID   a place and its claims
//   #/actors, #/places  the actor and place indexes  #/articles/ID  one annotated article
//   #/map?stance=…    the claims map               #/editor      the key and name an editor uses
//
// The query after "?" is the page's state (search words, facets, dates, sort), so a link to it
// can be shared and the back button returns to the previous state.

import { actorView } from "./actor.js";
import { apiKey, ApiError, setApiKey } from "./api.js";
import { articleView } from "./article.js";
import { claimMapView } from "./claimmap.js";
import { editorView, takeNotice } from "./curation.js";
import { h } from "./dom.js";
import { placeView } from "./place.js";
import { searchView } from "./search.js";

const ROUTES = [
  [/^\/(articles|quotes|claims|actors|places)?$/, () => searchView],
  [/^\/editor$/, () => editorView],
  [/^\/articles\/([^/]+)$/, () => articleView],
  [/^\/actors\/([^/]+)$/, () => actorView],
  [/^\/places\/([^/]+)$/, () => placeView],
  [/^\/map$/, () => claimMapView],
];

const main = document.getElementById("main");
let shown = 0; // the latest navigation; an older one that finishes late is dropped

function parse(hash) {
  const [path, query = ""] = hash.replace(/^#/, "").split("?", 2);
  const search = new URLSearchParams(query); // `query`: for names that repeat (kind=a&kind=b)
  const params = Object.fromEntries(search);
  for (const [pattern, view] of ROUTES) {
    const match = pattern.exec(path || "/");
    if (match) {
      return { view: view(), params: { ...params, id: match[1] && decodeURIComponent(match[1]), query: search, path } };
    }
  }
  return null;
}

function keyForm() {
  const input = h("input", { type: "password", autocomplete: "off", placeholder: "gz_…", "aria-label": "API key" });
  const form = h("form", { class: "key-form" }, input, h("button", { type: "submit" }, "Use this key"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setApiKey(input.value.trim());
    render();
  });
  return form;
}

function errorView(error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    return h(
      "section",
      { class: "view view-error" },
      h("h1", {}, apiKey() ? "The API refused the key in use" : "This API needs a key for reading"),
      h("p", {}, apiKey() ? `The key given was refused: ${error.message}` : "Paste an API key with the read scope; it is kept for this browser tab only."),
      keyForm(),
    );
  }
  const title = error instanceof ApiError && error.status === 404 ? "Not found" : "Something went wrong";
  return h("section", { class: "view view-error" }, h("h1", {}, title), h("p", { class: "error" }, error.message));
}

const SECTIONS = { actors: "#/actors", places: "#/places", map: "#/map", editor: "#/editor" };

function markNav(hash) {
  const first = hash.replace(/^#\//, "").split(/[/?]/, 1)[0];
  const section = SECTIONS[first] ?? "#/";
  for (const item of document.querySelectorAll('nav a[href^="#"]')) {
    if (item.getAttribute("href") === section) item.setAttribute("aria-current", "page");
    else item.removeAttribute("aria-current");
  }
}

async function render() {
  const mine = ++shown;
  const hash = location.hash || "#/";
  markNav(hash);
  main.setAttribute("aria-busy", "true");
  let node;
  const route = parse(hash);
  try {
    node = route ? await route.view(route.params) : errorView(new Error(`No page at ${hash}`));
  } catch (error) {
    node = errorView(error);
  }
  if (mine !== shown) return;
  const notice = takeNotice(); // what the last save did, shown above the view it reloaded
  if (notice) node.prepend(notice);
  // a facet or sort changed on the same page: keep the keyboard where it was
  const focused = main.contains(document.activeElement) && document.activeElement.id;
  main.replaceChildren(node);
  main.removeAttribute("aria-busy");
  const heading = node.querySelector("h1");
  document.title = heading ? `${heading.textContent} · Gazette explorer` : "Gazette explorer";
  const again = focused && document.getElementById(focused);
  if (again) again.focus();
  else window.scrollTo(0, 0);
}

window.addEventListener("hashchange", render);
render();
