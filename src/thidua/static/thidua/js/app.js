/* thidua: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // After a live search swaps results in, announce how many were found to screen readers
  // (the results region itself is too long to be a live region).
  document.addEventListener("htmx:afterSwap", function (event) {
    var summary = event.target && event.target.querySelector("[data-results-summary]");
    var live = document.getElementById("live-status");
    if (summary && live) {
      live.textContent = summary.textContent.replace(/\s+/g, " ").trim();
    }
  });
})();
