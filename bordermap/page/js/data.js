// The page's data (issue #12): one column per property, packed by bordermap's render.page_data. A place is
// unpacked into the shape of a GeoJSON feature only when something asks for it (a popup, a row of the list).
function bmData(raw) {
  "use strict";
  var count = raw.count, SCALE = 100000;

  function column(packed) {
    if (Array.isArray(packed)) { return function (i) { return packed[i]; }; }
    var others = new Map();
    packed.others.forEach(function (pair) { others.set(pair[0], pair[1]); });
    return function (i) { return others.has(i) ? others.get(i) : packed.common; };
  }
  var col = {};
  Object.keys(raw.columns).forEach(function (key) { col[key] = column(raw.columns[key]); });

  // Every lookup keyed by user data is a Map: a place or category may be called "__proto__" or "constructor".
  var indexById = new Map();
  for (var i = 0; i < count; i++) { indexById.set(col.id(i), i); }

  function eachPassage(i, visit) {
    var flat = col.passages(i), at = 0;
    while (at < flat.length) {
      var marks = flat[at + 3];
      visit(flat[at], flat[at + 1], flat[at + 2], flat.slice(at + 4, at + 4 + 2 * marks));
      at += 4 + 2 * marks;
    }
  }

  // [text index, start] of the first passage of place i in reading order, or null if the texts never name it.
  function firstPassage(i) {
    var flat = col.passages(i);
    return flat.length ? [flat[0], flat[1]] : null;
  }

  function mentions(i) {
    var n = 0;
    eachPassage(i, function () { n++; });
    return n;
  }

  function passages(i) {
    var out = [];
    eachPassage(i, function (textIndex, start, end, pairs) {
      var text = raw.texts[textIndex], marks = [];
      for (var k = 0; k < pairs.length; k += 2) { marks.push([pairs[k], pairs[k + 1]]); }
      out.push({text: text.id, title: text.title, start: start, end: end, quote: text.content.slice(start, end),
                marks: marks});
    });
    return out;
  }

  function whereabouts(i) {
    if (!col.surveyed(i)) { return null; }
    var nearest = col.nearest(i);
    return {side: col.side(i), border: col.border(i), border_m: col.border_m(i), on_border: col.on_border(i),
            nearest: nearest === null ? "" : col.name(nearest), nearest_m: col.nearest_m(i)};
  }

  function lat(i) { var v = col.lat(i); return v === null ? null : v / SCALE; }
  function lon(i) { var v = col.lon(i); return v === null ? null : v / SCALE; }

  function geometry(i) {
    if (col.lat(i) !== null) { return {type: "Point", coordinates: [lon(i), lat(i)]}; }
    return col.geometry(i);
  }

  var features = new Array(count);
  function feature(i) {
    if (!features[i]) {
      features[i] = {
        type: "Feature", id: col.id(i), index: i, geometry: geometry(i),
        properties: {
          kind: col.kind(i), name: col.name(i), category: categoryName(i), aliases: col.aliases(i),
          precision_m: col.precision_m(i), certainty: col.certainty(i), country: col.country(i),
          note: col.note(i), source: col.source(i), attribution: col.attribution(i), unresolved: col.unresolved(i),
          status: col.status(i) || "", whereabouts: whereabouts(i), passages: passages(i)
        }
      };
    }
    return features[i];
  }

  function categoryName(i) { return raw.categories[col.category(i)].name; }

  var located = 0;
  for (var j = 0; j < count; j++) { if (col.lat(j) !== null || col.geometry(j) !== null) { located++; } }

  return {
    count: count, located: located, texts: raw.texts, meta: raw, column: col,
    indexOf: function (id) { return indexById.get(id); },
    id: col.id, name: col.name, certainty: col.certainty, category: categoryName, aliases: col.aliases,
    precision: col.precision_m, kind: col.kind, lat: lat, lon: lon, isPoint: function (k) { return col.lat(k) !== null; },
    hasShape: function (k) { return col.geometry(k) !== null; },
    labelAt: function (k) { return col.label_at ? col.label_at(k) : null; },
    isSuggested: function (k) { return col.status(k) === "suggested"; },
    eachPassage: eachPassage, firstPassage: firstPassage, mentions: mentions, feature: feature
  };
}
