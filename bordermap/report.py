"""What the command line prints of each outcome, and what it shows on a terminal while it works.

Every function here takes the library's records and prints them; nothing here decides anything.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bordermap.errors import BordermapError, UnresolvedPlaces, printable

if TYPE_CHECKING:  # the records printed; the command that made one has loaded its module already
    from bordermap.build import BuildResult
    from bordermap.commands.check import CheckReport
    from bordermap.suggest.finder import Suggestion
    from bordermap.suggest.variants import Variant

SHOWN_WARNINGS = 20
SHOWN_IDS = 12
_quiet = False


def set_quiet(quiet: bool) -> None:
    """-q: print only errors, warnings and the command's own output (no notes, counts or bars) for this run."""
    global _quiet
    _quiet = quiet


def info(message: str, flush: bool = False) -> None:
    """A note on standard error about what a run did or is doing; nothing with -q."""
    if not _quiet:
        print(message, file=sys.stderr, flush=flush)


def notify(message: str) -> None:
    """One line about a long step, on standard error."""
    info(f"bordermap: {message}")


def progress(items: Iterable, total: int) -> Iterable:
    """A progress bar for the online lookups, on a terminal only, and only for more than three."""
    from tqdm import tqdm

    return tqdm(
        items,
        total=total,
        desc="geocoding",
        unit="place",
        file=sys.stderr,
        disable=None if total > 3 and not _quiet else True,
    )


def counting(what: str, unit: str) -> Callable[[Iterable], Iterable]:
    """A bar that counts items as they pass, with their rate, for a long step of unknown length; on a terminal only."""

    def wrap(items: Iterable) -> Iterable:
        from tqdm import tqdm

        return tqdm(
            items, desc=what, unit=unit, unit_scale=True, file=sys.stderr, disable=True if _quiet else None, leave=False
        )

    return wrap


class StageBar:
    """One line on a terminal naming the stage a run is in, and how many are done; nothing when not a terminal."""

    def __init__(self, total: int):
        from tqdm import tqdm

        self.bar = tqdm(
            total=total,
            file=sys.stderr,
            disable=True if _quiet else None,
            leave=False,
            bar_format="{desc} ({n}/{total})",
        )
        self.started = False

    def __call__(self, stage: str) -> None:
        if self.started:
            self.bar.update(1)
        self.started = True
        self.bar.set_description_str(stage)

    def close(self) -> None:
        self.bar.close()


def some(ids: Iterable[str], shown: int = SHOWN_IDS) -> str:
    """A list of ids for one line: the first few, then how many more."""
    ids = list(ids)
    more = f" and {len(ids) - shown:,} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def warnings(found: Iterable[str], shown: int = SHOWN_WARNINGS) -> None:
    """The first warnings, one a line, then how many more ``check`` would list."""
    found = list(found)
    for warning in found[:shown]:
        print(warning, file=sys.stderr)
    if len(found) > shown:
        print(f"  … and {len(found) - shown:,} more warnings: 'bordermap check' lists them all", file=sys.stderr)


def error(error: BordermapError) -> None:
    """An error as its one line (an unresolved build: a summary, then a line per row)."""
    print("\n".join(error.lines()) if isinstance(error, UnresolvedPlaces) else str(error), file=sys.stderr)


def built(result: BuildResult, cache: Path) -> None:
    """The map's path on standard output; what it holds on standard error."""
    warnings(result.warnings)
    print(f"{result.output.resolve()}")
    info(
        f"  {result.located} of {result.places} places located, {result.shapes} shapes, "
        f"{result.quotes} quotes, {result.size_bytes / 1024:.0f} KiB"
    )
    if result.cached_answers:
        info(f"  {result.cached_answers} new answers saved in {cache}")
    if result.unquoted:
        info(f"  not named in the texts: {some(result.unquoted)}")


