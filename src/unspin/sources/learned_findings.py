"""The learned extractor's share of the ``sources`` findings (``extractor = "learned"``).

The rules run first and find quotations, reported contents, their speakers, types and
hearsay links. :func:`learned_attributions` then tags the document with the learned
extractor (:mod:`unspin.sources.learned`) and lets it decide which contents there are
(:func:`unspin.sources.learned.plan`): a rule quotation or attribution the tagger
confirms is kept as the rules made it (its speaker, type and hearsay link; with the
tagger's source when the rules had none); a content the tagger finds and no rule
matches is added as an ``attribution`` finding (rule ``attribution.learned``, the span
the tagger gives, its pieces in the ``pieces`` attribute when a cue interrupts it), with
the tagger's source as its speaker, typed as the rules type a speaker headed by the same
word; a rule quotation inside such a content is kept as a part of it (relation
``part_of``); any other rule content the tagger does not confirm is dropped, and so are
speakers no reported statement links to.
"""

from __future__ import annotations

import math
from dataclasses import replace

from unspin.model import JSON, Explanation, Finding, Relation
from unspin.sources.findings import speaker_finding
from unspin.sources.learned import Decision, load_extractor, plan
from unspin.sources.lexicon import VERB_FORMS, VERBS
from unspin.sources.mentions import mention_from_token
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.polnear import Span, content_span, findings_extraction
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["learned_attributions"]

#: The model named in the explanations of learned findings.
MODEL = "attribution-tagger"


def learned_attributions(
    st: RunState, statements: list[Finding], model: str = ""
) -> tuple[list[Finding], list[Finding]]:
    """The ``quote`` and ``attribution`` findings to report, and the ``speaker`` findings
    they link to, given the rules' ``statements`` (quotes and attributions). Without a
    parse the rules' findings stand. The extractor reads the pipeline's word-piece states,
    or runs the backbone's encoder over the sentences when the pipeline computed none."""
    speakers = list(st.speaker_findings.values())
    if not st.has_parse or st.ix is None:
        return statements, speakers
    states = st.ctx.token_states
    if states is None:
        sentences = st.parsed.sentences
        states = st.ctx.services.backbone.token_states(
            [st.text[s.start : s.end] for s in sentences], [s.start for s in sentences]
        )
    rules = findings_extraction(st.text, [*statements, *speakers])
    extractor = load_extractor(model or None)
    cfg = extractor.config
    tagged = extractor.extract(st.text, st.parsed, states, rules)
    decisions, parts = plan(
        st.text, rules, tagged, bool(cfg.get("keep_rules")), str(cfg.get("prefer", "rules"))
    )
    by_span: dict[Span, Finding] = {}
    for f in statements:
        by_span.setdefault(content_span(f), f)
    calib = cfg.get("calibration", (1.0, 0.0))
    out: list[Finding] = []
    added: dict[Span, Finding] = {}
    for d in decisions:
        if d.rule is not None:
            out.append(_confirmed(st, by_span[d.rule], d))
        else:
            f = _finding(st, d, _calibrated(d.score or 0.0, calib))
            added[d.content] = f
            out.append(f)
    for rule, enclosing in parts.items():
        part = by_span[rule]
        out.append(
            replace(part, relations=(*part.relations, Relation("part_of", added[enclosing].id)))
        )
    out.sort(key=lambda f: (f.start, f.end))
    # a link to a statement not reported (a dropped outer quotation) goes with it
    known = {f.id for f in out} | {f.id for f in st.speaker_findings.values()}
    out = [
        f if all(r.target in known for r in f.relations)
        else replace(f, relations=tuple(r for r in f.relations if r.target in known))
        for f in out
    ]  # fmt: skip
    linked = {r.target for f in out for r in f.relations}
    return out, [f for f in st.speaker_findings.values() if f.id in linked]


def _calibrated(score: float, calib: object) -> float:
    a, b = (float(v) for v in calib)  # type: ignore[attr-defined]
    s = min(max(score, 1e-4), 1 - 1e-4)
    return round(1.0 / (1.0 + math.exp(-(a * math.log(s / (1 - s)) + b))), 4)


