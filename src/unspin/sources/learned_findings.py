"""The learned extractor's contribution to the ``sources`` findings.

The rules run first. :func:`learned_attributions` tags the document with the learned
extractor (:mod:`unspin.sources.learned`, the rules' spans among its inputs) and adds an
``attribution`` finding (rule ``attribution.learned``) for each content the tagger finds
that overlaps no quotation or attribution the rules found (in the model's "add-sourced"
mode, only one with a source); its speaker is the tagger's
source span, typed as the rules type a speaker headed by the same word. Rule findings are
never changed, so every quotation and attribution the rules give keeps its speaker,
hearsay link and type.
"""

from __future__ import annotations

from dataclasses import replace

from unspin.model import JSON, Explanation, Finding, Relation
from unspin.sources.findings import speaker_finding
from unspin.sources.learned import Tagged, load_extractor
from unspin.sources.lexicon import VERB_FORMS, VERBS
from unspin.sources.mentions import mention_from_token
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.polnear import Span, findings_extraction
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["learned_attributions"]

#: The model named in the explanations of learned findings.
MODEL = "attribution-tagger"


def learned_attributions(
    st: RunState, rule_findings: list[Finding], model: str = ""
) -> list[Finding]:
    """The ``attribution`` findings the learned extractor adds to ``rule_findings``: none
    without a parse. It reads the pipeline's word-piece states, or runs the backbone's
    encoder over the sentences when the pipeline computed none."""
    if not st.has_parse or st.ix is None:
        return []
    states = st.ctx.token_states
    if states is None:
        sentences = st.parsed.sentences
        states = st.ctx.services.backbone.token_states(
            [st.text[s.start : s.end] for s in sentences], [s.start for s in sentences]
        )
    rules = findings_extraction(st.text, rule_findings)
    extractor = load_extractor(model or None)
    sourced = extractor.config.get("mode") == "add-sourced"
    tagged = extractor.extract(st.text, st.parsed, states, rules)
    taken = [(f.start, f.end) for f in rule_findings if f.kind in ("quote", "attribution")]
    out: list[Finding] = []
    for t in tagged:
        c0, c1 = t.content.start, t.content.end
        if any(a < c1 and c0 < b for a, b in taken) or (sourced and t.source is None):
            continue
        taken.append((c0, c1))
        out.append(_finding(st, t))
    return out


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


def _finding(st: RunState, t: Tagged) -> Finding:
    text = st.text
    speaker = _mention(st, t.source, t.cue) if t.source is not None else None
    cue_text = text[t.cue.start : t.cue.end] if t.cue is not None else None
    words = cue_text.lower().split() if cue_text else []
    lemma = next((VERB_FORMS[w] for w in words if w in VERB_FORMS), None)
    info = VERBS.get(lemma) if lemma else None
    source_type = speaker.source_type if speaker is not None else "unattributed"
    relations: list[Relation] = []
    if speaker is not None:
        relations.append(Relation("speaker", speaker_finding(st, speaker).id))
    who = speaker.name or text[speaker.start : speaker.end] if speaker is not None else None
    content = text[t.content.start : t.content.end]
    attributes: dict[str, JSON] = {
        "style": "indirect",
        "construction": "learned",
        "speaker": speaker.name if speaker is not None else None,
        "role": speaker.role if speaker is not None else None,
        "source_type": source_type,
        "verb": lemma or (cue_text.lower() if cue_text else None),
        "stance": info.stance if info is not None else None,
        "verb_class": info.verb_class if info is not None else None,
        "multi_sentence": st.sentence_at(t.content.start) != st.sentence_at(t.content.end - 1),
        "medium": None,
        "via": None,
    }
    detail = (
        f'Reported content attributed to {who} ("{cue_text}"), found by the attribution tagger.'
        if who and cue_text
        else "Reported content found by the attribution tagger"
        + (f", attributed to {who}." if who else ", with no source it could tie.")
    )
    if len(content) > 0 and info is not None and info.stance == "loaded":
        detail += f' The reporting verb "{cue_text}" is loaded ({info.verb_class}).'
    return st.a.finding(
        st.ctx,
        t.content.start,
        t.content.end,
        kind="attribution",
        label=source_type,
        score=round(min(0.9, t.score), 4),
        explanation=Explanation(
            rule="attribution.learned",
            cues=(cue_text,) if cue_text else (),
            detail=detail,
            model=MODEL,
            confidence=round(t.score, 4),
        ),
        attributes=attributes,
        relations=relations,
    )
