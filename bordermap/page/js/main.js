// Builds the page around the folium map, in one visible order: each script takes what it needs and returns its API
// (issue #20). A few scripts are told of a later one's work through a function passed here (the labels, made after
// the drawing, name what it draws); such a function is called only once the page is built.
function bordermapRender(map) {
  "use strict";
  var raw = JSON.parse(document.getElementById("bordermap-data").textContent);
  var data = bmData(raw);
  var panel, list, labels, controls, tour;  // made below; the functions passed before them call them later

  var popups = bmPopups(map.getSize().x, function (textId, start) { showInContext(textId, start); });
  var basemap = bmBasemap(map, data.meta.basemap);
  var drawing = bmDrawing(map, data, popups, function (shown) { labels.update(shown); });
  labels = bmLabels(map, data, drawing, basemap.countryLabels, function () { return controls.freeRect(); });
  var reading = bmReading(data, drawing.highlight, function (id, push, sentence) { select(id, push, sentence); });
  list = bmPlaceList(data, popups, drawing.isHidden, function (id, push) { select(id, push); });
  panel = bmPanel(map, data, reading.articles(), list.pane, reading.start);
  var legend = bmLegend(map, data, function (name, visible) {
    drawing.setCategoryVisible(name, visible);
    list.filter();
  });
  controls = bmControls(map, legend, popups.options);

  function asHtmlText(s) {
    // Leaflet's attribution control takes HTML; the browser escapes the string for us.
    var holder = document.createElement("div");
    holder.textContent = s;
    return holder.innerHTML;
  }

  // The view fits what is drawn inside the map as the reader sees it: after the panel took its share of the
  // window, and clear of the controls in its corners.
  function fitAll() {
    if (data.meta.bounds) { map.fitBounds(data.meta.bounds, controls.fitOptions({maxZoom: 15, animate: false})); }
  }

  function showInContext(textId, start) {
    panel.showTab("text");
    var sentence = reading.mark(textId, start);
    if (sentence) { reading.scrollTo(sentence, panel.scroller); }
  }

  // Marks the sentence; scrolls it into view only where the panel scrolls on its own: on a phone, scrolling the
  // page would take the map the reader is looking at off the screen.
  function followFirstPassage(i) {
    var first = data.firstPassage(i);
    if (!first) { return; }
    var sentence = reading.mark(data.texts[first[0]].id, first[1]);
    if (sentence && panel.scroller && panel.showing("text")) { reading.scrollTo(sentence, panel.scroller); }
  }

  var selecting = false;
  // Shows a place: flies to it and opens its popup (or its row, if it is not on the map), and marks its first
  // passage in the text, scrolled into view; a click on a mention passes the sentence it was in, marked in place.
  function select(id, push, sentence) {
    var i = data.indexOf(id);
    if (i === undefined) { return; }
    selecting = true;
    if (data.isPoint(i) || data.hasShape(i)) {
      map.fitBounds(drawing.boundsOf(i), controls.fitOptions({maxZoom: 13, animate: false}));
      drawing.refresh();
      drawing.openPopup(i);
    } else {
      panel.showTab("places");
      list.openRow(id);
    }
    selecting = false;
    if (sentence) { reading.markNode(sentence); } else { followFirstPassage(i); }
    panel.announce("Selected: " + data.name(i));
    var hash = "#place=" + encodeURIComponent(id);
    if (push && !tour.touring() && location.hash !== hash) { history.pushState(null, "", hash); }
  }

  function selectFromHash() {
    var step = /^#tour=(\d+)$/.exec(location.hash);
    if (step) { tour.tourTo(parseInt(step[1], 10), false); return; }
    tour.endTour(false);
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
    if (!tour.touring() && location.hash !== hash) { history.pushState(null, "", hash); }
    var i = data.indexOf(id);
    if (i === undefined) { return; }
    panel.announce("Selected: " + data.name(i));
    if (!selecting) { followFirstPassage(i); }  // a click on the map
  });

  // Leaflet keeps attributions in a plain object keyed by their HTML: wrapped, "constructor" is not a key.
  data.meta.credits.forEach(function (credit) {
    map.attributionControl.addAttribution('<span class="bm-credit">' + asHtmlText(credit) + "</span>");
  });
  document.documentElement.lang = (data.texts[0] && data.texts[0].language) || "en";
  document.title = data.texts.map(function (t) { return t.title; }).join(" · ") + " — companion map";
  tour = bmTour(map, data, select, panel.announce, controls.updatePadding, panel.collapseButton);
  // What the reader sees of the map: the part no control covers.
  function seenArea() {
    var free = controls.freeRect();
    return L.latLngBounds(map.containerPointToLatLng([free.left, free.top]),
                          map.containerPointToLatLng([free.right, free.bottom]));
  }
  var printing = bmPrint(map, data, popups.positionLine, reading.renderAll, seenArea, controls.fitOptions);
  var embedded = bmEmbed(map);
  window.bordermap = {map: map, data: raw, select: select, layers: drawing.layersById, layersOf: drawing.layersOf,
                      isDense: drawing.isDense, tour: tour.steps, visibleRect: controls.freeRect, fit: fitAll,
                      print: printing, framed: embedded.framed};
  window.addEventListener("popstate", function () { selectFromHash(); });
  fitAll();
  drawing.start();
  selectFromHash();
}
