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

__all__ = ["in_hashtag", "is_handle", "is_web_address", "past_hashtags", "past_symbols"]

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
