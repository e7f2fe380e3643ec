"""Translations in the engine: string tables, status and extract, translated libraries, a runtime told in
two languages, and lint's translation rules (game/content/translation.py, game/authoring/translations.py)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from game.authoring.lint import lint
from game.authoring.translations import status
from game.content.schema import FILE_SCHEMAS, TRANSLATE
from game.content.translation import SKIPPED_FIELDS, extract, read_tables, source_texts, string_id, texts_of, translated
from game.library import load_library
from game.runtime import events as ev
from game.runtime.runtime import Runtime, StoryRuntimeError
from tests.conftest import play_through, run_main


def fill(root: Path, language: str, translate) -> None:
    """Give every string of `language`'s tables the text `translate(english)` (None: leave it empty)."""
    for path in (root / "lang" / language).rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["strings"]:
            text = translate(entry["en"])
            if text is not None:
                entry["text"] = text
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def ko(text: str) -> str:
    return f"가{text}나"


@pytest.fixture
def translated_root(story_root: Path) -> Path:
    extract(story_root, "ko")
    fill(story_root, "ko", ko)
    return story_root


# --- what is translated -----------------------------------------------------------------------------------------

def test_the_schema_decides_which_texts_are_translated(story_root):
    texts = {t.text for texts in source_texts(story_root).values() for t in texts}
    for shown in ["It begins.", "Hello.", "Which way?", "Take the key", "Secret door", "A fact.", "Why?",
                  "First", "Day one", "a sad moment", "Something sad happens.", "A disagreement", "One thing.",
                  "The End of the Fixture"]:
        assert shown in texts
    for never in ["hero", "first", "way", "take", "room", "calm", "key", "book", "finale"]:
        assert never not in texts  # ids, ids of options, locations, music, evidence, sources, endings


def test_every_text_field_says_whether_it_is_translated():
    """A new text field must be marked: shown to players (x-translate) or one of the few that are not."""
    not_shown = set()

    def walk(schema, where):
        if isinstance(schema, dict):
            if schema.get("type") == "string" and "minLength" in schema and "pattern" not in schema \
                    and "enum" not in schema and not schema.get(TRANSLATE):
                not_shown.add(where)
            for key, sub in schema.items():
                walk(sub, f"{where}.{key}" if key not in ("properties", "items") else where)
        elif isinstance(schema, list):
            for sub in schema:
                walk(sub, where)
    for kind, schema in FILE_SCHEMAS.items():
        walk(schema, kind)
    assert {w.rsplit(".", 1)[-1] for w in not_shown} == {"korean", "image", "file", "korean_title", "film"}


def test_texts_of_walks_beats_inside_options_and_ifs():
    data = {"id": "s", "title": "T", "chapter": 1, "date": "D", "background": "b", "beats": [
        {"choice": "Q", "options": [{"text": "A", "then": [{"narrate": "inside an option"}]}]},
        {"if": {"flag": "f"}, "then": [{"say": "x", "text": "inside then"}], "else": [{"narrate": "inside else"}]},
    ]}
    found = [text for _, text in texts_of(data, FILE_SCHEMAS["scene"])]
    assert found == ["T", "D", "Q", "A", "inside an option", "inside then", "inside else"]


# --- tables: extract, status, stale, orphans --------------------------------------------------------------------

def test_extract_writes_one_table_per_content_file_and_status_counts_them(story_root):
    report = extract(story_root, "ko")
    assert report.added == sum(len(t) for t in source_texts(story_root).values()) and report.carried == 0
    assert (story_root / "lang/ko/story/01_first.yaml").is_file()
    assert (story_root / "lang/ko/characters.yaml").is_file()
    [ko_status] = status(story_root)
    assert ko_status.done == 0 and ko_status.missing == ko_status.total == report.added
    assert extract(story_root, "ko").written == []  # nothing changed: nothing written
    fill(story_root, "ko", lambda en: ko(en) if en == "Hello." else None)
    [ko_status] = status(story_root)
    assert ko_status.done == 1 and ko_status.line().startswith(f"ko: 1/{ko_status.total} lines")


