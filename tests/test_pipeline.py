from __future__ import annotations

from pathlib import Path

import pytest

from unspin.analyzer import Analyzer, AnalyzerResult, Context, Services, register
from unspin.config import load_config
from unspin.errors import ConfigError, DependencyError, PipelineError, UnknownAnalyzerError
from unspin.model import Document, Explanation
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline, check_order


@register("test-capitals")
class Capitals(Analyzer):
    """Marks capitalised words."""

    produces = ("capital",)

    def run(self, ctx: Context) -> AnalyzerResult:
        found = [
            self.finding(
                ctx,
                t.start,
                t.end,
                kind="capital",
                label="cap",
                score=0.5,
                explanation=Explanation("test.capital", cues=(t.text,)),
            )
            for t in ctx.parsed.tokens
            if t.text[:1].isupper()
        ]
        return AnalyzerResult(tuple(found), {"count": len(found)})


@register("test-boom")
class Boom(Analyzer):
    """Fails on documents that contain 'boom'."""

    requires = ("parse", "capital")
    produces = ("bang",)

    def run(self, ctx: Context) -> AnalyzerResult:
        if "boom" in ctx.text:
            raise RuntimeError("exploded on purpose")
        first = ctx.of_kind("capital")[:1]
        return AnalyzerResult(
            tuple(
                self.finding(
                    ctx,
                    f.start,
                    f.end,
                    kind="bang",
                    label="x",
                    score=1.0,
                    explanation=Explanation("test.bang"),
                )
                for f in first
            )
        )


@register("test-after-boom")
class AfterBoom(Analyzer):
    """Needs what test-boom produces."""

    requires = ("bang",)
    produces = ("after",)

    def run(self, ctx: Context) -> AnalyzerResult:
        return AnalyzerResult()


def _pipeline(*names: str) -> Pipeline:
    return Pipeline(load_config(analyzers=list(names), backbone="fake"))


def test_order_is_checked_before_any_text_runs() -> None:
    with pytest.raises(DependencyError, match="requires 'capital'") as info:
        _pipeline("test-boom", "test-capitals")
    assert "test-capitals" in str(info.value)  # the hint names the analyzer to put first


def test_a_missing_provider_names_the_analyzer_to_add() -> None:
    with pytest.raises(DependencyError, match="requires 'claim'") as info:
        _pipeline("sources", "factchecks")
    assert "add 'claims' before 'factchecks' in [pipeline] analyzers" in str(info.value)
    with pytest.raises(DependencyError) as info:
        _pipeline("test-after-boom", "test-capitals", "test-boom")
    assert "put 'test-boom' before 'test-after-boom'" in str(info.value)


def test_builtin_order_check_explains_what_to_do() -> None:
    from unspin.analyzer import analyzer_class

    check_order([analyzer_class("test-capitals"), analyzer_class("test-boom")])
    with pytest.raises(DependencyError):
        check_order([analyzer_class("test-after-boom")])


def test_unknown_analyzer_lists_the_known_ones() -> None:
    with pytest.raises(UnknownAnalyzerError, match=r"available: .*sources"):
        _pipeline("no-such-analyzer")


def test_unknown_analyzer_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown option"):
        Pipeline(
            load_config(
                {
                    "pipeline": {"analyzers": ["test-capitals"], "backbone": "fake"},
                    "analyzers": {"test-capitals": {"colour": "red"}},
                }
            )
        )


def test_one_failing_analyzer_is_recorded_and_the_batch_goes_on() -> None:
    pipeline = _pipeline("test-capitals", "test-boom", "test-after-boom")
    docs = [Document("Alpha went boom."), Document("Beta is fine.")]
    first, second = list(pipeline.analyze_many(docs))
    assert [f.analyzer for f in first.failures] == ["test-boom", "test-after-boom"]
    assert first.failures[0].error == "RuntimeError"
    assert "exploded on purpose" in first.failures[0].message
    assert first.failures[1].error == "Skipped"
    assert first.kinds == {"capital": 1}  # the analyzer before the failure still counts
    assert second.ok
    assert second.kinds == {"bang": 1, "capital": 1}
    assert second.summaries["test-capitals"]["count"] == 1


def test_backbone_failure_is_recorded_per_document() -> None:
    class Flaky(FakeBackbone):
        def parse(self, text: str):  # type: ignore[no-untyped-def]
            if "poison" in text:
                raise ValueError("cannot parse")
            return super().parse(text)

        def parse_many(self, texts):  # type: ignore[no-untyped-def]
            return [self.parse(t) for t in texts]

    pipeline = Pipeline(load_config(analyzers=["test-capitals"], backbone="fake"), backbone=Flaky())
    bad, good = list(pipeline.analyze_many([Document("A poison pill."), Document("Fine Text.")]))
    assert [f.analyzer for f in bad.failures] == ["backbone", "test-capitals"]
    assert good.ok and good.kinds == {"capital": 2}


