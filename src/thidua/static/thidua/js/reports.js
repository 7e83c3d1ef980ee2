/* thidua report pages: small enhancements. Every form works without this file;
   the consolidation progress bar polls through HTMX attributes alone. */
(function () {
  "use strict";

  // A button marked data-confirm asks before its form posts (submitting a report is the
  // unit head's confirmation and cannot be undone).
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute && button.getAttribute("data-confirm");
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

  // On a phone the site menu scrolls sideways: bring "Báo cáo" / "Bảng điều khiển" into view.
  document.addEventListener("DOMContentLoaded", function () {
    var current = document.querySelector(".site-nav [aria-current]");
    var list = current && current.closest(".site-nav__list");
    if (list && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    }
  });

  // After a table row is replaced, keep the keyboard where it was.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var row = target && target.id ? document.getElementById(target.id) : null;
    if (row && row.classList.contains("submission")) {
      row.focus();
    }
  });
})();
