"""The findings of the sources analyzer: quotations, reported speech and their speakers.

:func:`quote_finding` turns a linked quotation into a ``quote`` finding (or counts it as a
scare quote, or drops a quoted title); :func:`attribution_finding` turns a reporting
event's content into an ``attribution`` finding; both link to the ``speaker`` finding
that :func:`speaker_finding` makes once per mention.
"""

from __future__ import annotations

import re

from unspin.model import JSON, Explanation, Finding, Relation
from unspin.nlp import Token
from unspin.sources.lexicon import SCARE_PREFIXES
from unspin.sources.linking import QuoteLink, opens_sentence
from unspin.sources.noun_types import noun_reason
from unspin.sources.post_marks import before_emoji_tail
from unspin.sources.quote_titles import case_words, not_words
from unspin.sources.quotes import QuoteSpan
from unspin.sources.speakers import TYPE_WORDS, Mention
from unspin.sources.state import DETS_BEFORE, LAST_WORD, TERMINATOR, WORDS, Event, RunState

__all__ = [
    "AS_WORD",
    "NAMED_AS",
    "attribution_finding",
    "quote_finding",
    "shown_role",
    "speaker_finding",
]

_SENT_BREAK = re.compile(r"[.!?]\s+(?=[\"'“‘«]?[A-Z])")
#: A work named right before a quotation: what follows is its title ("the book "...,"").
_TITLE_BEFORE = re.compile(
    r"\b(?:book|novel|article|story|headline|film|movie|song|album|report|essay|column|"
    r"op-ed|piece|poem|series|documentary|paper|study|titled|entitled|headlined|concerning|"
    r"(?:author|co-?author|writer|editor|director|producer|composer) of)[,:]?\s*$",
    re.IGNORECASE,
)
#: A passive naming phrase right before a few quoted words ('had been called the',
#: 'known as', 'dubbed'): the words are a name given to something, nobody's statement.
NAMED_AS = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being)\s+(?:(?:often|widely|commonly|also|now|"
    r"sometimes)\s+)?(?:called|dubbed|termed|nicknamed|labell?ed|branded)|known\s+as|"
    r"referred\s+to\s+as)\s+(?P<det>the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
#: "as" in such a phrase ("known as"): what follows is a name, even without an article.
AS_WORD = re.compile(r"\bas\b", re.IGNORECASE)
#: A participle clause right after a closing mark (', citing a case').
_PARTICIPLE_AFTER = re.compile(r"[\s,]*[a-z]+ing\b")
#: The agent after a passive ('was called a "liar" by her rivals': their word).
_BY_AGENT = re.compile(r"\s*by\b", re.IGNORECASE)
#: A clause before a colon that proposes words rather than reports them ("a simpler
#: question to ask would be this:", "one might reply:").
_HYPOTHETICAL_INTRO = re.compile(
    r"\b(?:would|could|might|should)\b[^.!?:\n]{0,40}:\s*$", re.IGNORECASE
)
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
#: The most words of a quoted title after a word naming a work ("the book ... entitled").
_LONG_TITLE = 24
#: The most words of a quoted phrase with no speaker and no verb read as a term.
_MAX_TERM_WORDS = 8
#: How quoted words modify the noun after them ('"green zone" laws').
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
#: Pronouns standing for a thing, not for someone whose words a fragment could be.
_THING_PRONOUNS = frozenset({"it", "this", "that"})
#: Marks that are never an apostrophe ("Lee’s" holds one; a cut headline "A ‘B" another).
_QUOTE_CHARS = frozenset('"“”‘«»')
#: One stressed function word ('"only"', '"not"') is emphasis, not a partial quotation.
_FUNCTION_POS = frozenset({"ADV", "ADP", "DET", "PRON", "PART", "CCONJ", "SCONJ", "AUX"})

_STYLE_WORDS = {
    "straight-double": "straight double quotation marks",
    "curly-double": "curly double quotation marks",
    "low-double": "low-high double quotation marks",
    "guillemets": "guillemets",
    "straight-single": "straight single quotation marks",
    "curly-single": "curly single quotation marks",
    "low-single": "low-high single quotation marks",
    "block": "a block quote",
}


def shown_role(st: RunState, m: Mention | None) -> str | None:
    """The role a finding shows for ``m``: none for an unnamed speaker whose role is only
    its own words again ("his lawyer" is no role of "his lawyer"; a role comes from an
    apposition or a title). A pronoun keeps the role of the source it stands for, a bare
    title ("Pope admits ...") its title."""
    if m is None or not m.role:
        return None
    if m.name is None and m.kind != "pronoun" and m.rule != "speaker.title-unresolved":
        own = {w.lower() for w in WORDS.findall(st.text[m.start : m.end])}
        if {w.lower() for w in WORDS.findall(m.role)} <= own:
            return None
    return m.role


def speaker_finding(st: RunState, m: Mention) -> Finding:
    """The ``speaker`` finding of mention ``m``, made once per mention and source type."""
    _one_line(st.text, m)
    key = (m.start, m.end, m.source_type)
    found = st.speaker_findings.get(key)
    if found is not None:
        return found
    attributes: dict[str, JSON] = {
        "name": m.name,
        "role": shown_role(st, m),
        "resolved_from": m.resolved_from,
        "antecedent_start": m.antecedent[0] if m.antecedent else None,
        "antecedent_end": m.antecedent[1] if m.antecedent else None,
        "entity_type": m.entity_type,
        "affiliation": m.affiliation,
    }
    mention_text = st.text[m.start : m.end]
    reason = m.reason or noun_reason(m.rule, m.cues)
    attributes["type_reason"] = reason or None
    if m.kind == "pronoun":
        if m.source_type == "unresolved":
            detail = f'The pronoun "{mention_text}" is unresolved: {reason}.'
        else:
            who = m.name or (f'the unnamed source "{m.role}"' if m.role else "an unnamed source")
            detail = f'The pronoun "{mention_text}" is read as {who} ({reason}).'
    elif m.resolved_from == "alias" and m.name:
        when = "later" if m.antecedent and m.antecedent[0] > m.start else "earlier"
        detail = f'"{mention_text}" is read as {m.name}, named {when} in the text ({reason}).'
    else:
        detail = f'"{mention_text}" is {TYPE_WORDS[m.source_type]}'
        detail += f" ({reason})" if reason else ""
        role = shown_role(st, m)
        detail += f"; role: {role}." if role else "."
    cues = tuple(dict.fromkeys([*(c for c in m.cues if c)]))
    f = st.a.finding(
        st.ctx,
        m.start,
        m.end,
        kind="speaker",
        label=m.source_type,
        score=m.score,
        explanation=Explanation(rule=m.rule, cues=cues, detail=detail, model=st.model),
        attributes=attributes,
    )
    st.speaker_findings[key] = f
    return f


def _one_line(text: str, m: Mention) -> None:
    """A speaker span never runs across a line break: keep its last non-empty line."""
    span = text[m.start : m.end]
    if "\n" not in span:
        return
    offset = m.start
    for line in span.split("\n"):
        if line.strip():
            lo = offset + len(line) - len(line.lstrip())
            hi = offset + len(line.rstrip())
            m.start, m.end = lo, hi
        offset += len(line) + 1


def quote_finding(
    st: RunState, q: QuoteSpan, link: QuoteLink, done: dict[int, Finding]
) -> Finding | None:
    """The ``quote`` finding of ``q``; ``None`` for a title, a scare quote or an empty one."""
    text = st.text
    inner = text[q.inner_start : q.inner_end]
    words = WORDS.findall(inner)
    if not words:
        return None
    shortness = _shortness(st, q, inner, words, link.how)
    speaker, outer = link.speaker, link.outer
    e = link.event
    if e is not None and e.construction == "citing" and outer is not None and speaker is e.speaker:
        # '"...," wrote Ann Lund, citing aides': the quoted words are the writer's own
        # text; those she cites are her sources, not the speakers of her sentences
        speaker, outer = outer, None
    if shortness == "short" and _said_clause(st, q, e):
        shortness = None  # 'said "we are closed" and left': a clause said whole, no fragment
    frag_flag = False
    frag_cap = 1.0
    if shortness == "short":
        if link.how in ("before", "contained") and speaker is not None:
            # a partial quotation woven into the writer's sentence
            frag_flag = True
            # past a doubled opening mark ("a ''classroom''" read as 'classroom')
            prev = LAST_WORD.search(st.text[max(0, q.start - 30) : q.start].rstrip("'‘\"“"))
            weak = prev is not None and prev.group(1).lower() in DETS_BEFORE | _POSSESSIVES
            frag_cap = 0.45 if weak else 0.6
        elif link.how != "after":
            shortness = "drop"
    if shortness == "title":
        return None  # a quoted title ("Northern Lights") is not a quotation
    if shortness == "drop" or (shortness == "short" and _names_a_kind(st, q, link.how)):
        st.scare_quotes += 1
        return None
    # the speaker's own type: a person who tweets stays a person (``medium`` says where)
    source_type = speaker.source_type if speaker is not None else "unattributed"
    # a quotation re-opened at each of its paragraphs follows the convention of one: its
    # marks are no apostrophes, and one that stops at a paragraph's last sentence that the
    # next paragraph (a caption, the writer's) did not re-open lost its closing mark there
    several = q.paragraphs > 1
    base = 0.95 if q.closed or (several and inner.rstrip()[-1:] in ".!?…") else 0.45
    if q.style in ("straight-single", "curly-single") and not several:
        base -= 0.07
    if q.is_block:
        base = 0.85
    if speaker is not None:
        score = base * link.factor * (0.55 + 0.45 * speaker.score)
    elif link.how == "nested":
        score = base * 0.5
    else:
        score = base * 0.75
    score = min(score, frag_cap)
    options = st.a.options
    # a quotation inside another with no speaker of its own (a hypothetical "[who will
    # say] '...'" in an interviewee's words) adds nothing the outer quotation does not show
    unheard = link.how == "nested" and speaker is None
    too_weak = frag_flag and (score < options.min_quote_score or _doubtful_fragment(st, q, speaker))
    if (too_weak or unheard or _unsourced(st, q, link, words)) and not options.all_candidates:
        st.weak_quotes += 1
        return None
    verb = e.lemma if e is not None and link.how in ("after", "before", "contained") else None
    info = e.info if verb is not None and e is not None else None
    relations: list[Relation] = []
    if speaker is not None:
        relations.append(Relation("speaker", speaker_finding(st, speaker).id))
    if outer is not None and outer is not speaker and not outer.addressee:
        relations.append(Relation("quoted_by", speaker_finding(st, outer).id))
    elif link.how == "nested" and q.parent is not None and q.parent in done:
        relations.append(Relation("quoted_by", done[q.parent].id))
    multi = q.paragraphs > 1 or bool(_SENT_BREAK.search(inner.strip()))
    attributes: dict[str, JSON] = {
        "style": q.style,
        "speaker": speaker.name if speaker is not None else None,
        "role": shown_role(st, speaker),
        "source_type": source_type,
        "verb": verb,
        "stance": info.stance if info is not None else None,
        "verb_class": info.verb_class if info is not None else None,
        "multi_sentence": multi,
        "paragraphs": q.paragraphs,
        "closed": q.closed,
        "fragment": frag_flag,
        "nested": q.parent is not None,
        "speaker_link": link.how,
        "medium": link.medium,
        "via": outer.name if outer is not None else None,
    }
    cues = [q.open_mark + q.close_mark]
    if e is not None and verb is not None:
        cues.extend(e.cues)
    if speaker is not None and speaker.kind == "pronoun":
        cues.append(text[speaker.start : speaker.end])
    who = (
        f"attributed to {speaker.name or text[speaker.start : speaker.end]}"
        if speaker is not None
        else "with no identifiable speaker"
    )
    how = {
        "after": "named right after it",
        "before": "named right before it",
        "contained": "the subject of the reporting verb around it",
        "continuation": "carried over from the previous quotation in the paragraph",
        "previous-paragraph": "carried over from the previous paragraph",
        "colon": "the subject of the clause introducing it, or the agent of its verb of expression",
        "signature": "signed at the end of the block",
        "nested": "inside another quotation",
    }.get(link.how or "", "")
    detail = f"Direct quotation in {_STYLE_WORDS.get(q.style, q.style)} {who}"
    detail += f" ({how})." if how and speaker is not None else "."
    if speaker is not None and speaker.kind == "pronoun" and speaker.reason:
        detail += f" Speaker: {speaker.reason}."
    if verb is not None and info is not None and info.stance == "loaded":
        detail += (
            f' The reporting verb "{e.cue_text if e else verb}" is loaded ({info.verb_class}).'
        )
    return st.a.finding(
        st.ctx,
        q.start,
        q.end,
        kind="quote",
        label=source_type,
        score=score,
        explanation=Explanation(
            rule=f"quote.{q.style}", cues=tuple(cues), detail=detail, model=st.model
        ),
        attributes=attributes,
        relations=relations,
    )


def _shortness(
    st: RunState, q: QuoteSpan, inner: str, words: list[str], how: str | None
) -> str | None:
    """``None``: a full quotation; ``"title"``; ``"drop"``: a scare quote; else ``"short"``.

    A title-case phrase is a title ("Northern Lights"), also with the comma that American
    style puts inside the marks ('his book "The Long Night," published ...'), unless a
    speaker is named right after it ('"We Will Win," she said'); see also :func:`not_words`."""
    words = case_words(st, q, words)  # a line in capitals: no title case
    if not_words(st, q, inner, words, how):
        return "title"
    if q.is_block:
        return None
    named_as = NAMED_AS.search(st.text[max(0, q.start - 40) : q.start])
    naming = named_as is not None and (
        named_as.group("det") or AS_WORD.search(named_as.group(0)) or words[0][:1].isupper()
    )  # 'was called "unfair"' is an unnamed judge's word, 'was called the "Spring Week"' a name
    if naming and len(words) <= st.max_scare and not _BY_AGENT.match(st.text, q.end):
        return "drop"  # 'what had been called the "Spring Week"': a name, nobody's words
    end = inner.rstrip()
    named = _TITLE_BEFORE.search(st.text[max(0, q.start - 30) : q.start]) is not None
    if _is_title(words, inner) and (
        not end.endswith((",", ".", "!", "?")) or (end.endswith(",") and how != "after") or named
    ):
        return "title"
    if named and _is_title(words, end.rstrip(".!?"), _LONG_TITLE):
        return "title"  # 'the book I wrote entitled "Keep the Farm: Why We Stay."'
    if how is None and _is_term(st, q, inner, words):
        return "drop"
    if len(words) > st.max_scare:
        return None
    stripped = inner.strip()
    # a complete utterance: "No." / "Never again!"; not one word woven into the sentence
    # whose period is the sentence's ('violence against "Zionists."')
    opens = not st.text[max(0, q.start - 2) : q.start].strip(" \t:")[-1:].isalnum()
    utterance = bool(stripped) and stripped[-1] in ".!?…" and stripped[0].isupper()
    if utterance and (len(words) > 1 or opens):
        return None
    if stripped[-1:] in (".", "!", "?", "…") and _own_clause(st, q):
        return None  # 'said "we are closed."': a whole sentence of the speaker's, lowercase
    before = st.text[max(0, q.start - 40) : q.start].lower().rstrip()
    if any(before.endswith(prefix) for prefix in SCARE_PREFIXES):
        return "drop"
    return "short"


def _own_clause(st: RunState, q: QuoteSpan) -> bool:
    """The quotation holds a clause of its own: a subject and the verb it hangs on both
    inside the marks ("we are closed"), not a word or a phrase of the writer's sentence."""
    inside = {t.i for t in _inner_words(st, q)}
    toks = st.parsed.tokens
    return st.has_parse and any(
        toks[i].dep in ("nsubj", "nsubjpass") and toks[i].head in inside and toks[i].head != i
        for i in inside
    )


def _said_clause(st: RunState, q: QuoteSpan, e: Event | None) -> bool:
    """The quotation opens right after its verb of saying and holds a clause of its own
    ('she said "we are closed" and left'): the words said, not a few woven into the
    writer's sentence."""
    if e is None or e.token is None or not st.has_parse:
        return False
    verb = st.parsed.tokens[e.token]
    return (
        verb.end <= q.start and not st.text[verb.end : q.start].strip(" ,:") and _own_clause(st, q)
    )


def _is_term(st: RunState, q: QuoteSpan, inner: str, words: list[str]) -> bool:
    """A few quoted words no speaker is tied to, with no verb and not opening a sentence of
    their own: a term, a name or a standard the writer names ('an order known as an
    "emergency rent decree"', 'shown by "a balance of likelihoods"'), not someone's words."""
    if not st.has_parse or len(words) > _MAX_TERM_WORDS:
        return False
    stripped = inner.strip()
    if stripped[:1].isupper() and stripped[-1:] in ".!?…":
        return False  # a sentence of its own: "Never again!"
    if opens_sentence(st, q):
        return False  # opening the sentence: words set out, not a term inside it
    return not _has_verb(st, q.inner_start, q.inner_end)


def _names_a_kind(st: RunState, q: QuoteSpan, how: str | None) -> bool:
    """Quoted words that modify the noun right after the closing mark ('passing "green
    zone" laws', 'the "clear proof" standard'): a term naming a kind of thing; unless a
    verb of saying governs them right before ('Lund promised to add "mental health"
    rules'): its speaker may have used them."""
    if not st.has_parse or how == "before":
        return False
    toks = st.parsed.tokens
    inside = _inner_words(st, q)
    idx = {t.i for t in inside}
    roots = [t for t in inside if t.head not in idx]
    if len(roots) != 1 or roots[0].dep not in _MODIFIER_DEPS:
        return False
    head = toks[roots[0].head]
    return (
        head.pos in ("NOUN", "PROPN")
        and head.start >= q.end
        and not st.text[q.end : head.start].strip()
    )


def _doubtful_fragment(st: RunState, q: QuoteSpan, speaker: Mention | None) -> bool:
    """A partial quotation not worth showing: its speaker is an unresolved third-person
    pronoun or no source at all ('It just says he was "tired."'), an unresolved
    description, a pronoun standing for a thing, a span holding a quotation
    mark (a piece of a headline), or it is one function word the writer stresses ('the
    fines "only" apply'). A word woven into the sentence is the writer's own, or a term,
    unless a source the text names took it up."""
    if speaker is None or speaker.source_type == "unattributed":
        return True
    if speaker.source_type == "unresolved" and speaker.kind != "pronoun":
        return True  # "As the modern world turned, it seemed "out of step"": no one's words
    thing = speaker.kind == "pronoun" and speaker.head_word.lower() in _THING_PRONOUNS
    if thing or _QUOTE_CHARS & set(st.text[speaker.start : speaker.end]):
        return True  # "It suggests "immunity."", a speaker cut out of a quoted headline
    if speaker.kind == "pronoun" and speaker.source_type == "unresolved":
        return speaker.head_word not in _FIRST_PERSON  # "I called it ...": the writer
    if not st.has_parse:
        return False
    inside = _inner_words(st, q)
    return len(inside) == 1 and inside[0].pos in _FUNCTION_POS


def _inner_words(st: RunState, q: QuoteSpan) -> list[Token]:
    """The tokens inside the quotation marks, punctuation left out."""
    return [t for t in st.parsed.tokens_in(q.inner_start, q.inner_end) if t.pos != "PUNCT"]


def _unsourced(st: RunState, q: QuoteSpan, link: QuoteLink, words: list[str]) -> bool:
    """A quotation tied to nobody that opens a line inside a paragraph of lines, or one
    holding only another quotation and that one's reporting clause ("'Or, Ann, wait,'
    Lund replied."): a passage quoted from a text (a report, a column) whose source the
    writer gives in its own words. "No source" would be a guess; the quotation is not
    shown by default. A quotation that is a paragraph of its own (an epigraph) stays. So is
    one after a colon whose clause proposes words nobody said ('A simpler question would
    be this: "..."')."""
    if link.how == "passage":
        return True
    if link.speaker is not None or link.how is not None or q.is_block or len(words) <= 3:
        return False
    if _HYPOTHETICAL_INTRO.search(st.text[st.sentence_start(q.start) : q.start]):
        return True  # 'A better question would be this: "..."': words nobody said
    line = st.text.rfind("\n", 0, q.start) + 1
    if st.text[line : q.start].strip(" \t>"):
        return False
    # a line of a block of lines, not a paragraph of its own (an epigraph, a pull quote)
    lo, hi = st.paragraphs[st.paragraph_at(q.start)] if st.paragraphs else (0, len(st.text))
    return "\n" in st.text[lo:hi].strip()


def _has_verb(st: RunState, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` holds a verb (a clause, not a bare noun
    phrase)."""
    return any(t.pos in ("VERB", "AUX") for t in st.parsed.tokens_in(start, end))


def attribution_finding(st: RunState, e: Event, links: dict[int, QuoteLink]) -> Finding | None:
    """The ``attribution`` finding of event ``e``'s content, unless a quotation carries it."""
    if e.content is None:
        return None
    text = st.text
    c0, c1 = e.content
    c1 = before_emoji_tail(text, c0, c1)  # "by Friday 🌊🌊 #WakeUp": the poster's reaction
    clen = max(1, c1 - c0)
    if e.in_quote is not None:
        parent = st.quote_index(e.in_quote)
        carriers = [q for q in st.quotes if q.parent == parent]
    else:
        carriers = st.top_quotes
    for q in carriers:
        if q.end <= c0:
            continue
        if q.start >= c1:
            break
        inter = min(q.end, c1) - max(q.start, c0)
        if inter >= 0.8 * clen:
            return None  # the quotation itself carries it
        if q.start <= c0 <= q.inner_start + 1 and _PARTICIPLE_AFTER.match(text, q.end, c1):
            return None  # 'argue that “X," citing a case': the quotation is what they argue
    speaker = e.speaker
    if speaker is None and not _has_verb(st, c0, c1):
        return None  # "refute such a declaration": no source, no clause, nothing reported
    outer = e.outer
    score = e.score
    if e.in_quote is not None:
        # reported speech inside a quotation: only a named inner speaker is kept
        if speaker is None or speaker.kind != "name":
            return None
        link = links.get(st.quote_index(e.in_quote))
        outer = link.speaker if link is not None else None
        score = min(score, 0.6)
    if speaker is not None:
        score *= 0.55 + 0.45 * speaker.score
    # the speaker's own type: a person who tweets stays a person (``medium`` says where)
    source_type = speaker.source_type if speaker is not None else "unattributed"
    info = e.info
    relations: list[Relation] = []
    if speaker is not None:
        relations.append(Relation("speaker", speaker_finding(st, speaker).id))
    if outer is not None and outer is not speaker and not outer.addressee:
        # an outlet spoken to ("told Kestrel News") carries the words; it says nothing
        relations.append(Relation("quoted_by", speaker_finding(st, outer).id))
    content = text[c0:c1]
    attributes: dict[str, JSON] = {
        "style": "indirect",
        "construction": e.construction,
        "speaker": speaker.name if speaker is not None else None,
        "role": shown_role(st, speaker),
        "source_type": source_type,
        "verb": e.lemma,
        "stance": info.stance if info is not None else None,
        "verb_class": info.verb_class if info is not None else None,
        "multi_sentence": bool(_SENT_BREAK.search(content)),
        "medium": e.medium,
        "via": outer.name if outer is not None else None,
        "pieces": [[a, b] for a, b in e.pieces] if e.pieces else None,
    }
    who = (
        speaker.name or text[speaker.start : speaker.end]
        if speaker is not None
        else "nobody in particular"
    )
    detail = {
        "according-to": f'Reported content attributed with "according to" to {who}.',
        "as-saying": f"Hearsay: {who} as quoted by "
        f"{outer.name if outer is not None and outer.name else 'another source'}.",
        "passive": f'Reported with an impersonal passive ("{e.cue_text}"): no source is given.',
        "reportedly": 'Marked "reportedly" with no source given.',
        "citing": f"Reported content citing {who}.",
    }.get(e.construction, f'Reported speech attributed to {who} ("{e.cue_text}").')
    if speaker is not None and speaker.kind == "pronoun" and speaker.reason:
        detail += f" Speaker: {speaker.reason}."
    if info is not None and info.stance == "loaded":
        detail += f' The reporting verb "{e.cue_text}" is loaded ({info.verb_class}).'
    rule = "attribution.in-quote" if e.in_quote is not None else f"attribution.{e.construction}"
    if not st.has_parse:
        rule += ".pattern"
    return st.a.finding(
        st.ctx,
        c0,
        c1,
        kind="attribution",
        label=source_type,
        score=score,
        explanation=Explanation(rule=rule, cues=tuple(e.cues), detail=detail, model=st.model),
        attributes=attributes,
        relations=relations,
    )


def _is_title(words: list[str], inner: str, most: int = 8) -> bool:
    """ "Northern Lights" / "The Long Night": a title in quotes, not a quotation."""
    if len(words) < 2 or len(words) > most or TERMINATOR.search(inner.strip()[-1:] or ""):
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or", "by"}
    small |= {"about", "from", "into", "over", "under", "against", "between", "without"}
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words) and (
        words[0][:1].isupper()
    )
