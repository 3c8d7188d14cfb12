"""Text from outside made safe to show on a terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters (escape sequences start with ESC or CSI) and DEL; tab and
# newline are harmless
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters shown as `\\x1b`, never sent raw.

    File names, feed URLs, article ids and error messages come from outside: raw, an escape
    sequence in one can rewrite the screen, the window title or the clipboard."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
