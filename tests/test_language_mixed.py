"""A post that switches languages is read in the language most of its letters are in:
the detector scored a mostly English post with a German, a Spanish and a Russian
sentence German at 0.9998, and every English-only analyzer skipped it (found by a
trust-and-safety batch trial). A text mostly in another language keeps it."""

from __future__ import annotations

from unspin.language import detect

# Short texts written for these tests (no article text).
MIXED_MOSTLY_ENGLISH = (
    'The president said "we will win" here in Berlin on Monday. '
    "Der Kanzler sagte, dass die Steuern steigen werden. Ella dijo que no es verdad. "
    "Officials said 40 people were arrested on Tuesday after the march. "
    "Это неправда, сказал министр."
)
MOSTLY_GERMAN = (
    "Der Bürgermeister sagte am Dienstag, die neue Brücke werde 40 Millionen Euro kosten. "
    "Kritiker behaupten, der Stadtrat habe nicht erklärt, woher das Geld kommen soll. "
    "Officials said the bridge will open in May."
)


def test_a_post_mostly_in_english_with_other_languages_is_english() -> None:
    assert detect(MIXED_MOSTLY_ENGLISH).code == "en"


def test_a_text_mostly_in_german_with_an_english_sentence_stays_german() -> None:
    assert detect(MOSTLY_GERMAN).code == "de"
