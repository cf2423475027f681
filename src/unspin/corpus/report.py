"""The corpus section of one document's report: the links that involve it.

:func:`document_report` turns the corpus links into entries seen from one document
(``this`` side, ``other`` side), grouped by kind, with the ids of the other documents
so a renderer can link to their reports by title (``render_html(analysis, links={doc_id:
url}, titles={doc_id: title}, corpus=report)``; a document is never shown by its id).
:class:`CorpusSection` renders it as the section "Across the corpus" of the HTML and
Markdown reports when the caller passes one (``corpus=``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from unspin.corpus._fuzzy import when_key
from unspin.corpus.model import LINK_KINDS, Link, Side
from unspin.model import JSON
from unspin.report.htmlkit import esc, safe_href
from unspin.report.markdown import md_escape, md_link, md_table
from unspin.report.sections import APPENDIX, ReportContext, Section

__all__ = [
    "CORPUS_TITLES",
    "SECTIONS",
    "CorpusSection",
    "DocumentReport",
    "ReportEntry",
    "document_report",
    "left_out_note",
    "other_title",
]

#: Section titles of the corpus link kinds.
CORPUS_TITLES: dict[str, str] = {
    "contradiction": "Contradictions",
    "compatible": "Compatible values",
    "update": "Updates",
    "restatement": "Restatements",
    "differs": "Differing roles",
    "quote_drift": "Drifted quotations",
    "propagation": "Propagated passages",
}


@dataclass(frozen=True)
class ReportEntry:
    """One link as seen from a document.

    ``position`` says where the other side stands: ``"same-document"``, ``"earlier"``
    (published before this one: for propagation and quote drift, the other side is the
    earlier appearance), ``"later"`` or ``"undated"`` (either date unknown or equal).
    """

    link: Link
    this: Side
    other: Side
    position: str

    def to_dict(self) -> dict[str, JSON]:
        return {
            "link_id": self.link.id,
            "kind": self.link.kind,
            "score": self.link.score,
            "position": self.position,
            "this": self.this.to_dict(),
            "other": self.other.to_dict(),
            "slot": dict(self.link.slot),
            "differs": list(self.link.differs),
            "explanation": self.link.explanation.to_dict(),
        }


@dataclass(frozen=True)
class DocumentReport:
    """The corpus links of one document, most consequential kinds first.

    ``left_out``: links of kinds a caller chose not to show (:meth:`only`), counted by
    kind, so the section can say what it does not list."""

    doc_id: str
    entries: tuple[ReportEntry, ...]
    left_out: Mapping[str, int] = field(default_factory=dict)

    def only(self, kinds: Collection[str]) -> DocumentReport:
        """The same report with the entries of ``kinds`` only; the others counted in
        :attr:`left_out`."""
        kept = tuple(e for e in self.entries if e.link.kind in kinds)
        dropped = Counter(e.link.kind for e in self.entries if e.link.kind not in kinds)
        dropped.update(self.left_out)
        return DocumentReport(self.doc_id, kept, dict(dropped))

    @property
    def other_documents(self) -> tuple[str, ...]:
        """Ids of the other documents linked, in order of first mention."""
        return tuple(dict.fromkeys(
            e.other.doc_id for e in self.entries if e.other.doc_id != self.doc_id
        ))  # fmt: skip

    def by_kind(self) -> dict[str, list[ReportEntry]]:
        out: dict[str, list[ReportEntry]] = {}
        for e in self.entries:
            out.setdefault(e.link.kind, []).append(e)
        return out

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.by_kind().items()}

    def to_dict(self) -> dict[str, JSON]:
        return {
            "doc_id": self.doc_id,
            "counts": self.counts(),
            "other_documents": list(self.other_documents),
            "entries": [e.to_dict() for e in self.entries],
            "left_out": dict(self.left_out),
        }


def _position(this: Side, other: Side) -> str:
    if this.doc_id == other.doc_id:
        return "same-document"
    a, b = when_key(this.published), when_key(other.published)
    if a[0] or b[0] or a == b:
        return "undated"
    return "earlier" if b < a else "later"


def document_report(doc_id: str, links: Iterable[Link]) -> DocumentReport:
    """The links involving ``doc_id``, oriented so ``this`` is the document's own span.

    A link within the document appears once, with its first side as ``this``. Entries
    are ordered by kind (:data:`~unspin.corpus.model.LINK_KINDS` order), then by score,
    then by position in this document.
    """
    entries: list[ReportEntry] = []
    for link in links:
        if link.a.doc_id == doc_id:
            this, other = link.a, link.b
        elif link.b.doc_id == doc_id:
            this, other = link.b, link.a
        else:
            continue
        entries.append(ReportEntry(link, this, other, _position(this, other)))
    order = {k: i for i, k in enumerate(LINK_KINDS)}
    entries.sort(key=lambda e: (order.get(e.link.kind, 99), -e.link.score, e.this.start))
    return DocumentReport(doc_id, tuple(entries))


_POSITION = {
    "same-document": "this document",
    "earlier": "published earlier",
    "later": "published later",
    "undated": "order unknown",
}


def left_out_note(report: DocumentReport) -> str:
    """One sentence on the links a report leaves out (empty when none)."""
    if not report.left_out:
        return ""
    counts = ", ".join(
        f"{CORPUS_TITLES.get(k, k).lower()} ({n})" for k, n in sorted(report.left_out.items())
    )
    return (
        f"Not listed: {counts}: link kinds whose precision audited on real news is under "
        "0.8 (experimental; unspin corpus report --experimental lists them)."
    )


#: Slot fields shown with the explanation: why one event, and which slots agreed.
_OWN = {"same_event": "same event", "checks": "slots"}


def other_title(doc_id: str, titles: Mapping[str, str]) -> str:
    """The other document's title (``titles``: id -> title), never its bare id."""
    title = titles.get(doc_id)
    return (
        " ".join(title.split()) if isinstance(title, str) and title.strip() else "untitled document"
    )


