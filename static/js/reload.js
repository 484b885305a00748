/* A page that waits for work on the server (the report's publishing progress) reloads
   itself after the seconds its data-reload-after attribute names. A script rather than
   <meta http-equiv="refresh">, which WCAG 2.2.1 (and axe) fails; the page also offers a
   link that stops the updating. */
document.addEventListener("DOMContentLoaded", function () {
  var marker = document.querySelector("[data-reload-after]");
  if (!marker) return;
  var seconds = parseInt(marker.getAttribute("data-reload-after"), 10) || 3;
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
});
