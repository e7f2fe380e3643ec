"""The classroom quiz on screen: pick a question set and 2-6 teams, then play by keyboard alone.

Every team answers every question: the teacher presses the number of the selected team's answer
(the next team still without an answer is then selected; ← → move among those teams only, so a
number key never overwrites an answer; PgUp takes back the last answer entered). The projector
shows only *that* a team has answered, never what, until Enter reveals the answer with its
explanation and source; Enter again goes on. Scores stay on screen. Esc ends the quiz early.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from ..classroom.quiz import ASK, DONE, MAX_TEAMS, MIN_TEAMS, REVEAL, Question, Quiz, QuizGame, topic_title
from ..classroom.session import SessionLog
from ..ui import draw
from ..ui.draw import block_height, text_block
from ..ui.input import Act, Action
from ..ui.layout import Layout
from ..ui.screen import Screen
from ..ui.theme import WIDTH
from ..ui.widgets import hit_index
from ..words import chapter_label, t
from .classroom_ui import (
    GAP,
    MARGIN,
    TEAM_COLOURS,
    Footer,
    backdrop,
    draw_footer,
    draw_heading,
    footer_layout,
    heading_layout,
    steps,
)


def question_sets(quiz: Quiz, story) -> list[tuple[str, list[Question]]]:
    """(title, questions) for each chapter with questions, the real-history quiz, and everything."""
    sets = []
    for chapter in story.chapters:
        questions = quiz.story(chapter.number)
        if questions:
            sets.append((t("quiz.set_chapter", chapter=chapter_label(chapter.number), title=chapter.title), questions))
    if quiz.history():
        sets.append((t("quiz.set_history"), quiz.history()))
    if quiz.story():
        sets.append((t("quiz.set_story"), quiz.story()))
    return sets


# --- setup -----------------------------------------------------------------------------------------



def setup_heading() -> tuple[str, str]:
    return t("quiz.setup_tag"), t("quiz.setup_title")


def setup_hints() -> tuple[str, ...]:
    return t("quiz.setup_hint_long"), t("quiz.setup_hint"), t("quiz.setup_hint_short")


def setup_layout(fonts, theme, rows: list[tuple[str, str]]):
    """The heading, one box per row (label over value, the value wrapped) and the footer."""
    foot = footer_layout(fonts, theme, setup_hints())
    head = heading_layout(fonts, theme, *setup_heading(), room=fonts.line_height(theme.size("big")) * 2)
    hint = theme.size("hint")
    width = WIDTH - 2 * MARGIN - 160
    boxes, y = [], head.bottom + 16
    room = foot.rect.top - 10 - y - GAP * (len(rows) - 1)
    value_size = next((s for s in steps(theme, "body", "hint")
                       if sum(_setup_row(fonts, label, value, hint, s, width) for label, value in rows) <= room), hint)
    for label, value in rows:
        h = _setup_row(fonts, label, value, hint, value_size, width)
        boxes.append(pygame.Rect(MARGIN + 80, y, width, h))
        y += h + GAP
    return head, boxes, value_size, foot


def _setup_row(fonts, label: str, value: str, hint: int, value_size: int, width: int) -> int:
    label_h = fonts.line_height(hint) if label else 0
    return 16 + label_h + block_height(fonts, value, value_size, width - 60, bold=True, spacing=1.0)


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
            self.set_index = next((i for i, (name, _) in enumerate(self.sets) if name.startswith(title)), 0)
        self.teams = 2
        self.row = 2 if self.sets else 0

    def start(self) -> None:
        if not self.sets:
            self.app.notify(t("quiz.no_questions_toast"))
            return
        title, questions = self.sets[self.set_index]
        game = QuizGame(questions, self.teams, title)
        self.log.quiz_start(title, game.teams, len(questions))
        self.app.pop()
        self.app.push(QuizScreen(self.app, game, self.log))

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in (Act.UP, Act.DOWN):
            self.row = (self.row + (1 if name == Act.DOWN else -1)) % len(self.ROWS)
        elif name in (Act.LEFT, Act.RIGHT):
            step = 1 if name == Act.RIGHT else -1
            if self.ROWS[self.row] == "set" and self.sets:
                self.set_index = (self.set_index + step) % len(self.sets)
            elif self.ROWS[self.row] == "teams":
                self.teams = min(MAX_TEAMS, max(MIN_TEAMS, self.teams + step))
        elif name == Act.DIGIT and MIN_TEAMS <= action.number <= MAX_TEAMS:
            self.teams = action.number
        elif name == Act.CLICK and action.pos:
            hit = hit_index([r for n, r in self.layout().boxes.items() if n.startswith("row")], action.pos)
            if hit is not None:
                self.row = hit
                if self.ROWS[hit] == "start":
                    self.start()
        elif name == Act.CONFIRM:
            if self.ROWS[self.row] == "start":
                self.start()
            else:
                self.row += 1
        elif name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    def rows(self) -> list[tuple[str, str]]:
        title, questions = self.sets[self.set_index] if self.sets else (t("quiz.no_questions"), [])
        return [(t("quiz.questions"), f"◂  {title} ({len(questions)})  ▸"), (t("quiz.teams"), f"◂  {self.teams}  ▸"),
                ("", t("quiz.start"))]

    def layout(self) -> Layout:
        """header, rows (questions, teams, start), footer."""
        head, rects, value_size, foot = setup_layout(self.app.fonts, self.app.theme, self.rows())
        lay = Layout()
        head.into(lay)
        for i, rect in enumerate(rects):
            lay.add(f"row{i}", rect, value_size)
        foot.into(lay)
        return lay

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app)
        head, rects, value_size, foot = setup_layout(fonts, theme, self.rows())
        draw_heading(surface, self.app, head, *setup_heading())
        hint = theme.size("hint")
        for i, ((label, value), rect) in enumerate(zip(self.rows(), rects)):
            selected = i == self.row
            draw.panel(surface, rect, theme, alpha=240, edge=theme.accent if selected else theme.grid)
            y = rect.top + 8
            if label:
                draw.text(surface, fonts, label, hint, theme.dim, (rect.left + 30, y))
                y += fonts.line_height(hint)
            text_block(surface, fonts, value, value_size, theme.accent if selected else theme.text,
                       pygame.Rect(rect.left + 30, y, rect.width - 60, 0), bold=True, align="center", spacing=1.0)
        draw_footer(surface, self.app, foot)


# --- the game --------------------------------------------------------------------------------------

@dataclass
class QuizLayout:
    """Where everything of one quiz moment goes; `fits` is False when even the smallest type overflows."""

    tag: pygame.Rect
    kind: pygame.Rect
    question: pygame.Rect
    question_size: int
    options: dict[int, pygame.Rect]      # choice position -> its box (at a tight reveal only the right one)
    option_size: int
    number_w: int
    teams: list[pygame.Rect]
    footer: Footer
    explanation: pygame.Rect | None = None
    explanation_size: int = 0
    fits: bool = True
    boxes: list[pygame.Rect] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.boxes = [self.tag, self.kind, self.question, *self.options.values(), *self.teams, self.footer.rect,
                      *([self.explanation] if self.explanation else [])]


def quiz_texts(game: QuizGame, story) -> tuple[str, str, str, str]:
    """The tag, the kind of question, the answer line and the source line of the question on screen."""
    q = game.question
    topic = chapter_label(q.chapter) if q.about == "story" else topic_title(q.about)
    tag = t("quiz.tag", title=game.title.upper(), number=game.index + 1, count=len(game.questions))
    kind = t("quiz.true_or_false") if q.true_false else topic
    answer = t("quiz.answer", answer=q.answer_text, explanation=q.explanation)
    source = t("quiz.source", source=story.source_title(q.source), section=q.section)
    return tag, kind, answer, source


def team_status(game: QuizGame, team: int) -> str:
    """What the projector shows of a team's answer: only whether it is in, until the reveal."""
    pick = game.answers.get(team)
    if game.phase == REVEAL:
        return "right" if pick == game.question.correct else ("wrong" if pick is not None else "no_answer")
    return "answered" if pick is not None else "waiting"


