"""Word lists for the sources analyzer: reporting verbs, speaker nouns and cue phrases.

The reporting verbs, titles, honorifics and organisation nouns are shared English word
lists kept in :mod:`unspin.lexicon` and re-exported here.

Everything here is generic English vocabulary (verbs of saying, kinds of people,
institutions, documents and media); no real person, outlet or event is named. The only
proper names are a few social-media platforms, reference works ("Wikipedia") and seats of
government ("the Kremlin"), which act as cue words the same way "newspaper",
"dictionary" or "ministry" do.
"""

from __future__ import annotations

import re
from typing import Final

from unspin.lexicon import (
    HONORIFICS,
    ORG_NOUNS,
    PARTICLE_VERBS,
    TITLE_WORDS,
    VERB_FORMS,
    VERBS,
    VerbInfo,
)


def _words(text: str) -> list[str]:
    return text.split()


__all__ = [
    "ANONYMITY_RE",
    "CIVIL_NAME_WORDS",
    "CLAUSE_VERBS",
    "COMMITMENT_VERBS",
    "DOCUMENT_NOUNS",
    "ENTRANT_NOUNS",
    "EVENT_NAME_WORDS",
    "FEMALE_WORDS",
    "GOVERNMENT_NAME_WORDS",
    "GOVERNMENT_NOUNS",
    "GOVERNMENT_SEATS",
    "GROUP_NOUNS",
    "HONORIFICS",
    "JOB_NOUNS",
    "MALE_WORDS",
    "MEDIA_NOUNS",
    "OFFICIAL_NOUNS",
    "ORG_NAME_WORDS",
    "ORG_NOUNS",
    "OUTLET_FIRST_WORDS",
    "OUTLET_LAST_WORDS",
    "OUTLET_WORDS",
    "PARTICLE_VERBS",
    "PERSON_NOUNS",
    "PLATFORMS",
    "PRONOUNS",
    "REFERENCE_NAME_WORDS",
    "REFERENCE_WORKS",
    "REPRESENTATIVE_NOUNS",
    "SCARE_PREFIXES",
    "SOCIAL_NOUNS",
    "SOURCE_VERBS",
    "SOURCE_VERB_FORMS",
    "STANDARD_NOUNS",
    "TITLE_WORDS",
    "VAGUE_SOURCE_NOUNS",
    "VERBS",
    "VERB_FORMS",
    "VerbInfo",
]

#: Speaker pronouns (subject forms) and what they can refer to.
PRONOUNS: Final[dict[str, str]] = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "thing",
    "i": "first",
    "we": "first",
}

#: Heads that speak *for* somebody: "a spokeswoman for the ministry" is the ministry.
REPRESENTATIVE_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative
        representatives mouthpiece
        """
    )
)

#: Last words of an event's name ("Remembrance Day", "the Harbour Festival"): an event
#: is no person; when it "says" something, its organisers do.
EVENT_NAME_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        day days week weekend festival games olympics paralympics summit conference
        convention expo fair parade marathon cup championship championships awards
        carnival gala jubilee celebration celebrations
        """
    )
)

#: People who speak for a body as its officers: "Pentagon officials", "officials of the
#: Harbor Authority" are that body's voice, an identified source.
OFFICIAL_NOUNS: Final[frozenset[str]] = frozenset(_words("official officials executive executives"))

