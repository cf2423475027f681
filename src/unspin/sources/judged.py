"""Verbs of judging someone in a headline's reduced passive: "Councillor slammed for
'empty gesture'", "Mayor accused of 'cover-up'". The parse reads the participle as an
active verb with the one judged as its subject; who judges is not said, so the subject
is no speaker and the quoted words have no source the sentence gives."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.state import RunState

__all__ = ["judged_in_passive"]

#: Verbs of judging someone, with the preposition of the reason, that a headline puts in a
#: reduced passive: "Councillor slammed for 'empty gesture'", "Mayor accused of 'cover-up'"
#: (the councillor is judged; who judges is not said).
_JUDGED_FOR = {
    **dict.fromkeys(
        """
        slam blast criticise criticize condemn attack lambast lambaste praise hail applaud
        commend mock ridicule rebuke slate savage fault pan scold chastise censure
        """.split(),  # noqa: SIM905 - a word list reads better as one string
        "for",
    ),
    "accuse": "of",
}


def judged_in_passive(st: RunState, t: Token) -> bool:
    """``t`` is a verb of judging in a reduced passive: a past participle with no object or
    auxiliary and the preposition of the reason ("X slammed for Y", "X accused of Y")."""
    ix = st.ix
    assert ix is not None
    reason = _JUDGED_FOR.get(t.lemma.lower())
    return (
        reason is not None
        and t.tag in ("VBD", "VBN")
        and not ix.kids(t.i, "dobj", "ccomp", "xcomp", "aux", "auxpass", "dative")
        and any(p.lower == reason for p in ix.kids(t.i, "prep"))
    )
