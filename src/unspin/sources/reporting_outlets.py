"""A one-word name the text shows reporting news ("Harbinger is today reporting that
..."): a publication, not an organisation. Reporters report too, so only a name that no
person evidence claims (the caller checks) and only the progressive "is reporting" with a
reported clause, the way a text cites a paper or a station."""

from __future__ import annotations

from unspin.sources.parse_index import ParseIndex

__all__ = ["REPORTING", "reporting_outlet"]

#: The cue a publication's one-word name carries when the text shows it reporting.
REPORTING = "is reporting"

_BE = frozenset({"is", "are", "was", "were", "'s", "’s"})


def reporting_outlet(ix: ParseIndex, word: str) -> str | None:
    """``REPORTING`` when ``word`` is somewhere in the text the subject of "is/was
    reporting" with a clause reported ("Harbinger is reporting that ...", "..., Harbinger
    is reporting."); else ``None``."""
    if not word[:1].isupper():
        return None
    toks = ix.parsed.tokens
    for t in toks:
        if t.text != word or not t.dep.startswith("nsubj") or t.head == t.i:
            continue
        v = toks[t.head]
        if v.lemma.lower() != "report" or v.tag != "VBG":
            continue
        if not any(c.lower in _BE for c in ix.kids(v.i, "aux")):
            continue
        if any(True for _ in ix.kids(v.i, "ccomp")):
            return REPORTING
    return None
