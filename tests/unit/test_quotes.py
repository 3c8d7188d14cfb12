"""Unit tests for stage 3 (quotes) on short hand-written fixtures."""

from __future__ import annotations

from spacy.language import Language

from api.extract.marks import pair_marks, paragraphs
from tests.unit.harness import direct, quotes_in, speaker_of


def marks(text: str) -> list[str]:
    out: list[str] = []
    for i, (s, e) in enumerate(paragraphs(text)):
        out += [text[m.start : m.end] for m in pair_marks(text, s, e, i)]
    return out


def test_pairs_curly_and_straight_marks() -> None:
    text = '“We will go,” she said. He replied "not yet" and left.'
    assert marks(text) == ["We will go", "not yet"]


def test_apostrophes_are_not_marks() -> None:
    text = "The troops' positions and the Norwegians\u2019 supply lines were hit, officials said."
    assert marks(text) == []


def test_unbalanced_paragraph_spoils_only_itself() -> None:
    text = 'He said "this is broken.\nShe said "this is fine" later.'
    got = marks(text)
    assert got[-1] == "this is fine"


def test_after_attribution_with_title(nlp: Language) -> None:
    text = (
        "Defence spokesman Pavel Ostrov spoke to reporters on Monday.\n"
        "“The bridge was repaired overnight and traffic is moving again,” Ostrov said."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert q.text == "The bridge was repaired overnight and traffic is moving again"
    assert text[q.start : q.end] == q.text
    assert speaker_of(actors, q) == "Pavel Ostrov"
    assert q.cue == "say"


def test_before_attribution_with_colon(nlp: Language) -> None:
    text = "Mayor Elena Brandt said: “We will rebuild every school in the district this year.”"
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Elena Brandt"


def test_middle_attribution_splits_into_two_quotes(nlp: Language) -> None:
    text = (
        "Minister Tomas Lindqvist visited the port.\n"
        "“The port will reopen next week,” he said, “but only for cargo ships at first.”"
    )
    actors, quotes = quotes_in(nlp, text)
    qs = direct(quotes)
    assert [q.text for q in qs] == [
        "The port will reopen next week",
        "but only for cargo ships at first.",
    ]
    assert all(speaker_of(actors, q) == "Tomas Lindqvist" for q in qs)


def test_pronoun_and_continuation_paragraph(nlp: Language) -> None:
    text = (
        "Nadia Okafor, a nurse at the clinic, described the night of the storm.\n"
        "“The power went out at midnight and we worked by torchlight,” she said. "
        "“Nobody slept at all.\n"
        "“In the morning the water had reached the second floor.”"
    )
    actors, quotes = quotes_in(nlp, text)
    qs = direct(quotes)
    assert len(qs) == 3
    assert qs[2].text.startswith("In the morning")
    assert all(speaker_of(actors, q) == "Nadia Okafor" for q in qs)


def test_scare_quote_is_partial(nlp: Language) -> None:
    text = "Officials said the police had “restored calm” in the district after a week of unrest."
    _, quotes = quotes_in(nlp, text)
    marked = [q for q in quotes if q.text == "restored calm"]
    assert marked and marked[0].kind == "partial"


def test_unnamed_source_has_no_speaker(nlp: Language) -> None:
    text = (
        "Talks resumed in the capital on Friday.\n"
        "“Nobody expects a deal before the winter holidays,” said a senior official, "
        "who declined to give her name."
    )
    _, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert q.speaker is None
    assert q.speaker_text is not None and "official" in q.speaker_text


def test_organisation_pronoun_it(nlp: Language) -> None:
    text = (
        "The Red Cross criticised the decision on Tuesday.\n"
        "“Civilians must be allowed to leave the city safely,” it said on its website."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Red Cross"


def test_role_noun_resolves_through_titles(nlp: Language) -> None:
    text = (
        "Government spokesman Arvid Pohl held a briefing in the morning.\n"
        "“Taxes will stay as they are this year,” the spokesman told reporters."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Arvid Pohl"


def test_indirect_speech(nlp: Language) -> None:
    text = "Finance Minister Lena Graf said the budget would be balanced by next spring."
    actors, quotes = quotes_in(nlp, text)
    ind = [q for q in quotes if q.kind == "indirect"]
    assert ind and "budget would be balanced" in ind[0].text
    assert speaker_of(actors, ind[0]) == "Lena Graf"
    assert text[ind[0].start : ind[0].end] == ind[0].text
