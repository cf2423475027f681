"""/api/v1 documents, findings, search and links over the seeded store (fake backbone)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.web.apicheck import allowed, problem
from tests.web.conftest import SEED_DOCUMENTS

from unspin import app as unspin_app
from unspin.corpus.audited import is_experimental
from unspin.corpus.model import Link, Side
from unspin.corpus.store_adapter import to_store_link
from unspin.model import Explanation

TITLES = {d["title"] for d in SEED_DOCUMENTS}


def _documents(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/v1/documents", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# -- documents ---------------------------------------------------------------------------


def test_documents_are_paged_newest_first_with_counts(seeded_client: TestClient) -> None:
    first = _documents(seeded_client, limit=2)
    assert first["total"] == 3 and first["limit"] == 2 and first["next_offset"] == 2
    assert [d["published"] for d in first["items"]] == ["2026-05-20", "2026-04-10"]
    doc = first["items"][0]
    assert doc["title"] == "School lunches get more vegetables"
    assert doc["findings"] == sum(doc["findings_by_kind"].values()) > 0
    rest = _documents(seeded_client, limit=2, offset=2)
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    assert _documents(seeded_client, offset=50)["items"] == []


def test_document_filters(seeded_client: TestClient) -> None:
    assert _documents(seeded_client, outlet="Valley Courier")["total"] == 1
    assert _documents(seeded_client, since="2026-04-01", until="2026-04-30")["total"] == 1
    assert _documents(seeded_client, language="en")["total"] == 3
    assert _documents(seeded_client, language="de")["total"] == 0
    assert _documents(seeded_client, kind="quote")["total"] >= 1
    assert _documents(seeded_client, title="bridge")["total"] == 2
    titles = [d["title"] for d in _documents(seeded_client, order="title")["items"]]
    assert titles == sorted(titles)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"kind": "rumour"}, "kind"),
        ({"technique": "Mind_Control"}, "technique"),
        ({"source_type": "oracle"}, "source_type"),
        ({"order": "random"}, "order"),
    ],
)
def test_unknown_filter_values_list_the_allowed_ones(
    seeded_client: TestClient, params: dict[str, str], name: str
) -> None:
    values = allowed(seeded_client.get("/api/v1/documents", params=params), name)
    assert params[name] not in values and len(values) >= 3


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 201},
        {"limit": "ten"},
        {"offset": -1},
        {"since": "2026-13-01"},
        {"until": "yesterday"},
        {"since": "2026-06-01", "until": "2026-01-01"},
        {"language": "english!"},
        {"checkworthy": "perhaps"},
        {"outlet": "x" * 500},
    ],
)
def test_bad_listing_parameters_are_422_problems(
    seeded_client: TestClient, params: dict[str, Any]
) -> None:
    body = problem(seeded_client.get("/api/v1/documents", params=params), 422)
    assert body["errors"]


def test_one_document_with_findings_and_its_analysis(seeded_client: TestClient) -> None:
    doc = _documents(seeded_client, outlet="Valley Courier")["items"][0]
    detail = seeded_client.get(f"/api/v1/documents/{doc['id']}").json()
    assert detail["document"] == doc
    assert detail["text"].startswith("Bridge repairs delayed")
    for finding in detail["findings"]:
        assert detail["text"][finding["start"] : finding["end"]] == finding["text"]
    analysis = seeded_client.get(f"/api/v1/documents/{doc['id']}/analysis").json()
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(analysis, unspin_app.analysis_schema())
    assert analysis["document"]["id"] == doc["id"]
    assert len(analysis["findings"]) == len(detail["findings"])


@pytest.mark.parametrize("bad", ["0" * 16, "nope", "..%2F..%2Fetc", "x" * 300, "%00"])
def test_bad_document_ids_are_404_problems(seeded_client: TestClient, bad: str) -> None:
    for suffix in ("", "/analysis"):
        body = problem(seeded_client.get(f"/api/v1/documents/{bad}{suffix}"), 404)
        assert body["title"] in {"Document not found", "Not found"}


def test_facets(seeded_client: TestClient) -> None:
    facets = seeded_client.get("/api/v1/documents/facets").json()
    assert facets["documents"] == 3
    assert {o["name"]: o["documents"] for o in facets["outlets"]} == {
        "Riverside Gazette": 2,
        "Valley Courier": 1,
    }
    assert facets["languages"] == [{"code": "en", "documents": 3}]


def test_an_empty_store_lists_nothing(client: TestClient) -> None:
    assert _documents(client) == {
        "items": [],
        "total": 0,
        "limit": 20,
        "offset": 0,
        "next_offset": None,
    }


# -- findings ------------------------------------------------------------------------------


def test_findings_by_kind_carry_their_document(seeded_client: TestClient) -> None:
    page = seeded_client.get("/api/v1/findings", params={"kind": "quote", "limit": 1}).json()
    assert page["total"] >= 2 and len(page["items"]) == 1
    quote = page["items"][0]
    assert quote["kind"] == "quote" and quote["title"] in TITLES and quote["document_id"]
    label = quote["label"]
    same = seeded_client.get("/api/v1/findings", params={"kind": "quote", "label": label}).json()
    assert {f["label"] for f in same["items"]} == {label}
    scoped = seeded_client.get("/api/v1/findings", params={"outlet": "Valley Courier"}).json()
    assert {f["outlet"] for f in scoped["items"]} == {"Valley Courier"}
    assert allowed(seeded_client.get("/api/v1/findings", params={"kind": "x"}), "kind")


# -- search --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_search_modes(seeded_client: TestClient, mode: str) -> None:
    body = seeded_client.get("/api/v1/search", params={"q": "bridge repairs", "mode": mode}).json()
    assert body["mode"] == mode and body["items"]
    hit = body["items"][0]
    assert hit["title"] in TITLES and hit["end"] > hit["start"]
    if mode == "keyword":
        assert all(
            {"bridge", "repair"} & set(h["text"].lower().split()) or "repairs" in h["text"].lower()
            for h in body["items"]
        )


def test_search_filters_and_bad_input(seeded_client: TestClient) -> None:
    body = seeded_client.get(
        "/api/v1/search", params={"q": "bridge", "mode": "keyword", "outlet": "Valley Courier"}
    ).json()
    assert body["items"] and {h["outlet"] for h in body["items"]} == {"Valley Courier"}
    assert "keyword" in allowed(seeded_client.get("/api/v1/search?q=a&mode=fuzzy"), "mode")
    problem(seeded_client.get("/api/v1/search"), 422)
    problem(seeded_client.get("/api/v1/search", params={"q": ""}), 422)
    problem(seeded_client.get("/api/v1/search", params={"q": "x" * 1001}), 422)
    problem(seeded_client.get("/api/v1/search", params={"q": "a", "limit": 1000}), 422)


# -- links ---------------------------------------------------------------------------------


def _link(seeded_client: TestClient) -> tuple[str, str]:
    docs = _documents(seeded_client, title="bridge", order="title")["items"]
    first, second = docs[1]["id"], docs[0]["id"]  # "Council ..." then "Bridge ..."
    a = Side(first, 0, 7, "Council")
    b = Side(second, 0, 6, "Bridge")
    link = Link("contradiction", a, b, 0.75, Explanation("test.rule", detail="made up here"))
    db = seeded_client.app.state.unspin.db  # type: ignore[attr-defined]
    with unspin_app.opened_store(db) as store:
        store.add_links([to_store_link(link)])
    return first, second


def test_links_show_titles_dates_and_outlets(seeded_client: TestClient) -> None:
    _, second = _link(seeded_client)
    default = seeded_client.get("/api/v1/links").json()  # an experimental kind: left out
    assert default["total"] == (0 if is_experimental("contradiction") else 1)
    page = seeded_client.get("/api/v1/links", params={"experimental": True}).json()
    assert page["total"] == 1
    row = page["items"][0]
    assert row["kind"] == "contradiction" and row["explanation"] == "made up here"
    assert row["a"]["title"] == "Council approves the river bridge repairs"
    assert row["a"]["published"] == "2026-03-02" and row["a"]["outlet"] == "Riverside Gazette"
    assert row["b"]["title"] == "Bridge repairs delayed, officials say"
    assert row["a"]["context"] and "Council" in row["a"]["context"]
    on_second: dict[str, str | bool] = {"document": second, "experimental": True}
    assert seeded_client.get("/api/v1/links", params=on_second).json()["total"] == 1
    assert seeded_client.get("/api/v1/links", params={"view": "quotes"}).json()["total"] == 0
    assert seeded_client.get("/api/v1/links", params={"min_score": 0.9}).json()["total"] == 0
    only = seeded_client.get("/api/v1/links", params={"kind": ["update", "contradiction"]})
    assert only.json()["total"] == 1


def test_bad_link_parameters(seeded_client: TestClient) -> None:
    assert "quotes" in allowed(seeded_client.get("/api/v1/links?view=rumours"), "view")
    assert allowed(seeded_client.get("/api/v1/links?view=quotes&kind=update"), "kind") == [
        "quote_drift"
    ]
    problem(seeded_client.get("/api/v1/links?min_score=2"), 422)
    problem(seeded_client.get("/api/v1/links?document=" + "0" * 16), 404)


HOSTILE = ['"', "(", "NOT bridge", "bridge OR", "br*", "NEAR(a b)", "a:b", "\x00", "😀", "x" * 999]


def test_hostile_query_strings_never_fail(seeded_client: TestClient) -> None:
    for q in HOSTILE:
        for mode in ("keyword", "semantic", "hybrid"):
            response = seeded_client.get("/api/v1/search", params={"q": q, "mode": mode})
            assert response.status_code in (200, 422), (q, mode, response.text[:200])
        for path, key in (("/api/v1/documents", "title"), ("/api/v1/findings", "speaker")):
            assert seeded_client.get(path, params={key: q[:200]}).status_code in (200, 422)
        assert seeded_client.get("/api/v1/factchecks", params={"q": q}).status_code == 200
        assert seeded_client.get("/api/v1/links", params={"document": q[:128]}).status_code in (
            404,
            422,
        )
