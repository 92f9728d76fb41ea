// Builds the page around the folium map: data, drawing, popups, the reading panel, the list, the legend, and the
// permalinks that tie them together (#place=id).
function bordermapRender(map) {
  "use strict";
  var raw = JSON.parse(document.getElementById("bordermap-data").textContent);
  var bm = {map: map, data: bmData(raw)};
  var data = bm.data;
  bmPopups(bm);
  bmDrawing(bm);
  bmReading(bm);
  bmPlaceList(bm);
  bmPanel(bm);
  bmLegend(bm);

  function asHtmlText(s) {
    // Leaflet's attribution control takes HTML; the browser escapes the string for us.
    var holder = document.createElement("div");
    holder.textContent = s;
    return holder.innerHTML;
  }

  function select(id, push) {
    var i = data.indexOf(id);
    if (i === undefined) { return; }
    if (data.isPoint(i) || data.hasShape(i)) {
      map.fitBounds(bm.boundsOf(i), {maxZoom: 13, animate: false});
      bm.refreshDrawing();
      bm.openPopup(i);
    } else {
      bm.showTab("places");
      bm.openRow(id);
    }
    var first = null;
    data.eachPassage(i, function (textIndex, start) { if (first === null) { first = [data.texts[textIndex].id, start]; } });
    if (first) { bm.markSentence(first[0], first[1]); }
    bm.announce("Selected: " + data.name(i));
    var hash = "#place=" + encodeURIComponent(id);
    if (push && location.hash !== hash) { history.pushState(null, "", hash); }
  }
  bm.select = select;

  function selectFromHash() {
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
    if (location.hash !== hash) { history.pushState(null, "", hash); }
    var i = data.indexOf(id);
    if (i !== undefined) { bm.announce("Selected: " + data.name(i)); }
  });

  // Leaflet keeps attributions in a plain object keyed by their HTML: wrapped, "constructor" is not a key.
  data.meta.credits.forEach(function (credit) {
    map.attributionControl.addAttribution('<span class="bm-credit">' + asHtmlText(credit) + "</span>");
  });
  document.documentElement.lang = (data.texts[0] && data.texts[0].language) || "en";
  document.title = data.texts.map(function (t) { return t.title; }).join(" · ") + " — companion map";
  window.bordermap = {map: map, data: raw, select: select, layers: bm.layersById, layersOf: bm.layersOf,
                      isDense: bm.isDense};
  window.addEventListener("popstate", function () { selectFromHash(); });
  selectFromHash();
}
