"""Precision audit of the default report (issue #12, point 7): a seeded sample, judged.

    python bench/precision_audit.py sample --seed 12 --per-kind 40 [--at HEAD] [--out PATH]
    python bench/precision_audit.py show --reader A|B --kind KIND [--start i --count n]
    python bench/precision_audit.py judge --reader A|B < lines   # "ID VERDICT REASON" a line
    python bench/precision_audit.py score [--json]
    (show, judge, score: --sample PATH, default bench/audit/sample.jsonl)

``sample`` exports the source tree of one commit (``--at``, default ``HEAD``; so a sample
is drawn from committed code, never from someone's half-edited working tree), runs the
DEFAULT pipeline of that commit (real models, default options: what the report shows by
default) over PTC articles of ``../shared/data/ptc/train-articles`` and draws a seeded,
stratified sample of ``--per-kind`` findings of every audited kind:

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
import hashlib
import json
import math
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PTC_ARTICLES = DATA / "ptc" / "train-articles"
AUDIT = ROOT / "bench" / "audit"
SAMPLE = AUDIT / "sample.jsonl"
CACHE = Path(tempfile.gettempdir()) / "precision-audit"

#: Audited kinds other than techniques, in report order.
FIXED_KINDS = (
    "quote",
    "speaker",
    "anonymous",
    "attribution",
    "hedge",
    "booster",
    "vague_attribution",
    "claim",
    "responsibility",
    "date",
    "number",
)
TECHNIQUE = "technique:"
TOP_TECHNIQUES = 5
CONTEXT = 40  # characters hashed either side of a span
BLIND_SHARE = 0.25
BLIND_MIN = 10
VERDICTS = ("correct", "wrong", "unsure")
Z95 = 1.959963984540054
EXPERIMENTAL_BELOW = 0.8
#: Not run on the further articles: their technique findings are never audited (the
#: model trained on them) and no other analyzer reads them, so the rest is unchanged.
SKIP_EXTRA = ("techniques",)


# -- anchors ------------------------------------------------------------------------------


def sha(text: str) -> str:
    """The first 16 hex digits of the SHA-1 of ``text`` (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_anchor(text: str, start: int, end: int) -> dict[str, Any]:
    """Hashes that find ``text[start:end]`` again without storing it."""
    return {
        "length": end - start,
        "text": sha(text[start:end]),
        "before": sha(text[max(0, start - CONTEXT) : start]),
        "after": sha(text[end : end + CONTEXT]),
    }


def rematch(anchor: Mapping[str, Any], text: str, hint: int = 0) -> tuple[int, int, str] | None:
    """Where the anchored span is in ``text`` now: ``(start, end, how)`` or ``None``.

    ``how`` is ``"context"`` when both context hashes match, ``"one side"`` when one does,
    ``"text only"`` when only the span's own hash does (the nearest to ``hint`` wins
    among equals)."""
    n = int(anchor["length"])
    if anchor == make_anchor(text, hint, hint + n):
        return hint, hint + n, "context"  # unmoved
    best: tuple[int, int, int] | None = None  # (-quality, distance, start)
    for p in range(0, len(text) - n + 1):
        if sha(text[p : p + n]) != anchor["text"]:
            continue
        quality = (sha(text[max(0, p - CONTEXT) : p]) == anchor["before"]) + (
            sha(text[p + n : p + n + CONTEXT]) == anchor["after"]
        )
        key = (-quality, abs(p - hint), p)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    how = {2: "context", 1: "one side", 0: "text only"}[-best[0]]
    return best[2], best[2] + n, how


# -- findings to audit items --------------------------------------------------------------


def audit_kinds(f: Mapping[str, Any]) -> list[str]:
    """The audited kinds a finding (``Finding.to_dict()``) belongs to, if the default report
    shows it."""
    kind, label, attrs = f["kind"], f["label"], f.get("attributes") or {}
    if attrs.get("shown") is False or attrs.get("candidate") is True:
        return []  # findings kept out of the default report
    if kind == "quote":
        return ["quote"]
    if kind == "speaker":
        return ["anonymous" if label == "anonymous" else "speaker"]
    if kind == "attribution":
        return ["anonymous" if label == "anonymous" else "attribution"]
    if kind in ("hedge", "booster", "vague_attribution", "date"):
        return [kind]
    if kind == "quantity":
        return ["number"]
    if kind == "claim":
        if not attrs.get("checkworthy"):
            return []  # the report shows flagged claims only
        return ["claim", "responsibility"] if label == "responsibility" else ["claim"]
    if kind == "technique":
        return [TECHNIQUE + label]
    return []


def _span(f: Mapping[str, Any]) -> list[int]:
    return [int(f["start"]), int(f["end"])]


def _find_near(text: str, needle: str | None, around: int) -> list[int] | None:
    """Offsets of the occurrence of ``needle`` (a role, a name) nearest ``around``, so that
    no article text is stored; ``None`` when it does not occur."""
    if not needle:
        return None
    found = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not found:
        return None
    p = min(found, key=lambda q: (abs(q - around), q))
    return [p, p + len(needle)]


def asserts(
    f: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]], text: str
) -> dict[str, Any]:
    """What a finding tells the reader, with every piece of article text as offsets."""
    attrs = f.get("attributes") or {}
    kind = f["kind"]
    out: dict[str, Any] = {}
    if kind in ("quote", "attribution"):
        out["source_type"] = attrs.get("source_type", f["label"])
        target = next((r["target"] for r in f.get("relations", ()) if r["role"] == "speaker"), None)
        sp = by_id.get(target) if target else None
        if sp is not None:
            out["speaker"] = _speaker(sp, text)
        if attrs.get("verb"):
            out["verb"] = attrs["verb"]
        if attrs.get("fragment"):
            out["fragment"] = True
        if kind == "attribution":
            out["content"] = _span(f)  # the reported content is the finding's own span
            if attrs.get("construction"):
                out["construction"] = attrs["construction"]
            if attrs.get("pieces"):
                out["pieces"] = [[int(a), int(b)] for a, b in attrs["pieces"]]
            via = next(
                (r["target"] for r in f.get("relations", ()) if r["role"] == "quoted_by"), None
            )
            if via is not None and via in by_id:
                out["via"] = _speaker(by_id[via], text)
    elif kind == "speaker":
        out.update(_speaker(f, text))
    elif kind == "vague_attribution":
        out["group"] = f["label"]
    elif kind == "claim":
        out["checkworthy"] = bool(attrs.get("checkworthy"))
        out["types"] = list(attrs.get("types") or [f["label"]])
        for slot in ("actor", "event", "cause", "effect"):
            value = attrs.get(slot)
            if isinstance(value, Mapping) and "start" in value:
                out[slot] = [int(value["start"]), int(value["end"])]
    elif kind == "date":
        for key in ("iso", "granularity", "ambiguous", "resolved_relative_to", "timezone"):
            if attrs.get(key) is not None:
                out[key] = attrs[key]
    elif kind == "quantity":
        for key in ("value", "value_max", "unit", "qualifier", "approximate"):
            if attrs.get(key) is not None:
                out[key] = attrs[key]
    elif kind == "technique":
        ranked = attrs.get("ranked") or []
        out["also"] = [name for name, _ in ranked[1:3]]
    return out


