"""The reported content of a verb of saying, read from the dependency parse.

:func:`reported_content` finds what a verb reports: its clause (past "that" and past a
recipient of "told"), the object of verbs such as "denied", the clause a parser hung on
a noun ("said in a statement that ..."), or the clause a parenthetical "said" interrupts;
another speaker's clause is cut off, and an end the parse drew wrong is mended
(:mod:`~unspin.sources.content_ends`). :func:`next_line_statement` takes the unquoted line
after "said in a statement Tuesday,". :func:`person_object` tells a person as a verb's
object ("confirmed Ann Roe"), which reports nothing.
"""

from __future__ import annotations

from unspin.lexicon import TITLE_WORDS
from unspin.nlp import Token
from unspin.sources.clause_edges import (
    RECIPIENT_VERBS,
    object_as_subject,
    past_after_auxiliary,
    past_recipient,
    repeated_verb,
)
from unspin.sources.content_cuts import (
    content_clause,
    coordinated_sayer_cut,
    past_embedded_quotation,
    past_quotation,
    quote_run_on,
    saying_cut,
    second_that_clause,
    split_clause_end,
    tally_end,
    topic_only,
    writers_lead,
)
from unspin.sources.content_ends import (
    across_quotes,
    broken_coordination,
    closing_quote,
    list_run_on,
    opening_quote,
    parallel_predicate,
    sayers_next_saying,
    sayers_number_cut,
    split_word_end,
    stranded_predicate,
    whole_first_word,
    writers_tail,
)
from unspin.sources.lexicon import (
    ENTRANT_NOUNS,
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_NOUNS,
    VERB_FORMS,
    VerbInfo,
)
from unspin.sources.parse_index import ParseIndex
from unspin.sources.run_ons import run_on_clause
from unspin.sources.sayers_acts import sayers_own_act
from unspin.sources.state import RunState
from unspin.sources.verbless import verbless_fronted

__all__ = [
    "letting_in",
    "next_line_statement",
    "person_object",
    "reported_content",
    "withholding",
]

