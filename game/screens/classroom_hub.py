"""The classroom hub: the teacher's menu for a session (presenter view, quiz, film and reality,
exports, handout). `python main.py --classroom` opens it (wired by the title screen / CLI).

One hub is one session: it owns the session log, keeps the presenter view to resume it, and
writes every export into one folder (by default <profile folder>/classroom/<start time>/).
"Start the story again" replaces the presenter view only once the new one has started: backing
out of its content-note plan keeps "Resume" and the class's place. The entries are a kit
`ScrollList`: in one column while they fit; when the text is large, in the kit's two columns across the
screen (game/ui/columns.py, as the title's buttons), every entry on screen; and only when even those do not
fit, one column again, scrolling with an indicator.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

import pygame

from ..classroom import export
from ..classroom.quiz import Quiz
from ..classroom.session import SessionLog, format_clock
from ..ui import columns as two_columns
from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout
from ..ui.screen import Screen
from ..ui.theme import WIDTH
from ..ui.widgets import ListLayout, ScrollList
from ..words import t
from .classroom_ui import MARGIN, backdrop, draw_footer, draw_heading, footer_layout, heading_layout, steps, use_list


def hints(columns: int = 1) -> tuple[str, ...]:
    """The footer's keys, longest first (the first that fits is shown); left and right too in two columns."""
    key = "hub.hint_columns" if columns == 2 else "hub.hint"
    return t(key + "_long"), t(key), t(key + "_short")

ROW_PAD, ROW_GAP = 14, 8  # in one column (two columns sit closer: game/ui/columns.py)
INSET = 24   # text inside an entry's box, left and right


