"""Issue 17, content load: scene files are read without marks (plain data) and compiled with marks taken from
their YAML nodes; a mark asked for later reads the file again, the located way. These tests hold that the quick
reading reports exactly what the located reading reports, at the same file:line:col with the same hints, on a
corpus of broken files, and builds the same story, marks included."""
from __future__ import annotations

import gc
import shutil
import textwrap
from pathlib import Path

import pytest

from game.content import loader, yamlsource
from game.content.gcpause import collector_paused
from game.content.loader import check_content
from game.content.problems import Problems
from game.content.yamlsource import parse_bytes

MISTAKES = Path(__file__).parent / "fixtures" / "mistakes"

SCENE_HEAD = 'id: third\ntitle: "Third"\nchapter: 1\ndate: "x"\nbackground: room\n'
BROKEN = {  # a file name -> its text: each breaks a scene in another way, in the file itself or across files
    "markup.yaml": SCENE_HEAD + 'beats:\n  - narrate: "a {b}bold word without its end"\n',
    "variables.yaml": SCENE_HEAD + 'beats:\n  - set: {mood: "calm"}\n  - narrate: "[mood] and [ghost], [unclosed"\n'
                      "  - if: {counter: mood, gt: 1}\n    then:\n      - narrate: x\n",
    "labels.yaml": SCENE_HEAD + "beats:\n  - label: here\n  - narrate: x\n  - label: here\n  - goto: .nowhere\n"
                   "  - goto: second.nowhere\n",
    "references.yaml": 'id: third\ntitle: "Third"\nchapter: 7\ndate: "x"\nbackground: attic\nmusic: nothing\n'
                       "beats:\n  - show: heroo\n  - background: attic\n  - music: silence\n  - evidence: nothing\n"
                       "  - fact: x\n    source: nowhere\n  - illustration: none\n"
                       "  - choice: x\n    speaker: ghost\n    options:\n      - {text: a, goto: nowhere}\n"
                       "      - {text: a, if: {has: nothing}}\n",
    "duplicate_scene.yaml": SCENE_HEAD.replace("third", "second") + "beats:\n  - narrate: x\n",
    "schema.yaml": SCENE_HEAD + "beats:\n  - say: hero\n    txet: x\n  - sya: hero\n  - narrate: [a, b]\n"
                   "  - show: hero\n    at: middle\n  - choice: x\n    options: []\n",
    "keys.yaml": SCENE_HEAD + "title: again\nbeats:\n  - narrate: x\n  - {? [a, b] : c}\n",
    "merge.yaml": SCENE_HEAD + "beats:\n  - &b {narrate: x}\n  - {<<: *b}\n",
    "numbers.yaml": SCENE_HEAD + "beats:\n  - set: {n: 123456789012345678901234567890}\n  - add: {m: !!int x}\n",
    "tags.yaml": SCENE_HEAD + "beats:\n  - narrate: !!python/name:os.system x\n",
    "collection_tags.yaml": SCENE_HEAD + "beats:\n  - narrate: !!map x\n  - set: {a: !!seq y}\n",
    "bomb.yaml": 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f'{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},'
        f'*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n'
        for i in range(6)),
    "deep.yaml": SCENE_HEAD + "beats:\n  - narrate: " + "[" * 80 + "x" + "]" * 80 + "\n",
    "control.yaml": SCENE_HEAD + 'beats:\n  - narrate: "a\x07bell"\n',
    "syntax.yaml": SCENE_HEAD + 'beats:\n  - narrate: "never closed\n',
    "empty.yaml": "",
    "not_a_mapping.yaml": "- just\n- a list\n",
    "unset_flag.yaml": SCENE_HEAD + "beats:\n  - if: {flag: never_set}\n    then:\n      - narrate: x\n",
}
BINARY = {"bad_utf8.yaml": SCENE_HEAD.encode() + b"beats:\n  - narrate: \"caf\xe9\"\n",
          "utf16.yaml": (SCENE_HEAD + "beats:\n  - narrate: x\n").encode("utf-16-le"),
          "binary.yaml": bytes(range(256)) * 4}