def test_ids_are_hashes_of_the_english_and_survive_edits_elsewhere(translated_root):
    table = translated_root / "lang/ko/story/01_first.yaml"
    before = {e["en"]: e["id"] for e in yaml.safe_load(table.read_text())["strings"]}
    assert before["Hello."] == string_id("Hello.")
    scene = translated_root / "story/01_first.yaml"
    scene.write_text(scene.read_text().replace('  - narrate: "It begins."\n',
                                               '  - narrate: "It begins."\n  - narrate: "A new line."\n'))
    extract(translated_root, "ko")
    after = {e["en"]: (e["id"], e["text"]) for e in yaml.safe_load(table.read_text())["strings"]}
    assert after["Hello."] == (before["Hello."], ko("Hello.")) and after["A new line."][1] == ""


def test_an_edited_english_line_carries_its_translation_over_as_stale(translated_root):
    scene = translated_root / "story/01_first.yaml"
    scene.write_text(scene.read_text().replace('"You found it."', '"You found it at last."'))
    report = extract(translated_root, "ko")
    assert report.carried == 1
    [entry] = [e for t in read_tables(translated_root, "ko", _problems()) for e in t.entries
               if e.en == "You found it at last."]
    assert entry.text == ko("You found it.") and entry.stale == "You found it."
    [ko_status] = status(translated_root)
    assert ko_status.stale == 1
    library = load_library(translated_root).in_language("ko")
    lines = [op.text for op in library.story.scenes["first"].code if hasattr(op, "line_id")]
    assert "You found it at last." in lines  # a stale translation is not shown: the English is
    found = [p for p in lint(translated_root) if p.code == "translation-stale"]
    assert [(p.mark.file.endswith("lang/ko/story/01_first.yaml"), p.mark.line > 0) for p in found] == [(True, True)]


def test_a_translation_whose_english_is_gone_is_kept_as_an_orphan(translated_root):
    scene = translated_root / "story/01_first.yaml"
    scene.write_text(scene.read_text().replace('  - prompt: "Why?"\n', ""))
    report = extract(translated_root, "ko")
    assert report.orphaned == 1
    data = yaml.safe_load((translated_root / "lang/ko/story/01_first.yaml").read_text())
    assert data["orphans"] == [{"id": string_id("Why?"), "en": "Why?", "text": ko("Why?")}]
    assert [p.code for p in lint(translated_root) if p.code.startswith("translation")] == ["translation-orphan"]


# --- translated libraries ---------------------------------------------------------------------------------------

def test_a_translated_library_is_the_same_story_in_other_words(translated_root):
    english = load_library(translated_root)
    korean = english.in_language("ko")
    assert english.languages == ["en", "ko"] and korean.language == "ko"
    assert korean.story.fingerprint == english.story.fingerprint
    assert korean.story.scene_fingerprints == english.story.scene_fingerprints
    assert korean.story.scenes["first"].title == ko("First")
    assert korean.story.characters["hero"].name == ko(english.story.characters["hero"].name)
    assert korean.story.locations["room"].image == english.story.locations["room"].image  # paths untouched
    ops = list(zip(english.story.scenes["first"].code, korean.story.scenes["first"].code))
    assert [type(a) for a, _ in ops] == [type(b) for _, b in ops]
    assert [a.line_id for a, b in ops if hasattr(a, "line_id")] == [b.line_id for a, b in ops if hasattr(b, "line_id")]
    assert korean.in_language("en") is english and english.in_language("ko") is korean
    assert english.in_language("fr") is english  # a language it has no tables for: the source's words


def test_every_text_the_model_keeps_is_reached_by_the_translation(translated_root):
    """What the tables offer and what `translated` replaces agree: no source text is left in the model."""
    english = load_library(translated_root)
    sources = {t.text for texts in source_texts(translated_root).values() for t in texts}
    left = set()

    def walk(value, seen):
        if isinstance(value, str):
            if value in sources:
                left.add(value)
        elif id(value) in seen:
            return
        elif isinstance(value, (tuple, list, frozenset, set)):
            seen.add(id(value))
            for item in value:
                walk(item, seen)
        elif isinstance(value, dict):
            seen.add(id(value))
            for item in value.values():
                walk(item, seen)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            seen.add(id(value))
            for f in dataclasses.fields(value):
                if f.name not in SKIPPED_FIELDS:
                    walk(getattr(value, f.name), seen)
    walk(english.in_language("ko"), set())
    assert left == set()


def test_untranslated_texts_fall_back_to_english(story_root):
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: ko(en) if en == "It begins." else None)
    korean = load_library(story_root).in_language("ko")
    events = play_through(Runtime(korean.story))
    lines = [e.text for e in events if isinstance(e, ev.LineEvent)]
    assert lines[0] == ko("It begins.") and "Hello." in lines