def _titles(ctx: ReportContext) -> Mapping[str, str]:
    titles = ctx.extras.get("titles")
    return titles if isinstance(titles, Mapping) else {}


def _html(report: DocumentReport, links: Mapping[str, str], titles: Mapping[str, str]) -> str:
    """The links involving this document (see :mod:`unspin.corpus.report`), each with the
    other document's report linked by its title when ``links`` has it."""
    if not report.entries and not report.left_out:
        return ""
    counts = ", ".join(f"{n} {CORPUS_TITLES.get(k, k).lower()}" for k, n in report.counts().items())
    left = left_out_note(report)
    parts = [
        '<section id="corpus" class="block"><h2>Across the corpus</h2>'
        + (
            f"<p>{esc(counts)}. A link joins a span of this document and a span of another "
            "(or of this one) and says what they were matched on; it never says which side "
            "is right.</p>"
            if report.entries
            else ""
        )
        + (f'<p class="note">{esc(left)}</p>' if left else "")
    ]
    for kind, entries in report.by_kind().items():
        rows = []
        for e in entries:
            other = e.other
            if e.position == "same-document":
                doc = "this document"
            else:
                href = safe_href(links.get(other.doc_id), allow_relative=True)
                label = f"<cite>{esc(other_title(other.doc_id, titles))}</cite>"
                doc = f'<a href="{esc(href)}">{label}</a>' if href else label
            meta = " · ".join(esc(x) for x in (other.outlet, other.published) if x)
            slot = "; ".join(
                f"{esc(k)}: {esc(v)}" for k, v in e.link.slot.items() if v and k not in _OWN
            )
            differs = f"<br>differs: {esc(', '.join(e.link.differs))}" if e.link.differs else ""
            own = "".join(
                f"<br><small>{esc(label)}: {esc(e.link.slot[k])}</small>"
                for k, label in _OWN.items() if e.link.slot.get(k)
            )  # fmt: skip
            rows.append(
                f"<tr><td><q>{esc(e.this.text)}</q><br><small>chars {e.this.start}–{e.this.end}"
                f"</small></td><td>{doc} <small>{meta} · {esc(_POSITION.get(e.position, ''))}"
                f"</small><br><q>{esc(other.text)}</q><br><small>chars {other.start}–{other.end}"
                f"</small></td><td>{slot}{differs}</td><td><code>{esc(e.link.explanation.rule)}"
                f'</code> <span class="num">{e.link.score:.2f}</span><br>'
                f"{esc(e.link.explanation.detail)}{own}</td></tr>"
            )
        parts.append(
            f'<h3>{esc(CORPUS_TITLES.get(kind, kind))} ({len(entries)})</h3><table class="corpus">'
            "<thead><tr><th>Here</th><th>Elsewhere</th><th>Matched on</th><th>Why</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _markdown(
    report: DocumentReport, links: Mapping[str, str], titles: Mapping[str, str]
) -> list[str]:
    """The section "Across the corpus": one table per link kind."""
    if not report.entries and not report.left_out:
        return []
    out = ["## Across the corpus", ""]
    left = left_out_note(report)
    if left:
        out += [md_escape(left), ""]
    for kind, entries in report.by_kind().items():
        out += [f"### {CORPUS_TITLES.get(kind, kind)} ({len(entries)})", ""]
        rows = []
        for e in entries:
            other = e.other
            if e.position == "same-document":
                doc = "this document"
            else:
                doc = md_link(md_escape(other_title(other.doc_id, titles)), links.get(other.doc_id))
                doc += " " + md_escape(" · ".join(x for x in (other.outlet, other.published) if x))
            slot = "; ".join(f"{k}: {v}" for k, v in e.link.slot.items() if v and k not in _OWN)
            own = "".join(
                f" {label[:1].upper()}{label[1:]}: {e.link.slot[k]}."
                for k, label in _OWN.items() if e.link.slot.get(k)
            )  # fmt: skip
            rows.append(
                [
                    f"{md_escape(e.this.text, 120)} ({e.this.start}–{e.this.end})",
                    f"{doc}: {md_escape(other.text, 120)} ({other.start}–{other.end})",
                    md_escape(slot, 200),
                    f"{md_escape(e.link.explanation.detail, 400)}{md_escape(own, 400)} "
                    f"(`{md_escape(e.link.explanation.rule)}`, {e.link.score:.2f})",
                ]
            )
        out += [md_table(["Here", "Elsewhere", "Matched on", "Why"], rows), ""]
    return out


class CorpusSection(Section):
    """The section "Across the corpus": the links of ``extras["corpus"]`` (a
    :class:`DocumentReport`), the other documents' reports linked through the links."""

    name = "corpus"
    title = "Across the corpus"
    slot = APPENDIX

    def applies(self, ctx: ReportContext) -> bool:
        report = ctx.extras.get("corpus")
        return isinstance(report, DocumentReport) and bool(report.entries or report.left_out)

    def html(self, ctx: ReportContext) -> str:
        return _html(ctx.extras["corpus"], ctx.links, _titles(ctx))

    def markdown(self, ctx: ReportContext) -> str:
        return "\n".join(_markdown(ctx.extras["corpus"], ctx.links, _titles(ctx)))


SECTIONS = (CorpusSection(),)
