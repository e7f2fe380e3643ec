"""Reviewer findings of 2026-11-30 (classroom and timeline): another story's classroom offers only what
that story has, the quiz never covers its question with a toast, and the zoomed timeline labels a lone
event and keeps its axis-gap label off the last lane."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game import paths
from game.classroom.quiz import QuizGame
from game.classroom.session import SessionLog
from game.library import load_library
from game.profile import Profile
from game.screens.app import App
from game.screens.classroom_hub import ClassroomHub
from game.screens.classroom_quiz import QuizScreen
from game.ui.input import Act, Action

ROOT = Path(__file__).resolve().parent.parent
NIGHT_FERRY = ROOT / "examples" / "night_ferry"
CLASSROOM_STORY = Path(__file__).parent / "fixtures" / "classroom_story"


@pytest.fixture(scope="module")
def ferry():
    return load_library(NIGHT_FERRY)


def test_another_storys_hub_offers_no_quiz_and_no_film_and_reality(ferry, tmp_path):
    assert ferry.quiz is None and ferry.reality is None
    app = App(ferry, Profile(tmp_path / "profile", ferry.story_id), window=False, classroom=True)
    hub = ClassroomHub(app, export_dir=tmp_path / "export")
    app.push(hub)
    app.step(0.1)
    assert hub.labels == ["Start the story (presenter view)", "Export the session log",
                          "Print a handout", "Back"]  # no answer key without a quiz
    assert not any("quiz" in line.lower() for line in hub.texts()[2])
    assert hub.header_bottom() >= hub.layout()["subtitle"].bottom   # toasts sit below the export folder


def test_the_hub_backdrop_is_the_storys_own_title_background(ferry, tmp_path, monkeypatch):
    import dataclasses
    story = dataclasses.replace(ferry.story, title_background=None)
    app = App(dataclasses.replace(ferry, story=story), Profile(tmp_path / "profile", ferry.story_id),
              window=False, classroom=True)
    asked = []
    real = app.images.background
    monkeypatch.setattr(app.images, "background", lambda loc: asked.append(loc) or real(loc))
    app.push(ClassroomHub(app, export_dir=tmp_path))
    app.step(0.1)
    assert "title" not in asked                      # never Cell 7's location id by name


def test_cell7_hub_still_offers_quiz_and_film_and_reality(tmp_path):
    library = load_library(CLASSROOM_STORY, paths.ASSETS)
    app = App(library, Profile(tmp_path / "profile", library.story_id), window=False, classroom=True)
    hub = ClassroomHub(app, export_dir=tmp_path)
    assert "Quiz (teams)" in hub.labels and "Film and reality" in hub.labels
    assert "quiz questions" in hub.texts()[2][0]


def test_no_toast_over_the_question_once_every_team_has_answered(tmp_path):
    library = load_library(CLASSROOM_STORY, paths.ASSETS)
    app = App(library, Profile(tmp_path / "profile", library.story_id), window=False, classroom=True)
    screen = QuizScreen(app, QuizGame(library.quiz.questions, 2), log=SessionLog(clock=lambda: 0.0))
    app.push(screen)
    for digit in (1, 2, 3):                          # two teams answer, then one digit too many
        app.step(0.05, [Action(Act.DIGIT, number=digit)])
    assert screen.game.team is None and len(screen.game.answers) == 2
    assert not app.toasts


# --- timeline, zoomed 4x from the default view ---------------------------------------------------------

def zoomed_timeline(tmp_path, scale: float, contrast: bool):
    from game.screens.timeline import TimelineScreen
    library = load_library(ROOT / "scenes")
    profile = Profile(tmp_path / "profile", library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(library, profile, window=False)
    app.apply_settings()
    app.nav.open("timeline")
    for _ in range(4):
        app.step(0.05, [Action(Act.ZOOM_IN)])
    app.step(0.6)
    app.step(0.6)
    assert isinstance(app.top, TimelineScreen)
    return app, app.top


@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_a_lone_event_in_view_is_labelled(tmp_path, scale, contrast):
    app, screen = zoomed_timeline(tmp_path, scale, contrast)
    v = screen.view()
    left, right = v.frame.plot.left, v.frame.plot.right
    in_view = [p for p in screen.placed if left <= p.x <= right]
    awards = [p for p in in_view if p.lane == "awards"]
    assert len(awards) == 1                          # the repro: Jul 2014, alone in its lane
    assert all(p.label for p in in_view), [(p.ids, p.label) for p in in_view]


@pytest.mark.parametrize("scale,contrast", [(1.0, False), (1.5, False), (2.0, False), (2.0, True)])
def test_the_axis_gap_label_keeps_clear_of_the_last_lane(tmp_path, monkeypatch, scale, contrast):
    from game.screens.timeline import plot
    app, screen = zoomed_timeline(tmp_path, scale, contrast)
    drawn = []
    real = plot.draw.text

    def spy(surface, fonts, text, size, colour, pos, *args, **kwargs):
        if text.startswith("≈"):
            drawn.append((pos, fonts.line_height(size)))
        return real(surface, fonts, text, size, colour, pos, *args, **kwargs)

    monkeypatch.setattr(plot.draw, "text", spy)
    v = screen.view()
    sf = v.frame
    plot.draw_breaks(pygame.Surface((1280, 720)), app.fonts, v.style, screen.ctl, sf)
    last_line = max(band.line_y for band in sf.bands)
    for (_x, bottom), height in drawn:
        assert bottom - height > last_line + sf.geo.marker_r, (bottom, height, last_line)
    if scale == 1.0:
        assert drawn                                  # where there is room it is still shown
