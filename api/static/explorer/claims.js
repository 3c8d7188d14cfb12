// One claim as a list item: where, who holds it by the claim, who says so, and the sentence;
// whether an editor marked it wrong, and, for an editor, the button to do so.

import { claimEditor, curatedNote, editButton } from "./curation.js";
import { badge, date, h, link } from "./dom.js";

export const STANCE_TONES = { asserted: "asserted", denied: "denied" };

/** An actor reference as a link, else the text the article used, else a dash. */
export function actorRef(ref, text) {
  if (ref) return link("actors", ref.id, ref.name);
  return text ?? "—";
}

export function placeRef(claim) {
  return claim.place ? link("places", claim.place.id, claim.place.name) : claim.place_text;
}

function role(name, value) {
  return h("span", { class: "role" }, h("span", { class: "role-name" }, `${name}: `), value);
}

/** A claim: badges, place, roles, evidence; `place` and `article` say what to show. */
export function claimItem(claim, { place = true, article = true } = {}) {
  return h(
    "li",
    { class: `claim claim-${claim.stance}${claim.wrong ? " claim-wrong" : ""}`, dataset: { claim: claim.id } },
    h(
      "div",
      { class: "claim-head" },
      claim.wrong ? badge("marked wrong", "wrong") : null,
      badge(claim.stance, STANCE_TONES[claim.stance]),
      badge(claim.type),
      claim.modality !== "factual" ? badge(claim.modality, "muted") : null,
      place ? h("strong", { class: "claim-place" }, placeRef(claim)) : null,
      h("span", { class: "claim-date" }, date(claim.claimed_at)),
    ),
    h(
      "div",
      { class: "claim-roles" },
      role("held by", actorRef(claim.controller, claim.controller_text)),
      claim.previous_controller ? role("before", actorRef(claim.previous_controller)) : null,
      role("claimed by", actorRef(claim.claimant, claim.claimant_text)),
      claim.relayed_by ? role("relayed by", actorRef(claim.relayed_by)) : null,
      claim.extent?.text ? role("extent", claim.extent.text) : null,
    ),
    h(
      "blockquote",
      { class: "evidence-text" },
      claim.evidence.text.trim(),
      article ? [" ", link("articles", claim.article_id, "(article)")] : null,
    ),
    curatedNote(claim, claim.wrong ? "Marked wrong" : "Reviewed"),
    editButton(claim.wrong ? "Review this claim" : "Mark this claim wrong", () => claimEditor(claim.id)),
  );
}
