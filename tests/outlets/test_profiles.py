"""Outlet profiles over a real SQLite store of a small invented corpus (tests/outlets/corpus.py):
rates against counts made by hand, intervals, warnings, ratings, the narratives hook, the
command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.outlets.corpus import (
    HARBOUR,
    HARBOUR_HEDGES,
    HARBOUR_WORDS,
    SLANT,
    SLANT_WORDS,
    VALLEY,
    VALLEY_ANONYMOUS,
    VALLEY_CHECKWORTHY,
    VALLEY_QUOTES,
    VALLEY_WORDS,
    build_store,
    harbour_document,
)
from unspin import app
from unspin.cli import main
from unspin.outlets.profile import (
    NARRATIVE_TABLES,
    OutletProfiles,
    UnknownOutletError,
    count_words,
    narratives_carried,
    outlet_profiles,
)
from unspin.store import open_store

RATINGS = Path(__file__).parent / "fixtures" / "domain-ratings"
CORPUS_WORDS = sum(HARBOUR_WORDS) + sum(VALLEY_WORDS) + sum(SLANT_WORDS) + 9


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("outlets"))


@pytest.fixture(scope="module")
def profiles(db: Path) -> OutletProfiles:
    return app.outlet_profiles(db, ratings=RATINGS)


def by_name(profiles: OutletProfiles) -> dict[str, app.OutletProfile]:
    return {p.name: p for p in profiles.outlets}


def test_words_are_counted_as_written() -> None:
    assert count_words("Don't stop the well-known ferry, 4.1 percent of 4,000!") == 9
    assert count_words("  ") == 0


def test_documents_and_words_per_outlet(profiles: OutletProfiles) -> None:
    assert [p.name for p in profiles.outlets] == [HARBOUR, VALLEY, SLANT]  # largest first
    found = by_name(profiles)
    assert (found[HARBOUR].documents, found[HARBOUR].words) == (11, sum(HARBOUR_WORDS))
    assert (found[VALLEY].documents, found[VALLEY].words) == (3, sum(VALLEY_WORDS))
    assert (found[SLANT].documents, found[SLANT].words) == (2, sum(SLANT_WORDS))
    # the document without an outlet counts in the corpus only
    assert (profiles.documents, profiles.words) == (17, CORPUS_WORDS)
    assert found[HARBOUR].first_published == "2026-01-01"
    assert found[HARBOUR].last_published == "2026-01-11"


def test_rates_by_hand(profiles: OutletProfiles) -> None:
    found = by_name(profiles)
    harbour, valley, slant = found[HARBOUR], found[VALLEY], found[SLANT]
    assert harbour.hedges.count == HARBOUR_HEDGES == 6
    assert harbour.hedges.value == pytest.approx(6 / 228 * 1000)
    assert harbour.hedges.corpus == pytest.approx(6 / CORPUS_WORDS * 1000)
    assert valley.quotes == VALLEY_QUOTES
    assert valley.anonymous_quotes.value == pytest.approx(VALLEY_ANONYMOUS / VALLEY_QUOTES)
    assert valley.checkworthy_claims.value == pytest.approx(VALLEY_CHECKWORTHY / 3)
    assert slant.anonymous_quotes.value is None  # quotes no one: no share
    assert slant.techniques.value == pytest.approx(3 / 27 * 1000)
    assert slant.by_technique["Loaded_Language"].value == pytest.approx(3 / 27 * 1000)
    assert harbour.by_technique["Loaded_Language"].value == 0.0
    assert slant.boosters.value == pytest.approx(2 / 27 * 1000)
    assert slant.factchecked_claims.value == pytest.approx(1 / 2)
    assert slant.factcheck_ratings == {"False": 1}
    assert slant.techniques.corpus == pytest.approx(3 / CORPUS_WORDS * 1000)


def test_intervals_hold_the_estimate_and_repeat(db: Path, profiles: OutletProfiles) -> None:
    for profile in profiles.outlets:
        for rate in (profile.hedges, profile.boosters, profile.techniques,
                     profile.checkworthy_claims, profile.factchecked_claims):  # fmt: skip
            assert rate.value is not None and rate.low is not None and rate.high is not None
            assert rate.low <= rate.value <= rate.high
    harbour = by_name(profiles)[HARBOUR].hedges
    assert harbour.low is not None and harbour.high is not None and harbour.value is not None
    assert harbour.low < harbour.value < harbour.high  # documents differ: a real interval
    with open_store(db) as store:  # computed afresh (app.outlet_profiles keeps results)
        first, again = outlet_profiles(store.sql), outlet_profiles(store.sql)
    assert again.to_dict() == first.to_dict()
    assert first.outlets[0].hedges == profiles.outlets[0].hedges
    # the same interval for an outlet shown alone as in the listing
    alone = app.outlet_profiles(db, HARBOUR, ratings=RATINGS)
    assert alone.outlets[0].to_dict() == by_name(profiles)[HARBOUR].to_dict()


def test_kept_profiles_follow_the_store(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    before = app.outlet_profiles(copy, HARBOUR)
    assert app.outlet_profiles(copy, HARBOUR) is before  # unchanged store: kept
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(harbour_document(11)) + "\n", encoding="utf-8")
    app.ingest_paths(str(copy), [extra], app.pipeline_config(backbone="fake"))
    after = app.outlet_profiles(copy, HARBOUR)
    assert (before.outlets[0].documents, after.outlets[0].documents) == (11, 12)


def test_small_samples_are_flagged(profiles: OutletProfiles) -> None:
    found = by_name(profiles)
    assert not found[HARBOUR].small_sample and found[HARBOUR].warnings == ()
    assert found[VALLEY].small_sample
    assert "small sample: 3 documents (under 10)" in found[VALLEY].warnings[0]


def test_published_ratings_with_source_and_year(profiles: OutletProfiles, db: Path) -> None:
    found = by_name(profiles)
    harbour = found[HARBOUR]  # by its documents' host
    assert harbour.ratings_domain == "harbourtimes.example"
    assert {(r["source"], r["year"]) for r in harbour.ratings} >= {
        ("Media Bias/Fact Check", "2018"),
        ("Lin et al. 2023 aggregate (PNAS Nexus)", "2023"),
    }
    assert {r["quality"] for r in found[VALLEY].ratings} == {0.4, 0.41}  # named as a domain
    assert found[SLANT].ratings_domain == "dailyslant.example"
    bare = app.outlet_profiles(db)  # no ratings configured: none, and a note says so
    assert all(p.ratings == () for p in bare.outlets)
    assert any("no published ratings loaded" in n for n in bare.notes)


def test_one_outlet_by_name_in_any_case(db: Path) -> None:
    found = app.outlet_profiles(db, "daily SLANT")
    assert [p.name for p in found.outlets] == [SLANT]
    with pytest.raises(UnknownOutletError, match="no outlet 'Nowhere News'"):
        app.outlet_profiles(db, "Nowhere News")


@pytest.mark.parametrize(
    ("table", "columns", "document"),
    [
        ("narratives", "narrative_id INTEGER, doc INTEGER", "key"),
        ("narrative_claims", "narrative INTEGER, document_id TEXT", "id"),
    ],
)
def test_narratives_hook(db: Path, tmp_path: Path, table: str, columns: str, document: str) -> None:
    assert by_name(app.outlet_profiles(db))[HARBOUR].narratives is None
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    with open_store(copy) as store:
        rows = store.sql.all("SELECT key, id FROM documents ORDER BY key")
        keys = [int(k) for k, _ in rows]
        docs = [k if document == "key" else i for k, i in rows]
        with store.sql.transaction():
            for name in NARRATIVE_TABLES:  # the narratives feature's own tables, if any
                store.sql.execute(f"DROP TABLE IF EXISTS {name}")
            store.sql.execute(f"CREATE TABLE {table} ({columns})")
            store.sql.executemany(
                f"INSERT INTO {table} VALUES (?, ?)", [(1, docs[0]), (2, docs[0]), (2, docs[1])]
            )
        assert narratives_carried(store.sql, keys[:2]) == 2
        assert narratives_carried(store.sql, keys[1:2]) == 1
        assert narratives_carried(store.sql, keys[5:6]) == 0
        profiles = outlet_profiles(store.sql)
        carried = {p.name: p.narratives for p in profiles.outlets}
        assert carried[HARBOUR] == 2 and carried[SLANT] == 0


def test_command_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "outlets", "--db", str(db), "--ratings", str(RATINGS)]) == 0
    out = capsys.readouterr().out
    assert "Harbour Times" in out and "(corpus average)" in out and "small sample" in out
    assert main(["corpus", "outlets", "harbour times", "--db", str(db)]) == 0
    detail = capsys.readouterr().out
    assert detail.startswith("Harbour Times: 11 documents, 228 words")
    assert "26.32" in detail  # hedges per 1,000 words: 6 / 228
    assert main(["corpus", "outlets", "--db", str(db), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corpus"] == {"documents": 17, "words": CORPUS_WORDS}
    assert data["interval"]["resamples"] == 1000
    first = data["outlets"][0]
    assert first["name"] == HARBOUR
    assert set(first["hedges_per_1000_words"]) == {"value", "low", "high", "corpus", "count"}
    assert first["narratives"] is None


def test_unknown_outlet_is_one_line_and_fails(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["corpus", "outlets", "Nowhere News", "--db", str(db)])
    captured = capsys.readouterr()
    assert code != 0 and captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("unspin: error: no outlet 'Nowhere News'")


def test_postgresql_gives_the_same_profiles(
    pg_url: str, tmp_path: Path, profiles: OutletProfiles
) -> None:
    build_store(tmp_path, pg_url)
    assert app.outlet_profiles(pg_url, ratings=RATINGS).to_dict() == profiles.to_dict()
    with open_store(pg_url) as store:
        rows = store.sql.all("SELECT key FROM documents ORDER BY key")
        assert narratives_carried(store.sql, [int(k) for (k,) in rows]) is None


def test_narratives_of_the_narratives_command(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    assert main(["corpus", "narratives", "--db", str(copy)]) == 0
    carried = {p.name: p.narratives for p in app.outlet_profiles(copy).outlets}
    with open_store(copy) as store:
        for name in (HARBOUR, VALLEY, SLANT):
            stored = store.sql.one(
                "SELECT count(DISTINCT n.narrative) FROM narrative_claims n "
                "JOIN documents d ON d.id = n.document_id JOIN outlets o ON o.id = d.outlet_id "
                "WHERE o.name = ?",
                (name,),
            )
            assert carried[name] == stored and stored >= 1, name


def test_outlets_command_loads_no_model(db: Path) -> None:
    """Profiles read the store only: no spaCy, no torch, no encoder."""
    script = (
        "import sys\n"
        "from unspin.cli import main\n"
        f"assert main(['corpus', 'outlets', '--db', {str(db)!r}, '-f', 'json']) == 0\n"
        "heavy = ('torch', 'spacy', 'sentence_transformers', 'transformers', 'onnxruntime')\n"
        "print('LOADED', [m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr
