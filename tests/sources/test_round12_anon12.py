"""Round 12 of the precision audit, unnamed sources and attribution contents: a group the
next sentence names, an embedded post that shows its author, voters a poll breakdown
classifies by their answer, speech a report alleges, the writer's sentence before a
quotation, and content spans cut short or run long. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> dict[str, str]:
    """Each attribution's content and its speaker's text."""
    return {f.text: speaker_of(a, f).text for f in attributions(a)}


def _content_of(a: Analysis, speaker: str) -> list[str]:
    return [f.text for f in attributions(a) if speaker_of(a, f).text == speaker]


def _attribution(a: Analysis, text: str) -> Finding:
    found = [f for f in attributions(a) if f.text == text]
    assert len(found) == 1, list(_contents(a))
    return found[0]


# --- an unnamed group the next sentence names (round 12 anonymous/14, 15) ---


def test_group_named_next_is_not_anonymous(run: Run) -> None:
    a = sources(
        run,
        "3:10 p.m.\n\nA large Norvian farmers' group says the governor's plan to tax water "
        "could ruin small farms.\n\nThe Norvian Farmers Union National President Ann Lund "
        'says in a statement that the plan "crosses a line."',
    )
    s = _speaker(a, "A large Norvian farmers' group")
    assert s.label != "anonymous"
    assert _attribution(a, "the governor's plan to tax water could ruin small farms").label != (
        "anonymous"
    )


def test_group_followed_by_a_person_of_no_body_stays_anonymous(run: Run) -> None:
    a = sources(
        run,
        "A large farmers' group says the governor's plan to tax water could ruin small "
        "farms.\n\nAnn Lund, a farmer, says the plan is fair.",
    )
    assert _speaker(a, "A large farmers' group").label == "anonymous"


# --- an embedded post that shows its author (anonymous/37, 38) ---


def test_embedded_post_names_its_author(run: Run) -> None:
    a = sources(
        run,
        "The farmers are angry again.\n\nOne Westby farmer tweeted:\n\n"
        '<tweet tweet-author="@WestbyGrowers" tweet-date="May 3, 2016">Enough! The '
        "governor should resign instead of taxing our water… https://t.co/abcdef<tweet/>."
        "\n\nThe governor did not answer.",
    )
    s = _speaker(a, "One Westby farmer")
    assert s.label != "anonymous"
    assert s.attributes["name"] == "@WestbyGrowers"


# --- voters a poll breakdown classifies by their answer (anonymous/13) ---


def test_share_of_voters_who_say_is_no_source(run: Run) -> None:
    a = sources(
        run,
        "Karl Dahl has won most of the older voters, while Ann Lund is dominating by 6 in "
        "10 voters who says water prices are most important.",
    )
    assert not [f for f in a.by_kind("speaker") if "voters" in f.text]
    assert not attributions(a)


def test_voters_who_say_as_subject_keep_their_statement(run: Run) -> None:
    a = sources(
        run,
        "Voters who say the economy is most important in their vote were evenly divided "
        "between the candidates.",
    )
    assert _content_of(a, "Voters") == ["the economy is most important in their vote"]


# --- the writer's sentence before a quotation (attribution/18, 20; anonymous/26) ---


def test_writers_sentence_before_a_quotation_is_not_the_speakers(run: Run) -> None:
    a = sources(
        run,
        "Officials in Westby met again on Monday. Of course, not all the towns were alike. "
        "''In the towns up north, there were no public meetings, no petitions, no calls to "
        "the mayor,'' said Ann Lund, who was the chief of staff to the governor.\n\n"
        "Her brother was released last week. It was a short but warm conversation. ''I "
        "could hear his relief as he spoke last night and again today,'' Mrs. Berg wrote "
        "on her Facebook page on Sunday.",
    )
    for f in attributions(a):
        assert "were alike" not in f.text
        assert "warm conversation" not in f.text


def test_advisers_view_is_not_relayed_by_the_next_quoted_speaker(run: Run) -> None:
    a = sources(
        run,
        "But other advisers to the council have been urging the mayor to default on the "
        "loan, saying that only a disaster would move the state - especially the governor "
        "- to help. ''We need the tool,'' said Ms. Holm, referring to the law used by "
        "cities.",
    )
    f = _attribution(a, "only a disaster would move the state - especially the governor - to help")
    assert speaker_of(a, f).text == "other advisers to the council"
    assert not f.related("quoted_by")
    assert not [g for g in attributions(a) if "urging the mayor" in g.text]


def test_partial_quotation_in_one_sentence_is_kept_whole(run: Run) -> None:
    a = sources(run, 'The governor\'s plan is "a disaster for the farms," Lund said.')
    assert _content_of(a, "Lund") == ['The governor\'s plan is "a disaster for the farms,"']


# --- speech a report alleges (attribution/35) ---


def test_what_a_report_alleges_she_told_is_relayed_by_the_report(run: Run) -> None:
    a = sources(
        run,
        "In an interview with a radio host on Monday night, Lund responded to a question "
        "about a recent claim, first made by the Westby Herald earlier in the day, that she "
        "told the county board in a private meeting that she may not follow through with "
        "her proposed water tax if she is elected mayor.",
    )
    f = _attribution(
        a, "she may not follow through with her proposed water tax if she is elected mayor"
    )
    assert [a.get(i).text for i in f.related("quoted_by")] == ["the Westby Herald"]


# --- content spans cut short or run long (attribution/14, 17, 19, 22; anonymous/04, 17, 40) ---


def test_second_that_clause_is_part_of_the_content(run: Run) -> None:
    a = sources(
        run,
        "Former Mayor Karl Dahl, a Westby Republican who led the council, said that a deal "
        "involved hard choices but that if Ms. Lund chose to make one, she should have "
        "insisted on getting all the money back.",
    )
    [c] = _content_of(a, "Former Mayor Karl Dahl")
    assert c.endswith("getting all the money back")


def test_full_stop_inside_a_quotation_does_not_end_the_content(run: Run) -> None:
    a = sources(
        run,
        'Westby columnist Ann Berg stated that Monday\'s debate was a "more Lund-style" one '
        'and the mayor "did well, because it was a calm debate. It was more hopeful" and '
        'Lund was hurt by going "just nasty" against fellow candidate Jens Holm on '
        "Tuesday's radio show.",
    )
    [c] = _content_of(a, "Westby columnist Ann Berg")
    assert c.endswith("on Tuesday's radio show")


def test_tally_runs_on_over_its_items_not_the_writers_comment(run: Run) -> None:
    a = sources(
        run,
        "Minutes after the vote began, Westby's delegation chairman announced four votes "
        "for Lund, 31 for Mayor Jens Holm and two abstentions, a result which drew murmurs "
        "from the crowd.",
    )
    assert _content_of(a, "Westby's delegation chairman") == [
        "four votes for Lund, 31 for Mayor Jens Holm and two abstentions"
    ]


def test_participle_of_saying_ends_the_first_content(run: Run) -> None:
    a = sources(
        run,
        "Alongside calls for action, even a top Westby strategist said Lund will have to "
        "choose whose side she's on, saying, \"At some point, she's going to have to come "
        "out — I think the pressure's going to build on her — on where she stands on her "
        'old friend."',
    )
    assert _content_of(a, "a top Westby strategist")[0] == (
        "Lund will have to choose whose side she's on"
    )
    # the participle is the strategist's next act of speech, not Lund's
    for q in quotes(a):
        assert speaker_of(a, q).text == "a top Westby strategist"


def test_second_group_said_is_not_the_first_groups_content(run: Run) -> None:
    a = sources(
        run,
        "Even so, three-quarters of the voters said they were very worried about the state "
        "of the local economy, and more than 4 in 10 said Jens Holm would be best at "
        "handling the economy.",
    )
    assert _content_of(a, "three-quarters of the voters") == [
        "they were very worried about the state of the local economy"
    ]


def test_list_of_groups_is_one_content(run: Run) -> None:
    a = sources(
        run,
        "The survey also showed that moderates, voters aged 45 and older, voters living in "
        "rural households, suburbanites and young voters mostly backed Lund.",
    )
    [c] = _content_of(a, "The survey")
    assert c.endswith("mostly backed Lund")


def test_apposition_after_a_quoted_speaker_is_no_content(run: Run) -> None:
    a = sources(
        run,
        "''We hear that a lot, and I accept the point,'' said Representative Omar Dahl, a "
        "Westby Democrat who flew to Norvia with the family of Karl Berg, another freed "
        "American.",
    )
    assert not [f for f in attributions(a) if "another freed" in f.text]
