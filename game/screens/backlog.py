"""The backlog: what was said and chosen, still in the rollback history, newest at the bottom.

Each scene begins with a separator (its chapter and title); each choice shows the question and
the answer taken. Enter on a line or a choice returns the story to it. The entries are a
ScrollList: ↑ ↓, the wheel, a click, Home / End, with a scroll bar.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import pygame

from ..runtime import events as ev
from ..runtime.wording import speaker_name
from ..ui import draw, richtext
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH, hex_colour
from ..ui.widgets import Heights, ScrollList, Selection
from ..words import chapter_label, language, t

SIDE = 70
PAD = 10      # above and below an entry's text
GLOSS_GAP = 6  # between an entry's words and their second language
NAME_MAX = 300


@dataclass(frozen=True)
class Entry:
    """One row of the backlog: a scene separator, a line, or a choice and its answer."""

    kind: str            # "scene" | "line" | "choice"
    text: str
    name: str = ""       # the speaker (a line), the chapter (a scene)
    colour: str = ""     # the speaker's colour
    answer: str = ""     # the option taken (a choice); "" while it is still open
    at: int = -1         # the event's index in the runtime's history (-1: not a place to return to)
    gloss: str = ""      # bilingual mode: the same words in the second language ("" when off or the same)
    gloss_answer: str = ""


def entries(rt, gloss_story=None) -> list[Entry]:
    """The backlog of a runtime: separators, lines and choices (with the answers taken), oldest first.
    With `gloss_story` (the same story in a second language), each line and choice carries its words in it."""
    shown = rt.shown()
    answers = _answers(rt, shown)
    out: list[Entry] = []
    for i, e in enumerate(shown):
        if isinstance(e, ev.SceneStart):
            chapter = chapter_label(e.chapter) + (f" · {e.chapter_title}" if e.chapter_title else "")
            out.append(Entry("scene", e.title, name=chapter))
        elif isinstance(e, ev.LineEvent):
            other = _told(rt, gloss_story, i, e)
            out.append(Entry("line", e.text, name=speaker_name(e), colour=e.colour, at=i,
                             gloss=other.text if other is not None and other.text != e.text else ""))
        elif isinstance(e, ev.ChoiceEvent):
            other, answer = _told(rt, gloss_story, i, e), answers.get(i, "")
            gloss_answer = ""
            if other is not None and answer:
                index = next((k for k, text in e.options if text == answer), None)
                gloss_answer = dict(other.options).get(index, "")
            out.append(Entry("choice", e.prompt, name=e.name or t("backlog.choice"), colour=e.colour,
                             answer=answer, at=i, gloss=other.prompt if other is not None and other.prompt != e.prompt
                             else "", gloss_answer=gloss_answer if gloss_answer != answer else ""))
    return out


# (story, history index, event) -> the event as that story tells it, per runtime: a long backlog opened again
# does not tell its thousand lines over (each is a small replay of the story)
_TOLD: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _told(rt, story, i: int, e: ev.Event):
    """The event at `i` of the history as `story` tells it (None without a second language)."""
    if story is None or story is rt.story:
        return None
    known = _TOLD.setdefault(rt, {})
    key = (id(story), i, id(e))  # (events hold sprite dicts, so they are known by identity; each is kept below)
    seen = known.get(key)
    if seen is None or seen[0] is not e or seen[1] is not story:
        try:
            other = rt.told_in(story, i)
        except Exception:  # a story of another shape (an edit reloaded in one language only): no gloss
            other = None
        if len(known) > 4000:
            known.clear()
        seen = known[key] = (e, story, other if type(other) is type(e) else None)
    return seen[2]


def _answers(rt, shown: list) -> dict[int, str]:
    """history index of a choice -> the text of the option taken, paired from the newest backwards
    with the choices recorded in the state's path."""
    path = [step for step in getattr(rt.state, "path", []) if isinstance(step, dict) and not step.get("auto")]
    out: dict[int, str] = {}
    j = len(path) - 1
    for i in range(len(shown) - 1, -1, -1):
        e = shown[i]
        if not isinstance(e, ev.ChoiceEvent) or (e is rt.current and i == len(shown) - 1):
            continue
        while j >= 0 and path[j].get("choice") != e.key:
            j -= 1
        if j < 0:
            break
        out[i] = dict(e.options).get(path[j].get("index"), "")
        j -= 1
    return out


