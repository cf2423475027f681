"""A small SQLite store for the export tests: short invented articles analysed by the
default analyzers on the fake backbone (no models), and one stored link between them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import pg_server, pg_url, store_url
from unspin.cli import main
from unspin.config import load_config
from unspin.model import Document, Finding
from unspin.pipeline import Pipeline
from unspin.store import StoredLink, ingest, open_store

__all__ = ["DOCUMENTS", "FINDINGS", "export", "fill", "pg_server", "pg_url", "store_url", "stored"]

#: Invented outlets and events. The second article holds a character outside the Basic
#: Multilingual Plane (offsets are code points, not UTF-16 units), the first a paragraph
#: break and a quotation, the fourth a claim across a line break.
DOCUMENTS = (
    Document(
        text="Velmora council raises water prices\n\n"
        "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
        "Officials reportedly claim that prices rose 40% in 2023. "
        '"We will never allow a shortage," the mayor told reporters.',
        title="Velmora council raises water prices",
        url="https://harbor-ledger.example/water",
        outlet="Harbor Ledger",
        published="2026-03-02",
    ),
    Document(
        text="Crowds \U0001f30a gathered at the Velmora harbour on Sunday. Police said about "
        "2,000 people attended. Critics argue the count was perhaps inflated by the "
        "organisers, which is absolutely the worst kind of spin.",
        title="Harbour rally draws crowds",
        url="https://velmora-times.example/rally",
        outlet="Velmora Times",
        published="2026-03-03",
    ),
    Document(
        text="Dr. Oren Falk, a hydrologist at Velmora University, said the reservoir was at "
        "62% capacity in May. Some experts believe the drought could possibly last until "
        "2027.",
        title="Reservoir at 62%",
        outlet="Harbor Ledger",
        published="2026-03-05",
    ),
    Document(
        text='The mayor spoke at noon. "We will never\nallow a shortage of water in '
        'Velmora," the mayor said on Friday.',
        title="No shortage, says the mayor",
        url="https://velmora-times.example/mayor",
        outlet="Velmora Times",
        published="2026-03-06",
    ),
)
#: Findings the default analyzers store for them (on the fake backbone): since 46caed1 the
#: fourth document's quotation across its line break is found, with its speaker.
FINDINGS = 34


@pytest.fixture(scope="session")
def export_pipeline() -> Pipeline:
    return Pipeline(load_config(backbone="fake"))


def fill(url: str | Path, pipeline: Pipeline) -> None:
    """Store the four documents (findings, sentences) and one link between two claims."""
    with open_store(url) as store:
        ingest(store, list(DOCUMENTS), pipeline=pipeline)
        first, second = (store.get_analysis(d.id) for d in DOCUMENTS[:2])
        a = next(f for f in first.findings if f.kind == "claim")
        b = next(f for f in second.findings if f.kind == "claim")
        store.add_links(
            [StoredLink("contradiction", first.document.id, a.id, second.document.id, b.id, 0.7)]
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, export_pipeline: Pipeline) -> Path:
    """A SQLite store holding the four documents and the link."""
    path = tmp_path_factory.mktemp("exports") / "corpus.db"
    fill(path, export_pipeline)
    return path


def stored(db: str | Path) -> dict[str, tuple[str, list[Finding]]]:
    """Every stored document's text and findings, by document id."""
    with open_store(db) as store:
        return {a.document.id: (a.document.text, list(a.findings)) for a in store.iter_analyses()}


def export(db: str | Path, fmt: str, *args: str) -> int:
    """``unspin corpus export --what findings -f FMT ARGS --db DB`` through the real CLI."""
    return main(["corpus", "export", "--what", "findings", "-f", fmt, *args, "--db", str(db)])
