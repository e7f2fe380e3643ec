"""The classroom hub: the teacher's menu for a session (presenter view, quiz, film and reality,
exports, handout). `python main.py --classroom` opens it (wired by the title screen / CLI).

One hub is one session: it owns the session log, keeps the presenter view to resume it, and
writes every export into one folder (by default <profile folder>/classroom/<start time>/).
"""
from __future__ import annotations

from pathlib import Path

import pygame

from .. import paths
from ..classroom import export
from ..classroom.quiz import load_quiz
from ..classroom.session import SessionLog, format_clock
from .base import Screen
from .classroom_ui import BODY, HINT, backdrop, footer, heading
from .input import Action
from .theme import WIDTH
from .widgets import Item, MenuList


class ClassroomHub(Screen):
    def __init__(self, app, content_root: Path | None = None, export_dir: Path | None = None):
        super().__init__(app)
        self.content_root = Path(content_root) if content_root else paths.SCENES
        self.export_dir = Path(export_dir) if export_dir else None
        self.log = SessionLog(clock=lambda: app.time)
        self.play = None  # the presenter view, kept so the story can be resumed where it was left
        self.quiz, problems = self._load_quiz()
        if problems.errors:
            app.notify(f"The quiz has {len(problems.errors)} mistakes; run 'python -m game validate'. "
                       f"First: {problems.sorted()[0]}", 8)
        self.menu = self._menu()

    def _load_quiz(self):
        quiz, problems = load_quiz(self.content_root, self.app.story)
        return quiz, problems

    def _menu(self) -> MenuList:
        verb = "Resume" if self.play is not None else "Start"
        story_label = f"{verb} the story (presenter view)"
        items = [Item(story_label, self.open_story), Item("Quiz (teams)", self.open_quiz),
                 Item("Film and reality", self.open_reality),
                 Item("Export the session log and quiz results", self.export_session),
                 Item("Print a handout (and its answer key)", self.write_handout),
                 Item("Back", self.app.pop)]
        if self.play is not None:
            items.insert(1, Item("Start the story again from the beginning", self.restart_story))
        return MenuList(items, (WIDTH // 2, 425), 900, BODY)

    # --- entries -----------------------------------------------------------------------------------

    def open_story(self) -> None:
        from .classroom_play import ClassroomNotesScreen
        if self.play is not None:
            self.app.push(self.play)
        else:
            self.app.push(ClassroomNotesScreen(self.app, self.log, on_start=self._started))

    def restart_story(self) -> None:
        self.play = None
        self.open_story()

    def _started(self, play) -> None:
        self.play = play

    def open_quiz(self) -> None:
        from .classroom_quiz import QuizSetupScreen
        chapter = self.play._chapter() if self.play is not None else None
        self.app.push(QuizSetupScreen(self.app, self.quiz, self.log, chapter))

    def open_reality(self) -> None:
        from .classroom_reality import RealityScreen
        reality = self.app.story.reality
        if reality is None or not (reality.comparisons or reality.differ):
            self.app.notify("This story has no film-and-reality cards: add scenes/reality.yaml.")
            return
        self.app.push(RealityScreen(self.app))

    def folder(self) -> Path:
        return self.export_dir or export.default_folder(self.app.profile.folder, self.log.started)

    def export_session(self) -> list[Path]:
        folder = self.folder()
        try:
            written = export.export_session(self.log, folder, self.app.story.title)
        except OSError as exc:
            self.app.notify(f"Could not write the session files to {folder}: {exc}", 8)
            return []
        self.app.notify(f"Wrote {', '.join(p.name for p in written)} to {folder}", 8)
        return written

    def write_handout(self) -> list[Path]:
        folder = self.folder()
        try:
            written = export.write_handout(export.handout_data(self.app.story, self.quiz), folder)
        except OSError as exc:
            self.app.notify(f"Could not write the handout to {folder}: {exc}", 8)
            return []
        self.app.notify(f"Wrote {', '.join(p.name for p in written)} to {folder}", 8)
        return written

    # --- screen ------------------------------------------------------------------------------------

    def on_enter(self) -> None:
        index = self.menu.index
        had_play = len(self.menu.items)
        self.menu = self._menu()
        self.menu.index = 0 if len(self.menu.items) != had_play else min(index, len(self.menu.items) - 1)

    def on_action(self, action: Action) -> None:
        if not self.menu.on_action(action) and action.name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 200)
        heading(surface, self.app, f"Classroom · session {format_clock(self.log.elapsed())}",
                f"{self.app.story.title} — {self.app.story.korean_title}", top=40)
        count = fonts.render(f"{len(self.quiz.questions)} quiz questions · exports go to {self.folder()}", HINT - 4,
                             theme.muted)
        if count.get_width() > WIDTH - 60:
            count = fonts.render(f"{len(self.quiz.questions)} quiz questions", HINT - 4, theme.muted)
        surface.blit(count, ((WIDTH - count.get_width()) // 2, 140))
        self.menu.draw(surface, fonts, theme)
        footer(surface, self.app, "↑ ↓ move  ·  Enter: open  ·  in the story: B blank · M mute · C chapters · "
                                  "V vote")
