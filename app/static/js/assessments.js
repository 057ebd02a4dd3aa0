// Penilaian periode, progressive enhancement only: every form works without this file.
(function () {
  "use strict";

  var UNSAVED = "Ada isian yang belum disimpan. Isian itu akan hilang bila Anda melanjutkan.";

  // The period form: warn before leaving with unsaved input, and before a "Hapus" (a separate form)
  // would drop what was typed.
  function guardUnsaved() {
    var form = document.querySelector("form[data-pn-dirty-check]");
    if (!form) { return; }
    var dirty = false;
    function mark() { dirty = true; }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = UNSAVED; }
    });
    var removals = document.querySelectorAll("form[data-pn-remove]");
    Array.prototype.forEach.call(removals, function (removal) {
      removal.addEventListener("submit", function (event) {
        if (dirty && !window.confirm(UNSAVED + " Tetap hapus bukti dukung ini?")) {
          event.preventDefault();
          return;
        }
        dirty = false;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", guardUnsaved);
})();
