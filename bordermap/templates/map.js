// Builds everything user-supplied from the JSON data island with createElement/textContent (issue #2):
// folium and Leaflet would insert popup, tooltip and layer-name strings as HTML.
function bordermapRender(map) {
  "use strict";
  var data = JSON.parse(document.getElementById("bordermap-data").textContent);
  var meta = data.bordermap;
  // Every lookup keyed by user data is a Map: a place or category may be called "__proto__" or "constructor".
  var textsById = new Map();
  meta.texts.forEach(function (t) { textsById.set(t.id, t); });
  var colors = new Map();
  meta.categories.forEach(function (c) { colors.set(c.name, c.color); });
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
    var text = textsById.get(passage.text);
    if (text) { q.appendChild(el("cite", null, text.title)); }
    var context = el("button", "bm-context", "read in context");
    context.type = "button";
    context.addEventListener("click", function () { showInContext(passage.text, passage.start); });
    q.appendChild(context);
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
    var copy = el("button", "bm-copy-link", "copy link");
    copy.type = "button";
    copy.addEventListener("click", function () {
      var link = location.href.split("#")[0] + "#place=" + encodeURIComponent(feature.id);
      var done = function () { copy.textContent = "link copied"; };
      var shown = function () { copy.textContent = link; };
      if (navigator.clipboard) { navigator.clipboard.writeText(link).then(done, shown); } else { shown(); }
    });
    box.appendChild(copy);
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
  var hatches = new Map();
  function hatch(color) {
    // An SVG pattern per colour; Leaflet copies fillColor into the path's fill attribute as it is.
    if (!hatches.has(color)) { hatches.set(color, "bm-hatch-" + hatches.size); }
    return "url(#" + hatches.get(color) + ")";
  }
  function addHatchPatterns() {
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (!svg) { return; }
    var ns = "http://www.w3.org/2000/svg";
    var defs = document.createElementNS(ns, "defs");
    hatches.forEach(function (patternId, color) {
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
    svg.insertBefore(defs, svg.firstChild);
  }

  // Points are drawn on one canvas (issue #12): as SVG, each was an element of its own, and a pan of 10,000 places
  // took 36 s. Areas and lines stay SVG, where the hatch patterns of unknown places live.
  var pointCanvas = L.canvas({padding: 0.3});
  var groups = new Map();
  meta.categories.forEach(function (c) { groups.set(c.name, L.featureGroup().addTo(map)); });
  var counts = new Map();
  var layersById = new Map();
  var unlocated = [];

  data.features.forEach(function (feature) {
    var p = feature.properties;
    var color = colors.get(p.category);
    counts.set(p.category, (counts.get(p.category) || 0) + 1);
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
            radius: p.precision_m, color: color, weight: 2, fillOpacity: 0.15, className: "bm-approximate",
            renderer: pointCanvas
          }));
        }
        layers.push(L.circleMarker(latlng, {
          radius: 4, color: color, weight: 2, fillOpacity: 1, className: "bm-dot", renderer: pointCanvas
        }));
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
      layer.addTo(groups.get(p.category));
    });
    layersById.set(feature.id, layers);
  });

  function legendControl() {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var box = el("details", "bm-legend bm-box");
      // Open where the map has room for it; on a narrower map it would cover the places.
      box.open = map.getSize().x >= 900;
      box.appendChild(el("summary", "bm-legend-title", "Legend"));
      meta.categories.forEach(function (c) {
        var row = el("label", "bm-legend-row");
        var box2 = el("input");
        box2.type = "checkbox";
        box2.checked = true;
        box2.setAttribute("aria-label", "show " + c.name);
        box2.addEventListener("change", function () { setCategoryVisible(c.name, box2.checked); });
        row.appendChild(box2);
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

  // The reading view (issue #5): the text beside the map, linked both ways; a keyboard-operable place list.
  var featuresById = new Map();
  data.features.forEach(function (f) { featuresById.set(f.id, f); });
  var panel, textPane, listPane, listBox, live, markedSentence = null, searchBox;
  var hiddenCategories = new Map();

  function setCategoryVisible(name, visible) {
    hiddenCategories.set(name, !visible);
    if (visible) { groups.get(name).addTo(map); } else { map.removeLayer(groups.get(name)); }
    document.querySelectorAll(".bm-legend-row input").forEach(function (box) {
      if (box.getAttribute("aria-label") === "show " + name) { box.checked = visible; }
    });
    filterList();
  }

  function sentenceId(textId, start) { return "bm-s-" + textId + "-" + start; }

  function showInContext(textId, start) {
    showTab("text");
    var sentence = document.getElementById(sentenceId(textId, start));
    if (!sentence) { return; }
    if (markedSentence) { markedSentence.classList.remove("bm-marked"); }
    sentence.classList.add("bm-marked");
    markedSentence = sentence;
    sentence.scrollIntoView({block: "center"});
  }

  function highlight(id, on) {
    (layersById.get(id) || []).forEach(function (layer) {
      if (layer.setStyle) { layer.setStyle({weight: on ? 5 : (layer.options.className === "bm-line" ? 4 : 2)}); }
      if (on) { layer.openTooltip(); } else if (!(layer instanceof L.Marker)) { layer.closeTooltip(); }
    });
  }

  function select(id, push) {
    var feature = featuresById.get(id);
    if (!feature) { return; }
    var layers = layersById.get(id);
    if (layers && layers.length) {
      var main = layers[layers.length - 1];
      var bounds = layers[0].getBounds ? layers[0].getBounds() : L.latLngBounds([main.getLatLng(), main.getLatLng()]);
      map.fitBounds(bounds, {maxZoom: 13, animate: false});
      main.openPopup(bounds.getCenter ? (main.getLatLng ? main.getLatLng() : bounds.getCenter()) : undefined);
    } else {
      showTab("places");
      var row = listBox.querySelector("[data-place='" + CSS.escape(id) + "']");
      if (row) { row.querySelector("details").open = true; row.focus(); }
    }
    var first = feature.properties.passages[0];
    if (first) {
      var sentence = document.getElementById(sentenceId(first.text, first.start));
      if (sentence) {
        if (markedSentence) { markedSentence.classList.remove("bm-marked"); }
        sentence.classList.add("bm-marked");
        markedSentence = sentence;
      }
    }
    live.textContent = "Selected: " + feature.properties.name;
    var hash = "#place=" + encodeURIComponent(id);
    if (push && location.hash !== hash) { history.pushState(null, "", hash); }
  }

  function selectFromHash() {
    var match = /^#place=(.+)$/.exec(location.hash);
    var id = null;
    try { id = match ? decodeURIComponent(match[1]) : null; } catch (malformed) { id = null; }  // "#place=%"
    if (id !== null) { select(id, false); } else { map.closePopup(); }
  }

  map.on("popupopen", function (event) {
    var content = event.popup.getContent();
    var id = content && content.getAttribute ? content.getAttribute("data-place") : null;
    if (!id) { return; }
    var hash = "#place=" + encodeURIComponent(id);
    if (location.hash !== hash) { history.pushState(null, "", hash); }
    var selected = featuresById.get(id);
    if (!selected) { return; }
    live.textContent = "Selected: " + selected.properties.name;
  });

  function textPaneFor(text) {
    var article = el("article", "bm-text");
    article.appendChild(el("h2", "bm-text-title", text.title));
    var byline = [text.publication, text.date].filter(Boolean).join(", ");
    if (byline) { article.appendChild(el("p", "bm-byline", byline)); }
    var sentences = {}, marks = [];
    data.features.forEach(function (f) {
      f.properties.passages.forEach(function (p) {
        if (p.text !== text.id) { return; }
        sentences[p.start] = Math.max(sentences[p.start] || 0, p.end);
        p.marks.forEach(function (m) { marks.push([p.start + m[0], p.start + m[1], f.id]); });
      });
    });
    marks.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    var content = text.content;
    var lineStart = lineBreak(content, 0)[1];
    while (lineStart < content.length) {
      var lineEnd = lineBreak(content, lineStart);
      if (content.slice(lineStart, lineEnd[0]).trim()) {
        article.appendChild(paragraph(content, lineStart, lineEnd[0], sentences, marks, text.id));
      }
      lineStart = lineEnd[1];
    }
    return article;
  }

  // Where the line break after `from` starts and ends; CRLF, CR and LF each end a line, as in bordermap's Python.
  function lineBreak(content, from) {
    var pattern = /\r\n|\r|\n/g;
    pattern.lastIndex = from;
    var found = pattern.exec(content);
    return found ? [found.index, found.index + found[0].length] : [content.length, content.length];
  }

  function paragraph(content, start, end, sentences, marks, textId) {
    var para = el("p", "bm-paragraph");
    var at = start, container = para, sentenceEnd = null;
    function flush(upTo) {
      if (upTo > at) { container.appendChild(document.createTextNode(content.slice(at, upTo))); at = upTo; }
    }
    var markIndex = 0;
    for (var i = start; i <= end; i++) {
      if (sentenceEnd !== null && i === sentenceEnd) { flush(i); container = para; sentenceEnd = null; }
      if (i === end) { flush(end); break; }
      if (sentenceEnd === null && sentences[i]) {
        flush(i);
        var span = el("span", "bm-sentence");
        span.id = sentenceId(textId, i);
        para.appendChild(span);
        container = span;
        sentenceEnd = Math.min(sentences[i], end);
      }
      while (markIndex < marks.length && marks[markIndex][0] < i) { markIndex++; }
      if (markIndex < marks.length && marks[markIndex][0] === i && marks[markIndex][1] <= (sentenceEnd || end)) {
        var mark = marks[markIndex];
        flush(i);
        var link = el("a", "bm-mention", content.slice(mark[0], mark[1]));
        link.href = "#place=" + encodeURIComponent(mark[2]);
        link.setAttribute("data-place", mark[2]);
        link.addEventListener("mouseenter", highlight.bind(null, mark[2], true));
        link.addEventListener("mouseleave", highlight.bind(null, mark[2], false));
        link.addEventListener("click", function (id, event) { event.preventDefault(); select(id, true); }
          .bind(null, mark[2]));
        container.appendChild(link);
        at = mark[1];
        i = mark[1] - 1;
        while (markIndex < marks.length && marks[markIndex][0] < mark[1]) { markIndex++; }
      }
    }
    return para;
  }

  function placeRow(feature) {
    var p = feature.properties;
    var row = el("li", "bm-place-row");
    row.setAttribute("role", "option");
    row.setAttribute("data-place", feature.id);
    row.setAttribute("data-category", p.category);
    row.tabIndex = -1;
    var head = el("div", "bm-place-head");
    head.appendChild(el("span", "bm-place-name", p.name));
    var status = p.category + " · " + p.certainty + " · " +
      (p.passages.length ? p.passages.length + " mention" + (p.passages.length > 1 ? "s" : "") : "not named in the text") +
      (feature.geometry ? "" : " · not on the map");
    head.appendChild(el("span", "bm-place-status", status));
    row.appendChild(head);
    var details = el("details", "bm-place-details");
    details.appendChild(el("summary", null, "details"));
    details.appendChild(popupContent(feature));
    row.appendChild(details);
    row.addEventListener("keydown", function (event) {
      var rows = visibleRows(), index = rows.indexOf(row);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = rows[index + (event.key === "ArrowDown" ? 1 : -1)];
        if (next) { focusRow(next); }
      } else if (event.key === "Enter" && event.target === row) {
        event.preventDefault();
        select(feature.id, true);
      }
    });
    head.addEventListener("click", function () { focusRow(row); select(feature.id, true); });
    return row;
  }

  function visibleRows() {
    return Array.prototype.filter.call(listBox.children, function (r) { return !r.hidden; });
  }

  function focusRow(row) {
    Array.prototype.forEach.call(listBox.children, function (r) {
      r.tabIndex = -1;
      r.setAttribute("aria-selected", "false");
    });
    row.tabIndex = 0;
    row.setAttribute("aria-selected", "true");
    row.focus();
  }

  function filterList() {
    if (!listBox) { return; }
    var query = searchBox.value.trim().toLowerCase();
    Array.prototype.forEach.call(listBox.children, function (row) {
      var f = featuresById.get(row.getAttribute("data-place"));
      var names = [f.properties.name].concat(f.properties.aliases).join("\n").toLowerCase();
      row.hidden = !!hiddenCategories.get(f.properties.category) || (query !== "" && names.indexOf(query) < 0);
    });
    var rows = visibleRows();
    if (rows.length && !rows.some(function (r) { return r.tabIndex === 0; })) { rows[0].tabIndex = 0; }
  }

  function showTab(name) {
    [["text", textPane], ["places", listPane]].forEach(function (pair) {
      var tab = document.getElementById("bm-tab-" + pair[0]);
      tab.setAttribute("aria-selected", String(pair[0] === name));
      tab.tabIndex = pair[0] === name ? 0 : -1;
      pair[1].hidden = pair[0] !== name;
    });
  }

  function aboutBox() {
    var about = el("section", "bm-about");
    about.setAttribute("aria-label", "About this map");
    meta.texts.forEach(function (t) {
      about.appendChild(el("h1", "bm-title", t.title));
      var line = [t.publication, t.date].filter(Boolean).join(", ");
      var by = el("p", "bm-byline", line);
      if (/^https?:\/\//.test(t.url)) {
        var link = el("a", null, "original post");
        link.href = t.url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        if (line) { by.appendChild(document.createTextNode(" · ")); }
        by.appendChild(link);
      }
      about.appendChild(by);
    });
    var located = data.features.filter(function (f) { return f.geometry; }).length;
    about.appendChild(el("p", "bm-built", located + " of " + data.features.length +
      " places on the map · built " + meta.built + " with bordermap"));
    if (meta.credits.length) { about.appendChild(el("p", "bm-credits", "Data: " + meta.credits.join("; "))); }
    return about;
  }

  function buildPanel() {
    var mapElement = map.getContainer();
    panel = el("aside", "bm-panel");
    panel.id = "bm-panel";
    panel.setAttribute("aria-label", "Text and places");
    live = el("div", "bm-live");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");
    panel.appendChild(live);
    var toggle = el("button", "bm-collapse", "Hide text");
    toggle.type = "button";
    toggle.setAttribute("aria-controls", "bm-panel-body");
    toggle.setAttribute("aria-expanded", "true");
    var body = el("div", "bm-panel-body");
    body.id = "bm-panel-body";
    toggle.addEventListener("click", function () {
      var open = body.hidden;
      body.hidden = !open;
      panel.classList.toggle("bm-collapsed", !open);
      toggle.textContent = open ? "Hide text" : "Show text";
      toggle.setAttribute("aria-expanded", String(open));
      map.invalidateSize();
    });
    panel.appendChild(toggle);
    body.appendChild(aboutBox());
    var tabs = el("div", "bm-tabs");
    tabs.setAttribute("role", "tablist");
    [["text", "Text"], ["places", "Places"]].forEach(function (pair) {
      var tab = el("button", "bm-tab", pair[1]);
      tab.type = "button";
      tab.id = "bm-tab-" + pair[0];
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", "bm-pane-" + pair[0]);
      tab.addEventListener("click", function () { showTab(pair[0]); });
      tab.addEventListener("keydown", function (event) {
        if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
          var other = pair[0] === "text" ? "places" : "text";
          showTab(other);
          document.getElementById("bm-tab-" + other).focus();
        }
      });
      tabs.appendChild(tab);
    });
    body.appendChild(tabs);
    textPane = el("div", "bm-pane");
    textPane.id = "bm-pane-text";
    textPane.setAttribute("role", "tabpanel");
    textPane.setAttribute("aria-labelledby", "bm-tab-text");
    meta.texts.forEach(function (t) { textPane.appendChild(textPaneFor(t)); });
    listPane = el("div", "bm-pane");
    listPane.id = "bm-pane-places";
    listPane.setAttribute("role", "tabpanel");
    listPane.setAttribute("aria-labelledby", "bm-tab-places");
    var label = el("label", "bm-search-label", "Find a place");
    searchBox = el("input", "bm-search");
    searchBox.type = "search";
    searchBox.id = "bm-search";
    label.htmlFor = "bm-search";
    searchBox.addEventListener("input", filterList);
    listPane.appendChild(label);
    listPane.appendChild(searchBox);
    listBox = el("ul", "bm-place-list");
    listBox.setAttribute("role", "listbox");
    listBox.setAttribute("aria-label", "Places");
    data.features.forEach(function (f) { listBox.appendChild(placeRow(f)); });
    listPane.appendChild(listBox);
    body.appendChild(textPane);
    body.appendChild(listPane);
    panel.appendChild(body);
    document.body.classList.add("bm-reading");
    document.body.insertBefore(panel, document.body.firstChild);
    filterList();
    showTab("text");
    map.invalidateSize();
  }
  addHatchPatterns();
  buildPanel();
  legendControl().addTo(map);
  // Leaflet keeps attributions in a plain object keyed by their HTML: wrapped, "constructor" is not a key.
  meta.credits.forEach(function (credit) {
    map.attributionControl.addAttribution('<span class="bm-credit">' + asHtmlText(credit) + "</span>");
  });
  document.documentElement.lang = (meta.texts[0] && meta.texts[0].language) || "en";
  document.title = meta.texts.map(function (t) { return t.title; }).join(" · ") + " — companion map";
  window.bordermap = {map: map, layers: layersById, data: data, select: select};
  window.addEventListener("popstate", function () { selectFromHash(false); });
  selectFromHash(false);
}
