"""The highlighted text of the HTML report: layers, their colours, nested marks.

The article text is split at every finding boundary; each segment is wrapped in one
``<mark>`` per *layer* that covers it (a layer is a finding kind, except that claims are
split into check-worthy and other claims), outermost layer first, so overlapping and
nested spans of any kind render as properly nested HTML. Every mark carries
``data-layer``, ``data-kind``, ``data-finding-ids`` (the findings' ids) and ``data-f``
(their indices in the embedded JSON data, the innermost finding first), and a ``title``
with the findings' explanations.

The report shows ONE layer at a time: a mark is coloured only with the class ``on``,
which the page's script moves to the marks of the layer the reader picks (the default
layer's marks get it here). Colours are static classes (``hl-<kind>``, ``hl-x0``..
``hl-x5`` for kinds this report does not know) defined in ``report.css``, so the web
pages need no inline style.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from unspin.model import Analysis, Finding
from unspin.report.audited import SCORE_FLOORS, UNAUDITED, audit_for, weak_kind, weak_layer
from unspin.report.common import CLAIM_KIND, is_checkworthy
from unspin.report.htmlkit import esc

__all__ = [
    "ANONYMOUS",
    "CLAIM_OTHER",
    "FALLBACK_COLOURS",
    "KIND_STYLES",
    "ONE_WINNER",
    "SWITCH_ORDER",
    "Layer",
    "LayerStyle",
    "default_layer",
    "layer_key",
    "layers_for",
    "render_text",
]

#: Layer key of claims that are not check-worthy (hidden by default).
CLAIM_OTHER = "claim:other"

#: Layer key of speaker and attribution findings whose source is anonymous: audited on
#: their own (their precision is far from the named sources').
ANONYMOUS = "anonymous"
_SOURCE_KINDS = frozenset({"speaker", "attribution"})


@dataclass(frozen=True)
class LayerStyle:
    """How one layer of highlights looks (its colour class in ``report.css``) and what the
    legend calls it; ``shown``: whether the layer may be the one shown by default."""

    name: str
    colour: str
    description: str = ""
    shown: bool = True


#: Known layers, outermost first: the order of nesting in the text.
KIND_STYLES: dict[str, LayerStyle] = {
    CLAIM_KIND: LayerStyle(
        "check-worthy claim", "hl-claim", "a sentence whose claim is worth checking"
    ),
    CLAIM_OTHER: LayerStyle(
        "claim below threshold",
        "hl-claim-other",
        "a sentence below the check-worthiness threshold (not a claim the report vouches"
        " for; highlighted only when you pick it)",
        shown=False,
    ),
    "technique": LayerStyle("technique", "hl-technique", "a persuasion technique"),
    "factcheck": LayerStyle(
        "fact-check",
        "hl-factcheck",
        "a claim a published fact-check reviewed (its rating as published), or a related one",
    ),
    "verdict": LayerStyle(
        "verdict",
        "hl-verdict",
        "a claim weighed against your evidence passages: supported, refuted, mixed or not "
        "verified, citing them; experimental: under the accuracy target on the team's "
        "contrast set",
    ),
    "attribution": LayerStyle("attribution", "hl-attribution", "content reported from a source"),
    weak_layer("attribution"): LayerStyle(
        "weaker attribution",
        "hl-attribution",
        f"reported content scored under {SCORE_FLOORS['attribution']:.2f}",
    ),
    "quote": LayerStyle("quote", "hl-quote", "a direct quotation"),
    weak_layer("quote"): LayerStyle(
        "weaker quote", "hl-quote", f"a quotation scored under {SCORE_FLOORS['quote']:.2f}"
    ),
    "speaker": LayerStyle("speaker", "hl-speaker", "who is quoted or cited"),
    ANONYMOUS: LayerStyle(
        "anonymous source", "hl-speaker", "a source the text does not name, and what it said"
    ),
    weak_layer(ANONYMOUS): LayerStyle(
        "weaker anonymous source",
        "hl-speaker",
        f"an unnamed source scored under {SCORE_FLOORS[ANONYMOUS]:.2f} (often a common noun "
        "the lexicon does not know, or a source named elsewhere)",
    ),
    "vague_attribution": LayerStyle(
        "vague attribution", "hl-vague-attribution", "a source nobody can check"
    ),
    weak_layer("vague_attribution"): LayerStyle(
        "weaker vague attribution",
        "hl-vague-attribution",
        f"a vague source scored under {SCORE_FLOORS['vague_attribution']:.2f}",
    ),
    "hedge": LayerStyle("hedge", "hl-hedge", "a word that weakens a claim"),
    "booster": LayerStyle("booster", "hl-booster", "a word that strengthens a claim"),
    "quantity": LayerStyle("quantity", "hl-quantity", "a number with its unit"),
    weak_layer("quantity"): LayerStyle(
        "bare number",
        "hl-quantity",
        f"a number scored under {SCORE_FLOORS['quantity']:.2f}: no counted thing found",
    ),
    "date": LayerStyle("date", "hl-date", "a date or time"),
}

#: Colour classes for kinds this report does not know, in turn.
FALLBACK_COLOURS = ("hl-x0", "hl-x1", "hl-x2", "hl-x3", "hl-x4", "hl-x5")

#: Order of the layers in the switch (and in the findings list): what a reader checks
#: first; kinds this report does not know come before the other claims.
SWITCH_ORDER = (
    CLAIM_KIND,
    "quote",
    "speaker",
    "attribution",
    ANONYMOUS,
    weak_layer("quote"),
    weak_layer("attribution"),
    weak_layer(ANONYMOUS),
    "vague_attribution",
    "technique",
    "hedge",
    "booster",
    "quantity",
    "date",
    weak_layer("vague_attribution"),
    weak_layer("quantity"),
)

#: Layers whose mark names one winner: where findings of such a layer overlap, the
#: highest-scoring one is the highlight (its label in ``data-label``) and the others are
#: listed after it (tooltip, and the details a click shows); never stacked.
ONE_WINNER = frozenset({"technique"})

#: Where unknown kinds go in the nesting order (after this known layer).
_UNKNOWN_AFTER = "technique"


@dataclass(frozen=True)
class Layer:
    """One layer of highlights: its position in the nesting order and its style."""

    index: int
    key: str
    kind: str
    style: LayerStyle

    @property
    def cls(self) -> str:
        """The layer's id in the page (``data-layer``)."""
        return f"L{self.index}"

    @property
    def rank(self) -> int:
        """Its place in the layer switch (:data:`SWITCH_ORDER`)."""
        if self.key in SWITCH_ORDER:
            return SWITCH_ORDER.index(self.key)
        return len(SWITCH_ORDER) + (1 if self.key == CLAIM_OTHER else 0)


