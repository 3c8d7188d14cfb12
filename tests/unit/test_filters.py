"""Each list's filters are defined once (api/filters.py) and every other place that names
them agrees: the route's query parameters in the committed spec, the list SQL's optional
parameters, `gazette export`'s options."""

from __future__ import annotations

import json

import pytest

from api.cli.export import option
from api.cli.main import parser
from api.db.sql import optional_parameters
from api.errors import Invalid
from api.filters import ClaimFilters, PlaceFilters, QuoteFilters, filter_names, parse_filters
from api.http.openapi import SPEC_PATH
from api.services.export import LISTS

SPEC = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
PAGING = {"limit", "cursor"}


@pytest.mark.parametrize("entity", sorted(LISTS))
def test_the_route_the_sql_and_the_export_take_the_same_filters(entity: str) -> None:
    kind, read = LISTS[entity]  # type: ignore[index]
    names = set(filter_names(kind))
    spec = {p["name"] for p in SPEC["paths"][f"/v1/{entity}"]["get"].get("parameters", [])}
    assert spec - {"Idempotency-Key"} == names | PAGING
    assert optional_parameters(read.__name__) == names | {"after"}
    given = [word for name in sorted(names) for word in (option(name), "x")]
    args = parser().parse_args(["export", entity, *given])
    assert all(getattr(args, name) == "x" for name in names)


def test_text_filters_are_checked_as_the_api_checks_its_parameters() -> None:
    parsed = parse_filters(
        QuoteFilters, {"kind": "direct", "published_after": "2025-12-02T12:00:00+03:00"}
    )
    assert parsed.kind == "direct" and parsed.published_after is not None
    assert parsed.published_after.hour == 9 and parsed.speaker is None
    assert parse_filters(PlaceFilters, {"bbox": "36,47,39,49.5"}).bbox == ((36, 47), (39, 49.5))
    for kind, given, name in [
        (QuoteFilters, {"speaker": "nobody"}, "speaker"),
        (QuoteFilters, {"kind": "shouted"}, "kind"),
        (QuoteFilters, {"bbox": "1,2,3,4"}, "bbox"),
        (QuoteFilters, {"published_before": "yesterday"}, "published_before"),
        (ClaimFilters, {"place": "act_01kbd85thba0847wwttv2c9g2g"}, "place"),
        (PlaceFilters, {"country": "Ukraine"}, "country"),
        (PlaceFilters, {"q": "a\x00b"}, "q"),
    ]:
        with pytest.raises(Invalid) as bad:
            parse_filters(kind, given)
        assert (bad.value.source, bad.value.name) == ("query", name)
