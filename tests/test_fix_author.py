"""Author-facing messages for a story that is not Cell 7's (review findings of 2026-11-30, 20:12-20:18)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import run_main

from game import paths
from game.content.loader import check_content

NIGHT_FERRY = paths.EXAMPLES / "night_ferry"


@pytest.fixture
def mystory(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the example story in tmp_path/mystory, the working directory being tmp_path."""
    root = tmp_path / "mystory"
    shutil.copytree(NIGHT_FERRY, root)
    monkeypatch.chdir(tmp_path)
    return root


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(root: Path, assets: Path | None = None):
    return check_content(root, assets).problems.errors


def test_unknown_scene_hints_name_the_storys_own_folder(mystory: Path):
    replace(mystory / "story.yaml", "start: boarding", "start: boardin")
    replace(mystory / "story" / "01_boarding.yaml", "next: saloon", "next: nowhere")
    found = errors(Path("mystory"))
    unknown = [p for p in found if p.code == "unknown-scene"]
    assert len(unknown) == 2
    for problem in unknown:
        assert "mystory/story/" in problem.hint
        assert "scenes/" not in problem.hint


def test_an_options_unknown_goto_is_reported_once(mystory: Path):
    replace(mystory / "story" / "01_boarding.yaml", "id: fare_is_fare\n", "id: fare_is_fare\n        goto: nowhere\n")
    unknown = [p for p in errors(mystory) if p.code == "unknown-scene"]
    assert len(unknown) == 1


def test_a_scenes_unknown_background_and_chapter_point_at_their_lines(mystory: Path):
    scene = mystory / "story" / "01_boarding.yaml"
    replace(scene, "background: quay", "background: quai")
    replace(scene, "chapter: 1", "chapter: 9")
    found = errors(mystory)
    background = next(p for p in found if p.code == "unknown-location")
    assert (background.mark.line, background.mark.col) == (5, 13)
    chapter = next(p for p in found if p.code == "unknown-chapter")
    assert (chapter.mark.line, chapter.mark.col) == (3, 10)


def test_a_missing_image_names_the_file_looked_at_and_no_cell7_tool(mystory: Path, tmp_path: Path):
    (mystory / "assets" / "images" / "backgrounds" / "quay.png").unlink()
    missing = [p for p in errors(mystory) if p.code == "missing-asset"]
    assert [p.message for p in missing] == ["missing background image file "
                                            "mystory/assets/images/backgrounds/quay.png"]
    assert "make_art" not in missing[0].hint


def test_with_assets_given_the_path_and_hint_name_that_folder(mystory: Path, tmp_path: Path):
    other = tmp_path / "review"
    other.mkdir()
    found = [p for p in errors(mystory, other) if p.code == "missing-asset"]
    assert found
    quay = next(p for p in found if "quay.png" in p.message)
    assert quay.message.endswith("review/images/backgrounds/quay.png")
    assert "assets/images" not in quay.message
    assert "--assets" in quay.hint and "make_art" not in quay.hint
    harbour = next(p for p in found if "harbour" in p.message)
    assert "review/audio/ambience/harbour.wav" in harbour.message and "make_sound" not in harbour.hint


def test_the_shipped_story_still_names_its_art_tool(tmp_path: Path):
    from game.content.assetcheck import art_hint
    assert "tools/make_art.py" in art_hint(paths.SCENES, paths.ASSETS, "draw it", "tools/make_art.py")
    assert "make_art" not in art_hint(tmp_path, tmp_path / "assets", "draw it", "tools/make_art.py")


def test_new_start_scene_has_a_neutral_date_and_no_nothing_leads_here(mystory: Path, capsys):
    shutil.rmtree(mystory / "story")
    replace(mystory / "story.yaml", "start: boarding", "start: knock")
    code, _, err = run_main(capsys, "new", "scene", "--scenes", "mystory", "knock", "--chapter", "1")
    assert code == 0, err
    text = (mystory / "story" / "01_knock.yaml").read_text(encoding="utf-8")
    assert "1997" not in text and "Nothing leads here" not in text
    assert run_main(capsys, "new", "scene", "--scenes", "mystory", "later", "--chapter", "1")[0] == 0
    assert "Nothing leads here yet: add 'next: later'" in (mystory / "story" / "02_later.yaml").read_text()
    assert run_main(capsys, "validate", "mystory")[0] == 0  # the placeholders are valid content


def test_screenshot_past_the_scenes_end_says_so_and_writes_nothing(tmp_path: Path, capsys, monkeypatch):
    from test_library import small_story
    monkeypatch.chdir(tmp_path)
    root = small_story(tmp_path / "small")
    code, out, err = run_main(capsys, "screenshot", "--scenes", str(root), "--scene", "only", "--beat", "99",
                              "--out", "shot.png")
    assert code == 1 and not Path("shot.png").exists()
    assert "scene 'only' has only" in err and "--beat 1 to" in err, err
    shown = int(err.split("has only ")[1].split()[0])
    assert run_main(capsys, "screenshot", "--scenes", str(root), "--scene", "only", "--beat", str(shown),
                    "--out", "shot.png")[0] == 0 and Path("shot.png").is_file()


def test_lint_warns_when_a_copy_keeps_the_examples_id(mystory: Path):
    from game.authoring.lint import lint
    shared = [p for p in lint(mystory) if p.code == "shared-story-id"]
    assert len(shared) == 1 and "night_ferry" in shared[0].message
    assert shared[0].hint.startswith("give your story its own id in story.yaml")
    assert (shared[0].mark.line, shared[0].mark.col) == (4, 5)
    replace(mystory / "story.yaml", "id: night_ferry", "id: my_ferry")
    assert not [p for p in lint(mystory) if p.code == "shared-story-id"]
    assert not [p for p in lint(NIGHT_FERRY) if p.code == "shared-story-id"]  # the example itself is fine


def test_new_scene_outside_a_content_folder_names_no_cell7_folder(tmp_path: Path):
    from game.authoring.scaffold import ScaffoldError, new_scene
    with pytest.raises(ScaffoldError) as info:
        new_scene(tmp_path, "knock")
    assert "story.yaml" in str(info.value) and "scenes/" not in str(info.value)