def _speaker(st: RunState, source: Span, cue: Span | None) -> Finding | None:
    """The speaker finding on ``source``: the rules' own when they found one there."""
    for f in st.speaker_findings.values():
        if f.start == source.start and f.end == source.end:
            return f
    m = _mention(st, source, cue)
    return speaker_finding(st, m) if m is not None else None


def _confirmed(st: RunState, f: Finding, d: Decision) -> Finding:
    """A rule finding the tagger confirmed; it takes the decision's source as its speaker
    when that is not the one the rules linked."""
    by_id = {s.id: s for s in st.speaker_findings.values()}
    current = next((by_id.get(r.target) for r in f.relations if r.role == "speaker"), None)
    if d.source is None or (
        current is not None and (current.start, current.end) == (d.source.start, d.source.end)
    ):
        return f
    speaker = _speaker(st, d.source, d.cue)
    if speaker is None:
        return f
    relations = (Relation("speaker", speaker.id), *(r for r in f.relations if r.role != "speaker"))
    attributes = dict(f.attributes)
    attributes["speaker"] = speaker.attributes.get("name") or st.text[speaker.start : speaker.end]
    attributes["source_type"] = speaker.label
    return replace(f, relations=relations, attributes=attributes)


def _mention(st: RunState, source: Span, cue: Span | None) -> Mention | None:
    """A speaker mention exactly on ``source``, typed as the rules type its head word."""
    assert st.ix is not None
    toks = st.parsed.tokens
    inside = [t for t in toks if t.start >= source.start and t.end <= source.end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    head = next((t for t in inside if t.head not in ids or t.head == t.i), inside[-1])
    cue_tok = next((t.i for t in toks if cue is not None and t.start == cue.start), None)
    m = mention_from_token(st.ix, head, cue=cue_tok) or mention_from_span(
        st.text, source.start, source.end
    )
    if m is None:
        return None
    return replace(m, start=source.start, end=source.end, rule="speaker.learned")


def _finding(st: RunState, d: Decision, score: float) -> Finding:
    text = st.text
    speaker = _speaker(st, d.source, d.cue) if d.source is not None else None
    cue_text = text[d.cue.start : d.cue.end] if d.cue is not None else None
    words = cue_text.lower().split() if cue_text else []
    lemma = next((VERB_FORMS[w] for w in words if w in VERB_FORMS), None)
    info = VERBS.get(lemma) if lemma else None
    source_type = speaker.label if speaker is not None else "unattributed"
    relations = [Relation("speaker", speaker.id)] if speaker is not None else []
    name = speaker.attributes.get("name") if speaker is not None else None
    who = (name or text[speaker.start : speaker.end]) if speaker is not None else None
    attributes: dict[str, JSON] = {
        "style": "indirect",
        "construction": "learned",
        "speaker": name,
        "role": speaker.attributes.get("role") if speaker is not None else None,
        "source_type": source_type,
        "verb": lemma or (cue_text.lower() if cue_text else None),
        "stance": info.stance if info is not None else None,
        "verb_class": info.verb_class if info is not None else None,
        "multi_sentence": st.sentence_at(d.content.start) != st.sentence_at(d.content.end - 1),
        "medium": None,
        "via": None,
        "pieces": [[a, b] for a, b in d.content.pieces] if len(d.content.pieces) > 1 else None,
    }
    detail = (
        f'Reported content attributed to {who} ("{cue_text}"), found by the attribution tagger.'
        if who and cue_text
        else "Reported content found by the attribution tagger"
        + (f", attributed to {who}." if who else ", with no source it could tie.")
    )
    if info is not None and info.stance == "loaded":
        detail += f' The reporting verb "{cue_text}" is loaded ({info.verb_class}).'
    return st.a.finding(
        st.ctx,
        d.content.start,
        d.content.end,
        kind="attribution",
        label=source_type,
        score=score,
        explanation=Explanation(
            rule="attribution.learned",
            cues=(cue_text,) if cue_text else (),
            detail=detail,
            model=MODEL,
            confidence=score,
        ),
        attributes=attributes,
        relations=relations,
    )
