"""Backgrounds and portraits, loaded once and kept."""
from __future__ import annotations

from pathlib import Path

import pygame

from ..content import model as m
from .theme import HEIGHT, WIDTH

PORTRAIT_HEIGHT = 600
CACHE_BYTES = 10 * 2**20  # decoded images kept (a background is 3.5 MB); least recently used go first


class Images:
    def __init__(self, story: m.Story, assets: Path):
        self.story = story
        self.assets = assets
        self._cache: dict[tuple, pygame.Surface] = {}
        self._bytes = 0

    def _keep(self, key: tuple, image: pygame.Surface | None) -> None:
        """Cache `image`, dropping the least recently used images beyond CACHE_BYTES."""
        self._cache[key] = image
        self._bytes += image.get_width() * image.get_height() * image.get_bytesize() if image else 0
        while self._bytes > CACHE_BYTES and len(self._cache) > 1:
            old = self._cache.pop(next(iter(self._cache)))
            self._bytes -= old.get_width() * old.get_height() * old.get_bytesize() if old else 0

    def _hit(self, key: tuple) -> bool:
        if key in self._cache:
            self._cache[key] = self._cache.pop(key)  # most recently used last
            return True
        return False

    def _load(self, path: Path, alpha: bool) -> pygame.Surface | None:
        try:
            image = pygame.image.load(str(path))
        except (pygame.error, FileNotFoundError):
            return None
        if pygame.display.get_surface() is not None:
            image = image.convert_alpha() if alpha else image.convert()
        return image

    def background(self, location: str) -> pygame.Surface:
        key = ("bg", location)
        if not self._hit(key):
            loc = self.story.locations.get(location)
            image = self._load(self.assets / "images" / loc.image, False) if loc else None
            if image is None:
                image = pygame.Surface((WIDTH, HEIGHT))
                image.fill((30, 34, 48))
            elif image.get_size() != (WIDTH, HEIGHT):
                image = pygame.transform.smoothscale(image, (WIDTH, HEIGHT))
            self._keep(key, image)
        return self._cache[key]

    def portrait(self, who: str, expression: str) -> pygame.Surface | None:
        key = ("portrait", who, expression)
        if not self._hit(key):
            char = self.story.characters.get(who)
            image = None
            if char and char.sprite:
                image = self._load(self.assets / "images" / "characters" / f"{char.sprite}_{expression}.png", True)
            if image is not None and image.get_height() != PORTRAIT_HEIGHT:
                w = round(image.get_width() * PORTRAIT_HEIGHT / image.get_height())
                image = pygame.transform.smoothscale(image, (w, PORTRAIT_HEIGHT))
            self._keep(key, image)
        return self._cache[key]

    def dimmed(self, who: str, expression: str) -> pygame.Surface | None:
        """The portrait darkened, for characters on stage who are not speaking."""
        key = ("dimmed", who, expression)
        if not self._hit(key):
            image = self.portrait(who, expression)
            if image is not None:
                image = image.copy()
                image.fill((150, 150, 172, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._keep(key, image)
        return self._cache[key]

    def ui(self, name: str) -> pygame.Surface | None:
        key = ("ui", name)
        if not self._hit(key):
            self._keep(key, self._load(self.assets / "images" / "ui" / f"{name}.png", True))
        return self._cache[key]
