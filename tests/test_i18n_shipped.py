"""The shipped Korean edition: complete, current, well formed, and faithful where facts can be checked by rule."""
from __future__ import annotations

import re

import pytest

from game import paths, words
from game.authoring.lint import lint
from game.authoring.translations import status, status_of
from game.content.problems import Problems
from game.content.translation import read_tables
from game.library import load_library

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@pytest.fixture(scope="module")
def shipped_lint():
    return lint(paths.SCENES)


def test_the_korean_story_is_complete_and_current():
    [korean] = [s for s in status(paths.SCENES) if s.language == "ko"]
    assert (korean.done, korean.stale, korean.missing, korean.orphaned) == (korean.total, 0, 0, 0), korean.line()
    assert korean.line().startswith(f"ko: {korean.total}/{korean.total} lines (100%)")


def test_the_korean_interface_is_complete_and_current():
    ui = status_of("ko", {words.SOURCE_FILE: words.ui_source()}, words.ui_tables("ko"))
    assert (ui.done, ui.stale, ui.missing) == (ui.total, 0, 0), ui.line("interface strings")


def test_lint_finds_nothing_wrong_in_the_korean_tables(shipped_lint):
    found = [str(p) for p in shipped_lint if "/lang/" in p.mark.file and p.severity != "info"]
    assert found == []


def test_every_korean_text_keeps_the_years_of_its_english():
    """Dates are facts: a year in the English (1972, 2008, 2013...) is in its translation too."""
    lost = []
    for table in read_tables(paths.SCENES, "ko", Problems()):
        for entry in table.entries:
            missing = set(YEAR.findall(entry.en)) - set(YEAR.findall(entry.text))
            if missing:
                lost.append(f"{entry.mark}: {sorted(missing)} not in '{entry.text[:60]}'")
    assert lost == []


def test_names_are_the_ones_the_film_database_gives():
    english = load_library(paths.SCENES)
    korean = english.in_language("ko")
    for cid, character in english.story.characters.items():
        if character.korean:
            assert character.korean in korean.story.characters[cid].name, cid


def test_the_korean_library_plays_in_korean():
    from game.runtime import events as ev
    from game.runtime.runtime import Runtime
    korean = load_library(paths.SCENES).in_language("ko")
    rt = Runtime(korean.story)
    shown = [rt.advance() for _ in range(6)]
    lines = [e.text for e in shown if isinstance(e, ev.LineEvent)]
    assert lines and all(re.search(r"[가-힣]", text) for text in lines)


@pytest.mark.parametrize("root", [paths.SCENES, paths.EXAMPLES / "night_ferry"], ids=["cell7", "night_ferry"])
def test_the_shipped_tables_are_in_step_with_their_content(root, tmp_path):
    """`i18n extract` on the shipped content changes nothing: every table is in its canonical form."""
    import shutil

    from game.content.translation import extract
    copy = tmp_path / root.name
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("assets"))
    report = extract(copy, "ko")
    assert (report.written, report.added, report.carried, report.orphaned, report.refused) == ([], 0, 0, 0, [])
