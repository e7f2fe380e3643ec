"""The engine's own words: game/words.py and its tables game/lang/en.yaml (source) and ko.yaml."""
from __future__ import annotations

import ast
import re
import shutil

import pytest

from game import paths, words
from game.content.problems import Problems
from game.content.translation import table_yaml


@pytest.fixture(autouse=True)
def english_after():
    yield
    words.set_language("en")


def test_t_speaks_the_current_language_and_falls_back_to_english():
    assert words.language() == "en"
    assert words.t("common.yes") == "Yes"
    words.set_language("ko")
    assert words.language() == "ko"
    assert words.t("common.yes") == "예"
    words.set_language("xx")  # a language without a table speaks English
    assert words.t("common.yes") == "Yes"
    assert words.t("no.such.key") == "no.such.key"
    assert words.languages()[0] == "en" and "ko" in words.languages()


def test_tables_of_a_language_and_formatting(tmp_path, monkeypatch):
    (tmp_path / "en.yaml").write_text("a.greet: Hello {name}\na.bye: Bye\na.new: New\n", encoding="utf-8")
    monkeypatch.setattr(words, "FOLDER", tmp_path)
    words.forget()
    try:
        report = words.extract_ui("ko")
        assert report.added == 3 and (tmp_path / "ko.yaml").is_file()
        [tab] = words.ui_tables("ko")
        assert [e.id for e in tab.entries] == ["a.greet", "a.bye", "a.new"]
        tab.entries[0].text = "{name} 님, 안녕하세요"
        tab.entries[1].text = "{nmae} 안녕"        # a translator's typo: the English is used
        (tmp_path / "ko.yaml").write_text(table_yaml(tab), encoding="utf-8")
        words.forget()
        words.set_language("ko")
        assert words.t("a.greet", name="용구") == "용구 님, 안녕하세요"
        assert words.t("a.bye") == "{nmae} 안녕"
        assert words.t("a.new") == "New"                    # untranslated: English
        assert words.table("ko")["a.new"] == "New" and words.table("en")["a.greet"] == "Hello {name}"
        # the English of a key changes: its translation is kept but marked stale, and English is shown
        (tmp_path / "en.yaml").write_text("a.greet: Hi {name}\na.bye: Bye\n", encoding="utf-8")
        words.forget()
        assert words.t("a.greet", name="용구") == "Hi 용구"  # before extract: the table's en is not the English
        report = words.extract_ui("ko")
        [tab] = words.ui_tables("ko")
        assert tab.entries[0].stale == "Hello {name}" and tab.entries[0].text == "{name} 님, 안녕하세요"
        assert words.t("a.greet", name="용구") == "Hi 용구"
        assert [e.id for e in tab.orphans] == []  # a.new had no translation: nothing to keep
    finally:
        words.forget()


def test_a_malformed_ui_table_is_reported_with_its_place(tmp_path, monkeypatch):
    shutil.copy(words.FOLDER / "en.yaml", tmp_path / "en.yaml")
    (tmp_path / "ko.yaml").write_text("language: ko\nsource: en.yaml\nstrings:\n- id: common.yes\n  text: 예\n",
                                      encoding="utf-8")
    monkeypatch.setattr(words, "FOLDER", tmp_path)
    words.forget()
    try:
        problems = Problems()
        assert words.ui_tables("ko", problems)[0].entries == []
        assert [str(p.mark).startswith("game/lang/ko.yaml:4") for p in problems.items] == [True]
    finally:
        words.forget()


def test_the_korean_table_is_complete_in_step_and_keeps_every_placeholder():
    problems = Problems()
    [tab] = words.ui_tables("ko", problems)
    assert not problems.items, [str(p) for p in problems.items]
    source = dict(words.ui_source())
    assert [e.id for e in tab.entries] == list(source), "run game.words.extract_ui('ko')"
    assert not [e.id for e in tab.entries if not e.done], "untranslated or stale Korean UI strings"
    assert not [e.id for e in tab.entries if e.en != source[e.id]]
    wrong = [e.id for e in tab.entries if not words.names(e.text) <= words.allowed_names(e.id, e.en)
             or (e.id not in words.OFFERED and words.names(e.en) - words.names(e.text))]
    assert not wrong, f"the Korean of these keys uses other {{names}} than the English: {wrong}"


def keys_in_code() -> dict[str, str]:
    """Every literal key passed to t(...) anywhere in game/ -> where."""
    found = {}
    for path in sorted((paths.ROOT / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "t" \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value, f"{path.relative_to(paths.ROOT)}:{node.lineno}")
    return found


def test_every_key_the_code_asks_for_exists():
    source = words.source()
    missing = {key: where for key, where in keys_in_code().items() if key not in source}
    assert not missing, f"add these keys to game/lang/en.yaml: {missing}"


FILE_TYPES = {"md", "html", "csv", "yaml", "json", "png", "ogg", "wav", "py", "txt", "css", "ttf", "pdf"}


def test_keys_kept_in_constants_and_built_from_names_exist():
    """Keys held in constants ("gallery.locked", PAGES, LINE_GONE) and keys the code builds from a name
    (t(f"quiz.topic_{about}")) exist too: the literal scan above cannot see them."""
    from game.classroom.quiz import TOPICS
    from game.timeline.controller import VIEWS
    source = words.source()
    prefixes = {key.split(".")[0] for key in source}
    constants = {}
    for path in sorted((paths.ROOT / "game").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
            if re.fullmatch(r"[a-z]+\.[a-z0-9_]*[a-z0-9]", text) and text.split(".")[0] in prefixes \
                    and text.split(".")[1] not in FILE_TYPES:
                constants.setdefault(node.value, f"{path.relative_to(paths.ROOT)}:{node.lineno}")
    built = [*(f"quiz.topic_{topic}" for topic in TOPICS),
             *(f"quiz.status_{status}" for status in ("answered", "waiting", "no_answer", "right", "wrong")),
             *(f"timeline.view_{view}" for view in VIEWS),
             *(f"date.month_{month}" for month in range(1, 13)),
             *(f"date.{q}" for q in ("before", "after", "about")),
             *(f"date.short_{q}" for q in ("before", "after", "about")),
             *(f"summary.how_{how}" for how in ("teacher", "vote", "plan")), "sheet.show", "sheet.hide"]
    missing = {key: where for key, where in constants.items() if key not in source}
    missing.update({key: "built in the code" for key in built if key not in source})
    assert not missing, f"add these keys to game/lang/en.yaml: {missing}"


def test_a_table_that_does_not_read_is_never_written_over_and_the_game_says_so(tmp_path, monkeypatch, capsys):
    """One unquoted `{` in ko.yaml: extract refuses (the Korean stays on disk), the game shows English and says
    where the table went wrong."""
    shutil.copy(words.FOLDER / "en.yaml", tmp_path / "en.yaml")
    broken = (words.FOLDER / "ko.yaml").read_text(encoding="utf-8").replace("  text: 이야기 시작\n",
                                                                           "  text: {b}이야기 시작{/b}\n", 1)
    assert "{b}이야기 시작" in broken
    (tmp_path / "ko.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(words, "FOLDER", tmp_path)
    words.forget()
    try:
        report = words.extract_ui("ko")
        assert report.refused and not report.written and report.refused[0].mark.file == "game/lang/ko.yaml"
        assert (tmp_path / "ko.yaml").read_text(encoding="utf-8") == broken  # nothing lost
        words.set_language("ko")
        assert words.t("title.start") == "Start the story"
        assert "game/lang/ko.yaml:" in capsys.readouterr().err
    finally:
        words.forget()
