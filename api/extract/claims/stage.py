"""The claims stage, sentence by sentence: triggers → targets → sides → stance (see the
package docstring for the rules)."""

from __future__ import annotations

from spacy.tokens import Doc

from api.extract.claims.attribution import attribution, relay, speaker_state, subject_state
from api.extract.claims.extent import extent_between, extent_value
from api.extract.claims.parties import actor_names, actor_of, armed_names, enemy_actor
from api.extract.claims.place_refs import place_refs
from api.extract.claims.sides import ActorBook, Sides, controller_country, recipient_state
from api.extract.claims.stance import (
    answered_claim,
    bare_denial,
    drop_redundant_bare_denials,
    is_denied,
    later_denials,
    later_rejection,
    mark_unverified,
    modality_of,
    rejected_claim,
)
from api.extract.claims.syntax import country_of_text, subject_phrase
from api.extract.claims.targets import claim_places
from api.extract.claims.triggers import hyphen_control, recapture, triggers
from api.extract.types import ExtractedActor, ExtractedClaim, ExtractedPlace
from api.extract.types import Span as TextSpan


def find_claims(
    doc: Doc, actors: list[ExtractedActor], places: list[ExtractedPlace], source: str | None
) -> tuple[list[ExtractedClaim], list[ExtractedActor]]:
    """Territorial claims in article order, plus the actors they needed that `actors` lacks.

    >>> # "Colombian troops captured Lisne, the army said."
    >>> # → capture of Lisne, controller Colombia, claimant the army
    """
    book = ActorBook(actors)
    armed = armed_names(doc, actors)
    actor_words = actor_names(doc, actors)
    sides = Sides(doc, actors)
    refs = place_refs(doc, places)
    claims: list[ExtractedClaim] = []
    claim_sents: list[int] = []
    last_controller: str | None = None
    last_subject_state: str | None = None
    heads: dict[str, str] = {}
    for sent_index, sent in enumerate(doc.sents):
        claimant_name, claimant_text = attribution(sent, source)
        relayer: str | None = None
        relayed = relay(sent)
        if relayed is not None:
            claimant_name, claimant_text = relayed[0], relayed[0]
            relayer = book.key_for(relayed[1], "organization")
        spoken_by = speaker_state(sent, heads)  # always read: it records the speakers' states
        speaker_country = country_of_text(claimant_text or "") or spoken_by
        # "its forces", "our units" of a speaker whose state is not named here ("It said its
        # forces …", "he told TV: “Our units …”") belong to the state of the last subject
        own_country = speaker_country or last_subject_state
        last_subject_state = subject_state(sent) or last_subject_state
        sentence_claims: list[ExtractedClaim] = []
        trigger_starts: list[int] = []  # where each claim's trigger stands
        seen: set[tuple[str, int]] = set()
        for trig in triggers(sent, armed):
            targets = claim_places(doc, sent, trig, refs, actor_words)
            if not targets:
                continue
            ctype = trig.type
            modality = modality_of(sent, trig.token)
            if ctype == "withdrawal" and modality in {"demanded", "proposed", "hypothetical"}:
                ctype = "cession"
            rejecter = later_rejection(sent, trig.token)
            denied = rejecter is None and is_denied(sent, trig.token)
            who_name, who_text = claimant_name, claimant_text
            actor_country = controller_country(
                sent, trig, speaker_country, own_country, last_controller
            )
            if own_country is not None and enemy_actor(trig.token):
                actor_country = sides.opponent(own_country) or actor_country
            owner = rejected_claim(trig.token)
            if owner is not None:
                # "Oslo denied Lisbon's claim to have captured X": Lisbon's claim, asserted
                who_name = who_text = subject_phrase(owner)
                actor_country = country_of_text(who_text) or actor_country
                denied = False
            unnamed = actor_of(trig.token) is None and not hyphen_control(trig.token)
            if denied and unnamed and speaker_country and actor_country == speaker_country:
                # "Ukraine denied that X had been captured": the control denied is the other
                # side's, never the denier's
                actor_country = sides.opponent(speaker_country)
            controller: str | None = actor_country
            previous: str | None = None
            if ctype in {"withdrawal", "cession"} and actor_country is not None:
                controller = sides.opponent(actor_country)
                previous = actor_country
            if ctype == "cession":
                controller = recipient_state(trig.token) or controller
            if ctype == "capture" and controller is not None and recapture(trig.token):
                previous = sides.opponent(controller)  # "retook Lisne": the other side held it
            if ctype == "contested":
                controller = None
                # "forces fighting in Norway" locates a fight; it does not contest the country
                targets = [r for r in targets if r.kind != "country"]
                if not targets:
                    continue
            if controller is not None:
                last_controller = controller
            extent_text = extent_between(doc, trig.token, targets[0])
            value, unit = extent_value(extent_text)
            for target in targets:
                if (target.text.lower(), trig.token.i) in seen:
                    continue
                seen.add((target.text.lower(), trig.token.i))
                trigger_starts.append(trig.token.idx)
                sentence_claims.append(
                    ExtractedClaim(
                        place_text=target.text,
                        type=ctype,
                        stance="denied" if denied else "asserted",
                        modality=modality,
                        evidence=TextSpan(sent.start_char, sent.end_char, sent.text),
                        place=target.key,
                        claimant=book.key_for(
                            who_name, "media" if who_name == source else "organization"
                        )
                        if who_name
                        else None,
                        claimant_text=who_text,
                        relayed_by=relayer,
                        controller=book.state_key(controller) if controller else None,
                        controller_text=controller,
                        previous_controller=book.state_key(previous) if previous else None,
                        extent_text=extent_text,
                        extent_value=value,
                        extent_unit=unit,
                        confidence=0.6,
                    )
                )
        answers = later_denials(sent, sentence_claims, trigger_starts, len(claims), book)
        sentence_claims.extend(answers)
        if not sentence_claims:
            bare = bare_denial(
                sent, claims, claim_sents, sent_index, claimant_text, spoken_by, book
            )
            if bare is not None:
                sentence_claims.append(bare)
        for claim in sentence_claims:
            if claim.stance == "denied" and claim.responds_to is None:
                claim.responds_to = answered_claim(claims, claim)
        claims.extend(sentence_claims)
        claim_sents.extend([sent_index] * len(sentence_claims))
    mark_unverified(doc, claims, claim_sents)
    drop_redundant_bare_denials(claims, claim_sents)
    return claims, book.extra
