"""The second story, examples/night_ferry/: it validates and lints clean, every path plays and reaches all three
endings, it uses every format feature of the contract (asserted from the loaded model, not from the YAML text),
and it plays with its own title, art and profile, nothing of Cell 7."""
from __future__ import annotations

import struct
from pathlib import Path

import pygame
import pytest

from game import paths
from game.authoring.explore import explore
from game.authoring.lint import lint
from game.content import markup
from game.content import model as m
from game.library import check_library, load_library
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

ROOT = paths.ROOT / "examples" / "night_ferry"
ENDINGS = {"the_middle": "Four Minutes at the Middle", "the_wake": "In the Wake", "carried_home": "Carried Home"}


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT)


@pytest.fixture(scope="module")
def story(library) -> m.Story:
    return library.story


def ops(story: m.Story):
    """(scene, op) for every compiled operation of the story."""
    for scene in story.scenes.values():
        for op in scene.code:
            yield scene, op


def options(story: m.Story):
    for scene, op in ops(story):
        if isinstance(op, m.Choice):
            for option in op.options:
                yield scene, option


def texts(story: m.Story):
    """Every string the player reads: lines, choice prompts and options."""
    for _scene, op in ops(story):
        if isinstance(op, m.Line):
            yield op.text
        elif isinstance(op, m.Choice):
            yield op.prompt
            yield from (o.text for o in op.options)


# ---------------------------------------------------------------------------
# The tools: validate, lint, explore
# ---------------------------------------------------------------------------
def test_validates_with_no_problem_at_all():
    library = check_library(ROOT)
    assert library.story is not None
    assert [str(p) for p in library.problems.items] == []


def test_lints_clean():
    assert [str(p) for p in lint(ROOT)] == []


def test_explore_plays_every_path_and_reaches_every_ending(story):
    report = explore(story)
    assert report.ok, [f.message for f in report.failures]
    assert report.complete
    assert report.ending_titles == ENDINGS
    assert report.percent("scenes") == report.percent("beats") == report.percent("options") == 100.0


def play(story: m.Story, picks: dict[str, str]) -> tuple[list[ev.LineEvent | ev.ChoiceEvent], ev.EndEvent]:
    """Play from the start, taking at each choice the option whose text starts with picks[choice key]
    (the first available option when the key is not in picks)."""
    rt = Runtime(story, Options(content_notes="play"))
    shown: list = []
    for _ in range(500):
        event = rt.advance()
        if isinstance(event, ev.EndEvent):
            return shown, event
        if isinstance(event, (ev.LineEvent, ev.ChoiceEvent)):
            shown.append(event)
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            want = picks.get(event.key)
            index = next((i for i, text in event.options if want and markup.plain(text).startswith(want)),
                         event.options[0][0])
            rt.choose(index)
    raise AssertionError("no ending within 500 events")


def test_choices_change_the_ending_and_the_logbook(story):
    """What you learn in the saloon opens the captain's heart; the logbook line, a text variable, says what happened."""
    middle, end = play(story, {"ask": '"What', "wish": '"I\'ll go up', "reason": '"Her name'})
    assert end.ending == "the_middle"
    assert any("Engines stopped four minutes" in e.text for e in middle if isinstance(e, ev.LineEvent))
    _, end = play(story, {"ask": "Leave him", "alone": '"Stay here'})
    assert end.ending == "carried_home"
    wake, end = play(story, {"ask": "Leave him", "alone": '"You\'re not going'})
    assert end.ending == "the_wake"
    logbook = [e.text for e in wake if isinstance(e, ev.LineEvent) and "tonight's line" in e.text]
    assert len(logbook) == 1 and "without leave" in logbook[0] and "[log_entry]" not in logbook[0]


def test_the_captain_asks_the_question_herself(story):
    shown, _ = play(story, {"ask": '"What', "wish": '"I\'ll go up'})
    spoken = [e for e in shown if isinstance(e, ev.ChoiceEvent) and e.key == "reason"]
    assert spoken and spoken[0].speaker == "odile" and spoken[0].name == "Captain Odile"


# ---------------------------------------------------------------------------
# Every feature of the contract appears in the story
# ---------------------------------------------------------------------------
def test_markup_bold_italic_and_colour(story):
    spans = [s for text in texts(story) for s in markup.parse(text)]
    assert any(s.bold for s in spans)
    assert any(s.italic for s in spans)
    assert any(s.color for s in spans)


def test_a_text_variable_is_set_and_shown(story):
    strings = {name for _s, op in ops(story) if isinstance(op, m.SetVars)
               for name, value in op.values.items() if isinstance(value, str)}
    assert "log_entry" in strings
    shown = {name for text in texts(story) for _at, name in markup.variables(text)[0]}
    assert "log_entry" in shown


