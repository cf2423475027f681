"""Speaker typing, naming and resolution errors of audit rounds 10 and 11
(bench/audit/round10, round11), each reproduced on an invented fixture: outlets named
beside "newspaper" or "news agency" typed a person or a plain organisation, a job word
kept in a name, a listed noun taken into a role, a description of someone just
introduced left unresolved, generic "authorities" typed a named body, a titled
person's surname typed an organisation."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speaker(a: Analysis, text: str) -> Finding:
    found = [f for f in a.by_kind("speaker") if f.text == text]
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


def test_a_name_beside_the_newspaper_is_an_outlet(run: Run) -> None:
    a = sources(
        run, "According to the Italian newspaper L'Eco Sardo, the order said she is a guest."
    )
    assert _speaker(a, "L'Eco Sardo").label == "media_outlet"


def test_a_name_after_news_agency_is_an_outlet(run: Run) -> None:
    a = sources(run, "The company will close the plant, according to news agency Reuters.")
    assert _speaker(a, "news agency Reuters").label == "media_outlet"


def test_a_job_word_before_a_full_name_is_no_part_of_it(run: Run) -> None:
    a = sources(
        run,
        "The clinic opened in May. Vet Ann Marlow used a small tool to free the bird. "
        '"It was a simple job," Miss Marlow said.',
    )
    s = _speaker(a, "Miss Marlow")
    assert s.attributes["name"] == "Ann Marlow"


def test_a_listed_noun_before_a_comma_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "The woman was travelling with two sons and a daughter, interior minister Karel "
        "Dvorsky told the channel.",
    )
    s = _speaker(a, "interior minister Karel Dvorsky")
    assert s.attributes["role"] == "interior minister"


def test_the_nun_just_introduced_is_that_unnamed_person(run: Run) -> None:
    a = sources(
        run,
        "A young nun suddenly felt sharp pains and went to the hospital. Now the nun is "
        "claiming that she had no idea.",
    )
    assert _speaker(a, "the nun").label == "anonymous"


def test_the_nun_after_two_nuns_stays_unresolved(run: Run) -> None:
    a = sources(
        run,
        "A guard and a nun met a woman at the gate. Later a second nun came. The nun said "
        "that she was tired.",
    )
    assert _speaker(a, "The nun").label == "unresolved"


def test_the_nun_nobody_introduced_stays_unresolved(run: Run) -> None:
    a = sources(run, "The vote was close. The nun said that she was tired.")
    assert _speaker(a, "The nun").label == "unresolved"


def test_bare_authorities_are_no_named_body(run: Run) -> None:
    a = sources(
        run, "The report said that Vasko, who authorities said was armed with a knife, left."
    )
    assert _speaker(a, "authorities").label == "anonymous"


def test_national_authorities_stay_a_body(run: Run) -> None:
    a = sources(run, "The man was armed, Norvian authorities said.")
    assert _speaker(a, "Norvian authorities").label != "anonymous"


def test_the_surname_of_a_titled_full_name_is_a_person(run: Run) -> None:
    a = sources(
        run,
        "MP Ali al-Badri said at a press conference that the attack was a crime.\n\n"
        'Badri added that the attack was a crime, stressing that "300 soldiers were killed '
        'in the attack."',
    )
    assert _speaker(a, "Badri").label == "named_person"


def test_the_site_just_named_by_called_is_that_outlet(run: Run) -> None:
    a = sources(
        run,
        "A site called Plonkwiz is reporting that the director asked for an earlier date.\n\n"
        "According to the site, the director had said it himself at an awards dinner.",
    )
    s = _speaker(a, "the site")
    assert (s.label, s.attributes["name"]) == ("media_outlet", "Plonkwiz")


def test_the_site_after_two_called_sites_stays_unresolved(run: Run) -> None:
    a = sources(
        run,
        "A site called Plonkwiz and a site called Drabble report that the date moved. "
        "According to the site, the director said it himself.",
    )
    assert _speaker(a, "the site").label == "unresolved"
