/* thidua: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Is a field the server will refuse left empty? A required field, or one the pressed
  // button needs (data-required-for="submit" on the report's summary).
  function emptyRequired(form, button) {
    var action = (button && button.value) || "";
    return Array.prototype.some.call(form.elements || [], function (field) {
      var wanted = (field.getAttribute("data-required-for") || "").split(/\s+/);
      if (field.disabled || !(field.required || (action && wanted.indexOf(action) >= 0))) {
        return false;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        return !form.querySelector("[name='" + field.name + "']:checked");
      }
      return !String(field.value || "").trim();
    });
  }

  // A form (or the button that submits it) marked data-confirm asks before it posts:
  // cancelling a work or submitting a report cannot be undone. A form that misses a
  // required field is sent without the question: the server says what to fill in first,
  // beside the field, and the question comes when there is something to confirm.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute && button.getAttribute("data-confirm")) ||
      (event.target && event.target.getAttribute && event.target.getAttribute("data-confirm"));
    if (question && emptyRequired(event.target, button)) {
      return;
    }
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
    if (event.target && event.target.querySelectorAll) {
      event.target.querySelectorAll("[data-maxlength]").forEach(lengthCounter);
    }
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

  // A free-text field says how long it may be (data-maxlength, checked on the server):
  // from 80 % of the limit a counter shows the length, and marks it when it is over.
  function lengthCounter(field) {
    var limit = parseInt(field.getAttribute("data-maxlength"), 10);
    if (!limit || field.type === "hidden" || field.hasAttribute("data-counted")) {
      return;
    }
    field.setAttribute("data-counted", "");
    var counter = document.createElement("p");
    var locale = document.documentElement.lang || "vi";
    counter.className = "field__count";
    counter.id = (field.id || field.name) + "-count";
    field.insertAdjacentElement("afterend", counter);
    function update() {
      var length = field.value.length;
      counter.hidden = length < limit * 0.8;
      counter.classList.toggle("field__count--over", length > limit);
      counter.textContent = length.toLocaleString(locale) + " / " + limit.toLocaleString(locale);
    }
    field.addEventListener("input", update);
    update();
  }

  // On a phone the menus scroll sideways: bring the current item into view.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-maxlength]").forEach(lengthCounter);
    document.querySelectorAll("nav ul").forEach(function (list) {
      var current = list.querySelector("[aria-current]");
      if (current && list.scrollWidth > list.clientWidth) {
        list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
      }
    });
  });
})();
