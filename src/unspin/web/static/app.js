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
      if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
      button.disabled = true;
      button.textContent = form.getAttribute("data-busy") || "Working…";
    }
  });
  // Numbers of a JSON answer in one line ("added 3 · skipped 1"), nested objects flattened.
  function summarise(body, prefix) {
    var parts = [];
    Object.keys(body || {}).forEach(function (key) {
      var value = body[key];
      var name = (prefix ? prefix + " " : "") + key.replace(/_/g, " ");
      if (typeof value === "number") parts.push(name + " " + value);
      else if (Array.isArray(value)) parts.push(name + " " + value.length);
      else if (value && typeof value === "object") parts = parts.concat(summarise(value, name));
    });
    return parts;
  }
  // Forms marked data-api-upload send their files to the API (with the CSRF header) and
  // show what it did in their [data-result] element.
  // Run handle(form) instead of submitting forms that carry the attribute.
  function onSubmit(attribute, handle) {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute(attribute)) return;
      event.preventDefault();
      handle(form);
    });
  }
  onSubmit("data-api-upload", function (form) {
    var result = form.querySelector("[data-result]");
    var button = form.querySelector("button");
    if (button) button.disabled = true;
    if (result) result.textContent = "Importing…";
    fetchJSON(form.getAttribute("action"), { method: "POST", body: new FormData(form) })
      .then(function (body) {
        if (result) result.textContent = "Done: " + (summarise(body).join(" · ") || "nothing to report");
        form.reset();
      })
      .catch(function (err) {
        if (result) result.textContent = "Failed: " + err.message;
      })
      .then(function () { if (button) button.disabled = false; });
  });
  // The message of an error answer: a problem's detail, or the alert of an HTML page
  // (parsed inertly: DOMParser runs no script).
  function errorText(response, text) {
    try {
      var body = JSON.parse(text);
      return body.detail || body.title || ("HTTP " + response.status);
    } catch (e) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      // the first alert with words (a form's empty result slot comes after the page's
      // alert), else the page's first paragraph: one selector list would take whichever
      // comes first in the page, the page's introduction above the alert
      var alerts = Array.prototype.filter.call(doc.querySelectorAll('[role="alert"]'),
        function (el) { return el.textContent.trim(); });
      var alert = alerts[0] || doc.querySelector("main p") || doc.querySelector("p");
      return (alert && alert.textContent.trim()) || ("HTTP " + response.status);
    }
  }
  // Forms marked data-fetch-submit (multipart: a file) are sent by fetch with the CSRF
  // header; the browser then goes where the answer redirected.
  onSubmit("data-fetch-submit", function (form) {
    var result = form.querySelector("[data-result]");
    var button = form.querySelector("button");
    var label = button ? button.getAttribute("data-label") || button.textContent : "";
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf(), "Accept": "text/html" }
    }).then(function (response) {
      if (response.ok && response.redirected) {
        window.location.assign(response.url);
        return null;
      }
      return response.text().then(function (text) {
        throw new Error(response.ok ? "unexpected answer" : errorText(response, text));
      });
    }).catch(function (err) {
      if (result) {
        result.textContent = err.message;
        result.classList.remove("hidden");
      }
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
    });
  });
  window.unspin = { csrf: csrf, fetchJSON: fetchJSON };
})();
