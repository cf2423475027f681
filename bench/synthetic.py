"""Seeded generator of synthetic news-like articles for the speed benchmarks.

The articles are made of templated sentences with invented names: quotes in several
styles, reported speech, anonymous sources, hedges, boosters, numbers and dates, so
every analyzer has work to do. No real article text is used.
"""

from __future__ import annotations

import random

FIRST = ["Elena", "Piet", "Maria", "Tomas", "Sanna", "Omar", "Katya", "Ivo", "Dana", "Lars"]
LAST = ["Marsh", "Brandt", "Lund", "Ruiz", "Berg", "Haddad", "Ilves", "Lenz", "Okafor", "Vik"]
ROLES = [
    "transport commissioner",
    "opposition councillor",
    "ministry spokeswoman",
    "union leader",
    "police spokesperson",
    "finance minister",
    "mayor",
]
PLACES = ["Velmora", "Lindholm", "Arvand", "Dunmore", "Kessly", "Orrin"]
ORGS = [
    "the port authority",
    "the regional utility",
    "Meridian Terminals",
    "the city council",
    "the statistics office",
    "Kestrel Holdings",
]
THINGS = [
    "the bridge",
    "the budget",
    "the strike",
    "the new tax",
    "the stadium plan",
    "the water rates",
    "the housing programme",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]

TEMPLATES = [
    '"We will not accept {thing} in its current form," {role} {name} told reporters in {place}.',
    "{name} said on {day} that {thing} would cost about €{n}.{m} million.",
    "According to {org}, {n}{m} people were affected by {thing} in {month} {year}.",
    "A person familiar with the matter, who spoke on condition of anonymity, said {thing} "
    "was delayed.",
    "Officials reportedly ignored {n} earlier warnings, and the problems may have started "
    "long before that.",
    "“This is obviously a disaster for {place},” {name} said, adding that {org} was to blame.",
    "{org} was behind the decision to postpone {thing}, {role} {name} claimed.",
    "Experts believe {thing} will increase costs by {n}% over the next {m} years.",
    "The number of complaints rose to {n},{m}00 last year, up from {m},{n}00 in {year}.",
    "Many residents say {thing} has undeniably made life harder in {place}.",
    "{name} insisted that {thing} would be completed by {month} {day2}, {year}.",
    'The report, published in {month}, states that {thing} was "in fair condition".',
    "It is believed that {org} will announce a decision next week.",
    "Critics argue that {thing} is a waste of money and that the council must resign.",
    "Sources say the talks broke down after {org} refused to sign the agreement.",
    "Because of {thing}, traffic in {place} increased by {n}% in {month}.",
]


def article(rng: random.Random, words: int = 1000) -> str:
    """One article of about ``words`` words in paragraphs of three sentences."""
    sentences: list[str] = []
    count = 0
    while count < words:
        template = rng.choice(TEMPLATES)
        sentence = template.format(
            thing=rng.choice(THINGS),
            role=rng.choice(ROLES),
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            place=rng.choice(PLACES),
            org=rng.choice(ORGS),
            day=rng.choice(DAYS),
            month=rng.choice(MONTHS),
            n=rng.randint(2, 9),
            m=rng.randint(1, 9),
            day2=rng.randint(1, 28),
            year=rng.randint(2019, 2026),
        )
        sentence = sentence[0].upper() + sentence[1:]
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)


def corpus(n: int = 200, words: int = 1000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [article(rng, words) for _ in range(n)]
