"""Backgrounds and portraits, loaded once and kept."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pygame

from ..content import model as m
from .theme import HEIGHT, WIDTH

PORTRAIT_HEIGHT = 600
# Decoded images kept, least recently used first out, in two pools sized for a scene's working set, so a
# fast-clicked playthrough decodes each picture once per scene instead of thrashing one small pool:
FULL_SCREEN_BYTES = 11 * 2**20  # backgrounds and illustrations, 3.5 MB each: the two of a dissolve and one more
PORTRAIT_BYTES = 14 * 2**20     # portraits and their dimmed copies, ~1.1 MB each: a full stage, each both ways
CACHE_BYTES = FULL_SCREEN_BYTES + PORTRAIT_BYTES


class Images:
    def __init__(self, story: m.Story, assets: Path):
        self.story = story
        self.assets = assets
        full = _Pool(FULL_SCREEN_BYTES)
        self._pools = {"bg": full, "cg": full}  # by the first part of the key; anything else is small
        self._small = _Pool(PORTRAIT_BYTES)
        self.decodes = 0  # images decoded so far (benchmarks read it)

    def _cached(self, key: tuple, make: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
        """The image for `key`, made by `make()` the first time and kept in its pool."""
        return self._pools.get(key[0], self._small).get(key, make)

    def _load(self, path: Path, alpha: bool) -> pygame.Surface | None:
        self.decodes += 1
        try:
            image = pygame.image.load(str(path))
        except (pygame.error, FileNotFoundError):
            return None
        if pygame.display.get_surface() is not None:
            image = image.convert_alpha() if alpha else image.convert()
        return image

    def background(self, location: str) -> pygame.Surface:
        return self._cached(("bg", location), lambda: self._background(location))

    def _background(self, location: str) -> pygame.Surface:
        loc = self.story.locations.get(location)
        return _full_screen(self._load(self.assets / "images" / loc.image, False) if loc else None)

    def illustration(self, illustration: str) -> pygame.Surface:
        """A full-screen illustration (the story's illustrations.yaml names its file); a plain fill when missing."""
        def make() -> pygame.Surface:
            item = self.story.illustrations.get(illustration)
            return _full_screen(self._load(self.assets / "images" / item.image, False) if item else None)
        return self._cached(("cg", illustration), make)

    def portrait(self, who: str, expression: str, outfit: str = "") -> pygame.Surface | None:
        """A character's portrait at PORTRAIT_HEIGHT. With `outfit`, two layers: the outfit
        (`<sprite>_outfit_<outfit>.png`) with the expression (`<sprite>_<expression>.png`) drawn over it;
        a missing layer leaves what exists (None only when both are missing)."""
        return self._cached(("portrait", who, expression, outfit), lambda: self._portrait(who, expression, outfit))

    def _portrait(self, who: str, expression: str, outfit: str) -> pygame.Surface | None:
        char = self.story.characters.get(who)
        if not (char and char.sprite):
            return None
        folder = self.assets / "images" / "characters"
        image = self._load(folder / f"{char.sprite}_{expression}.png", True)
        if outfit:
            base = self._load(folder / f"{char.sprite}_outfit_{outfit}.png", True)
            if base is not None and image is not None:
                base.blit(image, (0, 0))
            image = base if base is not None else image
        if image is not None and image.get_height() != PORTRAIT_HEIGHT:
            w = round(image.get_width() * PORTRAIT_HEIGHT / image.get_height())
            image = pygame.transform.smoothscale(image, (w, PORTRAIT_HEIGHT))
        return image

    def dimmed(self, who: str, expression: str, outfit: str = "") -> pygame.Surface | None:
        """The portrait darkened, for characters on stage who are not speaking."""
        return self._cached(("dimmed", who, expression, outfit), lambda: _dim(self.portrait(who, expression, outfit)))

    def ui(self, name: str) -> pygame.Surface | None:
        return self._cached(("ui", name), lambda: self._load(self.assets / "images" / "ui" / f"{name}.png", True))


class _Pool:
    """Least-recently-used images within a byte budget (the newest one is always kept)."""

    def __init__(self, budget: int):
        self.budget = budget
        self.images: dict[tuple, pygame.Surface | None] = {}
        self.bytes = 0

    def get(self, key: tuple, make: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
        images = self.images
        if key in images:
            images[key] = images.pop(key)  # most recently used last
            return images[key]
        image = images[key] = make()
        self.bytes += _size(image)
        while self.bytes > self.budget and len(images) > 1:
            self.bytes -= _size(images.pop(next(iter(images))))
        return image


def _full_screen(image: pygame.Surface | None) -> pygame.Surface:
    """The image at canvas size; a plain dark fill in place of a missing one."""
    if image is None:
        image = pygame.Surface((WIDTH, HEIGHT))
        image.fill((30, 34, 48))
    elif image.get_size() != (WIDTH, HEIGHT):
        image = pygame.transform.smoothscale(image, (WIDTH, HEIGHT))
    return image


def _size(image: pygame.Surface | None) -> int:
    return image.get_width() * image.get_height() * image.get_bytesize() if image is not None else 0


def _dim(image: pygame.Surface | None) -> pygame.Surface | None:
    if image is None:
        return None
    image = image.copy()
    image.fill((150, 150, 172, 255), special_flags=pygame.BLEND_RGBA_MULT)
    return image
