"""The highlighted text of the HTML report: layers, their styles, nested marks.

The article text is split at every finding boundary; each segment is wrapped in one
``<mark>`` per *layer* that covers it (a layer is a finding kind, except that claims are
split into check-worthy and other claims), outermost layer first, so overlapping and
nested spans of any kind render as properly nested HTML. Every mark carries
``data-kind``, ``data-finding-ids`` (the findings' ids) and ``data-f`` (their indices in
the embedded JSON data), and a ``title`` with the findings' explanations.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from unspin.model import Analysis, Finding
from unspin.report.audited import UNAUDITED, audit_for
from unspin.report.common import CLAIM_KIND, is_checkworthy, one_line
from unspin.report.htmlkit import esc

__all__ = [
    "CLAIM_OTHER",
    "FALLBACK_COLOURS",
    "KIND_STYLES",
    "ONE_WINNER",
    "Layer",
    "LayerStyle",
    "explain",
    "layer_css",
    "layer_key",
    "layers_for",
    "render_text",
]

#: Layer key of claims that are not check-worthy (hidden by default).
CLAIM_OTHER = "claim:other"


@dataclass(frozen=True)
class LayerStyle:
    """How one layer of highlights looks and what the legend calls it."""

    name: str
    css: str
    description: str = ""
    shown: bool = True


def _bg(rgba: str) -> str:
    return f"background-color:{rgba};"


#: Known layers, outermost first: the order of nesting in the text.
KIND_STYLES: dict[str, LayerStyle] = {
    CLAIM_KIND: LayerStyle(
        "check-worthy claim",
        "text-decoration:underline solid rgba(31,41,55,.75);text-decoration-thickness:2px;"
        "text-underline-offset:.2em;",
        "a sentence whose claim is worth checking (underlined)",
    ),
    CLAIM_OTHER: LayerStyle(
        "other claim",
        "text-decoration:underline dotted rgba(107,114,128,.9);text-decoration-thickness:1px;"
        "text-underline-offset:.2em;",
        "a sentence below the check-worthiness threshold",
        shown=False,
    ),
    "technique": LayerStyle(
        "technique",
        _bg("rgba(219,39,119,.14)")
        + "text-decoration:underline wavy rgba(219,39,119,.85);text-decoration-thickness:1px;"
        "text-underline-offset:.35em;",
        "a persuasion technique",
    ),
    "attribution": LayerStyle(
        "attribution", _bg("rgba(5,150,105,.17)"), "content reported from a source"
    ),
    "quote": LayerStyle("quote", _bg("rgba(37,99,235,.17)"), "a direct quotation"),
    "speaker": LayerStyle("speaker", _bg("rgba(124,58,237,.24)"), "who is quoted or cited"),
    "vague_attribution": LayerStyle(
        "vague attribution", _bg("rgba(234,88,12,.30)"), "a source nobody can check"
    ),
    "hedge": LayerStyle("hedge", _bg("rgba(217,119,6,.32)"), "a word that weakens a claim"),
    "booster": LayerStyle("booster", _bg("rgba(220,38,38,.26)"), "a word that strengthens a claim"),
    "quantity": LayerStyle("quantity", _bg("rgba(8,145,178,.22)"), "a number with its unit"),
    "date": LayerStyle("date", _bg("rgba(101,163,13,.26)"), "a date or time"),
}

#: Colours for kinds this report does not know, in turn.
FALLBACK_COLOURS = (
    "rgba(100,116,139,.30)",
    "rgba(202,138,4,.28)",
    "rgba(14,165,233,.26)",
    "rgba(190,18,60,.22)",
    "rgba(79,70,229,.22)",
    "rgba(22,163,74,.24)",
)

#: Layers whose mark names one winner: where findings of such a layer overlap, the
#: highest-scoring one is the highlight (its label in ``data-label``) and the others are
#: listed after it (tooltip, and the details a click shows); never stacked.
ONE_WINNER = frozenset({"technique"})

#: Where unknown kinds go in the nesting order (after this known layer).
_UNKNOWN_AFTER = "technique"

_TITLE_LIMIT = 400


@dataclass(frozen=True)
class Layer:
    """One layer of highlights: its position in the nesting order and its style."""

    index: int
    key: str
    kind: str
    style: LayerStyle

    @property
    def cls(self) -> str:
        return f"L{self.index}"


def layer_key(f: Finding, threshold: float) -> str:
    """The layer of a finding: its kind, or :data:`CLAIM_OTHER` for a claim below ``threshold``."""
    if f.kind == CLAIM_KIND and not is_checkworthy(f, threshold):
        return CLAIM_OTHER
    return f.kind


def layers_for(keys: set[str]) -> dict[str, Layer]:
    """The layers of these keys, known ones in :data:`KIND_STYLES` order, unknown ones in
    fallback colours after the techniques."""
    known = [k for k in KIND_STYLES if k in keys]
    unknown = sorted(k for k in keys if k not in KIND_STYLES)
    cut = known.index(_UNKNOWN_AFTER) + 1 if _UNKNOWN_AFTER in known else 0
    while cut < len(known) and known[cut] in (CLAIM_KIND, CLAIM_OTHER):
        cut += 1
    ordered = known[:cut] + unknown + known[cut:]
    out: dict[str, Layer] = {}
    for i, key in enumerate(ordered):
        style = KIND_STYLES.get(key)
        if style is None:
            colour = FALLBACK_COLOURS[unknown.index(key) % len(FALLBACK_COLOURS)]
            style = LayerStyle(key, _bg(colour), "a kind this report version does not know")
        kind = CLAIM_KIND if key == CLAIM_OTHER else key
        out[key] = Layer(i, key, kind, _audited_style(key, style))
    return out


def _audited_style(key: str, style: LayerStyle) -> LayerStyle:
    """The style with the audit's verdict: an experimental layer is off by default, and its
    legend says so with the audited precision."""
    audit = audit_for(key)
    if audit is not None and not audit.experimental:
        return replace(style, description=f"{style.description}; {audit.describe()}")
    if audit is None and key not in UNAUDITED:
        return style
    why = audit.describe() if audit is not None else "not audited yet; experimental, off by default"
    return replace(
        style,
        name=f"{style.name} (experimental)",
        description=f"{style.description}; {why}",
        shown=False,
    )


def layer_css(layers: Sequence[Layer]) -> str:
    """The style rules of the layers and of their hidden state."""
    rules = []
    for layer in layers:
        rules.append(f"mark.{layer.cls}{{{layer.style.css}}}")
        rules.append(
            f"#text.hide-{layer.cls} mark.{layer.cls}{{background:none;text-decoration:none;}}"
        )
    return "\n".join(rules)


def explain(f: Finding) -> str:
    """The plain-text explanation of one finding (for the ``title`` tooltip)."""
    x = f.explanation
    lines = [f"{f.kind} · {f.label} · score {f.score:.2f}", f"rule: {x.rule}"]
    if x.cues:
        lines.append("cues: " + ", ".join(x.cues))
    if x.detail:
        lines.append(x.detail)
    if x.model:
        conf = f" (confidence {x.confidence:.2f})" if x.confidence is not None else ""
        lines.append(f"model: {x.model}{conf}")
    return one_line(" | ".join(lines), _TITLE_LIMIT).replace(" | ", "\n")


def _segments(
    text: str, findings: Sequence[Finding]
) -> Iterator[tuple[int, int, list[int], list[int]]]:
    """``(start, end, covering, anchors)``: maximal runs of text covered by the same findings.

    ``covering`` are indices of findings that cover the whole run; ``anchors`` the
    zero-length findings placed at ``start``.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    anchors: dict[int, list[int]] = {}
    points = {0, n}
    for i, f in enumerate(findings):
        if f.start == f.end:
            anchors.setdefault(f.start, []).append(i)
        else:
            starts.setdefault(f.start, []).append(i)
            points.update((f.start, f.end))
    active: list[int] = []
    ordered = sorted(points)
    for a, b in pairwise(ordered):
        active = [i for i in active if findings[i].end > a] + starts.get(a, [])
        yield a, b, active, anchors.get(a, [])
    if n in anchors:
        yield n, n, [], anchors[n]
    if n == 0 and 0 in anchors and len(ordered) == 1:
        yield 0, 0, [], anchors[0]


