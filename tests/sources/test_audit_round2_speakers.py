"""More wrong source findings of the round-2 precision audit (bench/audit/round2), each
reproduced on an invented fixture: a speaker named in an aside or after a dash-enclosed
apposition, a first name for a full name, a description taken for a role, the turns of
an interview, the teller of a causative "had X tell me", a list cut after its first
item, a present-tense verb of the reporting clause swallowed by the content and a
figurative "admits".
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.analyzer import analyzer_class
from unspin.config import load_config
from unspin.model import Analysis, Document
from unspin.nlp import Entity, FakeBackbone, Parsed, Sentence, Token
from unspin.pipeline import Pipeline

Run = Callable[..., Analysis]


def _quote(a: Analysis, start: str) -> dict[str, object]:
    (q,) = [q for q in quotes(a) if q.text.strip('"“”').startswith(start)]
    return dict(q.attributes)


def test_a_speaker_named_in_an_aside_owns_the_quotation_after_it(run: Run) -> None:
    a = sources(
        run,
        "Mr. Vale, whose name, the Harbor League wrote after the meeting, is “virtually a "
        "byword for greed,” then drew wide attention in 1990.",
    )
    assert _quote(a, "virtually")["speaker"] == "Harbor League"
    a = sources(run, "The plan, the Harbor League wrote last week, is “a disaster for the city.”")
    assert _quote(a, "a disaster")["speaker"] == "Harbor League"
    # an apposition between commas is no aside of its own
    a = sources(run, "Ann Lund, the mayor, said on Tuesday, “We will rebuild the harbour.”")
    assert _quote(a, "We will")["speaker"] == "Ann Lund"


def test_a_first_name_is_the_one_person_named_with_it(run: Run) -> None:
    a = sources(
        run, "Tomas Varga came to the office on Monday. Tomas warned that the port would close."
    )
    (s,) = a.by_kind("speaker")
    assert (s.text, s.attributes["name"]) == ("Tomas", "Tomas Varga")
    a = sources(
        run,
        "Tomas Varga and Tomas Lind came to the office on Monday. "
        "Tomas warned that the port would close.",
    )
    (s,) = a.by_kind("speaker")
    assert s.attributes["name"] == "Tomas"  # two men called Tomas: no guess
    # the full name inside a quotation just before counts too
    a = sources(
        run,
        "Ann Lund wrote in her complaint: “Tomas Varga came to my office at night. Tomas "
        "threatened that he would close the port.”",
    )
    found = {f.text: f.attributes["name"] for f in a.by_kind("speaker")}
    assert found["Tomas"] == "Tomas Varga"


def test_a_description_does_not_replace_the_position_named_before(run: Run) -> None:
    a = sources(
        run,
        "The case involves Ivo Brandt, founder of Harbor Works, who sued the city in 2015. "
        "Mr. Brandt, an avowed anarchist who hopes for a world without borders, claimed "
        "his right to free speech was violated.",
    )
    (f,) = attributions(a)
    s = speaker_of(a, f)
    assert (s.attributes["name"], s.attributes["role"]) == ("Ivo Brandt", "founder of Harbor Works")


def test_the_first_person_of_an_interview_turn_is_the_labelled_person(run: Run) -> None:
    turns = (
        "TK: Ana, what is the latest on the harbour?\n"
        "Ana Berg: The harbour is closed to all ships.\n"
        "TK: Who closed it?\n"
        "AB: The port authority did it overnight.\n"
        "I described this recently as “a quiet coup,” a term which fits.\n"
        "TK: Thank you."
    )
    q = _quote(sources(run, turns), "a quiet coup")
    assert (q["speaker"], q["source_type"]) == ("Ana Berg", "named_person")
    # a label that names nobody ("Q:") resolves nothing
    q = _quote(sources(run, turns.replace("AB:", "Q:")), "a quiet coup")
    assert q["source_type"] == "unresolved"


def test_the_one_made_to_tell_is_the_teller(run: Run) -> None:
    a = sources(
        run,
        "After the prayer was over, I had a minister come up to me and tell me that I "
        "could not say the word in the hall.",
    )
    (f,) = attributions(a)
    assert speaker_of(a, f).text == "a minister"


def test_a_present_verb_joined_to_a_past_content_is_the_reporters(run: Run) -> None:
    a = sources(
        run,
        "The former clerk is alleging that he was treated unfairly by the court and cites "
        "the judge’s refusal to hear his case.",
    )
    (f,) = attributions(a)
    assert f.text == "he was treated unfairly by the court"
    # a copula goes on with the content's own subject
    a = sources(run, "Some bishops claim that his resignation was forced and so isn’t valid.")
    (f,) = attributions(a)
    assert f.text == "his resignation was forced and so isn’t valid"


def test_a_generic_subject_that_admits_reports_nothing(run: Run) -> None:
    a = sources(run, "Any business that hides its books admits that it fears an audit.")
    assert not attributions(a)


# -- misparses the model makes on real articles but not on short fixtures: the parse is
# -- written out (word, part of speech, tag, dependency, head, entity) and fed as is


class _GivenParse(FakeBackbone):
    """A backbone that returns a parse written out by hand."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed

    def parse(self, text: str) -> Parsed:
        assert text == self.parsed.text
        return self.parsed


