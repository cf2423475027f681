"""Timelines on the team's labelled set (issue #16, point 2).

    python bench/timelines.py [--data tests/data/timelines] [--work DIR] [--json [FILE]]
        [--errors]

Ingests the ten texts of ``documents.jsonl`` into one corpus store (``unspin corpus
ingest``, the default pipeline) and reads the corpus timeline back through the command line
(``unspin corpus timeline -f json``). Each labelled mention of ``mentions.jsonl`` is found
among the timeline's mentions by its document and the offsets of its date expression
(the anchors overlap). Scores:

* date resolution accuracy: labelled mentions whose resolved date equals the gold ISO
  date (a gold null, a date with nothing to resolve it against, must stay unresolved); a
  mention the timeline lacks counts as wrong;
* order: for every two gold events whose dates do not overlap (a month is its days), the
  timeline must place the events holding their mentions in that order; Kendall's tau over
  those pairs (a pair whose events are one, or missing, counts as discordant), and "order
  correct" when every pair is concordant;
* merging: pairs of labelled mentions in different documents, same gold event vs same
  timeline event (precision, recall);
* conflicts: the gold events with conflicting dates that are flagged, and flagged events
  holding no such gold event.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "timelines"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from contradiction_contrast import _cli, ingest_set  # noqa: E402  (one way to ingest a set)
from verdict_contrast import read_jsonl  # noqa: E402  (one reader for the contrast sets)


def _share(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score(
    documents: Mapping[str, Mapping[str, Any]],
    mentions: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
    timeline: Mapping[str, Any],
) -> dict[str, Any]:
    """The scores of a timeline (``-f json`` output, documents under our ids) on the set."""
    from unspin.timelines.dates import interval

    order = [*timeline["events"], *timeline["undated"]]
    dated_ids = [e["id"] for e in timeline["events"]]
    found: list[tuple[Mapping[str, Any], Mapping[str, Any] | None, str | None]] = []
    for g in mentions:
        text = documents[g["doc"]]["text"]
        start = text.index(g["date_text"])
        end = start + len(g["date_text"])
        hit = None
        for e in order:
            for m in e["mentions"]:
                a = m["anchor"]
                if m["doc"] == g["doc"] and a["start"] < end and start < a["end"]:
                    hit = (m, e["id"])
        found.append((g, hit[0] if hit else None, hit[1] if hit else None))
    right = [g for g, m, _ in found if m is not None and m["date"] == g["iso"]]
    wrong = [
        {"doc": g["doc"], "date_text": g["date_text"], "gold": g["iso"],
         "got": None if m is None else m["date"], "found": m is not None}
        for g, m, _ in found if m is None or m["date"] != g["iso"]
    ]  # fmt: skip
    same_precision = sum(
        1 for g, m, _ in found if m is not None and m["precision"] == g["precision"]
    )

    # the timeline event holding each gold event (its mentions' majority)
    holder: dict[str, str | None] = {}
    for ev in events:
        ids = [eid for g, _, eid in found if g["event"] == ev["event"] and eid is not None]
        holder[ev["event"]] = Counter(ids).most_common(1)[0][0] if ids else None
    dated = [e for e in events if e["date"]]
    concordant = discordant = 0
    bad_pairs = []
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            ia, ib = interval(a["date"]), interval(b["date"])
            assert ia is not None and ib is not None
            if not (ia.last < ib.first or ib.last < ia.first):
                continue  # overlapping dates: no known order
            first, second = (a, b) if ia.last < ib.first else (b, a)
            ha, hb = holder[first["event"]], holder[second["event"]]
            if ha in dated_ids and hb in dated_ids and dated_ids.index(ha) < dated_ids.index(hb):
                concordant += 1
            else:
                discordant += 1
                bad_pairs.append(f"{first['event']} < {second['event']}")
    pairs = concordant + discordant

    same_gold = same_pred = both = 0
    for i, (g1, _, e1) in enumerate(found):
        for g2, _, e2 in found[i + 1 :]:
            if g1["doc"] == g2["doc"]:
                continue
            gold = g1["event"] == g2["event"]
            pred = e1 is not None and e1 == e2
            same_gold += gold
            same_pred += pred
            both += gold and pred
    by_id = {e["id"]: e for e in order}
    gold_conflicts = [e["event"] for e in events if e["conflict"]]
    flagged = [ev for ev in gold_conflicts if holder[ev] and by_id[holder[ev]]["conflict"]]
    conflict_keys = {holder[ev] for ev in gold_conflicts}
    false_flags = [e["what"] for e in order if e["conflict"] and e["id"] not in conflict_keys]
    return {
        "documents": len(documents),
        "mentions": len(mentions),
        "events": len(events),
        "dated_events": len(dated),
        "found": sum(1 for _, m, _ in found if m is not None),
        "date_accuracy": _share(len(right), len(mentions)),
        "precision_accuracy": _share(same_precision, len(mentions)),
        "order": {
            "pairs": pairs,
            "concordant": concordant,
            "kendall_tau": round((concordant - discordant) / pairs, 4) if pairs else None,
            "correct": discordant == 0,
        },
        "merge": {"precision": _share(both, same_pred), "recall": _share(both, same_gold)},
        "conflicts": {
            "gold": len(gold_conflicts),
            "flagged": len(flagged),
            "false_flags": len(false_flags),
        },
        "timeline_events": len(order),
        "_wrong": wrong,
        "_bad_pairs": bad_pairs,
        "_false_flags": false_flags,
    }


def _timeline(db: str, ours: Mapping[str, str]) -> dict[str, Any]:
    """``unspin corpus timeline -f json`` with each mention's ``doc`` set to our id."""
    timeline: dict[str, Any] = json.loads(_cli(["corpus", "timeline", "--db", db, "-f", "json"]))
    for e in [*timeline["events"], *timeline["undated"]]:
        for m in e["mentions"]:
            m["doc"] = ours.get(m["document_id"], "?")
    return timeline


