"""The ``sources`` analyzer: direct quotations, reported speech, who said it, and how.

Findings (all anchored in the document text):

``quote``
    A direct quotation, marks included (a block quote: the whole block). ``label`` is
    the source type; attributes give the quotation ``style``, the ``speaker`` (canonical
    name or null), ``role``, ``source_type``, the reporting ``verb`` lemma and its
    ``stance`` ("neutral" / "loaded"), ``multi_sentence``, ``fragment`` (a short partial
    quotation inside the writer's sentence) and ``speaker_link`` (how the speaker was
    found: "after", "before", "contained", "continuation", "previous-paragraph", "colon",
    "signature", "nested" or null).
``attribution``
    Indirect, reported speech: the span is the reported content ("the clause after
    *said that*", the rest of an *according to* sentence); same attributes, ``style`` is
    "indirect" and ``construction`` names the pattern.
``speaker``
    The speaker mention (a pronoun speaker is anchored on the pronoun); ``label`` is the
    speaker's own source type; attributes ``name`` (canonical: a surname or pronoun is
    mapped to the full name), ``role`` (only from an apposition or a title),
    ``resolved_from`` ("pronoun" / "alias" / null), ``antecedent_start`` /
    ``antecedent_end``, ``entity_type``, ``affiliation`` and ``type_reason`` (why it has
    its type: "NER PERSON", "lexicon: outlet (news)", "pronoun he -> Ana Vik (previous sentence)").

Source types (``speakers.SOURCE_TYPES``): ``named_person``, ``named_organisation``,
``government`` (a country, state or government body), ``media_outlet``, ``group`` (a
political or social label: "Democrats", "the left"), ``document`` (a report, a
dictionary, a website), ``anonymous``, ``social_media``, ``unresolved`` (a pronoun with
no compatible mention before it: never guessed) and ``unattributed`` (no source at all).

Quotations and attributions link to their speaker (relation ``speaker``) and, for
hearsay ("the agency quoted Vasko as saying ..."), to the outer source (``quoted_by``).
A statement keeps its speaker's type: a person who tweets is a person, and the
statement's ``medium`` attribute says ``social_media`` ("tweeted", "wrote on Facebook", a
handle); ``social_media`` as a type is kept for a post or an account that speaks itself
("a widely shared post claimed ...").

Scare quotes and titles are not quotations: a short quoted phrase (``max_scare_words``
words or fewer) that no speaker is tied to by syntax ('the so-called "reform"', 'the
"experts"') yields no finding and is only counted; one woven into a speaker's sentence
('Lund called the plan "a disaster"') is a ``fragment`` with a modest score.

The summary is the article's source profile: ``counts_by_type`` (every source type,
zeros included), ``total`` statements (quotes and attributions; a fragment inside the
same speaker's reported speech counts once), ``quotes``, ``attributions``,
``share_anonymous``, ``top_speakers`` (name, type, count; ``top_speakers`` option, 10)
and ``scare_quotes``.

The analyzer reads spaCy's dependency parse when there is one and falls back to
patterns over words when there is none (``FakeBackbone``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.model import Finding
from unspin.options import option
from unspin.sources.content_cuts import quote_left_open, quote_run_on
from unspin.sources.findings import attribution_finding, quote_finding
from unspin.sources.inserts import cut_inserted_sources
from unspin.sources.learned_findings import learned_attributions
from unspin.sources.linking import link_quotes
from unspin.sources.parse_events import parse_events, unreal_cues
from unspin.sources.pattern_events import pattern_events
from unspin.sources.profile import profile_records, source_profile
from unspin.sources.resolve import entity_knowns, link_hearsay, resolve_speakers, titled_names
from unspin.sources.state import RunState

__all__ = ["SourcesAnalyzer"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourcesOptions:
    """Options of the ``sources`` analyzer."""

    max_scare_words: int = option(
        3, "A quotation of at most this many words, with no speaker, is a scare quote."
    )
    top_speakers: int = option(10, "Speakers listed in the per-article source profile.")
    min_quote_score: float = option(
        0.5,
        "Report a partial quotation (a few quoted words woven into the writer's sentence)\n"
        "when its score reaches this. The default leaves out those after 'the', 'a' or a\n"
        "possessive (score 0.45): mostly terms and scare quotes, per the precision audit.",
    )
    all_candidates: bool = option(
        False, "Report every quotation, also partial ones scored under min_quote_score."
    )
    extractor: Literal["rules", "learned"] = option(
        "rules",
        "Attribution extraction: the rules alone, or the learned tagger deciding which\n"
        "contents there are (rule findings it confirms are kept, contents it adds are\n"
        "attribution.learned; PolNeAR's conventions; see the model card).",
    )
    attribution_model: str = option(
        "", "Folder of the learned attribution model (empty: the shipped one)."
    )


@register("sources")
class SourcesAnalyzer(Analyzer[SourcesOptions]):
    """Direct quotes, indirect speech, their speakers, source types and the article's profile."""

    version = "1.0.0"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces: ClassVar[tuple[str, ...]] = ("quote", "attribution", "speaker")
    languages: ClassVar[tuple[str, ...] | None] = ("en",)
    Options = SourcesOptions

    def __init__(self, options: SourcesOptions | None = None, /, **values: Any) -> None:
        super().__init__(options, **values)
        if self.options.extractor == "learned":
            # the tagger reads the layer-4 word-piece states of the backbone's sentence pass
            self.__dict__["requires"] = ("parse", "token_states")

    def run(self, ctx: Context) -> AnalyzerResult:
        result = _analyze(self, ctx)
        log.debug(
            "sources: %d findings on %s (%s statements)",
            len(result.findings),
            ctx.document.id,
            result.summary.get("total"),
        )
        return result


