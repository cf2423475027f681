"""/api/v1/factchecks and /api/v1/evidence: search, and imports from uploaded files (run
on the analysis worker, fake backbone)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from tests.web.apicheck import problem

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checkers.example/bridge-cost",
    "claimReviewed": "The river bridge repairs cost 40 million dollars.",
    "headline": "No, the bridge repairs did not cost 40 million dollars",
    "datePublished": "2026-03-10",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "reviewRating": {"@type": "Rating", "alternateName": "False"},
}
EVIDENCE = (
    "City budget report 2026\n\n"
    "The river bridge repairs are budgeted at 4 million dollars. The work starts in March "
    "and should end in May.\n\nSchool meals will cost 2 dollars more per pupil."
)


def test_factchecks_are_imported_once_and_searched(seeded_client: TestClient) -> None:
    assert seeded_client.get("/api/v1/factchecks", params={"q": "bridge"}).json() == []
    files = {"files": ("review.json", json.dumps(REVIEW).encode(), "application/json")}
    response = seeded_client.post("/api/v1/factchecks", files=files)
    assert response.status_code == 200, response.text
    assert response.json() == {"added": 1, "skipped": 0, "errors": [], "total": 1}
    again = seeded_client.post("/api/v1/factchecks", files=files).json()
    assert again["added"] == 0 and again["skipped"] == 1 and again["total"] == 1
    found = seeded_client.get("/api/v1/factchecks", params={"q": "bridge repairs"}).json()
    assert found and found[0]["claim"] == REVIEW["claimReviewed"]
    assert found[0]["rating"] == "False" and found[0]["publisher"] == "Example Checks"


def test_a_file_that_is_not_a_claimreview_is_reported(seeded_client: TestClient) -> None:
    files = {"files": ("nothing.json", b'{"hello": "world"}', "application/json")}
    body = seeded_client.post("/api/v1/factchecks", files=files).json()
    assert body["added"] == 0 and body["errors"]


def test_evidence_is_added_and_searched(seeded_client: TestClient) -> None:
    files = [("files", ("budget.txt", EVIDENCE.encode(), "text/plain"))]
    response = seeded_client.post("/api/v1/evidence", files=files)
    assert response.status_code == 200, response.text
    added = response.json()
    assert added["added"] == 1 and added["documents"] == 1 and added["passages"] >= 1
    assert seeded_client.post("/api/v1/evidence", files=files).json()["skipped"] == 1
    found = seeded_client.get("/api/v1/evidence", params={"q": "bridge repairs cost"}).json()
    assert found and "bridge" in found[0]["text"]
    assert EVIDENCE[found[0]["start"] : found[0]["end"]] in EVIDENCE


@pytest.mark.parametrize("path", ["/api/v1/factchecks", "/api/v1/evidence"])
def test_bad_imports_and_searches_are_problems(seeded_client: TestClient, path: str) -> None:
    problem(seeded_client.post(path), 422)
    problem(seeded_client.post(path, data={"files": "not a file"}), 422)
    too_many = [("files", (f"f{i}.txt", b"text", "text/plain")) for i in range(21)]
    problem(seeded_client.post(path, files=too_many), 422)
    problem(seeded_client.get(path), 422)
    problem(seeded_client.get(path, params={"q": ""}), 422)
    problem(seeded_client.get(path, params={"q": "a", "limit": 0}), 422)
    problem(seeded_client.get(path, params={"q": "a", "limit": "many"}), 422)


def test_imports_need_the_csrf_token(seeded_client: TestClient) -> None:
    files = {"files": ("review.json", json.dumps(REVIEW).encode(), "application/json")}
    token = seeded_client.headers.pop("X-CSRF-Token")
    try:
        problem(seeded_client.post("/api/v1/factchecks", files=files), 403)
        problem(seeded_client.post("/api/v1/analyze", json={"text": "Some text."}), 403)
    finally:
        seeded_client.headers["X-CSRF-Token"] = token


def test_an_analysis_matches_the_fact_checks_imported_into_the_servers_store(
    seeded_client: TestClient,
) -> None:
    """Fact-checks imported on the workbench's Fact-checks page (its API) are matched by
    the workbench's next analysis: before, the server's analyses read no store, and an
    import reached them only after a restart with a config naming that store."""
    text = {"text": "Officials said the river bridge repairs cost 40 million dollars."}
    before = seeded_client.post("/api/v1/analyze", json=text).json()
    assert before["summaries"]["factchecks"]["factchecks_loaded"] == 0
    files = {"files": ("review.json", json.dumps(REVIEW).encode(), "application/json")}
    assert seeded_client.post("/api/v1/factchecks", files=files).json()["added"] == 1
    after = seeded_client.post("/api/v1/analyze", json=text).json()
    assert after["summaries"]["factchecks"]["factchecks_loaded"] == 1
    [match] = [f for f in after["findings"] if f["kind"] == "factcheck"]
    assert match["attributes"]["url"] == REVIEW["url"]
