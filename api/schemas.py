"""Wire types: what the API accepts and returns.

One Struct base for every public type. Fields are always present in responses (no
`omit_defaults`), new fields come only with defaults, and never `array_like` on public types.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

import msgspec
from litestar.params import KwargDefinition

from api.extract.types import ActorKind, ClaimType, Modality, PlaceKind, QuoteKind, Stance
from api.problem_types import PROBLEM_TYPES

T = TypeVar("T")


class Wire(msgspec.Struct):
    """Base of every request and response body; subclasses with defaults say `kw_only=True`."""


ProblemTypeUri = Annotated[
    str,
    msgspec.Meta(
        description=(
            "What kind of problem this is: switch on it, not on `title` or `detail`. A path of "
            "this API that describes the kind (GET it). One of: "
            + "; ".join(f"`{k.type}` ({k.status}) {k.description}" for k in PROBLEM_TYPES)
        ),
        examples=[PROBLEM_TYPES[0].type],
    ),
]


class Problem(Wire, kw_only=True):
    """An RFC 9457 problem document; `errors` lists what was wrong with each input."""

    type: ProblemTypeUri
    title: str
    status: int
    detail: str | None
    instance: str | None
    errors: list[ProblemError] | None


class ProblemError(Wire):
    # where the bad value was: "query", "path", "header" or "body"
    source: str
    # the parameter or body field, e.g. "limit" or "published_at"
    name: str
    message: str


class Span(Wire):
    """Character offsets into the article body: `body[start:end] == text`."""

    start: int
    end: int
    text: str


# --- articles -----------------------------------------------------------------------------


# Postgres text cannot hold NUL, and a title or body of only spaces says nothing: the
# patterns say so in the contract. The body's length cap is GAZETTE_MAX_BODY_CHARS (at most
# MAX_BODY_CHARS), checked by the handler.
MAX_BODY_CHARS = 200_000
# Explicit character sets, not \s or \S: Python's and ECMA's regex dialects disagree on
# what whitespace is (U+001C..U+001F, U+0085, U+FEFF), and both must read these alike.
NO_NUL = r"^[^\x00]*$"
SOME_TEXT = r"^[^\x00]*[^\x00\t\n\v\f\r ][^\x00]*$"
URL = r"^https?://[^\x00-\x20\x7f]+$"


class _SchemaExtra(dict[str, Any]):
    """schema_extra for a KwargDefinition inside Annotated: typing hashes the metadata."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


# The driver writes the first and last instants Python knows as -infinity and infinity, which
# read back without an offset; the contract refuses the days they fall on.
UNSTORABLE_DAYS = r"^(?!0001-01-01|9999-12-31)"


class ArticleIn(Wire, kw_only=True):
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=1_000, pattern=SOME_TEXT)]
    body: Annotated[
        str,
        msgspec.Meta(
            min_length=1,
            max_length=MAX_BODY_CHARS,
            pattern=SOME_TEXT,
            description="Plain text; paragraphs separated by newlines.",
        ),
    ]
    source: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NO_NUL)] | None = None
    url: Annotated[str, msgspec.Meta(pattern=URL, max_length=2_048)] | None = None
    published_at: (
        Annotated[
            datetime,
            msgspec.Meta(
                tz=True,
                description=(
                    "RFC 3339 with an offset, e.g. 2025-12-02T09:00:00Z; not on the first or "
                    "last day Python can represent (0001-01-01, 9999-12-31)."
                ),
            ),
            # what Litestar reads into the spec (it ignores msgspec's extra_json_schema)
            KwargDefinition(schema_extra=_SchemaExtra(pattern=UNSTORABLE_DAYS)),
        ]
        | None
    ) = None
    language: Literal["en"] = "en"


class ArticleSummary(Wire):
    id: str
    title: str
    source: str | None
    url: str | None
    published_at: datetime | None
    language: str
    content_hash: str
    ingested_at: datetime
    extractor_version: str


class ActorRef(Wire):
    id: str
    name: str


class PlaceRef(Wire):
    id: str
    name: str
    aliases: list[str]


class ArticleActor(Wire):
    id: str
    name: str
    kind: ActorKind
    aliases: list[str]
    titles: list[str]
    mentions: list[Span]


class ArticlePlace(Wire):
    id: str
    name: str
    aliases: list[str]
    kind: PlaceKind
    country_code: str
    lat: float
    lon: float
    mentions: list[Span]


class Quote(Wire):
    id: str
    text: str
    kind: QuoteKind
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    confidence: float
    article_id: str
    published_at: datetime | None
    extractor_version: str
    # set by PATCH; a curated quote is kept as it is when its article is re-extracted
    curated: bool
    curated_by: str | None
    curated_at: datetime | None


