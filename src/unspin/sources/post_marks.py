"""Marks of social-media text around a speaker: handles, web addresses, hashtags, emoji.

An account's handle that speaks ("@JaneDoe_99 said") is the account, unless the text
makes it a person ("Senator @marklund said"); a web address is never anyone; a hashtag
before a speaker's head ("#BREAKING Officials say") and emoji around it ("🤡🤡 Experts
say") are no part of its name or span (a hashtag that is the head, "#ISIS featured ...",
names the speaker as a word would).
"""

from __future__ import annotations

import re
import unicodedata

from unspin.nlp import Token

__all__ = [
    "before_emoji_tail",
    "in_hashtag",
    "is_handle",
    "is_web_address",
    "past_hashtags",
    "past_symbols",
]

#: Unicode categories of emoji and their modifiers and joiners.
_PICTOGRAPH = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Co"})
#: A social-media account's handle: "@JaneDoe_99", "@kell.police".
_HANDLE = re.compile(r"@\w(?:[\w.]*\w)?")
#: A web address: a scheme, "www." or a path after a domain ("example.org/page").
_WEB_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", re.I)


def is_handle(word: str) -> bool:
    """``word`` is a social-media account's handle."""
    return _HANDLE.fullmatch(word) is not None


def is_web_address(word: str) -> bool:
    """``word`` is a web address (a bare domain, "example.org", is not: a site's name)."""
    return _WEB_ADDRESS.fullmatch(word) is not None


def _symbol(t: Token) -> bool:
    """A token of pictographs alone: emoji (with their joiners and modifiers), signs such
    as "©"; not currency or mathematical signs."""
    return all(unicodedata.category(ch) in _PICTOGRAPH for ch in t.text)


def past_symbols(toks: tuple[Token, ...], h: Token, sub: tuple[int, int]) -> tuple[int, int]:
    """``sub`` without the symbol tokens at its ends (emoji the parser tied to head ``h``)."""
    lo, hi = sub
    while lo < h.i and _symbol(toks[lo]):
        lo += 1
    while hi > h.i and _symbol(toks[hi]):
        hi -= 1
    return lo, hi


def in_hashtag(toks: tuple[Token, ...], i: int) -> bool:
    """Token ``i`` is a hashtag or the word of one ("#", "BREAKING" with no space)."""
    t = toks[i]
    if t.text.startswith("#") and len(t.text) > 1:
        return True
    return i > 0 and toks[i - 1].text == "#" and toks[i - 1].end == t.start


def past_hashtags(toks: tuple[Token, ...], lo: int, limit: int) -> int:
    """The first token from ``lo`` past the hashtags opening a phrase, at most ``limit``."""
    while lo < limit and (toks[lo].text == "#" or in_hashtag(toks, lo)):
        lo += 1
    return lo


def _pictographs(word: str) -> bool:
    return all(unicodedata.category(ch) in _PICTOGRAPH for ch in word)


def before_emoji_tail(text: str, start: int, end: int) -> int:
    """The end of ``text[start:end]`` before the emoji that close it, and the hashtags
    after them ("the river will rise by Friday 🌊🌊 #ClimateCrisis"): the poster's
    reaction and tags, not what was said. A hashtag with no emoji before it ("a
    #disaster") may be a word of the statement and stays."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    cut = None
    for at, word in reversed(words):
        if _pictographs(word):
            cut = at
        elif not (word.startswith("#") and len(word) > 1):
            break
    if cut is None or not text[start : start + cut].strip():
        return end
    return start + len(text[start : start + cut].rstrip())
