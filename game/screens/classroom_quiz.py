"""The classroom quiz on screen: pick a question set and 2-6 teams, then play by keyboard alone.

Every team answers every question: the teacher presses the number of a team's answer (the
next team is then selected; ← → pick a team), Enter reveals the answer with its explanation
and source, Enter again goes on. Scores stay on screen. Esc ends the quiz early.
"""
from __future__ import annotations

import pygame

from ..classroom.quiz import DONE, MAX_TEAMS, MIN_TEAMS, REVEAL, TOPIC_TITLES, Question, Quiz, QuizGame
from ..classroom.session import SessionLog
from ..content.model import chapter_label
from .base import Screen
from .classroom_ui import BIG, BLUE, BODY, GREEN, HINT, RED, backdrop, fit_size, footer, heading
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import block_height, hit_index, panel, text_block

TEAM_COLOURS = [(242, 201, 76), (118, 180, 220), (147, 196, 125), (224, 140, 160), (200, 160, 230), (240, 150, 90)]


def question_sets(quiz: Quiz, story) -> list[tuple[str, list[Question]]]:
    """(title, questions) for each chapter with questions, the real-history quiz, and everything."""
    sets = []
    for chapter in story.chapters:
        questions = quiz.story(chapter.number)
        if questions:
            sets.append((f"{chapter_label(chapter.number)}: {chapter.title}", questions))
    if quiz.history():
        sets.append(("The film's real history", quiz.history()))
    if quiz.story():
        sets.append(("All the story chapters", quiz.story()))
    return sets


