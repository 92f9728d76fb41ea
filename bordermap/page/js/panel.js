// The panel beside the map: what the map is about, then two tabs, the text and the list of places.
// Takes: the map, the page's data, the texts' articles (bmReading), placesPane(scroller) (bmPlaceList), and
// started(scroller), told once the panel is on the page. Returns: showTab(name), showing(name), announce(message),
// the element that scrolls the text (null on a phone, where the page scrolls) and the "Hide text" button.
function bmPanel(map, data, articles, placesPane, started) {
  "use strict";
  var el = bmEl;
  var textPane, listPane;

  function showTab(name) {
    [["text", textPane], ["places", listPane]].forEach(function (pair) {
      var tab = document.getElementById("bm-tab-" + pair[0]);
      tab.setAttribute("aria-selected", String(pair[0] === name));
      tab.tabIndex = pair[0] === name ? 0 : -1;
      pair[1].hidden = pair[0] !== name;
    });
  }

  // A corpus names its first texts and folds the rest: 250 titles would push the tabs off the screen.
  var TEXTS_NAMED = 3;

  function aboutBox() {
    var about = el("section", "bm-about");
    about.setAttribute("aria-label", "About this map");
    var more = null;
    if (data.texts.length > TEXTS_NAMED + 1) {
      more = el("details", "bm-more-texts");
      more.appendChild(el("summary", null, (data.texts.length - TEXTS_NAMED) + " more texts"));
    }
    data.texts.forEach(function (t, index) {
      var into = more && index >= TEXTS_NAMED ? more : about;
      if (into === more) { into.appendChild(el("p", "bm-title-more", t.title)); return; }
      about.appendChild(el("h1", "bm-title", t.title));
      var line = [t.publication, t.date].filter(Boolean).join(", ");
      var by = el("p", "bm-byline", line);
      if (/^https?:\/\//.test(t.url)) {
        var link = el("a", null, "original post");
        link.href = t.url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        if (line) { by.appendChild(document.createTextNode(" · ")); }
        by.appendChild(link);
      }
      about.appendChild(by);
    });
    if (more) { about.appendChild(more); }
    about.appendChild(el("p", "bm-built", data.located + " of " + data.count +
      " places on the map · built " + data.meta.built + " with bordermap"));
    if (data.meta.credits.length) { about.appendChild(el("p", "bm-credits", "Data: " + data.meta.credits.join("; "))); }
    return about;
  }

  function pane(name) {
    var box = el("div", "bm-pane");
    box.id = "bm-pane-" + name;
    box.setAttribute("role", "tabpanel");
    box.setAttribute("aria-labelledby", "bm-tab-" + name);
    return box;
  }

  var panel = el("aside", "bm-panel");
  panel.id = "bm-panel";
  panel.setAttribute("aria-label", "Text and places");
  var live = el("div", "bm-live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  panel.appendChild(live);
  var toggle = el("button", "bm-collapse", "Hide text");
  toggle.type = "button";
  toggle.setAttribute("aria-controls", "bm-panel-body");
  toggle.setAttribute("aria-expanded", "true");
  var body = el("div", "bm-panel-body");
  body.id = "bm-panel-body";
  toggle.addEventListener("click", function () {
    var open = body.hidden;
    body.hidden = !open;
    panel.classList.toggle("bm-collapsed", !open);
    toggle.textContent = open ? "Hide text" : "Show text";
    toggle.setAttribute("aria-expanded", String(open));
    map.invalidateSize();
  });
  panel.appendChild(toggle);
  body.appendChild(aboutBox());
  var tabs = el("div", "bm-tabs");
  tabs.setAttribute("role", "tablist");
  [["text", "Text"], ["places", "Places"]].forEach(function (pair) {
    var tab = el("button", "bm-tab", pair[1]);
    tab.type = "button";
    tab.id = "bm-tab-" + pair[0];
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", "bm-pane-" + pair[0]);
    tab.addEventListener("click", function () { showTab(pair[0]); });
    tab.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        var other = pair[0] === "text" ? "places" : "text";
        showTab(other);
        document.getElementById("bm-tab-" + other).focus();
      }
    });
    tabs.appendChild(tab);
  });
  body.appendChild(tabs);
  textPane = pane("text");
  articles.forEach(function (article) { textPane.appendChild(article); });
  listPane = pane("places");
  body.appendChild(textPane);
  body.appendChild(listPane);
  panel.appendChild(body);
  document.body.classList.add("bm-reading");
  document.body.insertBefore(panel, document.body.firstChild);
  // On a wide screen the panel scrolls; on a phone the page does (map.css), and chunks are watched against it.
  var scroller = getComputedStyle(panel).overflowY === "auto" ? panel : null;
  listPane.appendChild(placesPane(scroller));
  started(scroller);
  showTab("text");
  map.invalidateSize();

  return {
    showTab: showTab,
    showing: function (name) { return !(name === "text" ? textPane : listPane).hidden; },
    announce: function (message) { live.textContent = message; },
    scroller: scroller,
    collapseButton: toggle
  };
}
