"""Claim types: the rules that find each feature of a sentence and the types it has.

Used by the ``claims`` analyzer (:mod:`unspin.claims.analyzer`, where the types and
features are documented); the word lists are in :mod:`unspin.claims.lexicon`, the
feature weights in :mod:`unspin.claims.head`, the responsibility reading in
:mod:`unspin.claims.responsibility_reading` and the token slots the rules share in
:mod:`unspin.claims.slot_spans`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unspin.analyzer import Context
from unspin.claims.head import CAPS
from unspin.claims.lexicon import (
    ACCORDING_RE,
    CAUSAL_CONNECTIVE_RE,
    CAUSAL_VERBS,
    CHANGE_VERBS,
    EVIDENCE_SUBJECTS,
    OPINION_RE,
    PREDICTION_RE,
    QUOTE_SPANS,
    QUOTED_QUESTION_RE,
    REPORTING,
    SUBJECTIVE,
    UNIVERSAL_RE,
)
from unspin.claims.responsibility_reading import responsibility_reading
from unspin.claims.slot_spans import char_slot, child, prep_object, token_slot
from unspin.frames.spans import SpanIndex
from unspin.model import JSON, Finding
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["TYPE_PRIORITY", "Slots", "is_shouting", "quote_spans", "sentence_features"]

#: Primary-label priority, first match wins (see the module docstring).
TYPE_PRIORITY: tuple[str, ...] = (
    "responsibility",
    "causal",
    "prediction",
    "numeric",
    "opinion",
    "quotation",
    "temporal",
)


@dataclass
class Slots:
    """What the rules found in one sentence: its claim types, the count of each feature
    (capped by :data:`CAPS`), the cue words and the role slots (actor/event, cause/effect)."""

    types: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    slots: dict[str, dict[str, JSON]] = field(default_factory=dict)

    def add(self, feature: str, n: int = 1, cue: str | None = None) -> None:
        cap = CAPS.get(feature, 1)
        self.counts[feature] = min(cap, self.counts.get(feature, 0) + n)
        if cue and cue not in self.cues:
            self.cues.append(cue)


def sentence_features(
    parsed: Parsed,
    sentence: Sentence,
    s_text: str,
    inside: Sequence[Finding],
    ents: set[str],
    quotes: SpanIndex,
    attributions: SpanIndex,
) -> Slots:
    """The claim types, feature counts, cues and slots of one sentence (``s_text``):
    ``inside`` are the quantity and date findings in it, ``ents`` the distinct names."""
    toks = parsed.sentence_tokens(sentence)
    st = Slots()

    qties = [f for f in inside if f.kind == "quantity"]
    dates = [f for f in inside if f.kind == "date"]
    if qties:
        st.types.add("numeric")
        st.add("quantity", cue=qties[0].text)
        if len(qties) > 1:
            st.add("extra_quantity", len(qties) - 1)
    if dates:
        st.types.add("temporal")
        st.add("date", cue=dates[0].text)

    if ents:
        st.add("named_entity", len(ents), cue=sorted(ents)[0])

    _reporting(parsed, toks, s_text, sentence, attributions, st)
    if quotes.overlaps(sentence.start, sentence.end):
        st.types.add("quotation")
        st.add("quotation")
    found = responsibility_reading(parsed, toks, sentence)
    if found is not None:
        st.types.add("responsibility")
        st.add("responsibility", cue=found[0])
        st.slots.setdefault("actor", found[1])
        st.slots.setdefault("event", found[2])
    _causal(parsed, toks, sentence, s_text, st)
    _prediction(toks, s_text, st)
    _style(parsed, toks, s_text, qties, st)

    opinion = any(
        f in st.counts for f in ("opinion_marker", "subjective", "universal", "normative")
    )
    if opinion:
        st.types.add("opinion")
    return st


# ----------------------------------------------------------------------------------------
# feature detectors


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters) and " " not in text.strip()


def quote_spans(ctx: Context) -> list[tuple[int, int]]:
    found = ctx.of_kind("quote")
    if found:
        return [(f.start, f.end) for f in found]
    spans = []
    for m in QUOTE_SPANS.finditer(ctx.text):
        inner = m.group()[1:-1]
        if len(inner.split()) >= 3:
            spans.append((m.start(), m.end()))
    return spans


def _reporting(
    parsed: Parsed,
    toks: Sequence[Token],
    s_text: str,
    sentence: Sentence,
    attributions: SpanIndex,
    st: Slots,
) -> None:
    m = ACCORDING_RE.search(s_text)
    if m:
        st.add("reporting_verb", cue=m.group())
        return
    if attributions.overlaps(sentence.start, sentence.end):
        st.add("reporting_verb")
        return
    for t in toks:
        if t.pos != "VERB":
            continue
        lemma = t.lemma.lower()
        if lemma in REPORTING:
            st.add("reporting_verb", cue=t.text)
            return
        if lemma in ("show", "find", "conclude"):
            subj = [c for c in parsed.children(t.i) if c.dep == "nsubj"]
            if any(c.lemma.lower() in EVIDENCE_SUBJECTS for c in subj):
                st.add("reporting_verb", cue=t.text)
                return


def _causal(
    parsed: Parsed, toks: Sequence[Token], sentence: Sentence, s_text: str, st: Slots
) -> None:
    if parsed.has_parse:
        for t in toks:
            if _causal_token(parsed, t, sentence, st):
                st.types.add("causal")
                st.add("causal")
                return
    m = CAUSAL_CONNECTIVE_RE.search(s_text)
    if m:
        st.types.add("causal")
        st.add("causal", cue=m.group())


def _causal_token(parsed: Parsed, t: Token, sentence: Sentence, st: Slots) -> bool:
    lemma = t.lemma.lower()
    cause: Token | None = None
    effect: Token | None = None
    cue = t.text
    if t.pos == "VERB" and lemma in CAUSAL_VERBS | {"lead", "result", "contribute"}:
        passive = child(parsed, t.i, "auxpass") is not None
        if lemma in ("lead", "contribute"):
            if child(parsed, t.i, "dobj") is not None:
                return False  # "she led the team to victory": guiding, not causing
            effect, cause = prep_object(parsed, t.i, "to"), child(parsed, t.i, "nsubj")
            cue = f"{t.text} to"
        elif lemma == "result":
            if (o := prep_object(parsed, t.i, "in")) is not None:
                effect, cause = o, child(parsed, t.i, "nsubj")
                cue = f"{t.text} in"
            elif (o := prep_object(parsed, t.i, "from")) is not None:
                cause, effect = o, child(parsed, t.i, "nsubj")
                cue = f"{t.text} from"
        elif passive:
            cause, effect = prep_object(parsed, t.i, "by"), child(parsed, t.i, "nsubjpass")
        else:
            cause, effect = child(parsed, t.i, "nsubj"), child(parsed, t.i, "dobj", "ccomp")
        if lemma in ("produce", "create") and (cause is None or cause.pos == "PRON"):
            return False
        if cause is None or effect is None:
            return False
        st.add("causal", cue=cue)
        st.slots.setdefault("cause", token_slot(parsed, cause.i, sentence))
        st.slots.setdefault("effect", token_slot(parsed, effect.i, sentence))
        xcomp = child(parsed, t.i, "xcomp")  # "caused prices to rise"
        if xcomp is not None and "effect" in st.slots:
            eff = st.slots["effect"]
            end = max(int(eff["end"]), parsed.subtree_span(xcomp.i)[1])
            got = char_slot(parsed, int(eff["start"]), min(end, sentence.end))
            if got:
                st.slots["effect"] = got
        return True
    if t.lower == "because" and t.dep == "mark":
        clause = parsed.tokens[t.head]
        cause_slot = token_slot(parsed, clause.i, sentence)
        effect_slot = _rest(
            parsed, sentence, int(cause_slot["start"]) - len("because "), int(cause_slot["end"])
        )
        st.add("causal", cue="because")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    pair = None
    nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
    if (
        nxt is not None
        and t.lower in ("because", "due", "owing", "thanks")
        and nxt.lower in ("of", "to")
        and not (t.lower == "thanks" and t.i > 0 and parsed.tokens[t.i - 1].lower == "no")
    ):  # "no thanks to the mayor": in spite of her
        pair = (t, nxt)
    if pair is not None:
        obj = child(parsed, pair[1].i, "pobj") or child(parsed, pair[0].i, "pobj")
        if obj is None:
            return False
        cause_slot = token_slot(parsed, obj.i, sentence)
        effect_slot = _rest(parsed, sentence, pair[0].start, int(cause_slot["end"]))
        st.add("causal", cue=f"{pair[0].text} {pair[1].text}")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    return False


_WH_WORDS = frozenset({"what", "how", "which", "when", "where", "whether", "who", "whom", "if"})


def _in_question(parsed: Parsed, modal: Token) -> bool:
    """The modal is in an embedded question ("information on what employers should do",
    "asked whether the council should resign"): it says what was asked, not that it
    should be."""
    verb = parsed.tokens[modal.head]
    if verb.dep not in ("pcomp", "ccomp", "xcomp", "pobj", "dobj"):
        return False
    first = parsed.token_at(parsed.subtree_span(verb.i)[0])
    return first is not None and parsed.tokens[first].lower in _WH_WORDS


def _rest(
    parsed: Parsed, sentence: Sentence, cut_start: int, cut_end: int
) -> dict[str, JSON] | None:
    """The part of the sentence outside ``[cut_start, cut_end)``: the other side of a connective."""
    before = char_slot(parsed, sentence.start, max(sentence.start, cut_start))
    after = char_slot(parsed, cut_end, sentence.end)
    if before and (
        not after
        or int(before["end"]) - int(before["start"]) >= int(after["end"]) - int(after["start"])
    ):
        return before
    return after


def _prediction(toks: Sequence[Token], s_text: str, st: Slots) -> None:
    reported = any(t.lemma.lower() in REPORTING and t.pos == "VERB" for t in toks)
    for t in toks:
        low = t.lower
        if t.tag == "MD" and (
            low in ("will", "'ll", "shall", "wo") or (low == "would" and reported)
        ):
            st.types.add("prediction")
            st.add("prediction", cue=t.text)
            return
    for m in PREDICTION_RE.finditer(s_text):
        cue = m.group().lower()
        if cue.startswith("project") and not cue.startswith("projection") and _noun_project(toks):
            continue  # "a project that served ...": a noun, no forecast
        st.types.add("prediction")
        st.add("prediction", cue=m.group())
        return


#: Dependents only a noun takes: "a project", "her project", "a new project".
_NOUN_DEPENDENTS = frozenset({"det", "poss", "amod", "nummod"})


def _noun_project(toks: Sequence[Token]) -> bool:
    """Whether "project" before "that" is the singular noun with its determiner, owner or
    adjective ("a river project that served", "the women's project that"): the verb after
    one subject is "projects". "Projects" is left a forecast, since the tagger takes even
    the verb ("the agency projects that ...") for the plural noun."""
    return any(
        t.lower == "project"
        and any(c.head == t.i != c.i and c.dep in _NOUN_DEPENDENTS for c in toks)
        for t in toks
    )


def _style(
    parsed: Parsed, toks: Sequence[Token], s_text: str, qties: Iterable[Finding], st: Slots
) -> None:
    qspans = [(f.start, f.end) for f in qties]
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE") and t.text.strip()]
    for t in toks:
        low = t.lower
        if t.tag in ("JJR", "JJS", "RBR", "RBS") and not any(s <= t.start < e for s, e in qspans):
            prev = parsed.tokens[t.i - 1] if t.i > 0 else None
            at_bound = (
                low in ("least", "most", "more", "less") and prev is not None and prev.lower == "at"
            )
            bare_more = low in ("more", "less", "most") and t.tag not in ("JJS", "RBS")
            if not at_bound and not bare_more:
                st.add("comparative", cue=t.text)
        if t.pos == "VERB" and t.lemma.lower() in CHANGE_VERBS:
            st.add("change_verb", cue=t.text)
        if low in SUBJECTIVE or t.lemma.lower() in SUBJECTIVE:
            st.add("subjective", cue=t.text)
        if t.tag == "MD" and low in ("should", "must", "ought", "shouldn't", "mustn't"):
            nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
            if not (low == "must" and nxt is not None and nxt.lower == "have") and not (
                _in_question(parsed, t)
            ):
                st.add("normative", cue=t.text)
    m = OPINION_RE.search(s_text)
    if m:
        st.add("opinion_marker", cue=m.group())
    m = UNIVERSAL_RE.search(s_text)
    if m:
        st.add("universal", cue=m.group())
    if s_text.rstrip("\"'”’»)] ").endswith("?") or QUOTED_QUESTION_RE.match(s_text.strip()):
        st.add("question", cue="?")  # or a quoted question and who asked it
    if len(words) < 5:
        st.add("short")
    if parsed.has_parse and words:
        root = next((t for t in toks if t.dep == "ROOT"), None)
        first = words[0]
        if first.lower in ("please", "do", "don't", "just") and len(words) > 1:
            first = words[1]
        if (
            root is not None
            and first.i == root.i
            and root.tag == "VB"
            and not any(c.dep in ("nsubj", "nsubjpass", "expl") for c in parsed.children(root.i))
        ):
            st.add("imperative", cue=root.text)
        if root is not None and "question" not in st.counts and "imperative" not in st.counts:
            subj = any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(root.i))
            perfect = root.tag == "VBN" and any(
                c.dep == "aux" and c.lemma.lower() == "have" for c in parsed.children(root.i)
            )
            passive_past = root.tag == "VBN" and any(
                c.dep == "auxpass" and c.tag == "VBD" for c in parsed.children(root.i)
            )
            if subj and (root.tag == "VBD" or perfect or passive_past):
                st.add("factual_past", cue=root.text)
