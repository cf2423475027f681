"""Analyses for the report tests, built without models or the real analyzers.

Hand-made analyzers anchor findings on a short invented text through the real
:class:`~unspin.pipeline.Pipeline` and the rule-based :class:`FakeBackbone`, so these
tests exercise the reports on the same kind of objects the pipeline produces.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from unspin.analyzer import Analyzer, AnalyzerResult, Context
from unspin.model import Analysis, Document, Explanation, Finding, Relation
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline

HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'

TEXT = (
    'Mayor Edda Pilkvist said the bridge "will probably reopen by March" after the repairs.\n\n'
    "Critics claim the repairs cost 4 million crowns, according to sources familiar with the "
    "plan. The council will certainly review the figures.\n\n"
    f"A reader posted {HOSTILE_SCRIPT} and {HOSTILE_IMG} under the story, "
    'and Jon "Pipe|Man" Rask said the toll was unfair.'
)

HOSTILE_META: dict[str, Any] = {
    "title": '<script>alert("title")</script> Bridge | "repairs" & more',
    "author": "<img src=x onerror=alert(1)>",
    "outlet": "Daily <b>Planet</b>",
    "url": "javascript:alert(document.cookie)",
    "published": "2031-04-01",
    "source": "../../evil dir/<b>Bridge story</b>.txt",
}


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _x(
    rule: str,
    *cues: str,
    detail: str = "",
    model: str | None = None,
    confidence: float | None = None,
) -> Explanation:
    return Explanation(rule=rule, cues=cues, detail=detail, model=model, confidence=confidence)


class HandSources(Analyzer):
    name = "sources"
    produces = ("speaker", "quote", "attribution")

    def run(self, ctx: Context) -> AnalyzerResult:
        t = ctx.text
        out: list[Finding] = []
        s, e = span(t, "Edda Pilkvist")
        qs, qe = span(t, '"will probably reopen by March"')
        quote_id = Finding.make_id(self.name, "quote", "named_person", qs, qe)
        speaker = self.finding(
            ctx,
            s,
            e,
            kind="speaker",
            label="named_person",
            score=0.9,
            explanation=_x("speaker.ner-person", "Edda Pilkvist"),
            relations=[Relation("quoted_by", quote_id)],
        )
        out.append(speaker)
        out.append(
            self.finding(
                ctx,
                qs,
                qe,
                kind="quote",
                label="named_person",
                score=0.95,
                explanation=_x(
                    "quote.straight-double",
                    '"',
                    "said",
                    detail="Direct quote introduced by 'said'.",
                ),
                attributes={
                    "speaker": "Edda Pilkvist",
                    "role": "Mayor",
                    "source_type": "named_person",
                    "verb": "said",
                    "stance": "neutral",
                    "style": "direct",
                },
                relations=[Relation("speaker", speaker.id)],
            )
        )
        s, e = span(t, "the repairs cost 4 million crowns")
        out.append(
            self.finding(
                ctx,
                s,
                e,
                kind="attribution",
                label="anonymous",
                score=0.6,
                explanation=_x("attribution.according-to", "according to"),
                attributes={
                    "speaker": None,
                    "role": None,
                    "source_type": "anonymous",
                    "verb": "according to",
                    "stance": "neutral",
                    "style": "indirect",
                },
            )
        )
        s, e = span(t, "the toll was unfair")
        out.append(
            self.finding(
                ctx,
                s,
                e,
                kind="attribution",
                label="named_person",
                score=0.7,
                explanation=_x("attribution.said-that", "said"),
                attributes={
                    "speaker": 'Jon "Pipe|Man" Rask',
                    "role": "<b>reader</b>",
                    "source_type": "named_person",
                    "verb": "said",
                    "stance": "negative",
                    "style": "indirect",
                },
            )
        )
        summary = {
            "counts_by_type": {"named_person": 2, "anonymous": 1},
            "total": 3,
            "share_anonymous": 1 / 3,
            "top_speakers": [{"name": "Edda Pilkvist", "type": "named_person", "count": 1}],
        }
        return AnalyzerResult(tuple(out), summary)


class HandCertainty(Analyzer):
    name = "certainty"
    produces = ("hedge", "booster", "vague_attribution")

    def run(self, ctx: Context) -> AnalyzerResult:
        t = ctx.text
        out = [
            self.finding(
                ctx,
                *span(t, "probably"),
                kind="hedge",
                label="epistemic_adverb",
                score=0.8,
                explanation=_x("hedge.lexicon", "probably"),
            ),
            self.finding(
                ctx,
                *span(t, "certainly"),
                kind="booster",
                label="certainty_adverb",
                score=0.8,
                explanation=_x("booster.lexicon", "certainly"),
            ),
            self.finding(
                ctx,
                *span(t, "according to sources familiar with the plan"),
                kind="vague_attribution",
                label="unnamed_sources",
                score=0.85,
                explanation=_x("vague.sources-familiar", "sources familiar"),
            ),
        ]
        summary = {
            "hedges": 1,
            "boosters": 1,
            "vague_attributions": 1,
            "per_1000_words": {"hedges": 20.0, "boosters": 20.0},
            "balance": 0.0,
        }
        return AnalyzerResult(tuple(out), summary)


class HandClaims(Analyzer):
    """One claim per sentence of the fake parse; sentences with digits are check-worthy."""

    name = "claims"
    produces = ("claim", "quantity", "date")

    def run(self, ctx: Context) -> AnalyzerResult:
        t = ctx.text
        out: list[Finding] = []
        checkworthy = 0
        for sent in ctx.parsed.sentences:
            body = t[sent.start : sent.end]
            worthy = any(c.isdigit() for c in body) or "March" in body
            checkworthy += worthy
            types = ["statistical", "causal"] if worthy else ["opinion"]
            out.append(
                self.finding(
                    ctx,
                    sent.start,
                    sent.end,
                    kind="claim",
                    label=types[0],
                    score=0.82 if worthy else 0.2,
                    explanation=_x(
                        "claims.linear",
                        "4 million" if worthy else "",
                        model="claims-lr",
                        confidence=0.7,
                    ),
                    attributes={
                        "types": types,
                        "checkworthiness": 0.82 if worthy else 0.2,
                        "checkworthy": worthy,
                        "features": {"has_number": 1.0},
                    },
                )
            )
        out.append(
            self.finding(
                ctx,
                *span(t, "4 million crowns"),
                kind="quantity",
                label="money",
                score=0.9,
                explanation=_x("quantity.number-unit"),
                attributes={"value": 4_000_000, "unit": "crowns"},
            )
        )
        out.append(
            self.finding(
                ctx,
                *span(t, "March"),
                kind="date",
                label="month",
                score=0.9,
                explanation=_x("date.month"),
                attributes={"iso": "2031-03"},
            )
        )
        summary = {
            "sentences": len(ctx.parsed.sentences),
            "checkworthy": checkworthy,
            "by_type": {"statistical": checkworthy},
            "threshold": 0.5,
            "top": [],
        }
        return AnalyzerResult(tuple(out), summary)


class HandTechniques(Analyzer):
    """Crossing technique spans, a kind no report knows, and a zero-length finding."""

    name = "techniques"
    produces = ("technique", "mystery_kind", "marker")

    def run(self, ctx: Context) -> AnalyzerResult:
        t = ctx.text
        out = [
            self.finding(
                ctx,
                *span(t, "Critics claim the repairs cost"),
                kind="technique",
                label="appeal_to_authority",
                score=0.55,
                explanation=_x("technique.model", model="tech-clf", confidence=0.55),
            ),
            self.finding(
                ctx,
                *span(t, "repairs cost 4 million"),
                kind="technique",
                label="exaggeration",
                score=0.65,
                explanation=_x("technique.model", model="tech-clf", confidence=0.65),
            ),
            self.finding(
                ctx,
                *span(t, "reader posted"),
                kind="mystery_kind",
                label="<b>bold label</b>",
                score=0.5,
                explanation=_x("mystery.<rule>", "</script><script>alert(3)</script>"),
                attributes={
                    "note": "<img src=x onerror=alert(1)>",
                    "nested": {"x": ["</script>", "&amp;"]},
                },
            ),
            self.finding(
                ctx,
                t.index("Critics"),
                t.index("Critics"),
                kind="marker",
                label="paragraph",
                score=1.0,
                explanation=_x("marker.zero"),
            ),
        ]
        return AnalyzerResult(tuple(out))


class Exploding(Analyzer):
    name = "exploder"

    def run(self, ctx: Context) -> AnalyzerResult:
        raise RuntimeError('<script>alert("boom")</script> | model exploded')


def make_analysis(text: str = TEXT, *, failing: bool = True, **meta: Any) -> Analysis:
    analyzers: list[Analyzer] = [HandSources(), HandCertainty(), HandClaims(), HandTechniques()]
    if failing:
        analyzers.append(Exploding())
    pipeline = Pipeline(backbone=FakeBackbone(), analyzers=analyzers)
    return pipeline.analyze(Document(text, **meta))


@pytest.fixture(scope="session")
def analysis() -> Analysis:
    """Every finding kind, hostile metadata and text, one failed analyzer."""
    return make_analysis(**HOSTILE_META)


@pytest.fixture(scope="session")
def clean_analysis() -> Analysis:
    """The same findings (and one more claim) with ordinary metadata, an https URL and no
    failures; its text differs, so its document id does too."""
    return make_analysis(
        TEXT + "\n\nEnd of story.",
        failing=False,
        title="Bridge repairs",
        url="https://news.example/bridge?a=1&b=2",
        author="Ana Example",
        source="bridge.txt",
    )


@pytest.fixture(scope="session")
def empty_analysis() -> Analysis:
    """A document no analyzer found anything in."""
    return Pipeline(backbone=FakeBackbone(), analyzers=[]).analyze(
        Document("Nothing to see here.\n\nReally nothing.", title="Quiet day")
    )


@pytest.fixture(scope="session")
def make() -> Callable[..., Analysis]:
    return make_analysis


@pytest.fixture(scope="session")
def fx() -> SimpleNamespace:
    """The fixture text and metadata, for assertions."""
    return SimpleNamespace(
        TEXT=TEXT,
        HOSTILE_META=HOSTILE_META,
        HOSTILE_SCRIPT=HOSTILE_SCRIPT,
        HOSTILE_IMG=HOSTILE_IMG,
        span=span,
    )
