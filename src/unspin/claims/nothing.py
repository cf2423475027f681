"""Sentences that carry nothing to check, whatever the check-worthiness model scores them
(:func:`nothing_to_check`, asked by :class:`unspin.claims.analyzer.ClaimsAnalyzer` for
each sentence): notes about the article, labels of links and pictures, unanswered
requests for comment, what is not known, what should be, how a poll was taken; a main
clause that only holds a view, a belief or an intention (:mod:`unspin.claims.opinion_cues`)."""

from __future__ import annotations

from unspin.claims.lexicon import (
    LEAD_IN_END_RE,
    LEAD_IN_VERBS,
    LINK_LABEL_RE,
    NO_REPLY_VERBS,
    NOTE_LABEL_RE,
    OPEN_ADJS,
    OPEN_NEGATED_ADJS,
    OPEN_NEGATED_VERBS,
    PHOTO_CREDIT_RE,
    QUESTION_OPENERS,
    REPORTING,
)
from unspin.claims.opinion_cues import opinion_only
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["CAPTION_CHARS", "nothing_to_check"]

#: The longest caption line a picture's credit can end (longer: a paragraph).
CAPTION_CHARS = 300


def nothing_to_check(parsed: Parsed, sentence: Sentence, s_text: str) -> str | None:
    """Why the sentence carries nothing to check, whatever the model scores it; None when
    no rule says so. A note about the article itself ("Disclosure: ...", "Correction:
    ..."); the label of a link, a video or a picture ("See also: <a headline>", "Photo:
    <a credit>") and a picture's caption, a short line that a credit ends; a reply not
    given ("did not immediately respond to a request for comment", "declined to
    comment"); a sentence that only says something is not known ("it is unclear whether
    the men were armed", "he said it was not yet clear if ...", "it did not say where
    the raids took place"); a main clause that says what should be ("his passage should
    be guaranteed"); a lead-in to what follows ("<Outlet> reported the following:",
    "<Outlet> reports:"). A
    sentence with a second clause of its own ("..., but said it would cooperate") keeps
    its score."""
    if NOTE_LABEL_RE.match(s_text):
        return "a note about the article itself"
    # the label may be cut off as a heading of its own, on the sentence's line
    line = parsed.text[parsed.text.rfind("\n", 0, sentence.start) + 1 : sentence.start]
    if LINK_LABEL_RE.match(s_text) or LINK_LABEL_RE.fullmatch(line.rstrip() + " "):
        return "the label of a link, a video or a picture"
    if _captioned(parsed.text, sentence.start, sentence.end):
        return "a picture's caption (its credit ends the line)"
    if not parsed.has_parse:
        return None
    root = next((t for t in parsed.sentence_tokens(sentence) if t.dep == "ROOT"), None)
    if root is not None and _poll_method(parsed, root):
        return "how a poll was taken"
    if root is None or _more_clauses(parsed, root):
        return None
    if _no_reply(parsed, sentence, root):
        return "a request for comment not answered"
    if LEAD_IN_END_RE.search(s_text) and not any(  # "as follows" is a clause of its own
        t.dep in ("ccomp", "advcl", "parataxis", "relcl") and t.lower != "follows"
        for t in parsed.sentence_tokens(sentence)
    ):
        return "only a lead-in to what follows"
    if _says_nothing_yet(parsed, root, s_text):
        return "only a lead-in to what follows"
    preds = [root]
    if root.pos == "VERB" and root.lemma.lower() in REPORTING:  # "he said it was unclear ..."
        clauses = [c for c in parsed.children(root.i) if c.dep == "ccomp"]
        if len(clauses) == 1 and not _more_clauses(parsed, clauses[0]):
            preds.append(clauses[0])
    if any(_open_question(parsed, p) for p in preds):
        return "only that something is not known"
    if any(_recommends(parsed, p) for p in preds):
        return "what should be, not what is"
    for p in preds:  # "tells itself that ...", "blasted them for being sore losers"
        why = opinion_only(parsed, p)
        if why is not None:
            return why
    return None


