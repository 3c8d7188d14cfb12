"""How much the rules cost on top of spaCy: total extraction time / spaCy parse time.

    .venv/bin/python -m bench.pipeline_ratio [eval/gold/*.jsonl]

Reads JSON Lines articles (a `text` or `body` field), parses each with the model alone, then
runs the whole extractor, and prints per-article and total times and the ratio (target: at
most 1.25). Each article runs `--repeat` times; the fastest run counts, to damp noise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from api.extract import Extractor
from api.extract.pipeline import parse as parse_text


def best_of(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    gold = Path(__file__).resolve().parent.parent / "eval" / "gold"
    ap.add_argument("files", nargs="*", default=sorted(str(p) for p in gold.glob("*.jsonl")))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = []
    for name in args.files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                texts.append(item.get("text") or item["body"])
    extractor = Extractor()
    extractor.extract("Warm-up sentence, said the warm-up speaker.")
    parse_total = extract_total = 0.0
    chars = 0
    for text in texts:
        parse = best_of(args.repeat, lambda text=text: parse_text(extractor.nlp, text))
        total = best_of(args.repeat, lambda text=text: extractor.extract(text))
        parse_total += parse
        extract_total += total
        chars += len(text)
        print(
            f"{len(text):>7} chars  parse {parse * 1000:7.1f} ms  total {total * 1000:7.1f} ms  "
            f"ratio {total / parse:5.2f}"
        )
    kb = chars / 1000
    print(
        f"articles={len(texts)} chars={chars} parse_s={parse_total:.2f} "
        f"total_s={extract_total:.2f} ms_per_kb={extract_total * 1000 / kb:.1f} "
        f"ratio={extract_total / parse_total:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
