"""Speaker mentions from the dependency parse: who is the subject of "said", and what is it.

:func:`mention_from_token` (over a :class:`~unspin.sources.parse_index.ParseIndex`)
builds the :class:`~unspin.sources.speakers.Mention` headed by a token: a named entity
(with the role around it: "ministry spokeswoman Maria Lund"), a common-noun phrase ("a
senior official", "the ministry's spokeswoman") or a pronoun.
"""

from __future__ import annotations

import re

from unspin.nlp import Entity, Token
from unspin.sources.lexicon import (
    EVENT_NAME_WORDS,
    HONORIFICS,
    MEDIA_MODIFIERS,
    MEDIA_NOUNS,
    OFFICIAL_NOUNS,
    ORG_NAME_WORDS,
    OUTLET_WORDS,
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
    TITLE_WORDS,
)
from unspin.sources.parse_index import ParseIndex, generic_name, span_text
from unspin.sources.roles import is_role_phrase, role_head, role_organisation, role_text
from unspin.sources.speakers import (
    COMMON_SOURCE_NOUNS,
    DETS,
    PERSON_HEADS,
    PLURAL_PRONOUN_HEADS,
    TITLE_ACRONYMS,
    TITLE_HONORIFICS,
    Mention,
    classify_words,
    event_name_cue,
    gender_of,
    government_name_cue,
    group_name_cue,
    heading_above,
    is_plural,
    line_of,
    noun_reason,
    officials_of,
    org_name_cue,
    outlet_name_cue,
    platform_name,
    reference_name_cue,
    split_person_name,
    strip_the,
)
from unspin.sources.titles import premodifier_role

__all__ = ["ParseIndex", "mention_from_token", "span_text"]

_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LOC", "LAW", "EVENT"}
)
_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})


def mention_from_token(
    ix: ParseIndex, h: Token, *, person_hint: bool = False, cue: int | None = None
) -> Mention | None:
    """The speaker mention headed by token ``h`` (a subject, agent or object of "to");
    ``cue`` is the reporting verb's token, never part of the mention."""
    m = _mention(ix, h, person_hint, cue)
    if m is not None:
        m.main_subject = h.dep.startswith("nsubj") and ix.parsed.tokens[h.head].dep == "ROOT"
    return m


