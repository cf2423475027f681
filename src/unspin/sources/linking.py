"""Which speaker each quotation belongs to.

:func:`link_quotes` ties every quotation to a reporting event next to it ("after",
"before", "contained"), or else to a block's signature, a dash signature, the previous
quotation of the paragraph in the same or the previous sentence ("continuation"), the
previous paragraph or the clause before
a colon. A nested quotation is linked inside its parent.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from unspin.nlp import Token
from unspin.sources.asides import aside_span
from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.mentions import mention_from_token
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.quotes import QuoteSpan
from unspin.sources.resolver import Resolver
from unspin.sources.roles import is_role_phrase
from unspin.sources.speakers import Mention
from unspin.sources.state import TERMINATOR, WORDS, Event, RunState, plain_role

__all__ = ["QuoteLink", "link_quotes", "opens_sentence"]

_DASH_SIGNATURE = re.compile(
    r"[ \t]*(?:[—–]\s*|--?[ \t]*(?=[A-Z]))(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    r"(?:,\s*(?P<role>[^\n.;]{2,60}))?\s*(?:$|\n|[.;])",
    re.M,
)
_GAP_AFTER = re.compile(r"[\s,;:—–-]*")
_QUESTION_LEMMAS = frozenset({"ask", "question", "inquire", "query", "quiz"})
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whose|whom)\b[^,]*\Z", re.I)
_ABOUT = re.compile(r"\b(?:about|over|regarding|concerning|on)\b", re.I)
_ASKED_CLAUSE = re.compile(r"\b(?:whether|if|why|how|what|when|where|who|which|that)\b", re.I)
# a word named, not said: 'used "intent"', 'the word "shall"', 'the term "X" rather than "Y"'
_MENTION_CUE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|his|her|their)\s+(?:\w+\s+)?"
    r"(?:word|term|phrase|expression|label|wording|adjective|noun|verb)s?"
    r"|\b(?:used|uses|using|employed|employs|employing))\s*,?\s*\Z",
    re.I,
)
#: A question's or a form's topic before a quoted phrase ('a question on the "X"'):
#: the wording of the question, not of whoever answers it.
_TOPIC_CUE = re.compile(
    r"\b(?:question|questions|query|queries|item|topic|section|heading|category)\s+"
    r"(?:on|about|regarding|concerning|titled|entitled|headed)\s+(?:the\s+)?\Z",
    re.I,
)
#: The most words of a quoted topic.
_TOPIC_WORDS = 8
_MENTION_JOIN = re.compile(
    r"\s*,?\s*(?:and|or|nor|rather than|instead of|not|over|for)?\s*\Z", re.I
)
_CLOSE_PUNCT = set(",?!—–-…:;")
_SIGNATURE = re.compile(r"(?:^|\n)[ \t>]*[—–-]{1,2}\s*(?P<who>[^\n]{2,120})\s*\Z")
_HANDLE = re.compile(r"@\w{2,}")
_OPENERS = frozenset("\"“„‟«'‘‚‹")
#: A lead of connectives alone before a colon ("But also: "...""): more of the same words.
_CONNECTIVE_LEAD = re.compile(r"(?:(?:and|but|plus|also|yet|then|again|too)\b[\s,]*)+:\s*", re.I)
#: The most words a quoted reporting clause has besides its speaker's quotation.
_MAX_TAG_WORDS = 6


@dataclass
class QuoteLink:
    """How a quotation was tied to its speaker (``how``) and the confidence factor."""

    event: Event | None
    how: str | None
    factor: float
    speaker: Mention | None = None
    outer: Mention | None = None
    medium: str | None = None


def link_quotes(st: RunState, quotes: list[QuoteSpan], events: list[Event]) -> dict[int, QuoteLink]:
    """How each quotation (by index in ``quotes``) is tied to its speaker."""
    links: dict[int, QuoteLink] = {}
    outside = [e for e in events if e.in_quote is None and e.construction != "reportedly"]
    starts = [e.cue[0] for e in outside]
    last_by_para: dict[int, tuple[QuoteSpan, QuoteLink]] = {}
    last_end: dict[int, int] = {}  # where the paragraph's last linked quotation ends
    # the last speech in each paragraph: (position, speaker, outer, medium)
    last_para_speaker: dict[int, tuple[int, Mention, Mention | None, str | None]] = {}

    def note(pos: int, sp: Mention, outer: Mention | None, medium: str | None) -> None:
        p = st.paragraph_at(pos)
        if p not in last_para_speaker or last_para_speaker[p][0] < pos:
            last_para_speaker[p] = (pos, sp, outer, medium)

    for e in outside:
        if e.speaker is not None:
            note(e.cue[0], e.speaker, e.outer, e.medium)
    for k, q in enumerate(quotes):
        if q.parent is not None:
            links[k] = _link_nested(st, q, events, links.get(q.parent))
            continue
        if _mentioned(st, q, quotes[k - 1] if k and links[k - 1].how == "mention" else None):
            links[k] = QuoteLink(None, "mention", 1.0)
            continue
        lo = bisect_left(starts, q.start - 600)
        hi = bisect_right(starts, q.end + 400)
        link = _agent_before_colon(st, q, _link_one(st, q, outside[lo:hi]))
        p = st.paragraph_at(q.start)
        if link.speaker is None and _tagged_passage(st, k, quotes, events):
            links[k] = QuoteLink(None, "passage", 1.0)
            continue
        if link.event is None and q.is_block:
            link = _link_block(st, q, outside)
        if link.event is None and link.speaker is None:
            link = _link_dash(st, q, link)
        if link.event is None and link.speaker is None:
            prev_q, prev = last_by_para.get(p, (None, None))
            # carried over only to the sentence of the last quotation or the next one
            # (a paragraph may be a whole article written one sentence per line)
            gap = st.sentence_at(q.start) - st.sentence_at(last_end.get(p, -1))
            # into the next sentence only a quotation that opens it: one woven into the
            # writer's own clause there ("a gang member whose "..."") is not carried over
            near = gap == 0 or (gap == 1 and opens_sentence(st, q))
            if not near and prev_q is not None and _connective_lead(st, q):
                # 'Lund told us: "...". So that is new. But also: "...".': her words again,
                # unless someone else spoke between them
                near = not any(
                    e.speaker is not None and prev_q.end <= e.cue[0] < q.start for e in outside
                )
            if (
                prev is not None
                and prev.speaker is not None
                and near
                and _same_level(st, prev_q, q)
                and not _quoted_subject(st, q, prev.event)
            ):
                link = QuoteLink(
                    prev.event, "continuation", 0.75, prev.speaker, prev.outer, prev.medium
                )
            elif (
                _starts_paragraph(st, q, p)
                and _ends_paragraph_speech(st, p - 1, last_para_speaker.get(p - 1))
                and not any(st.paragraph_at(e.cue[0]) == p for e in outside)
            ):
                _, sp, outer, medium = last_para_speaker[p - 1]
                link = QuoteLink(None, "previous-paragraph", 0.55, sp, outer, medium)
        if link.event is None and link.speaker is None:
            link = _link_colon(st, q, link)
        links[k] = link
        if link.speaker is not None:
            last_by_para[p] = (q, link)
            last_end[p] = q.end - 1
            note(q.end - 1, link.speaker, link.outer, link.medium)
    return links


def _quoted_subject(st: RunState, q: QuoteSpan, said: Event | None) -> bool:
    """'... and left, but "back soon" was written on the door': a quotation right before
    a finite verb that is no verb of saying is that verb's subject, words named as a
    thing (written, chanted, a slogan), not more of the last speaker's; unless it lies in
    what the last speaker is reported to have said (``said``'s content: 'told X that
    it would not work, as a "large array" would be needed')."""
    if not st.has_parse:
        return False
    content = said.content if said is not None else None
    if content is not None and content[0] <= q.start and q.end <= content[1]:
        return False
    after = [t for t in st.parsed.tokens_in(q.end, q.end + 30) if t.start >= q.end]
    if not after or st.text[q.end : after[0].start].strip():
        return False
    t = after[0]
    return t.pos in ("AUX", "VERB") and t.tag in _FINITE and t.lower not in VERB_FORMS


#: Tags of a finite verb ("was", "became", "is").
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _same_level(st: RunState, prev: QuoteSpan | None, q: QuoteSpan) -> bool:
    """Whether ``q`` may carry on ``prev``'s speaker: not when ``prev`` opened right after a
    mark of the other kind that nothing closed ('"'We must wait,' said Lt. Ann Berg' in a
    quoted report) and ``q`` is in that outer kind of mark: the report's words again,
    not the officer's."""
    if prev is None:
        return True
    before = st.text[prev.start - 1 : prev.start]
    if not before or before not in _OPENERS or _family(before) == _family(prev.open_mark):
        return True
    return _family(q.open_mark) == _family(prev.open_mark)


def _family(mark: str) -> str:
    return "single" if mark in "'‘’‚‹›" else "double"


def _tagged_passage(st: RunState, k: int, quotes: list[QuoteSpan], events: list[Event]) -> bool:
    """Quotation ``k`` holds only another quotation and that one's reporting clause
    ("'Or, Ann, wait,' Lund replied." quoted from a column): its words are the inner
    speaker's, reported by a text; no speaker is carried over to it."""
    q = quotes[k]
    kids = [c for c in quotes[k + 1 :] if c.parent == k]
    if not kids:
        return False
    rest = st.text[q.inner_start : q.inner_end]
    for c in reversed(kids):
        a, b = c.start - q.inner_start, c.end - q.inner_start
        rest = rest[:a] + " " * (b - a) + rest[b:]
    if len(WORDS.findall(rest)) > _MAX_TAG_WORDS:
        return False
    return any(
        e.speaker is not None
        and q.inner_start <= e.cue[0] < q.inner_end
        and not any(c.start <= e.cue[0] < c.end for c in kids)
        for e in events
    )


def opens_sentence(st: RunState, q: QuoteSpan) -> bool:
    """Whether quotation ``q`` opens its sentence (nothing but marks before it there)."""
    lo = st.sentence_start(q.start)
    return not st.text[lo : q.start].strip(" \t\n>—–-([")


def _connective_lead(st: RunState, q: QuoteSpan) -> bool:
    """Whether only connectives and a colon stand before ``q`` in its sentence ("But also:")."""
    return _CONNECTIVE_LEAD.fullmatch(st.text[st.sentence_start(q.start) : q.start]) is not None


def _ends_paragraph_speech(
    st: RunState, p: int, last: tuple[int, Mention, Mention | None, str | None] | None
) -> bool:
    """True when paragraph ``p``'s last sentence holds its last attributed speech."""
    if p < 0 or last is None or not st.paragraphs:
        return False
    return st.sentence_at(last[0]) >= st.sentence_at(st.paragraphs[p][1] - 1)


def _starts_paragraph(st: RunState, q: QuoteSpan, p: int) -> bool:
    lo = st.paragraphs[p][0] if st.paragraphs else 0
    return not st.text[lo : q.start].strip(" \t>")


def _link_one(st: RunState, q: QuoteSpan, events: list[Event]) -> QuoteLink:
    text = st.text
    best: tuple[int, int, Event, str] | None = None
    inner = text[q.inner_start : q.inner_end].rstrip()
    tail_ok = (bool(inner) and inner[-1] in _CLOSE_PUNCT) or text[q.end : q.end + 3].lstrip(
        " "
    ).startswith((",", "—", "–"))
    short = len(WORDS.findall(inner)) <= st.max_scare
    for e in events:
        if e.construction == "passive" or e.speaker is None:
            continue
        if e.speaker.start < q.end and q.start < e.speaker.end:
            continue  # the speaker cannot be inside the quotation
        cand: tuple[int, int, Event, str] | None = None
        if e.cue[0] >= q.end:
            gap = text[q.end : e.anchor[0]]
            if "\n" in gap:
                continue  # never across a line or paragraph break
            if len(gap) <= 4 and _GAP_AFTER.fullmatch(gap) and not _others(events, e, q):
                if inner.endswith(".") and st.sentence_at(e.cue[0]) > st.sentence_at(q.end - 1):
                    continue  # '... "X." Senator Y asked Z ...': a new sentence, not a tag
                if tail_ok or (
                    not short and (e.content is None or _overlaps(e.content, (q.start, q.end)))
                ):
                    cand = (0, len(gap), e, "after")
            elif (
                st.has_parse
                and e.token is not None
                and e.reach[0] <= q.start
                and not TERMINATOR.search(_strip_quotes(text[q.end : e.anchor[0]]))
                and e.cue[0] - q.end < 200
                and not _in_relative_clause(st, e, q)
            ):
                cand = (2, e.cue[0] - q.end, e, "contained")
        elif e.cue[1] <= q.start:
            gap = text[e.anchor[1] : q.start]
            if "\n" in gap and not gap.rstrip().endswith(":"):
                continue  # a new line or paragraph only after "said:"
            if len(gap) <= 160 and not TERMINATOR.search(_strip_quotes(gap)):
                k = bisect_left(st.top_quote_starts, e.anchor[1])
                if k < len(st.top_quotes) and st.top_quotes[k].end <= q.start:
                    continue  # another quotation stands between them
                contained = st.has_parse and (
                    e.reach[0] <= q.start < e.reach[1] or _after_aside(st, e, q)
                )
                tight = len(gap.strip()) <= 2 or gap.rstrip().endswith((":", ","))
                if tight:
                    cand = (1, len(gap), e, "before")
                elif short and _asked_about(e, gap):
                    continue  # 'asked Y about the switch of "X"': a phrase mentioned, not said
                elif contained or not st.has_parse:
                    cand = (2, len(gap), e, "contained")
        if cand is not None and (best is None or cand[:2] < best[:2]):
            best = cand
    if best is None:
        return QuoteLink(None, None, 1.0)
    e, how = best[2], best[3]
    if how == "after" and (e.lemma == "report" or e.construction == "according-to"):
        said = _content_holder(events, q, e) if e.outer is None else None
        if said is not None:
            # 'He added that they could "...," reports the Agency', 'She told them that
            # "...," according to KXYZ': the words are the clause speaker's; the source
            # after them only relays them
            return QuoteLink(said, "contained", 0.8, said.speaker, e.speaker, said.medium)
    factor = {"after": 0.95, "before": 0.9, "contained": 0.8}[how]
    return QuoteLink(e, how, factor, e.speaker, e.outer, e.medium)


def _others(events: list[Event], e: Event, q: QuoteSpan) -> bool:
    """``q`` stands between the speaker of ``e`` and its verb, and what holds it nearest is
    another speaker's content ('Lund told us that Vask "may have broken the law" by calling
    ...'): Lund's words, not Vask's ('Vask called him a "liar," saying ...' stays his)."""
    if e.speaker is None or e.speaker.start >= q.start:
        return False
    spans = [
        (o.content[1] - o.content[0], o.speaker.start)
        for o in events
        if o is not e
        and o.speaker
        and o.content
        and o.content[0] <= q.start < q.end <= o.content[1] + 2
    ]
    return bool(spans) and min(spans)[1] != e.speaker.start


def _content_holder(events: list[Event], q: QuoteSpan, relay: Event) -> Event | None:
    """The speech event of the same sentence before ``q`` whose content clause holds it."""
    for e in events:
        if (
            e is not relay
            and e.speaker is not None
            and e.content is not None
            and e.sentence == relay.sentence
            and e.cue[1] <= q.start
            and e.content[0] <= q.start
            and q.end <= e.content[1] + 2
        ):
            return e
    return None


def _after_aside(st: RunState, e: Event, q: QuoteSpan) -> bool:
    """The reporting clause is an aside ("X, the League wrote last year, is "..."") whose
    speaker stands inside it, and the quotation follows it in the clause it interrupts
    with no other verb between (not "..., Lund reported, his wife whispered: "..."")."""
    if st.ix is None or e.token is None or e.speaker is None:
        return False
    if len(WORDS.findall(st.text[q.inner_start : q.inner_end])) <= st.max_scare:
        return False  # a few words: a term the clause uses, not the aside's quotation
    span = aside_span(st.ix, st.parsed.tokens[e.token])
    if span is None or e.speaker.start < span[0] or q.start < span[1]:
        return False
    return not any(t.pos == "VERB" for t in st.parsed.tokens_in(span[1], q.start))


def _in_relative_clause(st: RunState, e: Event, q: QuoteSpan) -> bool:
    """The quotation sits in a relative clause before the verb ('the chapter, which says
    that ... "X" ..., is now declared "Y" by the ministry'): that clause's words, not
    the later speaker's."""
    text = st.text
    opened = _RELATIVE_OPEN.search(text[st.sentence_start(q.start) : q.start])
    if opened is not None and "," in text[q.end : e.cue[0]]:
        return True  # ", which ... "X" ..., is declared": also where the parse errs
    if st.ix is None or e.token is None:
        return False
    toks = st.parsed.tokens
    i = bisect_left(toks, q.inner_start, key=lambda t: t.start)
    for _ in range(60):
        if i >= len(toks) or i == e.token or toks[i].head == i:
            return False
        if toks[i].dep in ("relcl", "acl"):
            return True
        i = toks[i].head
    return False


def _mentioned(st: RunState, q: QuoteSpan, prev_mention: QuoteSpan | None) -> bool:
    """A word named, not said: one quoted word after 'used', or a short quotation after
    'the word' / 'the term' ('the order used "intent"', 'the bill used the word "shall"'),
    or one joined to such a mention ('"intent" rather than "purpose"'). Nobody's speech:
    the reporting verb around it says who observed the wording, not who wrote it."""
    inner = st.text[q.inner_start : q.inner_end].strip(" ,.")
    words = WORDS.findall(inner)
    lo = st.sentence_start(q.start)
    before = st.text[max(lo, q.start - 80) : q.start]
    if words and len(words) <= _TOPIC_WORDS and _TOPIC_CUE.search(before):
        return True  # 'To a question on the "privatization of jobs," Lund said': the topic
    if not words or len(words) > min(3, st.max_scare):
        return False
    if prev_mention is not None and prev_mention.end >= lo:
        gap = st.text[prev_mention.end : q.start]
        if len(gap) <= 14 and _MENTION_JOIN.fullmatch(gap):
            return True
    cue = _MENTION_CUE.search(before)
    if cue is None:
        return False
    bare_verb = cue.group(0).strip(" ,").lower().startswith(("used", "uses", "using", "employ"))
    return not bare_verb or len(words) == 1


def _asked_about(e: Event, gap: str) -> bool:
    """A short quotation in what a question is about, after a verb of asking: the topic
    ("asked the minister about the switch of "X" in the memo"), not the asker's words
    (unlike 'asked whether the plan was "X"')."""
    return (
        e.lemma in _QUESTION_LEMMAS
        and _ABOUT.search(gap) is not None
        and _ASKED_CLAUSE.search(gap) is None
    )


def _link_nested(
    st: RunState, q: QuoteSpan, events: list[Event], parent: QuoteLink | None
) -> QuoteLink:
    inside = [
        e
        for e in events
        if e.in_quote is not None and e.speaker is not None and e.speaker.kind == "name"
    ]
    link = _link_one(st, q, inside)
    outer = parent.speaker if parent is not None else None
    if link.event is not None:
        return QuoteLink(link.event, link.how, 0.6, link.speaker, outer, link.medium)
    return QuoteLink(None, "nested", 0.5, None, outer, None)


def _link_block(st: RunState, q: QuoteSpan, events: list[Event]) -> QuoteLink:
    text = st.text
    sig = _SIGNATURE.search(text, q.inner_start, q.end)
    if sig is not None:
        who = sig.group("who")
        cut = re.split(r"\s*[(,]|\s+on\s+|\s+\d", who, maxsplit=1)[0]
        m = mention_from_span(text, sig.start("who"), sig.start("who") + len(cut), side="start")
        if m is not None:
            medium = "social_media" if _HANDLE.search(who) else None
            return QuoteLink(None, "signature", 0.8, m, None, medium)
    p = st.paragraph_at(q.start)
    if p > 0:
        prev_lo, prev_hi = st.paragraphs[p - 1]
        if text[prev_lo:prev_hi].rstrip().endswith(":"):
            cands = [e for e in events if prev_lo <= e.cue[0] < prev_hi and e.speaker]
            if cands:
                e = cands[-1]
                return QuoteLink(e, "before", 0.85, e.speaker, e.outer, e.medium)
    return QuoteLink(None, None, 1.0)


def _link_dash(st: RunState, q: QuoteSpan, link: QuoteLink) -> QuoteLink:
    """'"We will rebuild." — Tomas Varga, mayor' (or '"..."-Tomas Varga', an epigraph's
    hyphen): a dash signature after the quotation."""
    m = _DASH_SIGNATURE.match(st.text, q.end)
    if m is None:
        return link
    sp = mention_from_span(st.text, m.start("who"), m.end("who"), side="start")
    if sp is None or sp.kind != "name":
        return link
    role = m.group("role")
    if role and sp.entity_type == "person" and is_role_phrase(role):
        sp.role = sp.role or plain_role(role)
    return QuoteLink(None, "signature", 0.8, sp, None, None)


def _colon_before(text: str, q: QuoteSpan) -> int | None:
    """Where the colon right before quotation ``q`` is (spaces and tabs between), if any."""
    k = q.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k if k >= 0 and text[k] == ":" else None


def _colon_line_before(st: RunState, q: QuoteSpan) -> int | None:
    """The colon ending the line before quotation ``q`` when ``q`` opens its own line
    ('Lund had harsh words for them:' / '"We are finished."'), if any."""
    text = st.text
    line = text.rfind("\n", 0, q.start) + 1
    if line == 0 or text[line : q.start].strip(" \t>"):
        return None
    k = line - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k if k >= 0 and text[k] == ":" else None


def _tokens_before(st: RunState, colon: int) -> list[Token]:
    """The tokens of the colon's sentence before it."""
    sentence = st.parsed.sentences[st.sentence_at(colon)]
    return [t for t in st.parsed.sentence_tokens(sentence) if t.start < colon]


def _link_colon(st: RunState, q: QuoteSpan, link: QuoteLink) -> QuoteLink:
    """'Lund was blunt: "We are finished."' or the headline 'Anna Berg: "No"'; '...,
    as expressed by Paul Roe in his Handbook: "..."': the agent's words."""
    text = st.text
    colon = _colon_before(text, q)
    own_line = colon is None
    if own_line:
        colon = _colon_line_before(st, q)
    if colon is None:
        return link
    m: Mention | None = None
    if st.ix is not None and st.parsed.sentences:
        before = _tokens_before(st, colon)
        agent = _expressed_by(st, before)
        m = mention_from_token(st.ix, agent) if agent is not None else None
        subjects = [t for t in before if t.dep == "nsubj" and t.pos in ("PROPN", "NOUN")]
        if m is None and subjects and st.parsed.tokens[subjects[0].head].lemma.lower() in _RECEIVE:
            # 'Lund received this reply from Park:': the sender's words, not the subject's
            sender = _sender(st, before, subjects[0].head)
            if sender is None:
                return link
            m = mention_from_token(st.ix, sender)
        elif m is None and subjects:
            m = mention_from_token(st.ix, subjects[0])
    if m is None and not own_line:
        label_start = max(text.rfind("\n", 0, colon) + 1, st.sentence_start(colon))
        if 1 <= len(text[label_start:colon].split()) <= 6:
            m = mention_from_span(text, label_start, colon)
    if m is None or m.kind == "pronoun" or m.rule == "speaker.unknown-noun":
        return link
    return QuoteLink(None, "colon", 0.6, _resolved(st, m), None, None)


#: Verbs whose subject is handed the words a colon then introduces, not their author.
_RECEIVE = frozenset(("receive", "get", "obtain"))


def _sender(st: RunState, before: list[Token], verb: int) -> Token | None:
    """The name or noun after "from" tied to the receiving ``verb`` or to its object
    ("received the following response from Park"), else None."""
    toks = st.parsed.tokens
    for t in before:
        if t.dep != "pobj" or t.pos not in ("PROPN", "NOUN") or t.i < verb:
            continue
        prep = toks[t.head]
        if prep.lower != "from":
            continue
        host = toks[prep.head]
        if prep.head == verb or (host.head == verb and host.dep in ("dobj", "obj")):
            return t
    return None


def _resolved(st: RunState, m: Mention) -> Mention:
    """``m`` with the full name of the person named before it (``Resolver.canonical``)."""
    resolver = Resolver(st.ctx.document.author)
    for k in st.knowns:
        if k.start < m.start:
            resolver.add(k)
    resolver.canonical(m, st.sentence_at(m.start))
    return m


def _agent_before_colon(st: RunState, q: QuoteSpan, link: QuoteLink) -> QuoteLink:
    """'X was repeating the teaching, as expressed by Y in his book: "..."': the words
    after the colon are Y's, not those of the reporting verb's subject before Y."""
    e = link.event
    if e is None or link.how != "before" or st.ix is None or not st.parsed.sentences:
        return link
    colon = _colon_before(st.text, q)
    agent = _expressed_by(st, _tokens_before(st, colon)) if colon is not None else None
    if agent is None or agent.start < e.cue[1]:
        return link
    m = mention_from_token(st.ix, agent)
    if m is None:
        return link
    return QuoteLink(None, "colon", 0.6, _resolved(st, m), None, None)


#: Verbs whose passive agent is the author of the words a colon then introduces ("as
#: expressed by X in his book:", "as put by X:").
_EXPRESSED = frozenset(
    ("express", "state", "put", "write", "set", "phrase", "formulate", "word", "articulate")
)


def _expressed_by(st: RunState, before: list[Token]) -> Token | None:
    """The last name or noun that is the agent of a passive verb of expression in the
    tokens ``before`` a colon, else None."""
    toks = st.parsed.tokens
    found = None
    for t in before:
        if t.dep != "pobj" or t.pos not in ("PROPN", "NOUN"):
            continue
        by = toks[t.head]
        verb = toks[by.head] if by.dep == "agent" else None
        if verb is not None and verb.tag == "VBN" and verb.lemma.lower() in _EXPRESSED:
            found = t
    return found


def _strip_quotes(s: str) -> str:
    return re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]", " ", s)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
