"""Stage 1: actors — the people, organisations, states, forces, groups and media an article names.

One actor per real-world entity per article. spaCy's small model labels the same name
differently from sentence to sentence ("Halvorsen" is PERSON once and ORG the next time, "Oslo" is
PERSON), so labels are treated as votes and names are consolidated first:

* full personal names ("Ivan Sorokin") anchor person actors; a bare surname ("Sorokin"),
  whatever its label, joins the nearest full name ending in it;
* country names, their aliases and metonyms ("the Elysee") are `state` actors; capitals
  ("Oslo", "Caracas", "Hanoi") are states only where they act, not where they locate;
* titles in front of a name or in apposition are attributes, never part of the name; a place
  noun in apposition ("a river town") marks a place, an institution noun ("the parent
  company") an organisation;
* names the tagger cut short are extended over the proper nouns that continue them, surnames
  it skipped join their full name ("al-Rami" and "Rami" too), and an untagged two-to-four word
  name that is the subject of a reporting verb is a person.

The stage reads in order: `mentions` (tagged names found and cleaned, `titles` split off)
and `missed_names` (names the tagger missed) →
`clusters` (mentions of one entity) → `kinds` (what each cluster is, and its name); the words
they share are in `vocabulary` and the data files.
"""

from __future__ import annotations

from spacy.tokens import Doc

from api.extract.clusters import add_untagged_surnames, cluster_mentions
from api.extract.gazetteer import Gazetteer
from api.extract.kinds import canonical_name, kind_of
from api.extract.mentions import find_mentions
from api.extract.missed_names import missed_mentions
from api.extract.types import ExtractedActor, Span


def find_actors(doc: Doc, gazetteer: Gazetteer) -> list[ExtractedActor]:
    """Consolidated actors in order of first mention, keyed "a0", "a1", ...

    "Foreign ministry spokesman Ivan Sorokin said ... Sorokin said" → one person actor
    "Ivan Sorokin", titles ["Foreign ministry spokesman"], aliases ["Sorokin"].
    """
    named = find_mentions(doc, gazetteer) + missed_mentions(doc)
    named.sort(key=lambda m: m.start)
    clusters = cluster_mentions(named, gazetteer)
    add_untagged_surnames(doc, clusters)
    out: list[ExtractedActor] = []
    for c in sorted(clusters, key=lambda c: c.first):
        kind = kind_of(c, gazetteer)
        if kind is None:
            continue
        name = canonical_name(c)
        aliases: list[str] = []
        titles: list[str] = []
        for m in sorted(c.mentions, key=lambda m: m.start):
            if m.text != name and m.text not in aliases:
                aliases.append(m.text)
            for t in m.titles:
                if t not in titles:
                    titles.append(t)
        mentions = [Span(m.start, m.end, m.text) for m in sorted(c.mentions, key=lambda m: m.start)]
        affiliation = c.state if kind == "military" else None
        out.append(
            ExtractedActor(
                key=f"a{len(out)}",
                name=name,
                kind=kind,
                aliases=aliases,
                titles=titles if kind == "person" else [],
                affiliation=affiliation,
                mentions=mentions,
            )
        )
    return out
