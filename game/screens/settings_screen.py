"""Settings: every option reachable by keyboard (↑ ↓ choose, ← → change), mouse, wheel and controller.

The rows are a ScrollList: at large text sizes they scroll with a scroll bar, and the last row
is shown whole or not at all.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from .. import words
from ..content import model as m
from ..settings import Settings
from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect, columns
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import ScrollList, Selection
from ..words import t

NOTES = ("ask", "play", "summary")
SIDE = 70      # left and right margins
ROW_PAD = 5    # above and below a row's text
GAP = 4
TEXT_INSET = 24
SPEEDS = (*range(15, 196, 15), 0)  # letters a second, slowest to fastest; 0 shows each line at once


@dataclass
class Row:
    """One setting on the settings screen: how it shows, how it changes and why it may be disabled."""

    key: str            # the setting's name in the words table (settings.<key>, settings.<key>_help)
    show: Callable[[Settings], str]
    change: Callable[[Settings, int], None]
    help: str = ""
    disabled: str = ""  # why the option cannot be used here

    @property
    def label(self) -> str:
        return t(f"settings.{self.key}")


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
    return lambda s: t("common.on") if getattr(s, name) else t("common.off")


def autonym(code: str) -> str:
    """A language's own name for itself ("English", "한국어"), whatever the menus' language (so a player who
    cannot read the current one still finds their own): en.yaml's `language.<code>` keys hold them."""
    return words.source().get(f"language.{code}", code)


def _partner(code: str, told: list[str]) -> str:
    """The second language of bilingual mode beside `code` (as App.gloss_language picks it)."""
    return told[0] if code != told[0] else told[1]


def _reading(languages: list[str], told: list[str]) -> tuple[list[tuple[str, bool]], Callable, Callable]:
    """The language row: each language alone, then each language the story is told in with its second one
    (bilingual mode), as (language, bilingual) pairs: "English", "한국어", "한국어 + English", "English + 한국어"."""
    both = [*told[1:], told[0]] if len(told) > 1 else []  # a translation with its source under it first
    choices = [(code, False) for code in languages] + [(code, True) for code in both]

    def show(s: Settings) -> str:
        if s.bilingual and len(told) > 1 and s.language in told:
            return f"{autonym(s.language)} + {autonym(_partner(s.language, told))}"
        return autonym(s.language)

    def change(s: Settings, direction: int) -> None:
        now = (s.language, s.bilingual and len(told) > 1 and s.language in told)
        at = choices.index(now) if now in choices else 0
        s.language, s.bilingual = choices[(at + direction) % len(choices)]
    return choices, show, change


def _voicing(told: list[str]) -> tuple[Callable, Callable]:
    """The read-aloud row: off, on in the language being read, or on in one language whatever is read."""
    values = ["off", "", *told]

    def show(s: Settings) -> str:
        if not s.self_voicing:
            return t("common.off")
        return t("settings.voice_on", language=autonym(s.voice_language)) if s.voice_language in told else \
            t("settings.voice_same")

    def change(s: Settings, direction: int) -> None:
        now = "off" if not s.self_voicing else (s.voice_language if s.voice_language in told else "")
        chosen = values[(values.index(now) + direction) % len(values)]
        s.self_voicing = chosen != "off"
        s.voice_language = "" if chosen == "off" else chosen
    return show, change


def _cycle_notes(s: Settings, direction: int) -> None:
    s.content_notes = NOTES[(NOTES.index(s.content_notes) + direction) % len(NOTES)]


