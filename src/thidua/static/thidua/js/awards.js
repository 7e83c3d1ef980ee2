// thidua — awards pages. The live checks are plain HTMX attributes; this file only keeps
// the simplified-procedure box consistent with the basis (thủ tục đơn giản: đột xuất only).
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var basis = event.target;
    if (!basis || basis.id !== "id_basis") return;
    var simplified = document.getElementById("id_simplified");
    if (simplified && basis.value !== "exceptional") simplified.checked = false;
  });
})();
