// The place list: keyboard-operable, searchable, and built a hundred rows at a time as it is scrolled (issue #12).
// Takes: the page's data, the popups (a row's details are its popup), isHidden(category) from the legend's boxes,
// and select(id, push). Returns: pane(scroller), the list for the panel; filter(), to run the search again; and
// openRow(id).
function bmPlaceList(data, popups, isHidden, select) {
  "use strict";
  var el = bmEl, BATCH = 100;
  var listBox, searchBox, sentinel, matching = [], built = 0, rows = new Map(), searchable = [];

  function details(row, i) {
    var box = row.querySelector("details");
    if (!box.querySelector(".bm-popup")) { box.appendChild(popups.content(data.feature(i))); }
    return box;
  }

  function placeRow(i) {
    var id = data.id(i), mentions = data.mentions(i), located = data.isPoint(i) || data.hasShape(i);
    var row = el("li", "bm-place-row");
    row.setAttribute("role", "option");
    row.setAttribute("data-place", id);
    row.setAttribute("data-category", data.category(i));
    row.tabIndex = -1;
    var head = el("div", "bm-place-head");
    head.appendChild(el("span", "bm-place-name", data.name(i)));
    var status = data.category(i) + " · " + data.certainty(i) + " · " +
      (mentions ? mentions + " mention" + (mentions > 1 ? "s" : "") : "not named in the text") +
      (located ? "" : " · not on the map") + (data.isSuggested(i) ? " · suggested, not reviewed" : "");
    head.appendChild(el("span", "bm-place-status", status));
    row.appendChild(head);
    var box = el("details", "bm-place-details");
    var summary = el("summary", null, "details");
    // Filled before the browser opens it, so that what it shows is there when it opens.
    summary.addEventListener("click", function () { details(row, i); });
    box.appendChild(summary);
    row.appendChild(box);
    row.addEventListener("keydown", function (event) {
      var shownRows = visibleRows(), index = shownRows.indexOf(row);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (event.key === "ArrowDown" && index === shownRows.length - 1) {
          build(built + BATCH);
          shownRows = visibleRows();
        }
        var next = shownRows[index + (event.key === "ArrowDown" ? 1 : -1)];
        if (next) { focusRow(next); }
      } else if (event.key === "Enter" && event.target === row) {
        event.preventDefault();
        select(id, true);
      }
    });
    head.addEventListener("click", function () { focusRow(row); select(id, true); });
    return row;
  }

  function build(upTo) {
    var fragment = document.createDocumentFragment();
    for (; built < Math.min(upTo, matching.length); built++) {
      var row = placeRow(matching[built]);
      rows.set(matching[built], row);
      fragment.appendChild(row);
    }
    listBox.appendChild(fragment);
  }

  function visibleRows() { return Array.prototype.slice.call(listBox.children); }

  function focusRow(row) {
    visibleRows().forEach(function (r) {
      r.tabIndex = -1;
      r.setAttribute("aria-selected", "false");
    });
    row.tabIndex = 0;
    row.setAttribute("aria-selected", "true");
    row.focus();
  }

  function searchText(i) {
    if (searchable[i] === undefined) { searchable[i] = [data.name(i)].concat(data.aliases(i)).join("\n").toLowerCase(); }
    return searchable[i];
  }

  function filterList() {
    if (!listBox) { return; }
    var query = searchBox.value.trim().toLowerCase();
    matching = [];
    for (var i = 0; i < data.count; i++) {
      if (isHidden(data.category(i))) { continue; }
      if (query !== "" && searchText(i).indexOf(query) < 0) { continue; }
      matching.push(i);
    }
    listBox.textContent = "";
    rows.clear();
    built = 0;
    build(BATCH);
    if (listBox.firstChild) { listBox.firstChild.tabIndex = 0; }
  }

  // The row of a place, built if the list had not reached it; null if the search or the legend hides it.
  function rowOf(id) {
    var i = data.indexOf(id), at = matching.indexOf(i);
    if (at < 0) { return null; }
    build(at + 1);
    return rows.get(i);
  }

  function pane(scroller) {
    var box = el("div", "bm-places");
    var label = el("label", "bm-search-label", "Find a place");
    searchBox = el("input", "bm-search");
    searchBox.type = "search";
    searchBox.id = "bm-search";
    label.htmlFor = "bm-search";
    searchBox.addEventListener("input", filterList);
    box.appendChild(label);
    box.appendChild(searchBox);
    listBox = el("ul", "bm-place-list");
    listBox.setAttribute("role", "listbox");
    listBox.setAttribute("aria-label", "Places");
    box.appendChild(listBox);
    sentinel = el("div", "bm-list-end");
    box.appendChild(sentinel);
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { build(built + BATCH); }
    }, {root: scroller, rootMargin: "800px 0px"}).observe(sentinel);
    filterList();
    return box;
  }

  return {
    pane: pane,
    filter: filterList,
    openRow: function (id) {
      var row = rowOf(id);
      if (row) { details(row, data.indexOf(id)).open = true; row.focus(); }
    }
  };
}
