"""The word tables and patterns that :mod:`unspin.frames.quantities` reads quantities with:
number words, scales, fractions, vague magnitudes, currency signs and words, qualifiers,
percent and measure units, and the contexts that rule a number out."""

from __future__ import annotations

import re


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


UNITS_W = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS_W = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES_W = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "bn": 1e9, "tn": 1e12, "m": 1e6, "k": 1e3, "b": 1e9, "mm": 1e6, "mln": 1e6,
    "bln": 1e9,
}  # fmt: skip
DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
#: Vague magnitudes: the value given is the smallest the word allows ("dozens" >= 24).
VAGUE = {
    "dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0,
    "tens of thousands": 20000.0, "hundreds of thousands": 200000.0, "millions": 2e6,
    "tens of millions": 2e7, "hundreds of millions": 2e8, "billions": 2e9,
    "tens of billions": 2e10, "hundreds of billions": 2e11,
}  # fmt: skip

UNIT_WORDS = "|".join(sorted(UNITS_W, key=len, reverse=True))
TENS_WORDS = "|".join(TENS_W)
ONES = "one|two|three|four|five|six|seven|eight|nine"
SCALE_WORDS = "hundred|thousand|million|billion|trillion"
WORD = rf"(?:(?:{TENS_WORDS})(?:-(?:{ONES}))?|{UNIT_WORDS}|{SCALE_WORDS})"
AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
WORDS = rf"(?:(?:an?|one)\s+(?=(?:{SCALE_WORDS})\b))?{WORD}(?:(?:{AND}|[\s-]+){WORD})*"
#: Digits with thousands separators ("1,234,567"), in the Indian grouping of lakhs and
#: crores too ("9,34,200" is 934,200), or none.
DIGITS = r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGITS_START = r"(?<![\w.,:/])"
FRAC_NUM = rf"a|one|{ONES}"
FRAC_DEN = "|".join(sorted(DENOMS, key=len, reverse=True))

CORE = re.compile(
    rf"""
    (?P<frac>\b(?:{FRAC_NUM})[\s-](?:{FRAC_DEN})\b)
  | (?P<halfof>\bhalf(?=\s+(?:of|the)\b))
  | (?P<half>\bhalf\s+an?\s+(?:million|billion|trillion|thousand|dozen)\b)
  | (?P<dozen>\b(?:an?|one)\s+dozen\b)
  | (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores
                 |hundreds|thousands|millions|billions)\b(?=\s+(?:of\b|more\b|[a-z])))
  | (?P<digits>{DIGITS_START}(?:{DIGITS}))
  | (?P<words>\b{WORDS}\b)
    """,
    re.I | re.X,
)

