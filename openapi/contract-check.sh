#!/usr/bin/env bash
# Breaking changes to the contract: openapi/openapi.json against its version in BASE_REF (the
# previous commit by default; `make contract-check BASE_REF=main` compares with a branch).
#
# `redocly diff` rates every change by the semver bump it needs; a major one (a removed path,
# operation or response field, a new required parameter or field, a narrowed type or enum, a
# stricter security requirement, …) fails the check unless the head commit's message says
# `BREAKING: <why, and what clients must do>`. Skipped, with a message, where there is no
# base to compare with: the first commit, a shallow clone without it, a base without a spec.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_REF="${BASE_REF:-HEAD~1}"
SPEC=openapi/openapi.json
REDOCLY=openapi/client/node_modules/.bin/redocly

say() { echo "contract-check: $*"; }

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    say "not a git checkout: nothing to compare with; skipped"
    exit 0
fi
if ! git rev-parse --verify --quiet "$BASE_REF^{commit}" >/dev/null; then
    if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
        say "$BASE_REF is not in this shallow clone (git fetch --deepen=1 brings it); skipped"
    else
        say "no $BASE_REF to compare with (the first commit?); skipped"
    fi
    exit 0
fi

base="$(mktemp -d)"
trap 'rm -rf "$base"' EXIT
if ! git show "$BASE_REF:$SPEC" >"$base/openapi.json" 2>/dev/null; then
    say "$BASE_REF has no $SPEC; skipped"
    exit 0
fi
described="$BASE_REF ($(git rev-parse --short "$BASE_REF"))"
if cmp -s "$base/openapi.json" "$SPEC"; then
    say "$SPEC is unchanged since $described"
    exit 0
fi

say "$SPEC against $described (redocly diff)"
if REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$REDOCLY" diff "$base/openapi.json" "$SPEC" \
    --fail-on major --format stylish >"$base/diff.txt" 2>&1; then
    # the full list of additive changes is long: its count is enough
    say "$(grep -E '^[0-9]+ major, [0-9]+ minor, [0-9]+ patch' "$base/diff.txt" || echo '?')"
    say "no breaking change"
    exit 0
fi
grep -v -E '^ *[║╔╚]' "$base/diff.txt"  # without Redocly's banner about Node.js versions
if ! grep -q -E 'Diff failed with [0-9]+ major' "$base/diff.txt"; then
    say "redocly diff did not run to the end (above)"
    exit 2
fi
if reason="$(git log -1 --format=%B HEAD | grep -E 'BREAKING:[[:space:]]*[^[:space:]]')"; then
    say "breaking changes accepted by the head commit: $reason"
    exit 0
fi
say "breaking changes (above). If they are intended, say why in the commit message:"
say "  BREAKING: <why, and what clients must do>"
exit 1
