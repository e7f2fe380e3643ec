"""The content library (issue 15): a root knows its folder and assets, carries its own extras, and nothing of
the shipped story leaks into another story: assets, reload, title, classroom quiz, saves, evidence line."""
from __future__ import annotations

import dataclasses
import json
import shutil
import textwrap
from pathlib import Path

import pygame
import pytest

from game import paths
from game.content.loader import check_content, story_id_of
from game.content.problems import ContentError
from game.library import check_library, load_library
from game.profile import Profile, story_folder
from game.runtime import events as ev
from game.screens.app import App
from game.screens.capture import play_app
from game.screens.input import Action
from game.screens.play import PlayScreen
from game.screens.title import TitleScreen

FIXTURES = Path(__file__).parent / "fixtures"
MAGENTA = (250, 0, 250)


def small_story(root: Path, title: str = "Small", story_id: str | None = "small", extra: str = "",
                background: tuple = MAGENTA) -> Path:
    """A story of one scene with no evidence.yaml or sources.yaml, its assets inside it (root/assets)."""
    (root / "story").mkdir(parents=True)
    (root / "story.yaml").write_text(
        (f"id: {story_id}\n" if story_id else "") + f'title: "{title}"\nstart: only\n'
        'chapters:\n  - {number: 1, title: "One"}\n' + extra, encoding="utf-8")
    (root / "characters.yaml").write_text(
        'characters:\n  - {id: ana, name: "Ana", colour: "#336699", sprite: ana, expressions: [calm]}\n',
        encoding="utf-8")
    (root / "locations.yaml").write_text(
        'locations:\n  - {id: yard, name: "Yard", image: backgrounds/yard.png}\n', encoding="utf-8")
    (root / "story" / "01_only.yaml").write_text(textwrap.dedent("""\
        id: only
        title: "Only"
        chapter: 1
        date: "Now"
        background: yard
        beats:
          - narrate: "A quiet yard."
          - show: ana
            expression: calm
          - say: ana
            text: "Here we are."
          - end: done
            title: "Done"
        """), encoding="utf-8")
    pictures = root / "assets" / "images"
    (pictures / "backgrounds").mkdir(parents=True)
    (pictures / "characters").mkdir()
    pygame.image.save(_filled((1280, 720), background), str(pictures / "backgrounds" / "yard.png"))
    pygame.image.save(_filled((480, 640), (20, 200, 20)), str(pictures / "characters" / "ana_calm.png"))
    return root


def _filled(size: tuple[int, int], colour: tuple) -> pygame.Surface:
    surface = pygame.Surface(size)
    surface.fill(colour)
    return surface


# --- the library ------------------------------------------------------------------------------------

def test_a_root_loads_with_its_own_assets_and_no_extras(tmp_path):
    library = load_library(small_story(tmp_path / "small"))
    assert library.root == tmp_path / "small" and library.assets == tmp_path / "small" / "assets"
    assert library.story_id == "small" and library.story.title == "Small"
    assert library.timeline is None and library.quiz is None and library.reality is None
    assert not library.problems.items  # no "missing portrait": the portrait is in the root's own assets


def test_assets_beside_the_root_and_an_explicit_assets_folder(story_root, tmp_path):
    assert load_library(story_root).assets == story_root.parent / "assets"  # the shipped layout
    moved = shutil.move(str(story_root.parent / "assets"), str(tmp_path / "elsewhere"))
    with pytest.raises(ContentError, match="missing portrait"):
        load_library(story_root)
    assert load_library(story_root, Path(moved)).assets == Path(moved)


def test_the_extras_and_all_their_problems_come_with_the_root(tmp_path):
    shipped = load_library(paths.SCENES)
    assert shipped.story_id == "cell7" and shipped.timeline is not None and shipped.timeline.events
    assert shipped.quiz is not None and shipped.reality is not None
    root = shutil.copytree(FIXTURES / "classroom_story", tmp_path / "classroom")
    classroom = load_library(root, paths.ASSETS)
    assert classroom.quiz is not None and 0 < len(classroom.quiz.questions) < len(shipped.quiz.questions)
    quiz_file = next((root / "quiz").glob("*.yaml"))
    quiz_file.write_text(quiz_file.read_text(encoding="utf-8").replace("chapter: 1", "chapter: 99", 1),
                         encoding="utf-8")
    broken = check_library(root, paths.ASSETS)
    assert broken.problems.errors and all("quiz" in p.mark.file for p in broken.problems.errors)


def test_a_folder_that_is_not_there_is_one_problem(tmp_path):
    problems = check_library(tmp_path / "nowhere").problems.items
    assert [p.message for p in problems] == [f"no such folder: {tmp_path / 'nowhere'}"]
    problems = check_library(tmp_path).problems.items  # exists, but holds no story.yaml
    assert len(problems) == 1 and "no story.yaml" in problems[0].message


def test_evidence_and_sources_files_are_optional(tmp_path):
    root = small_story(tmp_path / "small")
    story = load_library(root).story
    assert story.evidence == {} and story.sources == {}
    scene = root / "story" / "01_only.yaml"
    scene.write_text(scene.read_text(encoding="utf-8").replace(
        '  - end: done', '  - evidence: key\n  - end: done'), encoding="utf-8")
    messages = [p.message for p in check_content(root).problems.errors]
    assert messages and all("evidence" in m for m in messages)  # naming evidence still needs evidence.yaml


