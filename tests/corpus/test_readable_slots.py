"""A link's slot and explanation show the words of its two sentences, not the stems its
matching compared ("event warehous killed", "event fir" were shown to users), on the
command line (``render_link``) and in the workbench rows (``list_link_rows``)."""

from __future__ import annotations

from pathlib import Path

from unspin import app
from unspin.corpus.model import Link, Side
from unspin.corpus.store_adapter import to_store_link
from unspin.corpus.views import in_context, readable_slot, render_link
from unspin.model import Document, Explanation
from unspin.store import open_store

A = Document("A fire at the Orsk warehouse killed 12 people on Tuesday, police said.")
B = Document("A fire at the Orsk warehouse killed 15 people on Wednesday, officials said.")
SLOT = {"entity": "Orsk", "event": "warehous killed", "date": "2026-03-03 / 2026-03-04"}
WHY = "Same event in two documents (warehous killed; both name Orsk) dated apart."


def _link() -> Link:
    a = Side(A.id, 2, 6, "fire", context_start=0, context_end=len(A.text))
    b = Side(B.id, 2, 6, "fire", context_start=0, context_end=len(B.text))
    return Link("contradiction", a, b, 0.6, Explanation("date.different-dates", detail=WHY), SLOT)


def test_stems_are_written_as_the_sentences_words() -> None:
    slot, why = readable_slot({**SLOT, "quantity": "fir"}, WHY, [A.text, B.text])
    assert slot["event"] == "warehouse killed" and slot["quantity"] == "fire"
    assert slot["entity"] == "Orsk" and slot["date"] == SLOT["date"]  # other fields as stored
    assert "(warehouse killed;" in why
    # a word in its own right stays as it is ("die" of "killed", "flood" of "floods")
    assert readable_slot({"event": "die peopl"}, "", [A.text])[0]["event"] == "die people"
    assert readable_slot({"event": "flood"}, "", ["Floods hit."])[0]["event"] == "flood"
    assert readable_slot({"event": "compani"}, "", ["The company said"])[0]["event"] == "company"


def test_the_command_line_block_shows_words() -> None:
    texts = {A.id: A.text, B.id: B.text}
    block = render_link(_link(), "contradictions", context=lambda s: in_context(s, texts[s.doc_id]))
    assert "event warehouse killed" in block and "warehous " not in block


def test_the_workbench_rows_show_words(tmp_path: Path) -> None:
    url = str(tmp_path / "corpus.db")
    pipeline = app.load_pipeline(app.pipeline_config(None, backbone="fake"))
    with open_store(url) as store:
        store.add(pipeline.process([A, B], embed_sentences=True))
        store.add_links([to_store_link(_link())])
    (row,) = app.list_link_rows(url, "contradictions", experimental=True).items
    assert row.slot["event"] == "warehouse killed"
    assert "(warehouse killed;" in row.explanation
