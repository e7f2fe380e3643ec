"""The play screen: draws the runtime's stage and current event; turns input into runtime calls."""
from __future__ import annotations

import functools
import math
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import pygame

from .. import words
from ..content import model as m
from ..content.markup import escape, plain
from ..runtime import events as ev
from ..runtime.runtime import Options, Runtime
from ..runtime.wording import differ_question, options_of, speaker_name
from ..ui.draw import Layer, Layers, Still, box, image, polygon, premultiplied
from ..ui.theme import DEFAULT, TEXT_BOX_MARGIN
from ..ui.toast import Kept
from ..words import chapter_label, t
from . import richtext
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH, hex_colour
from .widgets import Item, MenuList, block_height, fitting, panel, shade, text_block

POSITIONS = {"far_left": 0.14, "left": 0.27, "center": 0.5, "right": 0.73, "far_right": 0.86}
FADE_SECONDS = 0.45  # a dissolve; a fade through black takes twice as long (half out, half in)
BOX_MARGIN = TEXT_BOX_MARGIN
LINE_WIDTH = WIDTH - 2 * BOX_MARGIN - 80  # a line's words in its text box
QUICK = ("back", "log", "auto", "skip", "save", "timeline", "menu")  # ids; words: play.quick_<id> ("Log", not
# "History", which Ren'Py players read as the backlog)
GLOSS_GAP = 10  # px between a line and its second language (bilingual mode)
GLOSS_SHRINK = 4  # points a card's own words may step down to make room for its translation (else it goes)
CHOICE_GAP = 40  # px between a choice's question box and its options
HOLD_SECONDS = 0.25  # a moment waits at most this long for its pictures, then comes anyway (decoding them)
CHOICE_GUARD_SECONDS = 0.3  # Enter this soon after a choice appears is a key still held from the line before
PAGE_STRIP = 44  # room above a "Film and sources" card for its heading
DIFFER_PAD = 18  # inside the differ card's box, above its tag and below its question
MOST_KEPT = 64  # moments whose boxes toasts go around are remembered (those laid out ahead are drawn too)
LAY_OUT_SECONDS = 0.0005  # CPU time a cheap frame spends laying out what comes (one card's run or more may overrun it)
# what the play screen draws of a moment (besides the stage on screen, shown_picture and shown_sprites), kept as it
# was while the next moment's pictures are decoded
HELD = ("event", "menu", "typed", "card", "_plain_options", "fade", "fade_kind", "old_picture", "old_sprites",
        "sprite_fx", "_gloss")


class _OutOfTime(Exception):
    """The frame's time for laying out ahead is spent (`_Rehearsal.blit`)."""


class _Rehearsal(pygame.Surface):
    """A surface that shows nothing (its clip is empty): what is drawn on it is laid out and rendered, never blitted.
    Past its `deadline` (of the thread's CPU time) a blit raises `_OutOfTime` instead, unless it is one of the first
    `free` blits: the words wrapped and rendered so far stay kept (each run is rendered before it is blitted), and
    the drawing, done again on a later frame with `free` one more than the blits it made (`blits`), goes on from
    there, at least one blit further each time."""
    deadline, free, blits = float("inf"), 0, 0

    def blit(self, source, dest, area=None, special_flags=0):  # noqa: D102 - as pygame's
        if self.blits >= self.free and time.thread_time() > self.deadline:
            raise _OutOfTime
        self.blits += 1
        return super().blit(source, dest, area, special_flags)


def _rehearsal(deadline: float = float("inf"), free: int = 0) -> _Rehearsal:
    """The surface that shows nothing, stopping the drawing at `deadline` after `free` blits (see `_Rehearsal`)."""
    if not _REHEARSAL:
        surface = _Rehearsal((WIDTH, 1), 0, 32)  # the width and depth of the canvas: the same veils and layouts
        surface.set_clip(pygame.Rect(0, 0, 0, 0))
        _REHEARSAL.append(surface)
    surface = _REHEARSAL[0]
    surface.deadline, surface.free, surface.blits = deadline, free, 0
    return surface


_REHEARSAL: list[_Rehearsal] = []


