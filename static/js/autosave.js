// Saves the answers form to the server while the representative types.
// The page works without this script; it never keeps answer text in the browser.
(function () {
  "use strict";

  function start(form) {
    var url = form.getAttribute("data-autosave-url");
    var interval = parseInt(form.getAttribute("data-autosave-interval"), 10) || 30000;
    var status = form.querySelector("[data-autosave-status]");
    var version = form.querySelector("input[name=version]");
    var dirty = false;
    var busy = false;

    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; busy = true; });

    function save() {
      if (!dirty || busy) { return; }
      busy = true;
      dirty = false;
      var data = new FormData(form);
      data.delete("action");
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (result.ok) {
          version.value = result.body.version;
          document.dispatchEvent(new CustomEvent("samordning:activity"));
        } else {
          dirty = true;
        }
        if (status) { status.textContent = result.body.message || ""; }
      }).catch(function () {
        dirty = true;
      }).then(function () {
        busy = false;
      });
    }

    window.setInterval(save, interval);
  }

  document.querySelectorAll("form[data-autosave-url]").forEach(start);
})();
