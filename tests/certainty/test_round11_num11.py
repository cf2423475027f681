"""Round 10 of the precision audit, booster judged wrong: capitals that end an outlet's
name after "told" ("tells 8 News NOW"), an initialism ending like a past tense before a
noun ("OLED panels"), and a "WARNING:" notice before a link. The near misses keep their
finding. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.certainty.test_round7_cf7 import _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday. A witness tells 4 News NOW the bridge was shut at noon.",
        "The factory will make up to two million AMOLED screens a month next year.",
        "The mayor spoke at length. Watch the clip below (WARNING: strong language): it "
        "runs for two minutes.",
    ],
)
def test_no_booster(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "booster") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The firm said the phones are fine. Then the minister DENIED it all.", "DENIED"),
        ("Officials met on Monday. They said the plan is NOW dead.", "NOW"),
        ("The aides were told. This is a BANNED book in the district.", "BANNED"),
        ("The report came out. We are WARNING you about the scam.", "WARNING"),
    ],
)
def test_booster_kept(backbone: Backbone, text: str, word: str) -> None:
    assert word in _shown(backbone, text, "booster")