def render_text(analysis: Analysis, layer_of: Sequence[Layer], titles: Sequence[str]) -> str:
    """The document's text with every finding marked (``layer_of[i]``: finding i's layer;
    ``titles[i]``: its tooltip)."""
    text = analysis.document.text
    findings = analysis.findings
    # escaped once per finding, not once per segment it covers
    ids = [esc(f.id) for f in findings]
    tips = [esc(t) for t in titles]
    kinds = [esc(f.kind) for f in findings]
    out: list[str] = []
    for a, b, covering, anchors in _segments(text, findings):
        for i in anchors:
            out.append(
                f'<span class="anchor" data-f="{i}" data-layer="{layer_of[i].cls}" '
                f'data-kind="{kinds[i]}" data-finding-ids="{ids[i]}" title="{tips[i]}"></span>'
            )
        if a == b:
            continue
        groups: dict[int, list[int]] = {}
        for i in covering:
            groups.setdefault(layer_of[i].index, []).append(i)
        closes = 0
        for _, idx in sorted(groups.items()):
            layer = layer_of[idx[0]]
            label = ""
            if layer.key in ONE_WINNER:
                idx.sort(key=lambda i: (-findings[i].score, findings[i].start, -findings[i].end))
                label = f' data-label="{esc(findings[idx[0]].label)}"'
            else:
                idx.sort(key=lambda i: (findings[i].start, -findings[i].end))
            multi = " multi" if len(idx) > 1 else ""
            out.append(
                f'<mark class="m {layer.cls}{multi}" data-layer="{layer.cls}" '
                f'data-kind="{kinds[idx[0]]}"{label} data-f="{" ".join(map(str, idx))}" '
                f'data-finding-ids="{" ".join(ids[i] for i in idx)}" '
                f'title="{chr(10).join(tips[i] for i in idx)}">'
            )
            closes += 1
        out.append(esc(text[a:b]))
        out.append("</mark>" * closes)
    return "".join(out)
