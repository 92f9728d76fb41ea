// "Follow the story" (issue #14): the places on the map, in the order the texts first name them, one step each:
// the map flies to the place, opens its popup and (where the panel scrolls on its own) brings its first mention
// into view. Made from the passages alone; #tour=n opens at step n.
// Takes: the map, the page's data, select(id, push), announce(message), updatePadding() (the tour's bar is a
// control) and the button its start sits beside. Returns: steps() (the ids in order), touring(), tourTo(n, push)
// and endTour(push).
function bmTour(map, data, select, announce, updatePadding, beside) {
  "use strict";
  var el = bmEl;

  var firsts = [];
  for (var i = 0; i < data.count; i++) {
    if (!data.isPoint(i) && !data.hasShape(i)) { continue; }
    var first = data.firstPassage(i);
    if (first) { firsts.push([first[0], first[1], i]); }
  }
  firsts.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
  var steps = firsts.map(function (f) { return f[2]; });
  var step = 0, onMap = false;  // step: 1-based while touring

  // The start sits beside "Hide text" at the top of the panel; the steps, on the map, only while touring.
  var control = L.control({position: "bottomleft"});
  var startButton = el("button", "bm-tour-start", "Follow the story");
  startButton.type = "button";
  startButton.title = "Step through the places in the order the text names them (arrow keys: previous, next)";
  startButton.addEventListener("click", function () { tourTo(1, true); });
  var bar = el("div", "bm-tour bm-box"), counter = el("span", "bm-tour-counter");
  bar.setAttribute("role", "group");
  bar.setAttribute("aria-label", "Follow the story");
  var previous = el("button", "bm-tour-previous", "\u25c0 Previous"), next = el("button", "bm-tour-next", "Next \u25b6");
  var close = el("button", "bm-tour-end", "\u00d7");
  close.setAttribute("aria-label", "End the tour");
  counter.setAttribute("aria-live", "polite");
  [previous, next, close].forEach(function (b) { b.type = "button"; });
  previous.addEventListener("click", function () { tourTo(step - 1, true); });
  next.addEventListener("click", function () { tourTo(step + 1, true); });
  close.addEventListener("click", function () { endTour(true); });
  [previous, counter, next, close].forEach(function (node) { bar.appendChild(node); });
  L.DomEvent.disableClickPropagation(bar);
  control.onAdd = function () { return bar; };

  function stepIds() { return steps.map(data.id); }
  if (steps.length < 2) {
    var none = function () {};
    return {steps: stepIds, touring: function () { return false; }, tourTo: none, endTour: none};
  }
  beside.parentNode.insertBefore(startButton, beside.nextSibling);

  function show() {
    var touring = step > 0;
    if (touring !== onMap) { if (touring) { control.addTo(map); } else { control.remove(); } }
    onMap = touring;
    startButton.setAttribute("aria-pressed", String(touring));
    if (touring) {
      counter.textContent = step + " of " + steps.length;
      previous.disabled = step === 1;
      next.disabled = step === steps.length;
    }
    updatePadding();
  }

  function tourTo(n, push) {
    if (!(n >= 1)) { n = 1; }
    n = Math.min(n, steps.length);
    step = n;
    show();
    select(data.id(steps[n - 1]), false);
    var hash = "#tour=" + n;
    if (push && location.hash !== hash) { history.pushState(null, "", hash); }
    announce("Step " + n + " of " + steps.length + ": " + data.name(steps[n - 1]));
  }

  function endTour(push) {
    if (step === 0) { return; }
    step = 0;
    show();
    map.closePopup();
    if (push) { history.pushState(null, "", location.pathname + location.search); }
  }

  // Left and right step while the tour is on, wherever the focus is but in a field, a tab or the list (whose own
  // arrow keys they are); the map's own arrow-key panning gives way to them.
  document.addEventListener("keydown", function (event) {
    if (step === 0 || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [role=tab], [role=option], [contenteditable]")) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    tourTo(step + (event.key === "ArrowRight" ? 1 : -1), true);
  }, true);

  return {steps: stepIds, touring: function () { return step > 0; }, tourTo: tourTo, endTour: endTour};
}
