"""Stage 2: places — gazetteer matches over the parsed article, disambiguated by context.

The small spaCy model labels Ukrainian towns as PERSON, ORG or even NORP about as often as GPE,
so entity labels are only hints: `place_names.scan_mentions` looks every run of capitalised
tokens up in the gazetteer and keeps the names that are a place on their own or by the text
around them ("the village of Staromaiorske", "in Siversk", "the Poltava and Chernihiv
regions"). The article's geography then decides twice:

1. a *doubtful* name — a person's name or surname, a word the article also writes in lower
   case ("Police"), a GeoNames alternate spelling — is a place only in a country the article
   is about (named, or behind its demonyms and its other, strong places), and only with a
   locative cue or a place label; a *weak* one — a town under BIG_TOWN people, a town the
   tagger calls a person or a body — needs one of the two: "Hitachi" the Japanese town is not
   in a story about its shares, a village tagged PERSON in war reporting is;
2. each name resolves to one place by the countries and regions the article names ("in the
   Nizhny Novgorod region" makes Pervomaysk the Russian one), then population.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from api.extract.doc_cache import text_of
from api.extract.gazetteer import Gazetteer, effective_population
from api.extract.lexicon import word_list
from api.extract.place_names import Mention, scan_mentions
from api.extract.states import load_states
from api.extract.types import ExtractedActor, ExtractedPlace, GazetteerPlace
from api.extract.types import Span as TextSpan

# A town this large is a place in any article; a smaller one only in its country's news.
BIG_TOWN = 100_000
# What naming a country is worth to its towns, in log10 of population: 0.8, a six-fold. More
# lets a small namesake in a country every world story names (the US) beat the city meant.
COUNTRY_CONTEXT = 0.8


def find_places(
    doc: Doc, gazetteer: Gazetteer, actors: list[ExtractedActor] | None = None
) -> list[ExtractedPlace]:
    """One ExtractedPlace per distinct place the article names, keys "p0", "p1", … in order.
    `actors` (stage 1) tell which capitalised words name people and bodies.

    >>> # "Horodok, in the Lviv region" → Horodok (UA, Lviv Oblast) and Lviv Oblast (UA)
    """
    spans, people = actor_names(actors or [])
    mentions = scan_mentions(doc, gazetteer, spans, people)
    levels = [doubt(m, gazetteer) for m in mentions]
    sure = [m for m, level in zip(mentions, levels, strict=True) if level == 0]
    countries, regions = article_context(doc, sure)
    # countries the article names a town or region of ("Atlanta" for the United States)
    inner = {
        m.candidates[0][1].country_code
        for m in sure
        if m.candidates[0][1].kind != "country" and unambiguous(m)
    }
    by_place: dict[int, ExtractedPlace] = {}
    for mention, level in zip(mentions, levels, strict=True):
        if mention.modifier or not supported(mention, level, countries):
            continue
        place = resolve(mention, countries, regions, inner)
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


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def actor_names(actors: list[ExtractedActor]) -> tuple[list[tuple[int, int]], set[str]]:
    """The character spans of the article's people and bodies (not states), and the
    lower-cased names, aliases and surnames of its people."""
    spans = [(m.start, m.end) for a in actors if a.kind != "state" for m in a.mentions]
    people: set[str] = set()
    for actor in actors:
        if actor.kind != "person":
            continue
        for name in (actor.name, *actor.aliases):
            people.add(name.lower())
            people.add(name.split()[-1].lower())
    return spans, people


def doubt(mention: Mention, gazetteer: Gazetteer) -> int:
    """How much the article must support a name (module docstring, 1): 0 none; 1 a country
    the article is about or a place label (a small town, a town tagged as a person or body);
    2 a country of the article and a locative cue or a place label (a person's name, a
    common word, an alternate spelling)."""
    if mention.want_region:
        return 0  # "the Donetsk region": the region noun says it is a place
    rank, top = mention.candidates[0]
    # a person's name weighs on a town's name, or on a name the tagger calls a person
    person = mention.person and (top.kind == "settlement" or mention.label == "PERSON")
    if person or mention.common or (rank > 1 and not mention.claimed):
        return 2  # an alternate spelling that a claim takes ("captured X") is only weak
    if rank > 1 or (
        mention.label in word_list("non_place_labels.txt") and top.kind == "settlement"
    ):
        return 1
    small = top.kind == "settlement" and top.population < BIG_TOWN
    return 1 if small and not (mention.want_settlement or gazetteer.is_curated(top)) else 0


def supported(mention: Mention, level: int, countries: set[str]) -> bool:
    """Whether the article gives a name the support its `doubt` level asks for: a small town
    needs a country the article is about, a place label from the tagger or a claim that takes
    or holds it ("captured X"); a doubtful name needs both a country of the article (only its
    candidates there are kept) and a locative cue, a place label or such a claim."""
    labelled = mention.label in PLACE_LABELS
    if level == 0 or (level == 1 and (labelled or mention.claimed)):
        return True
    mention.candidates = [c for c in mention.candidates if c[1].country_code in countries]
    if not mention.candidates:
        return False
    return level == 1 or mention.cued or labelled or mention.claimed


def article_context(doc: Doc, mentions: list[Mention]) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and (country, admin1) regions the article names unambiguously.

    Countries come from country names and demonyms ("Colombian troops" puts CO in context)
    and from the unambiguous countries, regions and large towns among `mentions` (the strong
    ones);
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
        if rank <= 1 and unambiguous(mention):
            countries.add(top.country_code)
        if mention.want_region:
            for _, place in mention.candidates:
                if place.kind == "region" and place.admin1:
                    regions.add((place.country_code, place.admin1))
                    countries.add(place.country_code)
                    break
    return countries, regions


def unambiguous(mention: Mention) -> bool:
    """A country, a region or a large town whose name no place of another country shares
    ("Kharkiv", not "Valencia", "Newcastle" or "Georgia"): naming it says which country the
    article is about."""
    top = mention.candidates[0][1]
    if top.kind == "settlement" and top.population < BIG_TOWN:
        return False
    return all(p.country_code == top.country_code for r, p in mention.candidates if r <= 1)


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
        # the article's own geography: "Newcastle" in a British story is in England, though
        # a namesake abroad some six times larger still wins
        value += COUNTRY_CONTEXT
    if place.admin1 and (place.country_code, place.admin1) in regions and place.kind != "region":
        value += 6
    return value


def resolve(
    mention: Mention, countries: set[str], regions: set[tuple[str, str]], inner: set[str]
) -> GazetteerPlace | None:
    """The best candidate for a mention (see `score`); a region of a country the article
    names a town or region of beats a country of the same name the article does not name."""
    if not mention.candidates:
        return None
    candidates = mention.candidates
    # "Georgia" in a story about the United States is the state, not the country
    local = {p.country_code for _, p in candidates if p.kind == "region"} & inner
    foreign = [
        c for c in candidates if c[1].kind == "country" and c[1].country_code not in countries
    ]
    if local and foreign:
        candidates = [c for c in candidates if c not in foreign]
    best = max(
        candidates,
        key=lambda rp: (score(mention, rp[0], rp[1], countries, regions), -rp[1].geonames_id),
    )
    return best[1]
