"""The navigator: screens open each other by name, never by importing each other.

game/screens/routes.py maps each name to a factory `(app, **options) -> Screen`; the app holds
one `Navigator` over it. A screen calls `self.open("save", play=self)`; a test can check that
every name used is registered (`Navigator.names`).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .screen import Screen

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
