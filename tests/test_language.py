"""Language detection and what the pipeline, the reports and the CLI make of it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from unspin import language as language_module
from unspin.analyzer import analyzer_class
from unspin.config import default_config_text, load_config
from unspin.errors import ConfigError, MissingExtraError
from unspin.language import LANGUAGES, UNDETERMINED, detect, given, reads
from unspin.model import Analysis, Document
from unspin.nlp import FakeBackbone, TokenStates
from unspin.pipeline import Pipeline
from unspin.report import render_html, render_json, render_markdown

from .test_cli import unspin

# Short texts written for these tests (no article text).
ENGLISH = (
    "The mayor said on Tuesday that the new bridge will cost 40 million euros. "
    "Critics claim the council has not explained where the money comes from."
)
GERMAN = (
    "Der Bürgermeister sagte am Dienstag, die neue Brücke werde 40 Millionen Euro kosten. "
    "Kritiker behaupten, der Stadtrat habe nicht erklärt, woher das Geld kommen soll."
)
FRENCH = (
    "Le maire a déclaré mardi que le nouveau pont coûtera 40 millions d'euros. "
    "Les critiques affirment que le conseil n'a pas expliqué d'où vient l'argent."
)
SPANISH = (
    "El alcalde dijo el martes que el nuevo puente costará 40 millones de euros. "
    "Los críticos afirman que el ayuntamiento no ha explicado de dónde sale el dinero."
)
ENGLISH_ONLY = ("sources", "certainty", "claims", "techniques", "factchecks", "timelines")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_config(backbone="fake"))


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        (ENGLISH, "en", "English"),
        (GERMAN, "de", "German"),
        (FRENCH, "fr", "French"),
        (SPANISH, "es", "Spanish"),
    ],
)
def test_detects_common_languages(text: str, code: str, name: str) -> None:
    found = detect(text)
    assert (found.code, found.name, found.source) == (code, name, "detected")
    assert 0.5 < found.confidence <= 1.0


def test_a_fixed_set_of_at_least_twenty_languages() -> None:
    assert len(LANGUAGES) >= 20
    assert {"en", "de", "fr", "es", "it", "pt", "ru", "zh", "ar"} <= set(LANGUAGES)


@pytest.mark.parametrize("text", ["", "Hi.", "  12 345 — 6 ", "Ja, nein."])
def test_short_text_is_undetermined_and_read_by_everyone(text: str) -> None:
    assert detect(text).code == UNDETERMINED
    assert reads(("en",), UNDETERMINED)


def test_reads() -> None:
    assert reads(None, "de")
    assert reads(("en",), "en")
    assert not reads(("en",), "de")


@pytest.mark.parametrize(("code", "expected"), [("de", "de"), ("de-AT", "de"), ("EN_us", "en")])
def test_given_codes_are_normalised(code: str, expected: str) -> None:
    lang = given(code)
    assert (lang.code, lang.source, lang.confidence) == (expected, "given", 1.0)


@pytest.mark.parametrize("code", ["", "german!", "x", "12"])
def test_a_bad_code_is_a_config_error(code: str) -> None:
    with pytest.raises(ConfigError):
        given(code)
    if code:
        with pytest.raises(ConfigError, match="language code"):
            load_config(language=code)


def test_english_only_analyzers_declare_it() -> None:
    for name in (*ENGLISH_ONLY, "verdicts"):
        assert analyzer_class(name).languages == ("en",), name
    assert analyzer_class("outlets").languages is None


def test_config_language_is_in_the_default_config() -> None:
    assert 'language = ""' in default_config_text()
    assert load_config().language == ""
    assert load_config({"pipeline": {"language": "DE"}}).language == "de"


def test_english_document_runs_everything_without_a_note(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Document(ENGLISH))
    assert "language" not in analysis.summaries
    assert analysis.document.language == "en"
    assert not analysis.failures
    assert {"sources", "claims"} <= set(analysis.summaries)


def test_german_document_skips_english_only_analyzers(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Document(GERMAN, title="Brücke"))
    note = analysis.summaries["language"]
    assert (note["code"], note["name"], note["source"]) == ("de", "German", "detected")
    assert note["confidence"] > 0.5
    assert tuple(note["skipped"]) == ENGLISH_ONLY
    assert not analysis.failures
    assert analysis.document.language == "de"
    assert not [f for f in analysis.findings if f.analyzer in ENGLISH_ONLY]
    assert "outlets" in analysis.summaries  # reads any language
    assert Analysis.from_dict(json.loads(render_json(analysis))) == analysis


def test_the_document_language_from_metadata_counts(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Document(ENGLISH, language="fr"))
    note = analysis.summaries["language"]
    assert (note["code"], note["source"], note["confidence"]) == ("fr", "given", 1.0)


def test_configured_language_forces_analysis() -> None:
    forced = Pipeline(load_config(backbone="fake", language="en"))
    analysis = forced.analyze(Document(GERMAN))
    assert "language" not in analysis.summaries
    assert {"sources", "claims"} <= set(analysis.summaries)
    assert analysis.document.language == "en"


def test_an_analyzer_needing_a_skipped_one_is_skipped_too() -> None:
    pipe = Pipeline(load_config(backbone="fake", analyzers=["claims", "factchecks"]))
    analysis = pipe.analyze(Document(GERMAN))
    assert tuple(analysis.summaries["language"]["skipped"]) == ("claims", "factchecks")
    assert not analysis.failures


def test_without_the_extra_every_analyzer_runs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing(text: str) -> None:
        raise MissingExtraError("lingua-language-detector", "lang")

    monkeypatch.setattr("unspin.pipeline.detect", missing)
    pipe = Pipeline(load_config(backbone="fake"))
    analysis = pipe.analyze(Document(GERMAN))
    assert "language" not in analysis.summaries
    assert "sources" in analysis.summaries
    assert "pip install 'unspin[lang]'" in caplog.text


def test_missing_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_lingua(name: str, *args: object, **kwargs: object) -> object:
        if name == "lingua":
            raise ImportError("no lingua")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(language_module, "_DETECTOR", type(language_module._DETECTOR)())
    monkeypatch.setattr(builtins, "__import__", no_lingua)
    with pytest.raises(MissingExtraError) as info:
        detect(GERMAN)
    assert info.value.hint == "pip install 'unspin[lang]'"


def test_reports_carry_the_note(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Document(GERMAN, title="Brücke"))
    expected = "This document is in German (de, detected, confidence 1"
    skipped = "English-only analyzers were skipped: sources, certainty, claims"
    md = render_markdown(analysis)
    assert "> **Language:** " + expected in md
    assert skipped in md
    html = render_html(analysis)
    assert 'class="failures language" role="note"' in html
    assert expected in html and skipped in html
    english = pipeline.analyze(Document(ENGLISH))
    assert "**Language:**" not in render_markdown(english)
    assert "failures language" not in render_html(english)


def test_cli_names_the_language_and_skipped_analyzers(tmp_path: Path) -> None:
    path = tmp_path / "brucke.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = unspin("analyze", path, "--format", "json")
    assert out.returncode == 0, out.stderr
    assert (
        f"unspin: {path} is in German (de): skipped sources, certainty, claims, techniques, "
        "factchecks, timelines (--language en to force)"
    ) in out.stderr
    data = json.loads(out.stdout)
    assert data["summaries"]["language"]["code"] == "de"
    assert data["document"]["language"] == "de"

    forced = unspin("analyze", path, "--format", "json", "--language", "en")
    assert forced.returncode == 0, forced.stderr
    assert "is in German" not in forced.stderr
    assert "sources" in json.loads(forced.stdout)["summaries"]

    english = tmp_path / "bridge.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    plain = unspin("analyze", english, "--format", "md")
    assert plain.returncode == 0 and "is in" not in plain.stderr

    bad = unspin("analyze", path, "--language", "german!")
    assert bad.returncode == 2 and "language code" in bad.stderr


def test_one_short_sentence_is_undetermined_not_a_guess() -> None:
    # the trigram models read this English line as Norwegian (0.97): too short to tell
    found = detect('"It was a mistake," admitted Jonas Fiske.')
    assert found.code == UNDETERMINED
    assert reads(("en",), found.code)  # so the English-only analyzers still run


def test_no_encoder_pass_for_a_document_no_analyzer_reads() -> None:
    class Counting(FakeBackbone):
        calls = 0

        def token_states(self, texts: Sequence[str], starts: Sequence[int]) -> TokenStates:
            Counting.calls += 1
            return super().token_states(texts, starts)

    with Pipeline(load_config(backbone="fake"), backbone=Counting()) as pipeline:
        german = pipeline.analyze(Document(GERMAN))
        assert Counting.calls == 0
        assert "techniques" in german.summaries["language"]["skipped"]
        pipeline.analyze(Document(ENGLISH))
        assert Counting.calls == 1
