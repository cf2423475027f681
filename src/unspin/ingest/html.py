"""HTML to article text and metadata, through trafilatura (boilerplate and comments left out)."""

from __future__ import annotations

import logging
import re
from typing import Any

from unspin.errors import EmptyInputError, InputError, MissingExtraError
from unspin.ingest.inline_pieces import join_inline_pieces, page_stretches, split_joined_blocks
from unspin.ingest.page_dates import author_without_dates, settle_page_date
from unspin.ingest.summary_list import with_summary_list

__all__ = ["html_to_text", "looks_like_html"]

log = logging.getLogger(__name__)

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta|title|div|p)\b",
    re.I | re.S,
)
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _mark_blockquotes(tree: Any) -> None:
    """Prefix block-quote paragraphs with ``> `` so the marker survives extraction."""
    for bq in tree.iter("blockquote"):
        paras = [p for p in bq.iter("p")] or [bq]
        for p in paras:
            p.text = "> " + (p.text or "").lstrip()
            if p is not bq and p.getparent() is bq and (p.tail or "").strip():
                p.tail = "\n> " + p.tail.lstrip()


_WORDS = re.compile(r"[^\W_]+")
#: Fewest words a block quote repeats of the text around it to be a pull quote.
_PULL_QUOTE_WORDS = 4
#: A block quote's line that signs it with a dash ("> — Ann Lee (@annlee) May 2, 2026").
_SIGNED = re.compile(r"> *[—–-]")


def _drop_pull_quotes(text: str, source: str | None) -> str:
    """Leave out block-quote paragraphs (``> `` lines) whose words the rest of the text
    says in the same order: a pull quote repeats the article's own words as page design,
    and read twice it is a second quotation with no speaker near it (or the wrong one)."""
    paragraphs = [
        (p, p.startswith("> "), " ".join(_WORDS.findall(p.lower()))) for p in text.split("\n\n")
    ]
    rest = f" {' '.join(words for _, quoted, words in paragraphs if not quoted)} "
    kept = []
    dropped = False
    for p, quoted, words in paragraphs:
        if quoted and dropped and _SIGNED.match(p):
            continue  # the pull quote's signature ("> — Ann Lee")
        dropped = quoted and words.count(" ") + 1 >= _PULL_QUOTE_WORDS and f" {words} " in rest
        if dropped:
            log.debug("%s: pull quote left out: %s", source, p[:60])
            continue
        kept.append(p)
    return "\n\n".join(kept)


def _with_headline(tree: Any, text: str, title: str | None) -> str:
    """``text`` opening with the page's headline, an ``<h1>`` that says the page's title,
    where the extraction left it out (a live blog's posts taken without the headline over
    them); a title no ``<h1>`` shows is no text of the page."""
    if not title:
        return text
    wanted = " ".join(title.split()).casefold()
    for h1 in tree.iter("h1"):
        headline = " ".join(h1.text_content().split())
        if headline.casefold() == wanted:
            if headline not in " ".join(text[: len(headline) * 4].split()):
                return f"{headline}\n\n{text}"
            break
    return text


def _fallback_text(tree: Any) -> str:
    """Paragraph text of the page without scripts, navigation, headers, footers and forms."""
    for bad in tree.xpath(
        "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template"
        "|//*[contains(concat(' ', normalize-space(@class), ' '), ' comments ')]"
        "|//*[@id='comments']"
    ):
        bad.getparent().remove(bad) if bad.getparent() is not None else None
    blocks = tree.xpath("//h1|//h2|//h3|//p|//li|//blockquote[not(.//p)]|//pre")
    parts = [" ".join(b.text_content().split()) for b in blocks]
    if not parts:
        body = tree.find(".//body")
        parts = [" ".join((body if body is not None else tree).text_content().split())]
    return "\n\n".join(p for p in parts if p)


def html_to_text(html: str, *, source: str | None = None) -> tuple[str, dict[str, str]]:
    """Return the main text of an HTML page and its metadata (title, author, date, url, outlet)."""
    try:
        import trafilatura
        from lxml import html as lxml_html
    except ImportError as exc:
        raise MissingExtraError("trafilatura", "html") from exc
    try:
        tree = lxml_html.document_fromstring(html)
    except Exception as exc:
        raise InputError(f"cannot parse HTML: {exc}", source=source) from None
    _mark_blockquotes(tree)
    meta: dict[str, str] = {}
    text = ""
    try:
        doc: Any = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:
        log.warning("%s: trafilatura failed (%s); using the fallback extractor", source, exc)
        doc = None
    if doc is not None:
        text = doc.text or ""
        for key, value in (
            ("title", doc.title),
            ("author", doc.author),
            ("date", doc.date),
            ("url", doc.url),
            ("outlet", doc.sitename or doc.hostname),
        ):
            if value:
                meta[key] = str(value)
        author = author_without_dates(meta.pop("author", ""))
        if author:
            meta["author"] = author
    settle_page_date(html, meta, source)
    if len(text.strip()) < 40:
        fallback = _fallback_text(lxml_html.document_fromstring(html))
        if len(fallback.strip()) > len(text.strip()):
            text = fallback
        if "title" not in meta:
            titles = tree.xpath("//title/text()")
            if titles and titles[0].strip():
                meta["title"] = " ".join(titles[0].split())
    else:
        # trafilatura's plain text puts one paragraph per line: make paragraphs visible
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        # trafilatura cleaned ``tree``: the page as written, read (not changed) by both
        pristine = lxml_html.document_fromstring(html)
        stretches = page_stretches(pristine)
        lines = split_joined_blocks(stretches, lines)
        text = "\n\n".join(join_inline_pieces(stretches, lines))
        text = _with_headline(tree, text, meta.get("title"))
        text = with_summary_list(pristine, text, source)
    if not text.strip():
        raise EmptyInputError("no article text found in the HTML", source=source)
    return _drop_pull_quotes(text, source), meta
