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

_NAMES = ("Ana Vik", "Tomas Berg", "Lena Okoro", "Piet Haddad", "Mira Lund", "Oskar Ilves")
_PLACES = ("Lindholm", "Skarvik", "Dunmore", "Osterholm", "Velby")
_SENTENCES = (
    '"We will finish the {thing} by {month}," {name} told reporters in {place}.',
    "{name} said on Monday that the {thing} would cost about {n} million euros.",
    "According to a source close to the council, the {thing} in {place} was delayed.",
    "Officials reportedly ignored {n} warnings about the {thing}.",
    "Experts believe the {thing} will raise costs by {n}% over {m} years.",
    "Residents say the {thing} has undeniably changed life in {place}.",
    "The number of complaints about the {thing} rose to {n}{m}0 in {month}.",
)
_THINGS = ("bridge", "tunnel", "budget", "ferry line", "water plant", "school plan")
_MONTHS = ("March", "May", "July", "October")


def generated(n: int, sentences: int = 60) -> list[str]:
    """``n`` distinct invented articles of ``sentences`` templated sentences each."""
    texts = []
    for i in range(n):
        parts = [f"Report number {i} from {_PLACES[i % len(_PLACES)]}."]
        for j in range(sentences):
            k = i * 31 + j * 7
            parts.append(
                _SENTENCES[k % len(_SENTENCES)].format(
                    thing=_THINGS[(k // 3) % len(_THINGS)],
                    name=_NAMES[(k // 5) % len(_NAMES)],
                    place=_PLACES[(k // 2) % len(_PLACES)],
                    month=_MONTHS[k % len(_MONTHS)],
                    n=2 + k % 8,
                    m=1 + (k // 4) % 9,
                )
            )
        paragraphs = [" ".join(parts[p : p + 4]) for p in range(0, len(parts), 4)]
        texts.append("\n\n".join(paragraphs))
    return texts
