"""The word lists and set phrases of the ``certainty`` analyzer (:mod:`.analyzer`, where
the labels and scores are documented; the rules that use them are in :mod:`.cues` and
:mod:`.caps`)."""

from __future__ import annotations

import re


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


# -- lexicons: word -> (label, score) --------------------------------------------------

HEDGE_WORDS: dict[str, tuple[str, float]] = {
    "allegedly": ("epistemic_adverb", 0.95),
    "reportedly": ("epistemic_adverb", 0.95),
    "purportedly": ("epistemic_adverb", 0.95),
    "supposedly": ("epistemic_adverb", 0.9),
    "reputedly": ("epistemic_adverb", 0.9),
    "ostensibly": ("epistemic_adverb", 0.85),
    "seemingly": ("epistemic_adverb", 0.85),
    "presumably": ("epistemic_adverb", 0.85),
    "possibly": ("epistemic_adverb", 0.85),
    "perhaps": ("epistemic_adverb", 0.85),
    "conceivably": ("epistemic_adverb", 0.85),
    "maybe": ("epistemic_adverb", 0.8),
    "probably": ("epistemic_adverb", 0.8),
    "arguably": ("epistemic_adverb", 0.8),
    "plausibly": ("epistemic_adverb", 0.8),
    "apparently": ("epistemic_adverb", 0.8),
    "potentially": ("epistemic_adverb", 0.6),
    "alleged": ("epistemic_adjective", 0.9),
    "purported": ("epistemic_adjective", 0.9),
    "supposed": ("epistemic_adjective", 0.6),
    "apparent": ("epistemic_adjective", 0.6),
    "suspected": ("epistemic_adjective", 0.65),
    "so-called": ("epistemic_adjective", 0.7),
    "unconfirmed": ("reporting_hedge", 0.9),
    "unverified": ("reporting_hedge", 0.9),
}
#: Adjectives only count before a noun (amod); "he was suspected" is a verb.
HEDGE_ADJ_NEEDS_AMOD = frozenset(("alleged", "purported", "supposed", "apparent", "suspected"))

