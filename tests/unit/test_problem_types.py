"""Every problem the code can raise has a documented kind (api/problem_types.py)."""

from __future__ import annotations

import re

from api.http.problems import DOMAIN_PROBLEMS
from api.problem_types import BY_SLUG, BY_TITLE, PROBLEM_TYPES, type_of
from api.settings import REPO_ROOT

# ApiError(409, "Conflict", …), Problem titles given as text, and the status → title tables
_TITLE = re.compile(r'(?:ApiError\(\s*\d{3},\s*|new_problem\(\s*|\d{3}: \(?)"([A-Z][^"]+)"')


def titles_in_code() -> set[str]:
    found: set[str] = set()
    for path in (REPO_ROOT / "api").rglob("*.py"):
        found.update(_TITLE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_title_the_code_uses_has_a_type() -> None:
    used = titles_in_code() | {title for _, title in DOMAIN_PROBLEMS.values()}
    assert {"Conflict", "Invalid request", "Too many requests", "Method not allowed"} <= used
    assert used <= set(BY_TITLE), sorted(used - set(BY_TITLE))


def test_types_are_paths_of_the_api_with_unique_titles() -> None:
    assert len(BY_TITLE) == len(BY_SLUG) == len(PROBLEM_TYPES)
    for kind in PROBLEM_TYPES:
        assert re.fullmatch(r"/problems/[a-z-]+", kind.type)
        assert type_of(kind.title) == kind.type
    assert type_of("Something new") == "/problems/request-failed"