_CONTENT_MARKS = frozenset({"that", "whether", "if"})
#: Stops ending a sentence or clause (no quotation mark: one closes what was said).
_STOPS = frozenset({".", ",", ";", ":", "!", "?"})
#: Verbs whose noun object is a thing taken, not a proposition ("claimed the title"); a
#: clause or an infinitive is still what they report ("claimed that ...", "claims to be").
_TAKING_VERBS = frozenset({"claim"})
#: Relative pronouns: a clause's word before its verb of saying ("which he said ...");
#: not "what", whose clause is what was said ("what Lund said was true").
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
#: Prepositions before a noun whose clause is another's words ("responding to comments
#: that ...", "asked about reports that ..."), not the medium of the verb's own speech.
_OTHERS_WORDS = frozenset({"to", "about", "of", "over", "against", "regarding", "concerning"})
#: Nouns of what others said, whose "that" clause is their content ("comments that ...").
_SPEECH_NOUNS = frozenset(
    """
    comment comments remark remarks claim claims report reports allegation allegations
    suggestion suggestions assertion assertions statement statements accusation accusations
    charge charges rumour rumours rumor rumors speculation criticism criticisms argument
    arguments assurance assurances warning warnings
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Object pronouns: "denied him bail" (a clause's "subject" that is an object).
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def reported_content(
    st: RunState, t: Token, info: VerbInfo, construction: str
) -> tuple[tuple[int, int] | None, bool]:
    """The reported content of the verb ``t``, and whether it is a direct object."""
    span, as_object = _reported_content(st, t, info, construction)
    return quote_run_on(st, writers_lead(st, span, t.start), t.start), as_object


def _reported_content(
    st: RunState, t: Token, info: VerbInfo, construction: str
) -> tuple[tuple[int, int] | None, bool]:
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    comps = ix.kids(t.i, "ccomp")
    as_object = False
    if not comps and construction == "passive":
        comps = ix.kids(t.i, "xcomp")
        if comps:
            # the verb's own passive subject, when it has one ("X was said to ..."); a
            # subject inherited through a conjunction is not part of the content
            subj = ix.kids(t.i, "nsubjpass")
            lo = min([ix.subtree(comps[0].i)[0], *(ix.subtree(s.i)[0] for s in subj)])
            hi = ix.subtree(comps[0].i)[1]
            if subj and subj[0].lower in ("it",):
                return None, False
            return st.token_span(lo, hi), False
    if not comps and info.content == "object":
        # "claimed responsibility", "claiming liberal credentials": a thing taken, no speech
        deps = ("xcomp",) if info.lemma in _TAKING_VERBS else ("dobj", "xcomp")
        comps = [c for c in ix.kids(t.i, *deps) if c.pos != "PRON" and not person_object(c)]
        as_object = bool(comps)
    if not comps and info.lemma == "warn" and (construction != "passive" or ix.kids(t.i, "agent")):
        # "X warned of a strike"; but in "the public was warned about the raids" the
        # raids are what the warning was about, said by nobody the sentence names
        comps = [
            o
            for p in ix.kids(t.i, "prep")
            if p.lower in ("of", "about")
            for o in ix.kids(p.i, "pobj")
        ]
    if not comps:
        # "said in a statement that ...": spaCy hangs the clause on the noun; not
        # "responding to comments from Y that ...", "commented about claims that ...":
        # a clause of what the noun says, somebody else's words
        for p in ix.kids(t.i, "prep"):
            if p.lower in _OTHERS_WORDS and any(_owned(ix, o) for o in ix.kids(p.i, "pobj")):
                continue
            for o in ix.kids(p.i, "pobj"):
                for c in ix.kids(o.i, "relcl", "acl", "ccomp"):
                    if any(m.dep == "mark" and m.lower == "that" for m in ix.kids(c.i)):
                        comps = [c]
    if comps:
        c = content_clause(ix, t, comps)
        lo, hi = ix.subtree(c.i)
        if c.i > t.i:
            hi = split_clause_end(ix, t, c, hi)
        if as_object and c.i > t.i:
            hi = tally_end(ix, t, hi)
        if _others_words_before(ix, t, lo):
            return None, as_object  # "responding to comments from Y that ...": Y's words
        if c.i < t.i and _to_the_reader(ix, c, t):
            return None, as_object  # "Remember this: ... Vale claimed": the writer's
        if c.i == lo and c.lower in VERB_FORMS:
            return None, as_object  # a misparse: another verb of saying is not reported content
        if verbless_fronted(ix, t, c, lo, hi):
            return None, as_object  # "Not shy, Vell replied ...": how the sayer was
        if _described(st, lo, t) or topic_only(ix, info.lemma, t, lo):
            return None, as_object  # "said what is clearly insane", "recalled what it was like"
        if info.lemma == "threaten" and c.dep == "ccomp" and not _marks_clause(toks[lo]):
            return None, as_object  # "threatened the town, where ... were": a thing menaced
        if c.i > t.i and lo < t.i and toks[lo].lower in _RELATIVE_PRONOUNS:
            lo = t.i + 1  # "letters, which she said she kept": not "which she said"
        if (
            lo < hi
            and toks[lo].lower in _CONTENT_MARKS
            and _marks_clause(toks[lo])
            and (toks[lo].lower != "if" or toks[lo].head == c.i)
        ):
            # one mark: in "mention that if X, Y" the "if" is part of what was said, and
            # in "If X, Y, Lund said" the condition ("asked if X": the clause's own mark)
            lo += 1
        if info.lemma in RECIPIENT_VERBS and lo == t.i + 1:
            lo = past_recipient(ix, c.i, lo)  # "told reporters Vale had ...": not "reporters"
        lo = object_as_subject(ix, t, info.lemma, c, lo)  # "argued her acts don't match"
        hi = stranded_predicate(st, t, c, hi)
        hi = parallel_predicate(st, t, c, hi)  # 'was "resting at home," and was recovering'
        # "X said A, while Y said B": Y's clause is not part of X's content
        for d in ix.kids(c.i, "advcl", "conj", "parataxis"):
            if d.i <= c.i:
                continue
            if (
                _has_own_speech(st, d.i)
                or _reporters_verb(st, t, c, d)
                or _after_expletive(ix, c, d)
                or repeated_verb(ix, t, c, d)
                or past_quotation(st, lo, c, d)
                or past_embedded_quotation(st, t, c, d)
                or past_after_auxiliary(ix, t, c, d)
                or sayers_number_cut(ix, t, c, d)
                or sayers_next_saying(st, t, c, d)  # "said X is Y and added that Z"
                or sayers_own_act(st, t, c, d)  # "said X will fail and left the hall"
            ) and not second_that_clause(ix, c, d):
                hi = min(hi, ix.subtree(d.i)[0] - 1)
            else:
                hi = min(hi, _relative_speech_cut(st, d.i) - 1)
        dashes = [k for k in range(lo + 1, hi) if toks[k].text in ("--", "—", "–")]
        if len(dashes) == 1 and any(
            toks[k].lower in ("whom", "which") for k in range(dashes[0] + 1, hi + 1)
        ):
            hi = dashes[0] - 1  # "... in the area -- a number of whom ...": the writer's aside
        hi = list_run_on(st, hi)
        hi = saying_cut(ix, lo, hi)
        hi = coordinated_sayer_cut(ix, lo, hi)
        hi = broken_coordination(st, lo, hi)
        hi = split_word_end(st, hi)
        hi = writers_tail(st, lo, hi)
        hi = run_on_clause(st, lo, hi)
        while hi > lo and (
            toks[hi].dep in ("cc", "mark", "punct") or toks[hi].lower in ("while", "but")
        ):
            hi -= 1
        hi = closing_quote(st, lo, hi)
        lo = opening_quote(st, lo, hi)
        lo, hi = across_quotes(st, lo, hi)
        return whole_first_word(st, st.token_span(lo, hi)), as_object
    if t.dep == "parataxis" and t.head != t.i:
        h_lo, h_hi = ix.subtree(t.head)
        v_lo, v_hi = ix.subtree(t.i)
        subjects = {c.i > t.i for c in ix.kids(t.i, "nsubj")}
        if subjects == {False, True} and t.i > 0 and toks[t.i - 1].text == ",":
            v_lo = t.i  # "The plan, said Lund, would fail": "The plan" is the content's
        while h_hi > v_hi and toks[h_hi].text in _STOPS:
            h_hi -= 1  # '"The delays," Lund said, as the crowd cheered.': only the stop after
        if v_lo <= h_lo:
            return st.token_span(v_hi + 1, h_hi), as_object
        if v_hi >= h_hi:
            return st.token_span(h_lo, v_lo - 1), as_object
        return st.token_span(h_lo, h_hi), as_object
    return None, as_object


def _described(st: RunState, lo: int, t: Token) -> bool:
    """The content is "what is ..." right after the verb: the writer's judgement of what
    was said ("said what is clearly insane"), not its words; "said what the plan would
    cost" tells what she said."""
    w = st.parsed.tokens[lo]
    return (
        lo == t.i + 1
        and w.lower == "what"
        and w.dep == "nsubj"
        and st.parsed.tokens[w.head].lemma == "be"
    )


def _to_the_reader(ix: ParseIndex, c: Token, t: Token) -> bool:
    """Whether the clause ``c`` before the verb of saying ``t`` is the writer's word to
    the reader, closed by a colon ("Keep in mind something important: ... X claimed"): a
    bare imperative with no subject of its own, never what X said."""
    if c.tag != "VB" or ix.kids(c.i, "nsubj", "nsubjpass", "aux"):
        return False
    lo, hi = ix.subtree(c.i)
    toks = ix.parsed.tokens
    return lo == c.i and any(toks[j].text == ":" for j in range(hi + 1, t.i))


def _marks_clause(t: Token) -> bool:
    """ "that" / "whether" / "if" opening a clause, also where the parser made it an object
    ("told investigators that he had paid": "that" as the object of "paid"), not a
    subject ("said that was wrong")."""
    return t.dep == "mark" or t.pos == "SCONJ" or (t.tag == "WDT" and not t.dep.startswith("nsubj"))


#: Objects that are people, not propositions ("confirmed the nominee", "confirm one who").
_PERSON_OBJECTS = frozenset({"one", "someone", "somebody", "nominee", "appointee", "candidate"})


def person_object(t: Token) -> bool:
    """A person as a verb's object: "the Senate confirmed Ann Roe" reports nothing."""
    low = t.lemma.lower()
    return t.ent_type == "PERSON" or low in _PERSON_OBJECTS or low in TITLE_WORDS


def next_line_statement(st: RunState, t: Token) -> tuple[int, int] | None:
    """ "X said in a statement Tuesday,\n<the statement>": a line that ends on the verb's
    clause with a comma or a colon introduces the next line, unquoted, as what was said."""
    text = st.text
    nl = text.find("\n", t.end)
    if nl < 0 or text[t.end : nl].rstrip()[-1:] not in (",", ":"):
        return None
    if st.sentence_at(nl - 1) != st.sentence_at(t.start) or not st.ix or t.head != t.i:
        return None  # the verb heads the line's last sentence
    lo = nl + 1
    while lo < len(text) and text[lo] in " \t\n":
        lo += 1
    hi = text.find("\n", lo)
    hi = len(text) if hi < 0 else hi
    if lo >= hi or text[lo] in "\"“'‘«»>—–-":
        return None  # a quotation is linked as a quotation
    line = st.parsed.tokens_in(lo, hi)  # not a scan of every token of the text
    if not any(k.tag in _FINITE_TAGS for k in line if lo <= k.start and k.end <= hi):
        return None  # "wrote an analysis:\nThe seizure of guns.": a heading, no statement
    return st.trim_chars(lo, hi)


#: Finite verb tags (and modals): a line with one states something.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Present-tense tags: "alleges", "is alleging" (through its auxiliary).
_PRESENT = frozenset({"VBZ", "VBP"})


def _reporters_verb(st: RunState, t: Token, c: Token, d: Token) -> bool:
    """ "X is alleging that he was wronged and cites ...": a present-tense verb with no
    subject of its own, joined to a past-tense reported clause, goes on with the reporting
    clause (its tense, its subject), not with what was reported."""
    assert st.ix is not None
    ix = st.ix
    present = t.tag in _PRESENT or any(a.tag in _PRESENT for a in ix.kids(t.i, "aux"))
    past = c.tag == "VBD" or any(a.tag == "VBD" for a in ix.kids(c.i, "aux", "auxpass"))
    return (
        d.dep == "conj"
        and d.pos == "VERB"  # not "was coerced and so isn't valid": the same subject's
        and d.tag in _PRESENT
        and past
        and present
        and not ix.kids(d.i, "nsubj", "nsubjpass")
    )


def _after_expletive(ix: ParseIndex, c: Token, d: Token) -> bool:
    """ "X said there was doubt about it, and sent the case to court": a finite verb with
    no subject of its own joined to a clause whose subject is an expletive "there" cannot
    share that subject; it goes on with the reporting clause, not with what was said."""
    return (
        d.dep == "conj"
        and d.pos == "VERB"
        and d.tag in ("VBD", "VBZ", "VBP")  # finite: "one involving X and another asking Y"
        and bool(ix.kids(c.i, "expl"))
        and not ix.kids(d.i, "nsubj", "nsubjpass", "expl")
    )


#: Dependencies that chain clauses (not a relative clause inside a noun phrase).
_CLAUSE_CHAIN = ("conj", "ccomp", "advcl", "parataxis", "xcomp")


def _others_words_before(ix: ParseIndex, t: Token, lo: int) -> bool:
    """Whether the clause starting at token ``lo`` comes right after a noun of others'
    words with their own author that ``t`` is about ("responding to comments from Y
    that ..."): the parser hung the noun's clause on the verb."""
    for p in ix.kids(t.i, "prep"):
        if p.lower not in _OTHERS_WORDS or not t.i < p.i < lo:
            continue
        if any(_owned(ix, o) and ix.subtree(p.i)[1] < lo for o in ix.kids(p.i, "pobj")):
            return True
    return False


def _owned(ix: ParseIndex, o: Token) -> bool:
    """A noun of words with their own author: "comments from Y", "remarks by Y", "Y's
    claims" (a clause after it is Y's, not what the verb's subject said; "responded to
    reports that ..." keeps its clause)."""
    if o.lower not in _SPEECH_NOUNS:
        return False
    if any(c.dep == "poss" and c.pos != "PRON" for c in ix.kids(o.i)):
        return True
    return any(p.lower in ("from", "by") and ix.kids(p.i, "pobj") for p in ix.kids(o.i, "prep"))


#: Verbs of saying only with a clause: "had found a rug" is no finding of anyone's.
_CLAUSE_ONLY = frozenset({"find"})


def _finding_clause(ix: ParseIndex, t: Token) -> bool:
    """Whether ``t`` has a clause of what was found ("found that ..."), not a thing found
    ("found what they took for a rug")."""
    toks = ix.parsed.tokens
    return any(toks[ix.subtree(c.i)[0]].lower != "what" for c in ix.kids(t.i, "ccomp"))


def _has_own_speech(st: RunState, i: int) -> bool:
    """True when token ``i``, or a clause chained to it (not one inside a noun phrase:
    "collected gifts, payments that both firms denied had any influence"), is a verb of
    saying with its own subject ("X said A, while Y said B")."""
    assert st.ix is not None
    ix = st.ix
    todo = [st.parsed.tokens[i]]
    while todo:
        t = todo.pop()
        if (
            t.pos == "VERB"
            and t.lower in VERB_FORMS
            and ix.kids(t.i, "nsubj")
            and (VERB_FORMS[t.lower] not in _CLAUSE_ONLY or _finding_clause(ix, t))
        ):
            return True
        todo.extend(ix.kids(t.i, *_CLAUSE_CHAIN))
    return False


def _relative_speech_cut(st: RunState, i: int) -> int:
    """Where the clause of token ``i`` stops being the reported content when a relative
    clause inside it has a verb of saying of its own ("... to defeat Y, who he blasted as
    a bully": another statement): the first token of that relative clause, or of the
    noun phrase it hangs on when that stands in apposition after a comma ("..., payments
    that both firms denied had any influence"); past the last token when there is none."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    lo, hi = ix.subtree(i)
    for t in toks[lo : hi + 1]:
        if not (t.pos == "VERB" and t.lower in VERB_FORMS and ix.kids(t.i, "nsubj")):
            continue
        r = t
        while r.dep not in ("relcl", "acl") and r.head != r.i and r.i != i:
            r = toks[r.head]
        if r.dep not in ("relcl", "acl") or r.i == i:
            continue
        cut = ix.subtree(r.i)[0]
        noun = toks[r.head]
        n_lo = ix.subtree(noun.i)[0]
        if noun.dep in ("appos", "conj", "npadvmod") and n_lo > 0 and toks[n_lo - 1].text == ",":
            cut = n_lo
        return cut
    return len(toks)


def withholding(ix: ParseIndex, t: Token) -> bool:
    """ "deny" as to withhold: with a recipient ("denied rights to everyone", "denied the
    workers their pay") or a clause whose subject is an object pronoun ("denied him
    bail"), not a claim disputed."""
    if ix.kids(t.i, "dative"):
        return True
    return any(
        s.lower in _OBJECT_PRONOUNS for c in ix.kids(t.i, "ccomp") for s in ix.kids(c.i, "nsubj")
    )


#: Heads of a quantity whose people follow "of" ("thousands of refugees").
_QUANTITY_HEADS = frozenset(
    """
    hundred thousand million dozen score number lot group wave flood influx handful
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", *_OBJECT_PRONOUNS})
#: Agent-noun endings of people ("jihadists", "Christians", "migrants", "attendees").
_PEOPLE_ENDINGS = ("ists", "ians", "ants", "ees")


def _people(ix: ParseIndex, t: Token) -> bool:
    """A noun of people: a person, an unnamed person or group ("two preachers", "its
    proponents", "thousands of refugees"), a nationality or group name."""
    low = t.lemma.lower()
    if t.pos == "NUM" or low in _QUANTITY_HEADS:
        return any(_people(ix, o) for p in ix.kids(t.i, "prep") for o in ix.kids(p.i, "pobj"))
    if person_object(t) or t.ent_type in ("PERSON", "NORP") or low in _PERSONAL_PRONOUNS:
        return True
    for w in (low, t.lower, t.lower.removesuffix("s")):  # "Preachers" in a title
        if w in PERSON_NOUNS or w in ENTRANT_NOUNS or w in MALE_WORDS or w in FEMALE_WORDS:
            return True
    return t.tag == "NNS" and t.lower.endswith(_PEOPLE_ENDINGS)


def letting_in(ix: ParseIndex, t: Token) -> bool:
    """ "admit" as to allow entry, not a concession: people as its object or passive
    subject ("admits jihadists", "refugees were admitted"), or a place they enter ("admitted
    him into the country", "admit them to the sacraments"); "admitted to the affair" (no
    object) and "admitted the affair to his wife" (a person told) stay concessions."""
    objs = ix.kids(t.i, "dobj", "nsubjpass")
    if any(_people(ix, o) for o in objs):
        return True
    if not objs and any(c.lemma == t.lemma and letting_in(ix, c) for c in ix.kids(t.i, "conj")):
        return True  # "has never admitted and will never admit migrants": a shared object
    for p in ix.kids(t.i, "prep"):
        if p.lower == "into":
            return True
        places = ix.kids(p.i, "pobj")  # not a stranded "to" ("what they admit to")
        if p.lower == "to" and objs and places and not any(_people(ix, o) for o in places):
            return True
    return False