Row = tuple[str, str, str, str, int, str]


def _parse(rows: list[Row]) -> Parsed:
    text, tokens = "", []
    for i, (word, pos, tag, dep, head, ent) in enumerate(rows):
        glued = i == 0 or word in ",." or tag == "''" or rows[i - 1][2] == "``"
        text += "" if glued else " "
        start = len(text)
        text += word
        tokens.append(
            Token(i, start, start + len(word), word, word.lower(), pos, tag, dep, head, ent)
        )
    entities, k = [], 0
    while k < len(tokens):
        j = k
        while (
            j + 1 < len(tokens)
            and tokens[k].ent_type
            and tokens[j + 1].ent_type == tokens[k].ent_type
        ):
            j += 1
        if tokens[k].ent_type:
            t0, t1 = tokens[k], tokens[j]
            entities.append(
                Entity(t0.start, t1.end, t0.ent_type, text[t0.start : t1.end], k, j + 1)
            )
        k = j + 1
    sentence = Sentence(0, len(text), 0, len(tokens))
    return Parsed(text, tuple(tokens), (sentence,), tuple(entities))


def _analyse(rows: list[Row]) -> Analysis:
    parsed = _parse(rows)
    pipeline = Pipeline(
        load_config(analyzers=["sources"], backbone="fake"),
        backbone=_GivenParse(parsed),
        analyzers=[analyzer_class("sources")()],
    )
    a = pipeline.analyze(Document(parsed.text))
    assert not a.failures, a.failures
    return a


def test_a_subject_the_parse_hung_on_a_dash_apposition_still_speaks() -> None:
    # 'As reported in Harbor Nights—a new book—English Cardinal Ana Roe who led the vote
    # told Paul Berg, "..."': the parse hangs "Roe" on the book's title (and the recogniser
    # takes the name for a work's), "told" has no subject
    rows: list[Row] = [
        ("As", "SCONJ", "IN", "mark", 1, ""), ("reported", "VERB", "VBN", "advcl", 18, ""),
        ("in", "ADP", "IN", "prep", 1, ""), ("Harbor", "PROPN", "NNP", "compound", 4, ""),
        ("Nights", "PROPN", "NNP", "pobj", 2, ""), ("—", "PUNCT", ":", "punct", 4, ""),
        ("a", "DET", "DT", "det", 8, ""), ("new", "ADJ", "JJ", "amod", 8, ""),
        ("book", "NOUN", "NN", "appos", 4, ""), ("—", "PUNCT", ":", "punct", 4, ""),
        ("English", "PROPN", "NNP", "compound", 13, "WORK_OF_ART"),
        ("Cardinal", "PROPN", "NNP", "compound", 13, "WORK_OF_ART"),
        ("Ana", "PROPN", "NNP", "compound", 13, "WORK_OF_ART"),
        ("Roe", "NOUN", "NN", "appos", 4, "WORK_OF_ART"),
        ("who", "PRON", "WP", "nsubj", 15, ""), ("led", "VERB", "VBD", "relcl", 4, ""),
        ("the", "DET", "DT", "det", 17, ""), ("vote", "NOUN", "NN", "dobj", 15, ""),
        ("told", "VERB", "VBD", "ROOT", 18, ""),
        ("Paul", "PROPN", "NNP", "compound", 20, "PERSON"),
        ("Berg", "PROPN", "NNP", "dobj", 18, "PERSON"), (",", "PUNCT", ",", "punct", 18, ""),
        ('"', "PUNCT", "``", "punct", 18, ""), ("Four", "NUM", "CD", "nummod", 24, ""),
        ("years", "NOUN", "NNS", "nsubj", 25, ""), ("were", "AUX", "VBD", "ccomp", 18, ""),
        ("enough", "ADJ", "JJ", "acomp", 25, ""), (".", "PUNCT", ".", "punct", 18, ""),
        ('"', "PUNCT", "''", "punct", 18, ""),
    ]  # fmt: skip
    (q,) = quotes(_analyse(rows))
    assert (q.attributes["speaker"], q.attributes["source_type"]) == ("Ana Roe", "named_person")
    assert q.attributes["role"] == "English Cardinal"  # a title inside a work's name: a person