def quiz_hints(game: QuizGame) -> tuple[str, ...]:
    if game.phase == REVEAL:
        return (t("quiz.reveal_hint"), t("quiz.reveal_hint_short"))
    n = len(game.question.choices)
    if game.team is None:
        return (t("quiz.all_in_hint_long"), t("quiz.all_in_hint"), t("quiz.all_in_hint_short"))
    who = game.teams[game.team]
    return (t("quiz.ask_hint_long", n=n, team=who), t("quiz.ask_hint", n=n, team=who), t("quiz.ask_hint_short", n=n))


def quiz_layout(fonts, theme, game: QuizGame, story) -> QuizLayout:
    """Lay out a question, its options, the explanation once revealed, the teams and the key hints.

    The type steps down (never below the theme's hint size) and options go to one column before
    anything is dropped; at a reveal with no room left, only the right option stays beside the
    explanation.
    """
    q, revealed = game.question, game.phase == REVEAL
    tag_text, kind_text, answer, source = quiz_texts(game, story)
    hint, body = theme.size("hint"), theme.size("body")
    width = WIDTH - 2 * MARGIN
    foot = footer_layout(fonts, theme, quiz_hints(game))
    # the tag on the left and the kind on the right, when they share a line (else the kind is left off: the
    # tag names the question set, and true/false shows in the options)
    tag_h = block_height(fonts, tag_text, hint, width, bold=True, spacing=1.0)
    tag = pygame.Rect(MARGIN, 10, width, tag_h)
    kind_w = fonts.width(kind_text, hint)
    last_w = fonts.width(fonts.wrap(tag_text, hint, width, bold=True)[-1], hint, True)
    if last_w + 30 + kind_w <= width:
        kind = pygame.Rect(WIDTH - MARGIN - kind_w, tag.bottom - fonts.line_height(hint), kind_w,
                           fonts.line_height(hint))
        tag.width = width - kind_w - 30
    else:
        kind = pygame.Rect(WIDTH - MARGIN, tag.top, 0, 0)
    top = tag.bottom + 8
    n = len(game.teams)
    team_w = (width - GAP * (n - 1)) // n

    def attempt(q_size: int, o_size: int, cols: int, shown: list[int], e_size: int, ask: bool, team_h: int,
                force: bool = False):
        teams_top = foot.rect.top - 8 - team_h
        teams = [pygame.Rect(MARGIN + k * (team_w + GAP), teams_top, team_w, team_h) for k in range(n)]
        room = teams_top - 6 - top
        number_w = fonts.width(str(len(q.choices)), max(o_size, theme.size("big") * o_size // body), True) + 30
        q_h = block_height(fonts, q.question, q_size, width, bold=True) if ask else 0
        cell_w = (width - GAP * (cols - 1)) // cols
        text_w = cell_w - number_w - 20
        rows = [shown[i:i + cols] for i in range(0, len(shown), cols)]
        heights = [max(block_height(fonts, q.choices[c], o_size, text_w, spacing=1.0) for c in row) + 14
                   for row in rows]
        total = (q_h + 12 if ask else 0) + sum(heights) + GAP * max(0, len(rows) - 1)
        e_h = 0
        if revealed:
            e_h = (block_height(fonts, answer, e_size, width - 48, spacing=1.0)
                   + block_height(fonts, source, hint, width - 48, spacing=1.0) + 16)
            total += (10 if ask or rows else 0) + e_h
        if total > room and not force:
            return None
        spare = max(0, room - total) // (len(rows) + 1) if not revealed and rows else 0
        heights = [h + min(spare, 40) for h in heights]  # room to spare: taller option boxes
        options, y = {}, top + (q_h + 12 if ask else 0)
        for row, h in zip(rows, heights):
            for k, c in enumerate(row):
                options[c] = pygame.Rect(MARGIN + k * (cell_w + GAP), y, cell_w, h)
            y += h + GAP
        y = y - GAP + 10 if rows else (y + 10 if ask else y)
        explanation = pygame.Rect(MARGIN, y, width, min(e_h, max(0, teams_top - 6 - y))) if revealed else None
        return QuizLayout(tag, kind, pygame.Rect(MARGIN, top, width, q_h), q_size, options, o_size, number_w,
                          teams, foot, explanation, e_size, fits=total <= room)

    everything = list(range(len(q.choices)))
    # at a reveal with too little room: the right option only, then no options (the explanation names the
    # answer), then not the question either
    plans = [(everything, True)] + ([([q.correct], True), ([], True), ([], False)] if revealed else [])
    q_sizes, o_sizes = steps(theme, "big", "body", "hint"), steps(theme, "body", "hint")
    # a team's box: its name over its status and score, or all on one line when nothing else fits
    for team_h in (fonts.line_height(body) + fonts.line_height(hint) + 14, fonts.line_height(body) + 10):
        for shown, ask in plans:
            for o_size in o_sizes:
                for q_size in (s for s in q_sizes if s >= o_size):
                    for cols in ((2, 1) if len(shown) > 2 else (max(1, len(shown)),)):
                        for e_size in (o_sizes if revealed else (0,)):
                            found = attempt(q_size, o_size, cols, shown, e_size, ask, team_h)
                            if found:
                                return found
    shown, ask = plans[-1]  # nothing fits: the smallest type (the screen clips what is left over)
    return attempt(hint, hint, 2 if len(shown) > 2 else max(1, len(shown)), shown, hint, ask, team_h, force=True)


class QuizScreen(Screen):
    def __init__(self, app, game: QuizGame, log: SessionLog):
        super().__init__(app)
        self.game = game
        self.log = log
        self.option_rects: list[pygame.Rect] = []
        self.team_rects: list[pygame.Rect] = []

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

    def enter(self, choice: int) -> None:
        """A number key or a click on an option: the selected team's answer (never over an answer given).
        Once every team has answered it is ignored without a toast: the footer already says so, and a
        toast would cover the question the class is reading."""
        game = self.game
        if game.team is not None and choice < len(game.question.choices):
            game.answer(choice)

    def on_action(self, action: Action) -> None:
        game, name = self.game, action.name
        if game.phase == DONE:
            if name in (Act.CONFIRM, Act.CANCEL, Act.MENU, Act.CLICK):
                self.app.pop()
            return
        asking = game.phase == ASK
        if name == Act.DIGIT and asking:
            self.enter(action.number - 1)
        elif name == Act.CLICK and action.pos and asking and hit_index(self.team_rects, action.pos) is not None:
            team = hit_index(self.team_rects, action.pos)
            if team in game.waiting():
                game.team = team
        elif name == Act.CLICK and action.pos and asking and hit_index(self.option_rects, action.pos) is not None:
            self.enter(self._shown()[hit_index(self.option_rects, action.pos)])
        elif name in (Act.LEFT, Act.RIGHT, Act.NEXT) and asking:
            game.select_team(-1 if name == Act.LEFT else 1)
        elif name == Act.ROLLBACK and asking:
            game.undo()
        elif name in (Act.CONFIRM, Act.CLICK):
            if game.phase == REVEAL:
                if not game.next():
                    self.finish()
            else:
                self.reveal()
        elif name in (Act.CANCEL, Act.MENU):
            if game.phase == REVEAL or not game.answers:
                self.finish()

    def _shown(self) -> list[int]:
        return sorted(self.parts().options)

    # --- drawing -----------------------------------------------------------------------------------

    def parts(self) -> QuizLayout:
        return quiz_layout(self.app.fonts, self.app.theme, self.game, self.app.story)

    def layout(self) -> Layout:
        """Asking and revealing: tag, kind, question, option0..n, explanation, team0..n, footer.
        The final scores: header, standing0..n, footer."""
        lay = Layout()
        if self.game.phase == DONE:
            head, rows, row_size, foot = self.results_layout()
            head.into(lay)
            for i, rect in enumerate(rows):
                lay.add(f"standing{i}", rect, row_size)
            foot.into(lay)
            return lay
        parts, hint = self.parts(), self.app.theme.size("hint")
        lay.add("header", parts.tag.union(parts.kind) if parts.kind.width else parts.tag, hint)
        if parts.question.height:
            lay.add("question", parts.question, parts.question_size)
        for c, rect in parts.options.items():
            lay.add(f"option{c}", rect, parts.option_size)
        if parts.explanation is not None:
            lay.add("explanation", parts.explanation, min(parts.explanation_size, hint))
        for k, rect in enumerate(parts.teams):
            lay.add(f"team{k}", rect, hint)
        parts.footer.into(lay)
        return lay

    def draw(self, surface: pygame.Surface) -> None:
        backdrop(surface, self.app, 230)
        if self.game.phase == DONE:
            self._draw_results(surface)
            return
        parts = self.parts()
        self.option_rects = [parts.options[c] for c in sorted(parts.options)]
        self.team_rects = parts.teams
        with draw.clip(surface, pygame.Rect(0, 0, WIDTH, parts.teams[0].top - 4)):
            self._draw_question(surface, parts)
        self._draw_teams(surface, parts)
        draw_footer(surface, self.app, parts.footer)

    def _draw_question(self, surface: pygame.Surface, layout: QuizLayout) -> None:
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        q = game.question
        revealed = game.phase == REVEAL
        tag, kind, answer, source = quiz_texts(game, self.app.story)
        hint = theme.size("hint")
        text_block(surface, fonts, tag, hint, theme.accent, pygame.Rect(MARGIN, layout.tag.top, WIDTH - 2 * MARGIN, 0),
                   bold=True, spacing=1.0)
        if layout.kind.width:
            draw.text(surface, fonts, kind, hint, theme.dim, layout.kind.topleft)
        if layout.question.height:
            text_block(surface, fonts, q.question, layout.question_size, theme.text, layout.question, bold=True)
        success, danger = theme.success, theme.danger
        picked = set(game.answers.values()) if revealed else set()  # before the reveal: nothing of the answers
        big = max(layout.option_size, theme.size("big") * layout.option_size // theme.size("body"))
        for c, rect in sorted(layout.options.items()):
            right = revealed and c == q.correct
            edge = success if right else (danger if c in picked else theme.grid)
            draw.panel(surface, rect, theme, alpha=245, edge=edge, radius=12)
            if right:
                draw.box(surface, success, rect, width=4, radius=12)
            draw.text(surface, fonts, str(c + 1), big, success if right else theme.accent,
                      (rect.left + layout.number_w // 2, rect.centery), anchor="center", bold=True)
            text_w = rect.width - layout.number_w - 20
            th = block_height(fonts, q.choices[c], layout.option_size, text_w, spacing=1.0)
            text_block(surface, fonts, q.choices[c], layout.option_size, theme.text,
                       pygame.Rect(rect.left + layout.number_w, rect.centery - th // 2, text_w, 0), bold=right,
                       spacing=1.0)
            if revealed:
                self._draw_team_marks(surface, rect, c)
        if layout.explanation is not None:
            rect = layout.explanation
            draw.panel(surface, rect, theme, alpha=245, edge=theme.fact, radius=12)
            y = text_block(surface, fonts, answer, layout.explanation_size, theme.text,
                           pygame.Rect(rect.left + 24, rect.top + 6, rect.width - 48, 0), spacing=1.0)
            text_block(surface, fonts, source, hint, theme.fact,
                       pygame.Rect(rect.left + 24, y + 4, rect.width - 48, 0), spacing=1.0)

    def _draw_team_marks(self, surface: pygame.Surface, rect: pygame.Rect, choice: int) -> None:
        """After the reveal: the numbers of the teams that picked this option, in their colours."""
        fonts, theme = self.app.fonts, self.app.theme
        teams = sorted(k for k, pick in self.game.answers.items() if pick == choice)
        hint = theme.size("hint")
        d = fonts.line_height(hint)
        x = rect.right - 12
        for k in reversed(teams):
            x -= d
            draw.circle(surface, TEAM_COLOURS[k % len(TEAM_COLOURS)], (x + d // 2, rect.top + 6 + d // 2), d // 2)
            draw.text(surface, fonts, str(k + 1), hint, theme.on_accent, (x + d // 2, rect.top + 6 + d // 2),
                      anchor="center", bold=True)
            x -= 4

    def _draw_teams(self, surface: pygame.Surface, layout: QuizLayout) -> None:
        """Each team's name, score and status: before the reveal only whether it has answered."""
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        hint, body = theme.size("hint"), theme.size("body")
        lift = (fonts.line_height(body) - fonts.line_height(hint)) // 2  # hint text beside body text
        for team, (name, rect) in enumerate(zip(game.teams, layout.teams)):
            colour = TEAM_COLOURS[team % len(TEAM_COLOURS)]
            current = team == game.team and game.phase == ASK
            draw.panel(surface, rect, theme, alpha=245, edge=colour if current else theme.grid, radius=10)
            if current:
                draw.box(surface, colour, rect, width=4, radius=10)
            status = team_status(game, team)
            status_colour = {"right": theme.success, "wrong": theme.danger}.get(status, theme.text)
            short = {"answered": t("quiz.status_in"), "waiting": "…", "no_answer": "–", "right": "✓",
                     "wrong": "✗"}[status]
            two_lines = rect.height >= fonts.line_height(body) + fonts.line_height(hint) + 14
            score_w = fonts.width(str(game.scores[team]), body, True)
            room = rect.width - 30 - score_w
            label = name if fonts.width(name, hint, True) <= (rect.width - 20 if two_lines else room // 2) \
                else str(team + 1)
            y = rect.top + 8 + fonts.line_height(hint) if two_lines else rect.top + 5
            named = draw.text(surface, fonts, label, hint, colour, (rect.left + 10, rect.top + 6 if two_lines
                                                                    else y + lift), bold=True)
            x = rect.left + 10 if two_lines else named.right + 10
            shown = next((s for s in (t(f"quiz.status_{status}"), short)
                          if fonts.width(s, hint) <= rect.right - 20 - score_w - x), "")
            draw.text(surface, fonts, shown, hint, status_colour, (x, y + lift), bold=status in ("right", "wrong"))
            draw.text(surface, fonts, str(game.scores[team]), body, theme.text, (rect.right - 10, y), anchor="topright",
                      bold=True)

    def results_layout(self):
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        foot = footer_layout(fonts, theme, t("quiz.results_hint"))
        head = heading_layout(fonts, theme, t("quiz.final_scores", title=game.title), self._winner(),
                              room=fonts.line_height(theme.size("big")))
        y = head.bottom + 16
        n = len(game.teams)
        row_h = min(fonts.line_height(theme.size("body")) + 16, (foot.rect.top - 10 - y - GAP * (n - 1)) // n)
        row_size = next((s for s in steps(theme, "body", "hint") if fonts.line_height(s) + 8 <= row_h),
                        theme.size("hint"))
        rows = [pygame.Rect(MARGIN + 160, y + i * (row_h + GAP), WIDTH - 2 * MARGIN - 320, row_h) for i in range(n)]
        return head, rows, row_size, foot

    def _winner(self) -> str:
        leaders = self.game.leaders()
        return t("quiz.tie") if len(leaders) > 1 else t("quiz.wins", team=leaders[0])

    def _draw_results(self, surface: pygame.Surface) -> None:
        fonts, theme, game = self.app.fonts, self.app.theme, self.game
        head, rows, row_size, foot = self.results_layout()
        draw_heading(surface, self.app, head, t("quiz.final_scores", title=game.title), self._winner())
        asked = len({a.question for a in game.results})
        for (name, score), rect in zip(game.standings(), rows):
            k = game.teams.index(name)
            colour = TEAM_COLOURS[k % len(TEAM_COLOURS)]
            draw.panel(surface, rect, theme, alpha=240, edge=colour)
            draw.text(surface, fonts, name, row_size, colour, (rect.left + 30, rect.centery), anchor="midleft",
                      bold=True)
            draw.text(surface, fonts, f"{score} / {asked}", row_size, theme.text, (rect.right - 30, rect.centery),
                      anchor="midright", bold=True)
        draw_footer(surface, self.app, foot)
