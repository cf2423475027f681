"""Word lists shared by the frame reader and the features that use it."""

from __future__ import annotations

__all__ = ["REPORTING"]

#: Verbs that report what someone said (lemmas; "told" as spaCy sometimes leaves it).
REPORTING = frozenset(
    [
        "say",
        "tell",
        "state",
        "report",
        "announce",
        "confirm",
        "claim",
        "add",
        "note",
        "explain",
        "write",
        "declare",
        "insist",
        "deny",
        "admit",
        "estimate",
        "reveal",
        "disclose",
        "publish",
        "predict",
        "warn",
        "testify",
        "acknowledge",
        "allege",
        "assert",
        "argue",
        "stress",
        "told",
    ]
)
