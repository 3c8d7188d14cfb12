"""What Gazette writes for people's tools: CSV cells a spreadsheet will not run, terminal lines
an article cannot take over."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

import msgspec
import pytest

from api.cli.escapes import printable
from api.services.export import spreadsheet_safe, write_csv


class Row(msgspec.Struct):
    id: str
    text: str
    lon: float


@pytest.mark.parametrize(
    "cell", ["=HYPERLINK(\"http://evil.example\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
             "\tindent", "\rreturn"],
)  # fmt: skip
def test_cells_that_start_like_formulas_are_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


def test_other_cells_and_numbers_are_left_alone() -> None:
    assert spreadsheet_safe("Troops said = nothing") == "Troops said = nothing"
    assert spreadsheet_safe(-3.7) == -3.7
    assert spreadsheet_safe(None) is None


async def test_the_csv_export_defuses_formulas() -> None:
    async def pages() -> AsyncIterator[list[Row]]:
        yield [Row(id="quo_1", text="=cmd|'/C calc'!A0", lon=-3.7)]

    out = io.BytesIO()
    assert await write_csv(pages(), out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode())))
    assert rows == [{"id": "quo_1", "text": "'=cmd|'/C calc'!A0", "lon": "-3.7"}]


def test_terminal_control_sequences_are_shown_not_sent() -> None:
    hostile = "feed\x1b]0;owned\x07 title\x1b[2J\x9b31m"
    shown = printable(hostile)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in shown)
    assert shown == "feed\\x1b]0;owned\\x07 title\\x1b[2J\\x9b31m"
    assert printable("line one\n\ttabbed") == "line one\n\ttabbed"
