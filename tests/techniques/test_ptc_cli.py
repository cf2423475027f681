"""PTC findings <-> labels, and the `unspin eval ptc` / `unspin techniques import` commands
on a tiny PTC-shaped folder written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.cli import main
from unspin.model import Document
from unspin.techniques import ptc

LL, NC = "Loaded_Language", "Name_Calling,Labeling"
TEXT_1 = "A title\n\nThe reckless plan is a disaster.\nThe clowns voted again.\n"
TEXT_2 = "Another title\n\nNothing to see here.\n"


def _folder(root: Path) -> Path:
    (root / ptc.ARTICLES_DIR).mkdir(parents=True)
    (root / ptc.SI_DIR).mkdir()
    (root / ptc.TC_DIR).mkdir()
    for aid, text in (("1", TEXT_1), ("2", TEXT_2)):
        (root / ptc.ARTICLES_DIR / f"article{aid}.txt").write_text(text, newline="")
    reckless = TEXT_1.index("reckless")
    clowns = TEXT_1.index("clowns")
    tc = [ptc.Span("1", reckless, reckless + 8, LL), ptc.Span("1", clowns, clowns + 6, NC)]
    ptc.write_labels(tc, root / ptc.TC_DIR / "article1.task2-TC.labels")
    ptc.write_labels([s.unlabelled() for s in tc], root / ptc.SI_DIR / "article1.task1-SI.labels")
    (root / ptc.TC_DIR / "article2.task2-TC.labels").write_text("")
    (root / ptc.SI_DIR / "article2.task1-SI.labels").write_text("")
    return root


def test_labels_round_trip_through_findings() -> None:
    doc = ptc.article_document(ptc.Article("1", TEXT_1))
    assert ptc.article_id_for(doc) == "1"
    start = TEXT_1.index("reckless")
    spans = [ptc.Span("1", start, start + 8, LL), ptc.Span("1", start, start + 13, NC)]
    analysis = ptc.analysis_from_labels(doc, spans)
    assert [f.text for f in analysis.by_kind("technique")] == ["reckless plan", "reckless"]
    assert ptc.spans_from_analysis(analysis) == sorted(spans)


def test_a_span_that_does_not_fit_names_the_article() -> None:
    doc = Document("short")
    with pytest.raises(ValueError, match="article 9"):
        ptc.analysis_from_labels(doc, [ptc.Span("9", 2, 50, LL)])


def test_documents_without_a_ptc_name_use_their_id() -> None:
    doc = Document("Some text.", source="notes/today.txt")
    assert ptc.article_id_for(doc) == doc.id


def test_evaluate_scores_detected_and_classified_spans(tmp_path: Path) -> None:
    corpus = ptc.load_corpus(_folder(tmp_path / "ptc"))
    gold = list(corpus["1"].spans)
    # the "system" finds only the first gold span, and labels both gold spans LL
    result = ptc.evaluate(
        corpus.articles,
        lambda arts: [[gold[0]] if a.id == "1" else [] for a in arts],
        lambda arts: [[ptc.Span(s.article_id, s.start, s.end, LL) for s in a.spans] for a in arts],
    )
    assert result.articles == 2
    assert (result.si.precision, result.si.recall) == (1.0, 0.5)
    assert result.tc is not None and result.tc.f1 == 0.5
    assert result.flc.per_technique[LL].f1 == 1.0
    assert result.flc.per_technique[NC].recall == 0.0


def test_eval_ptc_scores_a_label_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _folder(tmp_path / "ptc")
    gold = ptc.read_labels(root / ptc.TC_DIR / "article1.task2-TC.labels")
    pred = tmp_path / "pred.labels"
    ptc.write_labels([gold[0]], pred)
    code = main(
        [
            "eval",
            "ptc",
            "--data",
            str(root),
            "--ids",
            "all",
            "--pred",
            str(pred),
            "--format",
            "json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 2
    assert out["si"]["precision"] == 1.0 and out["si"]["recall"] == 0.5
    assert out["tc"]["precision"] == 1.0 and out["tc"]["recall"] == 0.5
    assert out["flc"]["per_technique"][LL]["f1"] == 1.0


def test_eval_ptc_text_output_lists_techniques(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path / "ptc")
    pred = tmp_path / "pred.labels"
    ptc.write_labels(ptc.read_labels(root / ptc.TC_DIR / "article1.task2-TC.labels"), pred)
    assert (
        main(
            ["eval", "ptc", "--data", str(root), "--ids", "1", "--pred", str(pred), "--task", "flc"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "FLC (span and technique): F1 1.0000" in out and NC in out and "SI" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ids", "77"], "unknown PTC article id"),
        (["--ids", "all", "--pred", "missing.labels"], "cannot read"),
    ],
)
def test_eval_ptc_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    root = _folder(tmp_path / "ptc")
    code = main(["eval", "ptc", "--data", str(root), *args])
    err = capsys.readouterr().err
    assert code != 0 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_eval_ptc_without_a_folder_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "ptc", "--data", str(tmp_path / "nothing"), "--ids", "all"]) == 1
    assert "cannot load the PTC folder" in capsys.readouterr().err


def test_techniques_import_writes_reports_with_the_gold_spans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path / "ptc")
    labels = root / ptc.TC_DIR / "article1.task2-TC.labels"
    bad = tmp_path / "bad.labels"
    bad.write_text("3\tLoaded_Language\t0\t5\n")  # no article3.txt
    out = tmp_path / "reports"
    code = main(
        [
            "techniques",
            "import",
            str(labels),
            str(bad),
            "--articles",
            str(root / ptc.ARTICLES_DIR),
            "-o",
            str(out),
            "-f",
            "json",
        ]
    )
    assert code == 1
    assert "article 3" in capsys.readouterr().err
    (report,) = out.glob("*.json")
    data = json.loads(report.read_text())
    found = {(f["label"], f["text"]) for f in data["findings"] if f["kind"] == "technique"}
    assert found == {(LL, "reckless"), (NC, "clowns")}


def test_techniques_import_rejects_a_malformed_label_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.labels"
    bad.write_text("1\tLoaded_Language\tzero\t5\n")
    code = main(
        ["techniques", "import", str(bad), "--articles", str(tmp_path), "-o", str(tmp_path / "out")]
    )
    err = capsys.readouterr().err
    assert code == 1 and "line 1" in err and "Traceback" not in err
