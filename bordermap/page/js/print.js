// Printing (issue #23): the map at the view the reader has, with its legend and scale bar, fills the first page; then
// the whole text with the place names marked; then every place with its position and source. The list is made, and
// the text's unread chunks built, only when the browser is about to print.
// Takes: the map, the page's data, positionLine(feature) (bmPopups: the words a popup says of a position),
// renderAll() (bmReading: every chunk of the texts built), seenArea() (the map's bounds no control covers) and
// fitOptions(extra) (bmControls: fitBounds into that part). Returns: prepare() and finish(), which the browser's
// beforeprint and afterprint events call. The printed map shows what the reader saw, fitted to the part of the paper's
// map that the legend, printed open, leaves free.
function bmPrint(map, data, positionLine, renderAll, seenArea, fitOptions) {
  "use strict";
  var el = bmEl;
  var list = null, view = null, closedLegends = [];

  function placesList() {
    var section = el("section", "bm-print-places");
    section.appendChild(el("h2", null, "Places"));
    var table = el("table", "bm-print-table");
    var head = el("tr");
    ["Place", "Category", "Position", "Source"].forEach(function (name) { head.appendChild(el("th", null, name)); });
    table.appendChild(head);
    for (var i = 0; i < data.count; i++) {
      var feature = data.feature(i), p = feature.properties;
      var row = el("tr");
      row.appendChild(el("td", null, p.name + (p.status === "suggested" ? " (not yet reviewed)" : "")));
      row.appendChild(el("td", null, p.category + (p.country ? " · " + p.country : "")));
      row.appendChild(el("td", null, positionLine(feature)));
      row.appendChild(el("td", null, [p.source].concat(p.attribution || []).filter(Boolean).join(" · ")));
      table.appendChild(row);
    }
    section.appendChild(table);
    return section;
  }

  function prepare() {
    if (document.documentElement.classList.contains("bm-printing")) { return; }  // told twice, as some browsers do
    if (!list) {
      list = placesList();
      document.body.appendChild(list);
    }
    renderAll();
    view = {center: map.getCenter(), zoom: map.getZoom()};
    var seen = seenArea();
    map.closePopup();
    // On paper the legend cannot be opened: it is printed open.
    closedLegends = Array.prototype.filter.call(document.querySelectorAll("details.bm-legend"), function (d) {
      return !d.open;
    });
    closedLegends.forEach(function (d) { d.open = true; });
    document.documentElement.classList.add("bm-printing");
    map.invalidateSize({animate: false});
    map.fitBounds(seen, fitOptions({animate: false}));
  }

  function finish() {
    closedLegends.forEach(function (d) { d.open = false; });
    closedLegends = [];
    document.documentElement.classList.remove("bm-printing");
    map.invalidateSize({animate: false});
    if (view) { map.setView(view.center, view.zoom, {animate: false}); }
  }

  window.addEventListener("beforeprint", prepare);
  window.addEventListener("afterprint", finish);
  return {prepare: prepare, finish: finish};
}
