"""The presenter view: the story on a projector, paced by the teacher.

- opens with the content-note plan (ClassroomNotesScreen): per scene, play it or show its summary;
  the runtime's content notes are then answered from the plan without asking again;
- projector theme, a chapter/scene indicator and a running session clock along the top;
- B blanks the screen until B is pressed again; M mutes; C opens the chapter list;
- at a choice, the teacher picks (1-9 / arrows + Enter) or opens a class vote with V;
- discussion prompts are full-screen cards that hold the story (no timer unless T is pressed);
- no auto-advance, no skip; everything is written to the session log.
"""
from __future__ import annotations

import pygame

from ..classroom import notes
from ..classroom.session import SessionLog, format_clock
from ..classroom.votes import Vote
from ..content.model import chapter_entry, chapter_label
from ..runtime import events as ev
from ..runtime.runtime import Options, Runtime
from .base import Screen
from .classroom_ui import AMBER, BIG, BODY, GREEN, HINT, HUGE, RED, backdrop, fit_size, footer, heading
from .input import Action
from .play import PlayScreen
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, block_height, hit_index, panel, shade, text_block

HUD_HEIGHT = 46


def classroom_options() -> Options:
    """Prompts on, fact and differ cards where they are written; content notes are asked (the presenter answers)."""
    return Options(prompts=True, content_notes="ask", cards="inline")


