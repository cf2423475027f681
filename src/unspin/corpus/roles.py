"""Role slots: a person named with a role or title.

The ``speaker`` findings of the sources analyzer, and appositions ("Interior Minister
Ana Vell", "Ana Vell, a former deputy,"). Two roles of one person can both hold: they are
linked as ``compatible``, never as a conflict. A spokesperson's title is not the role of
the one spoken for ("a spokesman for Ana Vell"), and the office someone runs for is not
theirs ("candidate for governor Ana Vell").
"""

from __future__ import annotations

import re
from typing import Any

from unspin.corpus.model import RoleSlot
from unspin.corpus.words import Word, norm_name, word_set, words
from unspin.lexicon import SPOKEN_FOR_RULES, TITLE_WORDS
from unspin.model import Finding

__all__ = ["appositions", "distinct_roles", "one_mention", "role_heads", "role_slots"]

_ROLE_MODIFIERS = word_set(
    "former acting interim then ex outgoing incoming deputy vice chief senior junior "
    "assistant associate principal regional local"
)
_APPOSITION_RE = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+),\s+(?:the|a|an)\s+(?P<role>[^,.;:()\n]{2,80}?)"
    r"(?=[,.;:)])"
)


def role_slots(doc: Any) -> list[RoleSlot]:
    """Role slots of one document (``doc``: the slot extractor's per-document cache)."""
    out: list[RoleSlot] = []
    seen: set[tuple[str, str]] = set()

    def add(f: Finding | None, start: int, end: int, name: str, role: str, source: str) -> None:
        role = " ".join(role.split()).strip(" ,")
        key = (norm_name(name), _role_key(role))
        if len(key[0].split()) < 2 or not key[1] or key in seen:
            return
        seen.add(key)
        sent = doc.sentence(start)
        base = doc.base(f.id if f else "", start, end, sent, [f"r|{key[0]}"])
        base["anchors"] = (name,)
        base["events"] = ()
        out.append(RoleSlot(**base, name=name, role=role, source=source))

    for f in doc.analysis.by_kind("speaker"):
        name, role = f.attributes.get("name"), f.attributes.get("role")
        if f.explanation.rule in SPOKEN_FOR_RULES:
            continue  # "a spokesman for Ana Vell": the spokesman's title, not Vell's role
        if isinstance(name, str) and isinstance(role, str):
            add(f, f.start, f.end, name, role, "speaker")
    for start, end, name, role in appositions(doc.text):
        add(None, start, end, name, role, "apposition")
    return out


#: Words before "for" that make the title after it an office sought, not held.
_CANDIDACY = word_set(
    "candidate candidates nominee nominees contender contenders hopeful hopefuls running run "
    "runs ran bid campaign campaigning race"
)


def _sought(ws: list[Word], p: int) -> bool:
    """Whether the title starting at word ``p`` is an office sought ("candidate for
    governor Ana Vell", "the nominee for Mayor Ana Vell"), not one held."""
    return p >= 2 and ws[p - 1].lower == "for" and ws[p - 2].lower in _CANDIDACY


def _role_key(role: str) -> str:
    """A role as a key: lower-case words without articles and possessives."""
    ws = [norm_name(w) for w in re.findall(r"[\w’'-]+", role)]
    return " ".join(w for w in ws if w not in ("the", "a", "an", "of", "its", "their"))


_PREPOSITIONS = word_set("of for at in to from with on over under")