def rows(voice_reason: str, story: m.Story | None = None, languages: list[str] | None = None,
         story_languages: list[str] | None = None) -> list[Row]:
    """Every setting; "Discussion prompts" and "Content notes" only when `story` has prompts / content notes.
    `languages`: those a player can choose (the first row); `story_languages`: those the story is told in
    (bilingual mode needs two)."""
    prompts = story is not None and story.has_prompts()
    notes = story is not None and story.has_content_notes()
    languages = languages or ["en"]
    told = story_languages or languages
    choices, show_reading, change_reading = _reading(languages, told)
    show_voice, change_voice = _voicing(told)
    every = [
        Row("language", show_reading, change_reading, t("settings.language_help"),
            disabled="" if len(choices) > 1 else t("settings.one_language")),
        Row("text_speed", lambda s: t("settings.instant") if not s.text_speed else
            t("settings.letters_a_second", n=s.text_speed), _speed, t("settings.text_speed_help")),
        Row("auto_delay", lambda s: t("settings.auto_delay_value", seconds=f"{s.auto_delay:.1f}"),
            _step("auto_delay", 0.2, 0.2, 10.0), t("settings.auto_delay_help")),
        Row("music_volume", lambda s: f"{round(s.music_volume * 100)}%", _step("music_volume", 0.1, 0, 1)),
        Row("sound_volume", lambda s: f"{round(s.sound_volume * 100)}%", _step("sound_volume", 0.1, 0, 1)),
        Row("ambience_volume", lambda s: f"{round(s.ambience_volume * 100)}%", _step("ambience_volume", 0.1, 0, 1),
            t("settings.ambience_volume_help")),
        Row("display", lambda s: t("settings.fullscreen") if s.fullscreen else t("settings.window"),
            _toggle("fullscreen"), t("settings.display_help")),
        Row("text_size", lambda s: f"{round(s.font_scale * 100)}%", _step("font_scale", 0.1, 1.0, 2.0),
            t("settings.text_size_help")),
        Row("high_contrast", _on_off("high_contrast"), _toggle("high_contrast"), t("settings.high_contrast_help")),
        Row("reduce_motion", _on_off("reduce_motion"), _toggle("reduce_motion"), t("settings.reduce_motion_help")),
        Row("skip_unread", _on_off("skip_unread"), _toggle("skip_unread"), t("settings.skip_unread_help")),
        Row("self_voicing", show_voice, change_voice, t("settings.self_voicing_help"), disabled=voice_reason),
        Row("prompts_in_play", _on_off("prompts_in_play"), _toggle("prompts_in_play"),
            t("settings.prompts_in_play_help")),
        Row("content_notes", lambda s: t(f"settings.notes_{s.content_notes}"), _cycle_notes,
            t("settings.content_notes_help")),
    ]
    hidden = {key for key, used in (("prompts_in_play", prompts), ("content_notes", notes)) if not used}
    return [row for row in every if row.key not in hidden]


class SettingsScreen(Screen):
    opaque = True
    toasts_in_footer = True  # not over the first rows; the help they stand in for says why a row is off

    def __init__(self, app):
        super().__init__(app)
        self.rows = self._rows()
        self.list = ScrollList(len(self.rows), self._row_height, gap=GAP, audio=app.audio)

    def _rows(self) -> list[Row]:
        return rows(self.app.voice.reason, self.app.story, self.app.languages, self.app.story_languages)

    def on_language(self) -> None:
        """The menus' language changed: every row's words again (the same rows, the same one selected)."""
        self.rows = self._rows()

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
        why = t("settings.off_because", reason=row.disabled) if row.disabled else row.help
        return f"{why}  {t('settings.hint')}"

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
            self.app.notify(t("settings.row_off", label=row.label, reason=row.disabled))
            return
        settings = self.app.settings
        before, language, bilingual = settings.fullscreen, settings.language, settings.bilingual
        row.change(settings, direction)
        if settings.fullscreen != before:
            settings.fullscreen = before
            self.app.toggle_fullscreen()
        if settings.language != language:  # the story (even mid-scene) and the menus, in the new language at once
            chosen, settings.language = settings.language, language
            self.app.set_language(chosen)
        elif settings.bilingual != bilingual:
            self.app.relabel()
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
        lay = self.draw_page(surface, t("settings.title"))
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
        if not self.toasts_showing():  # a toast takes the footer's place (toasts_in_footer)
            draw.text_block(surface, fonts, self._help(), theme.hint_size, theme.dim, lay["footer"])

    def _value(self, row: Row) -> str:
        return f"‹  {row.show(self.app.settings)}  ›"
