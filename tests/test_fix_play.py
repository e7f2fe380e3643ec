"""Reviewer findings of 20:15-20:23 on the choice menu, the title screen and the credits at large text:
options numbered by their own index (a digit picks its option, on screen or not), the options get the room
before the question (also in the classroom presenter), the title block kept whole at 150% and 200%, and the
credits clipped below the fixed skip hint."""
from __future__ import annotations

import pytest
from conftest import format_story, play_screen_to

from game.classroom.session import SessionLog
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.classroom_play import presenter_view
from game.screens.play import PlayScreen
from game.ui import widgets
from game.ui.input import Action
from game.ui.layout import SCREEN

LONG = "a fairly long answer that might wrap at a larger text size"
QUESTION = ("Who climbs out to a lighthouse at midnight? A long question to see how it wraps when the text is "
            "large and the options are many.")  # four lines at 200%


def choice_story(tmp_path, options: int):
    opts = "".join(f'\n              - text: "Option number {n}: {LONG}"\n                id: o{n}\n'
                   f"                set: {{picked_{n}: true}}" for n in range(1, options + 1))
    return format_story(tmp_path, {"03_many.yaml": f"""\
        id: many
        title: "Many"
        chapter: 1
        date: "Day three"
        background: room
        beats:
          - choice: "{QUESTION}"
            id: hub
            options:{opts}
          - narrate: "Done."
        """})


def at_choice(root, tmp_path, scale: float, contrast: bool = False) -> tuple[App, PlayScreen]:
    from game.library import load_library
    profile = Profile(tmp_path / "data")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(load_library(root), profile, window=False)
    app.apply_settings()
    play = PlayScreen(app, start_scene="many")
    app.push(play)
    play_screen_to(play, ev.ChoiceEvent)
    app.step(1.0)  # past the guard against an Enter held from the line before
    return app, play


def drawn_labels(app, monkeypatch) -> list[str]:
    """The option labels the menu draws this frame."""
    seen: list[str] = []
    real = widgets.richtext.block

    def spy(surface, fonts, text, *args, **kwargs):
        seen.append(text)
        return real(surface, fonts, text, *args, **kwargs)

    monkeypatch.setattr(widgets.richtext, "block", spy)
    app.step(0.05)
    monkeypatch.undo()
    return [t for t in seen if "Option number" in t]


def test_options_are_numbered_by_their_own_index_when_scrolled(tmp_path, monkeypatch):
    app, play = at_choice(choice_story(tmp_path, 6), tmp_path, 2.0)
    lay = play.menu.list_layout(app.fonts)
    assert len(lay.rows) < 6  # six long options scroll at 200%
    for _ in range(5):
        app.step(0.05, [Action("down")])
    labels = drawn_labels(app, monkeypatch)
    assert labels and all(t.startswith(f"{t.split(': ')[0][-1]}.") for t in labels), labels
    assert labels[-1].startswith("6.  Option number 6")


@pytest.mark.parametrize("digit", [1, 6])
def test_any_digit_picks_its_option_visible_or_not(tmp_path, digit):
    app, play = at_choice(choice_story(tmp_path, 6), tmp_path, 2.0)
    if digit == 1:  # scrolled to the end, option 1 is out of view
        for _ in range(5):
            app.step(0.05, [Action("down")])
        assert 0 not in play.menu.list_layout(app.fonts).rows
    else:          # at the start, option 6 is out of view
        assert 5 not in play.menu.list_layout(app.fonts).rows
    app.step(0.05, [Action("digit", number=digit)])
    assert play.rt.state.vars.get(f"picked_{digit}") is True


def test_a_digit_past_the_last_option_does_nothing(tmp_path):
    app, play = at_choice(choice_story(tmp_path, 3), tmp_path, 1.0)
    app.step(0.05, [Action("digit", number=7)])
    assert isinstance(play.event, ev.ChoiceEvent)


@pytest.mark.parametrize("contrast", [False, True])
def test_the_options_get_the_room_before_the_question(tmp_path, contrast):
    """Two long options and a four-line question at 200%: both options on screen, the question whole above."""
    app, play = at_choice(choice_story(tmp_path, 2), tmp_path, 2.0, contrast)
    app.step(0.05)
    lay = play.menu.list_layout(app.fonts)
    assert sorted(lay.rows) == [0, 1] and lay.bar is None
    assert all(SCREEN.contains(r) for r in lay.rows.values())
    box, size, _ = play._choice_box(play.event)
    assert size >= app.theme.hint_size and box.bottom <= min(r.top for r in lay.rows.values())


