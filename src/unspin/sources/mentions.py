"""Speaker mentions from the dependency parse: who is the subject of "said", and what is it.

:func:`mention_from_token` (over a :class:`~unspin.sources.parse_index.ParseIndex`)
builds the :class:`~unspin.sources.speakers.Mention` headed by a token: a named entity
(with the role around it: "ministry spokeswoman Maria Lund"), a common-noun phrase ("a
senior official", "the ministry's spokeswoman") or a pronoun; a name's mention and its type
come from :func:`~unspin.sources.named_mentions.named_mention`.
"""

from __future__ import annotations

from unspin.nlp import Entity, Parsed, Token
from unspin.sources.apposed_names import apposed_name, role_named
from unspin.sources.lexicon import (
    EVENT_NAME_WORDS,
    MEDIA_MODIFIERS,
    MEDIA_NOUNS,
    OFFICIAL_NOUNS,
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
    TITLE_WORDS,
)
from unspin.sources.named_mentions import IRISH_SCOTTISH
from unspin.sources.national import national_only
from unspin.sources.noun_types import TITLE_ACRONYMS, classify_words, noun_reason, officials_of
from unspin.sources.parse_index import ParseIndex, generic_name, span_text
from unspin.sources.post_marks import (
    in_hashtag,
    is_handle,
    is_web_address,
    past_hashtags,
    past_symbols,
)
from unspin.sources.roles import role_text
from unspin.sources.speakers import (
    COMMON_SOURCE_NOUNS,
    DETS,
    PERSON_HEADS,
    PLURAL_PRONOUN_HEADS,
    Mention,
    gender_of,
    heading_above,
    is_plural,
    line_of,
    strip_the,
)
from unspin.sources.who_relatives import person_before_who

__all__ = ["ParseIndex", "mention_from_token", "span_text"]

#: Source types a handle keeps when the text gives evidence for them (the recogniser's
#: person, a title before it: "FB COO @sandberg"); any other reading of a handle, a guess
#: from one word, makes it the account.
_EVIDENT_TYPES = frozenset({"named_person", "government", "media_outlet"})
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LOC", "LAW", "EVENT"}
)


def mention_from_token(
    ix: ParseIndex, h: Token, *, person_hint: bool = False, cue: int | None = None
) -> Mention | None:
    """The speaker mention headed by token ``h`` (a subject, agent or object of "to");
    ``cue`` is the reporting verb's token, never part of the mention."""
    h = person_before_who(ix, h, cue) or h  # "a student at Westby University who claims"
    m = _mention(ix, h, person_hint, cue)
    if is_handle(h.text) and (m is None or m.source_type not in _EVIDENT_TYPES):
        m = _handle_mention(h)
    if m is not None:
        m.main_subject = h.dep.startswith("nsubj") and ix.parsed.tokens[h.head].dep == "ROOT"
    return m


def _handle_mention(h: Token) -> Mention:
    """An account's handle that speaks itself ("@JaneDoe_99 said"): a social-media source
    named by the handle."""
    return Mention(
        h.start,
        h.end,
        "social_media",
        name=h.text,
        kind="name",
        head_word=h.lower,
        rule="speaker.handle",
        score=0.75,
        is_subject=h.dep.startswith("nsubj"),
        reason="a social-media account's handle",
    )


