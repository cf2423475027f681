"""Reporting events from the dependency parse: verbs of saying, "according to", hearsay.

:func:`parse_events` finds every verb of saying with its speaker (subject, passive agent
or the inner source of "X quoted Y as saying": :mod:`~unspin.sources.verb_subjects`),
its reported content (the clause, or the object of verbs such as "denied"), the medium
("wrote on Facebook") and an outlet it was told to; "citing" re-assigns the speaker and
"reportedly" marks a sentence with no source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from unspin.nlp import Token
from unspin.sources.according_edges import bracket_scope, contrast_start, source_end
from unspin.sources.alleged import alleged_by
from unspin.sources.asides import aside_subject, source_before_subject, subject_after_dash
from unspin.sources.clause_edges import (
    juxtaposed_subject,
    noun_reading,
    participle_before_noun,
    quoted_clause,
)
from unspin.sources.contents import (
    letting_in,
    next_line_statement,
    reported_content,
    withholding,
)
from unspin.sources.lexicon import (
    CLAUSE_VERBS,
    COMMITMENT_VERBS,
    PARTICLE_VERBS,
    SOCIAL_NOUNS,
    SOURCE_VERB_FORMS,
    SOURCE_VERBS,
    STANDARD_NOUNS,
    VERB_FORMS,
    VERBS,
    VerbInfo,
)
from unspin.sources.mentions import mention_from_token
from unspin.sources.not_speech import (
    INFERENCE_VERBS,
    answered,
    depicted,
    inferred,
    learning,
    undecided,
)
from unspin.sources.parse_index import ParseIndex
from unspin.sources.polls import poll_class
from unspin.sources.relays import relays
from unspin.sources.sayers import (
    can_speak,
    figurative_tell,
    headline_sayer,
    no_sayer,
    outer_sayer,
    participle_sayer,
    with_no_participle,
    writer_idiom,
    writer_voice,
)
from unspin.sources.speakers import Mention
from unspin.sources.state import DETS_BEFORE, Event, RunState
from unspin.sources.unreal import asked, hypothetical, unreal_cues
from unspin.sources.verb_subjects import as_saying_carrier, carrier_roles, verb_subject

__all__ = ["asked", "parse_events", "unreal_cues"]

_PLATFORM_CUE = re.compile(
    r"\b(?:twitter|facebook|instagram|tiktok|telegram|youtube|reddit|linkedin|threads|"
    r"bluesky|mastodon|weibo|wechat|vkontakte|snapchat|whatsapp|social media|"
    r"(?:a|her|his|their|its|the) (?:social[- ]media |online |viral |widely shared )?"
    r"(?:post|tweet|thread|reel)|(?:online|viral|social[- ]media) (?:video|livestream|clip)|"
    r"(?:video|clip|livestream) (?:posted|shared|uploaded|streamed)|"
    r"(?:on|via) (?-i:X)(?![\w-]))\b",
    re.I,
)
_MEDIUM_NOUNS = frozenset(
    {
        "statement",
        "interview",
        "letter",
        "email",
        "press",
        "conference",
        "briefing",
        "speech",
        "post",
        "tweet",
        "video",
        "message",
        "podcast",
        "broadcast",
        "note",
        "memo",
        "filing",
    }
)
#: Indefinite people: in the present tense ("someone claims that ..."), anyone at all.
_ANYONE = frozenset({"someone", "somebody", "anyone", "anybody"})
#: Modifiers that make a "post" a publication's ("a blog post", "a newsletter post").
_PUBLICATION_MODIFIERS = frozenset({"blog", "website", "web", "newsletter", "substack"})
_REFUSALS = frozenset({"decline", "refuse", "fail", "forbid"})
#: Aversions (by form: the tagger's lemma of "hates" may be "hat"): "hates to admit a
#: mistake" tells a habit, not something said.
_AVERSIONS = frozenset(
    """
    hate hates hated dislike dislikes disliked loathe loathes loathed detest detests detested
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def parse_events(st: RunState) -> list[Event]:
    """Every reporting event the dependency parse shows (verbs of saying, "according to")."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    events: list[Event] = []
    by_token: dict[int, Event] = {}
    citing: list[Token] = []
    reportedly: list[Token] = []
    for t in toks:
        low = t.lower
        if low == "according" and t.i + 1 < len(toks) and toks[t.i + 1].lower == "to":
            e = _according_event(st, t)
            if e is not None:
                events.append(e)
            continue
        if low == "citing" and t.tag == "VBG":
            citing.append(t)
            continue
        if low == "reportedly":
            reportedly.append(t)
            continue
        lemma = VERB_FORMS.get(low) or SOURCE_VERB_FORMS.get(low)
        if lemma is None or t.pos != "VERB":
            continue
        e = _verb_event(st, t, lemma)
        if e is not None:
            alleged_by(ix, t, e)  # "a claim, made by X, that she told Y that ...": X's
            events.append(e)
            by_token[t.i] = e
    for t in citing:
        head = by_token.get(t.head)
        objs = ix.kids(t.i, "dobj")
        if head is None or not objs:
            continue
        cited = mention_from_token(ix, objs[0])
        if cited is not None:
            head.outer, head.speaker = head.speaker, cited
            head.construction = "citing"
            head.cues.append("citing")
            if head.content is None and head.info is not None:
                # "reported, citing two officials, that ...": the clause hangs on "citing"
                head.content = reported_content(st, t, head.info, "verb")[0]
    with_verbs = {e.sentence for e in events}
    for t in reportedly:
        s = ix.sentence_of[t.i]
        if s in with_verbs:
            continue
        sent = st.parsed.sentences[s]
        span = st.trim_chars(sent.start, sent.end)
        if span is None:
            continue
        events.append(
            Event(
                (t.start, t.end),
                t.text,
                None,
                None,
                None,
                span,
                "reportedly",
                0.6,
                s,
                (t.start, t.end),
                (sent.start, sent.end),
                cues=[t.text],
            )
        )
    return relays(events)


def _according_event(st: RunState, t: Token) -> Event | None:
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    to = toks[t.i + 1]
    objs = ix.kids(to.i, "pobj")
    if not objs:
        return None
    source = source_before_subject(ix, objs[0], toks[t.head])  # "the Herald, Gov. Lund"
    speaker = mention_from_token(ix, source[0] if source else objs[0])
    if speaker is not None and source is not None and speaker.end > toks[source[1]].end:
        speaker = replace(speaker, end=toks[source[1]].end, role=None)  # no subject as role
    if speaker is not None and no_sayer(st.text, speaker):
        return None  # "according to tradition": a standard followed, not a source
    if objs[0].lemma.lower() in STANDARD_NOUNS:
        return None  # "according to the plan", "according to his notion of mercy": in keeping
    lo = min(ix.subtree(t.i)[0], t.i)
    hi = max(t.i + 1, ix.subtree(to.i)[1])  # not the clause a misparse hangs on "according"
    if source is not None:
        hi = source[1]
    rel = source_end(ix, objs[0]) if source is None else None
    if rel is not None and speaker is not None and speaker.end > toks[rel].end:
        speaker = replace(speaker, end=toks[rel].end)  # "the report, which ...": the report
    s = ix.sentence_of[t.i]
    sent = st.parsed.sentences[s]
    s_lo, s_hi = _in_brackets(st.text, sent.start, sent.end)
    p_start, p_end = toks[lo].start, toks[hi].end
    s_lo, s_hi = bracket_scope(st.text, s_lo, s_hi, p_start, p_end)  # "(a day, according to X)"
    if rel is not None and p_start > s_lo + 1 and _closes_sentence(ix, t, sent.first, sent.last):
        p_end = s_hi  # "..., according to the report, which it says ...": the report's clause
    if (
        s_lo + 1 < p_start
        and p_end < st.trim_end(s_lo, s_hi) - 1
        and st.text[s_lo:p_start].rstrip()[-1:] not in (",", "(", "—", "–", "-")
    ):
        return None  # "love them according to the charter, ...": in keeping with, no source
    if p_start <= s_lo + 1:
        content = st.trim_chars(p_end, s_hi)
    elif p_end >= st.trim_end(s_lo, s_hi) - 1:
        first = contrast_start(ix, toks[t.head], sent.first)  # "..., though only 3% think X"
        content = st.trim_chars(s_lo if first is None else toks[first].start, p_start)
    else:
        content = st.trim_chars(s_lo, s_hi)
    e = Event(
        (t.start, to.end),
        "according to",
        None,
        None,
        speaker,
        content,
        "according-to",
        0.9,
        s,
        (t.start, p_end),
        (sent.start, sent.end),
        token=t.i,
        cues=["according to"],
    )
    return e


def _closes_sentence(ix: ParseIndex, t: Token, first: int, last: int) -> bool:
    """Whether the "according to" phrase at token ``t`` closes its sentence (tokens
    ``[first, last)``): no word after it hangs on the sentence's main verb."""
    toks = ix.parsed.tokens
    root = next((k for k in range(first, last) if toks[k].head == k), None)
    return (
        root is not None
        and root < t.i
        and not any(c.i > t.i and c.dep != "punct" for c in ix.kids(root))
    )


