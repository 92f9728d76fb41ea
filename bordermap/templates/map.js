// Builds everything user-supplied from the JSON data island with createElement/textContent (issue #2):
// folium and Leaflet would insert popup, tooltip and layer-name strings as HTML.
function bordermapRender(map) {
  "use strict";
  var data = JSON.parse(document.getElementById("bordermap-data").textContent);
  var meta = data.bordermap;
  var textsById = {};
  meta.texts.forEach(function (t) { textsById[t.id] = t; });
  var colors = {};
  meta.categories.forEach(function (c) { colors[c.name] = c.color; });
  var MAX_QUOTES = 3;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function asHtmlText(s) {
    // Leaflet's attribution control takes HTML; the browser escapes the string for us.
    var holder = document.createElement("div");
    holder.textContent = s;
    return holder.innerHTML;
  }

  function distance(m) {
    if (m >= 1000) { return (m / 1000).toLocaleString("en", {maximumFractionDigits: 1}) + " km"; }
    return Math.round(m).toLocaleString("en") + " m";
  }

  function quoteNode(passage) {
    var q = el("blockquote", "bm-quote");
    var at = 0;
    passage.marks.forEach(function (m) {
      if (m[0] < at) { return; }
      q.appendChild(document.createTextNode(passage.quote.slice(at, m[0])));
      q.appendChild(el("mark", null, passage.quote.slice(m[0], m[1])));
      at = m[1];
    });
    q.appendChild(document.createTextNode(passage.quote.slice(at)));
    var text = textsById[passage.text];
    if (text) { q.appendChild(el("cite", null, text.title)); }
    return q;
  }

  var CERTAINTY_WORDS = {exact: "Exact", approximate: "Approximate", area: "Area", unknown: "Unknown"};

  function positionLine(feature) {
    var p = feature.properties;
    if (!feature.geometry) {
      return "Unknown: " + (p.unresolved ? "not on the map: " + p.unresolved : "not on the map: where it is, is not known.");
    }
    var where;
    if (feature.geometry.type === "Point") {
      var c = feature.geometry.coordinates;
      where = c[1].toFixed(5) + ", " + c[0].toFixed(5);
    } else {
      where = p.kind === "line" ? "a line" : "somewhere in this area";
    }
    var parts = [CERTAINTY_WORDS[p.certainty] + ": " + where];
    if (p.kind !== "area") {
      parts.push(p.precision_m === null || p.precision_m === undefined
        ? "precision not stated" : "within " + distance(p.precision_m));
    }
    return parts.join(" · ");
  }

  function whereaboutsLine(feature) {
    var w = feature.properties.whereabouts;
    if (!w) { return ""; }
    var parts = [];
    if (w.side && w.on_border) {
      parts.push("On the " + w.border + " (" + distance(w.border_m) + " from its line)");
    } else if (w.side) {
      parts.push(w.side + ", " + distance(w.border_m) + " from the " + w.border);
    }
    if (w.nearest) { parts.push(distance(w.nearest_m) + " from " + w.nearest); }
    return parts.join(" · ");
  }

  function popupContent(feature) {
    var p = feature.properties;
    var box = el("div", "bm-popup");
    box.setAttribute("data-place", feature.id);
    box.appendChild(el("h3", "bm-name", p.name));
    box.appendChild(el("div", "bm-kind", p.category + (p.country ? " · " + p.country : "")));
    box.appendChild(el("div", "bm-position bm-certainty-" + p.certainty, positionLine(feature)));
    var whereabouts = whereaboutsLine(feature);
    if (whereabouts) { box.appendChild(el("div", "bm-whereabouts", whereabouts)); }
    if (p.passages.length === 0) {
      box.appendChild(el("p", "bm-none", "Not named in the text."));
    }
    p.passages.slice(0, MAX_QUOTES).forEach(function (passage) { box.appendChild(quoteNode(passage)); });
    if (p.passages.length > MAX_QUOTES) {
      var more = el("details", "bm-more");
      more.appendChild(el("summary", null, (p.passages.length - MAX_QUOTES) + " more"));
      p.passages.slice(MAX_QUOTES).forEach(function (passage) { more.appendChild(quoteNode(passage)); });
      box.appendChild(more);
    }
    if (p.note) { box.appendChild(el("p", "bm-note", p.note)); }
    if (p.source || p.attribution.length) {
      var facts = el("p", "bm-facts");
      if (p.source) { facts.appendChild(el("span", "bm-source", "Source: " + p.source)); }
      if (p.source && p.attribution.length) { facts.appendChild(el("br")); }
      if (p.attribution.length) {
        facts.appendChild(el("span", "bm-licence", "Credit: " + p.attribution.join("; ")));
      }
      box.appendChild(facts);
    }
    return box;
  }

  function tooltipContent(feature) {
    return el("span", "bm-tooltip", feature.properties.name);
  }

  var pinIcon = L.icon({
    iconUrl: meta.icons["marker-icon"],
    iconRetinaUrl: meta.icons["marker-icon-2x"],
    shadowUrl: meta.icons["marker-shadow"],
    iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], tooltipAnchor: [16, -28], shadowSize: [41, 41]
  });

  var UNKNOWN_RADIUS_M = 5000;
  var hatches = {};
  function hatch(color) {
    // An SVG pattern per colour; Leaflet copies fillColor into the path's fill attribute as it is.
    if (!hatches[color]) { hatches[color] = "bm-hatch-" + Object.keys(hatches).length; }
    return "url(#" + hatches[color] + ")";
  }
  function addHatchPatterns() {
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg) { return; }
    var ns = "http://www.w3.org/2000/svg";
    var defs = document.createElementNS(ns, "defs");
    Object.keys(hatches).forEach(function (color) {
      var pattern = document.createElementNS(ns, "pattern");
      pattern.setAttribute("id", hatches[color]);
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
    svg.insertBefore(defs, svg.firstChild);
  }

  var groups = {};
  meta.categories.forEach(function (c) { groups[c.name] = L.featureGroup().addTo(map); });
  var counts = {};
  var layersById = {};
  var unlocated = [];

  data.features.forEach(function (feature) {
    var p = feature.properties;
    var color = colors[p.category];
    counts[p.category] = (counts[p.category] || 0) + 1;
    if (!feature.geometry) { unlocated.push(feature); return; }
    var layers = [];
    if (feature.geometry.type === "Point") {
      var c = feature.geometry.coordinates;
      var latlng = [c[1], c[0]];
      if (p.certainty === "exact") {
        layers.push(L.marker(latlng, {icon: pinIcon, alt: p.name, keyboard: true}));
      } else if (p.certainty === "unknown") {
        layers.push(L.circle(latlng, {
          radius: p.precision_m || UNKNOWN_RADIUS_M, color: color, weight: 2, dashArray: "6 6",
          fillColor: hatch(color), fillOpacity: 1, className: "bm-unknown"
        }));
      } else {
        if (p.precision_m) {
          layers.push(L.circle(latlng, {
            radius: p.precision_m, color: color, weight: 2, fillOpacity: 0.15, className: "bm-approximate"
          }));
        }
        layers.push(L.circleMarker(latlng, {radius: 4, color: color, weight: 2, fillOpacity: 1, className: "bm-dot"}));
      }
    } else {
      var isLine = p.kind === "line";
      var unknown = p.certainty === "unknown";
      layers.push(L.geoJSON(feature, {
        style: {
          color: color, weight: isLine ? 4 : 2, opacity: 0.9,
          fillColor: unknown ? hatch(color) : color, fillOpacity: isLine ? 0 : (unknown ? 1 : 0.15),
          dashArray: isLine ? null : "4 6", className: isLine ? "bm-line" : (unknown ? "bm-unknown" : "bm-area")
        }
      }));
    }
    layers.forEach(function (layer) {
      layer.bindPopup(function () { return popupContent(feature); }, {maxWidth: 360, maxHeight: 420});
      var labelled = layer instanceof L.Marker;
      layer.bindTooltip(tooltipContent(feature), {
        sticky: feature.geometry.type !== "Point", permanent: labelled, direction: labelled ? "right" : "auto"
      });
      layer.addTo(groups[p.category]);
    });
    layersById[feature.id] = layers;
  });

  function legendControl() {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = el("div", "bm-legend bm-box");
      box.appendChild(el("h4", null, "Legend"));
      meta.categories.forEach(function (c) {
        var row = el("label", "bm-legend-row");
        var box2 = el("input");
        box2.type = "checkbox";
        box2.checked = true;
        box2.addEventListener("change", function () {
          if (box2.checked) { groups[c.name].addTo(map); } else { map.removeLayer(groups[c.name]); }
        });
        row.appendChild(box2);
        var swatch = el("span", "bm-swatch");
        swatch.style.background = c.color;
        row.appendChild(swatch);
        row.appendChild(el("span", "bm-category", c.name));
        row.appendChild(el("span", "bm-count", " (" + (counts[c.name] || 0) + ")"));
        box.appendChild(row);
      });
      var key = el("div", "bm-key");
      key.appendChild(el("h4", null, "How sure"));
      [["bm-key-exact", "Pin: exact, within 50 m (surveyed or read off imagery)"],
       ["bm-key-approximate", "Circle: approximate; the place is somewhere inside"],
       ["bm-key-area", "Dashed area: somewhere inside the area"],
       ["bm-key-unknown", "Hatched: unknown; the text gives no place, this only says roughly where"],
       ["bm-key-line", "Line: a river, road or border"]].forEach(function (item) {
        var row = el("div", "bm-key-row");
        row.appendChild(el("span", "bm-key-symbol " + item[0]));
        row.appendChild(el("span", null, item[1]));
        key.appendChild(row);
      });
      box.appendChild(key);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return control;
  }

  function aboutControl() {
    var control = L.control({position: "topleft"});
    control.onAdd = function () {
      var box = el("div", "bm-about bm-box");
      meta.texts.forEach(function (t) {
        box.appendChild(el("h2", "bm-title", t.title));
        var line = [t.publication, t.date].filter(Boolean).join(", ");
        if (line || t.url) {
          var by = el("div", "bm-byline", line);
          if (/^https?:\/\//.test(t.url)) {
            var link = el("a", null, line ? "original post" : t.url);
            link.href = t.url;
            link.rel = "noopener noreferrer";
            link.target = "_blank";
            if (line) { by.appendChild(document.createTextNode(" · ")); }
            by.appendChild(link);
          }
          box.appendChild(by);
        }
      });
      var located = data.features.length - unlocated.length;
      box.appendChild(el("div", "bm-built",
        located + " of " + data.features.length + " places on the map · built " + meta.built + " with bordermap"));
      if (unlocated.length) {
        var list = el("div", "bm-unlocated");
        list.appendChild(el("h4", null, "Named in the text, not on the map"));
        unlocated.forEach(function (feature) {
          var item = el("details", "bm-unlocated-item");
          item.appendChild(el("summary", null, feature.properties.name));
          item.appendChild(popupContent(feature));
          list.appendChild(item);
        });
        box.appendChild(list);
      }
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    return control;
  }

  addHatchPatterns();
  legendControl().addTo(map);
  aboutControl().addTo(map);
  meta.credits.forEach(function (credit) { map.attributionControl.addAttribution(asHtmlText(credit)); });
  document.title = meta.texts.map(function (t) { return t.title; }).join(" · ") + " — companion map";
  window.bordermap = {map: map, layers: layersById, data: data};
}
