"""Headless rendering of one moment to PNG, for the `screenshot` command, contact sheets and tests."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Sequence

from ..library import Library
from ..runtime import events as ev
from ..runtime.runtime import Options
from .app import App
from .play import PlayScreen

SETTLE_SECONDS = 2.0  # long enough for fades to finish


def shows_everything() -> Options:
    """What a director wants to see: content notes answered "play", prompts and cards where they are written."""
    return Options(content_notes="play", prompts=True, cards="inline")


def start_app(library: Library, scene: str, options: Options | None = None, **app_args) -> App:
    """A headless app whose play screen shows the first event of `scene`."""
    app = App(library, window=False, **app_args)
    app.push(PlayScreen(app, start_scene=scene, options=options or shows_everything()))
    return app


def option_index(event: ev.Event, number: int) -> int:
    """The runtime index of option `number` (1-based, as on screen) of a choice; the first when out of range."""
    options = event.options
    return options[number - 1][0] if 1 <= number <= len(options) else options[0][0]


def moments(play: PlayScreen, choose: Sequence[int] = ()) -> Iterator[ev.Event]:
    """Each event the play screen shows, in order, until an ending.

    Choices take the option numbers in `choose` in turn, then first options.
    """
    picks = list(choose)
    while True:
        yield play.event
        if isinstance(play.event, ev.EndEvent):
            return
        if isinstance(play.event, ev.WAITS_FOR_CHOICE):
            play.choose(option_index(play.event, picks.pop(0) if picks else 1))
        else:
            play.next_event()


def settle(app: App) -> None:
    """Finish typing and fades so the frame shows the moment as a player would see it at rest."""
    app.top.typed = 1e9  # the whole line, however long
    app.step(SETTLE_SECONDS)


def play_app(library: Library, scene: str, events: int, options: Options | None = None,
             choose: Sequence[int] = (), **app_args) -> App:
    """An app whose play screen has advanced `events` events into `scene` (choosing first options)."""
    app = start_app(library, scene, options, **app_args)
    for n, _ in enumerate(moments(app.top, choose), 1):
        if n >= events:
            break
    settle(app)
    return app


def capture_scene(library: Library, scene: str, events: int, out: Path) -> None:
    app = play_app(library, scene, events)
    app.screenshot(out)