def _mention(ix: ParseIndex, h: Token, person_hint: bool, cue: int | None) -> Mention | None:
    parsed = ix.parsed
    toks = parsed.tokens
    low = h.lower
    if not any(ch.isalnum() for ch in h.text):
        return None
    if cue is not None and heading_above(parsed.text, h.start, toks[cue].start):
        # a head on a heading line above the verb: the speaker is the phrase on the verb's line
        return _on_cue_line(ix, h, cue, person_hint)
    if low in PRONOUNS and h.pos == "PRON":
        return Mention(
            h.start,
            h.end,
            "unresolved",
            kind="pronoun",
            head_word=low,
            rule="speaker.pronoun",
            plural=low in ("they", "we"),
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
        or _IRISH_SCOTTISH.fullmatch(h.text)
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
    if ent is not None and "\n" in ent.text:
        # an entity run across a heading line: keep the part on the head's line
        lo, hi = ix.on_line(h.i, ent.first, ent.last - 1)
        ent = Entity(toks[lo].start, toks[hi].end, ent.label, span_text(parsed, lo, hi), lo, hi + 1)
    sub = ix.on_line(h.i, *ix.subtree(h.i))
    for c in ix.kids(h.i, "poss"):  # "a claim Ann's lawyer said": the phrase starts at the owner
        sub = (max(sub[0], ix.subtree(c.i)[0]), sub[1])
    if cue is not None and sub[0] <= cue <= sub[1]:
        sub = _without_cue(ix, h, sub, cue)
    if ent is not None:
        return _named_mention(ix, h, ent, sub, person_hint)
    return _noun_mention(ix, h, sub)


#: Surnames the tagger often takes for common nouns ("O’Gorman", "D'Souza", "McKay").
_IRISH_SCOTTISH = re.compile(r"(?:[A-Z][a-z]?[’'][A-Z]|Ma?c[A-Z])[a-z]+(?:-[A-Z][a-z]+)?")


#: Words inside a proper name of several parts ("Customs and Border Protection").
_NAME_JOINERS = frozenset({"and", "&", "of"})


def _bare_title(toks: tuple[Token, ...] | list[Token], h: Token) -> bool:
    """ "the Pope", "the President": a capitalised title with no name, a role noun."""
    alone = not (h.i > 0 and toks[h.i - 1].pos == "PROPN") and not (
        h.i + 1 < len(toks) and toks[h.i + 1].pos == "PROPN"
    )
    return alone and h.lower in PERSON_HEADS


_ORGANISATION = ("named_organisation", "organisation", "speaker.organisation")


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


def _named_mention(
    ix: ParseIndex, h: Token, ent: Entity, sub: tuple[int, int], person_hint: bool
) -> Mention:
    parsed = ix.parsed
    toks = parsed.tokens
    ent = ix.with_first_name(ent)  # "Ana" + PERSON "Pell": a first name the tagger left out
    words = ent.text.split()
    # left modifiers outside the entity: "ministry spokeswoman Maria Lund"
    role_left, evaluative = "", False
    honorific_gender: str | None = None
    anchor_lo = ent.first
    lo = ix.hyphen_joined(sub[0], sub[0])[0]  # "Co-founder Ines Varga"
    if lo < ent.first:
        left = [t for t in toks[lo : ent.first] if t.dep not in ("punct",)]
        glued = {t.i for t in left if t.i + 1 < ent.first and ix.hyphen_joined(t.i, t.i)[1] > t.i}
        while left and (left[0].lower in DETS or left[0].dep in ("det", "poss", "case")):
            left = left[1:]
        honorific = [t for t in left if t.lower in HONORIFICS and t.lower not in TITLE_HONORIFICS]
        if honorific:
            honorific_gender = HONORIFICS[honorific[-1].lower] or None
            person_hint = True
        left_role = [t for t in left if t not in honorific]
        if left and all(
            t.dep in ("compound", "amod", "nmod", "poss", "case", "nummod")
            or t.i in glued
            or t.i - 1 in glued
            for t in left
        ):
            left_text = span_text(parsed, left_role[0].i, left_role[-1].i) if left_role else ""
            proper = bool(left_role) and all(t.pos == "PROPN" for t in left_role)
            plural = left_role[-1].tag in ("NNS", "NNPS") if left_role else False
            if (
                left_text
                and not plural  # "told reporters Bacon": not Bacon's role
                and (left_role[-1].pos in ("NOUN", "PROPN") or is_role_phrase(left_text))
            ):
                role_left = left_text
                evaluative = not premodifier_role(left_role)  # "Islamic apologist H. R. Castell"
                person_hint = person_hint or left_role[-1].lower in PERSON_HEADS
            if role_left or proper or not left_role:
                anchor_lo = left[0].i
    role_right = ""
    label = ent.label
    acronym_of: str | None = None
    name_heads = {ent.first + k for k in range(ent.last - ent.first)} | {h.i}
    for j in name_heads:
        for c in ix.kids(j, "appos"):
            a_lo, a_hi = ix.trimmed(*ix.on_line(c.i, *ix.hyphen_joined(*ix.subtree(c.i)))) or (
                c.i,
                c.i,
            )
            if a_lo == a_hi and (toks[a_lo].pos in ("NUM", "PROPN") or toks[a_lo].text.isupper()):
                if toks[a_lo].text.isupper() and toks[a_lo].text.isalpha() and label != "PERSON":
                    acronym_of = toks[a_lo].text  # "the Authority (NFA)": an organisation
                continue  # "Lund, 54," / "the Authority (NFA)": an age or an acronym
            if is_role_phrase(span_text(parsed, a_lo, a_hi)):
                role_right = span_text(parsed, a_lo, a_hi)
            break
    outlet_cue = outlet_name_cue(words)
    org_cue = org_name_cue(strip_the(words)) or acronym_of
    if org_cue is None and label != "PERSON" and "and" in words[1:-1]:
        org_cue = "and"  # a name of two parts joined by "and" is no person's
    # a media noun right after the name: "the Daily Harbor newspaper"
    if h.i >= ent.last and h.lower in MEDIA_NOUNS:
        outlet_cue = outlet_cue or h.lower
    for c in ix.kids(h.i, "appos", "compound"):
        if c.lower in MEDIA_NOUNS and (c.lower not in ("agency", "press") or role_right):
            outlet_cue = outlet_cue or c.lower
    if role_right and outlet_cue is None:
        role_words = role_right.lower().split()
        if (
            role_words
            and role_words[-1] in MEDIA_NOUNS
            and (
                role_words[-1] not in ("agency", "press", "media", "journal")
                or set(role_words) & MEDIA_MODIFIERS
            )
        ):
            outlet_cue = role_words[-1]
    cues: list[str] = []
    gender: str | None = None
    bare = strip_the(words)
    name_words = bare
    reference = reference_name_cue(words)
    government = government_name_cue(words)
    group = group_name_cue(words)
    platform = platform_name(words)
    event = "EVENT" if label == "EVENT" else event_name_cue(words, label == "PERSON")
    _, own_titles, own_gender = split_person_name(words)
    if org_cue is None:
        # "St. Thomas Aquinas", "O’Malley": a saint or an Irish surname, though NER says ORG
        saint = len(bare) >= 2 and bare[0].lower() in ("st.", "st", "saint") and label != "GPE"
        irish = [w for w in words if w.lower() not in DETS]  # not "McDonald’s"
        person_hint = person_hint or saint or bool(_IRISH_SCOTTISH.fullmatch(" ".join(irish)))
    # "Justice Ministry", "Interior Ministry": a title word inside an institution's name
    institution = bool(bare) and bare[-1].lower() in ORG_NAME_WORDS
    person_hint = (
        person_hint
        or (bool(own_titles) and not institution)
        or own_gender is not None
        or (len(bare) == 1 and bare[0].lower() in TITLE_WORDS | set(HONORIFICS))
        or (bool(role_right) and org_cue is None and role_head(role_right) in PERSON_HEADS)
    )
    the_before = not role_left and (
        (ent.first > 0 and toks[ent.first - 1].lower == "the") or words[0].lower() == "the"
    )
    ner = f"NER {label}" if label else ""
    role_org = role_organisation(role_right)
    if reference is not None and not (label == "PERSON" and person_hint):
        source_type, entity_type, rule = "document", "document", "speaker.document"
        reason, score = f"lexicon: reference work ({reference})", 0.85
        cues.append(reference)
    elif (outlet_cue is not None and label != "PERSON") or (outlet_cue in OUTLET_WORDS):
        source_type, entity_type, rule = "media_outlet", "outlet", "speaker.media-outlet"
        reason, score = f"lexicon: outlet ({outlet_cue})", 0.85
        cues.append(outlet_cue or "")
    elif role_org is not None and not person_hint:
        # "Americo, the life insurance company, said": the apposition says what it is
        source_type, entity_type, rule = _ORGANISATION
        reason, score = f"apposition: {role_right}", 0.85
        cues.append(role_org)
    elif event is not None and label != "GPE" and not person_hint:
        # "Founders' Day said": an event is no person; its organisers speak for it
        source_type, entity_type, rule = "named_organisation", "organisation", "speaker.event"
        reason, score = f"an event's name ({event}), spoken for by its organisers", 0.6
        cues.append(event)
    elif government is not None and not person_hint:
        source_type, entity_type, rule = "government", "government", "speaker.government"
        reason, score = f"lexicon: government ({government})", 0.85
        cues.append(government)
    elif label == "GPE" and not person_hint:
        source_type, entity_type, rule = "government", "government", "speaker.government"
        reason, score = "NER GPE (a country, state or city speaks through its government)", 0.8
    elif ((label == "NORP" and org_cue is None) or group is not None) and not person_hint:
        source_type, entity_type, rule = "group", "group", "speaker.group"
        reason = f"lexicon: political group ({group})" if group else "NER NORP (a group of people)"
        score = 0.75
    elif label in ("WORK_OF_ART", "LAW") and not person_hint:
        source_type, entity_type, rule = "document", "document", "speaker.document"
        reason, score = f"NER {label}", 0.75
    elif platform is not None and not person_hint:
        source_type, entity_type, rule = _ORGANISATION
        reason, score = f"lexicon: platform ({platform}), a company", 0.75
    elif (
        (label in _ORG_LABELS and not (person_hint and outlet_cue is None))
        or org_cue
        or (label in ("", "PERSON", "PRODUCT") and the_before and not person_hint)
    ):
        source_type, entity_type, rule = _ORGANISATION
        score = 0.85 if label in _ORG_LABELS else 0.7
        if org_cue:
            cues.append(org_cue)
            reason = f"organisation word in the name ({org_cue})"
        elif label in _ORG_LABELS:
            reason = ner
        else:
            reason = '"the" before a name: not a person'
            score = 0.6
    else:
        name_words, titles, gender = split_person_name(words)
        if titles:
            role_left = " ".join([role_left, *titles]).strip()
        source_type, entity_type, rule = "named_person", "person", "speaker.named-person"
        score = 0.9 if label == "PERSON" else 0.75 if person_hint else 0.6
        if label == "PERSON":
            reason = ner
        elif person_hint:
            reason = "a title or honorific before the name or a role in apposition"
        else:
            reason = "proper noun with no entity label, taken as a person"
    if entity_type != "person":
        # only a person (or a body in apposition: "Acme, a drone maker") has a role; proper
        # nouns before the name are part of it ("Oxford" + "English Dictionary")
        if anchor_lo < ent.first and all(t.pos == "PROPN" for t in toks[anchor_lo : ent.first]):
            name_words = strip_the(span_text(parsed, anchor_lo, ent.last - 1).split())
        role_left = ""
        if entity_type == "document":
            role_right = ""
    gender = gender or honorific_gender or gender_of((role_left + " " + role_right).split())
    if role_left and not role_right and entity_type == "person":
        gender = gender or gender_of(role_left.split())
    role_left = "" if evaluative else role_left  # a description of the name, no role
    role = "; ".join(r for r in (role_text(role_left), role_text(role_right)) if r) or None
    start = toks[anchor_lo].start
    end = toks[ent.last - 1].end
    if h.i >= ent.last and entity_type == "outlet":
        end = h.end  # "the Daily Harbor newspaper"
    affiliation: str | None = None
    if entity_type == "person":
        # "Peter Vasko of the Norvian Fisheries Authority"
        for p in ix.kids(h.i, "prep"):
            if p.lower in ("of", "from", "at", "with"):
                for o in ix.kids(p.i, "pobj"):
                    org = ix.entity_at(o.i)
                    if org is not None and org.label in _ORG_LABELS - {"GPE", "LOC"}:
                        affiliation = " ".join(strip_the(org.text.split()))
    return Mention(
        start,
        end,
        source_type,
        name=" ".join(name_words) or ent.text,
        role=role,
        kind="name",
        entity_type=entity_type,
        cues=cues,
        score=score,
        rule=rule,
        gender=gender,
        is_subject=h.dep.startswith("nsubj"),
        head_word=h.lower,
        affiliation=affiliation,
        plural=entity_type == "group",
        reason=reason,
    )


_RELATIVE = ("which", "whom", "whose")  # a speaker starts after one: "some of which X say"
#: Nouns for someone's words: "remarks from X" are X's.
_SPEECH_NOUNS = frozenset({"remarks", "comments", "words", "testimony", "quotes"})


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
    while lo < h.i and toks[lo].dep == "advmod" and toks[lo].head == h.i:
        lo += 1  # "Even the attorney": the adverb is not part of the speaker
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
    if owner is None and h.lower in OFFICIAL_NOUNS:  # "Pentagon officials", "ICE officials"
        props = [c for c in ix.kids(h.i, "compound", "nmod") if c.i < h.i and c.pos == "PROPN"]
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
                named.role = "; ".join(r for r in (head_role, named.role) if r) or None
                named.gender = named.gender or gender_of(words)
                named.is_subject = h.dep.startswith("nsubj")
                return named
    compounds = [c for c in ix.kids(h.i, "compound") if c.i < h.i]
    media_mod = any(c.lower in MEDIA_MODIFIERS for c in compounds)
    head = h.lower if h.pos != "PROPN" else h.lemma.lower()
    source_type, rule, score, cues = classify_words(words, head)
    if media_mod and head in MEDIA_NOUNS | {"agency", "service", "site", "website", "outlet"}:
        source_type, rule, score, cues = "media_outlet", "speaker.media-outlet", 0.8, [head]
    reason = noun_reason(rule, cues)
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
        name = generic_name(toks[lo : hi + 1], h)
    pointing = toks[lo].lower in ("the", "this", "that", "these", "those")
    definite = pointing or any(c.dep == "poss" for c in ix.kids(h.i))
    gender = gender_of(words)
    if source_type == "anonymous" and rule == "speaker.unnamed-person":
        # an unnamed "senior official": keep the description as the role, not as a name
        described = [t for t in toks[lo : hi + 1] if t.dep not in ("det", "nummod", "punct")]
        if len(described) >= 2 or (described and head in TITLE_WORDS):
            role = role_text(span_text(parsed, described[0].i, described[-1].i))
    return Mention(
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
