"""The screen contract: an app owns a stack of screens; the top one gets actions and draws."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .input import Action

if TYPE_CHECKING:
    from .app import App


class Screen:
    """Override `on_action`, `update` and `draw`. A modal is a screen pushed on top of another."""

    opaque = True  # False: the screen below is drawn first (menus over the game)

    def __init__(self, app: "App"):
        self.app = app

    def on_action(self, action: Action) -> None:
        """React to one input action."""

    def update(self, dt: float) -> None:
        """Advance animations by `dt` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError

    def on_enter(self) -> None:
        """Called when the screen becomes the top of the stack again."""
