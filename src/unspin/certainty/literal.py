"""Literal readings of certainty words, asked by :mod:`.cues` and :mod:`.modality`
before they report: "it appeared" that means was published ("it appeared on a website"),
a modal of a kind's possibility in an example ("for example, a person might be born
..."), capitals that label a link ("SEE ALSO:") or name a programme ("told TODAY"), an
intensifier that grades damage beside another degree ("severely damaged and totally
destroyed") and "letting everyone know" (informing, not an appeal to what all know).
Round 7: "could not possibly" (impossibility insisted on) and "as ... as it could
possibly be" (the utmost degree) hold nothing back; capitals after an acronym that
run on into a name ("USA TODAY/Ipsos Poll") name an outlet. Round 8: "of course" that
concedes a caveat ("Of course, this is only speculation", "That presumes, of course,
that ...", "Of course, X may well ...") insists on nothing; capitals that are all words
of a press label ("BREAKING:", "EXCLUSIVE MUST CREDIT") mark the kind of item; "it was
said ... by <Name>" is a passive with its speaker named, no hedge. Round 12: capitals of
a section heading that opens a line and runs on after a dash ("RED TOWNS OUTNUMBER BLUE
TOWNS - <Name>: ...") are layout; "told KTX TONIGHT" names an outlet; "can't seem to"
is an idiom of failing, no impression. The readings of capitals are asked by
:mod:`.caps`."""

from __future__ import annotations

import re

from unspin.certainty.capnames import proper_caps
from unspin.nlp import Parsed, Token
from unspin.segment import BODY

__all__ = [
    "caps_label",
    "caps_name",
    "conceding_course",
    "degree_pair",
    "example_kind",
    "failing",
    "grading",
    "informing",
    "name_after_acronym",
    "named_agent",
    "noun_initialism",
    "opening_caps",
    "ordinal_kind",
    "press_label",
    "published",
    "utmost_possibly",
]

#: What follows "it appeared" when it was published or shown: a place or a clause's end.
_SHOWN_AFTER = re.compile(r"\s*(?:[.;]|,?\s+and\s|\s+(?:on|online|in|at|first)\b)", re.I)
#: What makes "it appeared" an impression after all ("... on Monday that ...").
_IMPRESSION = re.compile(r"\b(?:that|to\s+\w+|as\s+(?:if|though)|likely|unlikely)\b", re.I)
#: Adverbs of degree that grade a state ("partly", "severely"), not insist on it.
_DEGREES = (
    r"(?:partially|partly|severely|slightly|heavily|badly|moderately|lightly|mildly|"
    r"largely|mostly|seriously)"
)
_DEGREE_BEFORE = re.compile(_DEGREES + r"\s+[\w-]+\s*,?\s+(?:and|or)\s+$", re.I)
_DEGREE_AFTER = re.compile(r"^\s+[\w-]+\s*,?\s+(?:and|or)\s+" + _DEGREES + r"\b", re.I)
_EXAMPLE = re.compile(r"\b(?:for\s+(?:example|instance)|e\.\s?g\.)", re.I)
#: The verbs whose object in capitals is an outlet or programme ("told TODAY").
_TOLD = frozenset(("told", "tell", "tells", "telling"))
#: Verbs whose "on" + capitals is a programme ("said on TODAY", "appeared on NIGHTLINE").
_ON_AIR = frozenset(
    ("said", "says", "spoke", "speaking", "told", "appeared", "appearing", "interview", "admitted")
)
#: A label in capitals opening a line, ending in a colon: "SEE ALSO:", "READ MORE:".
_LINK_LABEL = re.compile(r"[ \t]*[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*:")
#: Nouns after capitals that name a programme or publication ("the TODAY show").
_PROGRAMME_NOUNS = frozenset(
    ("show", "programme", "program", "magazine", "newspaper", "podcast", "channel", "app")
)


def published(text: str, end: int) -> bool:
    """'It appeared on a website', 'the instant it appeared and ...': the thing was
    published or shown, no impression reported (the text after "it appeared", ending at
    ``end``, names a place or ends the clause, and no "that"/"to" clause follows)."""
    after = text[end : end + 200]
    if not _SHOWN_AFTER.match(after):
        return False
    clause = re.split(r"[.;!?]", after, maxsplit=1)[0]
    return not _IMPRESSION.search(clause)