def test_translated_model_shares_what_it_does_not_change():
    @dataclasses.dataclass(frozen=True)
    class Leaf:
        text: str
        id: str

    @dataclasses.dataclass(frozen=True)
    class Pair:
        left: Leaf
        right: Leaf
        numbers: tuple

    shared = Leaf("same", "same")
    pair = Pair(shared, shared, (1, 2))
    out = translated(pair, {"same": "같은"})
    assert out.left is out.right and out.left.text == "같은" and out.left.id == "same"
    assert out.numbers is pair.numbers and translated(pair, {"other": "x"}) is pair


# --- the runtime in two languages -------------------------------------------------------------------------------

def _to_line(rt: Runtime, text: str) -> ev.LineEvent:
    for _ in range(50):
        event = rt.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(event.options[0][0])
        elif isinstance(event, ev.LineEvent) and event.text == text:
            return event
    raise AssertionError(f"never reached {text!r}")


def test_told_in_gives_the_same_moment_in_the_other_language(translated_root):
    english = load_library(translated_root)
    korean = english.in_language("ko")
    rt = Runtime(english.story)
    line = _to_line(rt, "Hello.")
    gloss = rt.told_in(korean.story)
    assert (gloss.text, gloss.name, gloss.line_id) == (ko("Hello."), ko(line.name), line.line_id)
    first = rt.told_in(korean.story, 0)
    assert isinstance(first, ev.SceneStart) and first.title == ko("First")


def test_retell_switches_language_mid_scene_without_losing_the_place(translated_root):
    english = load_library(translated_root)
    korean = english.in_language("ko")
    rt = Runtime(english.story)
    _to_line(rt, "Hello.")
    state = rt.to_dict()
    rt.retell(korean.story)
    assert rt.current.text == ko("Hello.") and rt.to_dict() == state
    assert [e.text for e in rt.shown() if isinstance(e, ev.LineEvent)] == [ko("It begins."), ko("Hello.")]
    choice = rt.advance()
    assert isinstance(choice, ev.ChoiceEvent) and choice.prompt == ko("Which way?")
    assert rt.rollback().text == ko("Hello.")
    with pytest.raises(StoryRuntimeError):
        rt.retell(load_library(Path(__file__).parent.parent / "examples" / "night_ferry").story)


def test_saves_do_not_depend_on_the_language(translated_root):
    english = load_library(translated_root)
    korean = english.in_language("ko")
    rt = Runtime(korean.story)
    _to_line(rt, ko("Hello."))
    saved = rt.to_dict()
    loaded = Runtime.from_dict(english.story, saved)
    assert loaded.advance().text == "Hello."


# --- lint and the command line ----------------------------------------------------------------------------------

def test_lint_reports_missing_translations_and_broken_markup_where_they_are(story_root):
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: {"Hello.": "{b}안녕", "It begins.": "[name] 시작", "A fact.": "사실 \U00013000",
                                       "Why?": "왜?"}.get(en))
    found = {p.code: p for p in lint(story_root) if p.code.startswith("translation") or p.code == "missing-glyph"}
    assert set(found) == {"translation-missing", "translation-markup", "missing-glyph"}
    assert found["missing-glyph"].mark.file.endswith("lang/ko/story/01_first.yaml")
    markup = [p for p in lint(story_root) if p.code == "translation-markup"]
    assert len(markup) == 2 and all(p.mark.line > 0 and p.mark.col > 0 for p in markup)


def test_lint_checks_translated_lines_against_the_text_box(story_root):
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: "아주 긴 문장이 계속 이어진다. " * 60 if en == "Hello." else None)
    overflow = [p for p in lint(story_root) if p.code == "text-overflow"]
    assert len(overflow) == 1 and overflow[0].mark.file.endswith("lang/ko/story/01_first.yaml")


def test_the_i18n_command(story_root, capsys):
    code, out, _ = run_main(capsys, "i18n", "--scenes", str(story_root))
    assert code == 0 and "no translations" in out
    code, _, err = run_main(capsys, "i18n", "extract", "--scenes", str(story_root))
    assert code == 2 and "--lang" in err
    code, out, _ = run_main(capsys, "i18n", "extract", "--lang", "ko", "--scenes", str(story_root))
    assert code == 0 and " new " in out and "ko: 0/" in out
    fill(story_root, "ko", ko)
    code, out, _ = run_main(capsys, "i18n", "status", "--files", "--scenes", str(story_root))
    total = sum(len(t) for t in source_texts(story_root).values())
    assert out.splitlines()[0] == f"ko: {total}/{total} lines (100%) · 0 stale · 0 missing · 0 orphaned"
    assert "  story/01_first.yaml: " in out