class Extent(Wire):
    text: str | None
    value: float | None
    unit: str | None


class Claim(Wire):
    id: str
    place: PlaceRef | None
    place_text: str
    claimant: ActorRef | None
    claimant_text: str | None
    controller: ActorRef | None
    controller_text: str | None
    previous_controller: ActorRef | None
    type: ClaimType
    stance: Stance
    modality: Modality
    extent: Extent | None
    evidence: Span
    responds_to: str | None
    confidence: float
    article_id: str
    claimed_at: datetime
    extractor_version: str
    lat: float | None
    lon: float | None
    # who passed the claim on ("the general told the president that …": the president)
    relayed_by: ActorRef | None
    # set by PATCH; a curated claim is kept as it is when its article is re-extracted
    wrong: Annotated[
        bool,
        msgspec.Meta(
            description="A curator says the article does not make this claim (the extractor "
            "misread it): it stays readable, but no longer decides who holds its place, "
            "whether the place is contested, or what a later denial answers."
        ),
    ]
    curated: bool
    curated_by: str | None
    curated_at: datetime | None


class Article(ArticleSummary):
    """The annotated article: the article and everything extracted from it."""

    body: str
    actors: list[ArticleActor]
    quotes: list[Quote]
    claims: list[Claim]
    places: list[ArticlePlace]


WarningCode = Annotated[
    Literal["tiny_body", "paywalled", "truncated", "near_duplicate"],
    msgspec.Meta(
        description=(
            "`tiny_body`: fewer than 50 words; `paywalled`: the body reads like a paywall's "
            "notice; `truncated`: it ends in an ellipsis or a 'Read more'; `near_duplicate`: "
            "a stored article is the same text with a line or two changed (`near_duplicates`)."
        )
    ),
]


class IngestWarning(Wire):
    """Something about an article just stored that is worth a look: it was stored anyway."""

    code: WarningCode
    message: str


class IngestedArticle(Article):
    """The annotated article just stored, with what is worth a look about it."""

    warnings: list[IngestWarning]
    near_duplicates: Annotated[
        list[str],
        msgspec.Meta(
            description="Ids of stored articles whose body is nearly this one's (the same "
            "story published again with a line or two changed), oldest first; at most 20."
        ),
    ]


# --- actors and places --------------------------------------------------------------------


class Actor(Wire):
    id: str
    name: str
    kind: ActorKind
    aliases: list[str]
    titles: list[str]
    affiliation: str | None
    mentions: int
    quotes: int
    first_seen: datetime | None
    last_seen: datetime | None
    # set by PATCH and merge; re-extraction never changes a curated actor's name, kind, aliases
    curated: bool
    curated_by: str | None
    curated_at: datetime | None


class Place(Wire):
    id: str
    name: str
    aliases: list[str]
    kind: PlaceKind
    country_code: str
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int
    population: int
    mentions: int
    claims: int
    latest_controller: PlaceController | None


class PlaceController(Wire):
    """Who holds the place by the latest claim that says so (asserted; factual or unverified),
    and whether that is `contested`: within seven days before that claim, or at any time
    after it, another claim names another holder, denies this one's claim, or reports
    fighting for the place."""

    actor: ActorRef
    claim_id: str
    claimed_at: datetime
    status: Literal["held", "contested"]


# --- changes ------------------------------------------------------------------------------

ChangeEntity = Literal["article", "actor", "quote", "claim", "place"]
ChangeOp = Literal["created", "updated", "deleted"]


class Change(Wire, kw_only=True):
    """One entry of the changes log: this entity was created, updated or deleted. It says what
    to fetch again (or drop), not what the entity now holds."""

    entity: ChangeEntity
    id: Annotated[str, msgspec.Meta(description="The entity's id, e.g. `quo_…`.")]
    op: ChangeOp
    at: Annotated[
        datetime, msgspec.Meta(description="When the transaction that made the change began.")
    ]
    merged_into: Annotated[
        str | None,
        msgspec.Meta(
            description="For an actor deleted by a merge: the actor that absorbed it (its id "
            "now answers 301 there). Null otherwise."
        ),
    ]
    cursor: Annotated[
        str,
        msgspec.Meta(description="The position just after this entry: `since=` resumes here."),
    ]


class ChangePage(Wire):
    """A page of the changes log. `next_cursor` is never null: keep it and ask again with
    `since=` (now if `has_more`, later otherwise)."""

    data: list[Change]
    next_cursor: str
    has_more: bool


class Health(Wire):
    status: Literal["ok"]


class Readiness(Wire):
    status: Literal["ready"]
    database: Literal["ok"]
