"""Check the fact-check matching contrast set against the shared CheckThat! 2020 dev data.

Stdlib only. Usage (from the repository root):

    python tests/data/factcheck_edits/check.py [--data DIR] [--show]

DIR defaults to ``../shared/data/claim-retrieval`` next to the repository root (or the
``UNSPIN_CLAIM_RETRIEVAL`` environment variable). ``--show`` prints every edited tweet.
Exit status 1 on any problem.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLOTS = ("number", "date", "polarity", "actor")
EDIT_KEYS = {"tweet_id", "vclaim_id", "slot", "find", "replace", "why"}
CONTROL_KEYS = {"tweet_id", "vclaim_id"}
MAX_FIND = 80  # a find is a short excerpt: no long third-party text in the repo


def default_data_dir() -> Path:
    env = os.environ.get("UNSPIN_CLAIM_RETRIEVAL")
    if env:
        return Path(env)
    return HERE.parents[2].parent / "shared" / "data" / "claim-retrieval"


def read_tsv(path: Path) -> dict[str, str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {row[0]: row[1] for row in rows}


def read_qrels(path: Path) -> dict[str, set[str]]:
    gold: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tweet_id, _, vclaim_id, _ = line.split()
            gold.setdefault(tweet_id, set()).add(vclaim_id)
    return gold


def read_jsonl(path: Path, problems: list[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path.name}:{number}: bad JSON ({error})")
            continue
        if not isinstance(row, dict) or not all(isinstance(v, str) for v in row.values()):
            problems.append(f"{path.name}:{number}: not an object of strings")
            continue
        rows.append(row)
    return rows


def apply_edit(text: str, find: str, replace: str) -> str:
    """The edited tweet: the single occurrence of ``find`` replaced by ``replace``."""
    return text.replace(find, replace, 1)


def check_edits(
    edits: list[dict[str, str]],
    tweets: dict[str, str],
    gold: dict[str, set[str]],
    problems: list[str],
    show: bool,
) -> None:
    seen_slots: set[tuple[str, str]] = set()
    for number, edit in enumerate(edits, 1):
        where = f"edits.jsonl:{number}"
        if set(edit) != EDIT_KEYS:
            problems.append(f"{where}: keys {sorted(edit)} != {sorted(EDIT_KEYS)}")
            continue
        tweet_id, find, replace = edit["tweet_id"], edit["find"], edit["replace"]
        if tweet_id not in tweets:
            problems.append(f"{where}: tweet {tweet_id} is not a dev tweet")
            continue
        if edit["vclaim_id"] not in gold.get(tweet_id, set()):
            problems.append(f"{where}: vclaim {edit['vclaim_id']} is not gold for {tweet_id}")
        if edit["slot"] not in SLOTS:
            problems.append(f"{where}: slot {edit['slot']!r} not in {SLOTS}")
        if (tweet_id, edit["slot"]) in seen_slots:
            problems.append(f"{where}: a second {edit['slot']} edit of tweet {tweet_id}")
        seen_slots.add((tweet_id, edit["slot"]))
        count = tweets[tweet_id].count(find) if find else 0
        if count != 1:
            problems.append(f"{where}: find {find!r} occurs {count} times in tweet {tweet_id}")
            continue
        if len(find) > MAX_FIND:
            problems.append(f"{where}: find is {len(find)} characters (max {MAX_FIND})")
        if replace == find or not edit["why"].strip():
            problems.append(f"{where}: empty edit or empty why")
        if show:
            print(f"[{tweet_id}/{edit['slot']}] {apply_edit(tweets[tweet_id], find, replace)}")
            print(f"    why: {edit['why']}")


def check_controls(
    controls: list[dict[str, str]], gold: dict[str, set[str]], problems: list[str]
) -> None:
    pairs = set()
    for number, control in enumerate(controls, 1):
        if set(control) != CONTROL_KEYS:
            problems.append(f"controls.jsonl:{number}: keys {sorted(control)}")
            continue
        pair = (control["tweet_id"], control["vclaim_id"])
        if pair[1] not in gold.get(pair[0], set()):
            problems.append(f"controls.jsonl:{number}: {pair} is not a gold dev pair")
        if pair in pairs:
            problems.append(f"controls.jsonl:{number}: duplicate {pair}")
        pairs.add(pair)
    missing = {(t, v) for t, vs in gold.items() for v in vs} - pairs
    if missing:
        problems.append(f"controls.jsonl: {len(missing)} gold dev pairs missing")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--show", action="store_true", help="print every edited tweet")
    args = parser.parse_args(argv)
    data: Path = args.data
    problems: list[str] = []
    try:
        tweets = read_tsv(data / "dev" / "tweets.queries.tsv")
        gold = read_qrels(data / "dev" / "tweet-vclaim-pairs.qrels")
        claims = read_tsv(data / "verified_claims.docs.tsv")
    except OSError as error:
        print(f"cannot read the shared data under {data}: {error}", file=sys.stderr)
        return 1
    if any(v not in claims for vs in gold.values() for v in vs):
        problems.append("qrels name a vclaim that is not in verified_claims.docs.tsv")
    edits = read_jsonl(HERE / "edits.jsonl", problems)
    controls = read_jsonl(HERE / "controls.jsonl", problems)
    check_edits(edits, tweets, gold, problems, args.show)
    check_controls(controls, gold, problems)
    slots = Counter(edit.get("slot", "?") for edit in edits)
    covered = {edit.get("tweet_id") for edit in edits}
    print(f"edits: {len(edits)} on {len(covered)} of {len(tweets)} dev tweets")
    for slot in SLOTS:
        share = slots[slot] / len(edits) if edits else 0.0
        print(f"  {slot:9s} {slots[slot]:4d}  ({share:.0%})")
    print(f"controls: {len(controls)} (gold dev pairs: {sum(len(v) for v in gold.values())})")
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
