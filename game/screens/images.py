"""Backgrounds and portraits, loaded once and kept.

`prefetch(rt)` looks a little way ahead in the story (the rest of the scene up to its next choice, and
the opening background of the scenes it leads to) and decodes the pictures found there on a thread
(PNG decoding releases the GIL), so the frame that first draws them finds them ready. A picture asked
for before the thread has made it is decoded in the frame as before; nothing ever waits.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterable

import pygame

from ..content import model as m
from .theme import HEIGHT, WIDTH

PORTRAIT_HEIGHT = 600
# Decoded images kept, least recently used first out, in two pools sized for a scene's working set, so a
# fast-clicked playthrough decodes each picture once per scene instead of thrashing one small pool:
FULL_SCREEN_BYTES = 11 * 2**20  # backgrounds and illustrations, 3.5 MB each: the two of a dissolve and one more
PORTRAIT_BYTES = 14 * 2**20     # portraits and their dimmed copies, ~1.1 MB each: a full stage, each both ways
CACHE_BYTES = FULL_SCREEN_BYTES + PORTRAIT_BYTES
LOOKAHEAD_OPS = 60   # operations of the scene looked at ahead of the one on screen
READY_MAX = 6        # pictures made ahead and not yet drawn, at most (the oldest are dropped) ...
READY_BYTES = 8 * 2**20  # ... and at most this many bytes of them (two backgrounds and a few portraits)
_MISSING = object()


_heap_tuned = False


def _return_big_blocks_to_the_system() -> None:
    """glibc only: keep allocations of 256 KiB and more (decoded pictures, sounds) in their own mappings.

    By default glibc raises its mmap threshold each time such a block is freed, after which decoded
    pictures come from the heap arenas, and with pictures decoded on threads (prefetch, ambience) each
    thread's arena keeps what it freed: peak RSS over three playthroughs went from 176 to 247 MB. A fixed
    threshold hands every freed picture back at once. Elsewhere this does nothing.
    """
    global _heap_tuned
    if _heap_tuned:
        return
    _heap_tuned = True
    try:
        import ctypes
        libc = ctypes.CDLL(None)  # the process's own symbols: libc is already loaded
        if hasattr(libc, "mallopt") and hasattr(libc, "gnu_get_libc_version"):
            libc.mallopt(-3, 256 * 1024)  # M_MMAP_THRESHOLD: fixed, so no longer raised by frees
    except (OSError, AttributeError, ValueError):
        pass


class Images:
    def __init__(self, story: m.Story, assets: Path):
        _return_big_blocks_to_the_system()
        self.story = story
        self.assets = assets
        full = _Pool(FULL_SCREEN_BYTES)
        self._pools = {"bg": full, "cg": full}  # by the first part of the key; anything else is small
        self._small = _Pool(PORTRAIT_BYTES)
        self.decodes = 0     # pictures decoded in the frame (benchmarks and tests read it)
        self.prefetched = 0  # pictures decoded ahead, on the prefetch thread
        self._lock = threading.Lock()
        self._wanted: list[tuple] = []                      # keys the prefetch thread should make, in order
        self._ready: dict[tuple, pygame.Surface | None] = {}  # made ahead, adopted by the first lookup
        self._working = False

    def renewed(self, story: m.Story, assets: Path) -> "Images":
        """These images for a reloaded `story`: the same object, pictures kept, when every picture it names
        resolves to the same file as before (an edit of the text); otherwise a fresh, empty one."""
        def files(s: m.Story) -> tuple:
            people = {k: (v.sprite, tuple(getattr(v, "expressions", ())), tuple(getattr(v, "outfits", ())))
                      for k, v in s.characters.items()}
            return ({k: v.image for k, v in s.locations.items()}, {k: v.image for k, v in s.illustrations.items()},
                    people)
        if Path(assets) != Path(self.assets) or files(story) != files(self.story):
            return Images(story, assets)
        self.story = story
        return self

    def _cached(self, key: tuple, make: Callable[[], pygame.Surface | None]) -> pygame.Surface | None:
        """The image for `key`, made by `make()` the first time (or by the prefetch thread) and kept in its pool."""
        pool = self._pools.get(key[0], self._small)
        if self._ready and key not in pool.images:
            with self._lock:
                ready = self._ready.pop(key, _MISSING)
            if ready is not _MISSING:
                return pool.get(key, lambda: ready)
        return pool.get(key, make)

    def prefetch(self, rt) -> None:
        """Decode on a thread what the story will show soon after the runtime's current moment."""
        wanted = [key for key in dict.fromkeys(upcoming(self.story, rt.state))
                  if key not in self._pools.get(key[0], self._small).images]
        with self._lock:  # only the nearest few: more would be dropped from `_ready` before they are drawn
            self._wanted = [key for key in wanted if key not in self._ready][:READY_MAX]
            if self._wanted and not self._working:
                self._working = True
                threading.Thread(target=self._prefetcher, name="cell7-images", daemon=True).start()

    def _prefetcher(self) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    self._working = False
                    return
                key = self._wanted.pop(0)
                if key in self._ready:
                    continue
            try:
                image = self._make(key)
            except Exception:  # noqa: BLE001 - never let a picture stop the game; the frame will try it itself
                continue
            with self._lock:
                self._ready[key] = image
                while len(self._ready) > READY_MAX or (
                        len(self._ready) > 1 and sum(map(_size, self._ready.values())) > READY_BYTES):
                    self._ready.pop(next(iter(self._ready)))

    def _make(self, key: tuple) -> pygame.Surface | None:
        """What the frame would make for `key`, made without touching the pools (on the prefetch thread)."""
        kind = key[0]
        if kind == "bg":
            return self._background(key[1])
        if kind == "cg":
            return self._illustration(key[1])
        if kind == "portrait":
            return self._portrait(*key[1:])
        if kind == "dimmed":
            with self._lock:
                base = self._ready.get(("portrait", *key[1:]))
            return _dim(base if base is not None else self._portrait(*key[1:]))
        return None

    def _load(self, path: Path, alpha: bool) -> pygame.Surface | None:
        if threading.current_thread() is threading.main_thread():
            self.decodes += 1
        else:
            self.prefetched += 1
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
        return self._cached(("cg", illustration), lambda: self._illustration(illustration))

    def _illustration(self, illustration: str) -> pygame.Surface:
        item = self.story.illustrations.get(illustration)
        return _full_screen(self._load(self.assets / "images" / item.image, False) if item else None)

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


