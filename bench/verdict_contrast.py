"""Verdicts on the team's contrast set (issue #13, point 3).

    python bench/verdict_contrast.py [--data tests/data/verdicts] [--work DIR] [--json] [--errors]
        [--set OPTION=VALUE ...] [--dump FILE] [--timing [--cold]] [--half dev|check]
    python bench/verdict_contrast.py --climate-fever [--limit N] [--set OPTION=VALUE ...]

Stores every passage of ``passages.jsonl`` in one evidence store (each passage a document
of its own, so a cited passage is known by its id), then runs the ``claims`` and
``verdicts`` analyzers over every claim of ``claims.jsonl`` (one document each, with its
publication date; every claim is checked, check-worthy or not) and compares the verdict
with the label: accuracy over the three classes, the confusion table, how many refuted
claims were called supported (the issue allows none), and whether a supported or refuted
verdict cites one of the labelled passages; accuracy per trap type and per half.

**Halves**: every claim falls in the ``dev`` or the ``check`` half by a seeded hash of its
id (:func:`half`, SHA-256 of ``"unspin-verdicts-13:<id>"``, even: dev), fixed before the
verdict rules were tuned on the dev half only; ``--half dev`` runs one half (the store
still holds all the passages). ``--set`` changes a
verdicts option (``--set stance_model=none``); ``--dump`` writes each claim's verdict with
its passages' checks (JSON Lines) for reading errors. ``--timing`` times the ``verdicts``
analyzer alone (retrieval, passage parsing and frames, checks) per claim; ``--cold``
empties its passage and word caches before every claim (every passage parsed anew).

``--climate-fever`` runs the same frame rule (no store: each claim against its own five
evidence sentences, the article name as title) over ``../shared/data/climate-fever`` and
reports claim-level macro-F1 with the DISPUTED claims left out (supported / refuted / not
verified against SUPPORTS / REFUTES / NOT_ENOUGH_INFO; "mixed" counts as wrong), the
figure the stance model card gives for the stance rule.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "verdicts"
VERDICTS = ("supported", "refuted", "not verified")
HALVES = ("dev", "check")


def half(claim_id: str) -> str:
    """The half a claim belongs to: ``dev`` (tuned on) or ``check`` (held out)."""
    digest = hashlib.sha256(f"unspin-verdicts-13:{claim_id}".encode()).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "check"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise SystemExit(f"missing {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _value(text: str) -> Any:
    """An option value: JSON when it reads as JSON (numbers, true, false), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def _plain(value: Any) -> Any:
    """Frozen attribute values (mappings, tuples) as plain JSON."""
    return dict(value) if isinstance(value, Mapping) else list(value)


def _time_verdicts(timings: list[float], *, cold: bool) -> None:
    """Record the wall time of every ``verdicts`` run (one claim per document here)."""
    from unspin.evidence.analyzer import VerdictsAnalyzer

    run = VerdictsAnalyzer.run

    def timed(self: VerdictsAnalyzer, ctx: Any) -> Any:
        if cold:
            for cache in (self._reader, self._matcher):
                if cache is not None:
                    cache.clear()
        start = time.perf_counter()
        try:
            return run(self, ctx)
        finally:
            timings.append(time.perf_counter() - start)

    VerdictsAnalyzer.run = timed  # type: ignore[method-assign]


