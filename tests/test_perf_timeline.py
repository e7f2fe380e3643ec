"""The timeline's frames draw less (issue 17) and show the same pixels: what is kept is dropped when what it
shows changes. Behaviour only, never timings."""
from __future__ import annotations

import random

import pygame
import pytest

from game.ui import draw


@pytest.mark.parametrize("flags", [0, pygame.SRCALPHA])
def test_a_filled_box_is_the_rectangle_pygame_draws(flags):
    """draw.box fills an opaque box in aligned parts: the same pixels as pygame.draw.rect, clipped or not."""
    rng = random.Random(7)
    mine, theirs = pygame.Surface((400, 300), flags), pygame.Surface((400, 300), flags)
    for _ in range(1500):
        rect = pygame.Rect(rng.randint(-500, 450), rng.randint(-50, 320), rng.randint(-30, 900), rng.randint(-10, 400))
        clip = rng.choice([None, pygame.Rect(rng.randint(0, 200), rng.randint(0, 100), rng.randint(0, 300),
                                             rng.randint(0, 250))])
        colour = tuple(rng.randint(0, 255) for _ in range(rng.choice([3, 4])))
        mine.set_clip(clip)
        theirs.set_clip(clip)
        draw.box(mine, colour, rect)
        pygame.draw.rect(theirs, colour, rect)
        assert pygame.image.tobytes(mine, "RGBA") == pygame.image.tobytes(theirs, "RGBA"), (rect, clip, colour)