def test_a_story_id_comes_from_story_yaml_or_the_folder_name(tmp_path):
    assert load_library(small_story(tmp_path / "Night Ferry-2", story_id=None)).story_id == "night_ferry_2"
    assert story_id_of(tmp_path / "7 rooms") == "story_7_rooms"
    root = small_story(tmp_path / "bad", story_id="../cell7")
    assert any("id" in p.mark.file + p.message for p in check_content(root).problems.errors)


# --- bugs of issue 15 ---------------------------------------------------------------------------------

def test_another_roots_scenes_are_drawn_with_its_own_assets(tmp_path):
    """play/screenshot drew with the shipped assets/ (grey backgrounds, missing sprites)."""
    app = play_app(load_library(small_story(tmp_path / "small")), "only", 2)
    assert app.canvas.get_at((1100, 100))[:3] == MAGENTA  # the root's own background
    assert app.images.portrait("ana", "calm") is not None


def test_f6_reloads_the_library_root_not_the_shipped_story(tmp_path):
    root = small_story(tmp_path / "small")
    app = App(load_library(root), Profile(tmp_path / "data", "small"), window=False)  # no --dev
    app.push(PlayScreen(app, start_scene="only"))
    scene = root / "story" / "01_only.yaml"
    scene.write_text(scene.read_text(encoding="utf-8").replace("A quiet yard.", "A changed yard."), encoding="utf-8")
    app.step(0.1, [Action("reload")])
    assert app.reload_problems == []  # no false "missing portrait": the portrait is in the root's own assets
    assert app.story.title == "Small" and list(app.story.scenes) == ["only"]  # not the 29 shipped scenes
    assert app.library.root == root and "A changed yard." in str(app.story.scenes["only"].code)


def test_the_title_screen_is_the_storys_own(tmp_path):
    root = small_story(tmp_path / "small", title="Small Hours", extra='tagline: "A story in one yard."\n'
                       'caption: "Small Hours (demo)"\ntitle_background: yard\n')
    library = load_library(root)
    app = App(library, Profile(tmp_path / "data", "small"), window=True)
    assert pygame.display.get_caption()[0] == "Small Hours (demo)"
    title = TitleScreen(app)
    app.push(title)
    app.step(0.1)
    texts = [text for text, *_ in title._layout(0)]
    assert texts == ["Small Hours", "A story in one yard."]  # no Korean title, no Cell 7 tagline
    assert app.audio.track == ""  # no title music named: silence, not Cell 7's theme
    assert app.canvas.get_at((1100, 100))[:3] == MAGENTA  # its own title background
    labels = [item.label for item in title.menu.items]
    assert "Classroom" not in labels and not any(label.startswith("Timeline") for label in labels)


def test_cell7_keeps_its_title_music_tagline_and_caption():
    story = load_library(paths.SCENES).story
    assert (story.title_music, story.title_background, story.caption) == ("theme", "title", "Cell 7")
    assert story.tagline.startswith("An interactive retelling")


def test_the_classroom_offers_the_quiz_of_the_story_being_played(tmp_path):
    library = load_library(FIXTURES / "classroom_story", paths.ASSETS)
    app = App(library, Profile(tmp_path / "data", library.story_id), window=False)
    title = TitleScreen(app)
    app.push(title)
    title.menu.choose(next(i for i, item in enumerate(title.menu.items) if item.label == "Classroom"))
    hub = app.top
    assert type(hub).__name__ == "ClassroomHub"
    assert len(hub.quiz.questions) == len(library.quiz.questions)  # not the shipped story's 80


def test_the_end_card_has_no_evidence_line_for_a_story_without_evidence(tmp_path):
    app = play_app(load_library(small_story(tmp_path / "small")), "only", 10)
    while not isinstance(getattr(app.top, "event", None), ev.EndEvent) and hasattr(app.top, "next_event"):
        app.top.next_event()
    app.top.on_action(Action("confirm"))
    app.step(0.1)
    lines = [text for text, *_ in app.top._lines()] if hasattr(app.top, "_lines") else []
    assert lines and lines[0] == "The End" and not any("Evidence" in line for line in lines)


# --- profiles per story -------------------------------------------------------------------------------

def test_two_stories_never_share_saves_or_progress(tmp_path):
    data = tmp_path / "data"
    cell7 = load_library(paths.SCENES)
    app = App(cell7, Profile(data, "cell7"), window=False)
    play = PlayScreen(app)
    app.push(play)
    play.save("1")
    app.profile.chapters.add(3)
    app.profile.save_persistent()
    assert app.writer.flush(30)
    other = Profile(data, "small")
    assert other.saves.newest() is None and other.chapters == set() and other.seen == set()
    assert Profile(data, "cell7").saves.newest() is not None
    small = load_library(small_story(tmp_path / "small"))
    title = TitleScreen(App(small, other, window=False))
    assert [item.label for item in title.menu.items][:1] == ["Start the story"]  # no Continue, no Load