class ClassroomPlayScreen(PlayScreen):
    def __init__(self, app, log: SessionLog | None = None, plan: dict[str, str] | None = None,
                 start_scene: str | None = None, runtime: Runtime | None = None):
        self.log = log or SessionLog(clock=lambda: app.time)
        self.plan = dict(plan) if plan is not None else notes.default_plan(app.story)
        self.blank = False
        self.timer: float | None = None   # seconds left on a prompt's discussion timer, when started
        self._quiet = False                # True while rolling back/forward: the log is not written
        super().__init__(app, start_scene=start_scene, runtime=runtime, options=classroom_options())

    # --- the runtime, with the plan and the log ---------------------------------------------------

    def _chapter(self) -> int | None:
        scene = self.app.story.scenes.get(self.rt.state.scene)
        return scene.chapter if scene else None

    def show(self, event: ev.Event | None) -> None:
        while isinstance(event, ev.ContentNoteEvent):
            scene = self.rt.state.scene
            answer = notes.runtime_answer(self.plan, scene)
            if not self._quiet:
                self.log.content_note(scene, self._chapter(), notes.DECISIONS[answer], event.topics)
            self.rt.choose(answer)
            event = self.rt.advance()
        if event is not None and not self._quiet:
            if isinstance(event, ev.SceneStart):
                self.log.scene(event.scene, event.title, event.chapter)
            elif isinstance(event, ev.PromptEvent):
                self.log.prompt(self.rt.state.scene, self._chapter(), event.question, event.minutes)
        self.timer = None
        super().show(event)

    def choose(self, index: int, how: str = "teacher") -> None:
        e = self.event
        if isinstance(e, ev.ChoiceEvent):
            text = next((t for i, t in e.options if i == index), "")
            self.log.choice(self.rt.state.scene, self._chapter(), e.key, index, text, how, prompt=e.prompt)
        super().choose(index)

    def rollback(self) -> None:
        self._quiet = True
        try:
            super().rollback()
        finally:
            self._quiet = False

    def roll_forward(self) -> None:
        self._quiet = True
        try:
            super().roll_forward()
        finally:
            self._quiet = False

    def jump(self, scene_id: str) -> None:
        """Start again at a scene (from the chapter list): a fresh runtime with the same options."""
        self.rt = Runtime(self.app.story, self.rt.options, start=scene_id, seen=self.app.profile.seen)
        scene = self.app.story.scenes[scene_id]
        self.log.jump(scene_id, scene.chapter)
        self.event = None
        self.next_event()

    def open_vote(self) -> bool:
        if not isinstance(self.event, ev.ChoiceEvent):
            return False
        self.app.push(ClassroomVoteScreen(self.app, self, self.event))
        return True

    # --- input -----------------------------------------------------------------------------------

    def on_action(self, action: Action) -> None:
        name = action.name
        if self.blank:
            if name == "blank":
                self.blank = False
            elif name == "mute":
                self.toggle_mute()
            return  # a blank screen ignores everything else, so a stray key shows nothing
        if name == "blank":
            self.blank = True
            self.app.toasts.clear()
        elif name == "mute":
            self.toggle_mute()
        elif name == "chapters":
            self.app.push(ClassroomChapterList(self.app, self))
        elif name == "vote":
            if not self.open_vote():
                self.app.notify("A class vote opens at a choice.")
        elif name in ("auto", "skip", "quicksave", "quickload", "backlog"):
            return  # teacher-paced: no auto-advance or skipping, and no saves in the middle of a class
        elif name == "timeline" and isinstance(self.event, ev.PromptEvent):
            self.timer = None if self.timer is not None else 60.0 * (self.event.minutes or 5)
        elif name in ("cancel", "menu"):
            self.app.push(ClassroomPauseMenu(self.app, self))
        else:
            super().on_action(action)

    def toggle_mute(self) -> None:
        muted = not self.app.audio.muted
        self.app.audio.set_muted(muted)
        self.app.notify("Sound off (M to turn it on)" if muted else "Sound on")

    def quick(self, name: str) -> None:
        if name == "Menu":
            self.app.push(ClassroomPauseMenu(self.app, self))

    def update(self, dt: float) -> None:
        self.auto = self.skip = False
        if self.timer is not None:
            self.timer = max(0.0, self.timer - dt)
        super().update(dt)

    def _remember(self, event: ev.Event) -> None:
        """No autosaves in class: chapters reached are still noted."""
        if isinstance(event, ev.SceneStart):
            self.app.profile.chapters.add(event.chapter)

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.blank:
            surface.fill((0, 0, 0))
            return
        super().draw(surface)
        self._draw_hud(surface)
        if isinstance(self.event, ev.ChoiceEvent):
            footer(surface, self.app, "1–9 or ↑ ↓ + Enter: the teacher chooses  ·  V: class vote  ·  C: chapters")

    def _draw_quick(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        self.quick_rects = {}  # no Auto/Skip/Save bar on the projector

    def _draw_hud(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        strip = pygame.Surface((WIDTH, HUD_HEIGHT), pygame.SRCALPHA)
        strip.fill((0, 0, 0, 190))
        surface.blit(strip, (0, 0))
        scene = self.app.story.scenes.get(self.rt.state.scene)
        if scene:
            chapter = self.app.story.chapter(scene.chapter)
            label = fonts.render(chapter_label(scene.chapter) + (f" · {chapter.title}" if chapter else ""), HINT,
                                 theme.accent, bold=True)
            surface.blit(label, (20, 9))
            title = fonts.render(scene.title, HINT, theme.text)
            x = 20 + label.get_width() + 24
            if x + title.get_width() < WIDTH - 200:
                surface.blit(title, (x, 9))
        extra = " · muted" if self.app.audio.muted else ""
        clock = fonts.render(format_clock(self.log.elapsed()) + extra, HINT + 2, theme.text, bold=True)
        surface.blit(clock, (WIDTH - clock.get_width() - 20, 7))

    def _card(self, surface, label, title, body, footer_text, label_colour=None, width: int = 900):
        return super()._card(surface, label, title, body, footer_text, label_colour, max(width, 1040))

    def _draw_card(self, surface: pygame.Surface, e: ev.Event) -> None:
        if isinstance(e, ev.PromptEvent):
            self._draw_prompt(surface, e)
        else:
            super()._draw_card(surface, e)

    def _draw_prompt(self, surface: pygame.Surface, e: ev.PromptEvent) -> None:
        """A discussion prompt fills the screen: big, calm, and it waits for the teacher."""
        fonts, theme = self.app.fonts, self.app.theme
        surface.fill((14, 22, 16))
        pygame.draw.rect(surface, GREEN, (40, HUD_HEIGHT + 20, WIDTH - 80, HEIGHT - HUD_HEIGHT - 90), 3,
                         border_radius=18)
        tag = fonts.render("DISCUSS", BODY, GREEN, bold=True)
        surface.blit(tag, (90, HUD_HEIGHT + 44))
        width = WIDTH - 180
        follow = [f"•  {q}" for q in e.followups]
        q_size = fit_size(fonts, [e.question], width, 250, sizes=(46, 42, BIG, 36, BODY), bold=True)
        y = text_block(surface, fonts, e.question, q_size, theme.text, pygame.Rect(90, HUD_HEIGHT + 96, width, 0),
                       bold=True) + 18
        if follow:
            f_size = fit_size(fonts, follow, width, HEIGHT - 120 - y, sizes=(BODY, 30, 28, 26, HINT), gap=6)
            for line in follow:
                y = text_block(surface, fonts, line, f_size, theme.muted, pygame.Rect(90, y, width, 0)) + 6
        if self.timer is not None:
            left = fonts.render(format_clock(self.timer), HUGE, RED if self.timer == 0 else theme.accent, bold=True)
            surface.blit(left, (WIDTH - 90 - left.get_width(), HUD_HEIGHT + 36))
        minutes = f"Suggested: {e.minutes} min  ·  " if e.minutes else ""
        footer(surface, self.app, f"{minutes}T: discussion timer  ·  Enter: back to the story  ·  B: blank screen")


class ClassroomNotesScreen(Screen):
    """Before the story: every scene with a content note, and for each, play it or show its summary."""

    def __init__(self, app, log: SessionLog, on_start=None, plan: dict[str, str] | None = None):
        super().__init__(app)
        self.log = log
        self.noted = notes.noted_scenes(app.story)
        self.plan = dict(plan) if plan is not None else notes.default_plan(app.story)
        self.index = 0
        self.on_start = on_start
        self.rects: list[pygame.Rect] = []

    @property
    def rows(self) -> int:
        return len(self.noted) + 1  # the last row starts the story

    def start(self) -> None:
        self.log.content_plan(self.plan)
        play = ClassroomPlayScreen(self.app, self.log, self.plan)
        self.app.pop()
        self.app.push(play)
        if self.on_start:
            self.on_start(play)

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in ("up", "down"):
            self.index = (self.index + (1 if name == "down" else -1)) % self.rows
        elif name in ("confirm", "left", "right", "click"):
            if name == "click" and action.pos:
                hit = hit_index(self.rects, action.pos)
                if hit is None:
                    return
                self.index = hit
            if self.index == len(self.noted):
                if name in ("confirm", "click"):
                    self.start()
            else:
                notes.toggle(self.plan, self.noted[self.index].scene)
        elif name == "next":
            self.start()
        elif name == "digit" and action.number in (1, 2):
            for n in self.noted:  # 1: play every scene, 2: summaries for every scene
                self.plan[n.scene] = notes.DECISIONS[action.number - 1]
        elif name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 225)
        y = heading(surface, self.app, "Before class · content notes",
                    "Play each of these scenes, or show a short summary?", theme.danger,
                    top=18)
        top, bottom = y + 8, HEIGHT - 56
        heights = []
        for n in self.noted:
            heights.append(fonts.line_height(28) + block_height(fonts, "; ".join(n.topics), HINT, 880) + 18)
        heights.append(fonts.line_height(30) + 22)
        # scroll so that the selected row is on screen
        starts, acc = [], 0
        for h in heights:
            starts.append(acc)
            acc += h + 8
        offset = 0
        sel_top, sel_bottom = starts[self.index], starts[self.index] + heights[self.index]
        if sel_bottom > bottom - top:
            offset = sel_bottom - (bottom - top)
        offset = min(offset, sel_top)
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(0, top, WIDTH, bottom - top))
        self.rects = []
        for i, h in enumerate(heights):
            rect = pygame.Rect(70, top + starts[i] - offset, WIDTH - 140, h)
            self.rects.append(rect)
            selected = i == self.index
            panel(surface, rect, theme, alpha=240 if selected else 200, edge=theme.accent if selected else None,
                  radius=10)
            if i == len(self.noted):
                label = fonts.render("Start the story  ▸", 30, theme.accent if selected else theme.text, bold=True)
                surface.blit(label, (rect.centerx - label.get_width() // 2, rect.top + 11))
                continue
            n = self.noted[i]
            short = "Prologue" if n.chapter == 0 else f"Ch {n.chapter}"
            title = fonts.render(f"{short} · {n.title}", 28, theme.text, bold=True)
            surface.blit(title, (rect.left + 20, rect.top + 8))
            text_block(surface, fonts, "; ".join(n.topics), HINT, theme.muted,
                       pygame.Rect(rect.left + 20, rect.top + 10 + fonts.line_height(28), 880, 0), spacing=1.0)
            decision = self.plan.get(n.scene, notes.PLAY)
            colour = GREEN if decision == notes.PLAY else AMBER
            pill_text = "PLAY" if decision == notes.PLAY else "SUMMARY"
            pill = fonts.render(pill_text, 26, (16, 16, 20), bold=True)
            pill_rect = pygame.Rect(rect.right - 200, rect.centery - 22, 180, 44)
            pygame.draw.rect(surface, colour, pill_rect, border_radius=22)
            surface.blit(pill, (pill_rect.centerx - pill.get_width() // 2, pill_rect.centery - pill.get_height() // 2))
        surface.set_clip(clip)
        footer(surface, self.app, "↑ ↓ move  ·  Enter / ← →: play ↔ summary  ·  1: all play  ·  2: all summaries"
                                  "  ·  Tab: start")


class ClassroomVoteScreen(Screen):
    """A show-of-hands vote on the choice on screen. The tally goes to the session log."""

    def __init__(self, app, play: ClassroomPlayScreen, event: ev.ChoiceEvent):
        super().__init__(app)
        self.play = play
        self.event = event
        self.vote = Vote(event.options, event.prompt)
        self.tie_mode = False
        self.blank = False
        self.rects: list[pygame.Rect] = []

    def finish(self, position: int) -> None:
        v = self.vote
        index = v.options[position][0]
        self.play.log.vote(self.play.rt.state.scene, self.play._chapter(), self.event.key, self.event.prompt,
                           v.tallies(), index, tie_broken=v.tied)
        self.app.pop()
        self.play.choose(index, how="vote")

    def on_action(self, action: Action) -> None:
        v, name = self.vote, action.name
        if name == "blank":
            self.blank = not self.blank
        elif self.blank:
            return
        elif name == "mute":
            self.play.toggle_mute()
        elif name == "digit":
            if self.tie_mode:
                if v.break_tie(action.number - 1):
                    self.finish(action.number - 1)
            else:
                v.hand(action.number - 1)
        elif name == "up":
            v.change(+1)
            self.tie_mode = False
        elif name == "down":
            v.change(-1)
            self.tie_mode = False
        elif name in ("left", "right", "next"):
            v.move(-1 if name == "left" else 1)
        elif name == "click" and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                if self.tie_mode and v.break_tie(hit):
                    self.finish(hit)
                elif not self.tie_mode:
                    v.hand(hit)
        elif name == "confirm":
            winner = v.winner()
            if winner is not None:
                self.finish(winner)
            elif self.tie_mode and v.selected in v.leaders():
                v.break_tie(v.selected)
                self.finish(v.selected)
            else:
                self.tie_mode = True
        elif name in ("cancel", "menu"):
            if self.tie_mode:
                self.tie_mode = False
            else:
                self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme, v = self.app.fonts, self.app.theme, self.vote
        surface.fill((12, 16, 28))
        if self.blank:
            surface.fill((0, 0, 0))
            return
        tag = "Class vote · tie: press the number of the option to take" if self.tie_mode else "Class vote · hands up!"
        y = heading(surface, self.app, tag, self.event.prompt, AMBER if self.tie_mode else theme.accent, top=18) + 10
        n = len(v.options)
        bottom = HEIGHT - 60
        gap = 10
        row_h = min(112, (bottom - y - gap * (n - 1)) // n)
        text_w = WIDTH - 120 - 110 - 190
        size = fit_size(fonts, [t for _, t in v.options], text_w, (row_h - 12) * n,
                        sizes=(BODY, 30, 28, 26, HINT))
        most = max(max(v.counts), 1)
        leaders = v.leaders() if v.total else []
        self.rects = []
        for pos, ((_, text), count) in enumerate(zip(v.options, v.counts)):
            rect = pygame.Rect(60, y + pos * (row_h + gap), WIDTH - 120, row_h)
            self.rects.append(rect)
            selected = pos == v.selected
            lead = pos in leaders
            panel(surface, rect, theme, alpha=245, edge=theme.accent if selected else (AMBER if lead else None),
                  radius=12)
            if count:
                bar = pygame.Rect(rect.left + 110, rect.bottom - 12, round((rect.width - 300) * count / most), 6)
                pygame.draw.rect(surface, GREEN if lead else theme.muted, bar, border_radius=3)
            num = fonts.render(str(pos + 1), HUGE, theme.accent if selected else theme.text, bold=True)
            surface.blit(num, (rect.left + 55 - num.get_width() // 2, rect.centery - num.get_height() // 2))
            lines = fonts.wrap(text, size, text_w)
            th = len(lines) * round(fonts.line_height(size) * 1.0)
            text_block(surface, fonts, text, size, theme.text,
                       pygame.Rect(rect.left + 110, rect.centery - th // 2 - 3, text_w, 0), spacing=1.0)
            tally = fonts.render(str(count), HUGE, GREEN if lead else theme.text, bold=True)
            surface.blit(tally, (rect.right - 40 - tally.get_width(), rect.centery - tally.get_height() // 2))
        footer(surface, self.app, f"Number key: one hand  ·  ↑ ↓: change the count  ·  Enter: take the winner"
                                  f"  ·  Esc: cancel  ·  {v.total} hands")


class ClassroomChapterList(Screen):
    """Jump to any chapter (C in the presenter view): every chapter on one screen, in two columns."""

    def __init__(self, app, play: ClassroomPlayScreen):
        super().__init__(app)
        self.play = play
        self.chapters = [(c, app.story.scenes_in_chapter(c.number)) for c in app.story.chapters]
        self.current = play._chapter()
        self.index = next((i for i, (c, _) in enumerate(self.chapters) if c.number == self.current), 0)
        self.per_column = (len(self.chapters) + 1) // 2
        self.rects: list[pygame.Rect] = []

    def jump(self, position: int) -> None:
        chapter, scenes = self.chapters[position]
        if not scenes:
            self.app.notify(f"{chapter_label(chapter.number)} has no scenes yet.")
            return
        first = next((s for s in notes.story_order(self.app.story) if s.chapter == chapter.number), scenes[0])
        self.app.pop()
        self.play.jump(first.id)

    def on_action(self, action: Action) -> None:
        name, n = action.name, len(self.chapters)
        if name in ("up", "down"):
            self.index = (self.index + (1 if name == "down" else -1)) % n
        elif name in ("left", "right"):
            step = self.per_column if name == "right" else -self.per_column
            if 0 <= self.index + step < n:
                self.index += step
        elif name == "confirm":
            self.jump(self.index)
        elif name == "click" and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                self.jump(hit)
        elif name in ("cancel", "menu", "chapters"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 220)
        top = heading(surface, self.app, "Go to a chapter", "Chapters", top=14) + 14
        rows = self.per_column
        gap = 10
        h = min(84, (HEIGHT - 60 - top - gap * (rows - 1)) // rows)
        w = (WIDTH - 120 - 20) // 2
        self.rects = []
        for i, (chapter, scenes) in enumerate(self.chapters):
            rect = pygame.Rect(60 + (i // rows) * (w + 20), top + (i % rows) * (h + gap), w, h)
            self.rects.append(rect)
            selected = i == self.index
            panel(surface, rect, theme, alpha=240 if selected else 200, edge=theme.accent if selected else None,
                  radius=10)
            colour = theme.accent if selected else (theme.text if scenes else theme.muted)
            label = chapter_entry(chapter.number, chapter.title)
            size = 30 if fonts.width(label, 30, True) < w - 150 else 26
            image = fonts.render(label, size, colour, bold=selected)
            surface.blit(image, (rect.left + 20, rect.centery - image.get_height() // 2))
            if chapter.number == self.current:
                now = fonts.render("now", HINT, GREEN, bold=True)
                surface.blit(now, (rect.right - 20 - now.get_width(), rect.centery - now.get_height() // 2))
        footer(surface, self.app, "↑ ↓ ← → move  ·  Enter: start the chapter  ·  Esc: back to the story")


class ClassroomPauseMenu(Screen):
    opaque = False

    def __init__(self, app, play: ClassroomPlayScreen):
        super().__init__(app)
        self.play = play
        self.menu = MenuList([Item("Back to the story", app.pop), Item("Chapters", self.chapters),
                              Item("Classroom menu", self.leave)], (WIDTH // 2, 380), 560, BODY)

    def chapters(self) -> None:
        self.app.pop()
        self.app.push(ClassroomChapterList(self.app, self.play))

    def leave(self) -> None:
        self.app.pop()  # this menu
        self.app.pop()  # the presenter view: the hub keeps it, to resume later

    def on_action(self, action: Action) -> None:
        if not self.menu.on_action(action) and action.name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        shade(surface, 170)
        self.menu.draw(surface, self.app.fonts, self.app.theme)
