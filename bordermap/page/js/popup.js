// What a reader is shown of a place: its popup (also the details of its row in the list) and its tooltip.
// Everything user-supplied is built with createElement/textContent (issue #2): folium and Leaflet would insert
// popup, tooltip and layer-name strings as HTML.
// Takes: the map's width in pixels, and what "read in context" does (readInContext(textId, start)).
// Returns: content(feature) and tooltip(name), the popups' Leaflet options, and the pure parts a test calls alone.
function bmPopups(mapWidth, readInContext) {
  "use strict";
  var MAX_QUOTES = 3;
  var CERTAINTY_WORDS = {exact: "Exact", approximate: "Approximate", area: "Area", unknown: "Unknown"};
  var el = bmEl;

  function distance(m) {
    if (m >= 1000) { return (m / 1000).toLocaleString("en", {maximumFractionDigits: 1}) + " km"; }
    return Math.round(m).toLocaleString("en") + " m";
  }

  // A quote a reader wants first is a sentence: at least four words, one of them in lower case (a stand-in for a
  // verb), ending in . ! ? or … (a closing quote or bracket may follow). A line with one of the two is next; a line
  // with neither (a heading, a caption, an infobox row) comes last. Within a rank, reading order.
  var SENTENCE_END = /[.!?\u2026]["'\u201d\u2019)\]]*$/;
  function quoteRank(quote) {
    var words = quote.split(/\s+/).filter(function (w) { return /\w/.test(w); });
    var sentence = words.length >= 4 && words.some(function (w) { return /^[("'\u201c\u2018]?[a-z]/.test(w); });
    var ended = SENTENCE_END.test(quote);
    return sentence && ended ? 0 : (sentence || ended ? 1 : 2);
  }

  // Identical quotes (an infobox row repeated, a refrain) are one group, shown once with how often it occurs.
  function quoteGroups(passages) {
    var byQuote = new Map(), groups = [];
    passages.forEach(function (passage, order) {
      var group = byQuote.get(passage.quote);
      if (group) { group.count++; return; }
      group = {passage: passage, count: 1, rank: quoteRank(passage.quote), order: order};
      byQuote.set(passage.quote, group);
      groups.push(group);
    });
    return groups.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
  }

  function quoteNode(group) {
    var passage = group.passage;
    var q = el("blockquote", "bm-quote");
    var at = 0;
    passage.marks.forEach(function (m) {
      if (m[0] < at) { return; }
      q.appendChild(document.createTextNode(passage.quote.slice(at, m[0])));
      q.appendChild(el("mark", null, passage.quote.slice(m[0], m[1])));
      at = m[1];
    });
    q.appendChild(document.createTextNode(passage.quote.slice(at)));
    var cite = el("cite", null, passage.title);
    if (group.count > 1) { cite.appendChild(el("span", "bm-repeats", " · " + group.count + " times in the text")); }
    q.appendChild(cite);
    var context = el("button", "bm-context", "read in context");
    context.type = "button";
    context.addEventListener("click", function () { readInContext(passage.text, passage.start); });
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
                         "gazetteer's guess for this name. Check it, then " + (p.kind === "place" ?
                         "clear the row's status cell." : "remove its \"status\" from the shapes file.")));
    }
    box.appendChild(el("div", "bm-position bm-certainty-" + p.certainty, positionLine(feature)));
    var whereabouts = whereaboutsLine(feature);
    if (whereabouts) { box.appendChild(el("div", "bm-whereabouts", whereabouts)); }
    if (p.passages.length === 0) {
      box.appendChild(el("p", "bm-none", "Not named in the text."));
    }
    var groups = quoteGroups(p.passages), repeated = p.passages.length - groups.length;
    groups.slice(0, MAX_QUOTES).forEach(function (group) { box.appendChild(quoteNode(group)); });
    if (groups.length > MAX_QUOTES) {
      var more = el("details", "bm-more");
      more.appendChild(el("summary", null, (groups.length - MAX_QUOTES) + " more" +
                          (repeated ? ", " + repeated + " repeated" : "")));
      groups.slice(MAX_QUOTES).forEach(function (group) { more.appendChild(quoteNode(group)); });
      box.appendChild(more);
    } else if (repeated) {
      box.appendChild(el("p", "bm-folded", repeated + " repeated " + (repeated > 1 ? "quotes" : "quote") +
                         " shown once"));
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

  return {
    content: popupContent,
    tooltip: tooltipContent,
    // As wide as the map leaves room for; the padding arrays are kept up to date by bmControls.
    options: {maxWidth: Math.max(200, Math.min(360, mapWidth - 64)), minWidth: 180,
              autoPanPaddingTopLeft: [12, 12], autoPanPaddingBottomRight: [12, 12]},
    quoteRank: quoteRank,
    quoteGroups: quoteGroups,
    positionLine: positionLine,
    whereaboutsLine: whereaboutsLine
  };
}
