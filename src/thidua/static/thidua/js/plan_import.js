// Plan import review page. A field's "Dòng n" link highlights its source line with CSS
// (:target) and the browser scrolls to it. On a wide screen, where the source text sits in
// its own scrolling column beside the fields, only that column is scrolled, so the field
// stays where the person is reading; the field followed is marked as the current one.
(function () {
  "use strict";
  function mark(selector, element, cls) {
    var previous = document.querySelectorAll(selector + "." + cls);
    for (var i = 0; i < previous.length; i += 1) { previous[i].classList.remove(cls); }
    if (element) { element.classList.add(cls); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".pi-field__src") : null;
    if (!link) { return; }
    mark(".pi-field", link.closest(".pi-field"), "is-current");
    var pane = document.querySelector(".pi-source");
    var line = document.getElementById("L" + link.getAttribute("data-line"));
    if (!pane || !line || pane.scrollHeight <= pane.clientHeight) { return; }
    event.preventDefault();
    mark(".pi-line", line, "is-target");
    var offset = line.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    pane.scrollTop += offset - pane.clientHeight / 3;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + line.id);
    }
  });
})();
