/* thidua works pages: small enhancements. Every form works without this file. */
(function () {
  "use strict";

  // Forms marked data-confirm ask before they post (cancelling a work cannot be undone).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // An approval row refused by the rules comes back as 403/422 with its message:
  // swap it in like a success, so the reason is shown where the person clicked.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr && event.detail.xhr.status;
    if (status === 403 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After a queue row is replaced, keep the keyboard where it was.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var row = target && target.id ? document.getElementById(target.id) : null;
    if (row && row.classList.contains("queue-item")) {
      row.focus();
    }
  });

  // Open the action whose anchor is in the address ("#cap-nhat-tien-do").
  function openFromHash() {
    if (!window.location.hash) { return; }
    var node = document.getElementById(window.location.hash.slice(1));
    if (node && node.tagName === "DETAILS") {
      node.open = true;
      node.scrollIntoView();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    openFromHash();
    // On a phone the works menu scrolls sideways: bring the current page into view.
    var current = document.querySelector(".works-nav [aria-current]");
    var list = current && current.closest(".works-nav__list");
    if (list && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    }
  });
  window.addEventListener("hashchange", openFromHash);
})();
