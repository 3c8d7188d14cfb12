"""Body fingerprints (SimHash): stable, a few bits apart for the same text with a line
changed, far apart for unrelated texts; whitespace, case and punctuation do not count."""

from __future__ import annotations

import doctest

from api.extract import fingerprint
from api.extract.fingerprint import BITS, MAX_BITS, distance, near, simhash
from tests.fixtures import FERRY, MARKET_REPORT, REPUBLISHED, WIRE_REPORT


def test_a_fingerprint_is_a_signed_64_bit_integer_that_never_changes() -> None:
    value = simhash(FERRY["body"])
    assert -(1 << (BITS - 1)) <= value < 1 << (BITS - 1)
    # stored in the database: a new hash or shingle rule would make old ones meaningless
    assert value == simhash(str(FERRY["body"]))
    assert simhash("") == 0 and simhash("…") == 0


def test_layout_case_and_punctuation_do_not_count() -> None:
    body = str(FERRY["body"])
    reflowed = body.replace("\n", "  ").upper().replace(",", "").replace("’", "'")
    assert simhash(reflowed) == simhash(body)


def test_the_same_story_with_a_line_added_is_near_and_other_stories_are_far() -> None:
    assert near(simhash(FERRY["body"]), simhash(REPUBLISHED["body"]))
    bodies = [FERRY["body"], WIRE_REPORT["body"], MARKET_REPORT["body"]]
    prints = [simhash(b) for b in bodies]
    far = [distance(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :]]
    assert min(far) > 3 * MAX_BITS, far


def test_distance_counts_differing_bits_of_signed_values() -> None:
    assert distance(-1, 0) == 64 and distance(5, 4) == 1 and distance(-2, -1) == 1


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(fingerprint).failed == 0