def _speaker(sp: Mapping[str, Any], text: str) -> dict[str, Any]:
    attrs = sp.get("attributes") or {}
    out: dict[str, Any] = {"span": _span(sp), "type": sp["label"]}
    if attrs.get("entity_type"):
        out["entity_type"] = attrs["entity_type"]
    if attrs.get("antecedent_start") is not None:
        out["antecedent"] = [int(attrs["antecedent_start"]), int(attrs["antecedent_end"])]
    name = attrs.get("name")
    if name:
        out["name"] = _find_near(text, name, sp["start"]) or {"sha": sha(name)}
    role = attrs.get("role")
    if role:
        out["role"] = _find_near(text, role, sp["start"]) or {"sha": sha(role)}
    return out


def pool_items(analysis: Mapping[str, Any], article: str) -> list[dict[str, Any]]:
    """Every audited item of one analysis (``Analysis.to_dict()``), without article text."""
    text = analysis["document"]["text"]
    findings = analysis["findings"]
    by_id = {f["id"]: f for f in findings}
    items = []
    for f in findings:
        for kind in audit_kinds(f):
            items.append(
                {
                    "article": article,
                    "kind": kind,
                    "label": f["label"],
                    "start": int(f["start"]),
                    "end": int(f["end"]),
                    "score": f["score"],
                    "analyzer": f["analyzer"],
                    "analyzer_version": f["analyzer_version"],
                    "finding": f["id"],
                    "rule": (f.get("explanation") or {}).get("rule"),
                    "anchor": make_anchor(text, int(f["start"]), int(f["end"])),
                    "asserts": asserts(f, by_id, text),
                }
            )
    return items