def date_pairs(data: Path, work: Path) -> dict[str, Any]:
    """The date-slot pairs of a contradiction set (``documents.jsonl`` + ``pairs.jsonl``,
    e.g. tests/data/contradictions): its texts ingested into a store of their own, a pair
    is *found* when a timeline event holds a mention of both statements, and a conflict
    pair is *flagged* when that event is flagged; flagged events holding no labelled date
    conflict are counted apart (``other_flags``)."""
    documents = {d["id"]: d for d in read_jsonl(data / "documents.jsonl")}
    pairs = [p for p in read_jsonl(data / "pairs.jsonl") if p["slot"] == "date"]
    db, ours = ingest_set(documents, work)
    timeline = _timeline(db, ours)
    order = [*timeline["events"], *timeline["undated"]]

    def holders(side: Mapping[str, Any]) -> set[str]:
        text = documents[side["doc"]]["text"]
        start = text.index(side["text"])
        end = start + len(side["text"])
        return {
            e["id"]
            for e in order
            for m in e["mentions"]
            if m["doc"] == side["doc"] and m["anchor"]["start"] < end and start < m["anchor"]["end"]
        }

    flagged_ids = {e["id"] for e in order if e["conflict"]}
    out: dict[str, Any] = {"documents": len(documents)}
    explained: set[str] = set()
    for label in ("conflict", "restatement"):
        mine = [p for p in pairs if p["label"] == label]
        found = flagged = 0
        for p in mine:
            common = holders(p["a"]) & holders(p["b"])
            found += bool(common)
            flagged += bool(common & flagged_ids)
            if label == "conflict":
                explained |= common
        out[label] = {"pairs": len(mine), "same_event": found, "flagged": flagged}
    others = [e for e in order if e["conflict"] and e["id"] not in explained]
    out["other_flags"] = len(others)
    out["_other_flags"] = [e["conflict_note"] for e in others]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument(
        "--json", nargs="?", const="-", metavar="FILE", help="the scores as JSON (to FILE)"
    )
    ap.add_argument("--cache", type=Path, help="accepted for the quality gates; unused")
    ap.add_argument("--threads", type=int, help="accepted for the quality gates; unused")
    ap.add_argument("--errors", action="store_true", help="list wrong dates and pairs")
    ap.add_argument(
        "--date-pairs", type=Path, metavar="DIR",
        help="also score the date-slot pairs of a contradiction set (tests/data/contradictions)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    started = time.perf_counter()
    documents = {d["id"]: d for d in read_jsonl(args.data / "documents.jsonl")}
    mentions = read_jsonl(args.data / "mentions.jsonl")
    events = read_jsonl(args.data / "events.jsonl")

    work = args.work or Path(tempfile.mkdtemp(prefix="unspin-timelines-"))
    db, ours = ingest_set(documents, work)
    result = score(documents, mentions, events, _timeline(db, ours))
    if args.date_pairs is not None:
        pairs = date_pairs(args.date_pairs, work / "date-pairs")
        result["date_pairs"] = {k: v for k, v in pairs.items() if not k.startswith("_")}
        result["_other_flags"] = pairs["_other_flags"]
    result["seconds"] = round(time.perf_counter() - started, 1)
    shown = {k: v for k, v in result.items() if not k.startswith("_")}
    if args.errors:
        shown.update({k[1:]: v for k, v in result.items() if k.startswith("_")})
    if args.json and args.json != "-":
        Path(args.json).write_text(json.dumps(shown, indent=2) + "\n", encoding="utf-8")
    if args.json == "-":
        print(json.dumps(shown, indent=2))
    else:
        o, mg, c = result["order"], result["merge"], result["conflicts"]
        print(
            f"{result['documents']} documents, {result['mentions']} labelled mentions of "
            f"{result['events']} events ({result['dated_events']} dated); found "
            f"{result['found']}; date accuracy {result['date_accuracy']}, precision "
            f"{result['precision_accuracy']}; order: {o['concordant']}/{o['pairs']} pairs "
            f"concordant, Kendall tau {o['kendall_tau']}, correct: {o['correct']}; merge "
            f"precision {mg['precision']}, recall {mg['recall']}; conflicts flagged "
            f"{c['flagged']}/{c['gold']}, false flags {c['false_flags']}; {result['seconds']} s"
        )
        if "date_pairs" in result:
            dp = result["date_pairs"]
            print(
                f"date pairs of {args.date_pairs} ({dp['documents']} documents): conflicts "
                f"flagged {dp['conflict']['flagged']}/{dp['conflict']['pairs']} (in one event "
                f"{dp['conflict']['same_event']}); restatements in one event "
                f"{dp['restatement']['same_event']}/{dp['restatement']['pairs']}; other "
                f"events flagged {dp['other_flags']}"
            )
        if args.errors:
            for k in ("_wrong", "_bad_pairs", "_false_flags", "_other_flags"):
                for item in result.get(k, ()):
                    print(f"  {k[1:]}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
