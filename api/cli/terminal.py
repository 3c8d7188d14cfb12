"""What the command line shows: a progress bar while a bulk run goes, a summary after it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from api.cli.escapes import printable
from api.services.bulk import Advance, Tally

# progress on stderr, results on stdout: `gazette ingest … > summary.txt` keeps the bar visible
errors = Console(stderr=True)
out = Console(soft_wrap=True)


class Rate(ProgressColumn):
    """Articles per second over the last moments of the run."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s", style="cyan")


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Advance]:
    """A bar with done/total, articles/s and ETA; yields the function that advances it."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=errors,
        disable=not errors.is_terminal,  # no bar in logs and pipes: the summary says it all
    )
    task = bar.add_task(label, total=total)
    with bar:
        yield lambda count: bar.advance(task, count)


def print_summary(tally: Tally, seconds: float, stored_as: str = "ingested") -> None:
    """The counts, the failures by reason (with one example each), and the rates."""
    table = Table(title="gazette ingest", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(stored_as, str(tally.ingested))
    table.add_row("duplicates (skipped)", str(tally.duplicates))
    table.add_row("failed", str(len(tally.failures)))
    table.add_row("warnings", str(len(tally.warnings)))
    done = tally.ingested + tally.duplicates + len(tally.failures)
    table.add_row("seconds", f"{seconds:.1f}")
    if seconds > 0:
        table.add_row("articles/s", f"{done / seconds:.1f}")
    if tally.extract_seconds:
        table.add_row("extraction (s, all processes)", f"{tally.extract_seconds:.1f}")
        table.add_row("database writes (s)", f"{tally.write_seconds:.1f}")
    out.print(table)
    print_warnings(tally)
    if not tally.failures:
        return
    reasons = Counter(_reason(reason) for _, reason in tally.failures)
    failed = Table(title="failures", title_justify="left")
    failed.add_column("count", justify="right")
    failed.add_column("reason")
    failed.add_column("for example")
    for reason, count in reasons.most_common(20):
        example = next(o for o, r in tally.failures if _reason(r) == reason)
        # Text, not str: rich reads `[…]` in a str as markup
        failed.add_row(str(count), Text(printable(reason)), Text(printable(example)))
    out.print(failed)


# per-item warning lines shown; the count above says how many there were in all
MAX_WARNING_LINES = 200


def print_warnings(tally: Tally) -> None:
    """One line per warning (stored, but worth a look): `origin: code: message`. Plain
    lines, not a table: each is kept whole for grep, however long."""
    if not tally.warnings:
        return
    out.print("warnings (stored anyway):", highlight=False)
    for origin, code, message in tally.warnings[:MAX_WARNING_LINES]:
        out.print(Text(printable(f"  {origin}: {code}: {message}")), crop=False)
    if len(tally.warnings) > MAX_WARNING_LINES:
        out.print(f"  … and {len(tally.warnings) - MAX_WARNING_LINES} more", highlight=False)


def _reason(reason: str) -> str:
    """A failure's reason, short enough for a table cell."""
    return reason[:160]
