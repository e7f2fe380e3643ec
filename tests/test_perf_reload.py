"""Issue 17, hot reload: in dev mode the loader keeps each file's parsed document, so a reload parses and
checks again only the files whose bytes changed, and loads exactly what a fresh load would."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.content import loader
from game.content.loader import check_content, keep_parsed_files
from game.content.watch import ContentWatcher


@pytest.fixture
def keeping():
    keep_parsed_files(True)
    yield
    keep_parsed_files(False)


def _parsed(monkeypatch) -> list[str]:
    files: list[str] = []
    real = loader._parse_and_check

    def counting(kind, display, *rest):
        files.append(display)
        return real(kind, display, *rest)
    monkeypatch.setattr(loader, "_parse_and_check", counting)
    return files


def _same(a, b) -> None:
    assert a.story == b.story and a.story.fingerprint == b.story.fingerprint
    assert a.story.scene_fingerprints == b.story.scene_fingerprints
    assert [str(p) for p in a.problems.sorted()] == [str(p) for p in b.problems.sorted()]


def test_a_reload_parses_only_the_edited_file_and_loads_what_a_fresh_load_would(story_root: Path, keeping,
                                                                               monkeypatch):
    check_content(story_root)
    parsed = _parsed(monkeypatch)
    scene = sorted((story_root / "story").glob("*.yaml"))[0]
    scene.write_text(scene.read_text(encoding="utf-8").replace("text: ", "text: Edited. ", 1), encoding="utf-8")
    again = check_content(story_root)
    assert len(parsed) == 1 and parsed[0].endswith(scene.name)
    keep_parsed_files(False)
    _same(again, check_content(story_root))
    assert "Edited. " in str(again.story)


def test_an_unchanged_broken_file_still_reports_its_problems_on_every_load(story_root: Path, keeping):
    broken = story_root / "story" / "zz_broken.yaml"
    broken.write_text("id: zz\ntitle: [unclosed\n", encoding="utf-8")
    first, second = check_content(story_root), check_content(story_root)
    assert first.problems.errors and [str(p) for p in first.problems.sorted()] == \
        [str(p) for p in second.problems.sorted()]
    broken.unlink()
    keep_parsed_files(False)
    _same(check_content(story_root), check_content(story_root))


def test_the_watcher_turns_keeping_on_while_it_runs(story_root: Path):
    watcher = ContentWatcher(story_root)
    watcher.start(interval=0.05)
    try:
        assert loader._KEEP_PARSED[0]
    finally:
        watcher.stop()
    assert not loader._KEEP_PARSED[0] and not loader._PARSED
