"""Sprite attributes (outfit and expression change apart) and show/hide/background transitions."""
from __future__ import annotations

import pygame
from conftest import format_scene, format_story

from game.content.loader import check_content, load_story
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

SCENE = format_scene("dressed", """
  - show: hero
    at: left
  - narrate: "In the default outfit."
  - show: hero
    outfit: uniform
    transition: dissolve
  - narrate: "The uniform; the face stays."
  - say: hero
    expression: happy
    text: "Happy, and still in uniform."
  - say: hero
    outfit: coat
    text: "The coat again; still happy."
  - show: hero
    at: right
    transition: move
  - narrate: "Across the stage."
  - hide: hero
    transition: fade
  - narrate: "Gone through black."
  - background: dusk
    transition: dissolve
  - narrate: "Dusk."
""")


def _root(tmp_path):
    root = format_story(tmp_path, {"03.yaml": SCENE}, outfits=True)
    locations = root / "locations.yaml"
    locations.write_text(locations.read_text(encoding="utf-8")
                         + '  - {id: dusk, name: "Dusk", image: backgrounds/dusk.png}\n', encoding="utf-8")
    dusk = pygame.Surface((1280, 720))
    dusk.fill((200, 90, 40))
    pygame.image.save(dusk, str(tmp_path / "assets" / "images" / "backgrounds" / "dusk.png"))
    return root


def _lines(rt: Runtime, n: int) -> list[ev.Event]:
    return [rt.advance() for _ in range(n)]


def test_outfit_and_expression_change_apart_and_default_to_the_first(tmp_path):
    rt = Runtime(load_story(_root(tmp_path)), Options(content_notes="play"), start="dressed")
    sprite = lambda: dict(rt.state.stage.sprites["hero"])  # noqa: E731
    rt.advance()
    assert sprite() == {"expression": "neutral", "at": "left", "outfit": "coat"}
    rt.advance()
    assert sprite() == {"expression": "neutral", "at": "left", "outfit": "uniform"}
    rt.advance()
    assert sprite() == {"expression": "happy", "at": "left", "outfit": "uniform"}
    rt.advance()
    assert sprite() == {"expression": "happy", "at": "left", "outfit": "coat"}
    rt.advance()
    assert sprite() == {"expression": "happy", "at": "right", "outfit": "coat"}


def test_saves_and_rollback_restore_outfit_and_expression(tmp_path):
    story = load_story(_root(tmp_path))
    rt = Runtime(story, Options(content_notes="play"), start="dressed")
    _lines(rt, 3)
    loaded = Runtime.from_dict(story, rt.to_dict(), Options(content_notes="play"))
    loaded.advance()
    assert loaded.state.stage.sprites == rt.state.stage.sprites
    rt.advance()
    rt.rollback()
    assert rt.state.stage.sprites["hero"] == {"expression": "happy", "at": "left", "outfit": "uniform"}
    rt.rollback()
    assert rt.state.stage.sprites["hero"] == {"expression": "neutral", "at": "left", "outfit": "uniform"}


def test_transitions_reach_the_screen_as_effects_with_what_was_there(tmp_path):
    rt = Runtime(load_story(_root(tmp_path)), Options(content_notes="play"), start="dressed")
    events = _lines(rt, 7)
    assert ("show", "hero", "dissolve", {"expression": "neutral", "at": "left", "outfit": "coat"}) \
        in events[1].effects
    assert ("move", "hero", "left", "right") in events[4].effects
    assert ("hide", "hero", "fade", {"expression": "happy", "at": "right", "outfit": "coat"}) in events[5].effects
    assert ("background", "dusk", "dissolve") in events[6].effects
    assert not any(e[0] in ("show", "hide", "move") for e in events[0].effects)  # no transition: a cut


def test_outfit_mistakes_are_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the missing file is named as looked at, relative to the working directory
    scene = SCENE.replace("outfit: uniform", "outfit: unifrom")
    root = _root(tmp_path)
    (root / "story" / "03.yaml").write_text(scene, encoding="utf-8")
    (tmp_path / "assets" / "images" / "characters" / "hero_outfit_coat.png").unlink()
    problems = check_content(root).problems.sorted()
    assert [(p.code, p.message) for p in problems] == [
        ("missing-asset", "missing portrait layer assets/images/characters/hero_outfit_coat.png"),
        ("unknown-outfit", "Hero has no outfit 'unifrom': did you mean 'uniform'?")]
    assert problems[1].mark.line == 1 + scene.splitlines().index("    outfit: unifrom")
    friend = SCENE.replace("  - hide: hero", "  - show: friend\n    outfit: coat\n  - hide: hero")
    (root / "story" / "03.yaml").write_text(friend, encoding="utf-8")
    assert "Friend has no outfits" in [p.message for p in check_content(root).problems.items]
    moved = SCENE.replace("    transition: fade", "    transition: move")
    (root / "story" / "03.yaml").write_text(moved, encoding="utf-8")
    assert any("must be one of: dissolve, fade, cut" in p.message for p in check_content(root).problems.items)


