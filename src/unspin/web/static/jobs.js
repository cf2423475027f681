// Ingestion jobs: start one from the form (POST /api/v1/jobs with the CSRF header) and
// follow every unfinished job: server-sent events, or polling when the stream fails.
"use strict";
(function () {
  var FINISHED = { done: true, failed: true };
  var list = document.getElementById("jobs");
  var template = document.getElementById("job-template");
  var form = document.getElementById("job-form");
  if (!list || !template) return;

  function field(el, name) { return el.querySelector('[data-field="' + name + '"]'); }

  function fill(el, job) {
    el.setAttribute("data-job-id", job.id);
    el.setAttribute("data-status", job.status);
    field(el, "status").textContent = job.status + (job.stage && job.stage !== job.status ? " (" + job.stage + ")" : "");
    field(el, "files").textContent = (job.files || []).join(", ");
    var bar = field(el, "progress");
    if (job.total) {
      bar.max = job.total;
      bar.value = job.done;
    } else if (FINISHED[job.status]) {
      bar.max = 1;
      bar.value = 1;
    } else {
      bar.removeAttribute("value");
    }
    bar.textContent = String(job.done);
    field(el, "done").textContent = job.done + (job.total ? " of " + job.total : "") + " inputs";
    var counts = job.counts || {};
    field(el, "counts").textContent = Object.keys(counts).map(function (k) { return k + " " + counts[k]; }).join(" · ");
    var errors = field(el, "errors");
    errors.textContent = "";
    (job.errors || []).slice(0, 20).forEach(function (e) {
      var li = document.createElement("li");
      li.textContent = (e.source || "") + ": " + (e.message || e.error || "");
      errors.appendChild(li);
    });
    if (job.message && job.status === "failed") {
      var li = document.createElement("li");
      li.textContent = job.message;
      errors.appendChild(li);
    }
  }

  function poll(el, id) {
    window.unspin.fetchJSON("/api/v1/jobs/" + encodeURIComponent(id)).then(function (job) {
      fill(el, job);
      if (!FINISHED[job.status]) window.setTimeout(function () { poll(el, id); }, 1000);
    }).catch(function () {
      window.setTimeout(function () { poll(el, id); }, 3000);
    });
  }

  function follow(el) {
    var id = el.getAttribute("data-job-id");
    if (!id || FINISHED[el.getAttribute("data-status")]) return;
    if (!window.EventSource) { poll(el, id); return; }
    var source = new EventSource("/api/v1/jobs/" + encodeURIComponent(id) + "/events");
    var ended = false;
    function update(event) {
      try { fill(el, JSON.parse(event.data)); } catch (e) { /* ignore a bad event */ }
    }
    source.addEventListener("progress", update);
    source.addEventListener("end", function (event) {
      ended = true;
      update(event);
      source.close();
    });
    source.onerror = function () {
      source.close();
      if (!ended) poll(el, id);
    };
  }

  Array.prototype.forEach.call(list.querySelectorAll(".job"), follow);

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = form.querySelector("[data-result]");
      var button = form.querySelector("button");
      button.disabled = true;
      result.classList.add("hidden");
      window.unspin.fetchJSON("/api/v1/jobs", { method: "POST", body: new FormData(form) })
        .then(function (job) {
          var el = template.content.firstElementChild.cloneNode(true);
          fill(el, job);
          list.insertBefore(el, list.firstChild);
          var none = document.getElementById("no-jobs");
          if (none) none.classList.add("hidden");
          form.reset();
          follow(el);
        })
        .catch(function (err) {
          result.textContent = err.message;
          result.classList.remove("hidden");
        })
        .then(function () { button.disabled = false; });
    });
  }
})();
