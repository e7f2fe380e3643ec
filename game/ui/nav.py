"""The navigator: screens open each other by name, never by importing each other.

game/screens/routes.py maps each name to a `Route` ("module:Class" plus fixed keyword
arguments); the app holds one `Navigator` over it. A screen calls `self.open("save", play=self)`;
the screen's module is imported the first time it is opened (`Route.resolve`), so a screen
module never imports another and the kit never imports the screens.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from .screen import Screen


class Route:
    """Where a screen lives ("package.module:Class") and keyword arguments it always gets."""

    def __init__(self, target: str, **preset: Any):
        self.target, self.preset = target, preset

    def resolve(self) -> Callable[..., Screen]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)

    def __call__(self, app: Any, **options: Any) -> Screen:
        return self.resolve()(app, **self.preset, **options)


Factory = Callable[..., Screen]


class UnknownRoute(KeyError):
    """A screen asked for a route nobody registered."""


class Navigator:
    def __init__(self, app: Any, routes: Mapping[str, Factory]):
        self.app = app
        self.routes = dict(routes)

    @property
    def names(self) -> set[str]:
        return set(self.routes)

    def make(self, route: str, **options: Any) -> Screen:
        """Build the screen for `route` without showing it."""
        factory = self.routes.get(route)
        if factory is None:
            raise UnknownRoute(f"no screen is registered as {route!r}; known: {', '.join(sorted(self.routes))}")
        return factory(self.app, **options)

    def open(self, route: str, **options: Any) -> Screen:
        """Build the screen and push it on top."""
        screen = self.make(route, **options)
        self.app.push(screen)
        return screen

    def swap(self, route: str, **options: Any) -> Screen:
        """Close the top screen and open this one in its place (a menu that leads elsewhere)."""
        self.app.pop()
        return self.open(route, **options)
