"""A save that cannot be written is said in one sentence of the player's language: the file and the system's
reason once each, and in Korean no English but those two (no "Could not save: could not write ...")."""
from __future__ import annotations

import re

import pytest

from game import storage, words
from game.runtime import events as ev


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_failed_save_names_the_file_and_the_reason_once_in_the_players_words(play, monkeypatch, language):
    app = play.app
    words.set_language(language)

    def refused(path, data, durable):
        raise PermissionError(13, "Permission denied", str(path.parent / f".{path.name}.123.abcdef.tmp"))
    monkeypatch.setattr(storage, "_atomic_write", refused)
    while not isinstance(play.event, ev.LineEvent):
        play.next_event()
    play.save("1")
    assert app.writer.flush(60)
    app.step(1 / 60)
    [said] = [text for text, _ in app.toasts if "Permission denied" in text]
    [file] = re.findall(r"\S+\.(?:json|png)", said)
    assert said.count(file) == 1 and said.count("Permission denied") == 1
    assert said == words.t("play.save_failed", reason=f"{file}: Permission denied")
    rest = said.replace(file, "").replace("Permission denied", "")
    assert "write" not in rest.lower()  # the failure is said once
    if language == "ko":
        assert not re.search("[A-Za-z]", rest), said


@pytest.mark.parametrize("language", ["en", "ko"])
def test_settings_not_written_are_said_in_the_players_words(shipped_library, tmp_path, monkeypatch, language):
    """settings.json (and persistent.json) written straight from the profile: the same one sentence, no English
    of this module's in a Korean game."""
    from game.profile import Profile
    profile = Profile(tmp_path, shipped_library.story_id)
    words.set_language(language)

    def refused(path, data, durable):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(storage, "_atomic_write", refused)
    assert profile.save_settings() is False
    [said] = [text for text in profile.messages if "Permission denied" in text]
    file = str(tmp_path / "settings.json")
    assert said == words.t("profile.not_written", reason=f"{file}: Permission denied") and said.count(file) == 1
    rest = said.replace(file, "").replace("Permission denied", "")
    assert "write" not in rest.lower()
    if language == "ko":
        assert not re.search("[A-Za-z]", rest), said


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_save_refused_in_the_frame_says_the_file_and_the_reason(play, monkeypatch, language):
    """A system error met before the writer takes the save (no [Errno 13] and no Python quoting in the toast)."""
    app = play.app
    words.set_language(language)

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/saves/1.json")
    monkeypatch.setattr(app.profile.saves, "save", refused)
    play.save("1")
    app.step(1 / 60)
    assert words.t("play.save_failed", reason="/saves/1.json: Permission denied") in [text for text, _ in app.toasts]