def _macro_f1(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def climate_fever(args: argparse.Namespace) -> int:
    """The frame rule over Climate-FEVER's claims and their five evidences each."""
    from unspin.evidence.frame_checks import (
        Reading,
        check_passage,
        read_parsed,
        title_words,
    )
    from unspin.evidence.passages import PassageReader
    from unspin.evidence.synonyms import WordMatcher
    from unspin.evidence.tables import EvidencePassage
    from unspin.evidence.verdict import VERDICT_TO_CLIMATE_FEVER, combine
    from unspin.frames import sentence_frames
    from unspin.nlp import SpacyBackbone

    path = ROOT.parent / "shared" / "data" / "climate-fever" / "climate-fever-train.jsonl"
    rows = [r for r in read_jsonl(path) if r["claim_label"] != "DISPUTED"]
    rows = rows[: args.limit] if args.limit else rows
    options = {k: _value(v) for k, v in (item.partition("=")[::2] for item in args.set)}
    backbone = SpacyBackbone()
    reader = PassageReader(backbone)
    matcher = WordMatcher(backbone) if options.get("synonyms", True) else None
    claims = backbone.parse_many([r["claim"] for r in rows])
    import numpy as np

    def unit(texts: list[str]) -> Any:
        v = np.asarray(backbone.embed(texts), dtype=np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)

    claim_vectors = unit([r["claim"] for r in rows])
    pairs: list[tuple[str, str]] = []
    counts: Counter[tuple[str, str]] = Counter()
    start = time.perf_counter()
    for row, parsed, vector in zip(rows, claims, claim_vectors, strict=True):
        frames = [f.to_json(parsed.text) for f in sentence_frames(parsed)]
        claim = read_parsed(parsed, frames)
        claim = Reading(claim.sentences[:1])
        found = [
            EvidencePassage(e["evidence_id"], e.get("article"), None, None, 0, 0, 0, e["evidence"])
            for e in row["evidences"]
        ]
        cosines = unit([p.text for p in found]) @ vector
        checks = [
            check_passage(
                claim, reading, title_words(p.title), matcher=matcher, similarity=float(cos)
            )
            for p, reading, cos in zip(found, reader.read(found), cosines, strict=True)
        ]
        verdict = combine([(c.stance, c.about) for c in checks]).verdict
        predicted = VERDICT_TO_CLIMATE_FEVER[verdict]
        pairs.append((row["claim_label"], predicted))
        counts[(row["claim_label"], predicted)] += 1
    seconds = time.perf_counter() - start
    labels = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
    summary = {
        "claims": len(rows),
        "claim_macro_f1_3": round(_macro_f1(pairs, labels), 4),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
        "confusion": {f"{g} -> {p}": n for (g, p), n in sorted(counts.items())},
        "seconds_per_claim": round(seconds / len(rows), 4),
    }
    print(json.dumps(summary, indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="a verdicts option: NAME=VALUE")
    ap.add_argument("--dump", type=Path, default=None, help="each claim's verdict (JSON Lines)")
    ap.add_argument("--timing", action="store_true", help="seconds per claim of the analyzer")
    ap.add_argument("--cold", action="store_true", help="with --timing: no cache between claims")
    ap.add_argument("--climate-fever", action="store_true", help="the frame rule on Climate-FEVER")
    ap.add_argument("--limit", type=int, default=0, help="Climate-FEVER claims (0: all)")
    ap.add_argument("--half", choices=HALVES, default=None, help="run one half of the claims")
    args = ap.parse_args(argv)
    if args.climate_fever:
        return climate_fever(args)
    timings: list[float] = []
    if args.timing:
        _time_verdicts(timings, cold=args.cold)
    passages = read_jsonl(args.data / "passages.jsonl")
    claims = read_jsonl(args.data / "claims.jsonl")
    if args.half:
        claims = [c for c in claims if half(c["id"]) == args.half]

    import unspin
    from unspin.model import Document

    work = args.work or Path(tempfile.mkdtemp(prefix="unspin-verdicts-"))
    work.mkdir(parents=True, exist_ok=True)
    docs = work / "passages.jsonl"
    with docs.open("w", encoding="utf-8") as out:
        for p in passages:
            row = {"id": p["id"], "text": p["text"], "title": p.get("title")}
            row["published"] = p.get("published")
            out.write(json.dumps(row) + "\n")
    db = f"sqlite:///{work / 'evidence.db'}"
    from unspin.app.evidence import add_evidence

    added = add_evidence(db, [docs])
    if not added.report.ok or not added.passages:
        raise SystemExit(f"adding the evidence failed: {added.report.errors[:3]}")
    options: dict[str, Any] = {"db": db, "checkworthy_only": False}
    for item in args.set:
        name, _, value = item.partition("=")
        options[name] = _value(value)
    config = {"pipeline": {"analyzers": ["claims", "verdicts"]}, "analyzers": {"verdicts": options}}
    documents = [Document(c["text"], published=c.get("published"), id=c["id"]) for c in claims]
    confusion: Counter[tuple[str, str]] = Counter()
    traps: Counter[tuple[str, bool]] = Counter()
    halves: Counter[tuple[str, bool]] = Counter()
    refuted_supported: Counter[str] = Counter()
    dump = []
    cited_ok = cited_n = 0
    errors = []
    for case, analysis in zip(claims, unspin.analyze_many(documents, config), strict=True):
        found = analysis.by_kind("verdict")
        verdict = "not verified"
        cited: set[str] = set()
        if found:
            v = max(found, key=lambda f: f.end - f.start)
            verdict = str(v.attributes.get("verdict") or v.label)
            for p in v.attributes.get("passages") or ():
                # the store names documents its own way: find the passage by its words
                said = str(p.get("text", "")).strip() if isinstance(p, Mapping) else ""
                cited |= {q["id"] for q in passages if said and said in q["text"]}
            if not v.attributes.get("passages"):
                verdict = "not verified"  # never a verdict without cited passages
        confusion[(case["verdict"], verdict)] += 1
        traps[(case["trap"], verdict == case["verdict"])] += 1
        halves[(half(case["id"]), verdict == case["verdict"])] += 1
        if case["verdict"] == "refuted" and verdict == "supported":
            refuted_supported[half(case["id"])] += 1
        if args.dump is not None:
            dump.append(
                {
                    "id": case["id"],
                    "want": case["verdict"],
                    "got": verdict,
                    "trap": case["trap"],
                    "text": case["text"],
                    "evidence": case["evidence"],
                    "cited": sorted(cited),
                    "detail": found[0].explanation.detail if found else None,
                    "passages": found[0].attributes.get("passages") if found else None,
                    "checked": found[0].attributes.get("checked") if found else None,
                }
            )
        if verdict in ("supported", "refuted") and verdict == case["verdict"]:
            cited_n += 1
            cited_ok += bool(cited & set(case["evidence"]))
        if verdict != case["verdict"]:
            errors.append(
                f"{case['id']} ({half(case['id'])}) want {case['verdict']} got {verdict} "
                f"[{case['trap']}] {case['text']}"
            )
    n = sum(confusion.values())
    right = sum(v for (g, p), v in confusion.items() if g == p)
    by_trap = {
        t: f"{traps[(t, True)]}/{traps[(t, True)] + traps[(t, False)]}"
        for t in sorted({t for t, _ in traps})
    }
    by_half: dict[str, dict[str, Any]] = {
        h: {
            "claims": halves[(h, True)] + halves[(h, False)],
            "accuracy": round(
                halves[(h, True)] / max(1, sum(halves[(h, x)] for x in (True, False))), 4
            ),
            "refuted_called_supported": refuted_supported[h],
        }
        for h in HALVES
        if halves[(h, True)] + halves[(h, False)]
    }
    summary = {
        "claims": n,
        "accuracy": right / n,
        "refuted_called_supported": confusion[("refuted", "supported")],
        "right_verdicts_citing_labelled_evidence": f"{cited_ok}/{cited_n}",
        "confusion": {f"{g} -> {p}": v for (g, p), v in sorted(confusion.items())},
        "by_trap": by_trap,
        "by_half": by_half,
    }
    if timings:
        summary["seconds_per_claim"] = {
            "mean": round(statistics.mean(timings), 4),
            "median": round(statistics.median(timings), 4),
            "p90": round(sorted(timings)[int(0.9 * (len(timings) - 1))], 4),
            "cold": args.cold,
        }
    if args.dump is not None:
        lines = "".join(json.dumps(d, default=_plain) + "\n" for d in dump)
        args.dump.write_text(lines, encoding="utf-8")
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(
            f"{n} claims: accuracy {summary['accuracy']:.3f}; refuted called supported: "
            f"{summary['refuted_called_supported']}; right verdicts citing a labelled passage: "
            f"{summary['right_verdicts_citing_labelled_evidence']}"
        )
        print("gold \\ predicted: " + ", ".join(VERDICTS))
        for g in VERDICTS:
            print(f"  {g:>12}: " + ", ".join(str(confusion[(g, p)]) for p in VERDICTS))
        print("by trap: " + ", ".join(f"{t} {v}" for t, v in by_trap.items()))
        print(
            "by half: "
            + "; ".join(
                f"{h} {v['accuracy']:.3f} of {v['claims']} ({v['refuted_called_supported']} "
                "refuted called supported)"
                for h, v in by_half.items()
            )
        )
        if timings:
            print(f"verdicts analyzer, seconds per claim: {summary['seconds_per_claim']}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