def _problems():
    from game.content.problems import Problems
    return Problems()


def test_the_same_english_reads_as_its_own_file_translates_it(story_root):
    """An ending's title and a quiz answer may share English but not Korean: a text with a known place takes
    its own file's translation."""
    (story_root / "story/02_second.yaml").write_text(
        (story_root / "story/02_second.yaml").read_text().replace('narrate: "Later."', 'narrate: "Hello."'))
    extract(story_root, "ko")
    fill(story_root, "ko", ko)
    second = story_root / "lang/ko/story/02_second.yaml"
    second.write_text(second.read_text().replace(ko("Hello."), "두 번째 파일의 인사"))
    korean = load_library(story_root).in_language("ko")
    first_line = next(op.text for op in korean.story.scenes["first"].code if getattr(op, "speaker", None) == "hero")
    second_line = next(op.text for op in korean.story.scenes["second"].code if hasattr(op, "line_id"))
    assert (first_line, second_line) == (ko("Hello."), "두 번째 파일의 인사")


def test_the_words_cache_is_used_and_a_damaged_one_is_ignored(translated_root, tmp_path):
    from game.content.translation import read_translation
    cache = tmp_path / "cache"
    first = read_translation(translated_root, "ko", cache)
    [stored] = cache.glob("words-ko-*.json")
    assert read_translation(translated_root, "ko", cache).files == first.files
    stored.write_text('{"key": "x", "files": {"story/01_first.yaml": {"Hello.": 5}}}')
    assert read_translation(translated_root, "ko", cache).files == first.files  # not trusted: read again
    stored.write_bytes(b"\xff\x00 not json")
    assert read_translation(translated_root, "ko", cache).files == first.files
    table = translated_root / "lang/ko/story/01_first.yaml"
    table.write_text(table.read_text().replace(ko("Hello."), "새 인사"))
    assert read_translation(translated_root, "ko", cache).files["story/01_first.yaml"]["Hello."] == "새 인사"


def test_brackets_that_are_not_markup_in_the_english_are_not_checked_as_markup(story_root):
    scene = story_root / "story/01_first.yaml"
    scene.write_text(scene.read_text().replace('"A fact."', '"A fact [book, other]."'))
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: "사실." if en.startswith("A fact") else None)
    assert not [p for p in lint(story_root) if p.code == "translation-markup"]


def test_a_text_variable_shows_in_the_language_but_is_saved_as_set(story_root):
    scene = story_root / "story/01_first.yaml"
    scene.write_text(scene.read_text().replace('  - narrate: "It begins."\n',
                                               '  - set: {mood: "calm"}\n  - narrate: "It begins [mood]."\n'))
    extract(story_root, "ko")
    fill(story_root, "ko", ko)
    korean = load_library(story_root).in_language("ko")
    rt = Runtime(korean.story)
    line = next(e for e in play_through(rt, limit=3) if isinstance(e, ev.LineEvent))
    assert line.text == "가It begins 가calm나.나"
    assert rt.state.vars["mood"] == "calm" and rt.to_dict()["state"]["vars"]["mood"] == "calm"


def test_a_contact_sheet_in_another_language(translated_root, tmp_path, capsys):
    out = tmp_path / "first.png"
    code, stdout, _ = run_main(capsys, "contact-sheet", "first", "--lang", "ko", "--scenes", str(translated_root),
                               "--out", str(out))
    assert code == 0 and out.stat().st_size > 10_000 and "wrote" in stdout
    code, _, err = run_main(capsys, "contact-sheet", "first", "--lang", "xx", "--scenes", str(translated_root),
                            "--out", str(out))
    assert code == 2 and "no language 'xx'" in err


def test_a_changed_copy_of_a_library_has_languages_of_its_own(translated_root):
    english = load_library(translated_root)
    english.in_language("ko")
    copy = dataclasses.replace(english, reality=None, timeline=None)
    assert copy.in_language("en") is copy and copy.in_language("ko").timeline is None
    assert copy.in_language("ko").in_language("en") is copy


# --- tables that cannot be read -----------------------------------------------------------------------------------

