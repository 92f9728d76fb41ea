// The one DOM helper of the page's scripts: an element with a class and its text, set with textContent, never as
// HTML (issue #2). Every script that builds nodes takes it from here; it depends on nothing.
function bmEl(tag, className, text) {
  "use strict";
  var node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  return node;
}