BOOSTER_WORDS: dict[str, tuple[str, float]] = {
    "undeniably": ("certainty_adverb", 0.95),
    "undoubtedly": ("certainty_adverb", 0.95),
    "unquestionably": ("certainty_adverb", 0.95),
    "indisputably": ("certainty_adverb", 0.95),
    "incontrovertibly": ("certainty_adverb", 0.95),
    "irrefutably": ("certainty_adverb", 0.95),
    "indubitably": ("certainty_adverb", 0.95),
    "doubtless": ("certainty_adverb", 0.9),
    "obviously": ("certainty_adverb", 0.9),
    "definitely": ("certainty_adverb", 0.85),
    "clearly": ("certainty_adverb", 0.85),
    "certainly": ("certainty_adverb", 0.8),
    "plainly": ("certainty_adverb", 0.8),
    "evidently": ("certainty_adverb", 0.75),
    "surely": ("certainty_adverb", 0.7),
    "absolutely": ("intensifier", 0.6),
    "utterly": ("intensifier", 0.6),
    "totally": ("intensifier", 0.55),
    "unbelievably": ("intensifier", 0.55),
    "incredibly": ("intensifier", 0.5),
    "truly": ("intensifier", 0.5),
    "completely": ("intensifier", 0.45),
    "entirely": ("intensifier", 0.45),
    "thoroughly": ("intensifier", 0.45),
    "extremely": ("intensifier", 0.45),
    "literally": ("intensifier", 0.4),
}
#: Adverbs that are manner adverbs when they follow the verb they modify.
MANNER_PRONE = frozenset(("clearly", "plainly", "surely", "certainly", "evidently"))
#: What "clearly"/"plainly" before them tells how well it is seen, read or set out
#: ("clearly identifiable", "clearly marked", "plainly worded"), not how sure it is.
PERCEPTIBLE = frozenset(
    _words(
        "identifiable visible audible recognizable recognisable distinguishable discernible "
        "noticeable legible readable marked labeled labelled defined delineated outlined "
        "described explained stated worded written printed displayed signposted articulated"
    )
)
#: Degree words that make an adverb gradable, so a manner ("the most clearly seen").
COMPARATIVES = frozenset(_words("more most less least"))
#: Hedge adverbs that, on a verb of saying, tell how it was said ("plausibly told").
HEDGE_MANNER_PRONE = frozenset(("plausibly",))
#: Adjectives that "seemingly" exaggerates in a stock phrase ("a seemingly endless
#: stream"): hyperbole, nothing held back.
ENDLESS = frozenset(
    _words("endless unending never-ending infinite limitless boundless bottomless countless")
    + _words("innumerable inexhaustible interminable")
)
#: Adjectives of harmlessness a "seemingly" before a noun sets up to be overturned ("a
#: seemingly harmless obstacle: stairs"): an ironic contrast, not a doubt.
HARMLESS = frozenset(_words("innocent innocuous harmless benign mundane trivial unremarkable"))
#: Words calling a claim false, beside which "unverified" is one more charge of a denial
#: ("unsourced, unverified and ridiculous"), not a doubt held back.
DENIALS = frozenset(
    _words("false untrue baseless unfounded groundless ridiculous absurd fabricated bogus")
    + _words("unsourced inaccurate wrong fake lies nonsense")
)
#: Words before a certainty adverb that take its insistence away: a high likelihood
#: ("almost certainly") or a comparison of how firmly another put it ("more definitely").
ALMOST_OR_MORE = frozenset(_words("almost nearly more less"))
#: Certainty adverbs that open a concession when a contrast follows ("Certainly, ... But").
CONCEDING = frozenset(("certainly", "surely"))
NEGATORS = frozenset(("not", "n't", "never", "hardly", "scarcely"))
#: Verbs of saying: "clearly" after them is how something is said ("said clearly that").
SAYING_VERBS = frozenset(
    _words("say state speak talk explain write tell express communicate articulate spell")
)
#: After "may be"/"might be": a liability or entitlement under a rule, not a doubt.
DEONTIC_PREDICATES = frozenset(
    _words("subject liable eligible entitled exempt punishable permitted allowed required")
)
#: Words of legal drafting: a modal after them in its clause states what a statute allows.
LEGAL_MARKERS = frozenset(
    _words("subsection subparagraph pursuant hereby herein thereof hereunder")
)
#: Legal measures that a rule lets be renewed or revoked ("the order may be renewed").
LEGAL_INSTRUMENTS = frozenset(
    _words(
        "order warrant injunction licence license permit visa lease contract sentence "
        "probation parole confiscation seizure detention subpoena exemption waiver"
    )
)
#: What a rule lets be done to a legal measure (not "lifted": a decision that may come).
LEGAL_PROCEDURES = frozenset(
    _words("renew extend revoke appeal waive rescind reinstate terminate amend commute")
)
#: Nouns whose "that" clause is a proposition the text weighs ("the idea that ...").
PROPOSITION_NOUNS = frozenset(
    _words("idea notion suggestion theory premise hypothesis assertion myth fantasy pretence")
)
#: Verbs of reaching someone: "could never be reached" is ability.
REACH_VERBS = frozenset(_words("reach contact locate find"))
#: Verbs of speech: "he might explain to us that ..." imagines what someone would say.
SPEECH_VERBS = frozenset(_words("explain say tell argue insist assure reply respond answer"))
#: Conjunctions whose clause concedes a point ("while he may be a fan, ...").
CONCESSIVE_MARKS = frozenset(_words("while whilst although though"))
#: Words of contrast that override a point a modal grants ("he may be a fan, but ..."),
#: with the dependency they have as such (the adverb "yet" of "not yet" is none).
CONTRASTS: dict[str, str] = {"but": "cc", "yet": "cc", "however": "advmod"}

# -- phrases: (regex, kind, label, score) ---------------------------------------------

