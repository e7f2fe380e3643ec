"""Cell 7: an interactive retelling of *Miracle in Cell No. 7* (7번방의 선물).

Layers, from data to pixels: `game.content` (format, schema, loader), `game.runtime`
(the story state machine), `game.screens` (pygame), `game.cli` (commands). Only
`game.screens` and the commands that open a window import pygame.
"""

__version__ = "0.1.0"
