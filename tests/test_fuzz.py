"""Issue #7: arbitrary text in every CSV cell and in the seed text. The build succeeds and shows the text as
written, or fails with one line naming the file: never a traceback, never an internal error."""

import contextlib
import csv
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bordermap.cli import main

from conftest import SEEDS
from helpers_html import content_of

pytestmark = pytest.mark.slow  # hundreds of generated inputs

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FREE_TEXT = ("name", "category", "aliases", "note", "source", "attribution")
CHECKED = ("id", "lat", "lon", "precision_m", "country", "certainty", "query")
VALID = {
    "id": "f",
    "name": "Hoeryong",
    "category": "city",
    "lat": "42.44113",
    "lon": "129.74601",
    "precision_m": "1000",
    "aliases": "",
    "country": "KP",
    "note": "",
    "source": "GeoNames",
    "attribution": "",
    "certainty": "",
    "query": "",
}


def _build(
    folder: Path, row: dict[str, str] | None = None, seed: str | None = None, raw_rows: str | None = None
) -> tuple[int, str, Path]:
    """Write the inputs (the bundled text and a valid row unless told otherwise) and build the map in-process."""
    places, output, texts, shapes = folder / "places.csv", folder / "map.html", folder / "texts", folder / "no.geojson"
    if not texts.exists():
        texts.mkdir()
        shapes.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
        if seed is None:
            for path in SEEDS.glob("*.txt"):
                (texts / path.name).write_bytes(path.read_bytes())
        else:
            (texts / "fuzz.txt").write_text(seed, encoding="utf-8", newline="")
    if raw_rows is None:
        with places.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(VALID)
            writer.writerow((row or VALID).values())
    else:
        places.write_text(",".join(VALID) + "\n" + raw_rows, encoding="utf-8", newline="")
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(
            [
                "build",
                "--texts",
                str(texts),
                "--places",
                str(places),
                "--shapes",
                str(shapes),
                "--cache",
                str(folder / "cache.csv"),
                "--cdn",
                "--allow-unresolved",
                "-o",
                str(output),
            ]
        )
    return status, stderr.getvalue(), output


def _assert_one_clean_line(status: int, stderr: str, path: Path) -> None:
    assert status == 1, stderr
    (line,) = stderr.splitlines()
    assert line.startswith(f"{path}"), line
    assert "internal error" not in line and "Traceback" not in stderr


def _split(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split("|") if item.strip())


@FUZZ
@given(column=st.sampled_from(FREE_TEXT), value=TEXT)
def test_any_text_in_a_free_text_cell_is_shown_as_written_or_refused_in_one_line(column, value):
    with tempfile.TemporaryDirectory() as folder:
        status, stderr, output = _build(Path(folder), {**VALID, column: value})
        if status != 0:
            _assert_one_clean_line(status, stderr, Path(folder) / "places.csv")
            return
        shown = getattr({f.id: f for f in content_of(output).features}["f"], column)
        expected = {"aliases": _split(value), "attribution": _split(value), "category": value.strip() or "place"}.get(
            column, value.strip()
        )
        assert shown == expected


@FUZZ
@given(column=st.sampled_from(CHECKED), value=TEXT)
def test_any_text_in_a_checked_cell_builds_or_fails_in_one_line(column, value):
    with tempfile.TemporaryDirectory() as folder:
        status, stderr, output = _build(Path(folder), {**VALID, column: value})
        if status != 0:
            _assert_one_clean_line(status, stderr, Path(folder) / "places.csv")
            return
        places = [f for f in content_of(output).features if f.kind == "place"]
        if (Path(folder) / "places.csv").read_text(encoding="utf-8").splitlines()[1].startswith("#"):
            assert places == []  # a row starting with '#' is a comment: the way to leave a row out
            return
        (feature,) = places
        assert feature.id == (value.strip() if column == "id" else "f")


@FUZZ
@given(seed=TEXT.map(lambda text: "Hoeryong " + text))
def test_any_seed_text_is_quoted_verbatim_or_refused_in_one_line(seed):
    with tempfile.TemporaryDirectory() as folder:
        status, stderr, output = _build(Path(folder), seed=seed)
        if status != 0:
            _assert_one_clean_line(status, stderr, Path(folder) / "texts" / "fuzz.txt")
            return
        data = content_of(output)
        (text,) = data.texts
        assert text.content == seed
        for feature in data.features:
            for quote in feature.quotes:
                assert quote.quote == seed[quote.start : quote.end] and quote.text is text


@FUZZ
@given(raw=TEXT)
def test_any_raw_text_after_the_header_builds_or_fails_in_one_line_keeping_the_old_map(raw):
    with tempfile.TemporaryDirectory() as folder:
        status, _, output = _build(Path(folder))
        assert status == 0
        before = output.read_bytes()
        status, stderr, output = _build(Path(folder), raw_rows=raw)
        if status != 0:
            _assert_one_clean_line(status, stderr, Path(folder) / "places.csv")
            assert output.read_bytes() == before
