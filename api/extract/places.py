"""Stage 2: places — gazetteer matches over the parsed article, disambiguated by context.

The small spaCy model labels Ukrainian towns as PERSON, ORG or even NORP about as often as GPE,
so entity labels are only hints: every run of capitalised tokens is looked up in the gazetteer
and accepted when the name is a place on its own (`Gazetteer.is_place_name`) or the text around
it says so ("the village of Staromaiorske", "in Siversk", "the Poltava and Chernihiv regions").
Each name then resolves to one place by the article's context: the countries and regions it
names ("in the Nizhny Novgorod region" makes Pervomaysk the Russian one), then population.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from api.extract.doc_cache import ents_of, text_of
from api.extract.gazetteer import Gazetteer, effective_population
from api.extract.states import load_states
from api.extract.types import ExtractedPlace, GazetteerPlace
from api.extract.types import Span as TextSpan

MAX_NAME_TOKENS = 4
# Site words after a name that make the whole phrase one place: "X nuclear power plant".
FACILITY_SUFFIXES = (
    ("nuclear", "power", "plant"),
    ("nuclear", "power", "station"),
    ("nuclear", "plant"),
    ("power", "plant"),
    ("npp",),
)
HYPHENS = frozenset({"-", "\u2011"})  # hyphen-minus, non-breaking hyphen
REGION_WORDS = frozenset({"region", "oblast", "province", "krai", "territory"})
REGION_PLURALS = frozenset({"regions", "oblasts", "provinces"})
SETTLEMENT_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "villages",
        "settlement",
        "settlements",
        "towns",
        "cities",
        "hamlet",
        "port",
        "capital",
    }
)
# Prepositions that introduce a location: "in Siversk", "near Soledar", "from Staromaiorske".
LOCATIVE_CUES = frozenset(
    {
        "in",
        "near",
        "outside",
        "from",
        "into",
        "towards",
        "toward",
        "around",
        "at",
        "to",
        "of",
        "across",
        "via",
        "beyond",
        "west",
        "east",
        "north",
        "south",
    }
)
# Capitalised function words that may start a sentence and happen to be tiny villages.
NOT_NAMES = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "but",
        "our",
        "we",
        "it",
        "its",
        "they",
        "he",
        "she",
        "this",
        "that",
        "there",
        "every",
        "still",
        "most",
        "some",
        "fierce",
        "about",
        "after",
        "before",
        "under",
        "president",
        "mayor",
        "governor",
        "general",
        "minister",
        "army",
        "street",
        # months: "in March" is a date, not the English town
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


@dataclass
class Mention:
    """A place name found in the text, before it is resolved to one place."""

    start: int  # character offsets into text_of(doc)
    end: int
    text: str  # the name looked up (without "region" etc.)
    want_region: bool = False
    want_settlement: bool = False
    candidates: list[tuple[int, GazetteerPlace]] = field(default_factory=list)


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[ExtractedPlace]:
    """One ExtractedPlace per distinct place the article names, keys "p0", "p1", … in order.

    >>> # "Horodok, in the Lviv region" → Horodok (UA, Lviv Oblast) and Lviv Oblast (UA)
    """
    mentions = scan_mentions(doc, gazetteer)
    countries, regions = article_context(doc, mentions)
    by_place: dict[int, ExtractedPlace] = {}
    for mention in mentions:
        place = resolve(mention, countries, regions)
        if place is None:
            continue
        found = by_place.get(place.geonames_id)
        if found is None:
            found = by_place[place.geonames_id] = ExtractedPlace(
                key=f"p{len(by_place)}", place=place, mentions=[]
            )
        found.mentions.append(
            TextSpan(mention.start, mention.end, text_of(doc)[mention.start : mention.end])
        )
    return list(by_place.values())


def is_capitalised(token: Token) -> bool:
    """'Siversk', 'U.S.', 'Bila' yes; 'region', 'the' no."""
    text = token.text
    return bool(text) and text[0].isupper() and text.lower() not in NOT_NAMES


def covering_entity(doc: Doc, start: int, end: int) -> Span | None:
    """The entity that contains tokens [start, end), if any."""
    for ent in ents_of(doc):
        if ent.start <= start and end <= ent.end:
            return ent
    return None


def name_end(doc: Doc, start: int) -> int:
    """End of a run of capitalised tokens joined by hyphens ('Kamianka-Dniprovska', 'Bila
    Tserkva')."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS * 2:
        token = doc[end]
        joined = (
            token.text in HYPHENS
            and end + 1 < len(doc)
            and is_capitalised(doc[end + 1])
            and not token.whitespace_
            and not doc[end - 1].whitespace_
        )
        if is_capitalised(token) or joined:
            end += 1
        else:
            break
    return end


def region_follows(doc: Doc, end: int) -> tuple[bool, int]:
    """Whether a region word follows the name: 'Poltava region' → (True, end of 'region');
    'Poltava, Chernihiv, Volyn and Lviv regions' → (True, end) for each name but
    the span keeps only the name."""
    if end < len(doc) and doc[end].lower_ in REGION_WORDS:
        return True, end + 1
    i = end
    while i < len(doc) and i - end < 14:
        token = doc[i]
        if token.lower_ in REGION_PLURALS:
            return True, end
        if token.text in {",", "and", "or", "&"} or is_capitalised(token) or token.text == "-":
            i += 1
            continue
        break
    return False, end


def settlement_cue(doc: Doc, start: int, end: int) -> bool:
    """'the city of Siversk', 'the villages of X and Y', 'Poltava city', 'town of Soledar'."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_NOUNS:
        return True
    if end < len(doc) and doc[end].lower_ in {"city", "town", "village"}:
        return True
    # second member of a list: "the villages of Zorivka and Lisne"
    j = start - 1
    while j >= 0 and (doc[j].text in {",", "and", "or"} or is_capitalised(doc[j])):
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in SETTLEMENT_NOUNS


def locative_cue(doc: Doc, start: int) -> bool:
    """'in Siversk', 'near Soledar', 'from Staromaiorske and' (list members count too)."""
    j = start - 1
    while j >= 0 and (doc[j].text in {",", "and", "or"} or is_capitalised(doc[j])):
        j -= 1
    return j >= 0 and (doc[j].lower_ in LOCATIVE_CUES or doc[j].lower_ in SETTLEMENT_NOUNS)


def scan_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Longest gazetteer names over runs of capitalised tokens, kept when the name or its
    context makes it a place."""
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        if not is_capitalised(doc[i]):
            i += 1
            continue
        run_end = name_end(doc, i)
        matched = False
        for end in range(run_end, i, -1):
            mention = try_mention(doc, gazetteer, i, end)
            if mention is not None:
                mentions.append(mention)
                i = end
                matched = True
                break
        if not matched:
            i += 1
    return mentions


def try_mention(doc: Doc, gazetteer: Gazetteer, start: int, end: int) -> Mention | None:
    """A Mention for tokens [start, end) when they name a place here, else None."""
    if doc[end - 1].text in HYPHENS:
        return None
    ent = covering_entity(doc, start, end)
    # "Lincoln" inside "Lincoln Burrows": a part of a person's name is not a place
    if (
        ent is not None
        and ent.label_ == "PERSON"
        and (ent.start, ent.end) != (start, end)
        and len(ent) > 1
    ):
        return None
    text = text_of(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
    site = site_mention(doc, gazetteer, start, end, text)
    if site is not None:
        return site
    want_region, span_end = region_follows(doc, end)
    want_settlement = settlement_cue(doc, start, end)
    candidates = gazetteer.matches(text)
    if want_region:
        candidates = gazetteer.matches(f"{text} region") + candidates
    if not candidates:
        return None
    best_rank = min(rank for rank, _ in candidates)
    label = ent.label_ if ent is not None else ""
    strong = gazetteer.is_place_name(text) or want_region
    if label == "NORP" and best_rank > 0:
        return None  # "Russian" is a demonym; "Bryansk" (mislabelled NORP) is a name
    if not strong:
        cued = want_settlement or locative_cue(doc, start)
        located = label in {"GPE", "LOC", "FAC"}
        sentence_start = doc[start].is_sent_start
        if (
            (best_rank > 1 and not located)
            or (sentence_start and not located)
            or not (cued or located)
        ):
            return None
    last = doc[span_end - 1]
    return Mention(
        start=doc[start].idx,
        end=last.idx + len(last.text),
        text=text,
        want_region=want_region,
        want_settlement=want_settlement,
        candidates=candidates,
    )


def site_mention(doc: Doc, gazetteer: Gazetteer, start: int, end: int, text: str) -> Mention | None:
    """'the Rivne nuclear power plant': a named site (gazetteer data) as one place."""
    for suffix in FACILITY_SUFFIXES:
        stop = end + len(suffix)
        if stop > len(doc) or tuple(doc[i].lower_ for i in range(end, stop)) != suffix:
            continue
        last = doc[stop - 1]
        full = text_of(doc)[doc[start].idx : last.idx + len(last.text)]
        candidates = gazetteer.matches(full)
        if candidates:
            return Mention(
                start=doc[start].idx,
                end=last.idx + len(last.text),
                text=full,
                want_settlement=True,
                candidates=candidates,
            )
    return None


def article_context(doc: Doc, mentions: list[Mention]) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and (country, admin1) regions the article names unambiguously.

    Countries come from country names and demonyms ("Colombian troops" puts CO in context);
    regions from "X region" mentions.
    """
    countries: set[str] = set()
    regions: set[tuple[str, str]] = set()
    for token in doc:
        code = demonym_country(token.text)
        if code is not None and token.text[0].isupper():
            countries.add(code)
    for mention in mentions:
        rank, top = mention.candidates[0]
        if top.kind == "country" and rank <= 1:
            countries.add(top.country_code)
        if mention.want_region:
            for _, place in mention.candidates:
                if place.kind == "region" and place.admin1:
                    regions.add((place.country_code, place.admin1))
                    countries.add(place.country_code)
                    break
    return countries, regions


def demonym_country(word: str) -> str | None:
    """ISO code of the country a demonym names, singular or plural (data/states.json):
    "Norwegian", "Norwegians" → "NO". Demonyms are never place mentions themselves."""
    states = load_states()
    country = states.demonym_of(word)
    return states.iso.get(country) if country else None


def score(
    mention: Mention,
    rank: int,
    place: GazetteerPlace,
    countries: set[str],
    regions: set[tuple[str, str]],
) -> float:
    """Higher is better: the form of the mention, the article's context, then population."""
    value = math.log10(effective_population(place) + 1) - (0.0, 0.5, 3.0)[rank]
    if place.kind == "country":
        value += 10
    if mention.want_region:
        value += 20 if place.kind == "region" else -20
    elif place.kind == "region" and rank > 0:
        value -= 5  # "Bryansk" alone is the city, not an alias of Bryansk Oblast
    if mention.want_settlement:
        value += 20 if place.kind == "settlement" else -20
    if place.country_code in countries:
        value += 0.8  # a tie-breaker only: a much larger namesake abroad still wins
    if place.admin1 and (place.country_code, place.admin1) in regions and place.kind != "region":
        value += 6
    return value


def resolve(
    mention: Mention, countries: set[str], regions: set[tuple[str, str]]
) -> GazetteerPlace | None:
    """The best candidate for a mention (see `score`)."""
    if not mention.candidates:
        return None
    best = max(
        mention.candidates,
        key=lambda rp: (score(mention, rp[0], rp[1], countries, regions), -rp[1].geonames_id),
    )
    return best[1]