#: What a verb of telling says in its own sentence: an object or a clause.
_TOLD = frozenset(("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "advcl"))


def _says_nothing_yet(parsed: Parsed, root: Token, s_text: str) -> bool:
    """The sentence only names who tells what follows its colon ("First, the Harbour
    Ledger reports:", "In a long letter, she writes:"): a verb of telling with nothing
    told in the sentence itself; "The report found three flaws:" tells them."""
    if not s_text.rstrip().endswith(":") or root.pos != "VERB":
        return False
    if root.lemma.lower() not in REPORTING:
        return False
    return not any(c.dep in _TOLD for c in parsed.children(root.i))


def _captioned(text: str, start: int, end: int) -> bool:
    """The sentence is on a short line (at most :data:`CAPTION_CHARS` characters before
    the credit) that a picture's credit ends, after the end of a sentence: "Officers
    take cover near the harbour. Photo: The Harbour Ledger"."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    credit = PHOTO_CREDIT_RE.search(text, end, hi)
    if credit is None or credit.start() - lo > CAPTION_CHARS:
        return False
    return text[lo : credit.start()].rstrip().rstrip("\"”’')]").endswith((".", "!", "?"))


#: Nouns of a poll, and the verbs of taking one ("the survey was conducted by ...").
_POLL_NOUNS = frozenset(("poll", "survey", "sample", "interview", "questionnaire"))
_POLL_VERBS = frozenset(("conduct", "take", "carry", "field", "administer"))


def _poll_method(parsed: Parsed, root: Token) -> bool:
    """Every clause of the sentence only tells how a poll was taken: "The survey was
    conducted for the paper by X among voters leaving 30 precincts", "The poll of 1,012
    adults has a margin of error of plus or minus 3 points", "The poll was conducted Jan.
    5-8 and has a margin of error of 4 points": a routine note that goes with the poll's
    figures, which are told (and checked) elsewhere; "the survey found that ..." keeps
    its score."""
    clauses = [root, *(c for c in parsed.children(root.i) if c.dep == "conj" and c.pos == "VERB")]
    return all(_poll_clause(parsed, v) for v in clauses)


def _poll_clause(parsed: Parsed, verb: Token) -> bool:
    kids = parsed.children(verb.i)
    lemma = verb.lemma.lower()
    subjects = [c for c in kids if c.dep in ("nsubj", "nsubjpass")]
    poll = any(c.lemma.lower() in _POLL_NOUNS for c in subjects)
    if lemma in _POLL_VERBS and any(c.dep == "auxpass" for c in kids):
        out = lemma != "carry" or any(c.dep == "prt" and c.lower == "out" for c in kids)
        return out and (poll or (verb.dep == "conj" and not subjects))
    if lemma in ("have", "carry"):
        margin = any(c.dep == "dobj" and c.lemma.lower() == "margin" for c in kids)
        return margin and (poll or not subjects or subjects[0].lower == "it")
    return lemma == "be" and any(c.lemma.lower() == "margin" for c in subjects)


def _recommends(parsed: Parsed, pred: Token) -> bool:
    """The main clause says what should be ("his passage should be guaranteed by the
    state", "the board ought to resign"): a view, nothing to check; "it should be noted
    that ..." only leads to what is told."""
    if pred.lemma.lower() in LEAD_IN_VERBS:
        return False
    return any(c.dep == "aux" and c.lower in ("should", "ought") for c in parsed.children(pred.i))


def _negated(parsed: Parsed, t: Token) -> bool:
    return any(c.dep == "neg" for c in parsed.children(t.i))


def _more_clauses(parsed: Parsed, verb: Token) -> bool:
    return any(
        (c.dep == "conj" and c.pos in ("VERB", "AUX")) or c.dep == "parataxis"
        for c in parsed.children(verb.i)
    )


def _no_reply(parsed: Parsed, sentence: Sentence, root: Token) -> bool:
    """The sentence only says a reply was not given: "did not (immediately) respond to a
    request for comment", "could not be reached for comment", "did not return calls",
    "declined to comment"; not one that tells what the request was about in a clause."""
    lemma = root.lemma.lower()
    if root.pos != "VERB" or lemma not in NO_REPLY_VERBS:
        return False
    kids = parsed.children(root.i)
    said = {root.i, *(c.i for c in kids if c.dep == "xcomp")}
    if any(t.pos == "VERB" and t.i not in said for t in parsed.sentence_tokens(sentence)):
        return False  # "declined to comment on the report that it paid ...": a claim told
    if lemma in ("decline", "refuse"):
        return any(c.dep == "xcomp" and c.lemma.lower() in ("comment", "respond") for c in kids)
    if not _negated(parsed, root):
        return False
    if any(t.lemma.lower() == "comment" for t in parsed.sentence_tokens(sentence)):
        return True
    return lemma == "return" and any(
        c.dep == "dobj" and c.lemma.lower() in ("call", "message", "email") for c in kids
    )


def _open_question(parsed: Parsed, pred: Token) -> bool:
    """``pred`` says a question is open: "it is unclear whether ...", "it was not clear
    if ...", "it did not say where ...": an adjective of not knowing (or "clear",
    "known" negated) or a verb of telling negated, with an indirect question."""
    lemma = pred.lemma.lower()
    heads = [pred]
    if lemma in ("be", "remain", "seem"):
        adjs = [c for c in parsed.children(pred.i) if c.dep == "acomp"]
        open_ = [
            a
            for a in adjs
            if a.lower in OPEN_ADJS
            or (a.lower in OPEN_NEGATED_ADJS and (_negated(parsed, pred) or _negated(parsed, a)))
        ]
        if not open_:
            return False
        heads += open_
    elif not (lemma in OPEN_NEGATED_VERBS and _negated(parsed, pred)):
        return False
    for h in heads:
        for c in parsed.children(h.i):
            if c.dep not in ("ccomp", "advcl", "csubj"):
                continue
            first = parsed.token_at(parsed.subtree_span(c.i)[0])
            if first is not None and parsed.tokens[first].lower in QUESTION_OPENERS:
                return True
    return False
