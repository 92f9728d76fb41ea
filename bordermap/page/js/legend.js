// The legend: a row per category, with its colour, its count and a box to hide it; then what each symbol means.
// Takes: the map, the page's data, and toggled(name, visible), told when a reader shows or hides a category.
// Returns: the corner it sits in (where bmControls puts the ⓘ of the credits) and its box.
function bmLegend(map, data, toggled) {
  "use strict";
  var el = bmEl;
  var counts = new Map(), suggested = 0;
  for (var i = 0; i < data.count; i++) {
    counts.set(data.category(i), (counts.get(data.category(i)) || 0) + 1);
    if (data.isSuggested(i)) { suggested++; }
  }

  var control = L.control({position: "bottomright"});
  control.onAdd = function () {
    var box = el("details", "bm-legend bm-box");
    // Open where the map has room for it; on a narrower map it would cover the places.
    box.open = map.getSize().x >= 900;
    box.appendChild(el("summary", "bm-legend-title", "Legend"));
    data.meta.categories.forEach(function (c) {
      var row = el("label", "bm-legend-row");
      var check = el("input");
      check.type = "checkbox";
      check.checked = true;
      check.setAttribute("aria-label", "show " + c.name);
      check.addEventListener("change", function () { setCategoryVisible(c.name, check.checked); });
      row.appendChild(check);
      var swatch = el("span", "bm-swatch");
      swatch.style.background = c.color;
      row.appendChild(swatch);
      row.appendChild(el("span", "bm-category", c.name));
      row.title = c.name;
      row.appendChild(el("span", "bm-count", " (" + (counts.get(c.name) || 0) + ")"));
      box.appendChild(row);
    });
    var key = el("div", "bm-key");
    key.appendChild(el("h4", null, "How sure"));
    [["bm-key-exact", "Pin: exact, within 50 m (surveyed or read off imagery)"],
     ["bm-key-approximate", "Circle: approximate; the place is somewhere inside"],
     ["bm-key-area", "Dashed area: somewhere inside the area"],
     ["bm-key-unknown", "Hatched: unknown; the text gives no place, this only says roughly where"],
     ["bm-key-line", "Line: a river, road or border"]].concat(suggested ? [["bm-key-suggested",
      "Dashed ring or band: suggested by bordermap, not yet reviewed (" + suggested + ")"]] : []).forEach(function (item) {
      var row = el("div", "bm-key-row");
      row.appendChild(el("span", "bm-key-symbol " + item[0]));
      row.appendChild(el("span", null, item[1]));
      key.appendChild(row);
    });
    box.appendChild(key);
    // The corner holds the legend and, beside it, the ⓘ of the attribution (bmControls).
    var corner = el("div", "bm-corner");
    corner.appendChild(box);
    L.DomEvent.disableClickPropagation(corner);
    L.DomEvent.disableScrollPropagation(corner);
    return corner;
  };

  function setCategoryVisible(name, visible) {
    document.querySelectorAll(".bm-legend-row input").forEach(function (check) {
      if (check.getAttribute("aria-label") === "show " + name) { check.checked = visible; }
    });
    toggled(name, visible);
  }

  control.addTo(map);
  var corner = control.getContainer();
  return {corner: corner, box: corner.querySelector(".bm-legend")};
}
