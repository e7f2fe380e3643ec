"""The audio timeline of a playthrough (game/authoring/soundtrack.py, scripts/audio_timeline.py): every
scene of the shipped story has music or ambience unless it asks for silence, and a silent one is flagged."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import paths
from game.authoring.soundtrack import describe, timeline
from game.content.loader import load_story
from scripts import audio_timeline


@pytest.fixture(scope="module")
def shipped():
    return load_story(paths.SCENES)


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4])
def test_the_shipped_story_is_never_silent_unless_it_asks(shipped, seed):
    visits = timeline(shipped, seed=seed)
    assert visits[-1].ending, "the playthrough reaches an ending"
    assert [describe(v) for v in visits if v.flagged] == []
    assert all(v.music or v.ambience for v in visits)
    heard = {track for v in visits for track in v.music if track}
    assert {"theme", "tension", "sorrow", "courtroom"} <= heard


def test_the_shipped_silences_are_the_ones_the_script_asks_for(shipped):
    visits = {v.scene: v for v in timeline(shipped)}
    assert visits["prologue"].asks_silence and visits["prologue"].silent  # music: stop, a quiet room
    assert visits["prison_gate"].music == ["prison"] and visits["prison_gate"].ambience == ["prison"]
    assert "cell_door" in visits["prison_gate"].effects


def _silent_second_scene(root: Path, ask: bool) -> Path:
    """The fixture story with the music stopped at the end of the first scene, in a room with no ambience."""
    first = root / "story" / "01_first.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("  - goto: second\n",
                                                               "  - music: stop\n  - goto: second\n"),
                     encoding="utf-8")
    if ask:
        second = root / "story" / "02_second.yaml"
        second.write_text(second.read_text(encoding="utf-8").replace("beats:\n", "music: stop\nbeats:\n"),
                          encoding="utf-8")
    return root


def test_a_silent_scene_is_flagged_and_the_script_fails(story_root, capsys):
    visits = timeline(load_story(_silent_second_scene(story_root, ask=False)))
    first, second = visits
    assert first.music[0] == "calm" and first.asks_silence and not first.flagged
    assert second.music == [""] and second.ambience == [""] and second.flagged and second.ending == "finale"
    assert "SILENT" in describe(second)
    assert audio_timeline.main(["--scenes", str(story_root)]) == 1
    out = capsys.readouterr().out
    assert "silent without asking: second" in out and "ending 'finale'" in out


def test_silence_the_scene_asks_for_is_not_flagged(story_root):
    visits = timeline(load_story(_silent_second_scene(story_root, ask=True)))
    assert visits[-1].silent and not visits[-1].flagged
    assert audio_timeline.main(["--scenes", str(story_root), "--seed", "3"]) == 0


def test_ambience_alone_is_not_silence(story_root):
    root = _silent_second_scene(story_root, ask=False)
    (root / "locations.yaml").write_text(
        "locations:\n  - {id: room, name: \"Room\", image: backgrounds/room.png, ambience: hush}\n")
    folder = root.parent / "assets" / "audio" / "ambience"
    folder.mkdir(parents=True)
    (folder / "hush.wav").write_bytes((root.parent / "assets" / "audio" / "music" / "calm.wav").read_bytes())
    visits = timeline(load_story(root))
    assert visits[-1].ambience == ["hush"] and not visits[-1].silent
