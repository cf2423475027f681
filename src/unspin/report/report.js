/* unspin HTML report: legend toggles, details on click, panel navigation.
   Static code shipped with unspin. Finding data is read from the JSON block
   #unspin-data and only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var dataEl = document.getElementById("unspin-data");
  var text = document.getElementById("text");
  var details = document.getElementById("details-body");
  if (!dataEl || !text || !details) { return; }
  var data;
  try { data = JSON.parse(dataEl.textContent); } catch (err) { return; }
  var findings = data.findings || [];
  var links = data.links || {};
  var MAX_QUOTE = 600;

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

  function isIndex(i) {
    return typeof i === "number" && i >= 0 && i < findings.length && Math.floor(i) === i;
  }

  function marksOf(i) {
    return text.querySelectorAll('[data-f~="' + i + '"]');
  }

  function layerHidden(layer) {
    return text.classList.contains("hide-" + layer);
  }

  /* legend toggles */
  var boxes = document.querySelectorAll("input[data-layer]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
    });
  });

  /* an attribute value: a link when it names another report, else text */
  function valueNode(v) {
    if (typeof v === "string" && Object.prototype.hasOwnProperty.call(links, v)) {
      var a = el("a", "", v);
      a.setAttribute("href", links[v]);
      return a;
    }
    if (v === null || v === undefined) { return document.createTextNode("\u2014"); }
    if (typeof v === "object") { return document.createTextNode(JSON.stringify(v)); }
    return document.createTextNode(String(v));
  }

  function row(dl, name, node) {
    dl.appendChild(el("dt", "", name));
    var dd = el("dd");
    dd.appendChild(typeof node === "string" ? document.createTextNode(node) : node);
    dl.appendChild(dd);
  }

  function card(i) {
    var f = findings[i];
    var x = f.explanation || {};
    var box = el("article", "card");
    var h = el("h3");
    var sw = el("mark", "sw " + f.layer, f.kind);
    h.appendChild(sw);
    h.appendChild(document.createTextNode(" " + f.label + " "));
    h.appendChild(el("span", "score", "score " + Number(f.score).toFixed(2)));
    box.appendChild(h);
    box.appendChild(el("blockquote", "", shorten(f.text, MAX_QUOTE)));
    var dl = el("dl");
    row(dl, "rule", x.rule || "\u2014");
    if (x.cues && x.cues.length) { row(dl, "cues", x.cues.join(", ")); }
    if (x.detail) { row(dl, "detail", x.detail); }
    if (x.model) { row(dl, "model", x.model); }
    if (x.confidence !== null && x.confidence !== undefined) {
      row(dl, "confidence", Number(x.confidence).toFixed(2));
    }
    row(dl, "analyzer", f.analyzer + " " + f.analyzer_version);
    row(dl, "offsets", f.start + "\u2013" + f.end);
    var attrs = f.attributes || {};
    Object.keys(attrs).forEach(function (k) { row(dl, k, valueNode(attrs[k])); });
    (f.relations || []).forEach(function (r) {
      var node;
      if (isIndex(r.index)) {
        var t = findings[r.index];
        node = el("button", "rel", t.kind + ": " + shorten(t.text, 80));
        node.setAttribute("type", "button");
        node.setAttribute("data-fi", String(r.index));
      } else {
        node = document.createTextNode(r.target);
      }
      row(dl, r.role, node);
    });
    box.appendChild(dl);
    return box;
  }

  function clearSelection() {
    Array.prototype.forEach.call(document.querySelectorAll(".sel"), function (n) {
      n.classList.remove("sel");
    });
    Array.prototype.forEach.call(document.querySelectorAll("#findings .fi.active"), function (n) {
      n.classList.remove("active");
    });
  }

  function flash(nodes) {
    Array.prototype.forEach.call(nodes, function (n) {
      n.classList.remove("flash");
      void n.offsetWidth; /* restart the animation */
      n.classList.add("flash");
      window.setTimeout(function () { n.classList.remove("flash"); }, 1700);
    });
  }

  function show(indices, scroll) {
    clearSelection();
    details.textContent = "";
    indices.forEach(function (i) { details.appendChild(card(i)); });
    var first = indices[0];
    var marks = marksOf(first);
    Array.prototype.forEach.call(marks, function (n) { n.classList.add("sel"); });
    indices.forEach(function (i) {
      var entries = document.querySelectorAll('#findings .fi[data-fi="' + i + '"]');
      Array.prototype.forEach.call(entries, function (b) {
        b.classList.add("active");
        var group = b.closest("details");
        if (group) { group.open = true; }
      });
    });
    var active = document.querySelector('#findings .fi[data-fi="' + first + '"]');
    if (active && active.scrollIntoView) { active.scrollIntoView({ block: "nearest" }); }
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
      flash(marks);
    }
    details.parentNode.scrollTop = 0;
  }

  /* click on the text: every visible finding covering that point, innermost first */
  text.addEventListener("click", function (ev) {
    var hits = [];
    for (var n = ev.target; n && n !== text; n = n.parentElement) {
      var f = n.getAttribute && n.getAttribute("data-f");
      if (!f || layerHidden(n.getAttribute("data-layer"))) { continue; }
      f.split(" ").forEach(function (s) {
        var i = Number(s);
        if (isIndex(i) && hits.indexOf(i) < 0) { hits.push(i); }
      });
    }
    if (hits.length) { show(hits, false); }
  });

  /* click on a finding entry anywhere (panel, source table, claims list, details) */
  document.addEventListener("click", function (ev) {
    var b = ev.target && ev.target.closest ? ev.target.closest("[data-fi]") : null;
    if (!b) { return; }
    var i = Number(b.getAttribute("data-fi"));
    if (isIndex(i)) { ev.preventDefault(); show([i], true); }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clearSelection(); }
  });

  /* keep the sticky findings panel below the sticky legend, whatever its height */
  var legend = document.querySelector(".legend");
  function fitPanel() {
    var h = legend ? legend.offsetHeight : 0;
    document.documentElement.style.setProperty("--legend-h", h + "px");
  }
  fitPanel();
  window.addEventListener("resize", fitPanel);

  document.documentElement.classList.add("js");
})();