def test_a_cell7_save_copied_into_another_story_is_refused_and_kept(tmp_path):
    from game.runtime.runtime import Runtime
    from game.saves import SaveError
    cell7 = Profile(tmp_path, "cell7")
    cell7.saves.save("1", Runtime(load_library(paths.SCENES).story))
    other = Profile(tmp_path, "small")
    other.saves.folder.mkdir(parents=True)
    copied = other.saves.path("1")
    copied.write_bytes(cell7.saves.path("1").read_bytes())
    small = load_library(small_story(tmp_path / "small")).story
    with pytest.raises(SaveError, match="another story \\('cell7'\\)"):
        other.saves.load("1", small)
    assert copied.exists()  # not set aside as damaged: it is whole, just not this story's
    legacy = json.loads(copied.read_text(encoding="utf-8"))
    del legacy["story"]  # a save from before saves named their story is Cell 7's
    copied.write_text(json.dumps(legacy), encoding="utf-8")
    with pytest.raises(SaveError, match="another story"):
        other.saves.load("1", small)


def test_settings_are_shared_between_stories(tmp_path):
    first = Profile(tmp_path, "cell7")
    first.settings.font_scale = 1.5
    assert first.save_settings()
    assert Profile(tmp_path, "night_ferry").settings.font_scale == 1.5
    assert (tmp_path / "settings.json").is_file() and first.folder == story_folder(tmp_path, "cell7")


def test_cell7_data_of_the_old_layout_is_moved_not_copied(tmp_path):
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "1.json").write_text("{}", encoding="utf-8")
    (tmp_path / "persistent.json").write_text(json.dumps({"seen": ["a"], "chapters": [2]}), encoding="utf-8")
    other = Profile(tmp_path, "night_ferry")  # another story never takes Cell 7's data
    assert other.chapters == set() and (tmp_path / "persistent.json").exists()
    profile = Profile(tmp_path, "cell7")
    assert profile.chapters == {2} and profile.seen == {"a"}
    assert not (tmp_path / "persistent.json").exists() and not (tmp_path / "saves").exists()
    assert (profile.folder / "saves" / "1.json").read_text(encoding="utf-8") == "{}"


def test_the_move_never_writes_over_data_already_in_the_story_folder(tmp_path):
    folder = story_folder(tmp_path, "cell7")
    folder.mkdir(parents=True)
    (folder / "persistent.json").write_text(json.dumps({"chapters": [5]}), encoding="utf-8")
    (tmp_path / "persistent.json").write_text(json.dumps({"chapters": [1]}), encoding="utf-8")
    assert Profile(tmp_path, "cell7").chapters == {5}
    assert json.loads((tmp_path / "persistent.json").read_text(encoding="utf-8")) == {"chapters": [1]}  # kept


def test_a_story_id_that_is_not_an_id_is_refused(tmp_path):
    for bad in ("", "../x", "a/b", "é"):
        with pytest.raises(ValueError):
            Profile(tmp_path, bad)


def test_a_library_replaced_in_the_app_keeps_its_root(tmp_path):
    library = load_library(small_story(tmp_path / "small"))
    app = App(library, window=False)
    app.library = dataclasses.replace(library, story=dataclasses.replace(library.story, title="Renamed"))
    assert app.story.title == "Renamed" and app.assets == library.assets


def test_a_move_that_cannot_happen_leaves_the_old_data_and_says_so(tmp_path):
    (tmp_path / "persistent.json").write_text(json.dumps({"chapters": [3]}), encoding="utf-8")
    (tmp_path / "stories").write_text("a file where the stories folder would go", encoding="utf-8")
    profile = Profile(tmp_path, "cell7")  # no traceback: the game starts
    assert profile.messages and "left where it was" in profile.messages[0]
    assert json.loads((tmp_path / "persistent.json").read_text(encoding="utf-8")) == {"chapters": [3]}


def test_a_move_that_cannot_happen_is_told_in_the_players_language(tmp_path):
    from game import words
    (tmp_path / "persistent.json").write_text("{}", encoding="utf-8")
    (tmp_path / "stories").write_text("a file where the stories folder would go", encoding="utf-8")
    (tmp_path / "settings.json").write_text(json.dumps({"language": "ko"}), encoding="utf-8")
    profile = Profile(tmp_path, "cell7")
    assert "그대로 두었어요" in profile.messages[0] and str(tmp_path / "persistent.json") in profile.messages[0]
    assert words.language() == "en"  # the player's language for the message only: the app sets it when built


def test_reload_on_the_title_screen_shows_the_edited_story(tmp_path):
    root = small_story(tmp_path / "small", extra='tagline: "Before."\n')
    app = App(load_library(root), Profile(tmp_path / "data", "small"), window=False)
    title = TitleScreen(app)
    app.push(title)
    story_file = root / "story.yaml"
    story_file.write_text(story_file.read_text(encoding="utf-8").replace("Before.", "After."), encoding="utf-8")
    app.step(0.1, [Action("reload")])
    assert app.reload_problems == [] and [text for text, *_ in title._layout(0)][-1] == "After."
