"""The HTML report: structure, anchoring of highlights, escaping, self-containment."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

import pytest

from unspin.model import Analysis, Document, Explanation, Finding
from unspin.report import TEMPLATE_DIR, asset, render_html, report_context
from unspin.report.audited import audit_for
from unspin.report.html import safe_href

VOID = {"meta", "input", "br", "img", "hr", "link", "wbr", "source", "area", "col", "embed"}


class Page(HTMLParser):
    """Parses a report: tags, the #text article's characters and which marks cover each."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.in_text = 0  # depth of the #text article in the stack, 0 when outside
        self.text_chars: list[str] = []
        self.cover: list[set[int]] = []  # per character of #text: finding indices covering it
        self.mark_stack: list[dict[str, str]] = []
        self.marks: list[dict[str, str]] = []
        self.anchors: list[tuple[int, dict[str, str]]] = []
        self.by_id: dict[str, str] = {}  # element id -> collected text
        self._ids: list[tuple[str, int]] = []
        self.title = ""
        self._in_title = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "script":
            self._script = a
        if tag == "title":
            self._in_title = True
        if tag in VOID:
            return
        self.stack.append(tag)
        if a.get("id"):
            self._ids.append((a["id"], len(self.stack)))
            self.by_id[a["id"]] = ""
        if a.get("id") == "text":
            self.in_text = len(self.stack)
        elif self.in_text and tag == "mark":
            self.mark_stack.append(a)
            self.marks.append(a)
        elif self.in_text and "anchor" in a.get("class", "").split():
            self.anchors.append((len(self.text_chars), a))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> in {self.stack[-3:]}"
        if tag == "script":
            self._script = None
        if tag == "title":
            self._in_title = False
        if self.in_text and tag == "mark":
            self.mark_stack.pop()
        if self.in_text == len(self.stack):
            self.in_text = 0
        while self._ids and self._ids[-1][1] == len(self.stack):
            self._ids.pop()
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
            return
        if self._in_title:
            self.title += data
        for name, _ in self._ids:
            self.by_id[name] += data
        if self.in_text:
            covering = {int(i) for m in self.mark_stack for i in m["data-f"].split()}
            for ch in data:
                self.text_chars.append(ch)
                self.cover.append(covering)

    @property
    def article_text(self) -> str:
        return "".join(self.text_chars)

    def attr_values(self, name: str) -> list[str]:
        return [a[name] for _, a in self.tags if name in a]


@pytest.fixture(scope="module")
def hostile_html(analysis: Analysis) -> str:
    return render_html(analysis)


@pytest.fixture(scope="module")
def page(hostile_html: str) -> Page:
    return Page(hostile_html)


def _json_data(page: Page) -> dict[str, Any]:
    blocks = [d for a, d in page.scripts if a.get("type") == "application/json"]
    assert len(blocks) == 1
    data: dict[str, Any] = json.loads(blocks[0])
    return data


# -- the text and its highlights -------------------------------------------------------


def test_article_text_is_reproduced_exactly(page: Page, analysis: Analysis) -> None:
    assert page.article_text == analysis.document.text
    assert "\n\n" in page.article_text  # paragraph breaks kept (shown with pre-wrap)


def test_every_finding_covers_exactly_its_span(page: Page, analysis: Analysis) -> None:
    """Overlapping, crossing and nested spans: each finding's marks cover start..end, only."""
    for i, f in enumerate(analysis.findings):
        if f.start == f.end:
            continue
        covered = [pos for pos, idx in enumerate(page.cover) if i in idx]
        assert covered == list(range(f.start, f.end)), (f.kind, f.label, f.text)


def test_marks_carry_kind_and_ids(page: Page, analysis: Analysis) -> None:
    assert page.marks
    for m in page.marks:
        idx = [int(i) for i in m["data-f"].split()]
        assert m["data-finding-ids"].split() == [analysis.findings[i].id for i in idx]
        assert {analysis.findings[i].kind for i in idx} == {m["data-kind"]}
        assert "title" not in m  # the script writes the explanations on hover, from the data


