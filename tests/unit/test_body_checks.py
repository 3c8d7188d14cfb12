"""Warnings about bodies that are probably not the whole article: the constructions, not
one site's wording; and whole articles that mention subscribing draw none."""

from __future__ import annotations

import doctest

import pytest

from api.extract import body_checks
from api.extract.body_checks import MIN_WORDS, body_warnings, paywall_phrase, truncation

# a plain news body of about 80 words
WHOLE = (
    "The ferry between the two islands resumed on Wednesday evening after a week of storms, "
    "the operator said in a statement on its website.\n"
    "“Crossings will run every two hours until the weekend,” said operations manager Lena "
    "Varga, adding that extra crossings would be laid on if demand stayed high.\n"
    "Harbour officials said the breakwater had held and that no vessels were damaged, "
    "although two pontoons would need repairs before the summer season began."
)


def codes(body: str) -> list[str]:
    return [w.code for w in body_warnings(body)]


def test_a_whole_article_draws_no_warning() -> None:
    assert codes(WHOLE) == []


def test_a_short_body_is_tiny_and_says_how_short() -> None:
    short = "Ferry service resumed on Wednesday, the operator said."
    [warning] = body_warnings(short)
    assert warning.code == "tiny_body"
    assert warning.message.startswith(f"the body has 8 words (fewer than {MIN_WORDS})")


@pytest.mark.parametrize(
    "ending",
    [
        "Subscribe to continue reading.",
        "Subscribe now for full access to our journalism.",
        "Sign in or register to keep reading this article.",
        "Log in to read the full story.",
        "Start your free trial to unlock this article.",
        "Become a member to read the rest of this story.",
        "This article is only available to subscribers.",
        "This story is for paying subscribers only.",
        "This story is available exclusively to our subscribers.",
        "Subscriber-only content. Already a subscriber? Sign in.",
        "You have reached your limit of free articles this month.",
        "You've read all of your free stories for this month.",
    ],
)
def test_paywall_constructions_at_the_end(ending: str) -> None:
    assert paywall_phrase(WHOLE + "\n" + ending) is not None
    assert "paywalled" in codes(WHOLE + "\n" + ending)


def test_a_paywall_notice_at_the_start_counts_too() -> None:
    assert "paywalled" in codes("This article is exclusively for subscribers.\n" + WHOLE)


@pytest.mark.parametrize(
    "sentence",
    [
        "The streaming service said users would have to sign in to continue watching.",
        "The paper's subscribers rose by a tenth last year, the publisher said.",
        "Residents were asked to register to vote before the end of the month.",
    ],
)
def test_articles_that_mention_subscribing_are_not_paywalled(sentence: str) -> None:
    assert codes(WHOLE + "\n" + sentence) == []


@pytest.mark.parametrize(
    ("ending", "found"),
    [
        ("The operator said the crossings would …", "…"),
        ("The operator said the crossings would...", "..."),
        ("The operator said [...]", "[...]"),
        ("Read more", "Read more"),
        ("Continue reading →", "Continue reading →"),
        ("Read the full story at Harbour Daily »", "Read the full story at Harbour Daily »"),
        ("[Read more]", "[Read more]"),
    ],
)
def test_teaser_endings_are_truncated(ending: str, found: str) -> None:
    assert truncation(WHOLE + "\n" + ending) == found
    assert "truncated" in codes(WHOLE + "\n" + ending)


def test_a_last_sentence_about_reading_is_not_a_teaser() -> None:
    ending = "Read more about the storms, officials said, was a matter for the inquiry."
    assert truncation(WHOLE + "\n" + ending) is None


def test_several_at_once() -> None:
    teaser = "Ferry service resumed on Wednesday … Subscribe to continue reading"
    assert codes(teaser) == ["tiny_body", "paywalled"]


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(body_checks).failed == 0