def rebuilt(result: BuildResult) -> None:
    """One line for each build ``serve`` makes."""
    warnings(result.warnings)
    info(
        f"bordermap: built {result.output} at {datetime.now():%H:%M:%S}: {result.located} of "
        f"{result.places} places located, {result.shapes} shapes, {result.quotes} quotes",
        flush=True,
    )


def check_failed(error: BordermapError) -> None:
    """What ``check`` prints when the data cannot be read far enough to be checked."""
    lines = (
        [printable(f"{p.origin}: error: '{p.query}' ({p.place_id}): {p.why}; {p.hint}") for p in error.problems]
        if isinstance(error, UnresolvedPlaces)
        else [printable(f"{error.origin}: error: {error.message}; {error.hint}")]
    )
    print("\n".join(lines), file=sys.stderr)
    print(f"summary: {len(lines)} errors; the data could not be checked further")


def checked(report: CheckReport, strict: bool) -> None:
    """Every finding, one a line, on standard error, as a compiler's; then the summary on standard output."""
    for finding in report.findings:
        print(finding, file=sys.stderr)
    unquoted = [thing for thing, count in report.quotes.items() if count == 0]
    print(f"summary: {report.places} places ({report.located} located), {report.shapes} shapes")
    print("  quotes: " + ", ".join(f"{thing} {count}" for thing, count in report.quotes.items()))
    print(f"  no quote: {some(unquoted) if unquoted else 'none'}")
    print(
        f"  {report.errors} errors, {report.warnings} warnings"
        + (" (--strict: warnings count as errors)" if strict else "")
    )


def _distance(metres: float) -> str:
    return f"{metres / 1000:,.0f} km" if metres >= 1000 else f"{metres:.0f} m"


