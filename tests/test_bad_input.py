"""Issue #7's corpus: every broken or odd input through the command line, as a user would meet it.

Each case under tests/data/bad/{places,shapes,texts}/ is one input file with a ``.expected`` beside it: either the
one line the build must print (``{path}`` stands for the file, ``{toml}`` for a text's .toml), or, for odd but
valid input, ``place:`` and ``quote:`` lines the map must hold. A ``.args`` file adds options; a text's ``.toml``
goes with it.
"""

import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import BAD, PLACES, ROOT, SEEDS, SHAPES, run_cli, run_main
from helpers_html import features_by_id

CASES = sorted(p for p in BAD.glob("*/*") if p.suffix in (".csv", ".geojson", ".txt"))
PREVIOUS_MAP = b"<!doctype html><title>the previous map</title>\n"
CACHE = "query,status,lat,lon,display_name,source,retrieved,countries\n"


def _workspace(tmp_path: Path) -> dict[str, Path]:
    """The bundled inputs, a cache and an earlier map, copied where a failed build must leave them untouched."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    paths = {
        "texts": tmp_path / "seeds",
        "places": tmp_path / "places.csv",
        "shapes": tmp_path / "shapes.geojson",
        "cache": tmp_path / "geocoded.csv",
        "output": tmp_path / "out" / "map.html",
    }
    shutil.copy(PLACES, paths["places"])
    shutil.copy(SHAPES, paths["shapes"])
    paths["cache"].write_text(CACHE, encoding="utf-8")
    paths["output"].parent.mkdir()
    paths["output"].write_bytes(PREVIOUS_MAP)
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(paths: dict[str, Path], *extra: str):
    return run_main(
        "build",
        "--texts",
        str(paths["texts"]),
        "--places",
        str(paths["places"]),
        "--shapes",
        str(paths["shapes"]),
        "--cache",
        str(paths["cache"]),
        "--gazetteer",
        str(ROOT / "data" / "gazetteer.csv"),
        "-o",
        str(paths["output"]),
        *extra,
    )


def _place_case(case: Path, paths: dict[str, Path]) -> Path:
    """Put the case where the build will read it; return the path its messages name."""
    kind = case.parent.name
    if kind == "texts":
        folder = paths["texts"].parent / "case-texts"
        folder.mkdir()
        for part in case.parent.glob(f"{case.stem}.*"):
            if part.suffix in (".txt", ".toml"):
                shutil.copy(part, folder / part.name)
        paths["texts"] = folder
        return folder / case.name
    target = paths[kind].parent / f"case{case.suffix}"
    shutil.copy(case, target)
    paths[kind] = target
    return target


def assert_clean_failure(result, expected: str, before: dict[str, bytes], folder: Path):
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [expected]
    assert _snapshot(folder) == before, "a failed build changed a file"


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_bad_or_odd_input_gives_one_clean_line_or_the_expected_map(tmp_path, case):
    paths = _workspace(tmp_path)
    used = _place_case(case, paths)
    expected = (
        case.with_suffix(".expected")
        .read_text(encoding="utf-8")
        .replace("{path}", str(used))
        .replace("{toml}", str(used.with_suffix(".toml")))
    )
    args = case.with_suffix(".args").read_text(encoding="utf-8").split() if case.with_suffix(".args").exists() else []
    before = _snapshot(tmp_path)
    result = _build(paths, *args)
    if not case.stem.startswith("valid_"):
        assert_clean_failure(result, expected.strip(), before, tmp_path)
        return
    assert result.returncode == 0, result.stderr
    features = features_by_id(paths["output"])
    expected_places = []
    for line in expected.splitlines():
        kind, _, rest = line.partition(": ")
        if kind == "place":
            place_id, name, lat, lon = (part.strip() for part in rest.split("|"))
            expected_places.append(place_id)
            feature = features[place_id]
            assert feature.name == name
            if lat == "-":
                assert feature.geometry is None
            else:
                assert feature.geometry["coordinates"] == pytest.approx([float(lon), float(lat)], abs=1e-5)
        elif kind == "quote":
            place_id, quote = (part.strip() for part in rest.split("|", 1))
            assert quote in [q.quote for q in features[place_id].quotes]
        else:
            pytest.fail(f"unknown expectation {line!r}")
    if case.parent.name == "places":
        assert sorted(f for f in features if features[f].kind == "place") == sorted(expected_places)


def test_the_corpus_has_at_least_forty_cases_of_each_outcome_kind():
    errors = [c for c in CASES if not c.stem.startswith("valid_")]
    valid = [c for c in CASES if c.stem.startswith("valid_")]
    assert len(CASES) >= 40 and errors and valid
    assert all(c.with_suffix(".expected").exists() for c in CASES)


def _no_texts(paths):
    paths["texts"] = paths["texts"].parent / "empty-folder"
    paths["texts"].mkdir()
    return f"{paths['texts']}:1:1: no .txt files in the texts folder; add the text as a .txt file"


def _missing_texts(paths):
    paths["texts"] = paths["texts"].parent / "no-such-folder"
    return f"{paths['texts']}:1:1: the texts folder does not exist; give a folder of .txt files"


def _places_is_a_folder(paths):
    paths["places"] = paths["texts"]
    return f"{paths['places']}:1:1: places file is a directory; give the path of a file"


def _missing_places(paths):
    paths["places"] = paths["places"].parent / "plaecs.csv"
    return f"{paths['places']}:1:1: places file not found; check the path"


def _ten_megabyte_cell(paths):
    note = "The guards said so. " * 524_288
    paths["places"].write_text(
        f"id,name,lat,lon,source,note\nh,Hoeryong,42.44,129.75,GeoNames,{note}\n", encoding="utf-8"
    )
    return (
        f"{paths['places']}:2:34: the cell is {len(note):,} characters long; "
        "keep cells under 100,000 characters; link to long documents instead"
    )


def _unclosed_quote_swallowing_the_file(paths):
    rows = "".join(f"p{i},Place {i},42.{i:05d},129.7,s,\n" for i in range(20_000))
    paths["places"].write_text(
        'id,name,lat,lon,source,note\nh,Hoeryong,42.44,129.75,s,"open quote\n' + rows, encoding="utf-8"
    )
    return (
        f"{paths['places']}:2:1: cannot read this row as CSV (unexpected end of data); "
        "close the quote or double the quote characters inside a quoted cell"
    )


def _missing_output_folder(paths):
    paths["output"] = paths["output"].parent / "no-such-folder" / "map.html"
    return (
        f"{paths['output']}:1:1: the folder '{paths['output'].parent}' does not exist; "
        "create it first or choose another output path with -o"
    )


def _output_is_a_folder(paths):
    paths["output"] = paths["output"].parent
    return f"{paths['output']}:1:1: a directory, not a regular file, is there; give -o the path of a file to write"


GENERATED = [
    _no_texts,
    _missing_texts,
    _places_is_a_folder,
    _missing_places,
    _ten_megabyte_cell,
    _unclosed_quote_swallowing_the_file,
    _missing_output_folder,
    _output_is_a_folder,
]


@pytest.mark.parametrize("make", GENERATED, ids=[m.__name__.strip("_") for m in GENERATED])
def test_generated_bad_input_gives_one_clean_line_and_changes_nothing(tmp_path, make):
    paths = _workspace(tmp_path)
    expected = make(paths)
    before = _snapshot(tmp_path)
    assert_clean_failure(_build(paths), expected, before, tmp_path)


def test_a_folder_that_refuses_writing_keeps_the_old_map(tmp_path):
    # Root may write anywhere but /sys: use it when running as root, a read-only folder otherwise.
    paths = _workspace(tmp_path)
    if os.geteuid() == 0:
        paths["output"], folder = Path("/sys/map.html"), "/sys"
    else:
        folder = paths["output"].parent
        folder.chmod(0o555)
    before = _snapshot(tmp_path)
    expected = (
        f"{paths['output']}:1:1: cannot write in '{folder}' (Permission denied); choose another output path with -o"
    )
    assert_clean_failure(_build(paths), expected, before, tmp_path)


@pytest.mark.slow
def test_a_hundred_thousand_rows_make_a_map(tmp_path):
    paths = _workspace(tmp_path)
    rng = random.Random(7)
    rows = "".join(
        f"p{i},Place {i},{42 + rng.random():.5f},{129 + rng.random():.5f},test,100\n" for i in range(100_000)
    )
    paths["places"].write_text("id,name,lat,lon,source,precision_m\n" + rows, encoding="utf-8")
    result = _build(paths, "--cdn")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "100000 of 100000 places located" in result.stderr
    assert "may take long to open" not in result.stderr  # issue #12: such a map opens in about a second
    assert "not named in the texts: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11 and 99,988 more" in result.stderr
    assert "more warnings: 'bordermap check' lists them all" in result.stderr
    assert len(result.stderr.splitlines()) < 30  # a report a person can read, not 100,000 ids
    features = features_by_id(paths["output"])
    assert features["p99999"].name == "Place 99999"
    assert sum(1 for f in features.values() if f.kind == "place") == 100_000


def test_an_unknown_encoding_is_a_usage_error(tmp_path):
    result = run_cli("build", "--encoding", "klingon", "-o", str(tmp_path / "map.html"))
    assert result.returncode == 2
    assert "'klingon' is not a text encoding a CSV file can be in" in result.stderr
    assert not (tmp_path / "map.html").exists()


def test_debug_adds_the_traceback_to_the_same_line(tmp_path):
    paths = _workspace(tmp_path)
    used = _place_case(BAD / "places" / "not_a_number.csv", paths)
    result = _build(paths, "--debug")
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"{used}:2:24: lat 'forty-two' is not a number")
