"""Settings: every option reachable by keyboard (↑ ↓ choose, ← → change), mouse, wheel and controller.

The rows are a ScrollList: at large text sizes they scroll with a scroll bar, and the last row
is shown whole or not at all.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ..content import model as m
from ..settings import Settings
from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect, columns
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import ScrollList, Selection

NOTES = ("ask", "play", "summary")
SIDE = 70      # left and right margins
ROW_PAD = 6    # above and below a row's text
GAP = 5
TEXT_INSET = 24
NOTE_LABELS = {"ask": "ask before each scene", "play": "always play the scene", "summary": "always show summaries"}
SPEEDS = (*range(15, 196, 15), 0)  # letters a second, slowest to fastest; 0 shows each line at once


@dataclass
class Row:
    label: str
    show: Callable[[Settings], str]
    change: Callable[[Settings, int], None]
    help: str = ""
    disabled: str = ""  # why the option cannot be used here


def _step(name: str, step: float, lo: float, hi: float) -> Callable[[Settings, int], None]:
    def change(s: Settings, direction: int) -> None:
        value = round(getattr(s, name) + direction * step, 2)
        setattr(s, name, type(getattr(s, name))(min(hi, max(lo, value))))
    return change


def _speed(s: Settings, direction: int) -> None:
    """Text speed steps 15 letters a second; one step past the fastest shows lines at once."""
    at = SPEEDS.index(s.text_speed) if s.text_speed in SPEEDS else min(
        range(len(SPEEDS) - 1), key=lambda i: abs(SPEEDS[i] - s.text_speed))
    s.text_speed = SPEEDS[max(0, min(len(SPEEDS) - 1, at + direction))]


def _toggle(name: str) -> Callable[[Settings, int], None]:
    return lambda s, _direction: setattr(s, name, not getattr(s, name))


def _on_off(name: str) -> Callable[[Settings], str]:
    return lambda s: "On" if getattr(s, name) else "Off"


def _cycle_notes(s: Settings, direction: int) -> None:
    s.content_notes = NOTES[(NOTES.index(s.content_notes) + direction) % len(NOTES)]


def rows(voice_reason: str, story: m.Story | None = None) -> list[Row]:
    """Every setting; "Discussion prompts" and "Content notes" only when `story` has prompts / content notes."""
    prompts = story is not None and story.has_prompts()
    notes = story is not None and story.has_content_notes()
    every = [
        Row("Text speed", lambda s: "instant" if not s.text_speed else f"{s.text_speed} letters a second", _speed,
            "How fast lines are typed out; past the fastest, lines appear at once."),
        Row("Auto-advance delay", lambda s: f"{s.auto_delay:.1f} s + a little per letter",
            _step("auto_delay", 0.2, 0.2, 10.0), "Time to read before auto mode moves on."),
        Row("Music volume", lambda s: f"{round(s.music_volume * 100)}%", _step("music_volume", 0.1, 0, 1)),
        Row("Sound volume", lambda s: f"{round(s.sound_volume * 100)}%", _step("sound_volume", 0.1, 0, 1)),
        Row("Ambience volume", lambda s: f"{round(s.ambience_volume * 100)}%", _step("ambience_volume", 0.1, 0, 1),
            "The background sounds of each place. 0% turns them off."),
        Row("Display", lambda s: "Fullscreen" if s.fullscreen else "Window", _toggle("fullscreen"),
            "F11 or Alt+Enter also switch."),
        Row("Text size", lambda s: f"{round(s.font_scale * 100)}%", _step("font_scale", 0.1, 1.0, 2.0),
            "Bigger letters everywhere; the layout makes room."),
        Row("High contrast", _on_off("high_contrast"), _toggle("high_contrast"), "White on black, strong edges."),
        Row("Reduce motion", _on_off("reduce_motion"), _toggle("reduce_motion"), "No fades or moving effects."),
        Row("Skip unread lines too", _on_off("skip_unread"), _toggle("skip_unread"),
            "On: skipping also passes lines you have not read yet. Off: it stops at them."),
        Row("Read lines aloud", _on_off("self_voicing"), _toggle("self_voicing"),
            "Uses the computer's speech engine.", disabled=voice_reason),
        Row("Discussion prompts", _on_off("prompts_in_play"), _toggle("prompts_in_play"),
            "Show the classroom discussion questions while playing."),
        Row("Content notes", lambda s: NOTE_LABELS[s.content_notes], _cycle_notes,
            "Before scenes with difficult content."),
    ]
    hidden = {label for label, used in (("Discussion prompts", prompts), ("Content notes", notes)) if not used}
    return [row for row in every if row.label not in hidden]


class SettingsScreen(Screen):
    opaque = True

    def __init__(self, app):
        super().__init__(app)
        self.rows = rows(app.voice.reason, app.story)
        self.list = ScrollList(len(self.rows), self._row_height, gap=GAP, audio=app.audio)

    index = Selection("list")

    @property
    def rects(self) -> list[Rect]:
        """Each row's rectangle this frame (an empty one for rows scrolled out of view)."""
        shown = self.list.layout(self.layout()["list"]).rows
        return [shown.get(i, Rect(0, 0, 0, 0)) for i in range(len(self.rows))]

    def _columns(self, width: int) -> tuple[int, int]:
        label, value = columns(Rect(0, 0, width - 2 * TEXT_INSET, 1), (0.45, 0.55), gap=40)
        return label.width, value.width

    def _row_height(self, i: int, width: int) -> int:
        fonts, size = self.app.fonts, self.app.theme.small_size
        label_w, value_w = self._columns(width)
        row = self.rows[i]
        return max(draw.block_height(fonts, row.label, size, label_w, bold=True),
                   draw.block_height(fonts, self._value(row), size, value_w)) + 2 * ROW_PAD

    def _help(self) -> str:
        row = self.rows[self.index]
        return f"{f'Off: {row.disabled}.' if row.disabled else row.help}  ← → change · Esc saves and goes back"

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        header = lay.add("header", Rect(SIDE, 20, WIDTH - 2 * SIDE, fonts.line_height(theme.big_size)), theme.big_size)
        help_h = draw.block_height(fonts, self._help(), theme.hint_size, WIDTH - 2 * SIDE)
        footer = lay.add("footer", Rect(SIDE, HEIGHT - help_h - 14, WIDTH - 2 * SIDE, help_h), theme.hint_size)
        area = lay.add("list", Rect(SIDE, header.bottom + 12, WIDTH - 2 * SIDE, footer.top - 12 - header.bottom - 12),
                       theme.small_size)
        self.list.layout(area).into(lay, "list")
        return lay

    def change(self, direction: int) -> None:
        row = self.rows[self.index]
        if row.disabled:
            self.app.notify(f"{row.label} is off: {row.disabled}.")
            return
        before = self.app.settings.fullscreen
        row.change(self.app.settings, direction)
        if self.app.settings.fullscreen != before:
            self.app.settings.fullscreen = before
            self.app.toggle_fullscreen()
        self.app.apply_settings()
        self.app.audio.music_volume = self.app.settings.music_volume
        self.app.audio.sound_volume = self.app.settings.sound_volume
        self.app.audio.ambience_volume = self.app.settings.ambience_volume
        self.app.audio.set_muted(self.app.audio.muted)

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in (Act.CANCEL, Act.MENU):
            self.app.profile.save_settings()
            self.app.pop()
        elif name in (Act.LEFT, Act.RIGHT):
            self.change(-1 if name == Act.LEFT else 1)
        elif name == Act.CONFIRM:
            self.change(1)
        elif name == Act.CLICK and action.pos:
            lay = self.list.layout(self.layout()["list"])
            hit = lay.hit(action.pos)
            if hit is not None:
                self.index = hit
                self.change(-1 if action.pos[0] < lay.rows[hit].centerx else 1)
            else:
                self.list.on_action(action, lay.area)  # the scroll track
        else:
            self.list.on_action(action, self.layout()["list"])

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.draw_page(surface, "Settings")
        shown = self.list.layout(lay["list"])
        for i, rect in shown.rows.items():
            row, selected = self.rows[i], i == self.index
            draw.panel(surface, rect, theme, alpha=230 if selected else 150, edge=theme.accent if selected else None,
                       radius=8)
            colour = theme.dim if row.disabled else (theme.accent if selected else theme.text)
            label_w, value_w = self._columns(rect.width)
            x = rect.left + TEXT_INSET
            draw.text_block(surface, fonts, row.label, theme.small_size, colour,
                            Rect(x, rect.top + ROW_PAD, label_w, 0), bold=True)
            draw.text_block(surface, fonts, self._value(row), theme.small_size, colour,
                            Rect(rect.right - TEXT_INSET - value_w, rect.top + ROW_PAD, value_w, 0))
        ScrollList.draw_bar(surface, shown, theme)
        draw.text_block(surface, fonts, self._help(), theme.hint_size, theme.dim, lay["footer"])

    def _value(self, row: Row) -> str:
        return f"‹  {row.show(self.app.settings)}  ›"