#: Blocks that hold no speech: a byline's or a dateline's quoted title names a work, and
#: page furniture (a poll, a teaser of another article, "Read more: ...") is no one's
#: words in this article.
_NO_SPEECH = frozenset({"byline", "dateline", "furniture"})


def _no_speech(st: RunState, pos: int) -> bool:
    """Whether ``pos`` lies in a byline, dateline or furniture block, where nothing is
    said (the claims analyzer likewise reads only body blocks; titles and headings keep
    speech)."""
    sentences = st.parsed.sentences
    return bool(sentences) and sentences[st.sentence_at(pos)].block in _NO_SPEECH


def _analyze(analyzer: SourcesAnalyzer, ctx: Context) -> AnalyzerResult:
    """One analysis: events, speakers, quotation links, findings and the source profile."""
    st = RunState(
        analyzer,
        ctx,
        max_scare=analyzer.options.max_scare_words,
        top_n=analyzer.options.top_speakers,
    )
    quotes = st.quotes
    events = parse_events(st) if st.has_parse else pattern_events(st)
    if st.has_parse:
        covered = {e.cue for e in events} | unreal_cues(st)
        events.extend(e for e in pattern_events(st, quote_links_only=True) if e.cue not in covered)
    events = [
        e
        for e in events  # nor what a lead-in's colon runs into: "X reports: <a poll>"
        if not _no_speech(st, e.cue[0]) and not (e.content and _no_speech(st, e.content[0]))
    ]
    events.sort(key=lambda e: e.cue)
    for e in events:
        e.in_quote = st.top_quote_index(e.cue[0])
        if e.construction == "according-to" and st.has_parse:
            # 'According to X, Y got a note saying "Leave! Now"': on to the quotation's close
            e.content = quote_left_open(st, quote_run_on(st, e.content, e.cue[0]))
    st.knowns = sorted([*entity_knowns(st), *titled_names(st)], key=lambda k: k.start)
    resolve_speakers(st, events)
    cut_inserted_sources(st, events)
    link_hearsay(events)
    links = link_quotes(st, quotes, events)
    quote_findings: dict[int, Finding] = {}
    for k, q in enumerate(quotes):
        link = links.get(k)
        if link is None or _no_speech(st, q.start):
            continue
        f = quote_finding(st, q, link, quote_findings)
        if f is not None:
            quote_findings[k] = f
    attribution_findings: dict[str, Finding] = {}
    for e in events:
        f = attribution_finding(st, e, links)
        if f is not None and f.id not in attribution_findings:  # two verbs, one clause
            attribution_findings[f.id] = f
    statements = [*quote_findings.values(), *attribution_findings.values()]
    speakers = list(st.speaker_findings.values())
    if analyzer.options.extractor == "learned":
        model = analyzer.options.attribution_model
        statements, speakers = learned_attributions(st, statements, model)
    records = profile_records(
        [f for f in statements if f.kind == "quote"],
        [f for f in statements if f.kind == "attribution"],
    )
    findings = [*statements, *speakers]
    summary = source_profile(records, top_n=st.top_n, scare_quotes=st.scare_quotes)
    summary["quotes_under_min_score"] = st.weak_quotes
    return AnalyzerResult(tuple(findings), summary)