def test_a_list_the_parse_broke_after_its_first_item_stays_in_the_content() -> None:
    # "Lopes said that police seized 40 AK-47, AR-15 and G3 rifles Moreno sent to the
    # port": the parse hangs the rest of the list and its clause on "said"
    rows: list[Row] = [
        ("Lopes", "PROPN", "NNP", "nsubj", 1, "PERSON"), ("said", "VERB", "VBD", "ROOT", 1, ""),
        ("that", "SCONJ", "IN", "mark", 4, ""), ("police", "NOUN", "NNS", "nsubj", 4, ""),
        ("seized", "VERB", "VBD", "ccomp", 1, ""), ("40", "NUM", "CD", "nummod", 6, ""),
        ("AK-47", "NUM", "CD", "dobj", 4, "PRODUCT"), (",", "PUNCT", ",", "punct", 4, ""),
        ("AR-15", "NUM", "CD", "punct", 1, "PRODUCT"), ("and", "CCONJ", "CC", "cc", 1, ""),
        ("G3", "PROPN", "NNP", "compound", 11, ""), ("rifles", "NOUN", "NNS", "dobj", 13, ""),
        ("Moreno", "PROPN", "NNP", "nsubj", 13, "PERSON"), ("sent", "VERB", "VBD", "conj", 1, ""),
        ("to", "ADP", "IN", "prep", 13, ""), ("the", "DET", "DT", "det", 16, ""),
        ("port", "NOUN", "NN", "pobj", 14, ""), (".", "PUNCT", ".", "punct", 1, ""),
    ]  # fmt: skip
    (f,) = attributions(_analyse(rows))
    assert f.text == "police seized 40 AK-47, AR-15 and G3 rifles Moreno sent to the port"


def test_a_group_the_speaker_belongs_to_is_no_role(run: Run) -> None:
    # round 3 (a fresh sample): a religion in apposition was shown as a speaker's role
    a = sources(
        run,
        "The minister compared Ivo Marek, a Catholic, to a puppet master. "
        "Marek said the minister was wrong.",
    )
    roles = {f.text: f.attributes.get("role") for f in a.by_kind("speaker")}
    assert roles == {"Marek": None}
    a = sources(run, "Ivo Marek, the mayor of Westby, said the port would close.")
    (s,) = a.by_kind("speaker")
    assert s.attributes["role"] == "mayor of Westby"  # a position stays a role


def test_a_participle_the_parse_joined_to_a_there_clause_stays_reported() -> None:
    # "There were two tests — one involving maps and another asking pupils to draw, Ana
    # Lund told the Courier.": the parse joins "asking" to "were" (a gate report, session
    # 23); a participle is no act of the speaker, so the list stays whole (a finite verb
    # there is: "said there was doubt, and sent the case to court")
    rows: list[Row] = [
        ("There", "PRON", "EX", "expl", 1, ""), ("were", "VERB", "VBD", "ccomp", 17, ""),
        ("two", "NUM", "CD", "nummod", 3, ""), ("tests", "NOUN", "NNS", "attr", 1, ""),
        ("—", "PUNCT", ":", "punct", 3, ""), ("one", "NUM", "CD", "appos", 3, ""),
        ("involving", "VERB", "VBG", "acl", 5, ""), ("maps", "NOUN", "NNS", "dobj", 6, ""),
        ("and", "CCONJ", "CC", "cc", 7, ""), ("another", "DET", "DT", "det", 9, ""),
        ("asking", "VERB", "VBG", "conj", 1, ""), ("pupils", "NOUN", "NNS", "dobj", 10, ""),
        ("to", "PART", "TO", "aux", 13, ""), ("draw", "VERB", "VB", "xcomp", 10, ""),
        (",", "PUNCT", ",", "punct", 17, ""), ("Ana", "PROPN", "NNP", "compound", 16, "PERSON"),
        ("Lund", "PROPN", "NNP", "nsubj", 17, "PERSON"), ("told", "VERB", "VBD", "ROOT", 17, ""),
        ("the", "DET", "DT", "det", 19, ""), ("Courier", "PROPN", "NNP", "dobj", 17, "ORG"),
        (".", "PUNCT", ".", "punct", 17, ""),
    ]  # fmt: skip
    a = _analyse(rows)
    assert [f.text for f in attributions(a)] == [
        "There were two tests — one involving maps and another asking pupils to draw"
    ]