# -- sampling ------------------------------------------------------------------------------


def _item_key(item: Mapping[str, Any]) -> tuple[str, int, int, str, str]:
    return (item["article"], item["start"], item["end"], item["label"], item["finding"])


def kind_order(kind: str) -> tuple[int, str]:
    return (FIXED_KINDS.index(kind), "") if kind in FIXED_KINDS else (len(FIXED_KINDS), kind)


def top_techniques(items: Iterable[Mapping[str, Any]], n: int = TOP_TECHNIQUES) -> list[str]:
    """The ``n`` most frequent technique kinds (ties by name)."""
    counts = Counter(i["kind"] for i in items if i["kind"].startswith(TECHNIQUE))
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def draw_kind(
    items: Sequence[Mapping[str, Any]], n: int, seed: int, kind: str
) -> list[dict[str, Any]]:
    """``n`` items of one kind, round-robin over articles in a seeded order (each article's
    items in a seeded order); all of them when there are ``n`` or fewer. The result does
    not depend on the order of ``items``."""
    rng = random.Random(f"{seed}:{kind}")
    by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for item in sorted(items, key=_item_key):
        by_article[item["article"]].append(item)
    articles = sorted(by_article)
    rng.shuffle(articles)
    for a in articles:
        rng.shuffle(by_article[a])
    chosen: list[dict[str, Any]] = []
    depth = 0
    while len(chosen) < n and any(len(by_article[a]) > depth for a in articles):
        for a in articles:
            if len(chosen) < n and len(by_article[a]) > depth:
                chosen.append(dict(by_article[a][depth]))
        depth += 1
    return chosen


def blind_ids(ids: Sequence[str], seed: int, kind: str) -> set[str]:
    """A seeded quarter of ``ids`` (at least :data:`BLIND_MIN`, at most all)."""
    k = min(len(ids), max(BLIND_MIN, math.ceil(BLIND_SHARE * len(ids))))
    return set(random.Random(f"{seed}:blind:{kind}").sample(sorted(ids), k))


def draw(
    items: Sequence[Mapping[str, Any]], kinds: Sequence[str], per_kind: int, seed: int
) -> list[dict[str, Any]]:
    """The sample: for every kind ``per_kind`` items (:func:`draw_kind`), sorted by kind,
    article and offsets, numbered within their kind, a blind quarter marked."""
    rows: list[dict[str, Any]] = []
    for kind in sorted(kinds, key=kind_order):
        chosen = sorted(
            draw_kind([i for i in items if i["kind"] == kind], per_kind, seed, kind), key=_item_key
        )
        for k, item in enumerate(chosen, 1):
            item["id"] = f"{kind}/{k:02d}"
        blind = blind_ids([c["id"] for c in chosen], seed, kind)
        for item in chosen:
            item["blind"] = item["id"] in blind
            rows.append(item)
    return rows


def write_rows(path: Path, rows: Iterable[Mapping[str, Any]], extra: Mapping[str, Any]) -> None:
    """One JSON object per line, keys sorted (``id`` first)."""
    lines = []
    for row in rows:
        ordered = {"id": row["id"], **{k: row[k] for k in sorted(row) if k != "id"}, **extra}
        lines.append(json.dumps(ordered, ensure_ascii=False, sort_keys=False))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


# -- scoring -------------------------------------------------------------------------------