def _width(text: str) -> int:
    """How many terminal columns a string takes: a wide (CJK) character two, a combining mark none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int) -> str:
    """The string, cut to ``width`` columns with an ellipsis when it is longer."""
    if _width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += _width(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# When the table must be cut to fit a terminal: which columns give way first (runners-up, source, place, mention,
# where), and how many columns each keeps at least. Positions, sizes and confidences are never cut.
_GIVE_WAY = ((7, 10), (5, 8), (2, 10), (0, 8), (1, 8))


def _fit(widths: list[int], room: int) -> None:
    """Narrow the columns that may be cut, in the order they give way, until the table fits ``room``."""
    for column, least in _GIVE_WAY:
        excess = sum(widths) - room
        if excess <= 0:
            return
        widths[column] = max(least, widths[column] - excess)


def _where(s: Suggestion, one_file: bool) -> str:
    file, line = s.lines[0]
    more = f" (+{len(s.lines) - 1})" if len(s.lines) > 1 else ""
    return f"line {line}{more}" if one_file else f"{_cut(Path(file).name, 20)}:{line}{more}"


def _runners_up(s: Suggestion) -> str:
    """The runners-up, each said with what tells it from the others that share its name and country."""
    from bordermap.suggest.rows import runner_up_record

    chosen = s.chosen
    assert chosen is not None
    labels = [f"{r.name} ({r.country or r.admin1})" for r in s.runners_up]
    shared = {f"{chosen.name} ({chosen.country or chosen.admin1})", *(x for x in labels if labels.count(x) > 1)}
    said = []
    for runner, label in zip(s.runners_up, labels):
        if label in shared:  # "Călăraşi (RO)" twice says nothing: its people and distance tell them apart
            record = runner_up_record(runner, chosen)
            people = f"{runner.population:,} people, " if runner.population else ""
            label = f"{label[:-1]}, {people}{record['km_from_chosen']:,} km away)"
        said.append(label)
    return "; ".join(said) or "none"


def suggestions(accepted: list[Suggestion], held: list[Suggestion], bar: float, covered: int) -> None:
    """The table of suggestions at or above the bar, then what was held back and already covered. On a terminal the
    table fits its width: the long cells are cut with an ellipsis (``--format csv`` or ``json`` keep every word)."""
    from bordermap.suggest.rows import source_label

    one_file = len({file for s in accepted for file, _ in s.lines}) <= 1
    rows = [("mention", "where", "place", "lat, lon", "precision", "source", "confidence", "runners-up")]
    for s in accepted:
        where = _where(s, one_file)
        e = s.chosen
        if e is None:
            rows.append((s.phrase, where, "(not in a gazetteer)", "", "", "", f"{s.confidence:.2f}", s.why))
            continue
        place = f"{e.name} ({e.country or e.admin1})"  # a river or a range is in no one country
        rows.append(
            (s.phrase, where, place, f"{e.lat:.5f}, {e.lon:.5f}", _distance(e.precision_m), source_label(e))
            + (f"{s.confidence:.2f}", _runners_up(s))
        )
    shown = [[printable(cell) for cell in row] for row in rows]
    widths = [max(_width(r[i]) for r in shown) for i in range(len(shown[0]))]
    columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else 0
    if columns:
        _fit(widths, columns - 2 * (len(widths) - 1))
    for row in shown:
        cells = [_cut(cell, width) for cell, width in zip(row, widths)]
        print("  ".join(_pad(cell, width) for cell, width in zip(cells[:-1], widths)) + "  " + cells[-1])
    _summary(accepted, held, bar, covered)


def _summary(accepted: list[Suggestion], held: list[Suggestion], bar: float, covered: int) -> None:
    summary = f"{len(accepted)} suggested at confidence {bar:g} or more"
    if held:
        summary += f"; held back: {some(f'{s.phrase} ({s.confidence:.2f})' for s in held)}"
    if covered:
        summary += f"; {covered} mentions of places already in the files"
    info(printable(summary))


def _facts_of(runner: dict) -> list[str]:
    people = f"{runner['population']:,} people" if runner["population"] else ""
    return [f for f in (runner["country"], runner["division"], people, f"{runner['km_from_chosen']:,} km away") if f]


SUGGESTION_COLUMNS = (
    "mention",
    "file",
    "line",
    "mentions",
    "accepted",
    "confidence",
    "place",
    "category",
    "country",
    "division",
    "population",
    "lat",
    "lon",
    "precision_m",
    "source",
    "why",
    "runners_up",
)


def suggestions_as(fmt: str, accepted: list[Suggestion], held: list[Suggestion], bar: float, covered: int) -> None:
    """Every suggestion, the held back ones too (``accepted`` says which), as JSON (one object, its ``suggestions``
    a list) or CSV (one row each, the runners-up in one cell), on standard output; the summary on standard error."""
    from bordermap.export import spreadsheet_cell
    from bordermap.suggest.rows import review_record

    records = [review_record(s, True) for s in accepted] + [review_record(s, False) for s in held]
    records.sort(key=lambda r: (r["file"], r["line"]))
    if fmt == "json":
        document = {"min_confidence": bar, "covered_mentions": covered, "suggestions": records}
        print(json.dumps(document, ensure_ascii=False, indent=1))
    else:
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(SUGGESTION_COLUMNS)
        for record in records:
            place = record["place"] or {}
            runners = "; ".join(f"{r['name']} ({', '.join(_facts_of(r))})" for r in record["runners_up"])
            cells = {**record, **{k: v for k, v in place.items() if k != "name"}, "place": place.get("name", "")}
            cells["runners_up"] = runners
            writer.writerow([spreadsheet_cell(cells.get(column, "")) for column in SUGGESTION_COLUMNS])
    _summary(accepted, held, bar, covered)


def variants(found: list[Variant]) -> None:
    """Each word that looks like another spelling of a place the files have."""
    for variant in found:
        mention = variant.mention
        print(
            printable(
                f"  '{mention.phrase}' ({Path(mention.text.path).name}:{variant.line}) looks like another "
                f"spelling of {variant.of}: add it to that row's aliases"
            ),
            file=sys.stderr,
        )
