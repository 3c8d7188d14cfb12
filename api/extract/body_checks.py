"""Warnings about an article body that is probably not the whole article: too short, cut off
by a paywall, or a teaser that ends in "…" or "Read more". Text in, verdicts out.

Such an article is still stored (a short item can be a real news brief, and what was
extracted from it is true of it), but the caller is told, so a feed or a page that yields
teasers instead of articles is noticed instead of filling the database with stubs.

- `tiny_body`: fewer than MIN_WORDS words. A news brief runs to 100 words or more; under 50
  is a headline with a line, a caption, or a summary.
- `paywalled`: a paywall's own words near the start or the end of the body (where a page
  cut short by one puts them): a way in (subscribe, sign in, register, start a trial, become
  a member) leading to reading on ("to continue reading", "to read the full story", "for
  full access"); the article declared for subscribers or members only; "already a
  subscriber?"; a count of free articles used up.
- `truncated`: the body ends in an ellipsis ("…", "...", "[…]") or its last line is a
  "Read more" / "Continue reading" / "Read the full story" link.
"""

from __future__ import annotations

import re
from typing import Literal

import msgspec

BodyWarningCode = Literal["tiny_body", "paywalled", "truncated"]

MIN_WORDS = 50
# where a paywall's words stand in a cut-off page: its first and its last characters
HEAD_CHARS = 300
TAIL_CHARS = 600

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_WAY_IN = (
    r"(?:subscribe|subscribing|sign(?:ing)? (?:in|up)|log(?:ging)? ?in|register|registering"
    r"|start (?:a|your) (?:free )?trial|become an? (?:paying |premium )?(?:member|subscriber)"
    r"|create an? (?:free )?account|join (?:now|today|us))"
)
_READ_ON = (
    r"(?:(?:continue|keep) reading|read (?:on|more|the (?:full|whole|entire|rest)|this (?:article"
    r"|story))|(?:unlock|access|view|see) (?:the |this )?(?:full |whole |entire |rest of )?"
    r"(?:the )?(?:article|story|content|piece)|(?:full|unlimited|digital) access)"
)
_FOR_MEMBERS = (
    r"(?:(?:this|the) (?:article|story|content|piece|report) is "
    r"(?:(?:only|exclusively|available|reserved) ){0,3}(?:to|for) (?:our )?"
    r"(?:paid |paying |premium |digital )?"
    r"(?:subscribers|members)"
    r"|(?:for|to) (?:paid |paying |premium )?(?:subscribers|members) only"
    r"|(?:subscriber|member|premium)s?[- ]only (?:content|article|story)"
    r"|exclusive(?:ly)? (?:to|for) (?:paid |paying |premium )?(?:subscribers|members))"
)
PAYWALL = re.compile(
    rf"\b{_WAY_IN}\b[^.!?\n]{{0,60}}?\b{_READ_ON}"
    rf"|\b{_FOR_MEMBERS}\b"
    r"|\balready an? (?:subscriber|member)\b"
    r"|\byou(?:'ve|’ve| have) (?:reached|used up|used|read) (?:all )?(?:of )?(?:your|the)"
    r"[\w ]{0,20}?(?:limit|free (?:articles?|stories|reads))",
    re.IGNORECASE,
)

ELLIPSIS = ("…", "...", "[…]", "[...]", "(…)", "(...)")
READ_MORE = re.compile(
    r"^[\[(]?\s*(?:read more|continue reading|keep reading|read on"
    r"|read the (?:full|whole|entire|rest of the) (?:story|article|report|piece))\b"
    r"[^.!?\n]{0,60}$",
    re.IGNORECASE,
)


class BodyWarning(msgspec.Struct, frozen=True):
    code: BodyWarningCode
    message: str


def body_warnings(body: str) -> list[BodyWarning]:
    """Every warning `body` deserves (none for a whole article)."""
    found = []
    if (words := word_count(body)) < MIN_WORDS:
        found.append(
            BodyWarning(
                "tiny_body",
                f"the body has {words} words (fewer than {MIN_WORDS}): a summary or a teaser?",
            )
        )
    if phrase := paywall_phrase(body):
        found.append(BodyWarning("paywalled", f"the body reads like a paywall's: {phrase!r}"))
    if ending := truncation(body):
        found.append(BodyWarning("truncated", f"the body ends in {ending!r}: cut short?"))
    return found


def word_count(body: str) -> int:
    """Words of letters or digits ("don't" is one; punctuation and dashes are none)."""
    return sum(1 for _ in _WORD.finditer(body))


def paywall_phrase(body: str) -> str | None:
    """A paywall's words at the start or the end of the body, as written there.

    >>> paywall_phrase("Officials met on Monday.\\nSubscribe now to continue reading.")
    'Subscribe now to continue reading'
    >>> paywall_phrase("This story is available exclusively to our subscribers.")
    'This story is available exclusively to our subscribers'
    >>> paywall_phrase("The app asked users to sign in to continue watching.") is None
    True
    """
    for part in (body[:HEAD_CHARS], body[-TAIL_CHARS:]):
        if found := PAYWALL.search(part):
            return found[0]
    return None


def truncation(body: str) -> str | None:
    """How the body ends, when that is how a teaser ends: an ellipsis or a "Read more".

    >>> truncation("Talks resumed in the capital on ...")
    '...'
    >>> truncation("Talks resumed.\\nRead the full story at Harbour Daily »")
    'Read the full story at Harbour Daily »'
    """
    text = body.rstrip()
    for mark in ELLIPSIS:
        if text.endswith(mark):
            return mark
    last = text.rsplit("\n", 1)[-1].strip()
    return last if READ_MORE.match(last) else None
