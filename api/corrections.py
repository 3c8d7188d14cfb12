"""The bodies of corrections: PATCH a quote, a claim or an actor, merge two actors
(api/db/curation.py applies them). Unknown body fields are ignored, as on articles: Litestar
cannot put `additionalProperties: false` in the spec, and the contract must match the
behaviour."""

from __future__ import annotations

from typing import Annotated

import msgspec

from api.extract.types import ActorKind, QuoteKind
from api.schemas import MAX_BODY_CHARS, SOME_TEXT, Wire

Curator = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=100,
        pattern=SOME_TEXT,
        description="Who makes the correction (a name or an e-mail address).",
    ),
]
ActorId = Annotated[str, msgspec.Meta(pattern=r"^act_[0-9a-hjkmnp-tv-z]{26}$")]
ActorName = Annotated[str, msgspec.Meta(min_length=1, max_length=300, pattern=SOME_TEXT)]


class QuotePatch(Wire, kw_only=True):
    """Fields to change; absent fields stay as they are. `start`/`end` come together and the
    text becomes `body[start:end]`."""

    curator: Curator
    speaker: ActorId | msgspec.UnsetType | None = msgspec.UNSET
    kind: QuoteKind | msgspec.UnsetType = msgspec.UNSET
    # gt=-1, not ge=0: Litestar leaves a zero bound out of the generated schema
    start: Annotated[int, msgspec.Meta(gt=-1, le=MAX_BODY_CHARS)] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    end: Annotated[int, msgspec.Meta(ge=1, le=MAX_BODY_CHARS)] | msgspec.UnsetType = msgspec.UNSET


class ClaimPatch(Wire, kw_only=True):
    """`wrong: true` marks the claim as one the article does not make; `false` takes that
    back. Without `wrong`, the claim is marked reviewed as it is."""

    curator: Curator
    wrong: bool | msgspec.UnsetType = msgspec.UNSET


class ActorPatch(Wire, kw_only=True):
    """Fields to change; `aliases` replaces the whole list."""

    curator: Curator
    name: ActorName | msgspec.UnsetType = msgspec.UNSET
    kind: ActorKind | msgspec.UnsetType = msgspec.UNSET
    # Each alias is checked by the handler (422): Litestar drops constraints on list items
    # from the generated schema, so the schema could not promise them.
    aliases: Annotated[list[str], msgspec.Meta(max_length=100)] | msgspec.UnsetType = msgspec.UNSET


class ActorMerge(Wire, kw_only=True):
    """The actor to absorb into this one: its mentions, quotes, claims and names move over, and
    its id redirects (301) here from then on."""

    curator: Curator
    absorb: ActorId
