"""Session 28: the label of a link, a video or a picture that opens a sentence ("See also:"
over another story's headline, "Link to the full video: <URL>", "Photo: <a credit>") is
page furniture, nothing to check, whatever the model scores it; so is a picture's caption,
a short line that a credit ends ("... after the blast. Photo: <credit>"); a sentence that
only mentions a video or a photo keeps its reading. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Link to the full video: https://example.org/v/harbour42 Posted by The Harbour "
        "Ledger on Tuesday, May 4, 2021",
        "SEE ALSO: Mayor Edda Pilkvist Cut 300 Jobs At The Port In 2019",
        "Read more: Harbour fees rose 40 percent in two years, the council admits",
        "(RELATED: Ferry Operator Fined $2 Million Over Safety Breaches)",
        "Photo: The Harbour Ledger",
        "Via: harbourledger.example",
    ],
)
def test_a_label_of_a_link_or_picture_is_nothing_to_check(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == "the label of a link, a video or a picture"


@pytest.mark.parametrize(
    "text",
    [
        "A video posted on Tuesday shows the mayor cutting 300 jobs at the port.",
        "Watchdogs said harbour fees rose 40 percent in two years.",
        "The photo was taken in May 2019, the council said.",
    ],
)
def test_a_sentence_about_a_video_or_a_photo_keeps_its_reading(run: Run, text: str) -> None:
    assert "nothing_to_check" not in _claim(run, text).attributes


CAPTIONED = (
    "Harbour fees rose again on Monday, the council said.\n\n"
    "Is the ferry line closing? Not yet. Officers take cover near the harbour after the "
    "blast at the depot that killed 3 people. Photo: The Harbour Ledger\n\n"
    "Mayor Edda Pilkvist said 300 jobs were cut at the port in 2019."
)


def test_a_line_a_pictures_credit_ends_is_a_caption(run: Run) -> None:
    claims = run(CAPTIONED, "claims").by_kind("claim")
    why = {c.text: c.attributes.get("nothing_to_check") for c in claims}
    caption = "a picture's caption (its credit ends the line)"
    assert why["Is the ferry line closing?"] == caption
    assert why["Not yet."] == caption
    blast = (
        "Officers take cover near the harbour after the blast at the depot that killed 3 people."
    )
    assert why[blast] == caption
    assert why["Harbour fees rose again on Monday, the council said."] is None
    assert why["Mayor Edda Pilkvist said 300 jobs were cut at the port in 2019."] is None
