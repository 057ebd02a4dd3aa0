// SKP pages, progressive enhancement only: every form works without this file.
(function () {
  "use strict";

  // The IKI form: the upper bound of a range only matters for "Dalam rentang target".
  function syncRange() {
    var direction = document.getElementById("direction");
    var high = document.getElementById("target_high");
    if (!direction || !high) { return; }
    var wrapper = high.closest(".mb-3");
    var label = document.querySelector("label[for='target_value']");
    function update() {
      var range = direction.value === "range";
      if (wrapper && !high.value) { wrapper.hidden = !range; }
      if (label) { label.firstChild.nodeValue = range ? "Batas bawah rentang" : "Target"; }
    }
    direction.addEventListener("change", update);
    update();
  }

  // "Cetak" buttons are hidden until this script can print.
  function enablePrint() {
    var buttons = document.querySelectorAll("[data-skp-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    syncRange();
    enablePrint();
  });
})();
