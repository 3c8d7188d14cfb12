"""`gazette keys`: create, list and revoke API keys."""

from __future__ import annotations

import argparse
import asyncio
import sys

import asyncpg

from api.cli.database import database, migrate_database
from api.cli.escapes import printable
from api.settings import Settings


async def _keys(url: str, args: argparse.Namespace) -> int:
    from api.db import keys

    conn = await asyncpg.connect(url)
    try:
        if args.keys_command == "create":
            key_id, secret = await keys.create_key(conn, args.name, args.scope or ["read"])
            print(f"created {key_id} ({args.name}, scopes {','.join(args.scope or ['read'])})")
            print(f"key (shown once, store it now): {secret}")
            return 0
        if args.keys_command == "list":
            for key in await keys.list_keys(conn):
                state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "active"
                print(
                    f"{key.id}  {key.prefix}…  {','.join(key.scopes):<16} {state:<18} "
                    f"{key.created_at:%Y-%m-%d %H:%M}  {printable(key.name)}"
                )
            return 0
        if await keys.revoke_key(conn, args.key_id):
            print(printable(f"revoked {args.key_id}"))
            return 0
        print(printable(f"no active key {args.key_id}"), file=sys.stderr)
        return 1
    finally:
        await conn.close()


def cmd_keys(settings: Settings, args: argparse.Namespace) -> int:
    with database(settings) as url:
        asyncio.run(migrate_database(url))
        return asyncio.run(_keys(url, args))