_I = re.IGNORECASE
PHRASES: tuple[tuple[re.Pattern[str], str, str, float], ...] = (
    (
        re.compile(
            r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:believed|thought|said|claimed|alleged|"
            r"rumou?red|reported|understood|suspected|feared)\b",
            _I,
        ),
        "hedge", "reporting_hedge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:said|believed|thought|alleged|reported|rumou?red|"
            r"understood|suspected|claimed|presumed|reputed)\s+to\b",
            _I,
        ),
        "hedge", "reporting_hedge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:ruled\s+out|excluded)\b", _I
        ),
        "hedge", "reporting_hedge", 0.8,
    ),
    (
        re.compile(
            r"\b(?:is|are|was|were|seems?|seemed|appears?)\s+(?:quite\s+|very\s+|highly\s+|most\s+)?"
            r"(?:likely|unlikely)\s+to\b"
            r"|\bit\s+(?:is|was)\s+(?:possible|likely|probable|conceivable|plausible|unclear|"
            r"not\s+clear|uncertain)\s+(?:that|whether|if)\b",
            _I,
        ),
        "hedge", "epistemic_adjective", 0.75,
    ),
    (
        re.compile(r"\b(?:could|can)(?:not|n['’]t|\s+not)\s+be\s+(?:sure|certain)\b", _I),
        "hedge", "epistemic_adjective", 0.7,
    ),
    (
        # not a likeness ("It seems like something out of a film", "like a scene from"),
        # nor a comparison with the look of a thing ("steeper than it appears")
        re.compile(
            r"(?<!\bthan\s)\bit\s+(?:appears|appeared|seems|seemed|would\s+seem|would\s+appear)\b"
            r"(?!\s+like\s+(?:something|someone|somebody|(?:a|an)\s+(?:\w+\s+)?"
            r"(?:scene|episode|plot|page|chapter))\s+(?:straight\s+)?(?:out\s+of|from)\b)",
            _I,
        ),
        "hedge", "appearance", 0.85,
    ),
    (
        re.compile(
            r"(?<![\w'’])I\s+(?:think|believe|suspect|guess|reckon|suppose|imagine)\b"
            r"|\bwe\s+(?:think|believe|suspect|suppose)\b",
        ),
        "hedge", "personal_hedge", 0.6,
    ),
    (
        re.compile(
            r"\bbeyond\s+(?:any|all|a|reasonable|a\s+reasonable|the\s+shadow\s+of\s+a)\s+doubt\b"
            r"|\bwithout\s+(?:a|any)\s+(?:shadow\s+of\s+(?:a\s+)?)?doubt\b"
            r"|\bbeyond\s+(?:dispute|question)\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.9,
    ),
    (
        re.compile(
            r"\bit\s+is\s+(?:plain|clear|obvious|evident|undeniable|indisputable|certain|"
            r"beyond\s+dispute|a\s+fact|crystal\s+clear|abundantly\s+clear|self-evident)\s+that\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.9,
    ),
    (
        re.compile(
            r"\bthere\s+(?:is|can\s+be)\s+(?:no|little)\s+(?:doubt|question)\b"
            r"|\bmake\s+no\s+mistake\b|\bit\s+goes\s+without\s+saying\b|\bneedless\s+to\s+say\b"
            r"|\blet\s+(?:me|us)\s+be\s+(?:clear|very\s+clear)\b|\blet's\s+be\s+clear\b"
            r"|\bno\s+doubt\b|\bthe\s+(?:simple\s+)?(?:fact|truth|reality)\s+(?:of\s+the\s+matter\s+)?is\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.8,
    ),
    (re.compile(r"\bof\s+course\b", _I), "booster", "emphatic_phrase", 0.55),
    (
        re.compile(
            r"\b(?:as\s+)?(?:everyone|everybody|we\s+all|all\s+of\s+us)\s+(?:knows?|now\s+knows?)\b"
            r"|\bit\s+is\s+(?:well|widely|common)\s*(?:-\s*)?(?:known|knowledge)\b",
            _I,
        ),
        "booster", "common_knowledge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:widely|commonly|generally|often|frequently)\s+(?:believed|thought|held|reported|"
            r"said|claimed|assumed|rumou?red|accepted(?!\s+(?:[\w-]+\s+){0,2}"
            r"(?:principles|standards|rules|practices?)\b))\b",
            _I,
        ),
        "vague_attribution", "vague_crowd", 0.8,
    ),
    (
        re.compile(
            r"\bthere\s+are\s+(?:those|some|many)\s+who\s+(?:say|believe|think|argue|claim)\b",
            _I,
        ),
        "vague_attribution", "vague_crowd", 0.85,
    ),
    (
        re.compile(r"\brumou?rs?\s+(?:has\s+it|have\s+it|suggests?|says?|claims?|persist)\b", _I),
        "vague_attribution", "vague_rumour", 0.85,
    ),
)  # fmt: skip

# -- vague attribution: groups and verbs ----------------------------------------------

GROUPS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "people many some others several few most everyone everybody critics critic observers "
            "commentators pundits skeptics sceptics opponents supporters folks"
        ),
        "vague_crowd",
    ),
    **dict.fromkeys(
        _words(
            "expert scientist analyst researcher economist doctor specialist scholar academic "
            "historian physician epidemiologist strategist"
        ),
        "vague_expert",
    ),
    **dict.fromkeys(
        _words("source insider official aide diplomat spokesperson spokesman spokeswoman person"),
        "vague_source",
    ),
    **dict.fromkeys(_words("study research survey poll report"), "vague_research"),
    # hearsay, not research: the label of the phrase rule's "rumours suggest"
    **dict.fromkeys(_words("rumour rumor"), "vague_rumour"),
}
ATTR_VERBS = frozenset(
    _words(
        "say believe think claim argue suggest warn agree contend insist note estimate fear "
        "predict tell report show find indicate maintain allege consider feel speculate worry "
        "assert reckon acknowledge confirm reveal concede point"
    )
)
#: Verbs whose passive subject receives a message ("people were told to stay home").
ADDRESSED_VERBS = frozenset(
    _words("tell ask warn advise urge instruct order remind inform assure direct")
)
#: Nouns of an organisation: "<City> police", "the Justice Department", "the company".
ORG_NOUNS = frozenset(
    _words(
        "department ministry police company agency office commission committee council bureau "
        "embassy firm board authority corporation organisation organization league union "
        "institute association foundation"
    )
)
#: Speakers for a body: a named body's spokesperson speaks on its record.
SPOKESPEOPLE = frozenset(_words("spokesperson spokesman spokeswoman"))
#: Words that keep a speaker anonymous, whatever body is named.
ANONYMITY = frozenset(
    _words("anonymity anonymous unnamed unidentified authorized authorised background senior")
)
#: Professions that, beside a name, identify a researcher ("Physicist Jane Roe").
RESEARCH_TITLES = frozenset(
    _words(
        "physicist chemist biologist astronomer astrophysicist geologist psychologist "
        "sociologist climatologist meteorologist oceanographer ecologist geneticist "
        "neuroscientist virologist immunologist economist professor researcher scientist "
        "epidemiologist historian"
    )
)
#: A name with one of these before it is an expert's ("Dr Jane Roe", "Professor Roe").
EXPERT_TITLES = frozenset(_words("dr doctor prof professor lecturer"))
#: A cited publication names the source ("reported in a study in <Journal>").
PUBLICATIONS = frozenset(_words("study journal paper article report survey review poll"))
VAGUE_DETS = frozenset(_words("many some most several numerous various a an one other few certain"))
ANAPHORIC_DETS = frozenset(_words("the these those this that his her their its our"))
NAME_ENTS = frozenset(("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"))

