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