class QuizSetupScreen(Screen):
    ROWS = ("set", "teams", "start")

    def __init__(self, app, quiz: Quiz, log: SessionLog, chapter: int | None = None):
        super().__init__(app)
        self.quiz = quiz
        self.log = log
        self.sets = question_sets(quiz, app.story)
        self.set_index = 0
        if chapter is not None:
            title = f"{chapter_label(chapter)}:"
            self.set_index = next((i for i, (t, _) in enumerate(self.sets) if t.startswith(title)), 0)
        self.teams = 2
        self.row = 2 if self.sets else 0

    def start(self) -> None:
        if not self.sets:
            self.app.notify("There are no quiz questions (scenes/quiz/*.yaml).")
            return
        title, questions = self.sets[self.set_index]
        game = QuizGame(questions, self.teams, title)
        self.log.quiz_start(title, game.teams, len(questions))
        self.app.pop()
        self.app.push(QuizScreen(self.app, game, self.log))

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in ("up", "down"):
            self.row = (self.row + (1 if name == "down" else -1)) % len(self.ROWS)
        elif name in ("left", "right"):
            step = 1 if name == "right" else -1
            if self.ROWS[self.row] == "set" and self.sets:
                self.set_index = (self.set_index + step) % len(self.sets)
            elif self.ROWS[self.row] == "teams":
                self.teams = min(MAX_TEAMS, max(MIN_TEAMS, self.teams + step))
        elif name == "digit" and MIN_TEAMS <= action.number <= MAX_TEAMS:
            self.teams = action.number
        elif name == "confirm":
            if self.ROWS[self.row] == "start":
                self.start()
            else:
                self.row += 1
        elif name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app)
        heading(surface, self.app, "Classroom quiz", "Choose the questions and the teams")
        title, questions = self.sets[self.set_index] if self.sets else ("no questions", [])
        rows = [("Questions", f"◂  {title} ({len(questions)})  ▸"), ("Teams", f"◂  {self.teams}  ▸"),
                ("", "Start the quiz")]
        for i, (label, value) in enumerate(rows):
            rect = pygame.Rect(140, 200 + i * 120, WIDTH - 280, 96)
            selected = i == self.row
            panel(surface, rect, theme, alpha=240, edge=theme.accent if selected else None)
            if label:
                surface.blit(fonts.render(label, HINT, theme.muted), (rect.left + 30, rect.top + 8))
            size = fit_size(fonts, [value], rect.width - 60, 50, sizes=(BODY, 28, HINT), bold=True)
            image = fonts.render(value, size, theme.accent if selected else theme.text, bold=True)
            surface.blit(image, (rect.centerx - image.get_width() // 2, rect.top + (44 if label else 28)))
        footer(surface, self.app, "↑ ↓ move  ·  ← → change  ·  2–6: number of teams  ·  Enter: start  ·  Esc: back")


class QuizScreen(Screen):
    def __init__(self, app, game: QuizGame, log: SessionLog):
        super().__init__(app)
        self.game = game
        self.log = log
        self.option_rects: list[pygame.Rect] = []

    # --- input -------------------------------------------------------------------------------------

    def reveal(self) -> None:
        game = self.game
        q = game.question
        for answer in game.reveal():
            self.log.quiz_answer(q.id, answer.team, answer.given, answer.correct, answer.points, q.chapter,
                                 quiz=game.title, topic=q.about, answer=q.answer_text, source=q.source,
                                 section=q.section)

    def finish(self) -> None:
        game = self.game
        game.phase = DONE
        self.log.quiz_end(dict(zip(game.teams, game.scores)))

    def on_action(self, action: Action) -> None:
        game, name = self.game, action.name
        if game.phase == DONE:
            if name in ("confirm", "cancel", "menu", "click"):
                self.app.pop()
            return
        if name == "digit" and game.phase != REVEAL:
            game.answer(action.number - 1)
        elif name == "click" and action.pos and game.phase != REVEAL:
            hit = hit_index(self.option_rects, action.pos)
            if hit is not None:
                game.answer(hit)
        elif name in ("left", "right", "next"):
            game.select_team(-1 if name == "left" else 1)
        elif name in ("confirm", "click"):
            if game.phase == REVEAL:
                if not game.next():
                    self.finish()
            else:
                self.reveal()
        elif name in ("cancel", "menu"):
            if game.phase == REVEAL or not game.answers:
                self.finish()

    # --- drawing -----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        backdrop(surface, self.app, 230)
        if self.game.phase == DONE:
            self._draw_results(surface)
            return
        self._draw_question(surface)
        self._draw_teams(surface)

    def _draw_question(self, surface: pygame.Surface) -> None:
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        q = game.question
        revealed = game.phase == REVEAL
        topic = chapter_label(q.chapter) if q.about == "story" else TOPIC_TITLES.get(q.about, q.about)
        tag = fonts.render(f"{game.title.upper()}  ·  QUESTION {game.index + 1} OF {len(game.questions)}", HINT,
                           theme.accent, bold=True)
        surface.blit(tag, (60, 18))
        kind = fonts.render("True or false" if q.true_false else topic, HINT, theme.muted)
        surface.blit(kind, (WIDTH - 60 - kind.get_width(), 18))
        q_size = fit_size(fonts, [q.question], WIDTH - 120, 110, sizes=(BIG, 36, 34, BODY), bold=True)
        y = text_block(surface, fonts, q.question, q_size, theme.text, pygame.Rect(60, 56, WIDTH - 120, 0),
                       bold=True) + 12
        # options: two columns when there are more than two, all on one screen
        bottom = 400 if revealed else HEIGHT - 150
        choices = q.choices
        cols = 2 if len(choices) > 2 else len(choices)
        rows = (len(choices) + cols - 1) // cols
        gap = 12
        cell_w = (WIDTH - 120 - gap * (cols - 1)) // cols
        cell_h = min(100, (bottom - y - gap * (rows - 1)) // rows)
        dots_w = 36 * min(len(game.teams), 3)          # room for up to 3 team dots per row, 2 rows
        text_w = cell_w - 84 - 16 - dots_w
        size = BODY
        while size > HINT - 2 and any(block_height(fonts, c, size, text_w, spacing=1.0) > cell_h - 12
                                      for c in choices):
            size -= 2
        picks: dict[int, list[int]] = {}
        for team, pick in game.answers.items():
            picks.setdefault(pick, []).append(team)
        self.option_rects = []
        for i, text in enumerate(choices):
            rect = pygame.Rect(60 + (i % cols) * (cell_w + gap), y + (i // cols) * (cell_h + gap), cell_w, cell_h)
            self.option_rects.append(rect)
            right = revealed and i == q.correct
            edge = GREEN if right else (RED if revealed and i in picks else None)
            panel(surface, rect, theme, alpha=245, edge=edge, radius=12)
            if right:
                tint = pygame.Surface(rect.inflate(-4, -4).size, pygame.SRCALPHA)
                tint.fill((*GREEN, 70))
                surface.blit(tint, rect.inflate(-4, -4).topleft)
            num = fonts.render(str(i + 1), 44, GREEN if right else theme.accent, bold=True)
            surface.blit(num, (rect.left + 42 - num.get_width() // 2, rect.centery - num.get_height() // 2))
            lines = fonts.wrap(text, size, text_w)
            th = len(lines) * fonts.line_height(size)
            text_block(surface, fonts, text, size, theme.text,
                       pygame.Rect(rect.left + 84, rect.centery - th // 2, text_w, 0), bold=right, spacing=1.0)
            # the teams that picked this option: coloured dots with their number, at the right edge
            for k, team in enumerate(sorted(picks.get(i, []))):
                dot = pygame.Rect(rect.right - 12 - dots_w + (k % 3) * 36, rect.centery - 34 + (k // 3) * 36, 32, 32)
                pygame.draw.ellipse(surface, TEAM_COLOURS[team % len(TEAM_COLOURS)], dot)
                label = fonts.render(str(team + 1), 22, (16, 16, 20), bold=True)
                surface.blit(label, (dot.centerx - label.get_width() // 2, dot.centery - label.get_height() // 2))
        if revealed:
            self._draw_explanation(surface, q, self.option_rects[-1].bottom + 16)

    def _draw_explanation(self, surface: pygame.Surface, q: Question, top: int) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        rect = pygame.Rect(60, top, WIDTH - 120, HEIGHT - 130 - top)
        answer = f"Answer: {q.answer_text}.  "
        source = f"Source: {self.app.story.source_title(q.source)} — {q.section}"
        width = rect.width - 48
        size = fit_size(fonts, [answer + q.explanation], width, rect.height - 30 - fonts.line_height(HINT),
                        sizes=(BODY, 30, 28, 26, HINT, 22))
        rect.height = min(rect.height, block_height(fonts, answer + q.explanation, size, width, spacing=1.05)
                          + fonts.line_height(HINT) + 34)
        panel(surface, rect, theme, alpha=245, edge=BLUE, radius=12)
        y = text_block(surface, fonts, answer + q.explanation, size, theme.text,
                       pygame.Rect(rect.left + 24, rect.top + 10, width, 0), spacing=1.05)
        text_block(surface, fonts, source, HINT, BLUE, pygame.Rect(rect.left + 24, y + 4, width, 0), spacing=1.0)

    def _draw_teams(self, surface: pygame.Surface) -> None:
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        n = len(game.teams)
        gap = 10
        w = (WIDTH - 120 - gap * (n - 1)) // n
        top = HEIGHT - 118
        q = game.question
        for t, name in enumerate(game.teams):
            rect = pygame.Rect(60 + t * (w + gap), top, w, 74)
            colour = TEAM_COLOURS[t % len(TEAM_COLOURS)]
            current = t == game.team and game.phase != REVEAL
            panel(surface, rect, theme, alpha=245, edge=colour if current else None, radius=10)
            if current:
                pygame.draw.rect(surface, colour, rect, 4, border_radius=10)
            surface.blit(fonts.render(name, HINT, colour, bold=True), (rect.left + 14, rect.top + 6))
            pick = game.answers.get(t)
            if game.phase == REVEAL:
                status = "✓" if pick == q.correct else ("✗" if pick is not None else "–")
                status_colour = GREEN if pick == q.correct else RED
            else:
                status = f"→ {pick + 1}" if pick is not None else "…"
                status_colour = theme.text
            surface.blit(fonts.render(status, 28, status_colour, bold=True), (rect.left + 14, rect.top + 34))
            score = fonts.render(str(game.scores[t]), 48, theme.text, bold=True)
            surface.blit(score, (rect.right - 16 - score.get_width(), rect.centery - score.get_height() // 2))
        if game.phase == REVEAL:
            hint = "Enter: next question  ·  Esc: end the quiz"
        else:
            hint = f"1–{len(q.choices)}: {game.teams[game.team]}'s answer  ·  ← →: team  ·  Enter: reveal"
        footer(surface, self.app, hint)

    def _draw_results(self, surface: pygame.Surface) -> None:
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        leaders = game.leaders()
        title = "It's a tie!" if len(leaders) > 1 else f"{leaders[0]} wins!"
        y = heading(surface, self.app, f"{game.title} · final scores", title, top=30) + 20
        asked = len({a.question for a in game.results})
        for rank, (name, score) in enumerate(game.standings()):
            t = game.teams.index(name)
            rect = pygame.Rect(280, y + rank * 80, WIDTH - 560, 68)
            panel(surface, rect, theme, alpha=240, edge=TEAM_COLOURS[t % len(TEAM_COLOURS)])
            surface.blit(fonts.render(name, BODY + 4, TEAM_COLOURS[t % len(TEAM_COLOURS)], bold=True),
                         (rect.left + 30, rect.top + 10))
            points = fonts.render(f"{score} / {asked}", BODY + 4, theme.text, bold=True)
            surface.blit(points, (rect.right - 30 - points.get_width(), rect.top + 10))
        footer(surface, self.app, "Enter: back to the classroom menu")