# -- all caps -------------------------------------------------------------------------

CAPS_TOKEN = re.compile(r"^[A-Z]{2,}(?:['’][A-Z]+)?$|^N['’]T$")
DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&.]{1,9})\)")
ENGLISH_ENDING = re.compile(
    r"(?:LY|ING|ED|NESS|TION|SION|MENT|ABLE|IBLE|FUL|LESS|OUS|IVE|EST|IEST)$"
)
#: Common English words: in capitals they are emphasis, not acronyms.
COMMON_WORDS = frozenset(
    _words(
        """
    not no never ever all every any nothing none nobody everyone must will would should is
    are was were be been being the and or but this that these those it he she they we you
    do does did don't doesn't didn't can't won't isn't aren't wasn't have has had can may
    very so too only just now still real really true truth false fake lie lies liar lying
    big huge massive total fraud rigged wrong right good bad best worst evil stop wake up
    out yes why how what who our your their his her its my me him them one more most less
    least much many again here there then than because if when where before after over
    under about against hoax scam crime crimes criminal corrupt disgrace shame danger
    dangerous warning alert urgent breaking read share love hate free war dead death kill
    killed killing illegal traitor traitors enemy enemies people everything anything also
    even ALL already immediately now today tonight forever
    """.lower()
    )
)
#: Capitals that are page furniture or a document's form, not emphasis: a link's words
#: ("HERE", "CLICK HERE", "BUY NOW") and a resolution's keywords ("WHEREAS", "RESOLVED").
CAPS_FURNITURE = frozenset(
    _words("here click tap subscribe donate download buy login whereas resolved hereby related")
)
#: Words that go with furniture in capitals ("READ MORE HERE", "BUY NOW").
CAPS_FURNITURE_FILLERS = frozenset(_words("now more read today free it"))
SHORT_EMPHASIS = frozenset(_words("not no never all must yes lie lies now only ever war big bad"))
