"""The app: a window, a 1280x720 canvas scaled with letterboxing, a stack of screens, one loop.

Tests and the screenshot command drive the same app headless through `step()`.
"""
from __future__ import annotations

import functools
import os
import sys
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pygame

from .. import paths, words
from ..content import model as m
from ..library import Library, reload_library
from ..profile import Profile
from ..storage import BackgroundWriter
from ..ui.nav import Navigator
from ..ui.theme import theme_for
from ..ui.toast import Toasts
from . import heap
from .audio import Audio
from .base import Screen
from .fonts import FontBook
from .images import Images
from .input import Action, InputMapper
from .routes import ROUTES
from .theme import DEFAULT, HEIGHT, WIDTH, Theme
from .voice import Voice
from .widgets import panel, text_block

if TYPE_CHECKING:  # a save's thumbnail: scaled and encoded only once a play screen saves, not to show the title
    from .thumbnail import Scaling

FPS = 60
TRIM_EVERY = 10.0  # seconds of game time at least between two asks to hand memory back (heap.py)
THUMB_LEVEL = 1  # zlib's level for a save's thumbnail: written at every autosave, on the writer's thread
EXIT_AFTER = "CELL7_EXIT_AFTER"  # "title" or "line": exit 0 right after that first frame (start-up timing)


def set_window_class(name: str) -> None:
    """Name the window's class (X11 WM_CLASS, Wayland app id) before the display starts. `import pygame` sets
    the X11 one to the script's name (main.py) unless the player set it; only that default is replaced."""
    if os.environ.get("SDL_VIDEO_X11_WMCLASS") in (None, os.path.basename(sys.argv[0])):
        os.environ["SDL_VIDEO_X11_WMCLASS"] = name
    os.environ.setdefault("SDL_VIDEO_WAYLAND_WMCLASS", name)


def set_window_icon(path: Path) -> None:
    """The window's and task bar's icon (tools/art/icon.py), set before the window opens; an unreadable file
    leaves SDL's default icon and says so."""
    try:
        pygame.display.set_icon(pygame.image.load(str(path)))
    except (pygame.error, OSError) as exc:
        print(f"warning: window icon {path}: {exc}", file=sys.stderr)


def system_language(known: list[str], environ: dict | None = None) -> str | None:
    """The language of the computer (LC_ALL, LC_MESSAGES, LANG, else Python's locale: "ko_KR.UTF-8",
    "Korean_Korea" -> "ko") when the game has it; None otherwise. A first start uses it, so a Korean school PC
    opens in Korean; Settings and --lang still choose."""
    import locale
    environ = os.environ if environ is None else environ
    names = [environ.get(key, "") for key in ("LC_ALL", "LC_MESSAGES", "LANG")]  # not words
    try:
        names.append(locale.getlocale()[0] or "")
    except ValueError:
        pass
    for name in names:
        code = name.replace("-", "_").split(".")[0].split("_")[0].lower()
        code = {"korean": "ko", "english": "en"}.get(code, code)
        if code in ("c", "posix", ""):
            continue
        return code if code in known else None
    return None


def _remove_written(folder: str, writer: BackgroundWriter) -> None:
    """A temporary profile's folder, removed once its saves queued on the writer are written (else a late save
    would make it again); when the app is collected on the writer's own thread, the removal is its next job."""
    import shutil
    if writer.in_worker():
        writer.submit(f"remove {folder}", lambda: shutil.rmtree(folder, ignore_errors=True))
        return
    writer.flush()
    shutil.rmtree(folder, ignore_errors=True)


