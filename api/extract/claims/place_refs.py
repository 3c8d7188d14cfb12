"""Place references a claim can point to: the places of stage 2 as PlaceRefs, capitalised
names the gazetteer does not know right after a trigger, "the town" for the last town named,
"Ukrainian territory" for the country, and the places that only locate another ("near X")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from api.extract.claims.syntax import subject_of
from api.extract.claims.words import ANAPHORS, DIRECTION_WORDS, LOCATOR_WORDS
from api.extract.doc_cache import text_of
from api.extract.lexicon import word_list
from api.extract.states import load_states
from api.extract.types import ExtractedPlace
from api.extract.vocabulary import institution_name


@dataclass
class PlaceRef:
    """A place the claim is about: its key (if resolved), the text as written, its offsets."""

    key: str | None
    text: str
    start: int
    end: int
    kind: str  # settlement | region | country | unknown


def place_refs(doc: Doc, places: list[ExtractedPlace]) -> list[PlaceRef]:
    """Every place mention (from stage 2) plus names after 'the village of' that the
    gazetteer does not know ('the villages of Zorivka and Lisne')."""
    refs = [
        PlaceRef(p.key, m.text, m.start, m.end, p.place.kind) for p in places for m in p.mentions
    ]
    covered = {(r.start, r.end) for r in refs}
    for token in doc:
        if (
            token.lower_ in {"village", "villages", "town", "settlement", "settlements"}
            and token.i + 2 < len(doc)
            and doc[token.i + 1].lower_ == "of"
        ):
            j = token.i + 2
            while j < len(doc):
                if doc[j].text[:1].isupper():
                    k = j
                    while k + 1 < len(doc) and (
                        doc[k + 1].text[:1].isupper()
                        or (doc[k + 1].text == "-" and not doc[k].whitespace_)
                    ):
                        k += 1
                    start, end = doc[j].idx, doc[k].idx + len(doc[k].text)
                    if not any(s <= start < e for s, e in covered):
                        refs.append(
                            PlaceRef(None, text_of(doc)[start:end], start, end, "settlement")
                        )
                    j = k + 1
                elif doc[j].text in {",", "and", "or"}:
                    j += 1
                else:
                    break
    refs.sort(key=lambda r: r.start)
    return [r for r in refs if not acting_state(doc, r)]


def acting_state(doc: Doc, ref: PlaceRef) -> bool:
    """A capital or country name that acts or owns in its clause ("Oslo insisted", "under
    Moscow's control", "held by Kyiv") names the state, not the place of a claim."""
    if ref.kind == "country" or load_states().country_of(ref.text) is None:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    if head.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by"


def territory_ref(sent: Span, after: int, countries: dict[str, str]) -> PlaceRef | None:
    """'about a third of Venezuelan territory' → a reference to Venezuela by its demonym."""
    for token in sent:
        if token.i <= after or token.lower_ != "territory" or token.i == sent.start:
            continue
        prev = token.doc[token.i - 1]
        country = load_states().country_of(prev.text)
        if country is not None:
            start, end = prev.idx, token.idx + len(token.text)
            # "a fifth of Ukrainian territory" is a claim about the country itself
            key = countries.get(country.lower())
            return PlaceRef(
                key,
                country if key is None else text_of(token.doc)[start:end],
                start,
                end,
                "country",
            )
    return None


LEAD_WORDS = frozenset(
    {"control", "of", "from", "into", "over", "the", "village", "town", "settlement", "hamlet"}
)


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})


JOINERS = frozenset({",", "and", "as", "well", "along", "with", "the", "villages", "of", "or"})


