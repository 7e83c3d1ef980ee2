/* thidua: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // A form (or the button that submits it) marked data-confirm asks before it posts:
  // cancelling a work or submitting a report cannot be undone.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute && button.getAttribute("data-confirm")) ||
      (event.target && event.target.getAttribute && event.target.getAttribute("data-confirm"));
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // A row refused by the rules comes back as 403/422 with its message: swap it in like a
  // success, so the reason is shown where the person clicked.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr && event.detail.xhr.status;
    if (status === 403 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    // After a live search swaps results in, announce how many were found to screen
    // readers (the results region itself is too long to be a live region).
    var summary = event.target && event.target.querySelector("[data-results-summary]");
    var live = document.getElementById("live-status");
    if (summary && live) {
      live.textContent = summary.textContent.replace(/\s+/g, " ").trim();
    }
    // After a row is replaced, keep the keyboard where it was (rows carry tabindex="-1").
    var target = event.detail && event.detail.target;
    var row = target && target.id ? document.getElementById(target.id) : null;
    if (row && row.getAttribute("tabindex") === "-1") {
      row.focus();
    }
  });

  // On a phone the menus scroll sideways: bring the current item into view.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("nav ul").forEach(function (list) {
      var current = list.querySelector("[aria-current]");
      if (current && list.scrollWidth > list.clientWidth) {
        list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
      }
    });
  });
})();
