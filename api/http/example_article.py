"""The invented article the spec's examples show, and everything Gazette says about it.

Wire Structs built by hand (api/http/examples.py puts them on each operation): an article
about a town claimed captured and the denial, its actors, quotes, claims and places, a page
of each list. Names and places are invented.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from api.extract import EXTRACTOR_VERSION
from api.geojson import claim_collection, place_collection
from api.names import content_hash
from api.pages import Page
from api.schemas import (
    Actor,
    ActorRef,
    Article,
    ArticleActor,
    ArticleIn,
    ArticlePlace,
    ArticleSummary,
    Claim,
    Place,
    PlaceController,
    PlaceRef,
    Quote,
    Span,
)

# --- the article ----------------------------------------------------------------------------

TITLE = "Governor says Siversk has fallen; army denies it"
BODY = (
    "Russian forces have captured Siversk, the regional governor Ivan Sorokin said on Tuesday.\n"
    "“The town is lost for now, but we will return,” Sorokin told reporters in Kramatorsk.\n"
    "Oleh Kovalenko, a spokesman for the Eastern Group of Forces, denied that Siversk had "
    "fallen."
)
PUBLISHED_AT = datetime(2025, 12, 2, 9, 0, tzinfo=UTC)
INGESTED_AT = datetime(2025, 12, 2, 9, 4, 31, 512_000, tzinfo=UTC)
CURATED_AT = datetime(2025, 12, 3, 14, 20, 5, tzinfo=UTC)
CURATOR = "Maria Hnatiuk"

ARTICLE_ID = "art_01kbd97var6g6n7zyqwy59006s"
SOROKIN_ID = "act_01kbd85thba0847wwttv2c9g2g"
KOVALENKO_ID = "act_01kbdf4wzd62709hry13434c8k"
RUSSIAN_FORCES_ID = "act_01kbdv21yfcq2seq9tfgzeeqym"
EASTERN_GROUP_ID = "act_01kbd74v78sgesbk4qzxq8aw5p"
DUPLICATE_ID = "act_01kbdh0m6xma9kbhdyxn62rsh4"  # "Governor Sorokin", merged into Ivan Sorokin
DIRECT_QUOTE_ID = "quo_01kbdz78jafsdbevkm7tc2brzk"
INDIRECT_QUOTE_ID = "quo_01kbd73x760k6d06g4namnnjww"
CAPTURE_ID = "clm_01kbdbg2nhfa8hb2caag8r9pw4"
DENIAL_ID = "clm_01kbdy58t09k4v8n870z34efw9"
SIVERSK_ID = "plc_01kbd558sppbsqvckygc708zkj"
KRAMATORSK_ID = "plc_01kbd5qskbkrvrr4pbqngdpmj2"


def span(text: str, occurrence: int = 1) -> Span:
    """The `occurrence`-th appearance of `text` in BODY: offsets computed, never typed."""
    start = -1
    for _ in range(occurrence):
        start = BODY.index(text, start + 1)
    return Span(start=start, end=start + len(text), text=text)


SOROKIN = ActorRef(id=SOROKIN_ID, name="Ivan Sorokin")
KOVALENKO = ActorRef(id=KOVALENKO_ID, name="Oleh Kovalenko")
RUSSIAN_FORCES = ActorRef(id=RUSSIAN_FORCES_ID, name="Russian forces")
SIVERSK = PlaceRef(id=SIVERSK_ID, name="Siversk", aliases=["Seversk", "Sivers'k", "Yama"])
SIVERSK_LAT, SIVERSK_LON = 48.86476, 38.09683

ARTICLE_IN = ArticleIn(
    title=TITLE,
    body=BODY,
    source="Donbas Evening Post",
    url="https://news.example.org/2025/12/02/siversk-governor",
    published_at=PUBLISHED_AT,
)

SUMMARY = ArticleSummary(
    id=ARTICLE_ID,
    title=TITLE,
    source=ARTICLE_IN.source,
    url=ARTICLE_IN.url,
    published_at=PUBLISHED_AT,
    language="en",
    content_hash=content_hash(BODY),
    ingested_at=INGESTED_AT,
    extractor_version=EXTRACTOR_VERSION,
)

DIRECT_TEXT = span("The town is lost for now, but we will return")
DIRECT_QUOTE = Quote(
    id=DIRECT_QUOTE_ID,
    text=DIRECT_TEXT.text,
    kind="direct",
    speaker=SOROKIN,
    speaker_text="Sorokin",
    cue="tell",  # cues are lemmas
    start=DIRECT_TEXT.start,
    end=DIRECT_TEXT.end,
    confidence=0.9,
    article_id=ARTICLE_ID,
    published_at=PUBLISHED_AT,
    extractor_version=EXTRACTOR_VERSION,
    curated=False,
    curated_by=None,
    curated_at=None,
)
INDIRECT_TEXT = span("Siversk had fallen")
INDIRECT_QUOTE = Quote(
    id=INDIRECT_QUOTE_ID,
    text=INDIRECT_TEXT.text,
    kind="indirect",
    speaker=KOVALENKO,
    speaker_text="Kovalenko",
    cue="deny",
    start=INDIRECT_TEXT.start,
    end=INDIRECT_TEXT.end,
    confidence=0.6,
    article_id=ARTICLE_ID,
    published_at=PUBLISHED_AT,
    extractor_version=EXTRACTOR_VERSION,
    curated=False,
    curated_by=None,
    curated_at=None,
)

CAPTURE = Claim(
    id=CAPTURE_ID,
    place=SIVERSK,
    place_text="Siversk",
    claimant=SOROKIN,
    claimant_text="Ivan Sorokin",
    controller=RUSSIAN_FORCES,
    controller_text="Russian forces",
    previous_controller=None,
    type="capture",
    stance="asserted",
    modality="factual",
    extent=None,
    evidence=span(BODY.split("\n")[0]),
    responds_to=None,
    confidence=0.85,
    article_id=ARTICLE_ID,
    claimed_at=PUBLISHED_AT,
    extractor_version=EXTRACTOR_VERSION,
    relayed_by=None,
    lat=SIVERSK_LAT,
    lon=SIVERSK_LON,
    wrong=False,
    curated=False,
    curated_by=None,
    curated_at=None,
)
DENIAL = Claim(
    id=DENIAL_ID,
    place=SIVERSK,
    place_text="Siversk",
    claimant=KOVALENKO,
    claimant_text="Oleh Kovalenko",
    controller=None,
    controller_text=None,
    previous_controller=None,
    type="capture",
    stance="denied",
    modality="factual",
    extent=None,
    evidence=span(BODY.split("\n")[2]),
    responds_to=CAPTURE_ID,
    confidence=0.7,
    article_id=ARTICLE_ID,
    claimed_at=PUBLISHED_AT,
    extractor_version=EXTRACTOR_VERSION,
    relayed_by=None,
    lat=SIVERSK_LAT,
    lon=SIVERSK_LON,
    wrong=False,
    curated=False,
    curated_by=None,
    curated_at=None,
)

ARTICLE = Article(
    **msgspec.structs.asdict(SUMMARY),
    body=BODY,
    actors=[
        ArticleActor(
            id=SOROKIN_ID,
            name="Ivan Sorokin",
            kind="person",
            aliases=["Sorokin"],
            titles=["regional governor"],
            mentions=[span("Ivan Sorokin"), span("Sorokin", 2)],
        ),
        ArticleActor(
            id=KOVALENKO_ID,
            name="Oleh Kovalenko",
            kind="person",
            aliases=["Kovalenko"],
            titles=["spokesman"],
            mentions=[span("Oleh Kovalenko")],
        ),
        ArticleActor(
            id=RUSSIAN_FORCES_ID,
            name="Russian forces",
            kind="military",
            aliases=[],
            titles=[],
            mentions=[span("Russian forces")],
        ),
        ArticleActor(
            id=EASTERN_GROUP_ID,
            name="Eastern Group of Forces",
            kind="military",
            aliases=[],
            titles=[],
            mentions=[span("Eastern Group of Forces")],
        ),
    ],
    quotes=[DIRECT_QUOTE, INDIRECT_QUOTE],
    claims=[CAPTURE, DENIAL],
    places=[
        ArticlePlace(
            id=SIVERSK_ID,
            name="Siversk",
            aliases=SIVERSK.aliases,
            kind="settlement",
            country_code="UA",
            lat=SIVERSK_LAT,
            lon=SIVERSK_LON,
            mentions=[span("Siversk"), span("Siversk", 2)],
        ),
        ArticlePlace(
            id=KRAMATORSK_ID,
            name="Kramatorsk",
            aliases=["Kramators'k", "Kramatorskaya"],
            kind="settlement",
            country_code="UA",
            lat=48.73106,
            lon=37.56779,
            mentions=[span("Kramatorsk")],
        ),
    ],
)

SOROKIN_ACTOR = Actor(
    id=SOROKIN_ID,
    name="Ivan Sorokin",
    kind="person",
    aliases=["Sorokin"],
    titles=["regional governor"],
    affiliation=None,
    mentions=14,
    quotes=6,
    first_seen=datetime(2025, 10, 14, 7, 30, tzinfo=UTC),
    last_seen=PUBLISHED_AT,
    curated=False,
    curated_by=None,
    curated_at=None,
)
CURATED_SOROKIN = msgspec.structs.replace(
    SOROKIN_ACTOR,
    aliases=["Sorokin", "Governor Sorokin"],
    curated=True,
    curated_by=CURATOR,
    curated_at=CURATED_AT,
)
MERGED_SOROKIN = msgspec.structs.replace(CURATED_SOROKIN, mentions=17, quotes=7)

SIVERSK_PLACE = Place(
    id=SIVERSK_ID,
    name="Siversk",
    aliases=SIVERSK.aliases,
    kind="settlement",
    country_code="UA",
    admin1="Donetsk Oblast",
    lat=SIVERSK_LAT,
    lon=SIVERSK_LON,
    geonames_id=694_216,
    population=11_068,
    mentions=9,
    claims=4,
    latest_controller=PlaceController(
        actor=RUSSIAN_FORCES, claim_id=CAPTURE_ID, claimed_at=PUBLISHED_AT, status="contested"
    ),
)

# The last row's id without its prefix, as api.cursor makes it: pass back as ?cursor=.
NEXT_CURSOR = "01kbcq3m8z0d5t7vx2w4h6n9pe"


def page(*rows: Any, more: bool = True) -> Page[Any]:
    return Page(data=list(rows), next_cursor=NEXT_CURSOR if more else None)


CLAIMS_GEOJSON = claim_collection([DENIAL, CAPTURE], NEXT_CURSOR)

PLACES_GEOJSON = place_collection([SIVERSK_PLACE], None)
