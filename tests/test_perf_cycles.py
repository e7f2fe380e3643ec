"""No screen waits for the cycle collector: every screen class the app can push, pushed, drawn, used and popped,
is freed at once by reference counting (issue 17's soak: the save/load screen, the game menu and the backlog held
themselves through their lists' callbacks, so their thumbnails and kept frames stayed until a full gc pass).

The screens are discovered: every `Screen` subclass in game.screens and game.ui, each with the fixed arguments of
every route that opens it; its other arguments come by name from `_arguments`."""
from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import inspect
import pkgutil
import weakref
from collections.abc import Iterator

import pytest
from conftest import play_until

import game.screens
import game.ui
from game.classroom.quiz import QuizGame
from game.classroom.session import SessionLog
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.classroom_play import presenter_view
from game.screens.routes import ROUTES
from game.ui.input import Action
from game.ui.screen import Screen
from game.ui.widgets import Grid, Heights, Item, MenuList, ScrollList

USE = ("down", "down", "up", "right", "left", "end", "home", "wheel_down")  # moves, never chooses nor goes back


def _screen_classes() -> list[type[Screen]]:
    for package in (game.screens, game.ui):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found, todo = set(), [Screen]
    while todo:
        for cls in todo.pop().__subclasses__():
            if cls not in found and cls.__module__.startswith("game."):
                found.add(cls)
                todo.append(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _cases() -> list:
    cases = []
    for cls in _screen_classes():
        presets = [route.preset for route in ROUTES.values() if route.resolve() is cls] or [{}]
        for preset in presets:
            words = ",".join(f"{k}={v}" for k, v in preset.items())
            cases.append(pytest.param(cls, preset, id=cls.__qualname__ + (f"[{words}]" if words else "")))
    return cases


@pytest.fixture
def app(shipped_library, tmp_path):
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    for picture in list(app.story.illustrations)[:2]:
        app.profile.see_illustration(picture)
    yield app
    app.writer.flush()


def _arguments(cls: type[Screen], preset: dict, app: App) -> dict:
    """The arguments `cls` needs besides the app, by name: a play screen at a choice (saved once, so the save
    screen has a card with a thumbnail), a classroom presenter, a session log, the quiz, an ending, a gallery."""
    play = app.nav.make("play")
    app.push(play)
    play_until(play, lambda event: isinstance(event, ev.ChoiceEvent))
    app.step(1 / 60)
    play.save("1", from_canvas=True)
    app.writer.flush()
    presenter = None
    if "presenter" in inspect.signature(cls).parameters:  # its screens open over its view, as in class
        view = presenter_view(app, SessionLog(clock=lambda: 0.0))
        app.push(view)
        presenter = view.overlay
    library = app.library
    pool = {
        "play": play, "presenter": presenter, "log": SessionLog(clock=lambda: 0.0), "quiz": library.quiz,
        "game": QuizGame(library.quiz.questions, 3), "gallery": app.nav.make("gallery"), "index": 0,
        "question": "Are you sure?", "on_yes": _nothing, "mode": "save", "timeline": library.timeline,
    }
    wanted = {}
    for name, parameter in list(inspect.signature(cls).parameters.items())[1:]:
        if name in preset:
            continue
        if name == "event":
            wanted[name] = (ev.EndEvent("an_ending", "An ending") if "EndEvent" in str(parameter.annotation)
                            else play.event)
        elif name in pool:
            wanted[name] = pool[name]
        else:
            assert parameter.default is not inspect.Parameter.empty, f"{cls.__qualname__}: what is {name!r}?"
    return wanted


def _nothing() -> None:
    """A confirmation's answer that does nothing."""


@pytest.mark.parametrize(("cls", "preset"), _cases())
def test_every_screen_is_freed_when_popped_without_the_cycle_collector(app, cls, preset):
    screen = cls(app, **preset, **_arguments(cls, preset, app))
    below = app.top
    app.push(screen)
    app.step(1 / 60)
    for name in USE:
        app.step(1 / 60, [Action(name)])
    app.step(1 / 60)
    assert app.top is screen
    gone = weakref.ref(screen)
    del screen
    with _collector_off():
        _pop(app)
        assert app.top is below
        assert gone() is None, f"{cls.__qualname__} is kept alive by a reference cycle: " + _holders(gone)


def test_a_presenter_view_is_freed_when_popped_without_the_cycle_collector(app):
    """The classroom's play screen and its overlay point at each other; the overlay holds its screen weakly."""
    view = presenter_view(app, SessionLog(clock=lambda: 0.0))
    app.push(view)
    for name in (*USE, "confirm"):
        app.step(1 / 60, [Action(name)])
    gone, overlay_gone = weakref.ref(view), weakref.ref(view.overlay)
    del view
    with _collector_off():
        _pop(app)
        assert gone() is None and overlay_gone() is None, "the presenter view is kept by a cycle: " + _holders(gone)


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """What was garbage is collected first; inside, only reference counting frees anything."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _pop(app: App) -> None:
    """Pop the top screen, then a frame and the saves it queued."""
    app.pop()
    app.step(1 / 60)
    app.writer.flush()


class _Owner:
    """A screen's stand-in: it owns kit widgets built from its own methods."""

    def __init__(self) -> None:
        self.chosen: list[str] = []
        self.list = ScrollList(3, self.height, self.enabled)
        self.heights = Heights(self.height)
        self.grid = Grid(4, 2, self.height)
        self.menu = MenuList([Item("One", self.one), Item("Two", functools.partial(self.pick, "two"))], (0, 0), 100)

    def height(self, i: int, width: int) -> int:
        return 10 + i

    def enabled(self, i: int) -> bool:
        return i != 1

    def one(self) -> None:
        self.chosen.append("one")

    def pick(self, name: str) -> None:
        self.chosen.append(name)


def test_kit_widgets_keep_their_owner_s_methods_without_keeping_the_owner():
    owner = _Owner()
    assert owner.list.measure(2, 50) == 12 and not owner.list.enabled(1) and owner.heights.get((), 1, 50) == 11
    owner.menu.choose(0)
    owner.menu.choose(1)
    assert owner.chosen == ["one", "two"]
    assert owner.menu.items[0].on_choose == owner.one  # as the method itself (the app finds the title's Start so)
    assert owner.menu.items[0].on_choose != owner.pick and owner.menu.items[1].on_choose != owner.one
    menu, gone = owner.menu, weakref.ref(owner)
    gc.collect()
    gc.disable()
    try:
        del owner
        assert gone() is None
    finally:
        gc.enable()
    with pytest.raises(ReferenceError):  # a widget kept beyond its owner says so, never calls a dead screen
        menu.choose(0)


def _holders(gone: weakref.ref) -> str:
    screen = gone()
    return ", ".join(sorted({type(o).__name__ for o in gc.get_referrers(screen) if o is not None}))
