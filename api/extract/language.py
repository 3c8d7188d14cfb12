"""Which language an article is written in: Gazette's rules read English only, and text in
another language run through them gives confident nonsense (every capitalised word an actor).

py3langid (langid.py's model, 97 languages, shipped in the package: nothing is downloaded)
classifies the start of the body in well under a millisecond. Only a confident call refuses
an article: short or mixed text that the model cannot place stays English.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SUPPORTED = "en"
SAMPLE_CHARS = 5_000  # the start of the body says which language it is in
MIN_LETTERS = 40  # below this the model guesses
MIN_PROBABILITY = 0.9

NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hu": "Hungarian", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sr": "Serbian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


class Language(msgspec.Struct, frozen=True):
    code: str  # ISO 639-1
    probability: float

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


@cache
def identifier() -> LanguageIdentifier:
    """The model, loaded once (half a second): call it at start-up to keep that off a request.
    Imported here, so a command that never checks a language does not load numpy for it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Language:
    code, probability = identifier().classify(text[:SAMPLE_CHARS])
    return Language(str(code), float(probability))


def refusal(text: str) -> str | None:
    """Why Gazette will not extract `text` (it is confidently in another language), or None."""
    if sum(c.isalpha() for c in text[:SAMPLE_CHARS]) < MIN_LETTERS:
        return None
    found = detect(text)
    if found.code == SUPPORTED or found.probability < MIN_PROBABILITY:
        return None
    return (
        f"reads as {found.name} ({found.code}, {found.probability:.0%} sure); Gazette extracts "
        "English only"
    )
