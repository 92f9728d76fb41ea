// Only in pages served by `bordermap serve`: reload when a newer map is built, keeping the view; while the last
// edit does not build, say why in a banner over the last good map.
(function () {
  "use strict";
  var shown = BORDERMAP_BUILD;  // the build this page shows; 0 when no build has worked yet
  var viewKey = "bordermap-serve-view";
  var banner = null;

  function say(message) {
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "bm-serve-banner";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:10000;padding:8px 12px;" +
        "background:#8a1c1c;color:#fff;font:14px/1.4 system-ui,sans-serif;white-space:pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = message;
  }

  function unsay() {
    if (banner) { banner.remove(); banner = null; }
  }

  function keepView() {
    var page = window.bordermap;
    if (!page) { return; }
    var centre = page.map.getCenter();
    try {
      sessionStorage.setItem(viewKey, JSON.stringify({lat: centre.lat, lng: centre.lng, zoom: page.map.getZoom()}));
    } catch (unavailable) { /* private mode: the page opens at its own view */ }
  }

  function restoreView() {
    var page = window.bordermap, saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(viewKey) || "null"); sessionStorage.removeItem(viewKey); }
    catch (unavailable) { saved = null; }
    if (page && saved && isFinite(saved.lat) && isFinite(saved.lng) && isFinite(saved.zoom)) {
      page.map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
    }
  }

  restoreView();
  var events = new EventSource("/events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (state.good !== shown) {
      keepView();
      location.reload();
    } else if (state.error) {
      say((shown ? "Not rebuilt, the map is the last good one: " : "No map yet: ") + state.error);
    } else {
      unsay();
    }
  });
})();
