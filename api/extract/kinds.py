"""Kinds: what a cluster of mentions is (person, organisation, state, military, group,
media) or that it is no actor at all (a place, a lone capitalised word), and its canonical
name."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from api.extract.clusters import Cluster
from api.extract.gazetteer import Gazetteer
from api.extract.given_names import is_given_name
from api.extract.lexicon import word_list
from api.extract.mentions import Mention, is_personal_name
from api.extract.reporting import is_cue
from api.extract.titles import title_head
from api.extract.types import ActorKind
from api.extract.vocabulary import (
    GROUP_RE,
    MEDIA_RE,
    MILITARY_RE,
    ORG_TITLE_NOUNS,
    ORG_WORD_RE,
    PLACE_NOUNS,
    PLACE_PREPS,
    PLACE_TITLE_NOUNS,
    institution_name,
    place_suffix,
)


def kind_of(c: Cluster, gazetteer: Gazetteer) -> ActorKind | None:
    """Decide the kind over all mentions; None when the cluster is not an actor at all.

    A cluster with a two-word PERSON name is a person; a lone word that is mostly tagged as a
    place (or that the gazetteer knows as a place) is not an actor.
    """
    if c.state is not None:
        return "military" if any(m.military for m in c.mentions) else "state"
    if any(w.lower() in word_list("thing_words.txt") for w in canonical_name(c).split()):
        # "Golden Harp Awards", "Space Shuttle Meridian": an organisation if tagged as one, never
        # a person
        orgs = sum(1 for m in c.mentions if m.label == "ORG")
        return "organization" if orgs * 2 > len(c.mentions) and not _located_all(c) else None
    labels = Counter(m.label for m in c.mentions)
    multi_person = any(m.label == "PERSON" and len(m.words) >= 2 for m in c.mentions)
    name = canonical_name(c)
    given = any(m.label == "PERSON" and is_given_name(m.words[0]) for m in c.mentions
                if len(m.words) >= 2)  # fmt: skip
    if org_titled(c) and not given:  # "Ines Varga of …, the UN agency": the agency is not her
        return "organization"  # "Vellar, the parent company", "Orvik, a parts maker"
    if multi_person and not institution_name(name):
        return None if looks_like_place(c, name, gazetteer) else "person"
    place_votes = labels["GPE"] + labels["LOC"] + labels["FAC"]
    if (
        labels["PERSON"]
        and labels["PERSON"] >= labels["ORG"]
        and labels["PERSON"] > place_votes
        and not institution_name(name)
    ):
        if looks_like_place(c, name, gazetteer) or not supported_person(c):
            return None
        return "person"
    full_names = [m for m in c.mentions if is_personal_name(m) and len(m.words) >= 2]
    if full_names and not institution_name(name) and not looks_like_place(c, name, gazetteer):
        return "person"  # "said the trade commissioner, Margaret Vollmer" tagged ORG
    if titled_person_name(c, name) and not all(located(m) for m in c.mentions):
        return "person"  # "Nadia Okafor, a nurse" even when tagged ORG
    if labels["ORG"] == 0 or place_votes > labels["ORG"]:
        return None  # cities, regions, landmarks: places, not actors
    if MEDIA_RE.search(name):
        return "media"
    if MILITARY_RE.search(name):
        return "military"
    if GROUP_RE.search(name):
        return "group"
    if not ORG_WORD_RE.search(name) and any(acts_as_outlet(m.root) for m in c.mentions):
        return "media"
    return "organization"


def _located_all(c: Cluster) -> bool:
    return all(located(m) for m in c.mentions)


def supported_person(c: Cluster) -> bool:
    """A one-word name the tagger calls a person is an actor only when the article treats it
    as one: a title or honorific ("Mr Okonkwo", "Kessel's son, Tariq"), it speaks ("said
    Oleksa", "Taras told"), or it comes back and acts. A lone capitalised word ("Twitter",
    "Gunfire", "Order") is not."""
    if any(len(m.words) >= 2 for m in c.mentions):
        return True
    if any(m.titles or speaks(m.root) for m in c.mentions):
        return True
    acting = [m for m in c.mentions if m.root.dep_ in ("nsubj", "nsubjpass", "poss")]
    return len(c.mentions) >= 2 and bool(acting)  # "Reyes was abducted … Reyes has been"


def speaks(root: Token) -> bool:
    """The word names who reports something: the subject of a reporting verb, its inverted
    subject ("said Oleksa"), or the object of "according to"."""
    head = root.head
    if is_cue(head):
        return root.dep_ in ("nsubj", "nsubjpass") or (
            root.i > head.i and root.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")
        )
    if any(
        c.dep_ == "relcl"
        and is_cue(c)
        and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
        for c in root.children
    ):
        return True  # "Mbatha, who said"
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def org_titled(c: Cluster) -> bool:
    """Every title of the cluster is an institution noun ("parent company", "carrier")."""
    titles = [t for m in c.mentions for t in m.titles]
    return bool(titles) and all(_singular(title_head(t)) in ORG_TITLE_NOUNS for t in titles)


def _singular(noun: str) -> str:
    """ "companies" → "company", "firms" → "firm" (enough for the institution nouns)."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def acts_as_outlet(root: Token) -> bool:
    """The name reports news or is told things for publication: "Nordpost reported", "told
    Nordpost", "said in an interview with Nordpost"."""
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ == "report":
        return True
    if root.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
        return True
    return (
        root.dep_ == "pobj"
        and head.lower_ == "with"
        and head.head.lower_ in ("interview", "interviews")
    )