def test_an_explanation_is_in_the_page_once_however_many_pieces_its_marks_are() -> None:
    """A long finding cut by many short ones: its explanation is not repeated in each
    piece of text its marks cover (a 200 KB text gave a 39 MB page of such repeats)."""
    doc = Document("On Monday 4 people, on Tuesday 5 people and on Friday 9 people left the camp.")

    def found(needle: str, kind: str, detail: str) -> Finding:
        s = doc.text.index(needle)
        return Finding.anchored(
            doc, s, s + len(needle), kind=kind, label="x", score=0.9, analyzer="hand",
            analyzer_version="1", explanation=Explanation("rule", detail=detail),
        )  # fmt: skip

    counts = [found(n, "quantity", f"count {n}") for n in ("4 people", "5 people", "9 people")]
    claim = found(doc.text, "claim", "the-whole-sentence-explained")
    html = render_html(Analysis(doc, (claim, *counts)))
    marks = [m for m in Page(html).marks if m["data-kind"] == "claim"]
    assert len(marks) == 7  # the claim's text is cut into seven pieces
    assert html.count("the-whole-sentence-explained") == 1  # in the finding data only


def test_crossing_spans_share_a_segment(page: Page, analysis: Analysis) -> None:
    text = analysis.document.text
    t1, t2 = analysis.by_kind("technique")
    assert t1.start < t2.start < t1.end < t2.end  # the fixture's spans cross
    both = [
        m
        for m in page.marks
        if m["data-kind"] == "technique" and len(m["data-finding-ids"].split()) == 2
    ]
    assert both and "multi" in both[0]["class"].split()
    overlap_text = text[t2.start : t1.end]
    pos = text.index(overlap_text)
    i1, i2 = analysis.findings.index(t1), analysis.findings.index(t2)
    assert {i1, i2} <= page.cover[pos]


def test_nested_marks_order_outer_layers_first(page: Page, analysis: Analysis) -> None:
    """Inside the quote, the hedge mark is nested in the quote mark, itself in the claim."""
    hedge = analysis.by_kind("hedge")[0]
    quote = analysis.by_kind("quote")[0]
    claim = next(f for f in analysis.by_kind("claim") if f.start <= hedge.start < f.end)
    cov = page.cover[hedge.start]
    ids = [analysis.findings.index(f) for f in (claim, quote, hedge)]
    assert set(ids) <= cov
    html = render_html(analysis)
    seg = re.search(r"((?:<mark [^>]*>)+)probably</mark>", html)
    assert seg is not None
    kinds = re.findall(r'data-kind="([^"]+)"', seg.group(1))
    assert kinds == ["claim", "quote", "hedge"]


def test_zero_length_finding_gets_an_anchor(page: Page, analysis: Analysis) -> None:
    marker = analysis.by_kind("marker")[0]
    assert marker.start == marker.end
    positions = [pos for pos, a in page.anchors if a["data-finding-ids"] == marker.id]
    assert positions == [marker.start]


def _radios(page: Page) -> dict[str, dict[str, str]]:
    """The layer switch's options by layer id ("" for "none")."""
    return {
        a["data-layer"]: a for t, a in page.tags if t == "input" and a.get("name") == "unspin-layer"
    }


def test_each_layer_has_one_switch_option_and_a_static_colour(
    page: Page, analysis: Analysis
) -> None:
    radios = _radios(page)
    marked = {m["data-layer"] for m in page.marks} | {a["data-layer"] for _, a in page.anchors}
    assert marked | {""} == set(radios)
    assert [k for k, a in radios.items() if "checked" in a] != []  # one layer starts shown
    assert len([k for k, a in radios.items() if "checked" in a]) == 1
    kinds_marked = {m["data-kind"] for m in page.marks} | {a["data-kind"] for _, a in page.anchors}
    assert kinds_marked == set(analysis.kinds)
    css = asset("report.css")
    for m in page.marks:  # every colour is a class of the static style sheet (no inline style)
        colour = next(c for c in m["class"].split() if c.startswith("hl-"))
        assert re.search(rf"\.{colour}\s*\{{[^}}]*(background-color|text-decoration):", css), colour


def test_only_the_default_layer_is_on(page: Page) -> None:
    """ONE layer at a time: the marks of the checked option, and no other, are "on"."""
    shown = next(k for k, a in _radios(page).items() if "checked" in a)
    assert shown
    for m in page.marks:
        assert ("on" in m["class"].split()) is (m["data-layer"] == shown)
    legend = [a for t, a in page.tags if "legend-item" in a.get("class", "").split()]
    assert [a["data-layer"] for a in legend if "hidden" not in a] == [shown]


def test_unknown_kind_renders_with_fallback_colour(hostile_html: str, page: Page) -> None:
    mystery = [m for m in page.marks if m["data-kind"] == "mystery_kind"]
    assert mystery
    colour = next(c for c in mystery[0]["class"].split() if c.startswith("hl-"))
    assert colour in {f"hl-x{n}" for n in range(6)}  # unknown kinds take the fallbacks in turn
    assert re.search(rf"\.{colour} \{{ background-color: rgba\(", asset("report.css"))
    assert "&lt;b&gt;bold label&lt;/b&gt;" in hostile_html  # its label, escaped, in the panel


