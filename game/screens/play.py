"""The play screen: draws the runtime's stage and current event; turns input into runtime calls."""
from __future__ import annotations

import pygame

from ..content.model import chapter_label
from ..runtime import events as ev
from ..runtime.runtime import Options, Runtime
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH, hex_colour
from .widgets import Item, MenuList, block_height, fitting, panel, shade, text_block

POSITIONS = {"far_left": 0.14, "left": 0.27, "center": 0.5, "right": 0.73, "far_right": 0.86}
FADE_SECONDS = 0.45
BOX_MARGIN = 60
QUICK = ("Back", "Log", "Auto", "Skip", "Save", "History", "Menu")
CHOICE_GUARD_SECONDS = 0.3  # Enter this soon after a choice appears is a key still held from the line before
PAGE_STRIP = 44  # room above a "Film and sources" card for its heading


class PlayScreen(Screen):
    def __init__(self, app, start_scene: str | None = None, runtime: Runtime | None = None,
                 options: Options | None = None):
        super().__init__(app)
        settings = app.settings
        options = options or Options(prompts=settings.prompts_in_play or app.classroom,
                                     content_notes=settings.content_notes)
        self.rt = runtime or Runtime(app.story, options, start=start_scene, seen=app.profile.seen)
        self.event: ev.Event | None = None
        self.typed = 0.0            # characters of the current line shown so far
        self.wait = 0.0             # seconds since the line finished typing (for auto)
        self.fade = 1.0             # background transition progress, 0 -> 1
        self.old_background: pygame.Surface | None = None  # the picture fading out
        self.shown_picture: tuple[str, str] | None = None  # ("background" | "illustration", id) on screen
        self.menu: MenuList | None = None
        self.auto = False
        self.skip = False
        self.hide_ui = False
        self.quick_rects: dict[str, pygame.Rect] = {}
        self.autosave_due = False
        self.shown_at = 0.0         # app time when the current event appeared
        self.card = 0               # which card of a "Film and sources" page is showing
        self.reserve = 0            # px kept free above cards (for the page heading)
        self.next_event()

    # --- runtime calls -----------------------------------------------------------------------

    def next_event(self) -> None:
        self.show(self.rt.advance())

    def show(self, event: ev.Event | None) -> None:
        if event is None:
            return
        if isinstance(event, ev.EvidenceEvent):
            self.app.audio.play_sound("evidence")
        for effect in event.effects:
            if effect[0] == "sound":
                self.app.audio.play_sound(effect[1])
            elif effect[0] == "illustration" and effect[1] != "none":
                self.app.profile.see_illustration(effect[1])
        changes = [e[2] for e in event.effects if e[0] in ("background", "illustration")]
        picture = self._picture()
        if changes and changes[-1] != "cut" and not self.app.settings.reduce_motion:
            if self.shown_picture and self.shown_picture != picture:
                self.old_background = self._picture_image(self.shown_picture)
                self.fade = 0.0
        self.app.audio.play_music(self.rt.state.stage.music)
        location = self.app.story.locations.get(self.rt.state.stage.background)
        self.app.audio.play_ambience(location.ambience or "" if location else "")
        self.shown_picture = picture
        self.event = event
        self.shown_at, self.card = self.app.time, 0
        self._remember(event)
        self.typed = 0.0 if isinstance(event, ev.LineEvent) and self.app.settings.text_speed else 1e9
        self.wait = 0.0
        self.menu = self._menu_for(event)

    def _menu_for(self, event: ev.Event) -> MenuList | None:
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            items = [Item(text, lambda i=i: self.choose(i)) for i, text in event.options]
            center_y = 300 if isinstance(event, ev.ChoiceEvent) else 520
            return MenuList(items, (WIDTH // 2, center_y), 860, self.app.theme.body_size, numbered=True,
                            audio=self.app.audio)
        return None

    def _remember(self, event: ev.Event) -> None:
        """Autosave at every scene start and choice; note chapters reached; read lines aloud."""
        profile = self.app.profile
        if isinstance(event, ev.SceneStart):
            profile.chapters.add(event.chapter)
            profile.save_persistent()
        if isinstance(event, (ev.SceneStart, ev.ChoiceEvent, ev.EndEvent)):
            self.autosave_due = True  # taken next frame, from the canvas that shows this moment (at an ending:
            # so that Continue comes back to the end screen, not to the choice before it)
        if isinstance(event, ev.LineEvent) and self.app.settings.self_voicing:
            self.app.voice.say(f"{event.name}: {event.text}" if event.name else event.text)

    def save(self, slot: str, from_canvas: bool = False) -> None:
        """Save to a slot ('auto' rotates through the autosaves); failures become a message, never a crash.

        The thumbnail is the last frame drawn when `from_canvas`; otherwise the game is drawn again
        without the menus that are open over it.
        """
        from ..storage import StorageError
        saves = self.app.profile.saves
        try:
            thumb = self.app.thumbnail_png(None if from_canvas else self)
            if slot == "auto":
                saves.autosave(self.rt, thumb)
            else:
                saves.save(slot, self.rt, thumb)
                self.app.notify(f"Saved ({'quicksave' if slot == 'quick' else 'slot ' + slot}).")
        except (StorageError, OSError) as exc:
            self.app.notify(f"Could not save: {exc}")

    def load(self, slot: str) -> None:
        from ..saves import SaveError
        try:
            resumed = self.app.profile.saves.load(slot, self.app.story, self.rt.options, self.app.profile.seen)
        except SaveError as exc:
            self.app.notify(str(exc), 6)
            return
        self.adopt(resumed, "Loaded.")

    def adopt(self, resumed, done: str) -> None:
        """Continue from a loaded or reloaded runtime, showing its current moment."""
        self.rt = resumed.runtime
        self.event = None
        self.show(self.rt.current or self.rt.advance())
        self.app.notify(resumed.message or done, 6 if resumed.message else 2)

    def choose(self, index: int) -> None:
        self.rt.choose(index)
        self.skip = False
        self.next_event()

    def rollback(self) -> None:
        self.show(self.rt.rollback())

    def roll_forward(self) -> None:
        self.show(self.rt.roll_forward())

    # --- input ---------------------------------------------------------------------------------

    def line_done(self) -> bool:
        return not isinstance(self.event, ev.LineEvent) or self.typed >= len(self.event.text)

    def on_action(self, action: Action) -> None:
        name = action.name
        if self.hide_ui and name in ("confirm", "click", "hide_ui", "cancel"):
            self.hide_ui = False
            return
        if name == "click" and action.pos:
            hit = next((k for k, r in self.quick_rects.items() if r.collidepoint(action.pos)), None)
            if hit:
                self.quick(hit)
                return
        if name == "confirm" and self.menu is not None and self.app.time - self.shown_at < CHOICE_GUARD_SECONDS:
            return  # mashing Enter through lines must not take an option the player has not seen
        if self.menu is not None and self.menu.on_action(action):
            return
        if name in ("confirm", "click"):
            self.auto = self.auto and name != "click"
            if not self.line_done():
                self.typed = 1e9
            elif isinstance(self.event, ev.SourcesPage) and self.card < len(self.event.cards) - 1:
                self.card += 1
            elif isinstance(self.event, ev.EndEvent):
                self.end_screen()
            elif self.menu is None:
                self.next_event()
        elif name in ("rollback", "wheel_up") or (name == "left" and self.menu is None):
            self.rollback()
        elif name in ("rollforward", "wheel_down") or (name == "right" and self.menu is None):
            self.roll_forward()
        elif name in ("cancel", "menu"):
            self.quick("Menu")
        elif name == "auto":
            self.quick("Auto")
        elif name == "skip":
            self.quick("Skip")
        elif name == "hide_ui":
            self.hide_ui = True
        elif name == "quicksave":
            self.save("quick")
        elif name == "quickload":
            self.load("quick")
        elif name == "backlog":
            self.quick("Log")
        elif name == "timeline":
            self.quick("History")

    def quick(self, name: str) -> None:
        if name == "Back":
            self.rollback()
        elif name == "Auto":
            self.auto = not self.auto
        elif name == "Skip":
            self.skip = not self.skip
        elif name == "Log":
            from .backlog import BacklogScreen
            self.app.push(BacklogScreen(self.app, self))
        elif name == "History" and self.app.library.timeline is not None:
            from .timeline import TimelineScreen
            focus = self.app.story.scenes[self.rt.state.scene].timeline
            self.app.push(TimelineScreen(self.app, self.app.library.timeline, focus_event=focus))
        elif name == "Save":
            from .saveload import SaveLoadScreen
            self.app.push(SaveLoadScreen(self.app, "save", self))
        elif name == "Menu":
            from .menu import GameMenu
            self.app.push(GameMenu(self.app, self))

    # --- animation -----------------------------------------------------------------------------

    def end_screen(self) -> None:
        """The story has ended: The End, the ending's title, the evidence, the credits, then the title screen."""
        from .ending import EndScreen
        self.app.push(EndScreen(self.app, self, self.event))

    def update(self, dt: float) -> None:
        if self.autosave_due:
            self.autosave_due = False
            self.save("auto", from_canvas=True)
            if isinstance(self.event, ev.EndEvent) and self.app.top is self:
                self.end_screen()
        settings = self.app.settings
        self.fade = min(1.0, self.fade + dt / FADE_SECONDS)
        if isinstance(self.event, ev.LineEvent) and settings.text_speed:
            self.typed += dt * settings.text_speed
        if self.line_done():
            self.wait += dt
        if self.skip and self.menu is None and self._may_skip():
            self.next_event()
        elif self.auto and self.menu is None and isinstance(self.event, ev.LineEvent) and self.line_done():
            if self.wait >= settings.auto_delay + 0.02 * len(self.event.text):
                self.next_event()

    def _may_skip(self) -> bool:
        """Skip stops at unread lines (unless the setting allows them) and at every choice."""
        held = pygame.key.get_mods() & pygame.KMOD_CTRL if pygame.display.get_init() else 0
        if not (self.skip or held):
            return False
        if isinstance(self.event, ev.LineEvent):
            return self.event.seen or self.app.settings.skip_unread
        return isinstance(self.event, (ev.SceneStart, ev.EvidenceEvent))

    # --- drawing -------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        self._draw_stage(surface)
        if self.hide_ui or self.event is None:
            return
        e = self.event
        if isinstance(e, ev.LineEvent):
            self._draw_line(surface, e)
        elif isinstance(e, ev.ChoiceEvent):
            self._draw_choice(surface, e)
        elif isinstance(e, ev.SceneStart):
            self._draw_scene_card(surface, e)
        elif isinstance(e, ev.ContentNoteEvent):
            self._draw_note(surface, e)
        elif isinstance(e, (ev.FactEvent, ev.EvidenceEvent, ev.PromptEvent)):
            self._draw_card(surface, e)
        elif isinstance(e, ev.DifferEvent):
            self._draw_differ(surface, e)
        elif isinstance(e, ev.SourcesPage):
            self.draw_sources(surface, e, self.card)
        if self.menu is not None:
            self.menu.draw(surface, self.app.fonts, self.app.theme)

    def _picture(self) -> tuple[str, str]:
        """What fills the screen behind the text: the illustration when one shows, else the background."""
        stage = self.rt.state.stage
        return ("illustration", stage.illustration) if stage.illustration else ("background", stage.background)

    def _picture_image(self, picture: tuple[str, str]) -> pygame.Surface:
        kind, name = picture
        return self.app.images.illustration(name) if kind == "illustration" else self.app.images.background(name)

    def _draw_stage(self, surface: pygame.Surface) -> None:
        stage = self.rt.state.stage
        surface.blit(self._picture_image(self._picture()), (0, 0))
        if self.old_background is not None and self.fade < 1.0:
            self.old_background.set_alpha(round(255 * (1 - self.fade)))  # shared with the image cache:
            surface.blit(self.old_background, (0, 0))
            self.old_background.set_alpha(None)                           # so put its alpha back
        if stage.illustration:
            return  # an illustration is the whole picture: no portraits over it
        speaker = self.event.speaker if isinstance(self.event, ev.LineEvent) else None
        for who, sprite in stage.sprites.items():
            listening = speaker is not None and who != speaker
            image = (self.app.images.dimmed if listening else self.app.images.portrait)(who, sprite["expression"])
            if image is None:
                continue
            x = round(WIDTH * POSITIONS.get(sprite["at"], 0.5)) - image.get_width() // 2
            surface.blit(image, (x, HEIGHT - image.get_height() + 40))

    def _text_box(self, surface: pygame.Surface, text: str, size: int) -> pygame.Rect:
        fonts, theme = self.app.fonts, self.app.theme
        width = WIDTH - 2 * BOX_MARGIN
        height = max(190, block_height(fonts, text, size, width - 80) + 90)
        rect = pygame.Rect(BOX_MARGIN, HEIGHT - height - 20, width, height)
        panel(surface, rect, theme, edge=theme.panel_edge)
        return rect

    def _draw_line(self, surface: pygame.Surface, e: ev.LineEvent) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        size = theme.body_size
        rect = self._text_box(surface, e.text, size)
        if e.name:
            colour = hex_colour(e.colour) if e.colour else theme.accent
            label = fonts.render(e.name, theme.name_size, (20, 20, 28), bold=True)
            plate = pygame.Rect(rect.left + 28, rect.top - label.get_height() // 2 - 12,
                                label.get_width() + 36, label.get_height() + 12)
            pygame.draw.rect(surface, colour, plate, border_radius=10)
            surface.blit(label, (plate.left + 18, plate.top + 6))
        body = rect.inflate(-80, -60)
        body.top = rect.top + 34
        self._type_out(surface, e.text, size, body)
        if self.line_done():
            t = self.app.time * 3
            y = rect.bottom - 30 + round(3 * ((t % 2) - 1 if int(t) % 2 else 1 - (t % 2)))
            arrow = [(rect.right - 44, y), (rect.right - 28, y), (rect.right - 36, y + 10)]
            pygame.draw.polygon(surface, theme.accent, arrow)
        self._draw_quick(surface, rect)

    def _type_out(self, surface: pygame.Surface, text: str, size: int, body: pygame.Rect) -> None:
        """The first `typed` characters, laid out as the whole line will be, so words never jump lines."""
        fonts, colour = self.app.fonts, self.app.theme.text
        left = int(self.typed)
        step = round(fonts.line_height(size) * 1.15)
        for i, line in enumerate(fonts.wrap(text, size, body.width)):
            if left <= 0:
                break
            part = line if left >= len(line) else line[:left]
            surface.blit(fonts.render(part, size, colour, cache=part is line), (body.left, body.top + i * step))
            left -= len(line) + 1  # the space the wrap consumed

    def _draw_quick(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        x = box.right - 80
        self.quick_rects = {}
        for name in reversed(QUICK):
            on = (name == "Auto" and self.auto) or (name == "Skip" and self.skip)
            image = fonts.render(name, theme.small_size - 2, theme.accent if on else theme.muted, bold=on)
            x -= image.get_width()
            y = box.bottom - image.get_height() - 12
            rect = pygame.Rect(x - 6, y - 4, image.get_width() + 12, image.get_height() + 8)
            surface.blit(image, (x, y))
            self.quick_rects[name] = rect
            x -= 26

    def _draw_choice(self, surface: pygame.Surface, e: ev.ChoiceEvent) -> None:
        shade(surface, 110)
        fonts, theme = self.app.fonts, self.app.theme
        width = WIDTH - 2 * BOX_MARGIN - 80

        def prompt_height(d: int) -> int:
            return block_height(fonts, e.prompt, theme.body_size - d, width - 60) + 40

        def height(d: int) -> int:
            self.menu.size = theme.body_size - d
            return prompt_height(d) + 40 + 2 * self._menu_half()

        d = fitting(height, HEIGHT - 60)
        rect = pygame.Rect(BOX_MARGIN + 40, 30, width, prompt_height(d))
        panel(surface, rect, theme, edge=theme.panel_edge)
        text_block(surface, fonts, e.prompt, theme.body_size - d, theme.accent, rect.inflate(-60, -40),
                   align="center")
        self.menu.center = (WIDTH // 2, max(rect.bottom + 40 + self._menu_half(), 380))

    def _menu_half(self) -> int:
        rects = self.menu.layout(self.app.fonts)
        return (rects[-1].bottom - rects[0].top) // 2 if rects else 0

    def _card(self, surface: pygame.Surface, label: str, title: str, body: str, footer: str,
              label_colour=None, width: int = 900) -> pygame.Rect:
        """A centred card; at large text sizes the type steps down until the card fits the screen."""
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 120)
        inner_w = width - 100

        def height(d: int) -> int:
            size, small = theme.card_text_size - d, theme.small_size - d // 2
            h = 60 + fonts.line_height(small)
            h += block_height(fonts, title, size + 6, inner_w, bold=True) + 16 if title else 0
            h += block_height(fonts, body, size, inner_w) + 16 if body else 0
            return h + (block_height(fonts, footer, small, inner_w) + 10 if footer else 0)

        d = fitting(height, HEIGHT - 60 - self.reserve)
        size, small, h = theme.card_text_size - d, theme.small_size - d // 2, height(d)
        top = max(20 + self.reserve, (HEIGHT + self.reserve - h) // 2 - 20)
        rect = pygame.Rect((WIDTH - width) // 2, top, width, h + 20)
        panel(surface, rect, theme, edge=label_colour or theme.panel_edge)
        y = rect.top + 30
        tag = fonts.render(label.upper(), small, label_colour or theme.accent, bold=True)
        surface.blit(tag, (rect.left + 50, y))
        y += tag.get_height() + 10
        if title:
            y = text_block(surface, fonts, title, size + 6, theme.text, pygame.Rect(rect.left + 50, y, inner_w, 0),
                           bold=True) + 16
        if body:
            y = text_block(surface, fonts, body, size, theme.text, pygame.Rect(rect.left + 50, y, inner_w, 0)) + 16
        if footer:
            text_block(surface, fonts, footer, small, theme.muted, pygame.Rect(rect.left + 50, y, inner_w, 0))
        return rect

    def _draw_card(self, surface: pygame.Surface, e: ev.Event) -> None:
        if isinstance(e, ev.FactEvent):
            where = f"Source: {e.source}" + (f" — {e.section}" if e.section else "")
            self._card(surface, "Fact · from the sources", "", e.text, where, (118, 180, 220))
        elif isinstance(e, ev.EvidenceEvent):
            rect = self._card(surface, "Noted for later", e.name, e.description, self.app.story.evidence_kept,
                              (242, 201, 76), width=760)
            icon = self.app.images.ui("evidence_icon")
            if icon is not None:
                surface.blit(icon, (rect.right - icon.get_width() - 30, rect.top + 24))
        elif isinstance(e, ev.PromptEvent):
            follow = "\n".join(f"•  {q}" for q in e.followups)
            minutes = f"Suggested time: {e.minutes} minutes" if e.minutes else ""
            self._card(surface, "Discuss", e.question, follow, minutes, (147, 196, 125), width=1000)

    def _draw_differ(self, surface: pygame.Surface, e: ev.DifferEvent) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 140)
        n = len(e.accounts)
        col_w = (WIDTH - 160 - 30 * (n - 1)) // n
        colour = (224, 160, 102)

        def parts(d: int) -> tuple[int, int, int, int]:
            size = theme.card_text_size - 2 - d
            head = block_height(fonts, e.topic, size + 4, WIDTH - 200, bold=True)
            column = max(block_height(fonts, says, size, col_w - 50) for _, says in e.accounts)
            label = fonts.line_height(theme.small_size - d // 2)
            question = block_height(fonts, e.question, theme.small_size + 2 - d // 2, WIDTH - 240)
            return head, column + label + 50, question, label

        def height(d: int) -> int:
            head, column, question, label = parts(d)
            return label + 10 + head + 20 + column + 20 + question

        d = fitting(height, HEIGHT - 40 - self.reserve)
        size, small = theme.card_text_size - 2 - d, theme.small_size - d // 2
        head, column, question, label_h = parts(d)
        top = max(20 + self.reserve, (HEIGHT + self.reserve - height(d)) // 2)
        tag = fonts.render("THE SOURCES DIFFER", small, colour, bold=True)
        surface.blit(tag, ((WIDTH - tag.get_width()) // 2, top))
        y = text_block(surface, fonts, e.topic, size + 4, theme.text,
                       pygame.Rect(100, top + label_h + 10, WIDTH - 200, 0), bold=True, align="center") + 20
        for i, (source, says) in enumerate(e.accounts):
            rect = pygame.Rect(80 + i * (col_w + 30), y, col_w, column)
            panel(surface, rect, theme, edge=colour)
            surface.blit(fonts.render(source, small, colour, bold=True), (rect.left + 25, rect.top + 18))
            text_block(surface, fonts, says, size, theme.text,
                       pygame.Rect(rect.left + 25, rect.top + 28 + label_h, col_w - 50, 0))
        text_block(surface, fonts, e.question, small + 2, theme.accent,
                   pygame.Rect(120, y + column + 20, WIDTH - 240, 0), align="center")

    def _draw_scene_card(self, surface: pygame.Surface, e: ev.SceneStart) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 150)
        chapter = chapter_label(e.chapter) + (f" · {e.chapter_title}" if e.chapter_title else "")
        hint = fonts.render("Press Enter or click to begin", theme.small_size, theme.muted)
        room = HEIGHT - hint.get_height() - 70  # everything above the hint

        def lines(d: int) -> list[tuple[str, int, tuple, bool]]:
            return [(chapter, theme.small_size + 4 - d // 4, theme.accent, True),
                    (e.title, theme.title_size - d, theme.text, True),
                    (e.date, theme.small_size + 4 - d // 4, theme.muted, False)]

        def height(d: int) -> int:
            return sum(block_height(fonts, t, s, WIDTH - 200, b) + 14 for t, s, _, b in lines(d))

        d = fitting(height, room - 40, step=4, most=24)  # a long title at large text: the title shrinks first
        y = max(20, min(HEIGHT // 2 - 90, room - height(d)))
        for text, size, colour, bold in lines(d):
            y = text_block(surface, fonts, text, size, colour, pygame.Rect(100, y, WIDTH - 200, 0), bold, "center") + 14
        surface.blit(hint, ((WIDTH - hint.get_width()) // 2, HEIGHT - hint.get_height() - 40))

    def _draw_note(self, surface: pygame.Surface, e: ev.ContentNoteEvent) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 200)
        inner = WIDTH - 380
        lead = f"The next scene, “{e.scene_title}”, shows:"
        after = "You can play it, or read a short neutral summary and go on."

        def note_height(d: int) -> int:
            body, small = theme.body_size - d, theme.small_size - d // 2
            h = 60 + fonts.line_height(small + 2) + block_height(fonts, lead, body, inner) + 8
            h += sum(block_height(fonts, f"•  {t}", body, inner - 30) for t in e.topics)
            return h + 14 + block_height(fonts, after, small, inner)

        def height(d: int) -> int:
            self.menu.size = theme.body_size - d
            return note_height(d) + 40 + 2 * self._menu_half()

        d = fitting(height, HEIGHT - 40)
        body, small = theme.body_size - d, theme.small_size - d // 2
        rect = pygame.Rect(140, 20, WIDTH - 280, note_height(d))
        panel(surface, rect, theme, edge=theme.danger)
        y = text_block(surface, fonts, "Content note", small + 2, theme.danger,
                       pygame.Rect(rect.left + 50, rect.top + 30, inner, 0), bold=True) + 6
        y = text_block(surface, fonts, lead, body, theme.text, pygame.Rect(rect.left + 50, y, inner, 0)) + 8
        for topic in e.topics:
            y = text_block(surface, fonts, f"•  {topic}", body, theme.text,
                           pygame.Rect(rect.left + 80, y, inner - 30, 0))
        text_block(surface, fonts, after, small, theme.muted, pygame.Rect(rect.left + 50, y + 14, inner, 0))
        self.menu.center = (WIDTH // 2, rect.bottom + 40 + self._menu_half())

    def draw_sources(self, surface: pygame.Surface, page: ev.SourcesPage, card: int, after: str = "go on") -> None:
        """One card of a chapter's "Film and sources" page, under a heading that says where it comes from."""
        fonts, theme = self.app.fonts, self.app.theme
        e = page.cards[card]
        self.reserve = PAGE_STRIP
        try:
            (self._draw_differ if isinstance(e, ev.DifferEvent) else self._draw_card)(surface, e)
        finally:
            self.reserve = 0
        chapter = chapter_label(page.chapter) + (f": {page.chapter_title}" if page.chapter_title else "")
        more = "Enter for the next card" if card < len(page.cards) - 1 else f"Enter to {after}"
        text = f"Film and sources · {chapter} · card {card + 1} of {len(page.cards)} · {more}"
        size = next((s for s in range(theme.small_size, theme.small_size - 9, -2)
                     if fonts.width(text, s, True) <= WIDTH - 100), theme.small_size - 8)
        if fonts.width(text, size, True) > WIDTH - 100:  # a very long chapter title: keep the count, drop the title
            text = f"Film and sources · {chapter_label(page.chapter)} · card {card + 1} of {len(page.cards)} · {more}"
        image = fonts.render(text, size, theme.accent, bold=True)
        rect = pygame.Rect((WIDTH - image.get_width()) // 2 - 20, 10, image.get_width() + 40, image.get_height() + 10)
        panel(surface, rect, theme, alpha=235, edge=theme.accent, radius=10)
        surface.blit(image, (rect.left + 20, rect.top + 5))
