"""Issue #11: user data that names a JavaScript built-in ('__proto__', 'constructor') or a malformed permalink
is data to the page, never a lookup into Object.prototype or an exception."""

import pytest

from conftest import run_main

BUILT_INS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"]
PLACE_IDS = BUILT_INS[1:]  # an id starts with a letter or digit, so '__proto__' is only ever a fragment


@pytest.fixture(scope="module")
def built_in_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("built-ins")
    seeds = folder / "seeds"
    seeds.mkdir()
    names = " ".join(f"Place{n}" for n in range(len(BUILT_INS)))
    (seeds / "text.txt").write_text(f"Built-ins\nThey went to {names} in turn.\n", encoding="utf-8")
    # Each built-in name is a category of two places and a credit; four are place ids too.
    rows = [
        f"{PLACE_IDS[n] if n < len(PLACE_IDS) else 'p'},Place{n},{name},42.{40 + n},129.7,1000,{name},test"
        for n, name in enumerate(BUILT_INS)
    ]
    rows += [f"other{n},Other{n},{name},42.{50 + n},129.8,1000,,test" for n, name in enumerate(BUILT_INS)]
    places = folder / "places.csv"
    places.write_text(
        "id,name,category,lat,lon,precision_m,attribution,source\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    shapes = folder / "shapes.geojson"  # none: the bundled shapes belong to another text
    shapes.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    output = folder / "map.html"
    result = run_main(
        "build", "--texts", str(seeds), "--places", str(places), "--shapes", str(shapes), "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    return output


@pytest.mark.parametrize("place_id", PLACE_IDS)
def test_a_permalink_to_a_place_named_like_a_built_in_opens_it(open_map, built_in_map, place_id):
    page = open_map(built_in_map, fragment=f"#place={place_id}")
    page.page.wait_for_selector(f".leaflet-popup .bm-popup[data-place='{place_id}']")
    assert page.errors() == []


@pytest.mark.parametrize(
    "fragment",
    [
        "#place=__proto__",
        "#place=%",
        "#place=%E0%A4%A",
        "#place=%ZZ",
        "#place=nowhere",
        "#place=__defineGetter__",
        "#place=prototype",
    ],
)
def test_a_malformed_or_unknown_permalink_opens_the_map_without_an_error(open_map, built_in_map, fragment):
    page = open_map(built_in_map, fragment=fragment)
    page.page.wait_for_timeout(200)
    assert page.page.locator(".leaflet-popup").count() == 0
    assert page.errors() == []


def test_categories_named_like_built_ins_count_their_own_places(open_map, built_in_map):
    page = open_map(built_in_map)
    page.page.locator(".bm-legend summary").click()
    rows = page.page.locator(".bm-legend-row").evaluate_all(
        "rows => rows.map(r => [r.querySelector('.bm-category').textContent, r.querySelector('.bm-count').textContent])"
    )
    assert sorted(rows) == sorted([name, " (2)"] for name in BUILT_INS)
    page.page.locator(".bm-legend-row input[aria-label='show constructor']").uncheck()
    assert page.page.locator(".bm-legend-row input[aria-label='show constructor']").is_checked() is False
    assert page.errors() == []


def test_credits_named_like_built_ins_are_all_in_the_attribution(open_map, built_in_map):
    page = open_map(built_in_map)
    credits = page.page.locator(".leaflet-control-attribution .bm-credit").all_text_contents()
    assert sorted(credits) == sorted(BUILT_INS)
