"""Quality gate of attribution extraction on PolNeAR dev (issue #12 point 2).

The 84 dev texts of ``../shared/data/polnear/dev`` were never used for training or for
choosing anything (selection is by publisher cross-validation on train,
``training/attribution/train.py``). This runs the real backbone and the ``sources``
analyzer with its default options on every dev text, maps its findings to contents,
sources, cues and (source, content) relations (:func:`findings_extraction`) and scores
them against the first annotator file of each text, strict (word-token Jaccard >= 0.5).
It fails if a score falls below its floor (0.01-0.02 under the value measured when the
gate was set, ``bench/attribution.py --split dev`` prints the same numbers) and never
skips: missing data fails the gate with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.analyzer import Context
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.sources.analyzer import SourcesAnalyzer
from unspin.sources.polnear import findings_extraction, gold_extraction, load_split, score, total

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

# Measured on dev with the default options (extractor = "rules") on 2026-12-03,
# `python bench/attribution.py --split dev`, strict: content P 0.660 R 0.463 F1 0.544;
# source P 0.797 R 0.438 F1 0.565; relation P 0.559 R 0.383 F1 0.454.
FLOORS = {
    ("content", "f1"): 0.53,
    ("content", "precision"): 0.645,
    ("source", "f1"): 0.55,
    ("source", "precision"): 0.78,
    ("relation", "f1"): 0.44,
}

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _require_inputs() -> None:
    """Fail (never skip) when the gate cannot run; before the backbone loads."""
    if not (POLNEAR / "dev" / "text").is_dir() or not (POLNEAR / "dev" / "attributions").is_dir():
        pytest.fail(
            f"quality gate cannot run: PolNeAR dev is not at {POLNEAR / 'dev'} "
            "(text/ and attributions/ are needed)",
            pytrace=False,
        )


def test_attribution_quality_on_polnear_dev(backbone: Backbone) -> None:
    docs = load_split(POLNEAR, "dev")
    assert len(docs) == 84, f"PolNeAR dev should have 84 annotated texts, found {len(docs)}"
    analyzer = SourcesAnalyzer()
    needs_states = "token_states" in analyzer.requires
    scores = []
    for doc, parsed in zip(docs, backbone.parse_many([d.text for d in docs]), strict=True):
        states = None
        if needs_states:
            sentences = [doc.text[s.start : s.end] for s in parsed.sentences]
            states = backbone.token_states(sentences, [s.start for s in parsed.sentences])
        ctx = Context(Document(doc.text, source=doc.name), parsed, (), None, states)
        predicted = findings_extraction(doc.text, analyzer.run(ctx).findings)
        scores.append(score(doc.text, predicted, gold_extraction(doc), "strict"))
    got = total(scores)
    line = ", ".join(
        f"{role} P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}" for role, c in got.items()
    )
    print(f"PolNeAR dev, strict: {line}")
    low = [
        f"{role} {metric} {getattr(got[role], metric):.3f} < floor {floor}"
        for (role, metric), floor in FLOORS.items()
        if getattr(got[role], metric) < floor
    ]
    assert not low, "attribution quality on PolNeAR dev dropped: " + "; ".join(low)
