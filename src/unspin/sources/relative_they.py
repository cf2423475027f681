"""'they' in a relative clause on the object of the same sentence's verb ("Rebels seized a
man that they say is a spy"): the plural subject of that verb, the ones who acted on the
object and now speak of it. A safe rule: the same sentence, the parse's own links, a
plural noun subject and nothing else plural between."""

from __future__ import annotations

from unspin.sources.mentions import mention_from_token
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["relative_they"]


def relative_they(st: RunState, m: Mention) -> None:
    """Resolve the unresolved pronoun ``m`` ("they") to the plural noun subject of the
    verb whose object the relative clause holding ``m`` describes; left as it is when the
    parse shows no such subject."""
    ix = st.ix
    if ix is None or m.head_word != "they" or m.rule != "speaker.pronoun-unresolved":
        return
    toks = st.parsed.tokens
    they = next((t for t in toks if t.start == m.start and t.end == m.end), None)
    if they is None or not they.dep.startswith("nsubj"):
        return
    say = toks[they.head]
    if say.dep != "relcl" or say.head == say.i:
        return
    obj = toks[say.head]
    if not obj.dep.startswith("dobj") or obj.head == obj.i or obj.pos != "NOUN":
        return
    verb = toks[obj.head]
    subjects = [c for c in ix.kids(verb.i, "nsubj") if c.i < obj.i]
    if len(subjects) != 1:
        return
    subj = subjects[0]
    if subj.tag not in ("NNS", "NNPS") or subj.pos not in ("NOUN", "PROPN"):
        return
    if any(t.tag in ("NNS", "NNPS") or t.lower == "they" for t in toks[subj.i + 1 : they.i]):
        return  # another plural between: which ones?
    ref = mention_from_token(ix, subj)
    if ref is None or ref.source_type == "unresolved":
        return
    m.source_type, m.entity_type = ref.source_type, ref.entity_type
    m.name, m.role, m.affiliation = ref.name, ref.role, ref.affiliation
    m.resolved_from, m.antecedent = "pronoun", (ref.start, ref.end)
    m.rule, m.score = "speaker.pronoun", 0.6
    what = ref.name or st.text[ref.start : ref.end]
    m.reason = f"pronoun they -> {what} (the subject of the same sentence)"
