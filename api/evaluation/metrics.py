"""Extraction metrics: one annotated article against its gold annotation.

The definitions are those of `eval/README.md` (the project's scorer, which the shared
reference scorer also implements): a quote matches by word overlap, a speaker by any name of
the gold actor or the same surname, a place by name and a geocode within 30 km, a claim by
place name and stance. `predicted` is an annotated article shaped as `GET /v1/articles/{id}`
returns it (`api.schemas.Article` as plain JSON), so the same function scores the extractor
offline and a running server.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]

QUOTE_MATCH = 0.5  # word overlap, over the longer side, for a predicted quote to match
PLACE_KM = 30.0  # a geocode within this distance of the gold point is right
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
_TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_EDGE = r"[\"'’`.,;:!?()\[\]]+"


def norm(text: str | None) -> str:
    """A name or quote as compared: NFKC, plain quotes and dashes, lower case, no leading
    "the", no edge punctuation, no trailing possessive."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHIC).lower().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(_EDGE + "$", "", s)
    s = re.sub("^" + _EDGE, "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"\s+", " ", s)


def words(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", norm(text)))


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """Shared words over the longer side's count."""
    if not a or not b:
        return 0.0
    return sum((a & b).values()) / max(a.total(), b.total())


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def names_of(entity: Json | None) -> set[str]:
    """The normalised name and aliases of a predicted actor or place."""
    if not entity:
        return set()
    found = {norm(entity.get("name"))} | {norm(a) for a in entity.get("aliases") or []}
    return found - {""}


def gold_names(gold: Json, name: str | None) -> set[str]:
    """Every name of the gold actor that `name` is one of (or `name` alone)."""
    if not name:
        return set()
    wanted = norm(name)
    for actor in gold.get("actors", []):
        names = {norm(n) for n in actor["names"]}
        if wanted in names:
            return names
    return {wanted}


def _surname(name: str) -> str:
    return name.split()[-1] if name else ""


def same_actor(predicted: set[str], gold: set[str]) -> bool:
    """A shared name, or for people a shared surname ("Berg" for "Ana Berg")."""
    if not predicted or not gold:
        return False
    if predicted & gold:
        return True
    theirs = {_surname(n) for n in predicted if n not in PRONOUNS}
    ours = {_surname(n) for n in gold if len(n.split()) > 1}
    shared = theirs & ours
    return bool(shared) and all(len(s) > 2 for s in shared)


def assign(
    gold: Sequence[Json], predicted: Sequence[Json], score: Callable[[Json, Json], float]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index), best score first; a score of
    zero means the two cannot match. Ties go to the later pair, as in the reference scorer."""
    pairs = [
        (s, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if (s := score(g, p)) > 0
    ]
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class Tally:
    """Counts over one or more articles, and a line for each miss."""

    counts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def merge(self, other: Tally) -> None:
        self.counts.update(other.counts)
        self.misses.extend(other.misses)


def score_article(gold: Json, predicted: Json, tally: Tally) -> None:
    """Add one article's counts to `tally`: each section the gold has is scored."""
    if "quotes" in gold:
        _score_quotes(gold, predicted, tally)
    if "actors" in gold:
        _score_people(gold, predicted, tally)
    if "claims" in gold:
        _score_claims(gold, predicted, tally)
    if "places" in gold:
        _score_places(gold, predicted, tally)


def _pair(
    t: Tally,
    name: str,
    required: list[Json],
    optional: list[Json],
    predicted: list[Json],
    score: Callable[[Json, Json], float],
) -> tuple[list[tuple[int, int]], list[Json], list[Json]]:
    """Match predictions to required gold items, let optional gold items absorb what is left
    (neither required nor counted against), and count `name`_tp/_fn/_fp. Returns the matched
    (gold, predicted) index pairs, the gold items missed and the predictions in excess."""
    matched = assign(required, predicted, score)
    used = {pi for _, pi in matched}
    rest = [p for i, p in enumerate(predicted) if i not in used]
    absorbed = {pi for _, pi in assign(optional, rest, score)}
    found = {gi for gi, _ in matched}
    missed = [g for gi, g in enumerate(required) if gi not in found]
    extra = [p for pi, p in enumerate(rest) if pi not in absorbed]
    t.add(f"{name}_tp", len(matched))
    t.add(f"{name}_fn", len(missed))
    t.add(f"{name}_fp", len(extra))
    return matched, missed, extra


def _speaker_names(predicted: Json, quote: Json) -> set[str]:
    """The speaker's names, with the aliases of the article's actor it points to."""
    speaker = quote.get("speaker") or {}
    actors = {a.get("id"): a for a in predicted.get("actors") or []}
    return names_of(actors.get(speaker.get("id")) or speaker) | names_of(speaker)


def _score_quotes(gold: Json, predicted: Json, t: Tally) -> None:
    """Direct quotes: found (quote P/R/F1), then attributed (speaker accuracy)."""
    gid = gold["id"]
    direct = [q for q in gold["quotes"] if q.get("kind", "direct") == "direct"]
    required = [q for q in direct if not q.get("optional")]
    optional = [q for q in direct if q.get("optional")]
    preds = [q for q in predicted.get("quotes") or [] if q.get("kind", "direct") == "direct"]

    def score(g: Json, p: Json) -> float:
        o = overlap(words(g["text"]), words(p.get("text")))
        if o < QUOTE_MATCH:
            return 0.0
        # among equal overlaps, prefer the prediction with the right speaker
        right = same_actor(_speaker_names(predicted, p), gold_names(gold, g.get("speaker")))
        return o + (0.001 if right else 0.0)

    matched, missed, extra = _pair(t, "quote", required, optional, preds, score)
    t.misses += [f"{gid}: missed quote {g['text'][:70]!r}" for g in missed]
    t.misses += [f"{gid}: extra quote {str(p.get('text'))[:70]!r}" for p in extra]
    for gi, pi in matched:
        g, p = required[gi], preds[pi]
        if g.get("speaker_unknown"):  # a pronoun the gold does not resolve
            t.add("speaker_unknown")
            continue
        t.add("speaker_total")
        who = (p.get("speaker") or {}).get("name")
        if g.get("speaker") is None:
            right = not who  # no one is named: only an unattributed quote is right
        else:
            right = same_actor(_speaker_names(predicted, p), gold_names(gold, g["speaker"]))
        if right:
            t.add("speaker_ok")
        else:
            t.misses.append(
                f"{gid}: quote {g['text'][:40]!r} speaker {who!r}, gold {g['speaker']!r}"
            )


def _score_people(gold: Json, predicted: Json, t: Tally) -> None:
    gid = gold["id"]
    people = [a for a in gold["actors"] if a.get("kind") == "person"]
    required = [a for a in people if not a.get("optional")]
    optional = [a for a in people if a.get("optional")]
    preds = [a for a in predicted.get("actors") or [] if a.get("kind") == "person"]

    def score(g: Json, p: Json) -> float:
        return 1.0 if same_actor(names_of(p), {norm(n) for n in g["names"]}) else 0.0

    _, missed, extra = _pair(t, "person", required, optional, preds, score)
    t.misses += [f"{gid}: missed person {a['names'][0]!r}" for a in missed]
    t.misses += [f"{gid}: extra person {p.get('name')!r}" for p in extra]


def _score_claims(gold: Json, predicted: Json, t: Tally) -> None:
    gid = gold["id"]
    required = [c for c in gold["claims"] if not c.get("optional")]
    optional = [c for c in gold["claims"] if c.get("optional")]
    preds = predicted.get("claims") or []

    def place_names(p: Json) -> set[str]:
        return names_of(p.get("place")) | ({norm(p.get("place_text"))} - {""})

    def score(g: Json, p: Json) -> float:
        if p.get("stance") != g["stance"] or not place_names(p) & {norm(n) for n in g["place"]}:
            return 0.0
        # ties between claims on one place go to the one that also has controller and type right
        right = same_actor(names_of(p.get("controller")), gold_names(gold, g.get("controller")))
        return 1.0 + (0.5 if right else 0.0) + (0.25 if p.get("type") == g.get("type") else 0.0)

    matched, missed, extra = _pair(t, "claim", required, optional, preds, score)
    t.misses += [f"{gid}: missed claim {c['stance']} {c['place'][0]!r}" for c in missed]
    t.misses += [f"{gid}: extra claim {p.get('stance')} {p.get('place_text')!r}" for p in extra]
    for gi, pi in matched:
        g, p = required[gi], preds[pi]
        if g.get("controller"):
            t.add("controller_total")
            if same_actor(names_of(p.get("controller")), gold_names(gold, g["controller"])):
                t.add("controller_ok")


def _score_places(gold: Json, predicted: Json, t: Tally) -> None:
    """Found and geocoded right. Where the gold lists actors too, its places are exhaustive:
    a predicted place that names no gold place (nor a state actor, "Kyiv said") is false."""
    gid = gold["id"]
    preds = predicted.get("places") or []
    known = {norm(n) for g in gold["places"] for n in g["names"]}
    known |= {norm(n) for a in gold.get("actors") or [] if a.get("kind") == "state"
              for n in a["names"]}  # fmt: skip
    if "actors" in gold:
        for p in preds:
            if not names_of(p) & known:
                t.add("place_fp")
                t.misses.append(f"{gid}: extra place {p.get('name')!r} ({p.get('country_code')})")
    for g in gold["places"]:
        if g.get("optional"):
            continue
        t.add("place_total")
        names = {norm(n) for n in g["names"]}
        hit = next((p for p in preds if names_of(p) & names), None)
        if hit is None:
            t.misses.append(f"{gid}: missed place {g['names'][0]!r}")
            continue
        right = True
        code = hit.get("country_code")
        if g.get("country") and code and code.upper() != g["country"]:
            right = False
        if "lat" in g and (
            hit.get("lat") is None or km(g["lat"], g["lon"], hit["lat"], hit["lon"]) > PLACE_KM
        ):
            right = False
        t.add("place_ok" if right else "place_wrong")
        if not right:
            where = f"{code} {hit.get('lat')},{hit.get('lon')}"
            t.misses.append(f"{gid}: place {g['names'][0]!r} geocoded to {where}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; with nothing to find and nothing found, all are 1."""
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def figures(t: Tally) -> dict[str, Any]:
    """The headline figures of a tally, rounded to three places as the reference prints them."""
    c = t.counts
    out: dict[str, Any] = {}
    for name in ("quote", "person", "claim"):
        tp, fp, fn = c[f"{name}_tp"], c[f"{name}_fp"], c[f"{name}_fn"]
        if tp + fp + fn:
            p, r, f = prf(tp, fp, fn)
            out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                         "tp": tp, "fp": fp, "fn": fn}  # fmt: skip
    if c["speaker_total"]:
        out["speaker_accuracy"] = round(c["speaker_ok"] / c["speaker_total"], 3)
        # found AND attributed rightly; quotes whose gold speaker is unknown count on neither side
        gold_quotes = c["quote_tp"] + c["quote_fn"] - c["speaker_unknown"]
        pred_quotes = c["quote_tp"] + c["quote_fp"] - c["speaker_unknown"]
        p = c["speaker_ok"] / pred_quotes if pred_quotes else 0.0
        r = c["speaker_ok"] / gold_quotes if gold_quotes else 0.0
        out["attributed_quote_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    if c["controller_total"]:
        out["controller_accuracy"] = round(c["controller_ok"] / c["controller_total"], 3)
    if c["place_total"]:
        out["place_accuracy"] = round(c["place_ok"] / c["place_total"], 3)
        fp = c["place_fp"] + c["place_wrong"]
        fn = c["place_total"] - c["place_ok"]
        p, r, f = prf(c["place_ok"], fp, fn)
        out["place"] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                        "tp": c["place_ok"], "fp": fp, "fn": fn}  # fmt: skip
    return out