def test_at_100_percent_the_question_keeps_the_body_size(tmp_path):
    app, play = at_choice(choice_story(tmp_path, 2), tmp_path, 1.0)
    assert play._choice_box(play.event)[1] == app.theme.body_size


@pytest.mark.parametrize("scale, contrast", [(2.0, True), (2.0, False), (1.0, True)])
def test_the_class_sees_every_option_of_the_first_choice(shipped_library, tmp_path, scale, contrast):
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(shipped_library, profile, window=False, classroom=True)
    app.apply_settings()
    play = presenter_view(app, SessionLog(clock=lambda: 0.0))
    app.push(play)
    play_screen_to(play, ev.ChoiceEvent)
    app.step(0.05)
    lay = play.menu.list_layout(app.fonts)
    assert sorted(lay.rows) == list(range(len(play.event.options))) and lay.bar is None
    box, _, _ = play._choice_box(play.event)
    assert box.top >= play._top() and all(r.top >= box.bottom and SCREEN.contains(r) for r in lay.rows.values())


# --- title screen --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scale, contrast", [(1.0, False), (1.5, False), (2.0, False), (2.0, True)])
@pytest.mark.parametrize("story", ["scenes", "examples/night_ferry"])
def test_the_title_block_stays_whole_at_large_text(tmp_path, story, scale, contrast):
    from game import paths
    from game.library import load_library
    from game.screens.title import TitleScreen
    library = load_library(paths.ROOT / story)
    profile = Profile(tmp_path / "data", library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(library, profile, window=False)
    app.apply_settings()
    title = TitleScreen(app)
    app.push(title)
    app.step(0.05)
    lines, top = title._arrange()
    shown = " ".join(text for text, *_ in lines)
    for part in (library.story.title, library.story.korean_title, library.story.tagline):
        assert all(word in shown for word in (part or "").split()), part
    assert all(size >= app.theme.hint_size for _, size, *_ in lines)
    assert lines[0][1] >= app.theme.big_size                                  # the title stays big
    area = title.menu.area
    assert area.top >= top and SCREEN.contains(area) and area.bottom <= title._hint_top()
    for _ in range(len(title.menu.items)):                                    # every entry reachable
        app.step(0.05, [Action("down")])
        assert title.menu.index in title.menu.list_layout(app.fonts).rows


# --- credits -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scale, contrast", [(2.0, True), (1.0, False)])
def test_the_credits_roll_never_passes_under_the_skip_hint(shipped_library, tmp_path, scale, contrast):
    import pygame

    from game.screens import ending
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    profile.settings.reduce_motion = False
    app = App(shipped_library, profile, window=False)
    app.apply_settings()
    play = PlayScreen(app, start_scene="balloon_goodbye")
    app.push(play)
    end = play_screen_to(play, ev.EndEvent)
    screen = ending.EndScreen(app, play, end)
    screen.go_on()
    hint_bottom = 14 + app.fonts.line_height(app.theme.small_size - 2) + 12

    def frame(scroll: float) -> pygame.Surface:
        screen.scroll = scroll
        surface = pygame.Surface((1280, 720))
        surface.fill((0, 0, 0))
        screen._draw_credits(surface)
        return surface

    empty = frame(0.0)  # the roll starts below the screen: only the hint is drawn
    band = pygame.Rect(0, 0, 1280, hint_bottom)
    for top in (hint_bottom - 10, 20, -20):  # the first credit line at, in and leaving the hint's row
        rolled = frame((720 - top) / ending.ROLL_SPEED)
        assert any(rolled.get_at((x, y)) != empty.get_at((x, y))
                   for x in range(0, 1280, 4) for y in range(hint_bottom + 8, 720, 4))  # the roll is on screen
        assert all(rolled.get_at((x, y)) == empty.get_at((x, y))
                   for x in range(band.left, band.right, 2) for y in range(band.top, band.bottom, 2)), top