class ClassroomHub(Screen):
    def __init__(self, app, export_dir: Path | None = None):
        super().__init__(app)
        self.export_dir = Path(export_dir) if export_dir else None
        self.log = SessionLog(clock=lambda: app.time)
        self.play = None  # the presenter view, kept so the story can be resumed where it was left
        self.quiz = app.library.quiz or Quiz()  # the quiz of the story being played (checked when it loaded)
        self.list = ScrollList(len(self.entries()), self._measure, gap=ROW_GAP, audio=app.audio)
        self.columns = 1       # 2: the entries in two columns (large text), worked out by `layout`
        self.size = self._label_size()  # the entries' type, worked out by `layout`
        self.pad = ROW_PAD

    # --- entries -----------------------------------------------------------------------------------

    def entries(self) -> list[tuple[str, Callable[[], object]]]:
        story = [(t("hub.resume"), self.open_story),
                 (t("hub.restart"), self.restart_story)] if self.play is not None \
            else [(t("hub.start"), self.open_story)]
        quiz = [(t("hub.quiz"), self.open_quiz)] if self.has_quiz() else []
        reality = [(t("hub.reality"), self.open_reality)] if self.has_reality() else []
        export_label = t("hub.export_quiz") if quiz else t("hub.export")
        return [*story, *quiz, *reality, (export_label, self.export_session),
                (t("hub.handout_key") if quiz else t("hub.handout"), self.write_handout),
                (t("common.back"), self.app.pop)]

    def has_quiz(self) -> bool:
        """Only a story with quiz questions of its own offers the quiz (another story never shows Cell 7's)."""
        return self.app.library.quiz is not None and bool(self.quiz.questions)

    def has_reality(self) -> bool:
        reality = self.app.library.reality
        return reality is not None and bool(reality.comparisons or reality.differ)

    @property
    def labels(self) -> list[str]:
        return [label for label, _ in self.entries()]

    def open_story(self) -> None:
        if self.play is not None:
            self.app.push(self.play)
        else:
            self.open("classroom_notes", log=self.log, on_start=self._started)

    def restart_story(self) -> None:
        """A new content-note plan, then the story from its start; the session so far is kept until then."""
        self.open("classroom_notes", log=self.log, on_start=self._started)

    def _started(self, play) -> None:
        self.play = play

    def chapter(self) -> int | None:
        return self.play.overlay.chapter() if self.play is not None else None

    def open_quiz(self) -> None:
        self.open("classroom_quiz", quiz=self.quiz, log=self.log, chapter=self.chapter())

    def open_reality(self) -> None:
        if not self.has_reality():
            self.app.notify(t("hub.no_reality"))
            return
        self.open("classroom_reality")

    def folder(self) -> Path:
        return self.export_dir or export.default_folder(self.app.profile.folder, self.log.started)

    def export_session(self) -> list[Path]:
        folder = self.folder()
        try:
            written = export.export_session(self.log, folder, self.app.story.title)
        except OSError as exc:
            self.app.notify(t("hub.export_failed", folder=folder, error=exc), 8)
            return []
        self.app.notify(t("hub.wrote", files=", ".join(p.name for p in written), folder=folder), 8)
        return written

    def write_handout(self) -> list[Path]:
        folder = self.folder()
        try:
            written = export.write_handout(export.handout_data(self.app.story, self.app.library.quiz or self.quiz,
                                                                 self.app.library.language),
                                           folder)
        except OSError as exc:
            self.app.notify(t("hub.handout_failed", folder=folder, error=exc), 8)
            return []
        self.app.notify(t("hub.wrote", files=", ".join(p.name for p in written), folder=folder), 8)
        return written

    # --- layout ------------------------------------------------------------------------------------

    def texts(self) -> tuple[str, str, list[str]]:
        story = self.app.story
        n = len(self.quiz.questions)
        title = f"{story.title} — {story.korean_title}" if getattr(story, "korean_title", "") else story.title
        tag, folder = t("hub.tag", clock=format_clock(self.log.elapsed())), str(self.folder())
        if not self.has_quiz():
            return tag, title, [t("hub.exports_to", folder=folder), ""]
        return tag, title, [t("hub.questions_exports_to", count=n, folder=folder), t("hub.questions", count=n)]

    def subtitle(self, width: int) -> list[str]:
        """The first subtitle that keeps to two lines (the export folder is left out when it does not)."""
        fonts, hint = self.app.fonts, self.app.theme.size("hint")
        subtitles = self.texts()[2]
        return next((fonts.wrap(s, hint, width) for s in subtitles if len(fonts.wrap(s, hint, width)) <= 2),
                    fonts.wrap(subtitles[-1], hint, width)[:2])

    def _label_size(self) -> int:
        """The entries' type: the largest at which every entry keeps to one line (else the hint size)."""
        fonts, theme = self.app.fonts, self.app.theme
        width = self._list_width() - 2 * INSET - 18
        labels = self.labels
        fit = [s for s in steps(theme, "body", "hint") if all(fonts.width(label, s) <= width for label in labels)]
        return next(iter(fit), theme.size("hint"))

    def _list_width(self) -> int:
        fonts, body = self.app.fonts, self.app.theme.size("body")
        widest = max(fonts.width(label, body) for label in self.labels) + 2 * INSET + 18
        return min(WIDTH - 2 * MARGIN, max(900, widest))

    def _measure(self, i: int, width: int) -> int:
        """Measured bold (the selected entry is drawn bold), so a label that fits never wraps when selected."""
        return draw.block_height(self.app.fonts, self.labels[i], self.size, width - 2 * INSET, bold=True) + self.pad

    def _arrange(self, subtitle: pygame.Rect, bottom: int) -> tuple[pygame.Rect, pygame.Rect]:
        """The subtitle's area and the entries' (down to `bottom`), with the entries' type and columns: one
        column in the largest type that keeps every label to one line, when all of it fits; else two columns
        across the screen in the largest type at which they fit, under the subtitle or, when even the smallest
        does not, in its place (every entry on screen matters more than the question count or the export
        folder); else one column that scrolls."""
        self._set_columns(1, self._label_size())
        list_w, top = self._list_width(), subtitle.bottom + 14
        one = pygame.Rect((WIDTH - list_w) // 2, top, list_w, bottom - top)
        if self.list.layout(one).bar is None:
            return subtitle, one
        two = self._two_columns(top, bottom)
        if two is not None:
            return subtitle, two
        two = self._two_columns(subtitle.top, bottom)
        if two is not None:
            return pygame.Rect(subtitle.topleft, (subtitle.width, 0)), two
        self._set_columns(1, self._label_size())
        return subtitle, one

    def _two_columns(self, top: int, bottom: int) -> pygame.Rect | None:
        """Two columns across the screen in the largest type at which they fit between `top` and `bottom`."""
        width = WIDTH - 2 * MARGIN
        needed = two_columns.fit(self.list, width, bottom - top, two_columns.sizes(self.app.theme),
                                 partial(self._set_columns, 2))
        return None if needed is None else pygame.Rect(MARGIN, top, width, needed)

    def _set_columns(self, columns: int, size: int) -> None:
        self.columns, self.size = columns, size
        self.pad, self.list.gap = (ROW_PAD, ROW_GAP) if columns == 1 else (two_columns.ROW_PAD, two_columns.ROW_GAP)

    def _rows(self, area: pygame.Rect) -> ListLayout:
        """The entries laid out in `area` as `_arrange` chose (one column or two)."""
        return two_columns.layout(self.list, area) if self.columns == 2 else self.list.layout(area)

    def layout(self) -> Layout:
        """header (tag, title), subtitle, list (its rows and scroll bar), footer."""
        fonts, theme = self.app.fonts, self.app.theme
        tag, title, _ = self.texts()
        hint = theme.size("hint")
        lay = Layout()
        foot = footer_layout(fonts, theme, hints(self.columns))  # (one line whichever: its height is the same)
        head = heading_layout(fonts, theme, tag, title, top=16, room=2 * fonts.line_height(theme.size("big")))
        head.into(lay)
        width = WIDTH - 2 * MARGIN
        lines = self.subtitle(width)
        self.list.count = len(self.entries())
        self.list.index = min(self.list.index, self.list.count - 1)
        subtitle = pygame.Rect(MARGIN, head.bottom + 2, width, len(lines) * fonts.line_height(hint))
        subtitle, area = self._arrange(subtitle, foot.rect.top - 10)
        lay.add("subtitle", subtitle, hint)
        rows = self._rows(area)
        rows.into(lay, "list")
        for i in rows.rows:
            lay.sizes[f"list/row{i}"] = self.size
        foot.into(lay)
        return lay

    def header_bottom(self) -> int:
        """Toasts sit below the subtitle (the export folder), never over it."""
        return self.layout()["subtitle"].bottom

    # --- screen ------------------------------------------------------------------------------------

    def on_enter(self) -> None:
        self.list.count = len(self.entries())
        self.list.index = min(self.list.index, self.list.count - 1)

    def on_action(self, action: Action) -> None:
        area = self.layout()["list"]
        handled = (two_columns.use(self.list, action, self._rows(area), self._open) if self.columns == 2
                   else use_list(self.list, action, area, self._open))
        if not handled and action.name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    def _open(self, i: int) -> None:
        """Carry out the i-th entry."""
        self.entries()[i][1]()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 200)
        tag, title, _ = self.texts()
        lay = self.layout()
        head = heading_layout(fonts, theme, tag, title, top=16, room=2 * fonts.line_height(theme.size("big")))
        draw_heading(surface, self.app, head, tag, title)
        hint = theme.size("hint")
        for k, line in enumerate(self.subtitle(lay["subtitle"].width) if lay["subtitle"].height else []):
            draw.text(surface, fonts, line, hint, theme.dim,
                      (WIDTH // 2, lay["subtitle"].top + k * fonts.line_height(hint)), anchor="midtop")
        size = self.size
        labels = self.labels
        rows = self._rows(lay["list"])
        for i, rect in rows.rows.items():
            selected = i == self.list.index
            draw.panel(surface, rect, theme, alpha=250 if selected else 235,
                       edge=theme.accent if selected else theme.grid)
            h = draw.block_height(fonts, labels[i], size, rect.width - 2 * INSET)
            draw.text_block(surface, fonts, labels[i], size, theme.accent if selected else theme.text,
                            pygame.Rect(rect.left + INSET, rect.centery - h // 2, rect.width - 2 * INSET, 0),
                            bold=selected, align="center")
        ScrollList.draw_bar(surface, rows, theme)
        draw_footer(surface, self.app, footer_layout(fonts, theme, hints(self.columns)))