def upcoming(story: m.Story, state, limit: int = LOOKAHEAD_OPS) -> Iterable[tuple]:
    """Image keys the story will draw soon after `state`: pictures named by the rest of the scene up to its
    next choice (following jumps, not conditions), and the opening background of each scene it may go to."""
    scene = story.scenes.get(state.scene)
    if scene is None:
        return
    sprites = {who: dict(sprite) for who, sprite in state.stage.sprites.items()}
    code, pc = scene.code, max(state.pc, 0)
    for _ in range(limit):
        if pc >= len(code):
            return
        op = code[pc]
        pc += 1
        if isinstance(op, m.Background):
            yield ("bg", op.location)
        elif isinstance(op, m.ShowIllustration):
            if op.illustration:
                yield ("cg", op.illustration)
        elif isinstance(op, (m.Show, m.Line)):
            who = op.who if isinstance(op, m.Show) else op.speaker
            char = story.characters.get(who) if who else None
            if char is None or (isinstance(op, m.Line) and who not in sprites):
                continue
            was = sprites.get(who, {})
            expression = op.expression or was.get("expression") or (char.expressions[0] if char.expressions else "")
            outfit = getattr(op, "outfit", None) or was.get("outfit") or (char.outfits[0] if char.outfits else "")
            sprites[who] = {"expression": expression, "outfit": outfit}
            yield ("portrait", who, expression, outfit)
            yield ("dimmed", who, expression, outfit)
        elif isinstance(op, m.Jump):
            pc = op.target
        elif isinstance(op, m.Goto):
            target = story.scenes.get(op.scene)
            if target is not None:
                yield ("bg", target.background)
            return
        elif isinstance(op, m.Choice):
            for option in op.options:
                target = story.scenes.get(option.goto) if option.goto else None
                if target is not None:
                    yield ("bg", target.background)
            return
        elif isinstance(op, m.End):
            return


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
