"""Quote constructions beyond the basics, each on an invented fixture.

Names, outlets and sentences here are made up for the tests.
"""

from __future__ import annotations

from spacy.language import Language

from api.extract.marks import pair_marks, paragraphs
from api.extract.types import ExtractedQuote
from tests.unit.harness import direct, quotes_in, speaker_of


def quote_with(quotes: list[ExtractedQuote], words: str) -> ExtractedQuote:
    return next(q for q in quotes if words in q.text)


def test_plural_possessives_and_odd_marks_stay_local() -> None:
    text = (
        "The farmers' union and the pilots\u2019 guild met.\n"
        "He said \u201cthe deal is off and nobody knows why.\n"
        "\u201cWe will wait,\u201d she said."
    )
    got: list[str] = []
    for i, (s, e) in enumerate(paragraphs(text)):
        got += [text[m.start : m.end] for m in pair_marks(text, s, e, i)]
    assert got[-1] == "We will wait"
    assert not any("union" in g for g in got)


def test_cue_verbs_beyond_said(nlp: Language) -> None:
    text = (
        "Harbour master Ingrid Solvang inspected the pier on Friday.\n"
        "\u201cThe pier will not hold another winter without repairs,\u201d Solvang warned.\n"
        "\u201cWe have asked for funds three times this year,\u201d she added.\n"
        "Engineer Mateo Kirwan wrote on social media: \u201cThe timber is rotten below the "
        "waterline.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    cues = {q.cue for q in direct(quotes)}
    assert {"warn", "add", "write"} <= cues
    assert speaker_of(actors, quote_with(quotes, "timber")) == "Mateo Kirwan"
    assert speaker_of(actors, quote_with(quotes, "asked for funds")) == "Ingrid Solvang"


def test_according_to_before_a_quote(nlp: Language) -> None:
    text = (
        "According to Bertil Omondi, \u201cthe river has never been this low in living "
        "memory.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Bertil Omondi"
    assert q.cue == "according to"


def test_pronoun_prefers_the_source_of_according_to(nlp: Language) -> None:
    text = (
        "According to economist Lena Fairweather, Tobias Marchetti leads every poll in the "
        "north. \u201cHis rivals must win back the farmers before the vote,\u201d she said."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Lena Fairweather"


def test_cue_verb_right_before_the_mark_without_colon(nlp: Language) -> None:
    text = (
        "Trade at the port grew in June, with broker Mara Elston saying \u201cGrain from the "
        "south has doubled since the spring.\u201d The ministry also denied that prices "
        "played a part."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Mara Elston"


def test_quoted_as_saying_names_the_one_quoted(nlp: Language) -> None:
    text = (
        "Minister Arvo Lindgren spoke in the capital.\n"
        "\u201cThe old ferries can sail for five more seasons,\u201d the Coastal Ledger "
        "quoted Lindgren as saying."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Arvo Lindgren"


def test_document_as_speaker(nlp: Language) -> None:
    text = (
        "A statement by the Brightwater Council issued through spokeswoman Halla Dunmore "
        "said \u201cWe will appeal the ruling within the month.\u201d\n"
        "Councillor Piotr Anwar was angry, publishing a statement saying "
        "\u201cThe ruling ignores every survey we submitted to the court.\u201d\n"
        "The joint statement of the two towns said: \u201cWe agree to share the cost of the "
        "new bridge.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    assert speaker_of(actors, quote_with(quotes, "appeal the ruling")) == "Halla Dunmore"
    assert speaker_of(actors, quote_with(quotes, "survey")) == "Piotr Anwar"
    joint = quote_with(quotes, "share the cost")
    assert joint.speaker is None
    assert joint.speaker_text is not None and "joint statement" in joint.speaker_text


def test_inverted_role_with_name_in_apposition_then_pronoun(nlp: Language) -> None:
    text = (
        "Economy minister Rasmus Helde called the closure a mistake.\n"
        "\u201cOur members will keep their jobs until the winter,\u201d said the chair of "
        "the dockers' union Lantern, Gwen Mortimer. \u201cWe fought for this for two "
        "years,\u201d she told the Evening Courier."
    )
    actors, quotes = quotes_in(nlp, text)
    assert speaker_of(actors, quote_with(quotes, "keep their jobs")) == "Gwen Mortimer"
    assert speaker_of(actors, quote_with(quotes, "fought for this")) == "Gwen Mortimer"


def test_pronoun_after_a_partial_quote_with_its_own_cue(nlp: Language) -> None:
    text = (
        "\u201cThe harbour is calm again,\u201d analyst Ferris Quade added.\n"
        "Colonel Nadia Brevik said the patrols would continue. Their task was only "
        "\u201cto watch the coves after dark,\u201d she said. \u201cTwo boats will stay "
        "on the water until spring.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    assert speaker_of(actors, quote_with(quotes, "Two boats")) == "Nadia Brevik"


def test_lower_case_fragments_are_partial(nlp: Language) -> None:
    text = (
        "Each ballot \u201cmust be signed twice\u201d, and officials want "
        "\u201cblue ink only\u201d on it. A report called the scheme a \u201cvery costly "
        "experiment in paperwork\u201d. Senator Ilse Marrow said the plan was \u201cworse "
        "than the one it replaces by every measure\u201d after the vote."
    )
    _, quotes = quotes_in(nlp, text)
    assert direct(quotes) == []
    assert {q.kind for q in quotes if q.kind != "indirect"} == {"partial"}


def test_lower_case_continuation_after_cue_stays_direct(nlp: Language) -> None:
    text = (
        "\u201cThe dam is safe,\u201d engineer Olaf Brennan said, \u201cbut the road "
        "above it is not.\u201d The board member commented the firm has \u201cput our whole "
        "budget into the repairs this year.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    road = quote_with(quotes, "road above")
    assert road.kind == "direct"
    assert speaker_of(actors, road) == "Olaf Brennan"
    assert quote_with(quotes, "whole budget").kind == "direct"


def test_name_words_are_not_cues(nlp: Language) -> None:
    text = (
        "Spokesman Yusuf Said Karimi spoke to reporters on Monday.\n"
        "\u201cThe convoy left the border at dawn and will arrive tonight,\u201d Yusuf Said "
        "Karimi said."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert speaker_of(actors, q) == "Yusuf Said Karimi"


def test_multi_paragraph_quote_inherits_speaker(nlp: Language) -> None:
    text = (
        "Mayor Henrike Aalto said: \u201cThe tram line will open in May.\n"
        "\u201cAfter that we will extend it to the airport.\u201d"
    )
    actors, quotes = quotes_in(nlp, text)
    qs = direct(quotes)
    assert len(qs) == 2
    assert all(speaker_of(actors, q) == "Henrike Aalto" for q in qs)


def test_unnamed_source_with_dash_and_indirect(nlp: Language) -> None:
    text = (
        "\u201cNobody has been told anything about the new rota\u201d \u2014 a senior nurse "
        "said on Tuesday.\nThe chief executive Ruth Calloway said that the rota would "
        "change in the spring."
    )
    actors, quotes = quotes_in(nlp, text)
    (q,) = direct(quotes)
    assert q.speaker is None
    assert q.speaker_text is not None and "nurse" in q.speaker_text
    ind = [x for x in quotes if x.kind == "indirect"]
    assert ind and speaker_of(actors, ind[0]) == "Ruth Calloway"
