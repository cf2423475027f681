"""The review endpoints (``/api/v1/documents/{id}/reviews|ratings``,
``/api/v1/reviews/summary|orphans``) through web-core's ``seeded_client``."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from unspin import app as unspin_app
from unspin.web import ServeSettings


@pytest.fixture()
def doc(seeded_settings: ServeSettings) -> unspin_app.Analysis:
    """The seeded bridge article's analysis (findings with their ids)."""
    with unspin_app.opened_store(seeded_settings.db) as store:
        for analysis in store.iter_analyses():
            if analysis.document.url == "https://gazette.example/bridge":
                return analysis
    raise AssertionError("the seeded bridge article is missing")


def claim_id(analysis: unspin_app.Analysis, words: str) -> str:
    return next(f.id for f in analysis.findings if f.kind == "claim" and words in f.text)


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    return body


def test_mark_list_and_summary(seeded_client: TestClient, doc: unspin_app.Analysis) -> None:
    base = f"/api/v1/documents/{doc.document.id}"
    assert seeded_client.get(f"{base}/reviews").json()["marks"] == []
    fid = claim_id(doc, "voted 7 to 2")
    r = seeded_client.post(
        f"{base}/reviews",
        json={"finding_id": fid, "verdict": "correct", "note": "checked", "reviewer": "Ana Ruiz"},
    )
    assert r.status_code == 201, r.text
    mark = r.json()
    assert (
        mark["type"] == "mark" and mark["verdict"] == "correct" and mark["reviewer"] == "Ana Ruiz"
    )
    assert mark["current"]["state"] == "anchored" and mark["current"]["finding_id"] == fid
    assert mark["anchor"]["quote"] == doc.get(fid).text
    other = claim_id(doc, "4 million")
    r = seeded_client.post(
        f"{base}/reviews",
        json={"finding_id": other, "verdict": "wrong"},
        headers={"X-Unspin-Reviewer": "tom"},
    )
    assert r.status_code == 201 and r.json()["reviewer"] == "tom"
    listed = seeded_client.get(f"{base}/reviews").json()
    assert [m["verdict"] for m in listed["marks"]] == ["correct", "wrong"]
    assert listed["orphans"] == 0 and listed["reviewer"] is None and listed["scale"]["5"] == "true"
    summary = seeded_client.get("/api/v1/reviews/summary").json()
    total = next(k for k in summary["kinds"] if k["kind"] == "claim" and k["label"] == "*")
    assert (total["correct"], total["wrong"], total["precision"]) == (1, 1, 0.5)
    assert summary["reviewers"] == ["Ana Ruiz", "tom"]
    assert seeded_client.get("/api/v1/reviews/orphans").json() == []


def test_rating_a_claim(seeded_client: TestClient, doc: unspin_app.Analysis) -> None:
    base = f"/api/v1/documents/{doc.document.id}"
    fid = claim_id(doc, "4 million")
    r = seeded_client.post(
        f"{base}/ratings",
        json={"finding_id": fid, "scale": 2, "rating": "Unsupported", "reviewer": "ana"},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["rating"], r.json()["scale"], r.json()["best"]) == ("Unsupported", 2, 5)
    assert [x["rating"] for x in seeded_client.get(f"{base}/reviews").json()["ratings"]] == [
        "Unsupported"
    ]
    not_claim = next(f.id for f in doc.findings if f.kind != "claim")
    body = problem(
        seeded_client.post(
            f"{base}/ratings", json={"finding_id": not_claim, "scale": 3, "reviewer": "ana"}
        ),
        422,
    )
    assert "only claims" in body["detail"]
    problem(
        seeded_client.post(
            f"{base}/ratings", json={"finding_id": fid, "scale": 9, "reviewer": "a"}
        ),
        422,
    )


def test_bad_requests_are_problems(seeded_client: TestClient, doc: unspin_app.Analysis) -> None:
    base = f"/api/v1/documents/{doc.document.id}"
    fid = claim_id(doc, "voted 7 to 2")
    # no reviewer anywhere
    body = problem(
        seeded_client.post(f"{base}/reviews", json={"finding_id": fid, "verdict": "wrong"}), 422
    )
    assert "reviewer" in body["detail"]
    # a verdict outside the fixed set: the allowed values are listed
    body = problem(
        seeded_client.post(
            f"{base}/reviews", json={"finding_id": fid, "verdict": "maybe", "reviewer": "a"}
        ),
        422,
    )
    assert any("correct" in str(e.get("allowed", e["msg"])) for e in body["errors"])
    for name in ("<b>x</b>", "x" * 65):
        problem(
            seeded_client.post(
                f"{base}/reviews", json={"finding_id": fid, "verdict": "wrong", "reviewer": name}
            ),
            422,
        )
    problem(
        seeded_client.post(
            f"{base}/reviews", json={"finding_id": fid, "verdict": "wrong", "reviewer": "a", "x": 1}
        ),
        422,
    )
    problem(
        seeded_client.post(
            "/api/v1/documents/0123abc/reviews",
            json={"finding_id": fid, "verdict": "wrong", "reviewer": "a"},
        ),
        404,
    )
    problem(
        seeded_client.post(
            f"{base}/reviews", json={"finding_id": "claim-1-x", "verdict": "wrong", "reviewer": "a"}
        ),
        404,
    )
    problem(seeded_client.get("/api/v1/documents/0123abc/reviews"), 404)
    assert seeded_client.get(f"{base}/reviews").json()["marks"] == []


def test_marking_needs_the_csrf_header(seeded_client: TestClient, doc: unspin_app.Analysis) -> None:
    fid = claim_id(doc, "voted 7 to 2")
    r = seeded_client.post(
        f"/api/v1/documents/{doc.document.id}/reviews",
        json={"finding_id": fid, "verdict": "wrong", "reviewer": "a"},
        headers={"X-CSRF-Token": "not-the-token"},
    )
    problem(r, 403)
    assert seeded_client.get(f"/api/v1/documents/{doc.document.id}/reviews").json()["marks"] == []


def test_the_sessions_login_name_wins_over_a_sent_name() -> None:
    from types import SimpleNamespace

    from starlette.requests import Request

    from unspin.web.api.reviews import login_name, reviewer_of

    def request(session: object) -> Request:
        return Request({"type": "http", "headers": [], "state": {"session": session}})

    named = request(SimpleNamespace(id="s", authenticated=True, name="editor"))
    assert login_name(named) == "editor"
    assert reviewer_of(named, "someone", "header") == "editor"
    anonymous = request(SimpleNamespace(id="s", authenticated=False))
    assert login_name(anonymous) is None
    assert reviewer_of(anonymous, "someone", "header") == "someone"
    assert reviewer_of(anonymous, None, "header") == "header"
