"""The loader: valid content loads; each kind of mistake gives one exact, located message."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.loader import check_content, load_story
from game.content.problems import ContentError, Problems
from game.content.yamlsource import parse_text

MISTAKES = Path(__file__).parent / "fixtures" / "mistakes"


def check_with(story_root: Path, mistake: str):
    shutil.copy(MISTAKES / mistake, story_root / "story" / f"03_{mistake}")
    content = check_content(story_root)
    return [str(p).split("\n")[0] for p in content.problems.sorted()], content


def test_valid_fixture_loads(story_root):
    story = load_story(story_root)
    assert list(story.scenes) == ["first", "second"]
    assert story.characters["friend"].korean == "친구"
    assert story.scenes["second"].content_note.topics == ("a sad moment",)
    assert len(story.fingerprint) == 16


@pytest.mark.parametrize("mistake, expected", [
    ("bad_yaml_tab.yaml", "scenes/story/03_bad_yaml_tab.yaml:7:1: error: not valid YAML: while scanning for the "
                          "next token found character that cannot start any token"),
    ("unknown_beat.yaml", "scenes/story/03_unknown_beat.yaml:7:5: error: unknown beat 'sya': did you mean 'say'?"),
    ("unknown_key.yaml", "scenes/story/03_unknown_key.yaml:8:5: error: unknown key 'txet' in say beat: "
                         "did you mean 'text'?"),
    ("wrong_type.yaml", "scenes/story/03_wrong_type.yaml:3:10: error: 'chapter' should be a whole number, "
                        "not text 'one'"),
    ("dangling_jump.yaml", "scenes/story/03_dangling_jump.yaml:8:11: error: unknown scene 'secnod': "
                           "did you mean 'second'?"),
    ("unknown_speaker.yaml", "scenes/story/03_unknown_speaker.yaml:7:10: error: unknown character 'heroo': "
                             "did you mean 'hero'?"),
    ("missing_asset.yaml", "scenes/story/03_missing_asset.yaml:7:12: error: missing sfx 'dong': "
                           "no assets/audio/sfx/dong.wav or .ogg"),
    ("duplicate_id.yaml", "scenes/story/03_duplicate_id.yaml:1:5: error: duplicate scene id 'first' "
                          "(first defined at scenes/story/01_first.yaml:1:5)"),
    ("unknown_expression.yaml", "scenes/story/03_unknown_expression.yaml:7:11: error: Hero has no expression 'angry'"),
    ("unsafe_tag.yaml", "scenes/story/03_unsafe_tag.yaml:2:8: error: YAML tag "
                        "'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in content files"),
    ("flag_never_set.yaml", "scenes/story/03_flag_never_set.yaml:7:9: warning: 'ghost' is read here but never "
                            "set anywhere"),
])
def test_each_mistake_gives_one_located_message(story_root, monkeypatch, mistake, expected):
    monkeypatch.chdir(story_root.parent)
    messages, _ = check_with(story_root, mistake)
    assert messages == [expected]


def test_errors_come_with_a_hint(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    _, content = check_with(story_root, "bad_yaml_tab.yaml")
    assert content.problems.errors[0].hint == "indent with spaces, not tabs"


def test_all_errors_are_collected_in_one_pass(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    for name in ("unknown_beat.yaml", "wrong_type.yaml", "bad_yaml_tab.yaml"):
        shutil.copy(MISTAKES / name, story_root / "story" / f"9_{name}")
    content = check_content(story_root)
    files = {p.mark.file for p in content.problems.errors}
    assert len(files) == 3


def test_load_story_raises_with_every_problem(story_root):
    shutil.copy(MISTAKES / "unknown_beat.yaml", story_root / "story" / "03.yaml")
    with pytest.raises(ContentError) as info:
        load_story(story_root)
    assert "unknown beat 'sya'" in str(info.value)


def test_asset_paths_may_not_leave_the_assets_folder(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    (story_root / "locations.yaml").write_text(
        "locations:\n  - {id: room, name: Room, image: ../../etc/passwd}\n")
    messages = [p.message for p in check_content(story_root).problems.errors]
    assert messages == ["background image path '../../etc/passwd' leaves the assets folder"]


def test_missing_required_file_is_reported(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    (story_root / "characters.yaml").unlink()
    messages = [str(p).split("\n")[0] for p in check_content(story_root).problems.errors]
    assert messages == ["scenes/characters.yaml: error: missing characters file"]


@pytest.mark.parametrize("text, message", [
    ("a: &a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
     "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
     "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n", "more than 200000 values"),
    ("[" * 5000 + "]" * 5000, "nesting"),  # ours, or PyYAML >= 6.0.4's own "maximum nesting depth"
    ("a: 1\na: 2\n", "duplicate key 'a'"),
])
def test_hostile_yaml_is_refused_with_a_message(text, message):
    problems = Problems()
    assert parse_text(text, "x.yaml", problems) is None or problems.errors
    assert message in problems.errors[0].message


def test_yaml_marks_point_at_keys_and_values():
    problems = Problems()
    doc = parse_text("a: 1\nb:\n  - x: 2\n    y: [1, 2]\n", "t.yaml", problems)
    assert str(doc.mark(("b", 0, "y", 1))) == "t.yaml:4:12"
    assert str(doc.key_mark(("b", 0, "y"))) == "t.yaml:4:5"
    assert doc.data == {"a": 1, "b": [{"x": 2, "y": [1, 2]}]}


def test_the_line_under_new_evidence_is_content(story_root):
    assert load_story(story_root).evidence_kept == ""  # optional: no line under the card
    path = story_root / "evidence.yaml"
    path.write_text("kept: In the notebook.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_story(story_root).evidence_kept == "In the notebook."