def reading_length(text: str) -> int:
    """How long a text takes to read, in letters: a full-width character (a Hangul syllable, a CJK character)
    counts as two, as it carries about as much as two Latin letters (auto-advance waits, typing paces by it)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


class PlayScreen(Screen):
    covers_canvas = True  # the stage (a full-screen picture, or its stand-in) paints every pixel

    def __init__(self, app, start_scene: str | None = None, runtime: Runtime | None = None,
                 options: Options | None = None, overlay=None):
        super().__init__(app)
        # a mode drawn over the play screen (the classroom's presenter view); it may take input first, keeps
        # `top` px free at the top of the screen, may draw an event itself, and may turn saves and the quick bar off
        self.overlay = overlay
        settings = app.settings
        options = options or Options(prompts=settings.prompts_in_play or app.classroom,
                                     content_notes=settings.content_notes)
        self.rt = runtime or Runtime(app.story, options, start=start_scene, seen=app.profile.seen)
        self.event: ev.Event | None = None
        self.typed = 0.0            # characters of the current line shown so far
        # what a toast must not hide, as each moment (a note, a card, a page's card) was last drawn (toast_place)
        self._kept: dict[object, list[Kept]] = {}
        self.wait = 0.0             # seconds since the line finished typing (for auto)
        self.fade = 1.0             # transition progress, 0 -> 1 (1: none running)
        self.fade_kind = "dissolve"  # dissolve: the old picture fades over the new; fade: through black
        self.old_picture: tuple[str, str] | None = None  # the picture (and below, portraits) being left
        self.old_sprites: dict[str, dict[str, str]] = {}
        self.sprite_fx: dict[str, tuple] = {}  # who -> ("show", sprite before | None) | ("hide", sprite) | ("move", at)
        self.shown_picture: tuple[str, str] | None = None  # ("background" | "illustration", id) on screen
        self.shown_sprites: dict[str, dict[str, str]] = {}
        self.menu: MenuList | None = None
        self.auto = False
        self.skip = False
        self.hide_ui = False
        self.quick_rects: dict[str, pygame.Rect] = {}
        self.autosave_due = False   # a scene start, choice or ending is to be autosaved (`_autosave`)
        self.shown_at = 0.0         # app time when the current event appeared
        self._shown_drawn = False   # the canvas has shown the current event since it appeared
        self.card = 0               # which card of a "Film and sources" page is showing
        self.reserve = 0            # px kept free above cards (for the page heading)
        self._gloss: tuple = (None, None, None)  # (event, story, the event in the second language)
        # bilingual mode without room for every translation of a choice: True, the options show without theirs;
        # "prompt", the question too
        self._plain_options: bool | str = False
        self._paced: tuple[str, float] = ("", 1.0)  # (a line, its typing pace)
        self._placed: tuple = (None, None)  # (what a line's box depends on, where it and its words go)
        self._boxed: tuple = (None, None)  # (what a choice's question box depends on, the box)
        self.still = Still()  # the still part of the frame, kept while nothing it shows changes
        self.stage = Layers()  # the stage at rest (picture and portraits), redrawn only where it changes
        self._told_by_overlay = False  # the overlay drew this frame's event itself
        self._held: dict | None = None  # what is on screen while the runtime's moment waits for its pictures
        self._opening = False  # nothing drawn yet, and the first moment waits for its pictures (`opaque`)
        self._drawn = False  # the screen has drawn on the canvas since it opened
        self._whole = False  # the runtime's moment is shown whole (rollback), not typed out
        self._held_at = 0.0  # app time when the hold began
        self._heard = None  # the scene whose sound effects the audio was told to expect
        self._ahead: tuple = ((None, 0, 0), [])  # ((scene, pc, cards gathered), the page's cards) laid out ahead
        self._laid_out: set[tuple] = set()  # (card or line, looks) laid out ahead, of what is still to come
        self._laying_out: tuple = (None, 0)  # ((card, looks) begun ahead and not finished, the blits it made)
        self._autosaved: ev.Event | None = None  # the moment of the newest autosave (or of the save a load read)
        self.next_event()

    # --- runtime calls -----------------------------------------------------------------------

    def next_event(self) -> None:
        self._autosave()
        self.show(self.rt.advance())

    def show(self, event: ev.Event | None, whole: bool = False) -> None:
        """Take the runtime's new moment (`whole`: at once, as `show_whole` does). In a window, while a picture
        its stage draws is still being decoded (off the frame, by the prefetch thread), the screen goes on
        drawing the moment it showed, whole (`_held`), and the new one comes with its stage, its words and its
        typing together a few frames later (`update`): never half drawn over the old picture. The first moment of a
        screen that has drawn nothing yet waits the same way, the screen below it (the title) showing meanwhile
        (`_opening`): starting a story or loading one from the title decodes no picture in the frame either."""
        if event is None:
            return
        new = self.event is None  # (the first moment, or one a load puts in place)
        self._opening = self._opening and new  # (moved on without a frame: a test, a script)
        late = self._late and not (new and self._drawn) and not self.app.images.ready(self._stage_pictures())
        if late and new:
            self._opening, self._held_at = True, self.app.time
        elif late and self._held is None:
            self._held = {name: getattr(self, name) for name in HELD}
            self._held_at = self.app.time
        elif not late:
            self._held, self._opening = None, False
        self._present(event, transitions=not late)
        self._whole = whole
        if whole:
            self.typed = 1e9
            self.fade, self.sprite_fx = 1.0, {}

    @property
    def on_screen(self) -> ev.Event | None:
        """The moment drawn this frame: the runtime's (`event`), or the one held while that waits for its pictures
        (none while the first one does)."""
        if self._opening:
            return None
        return self._held["event"] if self._held is not None else self.event

    @property
    def opaque(self) -> bool:
        """False while the first moment waits for its pictures: the screen below shows until it comes."""
        return not self._opening

    def _release(self) -> None:
        """The held moment's successor (or the first moment) has its pictures: it comes on screen now, as if shown
        this frame."""
        self._held, self._opening = None, False
        self._transitions(self.event.effects)
        self.shown_at, self.wait, self._shown_drawn = self.app.time, 0.0, False
        if self._whole:
            self.fade, self.sprite_fx = 1.0, {}
        elif isinstance(self.event, ev.LineEvent) and self.app.settings.text_speed:
            self.typed = 0.0

    def _stage_pictures(self) -> list[tuple]:
        """The pictures the runtime's stage draws, as the image pools name them."""
        stage = self.rt.state.stage
        if stage.illustration:
            return [("cg", stage.illustration)]
        return [("bg", stage.background), *(("portrait", who, sprite["expression"], sprite.get("outfit", ""))
                                           for who, sprite in stage.sprites.items())]

    def _present(self, event: ev.Event, transitions: bool = True) -> None:
        scene = self.app.story.scenes.get(self.rt.state.scene)
        if scene is not self._heard:  # a new scene: its sound effects are decoded ahead, off the frame
            self._heard = scene
            self.app.audio.expect([op.effect for op in scene.code if isinstance(op, m.Sound)] if scene else [])
        if isinstance(event, ev.EvidenceEvent):
            self.app.audio.play_sound("evidence")
        for effect in event.effects:
            if effect[0] == "sound":
                self.app.audio.play_sound(effect[1])
            elif effect[0] == "illustration" and effect[1] != "none":
                self.app.profile.see_illustration(effect[1])
        if transitions:
            self._transitions(event.effects)
        self.app.audio.play_music(self.rt.state.stage.music)
        location = self.app.story.locations.get(self.rt.state.stage.background)
        self.app.audio.play_ambience(location.ambience or "" if location else "")
        self.event = event
        self.shown_at, self.card, self._shown_drawn = self.app.time, 0, False
        self._remember(event)
        self.typed = 0.0 if isinstance(event, ev.LineEvent) and self.app.settings.text_speed else 1e9
        self.wait = 0.0
        self._plain_options = False
        self.menu = self._menu_for(event)

    def _transitions(self, effects: tuple) -> None:
        """Start what this event's effects ask for, from what was on screen before it: a background or
        illustration that fades through black or dissolves, portraits that dissolve in or out or slide, and a
        show/hide `fade` that takes the whole stage through black. Reduce motion cuts them all."""
        before, picture = self.shown_sprites, self._picture()
        old_picture, self.shown_picture = self.shown_picture, picture
        self.shown_sprites = {who: dict(sprite) for who, sprite in self.rt.state.stage.sprites.items()}
        self.sprite_fx, self.fade = {}, 1.0
        if self.app.settings.reduce_motion or old_picture is None:
            return
        changes = [e[2] for e in effects if e[0] in ("background", "illustration")]
        picture_change = bool(changes) and changes[-1] != "cut" and old_picture != picture
        if (picture_change and changes[-1] == "fade") or any(
                e[0] in ("show", "hide") and e[2] == "fade" for e in effects):
            self.fade, self.fade_kind, self.old_picture, self.old_sprites = 0.0, "fade", old_picture, before
            return
        if picture_change:
            self.fade, self.fade_kind, self.old_picture = 0.0, "dissolve", old_picture
        for effect in effects:
            if effect[0] in ("show", "hide") and effect[2] == "dissolve":
                self.sprite_fx[effect[1]] = (effect[0], effect[3])
            elif effect[0] == "move":
                self.sprite_fx[effect[1]] = ("move", effect[2])
        if self.sprite_fx:
            self.fade = 0.0

    def _menu_for(self, event: ev.Event) -> MenuList | None:
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            mine, theirs = dict(options_of(event)), {}
            if not self._plain_options and isinstance(event, ev.ChoiceEvent):
                other = self.gloss()
                theirs = dict(other.options) if isinstance(other, ev.ChoiceEvent) else {}
            elif not self._plain_options and self.app.gloss_language is not None:  # a content note's answers:
                with words.speaking(self.app.gloss_language):                      # the engine's own words
                    theirs = {i: escape(text) for i, text in options_of(event)}
            dim = "#%02x%02x%02x" % tuple(self.app.theme.dim[:3])
            glosses = {i: f"\n{{color={dim}}}{g}{{/color}}" for i, g in theirs.items()
                       if g and g != (mine.get(i) if isinstance(event, ev.ChoiceEvent) else escape(mine.get(i, "")))}
            story_words = isinstance(event, ev.ChoiceEvent)  # a choice's options hold markup; a note's are plain
            markup = story_words or bool(glosses)
            items = [Item((text if story_words or not markup else escape(text)) + glosses.get(i, ""),
                          functools.partial(self.choose, i), markup=markup)  # (held weakly by the kit)
                     for i, text in mine.items()]
            center_y = 300 if isinstance(event, ev.ChoiceEvent) else 520
            return MenuList(items, (WIDTH // 2, center_y), 860, self.app.theme.body_size, numbered=True,
                            audio=self.app.audio, fonts=self.app.fonts)
        return None

    def _remember(self, event: ev.Event) -> None:
        """Autosave at every scene start and choice; note chapters reached; read lines aloud."""
        profile = self.app.profile
        scene = self.rt.story.scenes.get(self.rt.state.scene)
        if scene is not None and scene.chapter not in profile.chapters:  # also for a scene without a title card
            profile.chapters.add(scene.chapter)
            profile.save_persistent()
        if isinstance(event, (ev.SceneStart, ev.ChoiceEvent, ev.EndEvent)) and self._saves():
            self.autosave_due = True  # taken once the canvas shows it (at an ending at once: so that Continue
            # comes back to the end screen, not to the choice before it)
        if self.app.settings.self_voicing and (isinstance(event, ev.LineEvent) or
                                               isinstance(event, ev.ChoiceEvent) and event.name):
            code = self.app.voice_language()
            told = event
            if code != self.app.library.language:  # voiced in the other language: the same line, told in it
                other = self.app.library.in_language(code)
                told = self.told_in(other.story) if other.language == code else event
                code = other.language
            words = plain(told.text if isinstance(told, ev.LineEvent) else told.prompt)
            name = speaker_name(told)
            self.app.voice.language = code  # the voice for this language (silent when the system has none)
            self.app.voice.say(f"{name}: {words}" if name else words)

    # --- languages -------------------------------------------------------------------------------

    def told_in(self, story) -> ev.Event | None:
        """The event on screen as `story` (the same story in other words) tells it; None when there is none."""
        if self.event is None:
            return None
        event, known, told = self._gloss
        if event is self.event and known is story:  # (also while the next moment waits for its pictures)
            return told
        if self.rt.current is not self.event:  # (cheap test first: shown() lists the whole history)
            shown = self.rt.shown()
            if not shown or shown[-1] is not self.event:
                return None
        if story is self.rt.story:
            return self.event
        told = self.rt.told_in(story)
        self._gloss = (self.event, story, told)
        return told

    def gloss(self) -> ev.Event | None:
        """Bilingual mode: the event on screen in the second language (None when off, or it reads the same)."""
        story = self.app.gloss_story()
        told = self.told_in(story) if story is not None and story is not self.rt.story else None
        return told if told is not None and told != self.event else None

    def on_language(self) -> None:
        """The language changed (the runtime was told again in it): show the same moment in the new words."""
        self._gloss = (None, None, None)
        if self.event is None or not self.rt.shown():
            return
        self.event = self.rt.current if self.rt.current is not None else self.rt.shown()[-1]
        if self.menu is not None:
            index, self.menu = self.menu.index, self._menu_for(self.event)
            if self.menu is not None:
                self.menu.index = min(index, len(self.menu.items) - 1)

    def save(self, slot: str, from_canvas: bool = False) -> None:
        """Save to a slot ('auto' rotates through the autosaves); failures become a message, never a crash.

        The thumbnail is the last frame drawn when `from_canvas`; otherwise the game is drawn again
        without the menus that are open over it.
        """
        from ..storage import StorageError
        saves = self.app.profile.saves
        try:
            thumb = self.app.thumbnail(None if from_canvas else self)  # encoded later, by the save writer
            if slot == "auto":
                saves.autosave(self.rt, thumb)
            else:  # "Saved." once it is written (on the save writer's thread, a frame or more later)
                saves.save(slot, self.rt, thumb, said=t("play.saved_quick") if slot == "quick" else
                           t("play.saved_slot", slot=slot))
        except StorageError as exc:
            self.app.notify(t("play.save_failed", reason=exc.detail))
        except OSError as exc:  # (the file and the system's reason, as a StorageError's detail says them)
            reason = exc.strerror or str(exc)
            self.app.notify(t("play.save_failed", reason=f"{exc.filename}: {reason}" if exc.filename else reason))

    def _autosave(self) -> None:
        """Take the autosave that is due, if one is: in the frame after the one that first drew its moment, so
        its thumbnail shows that moment and its cost is not in the same frame as drawing a new stage; sooner
        when the story is about to move on first, and an ending at once (its moment drawn for the thumbnail, as
        the canvas does not show it yet). A moment already saved (the save a load read) is not saved again."""
        if self.autosave_due:
            self.autosave_due = False
            if self.event is not self._autosaved:
                self.save("auto", from_canvas=self._shown_drawn)
                self._autosaved = self.event

    def thumbnail_due(self) -> bool:
        """An autosave is due and the canvas shows its moment: it is taken next frame, with this frame's picture."""
        return self.autosave_due and self._shown_drawn and self.event is not self._autosaved

    def on_close(self) -> None:
        """The app is closing: the moment on screen is autosaved, as the quit dialog says, unless it is already the
        newest autosave or the save a load read (one still due, taken a frame after its moment, is this one)."""
        if self.event is not None and self.event is not self._autosaved and self._saves():
            self.autosave_due = False
            # the last frame's picture when it shows this moment alone (quitting from play); drawn again otherwise
            # (a menu or the quit dialog may be over the canvas)
            self.save("auto", from_canvas=self._shown_drawn and self.app.shows_alone(self))
            self._autosaved = self.event

    def load(self, slot: str) -> None:
        from ..saves import SaveError
        try:
            resumed = self.app.profile.saves.load(slot, self.app.story, self.rt.options, self.app.profile.seen)
        except SaveError as exc:
            self.app.notify(str(exc), 6)
            return
        self.adopt(resumed, t("play.loaded"))

    def adopt(self, resumed, done: str) -> None:
        """Continue from a loaded or reloaded runtime, showing its current moment."""
        self.rt = resumed.runtime
        self.event = None
        self.show(self.rt.current or self.rt.advance())
        self._autosaved = self.event
        self.app.notify(resumed.message or done, 6 if resumed.message else 2)

    def choose(self, index: int) -> None:
        self._autosave()
        self.rt.choose(index)
        self.skip = False
        self.next_event()

    def rollback(self) -> None:
        """Step back; a line that comes back was read already, so it shows whole instead of typing out again."""
        self.show_whole(self.rt.rollback())

    def roll_forward(self) -> None:
        self.show_whole(self.rt.roll_forward())

    def show_whole(self, event: ev.Event | None) -> None:
        """Show an event already seen (rollback, roll forward, the backlog's "return to"): no typing out, and
        the stage is there at once (no transition plays again)."""
        self.show(event, whole=True)

    def ask_quickload(self) -> None:
        """F9: loading the quicksave drops what happened since, so it asks first (when there is one)."""
        if not self.app.profile.saves.info("quick").path.exists():
            self.load("quick")  # says there is none
            return
        self.open("confirm", question=t("play.quickload_question"), on_yes=lambda: self.load("quick"),
                  yes=t("play.quickload_yes"))

    # --- input ---------------------------------------------------------------------------------

    def _saves(self) -> bool:
        return self.overlay is None or self.overlay.saves

    def _top(self) -> int:
        """Pixels kept free at the top of the screen for the overlay's header."""
        return self.overlay.top if self.overlay is not None else 0

    def header_bottom(self) -> int:
        """Toasts go below the overlay's header (the classroom's presenter strip), never over it."""
        return self._top()

    def toast_place(self) -> list[Kept] | None:
        """While a content note, a choice, a card or a "Film and sources" page is on screen, toasts go around its
        boxes (above, between, below: game/ui/toast.py), never over their words; at other moments below the
        overlay's header."""
        e, menu = self.event, self.menu
        kept = self.drawn_boxes((e, self.card) if isinstance(e, ev.SourcesPage) else e)
        if kept is not None and isinstance(e, ev.WAITS_FOR_CHOICE) and menu is not None and menu.area is not None:
            return [*kept, (menu.area, menu.area.inflate(0, -2 * menu.pad))]
        return kept

    def drawn_boxes(self, moment: object) -> list[Kept] | None:
        """The boxes a toast must not hide, each with the area of its words, where `moment` (an event; a
        "Film and sources" page's card as (page, card)) was last drawn; None if it was not."""
        return self._kept.get(moment)

    def _keep_clear(self, moment: object, kept: list[Kept]) -> None:
        self._kept.pop(moment, None)
        self._kept[moment] = kept
        if len(self._kept) > MOST_KEPT:  # (moments laid out ahead are drawn too: the least recently drawn go)
            del self._kept[next(iter(self._kept))]

    def line_done(self) -> bool:
        return not isinstance(self.event, ev.LineEvent) or self.typed >= richtext.length(self.event.text)

    def on_action(self, action: Action) -> None:
        name = action.name
        if self._held is not None and name in ("confirm", "click", "digit") or self._opening:
            return  # the moment they would act on is not on screen yet (a frame or three); nothing of the screen is
            # while it opens (a menu opened then would stand over the screen below)
        if name == "digit" and (not self._shown_drawn if self.menu is not None else self.overlay is None):
            return  # a number pressed before the options were ever on screen picks none of them, and one with no
            # options to pick does nothing (nor takes a due autosave early, with the picture of the moment before)
        self._autosave()  # before the action can move the story on
        if self.overlay is not None and self.overlay.on_action(action):
            return
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
        if self.menu is not None and self._arrange() and self.menu.on_action(action):
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
            self.quick("menu")
        elif name == "auto":
            self.quick("auto")
        elif name == "skip":
            self.quick("skip")
        elif name == "hide_ui":
            self.hide_ui = True
        elif name == "quicksave":
            self.save("quick")
        elif name == "quickload":
            self.ask_quickload()
        elif name == "backlog":
            self.quick("log")
        elif name == "timeline":
            self.quick("timeline")

    def quick(self, name: str) -> None:
        name = name.lower()
        if name == "back":
            self.rollback()
        elif name == "auto":
            self.auto = not self.auto
        elif name == "skip":
            self.skip = not self.skip
        elif name == "log":
            self.open("backlog", play=self)
        elif name == "timeline" and self.app.library.has_timeline:
            focus = self.app.story.scenes[self.rt.state.scene].timeline
            self.open("timeline", timeline=self.app.library.timeline, focus_event=focus)
        elif name == "save":
            self.open("save", play=self)
        elif name == "menu":
            self.open("menu", play=self)

    # --- animation -----------------------------------------------------------------------------

    def end_screen(self) -> None:
        """The story has ended: The End, the ending's title, the evidence, the credits, then the title screen."""
        self.open("ending", play=self, event=self.event)

    def update(self, dt: float) -> None:
        if self.overlay is not None:
            self.overlay.update(dt)
        if self._held is not None or self._opening:
            if not self.app.images.ready(self._stage_pictures()) and self.app.time - self._held_at < HOLD_SECONDS:
                return  # the moment on screen stays as it is (a hold never becomes a hang: then the frame decodes)
            self._release()
        if self.autosave_due and (self._shown_drawn or isinstance(self.event, ev.EndEvent)):
            self._autosave()
            if isinstance(self.event, ev.EndEvent) and self.app.top is self:
                self.end_screen()
        settings = self.app.settings
        self.fade = min(1.0, self.fade + dt / (2 * FADE_SECONDS if self.fade_kind == "fade" else FADE_SECONDS))
        if isinstance(self.event, ev.LineEvent) and settings.text_speed:
            self.typed += dt * settings.text_speed * self._pace(self.event.text)
        if self.line_done():
            self.wait += dt
        if self.skip and self.menu is None and self._may_skip():
            self.next_event()
        elif self.auto and self.menu is None and isinstance(self.event, ev.LineEvent) and self.line_done():
            if self.wait >= settings.auto_delay + 0.02 * reading_length(plain(self.event.text)):
                self.next_event()

    def _pace(self, text: str) -> float:
        """Characters typed per "letter" of the speed setting: a Hangul syllable (or any full-width character)
        holds about two letters' worth of reading, so a Korean line types out at the pace an English one reads."""
        if self._paced[0] != text:
            shown = plain(text)
            self._paced = (text, len(shown) / max(1, reading_length(shown)))
        return self._paced[1]

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
        """The moment on screen: the runtime's, or the one held while the runtime's waits for its pictures; nothing
        while the first one does (the screen is not opaque then: the one below shows)."""
        if self._opening:
            return
        if self._held is None:
            self._draw(surface)
        else:
            with self._drawing_held():
                self._draw(surface)
        if surface is self.app.canvas:
            self._drawn = True
            self._shown_drawn = self._shown_drawn or self._held is None

    @contextmanager
    def _drawing_held(self) -> Iterator[None]:
        """For the length of the block the held moment's HELD attributes stand in for the runtime's moment's
        (drawing reads them, and nothing else runs meanwhile); what the drawing works out and keeps (a layout,
        a gloss) stays with the held moment, and the runtime's moment's attributes come back after."""
        held, now = self._held, {name: getattr(self, name) for name in HELD}
        for name in HELD:
            setattr(self, name, held[name])
        try:
            yield
        finally:
            self._held = {name: getattr(self, name) for name in HELD}
            for name in HELD:
                setattr(self, name, now[name])

    def _draw(self, surface: pygame.Surface) -> None:
        """The still part of the frame (the stage and what shows on it: a text box, a card, a question) comes
        from `self.still` while nothing it depends on changes; the moving part (a line typing out, its
        arrow, the options) is drawn over it every frame."""
        key = self._still_key(surface)
        if key is None or not self.still.show(surface, key):
            self._draw_still(surface)
            if key is not None:
                self.still.keep(surface, key, again=self._shown_again())
            self._draw_moving(surface)
            return
        self._draw_moving(surface)
        self._lay_out_ahead()

    def _lay_out_ahead(self) -> None:
        """In a frame whose still part was blitted (a cheap one), cards coming soon (`Runtime.coming`) are drawn as
        their moments will draw them, on a surface that shows nothing: their words are wrapped and rendered ahead
        (kept by the fonts and the text layout), so their first frames do not do it (2-8 ms: fast clicking shows a
        card, or each card of a "Film and sources" page, for one frame). Each card once per text size, theme and
        language; for LAY_OUT_SECONDS of the frame's CPU time: a card not finished then is gone on with next time
        (a differ card or a choice took 1.5-3.5 ms in one frame)."""
        state = self.rt.state
        place = (state.scene, state.pc, len(state.cards))
        if place != self._ahead[0]:
            coming = self.rt.coming()
            self._ahead = (place, coming)
            self._laid_out = {done for done in self._laid_out if done[0] in coming}  # what is still to come
        looks = (self.app.fonts, self.app.theme, words.language())
        deadline = time.thread_time() + LAY_OUT_SECONDS
        for card in self._ahead[1]:
            if (card, looks) in self._laid_out or card == self.event:  # (a choice on screen is among those to come)
                continue
            begun, blits = self._laying_out
            surface = _rehearsal(deadline, free=blits + 1 if begun == (card, looks) else 0)
            try:
                self._lay_out(surface, card)
            except _OutOfTime:
                self._laying_out = ((card, looks), surface.blits)
                return
            self._laid_out.add((card, looks))
            if time.thread_time() > deadline:
                return

    def _lay_out(self, surface: pygame.Surface, card: ev.Event | str) -> None:
        """Draw a coming `card` (or the next line's words) on `surface` as its moment will."""
        if isinstance(card, str):  # the next line's words, as its box shows them once typed out
            size = self._line_fit(card, "")[0]
            richtext.block(surface, self.app.fonts, card, size, self.app.theme.text, pygame.Rect(0, 0, LINE_WIDTH, 0))
        elif isinstance(card, ev.SceneStart):
            self._draw_scene_card(surface, card)
        elif isinstance(card, (ev.FactEvent, ev.DifferEvent)) and self.rt.options.cards != "inline":
            self._draw_page_card(surface, card)
        elif isinstance(card, ev.DifferEvent):
            self._draw_differ(surface, card)
        elif isinstance(card, ev.ChoiceEvent):
            self._lay_out_choice(surface, card)
        else:
            self._draw_card(surface, card)

    def _lay_out_choice(self, surface: pygame.Surface, e: ev.ChoiceEvent) -> None:
        """A coming choice's question and options, drawn on `surface` as its first frame will draw them; the
        moment on screen (its event, options and question box) stands aside meanwhile."""
        kept = self.event, self.menu, self._boxed, self._plain_options
        try:
            self.event, self._plain_options = e, False
            self.menu = self._menu_for(e)
            self._draw_question(surface, e)
            self._arrange()
            self.menu.draw(surface, self.app.fonts, self.app.theme)
        finally:
            self.event, self.menu, self._boxed, self._plain_options = kept

    def _shown_again(self) -> bool:
        """The still part drawn now shows next frame too: a line typing out (a click or Enter finishes it before
        the story moves on, unless it is skipped). A choice's shaded stage is kept from its second frame (`keep`):
        fast clicking through the retrial's menus changes a look with each answer, and a copy at every first frame
        (0.3-0.7 ms) was never shown."""
        return isinstance(self.event, ev.LineEvent) and not self.line_done() and not self._may_skip()

    def _still_key(self, surface: pygame.Surface) -> tuple | None:
        """Everything the still part of this frame depends on; None while it is not kept (a transition runs,
        the classroom's overlay draws, or the frame goes elsewhere than the canvas: a save's thumbnail)."""
        app = self.app
        if surface is not app.canvas or self.overlay is not None or self.fade < 1.0:
            return None
        sprites = tuple((who, tuple(sprite.items())) for who, sprite in self.shown_sprites.items())
        shown = self.event
        if isinstance(shown, ev.ChoiceEvent):  # its still part is the stage under the shade (the question and
            shown = (ev.ChoiceEvent, shown.speaker)  # options are drawn over it): choices in a row share it
        return (shown, self.card, self.hide_ui, self.shown_picture, sprites, app.fonts, app.theme,
                words.language(), app.library, app.images, app.gloss_language, self.gloss(),
                self.auto, self.skip, self._plain_options)

    def _draw_still(self, surface: pygame.Surface) -> None:
        self._draw_stage(surface)
        self._told_by_overlay = False
        if self.hide_ui or self.event is None:
            return
        e = self.event
        if self.overlay is not None and self.overlay.draw_event(surface, e):
            self._told_by_overlay = True
        elif isinstance(e, ev.LineEvent):
            self._draw_line(surface, e)
        elif isinstance(e, ev.ChoiceEvent):
            shade(surface, 110)
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

    def _draw_moving(self, surface: pygame.Surface) -> None:
        if self.hide_ui or self.event is None:
            return
        e = self.event
        if not self._told_by_overlay:
            if isinstance(e, ev.LineEvent):
                self._draw_typed(surface, e)
            elif isinstance(e, ev.ChoiceEvent):
                self._draw_question(surface, e)
                self._arrange()
            elif isinstance(e, ev.ContentNoteEvent):
                self._arrange()
        if self.menu is not None:
            self.menu.draw(surface, self.app.fonts, self.app.theme)
        if self.overlay is not None:
            self.overlay.draw(surface)

    def _picture(self) -> tuple[str, str]:
        """What fills the screen behind the text: the illustration when one shows, else the background."""
        stage = self.rt.state.stage
        return ("illustration", stage.illustration) if stage.illustration else ("background", stage.background)

    @property
    def _late(self) -> bool:
        """In a window a new moment waits for pictures not decoded yet (the prefetch thread makes them) rather
        than decoding them in the frame; a render without a window (a screenshot, a test) decodes at once."""
        return self.app.window is not None

    def _picture_image(self, picture: tuple[str, str]) -> pygame.Surface:
        kind, name = picture
        return self.app.images.illustration(name) if kind == "illustration" else self.app.images.background(name)

    @property
    def old_background(self) -> pygame.Surface | None:
        """The picture a running transition leaves (None when none runs)."""
        return self._picture_image(self.old_picture) if self.old_picture and self.fade < 1.0 else None

    def _draw_stage(self, surface: pygame.Surface) -> None:
        t = self.fade
        if self.fade_kind == "fade" and t < 1.0:  # through black: the old stage darkens, then the new one lightens
            leaving = t < 0.5
            picture = self.old_picture if leaving else self.shown_picture
            self._fill_with(surface, picture)
            if picture[0] != "illustration":
                self._draw_sprites(surface, self.old_sprites if leaving else self.shown_sprites, {}, 1.0)
            shade(surface, round(255 * min(1.0, 2 * t if leaving else 2 * (1 - t))))
            return
        picture = self.shown_picture or self._picture()  # (nothing shown yet: the runtime's stage)
        if t >= 1.0 and surface is self.app.canvas:  # at rest: the kept stage, redrawn where it changed
            self.stage.draw(surface, self._stage_layers(picture))
            return
        self._fill_with(surface, picture)
        if self.old_picture is not None and t < 1.0 and self.fade_kind == "dissolve":
            image(surface, self._picture_image(self.old_picture), (0, 0), alpha=round(255 * (1 - t)))
        if picture[0] != "illustration":  # an illustration is the whole picture: no portraits over it
            self._draw_sprites(surface, self.shown_sprites, self.sprite_fx if t < 1.0 else {}, t)

    def _stage_layers(self, picture: tuple[str, str]) -> list[Layer]:
        """The stage at rest as layers (`Layers`): the picture, then each portrait where it stands, darkened while
        someone else speaks."""
        backdrop = pygame.Rect(0, 0, WIDTH, HEIGHT)
        layers = [((picture, self.app.images, self.app.theme.backdrop), backdrop,
                   functools.partial(self._fill_with, picture=picture))]
        if picture[0] == "illustration":  # an illustration is the whole picture: no portraits over it
            return layers
        speaker = self.event.speaker if isinstance(self.event, (ev.LineEvent, ev.ChoiceEvent)) else None
        for who, sprite in self.shown_sprites.items():
            x = POSITIONS.get(sprite["at"], 0.5)
            rect = self._portrait_rect(who, sprite, x)
            if rect is not None:
                key = (who, sprite["expression"], sprite.get("outfit", ""), speaker is not None and who != speaker)
                layers.append((key, rect, functools.partial(self._draw_portrait, who=who, sprite=sprite,
                                                            speaker=speaker, x=x, alpha=1.0)))
        return layers

    def _fill_with(self, surface: pygame.Surface, picture: tuple[str, str]) -> None:
        """The whole surface is the picture (the app does not clear the canvas under the play screen). One with
        see-through pixels (a story's PNG with an alpha channel, not converted when there is no window) shows
        the backdrop through them."""
        shown = self._picture_image(picture)
        if shown.get_flags() & pygame.SRCALPHA:
            surface.fill(self.app.theme.backdrop)
        surface.blit(shown, (0, 0))

    def _draw_sprites(self, surface: pygame.Surface, sprites: dict, fx: dict, t: float) -> None:
        """Portraits where they stand; `fx` dissolves some in or out, or slides them, `t` of the way."""
        speaker = self.event.speaker if isinstance(self.event, (ev.LineEvent, ev.ChoiceEvent)) else None
        eased = t * t * (3 - 2 * t)
        for who, (kind, old) in fx.items():
            if kind in ("show", "hide") and old is not None and (kind == "hide" or old != sprites.get(who)):
                stays = kind == "show" and old["at"] == sprites[who]["at"]  # a new look dissolves over the old
                self._draw_portrait(surface, who, old, speaker, POSITIONS.get(old["at"], 0.5), 1.0 if stays else 1 - t)
        for who, sprite in sprites.items():
            kind, old = fx.get(who, ("", None))
            x = POSITIONS.get(sprite["at"], 0.5)
            if kind == "move":
                x = POSITIONS.get(old, 0.5) + (x - POSITIONS.get(old, 0.5)) * eased
            self._draw_portrait(surface, who, sprite, speaker, x, t if kind == "show" else 1.0)

    def _draw_portrait(self, surface: pygame.Surface, who: str, sprite: dict, speaker: str | None, x: float,
                       alpha: float) -> None:
        listening = speaker is not None and who != speaker
        portrait = self.app.images.portrait(who, sprite["expression"], sprite.get("outfit", ""))
        if portrait is not None:
            premultiplied(surface, portrait.darkened if listening else portrait.picture,
                          portrait.where(round(WIDTH * x)), alpha=None if alpha >= 1.0 else round(255 * alpha))

    def _portrait_rect(self, who: str, sprite: dict, x: float) -> pygame.Rect | None:
        """Where a portrait's visible pixels are on the stage (a darkened one's too)."""
        portrait = self.app.images.portrait(who, sprite["expression"], sprite.get("outfit", ""))
        return None if portrait is None else pygame.Rect(portrait.where(round(WIDTH * x)), portrait.picture.get_size())

    def _line_fit(self, text: str, gloss: str) -> tuple[int, int, int]:
        """(the line's size, its second language's size, the text box's height): when the box would not fit
        between the overlay's header and the foot of the screen (large text, a long line and its translation),
        the second language steps down to the hint size first, then the line itself."""
        fonts, theme = self.app.fonts, self.app.theme
        width = LINE_WIDTH
        spare = max(0, theme.small_size - theme.hint_size)

        def sizes(d: int) -> tuple[int, int]:
            return theme.clamp(theme.body_size - max(0, d - spare)), theme.clamp(theme.small_size - min(d, spare))

        def height(d: int) -> int:
            body, small = sizes(d)
            return max(190, richtext.height(fonts, text, body, width) + 90 + self._gloss_height(gloss, width, small))

        d = fitting(height, HEIGHT - 20 - (self._top() + 30), most=spare + max(0, theme.body_size - theme.hint_size))
        return (*sizes(d), height(d))

    def _line_place(self, e: ev.LineEvent) -> tuple[int, pygame.Rect, pygame.Rect, str, int]:
        """(the line's size, its text box, the rectangle its words type out in, its second language and that
        one's size), worked out once per line, text size, theme and language."""
        other = self.gloss()
        gloss = other.text if isinstance(other, ev.LineEvent) and other.text != e.text else ""
        key = (e.text, gloss, self.app.fonts, self.app.theme, self._top())
        if self._placed[0] != key:
            size, gloss_size, height = self._line_fit(e.text, gloss)
            rect = pygame.Rect(BOX_MARGIN, max(self._top() + 30, HEIGHT - height - 20), WIDTH - 2 * BOX_MARGIN, height)
            body = rect.inflate(-80, -60)
            body.top = rect.top + 34
            self._placed = (key, (size, rect, body, gloss, gloss_size))
        return self._placed[1]

    def _gloss_height(self, gloss: str, width: int, size: int | None = None) -> int:
        """The second language's room under a line (bilingual mode): a gap, a rule, then its lines."""
        size = size or self.app.theme.small_size
        return richtext.height(self.app.fonts, gloss, size, width) + 2 * GLOSS_GAP if gloss else 0

    def _draw_gloss(self, surface: pygame.Surface, gloss: str, rect: pygame.Rect, align: str = "left",
                    size: int | None = None) -> int:
        """The second language under the first: a thin rule, then the words in a smaller, quieter type."""
        theme = self.app.theme
        y = rect.top + GLOSS_GAP
        box(surface, theme.grid, pygame.Rect(rect.left if align == "left" else rect.centerx - 80,
                                             y - GLOSS_GAP // 2 - 1, min(rect.width, 160), 2))
        return richtext.block(surface, self.app.fonts, gloss, size or theme.small_size, theme.dim,
                              pygame.Rect(rect.left, y, rect.width, 0), align=align)

    def _draw_line(self, surface: pygame.Surface, e: ev.LineEvent) -> None:
        """The line's still part: its box, the speaker's name, the second language and the quick bar."""
        size, rect, body, gloss, gloss_size = self._line_place(e)
        panel(surface, rect, self.app.theme, edge=self.app.theme.panel_edge)
        other = self.gloss()
        name = speaker_name(e)
        if isinstance(other, ev.LineEvent) and other.name and other.name != e.name:
            name = f"{name}  ·  {other.name}"  # 용구 · Yong-gu
        self._name_plate(surface, rect, name, e.colour)
        if gloss:
            below = body.top + richtext.height(self.app.fonts, e.text, size, body.width)
            self._draw_gloss(surface, gloss, pygame.Rect(body.left, below, body.width, 0), size=gloss_size)
        self._draw_quick(surface, rect)

    def _draw_typed(self, surface: pygame.Surface, e: ev.LineEvent) -> None:
        """The line's moving part: its words typing out, then the arrow that bobs once they are all there."""
        size, rect, body, _gloss, _size = self._line_place(e)
        self._type_out(surface, e.text, size, body)
        if self.line_done():
            t = self.app.time * 3
            y = rect.bottom - 30 + round(3 * ((t % 2) - 1 if int(t) % 2 else 1 - (t % 2)))
            arrow = [(rect.right - 44, y), (rect.right - 28, y), (rect.right - 36, y + 10)]
            polygon(surface, self.app.theme.accent, arrow)

    def _name_plate(self, surface: pygame.Surface, rect: pygame.Rect, name: str, colour: str) -> pygame.Rect | None:
        """The speaker's name on a plate in their colour, over the top edge of `rect`; returns the plate (None: no
        name)."""
        if not name:
            return None
        label = self.app.fonts.render(name, self.app.theme.name_size, self.app.theme.on_accent, bold=True)
        plate = pygame.Rect(rect.left + 28, rect.top - label.get_height() // 2 - 12,
                            label.get_width() + 36, label.get_height() + 12)
        box(surface, hex_colour(colour) if colour else self.app.theme.accent, plate, radius=10)
        surface.blit(label, (plate.left + 18, plate.top + 6))
        return plate

    def _type_out(self, surface: pygame.Surface, text: str, size: int, body: pygame.Rect) -> None:
        """The first `typed` characters, laid out as the whole line will be, so words never jump lines."""
        typed = None if self.line_done() else int(self.typed)
        richtext.block(surface, self.app.fonts, text, size, self.app.theme.text, body, limit=typed)

    def quick_names(self) -> tuple[str, ...]:
        """The quick bar's buttons: "Timeline" only for a story that has a timeline."""
        return tuple(n for n in QUICK if n != "timeline" or self.app.library.has_timeline)

    def _draw_quick(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        x = box.right - 80
        self.quick_rects = {}
        if self.overlay is not None and not self.overlay.quick_bar:
            return
        for name in reversed(self.quick_names()):
            on = (name == "auto" and self.auto) or (name == "skip" and self.skip)
            image = fonts.render(t(f"play.quick_{name}"), theme.small_size - 2,
                                 theme.accent if on else theme.muted, bold=on)
            x -= image.get_width()
            y = box.bottom - image.get_height() - 12
            rect = pygame.Rect(x - 6, y - 4, image.get_width() + 12, image.get_height() + 8)
            surface.blit(image, (x, y))
            self.quick_rects[name] = rect
            x -= 26

    def _choice_box(self, e: ev.ChoiceEvent) -> tuple[pygame.Rect, int, int]:
        """(the question's box at the top, its text size, the gap below it), worked out once per choice, menu,
        text size, theme and translation (a frame asks up to three times: to place the options, to test a
        click, to draw)."""
        if self._boxed[0] != self._box_key(e):
            if self.menu is not None:
                self._size_menu()
            box = self._fit_choice_box(e, self._prompt_gloss(e))  # (may shed a translation: a new key)
            self._boxed = (self._box_key(e), box)
        return self._boxed[1]

    def _box_key(self, e: ev.ChoiceEvent) -> tuple:
        return e, self.menu, self.app.fonts, self.app.theme, self._prompt_gloss(e), self._top()

    def _fit_choice_box(self, e: ev.ChoiceEvent, gloss: str) -> tuple[pygame.Rect, int, int]:
        """The options get the room first: when they would not all fit under the question, the box tightens and
        its type steps down (to the hint size at least) so that they do; options that still do not fit scroll."""
        fonts, theme = self.app.fonts, self.app.theme
        width = WIDTH - 2 * BOX_MARGIN - 80
        plate = 14 if e.name else 0  # room under a spoken choice's name plate
        options = self.menu.total_height(fonts) if self.menu is not None else 0

        def height(d: int) -> int:  # the box (tighter once the type steps down, unless a name plate sits on it)
            pad = 40 if d == 0 or plate else 20
            return (richtext.height(fonts, e.prompt, theme.body_size - d, width - 60) + pad + plate
                    + self._gloss_height(gloss, width - 60, theme.clamp(theme.small_size - d)))

        def gap(d: int) -> int:
            return CHOICE_GAP if d == 0 else CHOICE_GAP // 2

        def top(d: int) -> int:
            return (30 if d == 0 else 16) + 2 * plate + self._top()

        most = max(0, theme.body_size - theme.hint_size)
        d = fitting(lambda d: top(d) + height(d) + gap(d), HEIGHT - 20 - options, most=most)
        if top(d) + height(d) + gap(d) > HEIGHT - 20 - options and self._shed_translation():
            return self._choice_box(e)
        return pygame.Rect(BOX_MARGIN + 40, top(d), width, height(d)), theme.body_size - d, gap(d)

    def _size_menu(self) -> None:
        menu, fonts = self.menu, self.app.fonts
        menu.fonts, menu.size = fonts, self.app.theme.body_size
        menu.width = min(WIDTH - 100, round(860 * max(1.0, fonts.scale)))  # large text: wider, fewer wrapped lines

    def _place_menu(self, top: int, centre: int) -> None:
        """The options go between `top` and the foot of the screen, centred on `centre` when there is room;
        when they do not all fit they scroll with a scroll bar (the type never shrinks: UI kit, issue 16)."""
        menu, fonts = self.menu, self.app.fonts
        self._size_menu()
        bottom = HEIGHT - 20
        tallest = max(menu._height(i, menu.width) for i in range(len(menu.items)))  # one whole option at least
        height = max(tallest, min(menu.total_height(fonts), bottom - top))
        y = min(max(top, centre - height // 2), bottom - height)
        menu.area = pygame.Rect((WIDTH - menu.width) // 2, y, menu.width, height)

    def _arrange(self) -> bool:
        """Work out where the current options go, before drawing and before a click is tested."""
        e = self.event
        if isinstance(e, ev.ChoiceEvent):
            box, _, gap = self._choice_box(e)
            self._place_menu(box.bottom + gap, 380)
        elif isinstance(e, ev.ContentNoteEvent):
            top = self._note_box(e)[1].bottom + 40
            self._place_menu(top, top)
        return True

    def _draw_question(self, surface: pygame.Surface, e: ev.ChoiceEvent) -> None:
        """A choice's question in its box, over the shaded stage (the still part)."""
        fonts, theme = self.app.fonts, self.app.theme
        rect, size, _ = self._choice_box(e)
        panel(surface, rect, theme, edge=hex_colour(e.colour) if e.colour else theme.panel_edge)
        plate = self._name_plate(surface, rect, e.name, e.colour)
        inner = rect.inflate(-60, -40 if size == theme.body_size or e.name else -20)
        inner.top += 14 if e.name else 0
        y = richtext.block(surface, fonts, e.prompt, size, theme.text if e.name else theme.accent, inner,
                           align="center")
        gloss = self._prompt_gloss(e)
        if gloss:
            y = self._draw_gloss(surface, gloss, pygame.Rect(inner.left, y, inner.width, 0), align="center",
                                 size=theme.clamp(theme.small_size - (theme.body_size - size)))
        words_area = pygame.Rect(inner.left, inner.top, inner.width, y - inner.top)
        self._keep_clear(e, [(rect.union(plate), words_area.union(plate)) if plate else (rect, words_area)])

    def _shed_translation(self) -> bool:
        """Bilingual mode at large text, when a choice's options would not all be in sight: the options' own
        translations go first, then the question's (the options always come first). False: none left to shed."""
        if self.app.gloss_language is None or self._plain_options == "prompt" or self.menu is None:
            return False
        if not self._plain_options:
            self._plain_options, index = True, self.menu.index
            self.menu = self._menu_for(self.event)
            self.menu.index = index
        else:
            self._plain_options = "prompt"
        return True

    def _prompt_gloss(self, e: ev.ChoiceEvent) -> str:
        other = self.gloss() if self._plain_options != "prompt" else None
        return other.prompt if isinstance(other, ev.ChoiceEvent) and other.prompt != e.prompt else ""

    def _card(self, surface: pygame.Surface, label: str, title: str, body: str, footer: str,
              label_colour=None, width: int = 900, gloss: str = "", gloss_title: bool = False,
              items: tuple[str, ...] = ()) -> Kept:
        """A centred card; at large text sizes the type steps down until the card fits the screen. `gloss`: the
        card's words in the second language (bilingual mode), under its own (under the title with `gloss_title`),
        smaller and quieter; `items`: a list under the body, each with a bullet. Returns its box and the area of its
        words."""
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 120)
        inner_w = width - 100

        def gloss_size(d: int) -> int:  # smaller than the card's own words, always
            return min(theme.clamp(theme.small_size - d), theme.card_text_size - d - 4)

        def height(d: int) -> int:
            size, small = theme.card_text_size - d, theme.small_size - d // 2
            h = 60 + fonts.line_height(small)
            h += richtext.height(fonts, title, size + 6, inner_w, bold=True) + 16 if title else 0
            h += richtext.height(fonts, body, size, inner_w) + 16 if body else 0
            h += sum(richtext.item_height(fonts, item, size, inner_w) for item in items) + 16 if items else 0
            h += self._gloss_height(gloss, inner_w, gloss_size(d)) + 8 if gloss else 0
            return h + (block_height(fonts, footer, small, inner_w) + 10 if footer else 0)

        reserve, most = self.reserve + self._top(), self._steps_down(theme.card_text_size)
        d = fitting(height, HEIGHT - 60 - reserve, most=most)
        if gloss:  # the translation may not shrink the card's own words much, nor overflow: else the card comes whole
            fits = height(d) <= HEIGHT - 60 - reserve
            kept, gloss = gloss, ""
            alone = fitting(height, HEIGHT - 60 - reserve, most=most)
            if fits and d <= alone + GLOSS_SHRINK:
                gloss = kept
            else:
                d = alone
        size, small, h = theme.card_text_size - d, theme.small_size - d // 2, height(d)
        top = max(20 + reserve, (HEIGHT + reserve - h) // 2 - 20)
        rect = pygame.Rect((WIDTH - width) // 2, top, width, h + 20)
        panel(surface, rect, theme, edge=label_colour or theme.panel_edge)
        y = rect.top + 30
        tag = fonts.render(label.upper(), small, label_colour or theme.accent, bold=True)
        surface.blit(tag, (rect.left + 50, y))
        y += tag.get_height() + 10
        if title:
            y = richtext.block(surface, fonts, title, size + 6, theme.text,
                               pygame.Rect(rect.left + 50, y, inner_w, 0), bold=True) + 16
        if gloss and gloss_title:
            y = self._draw_gloss(surface, gloss, pygame.Rect(rect.left + 50, y - 8, inner_w, 0),
                                 size=gloss_size(d)) + 16
        if body:
            y = richtext.block(surface, fonts, body, size, theme.text, pygame.Rect(rect.left + 50, y, inner_w, 0)) + 16
        for item in items:
            y = richtext.item(surface, fonts, item, size, theme.text, pygame.Rect(rect.left + 50, y, inner_w, 0))
        y += 16 if items else 0
        if gloss and not gloss_title:
            y = self._draw_gloss(surface, gloss, pygame.Rect(rect.left + 50, y - 8, inner_w, 0),
                                 size=gloss_size(d)) + 16
        if footer:
            y = text_block(surface, fonts, footer, small, theme.muted, pygame.Rect(rect.left + 50, y, inner_w, 0))
        return rect, pygame.Rect(rect.left + 50, rect.top + 30, inner_w, y - rect.top - 30)

    def _steps_down(self, size: int) -> int:
        """How many points a card's type of `size` may step down to fit the screen: 20, or more while its words stay
        as big as the default theme's hint at 100% text (the classroom's projector type at 200% needs more)."""
        return max(20, size - math.ceil(DEFAULT.hint_size / self.app.fonts.scale))

    def _card_gloss(self, e: ev.Event) -> ev.Event | None:
        """Bilingual mode: this card (on its own, or on a "Film and sources" page) in the second language."""
        other = self.gloss()
        if isinstance(other, ev.SourcesPage) and isinstance(self.event, ev.SourcesPage):
            other = other.cards[self.card] if self.card < len(other.cards) else None
        return other if type(other) is type(e) and other != e else None

    def _draw_card(self, surface: pygame.Surface, e: ev.Event) -> None:
        other = self._card_gloss(e)
        kept = None
        if isinstance(e, ev.FactEvent):
            where = t("play.fact_source", source=e.source) + (f" — {e.section}" if e.section else "")
            kept = self._card(surface, t("play.fact_tag"), "", e.text, where, self.app.theme.fact,
                              gloss=other.text if other is not None and other.text != e.text else "")
        elif isinstance(e, ev.EvidenceEvent):
            gloss = "\n".join(part for part in (other.name, other.description) if part) if other is not None else ""
            rect, words_area = self._card(surface, t("play.evidence_tag"), e.name, e.description,
                                          self.app.story.evidence_kept, self.app.theme.evidence, width=760, gloss=gloss)
            icon = self.app.images.ui("evidence_icon")
            if icon is not None:
                words_area = words_area.union(surface.blit(icon, (rect.right - icon.get_width() - 30, rect.top + 24)))
            kept = rect, words_area
        elif isinstance(e, ev.PromptEvent):
            minutes = t("play.prompt_minutes", minutes=e.minutes) if e.minutes else ""
            kept = self._card(surface, t("play.prompt_tag"), e.question, "", minutes, self.app.theme.prompt,
                              width=1000, gloss=other.question if other is not None and other.question != e.question
                              else "", gloss_title=True, items=e.followups)
        if kept is not None:
            self._keep_clear(e, [kept])

    def _draw_differ(self, surface: pygame.Surface, e: ev.DifferEvent) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 140)
        n = len(e.accounts)
        col_w = (WIDTH - 160 - 30 * (n - 1)) // n
        colour = theme.differ

        other = self._card_gloss(e)  # bilingual mode: the topic and the question in the second language too
        glosses = {"topic": other.topic if other is not None and other.topic != e.topic else "",
                   "question": differ_question(other) if other is not None and
                   differ_question(other) != differ_question(e) else ""}

        def small_of(d: int) -> int:  # the labels' type (the question's is 2 points more): never above the words'
            return min(theme.small_size - d // 2, theme.card_text_size - 2 - d)

        def gloss_size(d: int) -> int:
            return min(theme.clamp(theme.small_size - d), theme.card_text_size - 4 - d)

        def glossed(which: str, d: int, width: int) -> int:
            return self._gloss_height(glosses[which], width, gloss_size(d)) if glosses[which] else 0

        def parts(d: int) -> tuple[int, int, int, int, int]:
            """Heights of the topic, a column (its source label wrapped, then its words), the question, the
            tag line and the tallest source label."""
            size = theme.card_text_size - 2 - d
            head = richtext.height(fonts, e.topic, size + 4, WIDTH - 200, bold=True) + glossed("topic", d, WIDTH - 200)
            labels = max(richtext.height(fonts, escape(source), small_of(d), col_w - 50, bold=True)
                         for source, _ in e.accounts)
            column = max(richtext.height(fonts, says, size, col_w - 50) for _, says in e.accounts)
            tag = fonts.line_height(small_of(d))
            question = richtext.height(fonts, differ_question(e), small_of(d) + 2, WIDTH - 240) \
                + glossed("question", d, WIDTH - 240)
            return head, column + labels + 40, question, tag, labels

        def height(d: int) -> int:
            head, column, question, tag, _labels = parts(d)
            return tag + 10 + head + 20 + column + 20 + question

        reserve, pad, most = self.reserve + self._top(), DIFFER_PAD, self._steps_down(theme.card_text_size - 2)
        d = fitting(height, HEIGHT - 40 - reserve - 2 * pad, most=most)
        if any(glosses.values()):  # the translation may not shrink the card's own words much, nor overflow
            fits = height(d) <= HEIGHT - 40 - reserve - 2 * pad
            kept, glosses = glosses, {"topic": "", "question": ""}
            alone = fitting(height, HEIGHT - 40 - reserve - 2 * pad, most=most)
            if fits and d <= alone + GLOSS_SHRINK:
                glosses = kept
            else:
                d = alone
        size, small = theme.card_text_size - 2 - d, small_of(d)
        head, column, question, tag_h, labels_h = parts(d)
        top = max(20 + reserve + pad, (HEIGHT + reserve - height(d)) // 2)
        # one box holds it all, so no line of the card is drawn over the picture (the note under the accounts was)
        card = pygame.Rect(50, top - pad, WIDTH - 100, height(d) + 2 * pad)
        panel(surface, card, theme, edge=colour)
        tag = fonts.render(t("play.differ_tag"), small, colour, bold=True)
        surface.blit(tag, ((WIDTH - tag.get_width()) // 2, top))
        y = richtext.block(surface, fonts, e.topic, size + 4, theme.text,
                           pygame.Rect(100, top + tag_h + 10, WIDTH - 200, 0), bold=True, align="center")
        if glosses["topic"]:
            y = self._draw_gloss(surface, glosses["topic"], pygame.Rect(100, y, WIDTH - 200, 0), align="center",
                                 size=gloss_size(d)) + GLOSS_GAP
        y += 20
        for i, (source, says) in enumerate(e.accounts):
            rect = pygame.Rect(80 + i * (col_w + 30), y, col_w, column)
            panel(surface, rect, theme, edge=colour)
            richtext.block(surface, fonts, escape(source), small, colour, pygame.Rect(rect.left + 25, rect.top + 18,
                                                                                       col_w - 50, 0), bold=True)
            richtext.block(surface, fonts, says, size, theme.text,
                           pygame.Rect(rect.left + 25, rect.top + 28 + labels_h, col_w - 50, 0))
        below = richtext.block(surface, fonts, differ_question(e), small + 2, theme.accent,
                               pygame.Rect(120, y + column + 20, WIDTH - 240, 0), align="center")
        if glosses["question"]:
            below = self._draw_gloss(surface, glosses["question"], pygame.Rect(120, below, WIDTH - 240, 0),
                                     align="center", size=gloss_size(d))
        self._keep_clear(e, [(card, pygame.Rect(80, top, WIDTH - 160, below - top))])

    def _draw_scene_card(self, surface: pygame.Surface, e: ev.SceneStart) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 150)
        chapter = chapter_label(e.chapter) + (f" · {e.chapter_title}" if e.chapter_title else "")
        hint = fonts.render(t("play.scene_card_hint"), theme.small_size, theme.muted)
        room = HEIGHT - hint.get_height() - 70  # everything above the hint

        def lines(d: int) -> list[tuple[str, int, tuple, bool]]:
            return [(chapter, theme.small_size + 4 - d // 4, theme.accent, True),
                    (e.title, theme.title_size - d, theme.text, True),
                    (e.date, theme.small_size + 4 - d // 4, theme.muted, False)]

        def height(d: int) -> int:
            return sum(block_height(fonts, t, s, WIDTH - 200, b) + 14 for t, s, _, b in lines(d))

        d = fitting(height, room - 40 - self._top(), step=4, most=24)  # a long title at large text: it shrinks first
        y = max(20 + self._top(), min(HEIGHT // 2 - 90, room - height(d)))
        widest = max(fonts.width(row, size, bold) for text, size, _, bold in lines(d)
                     for row in fonts.wrap(text, size, WIDTH - 200, bold))
        box = pygame.Rect(0, y - 22, min(WIDTH - 120, max(560, widest + 120)), height(d) + 30)
        box.centerx = WIDTH // 2
        panel(surface, box, theme, edge=theme.panel_edge)  # the title reads on any background
        for text, size, colour, bold in lines(d):
            y = text_block(surface, fonts, text, size, colour, pygame.Rect(100, y, WIDTH - 200, 0), bold, "center") + 14
        where = hint.get_rect(midbottom=(WIDTH // 2, HEIGHT - 40))
        panel(surface, where.inflate(32, 12), theme, radius=10)
        surface.blit(hint, where)


    def _note_box(self, e: ev.ContentNoteEvent) -> tuple[int, pygame.Rect]:
        """(points taken off, the note's box): the note keeps room for one option below it; more scroll."""
        fonts, theme = self.app.fonts, self.app.theme
        inner = WIDTH - 380
        lead = t("play.note_lead", title=e.scene_title)

        def note_height(d: int) -> int:
            body, small = theme.clamp(theme.body_size - d), theme.clamp(theme.small_size - d // 2)
            h = 60 + fonts.line_height(small + 2) + block_height(fonts, lead, body, inner) + 8
            h += sum(richtext.item_height(fonts, escape(t), body, inner - 30) for t in e.topics)
            return h + 14 + block_height(fonts, t("play.note_after"), small, inner)

        if self.menu is not None:
            self._size_menu()
        options = min(self.menu.total_height(fonts), HEIGHT // 2) if self.menu is not None else 0
        d = fitting(lambda d: note_height(d) + 40 + options, HEIGHT - 40, most=theme.body_size - theme.hint_size)
        return d, pygame.Rect(140, 20, WIDTH - 280, note_height(d))

    def _draw_note(self, surface: pygame.Surface, e: ev.ContentNoteEvent) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 200)
        inner = WIDTH - 380
        lead = t("play.note_lead", title=e.scene_title)
        after = t("play.note_after")
        d, rect = self._note_box(e)
        body, small = theme.clamp(theme.body_size - d), theme.clamp(theme.small_size - d // 2)
        panel(surface, rect, theme, edge=theme.danger)
        y = text_block(surface, fonts, t("play.note_heading"), small + 2, theme.danger,
                       pygame.Rect(rect.left + 50, rect.top + 30, inner, 0), bold=True) + 6
        y = text_block(surface, fonts, lead, body, theme.text, pygame.Rect(rect.left + 50, y, inner, 0)) + 8
        for topic in e.topics:
            y = richtext.item(surface, fonts, escape(topic), body, theme.text,
                              pygame.Rect(rect.left + 80, y, inner - 30, 0))
        y = text_block(surface, fonts, after, small, theme.muted, pygame.Rect(rect.left + 50, y + 14, inner, 0))
        self._keep_clear(e, [(rect, pygame.Rect(rect.left + 50, rect.top + 30, inner, y - rect.top - 30))])

    def _draw_page_card(self, surface: pygame.Surface, e: ev.Event) -> None:
        """A card as a "Film and sources" page shows it, below the page's heading."""
        self.reserve = PAGE_STRIP
        try:
            (self._draw_differ if isinstance(e, ev.DifferEvent) else self._draw_card)(surface, e)
        finally:
            self.reserve = 0

    def draw_sources(self, surface: pygame.Surface, page: ev.SourcesPage, card: int, after: str = "") -> None:
        """One card of a chapter's "Film and sources" page, under a heading that says where it comes from."""
        fonts, theme = self.app.fonts, self.app.theme
        self._draw_page_card(surface, page.cards[card])
        chapter = chapter_label(page.chapter) + (f": {page.chapter_title}" if page.chapter_title else "")
        more = t("play.sources_next") if card < len(page.cards) - 1 else after or t("play.sources_go_on")
        count = t("play.sources_count", n=card + 1, count=len(page.cards))
        text = " · ".join((t("play.sources_heading"), chapter, count, more))
        size = next((s for s in range(theme.small_size, theme.small_size - 9, -2)
                     if fonts.width(text, s, True) <= WIDTH - 100), theme.small_size - 8)
        if fonts.width(text, size, True) > WIDTH - 100:  # a very long chapter title: keep the count, drop the title
            text = " · ".join((t("play.sources_heading"), chapter_label(page.chapter), count, more))
        image = fonts.render(text, size, theme.accent, bold=True)
        rect = pygame.Rect((WIDTH - image.get_width()) // 2 - 20, 10 + self._top(), image.get_width() + 40,
                           image.get_height() + 10)
        panel(surface, rect, theme, alpha=235, edge=theme.accent, radius=10)
        heading = surface.blit(image, (rect.left + 20, rect.top + 5))
        self._keep_clear((page, card), [(rect, heading), *(self.drawn_boxes(page.cards[card]) or [])])
