"""The map inside an article's iframe (issue #23): no scroll trap, and a link to the full map."""


def _article_around(tmp_path, map_path):
    article = tmp_path / "article.html"
    article.write_text(
        '<!doctype html><html><body style="margin:0"><h1>An article</h1><p style="height:600px">Before.</p>'
        f'<iframe src="{map_path.resolve().as_uri()}" width="900" height="500" style="border:0"></iframe>'
        '<p style="height:1500px">After.</p></body></html>',
        encoding="utf-8",
    )
    return article


def test_an_embedded_map_lets_the_wheel_scroll_the_article_until_it_is_clicked(chromium, bundled_map, tmp_path):
    context = chromium.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.goto(_article_around(tmp_path, bundled_map).as_uri())
    frame = page.frames[1]
    frame.wait_for_function("window.bordermap !== undefined")
    assert frame.evaluate("window.bordermap.framed") is True
    page.evaluate("window.scrollTo(0, 500)")
    zoom = frame.evaluate("window.bordermap.map.getZoom()")
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(500)
    assert page.evaluate("window.scrollY") > 500  # the article scrolled
    assert frame.evaluate("window.bordermap.map.getZoom()") == zoom  # the map did not zoom
    page.evaluate("window.scrollTo(0, 500)")  # the map under the pointer again
    page.mouse.click(300, 400)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(800)
    assert frame.evaluate("window.bordermap.map.getZoom()") != zoom  # once clicked, the wheel zooms it
    link = frame.locator("a.bm-full-map")
    assert link.count() == 1 and link.get_attribute("target") == "_blank"
    assert link.get_attribute("href") == bundled_map.resolve().as_uri()
    context.close()


def test_a_map_opened_on_its_own_has_no_full_map_link_and_zooms_with_the_wheel(open_map, bundled_map):
    page = open_map(bundled_map).page
    assert page.evaluate("window.bordermap.framed") is False
    assert page.locator("a.bm-full-map").count() == 0
    zoom = page.evaluate("window.bordermap.map.getZoom()")
    page.mouse.move(300, 400)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(800)
    assert page.evaluate("window.bordermap.map.getZoom()") != zoom
