"""Monitoring a folder or a feed (``unspin corpus watch``): ingest what is new, link and
cluster it, report new narratives, fast-growing ones and new contradictions.

A cycle (:func:`watch_once`) finds the inputs it has not seen: in a folder, the files
(of the kinds ``corpus ingest`` reads) that are new or changed since the last cycle (size
and modification time); in a JSON Lines feed, the complete lines appended since the last
cycle (a feed that shrank was replaced: read again from its start), each document and
error named as a line of the feed (``feed.jsonl:7``, counted from its start). What it saw
is kept in the store's ``meta`` table (``watch:<absolute path>``), so a later cycle, in
this process or another, goes on from there. It ingests them, compares the new documents with
the stored ones (contradictions and the other comparisons, :func:`unspin.app.link_corpus`)
and places them in stories and narratives (:func:`unspin.narratives.update`), then
reports what the cycle added. :func:`watch` repeats cycles every ``interval`` seconds.

A narrative is *fast-growing* in a cycle when it gained at least :data:`GROWING_MIN`
claims and at least as many as it had before (it at least doubled).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.app.corpus import ingest_paths, opened_store
from unspin.app.links import link_corpus
from unspin.app.pipelines import ConfigSource, load_pipeline
from unspin.corpus.audited import is_experimental
from unspin.errors import ConfigError
from unspin.ingest import JSONL_SUFFIXES, TEXT_SUFFIXES, load_feed_lines
from unspin.narratives import NarrativeTable, Params, stories, update
from unspin.store import IngestReport, ingest

__all__ = ["GROWING_MIN", "WatchReport", "latest_changes", "watch", "watch_once"]

#: Claims a narrative must gain in one cycle to count as fast-growing.
GROWING_MIN = 2


@dataclass
class WatchReport:
    """What one cycle found and added."""

    source: str
    inputs: list[str] = field(default_factory=list)
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    new_narratives: list[dict[str, Any]] = field(default_factory=list)
    growing: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    #: True when contradictions were not looked for: an experimental link kind (its
    #: precision audited on real news is under 0.8) and ``experimental`` not asked for.
    contradictions_left_out: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "inputs": self.inputs,
            "documents": self.documents,
            "errors": self.errors,
            "new_narratives": self.new_narratives,
            "growing": self.growing,
            "contradictions": self.contradictions,
            "contradictions_left_out": self.contradictions_left_out,
        }

    def render(self) -> str:
        lines = [
            f"{self.source}: {len(self.inputs)} new input(s), {self.documents} new document(s), "
            f"{len(self.new_narratives)} new narrative(s), {len(self.growing)} fast-growing, "
            + (
                "contradictions not reported (experimental: audited precision on real news "
                "under 0.8; --experimental reports them)"
                if self.contradictions_left_out
                else f"{len(self.contradictions)} new contradiction(s)"
            )
        ]
        for n in self.new_narratives:
            lines.append(f"  new narrative {n['id']} (story {n['story']}): “{n['name']}”")
        for n in self.growing:
            lines.append(
                f"  growing narrative {n['id']}: +{n['added']} claim(s), {n['claims']} in all: "
                f"“{n['name']}”"
            )
        for c in self.contradictions:
            lines.append(f"  contradiction: “{c['source_text']}” ≠ “{c['target_text']}”")
        lines.extend(f"  error: {e}" for e in self.errors)
        return "\n".join(lines)


def _key(source: Path) -> str:
    return f"watch:{source.resolve()}"


def _is_feed(source: Path) -> bool:
    return source.is_file() and source.suffix.lower() in JSONL_SUFFIXES


def _folder_inputs(source: Path, seen: dict[str, Any]) -> tuple[list[Path], dict[str, Any]]:
    files = sorted(
        p
        for p in source.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES
    )
    now: dict[str, Any] = {}
    new = []
    for p in files:
        stat = p.stat()
        name = str(p.relative_to(source))
        now[name] = [stat.st_size, stat.st_mtime_ns]
        if seen.get(name) != now[name]:
            new.append(p)
    new.sort(key=lambda p: (p.stat().st_mtime_ns, str(p)))  # arrival order
    return new, {"files": {**seen, **now}}


def _lines_before(f: Any, offset: int) -> int:
    """The lines in the first ``offset`` bytes of ``f`` (a feed seen by a version that kept
    only the offset)."""
    count, left = 0, offset
    while left > 0:
        chunk = f.read(min(left, 1 << 20))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def _feed_lines(source: Path, seen: dict[str, Any]) -> tuple[bytes, int, dict[str, Any]]:
    """The complete lines appended since the last cycle, how many lines came before them,
    and the state to keep."""
    offset = int(seen.get("offset", 0))
    before = seen.get("lines")
    size = source.stat().st_size
    if size < offset:  # replaced by a shorter file: read again
        offset, before = 0, 0
    with source.open("rb") as f:
        if before is None:
            before = _lines_before(f, offset)
        f.seek(offset)
        data = f.read()
    complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits
    lines = int(before) + complete.count(b"\n")
    return complete, int(before), {"offset": offset + len(complete), "lines": lines}


def _ingest_feed(
    db: str | Path | None, data: bytes, feed: Path, before: int, config: ConfigSource
) -> IngestReport:
    """Ingest the feed's new lines ``data``, each document and error named as the feed's
    line (``feed.jsonl:N``, N counted from the feed's start)."""
    pipeline = load_pipeline(config)
    max_bytes = pipeline.config.max_bytes
    loaded = load_feed_lines(data, source=str(feed), first=before + 1, max_bytes=max_bytes)
    with opened_store(db, create=True) as store:
        return ingest(store, loaded, pipeline=pipeline)


def _narrative_rows(table: NarrativeTable, run: int) -> tuple[list[Any], list[Any]]:
    added = table.added(run)
    if not added:
        return [], []
    new_ids = {n for n, r in table.narrative_runs().items() if r == run}
    fresh, growing = [], []
    for story in stories(table):
        for n in story.narratives:
            if n.id not in added:
                continue
            row = {"id": n.id, "story": n.story, "name": n.name, "claims": len(n.claims)}
            gained = added[n.id]
            if n.id in new_ids:
                fresh.append(row)
            elif gained >= GROWING_MIN and gained >= len(n.claims) - gained:
                growing.append({**row, "added": gained})
    return fresh, growing


def _left_out(experimental: bool) -> bool:
    """Whether contradictions go unreported: their link kind is experimental and
    ``experimental`` was not asked for (said so even in a cycle that added nothing)."""
    return is_experimental("contradiction") and not experimental


def _add_contradictions(report: WatchReport, store: Any, documents: list[str]) -> None:
    """The new contradictions touching ``documents``, unless the report leaves them out."""
    if not report.contradictions_left_out:
        report.contradictions = _contradictions(store, documents)


def _contradictions(store: Any, documents: list[str]) -> list[dict[str, Any]]:
    out: dict[tuple[str, ...], dict[str, Any]] = {}
    for doc in documents:
        for link in store.iter_links("contradiction", document_id=doc):
            key = (link.source_document, link.source_finding, link.target_document,
                   link.target_finding)  # fmt: skip
            a, b = link.attributes.get("a", {}), link.attributes.get("b", {})
            out.setdefault(
                key,
                {
                    "source_document": link.source_document,
                    "target_document": link.target_document,
                    "score": link.score,
                    "source_text": a.get("text") if isinstance(a, dict) else None,
                    "target_text": b.get("text") if isinstance(b, dict) else None,
                },
            )
    return list(out.values())


def watch_once(
    db: str | Path | None,
    source: str | Path,
    config: ConfigSource = None,
    *,
    params: Params | None = None,
    experimental: bool = False,
) -> WatchReport:
    """One cycle over ``source`` (a folder or a JSON Lines feed); see the module doc.
    Contradictions are reported only while their link kind meets the 0.8 bar on real
    news (:mod:`unspin.corpus.audited`), or with ``experimental``."""
    path = Path(source)
    if not path.exists():
        raise ConfigError(f"{path} does not exist", hint="watch a folder or a .jsonl feed")
    if not path.is_dir() and not _is_feed(path):
        raise ConfigError(f"{path} is neither a folder nor a JSON Lines feed (.jsonl)")
    report = WatchReport(str(path))
    with opened_store(db, create=True) as store:
        raw = store.get_meta(_key(path))
    seen: dict[str, Any] = json.loads(raw) if raw else {}
    ingested: IngestReport | None = None
    if path.is_dir():
        files, state = _folder_inputs(path, seen.get("files", {}))
        report.inputs = [str(p) for p in files]
        if files:
            ingested = ingest_paths(db, list(files), config).report
    else:
        data, before, state = _feed_lines(path, seen)
        if data:
            report.inputs = [f"{path} (lines {before + 1}-{state['lines']})"]
            ingested = _ingest_feed(db, data, path, before, config)
    if ingested is not None:
        report.errors = [str(e) for e in ingested.input_errors]
        report.errors += [str(e) for e in ingested.analyzer_failures]
    link_corpus(db, what=["contradictions"])
    with opened_store(db) as store:
        run = update(store, params)
        report.documents = run.documents
        report.contradictions_left_out = _left_out(experimental)
        if run.documents:
            table = store.repository(NarrativeTable)
            report.new_narratives, report.growing = _narrative_rows(table, run.run)
            _add_contradictions(report, store, run.document_ids)
        store.set_meta(_key(path), json.dumps(state, sort_keys=True))
    return report


def latest_changes(db: str | Path | None, *, experimental: bool = False) -> WatchReport:
    """What the store's latest clustering run added (by ``corpus watch``, ``corpus
    narratives`` or the web page): its documents, new and fast-growing narratives, the
    contradictions touching its documents."""
    with opened_store(db) as store:
        table = store.repository(NarrativeTable)
        run = table.last_run()
        report = WatchReport(f"run {run}" if run else "no run yet")
        report.contradictions_left_out = _left_out(experimental)
        if run:
            documents = table.run_documents(run)
            report.documents = len(documents)
            report.new_narratives, report.growing = _narrative_rows(table, run)
            _add_contradictions(report, store, documents)
        return report


def watch(
    db: str | Path | None,
    source: str | Path,
    config: ConfigSource = None,
    *,
    interval: float = 60.0,
    on_report: Callable[[WatchReport], None],
    cycles: int | None = None,
    params: Params | None = None,
    experimental: bool = False,
) -> None:
    """Run :func:`watch_once` every ``interval`` seconds (``cycles`` times, or until
    interrupted), passing each report to ``on_report``."""
    done = 0
    while cycles is None or done < cycles:
        on_report(watch_once(db, source, config, params=params, experimental=experimental))
        done += 1
        if cycles is None or done < cycles:
            time.sleep(interval)
