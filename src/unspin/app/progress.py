"""Progress events: the one callback protocol of long application functions.

Application functions never print; a front end passes a :class:`Progress` callable and
renders the events (the CLI: a tqdm bar on stderr; a web page: a status line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["Progress", "ProgressEvent", "notify"]


@dataclass(frozen=True)
class ProgressEvent:
    """How far a long run is: ``done`` of ``total`` (None: unknown) documents, with
    counters worth showing (``{"errors": 2}``)."""

    stage: str
    done: int
    total: int | None = None
    counts: Mapping[str, int] = field(default_factory=dict)


class Progress(Protocol):
    """Called with each :class:`ProgressEvent` of a run."""

    def __call__(self, event: ProgressEvent, /) -> None: ...


def notify(progress: Progress | None, event: ProgressEvent) -> None:
    """Send ``event`` to ``progress`` when there is one."""
    if progress is not None:
        progress(event)
