"""The ``outlets`` analyzer: published ratings of the document's outlet and the outlets it cites.

Findings
--------
``outlet`` (one per mention of a rated outlet in the text)
    anchored on the mention: a URL, a bare domain (``example.com``) or an outlet's name as
    the data set names it (multi-word names written with capitals, e.g. "The Village
    Voice"; one-word names only mid-sentence or in capitals). label: how it matched:
    ``url``, ``domain`` or ``name``. score: how sure the match is (1.0 for the exact
    domain or name, 0.9 for a parent domain, path or alias); it is *not* a rating.
    attributes: ``domain`` (where the ratings are filed), ``host`` (as written),
    ``matched_by`` (exact | parent | path | alias | name), ``ratings``: each rating as
    published with ``source``, ``dataset``, ``year``, its values and ``scale``.

Summary: ``document_domain`` (from the document's URL metadata), ``document_ratings``
(the same rating list for it, or empty), ``outlets_cited`` (rated outlets mentioned),
``mentions``, ``sources`` (the rating sets loaded). Ratings are shown side by side with
their source and year; unspin never merges them into one score.

Options: ``path``: the ``domain-ratings`` data set folder (see
:mod:`unspin.outlets.ratings`; not shipped, for licence reasons). Empty: the analyzer does
nothing and says so in its summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.cache import Once
from unspin.model import JSON, Explanation, Finding
from unspin.options import option
from unspin.outlets.ratings import DomainMatch, OutletRatings, load

__all__ = ["OutletsAnalyzer", "find_mentions"]

#: URLs with a scheme, and bare domains (labels of letters, digits and hyphens, a TLD).
_URL = re.compile(r"\bhttps?://[^\s<>\"'()\[\]]+", re.I)
_DOMAIN = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,18}(?:/[^\s<>\"'()\[\],;]*)?"
    r"(?![\w-])",
    re.I,
)
_SENTENCE_END = re.compile(r"(?:^|[.!?…:]\s*[\"'“”’)]*\s*|\n\s*)$")
_CONFIDENCE = {"exact": 1.0, "name": 1.0, "parent": 0.9, "path": 0.9, "alias": 0.9}


def _trim(url: str) -> str:
    return url.rstrip(".,;:!?)]}'\"”’")


def _names_pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def _capitalised(span: str) -> bool:
    words = span.split()
    return all(
        w[0].isupper() or w.lower() in {"of", "and", "the", "for", "in", "on"} for w in words
    )


def find_mentions(
    text: str, ratings: OutletRatings, names: re.Pattern[str] | None = None
) -> list[tuple[int, int, str, DomainMatch]]:
    """Mentions of rated outlets in ``text``: (start, end, how written, match)."""
    out: list[tuple[int, int, str, DomainMatch]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, pattern in (("url", _URL), ("domain", _DOMAIN)):
        for m in pattern.finditer(text):
            raw = _trim(m.group())
            start, end = m.start(), m.start() + len(raw)
            if not raw or not free(start, end):
                continue
            found = ratings.lookup(raw)
            if found is not None:
                out.append((start, end, kind, found))
                taken.append((start, end))
    if names is not None:
        by_lower = {n.lower(): n for n in ratings.names}
        for m in names.finditer(text):
            start, end = m.span()
            span = m.group()
            if not free(start, end) or not _capitalised(span):
                continue
            one_word = " " not in span and not span.isupper()
            if one_word and _SENTENCE_END.search(text[:start]):
                continue  # a one-word name ("Reason", "Slate") only mid-sentence
            name = by_lower.get(span.lower())
            found = ratings.lookup_name(name) if name else None
            if found is not None:
                out.append((start, end, "name", found))
                taken.append((start, end))
    out.sort(key=lambda t: t[0])
    return out


def _name_key(ratings: OutletRatings, name: str) -> str:
    """The data set's spelling of an outlet name, matched case-insensitively."""
    wanted = " ".join(name.split()).casefold()
    return next((n for n in ratings.names if n.casefold() == wanted), name)


