"""Invisible characters and stacked marks: the text is analysed as a reader sees it, and
every offset, id and sentence points into the text as given."""

from __future__ import annotations

from collections.abc import Callable

from unspin.config import load_config
from unspin.model import Analysis, Document, Finding
from unspin.pipeline import Pipeline
from unspin.visible import visible
from unspin.windows import moved

LOCAL = "sources,certainty,claims"
#: What the tests hide in words: soft hyphen, zero-width space, joiner, word joiner.
HIDDEN = "\u00ad\u200b\u200d\u2060\ufeff"


def _reveal(text: str) -> str:
    return "".join(c for c in text if c not in HIDDEN)


def _paragraphs(n: int, hide: bool) -> str:
    soft, zw = ("\u00ad", "\u200b") if hide else ("", "")
    return "\n\n".join(
        f"Councillor Mara Lind{soft}qvist{i} spoke at the harbour hall on day {i}. "
        f'"The ferry budget is a disgrace and will probably grow," she sa{zw}id. '
        f"The council spent {i + 3}{zw}0 million crowns on repairs in 19{zw}{90 + i}."
        for i in range(n)
    )


def _read(analysis: Analysis) -> list[tuple[str, str, str]]:
    return [(f.kind, f.label, _reveal(f.text)) for f in analysis.findings]


def test_plain_text_is_read_as_it_is() -> None:
    assert visible("Ann Roe said the vote was 50 to 12. Café, naïve 👍") is None


def test_invisible_characters_go_and_each_kept_character_points_at_its_own() -> None:
    text = "\ufeffPres\u00adident Roe: 5\u200b0"
    view = visible(text)
    assert view is not None and view.text == "President Roe: 50"
    assert view.span(0, 9) == (1, 11)  # "Pres\xadident", without the mark before it
    assert text[slice(*view.span(15, 17))] == "5\u200b0"
    assert view.span(17, 17) == (len(text), len(text))


def test_joiners_inside_a_word_go_but_those_joining_emoji_stay() -> None:
    view = visible("sa\u200did \U0001f468\u200d\U0001f469\u200d\U0001f467")
    assert view is not None
    assert view.text == "said \U0001f468\u200d\U0001f469\u200d\U0001f467"


def test_an_accent_written_after_its_letter_is_one_letter_and_zalgo_is_bare_letters() -> None:
    view = visible(
        "Mu\u0308ller, Nguye\u0302\u0303n and T\u0336\u0321h\u0337e\u0334 ma\u0338\u0335\u0322yor"
    )
    assert view is not None
    assert view.text == "M\u00fcller, Nguy\u1ec5n and The mayor"


def test_hidden_characters_give_the_findings_of_the_visible_text_on_the_given_text() -> None:
    pipeline = Pipeline(load_config(backbone="fake", analyzers=LOCAL, window_chars=0))
    given = Document(_paragraphs(3, hide=True))
    seen = Document(_paragraphs(3, hide=False))
    assert _reveal(given.text) == seen.text
    a, b = next(pipeline.process([given])), next(pipeline.process([seen]))
    assert a.analysis.document == given  # its own text, and the id made from it
    assert _read(a.analysis) == _read(b.analysis)
    for f in a.analysis.findings:
        assert f.id == Finding.make_id(f.analyzer, f.kind, f.label, f.start, f.end)
    assert [_reveal(given.text[s:e]) for s, e in a.sentences] == [
        seen.text[s:e] for s, e in b.sentences
    ]


def test_windows_of_a_text_with_hidden_characters_point_into_it() -> None:
    text = _paragraphs(40, hide=True)
    whole = Pipeline(load_config(backbone="fake", analyzers=LOCAL, window_chars=0))
    windowed = Pipeline(
        load_config(backbone="fake", analyzers=LOCAL, window_chars=3000, window_overlap=600)
    )
    a, b = whole.analyze(Document(text)), windowed.analyze(Document(text))
    assert b.summaries["windows"]["count"] > 2
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    assert _read(b) == _read(whole.analyze(Document(_paragraphs(40, hide=False))))


def test_a_title_name_and_number_split_by_hidden_characters_are_read(
    run: Callable[..., Analysis],
) -> None:
    analysis = run("Pres\u00adident Ann Roe said the vote was 5\u200b0 to 12.", "sources", "claims")
    speaker = analysis.by_kind("speaker")[0]
    assert speaker.text == "Pres\u00adident Ann Roe"
    assert (speaker.attributes["name"], speaker.attributes["role"]) == ("Ann Roe", "President")
    (count,) = analysis.by_kind("quantity")
    assert count.text == "5\u200b0 to 12" and count.attributes["value"] == 50


def test_zalgo_marks_do_not_make_a_description_a_name(run: Callable[..., Analysis]) -> None:
    text = "T\u0336\u0321h\u0337e\u0334 m\u0338\u0322a\u0335y\u0336o\u0337r\u0334"
    text += " said the bridge will close."
    (speaker,) = run(text, "sources").by_kind("speaker")
    assert speaker.label == "unresolved"
    assert speaker.text == text[: text.index(" said")]


def test_a_name_with_accents_written_after_their_letters_stays_a_name(
    run: Callable[..., Analysis],
) -> None:
    analysis = run("Klaus Mu\u0308ller said the bridge will close.", "sources")
    (speaker,) = analysis.by_kind("speaker")
    assert speaker.label == "named_person"
    assert speaker.text == "Klaus Mu\u0308ller"
    assert speaker.attributes["name"] == "Klaus M\u00fcller"


def test_attribute_offsets_move_back_with_the_finding() -> None:
    text = "Ann Roe sa\u00adid the pier will re\u200bopen and the ferry will run."
    view = visible(text)
    assert view is not None
    content = view.text.index("the pier")
    ferry = view.text.index("the ferry")
    attributes = {
        "pieces": [[content, content + 8], [ferry, ferry + 9]],
        "speaker_start": 0,
        "speaker_end": 7,
        "anchor": {"start": ferry, "end": ferry + 9, "text": "the ferry"},
    }
    back = moved(attributes, view.span, view.text, text)
    assert [text[a:b] for a, b in back["pieces"]] == ["the pier", "the ferry"]
    assert text[back["speaker_start"] : back["speaker_end"]] == "Ann Roe"
    assert back["anchor"]["text"] == text[back["anchor"]["start"] : back["anchor"]["end"]]