def _in_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence's edges inside the brackets that enclose it whole ("(X knew Y, according
    to court papers.)"): the "according to" phrase ends that sentence, not the bracket."""
    lo, hi = start, end
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if text[hi - 2 : hi] == ").":
        hi -= 1  # "(X knew Y, according to court papers)."
    if hi - lo > 2 and text[lo] == "(" and text[hi - 1] == ")" and ")" not in text[lo + 1 : hi - 1]:
        return lo + 1, hi - 1
    return start, end


def _verb_event(st: RunState, t: Token, lemma: str) -> Event | None:
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    info = VERBS.get(lemma) or SOURCE_VERBS[lemma]
    if t.dep == "amod" or t.tag == "JJ":
        return None
    if (
        t.i > 0
        and toks[t.i - 1].lower in DETS_BEFORE
        and t.tag in ("VBN", "VBD", "JJ")
        and not ix.kids(t.i, "nsubj", "nsubjpass", "ccomp")
    ):
        return None  # "the said property"
    if noun_reading(ix, t) or participle_before_noun(ix, t):
        return None  # "The phone reveal last May was big", "has alleged links to": no verb
    if lemma in PARTICLE_VERBS and not any(
        c.lower == PARTICLE_VERBS[lemma] for c in ix.kids(t.i, "prt")
    ):
        return None
    if ix.kids(t.i, "neg") or asked(st, t) or hypothetical(st, t) or writer_idiom(ix, t):
        return None
    if lemma == "deny" and withholding(ix, t):
        return None  # "denied rights to everyone", "denied him bail": withheld, not disputed
    if answered(st, t) or poll_class(ix, t):
        return None  # "she said no and that was it"; "leads by 6 in 10 voters who say X"
    if learning(st, t, lemma):
        return None  # "met the regulator to find out which ...": sought, not said
    if lemma == "admit" and letting_in(ix, t):
        return None  # "admitted thousands of refugees": let in, not conceded
    if lemma in CLAUSE_VERBS and not quoted_clause(ix, t):
        return None  # "ruled out a run", "ruled that the law ...": no quoted clause, no speech
    if lemma in COMMITMENT_VERBS and not quoted_clause(ix, t, "xcomp"):
        return None  # "promised to act": speech only with a quotation ('promised to "act"')
    if t.dep == "xcomp" and (toks[t.head].lemma in _REFUSALS or toks[t.head].lower in _AVERSIONS):
        return None  # "declined to say", "hates to admit"
    # "X quoted Y as saying": the carrier verb is handled from "saying"
    if lemma in ("quote", "cite") and any(
        p.lower == "as" and ix.kids(p.i, "pcomp") for p in ix.kids(t.i, "prep")
    ):
        return None
    s = ix.sentence_of[t.i]
    cues = [t.text]
    construction = "verb"
    speaker: Mention | None = None
    outer: Mention | None = None
    score = 0.9
    subject_start: int | None = None
    mute = False  # a verb of saying with no sayer: no finding, nor one from the patterns
    carrier = as_saying_carrier(st, t)
    if carrier is not None:
        construction = "as-saying"
        inner_tok, outer_tok = carrier_roles(st, carrier)
        speaker = mention_from_token(ix, inner_tok, cue=t.i) if inner_tok else None
        outer = mention_from_token(ix, outer_tok) if outer_tok is not None else None
        cues = [carrier.text, "as", t.text]
        score = 0.85
    else:
        subj, passive = verb_subject(st, t, 0)
        if t.dep == "conj" and ix.kids(t.i, "auxpass") and not ix.kids(t.i, "nsubjpass"):
            # "X witnessed ... but was asked by Y to ...": X was asked; the agent asks
            subj, passive = None, True
        if subj is None and not passive:
            subj = subject_after_dash(ix, t)  # "As reported in X—a book—Y told Z, ..."
        if passive:
            agents = [o for a in ix.kids(t.i, "agent") for o in ix.kids(a.i, "pobj")]
            if agents:
                speaker = mention_from_token(ix, agents[0], cue=t.i)
            else:
                construction, score = "passive", 0.7
        elif subj is not None:
            subj = juxtaposed_subject(ix, subj, t)  # "a claim Ann's lawyer said ...": the lawyer
            subj = aside_subject(ix, t, subj)  # "whose name, the League wrote, is ..."
            if t.tag == "VBG" and t.dep == "advcl" and not ix.kids(t.i, "nsubj", "nsubjpass"):
                # never "The case involves X, ..., saying": the sayer or nobody
                sayer = outer_sayer(ix, t) or participle_sayer(ix, t, subj)
                mute, subj = sayer is None, sayer or subj
            speaker = headline_sayer(ix, t, subj) or mention_from_token(ix, subj, cue=t.i)
            if speaker is None:
                return None  # "That said, ...", "This says a lot"
            speaker = with_no_participle(ix, subj, speaker)  # "The note, calling for ..., says"
            subj_lo = toks[ix.subtree(subj.i)[0]].start
            if subj.i < t.i and t.start - subj_lo < 200 and not mute:
                subject_start = subj_lo
        else:
            return None
    if speaker is not None and no_sayer(st.text, speaker):
        mute = True  # "This is how one explains that ...", "tradition has declared"
    if speaker is not None and writer_voice(ix, t, speaker, st.top_quote_index(t.start)):
        mute = True  # "I tell you this: ...": the writer asserting, not a source reported
    if (
        speaker is not None
        and (
            speaker.rule == "speaker.generic"
            or st.text[speaker.start : speaker.end].lower() in _ANYONE
        )
        and t.tag in ("VBZ", "VBP")
    ):
        mute = True  # "Any business that tips off X admits that ...": the writer's inference
    if speaker is not None and figurative_tell(ix, t, lemma, speaker):
        mute = True  # "it tells us how power works": what a fact shows, nobody's words
    if depicted(lemma, speaker) or undecided(st, t):
        mute = True  # "The video shows ...", "neither confirming nor denying ..."
    if inferred(st, t, lemma, speaker):
        mute = True  # "..., suggesting that ...": what the fact implies; "a check confirmed"
    if mute or (lemma in INFERENCE_VERBS and not can_speak(speaker)):
        speaker = None  # "The evidence suggests that ...": an inference, nobody's speech
        mute = True
    if info.doc_only and (
        speaker is None
        or speaker.source_type
        not in ("document", "named_organisation", "media_outlet", "government")
    ):
        return None
    quote_only = info.quote_only and not _manner_that_clause(st, t, info)
    content, as_object = (
        (None, False) if quote_only else reported_content(st, t, info, construction)
    )
    if content is None and not quote_only and construction != "passive":
        content = next_line_statement(st, t)
    if as_object and lemma == "deny" and any(c.lower == "will" for c in ix.kids(t.i, "aux")):
        content = None  # "the world will deny its God": a prophecy of rejection, no claim
    if mute:
        content = None
    if as_object and content is not None and _pointer(st, content):
        content = None  # "confirmed the decision": what was confirmed is said elsewhere
    if as_object:
        score = min(score, 0.65)  # "denied the report": a noun phrase, not a proposition
    if construction == "passive" and content is None:
        return None
    lo, hi = ix.subtree(t.i)
    if t.dep == "advcl" and any(c.lower == "as" for c in ix.kids(t.i, "mark")):
        lo, hi = ix.subtree(t.head)  # "As his lawyer told reporters, X had ...": the clause
    reach = (toks[lo].start, toks[hi].end)
    anchor_lo, anchor_hi = t.start, t.end
    if speaker is not None and abs(speaker.start - t.start) < 200:
        anchor_lo, anchor_hi = min(anchor_lo, speaker.start), max(anchor_hi, speaker.end)
    if subject_start is not None:
        anchor_lo = min(anchor_lo, subject_start)
    medium, medium_cue = _medium(st, t)
    e = Event(
        (t.start, t.end),
        t.text,
        lemma,
        info,
        speaker,
        content,
        construction,
        score,
        s,
        (anchor_lo, anchor_hi),
        reach,
        outer=outer,
        medium=medium,
        medium_cue=medium_cue,
        token=t.i,
        quote_only=quote_only,
        cues=cues,
    )
    if outer is None:
        e.outer = _outlet_recipient(st, t)
    if any(c.lower in ("would", "could", "might", "may") for c in ix.kids(t.i, "aux")):
        e.score *= 0.6
    return e


