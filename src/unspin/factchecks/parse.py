"""Read published fact-checks into :class:`ClaimReview` records.

Three shapes are understood, in strings here (files and directories are read by
:mod:`unspin.factchecks.files`):

* **schema.org ClaimReview in JSON-LD**, as fact-check pages embed it
  (``<script type="application/ld+json">`` blocks in HTML) or as ``.json``/``.jsonld``
  files: single objects, lists, ``@graph`` containers and ClaimReviews nested anywhere
  (``WebPage.mainEntity``, ``Article.review``, ...); ``{"@id": ...}`` references within
  one document are followed.
* **the Google Fact Check Tools API** (``claims:search`` responses):
  ``{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher":
  {"name", "site"}, "url", "title", "reviewDate", "textualRating", "languageCode"}]}]}``;
  one record per review. A list of responses, a single claim object and JSON Lines of
  either are accepted too.
* **CSV** (or TSV) with a header row; see :data:`CSV_COLUMNS` for the columns and the
  names they may also go by. ``claim`` is required.

Parsers *yield* a :class:`ClaimReviewError` (one line, naming the source and the record)
for each record that cannot be read, and go on with the rest.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from unspin.factchecks.model import ClaimReview, ClaimReviewError
from unspin.ingest.dates import read_date

__all__ = [
    "CSV_COLUMNS",
    "Loaded",
    "parse_api_json",
    "parse_csv",
    "parse_html",
    "parse_jsonld",
    "parse_text",
]

Loaded = ClaimReview | ClaimReviewError

#: CSV columns: canonical name -> other header names accepted (case and spacing ignored).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "claim": ("claim_reviewed", "claimreviewed", "text", "claim_text"),
    "claimant": ("author", "claim_author", "speaker"),
    "claim_date": ("claimdate",),
    "publisher": ("publisher_name", "fact_checker", "factchecker", "organisation", "organization"),
    "publisher_site": ("site", "publisher_site", "domain"),
    "rating": ("textual_rating", "textualrating", "verdict", "alternate_name", "alternatename"),
    "rating_value": ("ratingvalue", "rating_value"),
    "best_rating": ("bestrating",),
    "worst_rating": ("worstrating",),
    "review_date": ("reviewdate", "date_published", "datepublished", "date"),
    "url": ("review_url", "link"),
    "title": ("headline", "review_title"),
    "language": ("language_code", "languagecode", "lang", "inlanguage"),
}
_CSV_ALIASES = {
    re.sub(r"[\s_-]+", "_", alias.casefold()): name
    for name, aliases in CSV_COLUMNS.items()
    for alias in (name, *aliases)
}

_LD_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*['\"]?\s*application/ld\+json\b[^>]*>(?P<body>.*?)</script\s*>",
    re.I | re.S,
)
_MAX_DEPTH = 40


# ----------------------------------------------------------------------------------------
# small value readers


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value (strings, numbers, ``{"@value"}``, ``{"name"}``)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (list, tuple)):
        parts = [t for t in (_text(v) for v in value) if t]
        return ", ".join(dict.fromkeys(parts)) or None
    if isinstance(value, Mapping):
        for key in ("@value", "name", "alternateName", "text"):
            if key in value:
                return _text(value[key])
        return None
    text = " ".join(str(value).split())
    return text or None


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, Mapping):
        return _number(value.get("@value"))
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def _date(value: Any, name: str) -> str | None:
    """The ISO date (``YYYY-MM-DD``) of a whole calendar day, None when absent; a value
    that names no whole day ("5", "March", "soon") is a ValueError naming field ``name``."""
    text = _text(value)
    if not text:
        return None
    found = read_date(text)
    if found is not None:
        return found.date().isoformat()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{name} {text!r} is not a date (write it as 2024-03-05)") from None


def _url(value: Any) -> str | None:
    """The review's address, None when absent; one that is not http(s) is a ValueError."""
    text = _text(value)
    if text and not text.casefold().startswith(("http://", "https://")):
        raise ValueError(f"url {text!r} is not an http:// or https:// address")
    return text


