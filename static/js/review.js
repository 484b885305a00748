// The coordinator's review: one button switches every answer between its text and its
// changes since the previous period (without this script a link does it, ?visa=andringar);
// an error summary takes the focus when shown.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  var toggle = document.querySelector("[data-changes-toggle]");
  if (!toggle) { return; }
  var link = document.querySelector(".answers-view-link");

  function show(changes) {
    toggle.setAttribute("aria-pressed", changes ? "true" : "false");
    document.querySelectorAll("[data-answer-view]").forEach(function (view) {
      view.hidden = (view.getAttribute("data-answer-view") === "changes") !== changes;
    });
  }

  toggle.hidden = false;
  if (link) { link.hidden = true; }
  toggle.addEventListener("click", function () {
    var changes = toggle.getAttribute("aria-pressed") !== "true";
    show(changes);
    // The address keeps the view, so reloading or going back shows the same.
    var url = new URL(window.location.href);
    if (changes) { url.searchParams.set("visa", "andringar"); } else { url.searchParams.delete("visa"); }
    window.history.replaceState(null, "", url.toString());
  });
})();
