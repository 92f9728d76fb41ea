// Inside a frame (issue #23): a map embedded in an article must not trap its reader's scrolling, and says where the
// full map is. The wheel zooms the map only once the reader has clicked it (until the pointer leaves it); a link in
// a corner opens the whole page in a tab of its own.
// Takes: the map. Returns: framed, true inside a frame.
function bmEmbed(map) {
  "use strict";
  var framed;
  try { framed = window.self !== window.top; } catch (crossOrigin) { framed = true; }
  if (!framed) { return {framed: false}; }
  document.documentElement.classList.add("bm-framed");
  map.scrollWheelZoom.disable();
  map.on("click focus", function () { map.scrollWheelZoom.enable(); });
  map.on("mouseout blur", function () { map.scrollWheelZoom.disable(); });
  var FullMap = L.Control.extend({
    options: {position: "topright"},
    onAdd: function () {
      var link = bmEl("a", "bm-full-map bm-box", "Open the full map \u2197");
      link.href = window.location.href;
      link.target = "_blank";
      link.rel = "noopener";
      link.title = "Zoom with the wheel after a click on the map";
      L.DomEvent.disableClickPropagation(link);
      return link;
    }
  });
  new FullMap().addTo(map);
  return {framed: true};
}
