"""Evidence passages read once: parsed by the pipeline's backbone, their frames resolved
against their document's date (:mod:`unspin.frames`) and read for the frame checks
(:func:`unspin.evidence.frame_checks.read_parsed`), cached per passage; a "ones" or "them"
taking its noun from the sentence before is read with that noun (:mod:`.anaphora`)."""

from __future__ import annotations

from collections.abc import Sequence

from unspin.evidence.anaphora import ANAPHORS, resolve
from unspin.evidence.frame_checks import Reading, read_parsed
from unspin.evidence.tables import EvidencePassage
from unspin.frames import parse_published, sentence_frames
from unspin.nlp import Backbone

__all__ = ["PassageReader"]


class PassageReader:
    """Passages parsed by the pipeline's backbone and read once (cached per passage)."""

    def __init__(self, backbone: Backbone, *, size: int = 20_000) -> None:
        self.backbone = backbone
        self.size = size
        self._cache: dict[tuple[str, int, int], Reading] = {}

    def read(self, passages: Sequence[EvidencePassage]) -> list[Reading]:
        """The reading of each passage (the new ones parsed in one batch)."""
        keys = [(p.document_id, p.start, p.end) for p in passages]
        new = {k: p for k, p in zip(keys, passages, strict=True) if k not in self._cache}
        if new:
            if len(self._cache) + len(new) > self.size:
                self._cache.clear()
            todo = list(new.values())
            for key, p, parsed in zip(
                new, todo, self.backbone.parse_many([p.text for p in todo]), strict=True
            ):
                if p.before and any(t.lower in ANAPHORS for t in parsed.tokens):
                    said = resolve(self.backbone.parse(p.before), parsed)
                    parsed = parsed if said is None else self.backbone.parse(said)
                frames = [
                    f.to_json(parsed.text)
                    for f in sentence_frames(parsed, parse_published(p.published))
                ]
                self._cache[key] = read_parsed(parsed, frames)
        return [self._cache[k] for k in keys]

    def clear(self) -> None:
        """Forget every passage read so far."""
        self._cache.clear()
