"""A date told from a live blog post's own timestamp says so: attribute ``reference`` is
"post" and the explanation names the timestamp's day, not the publication date it was
not told from. Fixtures written for this file."""

from __future__ import annotations

from unspin.config import load_config
from unspin.model import Document, Finding
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

BLOG = (
    "Gale live: ferries halted\n\n"
    "The harbour was closed yesterday as the gale arrived.\n\n"
    "Tue 10 Nov 2026 08:15 GMT\n\n"
    "The ferry company said yesterday that the harbour wall had cracked.\n\n"
    "Mon 9 Nov 2026 21:40 GMT\n\n"
    "The coastguard said no vessel had reported trouble in the strait."
)


def _dates(backbone: Backbone, **meta: str) -> list[Finding]:
    pipe = Pipeline(load_config(analyzers=["claims"]), backbone=backbone)
    analysis = pipe.analyze(Document(BLOG, **meta))
    assert not analysis.failures, analysis.failures
    return [f for f in analysis.findings if f.kind == "date" and f.text == "yesterday"]


def test_a_post_dated_yesterday_names_its_timestamp(fake_backbone: Backbone) -> None:
    above, in_post = _dates(fake_backbone, published="2026-11-09")
    assert (above.attributes["iso"], above.attributes["resolved_relative_to"]) == (
        "2026-11-08",
        "2026-11-09",
    )
    assert "reference" not in above.attributes
    assert "the publication date 2026-11-09" in (above.explanation.detail or "")
    assert (in_post.attributes["iso"], in_post.attributes["reference"]) == ("2026-11-09", "post")
    assert "its post's timestamp 2026-11-10" in (in_post.explanation.detail or "")


def test_without_a_publication_date_a_post_still_has_its_day(fake_backbone: Backbone) -> None:
    above, in_post = _dates(fake_backbone)
    assert above.attributes["iso"] is None
    assert (in_post.attributes["iso"], in_post.attributes["reference"]) == ("2026-11-09", "post")
