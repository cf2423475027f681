"""A small corpus of three invented outlets, written for the outlet-profile tests, with
the counts each document was written to hold (every sentence's words counted by hand).

* ``Harbour Times`` (URLs on harbourtimes.example, rated in the fixture ratings): 11
  documents; each has the base sentence (9 words) and a notice (3 words); every even one
  a hedge sentence (6 words, "possibly"); document i has i % 3 filler sentences (6 words).
* ``valleypost.example`` (the outlet written as a domain, rated by lin2023 in the
  fixtures): 3 documents of quotations, 2 of every 3 from anonymous sources.
* ``Daily Slant`` (URLs on dailyslant.example): 2 documents with loaded words (technique
  findings of the stand-in analyzer below), a booster each, and a claim fact-checkers rated.
* one document with no outlet (counted in the corpus averages only).

The techniques tagger and the fact-check matcher need real models, so
:class:`MarkerAnalyzer` stands in: ``technique`` findings (``Loaded_Language``) on the
words "disgraceful" and "shameful", ``factcheck`` matches rated "False" on sentences about
cheese, as those analyzers would store them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, ClassVar

from unspin import app
from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.model import Explanation

BASE = "The harbour board met to discuss the ferry timetable."  # 9 words
HEDGE = "The ferry will possibly start soon."  # 6 words, 1 hedge
FILLER = "The crew painted the deck again."  # 6 words

HARBOUR = "Harbour Times"
VALLEY = "valleypost.example"
SLANT = "Daily Slant"


def harbour_document(i: int) -> dict[str, Any]:
    sentences = [BASE, f"Notice number {i}."]  # 9 + 3 words
    if i % 2 == 0:
        sentences.append(HEDGE)
    sentences.extend([FILLER] * (i % 3))
    return {
        "title": f"Ferry notice {i}",
        "outlet": HARBOUR,
        "url": f"https://www.harbourtimes.example/news/{i}",
        "published": f"2026-01-{i + 1:02d}",
        "text": " ".join(sentences),
    }


#: Words of each Harbour Times document, from the counts above.
HARBOUR_WORDS = [12 + (6 if i % 2 == 0 else 0) + 6 * (i % 3) for i in range(11)]
HARBOUR_HEDGES = sum(1 for i in range(11) if i % 2 == 0)

VALLEY_TEXTS = [
    # 7 + 8 words: 2 quotations, 1 anonymous ("an official")
    '"The bridge is unsafe," an official said. "The ferry is late," said Mayor Ana Ruiz.',
    # 6 + 9 words: 2 quotations, 1 anonymous ("a resident")
    '"Nobody told us," a resident said. "The market opens at noon," said Mayor Ana Ruiz.',
    # 7 + 7 + 12 words: 2 quotations, 2 anonymous; a check-worthy claim (numbers, a day)
    '"The road is closed," a source said. "The school is shut," an official said. '
    "The council voted 7 to 2 on Monday to repair the bridge.",
]
VALLEY_WORDS = [15, 15, 26]
VALLEY_QUOTES, VALLEY_ANONYMOUS, VALLEY_CHECKWORTHY = 6, 4, 1

SLANT_TEXTS = [
    # 8 + 7 words: 2 techniques, 1 booster, 1 fact-checked claim
    "This disgraceful and shameful scheme is a scandal. Clearly the moon is made of cheese.",
    # 5 + 7 words: 1 technique, 1 booster
    "The disgraceful council met again. It is certainly a waste of time.",
]
SLANT_WORDS = [15, 12]

NO_OUTLET_TEXT = "The weather stayed dry all week in the valley."  # 9 words


def documents() -> list[dict[str, Any]]:
    docs = [harbour_document(i) for i in range(11)]
    docs += [
        {"title": f"Valley {i}", "outlet": VALLEY, "text": t, "published": "2026-02-0" + str(i + 1)}
        for i, t in enumerate(VALLEY_TEXTS)
    ]
    docs += [
        {"title": f"Slant {i}", "outlet": SLANT, "url": f"http://dailyslant.example/{i}", "text": t}
        for i, t in enumerate(SLANT_TEXTS)
    ]
    docs.append({"title": "Weather", "text": NO_OUTLET_TEXT})
    return docs


_LOADED = re.compile(r"\b(?:disgraceful|shameful)\b")
_CHEESE = re.compile(r"[^.]*\bcheese\b[^.]*\.")


@register("test-outlet-markers")
class MarkerAnalyzer(Analyzer[Any]):
    """Stands in for the techniques and fact-checks analyzers (see the module docstring)."""

    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces = ("technique", "factcheck")

    def run(self, ctx: Context) -> AnalyzerResult:
        found = [
            self.finding(
                ctx,
                m.start(),
                m.end(),
                kind="technique",
                label="Loaded_Language",
                score=0.9,
                explanation=Explanation("test.loaded"),
            )
            for m in _LOADED.finditer(ctx.text)
        ]
        for m in _CHEESE.finditer(ctx.text):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            found.append(
                self.finding(
                    ctx,
                    start,
                    m.end(),
                    kind="factcheck",
                    label="match",
                    score=0.9,
                    explanation=Explanation("test.factcheck"),
                    attributes={"rating": "False", "publisher": "Invented Checkers"},
                )
            )
        return AnalyzerResult(tuple(found))


def build_store(folder: Path, url: str | None = None) -> Path:
    """The corpus ingested (fake backbone) into the store at ``url``, by default a SQLite
    store in ``folder``; returns the store's path (or URL)."""
    source = folder / "outlets.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in documents()), encoding="utf-8")
    db = Path(url) if url else folder / "outlets.db"
    config = app.pipeline_config(
        backbone="fake", analyzers="sources,certainty,claims,test-outlet-markers"
    )
    result = app.ingest_paths(url or str(db), [source], config)
    assert result.report.added == len(documents()), result.report
    return db
