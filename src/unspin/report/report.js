/* unspin report (static file and web page): one highlight layer at a time, the details of
   a finding on click or Enter, the findings of the shown layer, tables labelled for small
   screens, every toggle open for printing. Static code shipped with unspin. Finding data
   is read from the JSON block #unspin-data and only ever inserted with textContent, never
   as HTML. */
(function () {
  "use strict";

  function init() {
    var root = document.getElementById("unspin-report");
    var dataEl = document.getElementById("unspin-data");
    var text = document.getElementById("text");
    var details = document.getElementById("details");
    var body = document.getElementById("details-body");
    if (!root || !dataEl || !text || !details || !body) { return; }
    var data;
    try { data = JSON.parse(dataEl.textContent); } catch (err) { return; }
    var findings = data.findings || [];
    var links = data.links || {};
    var closeBtn = document.getElementById("details-close");
    var MAX_QUOTE = 600;
    var current = "";
    var lastMark = null;

    function each(list, fn) { Array.prototype.forEach.call(list, fn); }

    function el(tag, cls, content) {
      var node = document.createElement(tag);
      if (cls) { node.className = cls; }
      if (content !== undefined && content !== null) { node.textContent = String(content); }
      return node;
    }

    function shorten(s, n) {
      s = String(s);
      return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
    }

    // a label as words: "named_person" -> "named person" (the data keeps the label)
    function words(label) {
      return String(label).replace(/_/g, " ");
    }

    function isIndex(i) {
      return typeof i === "number" && i >= 0 && i < findings.length && Math.floor(i) === i;
    }

    function marksOf(i) {
      return text.querySelectorAll('[data-f~="' + i + '"]');
    }

    /* -- one layer at a time ------------------------------------------------------ */
    function setLayer(layer) {
      current = layer || "";
      clearSelection();
      each(text.querySelectorAll(".on"), function (n) {
        n.classList.remove("on");
        n.removeAttribute("tabindex");
        n.removeAttribute("role");
        n.removeAttribute("title");
      });
      var previous = null;
      if (current) {
        each(text.querySelectorAll('[data-layer="' + current + '"]'), function (n) {
          n.classList.add("on");
          var f = n.getAttribute("data-f");
          if (f !== previous) { /* one tab stop per run of the same findings */
            n.setAttribute("tabindex", "0");
            n.setAttribute("role", "button");
          }
          previous = f;
        });
      }
      each(root.querySelectorAll(".legend-item"), function (p) {
        p.hidden = p.getAttribute("data-layer") !== current;
      });
      each(root.querySelectorAll("#findings .group"), function (g) {
        g.classList.toggle("current", g.getAttribute("data-layer") === current);
      });
      each(root.querySelectorAll('input[name="unspin-layer"]'), function (r) {
        r.checked = r.value === current;
        var bar = r.closest(".switch");
        if (r.checked && bar && bar.scrollWidth > bar.clientWidth) { /* a one-row switch */
          bar.scrollLeft = Math.max(0, r.parentElement.offsetLeft - bar.offsetLeft - 24);
        }
      });
    }

    each(root.querySelectorAll('input[name="unspin-layer"]'), function (r) {
      r.addEventListener("change", function () { if (r.checked) { setLayer(r.value); } });
    });

    /* -- the details of a finding ------------------------------------------------- */
    function valueNode(v) {
      if (typeof v === "string" && Object.prototype.hasOwnProperty.call(links, v)) {
        var link = links[v];
        var a = el("a", "", link.title || v);
        a.setAttribute("href", link.href);
        return a;
      }
      if (v === null || v === undefined) { return document.createTextNode("\u2014"); }
      if (Array.isArray(v) && v.length && v.every(cited)) {
        var ul = el("ul", "cited");
        v.forEach(function (o) { var li = el("li"); li.appendChild(citedNode(o)); ul.appendChild(li); });
        return ul;
      }
      if (cited(v)) { return citedNode(v); }
      if (typeof v === "object") { return document.createTextNode(JSON.stringify(v)); }
      return document.createTextNode(String(v));
    }

    /* a passage, a fact-check or another document: by its title and snippet with its
       offsets, never by its id */
    function cited(o) {
      return o !== null && typeof o === "object" && !Array.isArray(o) &&
        (typeof o.text === "string" || typeof o.claim_reviewed === "string");
    }

    function citedNode(o) {
      var span = el("span", "cite");
      var name = o.title || o.publisher || o.source;
      span.appendChild(el("strong", "", name || "untitled document"));
      if (typeof o.start === "number" && typeof o.end === "number") {
        span.appendChild(el("small", "", " chars " + o.start + "\u2013" + o.end));
      }
      ["stance", "rating", "verdict", "reason"].forEach(function (k) {
        if (typeof o[k] === "string" && o[k]) { span.appendChild(document.createTextNode(" \u00b7 " + o[k])); }
      });
      span.appendChild(document.createTextNode(": "));
      span.appendChild(el("q", "", shorten(o.text || o.claim_reviewed, 240)));
      return span;
    }

    function row(dl, name, node) {
      dl.appendChild(el("dt", "", name));
      var dd = el("dd");
      dd.appendChild(typeof node === "string" ? document.createTextNode(node) : node);
      dl.appendChild(dd);
    }

    function findingButton(i, cls, label) {
      var b = el("button", cls, label);
      b.setAttribute("type", "button");
      b.setAttribute("data-fi", String(i));
      return b;
    }

    function card(i) {
      var f = findings[i];
      var x = f.explanation || {};
      var box = el("article", "card");
      box.setAttribute("data-card", String(i));
      var h = el("h4");
      var sw = el("span", "sw " + (f.colour || ""));
      sw.setAttribute("aria-hidden", "true");
      h.appendChild(sw);
      h.appendChild(el("span", "kind", f.kind));
      h.appendChild(document.createTextNode(" \u00b7 " + words(f.label) + " "));
      h.appendChild(el("span", "score", "score " + Number(f.score).toFixed(2)));
      box.appendChild(h);
      box.appendChild(el("blockquote", "", shorten(f.text, MAX_QUOTE)));
      var dl = el("dl");
      row(dl, "why", x.rule || "\u2014");
      if (x.cues && x.cues.length) { row(dl, "cues", x.cues.join(", ")); }
      if (x.detail) { row(dl, "detail", x.detail); }
      if (x.model) { row(dl, "model", x.model); }
      if (x.confidence !== null && x.confidence !== undefined) {
        row(dl, "confidence", Number(x.confidence).toFixed(2));
      }
      row(dl, "analyzer", f.analyzer + " " + f.analyzer_version);
      row(dl, "offsets", "chars " + f.start + "\u2013" + f.end);
      var attrs = f.attributes || {};
      Object.keys(attrs).forEach(function (k) { row(dl, k, valueNode(attrs[k])); });
      (f.relations || []).forEach(function (r) {
        var node;
        if (isIndex(r.index)) {
          var t = findings[r.index];
          node = findingButton(r.index, "rel", t.kind + ": " + shorten(t.text, 80));
        } else {
          node = document.createTextNode(r.target);
        }
        row(dl, r.role, node);
      });
      box.appendChild(dl);
      return box;
    }

    function clearSelection() {
      each(root.querySelectorAll("#text .sel"), function (n) { n.classList.remove("sel"); });
      each(root.querySelectorAll(".fi.active"), function (n) { n.classList.remove("active"); });
    }

    function closeDetails() {
      clearSelection();
      details.classList.remove("open");
      if (closeBtn) { closeBtn.hidden = true; }
    }

    function flash(nodes) {
      each(nodes, function (n) {
        n.classList.remove("flash");
        void n.offsetWidth; /* restart the animation */
        n.classList.add("flash");
        window.setTimeout(function () { n.classList.remove("flash"); }, 1700);
      });
    }

    /* indices[0] gets its card; the others covering the same point are listed */
    function show(indices, scroll) {
      var first = indices[0];
      var f = findings[first];
      if (f.layer && f.layer !== current) { setLayer(f.layer); }
      clearSelection();
      body.textContent = "";
      body.appendChild(card(first));
      if (indices.length > 1) {
        var also = el("div", "also");
        also.appendChild(el("span", "hint", "Also covering this point:"));
        var ul = el("ul");
        indices.slice(1).forEach(function (i) {
          var li = el("li");
          var t = findings[i];
          li.appendChild(findingButton(i, "link", words(t.label) + ": " + shorten(t.text, 80)));
          ul.appendChild(li);
        });
        also.appendChild(ul);
        body.appendChild(also);
      }
      details.classList.add("open");
      if (closeBtn) { closeBtn.hidden = false; }
      var marks = marksOf(first);
      each(marks, function (n) { n.classList.add("sel"); });
      each(root.querySelectorAll('#findings .fi[data-fi="' + first + '"]'), function (b) {
        b.classList.add("active");
        var group = b.closest("details");
        if (group) { group.open = true; }
      });
      if (scroll && marks.length) {
        /* centred when it fits below the sticky layer switch; a longer finding opens
           at its first line, just below the switch (scroll-margin-top in the CSS) */
        var top = marks[0].getBoundingClientRect().top;
        var bottom = marks[marks.length - 1].getBoundingClientRect().bottom;
        var room = window.innerHeight - (layers ? layers.offsetHeight : 0);
        marks[0].scrollIntoView({ behavior: "smooth", block: bottom - top > room * 0.8 ? "start" : "center" });
        flash(marks);
      }
      var panel = document.getElementById("panel");
      if (panel) { panel.scrollTop = 0; }
      details.scrollTop = 0;
    }

    /* the innermost shown mark at a point: its findings, the innermost first */
    function pick(target) {
      for (var n = target; n && n !== text; n = n.parentElement) {
        if (n.classList && n.classList.contains("on") && n.getAttribute("data-f")) {
          var hits = [];
          n.getAttribute("data-f").split(" ").forEach(function (s) {
            var i = Number(s);
            if (isIndex(i) && hits.indexOf(i) < 0) { hits.push(i); }
          });
          if (hits.length) { lastMark = n; show(hits, false); }
          return true;
        }
      }
      return false;
    }

    /* the tooltip of the innermost highlight under the pointer: the explanations of its
       findings, written when the pointer comes over it (each is in the page once, in the
       finding data, not in every piece of text its marks cut a finding into) */
    var TIP_LIMIT = 400;
    function tip(i) {
      var f = findings[i];
      var x = f.explanation || {};
      var lines = [f.kind + " \u00b7 " + f.label + " \u00b7 score " + Number(f.score).toFixed(2),
        "rule: " + x.rule];
      if (x.cues && x.cues.length) { lines.push("cues: " + x.cues.join(", ")); }
      if (x.detail) { lines.push(x.detail); }
      if (x.model) {
        var known = x.confidence !== null && x.confidence !== undefined;
        lines.push("model: " + x.model + (known ? " (confidence " + Number(x.confidence).toFixed(2) + ")" : ""));
      }
      var flat = lines.join(" | ").trim().split(/\s+/).join(" ");
      if (flat.length > TIP_LIMIT) { flat = flat.slice(0, TIP_LIMIT - 1).replace(/\s+$/, "") + "\u2026"; }
      return flat.split(" | ").join("\n");
    }

    text.addEventListener("mouseover", function (ev) {
      var n = ev.target && ev.target.closest ? ev.target.closest(".on[data-f]") : null;
      if (!n || !text.contains(n) || n.hasAttribute("title")) { return; }
      var tips = [];
      n.getAttribute("data-f").split(" ").forEach(function (s) {
        var i = Number(s);
        if (isIndex(i)) { tips.push(tip(i)); }
      });
      n.setAttribute("title", tips.join("\n"));
    });

    text.addEventListener("click", function (ev) { pick(ev.target); });
    text.addEventListener("keydown", function (ev) {
      if ((ev.key === "Enter" || ev.key === " ") && pick(ev.target)) { ev.preventDefault(); }
    });

    /* a finding entry anywhere: panel, claims, sources, techniques, the details */
    root.addEventListener("click", function (ev) {
      var b = ev.target && ev.target.closest ? ev.target.closest("[data-fi]") : null;
      if (!b) { return; }
      var i = Number(b.getAttribute("data-fi"));
      if (isIndex(i)) { ev.preventDefault(); show([i], true); }
    });

    if (closeBtn) {
      closeBtn.addEventListener("click", function () {
        closeDetails();
        if (lastMark && lastMark.focus) { lastMark.focus(); }
      });
    }
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && details.classList.contains("open")) {
        closeDetails();
        if (lastMark && lastMark.focus) { lastMark.focus(); }
      }
    });

    /* tables collapse on small screens: each cell says its column */
    each(root.querySelectorAll("table"), function (table) {
      var heads = table.querySelectorAll(":scope > thead > tr > th");
      if (!heads.length) { return; }
      each(table.querySelectorAll(":scope > tbody > tr"), function (tr) {
        each(tr.children, function (cell, k) {
          if (heads[k] && cell.tagName === "TD" && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", heads[k].textContent.trim());
          }
        });
      });
    });

    /* printing: every toggle open, then as it was */
    var closed = [];
    window.addEventListener("beforeprint", function () {
      closed = Array.prototype.filter.call(root.querySelectorAll("details"), function (d) {
        return !d.open;
      });
      closed.forEach(function (d) { d.open = true; });
    });
    window.addEventListener("afterprint", function () {
      closed.forEach(function (d) { d.open = false; });
      closed = [];
    });

    /* keep the sticky panel below the sticky layer switch, whatever its height */
    var layers = root.querySelector(".layers");
    function fitPanel() {
      var h = layers ? layers.offsetHeight : 0;
      root.style.setProperty("--layers-h", h + "px");
    }

    var checked = root.querySelector('input[name="unspin-layer"]:checked');
    setLayer(checked ? checked.value : "");
    root.classList.add("js");
    fitPanel();
    window.addEventListener("resize", fitPanel);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
