// Tinjauan periode, progressive enhancement only: the review form works without this file (a phrase
// chosen from a pick-list is then added to its feedback when the form is saved, and the predikat is
// shown after saving).
(function () {
  "use strict";

  // The same rule as the server (app/reviews/period_forms.py with_phrase): the phrase alone into an
  // empty field, else appended once.
  function withPhrase(text, phrase) {
    text = text.replace(/\s+$/, "").replace(/^\s+/, "");
    if (!phrase || text.indexOf(phrase) !== -1) { return text; }
    if (!text) { return phrase; }
    return text + (/[.!?;:]$/.test(text) ? " " : ". ") + phrase;
  }

  function phrasePicker(select) {
    var target = document.getElementById(select.getAttribute("data-rv-phrase"));
    if (!target) { return; }
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (!option || !option.value) { return; }
      target.value = withPhrase(target.value, option.text);
      select.value = "";  // inserted now: the server must not add it a second time
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.focus();
      target.setSelectionRange(target.value.length, target.value.length);
    });
  }

  function checked(form, name) {
    var input = form.querySelector("input[name='" + name + "']:checked");
    return input ? input.value : "";
  }

  // The predikat as it follows from the two ratings (the 3×3 table the server rendered), and a
  // reminder that a rating other than the suggestion needs a reason.
  function livePredikat(form) {
    var output = form.querySelector("[data-rv-matrix]");
    if (!output) { return; }
    var matrix = JSON.parse(output.getAttribute("data-rv-matrix"));
    var note = form.querySelector("[data-rv-predikat-note]");
    var reason = form.querySelector("[data-rv-reason]");
    var cells = form.querySelectorAll("[data-rv-cell]");
    var saved = output.textContent;
    function update() {
      var result = checked(form, "result_rating"), behavior = checked(form, "behavior_rating");
      var key = result + "|" + behavior;
      if (result && behavior && matrix[key]) {
        output.textContent = matrix[key];
        if (note) { note.textContent = "Menurut rating yang dipilih; ditetapkan saat disetujui."; }
      } else {
        output.textContent = saved;
      }
      Array.prototype.forEach.call(cells, function (cell) {
        cell.classList.toggle("rv-current", cell.getAttribute("data-rv-cell") === key);
      });
      if (reason) {
        var suggested = reason.getAttribute("data-rv-suggested");
        var hint = reason.querySelector(".rv-reason-needed");
        if (hint) { hint.hidden = !(suggested && result && result !== suggested); }
      }
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === "result_rating" || event.target.name === "behavior_rating") { update(); }
    });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-rv-phrase]"), phrasePicker);
    var form = document.querySelector("form.rv-form");
    if (form) { livePredikat(form); }
  });
})();
