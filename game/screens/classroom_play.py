"""The presenter view: the story on a projector, paced by the teacher.

It is the ordinary play screen with a classroom overlay (`Presenter`), not a subclass of it:
- the content-note plan (ClassroomNotesScreen) becomes the runtime's `content_notes` option, so the
  runtime itself plays a noted scene or shows its summary, and the class never sees the note dialog;
- the session log is a listener of the runtime (`classroom.session.Recorder`): it is told of new
  events and choices only, never of what rollback shows again;
- the overlay draws a header (chapter, scene, session clock) that the play screen keeps room for
  (`top`), draws discussion prompts full-screen, and takes the classroom keys first: B blanks the
  screen, M mutes, C opens the chapter list, V opens a class vote at a choice, T starts a prompt's
  discussion timer, ↑ ↓ scroll a prompt too long for the screen;
- no auto-advance, no skip, no saves and no quick bar in class.
"""
from __future__ import annotations

import weakref

import pygame

from ..classroom import notes
from ..classroom.session import Recorder, SessionLog, format_clock
from ..classroom.votes import Vote
from ..runtime import events as ev
from ..runtime.runtime import Options, Runtime
from ..ui import draw, richtext
from ..ui.input import Act, Action
from ..ui.layout import Layout
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import Item, MenuList, ScrollList, hit_index
from ..words import chapter_entry, chapter_label, t
from .classroom_ui import (
    GAP,
    MARGIN,
    SCREEN,
    backdrop,
    draw_footer,
    draw_heading,
    draw_scroll_bar,
    footer_layout,
    heading_layout,
    high_contrast,
    scroll_bar,
    steps,
    strip,
    use_list,
)

TEACHER_PACED = (Act.AUTO, Act.SKIP, Act.QUICKSAVE, Act.QUICKLOAD, Act.BACKLOG, Act.TIMELINE)  # not in class


def choice_hints() -> tuple[str, ...]:
    return t("presenter.choice_hint_long"), t("presenter.choice_hint"), t("presenter.choice_hint_short")


def classroom_options(plan: dict[str, str] | None = None) -> Options:
    """Prompts on, fact and differ cards where they are written, and content notes answered by the plan
    (a noted scene the plan leaves out plays)."""
    return Options(prompts=True, content_notes=dict(plan or {}), cards="inline")


def presenter_view(app, log: SessionLog, plan: dict[str, str] | None = None, start_scene: str | None = None):
    """A play screen with the classroom overlay, its runtime already heard by the session log."""
    presenter = Presenter(app, log, notes.default_plan(app.story) if plan is None else plan)
    play = app.nav.make("play", runtime=presenter.runtime(start_scene), overlay=presenter)
    presenter.play = play
    return play


