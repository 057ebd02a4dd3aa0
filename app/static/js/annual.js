// Evaluasi tahunan, progressive enhancement only: the table works without this file.
(function () {
  "use strict";

  var UNSAVED = "Ada rating yang belum disimpan. Isian itu akan hilang bila Anda melanjutkan.";

  // The predikat of a row follows its two ratings (the matrix comes from the server).
  function livePredikat() {
    var table = document.querySelector("table[data-ev-matrix]");
    if (!table) { return; }
    var matrix = JSON.parse(table.getAttribute("data-ev-matrix"));
    Array.prototype.forEach.call(table.querySelectorAll("[data-ev-row]"), function (row) {
      var result = row.querySelector("[data-ev-result]");
      var behavior = row.querySelector("[data-ev-behavior]");
      var output = row.querySelector("[data-ev-predikat]");
      if (!result || !behavior || !output) { return; }
      function update() {
        var found = matrix[result.value + "|" + behavior.value];
        var span = document.createElement("span");
        if (found) {
          span.className = "ev-predikat ev-p-" + found[1];
          span.textContent = found[0];
        } else {
          span.className = "text-body-secondary";
          span.textContent = "–";
        }
        output.replaceChildren(span);
      }
      result.addEventListener("change", update);
      behavior.addEventListener("change", update);
    });
  }

  function guardUnsaved() {
    var form = document.querySelector("form[data-ev-dirty-check]");
    if (!form) { return; }
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = UNSAVED; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    livePredikat();
    guardUnsaved();
  });
})();
