"""Unnamed-sounding speakers of an embedded post that shows its author.

"One activist tweeted:" followed by the post itself, embedded with its author's handle
(``<tweet tweet-author="@handle" ...>``): the text does name the source, by the account
that posted it, so the speaker is that account (``social_media``), not an anonymous one.
"""

from __future__ import annotations

import re

from unspin.sources.state import Event, RunState

__all__ = ["name_post_authors"]

#: An embedded post's opening tag with its author: '<tweet tweet-author="@handle"'.
_POST_AUTHOR = re.compile(
    r"\s*<(?:tweet|post|status)\b[^>]*?\b[\w-]*author=[\"'](@?[\w.]{2,40})[\"']", re.I
)


def name_post_authors(st: RunState, events: list[Event]) -> None:
    """Give an anonymous speaker whose content is an embedded post the post's author."""
    for e in events:
        m = e.speaker
        if m is None or e.content is None or m.source_type != "anonymous" or m.kind != "noun":
            continue
        hit = _POST_AUTHOR.match(st.text, e.content[0])
        if hit is None or hit.start() > e.content[0] + 3:
            continue
        handle = hit.group(1)
        m.name, m.source_type = handle, "social_media"
        m.rule, m.score = "speaker.post-author", min(m.score, 0.7)
        m.reason = f"the embedded post shows who posted it: {handle}"
