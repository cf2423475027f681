"""Precision of corpus links on real news: a seeded sample of links, judged by readers.

    python bench/link_audit.py sample --seed 1 --per-kind 40 --out DIR/sample.jsonl
        [--corpus polnear fnc1 ptc] [--work DIR]
    python bench/link_audit.py show --sample PATH --reader A|B --kind KIND [--start i --count n]
    python bench/link_audit.py judge --sample PATH --reader A|B < lines  # "ID VERDICT REASON"
    python bench/link_audit.py score --sample PATH [--json]
    python bench/link_audit.py text ARTICLE   # an article's text as stored, for a reader
    python bench/link_audit.py rematch --sample PATH [--ids]   # after a fix: judged links kept?

The team's contrast set (``tests/data/contradictions``) is short, clean and written for
the rules; real news is neither. ``sample`` ingests whole real corpora into one store
each, with the DEFAULT pipeline and link settings of the committed tree (the working tree
under ``src/`` must match HEAD), links everything (contradictions, quotations,
propagation) and draws ``--per-kind`` links of every kind found (all when fewer), spread
over documents in a seeded order, a blind quarter marked for a second reader:

- ``polnear``: PolNeAR's 840 train articles (US political news, 2015-2016, seven
  outlets, with their publication dates and outlets; the dev split is never read);
- ``fnc1``: FNC-1's 1,683 train bodies (news about 191 stories, many outlets copying
  one another; no dates or outlets in the data);
- ``ptc``: PTC's 371 train articles (news and opinion of 2017-2019 from outlets of every
  leaning, title on the first line, one sentence a line; no dates or outlets in the data;
  the article id is the file's number, as in the findings audit).

The stores are kept in ``--work`` (default ``$TMPDIR/link-audit``), one per corpus and
source tree, so ``show`` reads the link's explanation and both sides from them; the sample
itself holds no article text, only ids, offsets into the text as stored (line endings
unified, NFC, stripped: ``text`` prints it) and hashes (``bench/audit_draw.py``'s
anchors), the link's kind, rule and score.

A reader answers for each link whether a fact-checker would accept it as labelled (the
question for each kind is printed at the top of ``show``); ``score`` gives precision per
kind with its Wilson interval and the agreement of the blind second reader, as
``bench/precision_audit.py score`` does for findings.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_articles import (
    DATA,
    POLNEAR_PREFIX,
    POLNEAR_TEXTS,
    article_text,
    corpus_articles,
    fnc1_bodies,
    ptc_text,
    read_jsonl,
)
from audit_draw import blind_ids, draw_kind, make_anchor
from precision_audit import judge_command, score_command

from unspin.corpus.model import LINK_KINDS

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("polnear", "fnc1", "ptc")
WORK = Path(tempfile.gettempdir()) / "link-audit"
#: Link kinds in the order the sample lists them.
KIND_ORDER = LINK_KINDS
GUIDE = {
    "contradiction": "Are both spans about the same event and the same slot (the same count "
    "at the same time, the same event's date or place, the same proposition, the same "
    "quotation's speaker), and do they disagree? Correct only if a fact-checker would "
    "want this pair shown as a conflict between the two statements.",
    "compatible": "Are both spans about the same thing (the same count, date or person) "
    "with values that can both hold, as the link says (a part and its total, a rounded "
    "and an exact figure, a month and a day in it, two roles of one person)? Wrong when "
    "they are about different things.",
    "update": "Are both spans the same count or value of the same event, the later one "
    "a newer figure (the text or the dates say it is later)? Wrong when they count "
    "different things or events, or when nothing says one is later.",
    "restatement": "Do both spans state the same proposition about the same event (one "
    "restating the other)? Wrong when they are about different events or say different "
    "things.",
    "differs": "Are both spans roles of the same person that differ? Wrong when they are "
    "different people or not roles.",
    "quote_drift": "Are both spans the same quotation (the same words of the same "
    "utterance), and is what the link says differs (wording, speaker or occasion) "
    "really different? Wrong when they are different quotations, or nothing differs.",
    "propagation": "Is one passage a copy or near-copy of the other (the same news "
    "sentences, lightly edited), so that one outlet took it from the other or both from "
    "one source? Wrong when they only share a topic or a few phrases, or when the passage "
    "is site furniture an outlet repeats in its own pages (an editor's note, a newsletter "
    "header, a video or subscription notice): that is no propagation of content.",
}


# -- the corpora and their stores ---------------------------------------------------------


def polnear_documents() -> list[dict[str, Any]]:
    meta: dict[str, dict[str, str]] = {}
    with (DATA / "polnear" / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["compartment"] == "train":
                meta[row["filename"]] = row
    docs = []
    for path in sorted(POLNEAR_TEXTS.glob("*.txt")):
        m = meta.get(path.stem)
        if m is None:
            raise SystemExit(f"{path.name}: not in PolNeAR's metadata.tsv as a train article")
        docs.append({
            "id": POLNEAR_PREFIX + path.stem, "title": m["title"], "outlet": m["publisher"],
            "published": m["publication_date"], "text": path.read_text(encoding="utf-8"),
        })  # fmt: skip
    return docs


def fnc1_documents() -> list[dict[str, Any]]:
    return [{"id": a, "text": t} for a, t in sorted(fnc1_bodies().items())]


def ptc_documents() -> list[dict[str, Any]]:
    return [{"id": a, "text": ptc_text(a)} for a in corpus_articles("ptc")]


DOCUMENTS = {"polnear": polnear_documents, "fnc1": fnc1_documents, "ptc": ptc_documents}


def head_commit() -> str:
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if dirty:
        raise SystemExit(
            f"src/ differs from HEAD; commit first (a sample is of committed code):\n{dirty}"
        )
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def store_path(work: Path, corpus: str, commit: str) -> Path:
    """Where a corpus's store is kept: one per source tree (``src/`` at ``commit``)."""
    tree = subprocess.run(
        ["git", "rev-parse", f"{commit}:src"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    return work / f"{corpus}-{tree[:12]}" / "corpus.db"


def build(corpus: str, db: Path, analyses: Path | None = None) -> None:
    """Ingest a corpus into ``db`` (resumes: stored documents are skipped) and link it.
    ``analyses``: a store of the corpus built at another source tree whose analyzers are
    the same (only the linker changed): copied and linked again instead of ingested."""
    from unspin.app import ingest_paths
    from unspin.corpus.store_adapter import link_store
    from unspin.store import open_store

    db.parent.mkdir(parents=True, exist_ok=True)
    done = db.with_name("linked")
    if done.is_file():
        return
    if analyses is not None:
        if not analyses.with_name("linked").is_file():
            raise SystemExit(f"{analyses} is no linked store of {corpus}")
        copy_db(analyses, db)
        with open_store(f"sqlite:///{db}") as store:
            run = link_store(store, rebuild=True)
        note = {"analyses_from": analyses.parent.name, "links": run.links}
        done.write_text(json.dumps(note) + "\n", encoding="utf-8")
        print(f"{corpus}: analyses of {analyses.parent.name} linked again: {run.links}")
        return
    src = db.with_name("documents.jsonl")
    docs = DOCUMENTS[corpus]()
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    print(f"{corpus}: ingesting {len(docs)} documents into {db}", file=sys.stderr)
    result = ingest_paths(f"sqlite:///{db}", [src])
    with open_store(f"sqlite:///{db}") as store:
        run = link_store(store, rebuild=True)
    done.write_text(
        json.dumps({"ingest": str(result), "links": run.links}) + "\n", encoding="utf-8"
    )
    print(f"{corpus}: {run.documents} documents linked: {run.links}", file=sys.stderr)


# -- links to items -----------------------------------------------------------------------


def _side(side: Any, article: str, text: str) -> dict[str, Any]:
    return {
        "article": article,
        "start": side.start,
        "end": side.end,
        "context": [side.context_start, side.context_end],
        "anchor": make_anchor(text, side.start, side.end),
    }


def stored_text(raw: str) -> str:
    """An article's text as a store holds it (line endings unified, NFC, stripped): what
    offsets and anchors refer to."""
    from unspin.ingest.decode import normalise_text

    return normalise_text(raw).strip()


def link_items(db: Path, corpus: str, commit: str) -> Iterator[dict[str, Any]]:
    """Every stored link of ``db`` as an audit item (no article text). The store names a
    document by the hash of its text (``unspin.model.content_id``); the item by its
    article id (``polnear-<file stem>``, ``fnc1-<Body ID>``, PTC's number; the first of
    equal texts)."""
    from unspin.corpus.store_adapter import iter_corpus_links
    from unspin.model import content_id
    from unspin.store import open_store

    articles: dict[str, tuple[str, str]] = {}
    for doc in DOCUMENTS[corpus]():
        text = stored_text(doc["text"])
        articles.setdefault(content_id(text), (doc["id"], text))
    checked: set[str] = set()
    with open_store(f"sqlite:///{db}") as store:
        for link in iter_corpus_links(store):
            for side in (link.a, link.b):
                if side.doc_id not in articles:
                    raise SystemExit(f"{db}: document {side.doc_id} is none of {corpus}'s")
                if side.doc_id not in checked:
                    if store.get_analysis(side.doc_id).document.text != articles[side.doc_id][1]:
                        raise SystemExit(f"{side.doc_id}: stored text differs from the data's")
                    checked.add(side.doc_id)
            (art_a, text_a), (art_b, text_b) = articles[link.a.doc_id], articles[link.b.doc_id]
            yield {
                "kind": link.kind, "corpus": corpus, "rule": link.explanation.rule,
                "score": link.score, "link": link.id, "differs": list(link.differs),
                "a": _side(link.a, art_a, text_a), "b": _side(link.b, art_b, text_b),
                "commit": commit,
                # draw_kind's keys: spread over documents, order independent of the store
                "article": art_a, "start": link.a.start, "end": link.a.end,
                "label": art_b, "finding": link.id,
            }  # fmt: skip


def draw(items: Sequence[Mapping[str, Any]], per_kind: int, seed: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    kinds = sorted({i["kind"] for i in items}, key=KIND_ORDER.index)
    for kind in kinds:
        chosen = draw_kind([i for i in items if i["kind"] == kind], per_kind, seed, kind)
        chosen.sort(key=lambda i: (i["a"]["article"], i["a"]["start"], i["link"]))
        for k, item in enumerate(chosen, 1):
            item["id"] = f"{kind}/{k:02d}"
        blind = blind_ids([i["id"] for i in chosen], seed, kind)
        for item in chosen:
            row = {
                k: v
                for k, v in item.items()
                if k not in ("article", "start", "end", "label", "finding")
            }
            row["blind"] = row["id"] in blind
            rows.append(row)
    return rows


def recorded(argv: Sequence[str]) -> list[str]:
    """The command's arguments as the meta file records them: no ``--work`` (a cache
    location), paths under the repository relative to it."""
    out: list[str] = []
    skip = False
    for a in argv:
        if skip:
            skip = False
            continue
        if a == "--work":
            skip = True
            continue
        if a.startswith("--work="):
            continue
        p = Path(a)
        out.append(str(p.relative_to(ROOT)) if p.is_absolute() and p.is_relative_to(ROOT) else a)
    return out


def sample_command(args: argparse.Namespace) -> int:
    commit = head_commit()
    items: list[dict[str, Any]] = []
    pools: dict[str, dict[str, int]] = {}
    for corpus in args.corpus:
        db = store_path(args.work, corpus, commit)
        reuse = None
        if args.analyses_from:
            reuse = args.work / f"{corpus}-{args.analyses_from[:12]}" / "corpus.db"
        build(corpus, db, reuse)
        found = list(link_items(db, corpus, commit))
        pools[corpus] = {k: sum(i["kind"] == k for i in found) for k in KIND_ORDER}
        items += found
    rows = draw(items, args.per_kind, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        "".join(json.dumps(r, sort_keys=True) + "\n" for r in rows), encoding="utf-8"
    )
    command = "python bench/link_audit.py " + " ".join(recorded(args.argv))
    meta = {
        "commit": commit, "seed": args.seed, "per_kind": args.per_kind, "corpora": args.corpus,
        "links_found": pools, "command": command,
        "items": {k: sum(r["kind"] == k for r in rows) for k in KIND_ORDER},
        "analyses_from": args.analyses_from,
    }  # fmt: skip
    args.out.with_suffix(".meta.json").write_text(
        json.dumps(meta, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(meta, indent=1))
    return 0


# -- reading and scoring ------------------------------------------------------------------


def _mark(text: str, side: Mapping[str, Any], around: int) -> str:
    cs, ce = side["context"]
    s, e = side["start"], side["end"]
    lo = max(0, min(cs, s) - around)
    hi = min(len(text), max(ce, e) + around)
    out = text[lo:s] + "⟦" + text[s:e] + "⟧" + text[e:hi]
    return ("…" if lo else "") + out.replace("\n", " ¶ ") + ("…" if hi < len(text) else "")


def show_item(row: Mapping[str, Any], texts: Mapping[str, str], link: Any, around: int) -> str:
    lines = [f"=== {row['id']}  {row['kind']}  rule {row['rule']}  score {row['score']}"]
    if link is not None:
        lines.append(f"    why: {link.explanation.detail}")
        if link.slot:
            lines.append("    slot: " + "; ".join(f"{k}={v}" for k, v in link.slot.items()))
        if link.differs:
            lines.append("    differs: " + ", ".join(link.differs))
    for name in ("a", "b"):
        side = row[name]
        meta = ""
        if link is not None:
            s = getattr(link, name)
            meta = f"  ({s.outlet or 'no outlet'}, {s.published or 'no date'})"
        lines.append(f"  [{name}] {side['article']}{meta}")
        lines.append("      " + _mark(texts[side["article"]], side, around))
    return "\n".join(lines) + "\n"


def _links_by_id(args: argparse.Namespace, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The sampled links as stored (their explanations), where the stores are kept."""
    from unspin.corpus.store_adapter import iter_corpus_links
    from unspin.store import open_store

    wanted = {r["link"] for r in rows}
    out: dict[str, Any] = {}
    for corpus, commit in sorted({(r["corpus"], r["commit"]) for r in rows}):
        db = store_path(args.work, corpus, commit)
        if not db.is_file():
            print(f"# {db} is gone: explanations not shown (rerun `sample` to rebuild)")
            continue
        with open_store(f"sqlite:///{db}") as store:
            for link in iter_corpus_links(store, sorted({r["kind"] for r in rows})):
                if link.id in wanted:
                    out[link.id] = link
    return out


def show_command(args: argparse.Namespace) -> int:
    rows = [r for r in read_jsonl(args.sample) if r["kind"] == args.kind]
    if not rows:
        kinds = sorted({r["kind"] for r in read_jsonl(args.sample)}, key=KIND_ORDER.index)
        raise SystemExit(f"no items of kind {args.kind!r}; kinds: {', '.join(kinds)}")
    if args.reader == "B":
        rows = [r for r in rows if r.get("blind")]
    rows = rows[args.start : args.start + args.count if args.count else None]
    links = _links_by_id(args, rows)
    print(f"# {args.kind}: {len(rows)} links for reader {args.reader}")
    print(f"# Question: {GUIDE[args.kind]}")
    print("# Verdict: correct | wrong | unsure, with a one-line reason in your own words")
    print(f"# (no article text) to {args.sample.with_name(f'judgments-{args.reader}.jsonl')}\n")
    texts: dict[str, str] = {}
    for row in rows:
        for name in ("a", "b"):
            art = row[name]["article"]
            if art not in texts:
                texts[art] = stored_text(article_text(art))
        print(show_item(row, texts, links.get(row["link"]), args.around))
    return 0


def _key(kind: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[Any, ...]:
    ends = sorted(((a["article"], a["start"], a["end"]), (b["article"], b["start"], b["end"])))
    return (kind, *ends)


def rematch_command(args: argparse.Namespace) -> int:
    """Relink copies of the sample's stores with the code of the working tree (the stored
    analyses are kept: a change to an analyzer needs a new sample) and say, per kind,
    which judged links are still made, and how many links there are now."""
    import shutil

    sample = read_jsonl(args.sample)
    verdicts = {}
    path = args.sample.with_name("judgments-A.jsonl")
    if path.is_file():
        verdicts = {r["id"]: r["verdict"] for r in read_jsonl(path)}
    now: set[tuple[Any, ...]] = set()
    for corpus, commit in sorted({(r["corpus"], r["commit"]) for r in sample}):
        db = store_path(args.work, corpus, commit)
        if not db.is_file():
            raise SystemExit(f"{db} is gone: rerun `sample` at {commit[:12]} to rebuild it")
        copy = args.work / f"{corpus}-relink" / "corpus.db"
        shutil.rmtree(copy.parent, ignore_errors=True)
        copy.parent.mkdir(parents=True)
        copy_db(db, copy)
        from unspin.corpus.store_adapter import link_store
        from unspin.store import open_store

        with open_store(f"sqlite:///{copy}") as store:
            run = link_store(store, rebuild=True)
        print(f"{corpus}: relinked with the working tree: {run.links}")
        now |= {_key(i["kind"], i["a"], i["b"]) for i in link_items(copy, corpus, commit)}
    kinds = sorted({r["kind"] for r in sample}, key=KIND_ORDER.index)
    for kind in kinds:
        rows = [r for r in sample if r["kind"] == kind]
        tally: dict[str, list[str]] = {}
        for r in rows:
            kept = _key(kind, r["a"], r["b"]) in now
            tally.setdefault(
                f"{verdicts.get(r['id'], 'unjudged')} {'kept' if kept else 'gone'}", []
            ).append(r["id"])
        print(f"{kind}: " + "; ".join(f"{k} {len(v)}" for k, v in sorted(tally.items())))
        if args.ids:
            for k, v in sorted(tally.items()):
                print(f"   {k}: {' '.join(v)}")
    return 0


def copy_db(src: Path, dst: Path) -> None:
    """Copy an SQLite database consistently (its WAL included)."""
    import sqlite3

    a, b = sqlite3.connect(f"file:{src}?mode=ro", uri=True), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def text_command(args: argparse.Namespace) -> int:
    print(stored_text(article_text(args.article)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("sample", help="build the stores and draw the sample")
    sp.add_argument("--seed", type=int, required=True)
    sp.add_argument("--per-kind", type=int, default=40)
    sp.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    sp.add_argument("--out", type=Path, required=True)
    sp.add_argument(
        "--analyses-from",
        metavar="TREE",
        help="reuse the analyses of the store built at source tree TREE (`git rev-parse "
        "REV:src`) when only the linker changed since: copied and linked again",
    )
    sub.add_parser("text", help="an article's text as stored").add_argument("article")
    rm = sub.add_parser("rematch", help="relink with the working tree; judged links kept?")
    rm.add_argument("--sample", type=Path, required=True)
    rm.add_argument("--ids", action="store_true", help="list the item ids of each tally")
    for name in ("show", "judge", "score"):
        p = sub.add_parser(name)
        p.add_argument("--sample", type=Path, required=True)
        if name != "score":
            p.add_argument("--reader", choices=("A", "B"), required=True)
    show = sub.choices["show"]
    show.add_argument("--kind", required=True)
    show.add_argument("--start", type=int, default=0)
    show.add_argument("--count", type=int, default=0)
    show.add_argument("--around", type=int, default=200, help="characters shown either side")
    sub.choices["score"].add_argument("--json", action="store_true")
    sub.choices["score"].set_defaults(split_at=[])
    for p in sub.choices.values():
        p.add_argument(
            "--work", type=Path, default=WORK, help=f"where the stores are (default {WORK})"
        )
    args = ap.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    run = {
        "sample": sample_command,
        "show": show_command,
        "judge": judge_command,
        "score": score_command,
        "text": text_command,
        "rematch": rematch_command,
    }
    return run[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