def wilson(correct: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``correct / n`` (``(0, 1)`` for n = 0)."""
    if n == 0:
        return 0.0, 1.0
    p = correct / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float | None:
    """Cohen's kappa of two readers' yes/no verdicts; ``None`` when chance agreement is 1
    (both readers gave one and the same answer to everything)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def check_judgments(
    rows: Sequence[Mapping[str, Any]], ids: set[str], path: str
) -> dict[str, dict[str, Any]]:
    """Judgements by id; a bad verdict, an unknown id or a duplicate stops the run."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        rid = r.get("id")
        if rid not in ids:
            raise SystemExit(f"{path}: unknown item id {rid!r}")
        if rid in out:
            raise SystemExit(f"{path}: {rid} judged twice")
        if r.get("verdict") not in VERDICTS:
            raise SystemExit(f"{path}: {rid}: verdict must be one of {', '.join(VERDICTS)}")
        reason = str(r.get("reason") or "")
        if not reason.strip() or "\n" in reason:
            raise SystemExit(f"{path}: {rid}: the reason must be one non-empty line")
        out[str(rid)] = dict(r)
    return out


def score(
    sample: Sequence[Mapping[str, Any]],
    a: Mapping[str, Mapping[str, Any]],
    b: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """Precision per kind (reader A; unsure = wrong), Wilson intervals, reader agreement on
    the blind items both judged, and the ids still missing a judgement."""
    kinds: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in sample:
        kinds[row["kind"]].append(row)
    per_kind = {}
    pairs_all: list[tuple[bool, bool]] = []
    for kind in sorted(kinds, key=kind_order):
        judged = [a[r["id"]]["verdict"] for r in kinds[kind] if r["id"] in a]
        n, ok = len(judged), judged.count("correct")
        lo, hi = wilson(ok, n)
        pairs = [
            (a[r["id"]]["verdict"] == "correct", b[r["id"]]["verdict"] == "correct")
            for r in kinds[kind]
            if r.get("blind") and r["id"] in a and r["id"] in b
        ]
        pairs_all += pairs
        per_kind[kind] = {
            "items": len(kinds[kind]),
            "judged": n,
            "correct": ok,
            "unsure": judged.count("unsure"),
            "precision": ok / n if n else None,
            "wilson95": [lo, hi],
            "blind_pairs": len(pairs),
            "agreement": _agreement(pairs),
            "b_precision": sum(y for _, y in pairs) / len(pairs) if pairs else None,
        }
    missing_a = [r["id"] for r in sample if r["id"] not in a]
    missing_b = [r["id"] for r in sample if r.get("blind") and r["id"] not in b]
    return {
        "kinds": per_kind,
        "agreement": _agreement(pairs_all),
        "blind_pairs": len(pairs_all),
        "missing_a": missing_a,
        "missing_b": missing_b,
    }


def _agreement(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float | None]:
    if not pairs:
        return {"percent": None, "kappa": None}
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return {
        "percent": 100.0 * sum(x == y for x, y in pairs) / len(pairs),
        "kappa": cohen_kappa(xs, ys),
    }


def _fmt(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def markdown_table(result: Mapping[str, Any]) -> str:
    """The README table: precision per kind with count, Wilson interval and agreement."""
    lines = [
        "| kind | judged | correct | unsure | precision | 95 % Wilson "
        "| blind B: n, agreement, kappa | issue rule (0.8) |",
        "|---|---:|---:|---:|---:|---|---|---|",
    ]
    for kind, k in result["kinds"].items():
        lo, hi = k["wilson95"]
        ag = k["agreement"]
        blind = (
            f"{k['blind_pairs']}, {ag['percent']:.0f} %, {_fmt(ag['kappa'])}"
            if k["blind_pairs"]
            else "pending"
        )
        p = k["precision"]
        status = (
            "n/a" if p is None else ("under: experimental" if p < EXPERIMENTAL_BELOW else "meets")
        )
        lines.append(
            f"| {kind.replace(TECHNIQUE, 'technique: ').replace('_', ' ')} | {k['judged']} | "
            f"{k['correct']} | {k['unsure']} | {_fmt(p)} | {lo:.2f}-{hi:.2f} | {blind} | {status} |"
        )
    ag = result["agreement"]
    lines.append("")
    lines.append(
        f"Reader agreement on the blind items ({result['blind_pairs']} judged by both): "
        + (
            f"{ag['percent']:.1f} %, Cohen's kappa {_fmt(ag['kappa'])}"
            if result["blind_pairs"]
            else "pending"
        )
        + " (correct vs not correct; an unsure verdict counts as not correct)."
    )
    return "\n".join(lines)


# -- running the default pipeline of one commit --------------------------------------------


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


GATE = "training/techniques/gate.json"


def tree_key(commit: str) -> str:
    """What the analyses depend on: the git objects of ``src/`` and the gate list at
    ``commit`` (so a commit that changes neither reuses the cached analyses)."""
    return sha(git("rev-parse", f"{commit}:src") + git("rev-parse", f"{commit}:{GATE}"))


def export_tree(commit: str) -> Path:
    """``src/`` and the gate list of ``commit``, under the cache."""
    folder = CACHE / tree_key(commit) / "tree"
    if (folder / "src" / "unspin").is_dir():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder.parent / "tree.tar"
    with archive.open("wb") as out:
        subprocess.run(
            ["git", "archive", commit, "src", GATE],
            cwd=ROOT, check=True, stdout=out,
        )  # fmt: skip
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    archive.unlink()
    return folder


def ptc_text(article: str) -> str:
    path = PTC_ARTICLES / f"article{article}.txt"
    if not path.is_file():
        raise SystemExit(f"missing PTC article {path} (the audit reads ../shared/data)")
    return path.read_text(encoding="utf-8")


def analyze_articles(articles: Sequence[str], out: Path, skip: Sequence[str] = ()) -> None:
    """(In the exported tree's interpreter) the default pipeline, less the analyzers in
    ``skip``, over PTC articles, each analysis written to ``out/<article>.json``."""
    import unspin
    from unspin.features import default_analyzers
    from unspin.model import Document

    assert Path(unspin.__file__).resolve().is_relative_to(out.parent.resolve()), unspin.__file__
    config = {"pipeline": {"analyzers": [a for a in default_analyzers() if a not in skip]}}
    todo = [a for a in articles if not (out / f"{a}.json").is_file()]
    docs = (Document(ptc_text(a), source=f"ptc/article{a}.txt") for a in todo)
    for article, analysis in zip(todo, unspin.analyze_many(docs, config), strict=True):
        for f in analysis.failures:  # kept in the analysis and listed in the sample's notes
            print(f"  article {article}: {f.analyzer} failed: {f.error}", file=sys.stderr)
        tmp = out / f"{article}.json.tmp"
        tmp.write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(out / f"{article}.json")
        print(f"  analysed {article}", file=sys.stderr, flush=True)


def _analyses_dir(tree: Path, skip: Sequence[str]) -> Path:
    return tree.parent / ("analyses" + "".join(f"-no-{a}" for a in skip))


def run_articles(tree: Path, jobs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> None:
    """Analyse, in parallel processes, each ``(articles, skip)`` job's articles not yet
    cached, by the default pipeline of ``tree`` less the analyzers in ``skip``."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    procs = []
    for articles, skip in jobs:
        out = _analyses_dir(tree, skip)
        out.mkdir(parents=True, exist_ok=True)
        todo = [a for a in articles if not (out / f"{a}.json").is_file()]
        if todo:
            command = [sys.executable, __file__, "analyze", "--out", str(out), *todo]
            command += [f"--skip={a}" for a in skip]
            procs.append(subprocess.Popen(command, env=env, cwd=tree))
    failed = [p.args for p in procs if p.wait() != 0]
    if failed:
        raise SystemExit(f"{len(failed)} analysis processes failed")


def load_analyses(tree: Path, articles: Sequence[str], skip: Sequence[str] = ()) -> list[Any]:
    out = _analyses_dir(tree, skip)
    return [json.loads((out / f"{a}.json").read_text(encoding="utf-8")) for a in articles]


def chunks(articles: Sequence[str], n: int) -> list[list[str]]:
    """``articles`` cut into ``n`` interleaved parts (the empty ones dropped)."""
    return [list(articles[k::n]) for k in range(n) if articles[k::n]]


def further_needed(
    base: Counter[str], extra: Sequence[Counter[str]], per_kind: int, spread: int = 0
) -> dict[str, int | None]:
    """For every kind of :data:`FIXED_KINDS`, the fewest further articles (a prefix of
    ``extra``) after which it has ``per_kind`` candidates from at least ``spread``
    further articles; ``None`` if these do not suffice."""
    out: dict[str, int | None] = {}
    for kind in FIXED_KINDS:
        total = base[kind]
        out[kind] = 0 if total >= per_kind and spread == 0 else None
        having = 0
        for n, counts in enumerate(extra, 1):
            if out[kind] is not None:
                break
            total += counts[kind]
            having += counts[kind] > 0
            if total >= per_kind and having >= spread:
                out[kind] = n
    return out


def read_before(paths: Sequence[Path]) -> list[str]:
    """The articles earlier samples read: from a ``.meta.json``, its gate and further
    articles; from a sample's ``.jsonl``, the articles its items come from (the ones
    readers saw and fixes were made on)."""
    seen: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            seen += sorted({row["article"] for row in read_jsonl(path)})
            continue
        meta = json.loads(path.read_text(encoding="utf-8"))
        seen += [*meta["gate_articles"], *meta["extra_articles"]]
    return seen


def further_order(every: Sequence[str], excluded: Iterable[str], seed: int) -> list[str]:
    """The further articles, those not ``excluded``, in the seed's order."""
    extra = sorted(set(every) - set(excluded))
    random.Random(f"{seed}:articles").shuffle(extra)
    return extra


def sample_command(args: argparse.Namespace) -> int:
    commit = git("rev-parse", args.at)
    tree = export_tree(commit)
    print(f"commit {commit}, cache {tree.parent}", file=sys.stderr)
    every = sorted(p.stem.removeprefix("article") for p in PTC_ARTICLES.glob("article*.txt"))
    gate = json.loads((tree / GATE).read_text())["articles"]
    seen = read_before(args.fresh)
    extra = further_order(every, [*gate, *seen], args.seed)[: args.max_extra]
    if args.fresh:  # a fresh round: no gate article (so no technique kind), none read before
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
        return pool_items(analysis, article)

    for article, analysis in zip(gate, load_analyses(tree, gate), strict=True):
        items += pooled(article, analysis)
    techniques = top_techniques(items)
    items = [i for i in items if not i["kind"].startswith(TECHNIQUE) or i["kind"] in techniques]
    base = Counter(i["kind"] for i in items)
    further: list[list[dict[str, Any]]] = []
    while True:
        analyses = load_analyses(tree, extra[len(further) : read], SKIP_EXTRA)
        for article, analysis in zip(extra[len(further) : read], analyses, strict=True):
            further.append([i for i in pooled(article, analysis) if i["kind"] in FIXED_KINDS])
        needed = further_needed(
            base, [Counter(i["kind"] for i in f) for f in further], args.per_kind, args.spread
        )
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
    kinds = [*FIXED_KINDS, *techniques]  # no technique kind in a fresh round
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
        "per_kind": args.per_kind,
        "spread": args.spread,
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


# -- showing items to a reader -------------------------------------------------------------

#: The question each reader answers, per kind (a technique kind uses "technique").
GUIDE = {
    "quote": "Is the marked span a direct quotation (someone's words, not a scare quote, "
    "title or term) with the right boundaries, AND is the speaker shown the one the text "
    "credits (or truly none when it says no identifiable source)?",
    "speaker": "Is the marked span the source of a quotation or reported statement, is "
    "its source type right, and are the name it resolves to and the role (when shown) right?",
    "anonymous": "Does the marked span stand for (speaker) or is it attributed to "
    "(attribution: the content) a source the text leaves unnamed, and is that right?",
    "attribution": "Is the marked span content (a statement, a claim) that the text "
    "reports from a source, with the right boundaries (the content, not the reporting "
    "clause), AND is the source shown the one the text credits it to (or truly none when "
    "the text names no source)?",
    "hedge": "Do the marked words hold back from full commitment to the statement here "
    "(epistemic may/might, reportedly, allegedly, appears...)? Not permission or ability, "
    "not a name, not a literal use.",
    "booster": "Do the marked words insist on certainty or add emphasis/intensity to the "
    "statement here, rather than carry plain content?",
    "vague_attribution": "Do the marked words pin a claim on an unnamed group or unnamed "
    "sources ('critics say', 'experts believe', 'sources said', 'studies show'), of the "
    "kind shown? Not a source the text names or identifies, not a group that does not "
    "carry a claim.",
    "claim": "Is the sentence a factual assertion a fact-checker could verify and might "
    "want to (not an opinion, question, heading, fragment or trivial statement)?",
    "responsibility": "Does the sentence say who did or caused something (an actor made "
    "responsible for an event), and is the actor shown (if any) that actor?",
    "date": "Is the marked span a date or time expression with the right boundaries, and "
    "is the normalised value (when one is shown) right?",
    "number": "Is the marked span a quantity with the right boundaries, and are the value "
    "and unit shown right?",
    "technique": "Does the marked span use the named technique as defined (the PTC "
    "guidelines), with at least half of the span belonging to it?",
}

_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def window(text: str, start: int, end: int, sentences: int = 1, cap: int = 450) -> tuple[int, int]:
    """About ``sentences`` sentences either side of ``text[start:end]``, each side capped."""
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    before = [c for c in cuts if c <= start]
    after = [c for c in cuts if c >= end]
    lo = before[-1 - sentences] if len(before) > sentences else 0
    hi = after[sentences] if len(after) > sentences else len(text)
    return max(lo, start - cap), min(hi, end + cap)


def marked(text: str, start: int, end: int, other: Sequence[int] | None = None) -> str:
    """The context of a span with the span in ⟦ ⟧ (and ``other``, if inside, in ⟨ ⟩)."""
    lo, hi = window(text, start, end)
    marks = [(start, "⟦"), (end, "⟧")]
    inside = other is not None and lo <= other[0] and other[1] <= hi
    if other is not None and inside and (other[1] <= start or other[0] >= end):
        marks += [(other[0], "⟨"), (other[1], "⟩")]
    out, pos = [], lo
    for p, m in sorted(marks, key=lambda pm: (pm[0], pm[1] in "⟧⟩")):
        out += [text[pos:p], m]
        pos = p
    out.append(text[pos:hi])
    body = "".join(out).replace("\n", " ¶ ")
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def _piece(text: str, value: Any) -> str:
    if isinstance(value, list):
        return f"«{text[value[0] : value[1]]}»"
    return "(a derived value, not in the text)"


def _speaker_words(text: str, sp: Mapping[str, Any]) -> str:
    words = f"«{text[sp['span'][0] : sp['span'][1]]}» ({sp['type'].replace('_', ' ')}"
    if sp.get("entity_type"):
        words += f", {sp['entity_type']}"
    words += ")"
    if "name" in sp:
        words += f", name {_piece(text, sp['name'])}"
    if "antecedent" in sp:
        words += f", refers back to {_piece(text, sp['antecedent'])}"
    if "role" in sp:
        words += f", role {_piece(text, sp['role'])}"
    return words


#: What a vague attribution's label says, in words (src/unspin/certainty/analyzer.py).
VAGUE_GROUPS = {
    "vague_crowd": "an unnamed crowd (many people say, some argue, critics say)",
    "vague_expert": "unnamed experts (experts believe, scientists warn, analysts say)",
    "vague_source": "unnamed sources (sources said, a senior official)",
    "vague_research": "unnamed research (studies show, reports say)",
    "vague_rumour": "rumour (rumours suggest, rumour has it)",
}


def _reported_words(
    text: str, a: Mapping[str, Any], moved: Callable[[list[int]], list[int]]
) -> str:
    """An attribution's reporting verb, pieces and relaying source, in words."""
    words = ""
    if "content" in a and a.get("verb"):
        words += f" (reporting verb: {a['verb']})"
    if len(a.get("pieces") or ()) > 1:
        words += f" in {len(a['pieces'])} pieces"
    if "via" in a:
        words += ", relayed by " + _piece(text, moved(a["via"]["span"]))
    return words


def claim_words(row: Mapping[str, Any], text: str, shift: int) -> tuple[str, list[int] | None]:
    """What the finding says, in words, and a second span to mark (a speaker, an actor)."""
    a = row["asserts"]
    kind, label = row["kind"], row["label"].replace("_", " ")

    def moved(span: list[int]) -> list[int]:
        return [span[0] + shift, span[1] + shift]

    if kind in ("quote", "anonymous", "attribution", "speaker") and ("span" in a or "speaker" in a):
        sp = a.get("speaker")
        if kind == "speaker" or (kind == "anonymous" and "span" in a):
            what = "a source of reported speech: " + _speaker_words(
                text, {**a, "span": moved(a["span"])}
            )
            return what, None
        what = "a direct quotation" if kind == "quote" else "content attributed to a source"
        if a.get("fragment"):
            what += " (a partial quotation)"
        what += _reported_words(text, a, moved)
        if sp is None:
            return f"{what}; speaker: none found (source type {a['source_type']})", None
        sp = {**sp, "span": moved(sp["span"])}
        return f"{what}; speaker ⟨⟩: {_speaker_words(text, sp)}", sp["span"]
    if kind in ("quote", "anonymous", "attribution"):
        what = "a direct quotation" if kind == "quote" else "content attributed to a source"
        what += _reported_words(text, a, moved)
        return f"{what}; speaker: none found (source type {a.get('source_type')})", None
    if kind == "vague_attribution":
        group = VAGUE_GROUPS.get(row["label"], label)
        return f"a vague attribution: a claim pinned on {group}", None
    if kind == "claim":
        return "a check-worthy factual claim", None
    if kind == "responsibility":
        parts = [
            f"{slot} {_piece(text, moved(a[slot]))}" for slot in ("actor", "event") if slot in a
        ]
        return "a claim of responsibility (who did it)" + (
            ": " + ", ".join(parts) if parts else ""
        ), (moved(a["actor"]) if "actor" in a else None)
    if kind == "date":
        if a.get("iso"):
            value = f"normalised to {a['iso']}"
        else:
            value = "ambiguous day/month order" if a.get("ambiguous") else "not normalised"
        return (
            f"a date/time expression ({label}), {value}, granularity {a.get('granularity')}",
            None,
        )
    if kind == "number":
        value = a.get("value")
        shown = (
            f"{value:,.4f}".rstrip("0").rstrip(".") if isinstance(value, (int, float)) else value
        )
        if a.get("value_max") is not None:
            shown = f"{shown} to {a['value_max']}"
        extra = f", {a['qualifier'].replace('_', ' ')}" if a.get("qualifier") else ""
        return f"a quantity ({label}): {shown} {a.get('unit') or ''}{extra}".rstrip(), None
    if kind.startswith(TECHNIQUE):
        from unspin.techniques.analyzer import DEFINITIONS  # as the report words them

        return f"the technique {label}: {DEFINITIONS.get(row['label'], '')}", None
    return f"a {kind} ({label})", None


def show_item(row: Mapping[str, Any], text: str, reader: str) -> str:
    found = rematch(row["anchor"], text, row["start"])
    if found is None:
        return f"[{row['id']}] article {row['article']}: the span is no longer in the text\n"
    start, end, how = found
    shift = start - row["start"]
    words, other = claim_words(row, text, shift)
    head = f"[{row['id']}] article {row['article']}, characters {start}-{end}"
    if how != "context" or shift:
        head += f" (re-matched: {how}, moved {shift:+d})"
    lines = [head, f"  finding: {words}"]
    if reader == "A":
        lines.append(
            f"  score {row['score']}, rule {row.get('rule')}, "
            f"{row['analyzer']} {row['analyzer_version']}"
        )
    lines.append(f"  text: {marked(text, start, end, other)}")
    return "\n".join(lines) + "\n"


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
        text = texts.setdefault(row["article"], ptc_text(row["article"]))
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


def split_at(
    sample: Sequence[Mapping[str, Any]], a: Mapping[str, Mapping[str, str]], kind: str, at: float
) -> str:
    """Reader A's precision of one kind's items scored at or over ``at`` and under it: does
    the finding's own score tell right from wrong (a display floor to try on a new round)?"""
    sides = {True: [0, 0], False: [0, 0]}
    for row in sample:
        if row["kind"] == kind and row["id"] in a:
            side = sides[row["score"] >= at]
            side[0] += a[row["id"]]["verdict"] == "correct"
            side[1] += 1
    (hc, hn), (lc, ln) = sides[True], sides[False]
    return f"{kind}: score >= {at}: {hc} of {hn} right; under {at}: {lc} of {ln} right"


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
    analyze_articles(args.articles, args.out, args.skip)
    return 0


if __name__ == "__main__":
    sys.exit(main())
