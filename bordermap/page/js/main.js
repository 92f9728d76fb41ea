// Builds the page around the folium map: data, drawing, popups, the reading panel, the list, the legend, the tour,
// and the permalinks that tie them together (#place=id, #tour=n).
function bordermapRender(map) {
  "use strict";
  var raw = JSON.parse(document.getElementById("bordermap-data").textContent);
  var bm = {map: map, data: bmData(raw)};
  var data = bm.data;
  bmPopups(bm);
  bmBasemap(bm);
  bmDrawing(bm);
  bmLabels(bm);
  bmReading(bm);
  bmPlaceList(bm);
  bmPanel(bm);
  bmLegend(bm);
  bmControls(bm);

  function asHtmlText(s) {
    // Leaflet's attribution control takes HTML; the browser escapes the string for us.
    var holder = document.createElement("div");
    holder.textContent = s;
    return holder.innerHTML;
  }

  // The view fits what is drawn inside the map as the reader sees it: after the panel took its share of the
  // window, and clear of the controls in its corners.
  function fitAll() {
    if (data.meta.bounds) { map.fitBounds(data.meta.bounds, bm.fitOptions({maxZoom: 15, animate: false})); }
  }
  bm.fitAll = fitAll;

  function followFirstPassage(i) {
    var first = data.firstPassage(i);
    if (first) { bm.followSentence(data.texts[first[0]].id, first[1]); }
  }

  var selecting = false;
  // Shows a place: flies to it and opens its popup (or its row, if it is not on the map), and marks its first
  // passage in the text, scrolled into view; a click on a mention passes the sentence it was in, marked in place.
  function select(id, push, sentence) {
    var i = data.indexOf(id);
    if (i === undefined) { return; }
    selecting = true;
    if (data.isPoint(i) || data.hasShape(i)) {
      map.fitBounds(bm.boundsOf(i), bm.fitOptions({maxZoom: 13, animate: false}));
      bm.refreshDrawing();
      bm.openPopup(i);
    } else {
      bm.showTab("places");
      bm.openRow(id);
    }
    selecting = false;
    if (sentence) { bm.markNode(sentence); } else { followFirstPassage(i); }
    bm.announce("Selected: " + data.name(i));
    var hash = "#place=" + encodeURIComponent(id);
    if (push && !bm.touring() && location.hash !== hash) { history.pushState(null, "", hash); }
  }
  bm.select = select;

  function selectFromHash() {
    var tour = /^#tour=(\d+)$/.exec(location.hash);
    if (tour) { bm.tourTo(parseInt(tour[1], 10), false); return; }
    bm.endTour(false);
    var match = /^#place=(.+)$/.exec(location.hash);
    var id = null;
    try { id = match ? decodeURIComponent(match[1]) : null; } catch (malformed) { id = null; }  // "#place=%"
    if (id !== null) { select(id, false); } else { map.closePopup(); }
  }

  map.on("popupopen", function (event) {
    // A popup's content is a function until it opens; what it made is in the popup's element.
    var content = event.popup.getElement().querySelector(".bm-popup");
    var id = content ? content.getAttribute("data-place") : null;
    if (!id) { return; }
    var hash = "#place=" + encodeURIComponent(id);
    if (!bm.touring() && location.hash !== hash) { history.pushState(null, "", hash); }
    var i = data.indexOf(id);
    if (i === undefined) { return; }
    bm.announce("Selected: " + data.name(i));
    if (!selecting) { followFirstPassage(i); }  // a click on the map
  });

  // Leaflet keeps attributions in a plain object keyed by their HTML: wrapped, "constructor" is not a key.
  data.meta.credits.forEach(function (credit) {
    map.attributionControl.addAttribution('<span class="bm-credit">' + asHtmlText(credit) + "</span>");
  });
  document.documentElement.lang = (data.texts[0] && data.texts[0].language) || "en";
  document.title = data.texts.map(function (t) { return t.title; }).join(" · ") + " — companion map";
  bmTour(bm);
  window.bordermap = {map: map, data: raw, select: select, layers: bm.layersById, layersOf: bm.layersOf,
                      isDense: bm.isDense, tour: bm.tourSteps, visibleRect: bm.freeRect, fit: fitAll};
  window.addEventListener("popstate", function () { selectFromHash(); });
  fitAll();
  bm.startDrawing();
  selectFromHash();
}