def layer_key(f: Finding, threshold: float) -> str:
    """The layer of a finding: its kind, :data:`CLAIM_OTHER` for a claim below ``threshold``,
    :data:`ANONYMOUS` for a speaker or attribution whose source is anonymous (its weak layer
    under the anonymous floor), or the weak layer of a kind with a score floor
    (:data:`unspin.report.audited.SCORE_FLOORS`) for a finding scored under it."""
    if f.kind == CLAIM_KIND and not is_checkworthy(f, threshold):
        return CLAIM_OTHER
    if f.kind in _SOURCE_KINDS and f.label == ANONYMOUS:
        return weak_layer(ANONYMOUS) if f.score < SCORE_FLOORS[ANONYMOUS] else ANONYMOUS
    floor = SCORE_FLOORS.get(f.kind)
    if floor is not None and f.score < floor:
        return weak_layer(f.kind)
    return f.kind


def layers_for(keys: Collection[str]) -> dict[str, Layer]:
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
            style = LayerStyle(key, colour, "a kind this report version does not know")
        kind = CLAIM_KIND if key == CLAIM_OTHER else (weak_kind(key) or key)
        out[key] = Layer(i, key, kind, _audited_style(key, style))
    return out


def default_layer(layers: Mapping[str, Layer]) -> Layer | None:
    """The layer shown when the report opens: the first in the switch that is not
    experimental (None when every layer is)."""
    shown = [layer for layer in layers.values() if layer.style.shown]
    return min(shown, key=lambda layer: (layer.rank, layer.key)) if shown else None


def _audited_style(key: str, style: LayerStyle) -> LayerStyle:
    """The style with the audit's verdict: an experimental layer is off by default, and its
    legend says so with the audited precision."""
    audit = audit_for(key)
    if audit is not None and not audit.experimental:
        return replace(style, description=f"{style.description}; {audit.describe()}")
    if audit is None and key not in UNAUDITED:
        return style
    why = (
        audit.describe()
        if audit is not None
        else "not audited yet; experimental: highlighted only when you pick it"
    )
    return replace(
        style,
        name=f"{style.name} (experimental)",
        description=f"{style.description}; {why}",
        shown=False,
    )


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


def render_text(
    analysis: Analysis,
    layer_of: Sequence[Layer],
    shown: Layer | None = None,
) -> str:
    """The document's text with every finding marked (``layer_of[i]``: finding i's layer;
    the marks of the layer ``shown`` get the class ``on``). A mark names its findings by
    index (``data-f``); the report's script gives it their explanations as its tooltip when
    the pointer comes over it, from the finding data, so a finding's explanation is in the
    page once however many pieces of text its marks cut it into."""
    text = analysis.document.text
    findings = analysis.findings
    # escaped once per finding, not once per segment it covers
    ids = [esc(f.id) for f in findings]
    kinds = [esc(f.kind) for f in findings]
    on = shown.cls if shown is not None else None
    out: list[str] = []
    for a, b, covering, anchors in _segments(text, findings):
        for i in anchors:
            layer = layer_of[i]
            state = " on" if layer.cls == on else ""
            out.append(
                f'<span class="anchor {layer.style.colour}{state}" data-f="{i}" '
                f'data-layer="{layer.cls}" data-kind="{kinds[i]}" data-finding-ids="{ids[i]}">'
                "</span>"
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
            else:  # the innermost (shortest) finding first
                idx.sort(key=lambda i: (findings[i].end - findings[i].start, -findings[i].start))
            multi = " multi" if len(idx) > 1 else ""
            state = " on" if layer.cls == on else ""
            out.append(
                f'<mark class="m {layer.style.colour}{multi}{state}" data-layer="{layer.cls}" '
                f'data-kind="{kinds[idx[0]]}"{label} data-f="{" ".join(map(str, idx))}" '
                f'data-finding-ids="{" ".join(ids[i] for i in idx)}">'
            )
            closes += 1
        out.append(esc(text[a:b]))
        out.append("</mark>" * closes)
    return "".join(out)
