"""Wrong speaker types of audit round 9 (bench/audit/round9), each reproduced on an
invented fixture: one-word names of websites, brands and agencies typed a named person
though the text gives no person away (no first name, title, person's role or "he"/"she").
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speaker(a: Analysis, text: str) -> Finding:
    found = [f for f in a.by_kind("speaker") if f.text == text]
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


def test_a_one_word_website_that_reports_is_no_person(run: Run) -> None:
    a = sources(
        run, "Plovix reports that many users of its forums have lost files after an update."
    )
    s = _speaker(a, "Plovix")
    assert s.label == "named_organisation"
    assert "no person evidence" in str(s.attributes["type_reason"])


def test_a_one_word_brand_that_said_is_no_person(run: Run) -> None:
    a = sources(
        run, "It is only a joke. Brindel has come forward and said that they never made it."
    )
    assert _speaker(a, "Brindel").label == "named_organisation"


def test_a_one_word_agency_is_no_person(run: Run) -> None:
    a = sources(
        run, "The men allege they were harassed by QX7, who warned them they were on a list."
    )
    assert _speaker(a, "QX7").label == "named_organisation"


def test_her_after_the_name_is_no_person_evidence(run: Run) -> None:
    # "her office" is the editor's: only a subject "he"/"she" takes the name up
    a = sources(
        run, "Tarnwick reported that the animals have made the editor scared to enter her office."
    )
    assert _speaker(a, "Tarnwick").label == "named_organisation"


def test_a_one_word_name_he_takes_up_stays_a_person(run: Run) -> None:
    a = sources(
        run, "The board met on Monday. Moldavsky said the plan would fail, and he said it twice."
    )
    assert _speaker(a, "Moldavsky").label == "named_person"


def test_a_first_name_of_a_full_name_elsewhere_stays_a_person(run: Run) -> None:
    a = sources(run, "Ann said the plan would fail. Ann Vessel is the new mayor.")
    assert _speaker(a, "Ann").label == "named_person"


def test_a_one_word_name_with_a_persons_role_stays_a_person(run: Run) -> None:
    a = sources(run, "Holmgaard, a spokeswoman for the council, said the plan would fail.")
    assert _speaker(a, "Holmgaard").label == "named_person"


def test_a_one_word_name_with_an_honorific_elsewhere_stays_a_person(run: Run) -> None:
    a = sources(run, "Mrs. Holmgaard spoke on Monday. Holmgaard said the plan would fail.")
    assert _speaker(a, "Holmgaard").label == "named_person"


def test_a_he_after_the_name_as_no_subject_is_no_person_evidence(run: Run) -> None:
    a = sources(
        run,
        "The men allege they were harassed by QX7, who warned them they were on a watch "
        "list. He alleges that officers took his phone.",
    )
    assert _speaker(a, "QX7").label == "named_organisation"


def test_a_surname_shape_alone_is_no_person_evidence(run: Run) -> None:
    a = sources(run, "MacPlovix reports that many users of its forums have lost their files.")
    assert _speaker(a, "MacPlovix").label == "named_organisation"


def test_a_surname_shape_with_a_first_name_elsewhere_stays_a_person(run: Run) -> None:
    a = sources(
        run, "Officers met Ivo MacPlovix on Monday. MacPlovix said the claims are not valid."
    )
    assert _speaker(a, "MacPlovix").label == "named_person"


def test_the_company_is_the_one_word_company_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "It is only a joke. Brindel has come forward and said that they never made it. "
        '"We can\'t claim this one," the company said in a statement.',
    )
    s = _speaker(a, "the company")
    assert s.attributes["name"] == "Brindel"


def test_the_company_stays_unnamed_between_two_one_word_companies(run: Run) -> None:
    a = sources(
        run,
        "Brindel and Plovix have come forward and denied it. "
        '"We can\'t claim this one," the company said in a statement.',
    )
    assert _speaker(a, "the company").attributes["name"] != "Brindel"


def test_the_official_site_of_a_body_is_a_document(run: Run) -> None:
    a = sources(
        run,
        "Customers were angry. According to the official Plovix site, the drive can be "
        'used to "store all your files."',
    )
    assert _speaker(a, "the official Plovix site").label == "document"


def test_a_name_the_text_calls_a_site_is_a_publication(run: Run) -> None:
    a = sources(
        run,
        "The site Tattle Hound, which debunks rumours about stars, was among the first to "
        "expose the fakery. “The awful hoax comes from the jerks behind the fake page,” "
        "Tattle Hound wrote.",
    )
    assert _speaker(a, "Tattle Hound").label == "media_outlet"


def test_a_name_in_apposition_to_a_website_is_a_publication(run: Run) -> None:
    a = sources(run, "The gossip website Tattle Hound said the photo was fake.")
    assert _speaker(a, "Tattle Hound").label == "media_outlet"


def test_a_surname_after_initials_elsewhere_stays_a_person(run: Run) -> None:
    a = sources(
        run,
        "The board forced out K.T.\nMcVessel from her post. McVessel had written that "
        "“the plan will fail.”",
    )
    assert _speaker(a, "McVessel").label == "named_person"


def test_a_surname_after_an_honorific_across_a_line_stays_a_person(run: Run) -> None:
    a = sources(run, "The criticism has been sharp. Fr.\nVesselov wrote that the plan will fail.")
    assert _speaker(a, "Vesselov").label == "named_person"


def test_a_name_that_speaks_of_itself_in_the_first_person_stays_a_person(run: Run) -> None:
    a = sources(run, "“I saw nothing in the hall,” Vesselov said.")
    assert _speaker(a, "Vesselov").label == "named_person"