def titled_person_name(c: Cluster, name: str) -> bool:
    """A two-to-four word capitalised name with a role title and no institution word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if ORG_WORD_RE.search(name) or MEDIA_RE.search(name) or MILITARY_RE.search(name):
        return False
    return any(m.titles for m in c.mentions)


def located(m: Mention) -> bool:
    """The mention is used as a location: "in Poltava", "the Chernihiv region", "Birchwood Road"."""
    root = m.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS:
        return True
    doc = root.doc
    first = root
    while first.i > 0 and doc[first.i - 1].idx >= m.start:
        first = doc[first.i - 1]
    prev = doc[max(first.i - 2, 0) : first.i]
    if len(prev) == 2 and prev[0].lower_ in PLACE_NOUNS and prev[1].lower_ == "of":
        return True  # "the village of Lisne Yar"
    # a name given to a place: "Lisne, as Oslo calls it", "which uses the name Lisnaya Gora"
    return len(prev) >= 1 and (prev[-1].lemma_.lower() == "call" or prev[-1].lower_ == "name")


def looks_like_place(c: Cluster, name: str, gazetteer: Gazetteer) -> bool:
    """A would-be person that is really a place: a place noun in apposition ("Dalby, a river
    town"), the gazetteer knows it (and no title says otherwise), its name ends like a street,
    or every mention locates something."""
    titles = [t for m in c.mentions for t in m.titles]
    place_titles = [t for t in titles if title_head(t) in PLACE_TITLE_NOUNS]
    if place_titles and len(place_titles) == len(titles):
        return True
    if titles:
        return False
    if place_suffix(name) or gazetteer.is_place_name(name):
        return True
    labels = Counter(m.label for m in c.mentions)
    if labels["GPE"] + labels["LOC"] + labels["FAC"] > labels["PERSON"]:
        return True  # "Upper Valdmark" once as PERSON, "Valdmark" ten times as a place
    acts = any(m.root.dep_ in ("nsubj", "nsubjpass", "poss") for m in c.mentions)
    if not acts and any(listed_with_place(m.root, gazetteer) for m in c.mentions):
        return True
    return all(located(m) for m in c.mentions)


def listed_with_place(root: Token, gazetteer: Gazetteer) -> bool:
    """The name is coordinated with a place ("Bergen, Koh Marang and Girona", "Poltava and
    Kestrel Yar"): a list of names is a list of one kind (asked only of a name that never
    acts as a subject or owner: parses also coordinate "from Tasmania and Paul Berg")."""
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(
        p.ent_type_ in ("GPE", "LOC") or gazetteer.is_place_name(phrase_text(p)) for p in partners
    )


def phrase_text(tok: Token) -> str:
    """A proper noun with the proper nouns compounded into it: "Yar" → "Kestrel Yar"."""
    left = [t for t in tok.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    start = left[0].i if left else tok.i
    return str(tok.doc[start : tok.i + 1].text)


def canonical_name(c: Cluster) -> str:
    """Fullest proper name: country for states, else the longest PERSON name, else the longest."""
    if c.state is not None and not any(m.military for m in c.mentions):
        return c.state
    people = [m for m in c.mentions if m.label == "PERSON"]
    pool = people if any(len(m.words) >= 2 for m in people) else c.mentions
    best = max(pool, key=lambda m: (len(m.words), len(m.text), -m.start))
    return best.text
