#!/bin/sh
# The replica service: on first start, copy the primary with pg_basebackup (-R writes
# standby.signal and the primary's address), then run Postgres as a hot standby of it.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h db -U gazette -d gazette; do sleep 1; done
    PGPASSWORD=gazette pg_basebackup -h db -U gazette -D "$PGDATA" -R -X stream -c fast
    chmod 700 "$PGDATA"
fi
exec postgres