def test_fake_backbone_reading() -> None:
    parsed = FakeBackbone().parse('He left. "She stayed," said Anna Berg. 3 cats.')
    texts = [parsed.text[s.start : s.end] for s in parsed.sentences]
    assert texts == ["He left.", '"She stayed," said Anna Berg.', "3 cats."]
    assert [e.text for e in parsed.entities if e.label == "PERSON"] == ["Anna Berg"]
    assert FakeBackbone().embed(["a b", "a b"]).shape == (2, 384)


def test_process_returns_sentences_and_embeddings_on_request() -> None:
    pipeline = _pipeline("test-capitals")
    doc = Document("First one here. Second one there.")
    (plain,) = list(pipeline.process([doc]))
    assert plain.embeddings is None
    assert [doc.text[s:e] for s, e in plain.sentences] == ["First one here.", "Second one there."]
    (embedded,) = list(pipeline.process([doc], embed_sentences=True))
    assert embedded.embeddings is not None and embedded.embeddings.shape == (2, 384)
    assert embedded.analysis == plain.analysis


@register("test-states")
class StatesProbe(Analyzer):
    """Reports how many word pieces the backbone's token states hold."""

    requires = ("parse", "token_states")
    produces = ("pieces",)

    def run(self, ctx: Context) -> AnalyzerResult:
        assert ctx.token_states is not None and ctx.embeddings is not None
        return AnalyzerResult((), {"pieces": len(ctx.token_states.starts)})


def test_token_states_are_computed_only_when_required() -> None:
    class Counting(FakeBackbone):
        calls = 0

        def token_states(self, texts, starts):  # type: ignore[no-untyped-def]
            Counting.calls += 1
            return super().token_states(texts, starts)

    doc = Document("Two words. Three more words.")
    config = load_config(analyzers=["test-capitals"], backbone="fake")
    Pipeline(config, backbone=Counting()).analyze(doc)
    assert Counting.calls == 0
    config = load_config(analyzers=["test-states"], backbone="fake")
    (processed,) = list(Pipeline(config, backbone=Counting()).process([doc]))
    assert Counting.calls == 1
    # [CLS] Two words . [SEP] [CLS] Three more words . [SEP]
    assert processed.analysis.summaries["test-states"]["pieces"] == 5 + 6
    assert processed.embeddings is not None and processed.embeddings.shape == (2, 384)


# -- shared services ----------------------------------------------------------------------


class _Closable:
    def __init__(self, url: str) -> None:
        self.url = url
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_services_open_each_store_once_and_close_them() -> None:
    opened: list[str] = []

    def open_store(url: str) -> _Closable:
        opened.append(url)
        return _Closable(url)

    services = Services(FakeBackbone(), open_store=open_store)
    a, b = services.store("one.db"), services.store("two.db")
    assert services.store("one.db") is a and opened == ["one.db", "two.db"]
    assert services.shared("thing", lambda: [1]) is services.shared("thing", lambda: [2])
    services.close()
    assert a.closed and b.closed
    assert services.store("one.db") is not a  # reopened on next use


def test_a_context_without_a_pipeline_says_how_to_get_one() -> None:
    ctx = Context(Document("Text."), FakeBackbone().parse("Text."))
    with pytest.raises(PipelineError, match=r"Pipeline\.context"):
        ctx.services.backbone  # noqa: B018


@register("test-store")
class StoreProbe(Analyzer):
    """Reads the store named by the document's source through the pipeline's services."""

    def run(self, ctx: Context) -> AnalyzerResult:
        store = ctx.services.store(str(ctx.document.source))
        return AnalyzerResult((), {"store": id(store), "encoder": store.encoder})


def test_the_pipeline_shares_its_stores_and_closes_them(tmp_path: Path) -> None:
    from unspin.store import open_store

    db = str(tmp_path / "s.db")
    open_store(db).close()
    with _pipeline("test-store") as pipeline:
        docs = [Document("One.", source=db), Document("Two.", source=db)]
        first, second = pipeline.analyze_many(docs)
        assert first.summaries["test-store"]["store"] == second.summaries["test-store"]["store"]
        store = pipeline.services.store(db)
    with pytest.raises(Exception):  # noqa: B017 - the closed connection refuses
        store.get_meta("encoder")


def test_a_builtin_is_found_again_after_the_registry_is_put_back() -> None:
    from unspin.analyzer import analyzer_class, restore_registry

    cls = analyzer_class("outlets")
    restore_registry({})  # as the autouse fixture does after a test that imported it
    assert analyzer_class("outlets") is cls


def test_factchecks_from_files_are_embedded_by_the_pipeline_backbone() -> None:
    from tests.factchecks.test_match import FIXTURES as FACTCHECKS

    class Counting(FakeBackbone):
        texts = 0

        def embed(self, texts):  # type: ignore[no-untyped-def]
            Counting.texts += len(texts)
            return super().embed(texts)

    config = load_config(analyzers=["claims", "factchecks"], backbone="fake")
    config = config.replace(analyzer_options={"factchecks": {"path": str(FACTCHECKS)}})
    analysis = Pipeline(config, backbone=Counting()).analyze(Document("The dam holds water."))
    assert analysis.ok, analysis.failures
    assert Counting.texts > 1  # the reviews as well as the document's sentence
