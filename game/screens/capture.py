"""Headless rendering of one moment to PNG, for the `screenshot` command and for tests."""
from __future__ import annotations

from pathlib import Path

from ..content import model as m
from ..runtime import events as ev
from ..runtime.runtime import Options
from .app import App
from .play import PlayScreen

SETTLE_SECONDS = 2.0  # long enough for fades to finish


def play_app(story: m.Story, scene: str, events: int, options: Options | None = None, **app_args) -> App:
    """An app whose play screen has advanced `events` events into `scene` (choosing first options)."""
    app = App(story, window=False, **app_args)
    play = PlayScreen(app, start_scene=scene, options=options or Options(content_notes="play", prompts=True))
    app.push(play)
    for _ in range(max(0, events - 1)):
        if isinstance(play.event, ev.EndEvent):
            break
        if isinstance(play.event, ev.WAITS_FOR_CHOICE):
            play.choose(play.event.options[0][0])
        else:
            play.next_event()
    play.typed = 1e9  # the whole line, however long
    app.step(SETTLE_SECONDS)
    return app


def capture_scene(story: m.Story, scene: str, events: int, out: Path) -> None:
    app = play_app(story, scene, events)
    app.screenshot(out)
