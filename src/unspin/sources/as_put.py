"""'As Ann Lund puts it, "..."': a sentence that credits the words in it to a source
named in an "as ... puts it" lead, where "put" is no verb of saying the lexicon knows;
likewise 'She then addressed the crowd again: "..."', a colon after a verb of turning to
an audience.

The event is tied to the sentence's quotations only (no content of its own): the
writer's clause around the quoted words is the writer's.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import VERBS
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.state import Event, RunState

__all__ = ["as_puts_it"]

_AS_PUTS_IT = re.compile(
    r"(?:^|(?<=[\s(—–-]))[Aa]s\s+(?P<who>(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,5})"
    r"\s+(?P<verb>puts\s+it|put\s+it|has\s+put\s+it|once\s+put\s+it)\s*,"
)
_ADDRESSED = re.compile(
    r"(?:^|(?<=\s))(?P<who>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+"
    r"(?:(?:then|again|also|later|finally)\s+)?(?P<verb>addressed|turned\s+to)\b"
    r"[^.!?:;\n\"“”]{0,80}:\s*(?=[\"“])"
)

#: An owner before the name ("The Gazette's ").
_OWNER = re.compile(r"[\w.-]+['’]s\s+(?=[A-Z])")


def as_puts_it(st: RunState) -> list[Event]:
    """One quote-only event per "As <name> puts it," lead or "<name> addressed ...:"
    before a quotation (see the module)."""
    out: list[Event] = []
    for m in [*_AS_PUTS_IT.finditer(st.text), *_ADDRESSED.finditer(st.text)]:
        w0, w1 = m.span("who")
        owner = _OWNER.search(st.text, w0, w1)
        if owner is not None:
            w0 = owner.end()  # "The Gazette's Ann Lund": Ann Lund, of the Gazette
        speaker = mention_from_span(st.text, w0, w1, side="start")
        if speaker is None or speaker.kind not in ("name", "pronoun"):
            continue
        s = st.sentence_at(m.start())
        sent = st.parsed.sentences[s] if st.parsed.sentences else None
        reach = (sent.start, sent.end) if sent else (0, len(st.text))
        vs, ve = m.span("verb")
        out.append(
            Event(
                (vs, ve),
                m.group("verb"),
                "say",
                VERBS["say"],
                speaker,
                None,
                "verb",
                0.75,
                s,
                (speaker.start, ve),
                reach,
                quote_only=True,
                cues=[m.group("verb")],
            )
        )
    return out
