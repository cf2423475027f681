"""Stories and narratives (``unspin corpus narratives``) measured on FNC-1 and CheckThat! 2020.

**Stories** (``../shared/data/fnc1``): every headline is ingested as a one-sentence
document; headlines related (agree, disagree, discuss) to the same body are one story, and
since one headline is related to several bodies, a gold story is a connected component of
the headline-body graph (191 stories, 1,648 headlines: the Emergent claims). Scored with
B-cubed precision, recall and F1 and V-measure over the documents.

**Narratives** (``../shared/data/claim-retrieval``): tweets ingested together with their
verified claims and as many distractor claims (verified claims no tweet of either split
points to). A gold narrative is a verified claim with the tweets that point to it; a
document's predicted narrative is the narrative of its first listed claim in the JSON of
``unspin corpus narratives`` (the most check-worthy of its claims in that narrative's
story). Scored with pairwise precision, recall and F1 over same-narrative document pairs.

Each score is printed beside the all-singletons and all-in-one baselines. The narratives'
pair model (``unspin.narratives.pairs``) and its threshold are fitted and chosen on the
``cr-tune`` store by ``training/narratives/pair_weights.py``.

Splits (nothing outside ``../shared/data``): FNC-1 stories are split by story (a seeded
shuffle of the components: 60 % tuning, 40 % held out); claim retrieval uses its train
tweets for tuning and its dev tweets as held out. Thresholds are chosen by 3-fold
cross-validation over the tuning portion's stories (the library's clustering on the
embeddings the store holds: :func:`unspin.narratives.cluster.cluster_rows`), then the
held-out portion is ingested and clustered through the command line in a fixed arrival
order (a seeded shuffle)::

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py prepare
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py ingest
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py tune
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py evaluate [--json F]
    # or, from nothing, the held-out sets only (the quality gate's run):
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py held-out --work DIR

Work files (feeds, stores) go to ``--work`` (default ``/tmp/narr-work``).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DATA = ROOT.parent / "shared" / "data"
WORK = Path("/tmp/narr-work")
SEED = 20261203
UNSPIN = [sys.executable, "-m", "unspin"]

# -- data ----------------------------------------------------------------------------


def fnc1_stories(data: Path) -> dict[str, int]:
    """Headline -> gold story (connected component of related headline-body pairs)."""
    with (data / "fnc1" / "train_stances.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Stance"] != "unrelated"]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        parent[find("h" + r["Headline"])] = find("b" + r["Body ID"])
    roots: dict[str, int] = {}
    out: dict[str, int] = {}
    for r in rows:
        h = r["Headline"]
        if h not in out:
            out[h] = roots.setdefault(find("h" + h), len(roots))
    return out


def _tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def _qrels(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out.setdefault(parts[0], parts[2])  # one tweet has two claims: the first
    return out


def claim_records(data: Path, split: str) -> list[dict[str, str]]:
    """Tweets of ``split``, their verified claims and as many distractor claims, each a
    record with its gold narrative (``gold``)."""
    base = data / "claim-retrieval"
    claims = {row[0]: row[1] for row in _tsv(base / "verified_claims.docs.tsv") if len(row) > 1}
    tweets = {row[0]: row[1] for row in _tsv(base / split / "tweets.queries.tsv")}
    qrels = _qrels(base / split / "tweet-vclaim-pairs.qrels")
    used = {
        c for s in ("train", "dev") for c in _qrels(base / s / "tweet-vclaim-pairs.qrels").values()
    }
    gold_claims = sorted(set(qrels.values()), key=int)
    pool = sorted((c for c in claims if c not in used), key=int)
    distractors = random.Random(SEED + (split == "dev")).sample(pool, len(gold_claims))
    out = [
        {"text": tweets[t], "url": f"cr:{split}:tweet:{t}", "gold": f"c{c}"}
        for t, c in qrels.items()
        if t in tweets
    ]
    out += [{"text": claims[c], "url": f"cr:claim:{c}", "gold": f"c{c}"} for c in gold_claims]
    out += [{"text": claims[c], "url": f"cr:claim:{c}", "gold": f"c{c}"} for c in distractors]
    return out


def fnc1_records(data: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(tuning, held-out) headline records, split by story."""
    stories = fnc1_stories(data)
    ids = sorted(set(stories.values()))
    random.Random(SEED).shuffle(ids)
    tuning = set(ids[: round(len(ids) * 0.6)])
    recs = [
        {"text": h, "url": f"fnc1:{i}", "gold": f"s{s}"}
        for i, (h, s) in enumerate(sorted(stories.items()))
    ]
    return (
        [r for r in recs if int(r["gold"][1:]) in tuning],
        [r for r in recs if int(r["gold"][1:]) not in tuning],
    )


