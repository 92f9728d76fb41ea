from pathlib import Path

import pytest

from bordermap.cache import CachedAnswer, cache_csv, read_cache
from bordermap.errors import InputError

from conftest import DATA

BAD_CACHES = sorted((DATA / "cache").glob("*.csv"))


def test_a_missing_cache_is_empty(tmp_path):
    assert read_cache(tmp_path / "geocoded.csv") == {}


def test_answers_survive_a_write_and_a_read(tmp_path):
    answers = [
        CachedAnswer(
            "nominatim",
            "Sanhe, China",
            True,
            42.47532,
            129.73585,
            "Sanhe, Longjing, Jilin, China",
            "relation 1",
            "2026-11-24",
            2200.0,
        ),
        CachedAnswer("nominatim", "Xanadu", False, None, None, "", "", "2026-11-24", None),
    ]
    path = tmp_path / "geocoded.csv"
    path.write_text(cache_csv(answers), encoding="utf-8")
    assert sorted(read_cache(path).values(), key=lambda a: a.query) == sorted(answers, key=lambda a: a.query)


def test_the_cache_file_is_readable_and_sorted(tmp_path):
    answers = [CachedAnswer("nominatim", q, False, None, None, "", "", "2026-11-24", None) for q in ("b", "A")]
    assert cache_csv(answers).splitlines() == [
        "provider,query,status,lat,lon,display_name,provider_id,retrieved,precision_m",
        "nominatim,A,not found,,,,,2026-11-24,",
        "nominatim,b,not found,,,,,2026-11-24,",
    ]


@pytest.mark.parametrize("bad_cache", BAD_CACHES, ids=[p.stem for p in BAD_CACHES])
def test_a_corrupted_cache_names_file_line_and_column(bad_cache: Path):
    expected = bad_cache.with_suffix(".expected").read_text(encoding="utf-8").strip()
    with pytest.raises(InputError) as raised:
        read_cache(bad_cache)
    assert str(raised.value) == expected.replace("{path}", str(bad_cache))