def _mention(ix: ParseIndex, h: Token, person_hint: bool, cue: int | None) -> Mention | None:
    parsed = ix.parsed
    toks = parsed.tokens
    low = h.lower
    if not any(ch.isalnum() for ch in h.text):
        return None
    if is_web_address(h.text):
        # an address is nobody; "https://... but @DrSmith replied": the name joined to it
        joined = ix.kids(h.i, "conj")
        return (
            mention_from_token(ix, joined[0], person_hint=person_hint, cue=cue) if joined else None
        )
    if cue is not None and _described_claimant(ix, h, cue):
        return None  # "on the testimony of one person claiming ...": no one reported
    if cue is not None and heading_above(parsed.text, h.start, toks[cue].start):
        # a head on a heading line above the verb: the speaker is the phrase on the verb's line
        return _on_cue_line(ix, h, cue, person_hint)
    both = low == "both" and h.pos in ("PRON", "DET") and not ix.kids(h.i, "prep")
    if both and h.dep.startswith("nsubj"):
        # "Party figures - whose ... - both suggested": the noun before is the speaker
        nouns = [c for c in ix.kids(h.head, "nsubj") if c.i < h.i and c.pos in ("NOUN", "PROPN")]
        if nouns:
            return _mention(ix, nouns[-1], person_hint, cue)
    if (low in PRONOUNS and h.pos == "PRON") or (both and h.dep.startswith("nsubj")):
        # "Both claim ...": the two the text has just named, a pronoun, not an unnamed group
        return Mention(
            h.start,
            h.end,
            "unresolved",
            kind="pronoun",
            head_word=low,
            rule="speaker.pronoun",
            plural=low in ("they", "we", "both"),
            is_subject=h.dep.startswith("nsubj"),
            reason=f"pronoun {low}",
        )
    if h.pos in ("PRON", "DET") and low not in PLURAL_PRONOUN_HEADS | {
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "one",
    }:
        return None
    ent = ix.entity_at(h.i)
    if ent is not None and (ent.label not in _NAME_LABELS or ent.text in TITLE_ACRONYMS):
        ent = None  # "the IG": a title, not a name
    if ent is None and (
        (h.pos == "PROPN" and not _common_noun(ix, h) and not _bare_title(toks, h))
        or IRISH_SCOTTISH.fullmatch(h.text)
    ):
        # a proper noun the recogniser missed: take the run of proper nouns around it
        lo = hi = h.i
        sub_lo = ix.subtree(h.i)[0]
        while lo - 1 >= sub_lo and (
            toks[lo - 1].pos == "PROPN"
            or (toks[lo - 1].lower in _NAME_JOINERS and toks[max(lo - 2, 0)].pos == "PROPN")
        ):
            lo -= 1  # "Immigration and Customs Enforcement"
        while hi + 1 < len(toks) and toks[hi + 1].pos == "PROPN" and toks[hi + 1].head == h.i:
            hi += 1
        ent = Entity(toks[lo].start, toks[hi].end, "", span_text(parsed, lo, hi), lo, hi + 1)
    if ent is not None and (first := past_hashtags(toks, ent.first, h.i)) > ent.first:
        # "#BREAKING Officials say": the tag is no part of the name
        ent = None if first >= ent.last else _entity_from(parsed, ent, first)
    if ent is not None and "\n" in ent.text:
        # an entity run across a heading line: keep the part on the head's line
        lo, hi = ix.on_line(h.i, ent.first, ent.last - 1)
        ent = Entity(toks[lo].start, toks[hi].end, ent.label, span_text(parsed, lo, hi), lo, hi + 1)
    sub = ix.on_line(h.i, *ix.subtree(h.i))
    for c in ix.kids(h.i, "poss"):  # "a claim Ann's lawyer said": the phrase starts at the owner
        sub = (max(sub[0], ix.subtree(c.i)[0]), sub[1])
    if cue is not None and sub[0] <= cue <= sub[1]:
        sub = _without_cue(ix, h, sub, cue)
    sub = _past_stray_article(toks, h, sub)  # "a move critics called": critics
    sub = past_symbols(toks, h, sub)  # "🤡🤡 Experts say": the experts
    sub = (past_hashtags(toks, sub[0], h.i), sub[1])  # "#KellFloods officials said"
    if ent is not None:
        return apposed_name(ix, h, ent, sub, person_hint)  # named_mention, titles apart
    return role_named(ix, h, sub) or _noun_mention(ix, h, sub)  # "Erin, Lund's niece"


def _past_stray_article(
    toks: tuple[Token, ...] | list[Token], h: Token, sub: tuple[int, int]
) -> tuple[int, int]:
    """``sub`` without an article and singular nouns the parse hung on a plural head
    ("..., a move critics called 'reckless'": the move is the writer's noun, of a
    relative clause the parse did not see; "a" never goes with "critics")."""
    lo, hi = sub
    first = toks[lo]
    if h.tag not in ("NNS", "NNPS") or first.lower not in ("a", "an") or first.head != h.i:
        return sub
    j = lo + 1
    while j < h.i and toks[j].dep == "compound" and toks[j].tag == "NN":
        j += 1
    return (j, hi) if j > lo + 1 else sub


#: Plural body nouns that stand for officials in general ("authorities said"), no body.
_OFFICIALDOM = frozenset({"authorities"})


#: Determiners of someone described, not reported: "one person", "any neighbour".
_SOMEONE = frozenset({"a", "an", "one", "any", "only", "single", "some"})


