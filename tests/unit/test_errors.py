"""Domain errors (api/errors.py) become a problem in one table and an exit code in another."""

from __future__ import annotations

from api import errors
from api.cli.main import exit_code_of
from api.http.problems import api_error_of

ONE_OF_EACH: list[errors.GazetteError] = [
    errors.NotFound("quote", "quo_01"),
    errors.Invalid("query", "published_after", "must be an RFC 3339 date-time"),
    errors.Unprocessable("speaker", "no actor with id 'act_01'"),
    errors.ArticleRefused("is 250000 characters; the limit is 200000"),
    errors.Conflict("another actor has this name and kind"),
    errors.Gone("this position is not from this server's changes log"),
    errors.Stale("quote", "quo_01"),
    errors.Busy("9 articles are waiting for extraction", retry_after_s=7),
]


def _subclasses(cls: type[errors.GazetteError]) -> set[type[errors.GazetteError]]:
    return {s for c in cls.__subclasses__() for s in {c, *_subclasses(c)}}


def test_every_domain_error_has_a_problem_and_an_exit_code() -> None:
    assert {type(e) for e in ONE_OF_EACH} == _subclasses(errors.GazetteError)
    for error in ONE_OF_EACH:
        problem = api_error_of(error)
        assert 400 <= problem.status < 600 and problem.detail == error.detail
        code, line = exit_code_of(error)
        assert code in (1, 2, 3) and line


def test_the_problem_names_the_field_and_when_to_come_back() -> None:
    invalid = api_error_of(ONE_OF_EACH[1])
    assert (invalid.status, invalid.title) == (400, "Invalid request")
    assert invalid.errors is not None
    assert (invalid.errors[0].source, invalid.errors[0].name) == ("query", "published_after")
    refused = api_error_of(ONE_OF_EACH[3])
    assert (refused.status, refused.title) == (422, "Unprocessable article")
    assert refused.errors is not None and refused.errors[0].name == "body"
    busy = api_error_of(ONE_OF_EACH[-1])
    assert busy.status == 503 and busy.headers["Retry-After"] == "7"


def test_the_command_line_names_the_option() -> None:
    assert exit_code_of(ONE_OF_EACH[1]) == (
        2,
        "--published-after: must be an RFC 3339 date-time",
    )
    assert exit_code_of(ONE_OF_EACH[0]) == (1, "no quote with id 'quo_01'")
