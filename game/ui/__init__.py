"""The UI kit: everything screens need to look the same and fit at every text size and theme.

Layers: content < runtime/timeline/classroom < library < **ui** < screens < cli. The kit imports
nothing above it (never `game.screens`), and it is the only place that calls pygame's drawing,
font and image functions on behalf of screens.

Modules
-------
theme     `Theme`: colour roles (text, dim, accent, on_accent, panel, panel_edge, highlight, backdrop,
          danger, fact, evidence, differ, prompt, success, grid, veil) and text sizes (hint, small,
          name, body, card, big, title, huge) that DEFAULT, HIGH_CONTRAST and PROJECTOR all define.
          `theme.size("hint")`, `theme.clamp(size)` (never below hint), `theme_for(high_contrast, classroom)`.
fonts     `FontBook`: shipped fonts with Hangul and a Latin fallback, wrapping, cached line images.
draw      The drawing backend, a handful of functions (see "Backend" below).
layout    `Layout`: a frame's named rectangles (+ the text size each uses); `problems()` checks them.
          Helpers `stack`, `columns`, `below`, `inset`.
widgets   `ScrollList` (selection, scroll, wheel, click, digits for the visible rows, a scroll bar,
          whole rows only), `MenuList` (buttons on a ScrollList; `Item(label, fn, markup=True)` for
          story markup), `Grid` (cells in columns, rows scroll), `Table` (header + rows), `Selection`
          (`index = Selection("list")`: a screen's index is its widget's), `Used`, `hit_index`,
          `fitting` (for cards that must stay whole).
richtext  Story text with markup ({b}, {i}, {color}): `lines`, `height`, `block(..., limit=)` (typing out),
          `item` and `item_height` (a list item: a bullet and a hanging indent).
input     `Act` (the enum of action names), `Action` (one input: an Act, a position, a number),
          `InputMapper` (keyboard, mouse and controller events -> Actions).
screen    `Screen`: `layout()`, `on_action()`, `update()`, `draw()`, `on_enter()`, `header_bottom()`,
          `toast_place()` (a free place, or the boxes and words toasts go around), `open(route, **options)`,
          `draw_page(surface, title)` (backdrop + title from the layout).
nav       `Navigator`: screens open each other by name (routes in game/screens/routes.py).
toast     `Toasts`: short messages that hide no words of the top screen (`place_among`), dropped when the
          screen changes.
dialog    `ConfirmDialog(app, question, on_yes, yes="Yes", no="No")`: a modal yes/no (No is the default).
png       `png_bytes(surface)`: a PNG in memory (save thumbnails).

Backend (game/ui/draw.py)
-------------------------
    box(surface, colour, rect, width=0, radius=0, alpha=255)      rectangle, filled or outlined
    panel(surface, rect, theme, alpha=None, edge=None, radius=14, fill=None)   a themed box
    line / lines / polygon / circle / arc                          strokes and shapes
    image(surface, picture, where, alpha=None) / scaled(picture, size) / load_image(path) -> Surface|None
    text(surface, fonts, words, size, colour, where, anchor="topleft", bold=False, italic=False) -> Rect
    text_block(surface, fonts, words, size, colour, rect, bold, align, spacing) -> y below
    block_height(fonts, words, size, width, bold, spacing)        what text_block will use
    richtext.block(surface, fonts, text, size, colour, rect, limit=) story text with markup spans
    shade(surface, alpha, colour=black)                            a cached veil blitted with alpha
    clip(surface, rect)                                             a context manager
A browser edition would reimplement these over a canvas; nothing else in the kit or in
screens draws directly.

Writing a screen
----------------
    class MyScreen(Screen):
        def layout(self) -> Layout:              # pure: state + app.fonts + app.theme -> rectangles
            lay = Layout(); lay.add("header", ...); self.list.layout(area).into(lay, "list"); return lay
        def on_action(self, action):             # hit-test a fresh layout, never last frame's
            if self.list.on_action(action, self.layout()["list"]): ...
        def draw(self, surface):
            lay = self.layout(); ...paint from lay with draw.* and theme roles...
"""
from .input import Act, Action
from .layout import Layout
from .screen import Screen
from .theme import DEFAULT, HEIGHT, HIGH_CONTRAST, PROJECTOR, THEMES, WIDTH, Theme, theme_for

__all__ = ["Act", "Action", "DEFAULT", "HEIGHT", "HIGH_CONTRAST", "Layout", "PROJECTOR", "Screen", "THEMES",
           "Theme", "WIDTH", "theme_for"]
