// unspin workbench: the review loop on a stored document's page (partials/review.html).
// Adds "correct" / "wrong" buttons and a note to the details card of the selected
// finding (and a 1-5 rating form on claims), lists the marks and the orphans. Every
// string from the server or the article goes in through textContent, never as HTML.
// POSTs carry the CSRF header from <meta name="csrf-token">.
"use strict";
(function () {
  var KEY = "unspin.reviewer";
  var NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_ .@'-]*$/u;

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function shorten(s, n) {
    s = String(s || "").replace(/\s+/g, " ").trim();
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }

  function request(url, method, body) {
    var headers = { "Accept": "application/json" };
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      headers["X-CSRF-Token"] = csrf();
    }
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var detail = data.detail || data.title || ("HTTP " + response.status);
          if (data.errors && data.errors.length) { detail += ": " + data.errors[0].msg; }
          throw new Error(detail);
        }
        return data;
      });
    });
  }

  function init() {
    var root = document.getElementById("review");
    if (!root) { return; }
    var base = "/api/v1/documents/" + encodeURIComponent(root.getAttribute("data-document"));
    var findings = [];
    var data = document.getElementById("unspin-data");
    try { findings = JSON.parse(data ? data.textContent : "{}").findings || []; } catch (e) { findings = []; }
    var tools = document.getElementById("review-tools");
    var nameForm = root.querySelector("[data-review-name]");
    var who = root.querySelector("[data-review-who]");
    var status = root.querySelector("[data-review-status]");
    var loginName = null;
    var reviews = { marks: [], ratings: [] };

    function say(text, isError) {
      status.textContent = text;
      status.classList.toggle("error", Boolean(isError));
    }

    function storedName() {
      try { return window.localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
    }

    function reviewer() { return loginName || storedName(); }

    function showName() {
      var name = reviewer();
      nameForm.hidden = Boolean(name);
      who.hidden = !name;
      who.querySelector("strong").textContent = name;
      who.querySelector("[data-review-rename]").hidden = Boolean(loginName);
    }

    nameForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var value = nameForm.querySelector("input").value.replace(/\s+/g, " ").trim();
      if (!value || value.length > 64 || !NAME.test(value)) {
        say("A name may hold letters, digits, spaces and . _ - @ ' (64 at most).", true);
        return;
      }
      try { window.localStorage.setItem(KEY, value); } catch (e) { /* private mode */ }
      say("");
      showName();
    });
    who.querySelector("[data-review-rename]").addEventListener("click", function () {
      try { window.localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
      showName();
      // cleared here only: the reviews' late arrival must not wipe a name being typed
      nameForm.querySelector("input").value = "";
      nameForm.querySelector("input").focus();
    });

    function describe(item) {
      var li = el("li");
      var cur = item.current || {};
      if (item.type === "mark") {
        li.appendChild(el("span", "verdict-" + item.verdict, item.verdict));
      } else {
        li.appendChild(el("span", "rating", "rated " + item.scale + "/5 \u00b7 " + item.rating));
      }
      li.appendChild(document.createTextNode(" \u00b7 " + item.kind + ": " + item.label + " \u00b7 \u201c" +
        shorten(item.anchor.quote, 90) + "\u201d \u00b7 " + item.reviewer));
      if (item.note) { li.appendChild(el("span", "note", " \u2014 " + shorten(item.note, 200))); }
      if (cur.state === "orphan") { li.appendChild(el("span", "orphan", " (orphan)")); }
      if (!item.counted) { li.appendChild(el("span", "muted", " (superseded)")); }
      return li;
    }

    function render() {
      var all = reviews.marks.concat(reviews.ratings);
      var list = root.querySelector("[data-review-list]");
      var orphanList = root.querySelector("[data-review-orphan-list]");
      list.textContent = "";
      orphanList.textContent = "";
      var orphans = 0;
      all.forEach(function (item) {
        if (item.current && item.current.state === "orphan") {
          orphanList.appendChild(describe(item));
          orphans += 1;
        } else {
          list.appendChild(describe(item));
        }
      });
      root.querySelector("[data-review-count]").textContent = "(" + (all.length - orphans) + ")";
      root.querySelector("[data-review-orphans]").hidden = orphans === 0;
      Array.prototype.forEach.call(document.querySelectorAll(".review-tools[data-finding]"), fill);
    }

    function fill(box) {
      var fid = box.getAttribute("data-finding");
      var ul = box.querySelector("[data-review-marks]");
      ul.textContent = "";
      reviews.marks.concat(reviews.ratings).forEach(function (item) {
        if (item.current && item.current.finding_id === fid) { ul.appendChild(describe(item)); }
      });
    }

    function load() {
      return request(base + "/reviews", "GET").then(function (body) {
        loginName = body.reviewer || null;
        reviews = body;
        showName();
        render();
      }).catch(function (err) { say("Reviews could not be loaded: " + err.message, true); });
    }

    function submit(path, body, box) {
      var name = reviewer();
      if (!name) {
        say("Set your name first.", true);
        nameForm.querySelector("input").focus();
        return;
      }
      if (!loginName) { body.reviewer = name; }
      var buttons = box.querySelectorAll("button");
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      request(base + path, "POST", body).then(function (saved) {
        box.querySelector("textarea").value = "";
        return load().then(function () {
          say(saved.type === "mark" ? "Marked " + saved.verdict + "." : "Rated " + saved.scale + "/5.");
        });
      }).catch(function (err) {
        say("Not saved: " + err.message, true);
      }).then(function () {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
      });
    }

    function decorate(card) {
      if (card.querySelector(".review-tools")) { return; }
      var f = findings[Number(card.getAttribute("data-card"))];
      if (!f || !f.id) { return; }
      var box = tools.content.firstElementChild.cloneNode(true);
      box.setAttribute("data-finding", f.id);
      Array.prototype.forEach.call(box.querySelectorAll("[data-verdict]"), function (b) {
        b.addEventListener("click", function () {
          submit("/reviews", {
            finding_id: f.id,
            verdict: b.getAttribute("data-verdict"),
            note: box.querySelector("textarea").value
          }, box);
        });
      });
      var rating = box.querySelector("[data-review-rating]");
      if (f.kind === "claim") {
        rating.hidden = false;
        box.querySelector("[data-rate]").addEventListener("click", function () {
          submit("/ratings", {
            finding_id: f.id,
            scale: Number(box.querySelector("select").value),
            rating: box.querySelector('input[name="rating"]').value,
            note: box.querySelector("textarea").value
          }, box);
        });
      }
      card.appendChild(box);
      fill(box);
    }

    var details = document.getElementById("details-body");
    if (details) {
      new MutationObserver(function () {
        Array.prototype.forEach.call(details.querySelectorAll("article.card[data-card]"), decorate);
      }).observe(details, { childList: true, subtree: true });
    }
    showName();
    load();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
