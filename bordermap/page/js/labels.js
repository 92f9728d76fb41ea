// Names on the map (issue #14): each place's name beside its symbol, an area's inside it, a line's at its middle;
// the places a title names first, then the most mentioned (issue #23); a name that would overlap one already placed,
// or another place's symbol, left out (its tooltip still names it),
// at most LIMIT at a time. Country names of the offline basemap come after every place. Drawn with a halo, so that
// they read on imagery and on an empty background, and never in the way of a click.
// Takes: the map, the page's data, the drawing (bmDrawing: which categories are hidden, a shape's bounds), the
// basemap's country labels, and freeRect(), the part of the map no control covers. Returns: update(shown), which
// names the places drawn one by one (draw.js calls it after each redraw).
function bmLabels(map, data, drawing, countryLabels, freeRect) {
  "use strict";
  var el = bmEl;
  var LIMIT = 60, MAX_CHARS = 32, GAP = 4;
  var NUDGES = [[0, 0], [0, -28], [0, 28], [-60, 0], [60, 0], [0, -56], [0, 56]];
  var pane = map.createPane("bm-labels");
  pane.style.zIndex = 640;  // over the data and its pins, under tooltips (650) and popups (700)
  pane.style.pointerEvents = "none";
  pane.classList.add("leaflet-zoom-hide");

  var measure = document.createElement("canvas").getContext("2d");
  var FONTS = {place: "600 12px system-ui, sans-serif", country: "400 11px system-ui, sans-serif"};
  var cache = new Map(), nodes = [], mentions = new Map();

  function shortName(name) { return name.length > MAX_CHARS ? name.slice(0, MAX_CHARS - 1) + "\u2026" : name; }

  function label(key, name, kind) {
    if (!cache.has(key)) {
      var text = shortName(kind === "country" ? name.toUpperCase() : name);
      measure.font = FONTS[kind];
      cache.set(key, {text: text, kind: kind, width: Math.ceil(measure.measureText(text).width) + 6, height: 16});
    }
    return cache.get(key);
  }

  function mentionsOf(i) {
    if (!mentions.has(i)) { mentions.set(i, data.mentions(i)); }
    return mentions.get(i);
  }

  // Whether a text names the place in its title (its first sentence starts the text): the place the story is about.
  var titled = new Map();
  function inTitle(i) {
    if (!titled.has(i)) {
      var named = false;
      data.eachPassage(i, function (textIndex, start) { if (start === 0) { named = true; } });
      titled.set(i, named);
    }
    return titled.get(i);
  }

  // The box a place's symbol takes on the map, which no other place's label may cover: a dot, a ring, or a pin.
  function symbolBox(i) {
    var p = map.latLngToContainerPoint([data.lat(i), data.lon(i)]), key = data.id(i);
    if (data.certainty(i) === "exact") { return [p.x - 11, p.y - 40, p.x + 11, p.y, key]; }
    var r = data.isSuggested(i) ? 9 : 5;
    return [p.x - r, p.y - r, p.x + r, p.y + r, key];
  }

  // The boxes a label of place i may take, in the map's pixels, in the order they are tried.
  function placements(i, size) {
    var w = size.width, h = size.height;
    if (data.isPoint(i)) {
      var p = map.latLngToContainerPoint([data.lat(i), data.lon(i)]);
      var exact = data.certainty(i) === "exact", side = exact ? 12 : (data.isSuggested(i) ? 13 : 7);
      var y = exact ? p.y - 28 : p.y;
      return [[p.x + side, y - h / 2], [p.x - side - w, y - h / 2]];
    }
    var at = data.labelAt(i);
    if (!at) { return []; }
    var bounds = drawing.boundsOf(i), nw = map.latLngToContainerPoint(bounds.getNorthWest()),
        se = map.latLngToContainerPoint(bounds.getSouthEast());
    var isLine = data.kind(i) === "line", across = Math.max(se.x - nw.x, se.y - nw.y);
    if (isLine ? across < w : (se.x - nw.x < w * 0.6 || se.y - nw.y < h)) { return []; }
    var lift = isLine ? 10 : 0;
    return [at].concat(inView(i, bounds, isLine)).map(function (latlng) {
      var c = map.latLngToContainerPoint(latlng);
      return [c.x - w / 2, c.y - h / 2 - lift];
    });
  }

  // Where else a shape may be named when its own label point is out of sight or taken: for an area, points of a
  // grid over the part of its box in view that are inside it, the middle first; for a line, its vertices in view
  // nearest the middle of the view.
  function inView(i, bounds, isLine) {
    var view = map.getBounds(), geometry = data.column.geometry(i);
    if (isLine) {
      var centre = view.getCenter(), vertices = [];
      eachPosition(geometry.coordinates, function (lon, lat) {
        if (view.contains([lat, lon])) {
          vertices.push([lat, lon, (lat - centre.lat) * (lat - centre.lat) + (lon - centre.lng) * (lon - centre.lng)]);
        }
      });
      vertices.sort(function (a, b) { return a[2] - b[2]; });
      return vertices.slice(0, 4).map(function (v) { return [v[0], v[1]]; });
    }
    var south = Math.max(view.getSouth(), bounds.getSouth()), north = Math.min(view.getNorth(), bounds.getNorth());
    var west = Math.max(view.getWest(), bounds.getWest()), east = Math.min(view.getEast(), bounds.getEast());
    var tries = [];  // a 5 x 5 grid over the part in view, the middle first
    for (var r = 0; r < 5; r++) {
      for (var c = 0; c < 5; c++) {
        tries.push([south + (north - south) * (r + 0.5) / 5, west + (east - west) * (c + 0.5) / 5, (r - 2) * (r - 2) + (c - 2) * (c - 2)]);
      }
    }
    tries.sort(function (a, b) { return a[2] - b[2]; });
    return tries.filter(function (t) { return bmInside(geometry, t[1], t[0]); }).slice(0, 4)
      .map(function (t) { return [t[0], t[1]]; });
  }

  function eachPosition(coordinates, visit) {
    if (typeof coordinates[0] === "number") { visit(coordinates[0], coordinates[1]); return; }
    coordinates.forEach(function (c) { eachPosition(c, visit); });
  }

  function node(k) {
    if (!nodes[k]) { nodes[k] = el("div", "bm-label"); pane.appendChild(nodes[k]); }
    return nodes[k];
  }

  // Places the labels of the given places (those drawn now), then the country names.
  function update(shown) {
    var places = shown.filter(function (i) { return !drawing.isHidden(data.category(i)); });
    places.sort(function (a, b) {
      return (inTitle(b) - inTitle(a)) || mentionsOf(b) - mentionsOf(a) || a - b;
    });
    var size = map.getSize(), free = freeRect();
    var area = {left: 0, top: free.top - 12, right: size.x, bottom: free.bottom + 12};
    var items = places.map(function (i) {
      var info = label(i, data.name(i), "place");
      return {key: data.id(i), info: info, width: info.width, height: info.height,
              corners: function () { return placements(i, info); }};
    });
    // A country's name goes at its own label point, or else at the one inside the map's places' bounds.
    countryLabels.forEach(function (country, index) {
      var info = label("country-" + index, country[0], "country");
      items.push({key: "", info: info, width: info.width, height: info.height, corners: function () {
        var corners = [];
        for (var at = 1; at + 1 < country.length; at += 2) {
          var c = map.latLngToContainerPoint([country[at], country[at + 1]]);
          // Its point, or near it when a place's symbol or name is there: a country is large.
          NUDGES.forEach(function (d) { corners.push([c.x - info.width / 2 + d[0], c.y - info.height / 2 + d[1]]); });
        }
        return corners;
      }});
    });
    var symbols = places.filter(function (i) { return data.isPoint(i); }).map(symbolBox);
    var placed = bmLayoutLabels(items, area, GAP, LIMIT, symbols);
    placed.forEach(function (spot, k) {
      var n = node(k);
      n.textContent = spot.item.info.text;
      n.className = "bm-label bm-label-" + spot.item.info.kind;
      n.setAttribute("data-place", spot.item.key);
      n.hidden = false;
      L.DomUtil.setPosition(n, map.containerPointToLayerPoint(spot.corner).round());
    });
    for (var rest = placed.length; rest < nodes.length; rest++) { nodes[rest].hidden = true; }
  }

  return {update: update};
}

