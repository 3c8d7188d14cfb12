"""Score the extractor offline against gold JSON Lines, without the web API or a database.

Dev tool only (tests do not use it). It runs `api.extract.Extractor` over each gold article,
builds the annotated-article dict that `score.py` reads from `GET /v1/articles/{id}`, and
reuses `score.py`'s `score_article`, `Tally` and `prf` so the figures are the same.

    .venv/bin/python bench/score_offline.py ../shared/eval/gold/*.jsonl
    .venv/bin/python bench/score_offline.py --misses 100 --only quote \
        ../shared/eval/gold/seed.jsonl
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from api.extract import Extractor  # noqa: E402
from api.extract.types import Extraction  # noqa: E402


def load_scorer(path: Path) -> ModuleType:
    """Import score.py by file path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("gazette_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotated(ex: Extraction) -> dict[str, Any]:
    """The shape of `GET /v1/articles/{id}` as far as score.py reads it; actor ids are keys."""
    by_key = {a.key: a for a in ex.actors}
    place_by_key = {p.key: p for p in ex.places}

    def actor_ref(key: str | None) -> dict[str, Any] | None:
        a = by_key.get(key) if key else None
        return {"id": a.key, "name": a.name} if a else None

    def place_ref(key: str | None) -> dict[str, Any] | None:
        p = place_by_key.get(key) if key else None
        if p is None:
            return None
        return {"id": p.key, "name": p.place.name, "aliases": list(p.place.aliases)}

    return {
        "actors": [
            {"id": a.key, "name": a.name, "kind": a.kind, "aliases": list(a.aliases)}
            for a in ex.actors
        ],
        "quotes": [
            {"id": f"q{i}", "text": q.text, "kind": q.kind, "speaker": actor_ref(q.speaker)}
            for i, q in enumerate(ex.quotes)
        ],
        "claims": [
            {
                "id": f"c{i}",
                "place": place_ref(c.place),
                "place_text": c.place_text,
                "stance": c.stance,
                "controller": actor_ref(c.controller),
            }
            for i, c in enumerate(ex.claims)
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
            for p in ex.places
        ],
    }


def summarise(score: ModuleType, t: Any, n_articles: int, secs: float) -> dict[str, Any]:
    """Same figures as score.py's main()."""
    c = t.c
    res: dict[str, Any] = {
        "articles": n_articles,
        "ingest_articles_per_s": round(n_articles / secs, 2) if secs else None,
    }
    for name in ("quote", "person", "claim"):
        if c[f"{name}_tp"] + c[f"{name}_fn"] + c[f"{name}_fp"]:
            p, r, f = score.prf(c[f"{name}_tp"], c[f"{name}_fp"], c[f"{name}_fn"])
            res[name] = {
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "tp": c[f"{name}_tp"],
                "fp": c[f"{name}_fp"],
                "fn": c[f"{name}_fn"],
            }
    if c["speaker_total"]:
        res["speaker_accuracy"] = round(c["speaker_ok"] / c["speaker_total"], 3)
        gold_q = c["quote_tp"] + c["quote_fn"]
        pred_q = c["quote_tp"] + c["quote_fp"]
        ok = c["speaker_ok"]
        p = ok / pred_q if pred_q else 0.0
        r = ok / gold_q if gold_q else 0.0
        res["attributed_quote_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    if c["controller_total"]:
        res["controller_accuracy"] = round(c["controller_ok"] / c["controller_total"], 3)
    if c["place_total"]:
        res["place_accuracy"] = round(c["place_ok"] / c["place_total"], 3)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold", nargs="+", help="gold .jsonl files")
    ap.add_argument("--scorer", default=str(REPO.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--misses", type=int, default=40, help="how many misses to print")
    ap.add_argument("--only", help="print only misses containing this word (e.g. quote, person)")
    ap.add_argument("--dump", action="store_true", help="print each article's actors and quotes")
    args = ap.parse_args()

    score = load_scorer(Path(args.scorer))
    extractor = Extractor()
    t = score.Tally()
    golds: list[dict[str, Any]] = []
    for path in args.gold:
        with open(path, encoding="utf-8") as fh:
            golds += [json.loads(line) for line in fh if line.strip()]

    secs = 0.0
    for g in golds:
        t0 = time.perf_counter()
        ex = extractor.extract(g["text"], g.get("source"))
        secs += time.perf_counter() - t0
        pred = annotated(ex)
        if args.dump:
            print("=====", g["id"])
            for a in pred["actors"]:
                print("  A", a)
            for q in ex.quotes:
                print("  Q", q.kind, repr(q.text[:60]), "->", q.speaker, q.speaker_text, q.cue)
        score.score_article(g, pred, t)

    res = summarise(score, t, len(golds), secs)
    misses = [m for m in t.misses if not args.only or args.only in m]
    for m in misses[: args.misses]:
        print("  -", m)
    if len(misses) > args.misses:
        print(f"  ... {len(misses) - args.misses} more")
    print(json.dumps(res, indent=2))
    summary = [f"{k}_f1={res[k]['f1']}" for k in ("quote", "person", "claim") if k in res]
    for k in (
        "speaker_accuracy",
        "attributed_quote_f1",
        "controller_accuracy",
        "place_accuracy",
        "ingest_articles_per_s",
    ):
        if k in res:
            summary.append(f"{k}={res[k]}")
    print("SCORE " + " ".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
