"""Clusters: the mentions of one real-world entity. Same state, same full name; a bare surname
(or a given name, or a family name written first) joins its full name; acronyms and shortened
institution names join the longer name."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from api.extract.gazetteer import Gazetteer
from api.extract.mentions import Mention, is_personal_name
from api.extract.states import state_key as _key
from api.extract.vocabulary import SURNAME_PARTICLE_RE, institution_name


@dataclass
class Cluster:
    """Mentions that refer to one real-world entity."""

    mentions: list[Mention]
    state: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def initials(name: str) -> str:
    """ "Baltic Coastal News Agency" → "BCNA" (skips "of", "the", "for", "and")."""
    skip = ("of", "the", "for", "and", "de")
    return "".join(w[0] for w in name.split() if w.lower() not in skip).upper()


def cluster_mentions(mentions: list[Mention], gazetteer: Gazetteer) -> list[Cluster]:
    """Group mentions of one entity: same state, same full name, surname → nearest full name."""
    clusters: list[Cluster] = []
    by_state: dict[tuple[str, bool], Cluster] = {}
    by_name: dict[str, Cluster] = {}
    singles: list[Mention] = []

    _people_by_surname(mentions)
    for m in mentions:
        if m.state is not None:
            key = (m.state, m.military)
            if key not in by_state:
                by_state[key] = Cluster([], state=m.state)
                clusters.append(by_state[key])
            by_state[key].mentions.append(m)
        elif len(m.words) >= 2 or (m.label in ("ORG", "FAC") and m.text.isupper()):
            k = _name_key(m)
            if k not in by_name:
                by_name[k] = Cluster([])
                clusters.append(by_name[k])
            by_name[k].mentions.append(m)
        else:
            singles.append(m)

    # full personal names, indexed by surname, in order of first mention
    persons = [
        c for c in clusters if c.state is None and any(is_personal_name(x) for x in c.mentions)
    ]
    orgs = [c for c in clusters if c.state is None and c not in persons]
    for m in singles:
        target = surname_target(m, persons) or org_target(m, orgs)
        if target is not None:
            target.mentions.append(m)
            continue
        k = _key(m.text)
        if k not in by_name:
            by_name[k] = Cluster([])
            clusters.append(by_name[k])
        by_name[k].mentions.append(m)

    # acronyms and shortened organisation names: "BCNA"; "Records Office" in "Oslo Records Office"
    merged: list[Cluster] = []
    for c in sorted(clusters, key=lambda c: -max(len(x.words) for x in c.mentions)):
        host = None if c.state else org_host(c, merged)
        if host is not None:
            host.mentions += c.mentions
        else:
            merged.append(c)
    return merged


def _name_key(m: Mention) -> str:
    """What makes two full names one: the whole name, or for a person the first and last
    words ("Marietta Louise Franklyn" is "Marietta Franklyn": a middle name is not a new
    person)."""
    if m.label == "PERSON" and len(m.words) >= 3 and is_personal_name(m):
        return _key(f"{m.words[0]} {m.words[-1]}")
    return _key(m.text)


def _people_by_surname(mentions: list[Mention]) -> None:
    """A two- or three-word name tagged as an organisation is a person's when its last word
    stands alone elsewhere tagged as a person ("Joran Vessiers" tagged ORG, then "Vessiers
    scored" tagged PERSON), and it holds no institution word."""
    surnames = {m.text for m in mentions if m.label == "PERSON" and len(m.words) == 1}
    for m in mentions:
        if (
            m.label == "ORG"
            and m.state is None
            and 2 <= len(m.words) <= 3
            and m.words[-1] in surnames
            and all(w[:1].isupper() for w in m.words)
            and not institution_name(m.text)
        ):
            m.label = "PERSON"


def surname_key(word: str) -> str:
    """Lookup key of a surname without a joined article: "al-Rami" and "Rami" → "rami"."""
    return SURNAME_PARTICLE_RE.sub("", _key(word))


def surname_target(m: Mention, persons: list[Cluster]) -> Cluster | None:
    """The full name this bare name refers to: the nearest preceding one ending in it, else
    the next; failing that, the one full name that starts with it (a given name, or a family
    name written first: "Quan" → "Quan Zhenwei").

    "Sorokin" → "Ivan Sorokin"; "Halvorsen" (labelled GPE) → "Erik Halvorsen"; "al-Rami" and
    "Rami" → "Yusuf al-Rami".
    """
    word = surname_key(m.text)
    before: tuple[int, Cluster] | None = None
    after: tuple[int, Cluster] | None = None
    starts: set[int] = set()
    for c in persons:
        for x in c.mentions:
            if not is_personal_name(x) or len(x.words) < 2:
                continue
            if _key(x.words[0]) == word:
                starts.add(id(c))
            if surname_key(x.words[-1]) != word:
                continue
            if x.start < m.start and (before is None or x.start > before[0]):
                before = (x.start, c)
            elif x.start > m.start and (after is None or x.start < after[0]):
                after = (x.start, c)
    chosen = before or after
    if chosen:
        return chosen[1]
    if len(starts) == 1 and m.label in ("PERSON", "ORG", "GPE", "NORP"):
        return next(c for c in persons if id(c) in starts)
    if m.label == "PERSON" and len(word) >= 6:
        # a surname misspelt by one letter ("Castelano" for "Castellano"): the one full name
        # whose surname is that close
        close = {
            id(c): c
            for c in persons
            for x in c.mentions
            if is_personal_name(x)
            and len(x.words) >= 2
            and one_edit_apart(word, surname_key(x.words[-1]))
        }
        if len(close) == 1:
            return next(iter(close.values()))
    return None


def one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped ("Lindgvist"/"Lindqvist")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )  # fmt: skip
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def org_target(m: Mention, orgs: list[Cluster]) -> Cluster | None:
    """An acronym of a longer organisation name: "BCNA" → "Baltic Coastal News Agency"."""
    if not (m.text.isupper() and len(m.text) >= 2):
        return None
    for c in orgs:
        acronym = m.text.replace(".", "")
        if any(initials(x.text) == acronym for x in c.mentions if len(x.words) >= 2):
            return c
    return None


