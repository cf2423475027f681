"""Shared English word lists: titles, organisation nouns, reporting verbs and their forms.

Generic vocabulary only (verbs of saying, titles people hold, kinds of institution); no
real person, outlet or event is named. The sources analyzer builds its speaker and cue
lexicon on these; the corpus comparisons use the titles, honorifics, organisation nouns
and verb forms to find roles, names and reporting clauses in stored text. Two marks of the sources
analyzer's speaker findings that the corpus reads (features do not import each other)
are named here too: :data:`SPOKEN_FOR_RULES` and :data:`BARE_NAME_REASON`.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BARE_NAME_REASON",
    "HONORIFICS",
    "ORG_NOUNS",
    "PARTICLE_VERBS",
    "SPOKEN_FOR_RULES",
    "TITLE_WORDS",
    "VERBS",
    "VERB_FORMS",
    "VerbInfo",
]


def _words(text: str) -> list[str]:
    return text.split()


class VerbInfo:
    """A reporting verb: its lemma, a finer class, the stance it signals and how it may be used.

    ``content`` says which complements count as reported content: ``"clause"`` (only a
    that-clause or a quotation), ``"object"`` (also a direct object or infinitive:
    "denied the allegations", "claimed to have seen"). ``doc_only`` verbs ("found",
    "showed") report speech only when their subject is a document or organisation.
    ``quote_only`` verbs ("added", "continued", "asked") attribute only a direct quotation.
    """

    __slots__ = ("content", "doc_only", "lemma", "quote_only", "stance", "verb_class")

    def __init__(
        self,
        lemma: str,
        verb_class: str,
        stance: str,
        *,
        content: str = "clause",
        doc_only: bool = False,
        quote_only: bool = False,
    ) -> None:
        self.lemma = lemma
        self.verb_class = verb_class
        self.stance = stance
        self.content = content
        self.doc_only = doc_only
        self.quote_only = quote_only

    def __repr__(self) -> str:
        return f"VerbInfo({self.lemma!r}, {self.verb_class!r}, {self.stance!r})"


def _v(lemma: str, verb_class: str, stance: str, **kw: bool | str) -> VerbInfo:
    return VerbInfo(lemma, verb_class, stance, **kw)  # type: ignore[arg-type]


# Neutral verbs of saying; "loaded" ones colour the reported content: they cast doubt
# (claim, allege), present it as a concession (admit), as stubbornness (insist), as a
# threat (warn), as established fact (reveal, point out) or mock the speaker (boast).
_VERB_TABLE: tuple[VerbInfo, ...] = (
    _v("say", "neutral", "neutral"),
    _v("tell", "neutral", "neutral"),
    _v("state", "neutral", "neutral"),
    _v("report", "neutral", "neutral"),
    _v("write", "neutral", "neutral"),
    _v("announce", "neutral", "neutral", content="object"),
    _v("explain", "neutral", "neutral"),
    _v("note", "neutral", "neutral"),
    _v("add", "neutral", "neutral"),
    _v("comment", "neutral", "neutral"),
    _v("reply", "neutral", "neutral"),
    _v("respond", "neutral", "neutral"),
    _v("answer", "neutral", "neutral"),
    _v("remark", "neutral", "neutral"),
    _v("mention", "neutral", "neutral"),
    _v("recall", "neutral", "neutral"),
    _v("recount", "neutral", "neutral"),
    _v("declare", "neutral", "neutral"),
    _v("observe", "neutral", "neutral"),
    _v("testify", "neutral", "neutral"),
    _v("conclude", "neutral", "neutral"),
    _v("suggest", "neutral", "neutral"),
    _v("argue", "neutral", "neutral"),
    _v("estimate", "neutral", "neutral"),
    _v("predict", "neutral", "neutral", content="object"),
    _v("inform", "neutral", "neutral"),
    _v("reiterate", "neutral", "neutral"),
    _v("confirm", "factive", "neutral", content="object"),
    _v("deny", "denial", "neutral", content="object"),
    _v("dispute", "denial", "neutral", content="object"),
    _v("counter", "denial", "neutral"),
    _v("tweet", "neutral", "neutral"),
    _v("post", "neutral", "neutral", quote_only=True),
    _v("ask", "neutral", "neutral", quote_only=True),
    _v("continue", "neutral", "neutral", quote_only=True),
    _v("describe", "neutral", "neutral", quote_only=True),
    _v("call", "neutral", "neutral", quote_only=True),
    _v("speak", "neutral", "neutral", quote_only=True),
    _v("quip", "emotive", "loaded", quote_only=True),
    _v("read", "neutral", "neutral", doc_only=True),
    _v("show", "neutral", "neutral", doc_only=True),
    _v("find", "neutral", "neutral", doc_only=True),
    _v("indicate", "neutral", "neutral", doc_only=True),
    # doubt
    _v("claim", "doubt", "loaded", content="object"),
    _v("allege", "doubt", "loaded", content="object"),
    _v("purport", "doubt", "loaded", content="object"),
    _v("contend", "doubt", "loaded"),
    _v("profess", "doubt", "loaded", content="object"),
    # concession
    _v("admit", "concession", "loaded", content="object"),
    _v("concede", "concession", "loaded", content="object"),
    _v("confess", "concession", "loaded", content="object"),
    _v("acknowledge", "concession", "loaded", content="object"),
    # emphasis / stubbornness
    _v("insist", "emphasis", "loaded"),
    _v("maintain", "emphasis", "loaded"),
    _v("assert", "emphasis", "loaded"),
    _v("stress", "emphasis", "loaded"),
    _v("emphasise", "emphasis", "loaded"),
    _v("emphasize", "emphasis", "loaded"),
    _v("vow", "emphasis", "loaded"),
    _v("swear", "emphasis", "loaded"),
    _v("proclaim", "emphasis", "loaded"),
    # alarm
    _v("warn", "alarm", "loaded"),
    _v("threaten", "alarm", "loaded"),
    _v("caution", "alarm", "loaded"),
    # presented as established fact
    _v("reveal", "factive", "loaded", content="object"),
    _v("disclose", "factive", "loaded", content="object"),
    _v("refute", "factive", "loaded", content="object"),
    _v("point", "factive", "loaded"),  # only with the particle "out"
    # emotive, disparaging
    _v("boast", "emotive", "loaded"),
    _v("brag", "emotive", "loaded"),
    _v("complain", "emotive", "loaded"),
    _v("lament", "emotive", "loaded"),
    _v("rant", "emotive", "loaded"),
    _v("scoff", "emotive", "loaded"),
    _v("sneer", "emotive", "loaded"),
    _v("whine", "emotive", "loaded"),
    _v("grumble", "emotive", "loaded"),
    _v("gloat", "emotive", "loaded"),
    _v("fume", "emotive", "loaded"),
    _v("snap", "emotive", "loaded", quote_only=True),
    _v("scream", "emotive", "loaded"),
    _v("shout", "emotive", "loaded"),
    _v("yell", "emotive", "loaded"),
    _v("rage", "emotive", "loaded"),
    _v("moan", "emotive", "loaded"),
    _v("crow", "emotive", "loaded"),
    _v("spout", "emotive", "loaded", content="object"),
    _v("slam", "emotive", "loaded", quote_only=True),
    _v("blast", "emotive", "loaded", quote_only=True),
    _v("mock", "emotive", "loaded", quote_only=True),
    _v("lash", "emotive", "loaded", quote_only=True),  # only with "out"
    # hearsay carriers: "X quoted Y as saying", "X cited Y as saying"
    _v("quote", "neutral", "neutral", quote_only=True),
    _v("cite", "neutral", "neutral", quote_only=True),
)

VERBS: Final[dict[str, VerbInfo]] = {v.lemma: v for v in _VERB_TABLE}

#: Verbs that need a particle to be verbs of saying ("pointed out", "lashed out").
PARTICLE_VERBS: Final[dict[str, str]] = {"point": "out", "lash": "out"}

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying", "sayeth"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "read": ("reads", "reading"),
    "deny": ("denied", "denies", "denying"),
    "reply": ("replied", "replies", "replying"),
    "testify": ("testified", "testifies", "testifying"),
    "admit": ("admitted", "admits", "admitting"),
    "quip": ("quipped", "quips", "quipping"),
    "snap": ("snapped", "snaps", "snapping"),
    "slam": ("slammed", "slams", "slamming"),
    "refute": ("refuted", "refutes", "refuting"),
}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, past, third, ing)


#: Every inflected form of a reporting verb, lower-cased, mapped to its lemma.
VERB_FORMS: Final[dict[str, str]] = {form: lemma for lemma in VERBS for form in _forms(lemma)}

#: Titles that precede a name ("Senator Anna Berg"): recorded as the role, not the name.
TITLE_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        president vice prime minister secretary senator sen. rep. representative governor
        gov. mayor chancellor premier judge justice general gen. colonel col. captain capt.
        lieutenant lt. sergeant sgt. admiral commander chief inspector detective officer
        ambassador envoy commissioner chairman chairwoman chair director ceo cfo coo cto
        founder councillor councilman councilwoman alderman deputy mp mep sheriff pastor
        reverend rev. father parson vicar priest bishop archbishop cardinal pope patriarch
        nuncio legate monsignor msgr.
        rabbi imam ayatollah sheikh emir sultan emperor empress king queen prince princess lord
        lady baron baroness count countess duke duchess speaker leader spokesman spokeswoman
        spokesperson coach professor dr dr. doctor attorney prosecutor lawyer economist
        analyst editor correspondent reporter minister-president foreign defence defense
        finance interior health justice education trade energy environment home state deputy
        acting former then-president then-minister opposition party
        """
    )
)