def _table(root: Path, scene: str = "01_first") -> Path:
    return root / f"lang/ko/story/{scene}.yaml"


@pytest.mark.parametrize("damage", [
    lambda p: p.write_text(p.read_text().replace("text: ", "text: {b}", 1)),    # unquoted '{': not YAML
    lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),                           # not UTF-8
    lambda p: p.write_text(p.read_text().replace("text: ", "text: 23:55 #", 1)),  # a number where text goes
])
def test_extract_never_writes_over_a_table_it_cannot_read(translated_root, capsys, damage):
    table = _table(translated_root)
    damage(table)
    before = table.read_bytes()
    code, out, err = run_main(capsys, "i18n", "extract", "--lang", "ko", "--scenes", str(translated_root))
    assert code == 1 and "left as they are" in out and "01_first.yaml:" in err and "not written" in err
    assert table.read_bytes() == before
    code, out, err = run_main(capsys, "i18n", "--scenes", str(translated_root))
    assert code == 1 and "could not be read" in err and "Traceback" not in err


def test_odd_layouts_of_lang_are_reported_not_crashed_on(translated_root, capsys):
    table = _table(translated_root)
    table.unlink()
    table.mkdir()  # a folder named like a table
    (translated_root / "lang" / "EN").mkdir()
    (translated_root / "lang" / "ko ko").mkdir()
    code, _, err = run_main(capsys, "i18n", "extract", "--lang", "ko", "--scenes", str(translated_root))
    assert code == 1 and table.is_dir() and "Traceback" not in err
    found = {p.message for p in lint(translated_root) if p.code == "translation" and p.severity == "error"}
    assert any(m.startswith("'EN' is not a language code") for m in found)
    assert any(m.startswith("'ko ko' is not a language code") for m in found)
    assert [s.language for s in status(translated_root)] == ["ko"]


def test_lang_as_a_file_is_one_clear_error(story_root, capsys):
    (story_root / "lang").write_text("not a folder")
    code, out, err = run_main(capsys, "i18n", "extract", "--lang", "ko", "--scenes", str(story_root))
    assert code == 1 and "is not a folder" in err and (story_root / "lang").read_text() == "not a folder"
    assert any(p.code == "translation" and "lang is a file" in p.message for p in lint(story_root))


def test_a_string_table_says_where_a_value_is_wrong(translated_root):
    table = _table(translated_root)
    lines = table.read_text().splitlines()
    at = [i for i, line in enumerate(lines) if line.startswith("  text: ")][-1]
    lines[at] = "  text: 12345"
    first_id = next(i for i, line in enumerate(lines) if line.startswith("- id: "))
    second = next(i for i, line in enumerate(lines) if line.startswith("- id: ") and i > first_id)
    lines[second] = lines[first_id]  # the same id twice
    table.write_text("\n".join(lines) + "\n")
    found = [p for p in lint(translated_root) if p.mark.file.endswith("lang/ko/story/01_first.yaml")]
    number = next(p for p in found if "'text' is a number" in p.message)
    assert (number.mark.line, number.mark.col) == (at + 1, 9) and "quotes" in number.hint
    assert any("is already used at line" in p.message for p in found)


def test_a_translation_with_broken_markup_is_not_shown(story_root):
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: {"Hello.": "{b}안녕", "It begins.": "시작된다."}.get(en))
    korean = load_library(story_root).in_language("ko")
    lines = [e.text for e in play_through(Runtime(korean.story)) if isinstance(e, ev.LineEvent)]
    assert lines[:2] == ["시작된다.", "Hello."]  # the English, until the markup is mended


def test_texts_of_objects_without_a_mark_take_their_own_files_translation(story_root):
    """A character's name comes from characters.yaml: it reads as that table says, though a scene has the same
    English (the model's characters carry no mark; the field they sit in says which file they are from)."""
    characters = story_root / "characters.yaml"
    characters.write_text(characters.read_text().replace('name: "Hero"', 'name: "First"', 1))
    extract(story_root, "ko")
    fill(story_root, "ko", lambda en: "첫째" if en == "First" else None)
    table = story_root / "lang/ko/characters.yaml"
    table.write_text(table.read_text().replace("첫째", "주인공"))
    korean = load_library(story_root).in_language("ko")
    assert (korean.story.characters["hero"].name, korean.story.scenes["first"].title) == ("주인공", "첫째")


