// The map's corners (issue #14): the attribution folds behind an ⓘ button on a narrow map, the view and the popups
// keep clear of the controls, and an open legend gives way to a popup it would cover.
// Takes: the map, the legend (bmLegend: its corner and box), and the popups' options, whose padding it keeps up to
// date. Returns: freeRect(), the part of the map no control covers; fitOptions(extra) for fitBounds into it; and
// updatePadding(), for whoever adds or removes a control.
function bmControls(map, legend, popupOptions) {
  "use strict";
  var el = bmEl;
  var MARGIN = 12, NARROW = 700;

  // Bottom-right: the legend with the ⓘ beside it, and above them the attribution it opens. Leaflet stacks a
  // bottom corner's controls upwards in the order they are added.
  var attribution = map.attributionControl;
  attribution.remove();
  var button = el("button", "bm-attribution-toggle bm-box", "i");
  button.type = "button";
  button.setAttribute("aria-label", "Map data and credits");
  button.title = "Map data and credits";
  button.addEventListener("click", function () { showAttribution(button.getAttribute("aria-expanded") !== "true"); });
  legend.corner.appendChild(button);
  attribution.addTo(map);
  var credits = attribution.getContainer();
  credits.id = "bm-attribution";
  button.setAttribute("aria-controls", credits.id);

  function showAttribution(open) {
    credits.classList.toggle("bm-folded", !open);
    button.setAttribute("aria-expanded", String(open));
  }
  showAttribution(map.getSize().x >= NARROW);

  // The part of the map no control covers, in the map's pixels: the band below the top controls and above the
  // bottom ones, a margin in from each side.
  function freeRect() {
    var size = map.getSize(), box = map.getContainer().getBoundingClientRect(), top = 0, bottom = 0;
    map.getContainer().querySelectorAll(".leaflet-top .leaflet-control").forEach(function (control) {
      if (control.offsetParent !== null) { top = Math.max(top, control.getBoundingClientRect().bottom - box.top); }
    });
    map.getContainer().querySelectorAll(".leaflet-bottom .leaflet-control").forEach(function (control) {
      if (control.offsetParent !== null) {
        bottom = Math.max(bottom, box.bottom - control.getBoundingClientRect().top);
      }
    });
    return {left: MARGIN, top: Math.round(top) + MARGIN, right: size.x - MARGIN,
            bottom: size.y - Math.round(bottom) - MARGIN};
  }

  // Popups read these arrays when they pan into view: one pair for all, kept up to date here.
  var padTopLeft = popupOptions.autoPanPaddingTopLeft, padBottomRight = popupOptions.autoPanPaddingBottomRight;
  function updatePadding() {
    var free = freeRect(), size = map.getSize();
    padTopLeft[0] = free.left;
    padTopLeft[1] = free.top;
    padBottomRight[0] = size.x - free.right;
    padBottomRight[1] = size.y - free.bottom;
    // A popup as tall as the free band allows, less its tip and frame: the map then pans it clear of the controls.
    map.getContainer().style.setProperty("--bm-popup-height", Math.max(120, free.bottom - free.top - 48) + "px");
  }

  function fitOptions(extra) {
    var free = freeRect(), size = map.getSize();
    var options = {paddingTopLeft: [free.left, free.top],
                   paddingBottomRight: [size.x - free.right, size.y - free.bottom]};
    Object.keys(extra || {}).forEach(function (key) { options[key] = extra[key]; });
    return options;
  }

  function overlaps(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
  function clearPopup() {
    var popup = map.getContainer().querySelector(".leaflet-popup");
    var box = legend.box;
    if (popup && box.open && overlaps(popup.getBoundingClientRect(), box.getBoundingClientRect())) {
      box.open = false;
    }
  }
  map.on("popupopen", function () { updatePadding(); clearPopup(); });
  map.on("moveend", clearPopup);
  map.on("resize", updatePadding);
  updatePadding();
  return {freeRect: freeRect, fitOptions: fitOptions, updatePadding: updatePadding};
}
