"""Settings: every option reachable by keyboard (↑ ↓ choose, ← → change), mouse and controller."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from ..settings import Settings
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import block_height, hit_index, panel, text_block

NOTES = ("ask", "play", "summary")
GAP = 5
NOTE_LABELS = {"ask": "ask before each scene", "play": "always play the scene", "summary": "always show summaries"}


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


def _toggle(name: str) -> Callable[[Settings, int], None]:
    return lambda s, _direction: setattr(s, name, not getattr(s, name))


def _on_off(name: str) -> Callable[[Settings], str]:
    return lambda s: "On" if getattr(s, name) else "Off"


def _cycle_notes(s: Settings, direction: int) -> None:
    s.content_notes = NOTES[(NOTES.index(s.content_notes) + direction) % len(NOTES)]


def rows(voice_reason: str) -> list[Row]:
    return [
        Row("Text speed", lambda s: "instant" if not s.text_speed else f"{s.text_speed} letters a second",
            _step("text_speed", 15, 0, 195), "How fast lines are typed out."),
        Row("Auto-advance delay", lambda s: f"{s.auto_delay:.1f} s + a little per letter",
            _step("auto_delay", 0.2, 0.2, 10.0), "Time to read before auto mode moves on."),
        Row("Music volume", lambda s: f"{round(s.music_volume * 100)}%", _step("music_volume", 0.1, 0, 1)),
        Row("Sound volume", lambda s: f"{round(s.sound_volume * 100)}%", _step("sound_volume", 0.1, 0, 1)),
        Row("Ambience volume", lambda s: f"{round(s.ambience_volume * 100)}%", _step("ambience_volume", 0.1, 0, 1),
            "The sounds of each place: wind, the prison hall, a courtroom's hush. 0% turns them off."),
        Row("Display", lambda s: "Fullscreen" if s.fullscreen else "Window", _toggle("fullscreen"),
            "F11 or Alt+Enter also switch."),
        Row("Text size", lambda s: f"{round(s.font_scale * 100)}%", _step("font_scale", 0.1, 1.0, 2.0),
            "Bigger letters everywhere; the layout makes room."),
        Row("High contrast", _on_off("high_contrast"), _toggle("high_contrast"), "White on black, strong edges."),
        Row("Reduce motion", _on_off("reduce_motion"), _toggle("reduce_motion"), "No fades or moving effects."),
        Row("Skip unread lines too", _on_off("skip_unread"), _toggle("skip_unread"),
            "Off: skipping stops at lines you have not read."),
        Row("Read lines aloud", _on_off("self_voicing"), _toggle("self_voicing"),
            "Uses the computer's speech engine.", disabled=voice_reason),
        Row("Discussion prompts", _on_off("prompts_in_play"), _toggle("prompts_in_play"),
            "Show the classroom discussion questions while playing."),
        Row("Content notes", lambda s: NOTE_LABELS[s.content_notes], _cycle_notes,
            "Before scenes with difficult content."),
    ]


class SettingsScreen(Screen):
    opaque = True

    def __init__(self, app):
        super().__init__(app)
        self.rows = rows(app.voice.reason)
        self.index = 0
        self.rects: list[pygame.Rect] = []

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
        if name in ("cancel", "menu"):
            self.app.profile.save_settings()
            self.app.pop()
        elif name == "up":
            self.index = (self.index - 1) % len(self.rows)
        elif name == "down":
            self.index = (self.index + 1) % len(self.rows)
        elif name in ("left", "wheel_down"):
            self.change(-1)
        elif name in ("right", "confirm", "wheel_up"):
            self.change(1)
        elif name == "click" and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                self.index = hit
                self.change(-1 if action.pos[0] < self.rects[hit].centerx else 1)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.fill(theme.backdrop)
        surface.blit(fonts.render("Settings", theme.title_size - 20, theme.text, bold=True), (70, 20))
        size = theme.body_size - 6
        label_w = 470
        value_w = WIDTH - 140 - label_w - 60
        heights = [max(block_height(fonts, r.label, size, label_w),
                       block_height(fonts, self._value(r), size, value_w)) + 10 for r in self.rows]
        row = self.rows[self.index]
        help_text = f"{f'Off: {row.disabled}.' if row.disabled else row.help}  ← → change · Esc saves and goes back"
        top = 20 + fonts.line_height(theme.title_size - 20) + 12
        bottom = HEIGHT - block_height(fonts, help_text, theme.small_size, WIDTH - 140) - 24
        first = 0
        while sum(heights[first: self.index + 1]) + GAP * (self.index - first) > bottom - top:
            first += 1
        y = top
        self.rects = [pygame.Rect(0, 0, 0, 0)] * len(self.rows)
        for i in range(first, len(self.rows)):
            if y + heights[i] > bottom:
                break
            rect = pygame.Rect(70, y, WIDTH - 140, heights[i])
            self.rects[i] = rect
            row, selected = self.rows[i], i == self.index
            panel(surface, rect, theme, alpha=230 if selected else 150, edge=theme.accent if selected else None,
                  radius=8)
            colour = theme.muted if row.disabled else (theme.accent if selected else theme.text)
            text_block(surface, fonts, row.label, size, colour, pygame.Rect(rect.left + 24, rect.top + 5, label_w, 0),
                       bold=selected)
            value = self._value(row)
            text_block(surface, fonts, value, size, colour,
                       pygame.Rect(rect.left + label_w + 60, rect.top + 5, value_w, 0))
            y += heights[i] + GAP
        text_block(surface, fonts, help_text, theme.small_size, theme.muted,
                   pygame.Rect(70, bottom + 12, WIDTH - 140, 0))

    def _value(self, row: Row) -> str:
        return f"‹  {row.show(self.app.settings)}  ›"
