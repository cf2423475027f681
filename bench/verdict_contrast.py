"""Verdicts on the team's contrast set (issue #13, point 3).

    python bench/verdict_contrast.py [--data tests/data/verdicts] [--work DIR] [--json] [--errors]
        [--set analyzers.verdicts.OPTION=VALUE ...] [--dump FILE]

Stores every passage of ``passages.jsonl`` in one evidence store (each passage a document
of its own, so a cited passage is known by its id), then runs the ``claims`` and
``verdicts`` analyzers over every claim of ``claims.jsonl`` (one document each, with its
publication date; every claim is checked, check-worthy or not) and compares the verdict
with the label: accuracy over the three classes, the confusion table, how many refuted
claims were called supported (the issue allows none), and whether a supported or refuted
verdict cites one of the labelled passages; accuracy per trap type. ``--set`` changes a
verdicts option (``--set stance_model=none``); ``--dump`` writes each claim's verdict with
its passages' checks (JSON Lines) for reading errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "verdicts"
VERDICTS = ("supported", "refuted", "not verified")


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


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--set", action="append", default=[], help="a verdicts option: NAME=VALUE")
    ap.add_argument("--dump", type=Path, default=None, help="each claim's verdict (JSON Lines)")
    args = ap.parse_args(argv)
    passages = read_jsonl(args.data / "passages.jsonl")
    claims = read_jsonl(args.data / "claims.jsonl")

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
    from unspin.cli import main as cli

    code = cli(["evidence", "add", "--db", db, "-q", str(docs)])
    if code:
        raise SystemExit(f"unspin evidence add failed ({code})")
    options: dict[str, Any] = {"db": db, "checkworthy_only": False}
    for item in args.set:
        name, _, value = item.partition("=")
        options[name] = _value(value)
    config = {"pipeline": {"analyzers": ["claims", "verdicts"]}, "analyzers": {"verdicts": options}}
    documents = [Document(c["text"], published=c.get("published"), id=c["id"]) for c in claims]
    confusion: Counter[tuple[str, str]] = Counter()
    traps: Counter[tuple[str, bool]] = Counter()
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
                f"{case['id']} want {case['verdict']} got {verdict} [{case['trap']}] {case['text']}"
            )
    n = sum(confusion.values())
    right = sum(v for (g, p), v in confusion.items() if g == p)
    by_trap = {
        t: f"{traps[(t, True)]}/{traps[(t, True)] + traps[(t, False)]}"
        for t in sorted({t for t, _ in traps})
    }
    summary = {
        "claims": n,
        "accuracy": right / n,
        "refuted_called_supported": confusion[("refuted", "supported")],
        "right_verdicts_citing_labelled_evidence": f"{cited_ok}/{cited_n}",
        "confusion": {f"{g} -> {p}": v for (g, p), v in sorted(confusion.items())},
        "by_trap": by_trap,
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
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
