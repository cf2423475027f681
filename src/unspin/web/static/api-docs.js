/* The REST API reference: fetches the OpenAPI description and renders its endpoints,
   parameters, request bodies, responses and schemas. Plain DOM (text nodes and
   textContent only, never markup from strings), no third-party code, no inline script (the CSP forbids it). */
"use strict";

(function () {
  var METHODS = ["get", "post", "put", "patch", "delete"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") {
        node.textContent = attrs[key];
      } else {
        node.setAttribute(key, attrs[key]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function refName(ref) {
    return String(ref).split("/").pop();
  }

  function anchorFor(name) {
    return "schema-" + String(name).replace(/[^A-Za-z0-9_-]/g, "-");
  }

  /* A short description of a JSON schema: a type, a link to a named schema, an enum. */
  function describe(schema) {
    if (!schema) {
      return el("span", { text: "any" });
    }
    if (schema.$ref) {
      var name = refName(schema.$ref);
      return el("a", { href: "#" + anchorFor(name), text: name });
    }
    var variants = schema.anyOf || schema.oneOf;
    if (variants) {
      var span = el("span");
      variants.forEach(function (variant, i) {
        if (i) {
          span.appendChild(document.createTextNode(" or "));
        }
        span.appendChild(describe(variant));
      });
      return withEnum(span, schema);
    }
    if (schema.type === "array") {
      var list = el("span", {}, ["array of "]);
      list.appendChild(describe(schema.items));
      return list;
    }
    var text = schema.type || "object";
    if (schema.format) {
      text += " (" + schema.format + ")";
    }
    if (schema.type === "object" && schema.additionalProperties &&
        typeof schema.additionalProperties === "object") {
      var map = el("span", {}, ["object of "]);
      map.appendChild(describe(schema.additionalProperties));
      return map;
    }
    return withEnum(el("span", { text: text }), schema);
  }

  function withEnum(node, schema) {
    var bounds = [];
    if (schema.minimum !== undefined) { bounds.push("≥ " + schema.minimum); }
    if (schema.maximum !== undefined) { bounds.push("≤ " + schema.maximum); }
    if (schema.maxLength !== undefined) { bounds.push("at most " + schema.maxLength + " characters"); }
    if (schema.pattern) { bounds.push("pattern " + schema.pattern); }
    if (schema.default !== undefined && schema.default !== null) {
      bounds.push("default " + JSON.stringify(schema.default));
    }
    var values = schema.enum || (schema.items && schema.items.enum);
    if (values) {
      bounds.push("one of: " + values.join(", "));
    }
    if (bounds.length) {
      node.appendChild(el("span", { class: "enum", text: " — " + bounds.join("; ") }));
    }
    return node;
  }

  function parametersTable(parameters) {
    var body = el("tbody");
    parameters.forEach(function (p) {
      var name = el("td", {}, [el("code", { text: p.name })]);
      if (p.required) {
        name.appendChild(el("span", { class: "required", text: "required" }));
      }
      var schema = Object.assign({}, p.schema || {});
      ["minimum", "maximum", "maxLength", "pattern", "default", "enum"].forEach(function (k) {
        if (schema[k] === undefined && p.schema && p.schema[k] !== undefined) {
          schema[k] = p.schema[k];
        }
      });
      body.appendChild(el("tr", {}, [
        name,
        el("td", { text: p.in }),
        el("td", {}, [describe(schema)]),
        el("td", { text: p.description || (p.schema && p.schema.description) || "" }),
      ]));
    });
    return el("table", {}, [
      el("thead", {}, [el("tr", {}, [
        el("th", { text: "parameter" }), el("th", { text: "in" }),
        el("th", { text: "type" }), el("th", { text: "description" }),
      ])]),
      body,
    ]);
  }

  function contentList(content) {
    var list = el("ul");
    Object.keys(content || {}).forEach(function (type) {
      var item = el("li", {}, [el("code", { text: type }), ": "]);
      item.appendChild(describe(content[type].schema));
      list.appendChild(item);
    });
    return list;
  }

  function responsesTable(responses) {
    var body = el("tbody");
    Object.keys(responses || {}).sort().forEach(function (status) {
      var response = responses[status];
      var what = el("td", { text: response.description || "" });
      if (response.content) {
        what.appendChild(contentList(response.content));
      }
      body.appendChild(el("tr", {}, [el("td", {}, [el("code", { text: status })]), what]));
    });
    return el("table", {}, [
      el("thead", {}, [el("tr", {}, [el("th", { text: "status" }), el("th", { text: "body" })])]),
      body,
    ]);
  }

  function endpoint(path, method, op, toc) {
    var id = "op-" + method + "-" + path.replace(/[^A-Za-z0-9]+/g, "-");
    var section = el("section", { class: "endpoint", id: id }, [
      el("h3", {}, [
        el("span", { class: "api-method " + method, text: method.toUpperCase() }),
        el("code", { text: path }),
      ]),
    ]);
    if (op.summary) {
      section.appendChild(el("p", {}, [el("strong", { text: op.summary })]));
    }
    if (op.description) {
      op.description.split(/\n\s*\n/).forEach(function (para) {
        section.appendChild(el("p", { text: para.replace(/\s+/g, " ").trim() }));
      });
    }
    if (op.parameters && op.parameters.length) {
      section.appendChild(parametersTable(op.parameters));
    }
    if (op.requestBody) {
      section.appendChild(el("p", {}, [el("strong", { text: "Request body" }),
        op.requestBody.required ? " (required)" : ""]));
      section.appendChild(contentList(op.requestBody.content));
    }
    section.appendChild(el("p", {}, [el("strong", { text: "Responses" })]));
    section.appendChild(responsesTable(op.responses));
    toc.appendChild(el("li", {}, [el("a", { href: "#" + id }, [
      el("span", { class: "api-method " + method, text: method.toUpperCase() }),
      el("code", { text: path }),
    ])]));
    return section;
  }

  function schemaSection(name, schema) {
    var section = el("section", { class: "endpoint", id: anchorFor(name) }, [
      el("h3", {}, [el("code", { text: name })]),
    ]);
    if (schema.description) {
      section.appendChild(el("p", { text: schema.description.replace(/\s+/g, " ") }));
    }
    var props = schema.properties || {};
    var required = schema.required || [];
    var body = el("tbody");
    Object.keys(props).forEach(function (prop) {
      var cell = el("td", {}, [el("code", { text: prop })]);
      if (required.indexOf(prop) >= 0) {
        cell.appendChild(el("span", { class: "required", text: "required" }));
      }
      body.appendChild(el("tr", {}, [
        cell,
        el("td", {}, [describe(props[prop])]),
        el("td", { text: props[prop].description || "" }),
      ]));
    });
    if (Object.keys(props).length) {
      section.appendChild(el("table", {}, [
        el("thead", {}, [el("tr", {}, [
          el("th", { text: "field" }), el("th", { text: "type" }), el("th", { text: "description" }),
        ])]),
        body,
      ]));
    }
    return section;
  }

  function render(spec, root, tocRoot) {
    root.textContent = "";
    var groups = {};
    Object.keys(spec.paths || {}).sort().forEach(function (path) {
      METHODS.forEach(function (method) {
        var op = spec.paths[path][method];
        if (op) {
          var tag = (op.tags && op.tags[0]) || "other";
          (groups[tag] = groups[tag] || []).push([path, method, op]);
        }
      });
    });
    var toc = el("ul");
    Object.keys(groups).sort().forEach(function (tag) {
      root.appendChild(el("h2", { text: tag }));
      groups[tag].forEach(function (entry) {
        root.appendChild(endpoint(entry[0], entry[1], entry[2], toc));
      });
    });
    tocRoot.appendChild(toc);
    var schemas = (spec.components && spec.components.schemas) || {};
    if (Object.keys(schemas).length) {
      root.appendChild(el("h2", { id: "schemas", text: "Schemas" }));
      Object.keys(schemas).sort().forEach(function (name) {
        root.appendChild(schemaSection(name, schemas[name]));
      });
    }
    root.setAttribute("data-rendered", "true");
  }

  function start() {
    var root = document.getElementById("api-docs");
    var toc = document.getElementById("api-toc");
    if (!root || !toc) {
      return;
    }
    fetch(root.getAttribute("data-openapi"), { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (spec) { render(spec, root, toc); })
      .catch(function (error) {
        root.textContent = "";
        root.appendChild(el("p", { class: "api-error",
          text: "Could not load the API description: " + error.message }));
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
