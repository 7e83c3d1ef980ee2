/* thidua works pages: open the action named in the address ("#cap-nhat-tien-do").
   Every form works without this file; the shared behaviours are in app.js. */
(function () {
  "use strict";

  function openFromHash() {
    if (!window.location.hash) { return; }
    var node = document.getElementById(window.location.hash.slice(1));
    if (node && node.tagName === "DETAILS") {
      node.open = true;
      node.scrollIntoView();
    }
  }
  document.addEventListener("DOMContentLoaded", openFromHash);
  window.addEventListener("hashchange", openFromHash);
})();