def _entity_from(parsed: Parsed, ent: Entity, first: int) -> Entity:
    """``ent`` from its token ``first`` on."""
    toks = parsed.tokens
    text = span_text(parsed, first, ent.last - 1)
    return Entity(toks[first].start, ent.end, ent.label, text, first, ent.last)


def _described_claimant(ix: ParseIndex, h: Token, cue: int) -> bool:
    """ "the testimony of only one person claiming that ...": a participle of saying on
    an indefinite noun after "of" describes what someone might claim (a rule, a
    hypothesis), it reports no one."""
    toks = ix.parsed.tokens
    v = toks[cue]
    if v.dep != "acl" or v.head != h.i or v.tag != "VBG" or h.dep != "pobj":
        return False
    if toks[h.head].lower != "of":
        return False
    return any(c.lower in _SOMEONE for c in ix.kids(h.i) if c.i < h.i)


#: Words inside a proper name of several parts ("Customs and Border Protection").
_NAME_JOINERS = frozenset({"and", "&", "of"})


def _bare_title(toks: tuple[Token, ...] | list[Token], h: Token) -> bool:
    """ "the Pope", "the President": a capitalised title with no name, a role noun."""
    alone = not (h.i > 0 and toks[h.i - 1].pos == "PROPN") and not (
        h.i + 1 < len(toks) and toks[h.i + 1].pos == "PROPN"
    )
    return alone and h.lower in PERSON_HEADS


def _common_noun(ix: ParseIndex, h: Token) -> bool:
    """A capitalised common noun the tagger took for a name ("another Tweet by ..."), also
    among other capitals in a title-case heading ("New Audit Report Says ...")."""
    toks = ix.parsed.tokens
    heading = ix.parsed.sentences[ix.sentence_of[h.i]].block in ("title", "heading")
    alone = heading or not (h.i > 0 and toks[h.i - 1].pos == "PROPN")
    alone = alone and (heading or not (h.i + 1 < len(toks) and toks[h.i + 1].pos == "PROPN"))
    return alone and h.lower in COMMON_SOURCE_NOUNS


def _on_cue_line(ix: ParseIndex, h: Token, cue: int, person_hint: bool) -> Mention | None:
    """The mention headed by the top token of ``h``'s subtree on the line of ``cue``."""
    text = ix.parsed.text
    toks = ix.parsed.tokens
    line = line_of(text, toks[cue].start)
    lo, hi = ix.subtree(h.i)
    on_line = [
        t
        for t in toks[lo : hi + 1]
        if line_of(text, t.start) == line and t.pos in ("NOUN", "PROPN", "PRON") and t.i != cue
    ]
    inside = {t.i for t in on_line}
    top = next((t for t in on_line if t.head not in inside), None)
    if top is None or top.i == h.i:
        return None
    return mention_from_token(ix, top, person_hint=person_hint, cue=cue)


def _without_cue(ix: ParseIndex, h: Token, sub: tuple[int, int], cue: int) -> tuple[int, int]:
    """``sub`` without the dependent of ``h`` that holds the reporting verb ``cue``
    ("officials who said ...": the clause is not part of the speaker)."""
    lo, hi = sub
    for c in ix.kids(h.i):
        c_lo, c_hi = ix.subtree(c.i)
        if c_lo <= cue <= c_hi:
            if c.i > h.i:
                hi = min(hi, c_lo - 1)
            else:
                lo = max(lo, c_hi + 1)
    return lo, max(lo, hi)


_RELATIVE = ("which", "whom", "whose")  # a speaker starts after one: "some of which X say"
#: Nouns for someone's words: "remarks from X" are X's.
_SPEECH_NOUNS = frozenset(
    {"remarks", "remark", "comments", "comment", "words", "testimony", "quotes", "quote"}
)


