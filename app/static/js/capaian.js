// On every page, progressive enhancement only. A form that failed shows a summary of its errors
// above it (templates/_forms.html form_errors): the focus moves there, so that a screen reader reads
// it and a long page does not hide it.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }
})();
