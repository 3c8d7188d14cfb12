"""Only English is extracted; a body confidently in another language is refused, named."""

from __future__ import annotations

import pytest

from api.extract.language import detect, refusal

GERMAN = (
    "Der Bundeskanzler sagte am Montag in Berlin, die Regierung werde neue Maßnahmen gegen "
    "die steigenden Energiepreise ergreifen. Die Opposition kritisierte den Plan scharf."
)
FRENCH = (
    "Le ministre a déclaré lundi que la ville était tombée après trois jours de combats, "
    "selon un communiqué publié par le gouvernement dans la soirée."
)
UKRAINIAN = (
    "Міністр оборони заявив у понеділок, що війська відійшли з міста після трьох днів боїв, "  # noqa: RUF001
    "повідомляє агентство."
)
ENGLISH_WITH_NAMES = (
    "“Wir werden nicht aufgeben,” said Olaf Scholz in Berlin on Monday, as Volodymyr "
    "Zelenskyy met Emmanuel Macron in Kyiv and officials in Kharkiv reported new strikes."
)


@pytest.mark.parametrize(
    ("text", "name"), [(GERMAN, "German"), (FRENCH, "French"), (UKRAINIAN, "Ukrainian")]
)
def test_another_language_is_refused_by_name(text: str, name: str) -> None:
    why = refusal(text)
    assert why is not None and f"reads as {name}" in why and "English only" in why


def test_english_with_foreign_names_and_a_foreign_quote_is_english() -> None:
    # names and a German quote pull the model off English, but not to a confident call
    assert refusal(ENGLISH_WITH_NAMES) is None
    found = detect(ENGLISH_WITH_NAMES)
    assert found.code == "en" or found.probability < 0.9


def test_text_too_short_to_tell_is_not_refused() -> None:
    assert refusal("Kyiv, Kharkiv — Reuters.") is None
    assert refusal("Grüße aus Berlin") is None
