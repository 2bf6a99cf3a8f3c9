// Reload the capture page when the message store changes (new message or clear).
(function () {
  "use strict";
  var body = document.body;
  var seen = body.getAttribute("data-version");
  var url = body.getAttribute("data-stats-url");
  function poll() {
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (stats) {
        if (stats && String(stats.version) !== seen) { window.location.reload(); }
      })
      .catch(function () { /* server restarting; try again later */ })
      .finally(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
