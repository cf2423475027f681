"""Round 9 of the precision audit, judged wrong: "seemingly" in the stock hyperbole "a
seemingly endless stream" or on a harmless-looking thing set up to be overturned;
"unverified" listed in a flat denial; "more definitely" comparing how firmly another
outlet reported; capitals after the article opening a text (house style), a programme
after "said on", and capitals in the title-case headline a "SEE ALSO:" label opens. The
near misses keep their finding. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.certainty.test_round7_cf7 import _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Fans have grown tired of the seemingly endless stream of online hoaxes about actors.",
        '"The rumours are false," his lawyer said. "They are unsourced, unverified and '
        'utterly ridiculous."',
        "The machines stumbled in the face of a seemingly harmless obstacle: stairs.",
    ],
)
def test_no_hedge(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "hedge") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The suspect was seemingly unaware of the cameras in the hall.", "seemingly"),
        ("A seemingly innocent man was held for ten years.", "seemingly"),
        ("The reports of a second blast remain unverified.", "unverified"),
        ("Police cited unconfirmed reports of a second attacker.", "unconfirmed"),
    ],
)
def test_hedge_kept(backbone: Backbone, text: str, word: str) -> None:
    assert word in _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    "text",
    [
        "A MYSTERIOUS blast shook the northern town on Sunday, creating a deep hole.",
        '"We know nothing," the father said on TODAY last year.',
        "One paper said the actor may join the film. Another outlet reports more "
        "definitely that he is set to star.",
        "Some owners of the new phone say it bends in their pockets. Others say the glass "
        "pulls their hair when they take calls, and the firm has not said whether it will "
        "look into it.\n\nSEE ALSO:  Fans Claim To Have Found The REAL Reason Behind The "
        "Delay.",
    ],
)
def test_no_booster(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "booster") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials met on Monday. The REAL problem is the cost of the plan.", "REAL"),
        ("The mayor said the plan is definitely dead.", "definitely"),
        ("The firm said the phones are fine. This is TOTALLY false.", "TOTALLY"),
    ],
)
def test_booster_kept(backbone: Backbone, text: str, word: str) -> None:
    assert word in _shown(backbone, text, "booster")
