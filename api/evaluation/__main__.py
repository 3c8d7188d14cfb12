"""`python -m api.evaluation [GOLD.jsonl ...] [--misses N] [--json FILE]` (what `make eval` runs).

Prints a table of figures per gold file and pooled, then, on request, each miss: a quote
not found or given the wrong speaker, a person missed or invented, a claim or place wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from api.evaluation.metrics import figures
from api.evaluation.runner import evaluate, gold_files, pooled, table
from api.extract import Extractor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.evaluation", description=__doc__)
    parser.add_argument("gold", nargs="*", type=Path, help="gold JSON Lines (default: eval/gold)")
    parser.add_argument(
        "--misses", type=int, default=0, metavar="N", help="print up to N misses per file"
    )
    parser.add_argument(
        "--only", metavar="WORD", help="only misses that contain WORD (quote, speaker, place…)"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    results = evaluate(Extractor(), gold_files(args.gold))
    print(table(results))
    for r in results if args.misses else []:
        misses = [m for m in r.tally.misses if args.only is None or args.only in m]
        print(f"\n{r.name}: {len(misses)} misses")
        for line in misses[: args.misses]:
            print("  -", line)
    if args.json is not None:
        report = {r.name: figures(r.tally) for r in results}
        report["pooled"] = figures(pooled(results))
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
