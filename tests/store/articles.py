"""Short invented articles for the store tests (names, places and outlets made up)."""

from __future__ import annotations

from unspin.model import Document

HARBOUR = Document(
    "Water rates in Lindholm will rise by 12% next year, the finance director Ana Vik "
    'said on Monday. "We have no choice," Vik told reporters.\n\n'
    "Critics say the increase is unfair, according to a source close to the council.",
    title="Water rates to rise in Lindholm",
    outlet="lindholm-post.example",
    published="2024-03-04",
    source="harbour.txt",
)
BRIDGE = Document(
    "The Skarvik bridge reopened after repairs costing 4 million euros. Officials may "
    "extend the opening hours in summer.\n\n"
    '"Traffic is flowing again," said Tomas Berg, the mayor of Skarvik.',
    title="Skarvik bridge reopens",
    outlet="coast-ledger.example",
    published="2024-05-20T09:30:00+02:00",
    source="bridge.md",
)
SCHOOL = Document(
    "Three schools in Dunmore will close in June, the education board announced. "
    "Parents reportedly plan a protest outside the town hall.\n\n"
    "Experts believe the closures will save 2 million euros a year.",
    title="Dunmore schools to close",
    outlet="lindholm-post.example",
    published="2024-06-11",
    source="schools.jsonl:1",
)
FERRY = Document(
    "The night ferry to Osterholm was cancelled after a storm damaged the pier. "
    "Passengers were offered hotel rooms.",
    title=None,
    outlet=None,
    published=None,
    source="ferry.txt",
)

ARTICLES = (HARBOUR, BRIDGE, SCHOOL, FERRY)
