"""Save slots in the language being played: a slot's card words its scene from the story on screen (not in
the language the save was made in), says a refused slot's trouble in one short line of that language, and
dates the save the way that language writes dates."""
from __future__ import annotations

import json

import pytest
from conftest import play_screen_to

from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.saveload import SaveLoadScreen, saved_at


@pytest.fixture
def app(shipped_library, tmp_path):
    return App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)


def saved(app, slots=("1",)):
    play = app.nav.open("play")
    play_screen_to(play, ev.LineEvent)
    for slot in slots:
        play.save(slot)
    app.writer.flush(30)
    return play


def test_a_card_words_its_scene_in_the_language_played_not_the_one_saved_in(app):
    play = saved(app)
    scene = play.rt.state.scene
    english = app.story.scenes[scene].title
    app.set_language("ko")
    korean = app.story.scenes[scene]
    assert korean.title != english
    screen = SaveLoadScreen(app, "load")
    app.push(screen)
    title, when = screen._lines(screen.infos[0])[:2]
    assert title[0] == korean.title and korean.date in when[0]
    assert when[0].startswith(("프롤로그", f"{korean.chapter}장"))
    app.set_language("en")
    screen.refresh()
    assert screen._lines(screen.infos[0])[0][0] == english


@pytest.mark.parametrize("language,expected", [
    ("en", ["This save is damaged.", "A save of another story.", "Made by a newer version of the game."]),
    ("ko", ["손상된 저장이에요.", "다른 이야기의 저장이에요.", "더 새로운 버전에서 만든 저장이에요."])])
def test_a_refused_slot_says_why_in_one_short_line_of_the_players_language(app, language, expected):
    saved(app, ("1", "2", "3"))
    folder = app.profile.saves.folder
    (folder / "1.json").write_text("{broken")
    for slot, key, value in (("2", "story", "night_ferry"), ("3", "format", 999)):
        record = json.loads((folder / f"{slot}.json").read_text())
        record[key] = value
        (folder / f"{slot}.json").write_text(json.dumps(record))
    app.set_language(language)
    screen = SaveLoadScreen(app, "load")
    app.push(screen)
    for i in range(3):  # choosing each one: refused, the screen stays, the card says why in short
        screen.index = i
        screen.activate()
    assert app.top is screen
    assert [screen._lines(screen.infos[i]) for i in range(3)] == [[(text, app.theme.small_size, app.theme.danger,
                                                                   False)] for text in expected]


def test_the_time_of_a_save_is_written_the_languages_way(app):
    from game import words
    assert saved_at(0.0).count(" ") == 3          # "1 Jan 1970 00:00" (in the machine's time zone)
    words.set_language("ko")
    assert "년" in saved_at(0.0) and "월" in saved_at(0.0) and "일" in saved_at(0.0)
