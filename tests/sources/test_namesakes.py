"""A surname after "Mr."/"Ms." that two people named in full share (session 26, on
invented fixtures): when nothing in the text tells which of them is a man and neither is
named in its sentence, it names neither; without a list of first names "Mr. Berg" after
"John Berg ... Mary Berg" is not told apart (it went to the one named last, Mary Berg).
It is never the one person of that surname known to be of the other gender ("Mary Berg
... she said ... Mr. Berg"), and the one the text gives its gender stays chosen.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _names(run: Run, text: str, speaker: str) -> list[object]:
    found = [f for f in sources(run, text).by_kind("speaker") if f.text == speaker]
    return [f.attributes.get("name") for f in found]


def test_an_honorific_does_not_choose_between_namesakes_of_unknown_gender(run: Run) -> None:
    text = 'John Berg runs the farm. Mary Berg runs the shop. "We are fine," Mr. Berg said.'
    speakers = [f for f in sources(run, text).by_kind("speaker") if f.text == "Mr. Berg"]
    assert [f.attributes.get("name") for f in speakers] == ["Berg"]
    assert "does not tell which" in str(speakers[0].attributes.get("type_reason"))


def test_an_honorific_is_never_the_namesake_of_the_other_gender(run: Run) -> None:
    text = (
        "Mary Berg runs the shop. She said sales were down. Mr. Berg said the shop would stay open."
    )
    assert _names(run, text, "Mr. Berg") == ["Berg"]


def test_an_honorific_takes_the_namesake_named_in_its_sentence(run: Run) -> None:
    text = (
        "Tom Vask founded the group in 1931. The photographer Ed Vask took the picture in "
        "2005. Mr. Vask said he kept it hidden for years."
    )
    assert _names(run, text, "Mr. Vask") == ["Vask"]  # another sentence: not told
    same = text.replace("2005. Mr.", "2005, and Mr.")
    assert _names(run, same, "Mr. Vask") == ["Ed Vask"]


def test_an_honorific_takes_the_namesake_the_text_gives_its_gender(run: Run) -> None:
    text = (
        "John Berg runs the farm. Mary Berg, his sister, runs the shop. "
        "Mr. Berg said the farm would stay open."
    )
    assert _names(run, text, "Mr. Berg") == ["John Berg"]
