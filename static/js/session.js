// Warns two minutes before the idle sign-out and lets the person stay signed in
// (WCAG 2.2.1). Without this script the sign-out still happens; only the warning is lost.
(function () {
  "use strict";
  var box = document.querySelector(".session-warning");
  if (!box) { return; }
  var idle = parseInt(box.getAttribute("data-idle-seconds"), 10) * 1000;
  var warning = parseInt(box.getAttribute("data-warning-seconds"), 10) * 1000;
  var form = box.querySelector("form");
  var timer = null;

  function schedule() {
    window.clearTimeout(timer);
    box.hidden = true;
    timer = window.setTimeout(function () {
      box.hidden = false;
      box.querySelector("button").focus();
    }, Math.max(idle - warning, 1000));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { if (response.ok) { schedule(); } });
  });
  // Saving a draft in the background also counts as activity on the server.
  document.addEventListener("samordning:activity", schedule);
  schedule();
})();
