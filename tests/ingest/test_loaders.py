from __future__ import annotations

import io
from pathlib import Path

import pytest

from unspin.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnsupportedInputError,
)
from unspin.ingest import load_bytes, load_path, load_stream, load_text
from unspin.ingest.decode import decode_bytes
from unspin.ingest.markdown import markdown_to_text
from unspin.model import Document

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _one(path: Path, **kw: int) -> Document:
    (doc,) = list(load_path(path, **kw))
    assert isinstance(doc, Document), doc
    return doc


def test_plain_text() -> None:
    doc = _one(FIXTURES / "articles" / "plain.txt")
    assert doc.text.startswith("Water rates in Lindholm")
    assert doc.source and doc.source.endswith("plain.txt")
    assert "\r" not in doc.text


def test_markdown_front_matter_and_markup() -> None:
    doc = _one(FIXTURES / "articles" / "opinion.md")
    assert doc.title == "The stadium plan is a vanity project"
    assert doc.author == "R. Columnist"
    assert doc.published == "2026-02-10"
    assert "---" not in doc.text and "# " not in doc.text
    assert "> We have followed every rule" in doc.text  # block quote marker kept


def test_markdown_inline_syntax() -> None:
    text, meta = markdown_to_text(
        "Title\n=====\n\nA **bold** claim, an *aside*, [a link](http://x.test/(a)) and `code`.\n"
        "\n- item one\n- item two\n"
    )
    assert meta["title"] == "Title"
    assert "A bold claim, an aside, a link and code." in text
    assert "item one\nitem two" in text


def test_html_main_text_and_metadata_without_boilerplate() -> None:
    doc = _one(FIXTURES / "articles" / "page.html")
    assert doc.title == "Port strike enters second week"
    assert doc.author == "Mira Santos"
    assert doc.published == "2026-05-18"
    assert "Dock workers at the port of Arvand" in doc.text
    assert "> The strike is costing" in doc.text
    for boilerplate in ("Subscribe to our newsletter", "First!!!", "Home", "window.__pwned"):
        assert boilerplate not in doc.text
    # escaped markup in the article is article text, kept literally
    assert "<script>alert(1)</script>" in doc.text


def test_broken_html_still_yields_text() -> None:
    html = (
        b"<html><body><div><p>Unclosed paragraph about the harbour <b>bold <i>italic"
        b" <p>And more text"
    )
    (doc,) = list(load_bytes(html, source="broken.html", suffix=".html"))
    assert isinstance(doc, Document)
    assert "Unclosed paragraph about the harbour" in doc.text
    assert "And more text" in doc.text


def test_html_without_text_is_an_empty_input() -> None:
    (err,) = list(
        load_bytes(
            b"<html><body><script>x()</script></body></html>", source="s.html", suffix=".html"
        )
    )
    assert isinstance(err, EmptyInputError)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("latin1.txt", "Café owners in Lyonnais say the new règles cost them £300"),
        ("utf16.txt", "The harbour master said the fog would lift by noon."),
    ],
)
def test_encoding_detection(name: str, expected: str) -> None:
    assert _one(FIXTURES / "articles" / name).text.startswith(expected)


def test_utf8_bom_and_crlf() -> None:
    assert decode_bytes(b"\xef\xbb\xbfOne.\r\nTwo.\rThree.") == "One.\nTwo.\nThree."


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t ", EmptyInputError),
        (b"%PDF-1.7 binary", BinaryInputError),
        (b"text\x00with\x00nuls", BinaryInputError),
        (bytes(range(1, 32)) * 20, BinaryInputError),
        (b"\xff\xfe\x00\xd8", DecodingError),  # UTF-16 BOM, then a lone surrogate
    ],
)
def test_unusable_bytes(data: bytes, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        decode_bytes(data, source="x.txt")
    assert str(info.value).startswith("x.txt: ")
    assert "\n" not in str(info.value)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 300)
    (err,) = list(load_path(big, max_bytes=1000))
    assert isinstance(err, InputTooLargeError)
    assert "1,500 bytes" in str(err) and "max_bytes" in str(err)
    with pytest.raises(InputTooLargeError):
        load_text("x" * 11, max_bytes=10)


def test_jsonl_errors_carry_line_numbers_and_the_rest_goes_on() -> None:
    items = list(load_path(FIXTURES / "bad" / "mixed.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Document",
        "MalformedRecordError",
        "MalformedRecordError",
        "MalformedRecordError",
        "Document",
    ]
    assert str(items[1]).endswith(
        "mixed.jsonl:2: malformed JSON line (Expecting property name enclosed in double quotes "
        "at column 21)"
    )
    assert "mixed.jsonl:3" in str(items[2])
    assert "no string field 'text'" in str(items[3])


def test_jsonl_metadata_and_per_record_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"text": "Short one.", "title": "A", "date": "March 5, 2026", "author": ["X", "Y"]}\n'
        + '{"text": "'
        + "long " * 100
        + '"}\n'
    )
    first, second = list(load_path(path, max_bytes=200))
    assert isinstance(first, Document)
    assert (first.title, first.published, first.author) == ("A", "2026-03-05", "X, Y")
    assert isinstance(second, InputTooLargeError) and "c.jsonl:2" in str(second)


def test_directory_is_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second text.")
    (tmp_path / "a.md").write_text("First text.")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    texts = [d.text for d in load_path(tmp_path) if isinstance(d, Document)]
    assert texts == ["First text.", "Second text."]


def test_empty_directory_and_missing_path(tmp_path: Path) -> None:
    (err,) = list(load_path(tmp_path))
    assert isinstance(err, EmptyInputError)
    (err,) = list(load_path(tmp_path / "missing.txt"))
    assert isinstance(err, UnsupportedInputError)
    assert "no such file" in str(err)


def test_stream_sniffs_jsonl_html_and_text() -> None:
    docs = list(load_stream(io.BytesIO(b'{"text": "A."}\n{"text": "B."}\n')))
    assert [d.text for d in docs if isinstance(d, Document)] == ["A.", "B."]
    (html,) = list(load_stream(io.BytesIO(b"<html><body><p>Hello from a page.</p></body></html>")))
    assert isinstance(html, Document) and html.text == "Hello from a page."
    (text,) = list(load_stream(io.BytesIO(b"Just text.")))
    assert isinstance(text, Document) and text.source == "<stdin>"
    (err,) = list(load_stream(io.BytesIO(b"x" * 50), max_bytes=10))
    assert isinstance(err, InputTooLargeError)


def test_load_text_validates_metadata() -> None:
    doc = load_text("Text.", title="T", published="2026-01-05T10:00:00Z")
    assert doc.published == "2026-01-05T10:00:00+00:00"
    with pytest.raises(TypeError):
        load_text("Text.", colour="red")
    with pytest.raises(EmptyInputError):
        load_text("   ")