def _located_only(monkeypatch) -> None:
    """Every file read the located way, as before scenes were read without marks."""
    real = yamlsource.parse_bytes
    monkeypatch.setattr(loader, "parse_bytes", lambda raw, display, problems, source=None:
                        real(raw, display, problems))


def _report(root: Path):
    content = check_content(root)
    return [(str(p), p.code) for p in content.problems.sorted()], content.story


def _both_ways(root: Path, monkeypatch):
    quick = _report(root)
    with monkeypatch.context() as patch:
        _located_only(patch)
        located = _report(root)
    return quick, located


@pytest.mark.parametrize("name", sorted([*BROKEN, *BINARY, *(p.name for p in MISTAKES.glob("*.yaml"))]))
def test_a_broken_scene_is_reported_exactly_as_the_located_reading_reports_it(story_root, monkeypatch, name):
    monkeypatch.chdir(story_root.parent)
    target = story_root / "story" / f"03_{name}"
    if name in BROKEN:
        target.write_text(textwrap.dedent(BROKEN[name]), encoding="utf-8")
    elif name in BINARY:
        target.write_bytes(BINARY[name])
    else:
        shutil.copy(MISTAKES / name, target)
    (quick, quick_story), (located, located_story) = _both_ways(story_root, monkeypatch)
    assert quick, "each file of the corpus has a problem"
    assert all(":" in message.split(": ")[0] for message, _ in quick), "every problem names a line and column"
    assert quick == located
    assert quick_story == located_story


ACROSS_FILES = ["markup.yaml", "variables.yaml", "labels.yaml", "references.yaml", "duplicate_scene.yaml",
                "unset_flag.yaml"]  # well-formed files whose mistakes only the checks after reading find


