"""Precision audit of the default report (issue #12, point 7): a seeded sample, judged.

    python bench/precision_audit.py sample --seed 12 --per-kind 40 [--at HEAD] [--out PATH]
    python bench/precision_audit.py show --reader A|B --kind KIND [--start i --count n]
    python bench/precision_audit.py judge --reader A|B < lines   # "ID VERDICT REASON" a line
    python bench/precision_audit.py score [--json]
    python bench/precision_audit.py text ARTICLE   # an article's whole text, for a reader
    (show, judge, score: --sample PATH, default bench/audit/sample.jsonl)

``sample`` exports the source tree of one commit (``--at``, default ``HEAD``; so a sample
is drawn from committed code, never from someone's half-edited working tree), runs the
DEFAULT pipeline of that commit (real models, default options: what the report shows by
default) over PTC articles of ``../shared/data/ptc/train-articles`` (or FNC-1 bodies:
``--corpus``) and draws a seeded, stratified sample of ``--per-kind`` findings of every
audited kind:

- first the 25 held-back gate articles of ``training/techniques/gate.json`` (the shipped
  techniques model never trained on them): the only articles technique findings come
  from; a technique with fewer findings there than ``--per-kind`` is taken whole (and
  the run says so);
- then, for the kinds not learned from PTC (sources, certainty, claims, dates, numbers:
  rules, or models trained on other data), further PTC articles in a seeded order: each
  such kind takes the shortest run of them after which it has ``--per-kind`` candidates
  (none when the gate articles suffice; so the pool depends on the commit and the seed
  only, not on how many articles were read at a time). The techniques analyzer does not
  run on them (it would only make findings that are never audited; no other analyzer
  reads them). An analyzer failure on an article is listed in the notes.

``--fresh PATH...`` draws a fresh round (round 3 on): no gate article (and so no
technique kind: the techniques model is audited on the gate alone) and none of the
articles earlier samples read (a ``.meta.json``: every article that draw analysed; a
sample ``.jsonl``: the articles of its items, the ones readers saw and fixes were made
on), so the sources, certainty, claims and frames findings are judged on articles nobody
has read while fixing what earlier rounds found. ``--spread K`` makes each kind read
further articles until at least K of them have a candidate of it, so no kind comes from
two or three articles only.

``--corpus ptc|fnc1 ...`` (default ``ptc``) says where the further articles come from:
PTC's train articles, or the news bodies of FNC-1 (``../shared/data/fnc1/
train_bodies.csv``: article id ``fnc1-<Body ID>``, the text the ``articleBody`` field
exactly as the CSV holds it, analysed as a plain-text document; only bodies of at least
1,200 characters, news articles rather than stubs: 1,237 of the 1,683; rounds 6-9 read
them all, so round 10 on draws from ``--fnc1-min-chars 600``: the 318 bodies of 600 to
1,199 characters, short news items, are the unread ones), or both, corpus
after corpus in the order given, each in the seed's order (``--corpus ptc fnc1``: the
PTC articles left first, then FNC-1). No shipped model trained on FNC-1 bodies except
the stance models, which the default report does not run. The gate articles (and so the
technique kinds) come only with ``ptc`` and without ``--fresh``: FNC-1 never gives a
technique kind. The id names the corpus, so ``show``, ``text``, ``audit_rematch.py`` and
``finding_diff.py`` find any item's text again (``audit_articles.article_text``) and
``--fresh`` never mistakes one corpus's article for the other's; the meta records
``corpus``.

``--over-floors`` (round 6 on): the report splits some kinds at a score floor
(``unspin.report.audited.SCORE_FLOORS``: attributions and quotations at 0.78, from
round 7 quantities at 0.6 and vague attributions at 0.7), showing
those under it only in an experimental "weak" layer; with this flag such a kind is drawn
from the findings at or over its floor only, so the round judges the layer the report may
highlight by default. The meta records ``floors``. ``--under-floors`` (round 11 on) draws
the other side: only the floored kinds, from their findings under the floor, the weak
layers the report shows only when picked (a round of its own, on articles the
``--over-floors`` round beside it did not read); the meta records ``under_floors``.

The work is split over ``audit_articles.py`` (the corpora, the pipeline run over them, an
item shown in its text) and ``audit_draw.py`` (audit items, anchors, the draw, scoring).

Audited kinds: ``quote``, ``speaker`` (speaker findings other than anonymous ones),
``anonymous`` (speaker and attribution findings whose source type is anonymous),
``attribution`` (the other attribution findings: reported content and its source, as the
report shows them; from round 2), ``hedge``, ``booster``, ``vague_attribution`` (a claim
pinned on an unnamed group: "critics say", "studies show"; from round 2), ``claim``
(claims flagged check-worthy: the report shows no other), ``responsibility`` (flagged
claims whose type is responsibility), ``date``, ``number`` (quantity findings) and
``technique:<label>`` for the five most frequent technique labels on the gate articles. A
finding with ``shown: false`` or ``candidate: true`` in its attributes is left out (the
default report does not show it). Within a kind, findings are drawn round-robin over the
articles (articles and findings in seeded order), so a kind is spread over as many
articles as it occurs in; a seeded quarter of each kind (at least 10) is marked ``blind``
for the second reader.

The sample file holds no article text: offsets, the label, the score, the analyzer and
its version, what the finding asserts (a speaker, a role, an actor as offsets into the
article; a normalised date or number as a value), and an anchor of hashes (SHA-1 of the
covered text and of the 40 characters either side, and the length) from which
:func:`rematch` finds the span again when offsets move. ``sample.meta.json`` next to it
records the commit, the seed, the articles read, the pool size of every kind and the
notes of the draw.

``show`` prints items for a reader with the covered text marked in about two sentences
of context, the kind, label, what the finding claims and the question to answer; reader
B sees only the blind quarter and no scores, rules or code details.

Judgements are JSON Lines next to the sample (``--sample``, default
``bench/audit/sample.jsonl``; round 2: ``bench/audit/round2/``), ``judgments-A.jsonl``
(every item) and ``judgments-B.jsonl`` (the blind quarter): ``{"id", "verdict":
"correct" | "wrong" | "unsure", "reason": one line, no article text}``.

``judge`` adds ``ID VERDICT REASON`` lines from stdin (verdict ``c``/``w``/``u`` for
short) to the reader's file, checked against the sample (reader B: blind items only).

``score`` prints precision per kind from reader A's verdicts (``unsure`` counts as
wrong), its count and 95 % Wilson interval, and reader agreement on the blind quarter
(percent agreement and Cohen's kappa, on correct vs not correct) as the table for the
README (``--json``: the figures). It exits 1 when an item lacks a judgement (A for every item, B
for the blind quarter), listing them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_articles import (
    CORPORA,
    FNC1_MIN_CHARS,
    GATE,
    GUIDE,
    ROOT,
    SKIP_EXTRA,
    analyze_articles,
    article_text,
    chunks,
    corpora_order,
    export_tree,
    git,
    load_analyses,
    read_before,
    read_jsonl,
    run_articles,
    show_item,
)
from audit_draw import (
    FIXED_KINDS,
    TECHNIQUE,
    VERDICTS,
    check_judgments,
    draw,
    further_needed,
    kind_order,
    markdown_table,
    pool_items,
    score,
    split_at,
    top_techniques,
    write_rows,
)

AUDIT = ROOT / "bench" / "audit"
SAMPLE = AUDIT / "sample.jsonl"


def sample_command(args: argparse.Namespace) -> int:
    if args.over_floors and args.under_floors:
        raise SystemExit("--over-floors and --under-floors draw different layers: give one")
    commit = git("rev-parse", args.at)
    tree = export_tree(commit)
    print(f"commit {commit}, cache {tree.parent}", file=sys.stderr)
    corpora = list(dict.fromkeys(args.corpus))
    floors: dict[str, float] = {}
    if args.over_floors or args.under_floors:  # imported here: `analyze` runs elsewhere
        from unspin.report.audited import LAYER_KINDS, SCORE_FLOORS

        # by audited kind: the "quantity" layer is the kind "number"
        floors = {k: SCORE_FLOORS[layer] for layer in SCORE_FLOORS for k in LAYER_KINDS[layer]}
    # the kinds drawn: every fixed kind, or with --under-floors the floored ones only
    wanted = [k for k in FIXED_KINDS if k in floors] if args.under_floors else list(FIXED_KINDS)
    gate = json.loads((tree / GATE).read_text())["articles"]
    seen = read_before(args.fresh)
    extra = corpora_order(corpora, [*gate, *seen], args.seed, args.fnc1_min_chars)
    extra = extra[: args.max_extra]
    if args.fresh or "ptc" not in corpora:  # no gate article, so no technique kind
        gate = []

    # the gate articles (every kind) and a first run of further ones, side by side
    read = min(args.first_extra, len(extra))
    gate_parts = chunks(gate, max(1, args.jobs // 4)) if gate else []  # ~1/4: 25 of ~145
    parts = chunks(extra[:read], max(1, args.jobs - len(gate_parts)))
    run_articles(tree, [*((p, ()) for p in gate_parts), *((p, SKIP_EXTRA) for p in parts)])
    items: list[dict[str, Any]] = []
    failures: list[str] = []

    def pooled(article: str, analysis: Mapping[str, Any]) -> list[dict[str, Any]]:
        failures.extend(
            f"article {article}: {f['analyzer']} failed: {f['error']}: {f['message']}"
            for f in analysis.get("failures") or ()
        )
        return pool_items(analysis, article, floors, args.under_floors)

    for article, analysis in zip(gate, load_analyses(tree, gate), strict=True):
        items += pooled(article, analysis)
    techniques = top_techniques(items)
    items = [i for i in items if not i["kind"].startswith(TECHNIQUE) or i["kind"] in techniques]
    base = Counter(i["kind"] for i in items)
    further: list[list[dict[str, Any]]] = []
    while True:
        analyses = load_analyses(tree, extra[len(further) : read], SKIP_EXTRA)
        for article, analysis in zip(extra[len(further) : read], analyses, strict=True):
            further.append([i for i in pooled(article, analysis) if i["kind"] in wanted])
        counts = [Counter(i["kind"] for i in f) for f in further]
        needed = further_needed(base, counts, args.per_kind, args.spread, wanted)
        if None not in needed.values() or read >= len(extra):
            break
        more = extra[read : read + args.batch]
        print(f"{read} further articles were not enough: {len(more)} more", file=sys.stderr)
        run_articles(tree, [(p, SKIP_EXTRA) for p in chunks(more, max(1, args.jobs))])
        read += len(more)
    # each kind: the gate articles and the shortest run of further ones that fills it
    used = {k: len(further) if n is None else n for k, n in needed.items()}
    for k, f in enumerate(further):
        items += [i for i in f if k < used[i["kind"]]]
    used_extra = extra[: max(used.values(), default=0)]

    pool = Counter(i["kind"] for i in items)
    kinds = [*wanted, *techniques]  # no technique kind in a fresh round
    notes = [
        f"{k}: only {pool[k]} candidates (all taken)" for k in kinds if pool[k] < args.per_kind
    ] + sorted(set(failures))
    rows = draw(items, kinds, args.per_kind, args.seed)
    for row in rows:
        row.pop("finding", None)  # the finding id repeats kind and offsets
    write_rows(args.out, rows, {"commit": commit})
    meta = {
        "commit": commit,
        "src_tree": git("rev-parse", f"{commit}:src"),
        "seed": args.seed,
        "corpus": corpora,
        "fnc1_min_chars": args.fnc1_min_chars,
        "per_kind": args.per_kind,
        "spread": args.spread,
        "floors": floors,
        "under_floors": args.under_floors,
        "command": " ".join(["python bench/precision_audit.py", *sys.argv[1:]]),
        "gate_articles": gate,
        "excluded_samples": [str(p) for p in args.fresh],
        "extra_articles": used_extra,
        "extra_articles_per_kind": used,
        "techniques": techniques,
        "pool": dict(sorted(pool.items(), key=lambda kv: kind_order(kv[0]))),
        "sampled": dict(Counter(r["kind"] for r in rows)),
        "blind": sum(r["blind"] for r in rows),
        "notes": notes,
    }
    meta_path = args.out.with_name(args.out.stem + ".meta.json")
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in meta.items() if "articles" not in k}, indent=1))
    return 0


def show_command(args: argparse.Namespace) -> int:
    rows = [r for r in read_jsonl(args.sample) if r["kind"] == args.kind]
    if not rows:
        kinds = sorted({r["kind"] for r in read_jsonl(args.sample)}, key=kind_order)
        raise SystemExit(f"no items of kind {args.kind!r}; kinds: {', '.join(kinds)}")
    if args.reader == "B":
        rows = [r for r in rows if r.get("blind")]
    rows = rows[args.start : args.start + args.count if args.count else None]
    guide = GUIDE["technique" if args.kind.startswith(TECHNIQUE) else args.kind]
    print(f"# {args.kind}: {len(rows)} items for reader {args.reader}")
    print(f"# Question: {guide}")
    print("# Verdict: correct | wrong | unsure, with a one-line reason in your own words")
    judgments = args.sample.resolve().with_name(f"judgments-{args.reader}.jsonl")
    where = judgments.relative_to(ROOT) if judgments.is_relative_to(ROOT) else judgments
    print(f'# (no article text): {where} rows {{"id", "verdict", "reason"}}.\n')
    texts: dict[str, str] = {}
    for row in rows:
        if row["article"] not in texts:
            texts[row["article"]] = article_text(row["article"])
        text = texts[row["article"]]
        print(show_item(row, text, args.reader))
    return 0


def judge_lines(lines: Iterable[str]) -> list[dict[str, str]]:
    """``ID VERDICT REASON`` lines (verdict ``correct``/``wrong``/``unsure`` or ``c``/``w``/
    ``u``; blank lines and ``#`` comments skipped) as judgement rows."""
    short = {v[0]: v for v in VERDICTS}
    rows = []
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.strip().split(maxsplit=2)
        if len(parts) < 3:
            raise SystemExit(f"not 'ID VERDICT REASON': {line.strip()!r}")
        rid, verdict, reason = parts
        rows.append({"id": rid, "verdict": short.get(verdict, verdict), "reason": reason})
    return rows


def judge_command(args: argparse.Namespace) -> int:
    """Add (or replace) judgements read from stdin in the reader's file, checked."""
    sample = read_jsonl(args.sample)
    allowed = {r["id"] for r in sample if args.reader == "A" or r.get("blind")}
    path = args.sample.with_name(f"judgments-{args.reader}.jsonl")
    old = read_jsonl(path) if path.is_file() else []
    new = check_judgments(judge_lines(sys.stdin), allowed, "stdin")
    kept = check_judgments([r for r in old if r["id"] not in new], allowed, str(path))
    order = {r["id"]: k for k, r in enumerate(sample)}
    rows = sorted([*kept.values(), *new.values()], key=lambda r: order[r["id"]])
    text = "".join(
        json.dumps({"id": r["id"], "verdict": r["verdict"], "reason": r["reason"]}) + "\n"
        for r in rows
    )
    path.write_text(text, encoding="utf-8")
    print(f"{len(new)} judgements recorded; {path} has {len(rows)} of {len(allowed)}")
    return 0


def score_command(args: argparse.Namespace) -> int:
    sample = read_jsonl(args.sample)
    ids = {r["id"] for r in sample}
    a_path, b_path = (
        args.sample.with_name("judgments-A.jsonl"),
        args.sample.with_name("judgments-B.jsonl"),
    )
    a = check_judgments(read_jsonl(a_path), ids, str(a_path)) if a_path.is_file() else {}
    b = check_judgments(read_jsonl(b_path), ids, str(b_path)) if b_path.is_file() else {}
    result = score(sample, a, b)
    for spec in args.split_at:
        kind, _, at = spec.partition("=")
        print(split_at(sample, a, kind, float(at)))
    if args.split_at:
        return 0
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(markdown_table(result))
        print("\nPrecision = correct / judged (reader A, every item); 'unsure' counts as wrong.")
    missing = [*(f"A {i}" for i in result["missing_a"]), *(f"B {i}" for i in result["missing_b"])]
    if missing:
        print(f"\n{len(missing)} judgements missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="draw the sample from the default pipeline of a commit")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--per-kind", type=int, default=40)
    s.add_argument("--at", default="HEAD", help="the commit whose pipeline runs")
    s.add_argument("--out", type=Path, default=SAMPLE)
    s.add_argument("--jobs", type=int, default=5, help="analysis processes at a time")
    s.add_argument("--first-extra", type=int, default=140, help="further articles read at once")
    s.add_argument("--batch", type=int, default=20, help="further articles read after those")
    s.add_argument("--max-extra", type=int, default=346, help="at most this many non-gate articles")
    s.add_argument(
        "--fresh",
        type=Path,
        nargs="+",
        default=[],
        metavar="PATH",
        help="a fresh round: skip the gate articles (no technique kind) and every article "
        "these earlier samples read (a .meta.json: all it read; a sample .jsonl: its items')",
    )
    s.add_argument(
        "--corpus",
        nargs="+",
        choices=CORPORA,
        default=["ptc"],
        help="where the further articles come from: PTC train articles, FNC-1 bodies of "
        "at least --fnc1-min-chars characters, PolNeAR train articles, or several (corpus "
        "after corpus, each in the seed's order)",
    )
    s.add_argument(
        "--fnc1-min-chars",
        type=int,
        default=FNC1_MIN_CHARS,
        help=f"the shortest FNC-1 body drawn from (default {FNC1_MIN_CHARS}; rounds 6-9 "
        "read every body of that length, so a fresh FNC-1 round needs a lower one)",
    )
    s.add_argument(
        "--over-floors",
        action="store_true",
        help="a kind the report splits at a score floor (unspin.report.audited.SCORE_FLOORS) "
        "is drawn from findings at or over it only: the layer the report may show",
    )
    s.add_argument(
        "--under-floors",
        action="store_true",
        help="the weak layers instead: only the floored kinds, from their findings under "
        "the floor (a round of its own beside an --over-floors one)",
    )
    s.add_argument(
        "--spread",
        type=int,
        default=0,
        help="each kind takes further articles until at least this many of them have one",
    )
    w = sub.add_parser("show", help="print items for a reader")
    w.add_argument("--reader", choices=("A", "B"), required=True)
    w.add_argument("--kind", required=True)
    w.add_argument("--start", type=int, default=0)
    w.add_argument("--count", type=int, default=0, help="0: all")
    w.add_argument("--sample", type=Path, default=SAMPLE)
    j = sub.add_parser("judge", help="record 'ID VERDICT REASON' lines from stdin")
    j.add_argument("--reader", choices=("A", "B"), required=True)
    j.add_argument("--sample", type=Path, default=SAMPLE)
    c = sub.add_parser("score", help="precision per kind and reader agreement")
    c.add_argument("--sample", type=Path, default=SAMPLE)
    c.add_argument("--json", action="store_true")
    c.add_argument(
        "--split-at",
        action="append",
        default=[],
        metavar="KIND=SCORE",
        help="instead of the table: reader A's precision of KIND at or over SCORE and under it",
    )
    t = sub.add_parser("text", help="print an article's whole text (a PTC or fnc1- id)")
    t.add_argument("article")
    z = sub.add_parser("analyze", help=argparse.SUPPRESS)
    z.add_argument("--out", type=Path, required=True)
    z.add_argument("--skip", action="append", default=[])
    z.add_argument("articles", nargs="+")
    args = ap.parse_args(argv)
    if args.command == "sample":
        return sample_command(args)
    if args.command == "show":
        return show_command(args)
    if args.command == "score":
        return score_command(args)
    if args.command == "judge":
        return judge_command(args)
    if args.command == "text":
        print(article_text(args.article), end="")
        return 0
    analyze_articles(args.articles, args.out, args.skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