def example_kind(parsed: Parsed, t: Token) -> bool:
    """'For example, a person might be born ...': a modal whose subject is an indefinite
    "a"/"an" noun in a sentence giving an example states what can happen to a kind, not
    a doubt of the writer's."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None or not _EXAMPLE.search(parsed.text[sentence.start : t.start]):
        return False
    verb = parsed.tokens[t.head]
    for s in parsed.children(verb.i):
        if s.dep in ("nsubj", "nsubjpass") and s.i < t.i:
            return any(c.dep == "det" and c.lower in ("a", "an") for c in parsed.children(s.i))
    return False


#: The notices that warn of what a link or a video holds: "WARNING:", "SPOILER ALERT:".
_WARNING = re.compile(
    r"(?:(?:content|trigger|spoiler)\s+)?(?:warning|caution|alert|spoilers?|nsfw)", re.I
)


def noun_initialism(t: Token) -> bool:
    """A capital word ending like an English past tense that is a noun before a noun
    ("AMOLED panels"): an initialism, not a shouted verb ("they LIED")."""
    return t.text.endswith("ED") and t.pos == "NOUN" and t.dep == "compound"


#: A word of a heading in capitals: quoted, possessive, with a comma or "!" after it.
_HEAD_WORD = r"[\"'\u2018\u201c]?[A-Z0-9][A-Z0-9'\u2019&./-]*[\"'\u2019\u201d]?[,!?]?"
#: Two or more words in capitals that open a line and end at a dash or a colon, the text
#: running on after it: a newsletter's section heading ("RED TOWNS OUTNUMBER BLUE TOWNS -
#: Jane Roe: ...", "MONDAY'S 'ODDITIES' - Links to ...").
_HEADING = re.compile(
    rf"[ \t]*{_HEAD_WORD}(?:[ \t]+{_HEAD_WORD})+(?=[ \t]+[-\u2013\u2014][ \t]|[ \t]*:)"
)


def caps_label(text: str, start: int, end: int) -> bool:
    """Capitals opening a line and ending in a colon ("SEE ALSO:", "FROM EARLIER:"): a
    link's label, page furniture; so are capitals in the title-case headline such a label
    opens ("SEE ALSO: Fans Find The REAL Reason Behind The Delay") and capitals inside a
    section heading that opens a line and runs on after a dash or a colon ("OHIO POLLS
    NOT WRONG, JUST TOO EARLY - Jane Roe: ..."): the newsletter's layout, all of it in
    capitals, not a stressed word."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and re.match(r"\s*:", text[end:]):
        return True
    if _WARNING.fullmatch(text[start:end]) and re.match(r"\s*:", text[end:]):
        return True  # "(WARNING: strong language)": a notice before a link, no stress
    heading = _HEADING.match(text, line_start)
    if heading is not None and heading.end() >= end:
        return True  # "OHIO POLLS NOT WRONG, JUST EARLY - Jane Roe: ...": a section heading
    label = _LINK_LABEL.match(text, line_start)
    if label is None or label.end() > start:
        return False
    line_end = text.find("\n", end)
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", text[label.end() : line_end % (len(text) + 1)])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def caps_name(parsed: Parsed, first: Token, last: Token) -> bool:
    """Capitals that name a programme or outlet: the object of "told" ("told TODAY", "told
    KTX TONIGHT": an acronym and a word, the outlet's name) or of
    "on" after a verb of saying or appearing ("said on TODAY"), after a possessive
    ("<Network>'s TODAY") or before "show"/"magazine"."""
    toks = parsed.tokens
    prev = toks[first.i - 1] if first.i > 0 else None
    if prev is not None and (prev.lower in _TOLD or prev.lower in ("'s", "’s")):
        return True
    k = first.i - 1  # "tells 8 News NOW": the last word of an outlet's name after "told"
    while k >= 0 and first.i - k <= 3 and re.fullmatch(r"\d+|[A-Z][a-z]+|[A-Z]{2,5}", toks[k].text):
        k -= 1
    if k < first.i - 1 and k >= 0 and toks[k].lower in _TOLD:
        return True
    if (
        prev is not None
        and prev.lower == "on"
        and first.i > 1
        and toks[first.i - 2].lower in _ON_AIR
    ):
        return True
    if _CREDIT_LINE.match(parsed.text, parsed.text.rfind("\n", 0, first.start) + 1):
        return True  # "Contributing: Jane Roe and Jon Doe, DAILY NEWS": the outlet's name
    if first.i == last.i and _plural_acronym(parsed, first):
        return True  # "former Army RANGERS Jon Doe": a unit's name in capitals
    nxt = toks[last.i + 1] if last.i + 1 < len(toks) else None
    if nxt is not None and nxt.lower in _PROGRAMME_NOUNS:
        return True
    return proper_caps(parsed, first, last)  # round 15: a name in capitals


#: A line of credits: "Contributing: ...", "Additional reporting by ...", "Compiled by ...".
_CREDIT_LINE = re.compile(
    r"[ \t]*(?:Contribut(?:ing|ors?|ed\s+by)|(?:Additional\s+)?[Rr]eporting\s+by"
    r"|(?:Compiled|Written|Edited)\s+by)\b"
)


def _plural_acronym(parsed: Parsed, t: Token) -> bool:
    """A capital plural noun right after a capitalised proper noun and before a name or
    the end of the phrase ("Army RANGERS Jon Doe", "Coast Guard DIVERS"): the plural of a unit's
    acronym or name, not a shouted word ("Roe LOVES it": a verb after a person)."""
    if not t.text.endswith("S") or t.i == 0:
        return False
    prev = parsed.tokens[t.i - 1]
    if not re.fullmatch(r"[A-Z][a-z]+", prev.text) or prev.pos != "PROPN":
        return False
    if t.pos not in ("NOUN", "PROPN") and prev.ent_type != "ORG":
        return False  # the tagger reads "Army RANGERS" as a verb after a body's name
    gap = parsed.text[prev.end : t.start]
    return gap == " " and prev.start > (parsed.sentence_of(t.start) or t).start


def degree_pair(text: str, start: int, end: int) -> bool:
    """'severely damaged and totally destroyed': the intensifier grades a state beside
    another degree adverb, a description of extent rather than emphasis."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    return bool(_DEGREE_BEFORE.search(before) or _DEGREE_AFTER.match(after))


def informing(text: str, start: int) -> bool:
    """'letting everyone know', 'to make everybody know', 'make (damn) sure everyone
    knows', 'ensure that everyone knows': telling people, not an appeal to what everyone
    knows."""
    before = text[max(0, start - 40) : start]
    return bool(_INFORMING.search(before))


_INFORMING = re.compile(
    r"(?:\b(?:let|lets|letting|make|makes|making)"
    r"|\b(?:make|makes|making|made)\s+(?:\w+\s+)?(?:sure|certain)(?:\s+that)?"
    r"|\b(?:ensure|ensures|ensuring|ensured)(?:\s+that)?)\s+$",
    re.I,
)


#: Modals before a negation that "possibly" makes emphatic: "could not possibly happen".
_MODALS = frozenset(("can", "could", "ca", "would", "wo"))
_NEGATED = frozenset(("not", "n't", "never"))
#: An equative before the modal: "as inclusive as any place could possibly be".
_EQUATIVE = re.compile(r"\bas\s+(?!well\s)(?:[\w-]+\s+){1,2}as\b[^.;!?]*$", re.I)


def utmost_possibly(parsed: Parsed, t: Token) -> bool:
    """ "possibly" after a negated modal ("could not possibly happen", "can't possibly
    know": impossibility insisted on) or after a modal that closes an equative ("as
    inclusive as any bar could possibly be": the utmost degree): no doubt held back."""
    toks = parsed.tokens
    prev = toks[t.i - 1] if t.i > 0 else None
    if prev is None:
        return False
    before = toks[t.i - 2] if t.i > 1 else None
    if prev.lower in _NEGATED and before is not None and before.lower in _MODALS:
        return True
    if _utmost_ellipsis(parsed, t):
        return True
    if prev.lower not in _MODALS:
        return False
    sentence = parsed.sentence_of(t.start)
    start = sentence.start if sentence is not None else max(0, prev.start - 120)
    return _EQUATIVE.search(parsed.text, start, prev.start) is not None


#: Words before the subject of "<subject> possibly can" that make it the utmost extent.
_UTMOST_OPENERS = frozenset(("as", "everything", "all", "whatever", "anything", "what"))


def _utmost_ellipsis(parsed: Parsed, t: Token) -> bool:
    """ "as far as she possibly can", "everything they possibly could": "possibly" before
    a modal whose verb is left out closes an equative or a free relative, the utmost
    extent one is able to, no doubt held back (round 15). "He possibly could win" and
    a bare "Could he? He possibly could." stay hedges."""
    toks = parsed.tokens
    if t.i < 2 or t.i + 1 >= len(toks) or toks[t.i + 1].lower not in _MODALS:
        return False
    after = toks[t.i + 2] if t.i + 2 < len(toks) else None
    if after is not None and after.pos in ("VERB", "AUX", "ADV", "PART"):
        return False  # "possibly can win": the verb is there
    subject, opener = toks[t.i - 1], toks[t.i - 2]
    if subject.pos not in ("PRON", "PROPN", "NOUN"):
        return False
    return opener.lower in _UTMOST_OPENERS


def name_after_acronym(text: str, end: int) -> bool:
    """One capital word after an acronym ("USA TODAY") that runs on, with a slash or a
    capitalised word, into a longer name ("USA TODAY/Ipsos Poll"): an outlet's name.
    "the FBI LIED to the court" stays emphasis."""
    return re.match(r"/[A-Z]|[ \t]+[A-Z][a-z]", text[end : end + 3]) is not None


#: Words of a caveat in the sentence "of course" opens: the statement is a guess or a
#: leak ("Of course, this is only speculation"), or a possibility conceded ("may well").
_CAVEAT = re.compile(
    r"\b(?:speculation|speculative|conjecture|guesswork|rumou?rs?|leaks?|leaked|"
    r"unconfirmed|unverified|hypothetical|(?:may|might|could)\s+well)\b",
    re.I,
)
#: A verb of presupposing right before ", of course,": "That presumes, of course, that".
_PRESUPPOSE = re.compile(r"\b(?:presumes?|presupposes?|assumes?|supposes?)\s*,\s*$", re.I)


def conceding_course(text: str, start: int, end: int) -> bool:
    """ "of course" at ``start:end`` concedes a caveat rather than insisting on a fact:
    its sentence calls the statement a guess or a leak or grants a possibility ("Of
    course, this is only speculation", "Of course, such figures may well ..."), or it
    follows a verb of presupposing ("That presumes, of course, that ..."). "That lineup,
    of course, includes ..." (a fact presented as obvious) stays a booster."""
    if not text[start:end].lower().startswith("of"):
        return False
    if _PRESUPPOSE.search(text, max(0, start - 24), start):
        return True
    cut = max(text.rfind(c, 0, start) for c in ".!?\n")
    stops = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return _CAVEAT.search(text, cut + 1, min(stops) if stops else len(text)) is not None


#: The labels news items and posts carry in capitals: "BREAKING:", "EXCLUSIVE", "MUST
#: CREDIT", "UPDATE:", "READ MORE"; a run of them ("EXCLUSIVE MUST CREDIT").
_LABEL = (
    r"(?:breaking(?:\s+news)?|exclusive|must\s+credit|updated?|developing(?:\s+story)?|"
    r"news\s+alert|read\s+more)"
)
_PRESS_LABEL = re.compile(rf"{_LABEL}(?:\s+{_LABEL})*", re.I)


def press_label(words: list[str]) -> bool:
    """A run in capitals that is a press label or a run of them ("BREAKING:", "EXCLUSIVE
    MUST CREDIT", "UPDATE"): it tells the kind of item, it puts no stress on a claim
    ("you MUST see this" stays emphasis)."""
    return _PRESS_LABEL.fullmatch(" ".join(words)) is not None


#: "by" and a capitalised name before the clause ends: "it was said years ago by Ann Lund".
_BY_NAME = re.compile(r"[^.;:!?,\n]{0,40}?\bby\s+(?:the\s+)?(?P<n>[A-Z][\w'\u2019.-]*)")
#: Capitalised words after "by" that name a time, no speaker ("by Monday").
_TIMES = frozenset(
    re.findall(
        r"\w+",
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december",
    )
)


def named_agent(text: str, end: int) -> bool:
    """The passive of saying that ends at ``end`` ("it was said") names its speaker in a
    "by" phrase before the clause ends ("it was said decades ago by Ann Lund"): a report
    with its source, not one the writer keeps at a distance; so does an outlet named as
    where it ran ("it was reported on KVR's evening show that", round 15). "It is said
    that ...", "it was said by some" and "it was reported on Monday's broadcast" stay
    hedges."""
    m = _BY_NAME.match(text, end)
    if m is not None and m["n"].lower() not in _TIMES:
        return True
    m = _ON_OUTLET.match(text, end)
    return m is not None and m["n"].lower() not in _TIMES


#: "on" and a capitalised outlet before the clause ends, as its possessive or before a
#: programme noun: "it was reported live on May 2nd. 2010 on KVR's evening show that".
_ON_OUTLET = re.compile(
    r"(?:[^.;:!?,\n]|(?<=\d(?:st|nd|rd|th))\.){0,60}?\b(?:on|in)\s+(?:the\s+)?"
    r"(?P<n>[A-Z][\w.-]*)(?:['\u2019]s\b|\s+(?:show|programme|program|broadcast|newscast))"
)


#: Modals of ability before a negation: "can't seem to", "cannot seem to", "couldn't".
_ABLE = frozenset(("can", "ca", "could", "cannot"))


def failing(parsed: Parsed, t: Token) -> bool:
    """ "seem" after a negated modal of ability ("he just can't seem to win", "they could
    never seem to agree"): an idiom of trying and failing, stated as a fact, no doubt of
    the writer's. "He doesn't seem to care" stays an impression."""
    toks = parsed.tokens
    if t.i < 2 or toks[t.i - 1].lower not in ("n't", "not", "never", "n’t"):
        return False
    return toks[t.i - 2].lower in _ABLE


def opening_caps(parsed: Parsed, words: list[Token], first: Token) -> bool:
    """Capitals that open their sentence (``words``, its words): a dateline ("ROME -") or
    a newspaper lead-in as often as emphasis; so is a capital word after the article that
    opens the text's first sentence ("A MYSTERIOUS blast shook ...": house style)."""
    if words[0].start == first.start:
        return True
    if len(words) < 2 or words[1].start != first.start or words[0].lower not in _ARTICLES:
        return False
    opening = next((s for s in parsed.sentences if s.block in BODY), None)
    return opening is not None and opening.start <= words[0].start < opening.end


_ARTICLES = frozenset(("a", "an", "the"))


#: Ordinals that open a class its adverb restricts: "the first truly free vote".
_ORDINALS = frozenset(("first", "second", "third", "last", "next"))
#: Adverbs that separate the genuine from the nominal after an ordinal.
_GENUINE = frozenset(("truly", "really", "genuinely", "fully"))


def ordinal_kind(parsed: Parsed, t: Token) -> bool:
    """ "the first truly contested primary", "the first truly multiparty vote": after an
    ordinal, the adverb of an adjective before its noun picks out the genuine kind from
    nominal ones (drop it and the claim changes), no emphasis (round 15). "a truly
    great vote" and "the only themes truly capable of ..." stay intensifiers."""
    toks = parsed.tokens
    if t.lower not in _GENUINE or t.i == 0 or toks[t.i - 1].lower not in _ORDINALS:
        return False
    if t.i + 1 >= len(toks):
        return False
    adj = toks[t.i + 1]
    if adj.pos not in ("ADJ", "VERB", "NOUN", "PROPN") or adj.i >= adj.head:
        return False
    return toks[adj.head].pos in ("NOUN", "PROPN") and adj.head - adj.i <= 2


def grading(parsed: Parsed, t: Token) -> bool:
    """The intensifier ``t`` grades or restricts rather than amplifies: a degree beside
    another (:func:`degree_pair`) or the genuine kind after an ordinal (:func:`ordinal_kind`)."""
    return degree_pair(parsed.text, t.start, t.end) or ordinal_kind(parsed, t)