def unknown_names(doc: Doc, t: Token, limit: int, refs: list[PlaceRef]) -> list[PlaceRef]:
    """Settlements the gazetteer does not know, named as the object of a trigger ("had
    “liberated” Zorivka", "regained control of Lisne Yar and Zorivka", "withdrew from
    Zorivka and Novolisne"): capitalised names right after the trigger and the names
    coordinated with them. They become claims with no place key and the name as written."""
    covered = [(r.start, r.end) for r in refs]
    states = load_states()
    found: list[PlaceRef] = []
    i = t.i + 1
    skipped = 0
    while i < len(doc) and skipped < 4 and doc[i].idx < limit:
        if doc[i].lower_ in LEAD_WORDS or doc[i].text in QUOTE_MARKS:
            i += 1
            skipped += 1
            continue
        break
    while i < len(doc) and doc[i].idx < limit:
        token = doc[i]
        if any(s <= token.idx < e for s, e in covered):
            k = i
            while k + 1 < len(doc) and any(s <= doc[k + 1].idx < e for s, e in covered):
                k += 1
            i = k + 1
        elif token.pos_ == "PROPN" and token.text[:1].isupper():
            k = i
            while k + 1 < len(doc) and (
                (doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper())
                or (doc[k + 1].text == "-" and not doc[k].whitespace_)
                or (doc[k].text == "-" and doc[k + 1].text[:1].isupper())
            ):
                k += 1
            start, end = token.idx, doc[k].idx + len(doc[k].text)
            name = text_of(doc)[start:end]
            owner = k + 1 < len(doc) and doc[k + 1].lower_ in {"'s", "’s"}
            if owner or states.country_of(name) is not None or states.demonym_of(name) is not None:
                break
            if named_thing(name):
                break  # "the Bledisloe Cup", "the Harbour Council": a thing or a body
            found.append(PlaceRef(None, name, start, end, "settlement"))
            i = k + 1
        else:
            break
        # only coordinated names follow: "and", ",", "as well as", "along with the villages of"
        j = i
        while j < len(doc) and doc[j].lower_ in JOINERS and j - i < 6:
            j += 1
        if j == i or j >= len(doc):
            break
        i = j
    return found


def named_thing(name: str) -> bool:
    """A name with a word of a thing, event, institution or outlet in it."""
    things = word_list("thing_words.txt")
    return institution_name(name) or any(w.lower() in things for w in name.split())


def locator(doc: Doc, ref: PlaceRef) -> bool:
    """A place that only locates another or receives it: "two villages east of Lisne",
    "villages near Lisne", "cede the land to Oslo" (a capital receiving is the state)."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ == "of" and span.start >= 3 and doc[span.start - 2].lower_ in ANAPHORS:
        # "near the eastern town of Lisne": look past the noun that names the kind of place
        k = span.start - 3
        while (
            k > 0 and doc[k].pos_ in {"ADJ", "DET", "PROPN"} and doc[k].lower_ not in LOCATOR_WORDS
        ):
            k -= 1
        if doc[k].lower_ in LOCATOR_WORDS:
            return True
    if prev.lower_ in LOCATOR_WORDS:
        return True
    if prev.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lower_ in DIRECTION_WORDS:
        return True
    return (
        prev.lower_ == "to"
        and ref.kind == "settlement"
        and load_states().country_of(ref.text) is not None
    )


def anaphor_ref(
    doc: Doc, t: Token, refs: list[PlaceRef], backward: bool, limit: int | None = None
) -> PlaceRef | None:
    """'the city' / 'the village' / 'the region' / 'it' near the trigger → the last place of
    that kind named before it."""
    window = range(max(t.i - 6, 0), t.i) if backward else range(t.i + 1, min(t.i + 12, len(doc)))
    for i in reversed(window) if backward else window:
        token = doc[i]
        if limit is not None and token.idx >= limit:
            break
        kind = ANAPHORS.get(token.lower_)
        # forward, "it" is the object ("controlled half of it"), not a new subject ("as it calls")
        pronoun = token.lower_ == "it" and token.dep_ in (
            {"dobj", "pobj", "nsubj", "nsubjpass"} if backward else {"dobj", "pobj"}
        )
        if kind is None and not pronoun:
            continue
        if kind is not None and (i == 0 or doc[i - 1].lower_ not in {"the", "that", "this"}):
            continue
        if kind is not None and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            continue  # "the town of Lisne" names the place itself
        subj = subject_of(t)
        own = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj else (0, 0)
        earlier = [
            r
            for r in refs
            if r.end <= token.idx
            and r.key is not None
            and (kind is None or r.kind in kind.split())
            and not (kind is None and (locator(doc, r) or own[0] <= r.start < own[1]))
        ]
        if earlier:
            ante = earlier[-1]
            start = doc[i - 1].idx if kind is not None else token.idx
            end = token.idx + len(token.text)
            return PlaceRef(
                ante.key,
                ante.text if kind is None else text_of(doc)[start:end],
                start,
                end,
                ante.kind,
            )
    return None
