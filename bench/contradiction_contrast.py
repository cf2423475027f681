"""Contradiction links on the team's contrast set (issue #13, point 5).

    python bench/contradiction_contrast.py [--data tests/data/contradictions] [--work DIR]
        [--json] [--errors] [--details]

Ingests every article of ``documents.jsonl`` into one corpus store (``unspin corpus
ingest``), links them (``unspin corpus contradictions`` and ``unspin corpus quotes``) and
compares the links with the labelled pairs of ``pairs.jsonl``. A link *hits* a pair when
its two spans fall inside the pair's two statements (either order). Precision: of the
links reported as contradictions (and quote drift), those that hit a ``conflict`` pair;
any other link (one hitting an ``update``, ``restatement`` or ``unrelated`` pair, or no
pair at all) counts against it. Recall: of the ``conflict`` pairs, those hit by a
contradiction link. Updates are scored the same way against ``update`` pairs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "contradictions"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verdict_contrast import read_jsonl  # noqa: E402  (one reader for the contrast sets)


def _cli(args: list[str]) -> str:
    from unspin.cli import main as cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli(args)
    if code not in (0, 1):
        raise SystemExit(f"unspin {' '.join(args[:2])} failed ({code})")
    return out.getvalue()


def ingest_set(
    documents: Mapping[str, Mapping[str, Any]], work: Path
) -> tuple[str, dict[str, str]]:
    """Write a set's documents (our id -> {"url", "text", ...}) as JSON Lines under
    ``work`` and ingest them into a SQLite store there through the command line (the
    default pipeline); returns the store's URL and store id -> our id (matched by URL)."""
    work.mkdir(parents=True, exist_ok=True)
    docs = work / "documents.jsonl"
    fields = ("id", "title", "url", "outlet", "published", "text")
    docs.write_text(
        "".join(json.dumps({k: d[k] for k in fields if k in d}) + "\n" for d in documents.values()),
        encoding="utf-8",
    )
    db = f"sqlite:///{work / 'corpus.db'}"
    _cli(["corpus", "ingest", "--db", db, "-q", str(docs)])
    stored = {}  # store id -> our id, by URL
    by_url = {d["url"]: k for k, d in documents.items()}
    for line in _cli(["corpus", "export", "--db", db]).splitlines():
        doc = json.loads(line)["document"]
        stored[doc["id"]] = by_url[doc["url"]]
    return db, stored


def statement_spans(
    documents: Mapping[str, Mapping[str, Any]], pairs: Sequence[Mapping[str, Any]]
) -> list[tuple[tuple[str, int, int], tuple[str, int, int]]]:
    out = []
    for p in pairs:
        sides = []
        for side in (p["a"], p["b"]):
            text = documents[side["doc"]]["text"]
            i = text.find(side["text"])
            if i < 0:
                raise SystemExit(f"{p['id']}: statement not in document {side['doc']}")
            sides.append((side["doc"], i, i + len(side["text"])))
        out.append((sides[0], sides[1]))
    return out


def _inside(span: tuple[str, int, int], doc: str, start: int, end: int) -> bool:
    return span[0] == doc and start < span[2] and span[1] < end


