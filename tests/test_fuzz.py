"""Property-based tests over ingestion and every default analyzer (Hypothesis).

Whatever the bytes or the text: loading yields documents or one-line input errors, never
an exception; analysing yields findings whose offsets lie inside the text and slice to
their text, and no analyzer fails. Most examples go through the fake backbone (fast); a
slow test sends 200 through the real one. The longer run lives in ``bench/fuzz.py``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unspin.analyzer import analyzer_class
from unspin.config import load_config
from unspin.errors import InputError
from unspin.ingest import load_bytes, load_stream
from unspin.model import Analysis, Document
from unspin.nlp import Backbone, FakeBackbone
from unspin.pipeline import Pipeline

from .conftest import assert_anchored

#: Words, numbers, dates, quotes and punctuation that the analyzers react to, mixed with
#: arbitrary characters: hostile text is mostly ordinary text with odd pieces in it.
PIECES = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "\u201c",
        "\u201d",
        '"',
        "'",
        "not",
        "never",
        "12",
        "1,200",
        "3.5",
        "million",
        "%",
        "$",
        "\u20ac",
        "on Monday",
        "last week",
        "in 2019",
        "killed",
        "according to",
        "sources",
        "Ana Vik",
        "U.S.",
        "Dr.",
        "...",
        "?",
        "!",
        ".",
        ",",
        ";",
        ":",
        "-",
        "\u2014",
        "(",
        ")",
        "\n",
        "\n\n",
        "# ",
        "* ",
        "1.",
        "\t",
        " ",
        "may",
        "will",
        "clearly",
        "allegedly",
        "9" * 40,
        "\u00a0",
        "\u200b",
        "\ufeff",
    ]
)
TEXT = st.lists(
    st.one_of(PIECES, st.text(st.characters(exclude_categories=["Cs"]), max_size=12)),
    min_size=1,
    max_size=60,
).map(" ".join)


def pipeline(backbone: Backbone) -> Pipeline:
    config = load_config()
    names = config.analyzers
    analyzers = [analyzer_class(n)(**config.options_for(n)) for n in names]
    return Pipeline(config, backbone=backbone, analyzers=analyzers)


def check(analyze: Callable[[Document], Analysis], text: str) -> None:
    if not text.strip():
        return
    analysis = analyze(Document(text))
    assert_anchored(analysis)
    assert not analysis.failures, analysis.failures
    for f in analysis.findings:
        assert f.text == text[f.start : f.end]


FAKE_PIPELINE = pipeline(FakeBackbone())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_analyses_with_anchored_findings_fake_backbone(text: str) -> None:
    check(FAKE_PIPELINE.analyze, text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["", ".txt", ".md", ".html", ".jsonl", ".json"]))
def test_any_bytes_load_as_documents_or_input_errors(data: bytes, suffix: str) -> None:
    for item in load_bytes(data, source="fuzz", suffix=suffix, max_bytes=300):
        assert isinstance(item, (Document, InputError))
        if isinstance(item, InputError):
            assert "\n" not in str(item)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["text", "title", "published", "x"]), JSON_VALUE)))
def test_any_json_lines_load_as_documents_or_input_errors(records: list[dict[str, object]]) -> None:
    data = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8", "surrogatepass")
    for item in load_stream(io.BytesIO(b"{}\n" + data), max_bytes=2000):
        assert isinstance(item, (Document, InputError))


@pytest.mark.slow
def test_any_text_analyses_with_anchored_findings_real_backbone(backbone: Backbone) -> None:
    real = pipeline(backbone)

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(TEXT)
    def run(text: str) -> None:
        check(real.analyze, text)

    run()
