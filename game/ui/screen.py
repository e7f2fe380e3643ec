"""The screen contract: an app owns a stack of screens; the top one gets actions and draws.

A screen works out its rectangles in `layout()` (a `Layout`), paints from them in `draw()` and
hit-tests a fresh layout in `on_action()`. It opens other screens by name through the app's
navigator (`self.open("backlog", play=self)`), so no screen module imports another.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from . import draw
from .input import Action
from .layout import Layout
from .toast import Place

if TYPE_CHECKING:
    from .nav import Navigator


class Screen:
    """Override `layout`, `on_action`, `update` and `draw`. A modal is a screen pushed on top of another."""

    opaque = True  # False: the screen below is drawn first (menus over the game)
    covers_canvas = False  # True: draw() paints every pixel, so the app need not clear the canvas first

    def __init__(self, app: Any):
        self.app = app

    def layout(self) -> Layout:
        """This frame's rectangles (used by draw and by hit-tests; checked by the layout tests)."""
        return Layout()

    def header_bottom(self) -> int:
        """The y below this screen's heading: toasts appear below it, never over it."""
        lay = self.layout()
        header = lay.get("header")
        return header.bottom if header is not None else 0

    toasts_in_footer = False  # True: toasts go in the layout's "footer", whose words give way for their seconds

    def toast_place(self) -> Place:
        """Where toasts go, when what is below the heading must stay in sight: the footer for a screen with
        `toasts_in_footer`; else around the boxes of its layout with words of their own (each taken as all words,
        but the footer's key hints, which give way when there is no other room: game/ui/toast.py); None (a screen
        without a layout): below the heading. A box whose children fill half of it or more is only their frame (a
        list around its rows); one they fill less of has words beside them (a row beside its pill)."""
        lay = self.layout()
        if self.toasts_in_footer:
            return lay["footer"]
        inside: dict[str, int] = {}
        for name, rect in lay.boxes.items():
            parent = name.rpartition("/")[0]
            inside[parent] = inside.get(parent, 0) + rect.w * rect.h
        return [(rect, pygame.Rect(rect.topleft, (0, 0)) if name.split("/")[0] == "footer" else rect)
                for name, rect in lay.boxes.items() if inside.get(name, 0) * 2 < rect.w * rect.h] or None

    def toasts_showing(self) -> bool:
        """A toast is on screen over this screen (one with `toasts_in_footer` leaves the footer's words out for
        the toast's seconds)."""
        return self.app.top is self and len(self.app.toasts) > 0

    def draw_page(self, surface: pygame.Surface, title: str, box: str = "header") -> Layout:
        """Start drawing a full-page screen: the backdrop, then `title` in the theme's big bold type at the
        top left of the layout's `box`. Returns this frame's layout."""
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.layout()
        draw.box(surface, theme.backdrop, surface.get_rect())
        draw.text(surface, fonts, title, theme.big_size, theme.text, lay[box].topleft, bold=True)
        return lay

    def on_action(self, action: Action) -> None:
        """React to one input action."""

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def on_enter(self) -> None:
        """Called when the screen becomes the top of the stack again."""

    def on_close(self) -> None:
        """The app is closing: finish what must not be lost."""

    def thumbnail_due(self) -> bool:
        """The frame just drawn is the picture a save will take next frame (the app scales it meanwhile)."""
        return False

    @property
    def nav(self) -> Navigator:
        return self.app.nav

    def open(self, route: str, **options: Any) -> Screen:
        """Push the screen registered under `route` (see game/screens/routes.py)."""
        return self.app.nav.open(route, **options)
