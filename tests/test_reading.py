"""The reading view in real Chromium: text and map linked both ways, permalinks, a keyboard-operable list (#5)."""

import pytest

from conftest import PLACES, run_main


def popup_of(page, place_id):
    return page.page.locator(f".leaflet-popup .bm-popup[data-place='{place_id}']")


def test_clicking_a_mention_in_the_text_opens_its_place(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator(".bm-mention", has_text="Hoiryeong").click()
    assert popup_of(page, "hoeryong").count() == 1
    assert page.page.evaluate("location.hash") == "#place=hoeryong"
    assert page.errors() == []


def test_hovering_a_mention_shows_the_place_on_the_map(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator(".bm-mention", has_text="the bridge").hover()
    assert "Bridge across the Tumen" in page.page.locator(".leaflet-tooltip").all_inner_texts()[0]


def test_read_in_context_scrolls_the_panel_to_the_marked_sentence(open_map, bundled_map):
    page = open_map(bundled_map)
    popup = page.open_popup("bridge")
    popup.locator(".bm-context").first.click()
    marked = page.page.locator(".bm-sentence.bm-marked")
    assert marked.count() == 1
    assert marked.inner_text().startswith("You can see the bridge across the Tumen River border at left")
    assert marked.is_visible()
    assert page.page.evaluate("""() => {
        const box = document.querySelector('.bm-sentence.bm-marked').getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight; }""")


def test_a_permalink_opens_the_place_and_back_restores_the_previous_one(open_map, bundled_map):
    page = open_map(bundled_map, fragment="#place=bridge")
    assert popup_of(page, "bridge").count() == 1
    assert page.page.locator(".bm-sentence.bm-marked").inner_text().startswith("You can see the bridge")
    page.page.locator(".bm-mention", has_text="Hoiryeong").click()
    assert page.page.evaluate("location.hash") == "#place=hoeryong"
    page.page.evaluate("history.back()")
    page.page.wait_for_function("location.hash === '#place=bridge'")
    page.page.wait_for_selector(".leaflet-popup .bm-popup[data-place='bridge']")
    page.page.wait_for_selector(".leaflet-popup .bm-popup[data-place='hoeryong']", state="detached")


def test_every_popup_offers_copy_link(open_map, bundled_map):
    page = open_map(bundled_map)
    assert page.open_popup("sanhe").locator(".bm-copy-link").inner_text() == "copy link"


def test_the_place_list_works_with_the_keyboard_alone(open_map, bundled_map):
    page = open_map(bundled_map)
    keyboard = page.page.keyboard
    for _ in range(40):
        keyboard.press("Tab")
        if page.page.evaluate("document.activeElement.id") == "bm-tab-text":
            break
    else:
        pytest.fail("the Text tab is not reachable with Tab")
    keyboard.press("ArrowRight")
    assert page.page.evaluate("document.activeElement.id") == "bm-tab-places"
    keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.id") == "bm-search"
    keyboard.press("Tab")
    assert page.page.evaluate("document.activeElement.dataset.place") == "hoeryong"
    keyboard.press("ArrowDown")
    assert page.page.evaluate("document.activeElement.dataset.place") == "bridge"
    assert page.page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # visible focus
    before = page.page.locator(".bm-live").inner_text()
    keyboard.press("Enter")
    assert popup_of(page, "bridge").count() == 1
    assert page.page.locator(".bm-live").inner_text() == "Selected: Bridge across the Tumen (Hoeryong–Sanhe)" != before


def test_the_list_says_which_places_are_unlocated_or_unnamed(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator("#bm-tab-places").click()
    status = {
        row.get_attribute("data-place"): row.locator(".bm-place-status").inner_text()
        for row in page.page.locator(".bm-place-row").all()
    }
    assert status["sanhe"] == "town · approximate · not named in the text"
    assert status["village_in_china"].endswith("· not on the map")
    assert status["hoeryong"] == "city · approximate · 4 mentions"


def test_search_covers_aliases_and_category_filters_hide_markers_and_rows(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator("#bm-tab-places").click()
    page.page.locator("#bm-search").fill("hoiryeong")
    visible = page.page.locator(".bm-place-row:not([hidden])")
    assert [r.get_attribute("data-place") for r in visible.all()] == ["hoeryong"]
    page.page.locator("#bm-search").fill("")
    page.page.locator(".bm-legend-title").click()
    assert page.page.locator("path.bm-line").count() == 1
    page.page.get_by_label("show river (border)").uncheck()
    assert page.page.locator("path.bm-line").count() == 0
    assert page.page.locator(".bm-place-row[data-place='tumen_river']").is_hidden()


def test_the_about_box_names_text_sources_date_and_counts(open_map, bundled_map):
    page = open_map(bundled_map)
    about = page.page.locator(".bm-about").inner_text()
    assert "One Free Korea, 14 February 2007" in about
    assert "GeoNames (CC BY 4.0)" in about and "OpenStreetMap" in about
    assert "7 of 8 places on the map · built " in about


def test_the_text_keeps_its_paragraphs_and_is_verbatim(open_map, bundled_map):
    page = open_map(bundled_map)
    paragraphs = page.page.locator(".bm-paragraph").all_text_contents()
    content = page.page.evaluate("window.bordermap.data.texts[0].content")
    lines = [line for line in content.split("\n")[1:] if line.strip()]
    assert paragraphs == lines


def test_no_serious_accessibility_violations(open_map, bundled_map):
    from axe_playwright_python.sync_playwright import Axe

    page = open_map(bundled_map)
    results = Axe().run(page.page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_on_a_phone_the_page_does_not_scroll_sideways_and_both_parts_are_reachable(open_map, bundled_map):
    page = open_map(bundled_map, viewport=(375, 667))
    assert page.page.evaluate("document.documentElement.scrollWidth") <= 375
    map_box = page.page.locator(".folium-map").bounding_box()
    assert map_box["height"] > 300 and map_box["width"] == 375
    text = page.page.locator(".bm-text")
    text.scroll_into_view_if_needed()
    assert text.is_visible()
    assert page.page.evaluate(
        "document.querySelector('.bm-panel').offsetTop >= document.querySelector('.folium-map').offsetHeight"
    )
    assert page.errors() == []


@pytest.mark.parametrize("line_end", ["\r", "\r\n"])
def test_a_text_with_old_mac_or_windows_line_endings_keeps_its_paragraphs(open_map, tmp_path, line_end):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lines = ["Deserters", "", "They crossed at Hoeryong.", "Sanhe is on the other bank.", "The end."]
    (seeds / "text.txt").write_bytes(line_end.join(lines).encode("utf-8"))
    output = tmp_path / "map.html"
    result = run_main("build", "--texts", str(seeds), "--places", str(PLACES), "-o", str(output))
    assert result.returncode == 0, result.stderr
    page = open_map(output)
    assert page.page.locator(".bm-text-title").inner_text() == "Deserters"
    paragraphs = page.page.locator(".bm-paragraph").evaluate_all("nodes => nodes.map(n => n.textContent)")
    assert paragraphs == lines[2:]
    assert page.page.locator(".bm-mention").all_inner_texts() == ["Hoeryong", "Sanhe"]
