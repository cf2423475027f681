"""POST /api/v1/analyze (JSON) and /api/v1/analyze/file (upload): the analysis JSON of
``unspin schema``, through the analysis queue; bad input is a problem, never a 500."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.apicheck import problem
from tests.web.conftest import csrf_client

from unspin import app as unspin_app
from unspin.web import ServeSettings, create_app

TEXT = (
    "The town council raised parking fees by 20% on Tuesday, the mayor Lena Holt said. "
    '"We had no other choice," Holt told reporters.'
)


def _same_shape_as_the_schema(analysis: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(analysis, unspin_app.analysis_schema())
    text = analysis["document"]["text"]
    for finding in analysis["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"]


def test_a_pasted_text_comes_back_analysed(client: TestClient) -> None:
    response = client.post(
        "/api/v1/analyze",
        json={"text": TEXT, "title": "Fees", "outlet": "example.org", "published": "2026-02-03"},
    )
    assert response.status_code == 200, response.text
    analysis = response.json()
    _same_shape_as_the_schema(analysis)
    assert analysis["document"]["title"] == "Fees"
    assert analysis["document"]["published"].startswith("2026-02-03")
    assert {f["kind"] for f in analysis["findings"]} >= {"quote"}
    # not stored
    assert client.get(f"/api/v1/documents/{analysis['document']['id']}").status_code == 404


def test_store_true_stores_the_document_once(client: TestClient) -> None:
    first = client.post("/api/v1/analyze?store=true", json={"text": TEXT})
    assert first.status_code == 201, first.text
    _same_shape_as_the_schema(first.json())
    doc_id = first.json()["document"]["id"]
    assert first.headers["location"] == f"/api/v1/documents/{doc_id}"
    again = client.post("/api/v1/analyze", params={"store": "true"}, json={"text": TEXT})
    assert again.status_code == 200 and again.json()["document"]["id"] == doc_id
    listed = client.get("/api/v1/documents").json()
    assert [d["id"] for d in listed["items"]] == [doc_id]
    hits = client.get("/api/v1/search", params={"q": "parking fees", "mode": "keyword"}).json()
    assert hits["items"] and hits["items"][0]["document_id"] == doc_id


def test_a_text_naming_a_file_is_analysed_as_text(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret says nothing.")
    analysis = client.post("/api/v1/analyze", json={"text": str(secret)}).json()
    assert analysis["document"]["text"] == str(secret)


def test_an_uploaded_file_is_read_as_the_command_line_reads_it(client: TestClient) -> None:
    html = (
        "<html><head><title>Fee rise</title></head><body><script>alert(1)</script>"
        f"<p>{TEXT}</p></body></html>"
    ).encode()
    response = client.post(
        "/api/v1/analyze/file",
        files={"file": ("../../fees.html", html, "text/html")},
        data={"outlet": "example.org"},
    )
    assert response.status_code == 200, response.text
    _same_shape_as_the_schema(response.json())
    document = response.json()["document"]
    assert document["title"] == "Fee rise" and document["outlet"] == "example.org"
    assert "alert" not in document["text"] and document["source"] == "fees.html"
    markdown = client.post(
        "/api/v1/analyze/file", files={"file": ("a.md", b"# Heading\n\n" + TEXT.encode())}
    )
    assert markdown.status_code == 200 and markdown.json()["document"]["title"] == "Heading"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": 42},
        {"text": ["a"]},
        {"text": "ok", "colour": "red"},
        {"text": "ok", "language": "english"},
        {"text": "ok", "language": "eng"},  # read as not English: every analyzer skipped
        {"text": "ok", "title": "t" * 2000},
    ],
)
def test_bad_bodies_are_422_problems(client: TestClient, body: dict[str, Any]) -> None:
    assert problem(client.post("/api/v1/analyze", json=body), 422)["errors"]


def test_unusable_texts_are_problems(client: TestClient) -> None:
    problem(client.post("/api/v1/analyze", json={"text": "   \n  "}), 422)
    problem(client.post("/api/v1/analyze", json={"text": "bad \x00 byte"}), 422)
    problem(
        client.post(
            "/api/v1/analyze", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
    )
    problem(
        client.post("/api/v1/analyze", content=b"text", headers={"content-type": "text/plain"}), 422
    )
    problem(
        client.post("/api/v1/analyze/file", files={"file": ("x.bin", b"\x00\x01\x02" * 10)}), 422
    )
    problem(client.post("/api/v1/analyze/file", files={"file": ("e.txt", b"")}), 422)
    problem(client.post("/api/v1/analyze/file", data={"title": "no file"}), 422)
    eng = {"file": ("fees.txt", TEXT.encode())}
    problem(client.post("/api/v1/analyze/file", files=eng, data={"language": "eng"}), 422)


def test_a_publication_date_that_cannot_be_read_is_a_problem(client: TestClient) -> None:
    # dropped without a word, it left 'on Tuesday' resolved against nothing
    for path, request in (
        ("/api/v1/analyze", {"json": {"text": TEXT, "published": "yesterday"}}),
        (
            "/api/v1/analyze/file",
            {"files": {"file": ("fees.txt", TEXT.encode())}, "data": {"published": "yesterday"}},
        ),
    ):
        detail = problem(client.post(path, **request), 422)["detail"]
        assert "published" in detail and "'yesterday'" in detail and "2025-03-04" in detail
    # a bare number was read as a day of the current month
    problem(client.post("/api/v1/analyze", json={"text": TEXT, "published": "5"}), 422)
    dated = client.post("/api/v1/analyze", json={"text": TEXT, "published": "2025-03-04"})
    assert dated.status_code == 200 and dated.json()["document"]["published"] == "2025-03-04"
    stamped = {"text": TEXT, "published": "2025-03-04T10:00:00Z"}
    assert client.post("/api/v1/analyze", json=stamped).status_code == 200


def test_huge_bodies_are_413_problems(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    settings = ServeSettings(db=db, backbone="fake", allowed_hosts=("testserver",), max_body=4096)
    with csrf_client(create_app(settings)) as client:
        big = "word " * 2000
        problem(client.post("/api/v1/analyze", json={"text": big}), 413)
        files = {"file": ("big.txt", big.encode())}
        problem(client.post("/api/v1/analyze/file", files=files), 413)


def test_a_text_over_the_ingestion_limit_is_413(client: TestClient) -> None:
    limit = client.app.state.unspin.config.max_bytes  # type: ignore[attr-defined]
    if limit >= client.app.state.unspin.settings.max_body:  # type: ignore[attr-defined]
        pytest.skip("the body limit comes first with these settings")
    problem(client.post("/api/v1/analyze", json={"text": "a" * (limit + 1)}), 413)


def test_a_full_queue_is_503_with_retry_after(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    settings = ServeSettings(db=db, backbone="fake", allowed_hosts=("testserver",), queue_size=1)
    with csrf_client(create_app(settings)) as client:
        queue = client.app.state.unspin.services["queue"]  # type: ignore[attr-defined]
        started, gate = threading.Event(), threading.Event()

        def hold() -> None:
            started.set()
            gate.wait(30)

        queue.submit(hold)  # occupies the worker
        assert started.wait(30)
        queue.submit(lambda: None)  # fills the one place
        try:
            body = problem(client.post("/api/v1/analyze", json={"text": TEXT}), 503)
            assert int(body.get("retry_after", 1)) >= 1
        finally:
            gate.set()
