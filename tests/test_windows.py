"""Long texts in overlapping windows: the plan, and findings the same as on the whole text."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from unspin.config import load_config
from unspin.errors import ConfigError
from unspin.model import Analysis, Document
from unspin.pipeline import Pipeline
from unspin.windows import plan_windows

LOCAL = "sources,certainty,claims"


def _long_text(paragraphs: int = 48) -> str:
    parts = []
    for i in range(paragraphs):
        parts.append(
            f"Councillor Mara Lindqvist{i} spoke at the harbour hall on day {i}. "
            f'"The ferry budget is a disgrace and will probably grow," she said. '
            "Officials may review the plan, according to people familiar with it. "
            f"The council spent {i + 3} million crowns on repairs in {1990 + i}."
        )
    return "\n\n".join(parts)


def _keys(analysis: Analysis) -> set[tuple[str, str, int, int]]:
    return {(f.kind, f.label, f.start, f.end) for f in analysis.findings}


def _links(analysis: Analysis) -> set[tuple[str, int, str, int]]:
    at = {f.id: f.start for f in analysis.findings}
    return {(f.kind, f.start, r.role, at[r.target]) for f in analysis.findings for r in f.relations}


def test_a_text_that_fits_is_one_window() -> None:
    assert [(w.start, w.end) for w in plan_windows("short text", 100, 20)] == [(0, 10)]
    assert len(plan_windows("x" * 500, 0, 20)) == 1


def test_windows_cover_the_text_cut_at_paragraphs_and_cores_partition_it() -> None:
    text = _long_text()
    plan = plan_windows(text, 3000, 600)
    assert len(plan) > 3
    assert plan[0].start == 0 and plan[-1].end == len(text)
    assert plan[0].core_start == 0 and plan[-1].core_end == len(text)
    for a, b in itertools.pairwise(plan):
        assert a.end - a.start <= 3000
        assert b.start < a.end  # they overlap
        assert a.core_end == b.core_start  # the cores partition the text
        assert a.start <= a.core_start < a.core_end <= a.end
        assert text[b.start - 2 : b.start] == "\n\n"  # cut at a paragraph break
        assert text[a.end - 2 : a.end] == "\n\n"


def test_bad_window_settings_are_refused_in_one_line() -> None:
    with pytest.raises(ConfigError, match="window_chars must be at least 4 x"):
        load_config(window_chars=1000, window_overlap=400)
    with pytest.raises(ConfigError, match="non-negative"):
        load_config(window_overlap=-1)


def test_a_short_text_gives_the_same_analysis_with_or_without_windows() -> None:
    doc = Document(text=_long_text(4))
    whole = Pipeline(load_config(backbone="fake", analyzers=LOCAL, window_chars=0))
    windowed = Pipeline(load_config(backbone="fake", analyzers=LOCAL))
    assert whole.analyze(doc).to_dict() == windowed.analyze(doc).to_dict()


def test_windowed_findings_and_links_equal_the_whole_texts_across_cuts() -> None:
    doc = Document(text=_long_text())
    whole = Pipeline(load_config(backbone="fake", analyzers=LOCAL, window_chars=0))
    windowed = Pipeline(
        load_config(backbone="fake", analyzers=LOCAL, window_chars=3000, window_overlap=600)
    )
    a, b = whole.analyze(doc), windowed.analyze(doc)
    assert b.summaries["windows"]["count"] > 3
    assert _keys(a) == _keys(b)
    assert _links(a) == _links(b)
    # every finding, attributes (resolved speakers) and explanations included, is the
    # same, and the cuts do fall among findings
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    cores = [w.core_start for w in plan_windows(doc.text, 3000, 600)[1:]]
    assert all(any(abs(f.start - c) < 150 for f in b.findings) for c in cores)
    assert {f.id for f in b.findings} == {f.id for f in a.findings}


def test_windowed_sentences_and_embeddings_match_the_whole_text() -> None:
    doc = Document(text=_long_text())
    whole = Pipeline(load_config(backbone="fake", analyzers=LOCAL, window_chars=0))
    windowed = Pipeline(
        load_config(backbone="fake", analyzers=LOCAL, window_chars=3000, window_overlap=600)
    )
    a = next(whole.process([doc], embed_sentences=True))
    b = next(windowed.process([doc], embed_sentences=True))
    assert a.sentences == b.sentences
    assert a.embeddings is not None and b.embeddings is not None
    assert np.allclose(a.embeddings, b.embeddings)


def _spans(value: object) -> list[dict[str, Any]]:
    """Every ``{"start", "end", "text"}`` object in a JSON value."""
    if isinstance(value, dict):
        own = [value] if isinstance(value.get("start"), int) and "text" in value else []
        return own + [s for v in value.values() for s in _spans(v)]
    if isinstance(value, list):
        return [s for v in value for s in _spans(v)]
    return []


def test_a_windowed_timeline_is_the_whole_texts_with_offsets_on_the_whole_text() -> None:
    # the dated sentences all lie after the first window, which holds none
    parts = [
        f"Councillor Lindqvist{i} spoke at the harbour hall about the quay." for i in range(40)
    ]
    parts += [f"The council spent {i} million crowns on repairs in {1960 + i}." for i in range(40)]
    doc = Document(text="\n\n".join(parts))
    analyzers = "sources,claims,timelines"
    whole = Pipeline(load_config(backbone="fake", analyzers=analyzers, window_chars=0))
    windowed = Pipeline(
        load_config(backbone="fake", analyzers=analyzers, window_chars=3000, window_overlap=600)
    )
    a, b = whole.analyze(doc).to_dict(), windowed.analyze(doc).to_dict()
    assert b["summaries"]["windows"]["count"] > 1
    spans = _spans(b["summaries"]["timelines"])
    assert spans and all(doc.text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert b["summaries"]["timelines"] == a["summaries"]["timelines"]  # no event lost
