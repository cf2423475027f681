"""A small invented corpus: two events in invented places, told by invented outlets; one
document is a bare headline, one denies what the others claim."""

from __future__ import annotations

import json
from pathlib import Path

#: (name, outlet, published, text), in arrival order.
ARTICLES: tuple[tuple[str, str, str, str], ...] = (
    (
        "fire-1",
        "north-gazette.example",
        "2025-03-04",
        "A fire broke out at the Velmar chemical plant on Tuesday night. Investigators said "
        "the Ostrava Shipping Company caused the fire at the plant. Three workers were hurt.",
    ),
    (
        "race-1",
        "sports-daily.example",
        "2025-03-05",
        "Runner Maja Lindqvist set a new course record at the Tessaly marathon on Sunday. "
        "She finished in two hours and nineteen minutes.",
    ),
    (
        "fire-2",
        "harbor-times.example",
        "2025-03-05",
        "The Ostrava Shipping Company caused the fire at the Velmar chemical plant, "
        "investigators say. The blaze injured three workers on Tuesday.",
    ),
    (
        "fire-headline",
        "quick-news.example",
        "2025-03-06",
        "Ostrava Shipping Company caused the Velmar chemical plant fire, investigators say",
    ),
    (
        "race-2",
        "harbor-times.example",
        "2025-03-06",
        "Maja Lindqvist broke the Tessaly marathon course record on Sunday, finishing in "
        "two hours and nineteen minutes.",
    ),
    (
        "fire-denial",
        "coast-post.example",
        "2025-03-12",
        "The Ostrava Shipping Company did not cause the fire at the Velmar chemical plant, "
        "its spokesperson said.",
    ),
    (
        "race-headline",
        "quick-news.example",
        "2025-03-13",
        "Lindqvist sets Tessaly marathon course record",
    ),
)

FIRE = ("fire-1", "fire-2", "fire-headline", "fire-denial")
RACE = ("race-1", "race-2", "race-headline")


def url(name: str) -> str:
    return f"https://{name}.example/story"


def write_feed(path: Path, names: tuple[str, ...] | None = None) -> Path:
    """A JSON Lines feed of the articles (``names`` only, in arrival order)."""
    with path.open("w", encoding="utf-8") as f:
        for name, outlet, published, text in ARTICLES:
            if names is None or name in names:
                record = {"text": text, "url": url(name), "outlet": outlet, "published": published}
                f.write(json.dumps(record) + "\n")
    return path