class App:
    """`library` is the content being played (its story, timeline, quiz and cards, its root and assets);
    `profile` must be this story's (`Profile(data, library.story_id)`; a fresh temporary one by default).
    `dev`: watch the library's root and reload edits while playing (F6 / Ctrl+R reload it either way).
    `language`: read in this language (the setting is changed to it; default: the setting's)."""

    def __init__(self, library: Library, profile: Profile | None = None, window: bool = True,
                 classroom: bool = False, dev: bool = False, language: str | None = None):
        if window:  # the class a desktop names and groups the window by; SDL reads it when the display starts
            set_window_class(paths.WM_CLASS)
        pygame.display.init()
        pygame.font.init()
        if library.story is None:
            raise ValueError("the library has errors; load it with load_library")
        self.writer = BackgroundWriter()  # saves are encoded and written off the frame
        self._forget_data: Callable[[], object] = lambda: None
        if profile is None:  # a profile of its own, removed when the app closes or is collected (tests make many)
            import tempfile  # (not imported to play: it loads shutil, random and the compressors)
            folder = tempfile.mkdtemp(prefix="cell7-")
            profile = Profile(folder, library.story_id)
            self._forget_data = weakref.finalize(self, _remove_written, folder, self.writer)
        self.profile = profile
        self.settings = self.profile.settings
        if language:
            self.settings.language = language
        self.library = library if library.language == self.settings.language else \
            library.in_language(self.settings.language)  # the story, timeline, quiz... in that language
        words.set_language(self.settings.language)                    # and the menus
        self.story_languages = self.library.languages  # read from the disk once (lang/ folders), not per frame
        self.profile.saves.writer = self.writer
        self.classroom = classroom
        self.window = None
        if window:
            self._name_window()  # before the window opens: its first title is the caption, not "pygame window"
            set_window_icon(paths.ICON)
            self.window = pygame.display.set_mode((WIDTH, HEIGHT), self._flags())
        self._own_canvas: pygame.Surface | None = None
        self.canvas = self._pick_canvas()
        self.fonts = FontBook(scale=self.settings.font_scale)
        self.theme: Theme = DEFAULT
        self.apply_settings()
        self.images = Images(self.story, self.assets)
        self.audio = Audio(self.assets / "audio")
        self.audio.music_volume, self.audio.sound_volume = self.settings.music_volume, self.settings.sound_volume
        self.audio.ambience_volume = self.settings.ambience_volume
        self.audio.background = True  # ambience loops are decoded off the frame
        self.audio.on_track = self.profile.hear_track  # the music room unlocks what has played
        self.toasts = Toasts(self.profile.messages)  # iterates as (text, seconds left)
        self.nav = Navigator(self, ROUTES)  # screens open each other by name: self.open("save", play=...)
        self.watcher = None
        if dev:  # the authors' mode: the watcher (and the loader it keeps warm) is not imported to play
            from ..content.watch import ContentWatcher
            self.watcher = ContentWatcher(library.root)
            self.watcher.start()  # polls on its own thread; the frame only reads its flag
        self.reload_problems: list = []
        self._next_poll = 0.0
        self._scaling: Scaling | None = None  # the canvas being scaled for a save's thumbnail (until the next draw)
        # the screen the canvas shows with nothing over it but toasts, held weakly (a screen gone is freed at once)
        self._alone: weakref.ref[Screen] | None = None
        self._ahead_of = None  # the event whose upcoming pictures were last asked for
        self._place: tuple | None = None  # (the screen on top, its story's scene) at the last frame
        self._next_trim = TRIM_EVERY      # game time from which a new place asks for a trim
        heap.TRIMMER.start()  # its thread waits from now on, so no frame starts it
        self.input = InputMapper(self.to_logical)
        self.stack: list[Screen] = []
        self.running = True
        self.clock = pygame.time.Clock()
        self.time = 0.0

    def _name_window(self) -> None:
        """The window's caption, in the player's language: story.yaml's caption (else its title), with a Korean
        title before it where the language's words say so (game/lang: 'app.caption'). Without a window SDL only
        keeps it."""
        story = self.story
        caption = story.caption or story.title
        if story.korean_title and story.korean_title not in caption:
            caption = words.t("app.caption", caption=caption, korean_title=story.korean_title)
        pygame.display.set_caption(caption)

    @functools.cached_property
    def voice(self) -> Voice:
        """Self-voicing, set up when first asked for (the play screen with self-voicing on, the settings screen):
        with pyttsx3 installed, its engine's start costs every start that does not speak."""
        return Voice()

    @property
    def story(self) -> m.Story:
        return self.library.story

    @property
    def assets(self) -> Path:
        return self.library.assets

    def apply_settings(self) -> None:
        """Make theme and font scale follow the settings (called after the settings screen changes them)."""
        self.theme = theme_for(self.settings.high_contrast, self.classroom)
        if self.fonts.scale != self.settings.font_scale:
            self.fonts = FontBook(scale=self.settings.font_scale)

    # --- language ---------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def languages(self) -> list[str]:
        """The languages a player can choose: the story's (the source, then those with tables) and the UI's."""
        return list(dict.fromkeys([*self.story_languages, *words.languages()]))

    def set_language(self, code: str) -> None:
        """Read the story and the menus in `code` from now on, at once: a story being played goes on from the
        same moment (its shown lines, the backlog and rollback told again in the new words; `Runtime.retell`)."""
        if code == self.settings.language:
            return
        self.settings.language = code
        words.set_language(code)
        self.library = self.library.in_language(code)
        self.images = self.images.renewed(self.story, self.assets)
        for screen in self.stack:
            rt = getattr(screen, "rt", None)
            if rt is not None and rt.story is not self.story:
                rt.retell(self.story)
        self._name_window()
        self.relabel()

    def relabel(self) -> None:
        """The words on screen changed (the language, or bilingual mode): each screen on the stack that shows
        words it worked out before (a menu, a choice's options) works them out again."""
        for screen in self.stack:
            relabel = getattr(screen, "on_language", None)
            if relabel is not None:
                relabel()

    @property
    def gloss_language(self) -> str | None:
        """The second language of bilingual mode: English beside a translation, else the first translation
        beside English; None when bilingual mode is off or the story is in one language only."""
        if not self.settings.bilingual:
            return None
        source, *others = self.story_languages
        if self.library.language != source:
            return source
        return next(iter(others), None)

    def gloss_story(self) -> m.Story | None:
        """The story in the second language (bilingual mode), or None."""
        code = self.gloss_language
        return None if code is None else self.library.in_language(code).story

    def voice_language(self) -> str:
        return self.settings.voice_language or self.settings.language

    def notify(self, message: str, seconds: float = 3.5) -> None:
        """A short message at the top of the screen (saved, loaded, a problem the player should know)."""
        self.toasts.notify(message, seconds)

    # --- screens ---------------------------------------------------------------------------

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop()
        if self.stack:
            self.stack[-1].on_enter()

    def replace(self, screen: Screen) -> None:
        self.stack.clear()
        self.stack.append(screen)

    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def quit(self) -> None:
        self.running = False

    # --- window ----------------------------------------------------------------------------

    def _flags(self) -> int:
        return pygame.FULLSCREEN if self.settings.fullscreen else pygame.RESIZABLE

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        if self.window is not None:
            size = (0, 0) if self.settings.fullscreen else (WIDTH, HEIGHT)
            self._canvas_free()  # the window's surface is made anew: nothing may be reading it
            self.window = pygame.display.set_mode(size, self._flags())
            self.canvas = self._pick_canvas()

    def _pick_canvas(self) -> pygame.Surface:
        """What frames are drawn on: the window's own surface while it is the canvas's size (the usual case: no
        second full-screen surface, 3.5 MB, and no copy into the window at every frame, ~0.3 ms), else a surface of
        its own (the same pixel format) that `present` scales into the window: resized, full screen, no window."""
        if self.window is not None and self.window.get_size() == (WIDTH, HEIGHT):
            self._own_canvas = None
            return self.window
        if self._own_canvas is None:
            self._own_canvas = pygame.Surface((WIDTH, HEIGHT))
        return self._own_canvas

    def _viewport(self) -> pygame.Rect:
        """Where the canvas goes in the window: as large as fits, centred, bars elsewhere."""
        if self.window is None:
            return pygame.Rect(0, 0, WIDTH, HEIGHT)
        ww, wh = self.window.get_size()
        scale = min(ww / WIDTH, wh / HEIGHT) or 1
        w, h = max(1, round(WIDTH * scale)), max(1, round(HEIGHT * scale))
        return pygame.Rect((ww - w) // 2, (wh - h) // 2, w, h)

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        view = self._viewport()
        return (round((pos[0] - view.x) * WIDTH / view.w), round((pos[1] - view.y) * HEIGHT / view.h))

    # --- loop ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the library's own root; a play screen continues at the same moment on the new text, and
        the screens under it (the title, for one) show the new story when they are drawn again."""
        started = time.perf_counter()
        play = next((s for s in reversed(self.stack) if hasattr(s, "adopt")), None)
        result = reload_library(self.library, play.rt if play is not None else None)
        self.reload_problems = result.problems if result.library is None else []
        if result.library is None:
            return
        self.library = result.library.in_language(self.settings.language)
        self.story_languages = self.library.languages
        self._name_window()  # an edited caption shows at once
        self.images = self.images.renewed(self.story, self.assets)  # pictures kept when only text changed
        message = words.t("app.reloaded", ms=f"{(time.perf_counter() - started) * 1000:.0f}")
        if play is not None:
            if result.resumed is not None and self.library is not result.library:
                result.resumed.runtime.retell(self.story)  # replayed on the source text: go on in the player's language
            play.adopt(result.resumed, message)
        else:
            self.notify(message)
            if self.top is not None:
                self.top.on_enter()  # a menu rebuilds its entries from the new story

    def _poll_content(self) -> None:
        if self.watcher is None:
            return
        if self.watcher.pending():  # the watcher's thread saw a file change (within ~50 ms of the save)
            self.reload()
        elif self.time >= self._next_poll:  # and every half second of game time, in the frame (headless use)
            self._next_poll = self.time + 0.5
            if self.watcher.changed():
                self.reload()

    def _prefetch(self, screen: Screen) -> None:
        """A new event on the screen on top: have the pictures the story shows next decoded off the frame."""
        event, rt = getattr(screen, "event", None), getattr(screen, "rt", None)
        if rt is not None and event is not self._ahead_of:
            self._ahead_of = event
            self.images.prefetch(rt)

    def _hand_back_memory(self, screen: Screen) -> None:
        """At the first frame of a new scene or a new screen on top, at most once every TRIM_EVERY seconds of game
        time, have the heap thread hand back to the system what glibc keeps of the memory freed since (the place
        left behind lets go of its lines, panels, sounds and pictures); the frame only wakes that thread."""
        rt = getattr(screen, "rt", None)
        place = (id(screen), rt.state.scene if rt is not None else None)
        if place != self._place:
            self._place = place
            if self.time >= self._next_trim:
                self._next_trim = self.time + TRIM_EVERY
                heap.TRIMMER.ask()

    def dispatch(self, action: Action) -> None:
        self._alone = None  # what the canvas shows may be out of date from here until the next draw
        if action.name == "fullscreen":
            self.toggle_fullscreen()
        elif action.name == "reload":
            self.reload()
        elif self.top is not None:
            self.top.on_action(action)

    def step(self, dt: float, actions: list[Action] = ()) -> pygame.Surface:
        """One frame: feed actions, animate, draw. Returns the canvas."""
        if self.canvas is self.window or self.canvas is self._own_canvas:  # (a canvas set from outside stays)
            self.canvas = self._pick_canvas()  # the window may have been resized since the last frame
        for action in actions:
            self.dispatch(action)
        self.time += dt
        self._poll_content()
        self.audio.update()
        if self.top is not None:
            self.top.update(dt)
            self._prefetch(self.top)
            self._hand_back_memory(self.top)
        while self.writer.errors:  # background saves that failed, said in the player's language
            self.notify(words.t("play.save_failed", reason=self.writer.errors.pop(0)), 6.0)
        while self.writer.said:  # saves written that asked to be said ("Saved.")
            self.notify(self.writer.said.pop(0))
        self.toasts.update(dt, self.top)  # a toast leaves with the screen it appeared on
        self.draw()
        return self.canvas

    def draw(self) -> None:
        self._canvas_free()  # drawn on now: the picture scaled from it before is let go
        self._scaling = None
        start = len(self.stack) - 1
        while start > 0 and not self.stack[start].opaque:
            start -= 1
        if start < 0 or not self.stack[start].covers_canvas:
            self.canvas.fill(self.theme.backdrop)  # a screen that paints every pixel itself says so
        for screen in self.stack[max(start, 0):]:
            screen.draw(self.canvas)
        if self.reload_problems:
            self._draw_problems()
        alone = self.stack and start == len(self.stack) - 1 and not self.reload_problems
        self._alone = weakref.ref(self.top) if alone else None
        self._draw_toasts()

    def shows_alone(self, screen: Screen) -> bool:
        """The canvas shows `screen` as it is now, with nothing over it but toasts: it was the only screen drawn in
        the last frame, which nothing has been dispatched since (a thumbnail can be taken from it as it is)."""
        return self._alone is not None and self._alone() is screen

    def _draw_problems(self) -> None:
        """The author's errors over the game, until the file is fixed: file:line, message, hint."""
        size = self.theme.small_size - 2
        text = "\n".join(str(p) for p in self.reload_problems[:6])
        if len(self.reload_problems) > 6:
            text += "\n" + words.t("app.more_problems", count=len(self.reload_problems) - 6)
        text = words.t("app.content_errors") + "\n" + text
        lines = self.fonts.wrap(text, size, WIDTH - 140)
        rect = pygame.Rect(40, 40, WIDTH - 80, len(lines) * self.fonts.line_height(size) + 30)
        panel(self.canvas, rect, self.theme, alpha=245, edge=self.theme.danger, radius=10)
        text_block(self.canvas, self.fonts, text, size, self.theme.text, rect.inflate(-60, -30), spacing=1.0)

    def _draw_toasts(self) -> None:
        """Up to three messages where the top screen says they hide nothing (game/ui/toast.py); a frame without
        any asks the screen nothing."""
        if not self.toasts:
            return
        below = self.top.header_bottom() if self.top is not None else 0
        place = self.top.toast_place() if self.top is not None else None
        self.toasts.draw(self.canvas, self.fonts, self.theme, below, place)

    def present(self) -> None:
        if self.window is not None:
            if self.canvas is not self.window:  # drawn on a surface of its own: into the window, letterboxed
                view = self._viewport()
                if view.size != self.window.get_size():  # the bars beside a letterboxed canvas
                    self.window.fill((0, 0, 0))
                if view.size == (WIDTH, HEIGHT):
                    self.window.blit(self.canvas, view.topleft)
                else:
                    self.window.blit(pygame.transform.smoothscale(self.canvas, view.size), view.topleft)
            pygame.display.flip()
        # once shown (a blit from a canvas being scaled fails: the scaling locks it), in the gap before the next frame
        if self._scaling is None and self.top is not None and self.top.thumbnail_due():
            from .thumbnail import Scaling
            self._scaling = Scaling(self.canvas)  # (waited for by the next draw)
        self.images.presented()  # and what the frame asked of the picture and sound threads starts now
        self.audio.presented()

    def run(self) -> int:
        exit_after, first = os.environ.get(EXIT_AFTER, ""), True
        while self.running and self.stack:
            if first:  # the first frame is drawn at once, not after a frame's wait
                self.clock.tick()
                dt, first = 0.0, False
            else:
                dt = self.clock.tick(FPS) / 1000
            actions: list[Action] = []
            self._canvas_free()  # events may resize the window, making its surface anew: nothing may read it then
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    self.running = False
                actions.extend(self.input.translate(event))
            self.step(dt, actions)
            self.present()
            if exit_after and self._reached(exit_after):
                break
        self.images.stop()  # quitting: nothing more is looked ahead, no loop, effect or track starts
        self.audio.stop()
        for screen in list(self.stack):  # what must not be lost (a play screen's autosave still due) is queued
            screen.on_close()
        self.profile.save_persistent()  # lines read since the last scene start count as read next time
        self.writer.flush()
        if self.watcher is not None:
            self.watcher.stop()
        self._canvas_free()
        self._forget_data()  # a temporary profile's folder, written to the last
        pygame.quit()
        return 0

    def _reached(self, point: str) -> bool:
        """CELL7_EXIT_AFTER: True once the frame just presented is the first title frame ("title") or the
        first story line ("line"; the title's Start is chosen and cards are passed as Enter would): the line
        drawn, not only taken from the runtime (a play screen holds the moment before while its pictures decode)."""
        top = self.top
        if point == "title" or top is None:
            return True
        from ..runtime.events import LineEvent  # the play screen's (not imported before the title)
        menu = getattr(top, "menu", None)
        if type(top).__name__ == "TitleScreen" and menu is not None:
            start = getattr(top, "start", None)  # the title's "Start the story" (in any language)
            menu.index = next((i for i, item in enumerate(menu.items) if item.on_choose == start), 0)
        elif isinstance(getattr(top, "on_screen", None), LineEvent):
            return True
        self.dispatch(Action("confirm"))
        return False

    def _canvas_free(self) -> None:
        """A thumbnail being scaled from the canvas on its thread (game/screens/thumbnail.py) has finished reading
        it: nothing else draws on it, saves it or lets it go meanwhile."""
        if self._scaling is not None:
            self._scaling.wait()

    def screenshot(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._canvas_free()
        pygame.image.save(self.canvas, str(path))

    def thumbnail(self, under: Screen | None = None) -> Callable[[], bytes]:
        """A save slot's picture of the game (drawn without any menu on top): scaled now, from this
        frame, and encoded as PNG when called, which the background writer does off the frame. The canvas
        scaled off the frame since it was drawn (game/screens/thumbnail.py) is taken as it is."""
        from .png import png_bytes
        from .thumbnail import THUMB
        if under is None and self._scaling is not None:
            scaling = self._scaling
            return lambda: png_bytes(scaling.picture(), THUMB_LEVEL)
        if under is not None:
            # a surface of its own, scaled on the thumbnail thread and let go once scaled: a kept one stayed 3.5 MB
            # at peak for the whole process (a surface this large is a mapping of its own, handed back whole:
            # heap.separate_big_blocks)
            from .thumbnail import Scaling
            surface = pygame.Surface((WIDTH, HEIGHT))
            under.draw(surface)
            scaling = Scaling(surface)
            del surface
            return lambda: png_bytes(scaling.picture(), THUMB_LEVEL)
        # scaled in the frame (no 3.5 MB full copy kept for the writer; the same pixels, and no dearer than the
        # copy's fresh pages): the writer alone uses the small picture
        small = pygame.transform.smoothscale(self.canvas, THUMB)
        return lambda: png_bytes(small, THUMB_LEVEL)

    def thumbnail_png(self, under: Screen | None = None) -> bytes:
        """The same picture, encoded at once."""
        return self.thumbnail(under)()


def run(library: Library, start_scene: str | None = None, fullscreen: bool = False, data: str | None = None,
        classroom: bool = False, dev: bool = False, timeline_focus: str | None = None,
        classroom_out: Path | None = None, language: str | None = None) -> int:
    if os.environ.get("SDL_VIDEODRIVER") == "dummy":
        print("note: SDL_VIDEODRIVER=dummy, so no window will be visible")
    profile = Profile(data, library.story_id)
    if language is None and not (profile.data / "settings.json").exists():
        language = system_language([*library.languages, *words.languages()])  # a first start: the system's
    if fullscreen:
        profile.settings.fullscreen = True
    app = App(library, profile, classroom=classroom, dev=dev, language=language)
    title = app.nav.open("title")
    if start_scene:
        app.nav.open("play", start_scene=start_scene)
    elif timeline_focus is not None:
        title.open_timeline(timeline_focus or None)
    elif classroom:
        app.nav.open("classroom", export_dir=classroom_out)
    return app.run()
