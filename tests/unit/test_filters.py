"""Each list's filters are defined once (api/filters.py) and every other place that names
them agrees: the route's query parameters in the committed spec, the list SQL's optional
parameters, `gazette export`'s options."""

from __future__ import annotations

import json

import pytest

from api.cli.export import option
from api.cli.main import parser
from api.db.sql import is_choice, optional_parameters
from api.errors import Invalid
from api.filters import (
    ClaimFilters,
    Filters,
    PlaceFilters,
    QuoteFilters,
    filter_names,
    parse_bbox,
    parse_filters,
    parse_time,
)
from api.http.openapi import SPEC_PATH
from api.services.export import LISTS
from api.sorting import SORTS

SPEC = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
PAGING = {"limit", "cursor", "sort", "count", "group_by"}


@pytest.mark.parametrize("entity", sorted(LISTS))
def test_the_route_the_sql_and_the_export_take_the_same_filters(entity: str) -> None:
    kind, _ = LISTS[entity]  # type: ignore[index]
    names = set(filter_names(kind))
    parameters = SPEC["paths"][f"/v1/{entity}"]["get"]["parameters"]
    assert {p["name"] for p in parameters if p["in"] == "query"} == names | PAGING
    sql = {n for n in optional_parameters(f"list_{entity}") if not is_choice(n)}
    assert sql - {"after_time"} == names | {"after"}
    sorts = next(p for p in parameters if p["name"] == "sort")
    assert tuple(sorts["schema"]["enum"]) == SORTS[entity]
    given = [word for name in sorted(names) for word in (option(name), "x")]
    args = parser().parse_args(["export", entity, *given])
    assert all(getattr(args, name) == "x" for name in names)


def test_text_filters_are_checked_as_the_api_checks_its_parameters() -> None:
    parsed = parse_filters(
        QuoteFilters, {"kind": "direct,partial", "published_after": "2025-12-02T12:00:00+03:00"}
    )
    assert parsed.kind == ("direct", "partial") and parsed.published_after is not None
    assert parsed.published_after.hour == 9 and parsed.speaker is None
    assert parse_filters(PlaceFilters, {"bbox": "36,47,39,49.5"}).bbox == ((36, 47), (39, 49.5))
    assert parse_filters(ClaimFilters, {"wrong": "false"}).wrong is False
    assert parse_filters(ClaimFilters, {"wrong": "true"}).wrong is True
    cases: list[tuple[type[Filters], dict[str, str], str]] = [
        (QuoteFilters, {"speaker": "nobody"}, "speaker"),
        (QuoteFilters, {"kind": "shouted"}, "kind"),
        (QuoteFilters, {"kind": "direct,shouted"}, "kind"),
        (QuoteFilters, {"bbox": "1,2,3,4"}, "bbox"),
        (QuoteFilters, {"published_before": "yesterday"}, "published_before"),
        (ClaimFilters, {"place": "act_01kbd85thba0847wwttv2c9g2g"}, "place"),
        (PlaceFilters, {"country": "Ukraine"}, "country"),
        (PlaceFilters, {"q": "a\x00b"}, "q"),
        (ClaimFilters, {"wrong": "yes"}, "wrong"),
    ]
    for kind, given, name in cases:
        with pytest.raises(Invalid) as bad:
            parse_filters(kind, given)
        assert (bad.value.source, bad.value.name) == ("query", name)


def test_bbox_parsing() -> None:
    assert parse_bbox(None) is None
    assert parse_bbox("30,44.5,40,52") == ((30.0, 44.5), (40.0, 52.0))
    assert parse_bbox("-180,-90,180.0,90") == ((-180.0, -90.0), (180.0, 90.0))
    for bad in (
        "",
        "1,2,3",
        "a,b,c,d",
        "181,0,5,1",
        "0,-91,1,1",
        "nan,0,1,1",
        "0,0,1,inf",
        "1,2,3,4,5",
    ):
        with pytest.raises(Invalid) as raised:
            parse_bbox(bad)
        assert raised.value.name == "bbox"


def test_times_must_be_rfc_3339_with_an_offset() -> None:
    parsed = parse_time("published_after", "2025-12-02T09:00:00.123456789Z")
    assert parsed is not None and parsed.microsecond == 123456 and parsed.utcoffset() is not None
    assert parse_time("x", "2025-12-02T09:00:00+03:00") is not None
    for bad in ("0", "2025-12-02", "2025-12-02T09:00:00", "2025-13-02T09:00:00Z", "yesterday"):
        with pytest.raises(Invalid):
            parse_time("published_after", bad)
