"""Certainty markers: hedges, boosters and vague attributions, as anchored spans.

Every finding covers the cue words themselves ("allegedly", "may have", "beyond any
doubt", "experts believe") and says which lexicon entry or parse rule fired. The score
says how unambiguous the cue is, not how true the sentence is.

Kinds and labels
----------------
``hedge`` (the writer or source holds back from full commitment)
    ``epistemic_adverb``     allegedly, reportedly, apparently, perhaps, probably, ...
    ``epistemic_adjective``  alleged, purported, apparent, suspected, so-called, ...;
                             is likely to, it is unclear whether, it is possible that
    ``modal``                may / might (spaCy tag MD, auxiliary of a verb), could have,
                             could be
    ``reporting_hedge``      it is believed, is said to, unconfirmed reports, ...
    ``appearance``           appears to, seems to, it seems that, seems unlikely
    ``personal_hedge``       I think, I believe, I suspect, I guess
``booster`` (the writer or source insists on certainty or intensity)
    ``certainty_adverb``     obviously, undeniably, undoubtedly, clearly, definitely, ...
    ``emphatic_phrase``      beyond any doubt, it is plain that, make no mistake, ...
    ``common_knowledge``     everyone knows, as we all know, it is well known that
    ``intensifier``          absolutely, totally, utterly, completely, ... (low scores)
    ``all_caps``             a run of capitalised words that are not acronyms
``vague_attribution`` (a claim pinned on an unnamed group)
    ``vague_crowd``          many people say, some argue, critics say, it is widely believed
    ``vague_expert``         experts believe, scientists warn, analysts say
    ``vague_source``         sources said, a senior official, people familiar with the matter
    ``vague_research``       studies show, research suggests, reports say
    ``vague_rumour``         rumours suggest, rumour has it, some rumours indicated

Ambiguity handling
    "may"/"might" count only when spaCy tags them MD, so "May 5" (the month) never fires;
    "you may enter", "May I ask", "the conditions under which members may vote"
    (permission), "may be subject to / liable / eligible" (a rule), "strange as it may
    sound", "while he may be a fan, ...", "he may be a fan, but ..." (concession) and
    "asked what it might be", "hard to see what it might look like" (a question) score
    0.3 and are not reported under the default ``min_score`` (0.5); a hedge is shown by
    default only from ``min_hedge_score`` (0.8): the modals' 0.6-0.75 were right about half
    the time in the precision audit; "may have"/"might
    have" + participle (epistemic) score highest. "could" counts only before "have" or
    "be", not in "could not be published / be using" (ability, prohibition); "couldn't
    be sure" is one hedge; nor in "neither could immediately be reached", "anything that
    could not be rigorously checked" (a negated passive, adverbs between, the negation on
    the subject). Modals that mark no doubt of the writer's score 0.3
    (:mod:`.modality`): a statute's clause ("(a) ... an alien may be arrested", "except
    as provided in subsection (c) ... may"), a legal measure a rule lets be renewed ("the
    order lasts a year but may be renewed"), a counterfactual ("if it had ..., it might
    have"), a proposition weighed ("the idea that he could have ..."), a standard's
    wording ("cause to believe that he may ..."), an imagined speech ("he might explain to
    us that"), and a concession whose "but" joins the predicate ("could be funny but
    still offensive"). A hedge in a heading line that a colon introduces ("See the video
    here:") titles a linked work and scores 0.4. "I believe" of a conviction ("did what
    I believe was right", "I believe in") is no hedge. A booster word that is a sentence
    by itself (a bare "Obviously.") and a hedge word alone as a question ("Maybe?" as a
    poll answer) score 0.4; a bare "Perhaps." still hedges. "clearly", "plainly" and
    "surely" after the verb they modify are manner adverbs ("he spoke clearly",
    "slowly but surely", and after a verb of saying even before "that": "it must be said
    clearly that") and do not fire; a negated booster ("not clearly") does not fire.
    "The truth is" boosts only as a lead-in ("the truth is (that) we lost"), not as a
    plain subject ("the truth is the important thing", "the truth is out").
    All-caps words count as emphasis only when they look like words, not acronyms: four
    letters or fewer and not a common English word -> acronym (NATO, FBI); an
    entity-tagged noun with no English word ending -> acronym (UNICEF); a whole text
    mostly in capitals is skipped.
    A group is a vague attribution only when nothing in its noun phrase names it:
    "experts at Halden University say" does not fire; "Velmoran officials said" scores
    0.5 (an institution, still no person); "the experts" (already introduced) scores 0.5.
    Nor is it vague when the source is named after all: beside the noun ("the political
    scientist Jane Roe said"), by the publication the verb cites ("scientists reported in
    a study in <Journal>"), or, for one expert ("a scientist has warned"), as a titled
    expert who is the subject of a reporting verb within the next six sentences; "the
    report" (one known document) is not vague either. No claim is pinned on a group that
    "can" believe, on a crowd that "finds" without a clause ("many are finding life too
    hard"), nor on the writer's own "I've often said". Groups that only seem unnamed
    score 0.3 (:mod:`.bodies`): a named body's spokesperson ("a Justice Department
    spokesperson", "a police spokesperson" after "<City> police said"); its officials
    when on its record ("in a statement", or of the body itself: "told CNN the department
    could not comment", "that its work ..."), unless the sentence keeps them anonymous
    ("senior", "on condition of anonymity"); a one-word kind of body ("Iranian",
    "Archdiocesan") names none. Plural experts beside a titled researcher the text names
    in the next or the five previous sentences ("Physicist Jane Roe and colleagues"); a
    crowd in a situation ("when people say ..."); officials who "agree to" act; and a
    crowd's belief that a named source describes ("the book shows that some of them
    believed ...").
    Cues that hold back, boost or attribute no claim score 0.3 (:mod:`.asides`): a modal
    in "anyone who may have seen ..." (an appeal), "perhaps"/"maybe" offering options in
    a rhetorical question, the last plain word of a phrase in capitals read as names, a
    teller's own doctors in his story, and a spokesperson of a named body by its short name.

Summary
-------
``{"hedges": n, "boosters": n, "vague_attributions": n, "per_1000_words": {...},
"balance": label, "balance_basis": {"hedges": h, "boosters": b}}`` where the balance
rule uses only the cues scoring at least 0.5 (h and b): fewer than 3 of them together
-> ``"sparse"``; otherwise with r = b / (h + b): r >= 0.65 -> ``"assertive"``,
r <= 0.35 -> ``"hedged"``, else ``"balanced"``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.certainty.asides import aside
from unspin.certainty.caps import caps_cues
from unspin.certainty.cues import Cue, dedupe, phrase_cues, token_cues
from unspin.certainty.modality import heading_line
from unspin.certainty.vague import vague_cues
from unspin.model import Explanation, Finding
from unspin.nlp import Parsed
from unspin.options import option

__all__ = ["CertaintyAnalyzer"]


@dataclass(frozen=True)
class CertaintyOptions:
    """Options of the ``certainty`` analyzer."""

    min_score: float = option(
        0.5,
        "Report a cue when its score reaches this (the cues the balance counts). Below\n"
        "0.5: modals that grant permission ('you may opt out'), concede ('strange as it\n"
        "may sound') or sit in a question, and weak intensifiers.",
    )
    min_hedge_score: float = option(
        0.8,
        "Report a hedge when its score also reaches this. The precision audit found the\n"
        "hedges scored 0.8 or more right 40 times in 41 (rounds 3 and 4), those under it\n"
        "(mostly the modals 'may', 'might', 'could' of scores 0.6-0.75) 18 times in 39.",
    )
    all_candidates: bool = option(
        False, "Report every cue, also those under min_score or min_hedge_score."
    )


@register("certainty")
class CertaintyAnalyzer(Analyzer[CertaintyOptions]):
    """Hedges, boosters and vague attributions as spans (see the module docstring)."""

    version = "0.3.0"
    requires = ("parse",)
    produces = ("hedge", "booster", "vague_attribution")
    languages = ("en",)
    Options = CertaintyOptions

    def run(self, ctx: Context) -> AnalyzerResult:
        parsed = ctx.parsed
        cues: list[Cue] = []
        cues.extend(token_cues(parsed))
        cues.extend(phrase_cues(ctx.text, parsed))
        cues.extend(vague_cues(parsed))
        cues.extend(caps_cues(parsed))
        kept = [aside(parsed, _titled(parsed, c)) for c in dedupe(cues)]
        if not self.options.all_candidates:
            floor = {"hedge": max(self.options.min_score, self.options.min_hedge_score)}
            kept = [c for c in kept if c.score >= floor.get(c.kind, self.options.min_score)]
        findings = [self._finding(ctx, c) for c in kept]
        return AnalyzerResult(tuple(findings), _summary(findings, parsed.word_count))

    def _finding(self, ctx: Context, c: Cue) -> Finding:
        covered = ctx.text[c.start : c.end]
        return self.finding(
            ctx,
            c.start,
            c.end,
            kind=c.kind,
            label=c.label,
            score=c.score,
            explanation=Explanation(
                rule=c.rule, cues=(" ".join(covered.split()),), detail=c.detail
            ),
        )


def _titled(parsed: Parsed, c: Cue) -> Cue:
    """A hedge in a heading line that a colon introduces names a linked work's title."""
    if c.kind != "hedge" or c.score <= 0.4 or not heading_line(parsed, c.start):
        return c
    detail = "Inside the title of a linked work (a line a colon introduces): it names, not claims."
    return replace(c, score=0.4, detail=detail)


# ----------------------------------------------------------------------------------------
# summary


def _balance(hedges: int, boosters: int) -> str:
    total = hedges + boosters
    if total < 3:
        return "sparse"
    ratio = boosters / total
    if ratio >= 0.65:
        return "assertive"
    if ratio <= 0.35:
        return "hedged"
    return "balanced"


def _summary(findings: list[Finding], words: int) -> dict[str, object]:
    counts = {"hedge": 0, "booster": 0, "vague_attribution": 0}
    strong = {"hedge": 0, "booster": 0}
    for f in findings:
        counts[f.kind] += 1
        if f.kind in strong and f.score >= 0.5:
            strong[f.kind] += 1

    def rate(n: int) -> float:
        return round(1000.0 * n / words, 2) if words else 0.0

    return {
        "hedges": counts["hedge"],
        "boosters": counts["booster"],
        "vague_attributions": counts["vague_attribution"],
        "per_1000_words": {
            "hedges": rate(counts["hedge"]),
            "boosters": rate(counts["booster"]),
            "vague_attributions": rate(counts["vague_attribution"]),
        },
        "balance": _balance(strong["hedge"], strong["booster"]),
        "balance_basis": {"hedges": strong["hedge"], "boosters": strong["booster"]},
    }
