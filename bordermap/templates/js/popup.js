// What a reader is shown of a place: its popup (also the details of its row in the list) and its tooltip.
// Everything user-supplied is built with createElement/textContent (issue #2): folium and Leaflet would insert
// popup, tooltip and layer-name strings as HTML.
function bmPopups(bm) {
  "use strict";
  var MAX_QUOTES = 3;
  var CERTAINTY_WORDS = {exact: "Exact", approximate: "Approximate", area: "Area", unknown: "Unknown"};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
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
    q.appendChild(el("cite", null, passage.title));
    var context = el("button", "bm-context", "read in context");
    context.type = "button";
    context.addEventListener("click", function () { bm.showInContext(passage.text, passage.start); });
    q.appendChild(context);
    return q;
  }

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
    if (p.status === "suggested") {
      box.appendChild(el("div", "bm-unreviewed", "Suggested by bordermap, not yet reviewed: the position is the " +
                         "gazetteer's guess for this name. Check it, then clear the row's status cell."));
    }
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

  function tooltipContent(name) {
    return el("span", "bm-tooltip", name);
  }

  bm.el = el;
  bm.popupContent = popupContent;
  bm.tooltipContent = tooltipContent;
  bm.popupOptions = {maxWidth: 360, maxHeight: 420};
}
