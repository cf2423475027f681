"""``corpus ingest --engine ray`` and ``corpus link --engine ray`` (#14 point 3): a local
Ray cluster of 2 CPUs started here; a Ray ingest stores the same documents, findings,
sentences and errors as a plain one, a Ray link run the same links; a rerun skips
everything before any actor starts; the missing extra and a stray ``--address`` are
one-line errors; Ray leaves no process behind."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.app.test_workers import _batch
from unspin import app
from unspin.cli import main
from unspin.config import Config
from unspin.errors import ConfigError, MissingExtraError
from unspin.store import StoreStats, open_store


def _ray_processes() -> list[psutil.Process]:
    out = []
    for p in psutil.Process().children(recursive=True):
        try:
            if "ray" in " ".join(p.cmdline()).lower():
                out.append(p)
        except psutil.Error:
            continue
    return out


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    import ray

    assert not ray.is_initialized()
    ray.init(
        address="local",  # a new cluster, whatever `ray start` left on this machine
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        object_store_memory=100 * 2**20,
    )
    try:
        yield
    finally:
        ray.shutdown()
        deadline = time.monotonic() + 20
        while _ray_processes() and time.monotonic() < deadline:
            time.sleep(0.5)
        left = [" ".join(p.cmdline())[:80] for p in _ray_processes()]
        assert not left, f"Ray left processes behind: {left}"


def _contents(db: Path) -> tuple[dict[str, list[tuple[object, ...]]], StoreStats, list[object]]:
    """Each document's findings (kind, offsets, label), the stats, the recorded errors."""
    with open_store(db) as store:
        findings = {
            a.document.id: sorted((f.kind, f.start, f.end, f.label) for f in a.findings)
            for a in store.iter_analyses()
        }
        stats = store.stats()
        errors = sorted((e.source, e.error, e.message, e.document_id) for e in store.iter_errors())
    return findings, stats, errors


def _config() -> Config:
    return app.pipeline_config(backbone="fake")


def test_a_ray_ingest_stores_what_a_plain_ingest_stores(ray_cluster: None, tmp_path: Path) -> None:
    inputs = _batch(tmp_path / "in")
    plain = app.ingest_paths(tmp_path / "plain.db", [inputs], _config())
    on_ray = app.ingest_paths(tmp_path / "ray.db", [inputs], _config(), engine="ray", workers=2)
    assert on_ray.report.added == plain.report.added == 6
    assert len(on_ray.report.input_errors) == len(plain.report.input_errors) == 2

    findings, stats, errors = _contents(tmp_path / "ray.db")
    expected, expected_stats, expected_errors = _contents(tmp_path / "plain.db")
    assert findings == expected
    assert sum(len(f) for f in findings.values()) > 10  # the texts give findings to compare
    assert stats.findings_by_kind == expected_stats.findings_by_kind
    for field in ("documents", "sentences", "embedded_sentences", "errors", "encoder"):
        assert getattr(stats, field) == getattr(expected_stats, field), field
    assert errors == expected_errors
    assert len(errors) == 2  # the binary file and the malformed JSON line

    # a rerun skips every stored document before analysis: no actor is started
    again = app.ingest_paths(tmp_path / "ray.db", [inputs], _config(), engine="ray", workers=2)
    assert (again.report.added, again.report.skipped) == (0, 6)
    with open_store(tmp_path / "ray.db") as store:
        assert Counter(store.stats().findings_by_kind) == Counter(stats.findings_by_kind)


def _wire_copies(folder: Path) -> Path:
    """Six invented reports of one fire, published the same day (a count is compared
    across documents only when both are dated): differing tolls, copied sentences."""
    folder.mkdir()
    for i in range(1, 7):
        text = (
            f"Report {i} from the coast.\n\nThe mayor said {10 * i} people were killed in "
            "the fire in Harbourville on Monday, officials said.\n\nThe fire started in a "
            "warehouse near the old port and spread quickly through the narrow streets.\n"
        )
        row = {"text": text, "published": "2025-03-04", "url": f"https://coast.example/r{i}"}
        (folder / f"r{i}.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return folder


def _links(db: Path) -> set[tuple[str, str, str, float]]:
    with open_store(db) as store:
        return {
            (lk.kind, lk.source_document, lk.target_document, round(lk.score, 6))
            for lk in store.iter_links()
        }


def test_corpus_link_on_ray_stores_the_links_of_a_local_run(
    ray_cluster: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _wire_copies(tmp_path / "in")
    for name in ("local", "ray"):
        app.ingest_paths(tmp_path / f"{name}.db", [inputs], _config())
    assert main(["corpus", "link", "--db", str(tmp_path / "local.db"), "-q"]) == 0
    code = main(["corpus", "link", "--db", str(tmp_path / "ray.db"), "--engine", "ray", "-q"])
    assert code == 0, capsys.readouterr().err
    links = _links(tmp_path / "ray.db")
    assert links == _links(tmp_path / "local.db")
    kinds = Counter(kind for kind, *_ in links)
    assert kinds["contradiction"] >= 5 and kinds["propagation"] >= 5  # tolls differ, copies
    again = app.link_corpus(tmp_path / "ray.db", engine="ray")  # incremental: nothing left
    assert again.run.documents == 0


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--engine ray"):
        app.ingest_paths(tmp_path / "x.db", [tmp_path], _config(), address="127.0.0.1:6379")
    with pytest.raises(ConfigError, match="--engine ray"):
        app.link_corpus(tmp_path / "x.db", address="127.0.0.1:6379")


def test_without_ray_the_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingExtraError) as info:
        app.ingest_paths(tmp_path / "x.db", [tmp_path], _config(), engine="ray")
    assert info.value.hint == "pip install 'unspin[ray]'"
    db = tmp_path / "y.db"
    code = main(["corpus", "ingest", str(tmp_path), "--db", str(db), "--engine", "ray", "-q"])
    assert code == 3
    assert "unspin[ray]" in capsys.readouterr().err
    assert not db.exists()
    app.ingest_paths(db, [_wire_copies(tmp_path / "in")], _config())
    code = main(["corpus", "link", "--db", str(db), "--engine", "ray", "-q"])
    assert code == 3
    assert "unspin[ray]" in capsys.readouterr().err
