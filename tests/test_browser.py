"""The map as a reader meets it: real headless Chromium, network cut off (tiles get a blank pixel)."""

from conftest import BUNDLED, PLACES, run_cli


def test_the_bundled_map_opens_without_errors_or_foreign_requests(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.wait_for_timeout(300)
    assert page.errors() == []
    assert page.refused_requests == []
    assert page.tile_requests, "the OpenStreetMap basemap should ask for tiles"
    assert all("tile.openstreetmap.org" in url for url in page.tile_requests)
    assert page.page.title().endswith("companion map")


def test_clicking_hoeryong_shows_the_district_sentence_highlighted(open_map, bundled_map):
    page = open_map(bundled_map)
    page.click_point("hoeryong")
    popup = page.page.locator(".leaflet-popup .bm-popup[data-place='hoeryong']")
    district = popup.locator("blockquote", has_text="district of Hoiryeong")
    assert district.count() == 1
    assert district.locator("mark").all_inner_texts() == ["Hoiryeong"]
    assert "On the 4th, the DailyNK reported" in district.inner_text()


def test_the_bridge_popup_quotes_the_google_earth_sentence_and_says_it_is_an_estimate(open_map, bundled_map):
    page = open_map(bundled_map)
    popup = page.open_popup("bridge")
    quote = popup.locator("blockquote", has_text="You can see the bridge across the Tumen River border at left")
    assert quote.locator("mark").all_inner_texts() == ["the bridge"]
    assert popup.locator(".bm-position").inner_text() == "Approximate: 42.46583, 129.73867 · within 1.5 km"
    assert (
        popup.locator(".bm-whereabouts").inner_text().startswith("On the Tumen River, the border (0 m from its line)")
    )
    assert "Japanese TV Interviews" in quote.locator("cite").inner_text()


def test_more_than_three_quotes_fold_into_n_more(open_map, bundled_map):
    page = open_map(bundled_map)
    popup = page.open_popup("tumen_river")
    assert popup.locator(":scope > blockquote").count() == 3
    summary = popup.locator("details.bm-more summary")
    hidden = popup.locator("details.bm-more blockquote").count()
    assert hidden >= 1 and summary.inner_text() == f"{hidden} more"


def test_no_bundled_place_is_exact_so_none_gets_a_pin(open_map, bundled_map):
    page = open_map(bundled_map)
    assert page.page.locator(".leaflet-marker-icon").count() == 0
    assert page.on_canvas("bm-approximate") == 4  # Hoeryong, Sanhe, the bridge, the guard posts
    assert page.page.locator("path.bm-unknown").count() == 1  # where the guards crossed
    assert page.page.locator("path.bm-area").count() == 1  # the hills


def test_each_certainty_class_is_drawn_as_the_legend_says(open_map, tmp_path):
    places = tmp_path / "places.csv"
    places.write_text(
        "id,name,lat,lon,precision_m,source,certainty\n"
        "e,Exact post,42.45,129.74,20,read off imagery,\n"
        "a,Approximate town,42.47,129.73,1000,GeoNames,\n"
        "u,Unknown village,42.50,129.70,4000,a guess,unknown\n"
        "n,Nowhere,,,,,\n",
        encoding="utf-8",
    )
    output = tmp_path / "map.html"
    assert run_cli("build", *BUNDLED, "--places", str(places), "-o", str(output)).returncode == 0
    page = open_map(output)
    assert page.page.locator(".leaflet-marker-icon").evaluate_all("els => els.map(e => e.alt)") == ["Exact post"]
    assert page.on_canvas("bm-approximate") == 1
    assert page.on_canvas("bm-dot") == 1
    unknown = page.page.locator("path.bm-unknown")
    assert unknown.count() == 2  # the village's circle and the crossing area of the bundled shapes
    assert unknown.first.get_attribute("fill").startswith("url(#bm-hatch-")
    assert page.page.locator("svg defs pattern").count() >= 1
    assert page.open_popup("e").locator(".bm-position").inner_text() == "Exact: 42.45000, 129.74000 · within 20 m"
    assert page.open_popup("u").locator(".bm-position").inner_text().startswith("Unknown: 42.50000, 129.70000")
    page.page.locator(".bm-legend-title").click()
    key = page.page.locator(".bm-key-row").all_inner_texts()
    assert [row.split(":")[0] for row in key] == ["Pin", "Circle", "Dashed area", "Hatched", "Line"]
    assert page.errors() == []


def test_a_suggested_place_is_drawn_listed_and_explained_as_unreviewed_until_its_status_is_cleared(open_map, tmp_path):
    places = tmp_path / "places.csv"
    header = "id,name,lat,lon,precision_m,source,status\n"
    reviewed = "hoeryong,Hoeryong,42.44113,129.74601,2000,GeoNames 2044091,\n"
    suggested = "sanhe,Sanhe,42.4695,129.6886,2000,GeoNames 2034555,suggested\n"
    places.write_text(header + reviewed + suggested, encoding="utf-8")
    output = tmp_path / "map.html"
    assert run_cli("build", *BUNDLED, "--places", str(places), "-o", str(output)).returncode == 0
    page = open_map(output)
    assert page.on_canvas("bm-suggested") == 1
    assert page.page.evaluate("window.bordermap.layersOf('sanhe').some(l => l.options.className === 'bm-suggested')")
    assert (
        page.open_popup("sanhe")
        .locator(".bm-unreviewed")
        .inner_text()
        .startswith("Suggested by bordermap, not yet reviewed")
    )
    assert page.open_popup("hoeryong").locator(".bm-unreviewed").count() == 0
    page.page.locator(".bm-legend-title").click()
    assert page.page.locator(".bm-key-row").last.inner_text() == (
        "Dashed ring or band: suggested by bordermap, not yet reviewed (1)"
    )
    rows = page.page.locator(".bm-place-row .bm-place-status")
    assert [text.endswith("suggested, not reviewed") for text in rows.all_inner_texts()].count(True) == 1
    assert page.errors() == []

    places.write_text(header + reviewed + suggested.replace(",suggested", ","), encoding="utf-8")
    assert run_cli("build", *BUNDLED, "--places", str(places), "-o", str(output)).returncode == 0
    page = open_map(output)
    assert page.on_canvas("bm-suggested") == 0
    page.page.locator(".bm-legend-title").click()
    assert "not yet reviewed" not in " ".join(page.page.locator(".bm-key-row").all_inner_texts())
    assert page.open_popup("sanhe").locator(".bm-unreviewed").count() == 0


def test_a_place_nobody_can_locate_is_listed_not_pinned(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator("#bm-tab-places").click()
    item = page.page.locator(".bm-place-row[data-place='village_in_china']")
    assert item.locator(".bm-place-status").inner_text() == "village · unknown · 1 mention · not on the map"
    item.locator("summary").click()
    assert "a neighboring village in China" in item.locator("blockquote mark").inner_text()
    assert "Unknown: not on the map" in item.inner_text()


def test_the_legend_lists_every_category_and_hides_one_when_unticked(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator(".bm-legend-title").click()
    names = page.page.locator(".bm-legend .bm-category").all_inner_texts()
    assert names == ["city", "bridge", "guard post", "town", "village", "river (border)", "crossing", "terrain"]
    assert page.page.locator("path.bm-line").count() == 1
    page.page.locator(".bm-legend-row", has_text="river (border)").locator("input").uncheck()
    assert page.page.locator("path.bm-line").count() == 0


def test_the_attribution_credits_openstreetmap_and_geonames(open_map, bundled_map):
    page = open_map(bundled_map)
    attribution = page.page.locator(".leaflet-control-attribution").inner_text()
    assert "OpenStreetMap" in attribution and "GeoNames (CC BY 4.0)" in attribution


def test_the_offline_basemap_asks_for_no_tiles(open_map, bundled_map):
    page = open_map(bundled_map)
    page.page.locator(".leaflet-control-layers").hover()
    page.page.get_by_label("None (offline)").check()
    before = len(page.tile_requests)
    page.page.evaluate("window.bordermap.map.setZoom(window.bordermap.map.getZoom() + 1)")
    page.page.wait_for_timeout(400)
    assert len(page.tile_requests) == before
    assert page.page.locator(".leaflet-tile-pane img").count() == 0


def test_a_scale_bar_is_shown(open_map, bundled_map):
    page = open_map(bundled_map)
    assert page.page.locator(".leaflet-control-scale-line").count() == 2


def test_a_geocoded_place_says_where_its_position_came_from(open_map, tmp_path):
    places = tmp_path / "places.csv"
    places.write_bytes(
        PLACES.read_bytes() + b'kaishantun,Kaishantun,town,,,,,CN,,,,"Kaishantun, China",\n'
        b"xanadu,Xanadu,town,,,,,,,,,Xanadu,\n"
    )
    output = tmp_path / "map.html"
    result = run_cli("build", *BUNDLED, "--places", str(places), "-o", str(output), "--allow-unresolved")
    assert result.returncode == 0, result.stderr
    page = open_map(output)
    popup = page.open_popup("kaishantun")
    assert popup.locator(".bm-source").inner_text() == "Source: GeoNames gazetteer, id 2036339 ('Kaishantun', CN)"
    assert popup.locator(".bm-position").inner_text() == "Approximate: 42.70177, 129.75738 · within 1 km"
    page.page.locator("#bm-tab-places").click()
    unlocated = page.page.locator(".bm-place-row[data-place='xanadu']")
    unlocated.locator("summary").click()
    assert "Unknown: not on the map: 'Xanadu': not in the offline gazetteer" in unlocated.inner_text()
    assert page.errors() == []


def test_the_content_security_policy_refuses_anything_injected(open_map, bundled_map, tmp_path):
    # As if an escape had been missed: a foreign script, an inline script and an inline handler in the page.
    html = bundled_map.read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in html.split("<script", 1)[0]
    injected = (
        '<script src="https://evil.invalid/x.js"></script>'
        "<script>document.title = 'inline ran'</script>"
        "<img src=x onerror=\"document.title = 'handler ran'\">"
    )
    page_file = tmp_path / "map.html"
    page_file.write_text(html.replace("</body>", injected + "</body>"), encoding="utf-8")
    page = open_map(page_file)
    page.page.wait_for_timeout(300)
    assert page.refused_requests == []  # the browser never even asked for evil.invalid
    assert page.page.title().endswith("companion map")
    refusals = [m for m in page.console if "Content Security Policy" in m]
    assert len(refusals) >= 3
    assert page.page.locator(".bm-popup, .bm-panel").count() >= 1  # the map itself still works
