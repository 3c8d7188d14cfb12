"""Stance and modality of a claim (rules 4 and 5 of the stage): denials (a negated trigger, a
rejection before or after it, a bare rejection that answers an earlier claim), demands,
proposals, hypotheses and unverified reports."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from api.extract.claims.sides import ActorBook
from api.extract.claims.syntax import SUBJECT_DEPS, country_of_text, subject_phrase
from api.extract.claims.words import (
    CLAIM_NOUNS,
    DEMAND_NOUNS,
    DEMAND_VERBS,
    DENIAL_VERBS,
    FALSITY,
    PLAN_NOUNS,
    UNVERIFIED,
)
from api.extract.types import ExtractedClaim, Modality
from api.extract.types import Span as TextSpan


def is_denied(sent: Span, t: Token) -> bool:
    """Negated trigger ('had not entered', 'never captured') or rejected statement."""
    for tok in [t, t.head]:
        if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in tok.children):
            return True
        if any(no_longer(c) for c in tok.children):
            return True
    if FALSITY.search(sent.text):
        return True
    # "denied reports that …"; not "…, a claim Oslo dismissed, and then …", which answers
    # the claims before it (later_denials)
    return any(is_rejection(tok) and tok.i < t.i and not answers_claim(tok) for tok in sent)


def answers_claim(tok: Token) -> bool:
    """A rejection in a clause on a claim noun: "a claim Oslo dismissed"."""
    return tok.dep_ in {"relcl", "acl"} and tok.head.lemma_.lower() in CLAIM_NOUNS


def refused_recognition(tok: Token) -> bool:
    """A refusal to accept an annexation: "has not recognised", "will never recognise"."""
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)
    return tok.lemma_.lower() in {"recognise", "recognize"} and negated


def claim_owner(noun: Token) -> Token | None:
    """Whose claim a claim noun is: "Lisbon's claim" → "Lisbon"."""
    if noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners[0] if owners else None


def rejected_claim(t: Token) -> Token | None:
    """The owner of a rejected claim that a trigger states: "Oslo denied Lisbon's claim to
    have captured Lisne" → "Lisbon" for "captured". The trigger is then asserted by its
    owner and denied by the rejecter (`later_denials`), never denied with the rejecter as
    the side in control."""
    node = t
    for _ in range(4):
        if node.dep_ not in {"xcomp", "acl", "ccomp", "relcl"}:
            return None
        node = node.head
        found = claim_owner(node)
        if found is not None:
            return found if node.dep_ == "dobj" and is_rejection(node.head) else None
    return None


def no_longer(tok: Token) -> bool:
    """ "no longer" (an adverb "longer" with "no"): the state it describes has ended."""
    return tok.lower_ == "longer" and any(c.lower_ == "no" for c in tok.children)


def later_rejection(sent: Span, t: Token) -> Token | None:
    """A rejection later in the sentence that answers the trigger's clause: "… had captured
    Lisne, a claim Oslo dismissed as a fantasy" → the verb "dismissed"."""
    for tok in sent:
        if tok.i <= t.i or not is_rejection(tok) or tok.pos_ != "VERB":
            continue
        noun = tok.head if tok.dep_ in {"relcl", "acl"} else None
        if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS and noun.i > t.i:
            return tok
    return None


def later_denials(
    sent: Span,
    sentence_claims: list[ExtractedClaim],
    trigger_starts: list[int],
    offset: int,
    book: ActorBook,
) -> list[ExtractedClaim]:
    """The denials that a rejection of the sentence's own claim ("…, a claim Oslo
    dismissed", "Oslo denied Lisbon's claim to have …") gives its asserted claims: one per
    claim, answering it (`responds_to`), by the rejecter."""
    rejecter: Token | None = None
    for tok in sent:
        if (
            is_rejection(tok)
            and tok.pos_ == "VERB"
            and tok.dep_ in {"relcl", "acl"}
            and tok.head.lemma_.lower() in CLAIM_NOUNS
        ):
            rejecter = tok
        owned = [c for c in tok.children if c.dep_ == "dobj" and claim_owner(c) is not None]
        if is_rejection(tok) and owned:
            rejecter = tok  # "Oslo denied Lisbon's claim to have captured Lisne"
        if refused_recognition(tok) and tok.dep_ in {"relcl", "acl"}:
            rejecter = tok  # "Oslo annexed Lisne, a move Lisbon has not recognised"
    if rejecter is None:
        return []
    subj = [c for c in rejecter.children if c.dep_ in SUBJECT_DEPS]
    who = subject_phrase(subj[0]) if subj else None
    out: list[ExtractedClaim] = []
    for i, claim in enumerate(sentence_claims):
        # the claims it answers: those it governs ("denied Lisbon's claim to have captured
        # X"), else those made before it ("…, a claim Oslo dismissed, and then …")
        start = trigger_starts[i]
        governed = rejecter.left_edge.idx <= start <= rejecter.right_edge.idx
        if claim.stance != "asserted" or not (governed or start < rejecter.idx):
            continue
        out.append(
            ExtractedClaim(
                place_text=claim.place_text,
                type=claim.type,
                stance="denied",
                modality="factual",
                evidence=claim.evidence,
                place=claim.place,
                claimant=book.key_for(who, "organization") if who else None,
                claimant_text=who,
                controller=claim.controller,
                controller_text=claim.controller_text,
                responds_to=offset + i,
                confidence=0.5,
                form="answer",
            )
        )
    return out


