"""Verdicts on the team's contrast set (issue #13, point 3).

    python bench/verdict_contrast.py [--data tests/data/verdicts] [--work DIR] [--json] [--errors]

Stores every passage of ``passages.jsonl`` in one evidence store (each passage a document
of its own, so a cited passage is known by its id), then runs the ``claims`` and
``verdicts`` analyzers over every claim of ``claims.jsonl`` (one document each, with its
publication date; every claim is checked, check-worthy or not) and compares the verdict
with the label: accuracy over the three classes, the confusion table, how many refuted
claims were called supported (the issue allows none), and whether a supported or refuted
verdict cites one of the labelled passages.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "verdicts"
VERDICTS = ("supported", "refuted", "not verified")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise SystemExit(f"missing {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true")
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
    config = {
        "pipeline": {"analyzers": ["claims", "verdicts"]},
        "analyzers": {"verdicts": {"db": db, "checkworthy_only": False}},
    }
    documents = [Document(c["text"], published=c.get("published"), id=c["id"]) for c in claims]
    confusion: Counter[tuple[str, str]] = Counter()
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
                said = str(p.get("text", "")).strip()  # type: ignore[union-attr]
                cited |= {q["id"] for q in passages if said and said in q["text"]}
            if not v.attributes.get("passages"):
                verdict = "not verified"  # never a verdict without cited passages
        confusion[(case["verdict"], verdict)] += 1
        if verdict in ("supported", "refuted") and verdict == case["verdict"]:
            cited_n += 1
            cited_ok += bool(cited & set(case["evidence"]))
        if verdict != case["verdict"]:
            errors.append(
                f"{case['id']} want {case['verdict']} got {verdict} [{case['trap']}] {case['text']}"
            )
    n = sum(confusion.values())
    right = sum(v for (g, p), v in confusion.items() if g == p)
    summary = {
        "claims": n,
        "accuracy": right / n,
        "refuted_called_supported": confusion[("refuted", "supported")],
        "right_verdicts_citing_labelled_evidence": f"{cited_ok}/{cited_n}",
        "confusion": {f"{g} -> {p}": v for (g, p), v in sorted(confusion.items())},
    }
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
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
