"""``unspin corpus watch`` (issue #16, point 5) on the invented corpus: a JSON Lines feed
read in two cycles (the second reports the narratives that doubled, the new denial and a
new contradiction on the number of injured), and a folder whose files are ingested once
each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.narratives.corpus import ARTICLES, write_feed
from unspin import app
from unspin.cli import main
from unspin.corpus.audited import is_experimental

#: A sixth fire article, counting the injured differently from the first.
COUNT = "Five workers were hurt in the fire at the Velmar chemical plant on Tuesday."


def _watch(
    db: Path, source: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> dict[str, Any]:
    capsys.readouterr()
    args = ["corpus", "watch", str(source), "--db", str(db), "--once", "-f", "json", *extra]
    assert main([*args, "--analyzers", "claims"]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def test_a_feed_in_two_cycles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, feed = tmp_path / "corpus.db", tmp_path / "feed.jsonl"
    write_feed(feed, ("fire-1", "race-1"))
    first = _watch(db, feed, capsys)
    assert first["documents"] == 2 and len(first["new_narratives"]) >= 2
    assert first["growing"] == []
    rest = tmp_path / "rest.jsonl"
    write_feed(rest, tuple(a[0] for a in ARTICLES[2:]))
    with feed.open("a", encoding="utf-8") as f:
        f.write(rest.read_text(encoding="utf-8"))
        f.write(
            json.dumps({"text": COUNT, "outlet": "coast-post.example", "published": "2025-03-05"})
        )
        f.write("\n")
        f.write('{"text": "A line still being wri')  # incomplete: waits for its end
    second = _watch(db, feed, capsys, "--experimental")
    assert second["documents"] == 6
    growing = {n["name"] for n in second["growing"]}
    assert any("caused the" in name for name in growing), second["growing"]
    assert any("Lindqvist" in name for name in growing), second["growing"]
    assert any("did not cause" in n["name"] for n in second["new_narratives"])
    conflicts = second["contradictions"]  # three workers hurt (two articles), or five?
    assert len(conflicts) == 2
    for c in conflicts:
        assert {c["source_text"].lower(), c["target_text"].lower()} == {
            "three workers",
            "five workers",
        }
    latest = app.latest_changes(db, experimental=True).to_dict()  # what the web page shows
    assert latest["documents"] == 6 and latest["contradictions"] == conflicts
    if is_experimental("contradiction"):  # by default an experimental kind is not reported
        default = app.latest_changes(db).to_dict()
        assert default["contradictions"] == [] and default["contradictions_left_out"]
        assert "contradictions not reported (experimental" in app.latest_changes(db).render()
    assert latest["growing"] == second["growing"]
    assert _watch(db, feed, capsys)["documents"] == 0  # nothing new since


def test_a_folder_ingests_each_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, folder = tmp_path / "corpus.db", tmp_path / "inbox"
    folder.mkdir()
    for name, _, _, text in ARTICLES[:2]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    assert _watch(db, folder, capsys)["documents"] == 2
    assert _watch(db, folder, capsys)["inputs"] == []
    name, _, _, text = ARTICLES[2]
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    third = _watch(db, folder, capsys)
    assert third["documents"] == 1 and third["inputs"] == [str(folder / f"{name}.txt")]
    capsys.readouterr()
    args = ["corpus", "watch", str(folder), "--db", str(db), "--once", "--analyzers", "claims"]
    assert main(args) == 0
    assert "0 new input(s)" in capsys.readouterr().out