def test_the_cross_checks_of_many_files_at_once_are_reported_as_the_located_reading_does(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    for name in ACROSS_FILES:  # each its own scene id, but the one that repeats another file's
        text = BROKEN[name] if name == "duplicate_scene.yaml" else BROKEN[name].replace("id: third", f"id: {name[:-5]}")
        (story_root / "story" / f"03_{name}").write_text(text, encoding="utf-8")
    (quick, _), (located, _) = _both_ways(story_root, monkeypatch)
    assert len(quick) > 15 and quick == located
    assert {code for _, code in quick} >= {"markup", "unknown-variable", "duplicate-label", "unknown-label",
                                           "unknown-character", "unknown-location", "duplicate-id",
                                           "unset-variable"}


def test_a_good_story_builds_the_same_story_marks_included_and_reads_no_file_again(story_root, monkeypatch):
    again: list[str] = []
    real = yamlsource._located_marks
    monkeypatch.setattr(yamlsource, "_located_marks", lambda doc: again.append(doc.file) or real(doc))
    (quick, quick_story), (located, located_story) = _both_ways(story_root, monkeypatch)
    assert quick == located and quick_story is not None
    assert quick_story == located_story  # every operation's mark (file, line, column) as the located reading
    assert [op.mark for s in quick_story.scenes.values() for op in s.code] == \
           [op.mark for s in located_story.scenes.values() for op in s.code]
    assert again == []
    content = check_content(story_root)
    scenes = content.documents["scene"]
    assert scenes and all(doc.marks is None and doc.nodes is None for doc in scenes)  # nothing kept beside the data


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


def _at(data, path):
    """The value at `path` in `data` (None when there is none)."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def test_marks_from_the_nodes_and_from_reading_the_file_again_equal_the_located_marks(story_root):
    file = next((story_root / "story").glob("*.yaml"))
    raw = file.read_bytes()
    located = parse_bytes(raw, "s.yaml", Problems())
    quick = parse_bytes(raw, "s.yaml", Problems(), source=file)
    assert quick.marks is None and quick.nodes is not None and quick.data == located.data
    paths = list(_paths(located.data))
    probes = paths + [p + ("missing",) for p in paths] + [p + (99,) for p in paths] + [("beats", "x", 0)]
    expected = [(located.mark(p), located.key_mark(p)) for p in probes]
    assert [(quick.mark(p), quick.key_mark(p)) for p in probes] == expected  # from the YAML nodes
    holders = [(p, _at(quick.data, p[:-1])) for p in probes if p and isinstance(_at(quick.data, p[:-1]), (dict, list))]
    assert len(holders) > len(paths) // 2
    assert [quick.mark(p, within) for p, within in holders] == [located.mark(p) for p, _ in holders]  # found at once
    assert [quick.mark(p, {"a": 1}) for p, _ in holders] == [located.mark(p) for p, _ in holders]  # not its own
    quick.drop_nodes()
    assert [quick.mark(p, within) for p, within in holders] == [located.mark(p) for p, _ in holders]
    assert [(quick.mark(p), quick.key_mark(p)) for p in probes] == expected  # from the file, read again
    assert quick.marks is not None


def test_a_file_gone_before_its_marks_are_asked_for_falls_back_to_its_start(tmp_path):
    file = tmp_path / "s.yaml"
    file.write_text("id: a\nbeats:\n  - narrate: x\n", encoding="utf-8")
    doc = parse_bytes(file.read_bytes(), "s.yaml", Problems(), source=file)
    doc.drop_nodes()
    file.unlink()
    assert str(doc.mark(("beats", 0, "narrate"))) == "s.yaml:1:1"


def test_keys_and_short_values_are_one_string_each_across_files(story_root):
    first, second = (parse_bytes(p.read_bytes(), p.name, Problems(), source=p)
                     for p in sorted((story_root / "story").glob("*.yaml"))[:2])
    key_a = next(k for k in first.data if k == "background")
    key_b = next(k for k in second.data if k == "background")
    assert key_a is key_b


def test_a_collection_tag_on_a_plain_value_is_a_located_error_not_a_generator_in_the_data():
    problems = Problems()
    assert parse_bytes(b"a: !!map foo\nb: !!seq bar\n", "t.yaml", problems) is not None
    assert [str(p).split("\n")[0] for p in problems.items] == [
        "t.yaml:1:4: error: cannot read 'foo' as map", "t.yaml:2:4: error: cannot read 'bar' as seq"]


def test_the_collector_is_paused_while_loading_and_what_was_made_is_left_to_its_oldest_generation():
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            assert not gc.isenabled()
            made = [[i] for i in range(1000)]
        assert gc.isenabled()
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert all(id(item) in oldest for item in made)
        assert gc.get_freeze_count() == 0
        gc.disable()
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_objects_frozen_by_someone_else_stay_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            made = [[i] for i in range(10)]
        # still frozen, none added (frozen objects freed meanwhile by another thread leave the count), and the
        # new objects were not frozen: gc.get_objects() lists every tracked object but the frozen ones
        assert 0 < gc.get_freeze_count() <= frozen
        tracked = {id(o) for o in gc.get_objects()}
        assert all(id(item) in tracked for item in made)
    finally:
        gc.unfreeze()


def test_a_file_s_meaning_is_its_data_whatever_its_layout_and_however_its_strings_were_made():
    """The fingerprint's per-file meaning (marshal, version 2: no references between objects) is the same for equal
    data read twice, laid out otherwise, or with its strings made anew; it tells the kinds of value apart."""
    problems = Problems()
    one = parse_bytes(b'id: a\nlist: [x, 1, 1.5, true, null, "2013-01-23"]\nmap: {k: v}\n', "a.yaml", problems)
    two = parse_bytes(b"# a comment\nid:   a\nlist:\n  - x\n  - 1\n  - 1.5\n  - true\n  - ~\n  - 2013-01-23\n"
                      b"map:\n  k: v\n", "b.yaml", problems)
    assert not problems.items and one.data == two.data
    fresh = {"".join(k): [("".join(v) if isinstance(v, str) else v) for v in value] if isinstance(value, list)
             else value for k, value in one.data.items()}  # (strings made anew: none interned)
    assert loader._meaning(one.data) == loader._meaning(two.data) == loader._meaning(fresh)
    kinds = [loader._meaning({"v": value}) for value in (1, 1.0, True, "1", None, [1], {"1": 1})]
    assert len(set(kinds)) == len(kinds)