// Label placement, pure arithmetic: each item ({key, width, height, corners}, its corners the top-left points it
// may take, in order, or a function giving them) in turn takes its first corner whose box lies inside the area and
// keeps GAP pixels from every box already taken, and does not cover any obstacle ([left, top, right, bottom, key]:
// the symbols of the places drawn) but its own place's; an item none fits is left out; at most `limit` are placed.
// Boxes are kept in a grid of CELL pixels, so that each test looks at the few boxes near it, not at all of them.
// Returns the placed items with their corners, in order.
function bmLayoutLabels(items, area, gap, limit, obstacles) {
  "use strict";
  var CELL = 64, grid = new Map(), placed = [];
  function cells(box, visit) {
    for (var cx = Math.floor((box[0] - gap) / CELL); cx <= Math.floor((box[2] + gap) / CELL); cx++) {
      for (var cy = Math.floor((box[1] - gap) / CELL); cy <= Math.floor((box[3] + gap) / CELL); cy++) {
        if (visit(cx + "," + cy) === false) { return false; }
      }
    }
    return true;
  }
  function add(box) {
    cells(box, function (cell) {
      if (!grid.has(cell)) { grid.set(cell, []); }
      grid.get(cell).push(box);
    });
  }
  function fits(box, key) {
    if (box[0] < area.left || box[1] < area.top || box[2] > area.right || box[3] > area.bottom) { return false; }
    return cells(box, function (cell) {
      return !(grid.get(cell) || []).some(function (b) {
        if (b[4] === undefined) {  // a label: kept `gap` pixels away
          return box[0] < b[2] + gap && b[0] < box[2] + gap && box[1] < b[3] + gap && b[1] < box[3] + gap;
        }
        return b[4] !== key && box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3];  // a symbol
      });
    });
  }
  (obstacles || []).forEach(add);
  for (var k = 0; k < items.length && placed.length < limit; k++) {
    var item = items[k], corners = typeof item.corners === "function" ? item.corners() : item.corners;
    for (var c = 0; c < corners.length; c++) {
      var box = [corners[c][0], corners[c][1], corners[c][0] + item.width, corners[c][1] + item.height];
      if (fits(box, item.key)) {
        add(box);
        placed.push({item: item, corner: corners[c]});
        break;
      }
    }
  }
  return placed;
}

// Whether the point (x, y) is inside a GeoJSON Polygon or MultiPolygon, by the even-odd rule over every ring:
// inside an outer ring and outside its holes. Pure arithmetic.
function bmInside(geometry, x, y) {
  "use strict";
  var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates, crossings = 0;
  polygons.forEach(function (rings) {
    rings.forEach(function (ring) {
      for (var a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        if ((ring[a][1] > y) !== (ring[b][1] > y) &&
            x < (ring[b][0] - ring[a][0]) * (y - ring[a][1]) / (ring[b][1] - ring[a][1]) + ring[a][0]) {
          crossings++;
        }
      }
    });
  });
  return crossings % 2 === 1;
}
