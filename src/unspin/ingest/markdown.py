"""Markdown to plain text, keeping paragraphs, block-quote markers and front-matter metadata."""

from __future__ import annotations

import re

__all__ = ["markdown_to_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`]+)`")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")

_META_KEYS = {"title", "author", "date", "published", "url", "outlet", "source", "language", "lang"}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        fm = _FM_LINE.match(line)
        if fm and fm.group(1).lower() in _META_KEYS:
            meta[fm.group(1).lower()] = fm.group(2).strip().strip("'\"")
    return meta, text[m.end() :]


def _inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(2):
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)
    line = _HTML_TAG.sub("", line)
    return line.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")


def markdown_to_text(source: str) -> tuple[str, dict[str, str]]:
    """Return the article text and metadata (front matter, first heading as title).

    Headings become their own paragraphs, emphasis and link syntax is removed (the link
    text stays), code fences keep their content, block quotes keep their ``> `` marker so
    that the sources analyzer can see them.
    """
    meta, body = _front_matter(source)
    out: list[str] = []
    in_fence = False
    lines = body.split("\n")
    for i, raw in enumerate(lines):
        if _FENCE.match(raw.strip()):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(raw)
            continue
        if _REF_DEF.match(raw) or (_RULE.match(raw) and not (out and out[-1].strip())):
            out.append("")
            continue
        if _SETEXT.match(raw) and out and out[-1].strip() and i > 0:
            if "title" not in meta and raw.startswith("="):
                meta["title"] = out[-1].strip()
            out.append("")
            continue
        h = _HEADING.match(raw)
        if h:
            heading = _inline(h.group(1))
            if "title" not in meta:
                meta["title"] = heading
            out.extend(["", heading, ""])
            continue
        line = _LIST.sub(lambda m: m.group(1), raw)
        out.append(_inline(line))
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text, meta
