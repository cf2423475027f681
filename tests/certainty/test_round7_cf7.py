"""Round 7 of the precision audit: "could not possibly" (impossibility insisted on) and
"as ... as it could possibly be" (the utmost degree) hedge nothing; "almost certainly"
insists on no certainty; capitals that are a piece of a sentence all in capitals, or
that run on from an acronym into a name ("USA TODAY/Ipsos Poll"), are no emphasis.
Fixtures written for this file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.slow

#: The default report's floors.
_FLOOR = {"hedge": 0.8, "booster": 0.5}


def _shown(backbone: Backbone, text: str, kind: str) -> list[str]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    floor = _FLOOR[kind]
    return [f.text for f in pipe.analyze(Document(text)).by_kind(kind) if f.score >= floor]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The agency should pretend such tests could not possibly happen again.", "hedge"),
        ("They can't possibly know the answer.", "hedge"),
        ("The bar is as friendly as any place could possibly be.", "hedge"),
        ("The deal almost certainly would not have passed.", "booster"),
        (
            "The owners wrote on their page. THIS BAR IS A SAFE SPACE FOR EVERYONE! "
            "You are welcome here.",
            "booster",
        ),
        (
            "Support is low, according to a new USA TODAY/Ipsos Public Affairs Poll "
            "released on Monday.",
            "booster",
        ),
    ],
)
def test_not_shown(backbone: Backbone, text: str, kind: str) -> None:
    assert _shown(backbone, text, kind) == []


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        ("It could possibly rain tomorrow.", "hedge", "possibly"),
        ("The talks might possibly resume next week.", "hedge", "possibly"),
        (
            "She met the police as well as two clerks who could possibly testify.",
            "hedge",
            "possibly",
        ),
        ("The deal certainly would not have passed.", "booster", "certainly"),
        ("The mayor said the FBI NEVER came back.", "booster", "NEVER"),
        ("The owners say this bar is ALWAYS open to everyone.", "booster", "ALWAYS"),
    ],
)
def test_still_shown(backbone: Backbone, text: str, kind: str, want: str) -> None:
    assert want in _shown(backbone, text, kind)
