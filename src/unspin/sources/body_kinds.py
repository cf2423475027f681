"""Which named body a generic noun for a body ("the union", "the company") can stand for.

"The group" or "the organisation" may take up any body named just before; "the union"
only one whose name (or description) makes it a union, "the company" only one whose name
marks it as no other kind of body ("Brenmark Steel", "Acme Bank", not "the Steelworkers
Union"). Used by :mod:`unspin.sources.resolve` for a speaker such as "the union said".
"""

from __future__ import annotations

from unspin.sources.lexicon import ORG_NAME_WORDS

__all__ = ["BODY_NOUNS", "body_fits"]

#: Generic nouns for a body ("the group wrote"): the one organisation just named.
BODY_NOUNS = frozenset(
    {
        "group", "organization", "organisation", "association", "coalition", "alliance",
        "charity", "foundation", "institute", "union", "society", "federation", "league",
        "nonprofit", "firm", "company",
    }
)  # fmt: skip

#: Nouns any named body may be called.
_ANY_BODY = frozenset({"group", "organization", "organisation", "nonprofit"})
#: Nouns for a business ("the company", "the firm").
_BUSINESS_HEADS = frozenset({"company", "firm"})
#: Words of a name that a business may bear; every other word of ORG_NAME_WORDS ("Union",
#: "University", "Ministry", "Foundation") makes the body another kind.
_BUSINESS_WORDS = frozenset(
    {
        "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "corporation", "company",
        "co.", "group", "bank", "holdings", "partners", "industries", "airlines", "airline",
        "systems", "technologies", "labs", "laboratories", "network", "trust", "fund",
        "services", "service",
    }
)  # fmt: skip
#: Words of a name that make a body what the noun says, beyond the noun itself.
_KIND_WORDS = {
    "union": frozenset(
        {"unions", "workers", "workers'", "employees", "guild", "brotherhood", "teamsters"}
    ),
    "charity": frozenset({"foundation", "trust", "fund", "appeal"}),
    "association": frozenset({"associations"}),
    "federation": frozenset({"confederation"}),
}

#: Words of a name or description that make a body no business.
_OTHER_KINDS = (ORG_NAME_WORDS - _BUSINESS_WORDS) | _KIND_WORDS["union"]


def body_fits(head: str, name: str, description: str | None = None) -> bool:
    """True when a body named ``name`` (or described as ``description``: "a steelworkers'
    union") can be what ``head`` ("union", "company") calls it."""
    if head in _ANY_BODY:
        return True
    words = {w.strip(",;:()").lower() for w in name.split()}
    words |= {w.removesuffix("'s").removesuffix("\u2019s") for w in words}
    said = {w.strip(",;:()").lower() for w in (description or "").split()}
    if head in _BUSINESS_HEADS:
        if said & (_BUSINESS_HEADS | {"business", "corporation", "bank", "manufacturer"}):
            return True
        return not (words | said) & _OTHER_KINDS
    wanted = {head} | _KIND_WORDS.get(head, frozenset())
    return bool((words | said) & wanted)