def _manner_that_clause(st: RunState, t: Token, info: VerbInfo) -> bool:
    """A verb of saying in a manner that otherwise attributes only a quotation, with a
    clause opened by "that" after it: "the skipper quipped that the ferry was late"
    reports what was said, as '"...," she quipped' does."""
    assert st.ix is not None
    return info.verb_class == "emotive" and any(
        c.i > t.i and any(m.lower == "that" for m in st.ix.kids(c.i, "mark"))
        for c in st.ix.kids(t.i, "ccomp")
    )


#: Determiners of a noun phrase that points back to what the text said before.
_POINTING = frozenset({"the", "this", "that", "these", "those"})
#: Words opening where or when something was said ("in an interview", "on Friday").
_WHERE_WHEN = frozenset({"in", "at", "during", "via", "through", "today", "yesterday"})
_WHERE_WHEN |= {"earlier", "later", "last", "this", "on"}


def _pointer(st: RunState, content: tuple[int, int]) -> bool:
    """Whether an object ``content`` is only a pointer: a determiner and one noun ("the
    decision", "the find"), no claim of its own to show."""
    words = st.text[content[0] : content[1]].split()
    if len(words) < 2 or words[0].lower() not in _POINTING or not words[1].isalpha():
        return False
    # "the decision in an interview today": where or when it was confirmed, no claim
    return len(words) == 2 or words[2].lower() in _WHERE_WHEN