class Presenter:
    """The classroom overlay hosted by a PlayScreen (play.py's `overlay`)."""

    saves = False       # no autosaves in the middle of a class
    quick_bar = False   # no Auto/Skip/Save bar on the projector

    def __init__(self, app, log: SessionLog, plan: dict[str, str]):
        self.app = app
        self.log = log
        self.plan = dict(plan)
        self.recorder = Recorder(log, app.story, self.plan)
        self._play: weakref.ref | None = None
        self.blank = False
        self.timer: float | None = None               # seconds left on a prompt's discussion timer
        self.timer_for: ev.PromptEvent | None = None  # the prompt the timer belongs to
        self.scroll = 0                                # px a prompt too long for the screen is scrolled
        self.scroll_for: ev.PromptEvent | None = None

    @property
    def play(self):
        """The play screen hosting this overlay. It owns the overlay, so the overlay holds it weakly: a finished
        session's view is freed by reference counting, not at the cycle collector's next full pass."""
        play = self._play() if self._play is not None else None
        if play is None:
            raise ReferenceError("the presenter overlay outlived its play screen")
        return play

    @play.setter
    def play(self, play) -> None:
        self._play = weakref.ref(play)

    # --- the runtime ---------------------------------------------------------------------------

    def runtime(self, start_scene: str | None = None) -> Runtime:
        rt = Runtime(self.app.story, classroom_options(self.plan), start=start_scene, seen=self.app.profile.seen)
        self.recorder.attach(rt)
        return rt

    def chapter(self) -> int | None:
        return self.recorder.chapter()

    def jump(self, scene_id: str) -> None:
        """Start again at a scene (from the chapter list): a fresh runtime with the same plan."""
        self.log.jump(scene_id, self.app.story.scenes[scene_id].chapter)
        self.play.rt = self.runtime(scene_id)
        self.play.event = None
        self.play.next_event()

    def vote_taken(self, index: int) -> None:
        """The class voted: the story takes the winner, logged as the class's choice."""
        self.recorder.how = "vote"
        self.play.choose(index)

    # --- overlay hooks -------------------------------------------------------------------------

    @property
    def top(self) -> int:
        return self.app.fonts.line_height(self.app.theme.size("hint")) + 14

    def on_action(self, action: Action) -> bool:
        name = action.name
        if self.blank:
            if name == Act.BLANK:
                self.blank = False
            elif name == Act.MUTE:
                self.toggle_mute()
            return True  # a blank screen ignores everything else, so a stray key shows nothing
        event = self.play.event
        prompt = isinstance(event, ev.PromptEvent)
        if name == Act.BLANK:
            self.blank = True
            self.app.toasts.clear()
        elif name == Act.MUTE:
            self.toggle_mute()
        elif name == Act.CHAPTERS:
            self.app.nav.open("classroom_chapters", presenter=self)
        elif name == Act.VOTE:
            if isinstance(event, ev.ChoiceEvent):
                self.app.nav.open("classroom_vote", presenter=self, event=event)
            else:
                self.app.notify(t("presenter.vote_at_choice"))
        elif name in (Act.UP, Act.DOWN, Act.WHEEL_UP, Act.WHEEL_DOWN) and prompt:
            step = self.app.theme.size("body") * 2 * (1 if name in (Act.DOWN, Act.WHEEL_DOWN) else -1)
            self.scroll = max(0, min(self.prompt_room(event), (self.scroll if self.scroll_for is event else 0) + step))
            self.scroll_for = event
        elif name == Act.TIMELINE and prompt:
            running = self.timer is not None and self.timer_for is event
            self.timer, self.timer_for = (None, None) if running else (60.0 * (event.minutes or 5), event)
        elif name in (Act.CANCEL, Act.MENU):
            self.app.nav.open("classroom_pause", presenter=self)
        else:
            return name in TEACHER_PACED
        return True

    def toggle_mute(self) -> None:
        muted = not self.app.audio.muted
        self.app.audio.set_muted(muted)
        self.app.notify(t("presenter.sound_off") if muted else t("presenter.sound_on"))

    def update(self, dt: float) -> None:
        if self.timer is not None:
            self.timer = max(0.0, self.timer - dt)

    def draw_event(self, surface: pygame.Surface, event: ev.Event) -> bool:
        if isinstance(event, ev.PromptEvent):
            self._draw_prompt(surface, event)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        if self.blank:
            draw.box(surface, (0, 0, 0), SCREEN)
            return
        self._draw_header(surface)
        if isinstance(self.play.event, ev.ChoiceEvent) and "footer" in self.layout():
            draw_footer(surface, self.app, footer_layout(self.app.fonts, self.app.theme, choice_hints()))

    # --- layout --------------------------------------------------------------------------------

    def header_texts(self) -> tuple[str, str, str]:
        story = self.app.story
        scene = story.scenes.get(self.play.rt.state.scene)
        chapter = story.chapter(scene.chapter) if scene else None
        label = chapter_label(scene.chapter) + (f" · {chapter.title}" if chapter else "") if scene else ""
        clock = format_clock(self.log.elapsed()) + (" · " + t("presenter.muted") if self.app.audio.muted else "")
        return label, scene.title if scene else "", clock

    def header_layout(self, lay: Layout) -> tuple[str, str]:
        """header (label, title when it fits, clock) into `lay`; returns the label and title as shown
        (a long chapter title is cut short, its number kept)."""
        fonts, hint = self.app.fonts, self.app.theme.size("hint")
        label, title, clock = self.header_texts()
        lay.add("header", pygame.Rect(0, 0, WIDTH, self.top))
        clock_w = fonts.width(clock, hint, True)
        lay.add("header/clock", pygame.Rect(WIDTH - 20 - clock_w, 7, clock_w, fonts.line_height(hint)), hint)
        room = lay["header/clock"].left - 30 - 20
        while len(label) > 2 and fonts.width(label, hint, True) > room:
            label = label[:-2].rstrip() + "…"
        lay.add("header/label", pygame.Rect(20, 7, fonts.width(label, hint, True), fonts.line_height(hint)), hint)
        title_w = fonts.width(title, hint)
        if lay["header/label"].right + 24 + title_w <= room + 20:
            lay.add("header/title", pygame.Rect(lay["header/label"].right + 24, 7, title_w, fonts.line_height(hint)),
                    hint)
        else:
            title = ""
        return label, title

    def prompt_hints(self, e: ev.PromptEvent) -> tuple[str, ...]:
        minutes = t("presenter.suggested", minutes=e.minutes) + "  ·  " if e.minutes else ""
        return (minutes + t("presenter.prompt_hint_long"), t("presenter.prompt_hint"), t("presenter.prompt_hint_short"))

    def prompt_sizes(self, e: ev.PromptEvent, inner: pygame.Rect) -> tuple[int, int, int]:
        """The question's and follow-ups' sizes (the largest that fit) and their height at those sizes."""
        fonts, theme = self.app.fonts, self.app.theme

        def height(q_size: int, f_size: int) -> int:
            return (richtext.height(fonts, e.question, q_size, inner.width, bold=True) + 18
                    + sum(richtext.item_height(fonts, f, f_size, inner.width) + 6 for f in e.followups))

        hint = theme.size("hint")
        q_size, f_size = next(((q, f) for f in steps(theme, "body", "hint")
                               for q in steps(theme, "huge", "big", "body", "hint")
                               if f <= q and height(q, f) <= inner.height),
                              (hint, hint))
        return q_size, f_size, height(q_size, f_size)

    def prompt_layout(self, e: ev.PromptEvent) -> Layout:
        """header, card (tag, text), footer: the prompt between the presenter's header and the key hints."""
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        self.header_layout(lay)
        foot = footer_layout(fonts, theme, self.prompt_hints(e))
        card = lay.add("card", pygame.Rect(MARGIN, self.top + 12, WIDTH - 2 * MARGIN,
                                           foot.rect.top - 12 - self.top - 12))
        body = theme.size("body")
        lay.add("card/tag", pygame.Rect(card.left + 40, card.top + 20, card.width - 80, fonts.line_height(body)), body)
        inner = lay.add("card/text", pygame.Rect(card.left + 40, lay["card/tag"].bottom + 8, card.width - 80 - 14,
                                                 card.bottom - 20 - lay["card/tag"].bottom - 8))
        q_size, f_size, _ = self.prompt_sizes(e, inner)
        lay.sizes["card/text"] = min(q_size, f_size)
        foot.into(lay)
        return lay

    def prompt_room(self, e: ev.PromptEvent) -> int:
        """How far a prompt scrolls: what is left over when even the hint size does not fit its card."""
        inner = self.prompt_layout(e)["card/text"]
        return max(0, self.prompt_sizes(e, inner)[2] - inner.height)

    def layout(self) -> Layout:
        """What the overlay adds to the play screen this frame (for the layout tests)."""
        e = self.play.event
        if isinstance(e, ev.PromptEvent):
            return self.prompt_layout(e)
        lay = Layout()
        self.header_layout(lay)
        menu = getattr(self.play, "menu", None)
        if isinstance(e, ev.ChoiceEvent) and menu is not None:
            foot = footer_layout(self.app.fonts, self.app.theme, choice_hints())
            if not any(foot.rect.colliderect(r) for r in menu.layout(self.app.fonts)):  # never over an option
                foot.into(lay)
        return lay

    # --- drawing -------------------------------------------------------------------------------

    def _draw_header(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        hint = theme.size("hint")
        lay = Layout()
        label, title = self.header_layout(lay)
        strip(surface, theme, lay["header"])
        draw.text(surface, fonts, label, hint, theme.accent, lay["header/label"].topleft, bold=True)
        if title:
            draw.text(surface, fonts, title, hint, theme.text, lay["header/title"].topleft)
        draw.text(surface, fonts, self.header_texts()[2], hint, theme.text, lay["header/clock"].topleft, bold=True)

    def _draw_prompt(self, surface: pygame.Surface, e: ev.PromptEvent) -> None:
        """A discussion prompt fills the screen: big, calm, and it waits for the teacher."""
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.prompt_layout(e)
        card, inner = lay["card"], lay["card/text"]
        q_size, f_size, total = self.prompt_sizes(e, inner)
        room = max(0, total - inner.height)
        scroll = min(room, self.scroll) if self.scroll_for is e else 0
        draw.box(surface, theme.veil if high_contrast(theme) else (14, 22, 16), SCREEN)
        draw.box(surface, theme.prompt, card, width=3, radius=18)
        body = theme.size("body")
        draw.text(surface, fonts, t("presenter.discuss"), body, theme.prompt, lay["card/tag"].topleft, bold=True)
        if self.timer is not None and self.timer_for is e:
            draw.text(surface, fonts, format_clock(self.timer), body, theme.danger if self.timer == 0 else theme.accent,
                      lay["card/tag"].topright, anchor="topright", bold=True)
        with draw.clip(surface, inner):
            y = richtext.block(surface, fonts, e.question, q_size, theme.text,
                               pygame.Rect(inner.left, inner.top - scroll, inner.width, 0), bold=True) + 18
            for q in e.followups:
                y = richtext.item(surface, fonts, q, f_size, theme.dim, pygame.Rect(inner.left, y, inner.width, 0)) + 6
        if room:
            draw_scroll_bar(surface, theme, *scroll_bar(inner.move(14 + 4, 0), total, scroll))
        draw_footer(surface, self.app, footer_layout(fonts, theme, self.prompt_hints(e)))


# --- before class: the content-note plan ---------------------------------------------------------------

PILLS = {notes.PLAY: "notes.pill_play", notes.SUMMARY: "notes.pill_summary"}  # keys


def notes_heading() -> tuple[str, str]:
    return t("notes.tag"), t("notes.title")


def notes_hints() -> tuple[str, ...]:
    return t("notes.hint_long"), t("notes.hint"), t("notes.hint_short")


def note_row_text(n: notes.NotedScene) -> tuple[str, str]:
    short = t("chapter.prologue") if n.chapter == 0 else t("notes.chapter_short", number=n.chapter)
    return f"{short} · {n.title}", t("notes.topic_separator").join(n.topics)


class ClassroomNotesScreen(Screen):
    """Before the story: every scene with a content note, and for each, play it or show its summary.

    ← → (or a click) switch the selected scene between PLAY and SUMMARY; Enter walks down the list and
    starts the story on the last row (Tab starts it from anywhere); Esc goes back without starting."""

    def __init__(self, app, log: SessionLog, on_start=None, plan: dict[str, str] | None = None):
        super().__init__(app)
        self.log = log
        self.noted = notes.noted_scenes(app.story)
        self.plan = dict(plan) if plan is not None else notes.default_plan(app.story)
        self.on_start = on_start
        self.list = ScrollList(len(self.noted) + 1, self._measure, gap=8)
        self.title_size = app.theme.size("body")

    @property
    def index(self) -> int:
        return self.list.index

    def start(self) -> None:
        self.log.content_plan(self.plan, {n.scene: n.title for n in self.noted})
        play = presenter_view(self.app, self.log, self.plan)
        self.app.pop()
        self.app.push(play)
        if self.on_start:
            self.on_start(play)

    def on_action(self, action: Action) -> None:
        name = action.name
        if name == Act.DIGIT:
            if action.number in (1, 2):
                for n in self.noted:  # 1: play every scene, 2: summaries for every scene
                    self.plan[n.scene] = notes.DECISIONS[action.number - 1]
            return
        if name in (Act.LEFT, Act.RIGHT):
            if self.index < len(self.noted):
                notes.toggle(self.plan, self.noted[self.index].scene)
            return
        if name == Act.NEXT:
            self.start()
            return
        used = self.list.on_action(action, self.layout()["list"])
        if used is not None and used.chosen is not None:
            if used.chosen == len(self.noted):
                self.start()
            elif name == Act.CLICK:
                notes.toggle(self.plan, self.noted[used.chosen].scene)
            else:
                self.list.move(1)  # Enter on a scene walks on towards "Start the story"
        elif used is None and name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    # --- layout ------------------------------------------------------------------------------------

    def _pill_w(self) -> int:
        hint = self.app.theme.size("hint")
        return max(self.app.fonts.width(t(p), hint, True) for p in PILLS.values()) + 40

    def _text_w(self, width: int) -> int:
        return width - 40 - self._pill_w() - 20

    def _measure(self, i: int, width: int, title_size: int | None = None) -> int:
        fonts, hint = self.app.fonts, self.app.theme.size("hint")
        size = title_size or self.title_size
        if i == len(self.noted):
            return fonts.line_height(size) + 20
        title, topics = note_row_text(self.noted[i])
        h = (draw.block_height(fonts, title, size, self._text_w(width), bold=True, spacing=1.0)
             + draw.block_height(fonts, topics, hint, self._text_w(width), spacing=1.0))
        return max(h, fonts.line_height(hint) + 12) + 20

    def layout(self) -> Layout:
        """header, list (rows with their pills, scroll bar), footer. The scene titles take the largest size at
        which at least three rows show at once."""
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        foot = footer_layout(fonts, theme, notes_hints())
        head = heading_layout(fonts, theme, *notes_heading(), top=14, room=fonts.line_height(theme.size("big")))
        head.into(lay)
        area = pygame.Rect(MARGIN + 30, head.bottom + 12, WIDTH - 2 * MARGIN - 60,
                           foot.rect.top - 10 - head.bottom - 12)
        want = min(3, self.list.count)
        width = area.width - 18
        self.title_size = next((s for s in steps(theme, "body", "hint")
                                if sum(self._measure(i, width, s) + 8 for i in range(want)) <= area.height),
                               theme.size("hint"))
        rows = self.list.layout(area)
        rows.into(lay, "list")
        hint = theme.size("hint")
        for i, rect in rows.rows.items():
            lay.sizes[f"list/row{i}"] = min(self.title_size, hint)
            if i < len(self.noted):
                ph = fonts.line_height(hint) + 12
                lay.add(f"list/row{i}/pill", pygame.Rect(rect.right - 20 - self._pill_w(), rect.centery - ph // 2,
                                                          self._pill_w(), ph), hint)
        foot.into(lay)
        return lay

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 225)
        lay = self.layout()
        draw_heading(surface, self.app, heading_layout(fonts, theme, *notes_heading(), top=14,
                                                       room=fonts.line_height(theme.size("big"))),
                     *notes_heading(), theme.danger)
        hint, size = theme.size("hint"), self.title_size
        rows = self.list.layout(lay["list"])
        for i, rect in rows.rows.items():
            selected = i == self.index
            draw.panel(surface, rect, theme, alpha=250 if selected else 225,
                       edge=theme.accent if selected else theme.grid,
                       radius=10)
            if i == len(self.noted):
                draw.text(surface, fonts, t("notes.start"), size, theme.accent if selected else theme.text, rect.center,
                          anchor="center", bold=True)
                continue
            title, topics = note_row_text(self.noted[i])
            text_w = self._text_w(rect.width)
            y = draw.text_block(surface, fonts, title, size, theme.text,
                                pygame.Rect(rect.left + 20, rect.top + 10, text_w, 0), bold=True, spacing=1.0)
            draw.text_block(surface, fonts, topics, hint, theme.dim, pygame.Rect(rect.left + 20, y, text_w, 0),
                            spacing=1.0)
            decision = self.plan.get(self.noted[i].scene, notes.PLAY)
            pill = lay[f"list/row{i}/pill"]
            draw.box(surface, theme.success if decision == notes.PLAY else theme.differ, pill,
                     radius=pill.height // 2)
            draw.text(surface, fonts, t(PILLS[decision]), hint, theme.on_accent, pill.center, anchor="center",
                      bold=True)
        ScrollList.draw_bar(surface, rows, theme)
        draw_footer(surface, self.app, footer_layout(fonts, theme, notes_hints()))


# --- a class vote --------------------------------------------------------------------------------------

def vote_hints(total: int) -> list[str]:
    hands = t("vote.hands", count=total)
    return [f"{h}  ·  {hands}" for h in (t("vote.hint_long"), t("vote.hint"), t("vote.hint_short"))]


class ClassroomVoteScreen(Screen):
    """A show-of-hands vote on the choice on screen. The tally goes to the session log."""

    def __init__(self, app, presenter: Presenter, event: ev.ChoiceEvent):
        super().__init__(app)
        self.presenter = presenter
        self.event = event
        self.vote = Vote(event.options, event.prompt)
        self.tie_mode = False
        self.blank = False

    def finish(self, position: int) -> None:
        v, p = self.vote, self.presenter
        index = v.options[position][0]
        p.log.vote(p.play.rt.state.scene, p.chapter(), self.event.key, self.event.prompt, v.tallies(), index,
                   tie_broken=v.tied)
        self.app.pop()
        p.vote_taken(index)

    def on_action(self, action: Action) -> None:
        v, name = self.vote, action.name
        if name == Act.BLANK:
            self.blank = not self.blank
        elif self.blank:
            return
        elif name == Act.MUTE:
            self.presenter.toggle_mute()
        elif name == Act.DIGIT:
            if self.tie_mode:
                if v.break_tie(action.number - 1):
                    self.finish(action.number - 1)
            else:
                v.hand(action.number - 1)
        elif name in (Act.UP, Act.DOWN):
            v.change(+1 if name == Act.UP else -1)
            self.tie_mode = False
        elif name in (Act.LEFT, Act.RIGHT, Act.NEXT):
            v.move(-1 if name == Act.LEFT else 1)
        elif name == Act.CLICK and action.pos:
            self.click(action.pos)
        elif name == Act.CONFIRM:
            self.take()
        elif name in (Act.CANCEL, Act.MENU):
            if self.tie_mode:
                self.tie_mode = False
            else:
                self.app.pop()

    def click(self, pos: tuple[int, int]) -> None:
        v = self.vote
        lay = self.layout()
        hit = hit_index([lay[f"options/row{i}"] for i in range(len(v.options))], pos)
        if hit is None:
            return
        if self.tie_mode and v.break_tie(hit):
            self.finish(hit)
        elif not self.tie_mode:
            v.hand(hit)

    def take(self) -> None:
        v = self.vote
        winner = v.winner()
        if winner is not None:
            self.finish(winner)
        elif self.tie_mode and v.selected in v.leaders():
            v.break_tie(v.selected)
            self.finish(v.selected)
        else:
            self.tie_mode = True

    def tag(self) -> str:
        return t("vote.tie") if self.tie_mode else t("vote.hands_up")

    def _columns(self) -> tuple[int, int]:
        """The width of the number column and of the tally column."""
        fonts, big = self.app.fonts, self.app.theme.size("big")
        return fonts.width("9", big, True) + 40, fonts.width("99", big, True) + 40

    def _text_size(self, text_w: int, room: int) -> int:
        fonts, theme = self.app.fonts, self.app.theme
        texts = [t for _, t in self.vote.options]
        return next((s for s in steps(theme, "body", "hint")
                     if sum(draw.block_height(fonts, t, s, text_w, spacing=1.0) + 16 for t in texts) <= room),
                    theme.size("hint"))

    def layout(self) -> Layout:
        """header (the question), options (one row each: number, text, tally), footer."""
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        foot = footer_layout(fonts, theme, vote_hints(self.vote.total))
        head = heading_layout(fonts, theme, self.tag(), self.event.prompt, top=14,
                              room=2 * fonts.line_height(theme.size("big")))
        head.into(lay)
        n, top = len(self.vote.options), head.bottom + 12
        area = lay.add("options", pygame.Rect(MARGIN, top, WIDTH - 2 * MARGIN, foot.rect.top - 10 - top))
        number_w, tally_w = self._columns()
        text_w = area.width - number_w - tally_w - 20
        size = self._text_size(text_w, area.height - GAP * (n - 1))
        heights = [max(draw.block_height(fonts, t, size, text_w, spacing=1.0) + 16,
                       fonts.line_height(theme.size("big")) + 8) for _, t in self.vote.options]
        spare = min(40, max(0, area.height - GAP * (n - 1) - sum(heights)) // n)
        y = area.top
        for i, h in enumerate(heights):
            row = lay.add(f"options/row{i}", pygame.Rect(area.left, y, area.width, min(h + spare, area.bottom - y)),
                          size)
            y = row.bottom + GAP
        foot.into(lay)
        return lay

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme, v = self.app.fonts, self.app.theme, self.vote
        if self.blank:
            draw.box(surface, (0, 0, 0), SCREEN)
            return
        draw.box(surface, theme.veil if high_contrast(theme) else (12, 16, 28), SCREEN)
        lay = self.layout()
        head = heading_layout(fonts, theme, self.tag(), self.event.prompt, top=14,
                              room=2 * fonts.line_height(theme.size("big")))
        draw_heading(surface, self.app, head, self.tag(), self.event.prompt, theme.differ if self.tie_mode else None)
        big = theme.size("big")
        number_w, tally_w = self._columns()
        most = max(max(v.counts), 1)
        leaders = v.leaders() if v.total else []
        for pos, ((_, text), count) in enumerate(zip(v.options, v.counts)):
            rect, size = lay[f"options/row{pos}"], lay.sizes[f"options/row{pos}"]
            text_w = rect.width - number_w - tally_w - 20
            selected, lead = pos == v.selected, pos in leaders
            draw.panel(surface, rect, theme, alpha=245, radius=12,
                       edge=theme.accent if selected else (theme.differ if lead else theme.grid))
            if count:
                bar = pygame.Rect(rect.left + number_w, rect.bottom - 10, round((text_w - 10) * count / most), 6)
                draw.box(surface, theme.success if lead else theme.dim, bar, radius=3)
            draw.text(surface, fonts, str(pos + 1), big, theme.accent if selected else theme.text,
                      (rect.left + number_w // 2, rect.centery), anchor="center", bold=True)
            th = draw.block_height(fonts, text, size, text_w, spacing=1.0)
            draw.text_block(surface, fonts, text, size, theme.text,
                            pygame.Rect(rect.left + number_w, rect.centery - th // 2 - 3, text_w, 0), spacing=1.0)
            draw.text(surface, fonts, str(count), big, theme.success if lead else theme.text,
                      (rect.right - tally_w // 2, rect.centery), anchor="center", bold=True)
        draw_footer(surface, self.app, footer_layout(fonts, theme, vote_hints(v.total)))


# --- jump to a chapter ---------------------------------------------------------------------------------

def chapter_hints() -> tuple[str, ...]:
    return t("jump.hint"), t("jump.hint_short")


class ClassroomChapterList(Screen):
    """Jump to any chapter (C in the presenter view): the chapters in a list that scrolls when long."""

    def __init__(self, app, presenter: Presenter):
        super().__init__(app)
        self.presenter = presenter
        self.chapters = [(c, app.story.scenes_in_chapter(c.number)) for c in app.story.chapters]
        self.current = presenter.chapter()
        self.list = ScrollList(len(self.chapters), self._measure, gap=6)
        self.list.index = next((i for i, (c, _) in enumerate(self.chapters) if c.number == self.current), 0)

    def _measure(self, i: int, width: int) -> int:
        chapter = self.chapters[i][0]
        return draw.block_height(self.app.fonts, chapter_entry(chapter.number, chapter.title),
                                 self.app.theme.size("body"), width - 40 - self._now_w()) + 16

    def _now_w(self) -> int:
        return self.app.fonts.width(t("jump.now"), self.app.theme.size("hint"), True) + 40

    def jump(self, position: int) -> None:
        chapter, scenes = self.chapters[position]
        if not scenes:
            self.app.notify(t("jump.no_scenes", chapter=chapter_label(chapter.number)))
            return
        first = next((s for s in notes.story_order(self.app.story) if s.chapter == chapter.number), scenes[0])
        self.app.pop()
        self.presenter.jump(first.id)

    def on_action(self, action: Action) -> None:
        if not use_list(self.list, action, self.layout()["list"], self.jump) \
                and action.name in (Act.CANCEL, Act.MENU, Act.CHAPTERS):
            self.app.pop()

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        foot = footer_layout(fonts, theme, chapter_hints())
        head = heading_layout(fonts, theme, t("jump.tag"), t("jump.title"), top=14)
        head.into(lay)
        area = pygame.Rect(MARGIN + 60, head.bottom + 12, WIDTH - 2 * MARGIN - 120,
                           foot.rect.top - 10 - head.bottom - 12)
        rows = self.list.layout(area)
        rows.into(lay, "list")
        for i in rows.rows:
            lay.sizes[f"list/row{i}"] = theme.size("body")
        foot.into(lay)
        return lay

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        backdrop(surface, self.app, 220)
        lay = self.layout()
        draw_heading(surface, self.app, heading_layout(fonts, theme, t("jump.tag"), t("jump.title"), top=14),
                     t("jump.tag"), t("jump.title"))
        body, hint = theme.size("body"), theme.size("hint")
        rows = self.list.layout(lay["list"])
        for i, rect in rows.rows.items():
            chapter, scenes = self.chapters[i]
            selected = i == self.list.index
            draw.panel(surface, rect, theme, alpha=250 if selected else 225,
                       edge=theme.accent if selected else theme.grid,
                       radius=10)
            colour = theme.accent if selected else (theme.text if scenes else theme.dim)
            label = chapter_entry(chapter.number, chapter.title)
            text_w = rect.width - 40 - self._now_w()
            h = draw.block_height(fonts, label, body, text_w)
            draw.text_block(surface, fonts, label, body, colour, pygame.Rect(rect.left + 20, rect.centery - h // 2,
                                                                             text_w, 0), bold=selected)
            if chapter.number == self.current:
                draw.text(surface, fonts, t("jump.now"), hint, theme.success, (rect.right - 20, rect.centery),
                          anchor="midright", bold=True)
        ScrollList.draw_bar(surface, rows, theme)
        draw_footer(surface, self.app, footer_layout(fonts, theme, chapter_hints()))


class ClassroomPauseMenu(Screen):
    opaque = False

    def __init__(self, app, presenter: Presenter):
        super().__init__(app)
        self.presenter = presenter
        self.menu = MenuList([Item(t("presenter.back"), app.pop), Item(t("presenter.chapters"), self.chapters),
                              Item(t("presenter.hub"), self.leave)], (WIDTH // 2, HEIGHT // 2), 560,
                             app.theme.size("body"), fonts=app.fonts)

    def chapters(self) -> None:
        self.app.pop()
        self.app.nav.open("classroom_chapters", presenter=self.presenter)

    def leave(self) -> None:
        self.app.pop()  # this menu
        self.app.pop()  # the presenter view: the hub keeps it, to resume later

    def layout(self) -> Layout:
        lay = Layout()
        self.menu.fonts = self.app.fonts
        self.menu.list_layout(self.app.fonts).into(lay, "menu")
        return lay

    def on_action(self, action: Action) -> None:
        self.menu.fonts = self.app.fonts
        if not self.menu.on_action(action) and action.name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        draw.shade(surface, 200)
        self.menu.draw(surface, self.app.fonts, self.app.theme)
