"""Extraction probes beyond the gold: general news must claim nothing and geocode right; war
reporting must keep its claims. Prints the figures (no test depends on them).

    .venv/bin/python -m bench.extraction_probes [-v]

The texts are invented (bench/probes/), so they measure constructions, not the dev articles:
- general news: 94 paragraphs (sports, business, politics, courts, weather, culture…) with
  the places an annotator lists; figures: claims produced (should be 0), place precision and
  recall (a place is right when one of its names or mentions is a listed name and its country
  is the listed one);
- war reporting: 88 snippets with 102 expected claims; figures: claims found (place named,
  same stance, same type; "took control" counts as capture or control) and how many of them
  are linked to a gazetteer place.
"""

from __future__ import annotations

import re
import sys
import unicodedata

from api.extract import Extractor
from bench.probes.general_news import P
from bench.probes.war_reporting import S


def norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower().strip()


def general_news(ex: Extractor, verbose: bool) -> str:
    claims = produced = right = expected = found = 0
    for para in P:
        result = ex.extract(para["text"])
        claims += len(result.claims)
        listed = [(n, cc, True) for n, cc in para["expected"]]
        listed += [(n, cc, False) for n, cc in para["optional"]]
        hit: set[str] = set()
        for place in result.places:
            produced += 1
            keys = {norm(m.text) for m in place.mentions} | {norm(place.place.name)}
            ok = [e for e in listed if norm(e[0]) in keys and e[1] == place.place.country_code]
            right += bool(ok)
            hit |= {e[0] for e in ok}
            if verbose and not ok:
                print(f"  wrong place {place.place.name} ({place.place.country_code})")
        for name, _ in para["expected"]:
            expected += 1
            found += name in hit
        if verbose and result.claims:
            print(f"  claim {[c.place_text for c in result.claims]} in {para['text'][:80]!r}")
    precision = right / produced if produced else 0.0
    return (
        f"general news: paragraphs={len(P)} claims={claims} place_precision={precision:.3f} "
        f"place_recall={found / expected:.3f}"
    )


def war_reporting(ex: Extractor, verbose: bool) -> str:
    expected = found = linked = 0
    for _, text, wanted in S:
        result = ex.extract(text)
        names = {p.key: p.place.name for p in result.places}
        used: set[int] = set()
        for place, ctype, stance, _ in wanted:
            expected += 1
            took = re.search(r"(took|taken) control", text) is not None
            for i, c in enumerate(result.claims):
                same_place = place.lower() in c.place_text.lower() or c.place_text.lower() in (
                    place.lower()
                )
                same_type = c.type == ctype or (took and {c.type, ctype} <= {"capture", "control"})
                if i not in used and same_place and same_type and c.stance == stance:
                    used.add(i)
                    found += 1
                    linked += c.place is not None and c.place in names
                    break
            else:
                if verbose:
                    print(f"  missed {place} {ctype} {stance} in {text[:80]!r}")
    return f"war reporting: snippets={len(S)} expected={expected} found={found} linked={linked}"


def main() -> None:
    verbose = "-v" in sys.argv
    ex = Extractor()
    print(general_news(ex, verbose))
    print(war_reporting(ex, verbose))


if __name__ == "__main__":
    main()
