"""Relayed words: a source through whom the writer heard another's statement. An
"according to" source or a trailing "..., the agency reported" whose clause holds a verb
of saying with its own speaker passes that speaker's words on: the speaker keeps the
content, the relay becomes its ``outer``. :mod:`.parse_events` calls :func:`relays` on
the events it read from the parse."""

from __future__ import annotations

from unspin.sources.state import Event

__all__ = ["relays"]


def relays(events: list[Event]) -> list[Event]:
    """The events with their relays set (see the module's doc)."""
    _trailing_relays(events)
    return _according_relays(events)


def _trailing_relays(events: list[Event]) -> None:
    """ "X said Y, the agency reported": a parse that hangs "reported" on "said" gives X
    the whole "Y, the agency reported" and the agency Y relayed by X, the chain upside
    down. The verb after its content (``a``, "reported") whose content starts where the
    earlier verb's does (``v``, "said") and sits inside it relays X: X says Y (the
    agency's content), relayed by the agency, which reports "X said Y"."""
    for a in events:
        if (
            a.construction != "verb"
            or a.speaker is None
            or a.content is None
            or a.speaker.start < a.content[1]
            or a.content[1] > a.cue[0]
        ):
            continue
        for v in events:
            if (
                v is not a
                and v.construction == "verb"
                and v.sentence == a.sentence
                and v.speaker is not None
                and v.outer is None
                and v.content is not None
                and v.cue[1] <= v.content[0] == a.content[0]
                and v.content[1] >= a.cue[1]
            ):
                start = min(v.cue[0], v.speaker.start, v.anchor[0])
                a.content, v.content = (start, a.content[1]), a.content
                v.outer = a.speaker
                break


def _according_relays(events: list[Event]) -> list[Event]:
    """An "according to" source whose content holds a verb of saying with its own speaker
    ("Lund said she ..., according to court documents") relays that speaker's words: the
    verb's event carries the content, the documents as its relay (``outer``). Unnamed
    people keep their own attribution: the whole report is their hearsay."""
    dropped: set[int] = set()
    for n, a in enumerate(events):
        if a.construction != "according-to" or a.content is None or a.speaker is None:
            continue
        if a.speaker.source_type == "anonymous":
            continue  # "X has told colleagues ..., according to two people familiar": theirs
        for v in events:
            if (
                v.construction == "verb"
                and v.sentence == a.sentence
                and v.speaker is not None
                and v.content is not None
                and a.content[0] <= v.cue[0] < a.content[1]
                and v.content[1] <= a.cue[0]
            ):
                v.outer = v.outer or a.speaker
                dropped.add(n)
                break
    return [e for n, e in enumerate(events) if n not in dropped]