def test_checkworthy_claims_open_the_report(page: Page, analysis: Analysis) -> None:
    radios = _radios(page)
    audit = audit_for("claim")
    assert audit is not None
    opens = not audit.experimental
    claim_layers: dict[str, bool] = {}
    for m in page.marks:
        if m["data-kind"] == "claim":
            f = analysis.findings[int(m["data-f"].split()[0])]
            worthy = bool(f.attributes["checkworthy"])
            claim_layers[m["data-layer"]] = worthy
            # check-worthy claims come first in the switch: the report opens on them when
            # they are audited at the floor or above (unspin.report.audited); other claims
            # are never shown by default
            assert ("on" in m["class"].split()) is (worthy and opens)
    assert len(claim_layers) == 2  # check-worthy and other claims are separate layers
    for layer, worthy in claim_layers.items():
        assert ("checked" in radios[layer]) is (worthy and opens)


def test_experimental_layers_say_why_they_are_off(hostile_html: str) -> None:
    switch = hostile_html[hostile_html.index('<fieldset class="switch') :]
    switch = switch[: switch.index("</fieldset>")]
    assert "booster (experimental)" in switch
    booster = audit_for("booster")
    assert booster is not None and booster.experimental
    why = f"audited precision {booster.figure} ({booster.correct} of {booster.judged}"
    assert why in switch
    assert "date (experimental)" not in switch
    assert "date" in switch


def test_innermost_finding_is_listed_first(page: Page, analysis: Analysis) -> None:
    """Where findings of one layer nest, a mark names the shortest one first."""
    for m in page.marks:
        idx = [int(i) for i in m["data-f"].split()]
        if len(idx) < 2 or m["data-kind"] == "technique":
            continue
        spans = [analysis.findings[i].end - analysis.findings[i].start for i in idx]
        assert spans == sorted(spans)


def test_findings_come_first_then_the_text_then_the_summaries(hostile_html: str) -> None:
    order = [
        'id="s-claims"',
        'id="s-sources"',
        'id="s-techniques"',
        'id="reading"',
        'id="text"',
        'id="summaries"',
    ]
    positions = [hostile_html.index(x) for x in order]
    assert positions == sorted(positions)
    assert '<details id="summaries"' in hostile_html  # behind a toggle, closed
    assert '<details id="summaries" class="block summaries" open' not in hostile_html
    toc = hostile_html[hostile_html.index('<nav class="toc"') :]
    toc = toc[: toc.index("</nav>")]
    assert toc.index("#s-claims") < toc.index("#s-sources") < toc.index("#reading")


def test_skip_links_and_focusable_controls(page: Page) -> None:
    hrefs = [a["href"] for t, a in page.tags if t == "a" and "skip" in a.get("class", "")]
    assert hrefs == ["#findings-start", "#reading"]
    ids = {a.get("id") for _, a in page.tags}
    assert {"findings-start", "reading", "details-close"} <= ids


# -- escaping and safety ---------------------------------------------------------------


def test_hostile_text_and_metadata_render_as_text(
    page: Page, hostile_html: str, fx: SimpleNamespace
) -> None:
    tags = [t for t, _ in page.tags]
    assert "img" not in tags and "b" not in tags
    assert tags.count("script") == 2
    assert not [name for _, a in page.tags for name in a if name.startswith("on")]
    assert fx.HOSTILE_SCRIPT in page.article_text and fx.HOSTILE_IMG in page.article_text
    assert fx.HOSTILE_META["title"] in page.title
    visible = _visible_text(hostile_html)
    for key in ("title", "author", "outlet", "published", "source"):
        assert fx.HOSTILE_META[key] in visible, key
    assert "window.__pwned=1</script>" not in hostile_html