def _app(tmp_path, **settings):
    from game.library import load_library
    from game.screens.capture import settle, start_app
    app = start_app(load_library(_root(tmp_path)), "dressed", Options(content_notes="play"))
    for name, value in settings.items():
        setattr(app.settings, name, value)
    settle(app)
    return app


def _advance(app) -> None:
    app.top.typed = 1e9
    app.top.next_event()


def _sample(surface: pygame.Surface, rect: pygame.Rect) -> list:
    return [surface.get_at((x, y)) for x in range(rect.left, rect.right, 8) for y in range(rect.top, rect.bottom, 8)]


def test_the_two_layers_are_drawn_and_a_dissolve_mixes_old_and_new(tmp_path):
    app = _app(tmp_path)
    play = app.top
    body = pygame.Rect(260, 420, 120, 70)  # the hero's outfit layer at 'left', above the text box
    coat = _sample(app.canvas, body)
    assert all(abs(c.b - 150) < 8 and abs(c.r - 60) < 8 for c in coat)  # the coat layer, drawn opaque
    face = app.canvas.get_at((345, 230))
    assert abs(face.r - 230) < 8  # the expression layer on top
    _advance(app)
    assert play.fade == 0.0 and play.sprite_fx["hero"][0] == "show"
    app.step(0.22)  # about half of a 0.45 s dissolve
    app.screenshot(tmp_path / "dissolve_mid.png")  # looked at: the coat half turned to the uniform, face opaque
    middle = _sample(app.canvas, body)
    app.step(1.0)
    done = _sample(app.canvas, body)
    assert all(abs(c.g - 130) < 8 for c in done)  # the uniform
    assert all(60 < c.g < 120 and 60 < c.b < 140 for c in middle)  # between coat (60, 60, 150) and (40, 130, 60)
    assert abs(app.canvas.get_at((345, 230)).r - 230) < 8  # the face never faded


def test_fade_goes_through_black_and_reduce_motion_cuts(tmp_path):
    app = _app(tmp_path)
    for _ in range(5):
        _advance(app)
    app.step(1.0)
    assert isinstance(app.top.event, ev.LineEvent) and app.top.event.text == "Gone through black."
    assert app.top.fade_kind == "fade" and app.top.fade == 1.0
    _advance(app)  # the dissolve to dusk
    app.step(0.22)
    sky = app.canvas.get_at((640, 100))
    assert 40 < sky.r < 200  # room (blue-grey) and dusk (orange) mixed
    app = _app(tmp_path / "again")
    for _ in range(4):
        _advance(app)
    app.step(1.0)
    _advance(app)  # hide with fade: the whole stage dips to black and back
    app.step(0.45)  # the bottom of the dip
    dark = app.canvas.get_at((640, 100))
    assert max(dark.r, dark.g, dark.b) < 12
    calm = _app(tmp_path / "calm", reduce_motion=True)
    _advance(calm)
    assert calm.top.fade == 1.0 and calm.top.sprite_fx == {}


def test_contact_sheet_notes_name_portrait_transitions(tmp_path):
    from game.screens.contact_sheet import stage_note
    rt = Runtime(load_story(_root(tmp_path)), Options(content_notes="play"), start="dressed")
    events = _lines(rt, 6)
    assert stage_note(events[1]) == "[show hero, dissolve]"
    assert stage_note(events[4]) == "[move hero to right]"
    assert stage_note(events[5]) == "[hide hero, fade]"


def test_rollback_shows_the_stage_at_once(tmp_path):
    app = _app(tmp_path)
    _advance(app)  # the outfit dissolve
    assert app.top.fade == 0.0
    app.step(1.0)
    _advance(app)
    app.top.rollback()  # back to the dissolve's line: no transition plays again
    assert app.top.fade == 1.0 and app.top.sprite_fx == {}
    assert app.top.rt.state.stage.sprites["hero"]["outfit"] == "uniform"


def test_lint_warns_when_move_has_nobody_to_slide(tmp_path):
    from game.authoring.flow import may_be_on_stage
    from game.authoring.lint import lint
    root = _root(tmp_path)
    scene = SCENE.replace('  - narrate: "Gone through black."', '  - narrate: "Gone through black."\n'
                          "  - show: hero\n    at: left\n    transition: move")
    (root / "story" / "03.yaml").write_text(scene + "  - goto: second\n", encoding="utf-8")
    first = root / "story" / "01_first.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("  - goto: second", "  - goto: dressed"),
                     encoding="utf-8")
    story = load_story(root)
    stages = may_be_on_stage(story)["dressed"]
    assert stages[0] == frozenset() and "hero" in stages[4]
    found = [p for p in lint(root) if p.code == "move-offstage"]
    after_hide = scene.splitlines().index('  - narrate: "Gone through black."')  # the show that follows it
    assert [(p.mark.line, p.severity) for p in found] == [(after_hide + 2, "warning")]  # the first move is fine
