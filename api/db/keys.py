"""API keys: created with a random secret shown once, stored as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

import msgspec

from api.db.rows import Db, execute, fetch_records, fetch_value
from api.ids import new_id

KEY_PREFIX = "gz_"
SCOPES = ("read", "write", "admin")
# A scope grants the ones below it: admin can write, a writer can read.
GRANTS = {"admin": {"admin", "write", "read"}, "write": {"write", "read"}, "read": {"read"}}


class KeyInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    scopes: list[str]


class KeyListing(msgspec.Struct, frozen=True):
    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def granted(scopes: list[str]) -> set[str]:
    """Everything a key with these scopes may do."""
    return set().union(*(GRANTS.get(s, set()) for s in scopes))


def new_secret() -> str:
    """A key: the prefix and 256 random bits."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


async def create_key(
    db: Db, name: str, scopes: list[str], secret: str | None = None
) -> tuple[str, str]:
    """A new key's (id, secret), the secret made here unless given (tests that must know a
    key before the database exists). The secret is not stored and cannot be shown again."""
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise ValueError(f"scopes must be some of {', '.join(SCOPES)}, not {sorted(unknown)}")
    secret = secret or new_secret()
    key_id = new_id("key")
    await execute(
        db, "insert_key", id=key_id, name=name, prefix=secret[:10], digest=digest(secret),
        scopes=sorted(set(scopes)),
    )  # fmt: skip
    return key_id, secret


async def key_for_digest(db: Db, key_digest: str) -> KeyInfo | None:
    """The live (not revoked) key whose secret has this digest."""
    rows = await fetch_records(db, "key_by_digest", digest=key_digest)
    if not rows:
        return None
    row = rows[0]
    return KeyInfo(id=row["id"], name=row["name"], scopes=list(row["scopes"]))


async def list_keys(db: Db) -> list[KeyListing]:
    return [msgspec.convert(dict(r), KeyListing) for r in await fetch_records(db, "list_keys")]


async def revoke_key(db: Db, key_id: str) -> bool:
    return await fetch_value(db, "revoke_key", id=key_id) is not None


async def revoke_keys_named(db: Db, name: str) -> None:
    await execute(db, "revoke_keys_named", name=name)
