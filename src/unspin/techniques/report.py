"""The techniques feature in the reports: spans per technique and their density.

:func:`count_techniques` is the one computation of the figures, shared by the analyzer's
summary, the summaries of imported PTC label files (:func:`unspin.techniques.ptc.
analysis_from_labels`) and the reports, which read them off the findings themselves
(:func:`technique_counts`), so imported label files get them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from unspin.model import Analysis, Finding
from unspin.report.audited import audit_for
from unspin.report.common import count_words, fmt_num
from unspin.report.htmlkit import esc, finding_button
from unspin.report.markdown import md_escape, md_table
from unspin.report.sections import Chip, ReportContext, Section

__all__ = [
    "SECTIONS",
    "TechniquesSection",
    "audit_line",
    "count_techniques",
    "operating_point_line",
    "technique_counts",
]

KIND = "technique"


def count_techniques(labels: Iterable[str], text: str) -> dict[str, Any]:
    """Spans per technique (most frequent first, then by name), their total, the words of
    ``text`` and the density per 1,000 words, overall and per technique (2 decimals)."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    words = count_words(text)
    total = sum(counts.values())

    def density(n: int) -> float:
        return round(n * 1000 / words, 2) if words else 0.0

    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return {
        "counts": ordered,
        "total": total,
        "words": words,
        "per_1000_words": density(total),
        "density": {label: density(n) for label, n in ordered.items()},
    }


def technique_counts(analysis: Analysis) -> dict[str, Any]:
    """:func:`count_techniques` of the analysis' ``technique`` findings."""
    labels = (f.label for f in analysis.findings if f.kind == KIND)
    return count_techniques(labels, analysis.document.text)


def operating_point_line(analysis: Analysis) -> str:
    """What the report shows of the techniques, in one line: "shown: spans scoring ≥ t
    (CV precision p, recall r); --all-candidates for more" (empty without the analyzer's
    summary, e.g. for imported PTC label files)."""
    summary = analysis.summaries.get("techniques")
    point = summary.get("operating_point") if isinstance(summary, Mapping) else None
    if not isinstance(point, Mapping):
        return ""
    if point.get("all_candidates"):
        cv = point.get("cv_all_candidates") or {}
        return f"shown: every candidate span (--all-candidates; {_measured(cv)}).{_NUMBERS}"
    t, default = float(point.get("threshold", 0)), float(point.get("default_threshold", 0))
    at_default = _measured(point.get("cv_at_default") or {})
    if abs(t - default) < 1e-9:
        return (
            f"shown: spans scoring ≥ {t:.2f} ({at_default}); --all-candidates for more." + _NUMBERS
        )
    return (
        f"shown: spans scoring ≥ {t:.2f} (the default, {default:.2f}, has {at_default}); "
        f"--all-candidates for every candidate.{_NUMBERS}"
    )


#: What the threshold reads and what the number beside a span is: they differ. (No
#: apostrophe or other character HTML would escape: the line is matched in reports.)
_NUMBERS = (
    " The score the threshold reads is the highest probability of one of the word"
    " pieces of the span to lie in a technique; the number beside a span is its mean probability"
    " times the probability of its technique."
)


def audit_line() -> str:
    """The readers' judgement beside the cross-validated figures, which differ in what
    they count (span overlap with the annotated spans, against a reader's "is this span this
    technique?"); empty when the techniques were not audited."""
    audit = audit_for(KIND)
    if audit is None:
        return ""
    status = " Experimental: under 0.8." if audit.experimental else ""
    return (
        "The span precision above counts overlap with the annotated spans; in the precision "
        f"audit readers judged {audit.correct} of {audit.judged} shown spans right, technique "
        f"included ({audit.precision:.2f}).{status}"
    )


def _measured(cv: Mapping[str, Any]) -> str:
    on = f" on {cv['on']}" if cv.get("on") else ""
    return (
        f"span precision {float(cv.get('precision', 0)):.2f}, "
        f"recall {float(cv.get('recall', 0)):.2f}{on}"
    )


class TechniquesSection(Section):
    """The section "Persuasion techniques" and the density in the summary strip."""

    name = "techniques"
    title = "Persuasion techniques"

    def applies(self, ctx: ReportContext) -> bool:
        # also when the threshold hid every span: the section says what is shown
        return any(f.kind == KIND for f in ctx.analysis.findings) or bool(
            operating_point_line(ctx.analysis)
        )

    def chips(self, ctx: ReportContext) -> Sequence[Chip]:
        t = technique_counts(ctx.analysis)
        return [Chip("techniques per 1,000 words", esc(fmt_num(t["per_1000_words"])), "key")]

    def html(self, ctx: ReportContext) -> str:
        t = technique_counts(ctx.analysis)
        index = ctx.index
        first: dict[str, Finding] = {}
        for f in ctx.analysis.findings:
            if f.kind == KIND:
                first.setdefault(f.label, f)
        rows = "".join(
            f'<tr><th>{esc(label)}</th><td class="num">{n}</td>'
            f'<td class="num">{esc(fmt_num(t["density"][label]))}</td>'
            f"<td>{finding_button(index[first[label].id], first[label])}</td></tr>"
            for label, n in t["counts"].items()
        )
        return (
            '<section id="techniques" class="block"><h2>Persuasion techniques</h2>'
            f'<p class="hint">{t["total"]} span(s) in {t["words"]} words: '
            f"{esc(fmt_num(t['per_1000_words']))} per 1,000 words. A span is a prompt to read "
            "closely, not a verdict.</p>"
            + (
                f'<p class="hint op">{esc(line)} {esc(audit_line())}</p>'
                if (line := operating_point_line(ctx.analysis))
                else ""
            )
            + (
                '<table class="grid"><thead><tr><th>technique</th><th>spans</th>'
                "<th>per 1,000 words</th><th>first</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>"
                if rows
                else ""
            )
            + "</section>"
        )

    def markdown(self, ctx: ReportContext) -> str:
        t = technique_counts(ctx.analysis)
        table = md_table(
            ["Technique", "Spans", "Per 1,000 words"],
            (
                [md_escape(label), str(n), fmt_num(t["density"][label])]
                for label, n in t["counts"].items()
            ),
            right=[1, 2],
        )
        lines = [
            "## Persuasion techniques",
            "",
            f"{t['total']} span(s) in {t['words']} words: "
            f"{fmt_num(t['per_1000_words'])} per 1,000 words.",
            *(
                ["", f"{line} {audit_line()}"]
                if (line := operating_point_line(ctx.analysis))
                else []
            ),
            "",
            table,
            "",
        ]
        return "\n".join(lines)


SECTIONS = (TechniquesSection(),)