def arrival(records: list[dict[str, str]], salt: int) -> list[dict[str, str]]:
    """A fixed arrival order: a seeded shuffle, each record dated one day after every
    twentieth (so growth has days to count)."""
    out = list(records)
    random.Random(SEED + salt).shuffle(out)
    for i, r in enumerate(out):
        r["published"] = f"2024-{1 + (i // 20) // 28 % 12:02d}-{1 + (i // 20) % 28:02d}"
    return out


SETS = ("fnc1-tune", "fnc1-test", "cr-tune", "cr-test")


def prepare(data: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    tune, test = fnc1_records(data)
    sets = {
        "fnc1-tune": arrival(tune, 1),
        "fnc1-test": arrival(test, 2),
        "cr-tune": arrival(claim_records(data, "train"), 3),
        "cr-test": arrival(claim_records(data, "dev"), 4),
    }
    for name, recs in sets.items():
        feed = work / f"{name}.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps({k: v for k, v in r.items() if k != "gold"}) + "\n")
        gold = {r["url"]: r["gold"] for r in recs}
        (work / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        print(f"{name}: {len(recs)} documents, {len(set(gold.values()))} gold clusters")


def ingest(work: Path, names: Sequence[str]) -> None:
    for name in names:
        db = work / f"{name}.db"
        subprocess.run(
            [*UNSPIN, "corpus", "ingest", str(work / f"{name}.jsonl"), "--db", str(db),
             "--analyzers", "claims", "--language", "en", "-q"],
            check=True,
        )  # fmt: skip


# -- scores --------------------------------------------------------------------------


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall, F1 over the items of ``gold``."""
    items = list(gold)
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_pred[pred[i]].add(i)
    p = r = 0.0
    for i in items:
        same = len(by_gold[gold[i]] & by_pred[pred[i]])
        p += same / len(by_pred[pred[i]])
        r += same / len(by_gold[gold[i]])
    p, r = p / len(items), r / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _entropy(counts: Iterable[int], n: int) -> float:
    return -sum(c / n * math.log(c / n) for c in counts if c)


def v_measure(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    items = list(gold)
    n = len(items)
    joint = Counter((gold[i], pred[i]) for i in items)
    g, p = Counter(gold[i] for i in items), Counter(pred[i] for i in items)
    hg, hp = _entropy(g.values(), n), _entropy(p.values(), n)
    hg_p = -sum(c / n * math.log(c / p[k]) for (_, k), c in joint.items())
    hp_g = -sum(c / n * math.log(c / g[k]) for (k, _), c in joint.items())
    h = 1.0 if hg == 0 else 1 - hg_p / hg
    c = 1.0 if hp == 0 else 1 - hp_g / hp
    return 2 * h * c / (h + c) if h + c else 0.0


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """Precision, recall, F1 over unordered same-cluster pairs."""

    def pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for i in gold:
            groups[labels[i]].append(i)
        return {
            (a, b) if a < b else (b, a)
            for g in groups.values()
            for k, a in enumerate(g)
            for b in g[k + 1 :]
        }

    gp, pp = pairs(gold), pairs(pred)
    tp = len(gp & pp)
    p = tp / len(pp) if pp else 0.0
    r = tp / len(gp) if gp else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def baselines(gold: Mapping[str, str], score: Any) -> dict[str, Any]:
    return {
        "singletons": score(gold, {i: i for i in gold}),
        "all_in_one": score(gold, dict.fromkeys(gold, "all")),
    }


# -- tuning (the library's clustering on the stored embeddings) -----------------------


def load_inputs(db: Path, params: Any) -> tuple[list[Any], dict[str, str]]:
    """The documents of a store as clustering sees them, in arrival order, and each
    one's URL."""
    from unspin.narratives.build import document_input
    from unspin.narratives.tables import NarrativeTable
    from unspin.store import open_store

    with open_store(db, create=False) as store:
        table = store.repository(NarrativeTable)
        pending = table.pending(10**9)
        urls = {str(i): str(u) for i, u in store.sql.all("SELECT id, url FROM documents")}
    inputs = [document_input(d, params) for d in pending]
    return [i for i in inputs if i is not None], urls


def simulate(inputs: Sequence[Any], params: Any) -> tuple[dict[str, str], dict[str, str]]:
    """(document id -> story, document id -> narrative of its first claim)."""
    from unspin.narratives.cluster import State
    from unspin.nlp import EMBEDDING_DIM

    state = State(params, EMBEDDING_DIM)
    stories: dict[str, str] = {}
    narratives: dict[str, str] = {}
    for inp in inputs:
        place = state.place(inp)
        stories[inp.document_id] = str(place.story)
        first = _first_claim(place.claims)
        narratives[inp.document_id] = f"n{first}" if first else f"d{inp.document_id}"
    return stories, narratives


def _first_claim(claims: Sequence[Any]) -> int | None:
    """The narrative of the most check-worthy claim (ties: the earliest)."""
    if not claims:
        return None
    best = min(claims, key=lambda c: (-c.claim.checkworthiness, c.claim.start))
    return int(best.narrative)


def _folds(gold: Mapping[str, str], k: int = 3) -> list[set[str]]:
    labels = sorted(set(gold.values()))
    random.Random(SEED).shuffle(labels)
    fold = {g: i % k for i, g in enumerate(labels)}
    return [{u for u, g in gold.items() if fold[g] == i} for i in range(k)]


#: The grids searched (narrowed from a first, wider search: story thresholds 0.3-0.6, links
#: 0 / 0.5 / 1 and lexical weights 0 / 0.3 / 0.5 chose 0.3, 0.5, 0.5 at 0.934 mean F1;
#: narrative thresholds 0.3-0.7 chose 0.35-0.5).
STORY_GRID = {
    "story_threshold": [0.2, 0.25, 0.3, 0.35, 0.4],
    "story_link": [0.0, 0.5],
    "story_lexical": [0.5, 0.7],
}
#: Narratives: with the pair model (the default, ``Params.narrative_weights``) link and
#: lexical weight are not used; its weights and threshold come from
#: ``training/narratives/pair_weights.py`` (3-fold CV over the same train tweets).
NARRATIVE_GRID = {
    "narrative_threshold": [0.4, 0.45, 0.5, 0.55],
    "narrative_link": [0.0, 1.0],
    "narrative_lexical": [0.0, 0.3],
}


def _grid(grid: Mapping[str, list[float]]) -> list[dict[str, Any]]:
    import itertools

    keys = list(grid)
    return [dict(zip(keys, values, strict=True)) for values in itertools.product(*grid.values())]


def cross_validate(
    work: Path, name: str, grid: Mapping[str, list[float]], base: Any, level: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The grid point with the best mean score over the folds of the tuning store's
    gold clusters (each fold clustered alone, in arrival order); the per-fold choices."""
    import dataclasses

    inputs, urls = load_inputs(work / f"{name}.db", base)
    gold_url = json.loads((work / f"{name}.gold.json").read_text(encoding="utf-8"))
    gold = {i.document_id: gold_url[urls[i.document_id]] for i in inputs}
    folds = _folds(gold)
    scores: dict[int, list[float]] = defaultdict(list)
    points = _grid(grid)
    for fold in folds:
        subset = [i for i in inputs if i.document_id in fold]
        sub_gold = {i.document_id: gold[i.document_id] for i in subset}
        for n, point in enumerate(points):
            stories, narratives = simulate(subset, dataclasses.replace(base, **point))
            if level == "story":
                scores[n].append(bcubed(sub_gold, stories)["f1"])
            else:
                scores[n].append(pairwise(sub_gold, narratives)["f1"])
    report = []
    for k in range(len(folds)):  # each fold's held-in choice, scored on it
        best = max(
            range(len(points)), key=lambda n: sum(s for j, s in enumerate(scores[n]) if j != k)
        )
        report.append({"fold": k, "chosen": points[best], "score_on_fold": scores[best][k]})
    best = max(range(len(points)), key=lambda n: (sum(scores[n]), -n))
    print(f"{name}: best {points[best]} mean F1 {sum(scores[best]) / len(folds):.4f}")
    for r in report:
        print(f"  fold {r['fold']}: chose {r['chosen']} -> {r['score_on_fold']:.4f}")
    return points[best], report


def tune(work: Path) -> None:
    import dataclasses

    from unspin.narratives.cluster import Params

    story, _ = cross_validate(work, "fnc1-tune", STORY_GRID, Params(), "story")
    base = dataclasses.replace(Params(), **story)
    narrative, _ = cross_validate(work, "cr-tune", NARRATIVE_GRID, base, "narrative")
    print(json.dumps({**story, **narrative}))


# -- evaluation (through the command line) ------------------------------------------


def cli_clusters(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(URL -> story, URL -> narrative of the document's most check-worthy claim) from
    ``unspin corpus narratives --rebuild -f json`` with the shipped defaults."""
    out = subprocess.run(
        [*UNSPIN, "corpus", "narratives", "--db", str(db), "--rebuild", "-f", "json"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    stories: dict[str, str] = {}
    narratives: dict[str, str] = {}
    best: dict[str, tuple[float, int]] = {}
    for story in json.loads(out.stdout):
        ids = {d["id"]: d["url"] for d in story["documents"]}
        for doc_id, url in ids.items():
            stories[url] = f"s{story['id']}"
            narratives[url] = f"d{doc_id}"
        for n in story["narratives"]:
            for c in n["claims"]:
                url = ids[c["document_id"]]
                key = (-c["checkworthiness"], c["start"])
                if url not in best or key < best[url]:
                    best[url] = key
                    narratives[url] = f"n{n['id']}"
    return stories, narratives


def evaluate(work: Path, out: Path | None) -> None:
    results: dict[str, Any] = {}
    for name, level in (("fnc1-test", "story"), ("cr-test", "narrative")):
        gold = json.loads((work / f"{name}.gold.json").read_text(encoding="utf-8"))
        stories, narratives = cli_clusters(work / f"{name}.db")
        missing = set(gold) - set(stories)
        if missing:
            raise SystemExit(f"{name}: {len(missing)} documents not in the store (ingest first)")
        if level == "story":
            pred = {u: stories[u] for u in gold}
            row: dict[str, Any] = {
                "documents": len(gold),
                "gold_stories": len(set(gold.values())),
                "predicted_stories": len(set(pred.values())),
                "bcubed": bcubed(gold, pred),
                "v_measure": v_measure(gold, pred),
                "baselines": {
                    k: {"bcubed": v, "v_measure": v_measure(gold, p)}
                    for (k, v), p in zip(
                        baselines(gold, bcubed).items(),
                        ({u: u for u in gold}, dict.fromkeys(gold, "all")),
                        strict=True,
                    )
                },
            }
            print(
                f"{name}: B-cubed F1 {row['bcubed']['f1']:.4f} (P {row['bcubed']['precision']:.4f}"
                f" R {row['bcubed']['recall']:.4f}), V-measure {row['v_measure']:.4f}; "
                f"{row['predicted_stories']} stories for {row['gold_stories']} gold; "
                f"singletons B3 F1 {row['baselines']['singletons']['bcubed']['f1']:.4f}, "
                f"all-in-one B3 F1 {row['baselines']['all_in_one']['bcubed']['f1']:.4f}"
            )
        else:
            pred = {u: narratives[u] for u in gold}
            row = {
                "documents": len(gold),
                "gold_narratives": len(set(gold.values())),
                "predicted_narratives": len(set(pred.values())),
                "pairwise": pairwise(gold, pred),
                "bcubed": bcubed(gold, pred),
                "baselines": baselines(gold, pairwise),
            }
            pw = row["pairwise"]
            print(
                f"{name}: pairwise F1 {pw['f1']:.4f} (P {pw['precision']:.4f} R "
                f"{pw['recall']:.4f}), B-cubed F1 {row['bcubed']['f1']:.4f}; "
                f"singletons pairwise F1 {row['baselines']['singletons']['f1']:.4f}, "
                f"all-in-one pairwise F1 {row['baselines']['all_in_one']['f1']:.4f}"
            )
        results[name] = row
    if out is not None:
        out.write_text(json.dumps(results, indent=2), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step",
        choices=("prepare", "ingest", "tune", "evaluate", "held-out"),
        help="held-out: prepare, ingest the held-out sets and evaluate (the quality gate)",
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--json", type=Path, help="write the evaluation's numbers here")
    parser.add_argument(
        "--cache", type=Path, help="unused: the stores under --work hold the embeddings"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads of each unspin run")
    args = parser.parse_args(argv)
    names = [s for s in args.sets.split(",") if s]
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    if args.step == "prepare":
        prepare(args.data, args.work)
    elif args.step == "ingest":
        ingest(args.work, names)
    elif args.step == "tune":
        tune(args.work)
    elif args.step == "evaluate":
        evaluate(args.work, args.json)
    else:
        prepare(args.data, args.work)
        ingest(args.work, ["fnc1-test", "cr-test"])
        evaluate(args.work, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
