"""Audited precision of each corpus link kind on real news, and which kinds are listed by
default.

The figures come from the link audit under ``bench/`` (``bench/link_audit.py``): whole real
corpora (PolNeAR's 840 train articles, FNC-1's 1,683 train bodies, PTC's 371 train
articles) ingested into one store each and linked with the default settings, a seeded
sample of every link kind, each link judged in context by reader A (a blind quarter by
reader B; ``bench/link_audit/<round>/``).
``python bench/link_audit.py score --sample bench/link_audit/<round>/sample.jsonl`` prints
a round; ``tests/corpus/test_link_audited.py`` recomputes the table from the committed
judgements, so it cannot drift from the audit.

A kind whose audited precision is under :data:`~unspin.report.audited.MIN_PRECISION` (the
report's 0.8 bar), or that was not audited, is *experimental*: the link listings
(``unspin corpus contradictions``, ``quotes``, ``propagation``; ``/api/v1/links`` and the
web pages), the corpus reports and ``corpus watch`` leave its links out unless asked for
(``--experimental``, or the kind named with ``--kind``) and say what they left out. The
links are still computed and stored: the team's contrast set measures them
(``bench/contradiction_contrast.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from unspin.report.audited import MIN_PRECISION, Audit

__all__ = [
    "LINK_AUDITED",
    "LINK_AUDIT_ROUNDS",
    "default_kinds",
    "describe_link_audit",
    "is_experimental",
    "link_audit",
    "render_left_out",
]

#: Link audit rounds: folder under ``bench/link_audit/`` -> the commit its sample was drawn at.
LINK_AUDIT_ROUNDS: dict[str, str] = {
    "round1": "c6ba586",
    "round2": "dc18002",
    "round3": "c40991e",
}

#: Per link kind: reader A's correct and judged counts in the latest round that made links
#: of the kind, pooled with the rounds before it while it holds fewer than
#: :data:`~unspin.report.audited.MIN_JUDGED` judged links (as the findings' table does).
#: Round 1 (840 PolNeAR train articles, the linker before any fix made from real news):
#: every kind under the bar, most far under it (two polls, two primaries or two
#: quotations sharing a name or a stock phrase taken for one slot). Round 2 (FNC-1's train
#: bodies, undated, never read while fixing round 1's classes; the linker after those
#: fixes): restatements, compatible values and propagated passages met the bar;
#: contradictions (names, outlets and holidays taken for places) and quote drift (one
#: speaker under two spellings) did not. Round 3 (PTC's 371 train articles: scraped pages
#: of partisan sites, undated; the linker after round 2's fixes, never read while making
#: them): restatements and compatible values meet the bar again; propagation falls to 0.35
#: (a site's poll and sign-up widget, author bios and a press office's stock paragraph,
#: repeated on many pages, taken for copied passages), contradictions stay at 0 (ages,
#: one city's or country's share of a total and different subgroups read as one count),
#: quote drift at 0.53 (headings and the person spoken about taken for speakers). Round 3
#: made 3 updates (all wrong), pooled with round 1's 40; no round made a ``differs`` link.
LINK_AUDITED: dict[str, Audit] = {
    "contradiction": Audit(0, 40, ("round3",)),
    "compatible": Audit(32, 40, ("round3",)),
    "update": Audit(2, 43, ("round3", "round1")),
    "restatement": Audit(36, 40, ("round3",)),
    "quote_drift": Audit(29, 70, ("round3", "round2")),
    "propagation": Audit(14, 40, ("round3",)),
}


def link_audit(kind: str) -> Audit | None:
    """The audit of a link kind, or ``None`` when it was not audited."""
    return LINK_AUDITED.get(kind)


def is_experimental(kind: str) -> bool:
    """Whether a link kind is left out of listings by default (unaudited, or audited under
    the 0.8 bar)."""
    audit = LINK_AUDITED.get(kind)
    return audit is None or audit.precision < MIN_PRECISION


def default_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    """The kinds of ``kinds`` listed by default, in their order."""
    return tuple(k for k in kinds if not is_experimental(k))


def describe_link_audit(kind: str) -> str:
    """One line: a link kind's audited precision on real news and what follows from it."""
    audit = LINK_AUDITED.get(kind)
    if audit is None:
        return f"{kind}: not audited on real news (experimental: listed only when asked for)"
    rounds = " + ".join(r.replace("round", "round ") for r in audit.rounds)
    status = (
        "experimental: listed only when asked for"
        if is_experimental(kind)
        else "meets the 0.8 bar: listed by default"
    )
    return (
        f"{kind}: audited precision {audit.figure} on real news ({audit.correct} of "
        f"{audit.judged} links judged right, link audit {rounds}; {status})"
    )


def render_left_out(kinds: Iterable[str]) -> str:
    """The note after a listing that left experimental kinds out."""
    named = []
    for kind in kinds:
        audit = LINK_AUDITED.get(kind)
        named.append(f"{kind} ({'not audited' if audit is None else audit.figure})")
    return (
        "unspin: not listed: " + ", ".join(named) + ": link kinds whose precision audited "
        "on real news is under 0.8 (experimental); --experimental lists them"
    )
