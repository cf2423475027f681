"""The Propaganda Techniques Corpus (PTC, SemEval-2020 Task 11): data, label files, scorers.

The corpus folder holds ``train-articles/articleNNN.txt`` (UTF-8 text, offsets are Python
``str`` indices), ``train-labels-task1-span-identification/*.labels`` (``id start end``),
``train-labels-task2-technique-classification/*.labels`` (``id technique start end``; a
span with several techniques has one line each) and the list of the 14 technique names.

The scorers re-implement the official ones (``task-SI_scorer.py``, ``task-TC_scorer.py``
of SemEval-2020 Task 11 and the FLC scorer of NLP4IF 2019); offsets are half-open
``[start, end)`` and a span is the set of its characters:

* **SI** (:func:`score_si`): labels are ignored; overlapping spans (sharing at least one
  character; touching spans are not merged) are merged per article, in the gold *and* in
  the predictions. Precision sums ``|s∩t|/|s|`` and recall ``|s∩t|/|t|`` over every
  pair of a predicted span ``s`` and a gold span ``t`` of the same article; they are
  divided by the number of (merged) predicted and gold spans. F1 is their harmonic
  mean, 0 when either is 0, and 1 when there is neither a prediction nor a gold span.
* **FLC** (:func:`score_flc`, full-task: span and technique): as SI, but a pair counts
  only when both spans carry the same technique, and spans are merged per article and
  technique. Per technique, precision and recall use that technique's predicted and gold
  spans. (The official 2019 script divides the *precision* numerator by the gold count
  for the per-technique recall, a typo; here recall uses the recall numerator.)
* **TC** (:func:`score_tc`): predictions are matched to gold spans by
  ``(article, start, end)``; where a span carries several gold techniques, the predicted
  labels of that span are aligned to maximise matches (a multiset intersection, which is
  what the official greedy re-ordering achieves). Micro precision divides the matches by
  the number of predicted labels, recall by the number of gold labels; when the
  predictions list exactly the gold spans (the official submission format), both equal
  accuracy and so does micro-F1. Per-technique P/R/F1 come from the same counts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from unspin.model import Analysis, Document, Explanation, Finding

#: The finding kind technique spans have, whoever made them.
TECHNIQUE_KIND = "technique"

__all__ = [
    "TECHNIQUES",
    "Article",
    "Corpus",
    "Evaluation",
    "Score",
    "Span",
    "analysis_from_labels",
    "article_document",
    "article_id_for",
    "article_id_from_path",
    "evaluate",
    "format_labels",
    "load_corpus",
    "merge_overlapping",
    "parse_labels",
    "read_article",
    "read_label_dir",
    "read_labels",
    "score_flc",
    "score_si",
    "score_system",
    "score_tc",
    "spans_from_analysis",
    "write_labels",
]

#: The 14 technique labels of SemEval-2020 Task 11 (sorted as in the official list).
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

ARTICLES_DIR = "train-articles"
SI_DIR = "train-labels-task1-span-identification"
TC_DIR = "train-labels-task2-technique-classification"
TECHNIQUES_FILE = "propaganda-techniques-names-semeval2020task11.txt"

_ARTICLE_ID_RE = re.compile(r"article(\d+)")


# ----------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True, order=True)
class Span:
    """One labelled (or, for SI, unlabelled) character span ``[start, end)`` of an article."""

    article_id: str
    start: int
    end: int
    technique: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end} in article {self.article_id}")
        if "\t" in self.article_id or (self.technique is not None and "\t" in self.technique):
            raise ValueError("article ids and techniques cannot contain tabs")

    def __len__(self) -> int:
        return self.end - self.start

    def unlabelled(self) -> Span:
        return Span(self.article_id, self.start, self.end)


@dataclass(frozen=True)
class Article:
    """One article: its text, its technique instances and its SI spans (as distributed)."""

    id: str
    text: str
    spans: tuple[Span, ...] = ()
    si_spans: tuple[Span, ...] = ()

    def covered(self, span: Span) -> str:
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class Corpus:
    """A PTC folder loaded in memory, articles sorted by id."""

    root: Path
    techniques: tuple[str, ...]
    articles: tuple[Article, ...]
    _index: Mapping[str, Article] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", MappingProxyType({a.id: a for a in self.articles}))

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, article_id: str) -> Article:
        return self._index[article_id]

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]

    @property
    def tc_spans(self) -> list[Span]:
        return [s for a in self.articles for s in a.spans]

    @property
    def si_spans(self) -> list[Span]:
        return [s for a in self.articles for s in a.si_spans]

    def subset(self, ids: Iterable[str]) -> list[Article]:
        return [self._index[i] for i in ids]


def article_id_from_path(path: str | Path) -> str:
    """``article111111111.txt`` or ``article111111111.task2-TC.labels`` -> ``111111111``."""
    m = _ARTICLE_ID_RE.match(Path(path).name)
    if not m:
        raise ValueError(f"not a PTC file name: {Path(path).name}")
    return m.group(1)


def read_article(path: str | Path) -> str:
    """An article's text, exactly as the offsets index it (UTF-8, no newline translation)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def parse_labels(text: str, *, source: str = "<labels>") -> list[Span]:
    """Parse a PTC label file: ``id start end`` or ``id technique start end`` per line."""
    spans = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cols = line.rstrip("\r\n").split("\t")
        try:
            if len(cols) == 3:
                spans.append(Span(cols[0], int(cols[1]), int(cols[2])))
            elif len(cols) == 4:
                spans.append(Span(cols[0], int(cols[2]), int(cols[3]), cols[1]))
            else:
                raise ValueError(f"expected 3 or 4 tab-separated columns, found {len(cols)}")
        except ValueError as exc:
            raise ValueError(f"{source}, line {n}: {exc}") from exc
    return spans


