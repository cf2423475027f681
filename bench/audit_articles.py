"""The articles of the precision audit (``bench/precision_audit.py``): where they come
from, the default pipeline of one commit run over them, and a span shown in its text.

Three corpora, told apart by the article id:

- ``ptc``: PTC's ``train-articles`` in ``../shared/data/ptc/``; the id is the number of
  ``article<ID>.txt`` (``"111111111"``), as in every sample since round 1;
- ``fnc1``: the news bodies of FNC-1 (``../shared/data/fnc1/train_bodies.csv``, columns
  ``Body ID`` and ``articleBody``); the id is ``fnc1-<Body ID>`` and the text the
  ``articleBody`` field exactly as the CSV holds it (newlines kept), analysed as a
  plain-text document. Only bodies of at least :data:`FNC1_MIN_CHARS` characters are
  drawn from (news articles, not the stubs and one-paragraph snippets among them);
- ``polnear``: PolNeAR's *train* articles (``../shared/data/polnear/train/text/``, 2016
  US election news from seven publishers); the id is ``polnear-<file stem>``. Its dev
  split is never read. The default pipeline's attribution rules were compared with the
  train annotations in aggregate (``bench/attribution.py``, F1 by publisher), but no one
  read these articles' reports while fixing, and no shipped model trained on them (the
  learned extractor, which did, is off by default).

Since the id names its corpus, :func:`article_text` finds any sample item's text again
(``show``, ``audit_rematch.py``, ``finding_diff.py``), and the corpora's ids never collide
in ``--fresh`` or in the analysis cache.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from audit_draw import TECHNIQUE, rematch, sha

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PTC_ARTICLES = DATA / "ptc" / "train-articles"
FNC1_BODIES = DATA / "fnc1" / "train_bodies.csv"
FNC1_PREFIX = "fnc1-"
POLNEAR_TEXTS = DATA / "polnear" / "train" / "text"
POLNEAR_PREFIX = "polnear-"
#: The shortest FNC-1 body drawn from (characters of ``articleBody``).
FNC1_MIN_CHARS = 1200
CORPORA = ("ptc", "fnc1", "polnear")
CACHE = Path(tempfile.gettempdir()) / "precision-audit"
GATE = "training/techniques/gate.json"
#: Not run on the further articles: their technique findings are never audited (the
#: model trained on them) and no other analyzer reads them, so the rest is unchanged.
SKIP_EXTRA = ("techniques",)
#: The CLI whose hidden ``analyze`` command runs the pipeline in the exported tree.
WORKER = Path(__file__).resolve().with_name("precision_audit.py")


# -- the corpora ---------------------------------------------------------------------------


def corpus_of(article: str) -> str:
    """The corpus an article id belongs to (``fnc1-`` ids are FNC-1's, ``polnear-`` ids
    PolNeAR's, the rest PTC's)."""
    if article.startswith(FNC1_PREFIX):
        return "fnc1"
    return "polnear" if article.startswith(POLNEAR_PREFIX) else "ptc"


def fnc1_bodies(path: Path | None = None) -> dict[str, str]:
    """Every FNC-1 body of ``path`` (default :data:`FNC1_BODIES`) by article id
    ``fnc1-<Body ID>``, its text exactly as the CSV holds it (read once per process)."""
    return _read_fnc1(path or FNC1_BODIES)


@functools.cache
def _read_fnc1(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise SystemExit(f"missing FNC-1 bodies {path} (the audit reads ../shared/data)")
    bodies: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            article = FNC1_PREFIX + row["Body ID"].strip()
            if article in bodies:
                raise SystemExit(f"{path}: Body ID {row['Body ID']!r} twice")
            bodies[article] = row["articleBody"]
    return bodies


def corpus_articles(corpus: str, fnc1_min_chars: int = FNC1_MIN_CHARS) -> list[str]:
    """The article ids of a corpus that a sample draws from, sorted: every PTC train
    article; the FNC-1 bodies of at least ``fnc1_min_chars`` characters (default
    :data:`FNC1_MIN_CHARS`)."""
    if corpus == "ptc":
        return sorted(p.stem.removeprefix("article") for p in PTC_ARTICLES.glob("article*.txt"))
    if corpus == "fnc1":
        return sorted(a for a, text in fnc1_bodies().items() if len(text) >= fnc1_min_chars)
    if corpus == "polnear":
        return sorted(POLNEAR_PREFIX + p.stem for p in POLNEAR_TEXTS.glob("*.txt"))
    raise SystemExit(f"unknown corpus {corpus!r}; one of {', '.join(CORPORA)}")


def ptc_text(article: str) -> str:
    path = PTC_ARTICLES / f"article{article}.txt"
    if not path.is_file():
        raise SystemExit(f"missing PTC article {path} (the audit reads ../shared/data)")
    return path.read_text(encoding="utf-8")


def article_text(article: str) -> str:
    """The text of a sample's article, PTC's, FNC-1's or PolNeAR's (by its id)."""
    if corpus_of(article) == "ptc":
        return ptc_text(article)
    if corpus_of(article) == "polnear":
        path = POLNEAR_TEXTS / f"{article.removeprefix(POLNEAR_PREFIX)}.txt"
        if not path.is_file():
            raise SystemExit(f"missing PolNeAR article {path} (the audit reads ../shared/data)")
        return path.read_text(encoding="utf-8")
    bodies = fnc1_bodies()
    if article not in bodies:
        raise SystemExit(f"no FNC-1 body {article.removeprefix(FNC1_PREFIX)} in {FNC1_BODIES}")
    return bodies[article]


def article_source(article: str) -> str:
    """Where an article comes from, as the analysed document's ``source``."""
    if corpus_of(article) == "ptc":
        return f"ptc/article{article}.txt"
    if corpus_of(article) == "polnear":
        return f"polnear/train/text/{article.removeprefix(POLNEAR_PREFIX)}.txt"
    return f"fnc1/train_bodies.csv#{article.removeprefix(FNC1_PREFIX)}"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


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


def corpora_order(
    corpora: Sequence[str],
    excluded: Iterable[str],
    seed: int,
    fnc1_min_chars: int = FNC1_MIN_CHARS,
) -> list[str]:
    """The further articles of ``corpora``, corpus after corpus in the order given, each in
    the seed's order (:func:`further_order`; for ``["ptc"]`` the order rounds 1 to 5 used)."""
    seen = set(excluded)
    return [
        a
        for corpus in corpora
        for a in further_order(corpus_articles(corpus, fnc1_min_chars), seen, seed)
    ]


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


def analyze_articles(articles: Sequence[str], out: Path, skip: Sequence[str] = ()) -> None:
    """(In the exported tree's interpreter) the default pipeline, less the analyzers in
    ``skip``, over PTC or FNC-1 articles, each analysis written to ``out/<article>.json``."""
    import unspin
    from unspin.features import default_analyzers
    from unspin.model import Document

    assert Path(unspin.__file__).resolve().is_relative_to(out.parent.resolve()), unspin.__file__
    config = {"pipeline": {"analyzers": [a for a in default_analyzers() if a not in skip]}}
    todo = [a for a in articles if not (out / f"{a}.json").is_file()]
    docs = (Document(article_text(a), source=article_source(a)) for a in todo)
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
            command = [sys.executable, str(WORKER), "analyze", "--out", str(out), *todo]
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


# -- showing an item in its text -------------------------------------------------------------

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