#: Unnamed people: heads that make a speaker anonymous when no name is attached.
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        official officials source sources person people persons insider insiders aide aides
        adviser advisers advisor advisors diplomat diplomats officer officers lawmaker
        lawmakers legislator legislators employee employees staffer staffers staff executive
        executives analyst analysts expert experts observer observers critic critics
        resident residents witness witnesses investigator investigators member members
        minister ministers politician politicians activist activists lawyer lawyers attorney
        attorneys doctor doctors scientist scientists researcher researchers economist
        economists colleague colleagues friend friends relative relatives neighbour
        neighbours neighbor neighbors worker workers student students teacher teachers
        protester protesters protestor protestors supporter supporters opponent opponents
        leader leaders commander commanders soldier soldiers agent agents negotiator
        negotiators mediator mediators counterpart counterparts someone somebody one many
        others some several man woman men women manager managers director directors banker
        bankers trader traders prosecutor prosecutors investor investors voter voters farmer
        farmers fisherman fishermen engineer engineers nurse nurses parent parents victim
        victims survivor survivors organiser organisers organizer organizers participant
        participants veteran veterans individual individuals figure figures confidant
        confidants associate associates insider whistleblower whistleblowers operative
        operatives envoy envoys delegate delegates mp mps senator senators candidate
        candidates judge judges host hosts anchor anchors presenter presenters commentator
        commentators pundit pundits columnist columnists moderator moderators
        """
    )
)

#: Jobs and parts a story gives capitalised before a full name ("Vet Ann Lund said",
#: "Witness Bo Vik, 33, said", a student's year: "Sophomore Ann Lund"): a description of
#: the person, no part of the name.
JOB_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        vet veterinarian witness eyewitness bystander onlooker passenger nurse surgeon
        dentist pharmacist paramedic firefighter midwife doctor teacher lecturer student
        farmer engineer lawyer attorney scientist researcher economist analyst expert
        activist resident neighbour neighbor owner landlord shopkeeper photographer
        architect therapist psychologist psychiatrist pathologist coroner victim survivor
        freshman sophomore junior senior undergraduate
        """
    )
)

#: People let in somewhere: the object of "admit" as to allow entry ("admitted thousands of
#: refugees", "admits preachers"), beside the unnamed people of :data:`PERSON_NOUNS`.
ENTRANT_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        refugee migrant immigrant emigrant asylum-seeker seeker patient applicant visitor
        guest foreigner preacher cleric imam priest fighter terrorist extremist militant child
        children kid boy girl couple family adult newcomer convert believer prisoner inmate
        player proponent adherent follower pupil recruit trainee entrant alien national
        citizen traveller traveler tourist passenger pilgrim settler sinner adulterer nobody
        anybody anyone everyone everybody
        """
    )
)

#: Standards something is done by: after "according to", in keeping with them, no source.
STANDARD_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        plan plans notion notions idea ideas nature rule rules principle principles custom
        customs will wish wishes design designs schedule script logic standard standards
        procedure procedures protocol protocols instruction instructions taste tastes
        conscience preference preferences whim whims need needs merit merits
        """
    )
)

#: Possessive determiners: "his record" is a person's track record, not a document.
POSSESSIVE_DETS: Final[frozenset[str]] = frozenset({"his", "her", "their", "my", "our", "your"})

#: Documents and reports as sources.
DOCUMENT_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        report reports study studies statement statements document documents memo memos
        memorandum letter letters filing filings record records data figures survey surveys
        poll polls analysis analyses paper papers indictment complaint lawsuit lawsuits ruling
        suit suits
        judgment judgement verdict transcript transcripts release communique communiqué
        email emails e-mail e-mails minutes audit assessment dossier file files cable cables
        notice order decree draft findings investigation inquiry review testimony affidavit
        submission brief briefing note notes leaflet manifesto budget forecast estimate
        estimates guidance guidelines directive resolution text dictionary dictionaries
        translation translations
        encyclopedia encyclopedias encyclopaedia encyclopaedias glossary thesaurus lexicon
        almanac textbook textbooks handbook manual book books constitution charter treaty
        website websites webpage wiki blog entry definition definitions scripture scriptures
        rescript rescripts bulletin bulletins circular circulars gazette proclamation
        chapter chapters section sections paragraph paragraphs clause clauses annex appendix
        provision provisions petition petitions visitation visitations
        """
    )
)

#: Words that make a source a social-media post.
SOCIAL_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        post posts tweet tweets thread video videos livestream stream reel reels story
        stories status update message messages comment comments clip clips vlog podcast
        caption
        """
    )
)

#: Social-media platforms (cue words, like "newspaper" is for the press).
PLATFORMS: Final[frozenset[str]] = frozenset(
    _words(
        """
        twitter facebook instagram tiktok telegram youtube reddit linkedin threads bluesky
        mastodon weibo wechat vkontakte vk snapchat whatsapp gab parler rumble truth social-
        media
        """
    )
)