def test_show_and_hide_with_every_transition(story):
    shows = {op.transition for _s, op in ops(story) if isinstance(op, m.Show)}
    hides = {op.transition for _s, op in ops(story) if isinstance(op, m.Hide)}
    assert {"dissolve", "fade", "move"} <= shows
    assert {"dissolve", "fade"} <= hides


def test_background_changes_by_fade_and_by_dissolve(story):
    changes = {op.transition for _s, op in ops(story) if isinstance(op, m.Background)}
    assert {"fade", "dissolve"} <= changes


def test_outfit_changes_independently_of_the_expression(story, library):
    odile = story.characters["odile"]
    assert len(odile.outfits) == 2
    # an outfit change that leaves the expression alone, and expression changes that leave the outfit alone
    assert any(isinstance(op, m.Show) and op.outfit and op.expression is None for _s, op in ops(story))
    assert any(isinstance(op, m.Line) and op.speaker == "odile" and op.expression and op.outfit is None
               for _s, op in ops(story))
    folder = library.assets / "images" / "characters"
    for outfit in odile.outfits:
        assert png_header(folder / f"odile_outfit_{outfit}.png") == (480, 640, 6)
    for expression in odile.expressions:
        assert png_header(folder / f"odile_{expression}.png") == (480, 640, 6)


def test_the_two_layers_are_a_body_and_a_face(library):
    """The face layer is transparent below the chin; the body layer is transparent where the face goes."""
    folder = library.assets / "images" / "characters"
    face = pygame.image.load(str(folder / "odile_stern.png"))
    body = pygame.image.load(str(folder / "odile_outfit_uniform.png"))
    assert face.get_at((240, 600)).a == 0 and body.get_at((240, 600)).a == 255
    assert face.get_at((240, 180)).a == 255 and body.get_at((240, 180)).a == 0


def test_labels_goto_in_both_forms(story):
    scenes_with_labels = [s for s in story.scenes.values() if s.labels]
    assert scenes_with_labels
    jumps = [(scene.id, op.scene, op.label) for scene, op in ops(story) if isinstance(op, m.Goto) and op.label]
    jumps += [(scene.id, o.goto, o.label) for scene, o in options(story) if o.label]
    assert any(here == there for here, there, _label in jumps)  # `.label`: this scene
    assert any(here != there for here, there, _label in jumps)  # `scene.label`: another scene
    for _here, there, label in jumps:
        assert label in story.scenes[there].labels


def test_a_scene_without_a_card_and_a_goto_keeping_the_stage(story):
    assert any(not s.card for s in story.scenes.values())
    keeps = [op for _s, op in ops(story) if isinstance(op, m.Goto) and op.keep_stage]
    keeps += [o for _s, o in options(story) if o.keep_stage]
    assert keeps


def test_a_choice_spoken_by_a_character(story):
    spoken = [op for _s, op in ops(story) if isinstance(op, m.Choice) and op.speaker]
    assert {op.speaker for op in spoken} == {"odile", "aurel"}


def test_no_evidence_and_no_sources(story):
    assert not (ROOT / "evidence.yaml").exists() and not (ROOT / "sources.yaml").exists()
    assert story.evidence == {} and story.sources == {}


def test_the_story_describes_itself(story, library):
    assert (story.id, story.title, story.caption) == ("night_ferry", "Night Ferry", "Night Ferry")
    assert story.tagline and story.title_background == "title"
    assert library.assets == ROOT / "assets"
    assert library.timeline is None and library.quiz is None and library.reality is None


# ---------------------------------------------------------------------------
# Its own art, its own title, nothing of Cell 7
# ---------------------------------------------------------------------------
def png_header(path: Path) -> tuple[int, int, int]:
    head = path.read_bytes()[:26]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return (*struct.unpack(">II", head[16:24]), head[25])


def test_every_background_is_its_own_picture_at_full_size(story, library):
    cell7 = {p.read_bytes() for p in (paths.ASSETS / "images" / "backgrounds").glob("*.png")}
    for location in story.locations.values():
        path = library.assets / "images" / location.image
        assert path.is_relative_to(ROOT / "assets")
        assert png_header(path)[:2] == (1280, 720)
        assert path.read_bytes() not in cell7


def test_the_engines_stop_only_at_the_middle_and_the_sound_stays_small(story, library):
    loops = {loc.id: loc.ambience for loc in story.locations.values()}
    assert loops["deck"] == loops["saloon"] == "underway" and loops["deck_dark"] == "still"
    files = sorted((library.assets / "audio").rglob("*.ogg"))
    assert {f.stem for f in files} == {"harbour", "underway", "still"}
    assert sum(f.stat().st_size for f in files) < 1_200_000


