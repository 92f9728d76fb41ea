// Only in pages served by `bordermap serve`: reload when a newer map is built, keeping the view; while the last
// edit does not build, say why in a banner over the last good map.
(function () {
  "use strict";
  var shown = BORDERMAP_BUILD;  // the build this page shows; 0 when no build has worked yet
  var viewKey = "bordermap-serve-view";
  var banner = null;

  function say(message) {
    if (!banner) {
      // Low on the page and narrower than it: the controls, the popup's title and the panel's buttons stay free.
      banner = document.createElement("div");
      banner.className = "bm-serve-banner";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:50%;transform:translateX(-50%);z-index:10000;" +
        "width:max-content;max-width:min(640px,calc(100% - 24px));padding:8px 36px 8px 12px;border-radius:4px;" +
        "background:#8a1c1c;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 1px 6px #0006";
      var text = document.createElement("span");
      text.className = "bm-serve-message";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "\u00d7";
      close.setAttribute("aria-label", "hide this message");
      close.style.cssText = "position:absolute;top:4px;right:6px;border:0;background:none;color:#fff;" +
        "font-size:18px;cursor:pointer";
      close.addEventListener("click", unsay);
      banner.appendChild(text);
      banner.appendChild(close);
      document.body.appendChild(banner);
    }
    banner.firstChild.textContent = message;
    // Above the map's bottom controls (scale, legend, attribution), whatever their height.
    var top = window.innerHeight;
    document.querySelectorAll(".leaflet-bottom .leaflet-control").forEach(function (control) {
      top = Math.min(top, control.getBoundingClientRect().top);
    });
    banner.style.bottom = (window.innerHeight - top + 8) + "px";
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