def _site(url: str | None) -> str | None:
    if not url:
        return None
    from unspin.model import domain_of

    return domain_of(url)


def _types(node: Mapping[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    out = set()
    for v in values:
        if isinstance(v, str):
            out.add(v.rsplit("/", 1)[-1].rsplit(":", 1)[-1])  # "schema:ClaimReview", full IRIs
    return out


# ----------------------------------------------------------------------------------------
# JSON-LD


def _walk_ld(value: Any, ids: Mapping[str, Mapping[str, Any]], depth: int = 0) -> Iterator[Any]:
    """Every ClaimReview node under ``value`` (lists, ``@graph``, nested properties)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for v in value:
            yield from _walk_ld(v, ids, depth + 1)
    elif isinstance(value, Mapping):
        if "ClaimReview" in _types(value):
            yield value
            return
        for key, v in value.items():
            if key != "@context":
                yield from _walk_ld(v, ids, depth + 1)


def _index_ids(value: Any, out: dict[str, Mapping[str, Any]], depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for v in value:
            _index_ids(v, out, depth + 1)
    elif isinstance(value, Mapping):
        ref = value.get("@id")
        if isinstance(ref, str) and len(value) > 1:
            out.setdefault(ref, value)
        for key, v in value.items():
            if key != "@context":
                _index_ids(v, out, depth + 1)


def _deref(value: Any, ids: Mapping[str, Mapping[str, Any]]) -> Any:
    """Follow a bare ``{"@id": ...}`` reference; the first element of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, Mapping) and set(value) == {"@id"}:
        return ids.get(str(value["@id"]), value)
    return value


def _review_from_ld(
    node: Mapping[str, Any], ids: Mapping[str, Mapping[str, Any]], source: str | None
) -> ClaimReview:
    item = _deref(node.get("itemReviewed"), ids)
    item = item if isinstance(item, Mapping) else {}
    claim = _text(node.get("claimReviewed")) or _text(item.get("name")) or _text(item.get("text"))
    if not claim:
        raise ValueError("a ClaimReview without claimReviewed")
    author = _deref(node.get("author"), ids) or _deref(node.get("publisher"), ids)
    author = author if isinstance(author, Mapping) else {"name": author}
    rating = _deref(node.get("reviewRating"), ids)
    rating = rating if isinstance(rating, Mapping) else {"alternateName": rating}
    claimant = _deref(item.get("author"), ids) or _deref(item.get("creator"), ids)
    url = _url(node.get("url")) or _text(node.get("@id") if _is_url(node.get("@id")) else None)
    publisher_url = _text(author.get("url")) or _text(author.get("sameAs"))
    language = node.get("inLanguage") or item.get("inLanguage")
    if isinstance(language, Mapping):
        language = language.get("alternateName") or language.get("name")
    return ClaimReview(
        claim=claim,
        url=url,
        publisher=_text(author.get("name")),
        publisher_site=_site(publisher_url) or _site(url),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        review_date=_date(node.get("datePublished") or node.get("dateCreated"), "datePublished"),
        claimant=_text(claimant),
        claim_date=_date(
            item.get("datePublished") or item.get("dateCreated"), "itemReviewed datePublished"
        ),
        title=_text(node.get("headline")) or _text(node.get("name")),
        language=_text(language),
        source=source,
    )


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _from_ld(data: Any, source: str | None, where: str | None = None) -> Iterator[Loaded]:
    ids: dict[str, Mapping[str, Any]] = {}
    _index_ids(data, ids)
    where = where or source
    for k, node in enumerate(_walk_ld(data, ids)):
        at = f"{where} ClaimReview {k + 1}" if where else f"ClaimReview {k + 1}"
        try:
            yield _review_from_ld(node, ids, source)
        except (ValueError, TypeError) as exc:
            yield ClaimReviewError(str(exc), source=at)


# ----------------------------------------------------------------------------------------
# Google Fact Check Tools API


def _is_api_claim(value: Any) -> bool:
    return isinstance(value, Mapping) and "claimReview" in value and "@type" not in value


def _from_api_claim(
    claim: Mapping[str, Any], source: str | None, where: str | None = None
) -> Iterator[Loaded]:
    where = where or source
    text = _text(claim.get("text"))
    reviews = claim.get("claimReview") or []
    if isinstance(reviews, Mapping):
        reviews = [reviews]
    if not text:
        yield ClaimReviewError("a claim without text", source=where)
        return
    if not isinstance(reviews, list) or not reviews:
        yield ClaimReviewError("a claim without claimReview entries", source=where)
        return
    for review in reviews:
        if not isinstance(review, Mapping):
            yield ClaimReviewError("a claimReview entry that is not an object", source=where)
            continue
        publisher = review.get("publisher")
        publisher = publisher if isinstance(publisher, Mapping) else {"name": publisher}
        site = _text(publisher.get("site"))
        try:
            url = _url(review.get("url"))
            yield ClaimReview(
                claim=text,
                url=url,
                publisher=_text(publisher.get("name")),
                publisher_site=(_site(site) if site and "." in site else site) or _site(url),
                rating=_text(review.get("textualRating")),
                review_date=_date(review.get("reviewDate"), "reviewDate"),
                claimant=_text(claim.get("claimant")),
                claim_date=_date(claim.get("claimDate"), "claimDate"),
                title=_text(review.get("title")),
                language=_text(review.get("languageCode")),
                source=source,
            )
        except (ValueError, TypeError) as exc:
            yield ClaimReviewError(f"unreadable claimReview entry ({exc})", source=where)


def _from_json_value(data: Any, source: str | None, where: str | None = None) -> Iterator[Loaded]:
    """A parsed JSON value of any accepted shape (``where`` locates it in ``source``)."""
    where = where or source
    if isinstance(data, Mapping) and isinstance(data.get("claims"), list):
        for k, claim in enumerate(data["claims"]):
            at = f"{where} claims[{k}]"
            if not isinstance(claim, Mapping):
                yield ClaimReviewError("a claim that is not an object", source=at)
            else:
                yield from _from_api_claim(claim, source, at)
        return
    if _is_api_claim(data):
        yield from _from_api_claim(data, source, where)
        return
    if (
        isinstance(data, list)
        and data
        and all(
            isinstance(d, Mapping) and (isinstance(d.get("claims"), list) or _is_api_claim(d))
            for d in data
        )
    ):
        for k, d in enumerate(data):
            yield from _from_json_value(d, source, f"{where}[{k}]")
        return
    found = False
    for item in _from_ld(data, source, where):
        found = True
        yield item
    if not found:
        yield ClaimReviewError(
            "no ClaimReview found (expected schema.org JSON-LD or a Fact Check Tools API response)",
            source=where,
        )


# ----------------------------------------------------------------------------------------
# public parsers over strings


def parse_jsonld(text: str, *, source: str | None = None) -> Iterator[Loaded]:
    """ClaimReviews in a JSON document (JSON-LD or Fact Check Tools API shape)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ClaimReviewError(
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", source=source
        )
        return
    yield from _from_json_value(data, source)


#: The API shape is a JSON document too; the same reader handles both.
parse_api_json = parse_jsonld


def _clean_ld_block(block: str) -> str:
    block = block.strip()
    block = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", block)
    block = re.sub(r"(?:-->|//\s*\]\]>|\]\]>)\s*$", "", block)
    return block.strip()


def parse_html(html: str, *, source: str | None = None) -> Iterator[Loaded]:
    """ClaimReviews in the ``<script type="application/ld+json">`` blocks of an HTML page.

    A block that is not valid JSON is reported (one line) and the other blocks are read.
    A page without any ClaimReview yields one error.
    """
    found = False
    for k, m in enumerate(_LD_SCRIPT.finditer(html)):
        block = _clean_ld_block(m.group("body"))
        if not block:
            continue
        where = f"{source} ld+json block {k + 1}" if source else f"ld+json block {k + 1}"
        try:
            data = json.loads(block)
        except json.JSONDecodeError as exc:
            yield ClaimReviewError(
                f"invalid JSON-LD at line {exc.lineno} column {exc.colno}: {exc.msg}",
                source=where,
            )
            continue
        for item in _from_ld(data, source, where):
            found = True
            yield item
    if not found:
        yield ClaimReviewError("no schema.org ClaimReview in the page's JSON-LD", source=source)


def _csv_header(fields: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields:
        key = _CSV_ALIASES.get(re.sub(r"[\s_-]+", "_", (f or "").strip().casefold()))
        if key and key not in out.values():
            out[f] = key
    return out


def parse_csv(
    text: str, *, source: str | None = None, delimiter: str | None = None
) -> Iterator[Loaded]:
    """ClaimReviews from CSV/TSV with a header row (columns: :data:`CSV_COLUMNS`)."""
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = _csv_header(reader.fieldnames or ())
    column = {name: name for name in CSV_COLUMNS} | {v: k for k, v in header.items()}
    if "claim" not in header.values():
        yield ClaimReviewError(
            "CSV without a claim column",
            source=source,
            hint="the header needs 'claim' (or claim_reviewed/text); see docs/claims.md",
        )
        return
    try:
        for row in reader:
            where = f"{source}:{reader.line_num}" if source else f"line {reader.line_num}"
            if None in row:
                yield ClaimReviewError("more fields than header columns", source=where)
                continue
            values = {header[k]: v for k, v in row.items() if k in header and v and v.strip()}
            if not values:
                continue  # a blank line
            if "claim" not in values:
                yield ClaimReviewError("empty claim", source=where)
                continue
            numbers: dict[str, float | None] = {}
            bad = None
            for name in ("rating_value", "best_rating", "worst_rating"):
                numbers[name] = _number(values.get(name))
                if name in values and numbers[name] is None:
                    bad = f"{name} {values[name]!r} is not a number"
            if bad:
                yield ClaimReviewError(bad, source=where)
                continue
            site = _text(values.get("publisher_site"))
            try:
                url = _url(values.get("url"))
                review_date = _date(values.get("review_date"), column["review_date"])
                claim_date = _date(values.get("claim_date"), column["claim_date"])
            except ValueError as exc:
                yield ClaimReviewError(str(exc), source=where)
                continue
            yield ClaimReview(
                claim=values["claim"],
                url=url,
                publisher=_text(values.get("publisher")),
                publisher_site=(_site(site) if site else None) or _site(url),
                rating=_text(values.get("rating")),
                review_date=review_date,
                claimant=_text(values.get("claimant")),
                claim_date=claim_date,
                title=_text(values.get("title")),
                language=_text(values.get("language")),
                source=source,
                rating_value=numbers["rating_value"],
                best_rating=numbers["best_rating"],
                worst_rating=numbers["worst_rating"],
            )
    except csv.Error as exc:
        yield ClaimReviewError(f"unreadable CSV: {exc}", source=source)


def _parse_jsonl(text: str, source: str | None) -> Iterator[Loaded]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}" if source else f"line {n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ClaimReviewError(f"invalid JSON: {exc.msg}", source=where)
            continue
        yield from _from_json_value(data, source, where)


def parse_text(
    text: str, *, kind: str | None = None, source: str | None = None
) -> Iterator[Loaded]:
    """ClaimReviews from a string; ``kind`` is ``html``, ``json``, ``jsonl`` or ``csv``
    (guessed from the content when None)."""
    if kind is None:
        head = text.lstrip()[:200].lower()
        if head.startswith("<"):
            kind = "html"
        elif head.startswith(("{", "[")):
            stripped = text.strip()
            multi = "\n" in stripped and stripped.startswith("{") and "}\n{" in stripped
            kind = "jsonl" if multi else "json"
        else:
            kind = "csv"
    if kind == "html":
        yield from parse_html(text, source=source)
    elif kind == "json":
        yield from parse_jsonld(text, source=source)
    elif kind == "jsonl":
        yield from _parse_jsonl(text, source)
    elif kind in ("csv", "tsv"):
        yield from parse_csv(text, source=source, delimiter="\t" if kind == "tsv" else None)
    else:
        raise ValueError(f"unknown fact-check input kind {kind!r}")
