"""A list marker in brackets ("the officer\u2014(1) may ...; (2) ...") and the number of a part
of a legal text ("Title 8 of the Code", "Article 5 of the Treaty") are no quantities;
a bracketed age after a name and amounts in a legal text are kept (precision audit,
round 3). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Unless told otherwise, the clerk\u2014(1) may keep the file; (2) may close it.", []),
        ("The board must:\n(1) meet once; and (2) report.", []),
        ("The state may act; title 6 of the Farm Code gives that power.", []),
        ("The state may act under the Farm Code, Part 3, as it did.", []),
        # kept: a share of a legal text's parts, a fine, a bracketed age
        ("The judge said 40 of the Act's rules were broken.", [("40", 40.0, None)]),
        (
            "Under the Harbour Act, a fine of $500 applies.",
            [("$500", 500.0, "USD")],
        ),
        ("Tom Reed (42) was hurt on the road.", [("42", 42.0, None)]),
    ],
)
def test_list_markers_and_legal_parts(
    backbone: Backbone, text: str, want: list[tuple[str, float, str | None]]
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.value, q.unit) for q in got] == want