def org_host(c: Cluster, merged: list[Cluster]) -> Cluster | None:
    """A longer non-person name ending with this one: "Oslo Records Office" hosts
    "Records Office"."""
    if any(x.label == "PERSON" for x in c.mentions):
        return None
    names = {_key(x.text) for x in c.mentions}
    for host in merged:
        if host.state or any(x.label == "PERSON" for x in host.mentions):
            continue
        for x in host.mentions:
            hk = _key(x.text)
            for n in names:
                if len(n.split()) >= 2 and hk != n and hk.endswith(" " + n):
                    return host
                if (
                    n.isalpha()
                    and n.upper() == initials(x.text).upper()
                    and len(n) >= 2
                    and any(y.text.isupper() for y in c.mentions)
                ):
                    return host
    return None


def add_untagged_surnames(doc: Doc, clusters: list[Cluster]) -> None:
    """Mentions the tagger skipped: a lone capitalised proper noun equal to the surname of one
    full personal name in the article ("Voss further said" after "Piet Voss"), or to the first
    word of one when no full name ends with it ("Sutthirak said")."""
    owners: dict[str, Cluster | None] = {}
    firsts: dict[str, Cluster | None] = {}
    for c in clusters:
        if c.state is not None:
            continue
        for x in c.mentions:
            if is_personal_name(x) and len(x.words) >= 2:
                k = surname_key(x.words[-1])
                owners[k] = c if owners.get(k, c) is c else None
                k = _key(x.words[0])
                firsts[k] = c if firsts.get(k, c) is c else None
    for k, first in firsts.items():
        owners.setdefault(k, first)  # a given name (or family name written first) no one ends with
    if not owners:
        return
    spans = sorted((x.start, x.end) for c in clusters for x in c.mentions)
    starts = [a for a, _ in spans]
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        target = owners.get(surname_key(tok.text))
        if target is None or inside(spans, starts, tok.idx):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if name_neighbour(tok, nxt) or name_neighbour(tok, prev):
            continue  # part of a longer name: another person who shares the surname
        target.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", tok))


def name_neighbour(tok: Token, other: Token | None) -> bool:
    """`other` continues the name `tok` is in: a proper noun joined to it, not a date or
    another entity ("on Friday Adair indicated" is Adair alone)."""
    if other is None or other.pos_ != "PROPN" or other.ent_type_ not in ("", "PERSON"):
        return False
    return other.head.i == tok.i or tok.head.i == other.i


def inside(spans: list[tuple[int, int]], starts: list[int], char: int) -> bool:
    """Whether `char` falls inside one of the sorted mention spans."""
    i = bisect_right(starts, char) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]
