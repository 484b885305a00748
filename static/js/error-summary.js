// The error summary (GOV.UK pattern): focused when the page shows it, so a screen reader
// reads the problems first; each link moves focus to its field and shows the field's label.
// Without this script the links still lead to the fields (as ordinary anchors).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) { return; }
  summary.focus();

  function labelOf(input) {
    var fieldset = input.closest("fieldset");
    if (fieldset && fieldset.querySelector("legend") && (input.type === "radio" || input.type === "checkbox")) {
      return fieldset.querySelector("legend");
    }
    return document.querySelector("label[for='" + input.id + "']") || input;
  }

  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) { return; }
    event.preventDefault();
    labelOf(input).scrollIntoView();
    input.focus({ preventScroll: true });
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", link.getAttribute("href"));
    }
  });
}());
