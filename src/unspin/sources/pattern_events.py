"""Reporting events from patterns over words, for text with no dependency parse.

:func:`pattern_events` finds verbs of saying with the speaker before them ("Maria Lund
said"), after a quotation ('"...," said Lund, the mayor') and "according to" phrases; with
a parse it is run again to rescue quotations next to a speaker the parse did not see.
"""

from __future__ import annotations

import re

from unspin.sources.as_put import as_puts_it
from unspin.sources.lexicon import PARTICLE_VERBS, SOURCE_VERBS, VERB_FORMS, VERBS
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.roles import is_role_phrase
from unspin.sources.speakers import COMMON_SOURCE_NOUNS, Mention
from unspin.sources.state import DETS_BEFORE, LAST_WORD, WORDS, Event, RunState, plain_role

__all__ = ["pattern_events"]

_VERB_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, VERB_FORMS), key=len, reverse=True)) + r")\b",
    re.I,
)
_ACCORDING_RE = re.compile(
    r"\baccording to\s+(?P<who>[^,.;:!?\"“”]{2,90}?)(?=\s*(?:[,.;:!?]|$))", re.I
)
_AFTER_QUOTE = re.compile(r"[\"”»’'],?\s*$")
_AUX = r"(?:(?:has|have|had|also|later|then|again|previously|repeatedly|once)\s+)*"
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[\s,;:(—–-])(?P<who>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)|"
    r"(?:[A-Z][\w’'.-]*\s+)*(?:of\s+(?:the\s+)?)?(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*|"
    r"(?:(?:[Aa]n?|[Tt]he|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Oo]ther)\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?[\w’'-]+)"
    r"(?:,(?P<appos>[^,\"“”]{1,90}),)?\s+" + _AUX + r"$"
)
_QUOTE_NEXT = re.compile(r"\s*[:,]?\s*[\"“«‘']")
_THAT_AHEAD = re.compile(r"[^,;:\"“”.!?]{0,60}?\bthat\s+")
_PREP_NEXT = re.compile(
    r"\s+(?:of|about|on|in|at|to|during|after|before|with|for|from|by|as|again|later|"
    r"yesterday|today|tonight|last|this|earlier|nothing|so|no)\b",
    re.I,
)
_INVERTED_SUBJECT = re.compile(
    r"\s+(?P<who>(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b|"
    r"(?:(?:[a-z]+\s+){0,3}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))"
    r"(?:,\s*(?P<role>[^,.;\"“”]{2,80}))?"
)
_DEFINES = re.compile(
    r"(?P<who>\b(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,4})[ \t]+"
    r"(?P<verb>defines|defined)\b(?=[^.!?\n\"“]{1,80}?\bas\b[^.!?\n\"“]{0,20}[\"“])"
)
_QUOTE_AHEAD = re.compile(r"[^.!?\"“«]{0,80}?[:,]?\s*[\"“«‘']")


