"""Who the speakers of the reporting events are, and who quoted whom.

:func:`resolve_speakers` gives every speaker its canonical name (surnames, role nouns and
pronouns resolved against what the text named before, in text order);
:func:`entity_knowns` lists the named entities that can be antecedents;
:func:`link_hearsay` marks an event reported inside another's content as quoted by the
outer speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace

from unspin.nlp import Token
from unspin.sources.answers import the_one_asked
from unspin.sources.apposed_names import held_title_word
from unspin.sources.body_kinds import BODY_NOUNS, body_fits
from unspin.sources.continued import continued_speaker
from unspin.sources.counted import counted_named_before
from unspin.sources.counted_people import counted_people_near
from unspin.sources.fronted import fronted_names
from unspin.sources.full_names import owned_person
from unspin.sources.introduced import called_outlet_near, introduced_near, site_named_before
from unspin.sources.mentions import mention_from_token
from unspin.sources.nearby import resolve_nearby
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.relative_they import relative_they
from unspin.sources.resolver import (
    Known,
    Resolver,
    first_name,
    full_name_run,
    namesakes,
    referent,
    surname_noun,
    take_known,
    unresolved_pronoun,
)
from unspin.sources.rival_subject import rival_subject
from unspin.sources.role_groups import role_group_before
from unspin.sources.self_speakers import self_speakers
from unspin.sources.silent_subjects import BODY_RULES, learn_gender, subject_antecedents
from unspin.sources.speakers import PERSON_HEADS, Mention, org_name_cue
from unspin.sources.state import Event, RunState
from unspin.sources.surname_subjects import surname_subjects
from unspin.sources.titles import TitleHolders, bare_title
from unspin.sources.turns import Turns

__all__ = ["entity_knowns", "link_hearsay", "resolve_speakers", "titled_names"]


def resolve_speakers(st: RunState, events: list[Event]) -> None:
    """Canonical names, role aliases and pronouns, in text order."""
    resolver = Resolver(st.ctx.document.author)
    mentions: list[Mention] = []
    for e in events:
        for m in (e.speaker, e.outer):
            if m is not None:
                mentions.append(m)
    items: list[tuple[int, int, Mention | Known]] = []
    for m in mentions:
        items.append((m.start, 1, m))
    covered = sorted((m.start, m.end) for m in mentions)
    covered_starts = [c[0] for c in covered]
    lone = list(surname_subjects(st))  # "Lund has defended her choice": Ann Lund, if named
    for k in [*st.knowns, *lone]:
        j = bisect_right(covered_starts, k.start) - 1
        if j >= 0 and covered[j][1] > k.start:
            continue  # inside a speaker mention, which carries more
        if j + 1 < len(covered) and covered[j + 1][0] < k.end:
            continue
        items.append((k.start, 0, k))
    said = [e.content for e in events if e.content is not None]
    silent = subject_antecedents(st, covered, said)
    items.extend((m.start, 1, m) for m in silent)
    unheard = {id(m) for m in silent}
    bodies = {id(m) for m in silent if m.kind == "noun" and m.rule in BODY_RULES}
    items.sort(key=lambda x: (x[0], x[1]))
    told = {id(e.speaker) for e in events if e.speaker is not None and e.content is not None}
    lemmas = {id(e.speaker): e.lemma for e in events if e.speaker is not None}
    done: set[int] = set()
    holders: TitleHolders | None = None
    turns = Turns(st.text, st.knowns)
    said_before: dict[tuple[int, str], Known] = {}  # (sentence, pronoun): its first referent
    for _, _, item in items:
        if isinstance(item, Known):
            known = resolver.canonical_known(item)
            if known is not item or all(item is not k for k in lone):
                resolver.add(known)
            continue
        if id(item) in done:
            continue
        done.add(id(item))
        s = st.sentence_at(item.start)
        if item.kind == "pronoun":
            if st.top_quote_index(item.start) is not None:
                item.reason = f"pronoun {item.head_word} inside a quotation: not resolved"
            elif not turns.resolve_first_person(item):  # "JP: ... I said": JP's person
                bar = self_speakers(st.text, events, item)  # "I know why he left": not I
                # "Asked whether Lund would win, she replied": not Lund
                bar |= fronted_names(st, item, resolver.before(item.start), events)
                chosen = resolver.pronoun(item, s, learn=id(item) not in unheard, bar=bar)
                rival = rival_subject(st, chosen) if chosen and item.head_word == "they" else None
                if chosen is not None and rival is not None:
                    # "Sociologists talk of what citizens are told by the elites. They
                    # warn": the elites, or the main clause's own subject? Not guessed.
                    who = chosen.name or _short(st.text[chosen.start : chosen.end])
                    why = f'"{_short(rival)}" (the main subject there) or "{who}"; not guessed'
                    unresolved_pronoun(item, f"pronoun they: {why}")
                    chosen = None
                first = said_before.get((s, item.head_word))
                if chosen is not None and first is not None and _continues(chosen, first):
                    # "First he said that Ann had to be heard; then he attacked her": the
                    # same pronoun again in one sentence goes on with the same person,
                    # not with a subject of what the first one said
                    chosen = take_known(item, first)
                if chosen is not None:
                    said_before.setdefault((s, item.head_word), chosen)
                asked = chosen and the_one_asked(st, resolver, item, chosen, lemmas.get(id(item)))
                if asked:  # "A reporter asked Lund ... She replied": Lund answers
                    chosen = take_known(item, asked)
                    item.score = 0.65
                if id(item) in unheard:
                    learn_gender(resolver, item, chosen, said, s)  # "He thanked the crews."
                if chosen is None:
                    relative_they(st, item)  # "Rebels seized a man that they say is"
                if chosen is not None:
                    who = chosen.name or '"' + _short(st.text[chosen.start : chosen.end]) + '"'
                    where = _distance(s - chosen.sentence)
                    item.reason = f"pronoun {item.head_word} -> {who} ({where})"
                    if item.is_subject:
                        # a resolved subject pronoun carries its referent on: "He said
                        # that he admired Mr. Berg, though he said ..." stays with He
                        resolver.add(replace(chosen, start=item.start, end=item.end,
                                             is_subject=True, sentence=s,
                                             main_subject=item.main_subject,
                                             gender=_carried_gender(item, chosen)))  # fmt: skip
        elif item.kind == "name":
            resolver.canonical(item, s)
            if not item.resolved_from:
                first_name(item, _people_near(st, item.start, s))
            if not item.resolved_from and not (
                item.gender and namesakes(resolver, item.start, item.name or "")
            ):  # "Mr. Berg" that the people named Berg before are not: none of them
                full_name_run(item, _proper_runs(st, item.start))
            title = bare_title(item)
            if title is not None:
                holders = holders or TitleHolders([*st.knowns, *mentions])
                holders.resolve(item, title)
        elif not surname_noun(resolver, item, st.text[item.start : item.end], st.knowns):
            before = (item.source_type, item.rule)
            resolver.definite_noun(item)
            if item.rule == "speaker.definite-unresolved" and _listed_kinds(st, item):
                # "the families, friends and officials said": unnamed people of several
                # kinds, nobody the text could have named
                item.source_type, item.rule = before[0], "speaker.unnamed-person"
                item.reason = "several kinds of unnamed people listed together"
            if not item.resolved_from:
                _body_named_near(st, resolver, item, s)
            if not item.resolved_from and item.rule == "speaker.definite-unresolved":
                _described_named_near(st, resolver, item, s)
            if not item.resolved_from and item.rule == "speaker.definite-unresolved":
                counted_named_before(st, resolver, item, s)  # "A and B ... The two say"
            if not item.resolved_from and item.rule == "speaker.definite-unresolved":
                role_group_before(st, resolver, item, s)  # "A and B ... the chairmen say"
            if not item.resolved_from:  # "Lund told the paper ... The candidate added"
                continued_speaker(st, events, item, lemmas.get(id(item)))
            if not item.resolved_from:
                introduced_near(st, item, s)  # "A nun fell ill. Now the nun says"
                counted_people_near(st, item, s)  # "200 Lakeway realtors ... the realtors"
                called_outlet_near(st, item, s)  # "A site called X ... the site says"
            if not item.resolved_from:
                site_named_before(st, item, s)  # "the website X.net ... The website said"
        if id(item) in bodies and not item.resolved_from:
            # "The ministry published ...": what "it" may stand for, unnamed; no name a
            # later "the ministry" or "Lund's campaign" would take up
            kind = item.entity_type or "organisation"
            resolver.add(Known(item.start, item.end, "", kind, item.source_type, False, s, None))
        elif item.kind != "pronoun" and st.top_quote_index(item.start) is None:
            # a speaker inside a quotation is no antecedent outside it (as for entities)
            resolver.add_mention(item, s, spoke=id(item) in told)
    resolve_nearby(st, mentions)
    for e in events:
        if e.speaker is not None and _proverbial_they(st, e):
            e.speaker = None
    events[:] = [e for e in events if not _writers_own(st, e)]


def _writers_own(st: RunState, e: Event) -> bool:
    """ "I tell you this ...", "if we denied rights to ...": an unnamed writer's I or we
    (no author, no interview turn) with a verb in the present or under "if" is the
    writer's own assertion or a hypothesis, nobody's reported speech ("I told her that
    ..." stays: the writer reports a remark)."""
    m = e.speaker
    if m is None or m.kind != "pronoun" or m.rule != "speaker.first-person":
        return False
    if e.in_quote is not None or e.token is None or st.ix is None:
        return False
    verb = st.parsed.tokens[e.token]
    marks = {c.lower for c in st.ix.kids(e.token, "mark")}
    return verb.tag == "VBP" or bool(marks & {"if", "unless"})


#: The gender a he or she gives the antecedent it carries on: a later "she" never takes
#: an unnamed person a "he" stood for.
_GENDER = {"he": "male", "she": "female"}


def _carried_gender(m: Mention, chosen: Known) -> str | None:
    """The gender of the antecedent a resolved he or she carries on: the pronoun's for an
    unnamed person (a name's gender is learnt only from a speaker, in the resolver)."""
    return chosen.gender if chosen.name else _GENDER.get(m.head_word, chosen.gender)


def _proper_runs(st: RunState, pos: int) -> list[Known]:
    """Runs of two or three capitalised proper nouns on one line before ``pos``, outside
    quotations and outside the recogniser's organisations and places ("For Ann Lund,
    ...", a name the recogniser missed): people a later surname may stand for."""
    toks = st.parsed.tokens
    out: list[Known] = []
    k = 0
    while k < len(toks) and toks[k].start < pos:
        if not _name_word(toks[k]):
            k += 1
            continue
        j = k
        while j + 1 < len(toks) and toks[j + 1].start < pos and _name_word(toks[j + 1]):
            j += 1
        if held_title_word(toks, k) is not None:
            k += 1  # "Sgt at Arms Joren Tolland": "Arms" ends the title, no first name
        if 1 <= j - k <= 2:
            start, end = toks[k].start, toks[j].end
            other = st.parsed.entities_in(start, end)
            if (
                "\n" not in st.text[start:end]
                and not any(e.label not in ("PERSON", "") for e in other)
                and st.top_quote_index(start) is None
            ):
                name = st.text[start:end]
                out.append(Known(start, end, name, "person", "named_person", False,
                                 st.sentence_at(start), None))  # fmt: skip
        k = j + 1
    return out


def _name_word(t: Token) -> bool:
    return t.pos == "PROPN" and t.text[:1].isupper() and t.text.isalpha()


def _people_near(st: RunState, pos: int, s: int) -> list[Known]:
    """The people the recogniser names (also inside quotations) from two sentences before
    sentence ``s`` up to ``pos``."""
    lo = st.sent_starts[max(0, s - 2)] if st.sent_starts else 0
    return [
        Known(e.start, e.end, e.text, "person", "named_person", False, st.sentence_at(pos), None)
        for e in st.parsed.entities_in(lo, pos)
        if e.label == "PERSON"
    ]


#: Labels the recogniser gives some organisations' names ("Conference of ..." as a title).
_BODY_LABELS = frozenset({"WORK_OF_ART", "FAC"})


def _body_named_near(st: RunState, resolver: Resolver, m: Mention, s: int) -> None:
    """ "the group" / "the organization" as a speaker: the one organisation the same
    sentence (a quotation included) or the one before names before it that the noun may
    call so ("the union" a union, "the company" no union: :func:`body_fits`); left as it
    is when none or two different ones are named there."""
    if not (
        m.kind == "noun"
        and m.definite
        and m.rule == "speaker.organisation"
        and m.head_word in BODY_NOUNS
        and len(st.text[m.start : m.end].split()) == 2
    ):
        return
    names: dict[str, tuple[int, int]] = {}
    for e in st.parsed.entities:
        if e.end > m.start or st.sentence_at(e.start) < s - 1:
            continue
        words = [w for w in e.text.split() if w.lower() != "the"]
        if e.label != "ORG" and not (e.label in _BODY_LABELS and org_name_cue(words)):
            continue  # "The Harbour Council of Towns" read as a title: an organisation still
        if len(words) < 2 or not all(w[:1].isupper() or w.islower() for w in words):
            continue
        names[" ".join(words)] = (e.start, e.end)
    for k in resolver.before(m.start):
        # a one-word body the recogniser did not call one ("Brindel said ..."): known as
        # an organisation from its typing
        one = k.name.split()
        if k.entity_type == "organisation" and len(one) == 1 and k.sentence >= s - 1:
            seen = any(one[0] in n.split() for n in names)  # "Acme" of "Acme Corp"
            if k.end <= m.start and one[0][:1].isupper() and not seen:
                names[one[0]] = (k.start, k.end)
    described = {k.start: k.role for k in resolver.before(m.start) if k.role}
    names = {n: sp for n, sp in names.items() if body_fits(m.head_word, n, described.get(sp[0]))}
    if len(names) != 1:
        return  # "Brenmark Steel ... the union said": no union named, the union unnamed
    ((name, span),) = names.items()
    m.name = name
    m.resolved_from, m.antecedent = "alias", span
    m.score = 0.65
    m.rule = "speaker.name-alias"
    m.reason = f"the {m.head_word} named just before: {name}"


#: "the 26-year-old": a definite description by age alone.
_AGE_RE = re.compile(r"(?i)the\s+\d{1,3}-year-old")


def _described_named_near(st: RunState, resolver: Resolver, m: Mention, s: int) -> None:
    """A definite description left unresolved whose referent the same sentence or the one
    before names alone: "the collective" after the one name ending in "Collective", "the
    26-year-old" after the one person named there. Left as it is when none or two
    different ones are named there."""
    text = st.text[m.start : m.end]
    age = bool(_AGE_RE.fullmatch(text))
    if not age and len(text.split()) != 2:
        return
    names: dict[str, Known] = {}
    people: set[str] = set()
    for k in resolver.before(m.start):
        if k.sentence < s - 1 or not k.name or k.end > m.start:
            continue
        words = k.name.split()
        if k.entity_type == "person" or (age and k.is_subject):
            people.add(words[-1])  # a subject the tagger took for a body may be a person
            if age and k.entity_type == "person":
                names[k.name] = k
        elif not age and len(words) >= 2 and words[-1].lower() == m.head_word:
            names[k.name] = k
    if age and len(people) != 1:
        return  # two people named there: which is the 26-year-old?
    if age and len(names) > 1:
        longest = max(names, key=lambda n: len(n.split()))
        if all(longest.split()[-1] == n.split()[-1] for n in names):
            names = {longest: names[longest]}  # "Ann Lund" and "Lund": one person
    if len(names) != 1:
        return
    ((name, k),) = names.items()
    m.name, m.entity_type, m.source_type = name, k.entity_type, k.source_type
    m.rule = "speaker.role-alias" if age else "speaker.name-alias"
    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
    m.score = 0.6
    m.reason = f"the {m.head_word} named just before: {name}"


def _proverbial_they(st: RunState, e: Event) -> bool:
    """ "as they say", "They say you should never ...": the "they" of a saying (after
    "as" or "like", or a present "say" opening its sentence whose "they" names no one),
    not a source."""
    m = e.speaker
    if m is None or m.kind != "pronoun" or m.head_word != "they" or e.lemma != "say":
        return False
    text = st.text
    before = text[max(0, m.start - 6) : m.start].split()
    if before and before[-1].lower() in ("as", "like"):
        return True
    if m.source_type != "unresolved" or e.cue_text.lower() != "say" or e.content is None:
        return False
    # "They say you should ...": opening its sentence, before what it says
    return not text[st.sentence_start(m.start) : m.start].strip() and e.content[0] > e.cue[1]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _continues(chosen: Known, first: Known) -> bool:
    """Whether a pronoun resolved to ``chosen`` should rather go on with ``first``, the
    referent of the same pronoun earlier in its sentence: ``chosen`` is someone else and
    no main-clause subject (a subject inside what the first one said, or an object)."""
    return not chosen.main_subject and referent(chosen) != referent(first)


#: A list of nouns for people: "the families, friends and officials".
_LISTED = re.compile(r"\w+s,\s+(?:[\w-]+\s+){0,2}?\w+s,?\s+and\s+(?:[\w-]+\s+){0,2}\w+s\Z")


def _listed_kinds(st: RunState, m: Mention) -> bool:
    """``m`` lists three or more plural kinds of people ("the families, friends and
    ministry officials"): a group described, never one referent."""
    return m.plural and _LISTED.search(st.text[m.start : m.end]) is not None


def entity_knowns(st: RunState) -> Iterable[Known]:
    """Named entities as antecedent candidates (persons, organisations, outlets)."""
    toks = st.parsed.tokens
    sents = st.parsed.sentences
    for e in st.parsed.entities:
        named = e.label in ("PERSON", "ORG", "GPE", "NORP")
        if st.has_parse and not named and (st.ix is None or owned_person(st.ix, e) is None):
            continue  # but "The Daily Harbor’s Joe Lund" read as a title is Joe Lund
        if st.top_quote_index(e.start) is not None:
            continue
        s = st.sentence_at(e.start)
        if st.ix is not None and e.first < len(toks):
            root = next(
                (
                    toks[i]
                    for i in range(e.first, min(e.last, len(toks)))
                    if not e.first <= toks[i].head < e.last or toks[i].head == i
                ),
                toks[e.first],
            )
            if e.label != "PERSON" and (
                root.dep in ("amod", "compound", "nmod") or root.pos == "ADJ"
            ):
                continue  # "Russian officials", "the FBI director": a modifier, not a referent
            m = mention_from_token(st.ix, root)
            m = m.single or m if m is not None else None  # "Ann Lund and Bo Vik": Ann Lund
            subject = root
            if root.dep == "appos" and toks[root.head].dep.startswith("nsubj"):
                subject = toks[root.head]  # "The photographer Ann Lund, who ..., knew"
            is_subject = subject.dep.startswith("nsubj")
            main = is_subject and toks[subject.head].dep == "ROOT"
        else:
            m = mention_from_span(st.text, e.start, e.end)
            is_subject = bool(sents) and not st.text[sents[s].start : e.start].strip()
            main = is_subject
        if m is None or not m.name or m.entity_type is None:
            continue
        yield Known(
            e.start,
            e.end,
            m.name,
            m.entity_type,
            m.source_type,
            is_subject,
            s,
            m.role,
            m.gender,
            main_subject=main,
        )


#: Words before a name that make it a person's: titles, person nouns, a saint's "St.".
_NAMING = PERSON_HEADS | {"st.", "saint"}


def titled_names(st: RunState) -> Iterable[Known]:
    """Proper nouns the recogniser left out that a title, a saint's "St." or a person noun
    names as a person ("by the pastor Oelkers", "St. Oswin"): antecedents like the
    entities, so a pronoun after them in the same sentence never skips back to a name
    before."""
    if st.ix is None:
        return
    ix = st.ix
    toks = st.parsed.tokens
    for t in toks:
        if t.pos != "PROPN" or t.dep == "compound" or ix.entity_at(t.i) is not None:
            continue
        if not any(c.lower in _NAMING for c in ix.kids(t.i, "compound", "appos")):
            continue
        if st.top_quote_index(t.start) is not None:
            continue
        m = mention_from_token(ix, t, person_hint=True)
        m = m.single or m if m is not None else None
        if m is None or not m.name or m.entity_type != "person":
            continue
        is_subject = t.dep.startswith("nsubj")
        main = is_subject and toks[t.head].dep == "ROOT"
        yield Known(t.start, t.end, m.name, "person", m.source_type, is_subject,
                    st.sentence_at(t.start), m.role, m.gender, main_subject=main)  # fmt: skip


def link_hearsay(events: list[Event]) -> None:
    """An event reported inside another's content is quoted by the outer speaker."""
    ordered = sorted(
        (
            (e.content[0], e.content[1], n)
            for n, e in enumerate(events)
            if e.content is not None and e.speaker is not None
        ),
    )
    starts = [c[0] for c in ordered]
    for e in events:
        if e.outer is not None:
            continue
        best: tuple[int, int, int] | None = None
        j = bisect_right(starts, e.cue[0]) - 1
        while j >= 0 and ordered[j][0] >= e.cue[0] - 3000:
            c0, c1, n = ordered[j]
            if events[n] is not e and c1 >= e.cue[1] and (best is None or c0 > best[0]):
                best = ordered[j]
            j -= 1
        if best is not None:
            e.outer = events[best[2]].speaker


def _distance(sentences: int) -> str:
    """Where a referent was named, counted back from the pronoun (so the same wherever
    the text starts: a window of a long document reads like the whole)."""
    if sentences <= 0:
        return "same sentence"
    if sentences == 1:
        return "previous sentence"
    return f"{sentences} sentences earlier"