def appositions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) for "Title Name Name" ("Interior Minister Ana Vell",
    "former deputy Ana Vell") and "Name Name, a role," ("Ana Vell, the mayor of X,")."""
    out: list[tuple[int, int, str, str]] = []
    ws = words(text)
    roleish = TITLE_WORDS | _ROLE_MODIFIERS
    k = 0
    while k < len(ws):  # runs of capitalised words
        if not ws[k].text[:1].isupper():
            k += 1
            continue
        j = k
        while (
            j + 1 < len(ws)
            and ws[j + 1].text[:1].isupper()
            and text[ws[j].end : ws[j + 1].start] == " "
        ):
            j += 1
        run = ws[k : j + 1]
        titles = [i for i, w in enumerate(run) if w.lower in TITLE_WORDS]
        last = titles[-1] if titles else -1  # the name follows the last title
        name = run[last + 1 :]
        p = k + last if titles else k  # where the role starts, walked leftwards
        while p > k and ws[p - 1].lower in roleish:
            p -= 1
        if p == k or not titles:
            while (
                p > 0
                and ws[p - 1].lower in roleish
                and ws[p - 1].text[:1].islower()
                and text[ws[p - 1].end : ws[p].start] == " "
            ):
                p -= 1
        role_end = run[last].end if titles else ws[k - 1].end
        if len(name) >= 2 and (titles or p < k) and not _sought(ws, p):
            role = text[ws[p].start : role_end]
            out.append((ws[p].start, name[-1].end, text[name[0].start : name[-1].end], role))
        k = j + 1
    for m in _APPOSITION_RE.finditer(text):
        role_words = m["role"].split()
        cut = next((i for i, w in enumerate(role_words) if w.lower() in _PREPOSITIONS), None)
        head_words = role_words[:cut] if cut else role_words
        if not head_words or head_words[-1].lower() not in TITLE_WORDS:
            continue
        name_words = m["name"].split()
        while name_words and name_words[0].lower() in TITLE_WORDS:
            name_words.pop(0)
        if len(name_words) >= 2:
            out.append((m.start(), m.end(), " ".join(name_words), m["role"]))
    return out


#: Abbreviations and synonyms of role heads, to the word a role is compared by.
_HEAD_FORMS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "sec": "secretary",
    "secy": "secretary", "pres": "president", "atty": "attorney", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
    "dr": "doctor", "rev": "reverend", "spokeswoman": "spokesman", "spokesperson": "spokesman",
    "chairwoman": "chairman", "chair": "chairman", "councilman": "councillor",
    "councilwoman": "councillor", "advisor": "adviser", "strategist": "adviser",
    "aide": "adviser", "contender": "candidate", "nominee": "candidate",
}  # fmt: skip
#: Words of a role that say what the person is (beside the title words).
_HEADS = (TITLE_WORDS | word_set(
    "candidate nominee contender adviser advisor strategist aide host anchor pollster "
    "manager executive head member founder owner"
)) - word_set(
    "foreign defence defense finance interior health education trade energy environment "
    "home state deputy acting former opposition party then-minister"
)  # fmt: skip
#: Words before a head that make it another role ("deputy minister", "interior minister").
_QUALIFIERS = word_set(
    "foreign defence defense finance interior health justice education trade energy "
    "environment home deputy vice assistant associate"
)
#: Title words that alone are a fragment of a longer title ("Secretary [of State]",
#: "[press] secretary", "[Majority] Leader") or a title someone is only wished or called.
_FRAGMENTS = word_set("secretary president chief leader director chair head member officer")
_TIME_MODIFIERS = word_set("former then ex acting interim outgoing incoming")
#: A role segment longer than this is a clause, not a role.
_ROLE_WORDS = 6


def _head(word: str) -> str | None:
    word = word.removeprefix("then-").removeprefix("ex-")
    for form in (word, word[:-1] if word.endswith("s") else word):
        form = _HEAD_FORMS.get(form, form)
        if form in _HEADS or f"{form}." in _HEADS:
            return _HEAD_FORMS.get(form.rstrip("."), form.rstrip("."))
    return None


def role_heads(role: str) -> frozenset[str]:
    """What a role says the person is, as comparable words: "Ohio Gov." and "governor of
    Ohio" give {governor}; a clause, a bare "former" or "then" give nothing."""
    heads: set[str] = set()
    bare = [w for w in norm_name(role).split() if w not in _TIME_MODIFIERS]
    if len(bare) == 1 and bare[0].strip(".") in _FRAGMENTS:
        return frozenset()  # "Secretary" of "Secretary of State", "President" of a wish
    role = re.sub(r"(?i)\bpress secretary\b", "spokesman", role)
    for part in role.split(";"):
        for segment in part.split(","):
            ws = [norm_name(w).strip(".") for w in re.findall(r"[\w.’'-]+", segment)]
            found = {
                f"{ws[i - 1]} {h}" if i and ws[i - 1] in _QUALIFIERS else h
                for i, h in enumerate(map(_head, ws))
                if h
            } or ({"deputy"} if "deputy" in ws else set())
            if len(ws) <= _ROLE_WORDS:
                heads |= found
            if found or len(ws) >= 4:
                break  # the role is said; what follows describes something else
    return frozenset(heads)


def distinct_roles(name: str, role_a: str, text_a: str, role_b: str, text_b: str) -> bool:
    """Two roles of one person worth a link: each names what the person is, neither is
    the other abbreviated or restated ("Sen." / "senator"), and both spans name the
    person (a role credited to "he" is no evidence)."""
    last = norm_name(name).split()[-1:]
    for text in (text_a, text_b):
        if not last or last[0] not in {
            norm_name(w).strip(".") for w in re.findall(r"[\w’'.-]+", text)
        }:
            return False
    ha, hb = role_heads(role_a), role_heads(role_b)
    return bool(ha and hb) and not any(
        x == y or x.endswith(f" {y}") or y.endswith(f" {x}") for x in ha for y in hb
    )  # "minister" and "interior minister": one names the role more fully


def one_mention(a: RoleSlot, b: RoleSlot) -> bool:
    """Whether two role slots are one mention read twice: one document, overlapping
    spans ("Cardinal Ana Vell" inside "Cardinal Ana Vell, the archbishop of X"). The
    two roles of one mention are one statement, no pair of statements to link."""
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end