def test_hot_reload_sees_an_edited_translation(translated_root):
    """A translator checking wording in the running game (play --dev) sees the table's edit on save."""
    import os

    from game.content.watch import ContentWatcher
    from game.library import reload_library
    watcher = ContentWatcher(translated_root)
    korean = load_library(translated_root).in_language("ko")
    rt = Runtime(korean.story)
    _to_line(rt, ko("Hello."))
    table = _table(translated_root)
    table.write_text(table.read_text().replace(ko("Hello."), "고친 인사"))
    st = table.stat()
    os.utime(table, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert table in watcher.changed()
    reloaded = reload_library(korean, rt)
    assert reloaded.library.language == "ko" and reloaded.resumed.runtime.current.text == "고친 인사"


def test_the_language_given_is_a_language_code_before_anything_is_written(story_root, capsys):
    for bad in ("../evil", "/tmp/x", "KO", "ko ko"):
        code, _, err = run_main(capsys, "i18n", "extract", "--lang", bad, "--scenes", str(story_root))
        assert code == 2 and "is not a language code" in err
    assert not (story_root / "lang").exists() and not (story_root / "evil").exists()
    code, _, err = run_main(capsys, "i18n", "extract", "--lang", "en", "--scenes", str(story_root))
    assert code == 2 and "own language" in err


def test_a_table_with_bad_strings_is_not_called_an_orphan(translated_root):
    table = _table(translated_root)
    table.write_text(table.read_text().replace("text: ", "text: 7 #", 1))
    found = [p for p in lint(translated_root) if p.mark.file.endswith("lang/ko/story/01_first.yaml")]
    assert found and not [p for p in found if p.code == "translation-orphan"]


@pytest.mark.parametrize("command", [["screenshot", "--scene", "first"], ["contact-sheet", "first"]])
def test_an_output_that_cannot_be_written_is_one_line(story_root, capsys, command):
    code, _, err = run_main(capsys, *command, "--scenes", str(story_root), "--out", "/proc/no/such.png")
    assert code == 2 and err.startswith("error: could not write") and "Traceback" not in err


def test_lint_checks_the_engines_own_words_too(story_root, tmp_path, monkeypatch):
    """game/lang/CODE.yaml: a {name} the game does not fill in, a stale string, an unreadable table."""
    from game import words
    from game.content.translation import table_of, table_yaml
    from game.content.yamlsource import read_document
    folder = tmp_path / "lang"
    folder.mkdir()
    (folder / "en.yaml").write_text("title.start: Start\nsaves.saved: Saved to slot {slot}.\n")
    monkeypatch.setattr(words, "FOLDER", folder)
    words.forget()
    words.extract_ui("ko")
    problems = _problems()
    table = table_of(read_document(folder / "ko.yaml", "ko.yaml", problems), "ko", "en.yaml", problems)
    table.entries[0].text, table.entries[1].text = "시작", "{slott}번 슬롯에 저장했어요."
    (folder / "ko.yaml").write_text(table_yaml(table))
    words.forget()
    found = {p.code: p for p in lint(story_root) if p.mark.file.startswith("game/lang/ko.yaml")}
    assert set(found) == {"translation-markup"} and "slott" in found["translation-markup"].message
    (folder / "en.yaml").write_text("title.start: Begin\nsaves.saved: Saved to slot {slot}.\n")
    words.forget()
    assert "translation-stale" in {p.code for p in lint(story_root)}
    words.forget()


def test_status_says_when_the_engines_words_cannot_be_read(story_root, tmp_path, monkeypatch, capsys):
    from game import words
    folder = tmp_path / "lang"
    folder.mkdir()
    (folder / "en.yaml").write_text("title.start: Start\n")
    (folder / "ko.yaml").write_text("language: ko\nsource: en.yaml\nstrings:\n- id: title.start\n  en: Start\n"
                                    "  text: {b}시작{/b}\n")
    monkeypatch.setattr(words, "FOLDER", folder)
    words.forget()
    code, out, err = run_main(capsys, "i18n", "--scenes", str(story_root))
    words.forget()
    assert code == 1 and "ko.yaml:6:" in err and "menus show English" in err


def test_explore_names_the_content_note_answer_a_path_took(capsys):
    """The runtime leaves a content note's answers to the screens' words; the explorer words them too."""
    code, out, _ = run_main(capsys, "explore", "--max-states", "300")
    assert ": Play the scene" in out or ": Read a short summary instead" in out
    assert not [line for line in out.splitlines() if line.rstrip().endswith(":") and ". " in line]
