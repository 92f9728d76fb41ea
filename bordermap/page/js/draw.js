// Drawing (issue #12). A place gets Leaflet layers only while it is in view and at most DETAIL_LIMIT points are:
// pins, circles and dots as the legend says, a few hundred at most, whatever the size of the map. Where more are in
// view, one canvas draws them all as dots, at most one per few pixels, so that a frame costs what the screen holds
// and not what the data holds. Lines and areas are always drawn: as SVG while they are few (a hatch marks an area
// whose place is unknown), on the points' canvas beyond DENSE_SHAPES (issue #22: 16,000 lines and 16,000 areas in
// SVG made every pan a 0.4 s task), where an unknown area is a plain, denser fill.
// Takes: the map, the page's data (bmData), the popups (bmPopups), and drawn(indexes), told after each redraw which
// places are drawn one by one (the labels name them). Returns: what the rest of the page asks of the drawing.
function bmDrawing(map, data, popups, drawn) {
  "use strict";
  var el = bmEl;
  var DETAIL_LIMIT = 1500, UNKNOWN_RADIUS_M = 5000, FINGERTIP_PX = 10, DENSE_SHAPES = 1000, SHAPE_DETAIL_LIMIT = 1500;
  var SUGGESTED_COLOR = "#D55E00";  // vermilion: apart from every category colour, also for colour-blind readers
  var GRID = 4096, WORLD = 256, CELL_BITS = 2097152;  // 2^21: index bits of a sort key
  var STEP = 3, TINY_PX = 4;  // the dense view: one mark per STEP pixels; a shape under TINY_PX across is a mark

  var colors = new Map();
  data.meta.categories.forEach(function (c) { colors.set(c.name, c.color); });
  var groups = new Map();
  data.meta.categories.forEach(function (c) { groups.set(c.name, L.featureGroup().addTo(map)); });
  var hidden = new Map();

  var pinIcon = L.icon({
    iconUrl: data.meta.icons["marker-icon"],
    iconRetinaUrl: data.meta.icons["marker-icon-2x"],
    shadowUrl: data.meta.icons["marker-shadow"],
    iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], tooltipAnchor: [16, -28], shadowSize: [41, 41]
  });

  var hatches = new Map();
  function hatch(color) {
    // An SVG pattern per colour; Leaflet copies fillColor into the path's fill attribute as it is.
    if (!hatches.has(color)) { hatches.set(color, "bm-hatch-" + hatches.size); }
    return "url(#" + hatches.get(color) + ")";
  }
  var patternsDrawn = new Set();
  function addHatchPatterns() {
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg) { return; }
    var ns = "http://www.w3.org/2000/svg";
    var defs = svg.querySelector("defs.bm-hatches");
    if (!defs) {
      defs = document.createElementNS(ns, "defs");
      defs.setAttribute("class", "bm-hatches");
      svg.insertBefore(defs, svg.firstChild);
    }
    hatches.forEach(function (patternId, color) {
      if (patternsDrawn.has(patternId)) { return; }
      patternsDrawn.add(patternId);
      var pattern = document.createElementNS(ns, "pattern");
      pattern.setAttribute("id", patternId);
      pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", "8");
      pattern.setAttribute("height", "8");
      pattern.setAttribute("patternTransform", "rotate(45)");
      var stripe = document.createElementNS(ns, "rect");
      stripe.setAttribute("width", "3");
      stripe.setAttribute("height", "8");
      stripe.setAttribute("fill", color);
      stripe.setAttribute("fill-opacity", "0.35");
      pattern.appendChild(stripe);
      defs.appendChild(pattern);
    });
  }

  var pointCanvas = L.canvas({padding: 0.3, tolerance: 6});  // a dot takes a click within a fingertip of it
  var shapeIndexes = [];
  for (var c = 0; c < data.count; c++) { if (data.hasShape(c)) { shapeIndexes.push(c); } }
  // One canvas for dense shapes and points alike: a second would lie over the first and take its clicks.
  var shapeRenderer = shapeIndexes.length > DENSE_SHAPES ? pointCanvas : undefined;
  var layersByIndex = new Map();
  var layersById = new Map();  // for whoever drives the page from outside: tests, the benchmark

  function layersOf(i) {
    if (layersByIndex.has(i)) { return layersByIndex.get(i); }
    var name = data.name(i), certainty = data.certainty(i), color = colors.get(data.category(i));
    var layers = [];
    if (data.isPoint(i)) {
      var latlng = [data.lat(i), data.lon(i)], precision = data.precision(i);
      if (certainty === "exact") {
        layers.push(L.marker(latlng, {icon: pinIcon, alt: name, keyboard: true}));
      } else if (certainty === "unknown") {
        layers.push(L.circle(latlng, {
          radius: precision || UNKNOWN_RADIUS_M, color: color, weight: 2, dashArray: "6 6",
          fillColor: hatch(color), fillOpacity: 1, className: "bm-unknown"
        }));
      } else {
        if (precision) {
          // Not clickable: a click inside a wide circle is meant for what lies there, often another place's dot.
          layers.push(L.circle(latlng, {
            radius: precision, color: color, weight: 2, fillOpacity: 0.15, className: "bm-approximate",
            renderer: pointCanvas, interactive: false
          }));
        }
        layers.push(L.circleMarker(latlng, {
          radius: 4, color: color, weight: 2, fillOpacity: 1, className: "bm-dot", renderer: pointCanvas
        }));
      }
      if (data.isSuggested(i)) {
        layers.push(L.circleMarker(latlng, {
          radius: 11, color: SUGGESTED_COLOR, weight: 2, dashArray: "3 3", fill: false, className: "bm-suggested",
          renderer: pointCanvas
        }));
      }
    } else if (data.hasShape(i)) {
      var isLine = data.kind(i) === "line", unknown = certainty === "unknown";
      var hatched = unknown && shapeRenderer === undefined;  // a canvas has no SVG pattern to fill with
      layers.push(L.geoJSON({type: "Feature", properties: {}, geometry: data.column.geometry(i)}, {
        style: {
          color: color, weight: isLine ? 4 : 2, opacity: 0.9,
          fillColor: hatched ? hatch(color) : color, fillOpacity: isLine ? 0 : (hatched ? 1 : (unknown ? 0.35 : 0.15)),
          dashArray: isLine ? null : "4 6", className: isLine ? "bm-line" : (unknown ? "bm-unknown" : "bm-area")
        },
        renderer: shapeRenderer
      }));
      if (data.isSuggested(i)) {  // unreviewed: a wide dashed band along it, in the colour of suggested points
        layers.push(L.geoJSON({type: "Feature", properties: {}, geometry: data.column.geometry(i)}, {
          style: {color: SUGGESTED_COLOR, weight: isLine ? 10 : 4, opacity: 0.4, dashArray: "4 6", fill: false,
                  className: "bm-suggested"},
          interactive: false,
          renderer: shapeRenderer
        }));
      }
    }
    layers.forEach(function (layer) {
      layer.bindPopup(function () { return popups.content(data.feature(i)); }, popups.options);
      layer.bindTooltip(popups.tooltip(name), {sticky: !data.isPoint(i), direction: "auto"});
    });
    if (data.hasShape(i)) {
      // Areas and lines are SVG over the canvas of points (or on it, above its points): a click on a point inside
      // an area reaches the area first. It opens the point (within a fingertip of the click), else the shape.
      // (_openPopup is the click handler bindPopup adds; Leaflet is the version bordermap ships.)
      layers[0].off("click", layers[0]._openPopup, layers[0]);
      layers[0].on("click", function (event) {
        L.DomEvent.stop(event);  // as bindPopup's own handler does: the map must not take it as a click on nothing
        var near = nearestPoint(map.latLngToContainerPoint(event.latlng), FINGERTIP_PX);
        if (near !== null) { openPopup(near); } else { layers[0].openPopup(event.latlng); }
      });
    }
    layersByIndex.set(i, layers);
    layersById.set(data.id(i), layers);
    return layers;
  }

  var shown = new Set();  // places whose layers are on the map
  function show(i) {
    if (shown.has(i)) { return; }
    shown.add(i);
    var group = groups.get(data.category(i));
    layersOf(i).forEach(function (layer) { group.addLayer(layer); });
  }
  function unshow(i) {
    if (!shown.has(i)) { return; }
    shown.delete(i);
    var group = groups.get(data.category(i));
    layersOf(i).forEach(function (layer) { group.removeLayer(layer); });
  }

  // Located points in zoom-0 pixels, sorted by their cell of a GRID x GRID grid, row by row: the points of a view
  // are then one run of the sorted array per row of cells, found by binary search.
  var points = [];
  for (var i = 0; i < data.count; i++) { if (data.isPoint(i)) { points.push(i); } }
  var n = points.length, px = new Float64Array(n), py = new Float64Array(n), keys = new Float64Array(n);
  points.forEach(function (index, k) {
    var p = map.project([data.lat(index), data.lon(index)], 0);
    px[k] = p.x;
    py[k] = p.y;
    keys[k] = (cellOf(p.y) * GRID + cellOf(p.x)) * CELL_BITS + k;  // sorts by cell, carries the point
  });
  keys.sort();
  var order = new Int32Array(n), cells = new Int32Array(n);
  for (var j = 0; j < n; j++) {
    order[j] = keys[j] % CELL_BITS;
    cells[j] = Math.floor(keys[j] / CELL_BITS);
  }
  keys = null;

  function cellOf(v) { return Math.max(0, Math.min(GRID - 1, Math.floor(v / WORLD * GRID))); }

  function firstAtLeast(cell) {
    var lo = 0, hi = n;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (cells[mid] < cell) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  // Calls visit(k) for each point inside the box of zoom-0 pixels until visit returns false.
  function pointsIn(x0, y0, x1, y1, visit) {
    var cx0 = cellOf(x0), cx1 = cellOf(x1), cy0 = cellOf(y0), cy1 = cellOf(y1), k;
    if ((cy1 - cy0 + 1) * 16 > n) {
      for (k = 0; k < n; k++) {
        if (px[k] >= x0 && px[k] <= x1 && py[k] >= y0 && py[k] <= y1 && visit(k) === false) { return; }
      }
      return;
    }
    for (var cy = cy0; cy <= cy1; cy++) {
      var end = firstAtLeast(cy * GRID + cx1 + 1);
      for (var at = firstAtLeast(cy * GRID + cx0); at < end; at++) {
        k = order[at];
        if (px[k] >= x0 && px[k] <= x1 && py[k] >= y0 && py[k] <= y1 && visit(k) === false) { return; }
      }
    }
  }

  function viewBox(pad) {
    var bounds = map.getPixelBounds(), scale = map.getZoomScale(map.getZoom(), 0);
    var dx = (bounds.max.x - bounds.min.x) * pad, dy = (bounds.max.y - bounds.min.y) * pad;
    return [(bounds.min.x - dx) / scale, (bounds.min.y - dy) / scale,
            (bounds.max.x + dx) / scale, (bounds.max.y + dy) / scale];
  }

  // One canvas for the dense view.
  var Overview = L.Layer.extend({
    onAdd: function () {
      this._canvas = L.DomUtil.create("canvas", "bm-overview leaflet-zoom-hide");
      map.getPanes().overlayPane.appendChild(this._canvas);
      this.draw();
    },
    onRemove: function () { L.DomUtil.remove(this._canvas); },
    draw: function () {
      if (!this._canvas) { return; }
      var size = map.getSize(), ratio = window.devicePixelRatio || 1, canvas = this._canvas;
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      var context = canvas.getContext("2d");
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      var scale = map.getZoomScale(map.getZoom(), 0), origin = map.getPixelBounds().min;
      if (shapesDense) { drawShapeOutlines(context, scale, origin, size); }
      if (!dense) { return; }
      var columns = Math.ceil(size.x / STEP) + 1, taken = new Uint8Array(columns * (Math.ceil(size.y / STEP) + 1));
      var paths = new Map();
      var box = viewBox(0.02);
      pointsIn(box[0], box[1], box[2], box[3], function (k) {
        var index = points[k], category = data.category(index);
        if (hidden.get(category)) { return; }
        var x = px[k] * scale - origin.x, y = py[k] * scale - origin.y;
        var cell = Math.floor(y / STEP + 0.5) * columns + Math.floor(x / STEP + 0.5);
        if (cell < 0 || cell >= taken.length || taken[cell]) { return; }
        taken[cell] = 1;
        var path = paths.get(category);
        if (!path) { path = new Path2D(); paths.set(category, path); }
        path.moveTo(x + 3, y);
        path.arc(x, y, 3, 0, 2 * Math.PI);
      });
      context.lineWidth = 1;
      context.strokeStyle = "rgba(255,255,255,0.8)";
      paths.forEach(function (path, category) {
        context.fillStyle = colors.get(category);
        context.fill(path);
        context.stroke(path);
      });
    }
  });
  var overview = new Overview();
  var dense = false;

  var note = L.control({position: "topleft"});
  note.onAdd = function () {
    var box = el("div", "bm-dense-note bm-box");
    box.setAttribute("role", "status");
    return box;
  };
  note.addTo(map);
  var noteBox = note.getContainer();
  noteBox.hidden = true;
  // The note stands over the map's top left corner, where an open popup's heading often is: it steps aside while
  // a popup is open, and comes back, if the view is still dense, when the popup closes.
  var popupOpen = false;
  map.on("popupopen", function () { popupOpen = true; noteBox.hidden = true; });
  map.on("popupclose", function () { popupOpen = false; noteBox.hidden = !(dense || shapesDense); });

  // Dense shapes are on the map only while their box meets the view, as points are: a pan then updates the
  // shapes in view, not every shape of the map. Boxes in zoom-0 pixels: west, north, east, south.
  // Where more than SHAPE_DETAIL_LIMIT are in view, the overview canvas draws their outlines from their vertices,
  // kept in zoom-0 pixels (x, y pairs), each shape's runs of vertices (lines, rings) listed in shapeRuns.
  var shapeBoxes = null, shapeRuns = [], shapeXY = null, shapesInView = [], shapesDense = false;
  if (shapeRenderer !== undefined) {
    shapeBoxes = new Float64Array(shapeIndexes.length * 4);
    var xy = [];
    shapeIndexes.forEach(function (index, k) {
      var runs = [], box = [Infinity, Infinity, -Infinity, -Infinity];  // west, north, east, south in pixels
      runsOf(data.column.geometry(index)).forEach(function (run) {
        var start = xy.length / 2;
        run.forEach(function (position) {
          var p = map.project([position[1], position[0]], 0);
          xy.push(p.x, p.y);
          box[0] = Math.min(box[0], p.x); box[1] = Math.min(box[1], p.y);
          box[2] = Math.max(box[2], p.x); box[3] = Math.max(box[3], p.y);
        });
        runs.push([start, xy.length / 2]);
      });
      shapeRuns.push(runs);
      shapeBoxes.set(box, 4 * k);
    });
    shapeXY = new Float64Array(xy);
  }

  // The runs of positions of a GeoJSON geometry: each line, and each ring of each polygon.
  function runsOf(geometry) {
    switch (geometry.type) {
      case "LineString": return [geometry.coordinates];
      case "MultiLineString": case "Polygon": return geometry.coordinates;
      case "MultiPolygon": return [].concat.apply([], geometry.coordinates);
      case "GeometryCollection": return [].concat.apply([], geometry.geometries.map(runsOf));
      default: return [];
    }
  }

  function refreshShapes(box) {
    shapesInView = [];
    for (var k = 0; k < shapeIndexes.length; k++) {
      var at = 4 * k;
      if (shapeBoxes[at] <= box[2] && shapeBoxes[at + 2] >= box[0] &&
          shapeBoxes[at + 1] <= box[3] && shapeBoxes[at + 3] >= box[1]) { shapesInView.push(k); }
    }
    shapesDense = shapesInView.length > SHAPE_DETAIL_LIMIT;
    var keep = new Set(shapesDense ? [] : shapesInView.map(function (k) { return shapeIndexes[k]; }));
    if (pinned !== null && data.hasShape(pinned)) { keep.add(pinned); }
    shapeIndexes.forEach(function (index) { if (keep.has(index)) { show(index); } else { unshow(index); } });
  }

  // A shape a few pixels across is one mark, at most one per cell of STEP pixels: what a frame costs follows the
  // screen, not the data (32,000 shapes at the opening view were 256,000 segments to rasterise on every pan).
  function drawShapeOutlines(context, scale, origin, size) {
    var paths = new Map(), columns = Math.ceil(size.x / STEP) + 1;
    var taken = new Uint8Array(columns * (Math.ceil(size.y / STEP) + 1));
    shapesInView.forEach(function (k) {
      var index = shapeIndexes[k], category = data.category(index);
      if (hidden.get(category) || index === pinned) { return; }
      var key = category + (data.kind(index) === "line" ? "\u0000line" : "\u0000area");
      var path = paths.get(key);
      if (!path) { path = new Path2D(); paths.set(key, path); }
      var at = 4 * k, west = shapeBoxes[at] * scale - origin.x, north = shapeBoxes[at + 1] * scale - origin.y;
      var east = shapeBoxes[at + 2] * scale - origin.x, south = shapeBoxes[at + 3] * scale - origin.y;
      if (east - west < TINY_PX && south - north < TINY_PX) {
        var x = (west + east) / 2, y = (north + south) / 2;
        var cell = Math.floor(y / STEP + 0.5) * columns + Math.floor(x / STEP + 0.5);
        if (cell < 0 || cell >= taken.length || taken[cell]) { return; }
        taken[cell] = 1;
        path.rect(x - 1, y - 1, 2, 2);
        return;
      }
      shapeRuns[k].forEach(function (run) {
        for (var v = run[0]; v < run[1]; v++) {
          var x = shapeXY[2 * v] * scale - origin.x, y = shapeXY[2 * v + 1] * scale - origin.y;
          if (v === run[0]) { path.moveTo(x, y); } else { path.lineTo(x, y); }
        }
      });
    });
    paths.forEach(function (path, key) {
      var parts = key.split("\u0000"), color = colors.get(parts[0]);
      context.strokeStyle = color;
      context.lineWidth = parts[1] === "line" ? 2 : 1;
      if (parts[1] === "area") {
        context.globalAlpha = 0.15;
        context.fillStyle = color;
        context.fill(path);
        context.globalAlpha = 1;
      }
      context.stroke(path);
    });
  }

  var pinned = null;  // the selected place: drawn even in the dense view
  var started = false;  // until the page has set its first view (main.js), a view is not worth drawing
  function refresh() {
    if (!started) { return; }
    var box = viewBox(0.25), visible = [];
    pointsIn(box[0], box[1], box[2], box[3], function (k) {
      visible.push(points[k]);
      return visible.length <= DETAIL_LIMIT;
    });
    dense = visible.length > DETAIL_LIMIT;
    var keep = new Set(dense ? [] : visible);
    if (pinned !== null) { keep.add(pinned); }
    shown.forEach(function (i) { if (!keep.has(i) && data.isPoint(i)) { unshow(i); } });
    keep.forEach(show);
    if (shapeBoxes !== null) { refreshShapes(box); }
    if (dense || shapesDense) {
      if (!map.hasLayer(overview)) { overview.addTo(map); } else { overview.draw(); }
      noteBox.textContent = dense
        ? "More than " + DETAIL_LIMIT.toLocaleString("en") +
          " places in view: each is a dot; zoom in to see them as the legend draws them."
        : "More than " + SHAPE_DETAIL_LIMIT.toLocaleString("en") +
          " lines and areas in view: each is drawn in outline, or as a mark; zoom in to open them.";
    } else if (map.hasLayer(overview)) {
      map.removeLayer(overview);
    }
    noteBox.hidden = popupOpen || !(dense || shapesDense);
    // Names for what is drawn one by one; in the dense view only the selected place's.
    drawn(dense ? (pinned === null ? [] : [pinned]) : Array.from(shown));
    addHatchPatterns();
  }

  function nearestPoint(containerPoint, radius) {
    var scale = map.getZoomScale(map.getZoom(), 0), origin = map.getPixelBounds().min;
    var x = (containerPoint.x + origin.x) / scale, y = (containerPoint.y + origin.y) / scale, r = radius / scale;
    var best = null, bestDistance = Infinity;
    pointsIn(x - r, y - r, x + r, y + r, function (k) {
      if (hidden.get(data.category(points[k]))) { return; }
      var d = (px[k] - x) * (px[k] - x) + (py[k] - y) * (py[k] - y);
      if (d < bestDistance) { best = points[k]; bestDistance = d; }
    });
    return best;
  }

  // One tooltip names whichever point without layers of its own is pointed at, on the map or in the text.
  var hoverTip = L.tooltip({direction: "right", offset: [6, 0]});
  function nameOnMap(i) {
    if (i === null) { map.closeTooltip(hoverTip); return; }
    hoverTip.setLatLng([data.lat(i), data.lon(i)]).setContent(popups.tooltip(data.name(i)));
    if (!map.hasLayer(hoverTip)) { map.openTooltip(hoverTip); }
  }
  map.on("mousemove", function (event) {
    if (!dense) { return; }
    var i = nearestPoint(event.containerPoint, 6);
    map.getContainer().style.cursor = i === null ? "" : "pointer";
    nameOnMap(i);
  });
  map.on("click", function (event) {
    if (!dense) { return; }
    var i = nearestPoint(event.containerPoint, 8);
    if (i !== null) { openPopup(i); }
  });

  function openPopup(i) {
    if (!shown.has(i)) { pin(i); }
    var layers = layersOf(i), last = layers[layers.length - 1], inside = data.labelAt(i);
    // A point's popup at the point; an area's or a line's where its name goes, a point on it (Leaflet's centre of
    // a country of many parts may be in the sea, or on an island the view leaves out).
    last.openPopup(data.isPoint(i) ? last.getLatLng() : (inside ? L.latLng(inside[0], inside[1]) : undefined));
  }

  function pin(i) {
    var previous = pinned;
    pinned = i;
    if (previous !== null && previous !== i && dense && data.isPoint(previous)) { unshow(previous); }
    show(i);
    addHatchPatterns();
  }

  function boundsOf(i) {
    if (data.isPoint(i)) {
      var radius = data.certainty(i) === "exact" ? 0 : (data.precision(i) || UNKNOWN_RADIUS_M);
      return L.latLng(data.lat(i), data.lon(i)).toBounds(2 * Math.max(radius, 50));
    }
    return layersOf(i)[0].getBounds();
  }

  function highlight(i, on) {
    if (data.isPoint(i) && !shown.has(i)) {
      nameOnMap(on ? i : null);
      return;
    }
    layersOf(i).forEach(function (layer) {
      if (layer.setStyle && layer.options.className !== "bm-suggested") {
        layer.setStyle({weight: on ? 5 : (layer.options.className === "bm-line" ? 4 : 2)});
      }
      if (on) { layer.openTooltip(); } else { layer.closeTooltip(); }
    });
  }

  function setCategoryVisible(name, visible) {
    hidden.set(name, !visible);
    if (visible) { groups.get(name).addTo(map); } else { map.removeLayer(groups.get(name)); }
    overview.draw();
  }

  if (shapeBoxes === null) { shapeIndexes.forEach(show); }
  map.on("moveend zoomend resize", refresh);

  return {
    // The layers of a place by id, drawn first if it was not (for whoever drives the page: tests, the bench).
    layersOf: function (id) {
      var i = data.indexOf(id);
      if (i === undefined) { return []; }
      if (data.isPoint(i) && !shown.has(i)) { pin(i); }
      return layersOf(i);
    },
    layersById: layersById,
    isHidden: function (category) { return hidden.get(category) === true; },
    refresh: refresh,
    start: function () { started = true; refresh(); },
    openPopup: openPopup,
    boundsOf: boundsOf,
    highlight: highlight,
    setCategoryVisible: setCategoryVisible,
    isDense: function () { return dense; }
  };
}
