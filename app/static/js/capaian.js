// On every page, progressive enhancement only.
(function () {
  "use strict";

  // A form that failed shows a summary of its errors at the top of the page
  // (templates/_forms.html error_summary): the focus moves there, so that a screen reader reads it
  // and a long page does not hide it.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: "start" });
  }

  // What cannot be undone asks first, the same way everywhere: a button (or a form) with
  // data-confirm="<the question>" submits only when the question is answered OK.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm], input[type=submit][data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && !event.submitter && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