class BacklogScreen(Screen):
    covers_canvas = True  # draw_page paints the backdrop over all of it

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.entries = entries(play.rt, app.gloss_story())
        self._name_w: tuple[tuple, int] = ((), 0)
        self._heights = Heights(self._measure)
        self.list = ScrollList(len(self.entries), self._height, enabled=self._reachable, wrap=False)
        self.list.index = max((i for i, e in enumerate(self.entries) if e.at >= 0), default=0)

    def _reachable(self, i: int) -> bool:
        """An entry can be selected (and gone back to) when it is a shown event, not a heading."""
        return self.entries[i].at >= 0

    def on_language(self) -> None:
        """The language (or bilingual mode) changed: the same entries in the new words, the same one selected."""
        self.entries = entries(self.play.rt, self.app.gloss_story())
        self._name_w = ((), 0)

    @property
    def lines(self) -> list[tuple[int, ev.LineEvent]]:
        """(history index, line) of every line in the backlog."""
        shown = self.play.rt.shown()
        return [(e.at, shown[e.at]) for e in self.entries if e.kind == "line"]

    index = Selection("list")

    # --- layout ---------------------------------------------------------------------------------

    def _name_width(self) -> int:
        """The name column: as wide as the longest name (worked out once per font book and theme)."""
        fonts, theme = self.app.fonts, self.app.theme
        key = (id(fonts), fonts.scale, theme.name_size)
        if self._name_w[0] != key:
            names = {e.name or "—" for e in self.entries if e.kind != "scene"}
            self._name_w = (key, min(max((fonts.width(n, theme.name_size, True) for n in names), default=0) + 40,
                                     round(NAME_MAX * max(1.0, fonts.scale))))
        return self._name_w[1]

    def _text(self, e: Entry) -> str:
        if e.kind == "choice":
            return f"{e.text}\n→ {e.answer}" if e.answer else f"{e.text}\n{t('backlog.not_answered')}"
        return e.text

    def _gloss(self, e: Entry) -> str:
        """The second language under an entry (bilingual mode)."""
        if e.kind == "choice" and e.gloss_answer:
            return f"{e.gloss}\n→ {e.gloss_answer}" if e.gloss else f"→ {e.gloss_answer}"
        return e.gloss

    def _stacked(self, width: int) -> bool:
        """Large text: the name goes above the words instead of in a column beside them."""
        return self._name_width() > width * 0.3

    def _boxes(self, e: Entry, rect: Rect) -> tuple[Rect, Rect]:
        """Where an entry's name and words go (their tops and widths) inside its row."""
        name_w = self._name_width()
        if self._stacked(rect.width):
            name_h = self.app.fonts.line_height(self.app.theme.name_size)
            return (Rect(rect.left + 24, rect.top + PAD, rect.width - 48, name_h),
                    Rect(rect.left + 24, rect.top + PAD + name_h, rect.width - 48, 0))
        return (Rect(rect.left + 24, rect.top + PAD, name_w - 30, 0),
                Rect(rect.left + 24 + name_w, rect.top + PAD, rect.width - 48 - name_w, 0))

    def _height(self, i: int, width: int) -> int:
        """An entry's height, measured once per width, text size, theme and language."""
        return self._heights.get((self.app.fonts, self.app.theme, self.entries, language()), i, width)

    def _measure(self, i: int, width: int) -> int:
        fonts, theme = self.app.fonts, self.app.theme
        e = self.entries[i]
        if e.kind == "scene":
            return draw.block_height(fonts, self._separator(e), theme.small_size, width - 48, bold=True) + 2 * PAD + 8
        name, body = self._boxes(e, Rect(0, 0, width, 0))
        words = richtext.height(fonts, self._text(e), theme.body_size, body.width)  # lines may hold markup
        gloss = self._gloss(e)
        if gloss:
            words += GLOSS_GAP + richtext.height(fonts, gloss, theme.small_size, body.width)
        if self._stacked(width):
            return name.height + words + 2 * PAD
        return max(words, draw.block_height(fonts, e.name or "—", theme.name_size, name.width, bold=True)) + 2 * PAD

    @staticmethod
    def _separator(e: Entry) -> str:
        return f"{e.name}  ·  {e.text}"

    def _hint(self) -> str:
        return t("backlog.hint")

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        title_w, title_h = fonts.width(t("backlog.title"), theme.big_size, True), fonts.line_height(theme.big_size)
        hint_w, hint_h = fonts.width(self._hint(), theme.hint_size), fonts.line_height(theme.hint_size)
        beside = SIDE + title_w + 40 + hint_w <= WIDTH - SIDE
        header = lay.add("header", Rect(SIDE, 24, WIDTH - 2 * SIDE, title_h if beside else title_h + hint_h))
        lay.add("header/title", Rect(SIDE, 24, title_w, title_h), theme.big_size)
        hint = Rect(WIDTH - SIDE - hint_w, header.bottom - hint_h - 6, hint_w, hint_h) if beside else \
            Rect(SIDE, header.top + title_h, min(hint_w, WIDTH - 2 * SIDE), hint_h)
        lay.add("header/hint", hint, theme.hint_size)
        area = lay.add("list", Rect(SIDE, header.bottom + 16, WIDTH - 2 * SIDE, HEIGHT - header.bottom - 16 - 24),
                       theme.body_size)
        shown = self.list.layout(area)
        self.list.first = shown.first
        shown.into(lay, "list")
        return lay

    # --- input ----------------------------------------------------------------------------------

    def on_action(self, action: Action) -> None:
        name = action.name
        area = self.layout()["list"]
        if name in (Act.CANCEL, Act.BACKLOG, Act.MENU):
            self.app.pop()
        elif name in (Act.ROLLBACK, Act.ROLLFORWARD):
            self.list.on_action(Action(Act.UP if name == Act.ROLLBACK else Act.DOWN), area)
        elif name == Act.WHEEL_DOWN and self.list.layout(area).visible[-1:] == [len(self.entries) - 1]:
            self.app.pop()  # the wheel past the newest line goes back to the game
        elif name == Act.CLICK and action.pos:
            hit = self.list.layout(area).hit(action.pos)
            if hit is not None and hit == self.list.index:
                self.return_to(hit)
            elif hit is not None and self.entries[hit].at >= 0:
                self.list.index = hit
            else:
                self.list.on_action(action, area)
        else:
            used = self.list.on_action(action, area)
            if used and used.chosen is not None:
                self.return_to(used.chosen)

    def return_to(self, k: int) -> None:
        """Roll the story back to this entry and close the backlog."""
        at = self.entries[k].at
        if at < 0:
            return
        self.app.pop()
        self.play.show_whole(self.play.rt.return_to(at) or self.play.event)

    # --- drawing --------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.draw_page(surface, t("backlog.title"), "header/title")
        draw.text(surface, fonts, self._hint(), theme.hint_size, theme.dim, lay["header/hint"].topleft)
        if not self.entries:
            draw.text_block(surface, fonts, t("backlog.empty"), theme.body_size, theme.dim,
                            Rect(lay["list"].left, lay["list"].top + 20, lay["list"].width, 0))
            return
        shown = self.list.layout(lay["list"])
        for i, rect in shown.rows.items():
            self._draw_entry(surface, self.entries[i], rect, i == self.list.index)
        ScrollList.draw_bar(surface, shown, theme)

    def _draw_entry(self, surface: pygame.Surface, e: Entry, rect: Rect, selected: bool) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        if e.kind == "scene":
            label = self._separator(e)
            inner = rect.inflate(-48, -2 * PAD)
            if fonts.width(label, theme.small_size, True) <= inner.width:
                mid = rect.centery
                text = draw.text(surface, fonts, label, theme.small_size, theme.accent, (rect.centerx, mid),
                                 anchor="center", bold=True)
                draw.line(surface, theme.grid, (inner.left, mid), (text.left - 16, mid), 2)
                draw.line(surface, theme.grid, (text.right + 16, mid), (inner.right, mid), 2)
            else:
                draw.text_block(surface, fonts, label, theme.small_size, theme.accent, inner, bold=True,
                                align="center")
            return
        if selected:
            draw.panel(surface, rect, theme, alpha=200, edge=theme.accent, radius=8)
        name_colour = hex_colour(e.colour) if e.colour else theme.dim
        name, body = self._boxes(e, rect)
        draw.text_block(surface, fonts, e.name or "—", theme.name_size, name_colour, name, bold=True)
        if e.kind == "choice":
            y = richtext.block(surface, fonts, e.text, theme.body_size, theme.dim, body)
            answer = f"→ {e.answer}" if e.answer else t("backlog.not_answered")
            y = richtext.block(surface, fonts, answer, theme.body_size, theme.accent, Rect(body.left, y, body.width, 0))
        else:
            y = richtext.block(surface, fonts, e.text, theme.body_size, theme.text, body)
        gloss = self._gloss(e)
        if gloss:
            richtext.block(surface, fonts, gloss, theme.small_size, theme.dim,
                           Rect(body.left, y + GLOSS_GAP, body.width, 0))
