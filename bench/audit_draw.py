"""The items of the precision audit (``bench/precision_audit.py``): findings made into
audit items that hold no article text (anchors of hashes, offsets), the seeded,
stratified draw, and the scoring (precision, Wilson intervals, reader agreement).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

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


def audit_kinds(
    f: Mapping[str, Any], floors: Mapping[str, float] | None = None, under: bool = False
) -> list[str]:
    """The audited kinds a finding (``Finding.to_dict()``) belongs to, if the default report
    shows it. ``floors``: per audited kind, the score under which the report puts the
    finding in the kind's experimental "weak" layer (``unspin.report.audited.SCORE_FLOORS``);
    such a finding is then no item (the round audits the layer the report may show).
    ``under``: the other way round, only the weak layers: a floored kind's findings under
    its floor, and no other kind."""
    kind, label, attrs = f["kind"], f["label"], f.get("attributes") or {}
    if attrs.get("shown") is False or attrs.get("candidate") is True:
        return []  # findings kept out of the default report
    kinds = _audit_kinds(kind, label, attrs)
    score = float(f["score"])
    if floors and under:
        kinds = [k for k in kinds if k in floors and score < floors[k]]
    elif floors:
        kinds = [k for k in kinds if score >= floors.get(k, float("-inf"))]
    return kinds


def _audit_kinds(kind: str, label: str, attrs: Mapping[str, Any]) -> list[str]:
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


def pool_items(
    analysis: Mapping[str, Any],
    article: str,
    floors: Mapping[str, float] | None = None,
    under: bool = False,
) -> list[dict[str, Any]]:
    """Every audited item of one analysis (``Analysis.to_dict()``), without article text
    (``floors``, ``under``: see :func:`audit_kinds`)."""
    text = analysis["document"]["text"]
    findings = analysis["findings"]
    by_id = {f["id"]: f for f in findings}
    items = []
    for f in findings:
        for kind in audit_kinds(f, floors, under):
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


def further_needed(
    base: Counter[str],
    extra: Sequence[Counter[str]],
    per_kind: int,
    spread: int = 0,
    kinds: Sequence[str] = FIXED_KINDS,
) -> dict[str, int | None]:
    """For every kind of ``kinds`` (default :data:`FIXED_KINDS`), the fewest further
    articles (a prefix of ``extra``) after which it has ``per_kind`` candidates from at
    least ``spread`` further articles; ``None`` if these do not suffice."""
    out: dict[str, int | None] = {}
    for kind in kinds:
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
