"""Actor constructions beyond the basics, each on an invented fixture.

Names, outlets and sentences here are made up for the tests.
"""

from __future__ import annotations

from spacy.language import Language

from api.extract.types import ExtractedActor
from tests.unit.harness import actors_in


def named(actors: list[ExtractedActor], name: str) -> ExtractedActor:
    return next(a for a in actors if a.name == name)


def test_surname_with_joined_article_is_one_person(nlp: Language) -> None:
    text = (
        "Cleric Yusuf al-Rahmani preached in the old mosque on Sunday. Students of "
        "al-Rahmani printed the sermon. Critics said Rahmani had lost control of his followers."
    )
    actors = actors_in(nlp, text)
    people = [a for a in actors if a.kind == "person"]
    assert [a.name for a in people] == ["Yusuf al-Rahmani"]


def test_name_cut_short_by_the_tagger_is_extended(nlp: Language) -> None:
    text = "On Friday, party leader Lucia Elena Vasquez Torres said she would resign."
    person = next(a for a in actors_in(nlp, text) if a.kind == "person")
    assert person.name == "Lucia Elena Vasquez Torres"


def test_untagged_surname_mentions_join_the_person(nlp: Language) -> None:
    text = (
        "Brigadier General Tarquin Holloway said the city was calm. Holloway further said "
        "that the patrols would go on, and Holloway added that more were planned."
    )
    person = named(actors_in(nlp, text), "Tarquin Holloway")
    assert len(person.mentions) == 3


def test_untagged_speaker_name_becomes_a_person(nlp: Language) -> None:
    text = (
        "\u201cThe wells will be dry by August,\u201d Samira al-Ubaydi, who runs the water "
        "board, told the radio station."
    )
    names = {a.name for a in actors_in(nlp, text) if a.kind == "person"}
    assert any(n.endswith("al-Ubaydi") for n in names)


def test_role_words_alone_are_not_a_speaker_name(nlp: Language) -> None:
    text = "Prime Minister said on Monday that the border would stay open."
    assert not any(a.kind == "person" for a in actors_in(nlp, text))


def test_place_noun_in_apposition_means_a_place(nlp: Language) -> None:
    text = (
        "Troops entered Verkhnia Dolyna, a river town, on Monday. Residents of Verkhnia "
        "Dolyna fled west."
    )
    assert not any(a.name == "Verkhnia Dolyna" for a in actors_in(nlp, text))


def test_company_noun_in_apposition_means_an_organisation(nlp: Language) -> None:
    text = (
        "Talks with Harrow Brandt, the parent company of the airline, stalled. Harrow "
        "Brandt declined to comment."
    )
    actors = actors_in(nlp, text)
    assert all(a.kind != "person" for a in actors if "Brandt" in a.name)


def test_metonym_and_titles_as_attributes(nlp: Language) -> None:
    text = (
        "The Kremlin said on Monday that talks would resume. Kremlin spokesman Artyom "
        "Velikov said Moscow had sent a delegation."
    )
    actors = actors_in(nlp, text)
    russia = [a for a in actors if a.kind == "state"]
    assert [a.name for a in russia] == ["Russia"]
    person = named(actors, "Artyom Velikov")
    assert any("spokesman" in t for t in person.titles)