def mean_difference(a: pygame.Surface, b: pygame.Surface, rect: pygame.Rect) -> float:
    """Average per-channel difference of two pictures over a region (sampled every 8 px)."""
    total = count = 0
    for x in range(rect.left, rect.right, 8):
        for y in range(rect.top, rect.bottom, 8):
            ca, cb = a.get_at((x, y)), b.get_at((x, y))
            total += abs(ca.r - cb.r) + abs(ca.g - cb.g) + abs(ca.b - cb.b)
            count += 3
    return total / count


def test_title_screen_shows_its_own_title_and_art(library, tmp_path):
    from game.screens.app import App
    from game.screens.title import TitleScreen

    app = App(library, window=False)
    assert app.profile.story_id == "night_ferry" and app.profile.folder.name == "night_ferry"  # its own progress
    app.push(TitleScreen(app))
    canvas = app.step(0.1)
    app.screenshot(tmp_path / "night_ferry_title.png")  # to look at
    colours = {canvas.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 200  # not blank
    ours = pygame.image.load(str(library.assets / "images" / "backgrounds" / "title.png"))
    cell7 = pygame.image.load(str(paths.ASSETS / "images" / "backgrounds" / "title.png"))
    sea = pygame.Rect(700, 520, 560, 180)  # a part of the picture the menu does not cover
    assert mean_difference(canvas, ours, sea) < 12
    assert mean_difference(canvas, cell7, sea) > 3 * mean_difference(canvas, ours, sea)
    labels = [item.label for item in app.top.menu.items]
    assert not {"Classroom", "Timeline"} & set(labels)  # the example has no quiz and no timeline


def test_a_scene_draws_its_own_background_and_portraits(library, tmp_path):
    from game.screens.capture import play_app

    app = play_app(library, "boarding", 4)  # the captain, in her oilskin, on the quay
    app.screenshot(tmp_path / "night_ferry_boarding.png")
    assert "timeline" not in app.top.quick_names()  # Cell 7's timeline is not offered in a story without one
    quay = pygame.image.load(str(library.assets / "images" / "backgrounds" / "quay.png"))
    assert mean_difference(app.canvas, quay, pygame.Rect(0, 0, 500, 200)) < 20  # the quay behind, top left
    # the captain stands at the right: her face (the expression layer) above her ochre oilskin (the outfit layer)
    def share(rect: pygame.Rect, test) -> float:
        points = [app.canvas.get_at((x, y)) for x in range(rect.left, rect.right, 4)
                  for y in range(rect.top, rect.bottom, 4)]
        return sum(1 for c in points if test(c)) / len(points)

    def skin(c):
        return c.r > 200 and c.g > 160 and 120 < c.b < 200

    def ochre(c):
        return c.r > 150 and 100 < c.g < 190 and c.b < 110

    right, left = pygame.Rect(800, 200, 300, 310), pygame.Rect(100, 200, 300, 310)
    assert share(right, skin) > 0.05 and share(right, ochre) > 0.15
    # nobody else is on stage yet: the left of the quay (lit by its lamp) has neither
    assert share(right, skin) > 5 * share(left, skin) and share(right, ochre) > 3 * share(left, ochre)


def test_reload_keeps_playing_this_story_with_the_edited_line(tmp_path):
    """F6 / Ctrl+R (and --dev's watcher) reload the example's own folder, never the shipped story."""
    import shutil

    from game.screens.capture import play_app

    root = tmp_path / "night_ferry"
    shutil.copytree(ROOT, root)
    app = play_app(load_library(root), "boarding", 4)
    assert app.top.event.text.startswith("Ramp up in two minutes")
    scene = root / "story" / "01_boarding.yaml"
    scene.write_text(scene.read_text(encoding="utf-8").replace("Ramp up in two minutes", "Ramp up in one minute"),
                     encoding="utf-8")
    app.reload()
    assert app.reload_problems == []
    assert app.story.id == "night_ferry" and app.library.root == root
    assert app.top.event.text.startswith("Ramp up in one minute")
    assert "prologue" not in app.story.scenes  # Cell 7's first scene


def test_the_end_screen_names_the_ending_and_counts_no_evidence(library):
    from game.screens.capture import moments, settle, start_app

    app = start_app(library, "hollin")
    for _event in moments(app.top):
        pass
    settle(app)
    texts = [text for text, *_ in app.top._lines()]
    assert "Carried Home" in texts
    assert not any("Evidence" in text for text in texts)
    assert [item.label for item in app.top.menu.items][0] == "Go on to the credits"  # its own credits.yaml
