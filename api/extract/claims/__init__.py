"""Stage 4: territorial claims — who says which side holds, took, lost or should cede a place.

Rules over the parsed sentences (no extra parse), one concept a module:

1. a *trigger* word sets the claim type: "captured", "seized", “liberated” (capture);
   "controls", "holds", "in control of", "under Colombian control", "Venezuelan-held" (control);
   "entered", "pushed into", "foothold" (advance); "withdrew from", "pulled back" (withdrawal);
   "fighting for control of" (contested); "cede", "hand over", "must leave" (cession);
   "annexed", "claims … as its own" (annexation);
2. the *place* is the first place named after the trigger (with the places coordinated with
   it: "Zorivka and Lisne"), or, for passive and relative forms ("Lisne, long held
   by Venezuelan forces", "which its army never entered"), the place before
   it; "the city", "the village", "the region" refer back to the last place of that kind;
   a capitalised name the gazetteer does not know, right after the trigger or after "the
   village of", is still a claim (no place key, the name as written);
3. the *controller* is the state behind the subject or agent ("Colombian troops" → Colombia,
   "its forces" → the country of the body that said it); withdrawals and cessions give the
   place to the other side;
4. *stance* is `denied` when the trigger is negated ("had not entered", "never captured") or
   the sentence rejects it ("denied reports that …", "is not true"); a bare rejection
   ("Caracas dismissed it as invented") answers the last claim by the other side, "rejected
   the account" its main (first capture or control) claim (`responds_to`); a rejection later
   in the same sentence ("…, a claim Caracas dismissed") keeps the assertion and adds a denial;
5. *modality* from modals and cues: would/could → hypothetical, must/demand → demanded,
   plan/draft → proposed, "could not be independently verified" → unverified.


Modules: `triggers` (rule 1) with `parties` (a claim needs a side able to hold ground: a
state, an armed force or group), `targets` over `place_refs` (rule 2), `sides` and
`attribution` (rule 3), `stance` (rules 4 and 5), `extent`; `stage.find_claims` runs them
sentence by sentence.
Their words come from the English language pack through `words`.
"""

from api.extract.claims.stage import find_claims

__all__ = ["find_claims"]
