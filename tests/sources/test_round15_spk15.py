"""Speaker errors of audit rounds 15 and 16 (bench/audit/round15, round16), each reproduced
on an invented fixture: a role taken from the writer's description of a person (looks,
age, manner, a characterisation) instead of a position."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speakers(a: Analysis, text: str) -> list[Finding]:
    return [f for f in a.by_kind("speaker") if f.text == text]


def _rows(a: Analysis) -> list[tuple[str, str, object, object]]:
    return [
        (f.text, f.label, f.attributes.get("name"), f.attributes.get("role"))
        for f in a.by_kind("speaker")
    ]


def test_a_physical_description_in_apposition_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "Tomas Varga spent years teaching economics before he took up arms.\n\n"
        "Varga, a burly, balding 61-year-old with an oddly modest manner, rubbed his "
        "forehead as the lamps dimmed and then returned. As leader, Varga oversees several "
        "hundred fighters.\n\n"
        '"We are four right now," Varga said, pointing at the tents. "Another comes '
        'tomorrow."\n\n'
        "Later he explained that the movement would keep up its pressure on the council.",
    )
    found = _speakers(a, "Varga") + _speakers(a, "he")
    assert len(found) == 2, _rows(a)
    for f in found:
        assert f.attributes.get("name") == "Tomas Varga"
        role = f.attributes.get("role") or ""
        assert "burly" not in role and "year-old" not in role, _rows(a)


def test_a_characterisation_in_apposition_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "Harbor investor Mila Dorrin, a strong supporter of school choice as well as a "
        "giant in the shipping world, will speak at the summit next week.\n\n"
        "\u201cMost parents want options,\u201d Dorrin wrote in a statement to the Ledger.",
    )
    found = _speakers(a, "Dorrin")
    assert found, _rows(a)
    for f in found:
        role = f.attributes.get("role") or ""
        assert "supporter" not in role and "giant" not in role, _rows(a)


def test_an_age_with_an_occupation_keeps_the_occupation(run: Run) -> None:
    a = sources(
        run,
        "Ann Lund, a 55-year-old systems engineer from Westby, said the plant was safe.\n\n"
        "Bo Vik, a longtime supporter of the Westby Farmers Union, said the vote was fair.",
    )
    (lund,) = _speakers(a, "Ann Lund")
    assert "engineer" in (lund.attributes.get("role") or ""), _rows(a)
    (vik,) = _speakers(a, "Bo Vik")
    assert "supporter" in (vik.attributes.get("role") or ""), _rows(a)


def test_a_programme_named_edition_is_an_outlet(run: Run) -> None:
    a = sources(
        run,
        "Rep. Reb Olsen will back Vask for governor.\n\n"
        "Olsen said on Friday to Valley Edition that he planned to vote for Vask.\n\n"
        '"I will be voting," Olsen said, according to Valley Edition. "And I have decided."',
    )
    found = _speakers(a, "Valley Edition")
    assert found, _rows(a)
    for f in found:
        assert f.label == "media_outlet", _rows(a)


def test_a_paper_called_by_its_last_word_is_an_outlet(run: Run) -> None:
    a = sources(
        run,
        'Vask told the Harbor Post in a written statement, "I do not want his help."\n\n'
        "According to the Post, campaign officials looked into what would happen if their "
        "candidate dropped out.",
    )
    (post,) = _speakers(a, "Post")
    assert post.label == "media_outlet", _rows(a)


def test_a_tool_that_monitors_media_is_no_outlet(run: Run) -> None:
    a = sources(
        run,
        "Harbor Lane has posted more than 4,000 times since June, according to PulseMeter, "
        "a social analytics tool that monitors social media. Lane has drawn 30 million "
        "interactions.",
    )
    (tool,) = _speakers(a, "PulseMeter")
    assert tool.label != "media_outlet", _rows(a)


def test_a_party_word_before_an_office_in_a_headline_is_a_person(run: Run) -> None:
    a = sources(
        run,
        "GOP Rep Dorrance Announces Bill Cutting Agency Budgets\n\n"
        "Rep. Kel Dorrance said on Tuesday that the agency had failed.",
    )
    (rep,) = _speakers(a, "GOP Rep Dorrance")
    assert rep.label == "named_person", _rows(a)


def test_it_after_a_lawsuit_is_the_lawsuit_not_a_place(run: Run) -> None:
    a = sources(
        run,
        "The parents of two guards killed in an attack on a compound in Kessa, Norvia, have "
        "filed a lawsuit against Lena Marsh.\n\n"
        'The lawsuit contends that "the deaths were directly caused by the reckless actions" '
        "of Marsh, who was interior minister at the time. It goes on to fault Marsh's use of "
        'a private phone while at the ministry, saying any call made on it was "compromised" '
        "and helped the attackers.",
    )
    (it,) = _speakers(a, "It")
    assert it.label != "government", _rows(a)
    assert "Norvia" not in str(it.attributes.get("name")), _rows(a)


def test_a_judge_of_another_court_is_not_the_named_judge(run: Run) -> None:
    a = sources(
        run,
        "An effort to restore a week of early voting has suffered a setback in court.\n\n"
        "In May, a U.S. District Court judge sided with the challengers, saying the law "
        "violated the constitution. That ruling was overturned Tuesday.\n\n"
        "Circuit Court Judge Oskar Brandt, writing for the majority, said the remaining "
        "period is generous.",
    )
    (judge,) = _speakers(a, "a U.S. District Court judge")
    assert judge.attributes.get("name") != "Oskar Brandt", _rows(a)


def test_he_in_the_words_of_one_who_says_i_is_someone_else(run: Run) -> None:
    a = sources(
        run,
        "Tomas Varga has spent two years in exile.\n\n"
        "But President Oskar Brandt, making it clear that trade came first, stood beside the "
        "new premier and described his government as 'freely chosen.'\n\n"
        "''I was shocked,'' Varga told me. ''I understand the reality of power and why he "
        "backs the premier, but to say it is 'freely chosen'? I was disgusted.''",
    )
    found = _speakers(a, "he")
    assert found, _rows(a)
    for f in found:
        assert f.attributes.get("name") != "Tomas Varga", _rows(a)


def test_the_suit_is_a_document(run: Run) -> None:
    a = sources(
        run,
        "A former aide, Ida Marsh, filed a lawsuit against the committee on Monday.\n\n"
        "Along with other charges, the suit claims that the chairman harmed her career.",
    )
    (suit,) = _speakers(a, "the suit")
    assert suit.label == "document", _rows(a)


def test_the_candidate_who_adds_is_the_one_who_just_spoke(run: Run) -> None:
    a = sources(
        run,
        "Oskar Brandt said on Tuesday that Ida Marsh would not back him.\n\n"
        "Brandt told the Harbor Post in a written statement, \u201cI really do not want her "
        "endorsement, because she does not stand for strength.\u201d\n\n"
        "The candidate added, \u201cBut if she does not back me as the nominee, she cannot "
        "be on the ballot in many states.\u201d",
    )
    (cand,) = _speakers(a, "The candidate")
    assert cand.attributes.get("name") == "Oskar Brandt", _rows(a)


def test_the_chairmen_are_the_two_chairmen_named_together(run: Run) -> None:
    a = sources(
        run,
        "Two House committees on Monday asked the agency to investigate Ida Marsh.\n\n"
        "Oversight Committee Chairman Jon Redd (R-Utah) and Judiciary Committee Chairman "
        "Bo Harlan (R-Va.) sent the referral to the prosecutor, asking him to probe claims "
        "Marsh made during a hearing.\n\n"
        "Marsh testified that she never sent secret files. Director Eli Sand said those "
        "statements were wrong.\n\n"
        "\u201cThe evidence appears to contradict her sworn testimony,\u201d the committee "
        "chairmen wrote.",
    )
    (chairs,) = _speakers(a, "the committee chairmen")
    assert chairs.attributes.get("name") == "Jon Redd and Bo Harlan", _rows(a)
