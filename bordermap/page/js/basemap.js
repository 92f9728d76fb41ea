// The offline basemap (issue #14): Natural Earth's land, coasts and borders around the map's places, shipped in the
// page and drawn under the tiles, so that it shows when there are none ("None (offline)") or they fail to load.
// Takes: the map and the page's basemap (or null). Returns: countryLabels, each [name, lat, lon, (lat, lon inside
// the places' bounds)], for the labels to place after every place's.
function bmBasemap(map, basemap) {
  "use strict";
  if (!basemap) { return {countryLabels: []}; }
  var pane = map.createPane("bm-basemap");
  pane.style.zIndex = 150;  // under the tiles (200)
  pane.style.pointerEvents = "none";
  var q = basemap.quantum, renderer = L.canvas({pane: "bm-basemap", padding: 0.5});

  function decode(flat) {
    var points = [], x = 0, y = 0;
    for (var k = 0; k < flat.length; k += 2) {
      x += flat[k];
      y += flat[k + 1];
      points.push([y * q, x * q]);
    }
    return points;
  }

  var common = {renderer: renderer, interactive: false, pane: "bm-basemap"};
  // All land in one path filled non-zero: a country's rings and its neighbours' never cancel each other.
  if (basemap.land.length) {
    L.polygon(basemap.land.map(decode), L.extend({stroke: false, fillColor: "#f4f1e8", fillOpacity: 1,
                                                  fillRule: "nonzero"}, common)).addTo(map);
  }
  // Natural Earth's lakes and rivers (issue #21): water over the land, under the coasts and borders. At 1:10m they
  // are a kilometre or two off: past WATER_MAX_ZOOM they would draw a second river beside the map's own.
  var WATER_MAX_ZOOM = 10, water = L.layerGroup();
  if (basemap.lakes && basemap.lakes.length) {
    water.addLayer(L.polygon(basemap.lakes.map(decode), L.extend({color: "#6d8797", weight: 0.6, fillColor: "#d4e3ec",
                                                                 fillRule: "evenodd", fillOpacity: 1}, common)));
  }
  if (basemap.rivers && basemap.rivers.length) {
    water.addLayer(L.polyline(basemap.rivers.map(decode), L.extend({color: "#5d9cd0", weight: 1.2, opacity: 0.9},
                                                                   common)));
  }
  function showWater() {
    if (map.getZoom() <= WATER_MAX_ZOOM) { water.addTo(map); } else { water.remove(); }
  }
  map.on("zoomend", showWater);
  map.whenReady(showWater);
  if (basemap.coast.length) {
    L.polyline(basemap.coast.map(decode), L.extend({color: "#6d8797", weight: 1, opacity: 0.9}, common)).addTo(map);
  }
  if (basemap.border.length) {
    L.polyline(basemap.border.map(decode), L.extend({color: "#8f7f8f", weight: 1.2, opacity: 0.9, dashArray: "5 3"},
                                                    common)).addTo(map);
  }
  map.getContainer().classList.add("bm-has-basemap");
  map.attributionControl.addAttribution("Natural Earth");
  return {countryLabels: basemap.countries};
}