#: Prepositions and conjunctions before a gerund ("after posting", "while saying"): the
#: word before the verb is no speaker.
_LINKERS = frozenset(
    """
    after before while since upon by without despite when then and or but for with
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def pattern_events(st: RunState, quote_links_only: bool = False) -> list[Event]:
    """Reporting events found by patterns (only those next to a quotation with
    ``quote_links_only``)."""
    events: list[Event] = []
    text = st.text
    for m in _VERB_RE.finditer(text):
        low = m.group(0).lower()
        lemma = VERB_FORMS.get(low)
        if lemma is None:
            continue
        e = _regex_verb_event(st, m.start(), m.end(), lemma, quote_links_only)
        if e is not None:
            events.append(e)
    for m in _DEFINES.finditer(text):
        e = _definition(st, m)
        if e is not None:
            events.append(e)
    events.extend(as_puts_it(st))
    if not quote_links_only:
        for m in _ACCORDING_RE.finditer(text):
            e = _regex_according(st, m)
            if e is not None:
                events.append(e)
    return events


def _regex_verb_event(
    st: RunState, vs: int, ve: int, lemma: str, quote_links_only: bool
) -> Event | None:
    text = st.text
    info = VERBS[lemma]
    if info.doc_only or lemma in PARTICLE_VERBS:
        return None
    s = st.sentence_at(vs)
    sent_start = st.parsed.sentences[s].start if st.parsed.sentences else 0
    sent_end = st.parsed.sentences[s].end if st.parsed.sentences else len(text)
    before = text[max(sent_start, vs - 160) : vs]
    prev_word = LAST_WORD.search(before)
    if prev_word and prev_word.group(1).lower() in DETS_BEFORE:
        return None
    speaker: Mention | None = None
    after_quote = _AFTER_QUOTE.search(before)
    if after_quote is not None:
        # inverted: '"...," said Maria Lund, the mayor of Westby'
        inv = _INVERTED_SUBJECT.match(text, ve)
        if inv:
            speaker = mention_from_span(text, inv.start("who"), inv.end("who"), side="start")
            role = inv.group("role")
            if (
                speaker is not None
                and role
                and speaker.entity_type == "person"
                and is_role_phrase(role)
            ):
                speaker.role = speaker.role or plain_role(role)
    else:
        seg_start = vs - len(before)
        for q in st.top_quotes:
            if q.start >= vs:
                break
            if q.end <= vs:
                seg_start = max(seg_start, q.end)
        sm = _SUBJECT_BEFORE.search(text[seg_start:vs])
        if sm:
            w0, w1 = seg_start + sm.start("who"), seg_start + sm.end("who")
            speaker = mention_from_span(text, w0, w1)
            if sm.group("appos"):
                a0, a1 = seg_start + sm.start("appos"), seg_start + sm.end("appos")
                other = mention_from_span(text, a0, a1)
                speaker = _merge_appos(speaker, other, sm.group("who"), sm.group("appos"))
            if speaker is not None and speaker.rule == "speaker.unknown-noun":
                speaker = None
            if speaker is not None and text[speaker.start : speaker.end].lower() in _LINKERS:
                speaker = None  # "suspended ... after posting ...": a preposition, nobody
            if speaker is not None and _holds_cue_verb(text[speaker.start : speaker.end]):
                speaker = None  # "people who say ... argue": a speaker never holds a cue verb
    if speaker is None:
        return None
    if quote_links_only:
        # only used to rescue quotations adjacent to a speaker the parse did not see
        near_quote = after_quote is not None or _QUOTE_AHEAD.match(text, ve)
        if not near_quote:
            return None
    content: tuple[int, int] | None = None
    rest = text[ve:sent_end]
    if (
        not info.quote_only
        and not quote_links_only
        and after_quote is None
        and not _QUOTE_NEXT.match(rest)
        and not rest.startswith(",")
    ):
        that = _THAT_AHEAD.match(rest)
        if that:
            content = st.trim_chars(ve + that.end(), sent_end)
        elif lemma != "tell" and not _PREP_NEXT.match(rest):
            content = st.trim_chars(ve, sent_end)
        if content is None and not rest.strip(" .!?\n"):
            # "The reform failed, the Valley Gazette reported."
            lead = text[sent_start : speaker.start].rstrip()
            if lead.endswith(","):
                content = st.trim_chars(sent_start, sent_start + len(lead) - 1)
    anchor = (min(speaker.start, vs), max(speaker.end, ve))
    return Event(
        (vs, ve),
        text[vs:ve],
        lemma,
        info,
        speaker,
        content,
        "verb",
        0.75,
        s,
        anchor,
        (sent_start, sent_end),
        quote_only=info.quote_only,
        cues=[text[vs:ve]],
    )


def _definition(st: RunState, m: re.Match[str]) -> Event | None:
    """'Merriam-Webster defines gaslighting as "..."': a reference work quoted for a
    definition (whatever the tagger made of "defines")."""
    speaker = mention_from_span(st.text, m.start("who"), m.end("who"))
    if speaker is None or speaker.source_type != "document":
        return None
    s = st.sentence_at(m.start())
    sent = st.parsed.sentences[s] if st.parsed.sentences else None
    reach = (sent.start, sent.end) if sent else (0, len(st.text))
    return Event(
        (m.start("verb"), m.end("verb")),
        m.group("verb"),
        "define",
        SOURCE_VERBS["define"],
        speaker,
        None,
        "verb",
        0.75,
        s,
        (speaker.start, m.end("verb")),
        reach,
        quote_only=True,
        cues=[m.group("verb")],
    )


def _holds_cue_verb(phrase: str) -> bool:
    """True when a reporting verb stands inside ``phrase`` (not its last word, not a noun
    such as "report")."""
    words = [w.lower() for w in WORDS.findall(phrase)][:-1]
    return any(w in VERB_FORMS and w not in COMMON_SOURCE_NOUNS for w in words)


def _regex_according(st: RunState, m: re.Match[str]) -> Event | None:
    text = st.text
    speaker = mention_from_span(text, m.start("who"), m.end("who"), side="start")
    s = st.sentence_at(m.start())
    sent = st.parsed.sentences[s] if st.parsed.sentences else None
    sent_start, sent_end = (sent.start, sent.end) if sent else (0, len(text))
    if m.start() <= sent_start + 1:
        content = st.trim_chars(m.end(), sent_end)
    else:
        content = st.trim_chars(sent_start, m.start())
    return Event(
        (m.start(), m.start() + len("according to")),
        "according to",
        None,
        None,
        speaker,
        content,
        "according-to",
        0.8,
        s,
        (m.start(), m.end()),
        (sent_start, sent_end),
        cues=["according to"],
    )


def _merge_appos(
    speaker: Mention | None, other: Mention | None, who: str, appos: str
) -> Mention | None:
    """ "the chairwoman, Ingrid Holm," / "Ingrid Holm, the chairwoman,": name plus role."""
    if other is not None and other.kind == "name" and (speaker is None or speaker.kind != "name"):
        if other.entity_type == "person" and is_role_phrase(who):
            other.role = other.role or plain_role(who)
        if speaker is not None:
            other.start = min(other.start, speaker.start)
        return other
    if (
        speaker is not None
        and speaker.kind == "name"
        and not speaker.role
        and speaker.entity_type == "person"
        and is_role_phrase(appos)
    ):
        speaker.role = plain_role(appos)
    return speaker
