"""One site is one outlet: documents that give only their URL's domain take the outlet
name the store's documents of that domain give, in any order of ingest (the real CLI, on
a SQLite file and on PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.store.test_cli_corpus import corpus
from unspin.store import Filters, open_store

SITE = "https://www.example-gazette.test/news/"


def _jsonl(path: Path, *docs: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _named(folder: Path, outlet: str = "Example Gazette", n: int = 1) -> Path:
    """A front-matter article naming its outlet."""
    path = folder / f"named-{outlet.replace(' ', '-').lower()}.md"
    path.write_text(
        f"---\ntitle: Harbour plan\nurl: {SITE}harbour-{n}\noutlet: {outlet}\n---\n\n"
        f"The council approved the harbour plan number {n} on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    return path


def _bare(folder: Path) -> Path:
    """Three articles of the same site giving only a URL or a host name of it (as an HTML
    page without a site name does), and one without a URL."""
    return _jsonl(
        folder / "bare.jsonl",
        {"text": "Bus fares will rise by ten cents in May, the operator said.", "url": SITE + "a"},
        {"text": "The library opens on Sundays from next week.", "url": SITE.upper() + "b"},
        {
            "text": "Two lanes of the bridge reopen.",
            "url": SITE + "c",
            "outlet": "Example-Gazette.test",
        },
        {"text": "A bakery on the corner closed after forty years."},
    )


def _ingest(db: str, *paths: Path) -> None:
    for path in paths:  # one run each: a later input arrives after the store holds the others
        result = corpus("ingest", path, "--db", db)
        assert result.returncode == 0, result.stderr


def _outlets(db: str) -> dict[str, int]:
    result = corpus("stats", "--db", db, "-f", "json")
    assert result.returncode == 0, result.stderr
    outlets: dict[str, int] = json.loads(result.stdout)["outlets"]
    return outlets


def _everywhere(db: str) -> dict[str, set[str]]:
    """Per stored document's URL (or text when it has none): the outlet its row, its
    sentences, its vector index entries (SQLite) and its stored analysis give."""
    out: dict[str, set[str]] = {}
    with open_store(db) as store:
        sql = store.sql
        names = {int(i): str(n) for i, n in sql.all("SELECT id, name FROM outlets")}
        for key, doc_id, url, outlet_id in sql.all("SELECT key, id, url, outlet_id FROM documents"):
            seen = {names.get(int(outlet_id), "")}
            seen |= {
                names.get(int(i), "")
                for (i,) in sql.all(
                    "SELECT DISTINCT outlet_id FROM sentences WHERE doc = ?", (key,)
                )
            }
            if sql.dialect == "sqlite":
                seen |= {
                    names.get(int(i), "")
                    for (i,) in sql.all(
                        "SELECT v.outlet_id FROM sentence_vec v JOIN sentences s ON s.id = v.rowid "
                        "WHERE s.doc = ?",
                        (key,),
                    )
                }
            seen.add(store.get_analysis(str(doc_id)).document.outlet or "")
            out[str(url or "(no url)")] = seen
    return out


@pytest.mark.parametrize("named_first", [True, False])
def test_a_site_named_by_one_input_is_one_outlet_in_either_order(
    store_url: str, tmp_path: Path, named_first: bool
) -> None:
    named, bare = _named(tmp_path), _bare(tmp_path)
    _ingest(store_url, *((named, bare) if named_first else (bare, named)))
    assert _outlets(store_url) == {"Example Gazette": 4, "(none)": 1}
    assert _everywhere(store_url) == {
        SITE + "harbour-1": {"Example Gazette"},
        SITE + "a": {"Example Gazette"},
        SITE.upper() + "b": {"Example Gazette"},
        SITE + "c": {"Example Gazette"},
        "(no url)": {""},
    }
    result = corpus("outlets", "--db", store_url, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "example-gazette.test" not in result.stdout
    # the outlet filter finds the site's documents in the sentence and vector indexes too
    with open_store(store_url) as store:
        found = {
            h.document_id
            for mode in ("keyword", "semantic")
            for h in store.search(
                "fares",
                Filters(outlet="Example Gazette"),
                mode=mode,
                limit=20,
                backbone=_backbone(store.encoder),
            )
        }
        texts = {a.document.text[:8] for a in store.iter_analyses() if a.document.id in found}
    assert "Bus fare" in texts


def _backbone(encoder: str | None) -> Any:
    from unspin.pipeline import backbone_for_encoder

    return backbone_for_encoder(encoder)


@pytest.mark.parametrize("order", ["ab", "ba", "between"])
def test_two_names_for_one_site_leave_the_domain_documents_under_the_domain(
    store_url: str, tmp_path: Path, order: str
) -> None:
    gazette, courier = _named(tmp_path), _named(tmp_path, "Gazette Courier", 2)
    bare = _bare(tmp_path)
    paths = {
        "ab": (gazette, courier, bare),
        "ba": (bare, courier, gazette),
        # moved under the one name, then back when a second name arrives
        "between": (bare, gazette, courier),
    }[order]
    _ingest(store_url, *paths)
    assert _outlets(store_url) == {
        "example-gazette.test": 2,
        "Example-Gazette.test": 1,
        "Example Gazette": 1,
        "Gazette Courier": 1,
        "(none)": 1,
    }
    seen = _everywhere(store_url)
    assert seen[SITE + "a"] == {"example-gazette.test"}
    assert seen[SITE + "c"] == {"Example-Gazette.test"}  # as it was given


def test_a_store_split_before_the_rule_is_joined_when_opened(
    store_url: str, tmp_path: Path
) -> None:
    _ingest(store_url, _bare(tmp_path), _named(tmp_path))
    # put the store back as an unspin without the rule left it: the site's bare documents
    # under their domain everywhere, and no domain recorded
    with open_store(store_url) as store:
        sql = store.sql
        with sql.transaction():
            sql.execute(
                "INSERT INTO outlets (name) VALUES ('example-gazette.test') "
                "ON CONFLICT (name) DO NOTHING"
            )
            bare = sql.one("SELECT id FROM outlets WHERE name = 'example-gazette.test'")
            for key, analysis in sql.all(
                "SELECT key, analysis FROM documents WHERE named = 0 AND domain <> ''"
            ):
                data = json.loads(analysis)
                data["document"]["outlet"] = "example-gazette.test"
                sql.execute(
                    "UPDATE documents SET outlet_id = ?, analysis = ? WHERE key = ?",
                    (bare, json.dumps(data), key),
                )
                sql.execute("UPDATE sentences SET outlet_id = ? WHERE doc = ?", (bare, key))
            sql.execute("UPDATE documents SET domain = NULL")
    # the next unspin to open the store (here `corpus stats`) joins the site
    assert _outlets(store_url) == {"Example Gazette": 4, "(none)": 1}
    assert _everywhere(store_url)[SITE + "a"] == {"Example Gazette"}


def _search_outlets(db: str, outlet: str) -> set[str]:
    """The outlets of the documents ``corpus search --outlet OUTLET`` finds."""
    result = corpus("search", "fares library lanes", "--db", db, "-f", "json", "--outlet", outlet)
    assert result.returncode == 0, result.stderr
    return {json.loads(line)["outlet"] for line in result.stdout.splitlines()}


@pytest.mark.parametrize(
    "given", ["example-gazette.test", "www.Example-Gazette.test", SITE + "a", "Example Gazette"]
)
def test_a_joined_sites_domain_finds_the_outlet_it_is_stored_under(
    store_url: str, tmp_path: Path, given: str
) -> None:
    _ingest(store_url, _bare(tmp_path), _named(tmp_path))
    assert _search_outlets(store_url, given) == {"Example Gazette"}
    profile = corpus("outlets", given, "--db", store_url, "-f", "json")
    assert profile.returncode == 0, profile.stderr
    assert [p["name"] for p in json.loads(profile.stdout)["outlets"]] == ["Example Gazette"]


def test_a_domain_under_two_names_finds_all_its_documents_by_domain_alone(
    store_url: str, tmp_path: Path
) -> None:
    _ingest(store_url, _named(tmp_path), _named(tmp_path, "Gazette Courier", 2), _bare(tmp_path))
    assert _search_outlets(store_url, "example-gazette.test") == {
        "example-gazette.test",
        "Example-Gazette.test",
    }
    assert _search_outlets(store_url, "Gazette Courier") == set()  # no such words in it
    unknown = corpus("search", "fares", "--db", store_url, "--outlet", "other-site.test")
    assert unknown.returncode == 0 and unknown.stdout == ""


_COPIED = (
    "The harbour authority said the new breakwater would protect two hundred moored boats "
    "from winter storms. Engineers expect the concrete blocks to settle over the next three "
    "years, according to the published survey of the seabed."
)


def test_links_made_before_a_site_is_joined_show_its_outlet_as_it_is_now(
    store_url: str, tmp_path: Path
) -> None:
    first = _jsonl(
        tmp_path / "first.jsonl",
        {"text": _COPIED, "url": SITE + "breakwater", "published": "2026-03-01"},
        {
            "text": "Reprinted. " + _COPIED,
            "url": "https://lantern.test/breakwater",
            "outlet": "Daily Lantern",
            "published": "2026-03-02",
        },
    )
    _ingest(store_url, first)
    linked = corpus("link", "--db", store_url)
    assert linked.returncode == 0, linked.stderr
    _ingest(store_url, _named(tmp_path))  # the site's name arrives: the first one moves
    rows = corpus("propagation", "--db", store_url, "-f", "jsonl", "--experimental")
    assert rows.returncode == 0, rows.stderr
    (link,) = [json.loads(line) for line in rows.stdout.splitlines()]
    assert (link["a"]["outlet"], link["b"]["outlet"]) == ("Example Gazette", "Daily Lantern")
    assert link["slot"]["outlets"] == "Example Gazette / Daily Lantern"
    assert "example-gazette.test" not in link["explanation"]["detail"]
    assert "first seen in Example Gazette (2026-03-01)" in link["explanation"]["detail"]
    text = corpus("propagation", "--db", store_url, "--experimental").stdout
    assert "Example Gazette" in text and "example-gazette.test" not in text


def test_a_page_indexed_before_its_site_was_joined_is_compared_as_that_sites(
    store_url: str, tmp_path: Path
) -> None:
    """One sentence two pages of one site share is the site's own (a tagline, a standing
    line), not a copy: the page indexed under the domain is compared under the site's
    name once it has moved, so no propagation link joins the two."""
    motto = (
        "Every story in this newsletter is checked by two editors before it is sent to "
        "readers across the valley."
    )
    bare = _jsonl(
        tmp_path / "bare-motto.jsonl",
        {
            "text": "The ferry timetable changes on Monday for the winter months. " + motto,
            "url": SITE + "ferry",
            "published": "2026-03-01",
        },
    )
    named = tmp_path / "named-motto.md"
    named.write_text(
        f"---\ntitle: Library hours\nurl: {SITE}library\noutlet: Example Gazette\n"
        f"published: 2026-03-02\n---\n\nThe library opens on Sundays from April. {motto}\n",
        encoding="utf-8",
    )
    for path in (bare, named):
        _ingest(store_url, path)
        linked = corpus("link", "--db", store_url)
        assert linked.returncode == 0, linked.stderr
    rows = corpus("propagation", "--db", store_url, "-f", "jsonl", "--experimental")
    assert rows.returncode == 0, rows.stderr
    assert rows.stdout == ""


def test_a_link_made_before_a_site_is_joined_goes_when_its_pages_become_one_outlets(
    store_url: str, tmp_path: Path
) -> None:
    """One sentence two outlets' pages share was a propagation link; once the first
    page's site is joined under the name the second page gives, the two are one outlet's
    pages and the shared line is its own: the next `corpus link` drops the link (it
    stayed until `corpus link --rebuild`)."""
    motto = (
        "Every story in this newsletter is checked by two editors before it is sent to "
        "readers across the valley."
    )
    pages = _jsonl(
        tmp_path / "pages.jsonl",
        {
            "text": "The ferry timetable changes on Monday for the winter months. " + motto,
            "url": SITE + "ferry",
            "published": "2026-03-01",
        },
        {
            "text": "The library opens on Sundays from April. " + motto,
            "url": "https://archive.gazette-mirror.test/library",
            "outlet": "Example Gazette",
            "published": "2026-03-02",
        },
    )

    def propagation() -> list[dict[str, Any]]:
        linked = corpus("link", "--db", store_url)
        assert linked.returncode == 0, linked.stderr
        rows = corpus("propagation", "--db", store_url, "-f", "jsonl", "--experimental")
        assert rows.returncode == 0, rows.stderr
        return [json.loads(line) for line in rows.stdout.splitlines()]

    _ingest(store_url, pages)
    (link,) = propagation()  # two outlets then: the domain and Example Gazette
    assert link["a"]["outlet"] == "example-gazette.test"
    _ingest(store_url, _named(tmp_path))  # the site's name arrives: the first page moves
    assert propagation() == []
