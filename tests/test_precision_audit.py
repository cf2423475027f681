"""bench/precision_audit.py (and its audit_draw.py, audit_articles.py): Wilson intervals,
anchors, seeded sampling, scoring and the corpora, on small hand-made inputs (no models,
no dataset text)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "precision_audit", ROOT / "bench" / "precision_audit.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["precision_audit"] = module
    spec.loader.exec_module(module)
    return module


pa = _load()
ad = sys.modules["audit_draw"]  # items, anchors, the draw, scoring
aa = sys.modules["audit_articles"]  # the corpora, the pipeline, an item in its text

TEXT = (
    'Harbour fees rose again. The mayor, Ana Vik, said on Monday that "the port will '
    'close by May". Officials said 300 jobs may go. The port will close, Vik said.'
)


# -- Wilson interval -----------------------------------------------------------------------


def test_wilson_matches_the_published_interval() -> None:
    lo, hi = ad.wilson(8, 10)
    assert (round(lo, 3), round(hi, 3)) == (0.490, 0.943)


def test_wilson_at_the_edges_and_symmetry() -> None:
    lo, hi = ad.wilson(40, 40)
    assert hi == 1.0 and lo == pytest.approx(0.9124, abs=1e-4)
    assert ad.wilson(0, 40)[0] == 0.0
    assert ad.wilson(0, 0) == (0.0, 1.0)
    lo, hi = ad.wilson(13, 40)
    lo2, hi2 = ad.wilson(27, 40)
    assert lo == pytest.approx(1 - hi2) and hi == pytest.approx(1 - lo2)
    assert lo < 13 / 40 < hi


# -- anchors -------------------------------------------------------------------------------


def test_anchor_holds_no_text_and_rematches_in_place() -> None:
    start = TEXT.index("may go")
    anchor = ad.make_anchor(TEXT, start, start + 6)
    assert "may" not in json.dumps(anchor)
    assert ad.rematch(anchor, TEXT, start) == (start, start + 6, "context")


def test_anchor_rematches_after_an_offset_shift() -> None:
    start = TEXT.index("300 jobs")
    anchor = ad.make_anchor(TEXT, start, start + 8)
    shifted = "HEADLINE\n\n" + TEXT
    assert ad.rematch(anchor, shifted, start) == (start + 10, start + 18, "context")


def test_anchor_context_picks_the_right_one_of_two_equal_spans() -> None:
    second = TEXT.index("The port will close")
    first = TEXT.index("the port will close")
    assert first < second
    anchor = ad.make_anchor(TEXT.lower(), second, second + 19)
    # the same words occur twice; the context says which, even far from the hint
    assert ad.rematch(anchor, "x" * 7 + TEXT.lower(), 0) == (second + 7, second + 26, "context")


def test_anchor_survives_a_changed_context_and_reports_it() -> None:
    start = TEXT.index("Officials")
    anchor = ad.make_anchor(TEXT, start, start + 9)
    changed = TEXT.replace('by May". ', 'by June". ').replace(" 300 jobs", " 400 jobs")
    found = ad.rematch(anchor, changed, start)
    assert found is not None and found[2] == "text only"
    assert changed[found[0] : found[1]] == "Officials"
    assert ad.rematch(anchor, TEXT.replace("Officials", "Others"), start) is None


# -- findings to items ---------------------------------------------------------------------


def _finding(kind: str, label: str, start: int, end: int, **attrs: Any) -> dict[str, Any]:
    relations = attrs.pop("relations", [])
    return {
        "id": f"{kind}-{start}-{label}",
        "kind": kind,
        "label": label,
        "start": start,
        "end": end,
        "score": 0.9,
        "analyzer": "x",
        "analyzer_version": "1",
        "explanation": {"rule": f"{kind}.rule"},
        "attributes": attrs,
        "relations": relations,
    }


def test_audit_kinds_follow_what_the_report_shows() -> None:
    assert ad.audit_kinds(_finding("claim", "numeric", 0, 5, checkworthy=False)) == []
    assert ad.audit_kinds(_finding("claim", "numeric", 0, 5, checkworthy=True)) == ["claim"]
    assert ad.audit_kinds(_finding("claim", "responsibility", 0, 5, checkworthy=True)) == [
        "claim",
        "responsibility",
    ]
    assert ad.audit_kinds(_finding("speaker", "anonymous", 0, 5)) == ["anonymous"]
    assert ad.audit_kinds(_finding("speaker", "named_person", 0, 5)) == ["speaker"]
    assert ad.audit_kinds(_finding("attribution", "anonymous", 0, 5)) == ["anonymous"]
    assert ad.audit_kinds(_finding("attribution", "named_person", 0, 5)) == ["attribution"]
    assert ad.audit_kinds(_finding("attribution", "unattributed", 0, 5)) == ["attribution"]
    assert ad.audit_kinds(_finding("attribution", "anonymous", 0, 5, shown=False)) == []
    assert ad.audit_kinds(_finding("vague_attribution", "vague_expert", 0, 5)) == [
        "vague_attribution"
    ]
    assert ad.audit_kinds(_finding("vague_attribution", "vague_crowd", 0, 5, candidate=True)) == []
    assert ad.audit_kinds(_finding("quantity", "count", 0, 5)) == ["number"]
    assert ad.audit_kinds(_finding("technique", "Doubt", 0, 5)) == ["technique:Doubt"]
    assert ad.audit_kinds(_finding("technique", "Doubt", 0, 5, shown=False)) == []


def test_a_floored_kind_is_drawn_over_its_floor_only() -> None:
    floors = {"attribution": 0.78, "quote": 0.78}
    weak = {**_finding("attribution", "named_person", 0, 5), "score": 0.7}
    assert ad.audit_kinds(weak) == ["attribution"]  # rounds 1-5: every score
    assert ad.audit_kinds(weak, floors) == []
    assert ad.audit_kinds({**weak, "score": 0.78}, floors) == ["attribution"]
    # an anonymous source is its own layer, with no floor
    anonymous = {**_finding("attribution", "anonymous", 0, 5), "score": 0.5}
    assert ad.audit_kinds(anonymous, floors) == ["anonymous"]
    # --under-floors: the weak layers only, and no kind without a floor
    assert ad.audit_kinds(weak, floors, under=True) == ["attribution"]
    assert ad.audit_kinds({**weak, "score": 0.78}, floors, under=True) == []
    assert ad.audit_kinds(anonymous, floors, under=True) == []
    extra = [Counter(attribution=25, hedge=40), Counter(attribution=20)]
    needed = ad.further_needed(Counter(), extra, 40, kinds=["attribution"])
    assert needed == {"attribution": 2}  # the hedge (not drawn) asks for no article


def test_pool_items_store_offsets_and_hashes_but_no_article_text() -> None:
    name = TEXT.index("Ana Vik")
    sp = _finding("speaker", "named_person", name, name + 7, name="Ana Vik", role="mayor")
    q0 = TEXT.index('"the port')
    quote = _finding(
        "quote",
        "named_person",
        q0,
        TEXT.index('May"') + 4,
        source_type="named_person",
        relations=[{"role": "speaker", "target": sp["id"]}],
    )
    analysis = {"document": {"text": TEXT}, "findings": [sp, quote]}
    items = ad.pool_items(analysis, "123")
    assert [i["kind"] for i in items] == ["speaker", "quote"]
    dumped = json.dumps(items)
    for words in ("Ana Vik", "mayor", "port will", "Harbour"):
        assert words not in dumped
    said = items[1]["asserts"]["speaker"]
    assert said["span"] == [name, name + 7] and said["name"] == [name, name + 7]
    assert TEXT[slice(*said["role"])] == "mayor"
    words, other = aa.claim_words(items[1], TEXT, 0)
    assert "«Ana Vik»" in words and other == [name, name + 7]
    shown = aa.marked(TEXT, items[1]["start"], items[1]["end"], other)
    assert '⟨Ana Vik⟩, said on Monday that ⟦"the port will close by May"⟧' in shown


def test_attribution_items_show_content_and_source() -> None:
    name = TEXT.index("Vik said")
    sp = _finding("speaker", "named_person", name, name + 3, name="Ana Vik")
    c0 = TEXT.index("The port will close,")
    attribution = _finding(
        "attribution",
        "named_person",
        c0,
        c0 + len("The port will close"),
        source_type="named_person",
        verb="say",
        construction="parenthetical",
        relations=[{"role": "speaker", "target": sp["id"]}],
    )
    v0 = TEXT.index("Officials said")
    vague = _finding("vague_attribution", "vague_source", v0, v0 + len("Officials said"))
    analysis = {"document": {"text": TEXT}, "findings": [sp, attribution, vague]}
    items = ad.pool_items(analysis, "123")
    assert [i["kind"] for i in items] == ["speaker", "attribution", "vague_attribution"]
    for words in ("Vik", "port will", "Officials"):
        assert words not in json.dumps(items)
    said = items[1]["asserts"]
    assert said["content"] == [items[1]["start"], items[1]["end"]]
    assert said["source_type"] == "named_person" and said["speaker"]["span"] == [name, name + 3]
    words, other = aa.claim_words(items[1], TEXT, 0)
    assert words.startswith("content attributed to a source (reporting verb: say)")
    assert "«Ana Vik»" in words and other == [name, name + 3]
    shown = aa.marked(TEXT, items[1]["start"], items[1]["end"], other)
    assert "⟦The port will close⟧, ⟨Vik⟩ said." in shown
    unattributed = {**items[1], "label": "unattributed", "asserts": {"content": [0, 5]}}
    assert "speaker: none found" in aa.claim_words(unattributed, TEXT, 0)[0]
    assert items[2]["asserts"] == {"group": "vague_source"}
    words, other = aa.claim_words(items[2], TEXT, 0)
    assert words.startswith("a vague attribution: a claim pinned on unnamed sources")
    assert other is None
    for kind in ("attribution", "vague_attribution"):
        assert kind in ad.FIXED_KINDS and kind in aa.GUIDE


def test_show_names_the_judgement_file_next_to_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    v0 = TEXT.index("Officials said")
    row = {
        "id": "vague_attribution/01",
        "kind": "vague_attribution",
        "label": "vague_source",
        "article": "1",
        "start": v0,
        "end": v0 + 14,
        "score": 0.9,
        "analyzer": "certainty",
        "analyzer_version": "1",
        "rule": "vague.parse",
        "asserts": {"group": "vague_source"},
        "anchor": ad.make_anchor(TEXT, v0, v0 + 14),
        "blind": True,
    }
    path = tmp_path / "round2" / "sample.jsonl"
    path.parent.mkdir()
    path.write_text(json.dumps(row) + "\n")
    monkeypatch.setattr(pa, "article_text", lambda article: TEXT)
    for reader in ("A", "B"):
        assert (
            pa.main(["show", "--reader", reader, "--kind", row["kind"], "--sample", str(path)]) == 0
        )
        out = capsys.readouterr().out
        assert aa.GUIDE["vague_attribution"] in out
        assert str(path.with_name(f"judgments-{reader}.jsonl")) in out
        assert "⟦Officials said⟧" in out and ("vague.parse" in out) == (reader == "A")


# -- sampling ------------------------------------------------------------------------------


def _pool(articles: int = 3, per_article: int = 10, kind: str = "hedge") -> list[dict[str, Any]]:
    return [
        {
            "article": f"a{a}",
            "kind": kind,
            "label": "modal",
            "start": 10 * k,
            "end": 10 * k + 3,
            "finding": f"f{a}-{k}",
        }
        for a in range(articles)
        for k in range(per_article)
    ]


def test_sampling_is_seeded_and_ignores_the_order_of_the_pool() -> None:
    pool = _pool() + _pool(kind="date")
    shuffled = list(pool)
    random.Random(5).shuffle(shuffled)
    one = ad.draw(pool, ["date", "hedge"], 12, seed=7)
    assert one == ad.draw(shuffled, ["hedge", "date"], 12, seed=7)
    assert one != ad.draw(pool, ["date", "hedge"], 12, seed=8)
    # rows sorted: kind in report order, then article and offsets; ids numbered per kind
    assert [r["kind"] for r in one] == ["hedge"] * 12 + ["date"] * 12
    hedges = one[:12]
    assert hedges == sorted(hedges, key=lambda r: (r["article"], r["start"]))
    assert [r["id"] for r in hedges][:2] == ["hedge/01", "hedge/02"]


def test_sampling_spreads_over_articles_and_marks_a_blind_quarter() -> None:
    rows = ad.draw(_pool(articles=4, per_article=30), ["hedge"], 40, seed=1)
    assert len(rows) == 40
    assert {a: sum(r["article"] == a for r in rows) for a in ("a0", "a1", "a2", "a3")} == {
        "a0": 10,
        "a1": 10,
        "a2": 10,
        "a3": 10,
    }
    assert sum(r["blind"] for r in rows) == 10
    big = ad.draw(_pool(articles=10, per_article=10), ["hedge"], 60, seed=1)
    assert sum(r["blind"] for r in big) == 15  # a quarter of 60
    small = ad.draw(_pool(articles=2, per_article=3), ["hedge"], 40, seed=1)
    assert len(small) == 6 and all(r["blind"] for r in small)  # too few: all, all blind


def test_further_articles_are_the_shortest_prefix_that_fills_each_kind() -> None:
    full = {k: 40 for k in ad.FIXED_KINDS}
    base = Counter({**full, "responsibility": 30, "booster": 39})
    extra = [
        Counter(responsibility=4),
        Counter(booster=2, responsibility=3),
        Counter(),
        Counter(responsibility=9),
    ]
    needed = ad.further_needed(base, extra, 40)
    assert needed["booster"] == 2 and needed["responsibility"] == 4 and needed["quote"] == 0
    assert ad.further_needed(base, extra[:3], 40)["responsibility"] is None
    assert aa.chunks(["a", "b", "c", "d", "e"], 2) == [["a", "c", "e"], ["b", "d"]]
    assert aa.chunks(["a"], 3) == [["a"]]


def test_a_fresh_round_leaves_out_every_article_read_before(tmp_path: Path) -> None:
    meta = tmp_path / "sample.meta.json"
    meta.write_text(json.dumps({"gate_articles": ["g1"], "extra_articles": ["a3", "a1"]}))
    seen = aa.read_before([meta])
    assert sorted(seen) == ["a1", "a3", "g1"]
    every = ["a1", "a2", "a3", "a4", "a5", "g1"]
    order = aa.further_order(every, seen, seed=14)
    assert sorted(order) == ["a2", "a4", "a5"]
    assert order == aa.further_order(every[::-1], seen, seed=14)  # seeded, not input order
    assert aa.read_before([]) == []
    items = tmp_path / "sample.jsonl"
    items.write_text('{"id": "quote/01", "article": "a4"}\n{"id": "quote/02", "article": "a4"}\n')
    assert aa.read_before([meta, items]) == ["g1", "a3", "a1", "a4"]  # a sample: its items'


def test_spread_takes_articles_until_enough_of_them_have_the_kind() -> None:
    base: Counter[str] = Counter()
    extra = [Counter(quote=30), Counter(quote=12), Counter(), Counter(quote=1)]
    assert ad.further_needed(base, extra, 40)["quote"] == 2
    assert ad.further_needed(base, extra, 40, spread=3)["quote"] == 4
    assert ad.further_needed(base, extra[:3], 40, spread=3)["quote"] is None


def test_top_techniques_by_count_then_name() -> None:
    items = [{"kind": f"technique:{t}"} for t in "AABBBCDDE"] + [{"kind": "quote"}] * 9
    assert ad.top_techniques(items, 3) == ["technique:B", "technique:A", "technique:D"]


# -- scoring -------------------------------------------------------------------------------


def _sample() -> list[dict[str, Any]]:
    return [{"id": f"hedge/{k:02d}", "kind": "hedge", "blind": k <= 4} for k in range(1, 11)] + [
        {"id": f"date/{k:02d}", "kind": "date", "blind": k <= 2} for k in range(1, 5)
    ]


def _verdicts(pattern: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    names = {"c": "correct", "w": "wrong", "u": "unsure"}
    return {
        i: {"id": i, "verdict": names[v], "reason": "r"} for i, v in zip(ids, pattern, strict=False)
    }


def test_score_counts_unsure_as_wrong_and_reports_agreement() -> None:
    sample = _sample()
    ids = [r["id"] for r in sample]
    a = _verdicts("cccccccwwu" + "ccwc", ids)
    b = _verdicts(
        "cccw" + "cw", ["hedge/01", "hedge/02", "hedge/03", "hedge/04", "date/01", "date/02"]
    )
    result = ad.score(sample, a, b)
    hedge = result["kinds"]["hedge"]
    assert (hedge["judged"], hedge["correct"], hedge["unsure"]) == (10, 7, 1)
    assert hedge["precision"] == pytest.approx(0.7)
    assert hedge["wilson95"] == pytest.approx(list(ad.wilson(7, 10)))
    assert hedge["agreement"]["percent"] == pytest.approx(75.0)
    # reader A said correct to all four: agreement no better than chance
    assert hedge["agreement"]["kappa"] == pytest.approx(0.0)
    # both kinds together: A = c c c c c c, B = c c c w c w -> 4/6 agree
    assert result["agreement"]["percent"] == pytest.approx(100 * 4 / 6)
    assert result["missing_a"] == [] and result["missing_b"] == []
    table = ad.markdown_table(result)
    assert (
        "| hedge | 10 | 7 | 1 | 0.70 | 0.40-0.89 | 4, 75 %, 0.00 | under: experimental |" in table
    )
    assert "| date | 4 | 3 | 0 | 0.75 |" in table


def test_cohen_kappa_known_value() -> None:
    a = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    b = [True] * 20 + [True] * 5 + [False] * 10 + [False] * 15
    # po = 0.7, pe = 0.6 * 0.5 + 0.4 * 0.5 = 0.5 -> kappa 0.4
    assert ad.cohen_kappa(a, b) == pytest.approx(0.4)
    assert ad.cohen_kappa([True] * 3, [True] * 3) is None  # chance agreement is 1


def test_score_command_lists_missing_judgements_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = _sample()
    path = tmp_path / "sample.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sample))
    a = _verdicts("c" * 13, [r["id"] for r in sample][:13])
    (tmp_path / "judgments-A.jsonl").write_text("".join(json.dumps(v) + "\n" for v in a.values()))
    assert pa.main(["score", "--sample", str(path)]) == 1
    err = capsys.readouterr().err
    assert "A date/04" in err and "B hedge/01" in err
    b = _verdicts("c" * 6, [r["id"] for r in sample if r["blind"]])
    (tmp_path / "judgments-B.jsonl").write_text("".join(json.dumps(v) + "\n" for v in b.values()))
    a["date/04"] = {"id": "date/04", "verdict": "wrong", "reason": "not a date"}
    (tmp_path / "judgments-A.jsonl").write_text("".join(json.dumps(v) + "\n" for v in a.values()))
    assert pa.main(["score", "--sample", str(path)]) == 0


def test_judgements_are_checked() -> None:
    ids = {"hedge/01"}
    with pytest.raises(SystemExit, match="verdict"):
        ad.check_judgments([{"id": "hedge/01", "verdict": "maybe", "reason": "r"}], ids, "f")
    with pytest.raises(SystemExit, match="unknown"):
        ad.check_judgments([{"id": "hedge/02", "verdict": "wrong", "reason": "r"}], ids, "f")
    with pytest.raises(SystemExit, match="one non-empty line"):
        ad.check_judgments([{"id": "hedge/01", "verdict": "wrong", "reason": ""}], ids, "f")


def test_judge_records_lines_and_keeps_reader_b_to_the_blind_quarter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sample.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _sample()))

    def judge(reader: str, lines: str) -> list[dict[str, Any]]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
        assert pa.main(["judge", "--reader", reader, "--sample", str(path)]) == 0
        rows: list[dict[str, Any]] = aa.read_jsonl(tmp_path / f"judgments-{reader}.jsonl")
        return rows

    rows = judge("A", "date/02 w a weekday, not resolved\n# comment\nhedge/01 c epistemic modal\n")
    assert [(r["id"], r["verdict"]) for r in rows] == [
        ("hedge/01", "correct"),
        ("date/02", "wrong"),
    ]
    rows = judge("A", "date/02 unsure cannot tell from the context\n")
    assert [r["verdict"] for r in rows] == ["correct", "unsure"]
    assert judge("B", "hedge/04 c fine\n")[0]["id"] == "hedge/04"
    monkeypatch.setattr(sys, "stdin", io.StringIO("hedge/05 c not blind\n"))
    with pytest.raises(SystemExit, match="unknown item id"):
        pa.main(["judge", "--reader", "B", "--sample", str(path)])


def test_rematch_precision_counts_judged_items_only() -> None:
    spec = importlib.util.spec_from_file_location(
        "audit_rematch", ROOT / "bench" / "audit_rematch.py"
    )
    assert spec is not None and spec.loader is not None
    rematch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rematch)
    sample = [
        {
            "id": f"hedge/0{k}",
            "kind": "hedge",
            "label": "modal",
            "article": "1",
            "start": k,
            "end": k + 1,
        }
        for k in range(1, 4)
    ]
    current = {"1": {(1, 2, "hedge", "modal"), (2, 3, "hedge", "modal")}}
    out = rematch.survivors(sample, {"hedge/01": "correct"}, current)["hedge"]
    assert out["kept"] == {"correct": 1, "missing": 1} and out["gone"] == {"missing": 1}
    assert out["kept_precision"] == 1.0
    assert rematch.survivors(sample, {}, current)["hedge"]["kept_precision"] is None


def test_split_at_counts_right_items_over_and_under_a_score() -> None:
    sample = [
        {"id": "hedge/01", "kind": "hedge", "score": 0.9},
        {"id": "hedge/02", "kind": "hedge", "score": 0.6},
        {"id": "hedge/03", "kind": "hedge", "score": 0.8},
        {"id": "date/01", "kind": "date", "score": 0.9},
    ]
    a = {
        "hedge/01": {"verdict": "correct"},
        "hedge/02": {"verdict": "wrong"},
        "hedge/03": {"verdict": "unsure"},
        "date/01": {"verdict": "correct"},
    }
    line = ad.split_at(sample, a, "hedge", 0.8)
    assert line == "hedge: score >= 0.8: 1 of 2 right; under 0.8: 0 of 1 right"


# -- the corpora: FNC-1 bodies beside PTC articles -----------------------------------------

LONG = 'The harbour board met on Tuesday, and "fees", it said, would rise.\n\nA new line. ' * 18


def _fnc1_csv(path: Path) -> dict[str, str]:
    """A tiny invented FNC-1-style ``train_bodies.csv`` (quoted fields with commas, quotes
    and newlines inside, as the real file has)."""
    bodies = {"7": LONG, "12": "A stub.\nToo short to draw.", "3": LONG[:1199], "40": LONG + "\r\n"}
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(bodies.items())
    return bodies


def test_fnc1_bodies_are_namespaced_exact_and_long_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(LONG) >= aa.FNC1_MIN_CHARS == 1200
    bodies = _fnc1_csv(tmp_path / "train_bodies.csv")
    monkeypatch.setattr(aa, "FNC1_BODIES", tmp_path / "train_bodies.csv")
    ptc = tmp_path / "ptc"
    ptc.mkdir()
    for n in ("111", "222"):
        (ptc / f"article{n}.txt").write_text(f"Invented PTC article {n}.\n", encoding="utf-8")
    monkeypatch.setattr(aa, "PTC_ARTICLES", ptc)
    # ids "fnc1-<Body ID>"; only bodies of 1,200 characters or more are drawn from
    assert aa.corpus_articles("fnc1") == ["fnc1-40", "fnc1-7"]
    assert aa.corpus_articles("ptc") == ["111", "222"]
    # the text exactly as in the CSV (newlines, quotes, a final CR LF), by the id alone
    for body_id, text in bodies.items():
        assert aa.article_text(f"fnc1-{body_id}") == text
    assert aa.article_text("111") == "Invented PTC article 111.\n"
    assert [aa.corpus_of(a) for a in ("fnc1-7", "111")] == ["fnc1", "ptc"]
    assert aa.article_source("fnc1-7") == "fnc1/train_bodies.csv#7"
    with pytest.raises(SystemExit, match="no FNC-1 body 99"):
        aa.article_text("fnc1-99")
    # the order: corpus after corpus, each seeded; what earlier samples read is left out
    both = aa.corpora_order(["ptc", "fnc1"], ["222"], seed=3)
    assert both[:1] == ["111"] and sorted(both[1:]) == ["fnc1-40", "fnc1-7"]
    assert aa.corpora_order(["ptc"], [], seed=3) == aa.further_order(["111", "222"], [], 3)
    assert aa.corpora_order(["fnc1"], ["fnc1-7"], seed=3) == ["fnc1-40"]
    # a lower floor reaches the shorter bodies (a fresh round after the long ones are read)
    assert aa.corpus_articles("fnc1", fnc1_min_chars=1199) == ["fnc1-3", "fnc1-40", "fnc1-7"]
    assert aa.corpora_order(["fnc1"], ["fnc1-7", "fnc1-40"], 3, fnc1_min_chars=99) == ["fnc1-3"]
    # a reader finds the text again: show marks the span in an FNC-1 body, text prints it
    start = LONG.index('"fees"')
    row = {
        "id": "quote/01",
        "kind": "quote",
        "label": "direct",
        "article": "fnc1-7",
        "start": start,
        "end": start + 6,
        "score": 0.9,
        "analyzer": "sources",
        "analyzer_version": "1",
        "rule": "r",
        "asserts": {"source_type": "organisation"},
        "anchor": ad.make_anchor(LONG, start, start + 6),
        "blind": False,
    }
    sample = tmp_path / "sample.jsonl"
    sample.write_text(json.dumps(row) + "\n")
    assert pa.main(["show", "--reader", "A", "--kind", "quote", "--sample", str(sample)]) == 0
    out = capsys.readouterr().out
    assert "article fnc1-7, characters" in out and '⟦"fees"⟧' in out and "re-matched" not in out
    assert pa.main(["text", "fnc1-12"]) == 0
    assert capsys.readouterr().out == bodies["12"]


def test_polnear_train_articles_are_a_corpus_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = tmp_path / "polnear" / "train" / "text"
    texts.mkdir(parents=True)
    for stem in ("paper_2016-01-02_a-story", "post_2016-03-04_b-story"):
        (texts / f"{stem}.txt").write_text(f"Invented article {stem}.\n", encoding="utf-8")
    monkeypatch.setattr(aa, "POLNEAR_TEXTS", texts)
    ids = aa.corpus_articles("polnear")
    assert ids == ["polnear-paper_2016-01-02_a-story", "polnear-post_2016-03-04_b-story"]
    assert aa.corpus_of(ids[0]) == "polnear" and aa.corpus_of("fnc1-7") == "fnc1"
    assert aa.article_text(ids[1]) == "Invented article post_2016-03-04_b-story.\n"
    assert aa.article_source(ids[0]) == "polnear/train/text/paper_2016-01-02_a-story.txt"
    assert aa.corpora_order(["polnear"], [ids[0]], seed=3) == [ids[1]]
    with pytest.raises(SystemExit, match="missing PolNeAR article"):
        aa.article_text("polnear-nothing")
