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
  // A button with data-print prints the page (its print styles hide the menus and forms).
  document.addEventListener("click", function (event) {
    if (event.target.closest("button[data-print]")) {
      window.print();
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && !event.submitter && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // A date is typed dd/mm/yyyy (forms.IndonesianDateField); beside it a button opens the
  // browser's calendar, whose choice is written back in the same form.
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-date-picker]"), function (text) {
    var calendar = document.createElement("input");
    calendar.type = "date";
    calendar.tabIndex = -1;
    calendar.className = "date-picker-native";
    calendar.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-secondary date-picker-button";
    button.textContent = "Kalender";
    button.setAttribute("aria-label", "Pilih tanggal dari kalender");
    var group = document.createElement("div");
    group.className = "input-group date-picker";
    text.parentNode.insertBefore(group, text);
    group.appendChild(text);
    group.appendChild(button);
    group.appendChild(calendar);
    button.addEventListener("click", function () {
      var m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(text.value.trim());
      calendar.value = m ? m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]) : "";
      if (calendar.showPicker) { calendar.showPicker(); } else { calendar.focus(); }
    });
    calendar.addEventListener("change", function () {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(calendar.value);
      if (m) { text.value = m[3] + "/" + m[2] + "/" + m[1]; text.focus(); }
    });
  });

  // A file input speaks the browser's language ("Choose Files"); with this script it is shown as a
  // button "Pilih berkas" and the names chosen (the input itself stays, visually hidden, for the
  // keyboard and screen readers).
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file]"), function (input) {
    if (!input.id) { return; }
    var label = document.createElement("label");
    label.className = "btn btn-outline-secondary btn-sm file-pick";
    label.htmlFor = input.id;
    label.textContent = input.multiple ? "Pilih berkas…" : "Pilih berkas";
    var chosen = document.createElement("span");
    chosen.className = "file-chosen small text-body-secondary ms-2";
    chosen.setAttribute("aria-live", "polite");
    chosen.textContent = "Belum ada berkas dipilih";
    input.classList.add("file-input-hidden");
    input.parentNode.insertBefore(label, input.nextSibling);
    label.parentNode.insertBefore(chosen, label.nextSibling);
    input.addEventListener("change", function () {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      chosen.textContent = names.length ? names.join(", ") : "Belum ada berkas dipilih";
    });
  });
})();