def is_rejection(tok: Token) -> bool:
    """A verb rejecting a statement ("denied reports", "dismissed it"), not one withholding
    something from someone ("denied them entry", "was denied a permit")."""
    if tok.lemma_ not in DENIAL_VERBS:
        return False
    deps = {c.dep_ for c in tok.children}
    withholding = "dative" in deps or ("dobj" in deps and deps & {"auxpass", "nsubjpass"})
    return not withholding


def modality_of(sent: Span, t: Token) -> Modality:
    """factual / hypothetical / demanded / proposed for one trigger."""
    window = [tok for tok in sent if tok.i < t.i]
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    near = {tok.lower_ for tok in window[-8:]}
    lemmas = {tok.lemma_.lower() for tok in window}
    if "must" in aux or "must" in near or lemmas & DEMAND_VERBS or "demand" in lemmas:
        return "demanded"
    if {"would", "could", "might"} & (aux | near):
        if {w.lower_ for w in sent} & PLAN_NOUNS and "have" not in aux:
            return "proposed"
        return "hypothetical"
    return "factual"


def mark_unverified(doc: Doc, claims: list[ExtractedClaim], claim_sents: list[int]) -> None:
    """Claims up to two sentences before 'could not be independently verified' are unverified."""
    for sent_index, sent in enumerate(doc.sents):
        if not UNVERIFIED.search(sent.text):
            continue
        for claim, index in zip(claims, claim_sents, strict=True):
            if (
                sent_index - 2 <= index <= sent_index
                and claim.modality == "factual"
                and claim.stance == "asserted"
            ):
                claim.modality = "unverified"


def bare_denial(
    sent: Span,
    claims: list[ExtractedClaim],
    claim_sents: list[int],
    sent_index: int,
    claimant_text: str | None,
    speaker: str | None,
    book: ActorBook,
) -> ExtractedClaim | None:
    """'Caracas dismissed it as invented', 'said the Colombian version was false': a denial of
    the main claim the other side made within the last three sentences — its first capture or
    control claim, else its latest claim; "rejected the demand" answers the latest demand or
    plan instead (and keeps its modality)."""
    rejecting = (
        any(is_rejection(t) and t.pos_ == "VERB" for t in sent)
        or FALSITY.search(sent.text) is not None
    )
    if not rejecting:
        return None
    denier = country_of_text(claimant_text or "") or speaker or country_of_text(sent.text)
    of_demand = any(t.lemma_.lower() in DEMAND_NOUNS for t in sent)
    window = [
        claim
        for claim, index in zip(claims, claim_sents, strict=True)
        if sent_index - index <= 3
        and claim.stance == "asserted"
        and claim.controller_text not in {None, denier}
        and (claim.modality in {"demanded", "proposed"}) == of_demand
    ]
    if not window:
        return None
    main = [c for c in window if c.type in {"capture", "control"}]
    # "dismissed it" answers the latest claim; "rejected the account" the main one
    pronoun = any(
        t.dep_ == "dobj" and t.lower_ in {"it", "this", "that"} and is_rejection(t.head)
        for t in sent
    )
    claim = window[-1] if of_demand or pronoun or not main else main[0]
    return ExtractedClaim(
        place_text=claim.place_text,
        type=claim.type,
        stance="denied",
        modality=claim.modality if of_demand else "factual",
        evidence=TextSpan(sent.start_char, sent.end_char, sent.text),
        place=claim.place,
        claimant=book.key_for(claimant_text, "organization") if claimant_text else None,
        claimant_text=claimant_text,
        controller=claim.controller,
        controller_text=claim.controller_text,
        confidence=0.4,
        form="bare",
        # the claim chosen above, not merely the latest about its place
        responds_to=next(i for i, c in enumerate(claims) if c is claim),
    )


def answered_claim(claims: list[ExtractedClaim], denial: ExtractedClaim) -> int | None:
    """Index of the latest asserted claim about the same place that a denial answers."""
    for i in range(len(claims) - 1, -1, -1):
        claim = claims[i]
        same_place = (
            claim.place is not None and claim.place == denial.place
        ) or claim.place_text.lower() == denial.place_text.lower()
        if claim.stance == "asserted" and same_place:
            return i
    return None


def drop_redundant_bare_denials(claims: list[ExtractedClaim], claim_sents: list[int]) -> None:
    """A bare rejection followed within two sentences by an explicit denial of the same place
    ("dismissed the report. 'Talk of Lisne falling is untrue'") is one denial, not two."""
    drop: set[int] = set()
    for i, claim in enumerate(claims):
        if claim.form != "bare":
            continue
        for j in range(i + 1, len(claims)):
            if claim_sents[j] - claim_sents[i] > 2:
                break
            same = (claims[j].place or claims[j].place_text.lower()) == (
                claim.place or claim.place_text.lower()
            )
            if claims[j].stance == "denied" and same:
                drop.add(i)
    if not drop:
        return
    remap: dict[int, int] = {}
    kept: list[ExtractedClaim] = []
    kept_sents: list[int] = []
    for i, claim in enumerate(claims):
        if i in drop:
            continue
        remap[i] = len(kept)
        kept.append(claim)
        kept_sents.append(claim_sents[i])
    for claim in kept:
        if claim.responds_to is not None:
            claim.responds_to = remap.get(claim.responds_to)
    claims[:] = kept
    claim_sents[:] = kept_sents
