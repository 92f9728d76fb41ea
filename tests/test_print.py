"""Printing the map (issue #23): Chromium prints the page to PDF, and the test reads its pages back."""

import io

import pypdf

from bordermap.text import read_texts

from conftest import SEEDS


def _printed_pages(page) -> list[str]:
    # Chromium tells the page beforeprint and afterprint around page.pdf(), as around a print from its menu.
    document = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [" ".join(p.extract_text().split()) for p in document.pages]


def test_printing_gives_the_map_then_the_whole_text_then_every_place_with_its_source(open_map, bundled_map):
    opened = open_map(bundled_map)
    page = opened.page
    page.evaluate("window.bordermap.select('hoeryong', false)")  # an open popup must not cover the printed map
    opened.wait_until_still()  # printed mid-flight, the map showed the river's name but not yet the town's
    pages = _printed_pages(page)
    assert len(pages) >= 3
    first = pages[0]
    # the map's names, the selected place's among them (not under the legend, printed open), and its scale bar
    assert "Hoeryong" in first and ("km" in first or " m" in first)
    (text,) = read_texts(SEEDS)
    opening = " ".join(text.content.splitlines()[2].split()[:6])
    assert opening not in first and opening in pages[1]  # the text starts on a page of its own
    body = " ".join(" ".join(pages[1:]).split())
    for line in (text.content.splitlines()[2], text.content.strip().splitlines()[-1]):
        words = " ".join(line.split()[:8])
        assert words.replace("“", '"') in body.replace("“", '"'), words  # the first paragraph and the last
    places = pages[-1]
    assert "Places" in " ".join(pages[1:]) and "Source" in " ".join(pages[1:])
    for name in ("Hoeryong", "Sanhe", "Tumen River"):
        assert name in " ".join(pages[1:])
    assert "GeoNames 2044091" in " ".join(pages[1:]) and "42.44113" in " ".join(pages[1:])
    assert "read in context" not in " ".join(pages)  # no buttons on paper
    assert places


def test_after_printing_the_map_is_as_the_reader_left_it(open_map, bundled_map):
    page = open_map(bundled_map).page
    before = page.evaluate("[window.bordermap.map.getCenter(), window.bordermap.map.getZoom()]")
    _printed_pages(page)
    after = page.evaluate("[window.bordermap.map.getCenter(), window.bordermap.map.getZoom()]")
    assert after[1] == before[1]
    assert abs(after[0]["lat"] - before[0]["lat"]) < 1e-6 and abs(after[0]["lng"] - before[0]["lng"]) < 1e-6
    assert page.evaluate("document.documentElement.classList.contains('bm-printing')") is False