CURRENCY_PREFIX = re.compile(
    r"(?P<cur>(?:US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₽|₩|₺|₦"
    r"|USD|EUR|GBP|JPY|CNY|INR|RUB|CHF|CAD|AUD|Rs\.?)\s?)$"
)
CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
    "RS": "INR", "RS.": "INR",
}  # fmt: skip
QUALIFIER = re.compile(
    r"\b(?P<q>about|around|approximately|roughly|some|an\s+estimated|estimated|circa|maybe|"
    r"perhaps|possibly|something\s+like|on\s+the\s+order\s+of|in\s+the\s+region\s+of|"
    r"nearly|almost|close\s+to|just\s+under|under|less\s+than|fewer\s+than|up\s+to|at\s+most|"
    r"no\s+more\s+than|as\s+many\s+as|as\s+much\s+as|more\s+than|over|at\s+least|upwards\s+of|"
    r"in\s+excess\s+of|just\s+over|well\s+over|no\s+fewer\s+than|no\s+less\s+than|exceeding)"
    r"\s+$",
    re.I,
)
#: Qualifier words that can also be prepositions ("worried about two ...").
PREPOSITIONS = frozenset({"about", "around", "over", "under", "some"})
#: Verbs of speaking and thinking that take "about" as a preposition ("testified about
#: three bishops", "complained about two fines"), not as an approximation of a count.
ABOUT_VERBS = frozenset(
    _words(
        "talk speak testify complain joke boast brag comment inquire enquire worry care "
        "wonder dream think argue lie speculate reminisce fret rant rave gossip chat"
    )
)
#: Verbs that take "about" for their topic but also a count as their object: "wrote
#: about 300 letters" wrote some 300 letters (the approximation), "wrote about three
#: women who fled" wrote on them. One writes, reads or learns no person, so the
#: preposition is read before a count of people only ("reported about 40 people
#: missing" keeps its approximation: "report" is not one of them).
ABOUT_TOPIC_VERBS = frozenset(_words("write read learn"))
QUALIFIER_KIND = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "maybe": "about", "perhaps": "about", "possibly": "about", "something like": "about",
    "on the order of": "about", "in the region of": "about",
    "nearly": "at_most", "almost": "at_most", "close to": "at_most", "just under": "at_most",
    "under": "at_most", "less than": "at_most", "fewer than": "at_most", "up to": "at_most",
    "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most",
}  # fmt: skip  # everything else: at_least
#: A scale after a figure; a scale word may be hyphened to it ("a 1.7-million-square-foot
#: campus").
SCALE_AFTER = re.compile(
    r"(?P<sp>\s*|-(?=(?:hundred|thousand|million|billion|trillion)\b))(?P<scale>hundred|thousand|million|billion|trillion|mln|bln|mn|bn|tn|mm|m|k|b)\b",
    re.I,
)
#: "between" before the lower end of a range whose upper end follows "and" ("between
#: 1,200 and 1,400 calls", "between the ages of 20 and 53").
BETWEEN = re.compile(r"\bbetween\s+(?:the\s+ages?\s+of\s+)?$", re.I)
BETWEEN_AND = re.compile(rf"(?P<alt>)\s+and\s+(?P<max>{DIGITS})(?![\w,.]\d)", re.I)  # no "or"
#: The top of a range of digits: "300-400", "70 to 80", and the alternative "2 or 3" (an
#: approximation: ``sep`` is "or").
RANGE_AFTER = re.compile(
    rf"(?:\s*(?P<sep>-|–|—|\bto\b)\s*|\s+(?P<alt>or)\s+)(?P<max>{DIGITS})(?![\w,.]\d)", re.I
)
#: The top of a range of number words: "two to three years old", and the alternative "two
#: or three neighbourhoods" (group ``alt``: an approximation); no scale word after the
#: top: "two to three million people" is left as it was.
WORD_RANGE = re.compile(
    r"\s+(?:to|-|–|(?P<alt>or))\s+(?P<max>[a-z]+)\b(?![\s-]+(?:hundred|thousand|million|billion|"
    r"trillion|dozen|and|or)\b)(?!-)",
    re.I,
)
PERCENT = re.compile(
    r"(?P<u>\s?%|\s+percent\b|\s+per\s+cent\b|\s+percentage\s+points?\b|\s+points?\b)", re.I
)
CURRENCY_WORD = re.compile(
    r"\s+(?P<u>(?:US\s+|U\.S\.\s+)?dollars|euros?|pounds\s+sterling|sterling|yen|yuan|renminbi|"
    r"rupees|roubles|rubles|swiss\s+francs|francs|pesos|reais|rand|naira|lira|won|"
    r"USD|EUR|GBP|JPY|CNY|INR|RUB|CHF|CAD|AUD)\b"
)
CURRENCY_WORD_CODES = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euro": "EUR",
    "euros": "EUR", "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB",
    "swiss francs": "CHF", "francs": "franc", "pesos": "peso", "reais": "BRL",
    "rand": "ZAR", "naira": "NGN", "lira": "TRY", "won": "KRW",
}  # fmt: skip
#: Measure units: written form -> canonical unit. Abbreviations are case-sensitive and
#: may follow the number without a space ("5km"); words need a space.
MEASURE_ABBR = {
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "ft": "ft", "kg": "kg", "lb": "lb",
    "lbs": "lb", "mph": "mph", "km/h": "km/h", "kph": "km/h", "°C": "°C", "°F": "°F",
    "GW": "GW", "MW": "MW", "kW": "kW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh",
    "TWh": "TWh", "km2": "km2", "km²": "km2", "sq km": "km2", "ha": "ha", "bpd": "bbl/d",
    "mg": "mg", "ml": "ml", "Mt": "Mt", "GB": "GB", "TB": "TB", "MB": "MB",
}  # fmt: skip
MEASURE_WORDS = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm",
    "centimeters": "cm", "millimetres": "mm", "millimeters": "mm", "miles": "mi",
    "mile": "mi", "feet": "ft", "foot": "ft", "inches": "in", "inch": "in", "yards": "yd",
    "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "grams": "g", "grammes": "g",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "litres": "L", "liters": "L",
    "litre": "L", "liter": "L", "gallons": "gal", "barrels": "bbl", "barrel": "bbl",
    "hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "square miles": "mi2", "square mile": "mi2",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "square feet": "ft2", "square foot": "ft2", "square yards": "yd2", "square yard": "yd2",
    "sq ft": "ft2", "sq. ft.": "ft2", "sq. ft": "ft2",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "degrees": "degrees",
    "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW", "calories": "kcal",
    "calorie": "kcal", "kcal": "kcal", "cal": "kcal", "pounds": "lb", "ounces": "oz", "knots": "kn",
}  # fmt: skip
MEASURE_ABBR_RE = re.compile(
    r"(?P<sp>\s?)(?P<u>"
    + "|".join(re.escape(u) for u in sorted(MEASURE_ABBR, key=len, reverse=True))
    + r")(?![\w²])"
)
MEASURE_WORD_RE = re.compile(
    r"(?P<sp>\s+|-)(?P<u>"
    + "|".join(
        re.escape(u).replace(r"\ ", r"[\s-]+") for u in sorted(MEASURE_WORDS, key=len, reverse=True)
    )
    + r")\b",
    re.I,
)