def _noun_mention(ix: ParseIndex, h: Token, sub: tuple[int, int]) -> Mention | None:
    parsed = ix.parsed
    toks = parsed.tokens
    lo, hi = sub
    if hi - lo > 24:  # a very long phrase: keep the head and what precedes it
        hi = h.i
        for c in ix.kids(h.i, "prep", "amod", "acl", "relcl"):
            if c.i > h.i:
                hi = max(hi, min(ix.subtree(c.i)[1], h.i + 18))
    trimmed = ix.trimmed(ix.past_headline_verb(lo, h.i), hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    dash = next((t.i for t in toks[h.i + 1 : hi + 1] if t.text in ("—", "–", "--")), None)
    hi = hi if dash is None else dash - 1  # "figures — whose party ... —": an aside
    while lo < h.i and toks[lo].dep == "advmod" and toks[lo].head == h.i:
        lo += 1  # "Even the attorney": the adverb is not part of the speaker
    if hi > h.i and toks[hi].lower in _CUT_ENDS and toks[hi].tag != "POS":
        return None  # "No specifics except to [say]": a phrase cut mid-way, no speaker
    if toks[hi].lower in ("other", "another") and toks[hi].pos == "ADJ":
        return None  # "many other [states]": the parse lost the noun
    if h.lower in _SPEECH_NOUNS:  # "according to remarks from a senior official": the official
        for o in (
            o
            for p in ix.kids(h.i, "prep")
            if p.lower in ("from", "by")
            for o in ix.kids(p.i, "pobj")
        ):
            said = mention_from_token(ix, o)
            if said is not None:
                return said
    rel = [t.i + 1 for t in toks[lo:hi] if t.lower in _RELATIVE]  # "some of which X say"
    if rel and rel[-1] <= h.i:
        lo = rel[-1]
    elif rel and h.pos in ("PRON", "DET") and toks[h.i + 1].lower == "of":
        lo = rel[-1]  # the parser made "some" the subject: the speaker is the noun after
        h = next((t for t in reversed(toks[lo : hi + 1]) if t.pos in ("NOUN", "PROPN")), h)
    words = [t.text for t in toks[lo : hi + 1]]
    # the owner: "the ministry's spokeswoman", "a spokesman for the Fisheries Authority"
    owner: Mention | None = None
    for c in ix.kids(h.i, "poss"):
        owner = _owner(ix, c)
    if owner is None:
        for p in ix.kids(h.i, "prep"):
            if p.lower in ("for", "of", "at", "from", "with", "by", "in"):
                for o in ix.kids(p.i, "pobj"):
                    owner = _owner(ix, o)
            if owner is not None:
                break
    if owner is None and h.lower in OFFICIAL_NOUNS | REPRESENTATIVE_NOUNS:
        # "Pentagon officials", "a Justice Department spokesperson"
        props = [c for c in ix.kids(h.i, "compound", "nmod") if c.i < h.i and c.pos == "PROPN"]
        props = [c for c in props if not in_hashtag(toks, c.i)]  # "#KellFloods officials"
        before = _name_before(ix, lo, h)
        before = None if before is None or in_hashtag(toks, before.i) else before
        if not props and before is not None:
            props, lo = [before], before.i  # the parser cut the name off
            words = [t.text for t in toks[lo : hi + 1]]
        owner = _owner(ix, props[-1]) if props else None
    # "the chairwoman, Ingrid Holm,": the name in apposition is the speaker (also after an
    # "of" phrase: "the foreign secretary of Norvia, Ida Lind")
    of_names = [
        (a, ix.subtree(a.i)[0] - 1)
        for p in ix.kids(h.i, "prep")
        if p.lower == "of" and h.lower in PERSON_HEADS
        for o in ix.kids(p.i, "pobj")
        for a in ix.kids(o.i, "appos")
        if (e := ix.entity_at(a.i)) is not None and e.label == "PERSON"
    ]
    appos = [(c, ix.subtree(c.i)[0] - 1) for c in ix.kids(h.i, "appos") if c.i > h.i]
    for c, role_hi in appos + of_names:
        ent = ix.entity_at(c.i)
        personal = h.lower in PERSON_HEADS
        if (ent is not None and (ent.label == "PERSON" or personal)) or (
            c.pos == "PROPN" and ent is None
        ):
            named = mention_from_token(ix, c, person_hint=personal)
            if named is not None and named.kind == "name":
                role_lo = lo
                while role_lo < h.i and toks[role_lo].lower in DETS:
                    role_lo += 1
                head_role = role_text(span_text(parsed, role_lo, max(role_lo, role_hi)))
                named.role = _joined_roles(head_role, named.role)
                named.gender = named.gender or gender_of(words)
                named.is_subject = h.dep.startswith("nsubj")
                return named
    compounds = [c for c in ix.kids(h.i, "compound") if c.i < h.i]
    media_mod = any(c.lower in MEDIA_MODIFIERS for c in compounds)
    head = h.lower if h.pos != "PROPN" else h.lemma.lower()
    source_type, rule, score, cues = classify_words(words, head)
    if rule == "speaker.thing":
        return None  # "an administrative error revealed ...": no one speaks
    if media_mod and head in MEDIA_NOUNS | {"agency", "service", "site", "website", "outlet"}:
        source_type, rule, score, cues = "media_outlet", "speaker.media-outlet", 0.8, [head]
    if (
        head in _OFFICIALDOM
        and owner is None
        and toks[lo].lower not in DETS
        and not any(t.pos == "PROPN" or ix.entity_at(t.i) is not None for t in toks[lo : hi + 1])
    ):
        # "who authorities said was armed", "local authorities said": officials nobody
        # names, no body of that name
        source_type, rule, score, cues = "anonymous", "speaker.unnamed-person", 0.6, [head]
    elif head in _OFFICIALDOM and owner is None and national_only(ix, lo, h.i):
        # "Peruvian authorities say": a country's officials, a government left unnamed
        source_type, rule, score, cues = "government", "speaker.government", 0.65, [head]
    reason = noun_reason(rule, cues)
    if rule == "speaker.government" and head in _OFFICIALDOM:
        reason = "a country's authorities: its government, left unnamed"
    name: str | None = None
    role: str | None = None
    entity_type: str | None = None
    affiliation: str | None = None
    if (
        h.lower in EVENT_NAME_WORDS
        and h.text[:1].isupper()
        and any(t.text[:1].isupper() and t.lower not in DETS for t in toks[lo : h.i])
    ):
        # "Founders' Day, the gathering, said": an event's name the tagger took for nouns
        hi, source_type, rule, score, cues = h.i, "named_organisation", "speaker.event", 0.6, []
        entity_type = "organisation"
        name = " ".join(strip_the(span_text(parsed, lo, h.i).split()))
        reason = f"an event's name ({h.lower}), spoken for by its organisers"
    elif source_type == "anonymous" and rule == "speaker.anonymous":
        if owner is not None and owner.name:
            affiliation = owner.name
    elif head in REPRESENTATIVE_NOUNS and owner is not None and owner.name:
        # a spokesperson speaks for the organisation (or person) they represent
        source_type, rule = owner.source_type, "speaker.representative"
        name, entity_type, role, score = owner.name, owner.entity_type, h.text, 0.8
        cues = [h.text]
        reason = f"{h.text} for {owner.name}" + (f" ({owner.reason})" if owner.reason else "")
    elif (officials := officials_of(owner, h.lower, words)) is not None:
        # "ICE officials said": the organisation speaks through its officers
        source_type, rule, reason = officials
        assert owner is not None
        name, entity_type, score, cues = owner.name, owner.entity_type, 0.8, [h.text]
        kept = [c.text for c in ix.kids(h.i, "amod") if c.i < h.i] + [h.text]
        role = " ".join(kept).lower()  # "senior Pentagon officials": "senior officials"
    elif source_type in ("document", "social_media") and owner is not None and owner.name:
        affiliation = owner.name
        name = f"{owner.name}’s {h.lower}"  # "Saucier’s lawsuit", not Saucier typed a document
    elif source_type == "media_outlet":
        ents = [ix.entity_at(c.i) for c in compounds] + [
            ix.entity_at(c.i) for c in ix.kids(h.i, "appos")
        ]
        ent = next((e for e in ents if e is not None), None)
        proper = [c for c in toks[lo : h.i] if c.pos == "PROPN"]
        if ent is not None:
            name, entity_type = " ".join(strip_the(ent.text.split())), "outlet"
            score = 0.85
        elif proper:  # "the Kestrel Wire news agency"
            name, entity_type = span_text(parsed, proper[0].i, proper[-1].i), "outlet"
            score = 0.8
    elif source_type == "anonymous" and owner is not None and owner.name:
        affiliation = owner.name
        if owner.kind == "name":  # "a Pentagon official": unnamed, of a named body
            reason = f"{reason}, of {owner.name}"
    elif source_type == "named_organisation" and rule == "speaker.organisation":
        entity_type = "organisation"
        name = generic_name(toks[lo : hi + 1], h)
    elif rule == "speaker.acronym":
        entity_type, name = "organisation", cues[0]
    elif source_type in ("government", "group"):
        entity_type = source_type
        name = None if head in _OFFICIALDOM else generic_name(toks[lo : hi + 1], h)
    pointing = toks[lo].lower in ("the", "this", "that", "these", "those")
    definite = pointing or any(c.dep == "poss" for c in ix.kids(h.i))
    gender = gender_of(words)
    if source_type == "anonymous" and rule == "speaker.unnamed-person":
        # an unnamed "senior official": keep the description as the role, not as a name
        described = [t for t in toks[lo : hi + 1] if t.dep not in ("det", "nummod", "punct")]
        if len(described) >= 2 or (described and head in TITLE_WORDS):
            role = role_text(span_text(parsed, described[0].i, described[-1].i))
    m = Mention(
        toks[lo].start,
        toks[hi].end,
        source_type,
        name=name,
        role=role,
        kind="noun",
        entity_type=entity_type,
        cues=cues,
        score=score,
        rule=rule,
        gender=gender,
        plural=is_plural(h.text),
        is_subject=h.dep.startswith("nsubj"),
        head_word=head,
        affiliation=affiliation,
        definite=definite,
        pointing=pointing,
        reason=reason,
    )
    called = _called(ix, h) if pointing and source_type == "anonymous" else None
    if called is not None:
        # "remember Lund as the student politician who told ...": Lund
        m.name, m.source_type, m.entity_type = called.text, "named_person", "person"
        m.resolved_from, m.antecedent = "alias", (called.start, called.end)
        m.rule, m.score = "speaker.role-alias", min(m.score, 0.65)
        m.reason = f'the same clause calls {called.text} "{span_text(parsed, lo, hi)}"'
    return m


def _called(ix: ParseIndex, h: Token) -> Entity | None:
    """The person a clause names as what ``h`` describes: "remember Lund as the [h]",
    "Lund is the [h]"; None when it names no one there."""
    toks = ix.parsed.tokens
    if h.dep == "pobj" and toks[h.head].lower == "as":
        verb = toks[toks[h.head].head]
        named = ix.kids(verb.i, "dobj", "nsubjpass")
    elif h.dep == "attr" and toks[h.head].lemma == "be":
        named = ix.kids(h.head, "nsubj")
    else:
        return None
    for t in named:
        ent = ix.entity_at(t.i)
        if t.pos == "PROPN" and ent is not None and ent.label == "PERSON":
            return ent
    return None


#: Last words of a phrase cut before its end ("No specifics except to [say]").
_CUT_ENDS = frozenset({"to", "except", "but", "than", "of", "for", "and", "or", "with"})

#: Dependencies a proper noun right before "officials" has when the parser cut it off
#: the phrase ("KVX officials told": "KVX" an interjection of the verb).
_CUT_OFF = frozenset({"intj", "npadvmod", "dep", "nmod", "compound"})


def _name_before(ix: ParseIndex, lo: int, h: Token) -> Token | None:
    """The proper noun right before the phrase starting at ``lo`` (headed by ``h``) that
    the parser attached elsewhere though it modifies ``h``: a one-word name on the same
    line, attached to ``h``'s head or to ``h``."""
    toks = ix.parsed.tokens
    if lo != h.i or lo == 0:
        return None  # only a bare head ("officials told"), nothing of its own before it
    t = toks[lo - 1]
    if t.pos != "PROPN" or t.dep not in _CUT_OFF or t.head not in (h.i, h.head):
        return None
    if ix.kids(t.i) or "\n" in ix.parsed.text[t.end : h.start]:
        return None
    return t


def _joined_roles(*roles: str | None) -> str | None:
    """Roles joined with "; ", each part once: a part inside another is left out ("the
    chairwoman, Ingrid Holm,": "chairwoman" from the head noun and from the apposition)."""
    parts = [p.strip() for r in roles if r for p in r.split(";") if p.strip()]
    kept = [
        p
        for k, p in enumerate(parts)
        if not any(
            p.lower() in q.lower() and (p != q or j < k) for j, q in enumerate(parts) if j != k
        )
    ]
    return "; ".join(kept) or None


def _owner(ix: ParseIndex, t: Token) -> Mention | None:
    if t.pos == "PRON":
        return None
    m = mention_from_token(ix, t)
    if m is None or m.kind == "pronoun":
        return None
    if m.name is None and m.source_type == "named_organisation":
        m.name = generic_name(ix.parsed.tokens[ix.subtree(t.i)[0] : t.i + 1], t)
    return m


# ----------------------------------------------------------------------------------------