def _visible_text(html: str) -> str:
    """All text outside scripts and styles, entity-decoded."""

    class T(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("script", "style")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.out.append(data)

    t = T()
    t.feed(html)
    return "".join(t.out)


def test_javascript_url_is_not_a_link(page: Page, hostile_html: str, fx: SimpleNamespace) -> None:
    hrefs = page.attr_values("href")
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert fx.HOSTILE_META["url"] in _visible_text(hostile_html)
    assert "not a web link" in hostile_html


def test_https_url_is_an_escaped_link(clean_analysis: Analysis) -> None:
    html = render_html(clean_analysis)
    assert '<a href="https://news.example/bridge?a=1&amp;b=2"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_finding_data_reaches_script_only_as_escaped_json(page: Page, analysis: Analysis) -> None:
    raw = next(d for a, d in page.scripts if a.get("type") == "application/json")
    assert not set("<>&") & set(raw)
    data = _json_data(page)
    assert [f["id"] for f in data["findings"]] == [f.id for f in analysis.findings]
    mystery = next(f for f in data["findings"] if f["kind"] == "mystery_kind")
    assert mystery["attributes"]["note"] == "<img src=x onerror=alert(1)>"
    assert mystery["attributes"]["nested"] == {"x": ["</script>", "&amp;"]}
    assert mystery["explanation"]["cues"] == ["</script><script>alert(3)</script>"]
    quote = next(f for f in data["findings"] if f["kind"] == "quote")
    speaker_index = quote["relations"][0]["index"]
    assert data["findings"][speaker_index]["kind"] == "speaker"


def test_csp_allows_exactly_our_script(page: Page, hostile_html: str) -> None:
    csp = next(
        a["content"]
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in csp
    code = [d for a, d in page.scripts if "type" not in a]
    assert len(code) == 1
    digest = base64.b64encode(hashlib.sha256(code[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp
    style = hostile_html.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert not [a for _, a in page.tags if "style" in a]  # no style attribute anywhere


def test_report_is_self_contained(page: Page, hostile_html: str) -> None:
    assert not [a for t, a in page.tags if "src" in a]
    assert not [t for t, a in page.tags if t == "link"]
    style = hostile_html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_failures_box_escapes_the_message(page: Page, hostile_html: str) -> None:
    box = re.search(r'<section class="failures".*?</section>', hostile_html, re.S)
    assert box is not None
    assert "exploder" in box.group(0)
    assert "&lt;script&gt;alert(&#34;boom&#34;)&lt;/script&gt;" in box.group(0)
    assert "1 analyzer failed" in box.group(0)


def test_no_failures_box_when_all_ran(clean_analysis: Analysis) -> None:
    assert 'class="failures"' not in render_html(clean_analysis)


# -- panels and tables -----------------------------------------------------------------


def test_panel_lists_every_finding_once(page: Page, analysis: Analysis) -> None:
    panel = [
        a["data-fi"] for t, a in page.tags if t == "button" and "fi" in a.get("class", "").split()
    ]
    listed = [int(i) for i in panel]
    # the panel lists each finding; the source table and claims list may repeat some
    assert set(listed) == set(range(len(analysis.findings)))


def test_source_table(hostile_html: str) -> None:
    table = re.search(r'<section id="sources".*?</section>', hostile_html, re.S)
    assert table is not None
    main, weaker = table.group(0).split('<details class="weaker-sources">')

    def cells_of(html: str) -> list[list[str]]:
        rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
        cells = [
            [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in rows
        ]
        return [c for c in cells if c]

    cells = cells_of(main)
    edda = next(c for c in cells if c[0] == "Edda Pilkvist")
    assert edda[1:4] == ["person", "Mayor", "1"]
    assert '<td title="a named person">person</td>' in table.group(0)
    assert "will probably reopen by March" in edda[4]
    # a speaker whose every statement scored under the floor is listed apart, collapsed
    assert not any("Rask" in c[0] for c in cells)
    assert "more speakers, from weaker findings only (experimental)</summary>" in weaker
    jon = next(c for c in cells_of(weaker) if "Rask" in c[0])
    assert jon[3] == "1 (1 weaker)"
    assert jon[0] == "Jon &quot;Pipe|Man&quot; Rask" and jon[2] == "&lt;b&gt;reader&lt;/b&gt;"


def test_summary_strip(hostile_html: str) -> None:
    strip = re.search(r'<section class="strip".*?</section>', hostile_html, re.S)
    assert strip is not None
    text = re.sub(r"<[^>]+>", "", strip.group(0))
    assert "check-worthy claims 3 / 4" in text
    assert "anonymous sources 33%" in text
    assert "certainty balance +0.00" in text
    assert "technique 2" not in text  # the counts by kind are in the layer switch
    # every figure says what it counts (a tooltip)
    chips = re.findall(r'<li class="chip[^"]*"( title="[^"]+")?>', strip.group(0))
    assert chips and all(chips), chips
    assert 'title="Share of the quotations and reported statements whose source' in strip.group(0)
    switch = re.search(r'<fieldset class="switch.*?</fieldset>', hostile_html, re.S)
    assert switch is not None
    options = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", switch.group(0)))
    assert "technique (experimental) 2" in options and "mystery_kind 1" in options


def test_empty_analysis(empty_analysis: Analysis) -> None:
    html = render_html(empty_analysis)
    page = Page(html)
    assert page.article_text == empty_analysis.document.text
    assert not page.marks
    assert "No findings." in html
    assert 'class="layers"' not in html and "<fieldset" not in html
    assert _json_data(page)["findings"] == []


def test_links_to_other_reports(analysis: Analysis) -> None:
    own = analysis.document.id
    html = render_html(
        analysis,
        links={
            "0123abcd": "other-0123abcd.html",
            "evil": "javascript:alert(1)",
            "far": "//evil.example/x",
            own: "self.html",
        },
    )
    page = Page(html)
    hrefs = page.attr_values("href")
    assert "other-0123abcd.html" in hrefs
    assert "self.html" not in hrefs
    assert not [h for h in hrefs if "javascript" in h or h.startswith("//")]
    assert _json_data(page)["links"]["0123abcd"] == {"href": "other-0123abcd.html", "title": ""}
    assert "evil" not in _json_data(page)["links"]


def test_other_reports_are_shown_by_title(analysis: Analysis) -> None:
    html = render_html(
        analysis,
        links={"0123abcd": "other-0123abcd.html"},
        titles={"0123abcd": "Bridge <b>reopens</b>"},
    )
    related = html[html.index('<nav id="related"') :]
    related = related[: related.index("</nav>")]
    assert '<a href="other-0123abcd.html">Bridge &lt;b&gt;reopens&lt;/b&gt;</a>' in related
    assert _json_data(Page(html))["links"]["0123abcd"]["title"] == "Bridge <b>reopens</b>"


def test_body_template_is_shared_and_csp_clean(analysis: Analysis) -> None:
    """The web includes report/body.html with report_context: no inline script, no
    style attribute, no event handler; the data block is JSON."""
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    body = env.get_template("report/body.html").render(**report_context(analysis))
    page = Page(body)
    assert [a.get("type") for a, _ in page.scripts] == ["application/json"]
    assert not [a for _, a in page.tags if "style" in a]
    assert not [name for _, a in page.tags for name in a if name.startswith("on")]
    assert page.article_text == analysis.document.text
    assert "<html" not in body and "<head>" not in body
    assert asset("report.js").lstrip().startswith("/*")
    assert ".unspin-report" in asset("report.css")
    with pytest.raises(ValueError, match="unknown report asset"):
        asset("../__init__.py")


@pytest.mark.parametrize(
    ("url", "relative", "ok"),
    [
        ("https://news.example/a", False, True),
        ("http://news.example/a", False, True),
        ("javascript:alert(1)", False, False),
        ("JavaScript:alert(1)", True, False),
        ("java\tscript:alert(1)", True, False),
        (" javascript:alert(1)", True, False),
        ("data:text/html,<script>alert(1)</script>", True, False),
        ("https:///nohost", False, False),
        ("other.html", False, False),
        ("other.html", True, True),
        ("../reports/other.html", True, True),
        ("//evil.example/x", True, False),
        ("", True, False),
    ],
)
def test_safe_href(url: str, relative: bool, ok: bool) -> None:
    assert (safe_href(url, allow_relative=relative) is not None) is ok


def test_hostile_document_built_by_hand() -> None:
    """A finding label, cue and attribute full of markup, outside the pipeline."""
    text = "Plain <b>words</b> & more"
    doc = Document(text, title="</title><script>alert(1)</script>")
    f = Finding.anchored(
        doc,
        6,
        17,
        kind="x<y",
        label='"><script>',
        score=0.5,
        analyzer="hand",
        analyzer_version="1",
        explanation=Explanation("r<1>", cues=("<i>",), detail="a & b"),
        attributes={"k": '"><svg onload=alert(1)>'},
    )
    html = render_html(Analysis(doc, (f,)))
    page = Page(html)
    assert [t for t, _ in page.tags].count("script") == 2
    assert not {"svg", "b", "i"} & {t for t, _ in page.tags}
    assert page.article_text == text
    assert page.marks[0]["data-kind"] == "x<y"
    assert page.title.startswith("</title><script>alert(1)</script>")


def test_render_is_deterministic(make: Callable[..., Analysis]) -> None:
    assert render_html(make(failing=False)) == render_html(make(failing=False))


def test_panel_labels_read_as_words(hostile_html: str) -> None:
    # the panel shows a label as words ("named person"); the JSON keeps "named_person"
    labels = re.findall(r'<span class="lbl">(.*?)</span>', hostile_html)
    assert "named person" in labels
    assert not [label for label in labels if "_" in label]