def _medium(st: RunState, t: Token) -> tuple[str | None, str | None]:
    """ "wrote on Facebook", "in a post", "tweeted": the statement came from social media."""
    assert st.ix is not None
    ix = st.ix
    if VERB_FORMS.get(t.lower) == "tweet":
        return "social_media", t.text
    for p in ix.kids(t.i, "prep"):
        if p.lower not in ("on", "in", "via", "through"):
            continue
        lo, hi = ix.subtree(p.i)
        phrase = st.text[st.parsed.tokens[lo].start : st.parsed.tokens[hi].end]
        m = _PLATFORM_CUE.search(phrase)
        if m:
            return "social_media", phrase
        for o in ix.kids(p.i, "pobj"):
            if any(c.lower in _PUBLICATION_MODIFIERS for c in ix.kids(o.i)):
                return "blog", phrase  # "in a 2012 blog post": a publication, not social media
            if o.lower in SOCIAL_NOUNS and o.lower not in ("comment", "comments", "message"):
                return "social_media", phrase
            if o.lower in _MEDIUM_NOUNS:
                return o.lower, phrase
    return None, None


def _outlet_recipient(st: RunState, t: Token) -> Mention | None:
    """ "told the Daily Harbor newspaper", "in an interview with Kestrel TV": via an outlet."""
    assert st.ix is not None
    ix = st.ix
    objs = list(ix.kids(t.i, "dobj", "dative"))
    for p in ix.kids(t.i, "prep"):
        if p.lower in ("to", "with"):
            objs.extend(ix.kids(p.i, "pobj"))
        if p.lower == "in":
            for o in ix.kids(p.i, "pobj"):
                for p2 in ix.kids(o.i, "prep"):
                    if p2.lower in ("with", "to"):
                        objs.extend(ix.kids(p2.i, "pobj"))
    for o in objs:
        m = mention_from_token(ix, o)
        if m is not None and m.source_type == "media_outlet":
            m.is_subject, m.addressee = False, True
            return m
    return None