def hit(link: Mapping[str, Any], spans: tuple[tuple[str, int, int], tuple[str, int, int]]) -> bool:
    a, b = link["a"], link["b"]
    sa, sb = spans
    forward = _inside(sa, a["doc"], a["start"], a["end"]) and _inside(
        sb, b["doc"], b["start"], b["end"]
    )
    back = _inside(sb, a["doc"], a["start"], a["end"]) and _inside(
        sa, b["doc"], b["start"], b["end"]
    )
    return forward or back


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list wrong links and missed pairs")
    ap.add_argument("--details", action="store_true",
                    help="recall by slot, within vs across documents, links by rule")  # fmt: skip
    args = ap.parse_args(argv)
    started = time.perf_counter()
    documents = {d["id"]: d for d in read_jsonl(args.data / "documents.jsonl")}
    pairs = read_jsonl(args.data / "pairs.jsonl")
    spans = statement_spans(documents, pairs)

    work = args.work or Path(tempfile.mkdtemp(prefix="unspin-contradictions-"))
    db, stored = ingest_set(documents, work)
    links = []
    for command in ("contradictions", "quotes"):
        listed = _cli(["corpus", command, "--db", db, "-f", "json", "--experimental"])
        for link in json.loads(listed or "[]"):
            for side in ("a", "b"):
                link[side]["doc"] = stored.get(link[side]["doc_id"], "?")
            link["command"] = command
            links.append(link)

    def score(kinds: set[str], label: str) -> dict[str, Any]:
        shown = [ln for ln in links if ln["kind"] in kinds]
        gold = [i for i, p in enumerate(pairs) if p["label"] == label]
        right = [ln for ln in shown if any(hit(ln, spans[i]) for i in gold)]
        found = [i for i in gold if any(hit(ln, spans[i]) for ln in shown)]

        def within(ln: Mapping[str, Any]) -> bool:
            return bool(ln["a"]["doc"] == ln["b"]["doc"])

        def share(num: int, den: int) -> float | None:
            return num / den if den else None

        by_slot: dict[str, dict[str, Any]] = {}
        for slot in sorted({pairs[i]["slot"] for i in gold}):
            mine = [i for i in gold if pairs[i]["slot"] == slot]
            got = [i for i in mine if i in found]
            by_slot[slot] = {"pairs": len(mine), "found": len(got),
                             "recall": share(len(got), len(mine))}  # fmt: skip
        where: dict[str, dict[str, Any]] = {}
        for name, inside in (("within", True), ("across", False)):
            mine = [i for i in gold if (pairs[i]["a"]["doc"] == pairs[i]["b"]["doc"]) == inside]
            got = [i for i in mine if i in found]
            links_here = [ln for ln in shown if within(ln) == inside]
            right_here = [ln for ln in links_here if ln in right]
            where[name] = {
                "links": len(links_here),
                "precision": share(len(right_here), len(links_here)),
                "pairs": len(mine),
                "recall": share(len(got), len(mine)),
            }
        rules: dict[str, dict[str, int]] = {}
        for ln in shown:
            r = rules.setdefault(ln["explanation"]["rule"], {"links": 0, "right": 0})
            r["links"] += 1
            r["right"] += ln in right
        return {
            "links": len(shown),
            "precision": share(len(right), len(shown)),
            "pairs": len(gold),
            "recall": share(len(found), len(gold)),
            "by_slot": by_slot,
            "within_across": where,
            "by_rule": rules,
            "_wrong": [ln for ln in shown if ln not in right],
            "_missed": [pairs[i] for i in gold if i not in found],
        }

    def labels(ln: Mapping[str, Any]) -> str:
        got = [f"{p['id']} {p['label']}" for p, sp in zip(pairs, spans, strict=True)
               if hit(ln, sp)]  # fmt: skip
        return ", ".join(got) or "no labelled pair"

    conflicts = score({"contradiction", "differs", "quote_drift"}, "conflict")
    updates = score({"update"}, "update")
    restatements = score({"restatement"}, "restatement")
    unrelated = [i for i, p in enumerate(pairs) if p["label"] == "unrelated"]
    linked_unrelated = sorted(
        {pairs[i]["id"] for i in unrelated for ln in links
         if ln["kind"] != "propagation" and hit(ln, spans[i])}
    )  # fmt: skip
    summary = {
        "documents": len(documents),
        "pairs": len(pairs),
        "links": len(links),
        "kinds": sorted({ln["kind"] for ln in links}),
        "conflicts": {k: v for k, v in conflicts.items() if not k.startswith("_")},
        "updates": {k: v for k, v in updates.items() if not k.startswith("_")},
        "restatements": {k: v for k, v in restatements.items() if not k.startswith("_")},
        "unrelated_pairs": len(unrelated),
        "unrelated_linked": linked_unrelated,
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        c, u = summary["conflicts"], summary["updates"]
        fmt = lambda x: "-" if x is None else f"{x:.3f}"  # noqa: E731
        print(
            f"{len(documents)} documents, {len(pairs)} labelled pairs, {len(links)} links "
            f"({', '.join(summary['kinds'])}); conflicts: precision {fmt(c['precision'])} "
            f"of {c['links']} links, recall {fmt(c['recall'])} of {c['pairs']} pairs; "
            f"updates: precision {fmt(u['precision'])} of {u['links']}, "
            f"recall {fmt(u['recall'])} of {u['pairs']}; "
            f"unrelated pairs linked (any kind): {len(linked_unrelated)} of {len(unrelated)}"
        )
    if args.details and not args.json:
        r = summary["restatements"]
        print(
            f"restatements: precision {fmt(r['precision'])} of {r['links']} links, "
            f"recall {fmt(r['recall'])} of {r['pairs']} pairs (figures and dates only)"
        )
        if linked_unrelated:
            print(f"unrelated pairs linked: {', '.join(linked_unrelated)}")
        for name in ("conflicts", "updates"):
            part = summary[name]
            print(f"{name}:")
            for slot, v in part["by_slot"].items():
                print(f"  slot {slot:9} recall {v['found']}/{v['pairs']}")
            for w, v in part["within_across"].items():
                p_, r_ = v["precision"], v["recall"]
                print(f"  {w:7} links {v['links']:3} precision "
                      f"{'-' if p_ is None else f'{p_:.3f}'}  pairs {v['pairs']:3} recall "
                      f"{'-' if r_ is None else f'{r_:.3f}'}")  # fmt: skip
            for rule, v in sorted(part["by_rule"].items()):
                print(f"  rule {rule:32} {v['right']}/{v['links']} right")
    if args.errors:
        for ln in [*conflicts["_wrong"], *updates["_wrong"]]:
            a, b = ln["a"], ln["b"]
            print(f"wrong {ln['kind']} ({ln['explanation']['rule']}; {labels(ln)}): "
                  f"{a['doc']} {a['text']!r} / {b['doc']} {b['text']!r}")  # fmt: skip
        for p in conflicts["_missed"]:
            print(f"missed {p['id']} ({p['slot']}): {p['a']['text']!r} / {p['b']['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
