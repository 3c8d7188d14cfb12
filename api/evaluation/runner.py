"""Score the extractor offline: gold files in, figures per file and pooled out.

No server and no database: each gold article goes through `Extractor.extract_many` and its
extraction is shaped as `GET /v1/articles/{id}` would show it (`annotated`), then scored by
`api.evaluation.metrics`. The one thing a server adds is cross-article actor resolution
(an actor may carry aliases from other articles); within one article the figures agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.evaluation.metrics import Json, Tally, figures, score_article
from api.extract import Extraction, Extractor
from api.names import name_key

# The gold annotations shipped with the project (eval/gold/*.jsonl, sources in ATTRIBUTION.md).
GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


def load_gold(path: Path) -> list[Json]:
    """One gold article per non-empty line of a JSON Lines file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_files(paths: Iterable[Path] = ()) -> list[Path]:
    """The given files, or every `*.jsonl` under `eval/gold/`."""
    chosen = sorted(paths) or sorted(GOLD.glob("*.jsonl"))
    if not chosen:
        raise FileNotFoundError(f"no gold files under {GOLD}")
    return chosen


def annotated(extraction: Extraction) -> Json:
    """The fields of the annotated article that the metrics read, named and ordered as the
    API's article detail has them; extraction keys ("a0", "p1") stand in for stored ids.

    The order matters: the metrics pair gold and predicted items greedily and a tie goes to
    the later item (two people who share a surname), so the lists follow the API's order:
    actors by name key and kind (the order ingest creates them in), places by GeoNames id,
    quotes by position, claims by the position of their evidence."""
    actors = {a.key: a for a in extraction.actors}
    places = {p.key: p for p in extraction.places}

    def actor_ref(key: str | None) -> Json | None:
        return None if key is None else {"id": key, "name": actors[key].name}

    def place_ref(key: str | None) -> Json | None:
        if key is None:
            return None
        place = places[key].place
        return {"id": key, "name": place.name, "aliases": list(place.aliases)}

    return {
        "actors": [
            {"id": a.key, "name": a.name, "kind": a.kind, "aliases": a.aliases}
            for a in sorted(extraction.actors, key=lambda a: (name_key(a.name), a.kind))
        ],
        "quotes": [
            {"text": q.text, "kind": q.kind, "speaker": actor_ref(q.speaker)}
            for q in sorted(extraction.quotes, key=lambda q: q.start)
        ],
        "claims": [
            {
                "place": place_ref(c.place),
                "place_text": c.place_text,
                "stance": c.stance,
                "type": c.type,
                "controller": actor_ref(c.controller),
            }
            for c in sorted(extraction.claims, key=lambda c: c.evidence.start)
        ],
        "places": [
            {
                "id": p.key,
                "name": p.place.name,
                "aliases": list(p.place.aliases),
                "country_code": p.place.country_code,
                "lat": p.place.lat,
                "lon": p.place.lon,
            }
            for p in sorted(extraction.places, key=lambda p: p.place.geonames_id)
        ],
    }


@dataclass
class FileResult:
    name: str
    articles: int
    tally: Tally


def evaluate(extractor: Extractor, paths: Sequence[Path]) -> list[FileResult]:
    """Extract every gold article of each file and tally it against its gold."""
    results = []
    for path in paths:
        golds = load_gold(path)
        extractions = extractor.extract_many([(g["text"], g.get("source")) for g in golds])
        tally = Tally()
        for gold, extraction in zip(golds, extractions, strict=True):
            score_article(gold, annotated(extraction), tally)
        results.append(FileResult(path.stem, len(golds), tally))
    return results


def pooled(results: Sequence[FileResult]) -> Tally:
    total = Tally()
    for r in results:
        total.merge(r.tally)
    return total


# The columns of the table `make eval` prints, and where each figure comes from.
COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("quote P", ("quote", "precision")),
    ("quote R", ("quote", "recall")),
    ("quote F1", ("quote", "f1")),
    ("speaker acc", ("speaker_accuracy",)),
    ("attributed F1", ("attributed_quote_f1",)),
    ("person F1", ("person", "f1")),
    ("claim P", ("claim", "precision")),
    ("claim R", ("claim", "recall")),
    ("claim F1", ("claim", "f1")),
    ("controller", ("controller_accuracy",)),
    ("place P", ("place", "precision")),
    ("place R", ("place", "recall")),
    ("place F1", ("place", "f1")),
)


def figure(figs: dict[str, Any], path: tuple[str, ...]) -> float | None:
    """A figure by its path ("quote", "f1"), or None when the tally has nothing to score."""
    value: Any = figs
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return float(value)


def table(results: Sequence[FileResult]) -> str:
    """One row per gold file and one for all of them pooled, a column per figure."""
    rows = [(f"{r.name} ({r.articles})", figures(r.tally)) for r in results]
    rows.append((f"pooled ({sum(r.articles for r in results)})", figures(pooled(results))))
    width = max(len(name) for name, _ in rows)
    head = "file".ljust(width) + "".join(f" {label:>{max(9, len(label))}}" for label, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, figs in rows:
        cells = []
        for label, path in COLUMNS:
            value = figure(figs, path)
            cells.append(f" {'-' if value is None else f'{value:.3f}':>{max(9, len(label))}}")
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)
