"""Outlet ratings: domain matching, ratings with source and year, the ``outlets`` analyzer.

The fixtures are invented ratings laid out like the ``domain-ratings`` data set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.config import load_config
from unspin.errors import ConfigError
from unspin.model import Document
from unspin.outlets import OutletRatings, candidate_domains, host_of, normalise_host
from unspin.outlets.analyzer import OutletsAnalyzer
from unspin.pipeline import Pipeline

RATINGS = Path(__file__).parent / "fixtures" / "domain-ratings"


@pytest.fixture(scope="module")
def ratings() -> OutletRatings:
    return OutletRatings(RATINGS)


def test_hosts_are_normalised() -> None:
    assert normalise_host("WWW.HarbourTimes.Example.") == "harbourtimes.example"
    assert normalise_host("amp.m.harbourtimes.example:8080") == "harbourtimes.example"
    assert normalise_host("www.example") == "www.example"  # never down to a bare TLD
    assert host_of("https://www.harbourtimes.example/opinion/2024/x/") == (
        "harbourtimes.example",
        "/opinion/2024/x",
    )
    assert list(candidate_domains("a.b.news.co.uk")) == [
        "a.b.news.co.uk",
        "b.news.co.uk",
        "news.co.uk",
    ]
    assert list(candidate_domains("someone.blogspot.com")) == ["someone.blogspot.com"]


def test_mirrors_subdomains_sections_and_aliases(ratings: OutletRatings) -> None:
    for host in (
        "harbourtimes.example",
        "https://www.harbourtimes.example/x",
        "amp.harbourtimes.example",
    ):
        found = ratings.lookup(host)
        assert found is not None and (found.domain, found.how) == ("harbourtimes.example", "exact")
    regional = ratings.lookup("edition.harbourtimes.example")
    assert regional is not None and (regional.domain, regional.how) == (
        "harbourtimes.example",
        "parent",
    )
    section = ratings.lookup("https://harbourtimes.example/opinion/today")
    assert section is not None and section.how == "path"
    assert [r.values["factuality"] for r in section.ratings] == ["mixed"]
    alias = ratings.lookup("news.bbc.co.uk")
    assert alias is not None and (alias.domain, alias.how) == ("bbc.com", "alias")
    # a blog on a shared host is its own outlet, never the host's
    assert ratings.lookup("someone.blogspot.com") is None
    blog = ratings.lookup("quietblog.blogspot.com")
    assert blog is not None and blog.domain == "quietblog.blogspot.com"
    assert ratings.lookup("unrated.example") is None


def test_every_rating_keeps_its_source_and_year(ratings: OutletRatings) -> None:
    found = ratings.lookup("harbourtimes.example")
    assert found is not None
    by = {(r.source, r.year): r for r in found.ratings}
    assert set(by) == {
        ("Lin et al. 2023 aggregate (PNAS Nexus)", "2023"),
        ("Media Bias/Fact Check", "2018"),
        ("Media Bias/Fact Check", "2020"),
        ("Media Bias/Fact Check", "2021"),
    }
    assert by[("Lin et al. 2023 aggregate (PNAS Nexus)", "2023")].values == {"quality": 0.912}
    assert by[("Media Bias/Fact Check", "2018")].values == {
        "factuality": "high",
        "bias": "left-center",
    }
    assert by[("Media Bias/Fact Check", "2020")].values["bias"] == "center"
    assert all(r.dataset and r.scale for r in found.ratings)
    slant = ratings.lookup("dailyslant.example")
    assert slant is not None
    assert {(r.source, r.year) for r in slant.ratings} >= {("Bufale", "2018")}


def test_names_come_from_the_data_set(ratings: OutletRatings) -> None:
    assert ratings.names["The Harbour Times"] == "harbourtimes.example"
    assert ratings.names["BBC"] == "bbc.com"  # a common name of a rated domain
    found = ratings.lookup_name("The Harbour Times")
    assert found is not None and found.how == "name"


TEXT = (
    "The Harbour Times reported the vote first. "
    "A post on dailyslant.example claimed otherwise, and an op-ed "
    "(https://www.harbourtimes.example/opinion/vote-day) agreed, as did the BBC. "
    "Slant of the roof aside, the slant of the coverage was clear, said Slant in a reply. "
    "Nobody cited unrated.example or quietblog.blogspot.com/post-1."
)


def _analyze(  # type: ignore[no-untyped-def]
    text: str, url: str | None = None, path: str = str(RATINGS), outlet: str | None = None
):
    pipe = Pipeline(
        load_config(
            {"pipeline": {"analyzers": ["outlets"], "backbone": "fake"},
             "analyzers": {"outlets": {"path": path}}}
        )
    )  # fmt: skip
    return pipe.analyze(Document(text, url=url, outlet=outlet))


def test_the_analyzer_anchors_each_cited_outlet_and_rates_the_document() -> None:
    a = _analyze(TEXT, url="https://amp.harbourtimes.example/2024/vote")
    assert a.ok, a.failures
    found = a.by_kind("outlet")
    assert [(f.text, f.label, f.attributes["domain"]) for f in found] == [
        ("The Harbour Times", "name", "harbourtimes.example"),
        ("dailyslant.example", "domain", "dailyslant.example"),
        (
            "https://www.harbourtimes.example/opinion/vote-day",
            "url",
            "harbourtimes.example/opinion",
        ),
        ("BBC", "name", "bbc.com"),
        ("Slant", "name", "dailyslant.example"),  # mid-sentence, capitalised: the outlet
        ("quietblog.blogspot.com/post-1", "domain", "quietblog.blogspot.com"),
    ]
    for f in found:
        assert a.document.text[f.start : f.end] == f.text
        assert f.attributes["ratings"] and all(
            r["source"] and r["year"] for r in f.attributes["ratings"]
        )
        assert "combines none" in f.explanation.detail
    summary = a.summaries["outlets"]
    assert summary["document_domain"] == "harbourtimes.example"
    assert len(summary["document_ratings"]) == 4
    assert "dailyslant.example" in summary["outlets_cited"]
    assert "score" not in str(summary["document_ratings"])  # no invented combined score


def test_the_document_outlet_from_its_metadata_name_or_domain() -> None:
    by_name = _analyze("No citations here.", outlet="the harbour times")
    assert by_name.summaries["outlets"]["document_domain"] == "harbourtimes.example"
    by_domain = _analyze("No citations here.", outlet="www.dailyslant.example")
    assert by_domain.summaries["outlets"]["document_domain"] == "dailyslant.example"
    unknown = _analyze("No citations here.", outlet="Unrated Weekly")
    assert unknown.summaries["outlets"]["document_domain"] is None
    assert not unknown.summaries["outlets"]["document_ratings"]


def test_without_ratings_the_analyzer_is_a_no_op() -> None:
    a = _analyze(TEXT, path="")
    assert a.ok and not a.by_kind("outlet")
    assert "no outlet ratings loaded" in str(a.summaries["outlets"]["note"])


def test_a_missing_ratings_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        OutletRatings(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="no outlet ratings"):
        OutletRatings(tmp_path / "empty")
    a = _analyze(TEXT, path=str(tmp_path / "nowhere"))
    assert [f.analyzer for f in a.failures] == ["outlets"]


def test_options_are_checked() -> None:
    with pytest.raises(ConfigError):
        OutletsAnalyzer(path=3)


def test_the_html_report_lists_outlet_ratings_with_source_and_year() -> None:
    import re

    from unspin.report import render_html

    a = _analyze(TEXT, url="https://harbourtimes.example/2024/vote")
    html = render_html(a)
    block = re.search(r'<section id="outlets".*?</section>', html, re.S)
    assert block is not None
    rows = re.findall(r"<tr>(.*?)</tr>", block.group(0), re.S)[1:]
    assert "this document" in rows[0] and "harbourtimes.example" in rows[0]
    assert (
        "<strong>Media Bias/Fact Check</strong> (2018): factuality high, bias left-center"
        in rows[0]
    )
    assert any("dailyslant.example" in r and "Bufale" in r for r in rows)
    assert 'data-fi="' in rows[1]  # a cited outlet links to its finding
