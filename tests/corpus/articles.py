"""Invented multi-article fixtures: short reports on made-up events, people and places.

One flood in the invented town of Marvale, told by several invented outlets; a train
crash in Dorvin and a fire in Marvale as different events with the same numbers; a
quotation that travels and drifts; a wire paragraph copied between outlets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    name: str
    outlet: str
    published: str
    text: str


FLOOD = (
    # the first report: exact toll, bridge date, the minister's title
    Article(
        "harbour",
        "harbourpost.example",
        "2024-03-05",
        "Floods swept through Marvale at the weekend. 62 people were killed in the flooding "
        "in Marvale, officials said. The Lenna bridge in Marvale collapsed on March 3, 2024. "
        "Interior Minister Dana Kerrow visited the shelters. In all, 1,200 homes were "
        "destroyed in Marvale.",
    ),
    # same day, another outlet: a different toll, another date, another title
    Article(
        "valley",
        "valleytimes.example",
        "2024-03-05",
        "The floods in Marvale killed 65 people, officials said. The Lenna bridge in "
        "Marvale collapsed on March 4, 2024. Dana Kerrow, a former deputy minister, toured "
        "the area. Officials said 1,187 homes were destroyed in Marvale.",
    ),
    # same day: a rounded figure with "about"
    Article(
        "coast",
        "coastalnews.example",
        "2024-03-05",
        "About 60 people were killed in the Marvale floods, according to the regional government.",
    ),
    # two days later: an explicit update with a part of the total
    Article(
        "courier",
        "dailycourier.example",
        "2024-03-07",
        "The death toll from the floods in Marvale rose to 70, including 12 children.",
    ),
    # three days later: a larger count, no update word
    Article(
        "ledger",
        "ledger.example",
        "2024-03-08",
        "Officials in Marvale said 74 people had died in the floods.",
    ),
    # the same number for a different event elsewhere, and another event in Marvale
    Article(
        "rail",
        "railwatch.example",
        "2024-03-05",
        "62 people were killed in a train crash near Dorvin, the operator said. A fire in "
        "Marvale killed 5 people last year.",
    ),
)

#: One article contradicting itself about arrests, and giving its speaker two roles.
SELF_CONTRADICTING = Article(
    "selfcheck",
    "selfcheck.example",
    "2024-05-02",
    "Police in Oskar Bay arrested 40 people after the protest, officials said.\n\n"
    "Spokesperson Mira Oduya said the night was calm. Later, police in Oskar Bay said "
    "55 people had been arrested after the protest. Mira Oduya, the city's deputy mayor, "
    "called for restraint.",
)

#: One quotation, told four ways, plus a different quotation by the same speaker.
QUOTE_FIRST = Article(
    "first",
    "first.example",
    "2024-03-03",
    '"We will rebuild every bridge and every road in this province," Interior Minister Dana '
    "Kerrow told a press conference in Tessaly on March 3, 2024.",
)
QUOTE_FAITHFUL = Article(  # same words, same speaker, same occasion: not drift
    "faithful",
    "faithful.example",
    "2024-03-04",
    "The minister spoke after the floods. "
    '"We will rebuild every bridge and every road in this province," Interior Minister Dana '
    "Kerrow told a press conference in Tessaly.",
)
QUOTE_REWORDED = Article(  # reordered words, another place and date
    "reworded",
    "reworded.example",
    "2024-03-05",
    '"We will rebuild every road and every bridge in this province," Dana Kerrow said '
    "during a trip to Ostrava on March 5, 2024.",
)
QUOTE_OTHER_SPEAKER = Article(  # same words given to someone else
    "misattributed",
    "misattributed.example",
    "2024-03-06",
    '"We will rebuild every bridge and every road in this province," said Ion Petrescu, '
    "the mayor of Marvale.",
)
QUOTE_UNRELATED = Article(  # the same speaker saying something else with shared words
    "unrelated",
    "unrelated.example",
    "2024-03-04",
    '"We will not open any road in this province until the river is safe," Dana Kerrow '
    'said. Critics called the plan "a disgrace".',
)
QUOTE_SHORT = Article(  # a two-word quotation is too common to track
    "short",
    "short.example",
    "2024-03-05",
    'Ion Petrescu called the response "a disgrace" on Tuesday.',
)
QUOTES = (
    QUOTE_FIRST,
    QUOTE_FAITHFUL,
    QUOTE_REWORDED,
    QUOTE_OTHER_SPEAKER,
    QUOTE_UNRELATED,
    QUOTE_SHORT,
)

_WIRE = (
    "Engineers from the regional water authority began draining the Lenna reservoir on "
    "Sunday after cracks appeared in the northern wall of the dam. The authority said "
    "residents of four villages below the dam had been moved to schools in Tessaly as a "
    "precaution. Inspectors expect to finish their survey of the damaged wall by the end "
    "of next week."
)
WIRE = Article("wire", "wireservice.example", "2024-04-01T09:00:00", _WIRE)
COPY_FULL = Article(  # the whole wire paragraph, lightly edited, after an own intro
    "copyfull",
    "copycat.example",
    "2024-04-01T15:30:00",
    "Anxious families waited for news all day.\n\n"
    + _WIRE.replace("on Sunday", "on Sunday morning").replace(
        "as a precaution", "as a precaution, officials said"
    ),
)
COPY_ONE = Article(  # one sentence copied a day later
    "copyone",
    "laterpaper.example",
    "2024-04-02",
    "The reservoir is the largest in the province. Inspectors expect to finish their "
    "survey of the damaged wall by the end of next week. Farmers worry about the summer.",
)
OWN_WORDS = Article(  # the same event, written independently
    "ownwords",
    "independent.example",
    "2024-04-01",
    "Water is being let out of the Lenna reservoir because the dam's northern wall has "
    "cracked, and people living in four villages downstream now sleep in schools in "
    "Tessaly while inspectors study the damage.",
)
PROPAGATION = (COPY_ONE, COPY_FULL, WIRE, OWN_WORDS)  # deliberately not in date order
