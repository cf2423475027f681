// unspin workbench: shared page behaviour (no inline script: the CSP forbids it).
// unspin.csrf() reads the token from <meta name="csrf-token">; unspin.fetchJSON sends it.
"use strict";
(function () {
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }
  function fetchJSON(url, options) {
    var opts = options || {};
    var headers = new Headers(opts.headers || {});
    headers.set("Accept", "application/json");
    var method = (opts.method || "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") headers.set("X-CSRF-Token", csrf());
    opts.headers = headers;
    opts.credentials = "same-origin";
    return fetch(url, opts).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var err = new Error(body.detail || body.title || ("HTTP " + response.status));
          err.status = response.status;
          err.body = body;
          throw err;
        }
        return body;
      });
    });
  }
  // Forms marked data-busy disable their submit button while the request runs.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-busy")) return;
    var button = form.querySelector('button[type="submit"], button:not([type])');
    if (button) {
      button.disabled = true;
      button.textContent = form.getAttribute("data-busy") || "Working…";
    }
  });
  window.unspin = { csrf: csrf, fetchJSON: fetchJSON };
})();
