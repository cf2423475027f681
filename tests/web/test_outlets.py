"""Outlet profiles on the web: /outlets and /outlets/{name} (inline SVG charts, no inline
style or script), /api/v1/outlets (paged) and /api/v1/outlets/{name} (404 problem for an
unknown outlet). The store: the seeded one of conftest.py, and the invented outlets of
tests/outlets/corpus.py."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from tests.outlets.corpus import HARBOUR, SLANT, VALLEY, build_store
from tests.web.conftest import base_settings, csrf_client

from unspin import app as unspin_app
from unspin.web import create_app


@pytest.fixture(scope="module")
def outlets_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web-outlets"))


@pytest.fixture()
def outlets_client(outlets_db: Path) -> Iterator[TestClient]:
    settings = dataclasses.replace(base_settings(), db=str(outlets_db))
    with csrf_client(create_app(settings)) as c:
        yield c


def test_outlet_list_page_charts_every_rate(outlets_client: TestClient) -> None:
    page = outlets_client.get("/outlets")
    assert page.status_code == 200
    html = page.text
    assert html.count("<svg") == 6  # one chart per rate
    assert 'href="/outlets"' in html and 'aria-current="page"' in html  # the nav entry
    for name in (HARBOUR, VALLEY, SLANT):
        assert name in html
    assert 'href="/outlets/Harbour%20Times"' in html
    assert "small sample" in html and "Corpus average" in html
    assert 'href="/static/outlets.css"' in html
    assert " style=" not in html and "<style" not in html  # the CSP forbids inline style
    assert "<script>" not in html
    assert outlets_client.get("/static/outlets.css").status_code == 200


def test_outlet_page_details_one_outlet(outlets_client: TestClient) -> None:
    page = outlets_client.get("/outlets/Daily%20Slant")
    assert page.status_code == 200
    html = page.text
    assert html.count("<svg") == 3
    assert "Loaded_Language" in html  # techniques by name
    assert "111.11" in html  # 3 techniques in 27 words, per 1,000
    assert "Small sample: 2 documents" in html
    assert "None found." in html  # no ratings configured on this server
    assert " style=" not in html
    # the corpus average is marked on each bar: a dashed line at its own x
    assert re.search(r'<line class="avg" x1="[\d.]+"', html)


def test_outlet_page_unknown_is_404(outlets_client: TestClient) -> None:
    page = outlets_client.get("/outlets/Nowhere%20News", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert "Outlet not found" in page.text


def test_api_lists_outlets_page_by_page(outlets_client: TestClient) -> None:
    first = outlets_client.get("/api/v1/outlets", params={"limit": 2})
    assert first.status_code == 200
    data = first.json()
    assert [o["name"] for o in data["items"]] == [HARBOUR, VALLEY]
    assert (data["total"], data["limit"], data["offset"], data["next_offset"]) == (3, 2, 0, 2)
    assert data["corpus"] == {"documents": 17, "words": 320}
    assert data["interval"]["resamples"] == 1000
    harbour = data["items"][0]
    rate = harbour["hedges_per_1000_words"]
    assert rate["low"] <= rate["value"] <= rate["high"] and rate["count"] == 6
    assert harbour["small_sample"] is False and data["items"][1]["small_sample"] is True
    rest = outlets_client.get("/api/v1/outlets", params={"limit": 2, "offset": 2}).json()
    assert [o["name"] for o in rest["items"]] == [SLANT] and rest["next_offset"] is None
    assert outlets_client.get("/api/v1/outlets", params={"limit": 0}).status_code == 422


def test_api_one_outlet_and_unknown_problem(outlets_client: TestClient) -> None:
    one = outlets_client.get("/api/v1/outlets/valleypost.example")
    assert one.status_code == 200
    outlet = one.json()["outlet"]
    assert outlet["quotes"] == 6
    assert outlet["anonymous_quote_share"]["value"] == pytest.approx(4 / 6, abs=1e-4)
    missing = outlets_client.get("/api/v1/outlets/Nowhere%20News")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    problem = missing.json()
    assert problem["status"] == 404 and "Nowhere News" in problem["detail"]


def test_seeded_store_outlets(seeded_client: TestClient) -> None:
    page = seeded_client.get("/outlets")
    assert page.status_code == 200 and "<svg" in page.text
    assert "Riverside Gazette" in page.text
    detail = seeded_client.get("/outlets/riverside%20gazette")  # any case
    assert detail.status_code == 200 and "<svg" in detail.text


def test_empty_store_says_how_to_fill_it(client: TestClient) -> None:
    page = client.get("/outlets")
    assert page.status_code == 200
    assert "No stored document names its outlet yet" in page.text
    assert client.get("/api/v1/outlets").json()["total"] == 0


def test_hostile_outlet_name_is_escaped(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script>"&'
    source = tmp_path / "hostile.jsonl"
    source.write_text(
        json.dumps({"outlet": hostile, "text": "The ferry will possibly start soon."}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "hostile.db"
    unspin_app.ingest_paths(str(db), [source], unspin_app.pipeline_config(backbone="fake"))
    settings = dataclasses.replace(base_settings(), db=str(db))
    with csrf_client(create_app(settings)) as c:
        for path in ("/outlets", "/outlets/" + quote(hostile, safe="")):
            page = c.get(path)
            assert page.status_code == 200, path
            assert "<script>alert" not in page.text
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        api = c.get("/api/v1/outlets/" + quote(hostile, safe=""))  # a name with a slash
        assert api.status_code == 200 and api.json()["outlet"]["name"] == hostile
