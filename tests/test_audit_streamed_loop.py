"""Independent review of issue 17: an ambience loop streamed from its kept samples (game/screens/audio.py `_Stream`,
game/screens/decoded.py) whose file is cut short while it plays. The loop stops with the reason noted, nothing
raises into the frame, and the next visit sets the cut file aside and plays the loop from its source again."""
from __future__ import annotations

import pygame
from test_perf_memory import _Channel, _streaming, _wav

from game import worker


def _decoded(sound) -> None:
    """Frames until the ambience thread (started a frame or two after it is asked for, and ended on its own once the
    loop is decoded) has handed its loop over and it has started."""
    for _ in range(3):
        sound.update()
        assert worker.settle_all(60)
    sound.update()


def test_a_kept_loop_cut_short_while_it_streams_stops_and_is_set_aside_at_the_next_visit(tmp_path, monkeypatch):
    from game.screens import audio as au
    from game.screens import decoded
    _wav(tmp_path / "ambience" / "yard.wav", 7.0)  # 1.2 MB once decoded: kept, then streamed
    sound, now = _streaming(tmp_path, monkeypatch)
    try:
        sound.play_ambience("yard")
        _decoded(sound)
        stream = sound._loops["yard"]
        assert isinstance(stream, au._Stream)
        (kept,) = (tmp_path / "cache" / "sounds").glob("*.wav")
        whole = kept.stat().st_size
        with open(kept, "r+b") as cut:  # another program (or a full disk's repair) cuts the file in place
            cut.truncate(decoded.WAV_HEADER + 1000)
        channel = _Channel(sound._ambience_channel)
        for _ in range(4):  # the pieces already read play out; the next one finds the file short
            channel.end_piece()
            now[0] += au.PIECE_SECONDS
            sound.update()
        assert stream._file.closed and not sound._streams
        assert "shorter" in sound.problems["ambience/yard"]
        sound.play_ambience("")
        now[0] += 10
        sound.update()
        sound.problems.clear()
        sound.play_ambience("yard")  # the next visit: the cut file is set aside, the loop decoded and kept again
        now[0] += 10
        _decoded(sound)
        assert isinstance(sound._loops["yard"], au._Stream) and not sound.problems
        assert kept.stat().st_size == whole
        assert len(list((kept.parent / "damaged").iterdir())) == 1
    finally:
        sound.play_ambience("")
        decoded.keep_in(None)
        pygame.mixer.quit()
