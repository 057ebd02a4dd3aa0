// Ekspor dokumen: follow the job's progress every 2 s (without JS the page refreshes itself).
(function () {
  "use strict";
  var box = document.getElementById("ekspor");
  if (!box || box.getAttribute("data-running") !== "true" || !window.fetch) { return; }
  var url = box.getAttribute("data-progress-url");

  function show(state) {
    box.querySelector("[data-job-label]").textContent = state.label;
    box.querySelector("[data-job-done]").textContent = state.done;
    box.querySelector("[data-job-total]").textContent = state.total;
    var bar = box.querySelector("[data-job-bar]");
    bar.max = state.total || 1;
    bar.value = state.done;
    box.querySelector("[data-job-message]").textContent = state.message || "";
    if (state.status === "DONE") {
      box.querySelector("[data-job-done-box]").hidden = false;
      if (state.download) { box.querySelector("[data-job-download]").href = state.download; }
    }
    if (state.status === "FAILED") { box.querySelector("[data-job-failed-box]").hidden = false; }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        show(state);
        if (!state.finished) { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
