"""Persuasion techniques and the PTC benchmark: score, export findings as labels, import
labels as findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from unspin.app.analyze import Input, analyze_paths
from unspin.app.pipelines import ConfigSource, load_pipeline, pipeline_config
from unspin.errors import ConfigError, InputError
from unspin.files import write_atomic
from unspin.report import write_report
from unspin.techniques import ptc
from unspin.techniques.evaluate import evaluation_system, held_out_ids

__all__ = [
    "LabelExport",
    "LabelImport",
    "PtcRun",
    "evaluate_ptc",
    "export_technique_labels",
    "import_technique_labels",
]


@dataclass(frozen=True)
class PtcRun:
    """The scores, where the articles came from, and notes worth showing."""

    result: ptc.Evaluation
    data: Path
    warnings: tuple[str, ...] = ()


def _ptc_ids(spec: str | None, corpus: ptc.Corpus, warnings: list[str]) -> list[str]:
    if spec is None:
        ids = held_out_ids()
        if not ids:
            warnings.append("the model lists no held-out articles; scoring all of them")
            return list(corpus.ids)
        return [i for i in ids if i in set(corpus.ids)]
    if spec == "all":
        return list(corpus.ids)
    path = Path(spec)
    if path.is_file():
        try:
            raw = path.read_text(encoding="utf-8").split()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the id list {path}: {exc}") from None
    else:
        raw = [i.strip() for i in spec.split(",") if i.strip()]
    wanted = [i.removeprefix("article") for i in raw]
    unknown = sorted(set(wanted) - set(corpus.ids))
    if unknown:
        raise ConfigError(f"unknown PTC article id(s): {', '.join(unknown[:5])}")
    return wanted


def evaluate_ptc(
    data: Path,
    *,
    ids: str | None = None,
    pred: Path | None = None,
    config: str | Path | None = None,
    backbone: str | None = None,
    techniques_threshold: float | None = None,
    all_candidates: bool = False,
) -> PtcRun:
    """Score the techniques analyzer (or the label file ``pred``) on PTC articles: SI,
    TC and FLC. ``ids``: comma-separated, a file with one per line, ``"all"``, or None
    for the articles the shipped model was not trained on. The analyzer shows its
    default operating point unless ``techniques_threshold`` or ``all_candidates`` say
    otherwise."""
    try:
        corpus = ptc.load_corpus(data)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot load the PTC folder {data}: {exc}") from None
    warnings: list[str] = []
    articles = corpus.subset(_ptc_ids(ids, corpus, warnings))
    if pred is not None:
        try:
            predicted = ptc.read_labels(pred)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"cannot read {pred}: {exc}") from None
        wanted = {a.id for a in articles}
        predicted = [s for s in predicted if s.article_id in wanted]
        labelled = [s for s in predicted if s.technique]
        result = ptc.score_system(
            articles, predicted, labelled or None, techniques=corpus.techniques
        )
    else:
        # the PTC articles are English: no language detection that could skip one
        cfg = pipeline_config(
            config,
            analyzers="techniques",
            backbone=backbone,
            language="en",
            techniques_threshold=techniques_threshold,
            all_candidates=all_candidates,
        )
        detect, classify = evaluation_system(cfg)
        result = ptc.evaluate(articles, detect, classify, techniques=corpus.techniques)
    return PtcRun(result, data, tuple(warnings))


@dataclass
class LabelExport:
    """Technique spans as PTC label text, and what could not be analysed."""

    text: str
    spans: int
    errors: list[InputError] = field(default_factory=list)
    failures: int = 0


def export_technique_labels(
    inputs: Iterable[Input],
    config: ConfigSource = None,
    *,
    si: bool = False,
    output: Path | None = None,
) -> LabelExport:
    """Analyse ``inputs`` and return their technique findings as PTC labels (``si``:
    spans only, overlapping spans merged), also written whole to ``output`` if given."""
    pipeline = load_pipeline(config)
    if "technique" not in {k for a in pipeline.analyzers for k in a.produces}:
        raise ConfigError("no analyzer in this pipeline produces techniques: add 'techniques'")
    run = analyze_paths(inputs, pipeline.config)
    spans: list[ptc.Span] = []
    for analysis in run.analyses:
        found = ptc.spans_from_analysis(analysis)
        if si:
            aid = ptc.article_id_for(analysis.document)
            merged = ptc.merge_overlapping((s.start, s.end) for s in found)
            spans.extend(ptc.Span(aid, a, b) for a, b in merged)
        else:
            spans.extend(found)
    text = ptc.format_labels(spans)
    if output is not None:
        with write_atomic(output) as fh:
            fh.write(text)
    return LabelExport(text, len(spans), run.errors, run.failed_documents)


@dataclass(frozen=True)
class LabelImport:
    """Report files written, articles they cover, and one line per article skipped."""

    written: int
    articles: int
    problems: tuple[str, ...]


def import_technique_labels(
    labels: Sequence[Path], articles: Path, output: Path, *, formats: Sequence[str] = ("html",)
) -> LabelImport:
    """Read PTC label files as technique findings of their articles (``articleNNN.txt``
    in ``articles``) and write one report per article and format to ``output``."""
    by_article: defaultdict[str, list[ptc.Span]] = defaultdict(list)
    for path in labels:
        try:
            spans = ptc.read_labels(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from None
        for s in spans:
            by_article[s.article_id].append(s)
    formats = list(dict.fromkeys(formats or ["html"]))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output folder {output}: {exc}") from None
    problems: list[str] = []
    written = 0
    for aid, spans in sorted(by_article.items()):
        path = articles / f"article{aid}.txt"
        try:
            text = ptc.read_article(path)
            document = ptc.article_document(ptc.Article(aid, text))
            analysis = ptc.analysis_from_labels(document, spans)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problems.append(f"article {aid}: {exc}")
            continue
        for fmt in formats:
            write_report(analysis, output, fmt)
            written += 1
    return LabelImport(written, len(by_article) - len(problems), tuple(problems))
