"""The OpenAPI description, the reference page, and a walk over every path of
openapi.json with bad ids and missing inputs: problem+json every time, never a 5xx."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.apicheck import problem

OURS = {
    "/api/v1/analyze": {"post"},
    "/api/v1/analyze/file": {"post"},
    "/api/v1/documents": {"get"},
    "/api/v1/documents/facets": {"get"},
    "/api/v1/documents/{document_id}": {"get"},
    "/api/v1/documents/{document_id}/analysis": {"get"},
    "/api/v1/findings": {"get"},
    "/api/v1/search": {"get"},
    "/api/v1/links": {"get"},
    "/api/v1/factchecks": {"get", "post"},
    "/api/v1/evidence": {"get", "post"},
}
BAD_IDS = ["0" * 16, "nope", "..", "%2e%2e%2fetc", "x" * 400, "%00", "1;DROP TABLE documents"]
METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture()
def spec(seeded_client: TestClient) -> dict[str, Any]:
    response = seeded_client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_every_endpoint_is_described_with_typed_responses(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    for path, methods in OURS.items():
        assert methods <= set(paths.get(path, {})), path
        for method in methods:
            operation = paths[path][method]
            assert operation.get("summary") and operation.get("description"), (path, method)
            assert "422" in operation["responses"], (path, method)
    schemas = spec["components"]["schemas"]
    assert {"DocumentOut", "StoredFindingOut", "LinkOut", "HitOut", "ProblemOut"} <= set(schemas)
    for path in ("/api/v1/analyze", "/api/v1/documents/{document_id}/analysis"):
        method = "post" if path.endswith("analyze") else "get"
        ok = paths[path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": "#/components/schemas/AnalysisOut"}
    listing = paths["/api/v1/documents"]["get"]
    limit = next(p for p in listing["parameters"] if p["name"] == "limit")
    assert limit["schema"]["minimum"] == 1 and limit["schema"]["maximum"] == 200
    kind = next(p for p in listing["parameters"] if p["name"] == "kind")
    assert "quote" in kind["schema"]["enum"]
    assert "{document_id}" in "".join(paths)


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def test_every_path_answers_bad_ids_and_missing_input_with_a_problem(
    seeded_client: TestClient, spec: dict[str, Any]
) -> None:
    checked = 0
    for path, operations in spec["paths"].items():
        for method in METHODS:
            if method not in operations:
                continue
            templated = "{" in path
            for value in BAD_IDS if templated else [""]:
                url = _fill(path, value)
                response = seeded_client.request(method.upper(), url)
                checked += 1
                assert response.status_code < 500, (method, url, response.text[:300])
                if response.status_code >= 400:
                    problem(response, response.status_code)
                if templated and method == "get" and response.status_code >= 400:
                    assert response.status_code in {404, 422}, (method, url)
    assert checked >= 3 * len(BAD_IDS)


def test_bad_ids_of_our_resources_are_404(seeded_client: TestClient) -> None:
    for value in BAD_IDS:
        for path in ("/api/v1/documents/{document_id}", "/api/v1/documents/{document_id}/analysis"):
            problem(seeded_client.get(_fill(path, value)), 404)


def test_unknown_paths_and_methods_are_problems(seeded_client: TestClient) -> None:
    problem(seeded_client.get("/api/v1/nothing-here"), 404)
    problem(seeded_client.delete("/api/v1/documents"), 405)
    problem(seeded_client.put("/api/v1/search?q=x"), 405)


def test_the_reference_page_is_served_from_the_package(seeded_client: TestClient) -> None:
    page = seeded_client.get("/api/v1/docs", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert 'src="/static/api-docs.js"' in html and 'data-openapi="/api/v1/openapi.json"' in html
    # no inline script (the CSP forbids it): every script tag loads a file of ours
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.search(r'src="/static/[\w.-]+\.js"', tag), tag
    assert "<script>" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert "script-src 'self'" in page.headers.get("content-security-policy", "")
    script = seeded_client.get("/static/api-docs.js")
    assert script.status_code == 200 and "openapi" in script.text
    assert ".innerHTML" not in script.text and "fetch(" in script.text
    assert seeded_client.get("/static/api-docs.css").status_code == 200