#: Common nouns for news media: "the newspaper reported", "a local broadcaster said".
MEDIA_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        newspaper newspapers broadcaster broadcasters network networks channel channels
        station stations outlet outlets magazine magazines tabloid tabloids daily dailies
        weekly weeklies newswire wire publication publications newsroom
        broadsheet press media journal journals gazette agency
        """
    )
)

#: Nouns that make a media noun phrase explicit ("news agency", "radio station").
_MEDIA_MODIFIERS = frozenset({"news", "press", "radio", "tv", "television", "wire", "media"})

#: Last words of outlet names ("The Harbor Times", "Kestrel News", "Valley Gazette").
OUTLET_LAST_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        times post news tv radio gazette herald journal tribune chronicle courier observer
        telegraph dispatch express mirror monitor examiner inquirer bulletin sentinel
        standard star globe mail register review weekly daily today magazine press wire
        broadcasting broadcaster network channel fm am online media newsroom reporter
        insider digest leader echo independent argus advertiser record
        """
    )
)

#: First words of outlet names ("Daily Harbor").
OUTLET_FIRST_WORDS: Final[frozenset[str]] = frozenset({"daily", "weekly", "radio", "tv"})

#: Any word inside a name that makes it an outlet ("Norvian News Agency").
OUTLET_WORDS: Final[frozenset[str]] = frozenset(
    {"news", "tv", "television", "radio", "broadcasting", "newspaper", "gazette", "herald"}
    # a programme's name ("Westby Edition", "the Harbor Podcast"): an outlet, no person
    | {"edition", "podcast", "newscast"}
    # broadcasters known by their letters ("NBC Bay Area", "RT")
    | {"nbc", "cbs", "cnn", "bbc", "msnbc", "pbs", "npr", "cnbc", "itv", "rt"}
)

#: Words inside a proper name that make it an organisation, not a person.
ORG_NAME_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        ministry authority council agency inc inc. ltd ltd. llc plc corp corp. corporation
        company co. group party bank university department commission committee police
        institute association union court office board foundation federation club service
        services army navy force forces government senate parliament assembly embassy fund
        organisation organization coalition alliance trust center centre hospital school
        college academy league bureau directorate secretariat tribunal agency's holdings
        partners industries airlines airline systems technologies labs laboratories society
        network movement front church
        """
    )
)

#: Last words of a name for a body of citizens, not of the state, even where the recogniser
#: calls the whole name a place ("the local Green Party", "Westby Farmers' Union").
CIVIL_NAME_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        party parties union coalition alliance movement front league federation association
        club society church foundation institute company bank
        """
    )
)

#: Common nouns for a state speaking: "the government said", "the ministry warned".
GOVERNMENT_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        government governments ministry ministries administration cabinet embassy embassies
        consulate presidency kremlin regime junta
        """
    )
)

#: Words inside a proper name that make it a government body ("Ministry of Health",
#: "the Justice Department").
GOVERNMENT_NAME_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        ministry government administration cabinet embassy consulate presidency department
        kremlin
        """
    )
)

#: Seats of government named for the government itself (cue words, like platforms).
GOVERNMENT_SEATS: Final[frozenset[str]] = frozenset(
    {"kremlin", "white house", "pentagon", "downing street", "elysee", "élysée", "holy see"}
)

#: Collective political and social labels: a group of people, never one person.
GROUP_NOUNS: Final[frozenset[str]] = frozenset(
    _words(
        """
        left right far-left far-right alt-right left-wing right-wing liberals
        conservatives progressives leftists rightists socialists communists democrats
        republicans libertarians nationalists populists globalists centrists moderates
        establishment elite elites tories labourites greens
        """
    )
)

#: Reference works quoted for definitions and facts (cue words, like platforms).
REFERENCE_WORKS: Final[frozenset[str]] = frozenset(
    {"merriam-webster", "webster", "webster's", "wikipedia", "britannica", "dictionary.com"}
)

