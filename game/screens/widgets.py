"""Moved to game/ui/ (draw.py: panel, shade, text_block, block_height; widgets.py: lists and menus).
This name stays for code not yet moved."""
from ..ui.draw import block_height, panel, shade, text_block  # noqa: F401
from ..ui.widgets import Item, MenuList, ScrollList, Table, Used, fitting, hit_index  # noqa: F401
