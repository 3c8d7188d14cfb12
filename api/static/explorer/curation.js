// Corrections by an editor: a write key and a name typed into the editor page (both kept in
// sessionStorage for this tab, never in the URL), forms to change a quote's speaker or kind,
// mark a claim wrong, rename an actor or merge a duplicate into it, and who corrected what.
//
// Every change sends the ETag of the entity as the editor saw it (If-Match): when someone else
// changed it meanwhile the API answers 412, the page says so and reloads their version.

import { apiKey, ApiError, get, getEntity, send, setApiKey } from "./api.js";
import { badge, h } from "./dom.js";

const CURATOR_STORAGE = "gazette.curator";
const QUOTE_KINDS = ["direct", "indirect", "partial"];
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

let notice = null; // a message for the next render (after a save or a 412 the view reloads)

export function curator() {
  return sessionStorage.getItem(CURATOR_STORAGE) ?? "";
}

export function canEdit() {
  return Boolean(apiKey() && curator());
}

/** Render the current view again (its data fetched anew), showing `message` on top. */
function reload(message) {
  notice = message;
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/** The message left by the last save, once. */
export function takeNotice() {
  if (!notice) return null;
  const box = h("p", { class: "notice", role: "status" }, notice);
  notice = null;
  return box;
}

/** "Corrected by Ana on 7 Dec 2026, 15:20 UTC" for a curated entity, else nothing; `what`
 * says what the editor did ("Marked wrong"). */
export function curatedNote(entity, what = "Corrected") {
  if (!entity.curated) return null;
  return h(
    "p",
    { class: "curated" },
    h("span", { "aria-hidden": "true" }, "✎ "),
    `${what} by `,
    h("strong", {}, entity.curated_by ?? "an editor"),
    entity.curated_at ? ` on ${DATE_TIME.format(new Date(entity.curated_at))} UTC` : null,
  );
}

/** What to say when a save failed: a 412 reloads, anything else is shown in `status`. */
function failed(error, what, status) {
  if (error instanceof ApiError && error.status === 412) {
    reload(`Someone else changed this ${what} since you opened it, so your change was not saved. The page now shows their version: check it and correct it again if needed.`);
  } else {
    status.textContent = `Not saved: ${error.message}`;
  }
}

/** A button that opens (and closes) the editor built by `open()` right under it; editors only. */
export function editButton(text, open) {
  if (!canEdit()) return null;
  const slot = h("div", { class: "editor-slot" });
  const button = h("button", { type: "button", class: "edit", "aria-expanded": "false" }, text);
  button.addEventListener("click", async () => {
    if (slot.firstChild) {
      slot.replaceChildren();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    button.disabled = true;
    try {
      slot.replaceChildren(await open());
      button.setAttribute("aria-expanded", "true");
      slot.querySelector("input, select")?.focus();
    } catch (error) {
      slot.replaceChildren(h("p", { class: "error", role: "alert" }, `Could not open the editor: ${error.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h("div", { class: "editing" }, button, slot);
}

let pickers = 0;

/** Search actors by name and pick one: `onPick(actor)`. */
export function actorPicker(label, onPick) {
  const id = `actor-picker-${(pickers += 1)}`;
  const input = h("input", { type: "search", id, autocomplete: "off", maxlength: 500 });
  const find = h("button", { type: "button" }, "Find");
  const results = h("ul", { class: "picker-results", "aria-label": "Actors found" });
  const search = async () => {
    const q = input.value.trim();
    if (!q) return;
    try {
      const page = await get("v1/actors", { q, sort: "relevance", limit: 8 });
      results.replaceChildren(
        ...page.data.map((actor) => {
          const choose = h("button", { type: "button" }, `Choose ${actor.name}`, " ", badge(actor.kind, "muted"));
          choose.addEventListener("click", () => {
            results.replaceChildren();
            onPick(actor);
          });
          return h("li", {}, choose);
        }),
      );
      if (!page.data.length) results.replaceChildren(h("li", { class: "empty" }, "No actor by that name."));
    } catch (error) {
      results.replaceChildren(h("li", { class: "error" }, `Could not search: ${error.message}`));
    }
  };
  find.addEventListener("click", search);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault(); // search, do not submit the form around it
      search();
    }
  });
  return h("div", { class: "picker" }, h("label", { for: id }, label), h("div", { class: "picker-row" }, input, find), results);
}

/** The form that corrects one quote: its speaker (picked among actors) and its kind. */
export async function quoteEditor(id) {
  const path = `v1/quotes/${encodeURIComponent(id)}`;
  const { entity: quote, etag } = await getEntity(path);
  let speaker = quote.speaker;
  const speakerName = h("strong", {}, speaker ? speaker.name : "nobody");
  const clear = h("button", { type: "button" }, "No speaker");
  clear.addEventListener("click", () => {
    speaker = null;
    speakerName.textContent = "nobody";
  });
  const picker = actorPicker("Find the right speaker", (actor) => {
    speaker = actor;
    speakerName.textContent = actor.name;
  });
  const kind = h("select", { id: `edit-kind-${id}` }, QUOTE_KINDS.map((value) => h("option", { value, selected: value === quote.kind }, value)));
  const status = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "editor", "aria-label": "Correct this quote" },
    h("p", {}, "Speaker: ", speakerName, " ", clear),
    picker,
    h("div", { class: "field" }, h("label", { for: `edit-kind-${id}` }, "Kind"), kind),
    h("button", { type: "submit" }, "Save correction"),
    status,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { curator: curator() };
    if ((speaker?.id ?? null) !== (quote.speaker?.id ?? null)) body.speaker = speaker ? speaker.id : null;
    if (kind.value !== quote.kind) body.kind = kind.value;
    try {
      await send("PATCH", path, body, etag);
      reload(`Quote corrected by ${curator()}.`);
    } catch (error) {
      failed(error, "quote", status);
    }
  });
  return form;
}

/** The form that marks one claim wrong (the article does not make it: the extractor misread
 * it) or, for a claim marked wrong, takes that back. */
export async function claimEditor(id) {
  const path = `v1/claims/${encodeURIComponent(id)}`;
  const { entity: claim, etag } = await getEntity(path);
  const status = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "editor", "aria-label": "Mark this claim" },
    h(
      "p",
      {},
      claim.wrong
        ? "This claim is marked wrong. If the article does make it after all, it counts again for who holds the place."
        : "Wrong means the article does not make this claim. It stays listed, marked wrong, but no longer decides who holds the place or whether it is contested.",
    ),
    h("button", { type: "submit" }, claim.wrong ? "Not wrong after all" : "Mark wrong"),
    status,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await send("PATCH", path, { curator: curator(), wrong: !claim.wrong }, etag);
      reload(claim.wrong ? `Claim restored by ${curator()}.` : `Claim marked wrong by ${curator()}.`);
    } catch (error) {
      failed(error, "claim", status);
    }
  });
  return form;
}

/** Rename the actor, or merge a duplicate into it; `etag`: the actor as this page showed it. */
export function actorEditor(actor, etag) {
  if (!canEdit()) {
    return h("p", { class: "meta" }, h("a", { href: "#/editor" }, "Start editing"), " to rename this actor or merge a duplicate into it.");
  }
  const path = `v1/actors/${encodeURIComponent(actor.id)}`;
  const name = h("input", { type: "text", id: "edit-actor-name", value: actor.name, required: true, maxlength: 500 });
  const renameStatus = h("p", { class: "error", role: "alert" });
  const rename = h(
    "form",
    { class: "editor", "aria-label": "Rename this actor" },
    h("div", { class: "field" }, h("label", { for: "edit-actor-name" }, "Name"), name),
    h("button", { type: "submit" }, "Rename"),
    renameStatus,
  );
  rename.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await send("PATCH", path, { curator: curator(), name: name.value.trim() }, etag);
      reload(`Renamed by ${curator()}.`);
    } catch (error) {
      failed(error, "actor", renameStatus);
    }
  });

  let duplicate = null;
  const chosen = h("p", {}, "Nobody chosen yet.");
  const mergeButton = h("button", { type: "submit", disabled: true }, "Merge into this actor");
  const mergeStatus = h("p", { class: "error", role: "alert" });
  const picker = actorPicker("Find the duplicate", (other) => {
    if (other.id === actor.id) {
      mergeStatus.textContent = "That is this actor: choose another one.";
      return;
    }
    duplicate = other;
    mergeStatus.textContent = "";
    chosen.textContent = `“${other.name}” (${other.kind}) will disappear: its quotes, mentions, claims and names move to “${actor.name}”.`;
    mergeButton.disabled = false;
  });
  const merge = h("form", { class: "editor", "aria-label": "Merge a duplicate into this actor" }, picker, chosen, mergeButton, mergeStatus);
  merge.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!duplicate) return;
    try {
      await send("POST", `${path}/merge`, { curator: curator(), absorb: duplicate.id }, etag);
      reload(`“${duplicate.name}” merged into “${actor.name}” by ${curator()}.`);
    } catch (error) {
      failed(error, "actor", mergeStatus);
    }
  });
  return h("section", { class: "panel" }, h("h2", {}, "Correct this actor"), rename, h("h3", {}, "Merge a duplicate"), merge);
}

/** The editor page: the write key and the name that signs every correction. */
export async function editorView() {
  const key = h("input", { type: "password", id: "editor-key", autocomplete: "off", placeholder: "gz_…" });
  const name = h("input", { type: "text", id: "editor-name", autocomplete: "name", value: curator(), maxlength: 200, required: true });
  const form = h(
    "form",
    { class: "editor panel" },
    h("div", { class: "field" }, h("label", { for: "editor-key" }, "Write key"), key),
    h("div", { class: "field" }, h("label", { for: "editor-name" }, "Your name (shown on every correction)"), name),
    h("button", { type: "submit" }, "Start editing"),
  );
  const status = h("p", { class: "error", role: "alert" });
  form.append(status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const previous = apiKey();
    if (key.value.trim()) setApiKey(key.value.trim());
    try {
      await get("v1/actors", { limit: 1 }); // a key the API does not know is refused on any call
    } catch (error) {
      setApiKey(previous);
      status.textContent = `The key was refused: ${error.message}`;
      return;
    }
    sessionStorage.setItem(CURATOR_STORAGE, name.value.trim());
    reload(canEdit() ? `Editing as ${curator()}. Open a quote, a claim or an actor to correct it.` : "A write key is needed too.");
  });
  const stop = h("button", { type: "button" }, "Stop editing");
  stop.addEventListener("click", () => {
    setApiKey(null);
    sessionStorage.removeItem(CURATOR_STORAGE);
    reload("Editing stopped: the key is forgotten.");
  });
  return h(
    "section",
    { class: "view view-editor" },
    h("h1", {}, "Editing"),
    h(
      "p",
      {},
      canEdit()
        ? `Editing as ${curator()}. `
        : "With a write key an editor can correct a quote's speaker or kind, mark a claim wrong, rename an actor and merge duplicates. ",
      "The key stays in this browser tab (sessionStorage), never in the address.",
    ),
    form,
    canEdit() ? stop : null,
  );
}
