"""Word lists and patterns of the ``claims`` analyzer's claim-type rules (:mod:`.types`)."""

from __future__ import annotations

import re

from unspin.frames.lexicon import REPORTING as REPORTING


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


#: Entity labels that name someone or something (a claim about them can be checked).
ENTITY_LABELS = frozenset(
    ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
)
EVIDENCE_SUBJECTS = frozenset(
    _words(
        "study report survey poll data analysis research investigation audit review figure "
        "record statistic census inquiry"
    )
)
CHANGE_VERBS = frozenset(
    _words(
        "rise fall increase decrease double triple halve drop decline grow surge plunge climb jump "
        "soar slump shrink rocket tumble spike dip slide cut raise reduce treble quadruple"
    )
)
SUBJECTIVE = frozenset(
    _words("""
    disgrace disgraceful shameful shame outrageous ridiculous absurd pathetic stupid idiotic
    insane crazy evil wicked terrible horrible awful appalling disgusting despicable
    deplorable vile wonderful brilliant fantastic amazing incredible magnificent glorious
    heroic cowardly incompetent hypocritical hypocrite nonsense rubbish garbage farce travesty
    scandalous unacceptable inexcusable unforgivable sickening laughable pitiful lousy
    dreadful superb excellent outstanding shocking idiot idiots moron morons clown clowns
    joke pathetically disgracefully shamefully
    """)
)
OPINION_RE = re.compile(
    r"(?<![\w'’])(?:I|we|We)\s+(?:really\s+|honestly\s+|strongly\s+|firmly\s+|personally\s+)?"
    r"(?:think|believe|feel|reckon|suspect|guess|am\s+convinced|'m\s+convinced|am\s+sure|'m\s+sure)\b"
    r"|\b(?:[Ii]n\s+(?:my|our)\s+(?:view|opinion|judge?ment|book)|[Tt]o\s+my\s+mind|"
    r"[Ii]f\s+you\s+ask\s+me|[Ii]t\s+seems\s+to\s+me|IMHO)\b"
    # "Personally, I ...", "quite frankly", ", frankly,": the writer's stance; "he personally
    # delivered the letter", "spoke frankly about" tell a manner, no opinion.
    r"|\b(?:Personally|Frankly|quite\s+frankly|(?:personally|frankly)\s+speaking)\b"
    r"|(?<=,\s)(?:personally|frankly)(?=\s*[,.])"
)
UNIVERSAL_RE = re.compile(
    r"\b(?:everyone|everybody|nobody|no\s+one|we\s+all|all\s+of\s+us)\s+"
    r"(?:knows?|agrees?|believes?|sees?|understands?|can\s+see|wants?)\b",
    re.I,
)
#: A sentence that is a quoted question and who asked it ('"Why sell the pier?" asked
#: Vell (Ind.).'): no other quotation after it.
QUOTED_QUESTION_RE = re.compile(r'^\W{0,3}[“"«][^“”"«»]{3,}\?\s*[”"»][^“”"«»]*$')
ACCORDING_RE = re.compile(r"\baccording\s+to\b", re.I)
PREDICTION_RE = re.compile(
    r"\b(?:going\s+to|(?:is|are|was|were)\s+(?:expected|set|poised|likely|due|projected|forecast)\s+to|"
    r"on\s+track\s+to|forecasts?|predicts?|predicted|projects?\s+that|projections?)\b",
    re.I,
)
CAUSAL_CONNECTIVE_RE = re.compile(
    r"\b(?:therefore|consequently|as\s+a\s+result|as\s+a\s+consequence|hence|thus)\b", re.I
)
QUOTE_SPANS = re.compile(
    r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"|«[^»]{1,3000}»|„[^“”]{1,3000}[“”]|‘(?:[^’]|’(?=\w))+’(?!\w)"
)
CAUSAL_VERBS = frozenset(
    _words("cause trigger spark fuel provoke prompt produce create")
)  # with a direct object
EVENT_NOUNS = frozenset(
    _words(
        "attack bombing plot leak hack campaign coup killing murder assassination fire blast "
        "explosion raid strike scheme fraud scandal operation protest riot unrest violence crash "
        "outage breach cyberattack disinformation smear move decision push effort massacre "
        "shooting poisoning kidnapping abduction sabotage disappearance death rumour rumor wave "
        "theft robbery crime attempt killings arson ambush incursion invasion offensive "
        "atrocity abuse offence offense genocide crackdown purge cover-up coverup riots"
    )
)
#: en_core_web_sm lemmatizer slips on verbs this module looks for ("staged" -> "stag").
MISLEMMAS = {"stag": "stage"}
#: Verbs that pin a deed on an actor whatever their object ("masterminded the plan") ...
RESP_VERBS_ANY = frozenset(
    _words("orchestrate mastermind perpetrate instigate incite bankroll plot")
)
#: ... and verbs that do so only when the object names a deed ("staged the attack", not
#: "staged a play"; "funded the riots", not "funded the school").
RESP_VERBS = frozenset(
    _words(
        "stage order organise organize engineer sponsor fund finance carry orchestrate mastermind "
        "perpetrate instigate incite bankroll commit plot"
    )
)
#: Parts of the body: not a party that can be answerable for a deed ("his small nose was
#: to blame for his failed marriage" pins nothing on anyone). Words that also name a
#: person or a group ("head", "hand", "arm", "body", "wing", "organ") are left out.
BODY_PARTS = frozenset(
    _words(
        "penis genital genitals testicle breast nose ear leg foot feet toe finger thumb knee "
        "stomach belly bladder bowel liver kidney lung brain hair skin tooth teeth hip neck "
        "chest thigh ankle wrist elbow lip tongue jaw skull spine bone muscle buttock"
    )
)
#: Nouns of a stretch of time: not a doer ("the historic moment could be behind the move").
TIME_NOUNS = frozenset(
    _words(
        "moment time day week month year decade century era period occasion hour minute "
        "night morning evening afternoon season"
    )
)
#: A note about the article itself that opens a sentence ("Disclosure: ...", "Correction:
#: an earlier version of this story said ...", "Editor's note: ...", "Editors' note:",
#: "Editor note:"): nothing to check.
NOTE_LABEL_RE = re.compile(
    r"^\W*(?:full\s+)?(?:disclosure|correction|clarification|editors?(?:[’']s?)?\s+note)\s*:",
    re.I,
)
#: The label of a link, a video or a picture that opens a sentence ("See also: <another
#: story's headline>", "Read more:", "Watch:", "Link to the full video:", "Photo: <credit
#: or caption>", "Via: <site>"): page furniture, nothing to check.
LINK_LABEL_RE = re.compile(
    r"^\W*(?:links?(?:\s+to\b[^:\n]{0,40})?|read\s+more|see\s+also|related|watch|video|"
    r"listen|image|photo|picture|h/t|hat\s+tip|via)\s*:\s*",
    re.I,
)
#: The end of a sentence that only leads in to what follows it ("<Outlet> reported the
#: following:", "The statement reads as follows:"): what follows is told, and scored, on
#: its own.
LEAD_IN_END_RE = re.compile(r"\b(?:the\s+following|as\s+follows)\s*:\s*$", re.I)
#: A picture's credit that ends a line ("... following the shooting. Photo: Reuters"): the
#: words before it on the line are the picture's caption.
PHOTO_CREDIT_RE = re.compile(
    r"[ \t]*[\(\[]?(?:photo|image|picture|pic|credit)[ \t]*:[ \t]*[^\n]{1,60}?[\)\]]?[ \t]*$",
    re.I,
)
#: Verbs of a reply not given ("did not immediately respond to a request for comment",
#: "declined to comment", "could not be reached for comment") ...
NO_REPLY_VERBS = frozenset(_words("respond reply return reach comment decline refuse"))
#: ... and the words that make it a request for comment.
COMMENT_WORDS = frozenset(_words("comment comments request requests call calls message"))
#: Predicates that leave a question open: "it is unclear whether ...", "it was not yet
#: clear if ..." (negated), and verbs of telling negated: "it did not say where ...".
OPEN_ADJS = frozenset(_words("unclear unknown uncertain"))
OPEN_NEGATED_ADJS = frozenset(_words("clear known certain"))
OPEN_NEGATED_VERBS = frozenset(_words("say disclose specify reveal explain elaborate"))
#: Words that open an indirect question ("whether the men were armed", "where it was").
QUESTION_OPENERS = frozenset(_words("if whether where when why how what who which"))
#: Verbs of "it should be noted that ...": a lead-in to what is told, not a view.
LEAD_IN_VERBS = frozenset(_words("note say point remember stress emphasize emphasise add mention"))
