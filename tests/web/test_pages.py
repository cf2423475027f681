"""The HTML pages without a browser: each renders, bad filters are explained, unknown
ids are 404 pages, the paste form analyses and redirects, article text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from unspin import app as unspin_app
from unspin.web.pages.common import Pager
from unspin.web.pages.links import context_parts
from unspin.web.state import make_templates

HTML = {"Accept": "text/html"}


def test_every_page_renders(seeded_client: TestClient) -> None:
    for path in ["/", "/corpus", "/links", "/links?view=quotes", "/factchecks", "/evidence"]:
        response = seeded_client.get(path, headers=HTML)
        assert response.status_code == 200, path
        assert '<meta name="csrf-token" content="' in response.text
        assert "<script>" not in response.text and " style=" not in response.text
    assert seeded_client.get("/jobs", headers=HTML).status_code == 200


def test_corpus_lists_filters_and_searches(seeded_client: TestClient) -> None:
    listing = seeded_client.get("/corpus", headers=HTML).text
    assert listing.count("/documents/") == 3
    narrowed = seeded_client.get("/corpus?outlet=Valley+Courier", headers=HTML).text
    assert narrowed.count("/documents/") == 1
    by_title = seeded_client.get("/corpus?order=title", headers=HTML).text
    assert by_title.index("Bridge repairs delayed") < by_title.index("School lunches get")
    assert by_title.index("Council approves") < by_title.index("School lunches get")
    found = seeded_client.get("/corpus?q=rust&mode=keyword", headers=HTML).text
    assert "Bridge repairs delayed, officials say" in found


def test_bad_filters_are_explained(seeded_client: TestClient) -> None:
    bad_mode = seeded_client.get("/corpus?q=x&mode=magic", headers=HTML)
    assert bad_mode.status_code == 422
    bad_date = seeded_client.get("/corpus?since=yesterday", headers=HTML)
    assert bad_date.status_code == 422
    assert 'role="alert"' in bad_date.text
    assert seeded_client.get("/links?view=gossip", headers=HTML).status_code == 422


def test_unknown_ids_are_404_pages(seeded_client: TestClient) -> None:
    for path in ["/documents/nope", "/analyses/nope"]:
        response = seeded_client.get(path, headers=HTML)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html")


def test_paste_analyses_escapes_and_redirects(seeded_client: TestClient) -> None:
    hostile = '<img src=x onerror="alert(1)">'
    response = seeded_client.post(
        "/analyse",
        data={"text": f"Officials said the plan {hostile} works.", "title": hostile},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = seeded_client.get(response.headers["location"], headers=HTML).text
    assert hostile not in page
    assert "&lt;img src=x onerror=" in page
    empty = seeded_client.post("/analyse", data={"text": "  "}, follow_redirects=False)
    assert empty.status_code == 422


def test_an_upload_of_several_records_is_refused_not_cut_to_its_first(
    seeded_client: TestClient,
) -> None:
    lines = [
        '{"text": "The council said the bridge will reopen in May."}',
        '{"text": "Officials said the ferry will run until then."}',
    ]
    several = seeded_client.post(
        "/analyse",
        files={"file": ("feed.jsonl", "\n".join(lines).encode(), "application/jsonl")},
        follow_redirects=False,
    )
    assert several.status_code == 422
    assert "feed.jsonl: the file holds more than one document" in several.text
    assert "Jobs page" in several.text
    one = seeded_client.post(
        "/analyse",
        files={"file": ("one.jsonl", lines[0].encode(), "application/jsonl")},
        follow_redirects=False,
    )
    assert one.status_code == 303
    # the API reads a JSON Lines file's first record, as documented
    first = seeded_client.post(
        "/api/v1/analyze/file", files={"file": ("feed.jsonl", "\n".join(lines).encode())}
    )
    assert first.status_code == 200
    assert "reopen in May" in first.json()["document"]["text"]


def test_a_form_post_without_its_csrf_token_is_refused(seeded_client: TestClient) -> None:
    seeded_client.headers.pop("X-CSRF-Token")
    response = seeded_client.post("/analyse", data={"text": "Some text."})
    assert response.status_code == 403
    form = seeded_client.get("/", headers=HTML).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token is not None
    ok = seeded_client.post(
        "/analyse",
        data={"text": "Some text.", "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert ok.status_code == 303


def test_pager_links_keep_the_filters() -> None:
    pager = Pager("/corpus", {"q": "a b", "outlet": ""}, 20, 20, 20, 45)
    assert pager.previous == "/corpus?q=a+b"
    assert pager.next == "/corpus?q=a+b&offset=40"
    assert (pager.first, pager.last) == (21, 40)
    assert Pager("/corpus", {}, 40, 20, 5, 45).next is None


def test_context_parts_cut_around_the_span() -> None:
    assert context_parts("in May", 'said it "reopens [in May]" soon') == (
        'said it "reopens ',
        "in May",
        '" soon',
    )
    assert context_parts("x", None) == ("", "x", "")


def test_links_page_compares_new_documents(seeded_client: TestClient) -> None:
    response = seeded_client.post("/links/compare", data={"view": "quotes"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/links?view=quotes&compared=3&found=")
    page = seeded_client.get(response.headers["location"], headers=HTML).text
    assert "Compared 3 documents" in page
    again = seeded_client.post("/links/compare", data={"view": "quotes"}, follow_redirects=False)
    assert "compared=0" in again.headers["location"]


def test_labels_read_as_words_in_pages() -> None:
    # badges and narrative counts show "named person", not the JSON label "named_person"
    env = make_templates().env
    assert env.from_string("{{ k | words }}").render(k="named_person") == "named person"
    assert env.from_string("{{ k | words }}").render(k="<b>_x") == "&lt;b&gt; x"


def test_a_store_without_fact_checks_or_evidence_says_so_and_how_to_add_them(
    seeded_client: TestClient, tmp_path: Path
) -> None:
    """A search of a store that holds no fact-checks (evidence passages) says the store
    holds none, not only that nothing matches; once some are added, the notice goes."""
    for page, words in [("/factchecks", "no fact-checks"), ("/evidence", "no evidence passages")]:
        text = seeded_client.get(f"{page}?q=bridge", headers=HTML).text
        assert f"This store holds {words} yet" in text, page
    db = str(seeded_client.app.state.unspin.db)  # type: ignore[attr-defined]
    checks = tmp_path / "checks.csv"
    checks.write_text("claim,rating\nThe bridge was closed for rust.,False\n", "utf-8")
    assert unspin_app.import_factcheck_files(db, [checks], backbone="fake").report.ok
    evidence = tmp_path / "notice.txt"
    evidence.write_text("Engineers closed the bridge in May after finding rust.\n", "utf-8")
    assert unspin_app.add_evidence(db, [evidence], backbone="fake").report.added == 1
    for page in ("/factchecks", "/evidence"):
        text = seeded_client.get(f"{page}?q=bridge", headers=HTML).text
        assert "This store holds no" not in text, page