def _ratings_json(match: DomainMatch | None) -> list[JSON]:
    return [] if match is None else [r.to_dict() for r in match.ratings]


@dataclass(frozen=True)
class OutletsOptions:
    """Options of the ``outlets`` analyzer."""

    path: str = option(
        "",
        "The domain-ratings data set folder (lin2023/, baly-mbfc/, "
        "lasser-misinformation-domains/;\n"
        "not shipped with unspin, see docs/claims.md). Empty: the step does nothing.",
    )


@register("outlets")
class OutletsAnalyzer(Analyzer[OutletsOptions]):
    """Published ratings of the document's outlet and of the outlets it cites."""

    version = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces = ("outlet",)
    Options = OutletsOptions

    def __init__(self, options: OutletsOptions | None = None, /, **values: Any) -> None:
        super().__init__(options, **values)
        self._loaded: Once[str, tuple[OutletRatings, re.Pattern[str] | None]] = Once()

    def _load(self) -> tuple[OutletRatings, re.Pattern[str] | None]:
        """The ratings (shared by the process) and the pattern of their outlet names."""

        def read() -> tuple[OutletRatings, re.Pattern[str] | None]:
            ratings = load(self.options.path)
            return ratings, _names_pattern(list(ratings.names))

        return self._loaded.get(self.options.path, read)

    def run(self, ctx: Context) -> AnalyzerResult:
        if not self.options.path:
            return AnalyzerResult(
                (),
                {"note": "no outlet ratings loaded: set [analyzers.outlets] path to the "
                 "domain-ratings data set folder"},
            )  # fmt: skip
        ratings, names = self._load()
        doc = ctx.document
        own = ratings.lookup(doc.url) if doc.url else None
        if own is None and doc.outlet:
            # the outlet metadata: a domain ("example.com") or a name ("The Harbour Times")
            own = ratings.lookup(doc.outlet) if "." in doc.outlet else None
            own = own or ratings.lookup_name(_name_key(ratings, doc.outlet))
        findings = [
            self._finding(ctx, start, end, kind, match)
            for start, end, kind, match in find_mentions(ctx.text, ratings, names)
        ]
        cited = sorted(
            {f.attributes["domain"] for f in findings if isinstance(f.attributes["domain"], str)}
        )
        summary: dict[str, JSON] = {
            "document_domain": own.domain if own else None,
            "document_ratings": _ratings_json(own),
            "outlets_cited": list(cited),
            "mentions": len(findings),
            "sources": list(ratings.sources),
        }
        return AnalyzerResult(tuple(findings), summary)

    def _finding(
        self, ctx: Context, start: int, end: int, kind: str, match: DomainMatch
    ) -> Finding:
        written = ctx.text[start:end]
        lines = "; ".join(r.line for r in match.ratings[:4])
        more = f" (+{len(match.ratings) - 4} more)" if len(match.ratings) > 4 else ""
        how = {
            "exact": "the domain",
            "parent": f"{match.domain}, the parent domain of the host written",
            "path": "a section of the site",
            "alias": f"{match.domain}, another domain of the same outlet",
            "name": "the outlet's name in the MBFC data",
        }[match.how]
        return self.finding(
            ctx,
            start,
            end,
            kind="outlet",
            label=kind,
            score=_CONFIDENCE[match.how],
            explanation=Explanation(
                rule=f"outlets.{kind}-{match.how}",
                cues=(written,),
                detail=f"Matched {how}. Published ratings, each with its source and year: "
                f"{lines}{more}. unspin shows them side by side and combines none.",
                confidence=_CONFIDENCE[match.how],
            ),
            attributes={
                "domain": match.domain,
                "host": written,
                "matched_by": match.how,
                "name": match.name,
                "ratings": _ratings_json(match),
            },
        )