#: Honorifics and courtesy titles before a name ("Mrs. Berg", "Dr Lund", "Herr Vogt"),
#: lower-cased with and without the full stop, mapped to the gender they tell ("" for
#: none). The sources analyzer strips them from speaker names, the claims analyzer reads
#: a pronoun's antecedent by their gender, the corpus compares the surnames after them.
HONORIFICS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("mr", "mr.", "sir", "fr", "fr.", "monsieur", "herr", "senor", "señor"), "male"
    ),
    **dict.fromkeys(
        ("ms", "ms.", "mrs", "mrs.", "miss", "dame", "madam", "madame", "mme", "mme.", "mlle",
         "mlle.", "frau"),
        "female",
    ),
    **dict.fromkeys(
        ("mx", "mx.", "dr", "dr.", "prof", "prof.", "professor", "excellency", "eminence",
         "holiness"),
        "",
    ),
}  # fmt: skip

#: Generic institutions: "the ministry said", "police said".
ORG_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        ministry government company firm department agency police army military council
        committee commission court party campaign office administration authority
        authorities union bank board university school hospital club team group organisation
        organization association foundation institute coalition alliance embassy regulator
        watchdog prosecutors' cabinet parliament senate congress assembly presidency palace
        kremlin secretariat federation league corporation business manufacturer producer
        operator retailer insurer lender airline carrier charity ngo opposition junta regime
        state municipality city county province region district council's
        """
    )
)

#: The rules of a speaker finding that credits a spokesperson's or officials' words to the
#: one they speak for, with the spokesperson's title as its role ("a spokesman for Ana
#: Vell"): the voice of another, not a second speaker, and not the role of the one spoken for.
SPOKEN_FOR_RULES: Final[frozenset[str]] = frozenset(("speaker.representative", "speaker.officials"))

#: The ``type_reason`` of a speaker that nothing but its capitals made a person (no title,
#: no entity type): as often a heading before a colon as a name.
BARE_NAME_REASON: Final[str] = "capitalised name, taken as a person"
