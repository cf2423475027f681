"""Named speaker mentions: a name the recogniser found (or a run of proper nouns), typed.

:func:`named_mention` (called by :func:`~unspin.sources.mentions.mention_from_token`)
builds the :class:`~unspin.sources.speakers.Mention` of a name with the role around it
("ministry spokeswoman Maria Lund", "Lund, the ministry's spokeswoman") and decides what
it names: a person, an organisation, an outlet, a government, a group, a document. A name
the recogniser or the parse cut wrong is mended first (:mod:`~unspin.sources.name_spans`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from unspin.lexicon import VERB_FORMS
from unspin.nlp import Entity, Token
from unspin.sources.descriptions import is_description
from unspin.sources.full_names import (
    SPOKEN_FULL_NAME,
    full_name_cue,
    joined_surname,
    owned_person,
    person_surname,
    speaking_label,
    spoken_full_name,
    told_someone,
)
from unspin.sources.lexicon import (
    CIVIL_NAME_WORDS,
    HONORIFICS,
    MEDIA_MODIFIERS,
    MEDIA_NOUNS,
    ORG_NAME_WORDS,
    OUTLET_WORDS,
    TITLE_WORDS,
)
from unspin.sources.name_spans import (
    coordinated_end,
    held_title,
    past_abbreviation,
    titled_person,
    without_verb,
)
from unspin.sources.one_word_names import (
    BARE_ORG_PERSON,
    ONE_WORD_ORGANISATION,
    REPORTS,
    WEBSITE,
    body_evidence,
    person_evidence,
    reporting_name,
    site_named,
    titled_elsewhere,
)
from unspin.sources.outlet_shapes import outlet_shape
from unspin.sources.paired_names import paired_surname
from unspin.sources.parse_index import ParseIndex, span_text
from unspin.sources.quantified import quantified_people
from unspin.sources.ranks import past_rank, rank_role
from unspin.sources.reporting_outlets import REPORTING, reporting_outlet
from unspin.sources.roles import (
    is_role_phrase,
    place_only,
    quoted_apposition,
    role_head,
    role_organisation,
    role_text,
    verb_above_next,
)
from unspin.sources.short_outlets import short_outlet
from unspin.sources.speakers import (
    DETS,
    PERSON_HEADS,
    SCRIPTURES,
    TITLE_HONORIFICS,
    Mention,
    event_name_cue,
    gender_of,
    government_name_cue,
    group_name_cue,
    org_name_cue,
    outlet_name_cue,
    platform_name,
    reference_name_cue,
    split_person_name,
    strip_the,
)
from unspin.sources.station_names import station_span
from unspin.sources.titles import party_titled, premodifier_role, title_phrase

__all__ = ["IRISH_SCOTTISH", "named_mention"]

#: Surnames the tagger often takes for common nouns ("O’Gorman", "D'Souza", "McKay").
IRISH_SCOTTISH = re.compile(r"(?:[A-Z][a-z]?[’'][A-Z]|Ma?c[A-Z])[a-z]+(?:-[A-Z][a-z]+)?")

_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
#: A capitalised word in small letters after its first ("Vask"; not "NASA", "BuzzFeed").
_SURNAME_SHAPE = re.compile(r"[A-Z][a-z]+")
_ORGANISATION = ("named_organisation", "organisation", "speaker.organisation")


def named_mention(
    ix: ParseIndex, h: Token, ent: Entity, sub: tuple[int, int], person_hint: bool
) -> Mention:
    parsed = ix.parsed
    toks = parsed.tokens
    ent = ix.with_first_name(ent)  # "Ana" + PERSON "Pell": a first name the tagger left out
    ent = without_verb(parsed, ent)  # "As Pope Leo XIII explained": the name ends at XIII
    ent = past_abbreviation(ix, ent)  # "said Det. Ann Lund": the name after the title
    if (ranked := past_rank(ix, ent)) is not None:  # "Army Capt. Ann Lund": her rank
        m = named_mention(ix, toks[ranked.last - 1], ranked, (sub[0], ranked.last - 1), True)
        m.is_subject = m.is_subject or h.dep.startswith("nsubj")
        return rank_role(m, span_text(parsed, ent.first, ranked.first - 1))
    titled = titled_person(ix, h, ent)
    if titled is not None:
        # "Bay County Supervisor of Elections Mark Dahl said": the title's holder speaks
        m = named_mention(ix, toks[titled.last - 1], titled, sub, True)
        m.is_subject, m.head_word = h.dep.startswith("nsubj"), h.lower
        m.role = m.role or role_text(span_text(parsed, sub[0], titled.first - 1))
        return m
    owned = owned_person(ix, ent)  # "Metro News' Rory Vantage": the outlet's person
    if owned is not None and owned[0].first <= h.i < owned[0].last:
        m = named_mention(ix, h, owned[0], (owned[0].first, sub[1]), True)
        m.affiliation = m.affiliation or " ".join(strip_the(owned[1].split()))
        return m
    words = ent.text.split()
    # left modifiers outside the entity: "ministry spokeswoman Maria Lund"
    role_left, evaluative = "", False
    honorific_gender: str | None = None
    anchor_lo = ent.first
    lo = ix.hyphen_joined(sub[0], sub[0])[0]  # "Co-founder Ines Varga"
    commas = [t.i for t in toks[lo : ent.first] if t.text == ","]
    if commas and toks[commas[-1] + 1 : ent.first]:
        lo = commas[-1] + 1  # "two sons and a daughter, minister Ann Lund": a list before her
    if lo < ent.first:
        left = [t for t in toks[lo : ent.first] if t.dep not in ("punct",)]
        glued = {t.i for t in left if t.i + 1 < ent.first and ix.hyphen_joined(t.i, t.i)[1] > t.i}
        while left and (
            left[0].lower in DETS
            or left[0].dep in ("det", "poss", "case")
            or not any(ch.isalnum() for ch in left[0].text)  # "Capt. Ann Lund": no "."
        ):
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
                and not _identity(ix, left_role[-1].i)
                and not place_only(ix, left_role)
            ):
                role_left = left_text
                evaluative = not premodifier_role(left_role)  # "Islamic apologist H. R. Castell"
                person_hint = person_hint or left_role[-1].lower in PERSON_HEADS
            if role_left or proper or not left_role:
                anchor_lo = left[0].i
        title = held_title(ix, ent) if not role_left and ent.label == "PERSON" else None
        if title is not None and lo <= title:
            # "US Ambassador to Norvia Kay Rowe": her title, held to the body before her name
            role_left, anchor_lo, person_hint = span_text(parsed, lo, ent.first - 1), lo, True
    role_right = ""
    label = speaking_label(ix, h, ent)  # 'Dorne told "Morning Desk"': no work's title
    acronym_of: str | None = None
    name_heads = {ent.first + k for k in range(ent.last - ent.first)} | {h.i}
    for j in name_heads:
        for c in ix.kids(j, "appos"):
            a_lo, a_hi = ix.trimmed(*ix.on_line(c.i, *ix.hyphen_joined(*ix.subtree(c.i)))) or (
                c.i,
                c.i,
            )
            split = ix.entity_at(a_hi)  # "founder of Defense | Distributed": a name cut apart
            if a_lo < a_hi and split is not None and split.first <= a_hi < split.last - 1:
                a_hi = split.last - 1
            if a_lo == a_hi and (toks[a_lo].pos in ("NUM", "PROPN") or toks[a_lo].text.isupper()):
                if toks[a_lo].text.isupper() and toks[a_lo].text.isalpha() and label != "PERSON":
                    acronym_of = toks[a_lo].text  # "the Authority (NFA)": an organisation
                continue  # "Lund, 54," / "the Authority (NFA)": an age or an acronym
            named = ix.entity_at(c.i)
            if c.pos == "PROPN" and named is not None and named.label == "PERSON":
                break  # "Trump ..., Jared Kushner": another person's name, no role
            if verb_above_next(ix, c.i, a_hi) or quoted_apposition(ix, a_lo):
                break  # "the Project, women and men made up ...", 'Lund, "a true hero,"'
            if is_role_phrase(span_text(parsed, a_lo, a_hi)) and not _identity(ix, c.i):
                role_right = span_text(parsed, a_lo, a_hi)
            break
    outlet_cue = outlet_name_cue(words) or outlet_shape(words)  # "KXYZ-TV", "Sun-Times"
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
        role_words = re.split(r"\s(?:that|which|who)\s", role_right.lower())[0].split()
        if (
            role_words
            and role_words[-1] in MEDIA_NOUNS
            and (
                role_words[-1] not in ("agency", "press", "media", "journal")
                or set(role_words) & MEDIA_MODIFIERS
            )
        ):
            outlet_cue = role_words[-1]
    left_outlet = _outlet_before(toks[lo : ent.first], ent.text) if lo < ent.first else None
    if left_outlet is None and h.dep == "appos" and h.head < ent.first:
        # "according to the Italian newspaper, Westby Post": the name stands beside an outlet
        n = ix.parsed.tokens[h.head]
        left_outlet = _outlet_before(toks[ix.subtree(n.i)[0] : n.i + 1], ent.text)
    if left_outlet is None and lo > 0 and toks[lo].lower == "the" and toks[lo - 1].pos == "NOUN":
        # "weekly newspaper The Harbour Ledger": a name with its own article right
        # after a media noun the parse gave a subject of its own
        left_outlet = _outlet_before(toks[lo - 1 : lo], ent.text)
    # "Tattle Hound wrote" where the text says "the site Tattle Hound": a website
    left_outlet = left_outlet or site_named(parsed, " ".join(strip_the(words)))
    outlet_cue = outlet_cue or left_outlet  # "NBC affiliate KXYZ"
    cues: list[str] = []
    gender: str | None = None
    surname_shape = False
    bare = strip_the(words)
    if (
        bare
        and words[-1].endswith(("'s", "’s"))
        and ent.first <= h.i < ent.last
        and h.dep.startswith("nsubj")
    ):
        bare = [*bare[:-1], words[-1]]  # "Brantford's has announced": the name owns the s
    name_words = bare
    reference = reference_name_cue(words)
    if reference in SCRIPTURES and label in ("WORK_OF_ART", "LAW"):
        reference = None  # typed a document below, by the recogniser's label
    government = government_name_cue(words)
    group = group_name_cue(words)
    platform = platform_name(words)
    event = "EVENT" if label == "EVENT" else event_name_cue(words, label == "PERSON")
    _, own_titles, own_gender = split_person_name(words)
    own_titles = own_titles or party_titled(words)  # "GOP Rep Lund": a person
    if org_cue is not None and org_cue in own_titles[:-1]:
        org_cue = None  # "Police Chief Ann Lund": the body's word is part of her title
    if org_cue is None:
        # "St. Thomas Aquinas", "O’Malley": a saint or an Irish surname, though NER says ORG
        saint = len(bare) >= 2 and bare[0].lower() in ("st.", "st", "saint") and label != "GPE"
        irish = [w for w in words if w.lower() not in DETS]  # not "McDonald’s"
        person_hint = person_hint or saint
        surname_shape = bool(IRISH_SCOTTISH.fullmatch(" ".join(irish)))
    # "Justice Ministry", "Interior Ministry": a title word inside an institution's name
    institution = bool(bare) and bare[-1].lower() in ORG_NAME_WORDS
    person_hint = (
        person_hint
        or (bool(own_titles) and not institution)
        or own_gender is not None
        or (len(bare) == 1 and bare[0].lower() in TITLE_WORDS | set(HONORIFICS))
        or (len(bare) >= 2 and title_phrase(bare) is not None)  # "the Press Secretary"
        or (bool(role_right) and org_cue is None and role_head(role_right) in PERSON_HEADS)
    )
    shape_only = surname_shape and not person_hint  # "MacKay" alone: a surname's shape only
    person_hint = person_hint or surname_shape
    if (
        not person_hint
        and label in ("GPE", "WORK_OF_ART", "LAW", "NORP")
        and len(bare) >= 2
        and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in bare)
        and _first_person_quote_before(parsed.text, ent.start)
    ):
        person_hint = True  # '"I saw nothing," Jorge Vale told ...': a person says "I"
    spoken = not person_hint and label == "WORK_OF_ART" and spoken_full_name(ix, h, ent)
    person_hint = person_hint or spoken  # '"We won," Carly Dorne said': no work of art
    surname_of = False  # the last word of a full name joined to a person's
    if not person_hint and len(bare) == 1 and not bare[0].isupper():
        # "Holt said" where the text calls Holt "Vice President Holt" elsewhere
        person_hint = titled_elsewhere(ix, bare[0]) or person_surname(ix, bare[0])
        surname_of = not person_hint and joined_surname(ix, bare[0])  # "Ann Lund and Bo Vik"
        person_hint = person_hint or surname_of
    person_hint = person_hint or full_name_cue(ix, ent.first, ent.last - 1)
    if outlet_cue is None and not person_hint and len(bare) == 1 and not role_right:
        # "Harbinger reports" where the text says "Harbinger News" and never gives
        # Harbinger a first name: a publication
        outlet_cue = (
            reporting_name(parsed, bare[0])
            or short_outlet(parsed, ent, bare[0])
            or reporting_outlet(ix, bare[0])  # "Harbinger is today reporting that ..."
        )
    the_before = not role_left and (
        (ent.first > 0 and toks[ent.first - 1].lower == "the") or words[0].lower() == "the"
    )
    ner = f"NER {label}" if label else ""
    one_word = re.sub(r"['’]s\Z", "", bare[0]) if len(bare) == 1 and not role_left else ""
    role_org = role_organisation(role_right)
    # "Vask said ...": one capitalised word the recogniser calls an organisation with
    # nothing else in the text showing a body (no organisation word, article, "according
    # to", reporting): a person's surname as likely, so no organisation
    bare_org = (
        (label == "ORG" or (label == "" and told_someone(ix, h)))  # 'Dorne told "Desk"'
        and _SURNAME_SHAPE.fullmatch(one_word) is not None
        and not words[-1].endswith(("'s", "’s"))  # "Brantford’s has announced": a shop
        and org_cue is None
        and outlet_cue is None
        and not person_hint
        and not the_before
        and h.dep.startswith("nsubj")
        and toks[h.head].lower in VERB_FORMS
        and not body_evidence(ix, one_word)
    )
    some = quantified_people(toks, lo, ent)
    if some is not None:
        # "several Muslims explained": some people of a named kind, no one named
        source_type, entity_type, rule = "anonymous", None, "speaker.unnamed-person"
        reason, score = f"a quantifier ({some}) before a kind of people: left unnamed", 0.6
        name_words, role_left, role_right = [], "", ""
    elif reference is not None and not (label == "PERSON" and person_hint):
        source_type, entity_type, rule = "document", "document", "speaker.document"
        reason, score = f"lexicon: reference work ({reference})", 0.85
        cues.append(reference)
    elif (
        (outlet_cue is not None and label != "PERSON")
        or (outlet_cue in OUTLET_WORDS)
        or (left_outlet is not None and not person_hint)
        or outlet_cue in (REPORTS, REPORTING)
    ):
        source_type, entity_type, rule = "media_outlet", "outlet", "speaker.media-outlet"
        reason, score = f"lexicon: outlet ({outlet_cue})", 0.85
        if outlet_cue == REPORTS:
            reason = "a one-word name the text gives as a news name or website: a publication"
            score = 0.75
        elif outlet_cue == REPORTING:
            reason = "a one-word name the text shows reporting news: a publication"
            score = 0.75
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
    elif label == "GPE" and not person_hint and not _civil(bare):
        source_type, entity_type, rule = "government", "government", "speaker.government"
        reason, score = "NER GPE (a country, state or city speaks through its government)", 0.8
    elif ((label == "NORP" and org_cue is None) or group is not None) and not person_hint:
        source_type, entity_type, rule = "group", "group", "speaker.group"
        reason = f"lexicon: political group ({group})" if group else "NER NORP (a group of people)"
        score = 0.75
    elif label in ("WORK_OF_ART", "LAW") and not person_hint:
        source_type, entity_type, rule = "document", "document", "speaker.document"
        reason, score = f"NER {label}", 0.75
    elif (family := _family(ix, bare, the_before or words[0].lower() == "the")) is not None:
        # "the Vasks denied ...": a family, people, never an organisation
        source_type, entity_type, rule = "group", "group", "speaker.family"
        reason, score = f"a family: the people named {family}", 0.75
        cues.append(family)
    elif platform is not None and not person_hint:
        source_type, entity_type, rule = _ORGANISATION
        reason, score = f"lexicon: platform ({platform}), a company", 0.75
    elif (
        (label in _ORG_LABELS and not (person_hint and outlet_cue is None) and not bare_org)
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
    elif not person_hint and label != "PERSON" and _acronyms_only(ix, bare, ent):
        # "NOVA LRX reports": capitals only, no given name, in a sentence not all in capitals
        source_type, entity_type, rule = _ORGANISATION
        reason, score = "a name of acronyms only, no given name: not a person", 0.6
    elif (
        one_word
        and not bare_org
        and (not person_hint or (shape_only and not titled_elsewhere(ix, one_word)))
        and not person_evidence(ix, one_word)
        and not _first_person_quote_before(parsed.text, ent.start)  # '"I quit," Vale said'
    ):
        # "Plovix reports", "harassed by QX7": one proper noun the text never gives a
        # first name, a title, a person's role or "he"/"she": a website, brand or agency
        # as likely as a person, so no person
        source_type, entity_type, rule = _ORGANISATION
        reason, score = ONE_WORD_ORGANISATION, 0.6
        if WEBSITE.fullmatch(one_word):
            reason = f"a website's name ({one_word}): {ONE_WORD_ORGANISATION}"
    else:
        name_words, titles, gender = split_person_name(words)
        if titles and gender is None and title_phrase(words) is not None:
            name_words, titles = bare, []  # "the Chief Economist": one title, no name
        if not titles and party_titled(words):
            name_words, titles = strip_the(words)[2:], party_titled(words)
        if titles:
            role_left = " ".join([role_left, *titles]).strip()
        source_type, entity_type, rule = "named_person", "person", "speaker.named-person"
        score = 0.9 if label == "PERSON" else 0.75 if person_hint else 0.6
        if surname_of and label in _ORG_LABELS:
            score = 0.85  # as a surname the recogniser took for a body scores resolved
        if label == "PERSON":
            reason = ner
        elif surname_of:
            reason = "the surname of a full name the text joins to another person's"
        elif spoken:
            reason = SPOKEN_FULL_NAME
        elif person_hint:
            reason = "a title or honorific before the name or a role in apposition"
        elif bare_org:
            reason = BARE_ORG_PERSON
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
    parts = (_appositive_of(ix, h) if entity_type == "person" else None, role_left, role_right)
    roles = (role_text(p) for p in parts if p)  # never the writer's description of them
    role = "; ".join(r for r in roles if r and not is_description(r)) or None
    start = toks[anchor_lo].start
    end = toks[ent.last - 1].end
    if h.i >= ent.last and entity_type == "outlet":
        end = h.end  # "the Daily Harbor newspaper"
    if entity_type == "outlet" and (station := station_span(ix, anchor_lo, ent.last)):
        start, end = toks[station[0]].start, max(end, toks[station[1] - 1].end)  # "5 News Now"
        name_words = parsed.text[start:end].split()
    plural = entity_type == "group" or some is not None
    affiliation: str | None = None
    if entity_type == "person":
        # "Peter Vasko of the Norvian Fisheries Authority"
        for p in ix.kids(h.i, "prep"):
            if p.lower in ("of", "from", "at", "with"):
                for o in ix.kids(p.i, "pobj"):
                    org = ix.entity_at(o.i)
                    if org is not None and org.label in _ORG_LABELS - {"GPE", "LOC"}:
                        affiliation = " ".join(strip_the(org.text.split()))
    m = Mention(
        start,
        end,
        source_type,
        name=(" ".join(name_words) or ent.text) if some is None else None,
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
        plural=plural,
        reason=reason,
    )
    last = coordinated_end(ix, ent, sub) if entity_type in ("person", "organisation") else None
    if last is None and source_type == "named_person":
        last = paired_surname(ix, h, ent.first, ent.last, sub[1])  # "Wilcox and Beruff"
    if last is None:
        return m
    # "Ann Lund and Bo Vik wrote", "Westby Customs and Border Guard said": every name of
    # the list speaks; several people are one group of named people
    wide = replace(m, end=toks[last].end, single=m)
    wide.name = parsed.text[toks[ent.first].start : wide.end]
    if entity_type == "person":
        wide.entity_type, wide.gender, wide.plural = "group", None, True
        wide.role = role if role_left.endswith("s") and role == role_text(role_left) else None
        wide.reason = f"{reason}; names joined by 'and': several people".lstrip("; ")
    return wide


_CLOSE_BEFORE = re.compile(r"[,.!?]\s*[\"”]\s*\Z")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|me|my)\b")


def _first_person_quote_before(text: str, pos: int) -> bool:
    """True when a quotation closes right before ``pos`` and speaks in the first person
    singular ("I", "my"): its speaker is a person."""
    before = text[max(0, pos - 4) : pos]
    if not _CLOSE_BEFORE.search(before):
        return False
    close = max(text.rfind('"', 0, pos), text.rfind("”", 0, pos))
    opening = max(text.rfind('"', 0, close), text.rfind("“", 0, close))
    if opening < 0 or close - opening > 1000:
        return False
    return bool(_FIRST_PERSON.search(text[opening + 1 : close]))


#: Nouns for people as such ("two Muslim women"): what a name is, never its role.
_BARE_PEOPLE = frozenset({"women", "men", "people", "persons", "girls", "boys"})


def _appositive_of(ix: ParseIndex, h: Token) -> str | None:
    """The person noun a name stands in apposition to ("hired an attorney, Ann Lund,":
    "attorney"), with the words that modify it before it ("civil attorney")."""
    toks = ix.parsed.tokens
    if h.dep != "appos" or h.head >= h.i:
        return None
    n = toks[h.head]
    if n.pos != "NOUN" or n.lower not in PERSON_HEADS or n.lower in _BARE_PEOPLE:
        return None  # "two Muslim women, Ann Lund and Eva Holm,": who they are, no role
    # with the modifiers' own ("free speech activists": "free" modifies "speech")
    mods = [ix.subtree(c.i)[0] for c in ix.kids(n.i, "amod", "compound") if c.i < n.i]
    return span_text(ix.parsed, min(mods, default=n.i), n.i)


def _outlet_before(left: Sequence[Token], name: str) -> str | None:
    """A media noun among the words right before a name ("the station KXYZ", "NBC
    affiliate KXYZ", "the newspaper Westby Post"): the name is an outlet's."""
    low = [t.lower for t in left if t.pos != "PUNCT"]
    if not low:
        return None
    if low[-1] in MEDIA_NOUNS and (
        low[-1] not in ("agency", "press", "media", "journal", "wire")
        or set(low[:-1]) & MEDIA_MODIFIERS  # "news agency Westpress"
    ):
        return low[-1]  # not "newspaper columnist Ann Lund": a media noun right before it
    if low[-1] == "affiliate" and (
        set(low) & (OUTLET_WORDS | MEDIA_MODIFIERS) or _CALL_SIGN.fullmatch(name)
    ):
        return "affiliate"  # "NBC affiliate KXYZ", "ABC affiliate WXYZ": a station
    return None


#: A North American broadcaster's call sign ("KXYZ", "WXYZ-TV").
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?")


def _acronyms_only(ix: ParseIndex, bare: list[str], ent: Entity) -> bool:
    """``bare`` is two or more words in capitals ("NOVA LRX"), in a sentence that has words
    in small letters (not a headline set all in capitals, where any name is)."""
    if len(bare) < 2 or not all(w.isupper() for w in bare):
        return False
    sentence = ix.parsed.sentences[ix.sentence_of[ent.first]]
    return any(t.text.islower() for t in ix.parsed.tokens[sentence.first : sentence.last])


def _civil(bare: list[str]) -> bool:
    """A name ending in a word for a body of citizens ("the local Green Party"): an
    organisation, though the recogniser calls it a place."""
    return len(bare) >= 2 and bare[-1].lower().strip(".,") in CIVIL_NAME_WORDS


def _family(ix: ParseIndex, bare: list[str], the: bool) -> str | None:
    """The surname when ``bare`` after "the" is a surname in the plural ("the Vasks")
    of a person the text names in full ("Ivo Vask"): a family."""
    if not the or len(bare) != 1 or not bare[0].endswith("s") or not bare[0][:1].isupper():
        return None
    one = bare[0][:-1]
    toks = ix.parsed.tokens
    for t in toks[1:]:
        if t.text in (one, one[:-1]) and t.pos == "PROPN" and toks[t.i - 1].pos == "PROPN":
            return t.text  # after a first name ("Ivo Vask"); "the Joneses": "es" dropped
    return None


def _identity(ix: ParseIndex, i: int) -> bool:
    """True when token ``i``, heading a phrase next to a name, names a group the person
    belongs to (NER NORP: a nationality, a religion, a party: "Marek, a Catholic,", "Democrat
    Ann Lund"): who they are, not a role they hold."""
    ent = ix.entity_at(i)
    return ent is not None and ent.label == "NORP"