#: Words inside a proper name that make it a reference work ("Oxford English Dictionary").
REFERENCE_NAME_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        dictionary encyclopedia encyclopaedia encyclopædia thesaurus almanac glossary lexicon
        wiki
        """
    )
)

#: Verbs only a document or body "says" with ("the dictionary defines X as '...'"): they
#: tie a direct quotation to a reference work, never reported speech to a person.
#: "ruled that, '...'" ties a direct quotation to a judge or court (see :data:`CLAUSE_VERBS`);
#: a clause alone stays the court's decision, not speech.
SOURCE_VERBS: Final[dict[str, VerbInfo]] = {
    "define": VerbInfo("define", "neutral", "neutral", doc_only=True, quote_only=True),
    "rule": VerbInfo("rule", "neutral", "neutral", quote_only=True),
    "promise": VerbInfo("promise", "neutral", "neutral", quote_only=True),
    "pledge": VerbInfo("pledge", "neutral", "neutral", quote_only=True),
}
#: Verbs of gushing speech that attribute only a direct quotation ('"...," she gushed').
_QUOTE_MANNER = ("gush", "rave", "scoff", "sneer", "muse")
SOURCE_VERBS.update(
    {lemma: VerbInfo(lemma, "emotive", "loaded", quote_only=True) for lemma in _QUOTE_MANNER}
)
SOURCE_VERB_FORMS: Final[dict[str, str]] = {
    **{form: "define" for form in ("define", "defines", "defined", "defining")},
    **{form: "rule" for form in ("rule", "rules", "ruled", "ruling")},
    **{form: "promise" for form in ("promise", "promises", "promised", "promising")},
    **{form: "pledge" for form in ("pledge", "pledges", "pledged", "pledging")},
    **{form: "gush" for form in ("gush", "gushes", "gushed", "gushing")},
    **{form: "rave" for form in ("rave", "raves", "raved", "raving")},
    **{form: "scoff" for form in ("scoff", "scoffs", "scoffed", "scoffing")},
    **{form: "sneer" for form in ("sneer", "sneers", "sneered", "sneering")},
    **{form: "muse" for form in ("muse", "muses", "mused", "musing")},
}
#: Verbs that report only a clause that opens with a quotation mark: "the judge ruled
#: that, '...'", not "ruled out a run", "ruled the country" nor "ruled that the law ...".
CLAUSE_VERBS: Final[frozenset[str]] = frozenset({"rule"})
#: Verbs of commitment that report only a quotation as what the subject will do: 'Lund
#: promised to "take a look at it."' is Lund's quotation; "promised to act" reports nothing.
COMMITMENT_VERBS: Final[frozenset[str]] = frozenset({"promise", "pledge"})

#: Bare sources that name nobody: "reports say", "rumours have it".
VAGUE_SOURCE_NOUNS: Final[frozenset[str]] = frozenset(
    {"reports", "rumours", "rumors", "rumour", "rumor", "speculation", "word", "gossip"}
)

#: Words before a short quotation that mark it as ironic ("so-called").
SCARE_PREFIXES: Final[frozenset[str]] = frozenset(
    {
        "so-called",
        "so called",
        "supposed",
        "self-styled",
        "self-proclaimed",
        "quote-unquote",
        "alleged",
        "purported",
        "would-be",
        "pseudo",
    }
)

MALE_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        mr mr. sir spokesman chairman businessman congressman councilman alderman actor
        father husband brother son king prince lord duke baron count uncle nephew
        grandfather boyfriend he pope cardinal patriarch ayatollah sheikh emir sultan emperor
        """
    )
)
FEMALE_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """
        ms ms. mrs mrs. miss dame spokeswoman chairwoman businesswoman congresswoman
        councilwoman actress mother wife sister daughter queen princess lady duchess
        baroness countess aunt niece grandmother girlfriend she empress
        """
    )
)

#: Phrases that mark a source as deliberately unnamed.
ANONYMITY_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:on (?:the )?condition of anonymity|(?:requested|demanded|asked for|granted) "
    r"anonymity|speaking anonymously|anonymous(?:ly)?|unnamed|unidentified|"
    r"(?:declined|refused|did not want|didn't want|asked not|wished not) to be "
    r"(?:named|identified|quoted)|(?:was|were|is|are) not (?:authori[sz]ed|permitted|allowed) "
    r"to (?:speak|comment|discuss)|(?:familiar|acquainted) with|close to|briefed on|"
    r"with (?:direct )?knowledge of|in the know|insiders?)\b",
    re.I,
)

#: Whole words that are media-noun modifiers, exported for the analyzer.
MEDIA_MODIFIERS: Final[frozenset[str]] = _MEDIA_MODIFIERS