def read_labels(path: str | Path) -> list[Span]:
    with open(path, encoding="utf-8", newline="") as f:
        return parse_labels(f.read(), source=str(path))


def read_label_dir(folder: str | Path, pattern: str = "*.labels") -> list[Span]:
    """Every span of every label file in ``folder`` (sorted by file name, then file order)."""
    out: list[Span] = []
    for path in sorted(Path(folder).glob(pattern)):
        out.extend(read_labels(path))
    return out


def format_labels(spans: Iterable[Span]) -> str:
    """PTC label lines: 4 columns if every span has a technique, 3 if none has."""
    spans = list(spans)
    labelled = {s.technique is not None for s in spans}
    if len(labelled) > 1:
        raise ValueError("cannot write labelled and unlabelled spans to the same file")
    lines = [
        f"{s.article_id}\t{s.technique}\t{s.start}\t{s.end}"
        if s.technique is not None
        else f"{s.article_id}\t{s.start}\t{s.end}"
        for s in spans
    ]
    return "".join(line + "\n" for line in lines)


def write_labels(spans: Iterable[Span], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(format_labels(spans))


def load_techniques(path: str | Path) -> tuple[str, ...]:
    with open(path, encoding="utf-8") as f:
        return tuple(line.strip() for line in f if line.strip())


def load_corpus(root: str | Path) -> Corpus:
    """Load a PTC folder (articles, TC and SI labels, technique names); checks every span."""
    root = Path(root)
    tech_path = root / TECHNIQUES_FILE
    techniques = load_techniques(tech_path) if tech_path.exists() else TECHNIQUES
    articles = []
    for path in sorted((root / ARTICLES_DIR).glob("article*.txt")):
        aid = article_id_from_path(path)
        text = read_article(path)
        tc_path = root / TC_DIR / f"article{aid}.task2-TC.labels"
        si_path = root / SI_DIR / f"article{aid}.task1-SI.labels"
        tc = read_labels(tc_path) if tc_path.exists() else []
        si = read_labels(si_path) if si_path.exists() else []
        for s in (*tc, *si):
            if s.article_id != aid or s.end > len(text):
                raise ValueError(f"span {s} does not fit article {aid} (length {len(text)})")
            if s.technique is not None and s.technique not in techniques:
                raise ValueError(f"unknown technique {s.technique!r} in article {aid}")
        articles.append(Article(aid, text, tuple(tc), tuple(si)))
    if not articles:
        raise FileNotFoundError(f"no articles under {root / ARTICLES_DIR}")
    return Corpus(root, techniques, tuple(articles))


# ----------------------------------------------------------------------------------------
# Scorers


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1, with the counts they divide by (and per technique)."""

    precision: float
    recall: float
    f1: float
    n_pred: int
    n_gold: int
    per_technique: Mapping[str, Score] = field(default_factory=dict)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }


def _prf(
    p_num: float, n_pred: int, r_num: float, n_gold: int, *, both_empty: float = 1.0
) -> tuple[float, float, float]:
    """As the official ``compute_prec_rec_f1``: F1 is ``both_empty`` with nothing to score."""
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    if not n_pred and not n_gold:
        return p, r, both_empty
    f1 = 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0
    return p, r, f1


def merge_overlapping(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge intervals ``[s, e)`` that share at least one character (transitively)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _group(spans: Iterable[Span], *, by_technique: bool) -> dict[tuple[str, str], list[Span]]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for s in spans:
        if by_technique and s.technique is None:
            raise ValueError(f"span {s} has no technique")
        key = (s.article_id, (s.technique or "") if by_technique else "")
        groups[key].append((s.start, s.end))
    return {
        key: [Span(key[0], a, b, key[1] or None) for a, b in merge_overlapping(ivs)]
        for key, ivs in groups.items()
    }


def _overlap_sums(pred: Sequence[Span], gold: Sequence[Span]) -> tuple[float, float]:
    """Sum of |s∩t|/|s| and of |s∩t|/|t| over all pairs (both lists sorted, non-overlapping)."""
    p_sum = r_sum = 0.0
    j0 = 0
    for s in pred:
        while j0 < len(gold) and gold[j0].end <= s.start:
            j0 += 1
        j = j0
        while j < len(gold) and gold[j].start < s.end:
            t = gold[j]
            inter = min(s.end, t.end) - max(s.start, t.start)
            if inter > 0:
                p_sum += inter / len(s)
                r_sum += inter / len(t)
            j += 1
    return p_sum, r_sum


def score_si(pred: Iterable[Span], gold: Iterable[Span]) -> Score:
    """SemEval-2020 Task 11 SI score (techniques ignored; overlapping spans merged)."""
    p_groups = _group(pred, by_technique=False)
    g_groups = _group(gold, by_technique=False)
    n_pred = sum(len(v) for v in p_groups.values())
    n_gold = sum(len(v) for v in g_groups.values())
    p_num = r_num = 0.0
    for key, p_spans in p_groups.items():
        a, b = _overlap_sums(p_spans, g_groups.get(key, []))
        p_num += a
        r_num += b
    return Score(*_prf(p_num, n_pred, r_num, n_gold), n_pred, n_gold)


def score_flc(
    pred: Iterable[Span], gold: Iterable[Span], techniques: Sequence[str] = TECHNIQUES
) -> Score:
    """NLP4IF 2019 FLC score: span and technique must both match, partial overlap credited."""
    p_groups = _group(pred, by_technique=True)
    g_groups = _group(gold, by_technique=True)
    names = list(dict.fromkeys([*techniques, *(k[1] for k in (*p_groups, *g_groups))]))
    p_num: defaultdict[str, float] = defaultdict(float)
    r_num: defaultdict[str, float] = defaultdict(float)
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for key, spans in g_groups.items():
        n_gold[key[1]] += len(spans)
    for key, spans in p_groups.items():
        n_pred[key[1]] += len(spans)
        a, b = _overlap_sums(spans, g_groups.get(key, []))
        p_num[key[1]] += a
        r_num[key[1]] += b
    per = {
        t: Score(*_prf(p_num[t], n_pred[t], r_num[t], n_gold[t]), n_pred[t], n_gold[t])
        for t in names
    }
    tp, tn = sum(n_pred.values()), sum(n_gold.values())
    total = _prf(sum(p_num.values()), tp, sum(r_num.values()), tn)
    return Score(*total, tp, tn, MappingProxyType(per))


def score_tc(
    pred: Iterable[Span], gold: Iterable[Span], techniques: Sequence[str] = TECHNIQUES
) -> Score:
    """SemEval-2020 Task 11 TC score: micro P/R/F1 over labels of spans matched exactly."""
    p_labels: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    g_labels: dict[tuple[str, int, int], Counter[str]] = defaultdict(Counter)
    for s in pred:
        if s.technique is None:
            raise ValueError(f"predicted span {s} has no technique")
        p_labels[(s.article_id, s.start, s.end)][s.technique] += 1
    for s in gold:
        if s.technique is None:
            raise ValueError(f"gold span {s} has no technique")
        g_labels[(s.article_id, s.start, s.end)][s.technique] += 1
    hits: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for p in p_labels.values():
        n_pred.update(p)
    for g in g_labels.values():
        n_gold.update(g)
    for key, p in p_labels.items():
        hits.update(p & g_labels.get(key, Counter()))
    names = list(dict.fromkeys([*techniques, *n_pred, *n_gold]))
    per = {
        t: Score(
            *_prf(hits[t], n_pred[t], hits[t], n_gold[t], both_empty=0.0), n_pred[t], n_gold[t]
        )
        for t in names
    }
    total_hits = sum(hits.values())
    tp, tg = sum(n_pred.values()), sum(n_gold.values())
    return Score(*_prf(total_hits, tp, total_hits, tg), tp, tg, MappingProxyType(per))


# ----------------------------------------------------------------------------------------
# Findings <-> PTC labels


def article_document(article: Article) -> Document:
    """A PTC article as a :class:`Document` whose source name carries the article id."""
    title = article.text.split("\n", 1)[0].strip() or None
    return Document(article.text, title=title, source=f"article{article.id}.txt")


def article_id_for(document: Document) -> str:
    """The PTC id of a document: ``NNN`` from a source named ``articleNNN...``, else its id."""
    if document.source:
        m = _ARTICLE_ID_RE.match(Path(document.source.replace("\\", "/")).name)
        if m:
            return m.group(1)
    return document.id


def spans_from_analysis(analysis: Analysis, article_id: str | None = None) -> list[Span]:
    """The technique findings of an analysis as labelled PTC spans (sorted, no empty spans)."""
    aid = article_id or article_id_for(analysis.document)
    return sorted(
        Span(aid, f.start, f.end, f.label)
        for f in analysis.by_kind(TECHNIQUE_KIND)
        if f.end > f.start
    )


def analysis_from_labels(
    document: Document, spans: Iterable[Span], *, analyzer: str = "ptc-labels"
) -> Analysis:
    """Label-file spans as ``technique`` findings of ``document`` (gold or another system's).

    Spans without a technique (SI files) get the label ``propaganda``. A span that does not
    fit the document raises :class:`ValueError` naming it.
    """
    findings: dict[str, Finding] = {}
    for s in spans:
        if s.end > len(document.text):
            raise ValueError(
                f"span {s.start}..{s.end} of article {s.article_id} does not fit the text "
                f"(length {len(document.text)}): is it the right article?"
            )
        label = s.technique or "propaganda"
        f = Finding.anchored(
            document,
            s.start,
            s.end,
            kind=TECHNIQUE_KIND,
            label=label,
            score=1.0,
            analyzer=analyzer,
            analyzer_version="1",
            explanation=Explanation(
                rule="labels.file", detail=f"{label} as given in a PTC label file"
            ),
        )
        findings[f.id] = f
    bare = Analysis(document, tuple(findings.values()))
    from unspin.techniques.report import technique_counts

    return Analysis(document, bare.findings, summaries={analyzer: technique_counts(bare)})


# ----------------------------------------------------------------------------------------
# End-to-end evaluation of a system


@dataclass(frozen=True)
class Evaluation:
    """SI, FLC and (when the system can label given spans) TC scores over some articles."""

    articles: int
    si: Score
    flc: Score
    tc: Score | None = None

    def as_dict(self) -> dict[str, object]:
        def full(score: Score | None) -> dict[str, object] | None:
            if score is None:
                return None
            return {
                **score.as_dict(),
                "per_technique": {t: s.as_dict() for t, s in score.per_technique.items()},
            }

        return {
            "articles": self.articles,
            "si": full(self.si),
            "flc": full(self.flc),
            "tc": full(self.tc),
        }


def evaluate(
    articles: Iterable[Article],
    detect: Callable[[Sequence[Article]], Sequence[Sequence[Span]]],
    classify: Callable[[Sequence[Article]], Sequence[Sequence[Span]]] | None = None,
    *,
    techniques: Sequence[str] = TECHNIQUES,
) -> Evaluation:
    """Score a system on ``articles``: ``detect`` finds labelled spans in each article (SI
    and FLC are scored on them); ``classify``, when given, labels each article's *gold* TC
    spans (one label per gold instance, the official TC setting)."""
    arts = list(articles)
    predicted = [s for spans in detect(arts) for s in spans]
    classified = None
    if classify is not None:
        classified = [s for spans in classify(arts) for s in spans]
    return score_system(arts, predicted, classified, techniques=techniques)


def score_system(
    articles: Sequence[Article],
    predicted: Sequence[Span],
    classified: Sequence[Span] | None = None,
    *,
    techniques: Sequence[str] = TECHNIQUES,
) -> Evaluation:
    """SI and FLC of ``predicted`` spans and, when given, TC of ``classified`` gold spans,
    against the gold of ``articles``."""
    gold_tc = [s for a in articles for s in a.spans]
    return Evaluation(
        len(articles),
        score_si([s.unlabelled() for s in predicted], [s for a in articles for s in a.si_spans]),
        score_flc([s for s in predicted if s.technique], gold_tc, techniques),
        None if classified is None else score_tc(classified, gold_tc, techniques),
    )
