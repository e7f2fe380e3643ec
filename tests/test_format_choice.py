"""A choice spoken by a character: name plate and colour, expression, self-voicing, located mistakes."""
from __future__ import annotations

import pygame
from conftest import format_scene, format_story

from game.content.loader import check_content, load_story
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

SCENE = format_scene("asked", """
  - show: hero
    at: left
  - choice: "Will you {i}really{/i} come?"
    speaker: hero
    expression: happy
    id: come
    options:
      - text: "Yes"
        id: come_along
      - text: "Not {color=#60c0ff}today{/color}"
        id: stay_home
  - choice: "An unspoken question."
    options:
      - text: "Fine"
""")


def test_the_choice_event_names_its_speaker_and_changes_their_expression(tmp_path):
    rt = Runtime(load_story(format_story(tmp_path, {"03.yaml": SCENE})), Options(content_notes="play"),
                 start="asked")
    event = rt.advance()
    assert isinstance(event, ev.ChoiceEvent)
    assert (event.speaker, event.name, event.colour) == ("hero", "Hero", "#aa5500")
    assert rt.state.stage.sprites["hero"]["expression"] == "happy"
    rt.choose(0)
    quiet = rt.advance()
    assert (quiet.speaker, quiet.name) == (None, "")


def test_an_unknown_speaker_or_expression_is_a_located_error(tmp_path):
    scene = SCENE.replace("speaker: hero", "speaker: heor")
    problems = check_content(format_story(tmp_path, {"03.yaml": scene})).problems.errors
    assert [(p.code, p.message, p.mark.line) for p in problems] == [
        ("unknown-character", "unknown character 'heor': did you mean 'hero'?",
         1 + scene.splitlines().index("    speaker: heor"))]
    scene = SCENE.replace("expression: happy", "expression: hapy")
    problems = check_content(format_story(tmp_path, {"03.yaml": scene})).problems.errors
    assert [p.message for p in problems] == ["Hero has no expression 'hapy': did you mean 'happy'?"]


def test_the_play_screen_draws_the_name_plate_and_speaks_the_question(tmp_path):
    from game.library import load_library
    from game.screens.capture import settle, start_app
    app = start_app(load_library(format_story(tmp_path, {"03.yaml": SCENE})), "asked",
                    Options(content_notes="play"))
    spoken: list[str] = []
    app.voice.say = spoken.append
    app.settings.self_voicing = True
    play = app.top
    play.show(play.event)
    settle(app)
    app.screenshot(tmp_path / "spoken_choice.png")  # looked at: a 'Hero' plate in the hero's colour over the box
    assert spoken[-1] == "Hero: Will you really come?"
    second = play.menu.layout(app.fonts)[1]
    assert sum(1 for x in range(second.left, second.right, 2) for y in range(second.top, second.bottom, 2)
               if (lambda c: c.b > 200 and 150 < c.g < 220 and c.r < 130)(app.canvas.get_at((x, y)))) > 10
    plate = [app.canvas.get_at((x, y)) for x in range(120, 240, 4) for y in range(40, 80, 4)]
    assert sum(1 for c in plate if abs(c.r - 0xaa) < 6 and abs(c.g - 0x55) < 6 and c.b < 8) > 20
    play.choose(0)
    settle(app)
    assert isinstance(play.event, ev.ChoiceEvent) and not play.event.name
    assert spoken[-1] == "Hero: Will you really come?"  # an unspoken choice is not read as a line
    plain_top = [app.canvas.get_at((x, y)) for x in range(120, 240, 4) for y in range(40, 80, 4)]
    assert not any(abs(c.r - 0xaa) < 6 and abs(c.g - 0x55) < 6 and c.b < 8 for c in plain_top)
    assert pygame.Rect(0, 0, 1280, 720).contains(play.menu.layout(app.fonts)[0])
    assert "timeline" not in play.quick_names()  # this story has no timeline: its quick bar does not offer one