def measure_word(matched: str) -> str:
    """The canonical unit of a measure word :data:`MEASURE_WORD_RE` matched, its words
    joined by any spaces or hyphens ("square-foot", "square  feet": ft2)."""
    return MEASURE_WORDS[" ".join(re.split(r"[\s-]+", matched.lower()))]


OF = re.compile(r"\s+of\s+(?=\w)", re.I)
#: Before an age or an age range: "aged 19 to 45", "between the ages of 20 and 53",
#: "ages 19 to 45", "ages ranging 18-61", "ranging in age from 18 to 62".
AGED = re.compile(
    r"\b(?:aged|ages?\s+of|at\s+age|ages(?:\s+ranging(?:\s+from)?)?"
    r"|rang(?:e|es|ing)\s+in\s+age\s+from)\s+(?:between\s+)?$",
    re.IGNORECASE,
)
YEAR = re.compile(r"1[6-9]\d\d|20\d\d")
#: An age as an adjective before a noun: "17-year-old girls".
ADJECTIVE_AGE = re.compile(r"-year-old\s+[a-z]")
AGE = re.compile(r"-year-old\b|\s+years?\s+(?:old|of\s+age)\b", re.I)
TIME_NOUNS = frozenset(
    _words("second minute hour day week fortnight month year decade century night morning weekend")
)
#: A number after these is a reference, not an amount ("No. 5", "n. 84", "para. 3", "§ 2").
SKIP_BEFORE = re.compile(
    r"(?:\bNo\.?|#|\bnumber|\bpage|\bp\.|\bpp\.|\bnn?\.|\bpara(?:graph)?\.?|§|"
    r"\bclause|\bcanon|\bverse|\bRoute|\bchapter|\bsection)\s*$",
    re.I,
)
NAME_ENTS = frozenset(("PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"))
#: Words that end a name made of a number and a capitalised plural ("the 10,000 Women
#: scheme"); without one ("20 Marines were hurt") the plural is what is counted.
NAME_HEADS = frozenset(
    _words(
        "programme program scheme project initiative campaign fund foundation prize award "
        "network movement act bill club challenge plan index list trust"
    )
)
