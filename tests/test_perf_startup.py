"""Start-up (issue 17): what the start path does and does not do, never how long it takes.

Records (game/content/records.py) behave exactly as `@dataclass(frozen=True)` classes; the title path does not
import what only play, checking content or the classroom need.
"""
from __future__ import annotations

import copy
import dataclasses
import inspect
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game import paths
from game.content import model
from game.content.records import record
from game.runtime import events

SAMPLE = '''
class Sample:
    """A sample."""
    a: int
    b: str = "x"
    c: dict = field(default_factory=dict, hash=False)
    d: tuple = field(default=(), compare=False)
    e: int = field(default=5, init=False)
    f: list = field(default_factory=list, repr=False, hash=False)
'''


def _declared(decorator) -> type:
    scope = {"field": field}
    exec(SAMPLE, scope)  # noqa: S102 - the same class body for both decorators
    return decorator(scope["Sample"])


def test_a_record_behaves_as_a_frozen_dataclass() -> None:
    reference = _declared(dataclass(frozen=True))
    for cls in (reference, _declared(record)):
        one = cls(1, "y", {"k": 1}, (2,))
        assert repr(one) == "Sample(a=1, b='y', c={'k': 1}, d=(2,), e=5)"
        assert str(inspect.signature(cls)) == str(inspect.signature(reference))
        assert str(inspect.signature(cls)).count("= <factory>") == 2
        assert cls(1) == cls(1, d=(3,)) and cls(1) != cls(2) and cls(1).__eq__(1) is NotImplemented
        assert hash(cls(1)) == hash((1, "x", 5))  # the fields compared and hashed (a, b, e), as a tuple
        assert cls(1).c is not cls(1).c and cls(1).e == 5
        assert cls.__match_args__ == ("a", "b", "c", "d", "f")
        assert [f.name for f in dataclasses.fields(cls)] == ["a", "b", "c", "d", "e", "f"]
        assert dataclasses.replace(one, a=3) == cls(3, "y", {"k": 1})
        assert dataclasses.asdict(one)["c"] == {"k": 1} and copy.deepcopy(one) == one
        assert cls.__dataclass_params__.frozen and cls.__dataclass_params__.eq
        attributes = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata",
                      "kw_only", "_field_type")
        assert [[getattr(f, a) for a in attributes] for f in dataclasses.fields(cls)] == \
            [[getattr(f, a) for a in attributes] for f in dataclasses.fields(reference)]  # fields declared alike
        assert {n: v for n, v in vars(cls).items() if n in tuple("abcdef")} == {"b": "x", "d": (), "e": 5}  # defaults
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.a = 2
        with pytest.raises(dataclasses.FrozenInstanceError):
            del one.b
        with pytest.raises(TypeError):
            cls()

        @dataclass(frozen=True)
        class Sub(cls):  # a frozen dataclass may build on either
            z: int = 0
        assert Sub(1, z=2).z == 2 and Sub(1) != cls(1)


def test_a_mutable_record_behaves_as_a_dataclass() -> None:
    from game.content.records import mutable_record
    reference = _declared(dataclass)
    for cls in (reference, _declared(mutable_record)):
        one = cls(1, "y", {"k": 1}, (2,))
        assert repr(one) == "Sample(a=1, b='y', c={'k': 1}, d=(2,), e=5)"
        assert str(inspect.signature(cls)) == str(inspect.signature(reference))
        assert cls(1) == cls(1, d=(3,)) and cls(1) != cls(2) and cls(1).__eq__(1) is NotImplemented
        assert cls.__hash__ is None and cls.__match_args__ == ("a", "b", "c", "d", "f")
        one.a, one.e = 7, 8
        assert (one.a, one.e) == (7, 8) and dataclasses.replace(one, b="z") == cls(7, "z", {"k": 1})
        assert dataclasses.asdict(one)["c"] == {"k": 1} and copy.deepcopy(one) == one
        assert not cls.__dataclass_params__.frozen and cls.__dataclass_params__.eq
        assert [f.name for f in dataclasses.fields(cls)] == ["a", "b", "c", "d", "e", "f"]


def test_a_record_refuses_what_it_does_not_support() -> None:
    with pytest.raises(TypeError):
        @record
        class Custom:
            a: int

            def __eq__(self, other: object) -> bool:
                return True

    with pytest.raises(TypeError):
        @record
        class KeywordOnly:
            a: int = field(kw_only=True)

    with pytest.raises(TypeError):
        @record
        class Counted:
            a: int
            total: ClassVar[int] = 0  # noqa: F821 - a name a record refuses, never resolved

    with pytest.raises(ValueError):
        @record
        class Shared:
            a: list = []  # noqa: RUF012 - the mutable default dataclasses refuses too


@pytest.mark.parametrize("module", [model, events])
def test_story_and_event_classes_are_frozen_dataclasses(module) -> None:
    classes = [c for c in vars(module).values() if isinstance(c, type) and c.__module__ == module.__name__
               and dataclasses.is_dataclass(c)]
    assert len(classes) > 10
    for cls in classes:
        assert cls.__dataclass_params__.frozen, cls
        assert cls.__setattr__ is not object.__setattr__ and cls.__hash__ is not None, cls


def test_the_menus_words_are_kept_and_follow_their_files(tmp_path, monkeypatch) -> None:
    from game import words
    lang = tmp_path / "lang"
    lang.mkdir()
    (lang / "en.yaml").write_text("a.greet: Hello\na.bye: Bye\n", encoding="utf-8")
    monkeypatch.setattr(words, "FOLDER", lang)
    words.keep_in(tmp_path / "cache")
    words.forget()
    try:
        assert words.table("en") == {"a.greet": "Hello", "a.bye": "Bye"}
        kept = tmp_path / "cache" / "ui-words-en.json"
        assert kept.is_file()
        data = json.loads(kept.read_text(encoding="utf-8"))
        data["words"]["a.greet"] = "Kept"  # read back from the kept file while en.yaml is the same
        kept.write_text(json.dumps(data), encoding="utf-8")
        words.forget()
        assert words.t("a.greet") == "Kept" and list(words.source()) == ["a.greet", "a.bye"]
        (lang / "en.yaml").write_text("a.greet: Hi\n", encoding="utf-8")  # an edit: the kept table is stale
        words.forget()
        assert words.table("en") == {"a.greet": "Hi"}
        kept.write_text("{not json", encoding="utf-8")  # a damaged file is passed over and written again
        words.forget()
        assert words.t("a.greet") == "Hi" and json.loads(kept.read_text(encoding="utf-8"))["words"] == {"a.greet": "Hi"}
    finally:
        words.keep_in(None)
        words.forget()


NOT_TO_START = ["yaml", "difflib", "hashlib", "game.content.loader", "game.content.yamlsource", "game.content.compiler",
                "game.content.validate", "game.content.formatcheck", "game.content.watch", "game.runtime.reload",
                "game.content.translation",  # reading a translation: a start in the story's own language lists them
                "game.runtime.runtime", "game.runtime.resume", "game.runtime.events",
                "game.classroom", "game.timeline",  # kept apart in the content cache: read when first used
                "game.authoring", "game.screens.play", "game.screens.timeline", "game.screens.timeline_poster",
                "game.screens.classroom_hub", "game.screens.classroom_play", "game.screens.classroom_ui",
                "argparse", "tempfile", "shutil",  # a bare `play` reads no command line; no temporary profile
                "_sha1", "_sha256",  # (scene fingerprints and compiled ids: checking content)
                "zlib", "game.screens.thumbnail",  # a save's thumbnail, scaled and encoded once a play screen saves
                "wave",  # sounds kept as WAV: after the first frame
                "ctypes"]  # glibc's mallopt and malloc_trim come from _ctypes' building blocks (game/screens/heap.py)


def _modules_at_exit(data: Path, point: str, tmp_path: Path) -> set[str]:
    """The modules a `python -m game` run to CELL7_EXIT_AFTER=point had imported when it exited."""
    out = tmp_path / f"modules-{point}.json"
    probe = ("import atexit, json, runpy, sys; "
             f"atexit.register(lambda: open({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules)))); "
             "sys.argv = ['game']; runpy.run_module('game', run_name='__main__')")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "CELL7_EXIT_AFTER": point,
           "CELL7_DATA_DIR": str(data), "PYTHONPATH": str(paths.ROOT)}
    subprocess.run([sys.executable, "-c", probe], env=env, cwd=paths.ROOT, check=True, capture_output=True, timeout=120)
    return set(json.loads(out.read_text()))


def test_a_start_with_its_caches_imports_no_content_checks_and_no_play_modules(tmp_path) -> None:
    data = tmp_path / "data"
    first = _modules_at_exit(data, "title", tmp_path)  # a new data folder: the content is checked and kept
    assert "game.content.loader" in first and "hashlib" not in first  # (game.content.digest's digests)
    title = _modules_at_exit(data, "title", tmp_path)
    assert (data / "cache" / "ui-words-en.json").is_file()
    assert not {m for m in title for prefix in NOT_TO_START if m == prefix or m.startswith(prefix + ".")}
    line = _modules_at_exit(data, "line", tmp_path)
    assert "game.screens.play" in line and "yaml" not in line and "game.content.loader" not in line
    assert "game.timeline" not in line  # the quick bar asks whether there is one, which does not decode it
    assert not {"numpy", "pkg_resources"} & (first | title | line)  # kept out of `import pygame` (game.cli)


AFTER_PYGAME = """
import importlib.util, sys
from game.cli import KEPT_OUT_OF_PYGAME, import_pygame
import_pygame()
import pygame
print(sorted(name for name in KEPT_OUT_OF_PYGAME if name in sys.modules))
installed = [name for name in KEPT_OUT_OF_PYGAME if importlib.util.find_spec(name) is not None]
for name in installed:  # kept out only while pygame loaded: anything imported later may load them
    importlib.import_module(name)
if "numpy" in installed:
    import pygame.surfarray
    print(pygame.surfarray.array3d(pygame.Surface((2, 3))).shape)
print(sorted(installed))
"""


def test_pygame_loads_without_numpy_and_pkg_resources_which_stay_importable() -> None:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(paths.ROOT)}
    out = subprocess.run([sys.executable, "-c", AFTER_PYGAME], env=env, cwd=paths.ROOT, check=True,
                         capture_output=True, text=True, timeout=120).stdout.splitlines()
    assert out[0] == "[]"
    installed = json.loads(out[-1].replace("'", '"'))
    assert out[1:-1] == (["(2, 3, 3)"] if "numpy" in installed else [])


def test_an_undocumented_record_is_documented_as_dataclasses_would(monkeypatch) -> None:
    from game.content import records
    compiled: list[str] = []
    real = records._init
    monkeypatch.setattr(records, "_init", lambda cls, fields: compiled.append(cls.__name__) or real(cls, fields))

    @record
    class Bare:
        x: int
        y: str = "a"

    assert compiled == []  # its __init__, which the text is read from, is compiled when the text is first read
    assert Bare.__doc__ == "Bare(x: 'int', y: 'str' = 'a')" and compiled == ["Bare"]
    assert Bare(1).__doc__ == Bare.__doc__ and inspect.getdoc(Bare) == Bare.__doc__ and compiled == ["Bare"]


def test_large_pictures_are_kept_decoded_and_follow_their_files(tmp_path, monkeypatch) -> None:
    import pygame

    from game.screens import decoded
    png = tmp_path / "room.png"
    shutil.copy(paths.ASSETS / "images" / "backgrounds" / "title.png", png)
    decoded.keep_in(tmp_path / "cache")
    kept = tmp_path / "cache" / "pictures"
    try:
        first = decoded.load(png)
        [bmp] = list(kept.glob("*.bmp"))
        assert pygame.image.tobytes(pygame.image.load(str(bmp)), "RGB") == pygame.image.tobytes(first, "RGB")
        mapped = decoded.load(png)  # the kept copy's pages, not read: a surface in pygame's own 32-bit layout
        assert mapped.get_bitsize() == 32 and pygame.image.tobytes(mapped, "RGB") == pygame.image.tobytes(first, "RGB")
        mapped.fill((0, 255, 0), (0, 0, 4, 4))  # drawn on: the file is not written (a copy-on-write mapping)
        assert decoded.load(png).get_at((1, 1)) == first.get_at((1, 1))
        del mapped
        marked = first.copy()
        marked.fill((255, 0, 0), (0, 0, 4, 4))
        pygame.image.save(marked, str(bmp))  # the kept copy is what a second load reads
        assert decoded.load(png).get_at((1, 1))[:3] == (255, 0, 0)
        bmp.write_bytes(bmp.read_bytes()[:1000])  # a damaged copy is set aside, and the picture kept again
        assert pygame.image.tobytes(decoded.load(png), "RGB") == pygame.image.tobytes(first, "RGB")
        assert pygame.image.load(str(bmp)).get_size() == first.get_size()
        assert len(list((kept / "damaged").iterdir())) == 1
        pygame.image.save(first.subsurface((0, 0, 64, 64)), str(bmp))  # a picture of another size: set aside too
        assert decoded.load(png).get_size() == first.get_size() and len(list((kept / "damaged").iterdir())) == 2
        os.utime(png, ns=(1, 1))  # the PNG changed: its old copy no longer answers for it
        assert decoded.load(png).get_at((1, 1))[:3] == first.get_at((1, 1))[:3] and len(list(kept.glob("*.bmp"))) == 2
        monkeypatch.setattr(decoded, "BUDGET", bmp.stat().st_size)  # over budget: the least recently used go
        os.utime(bmp, ns=(1, 1))
        shutil.copy(png, tmp_path / "other.png")
        decoded.load(tmp_path / "other.png")
        assert not bmp.exists() and len(list(kept.glob("*.bmp"))) == 1
        small = tmp_path / "icon.png"  # small pictures decode fast: never kept
        shutil.copy(paths.ICON, small)
        decoded.load(small)
        assert len(list(kept.glob("*.bmp"))) == 1
    finally:
        decoded.keep_in(None)


def test_the_title_picture_is_drawn_from_its_kept_pages_as_its_converted_copy_would_be(shipped_library,
                                                                                        tmp_path) -> None:
    """With a window, the picture behind the title and its menus, found kept, is drawn from its file's mapped pages,
    not copied into the display's format (2-4 ms before every start's first frame); the same place as a scene's
    background is converted (a dissolve fades it). Both draw the same pixels where the title draws it."""
    import pygame

    from game.profile import Profile
    from game.screens import decoded
    from game.screens.app import App
    decoded.keep_in(tmp_path / "cache")
    app = None
    try:
        app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=True)
        location = shipped_library.story.title_background
        decoded.load(app.images.assets / "images" / shipped_library.story.locations[location].image)  # now kept
        title, background = app.images.title_picture(), app.images.background(location)
        assert decoded.is_kept(title) and not title.get_flags() & pygame.SRCALPHA  # its pages, drawn unblended
        assert not decoded.is_kept(background) and background.get_masks() == app.canvas.get_masks()  # a copy
        assert app.images.title_picture() is title  # kept in the pool
        drawn = []
        for picture in (title, background):
            canvas = pygame.Surface(app.canvas.get_size(), 0, app.canvas)
            canvas.fill((200, 40, 90))
            canvas.blit(picture, (0, 0))
            drawn.append(pygame.image.tobytes(canvas, "RGB"))
        assert drawn[0] == drawn[1]
        screen = app.nav.open("title")
        frames = []
        for picture in (title, background):  # the title's frame, over the kept pages and over the converted copy
            app.images.title_picture = lambda picture=picture: picture
            screen.draw(app.canvas)
            frames.append(pygame.image.tobytes(app.canvas, "RGB"))
        assert frames[0] == frames[1]
    finally:
        decoded.keep_in(None)
        if app is not None:
            pygame.display.set_mode(app.canvas.get_size())


def test_the_title_picture_is_decoded_ahead_on_a_thread_and_taken_once(shipped_library, tmp_path,
                                                                         monkeypatch) -> None:
    """`play` starts decoding the title's picture on a thread (game.cli) while the window opens; the title's draw
    asks for that very file and takes the decoded picture, waiting for it, instead of decoding it again."""
    import threading

    import pygame

    from game.profile import Profile
    from game.screens import decoded
    from game.screens.app import App
    from game.screens.title import picture_file
    decoders, asked = [], []  # the threads that decoded the title's picture; the files the title asked for
    picture = picture_file(shipped_library)
    assert picture is not None and picture.is_file()
    image_load, decoded_load = pygame.image.load, decoded.load
    monkeypatch.setattr(pygame.image, "load", lambda path, *a: (decoders.append(threading.current_thread().name)
                                                                if path == str(picture) else None,
                                                                image_load(path, *a))[1])
    monkeypatch.setattr(decoded, "load", lambda path: (asked.append(path), decoded_load(path))[1])
    decoded.ahead(picture)
    app = App(shipped_library, Profile(tmp_path, shipped_library.story_id), window=False)
    app.nav.open("title").draw(app.canvas)
    assert asked == [picture] and decoders == ["cell7-decode-ahead"]
    assert pygame.image.tobytes(app.images.title_picture(), "RGB") == \
        pygame.image.tobytes(image_load(str(picture)), "RGB")
    decoded_load(picture)  # taken once: a later load decodes it itself
    assert decoders == ["cell7-decode-ahead", "MainThread"]
    missing = tmp_path / "missing.png"
    decoded.ahead(missing)
    with pytest.raises(FileNotFoundError):  # what the thread met is raised by the load, as its own would be
        decoded_load(missing)


def test_long_sounds_are_kept_decoded_and_never_trusted_damaged(tmp_path) -> None:
    import pygame

    from game.screens import decoded
    pygame.mixer.init()
    loop, effect = tmp_path / "loop.ogg", tmp_path / "click.ogg"
    shutil.copy(paths.ASSETS / "audio" / "ambience" / "prison.ogg", loop)
    shutil.copy(paths.ASSETS / "audio" / "sfx" / "page.ogg", effect)
    decoded.keep_in(tmp_path / "cache")
    try:
        samples = decoded.sound(loop).get_raw()
        [kept] = list((tmp_path / "cache" / "sounds").glob("*.wav"))
        assert decoded.sound(loop).get_raw() == samples  # read back from the kept samples
        kept.write_bytes(kept.read_bytes()[:-4])  # a truncated loop would play short: set aside, decoded again
        assert decoded.sound(loop).get_raw() == samples and kept.stat().st_size == len(samples) + 44
        assert len(list((kept.parent / "damaged").iterdir())) == 1
        decoded.sound(effect)  # a short sound, by default: never kept
        assert len(list(kept.parent.glob("*.wav"))) == 1
        page = decoded.sound(effect, smallest=0).get_raw()  # an effect (audio.py): kept, played at every visit
        assert len(list(kept.parent.glob("*.wav"))) == 2 and decoded.sound(effect, smallest=0).get_raw() == page
        assert page == pygame.mixer.Sound(str(effect)).get_raw()
    finally:
        decoded.keep_in(None)


def test_rendered_lines_are_kept_least_recently_drawn_first(monkeypatch) -> None:
    import pygame

    from game.ui import fonts
    pygame.font.init()
    white = (255, 255, 255)
    sizes = {text: fonts._bytes(fonts.FontBook().render(text, 20, white)) for text in ("one", "two", "three")}
    monkeypatch.setattr(fonts, "RENDER_CACHE_BYTES", sizes["one"] + sizes["three"])
    book = fonts.FontBook()
    one = book.render("one", 20, white)
    book.render("two", 20, white)
    assert book.render("one", 20, white) is one  # drawn again: now the most recent
    book.render("three", 20, white)  # over budget: "two" goes, not "one"
    assert book.render("one", 20, white) is one
    assert [key[0] for key in book._cache] == ["three", "one"]
    assert book._cache_bytes == sizes["one"] + sizes["three"]


def test_progress_is_written_only_when_it_changed(tmp_path) -> None:
    from game.profile import Profile
    profile = Profile(tmp_path)
    path = profile.folder / "persistent.json"
    assert profile.save_persistent() and not path.exists()  # nothing read, nothing new: nothing to write
    profile.seen.add("a1")
    assert profile.save_persistent() and json.loads(path.read_text())["seen"] == ["a1"]
    path.unlink()
    assert profile.save_persistent() and not path.exists()  # unchanged since it was written
    again = Profile(tmp_path)
    again.chapters.add(2)
    assert again.save_persistent() and json.loads(path.read_text())["chapters"] == [2]


def test_the_first_line_point_waits_for_the_line_to_be_drawn() -> None:
    """CELL7_EXIT_AFTER=line ends after the frame that shows the line, not the one where the runtime reached it
    while the play screen still held the moment before (its pictures decoding)."""
    from types import SimpleNamespace

    from game.screens.app import App
    line = events.LineEvent(None, "", "", "Snow.", "l1", seen=False)
    confirmed = []
    held = SimpleNamespace(event=line, on_screen=None, menu=None)
    app = SimpleNamespace(top=held, dispatch=confirmed.append)
    assert not App._reached(app, "line") and len(confirmed) == 1  # Enter, as a player would press it
    held.on_screen = line
    assert App._reached(app, "line") and len(confirmed) == 1


COMMAND_LINES = [["play"], ["play", "--scene", "s1", "--dev", "--lang", "ko", "--data-dir", "d"],
                 ["validate", "x.yaml"], ["autoplay", "--seed", "3"],
                 ["screenshot", "--scene", "s", "--out", "a.png", "--beat", "2"],
                 ["contact-sheet", "s1", "--choose", "2,1"], ["timeline", "--export", "p.png", "--high-contrast"],
                 ["handout", "--out", "h"], ["lint", "--format", "json"], ["explore", "--max-states", "9"],
                 ["graph", "--format", "svg"], ["new", "scene", "a_b", "--chapter", "2"],
                 ["i18n", "extract", "--lang", "ko", "--interface"], ["schema", "story", "--write"]]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=lambda argv: " ".join(argv))
def test_a_command_line_parses_alike_with_only_its_command_described(argv) -> None:
    """A start describes only the command it was given to argparse (game.cli.build_parser(command)); the
    command line reads exactly as the whole parser reads it."""
    from game.cli import COMMANDS, build_parser
    assert vars(build_parser(argv[0]).parse_args(argv)) == vars(build_parser().parse_args(argv))
    [commands] = [action for action in build_parser(argv[0])._actions if action.dest == "command"]
    assert list(commands.choices) == [argv[0]] and list(build_parser("--help")._actions[-1].choices) == list(COMMANDS)


def test_a_bare_play_is_what_the_parser_makes_of_play() -> None:
    """`play` with no options (every player's start) is read without argparse, into what the parser would give."""
    from game.cli import _bare_play, build_parser
    assert vars(_bare_play()) == vars(build_parser("play").parse_args(["play"]))


def test_what_a_command_line_gets_wrong_is_said_by_the_whole_parser(capsys) -> None:
    from conftest import run_main

    from game.cli import COMMANDS
    code, _, err = run_main(capsys, "play", "--bogus")
    assert code == 2 and "unrecognized arguments: --bogus" in err and "{" + ",".join(COMMANDS) + "}" in err
    code, _, err = run_main(capsys, "screenshot")
    assert code == 2 and "cell7 screenshot: error: the following arguments are required: --scene, --out" in err


def test_play_loads_with_the_collector_paused_and_runs_with_it_on(tmp_path, monkeypatch) -> None:
    """Until the window opens, a start makes only objects that stay (modules, the parser, the library): the cyclic
    collector is paused meanwhile (game.content.gcpause) and on again for the game itself."""
    import gc

    from game import cli
    from game.screens import app
    seen, load = {}, cli._library

    def loading(*args, **kwargs):
        seen["loading"] = gc.isenabled()
        return load(*args, **kwargs)

    def running(*args, **kwargs) -> int:
        seen["running"] = gc.isenabled()
        return 0
    monkeypatch.setattr(cli, "_library", loading)
    monkeypatch.setattr(app, "run", running)
    assert gc.isenabled()
    assert cli.main(["play", "--scene", "prologue", "--data-dir", str(tmp_path)]) == 0
    assert seen == {"loading": False, "running": True} and gc.isenabled()


def test_the_title_veil_fades_from_left_to_right_down_the_whole_screen(shipped_library, tmp_path) -> None:
    """The veil behind the title's menu is made from its row's bytes at once (no per-pixel calls at every start), a
    band of rows that the title blits down the screen: the same pixels as one screen-high veil."""
    import pygame

    from game.profile import Profile
    from game.screens import title
    from game.screens.app import App
    from game.screens.theme import HEIGHT, WIDTH
    app = App(shipped_library, Profile(tmp_path, shipped_library.story_id), window=False)
    screen = app.nav.open("title")
    veil = screen._veil()
    assert veil.get_size() == (620, title.VEIL_ROWS) and veil.get_flags() & pygame.SRCALPHA
    assert veil.get_masks() == pygame.Surface((1, 1), pygame.SRCALPHA).get_masks()  # blitted by the fast path
    for x in (0, 1, 155, 309, 310, 619):
        for y in (0, title.VEIL_ROWS - 1):
            assert tuple(veil.get_at((x, y))) == (8, 10, 20, max(0, 200 - x * 200 // 620))
    whole = pygame.Surface((620, HEIGHT), pygame.SRCALPHA)
    for x in range(620):
        whole.fill((8, 10, 20, max(0, 200 - x * 200 // 620)), (x, 0, 1, HEIGHT))
    grey = pygame.Surface((WIDTH, HEIGHT))
    grey.fill((120, 130, 140))
    drawn, expected = grey.copy(), grey.copy()
    drawn.blits([(veil, (0, y)) for y in range(0, HEIGHT, title.VEIL_ROWS)], doreturn=False)
    expected.blit(whole, (0, 0))
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(expected, "RGB")


def test_the_keys_digests_are_hashlibs() -> None:
    """game.content.digest gives hashlib's BLAKE2b, SHA-1 and SHA-256 (kept words, pictures, the content cache and
    scene fingerprints keep their keys) without importing hashlib, whose OpenSSL set-up costs a start 3-5 ms."""
    import hashlib

    from game.content.digest import blake2b, sha1, sha256
    for data, size in ((b"", 16), (b"cell7", 20), (bytes(range(256)) * 9, 64)):
        assert blake2b(data, digest_size=size).hexdigest() == hashlib.blake2b(data, digest_size=size).hexdigest()
        assert sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    probe = ("import sys, game.content.cache, game.words, game.screens.decoded; "
             "print('hashlib' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
    assert subprocess.run([sys.executable, "-c", probe], env=env, cwd=paths.ROOT, check=True, capture_output=True,
                          text=True, timeout=120).stdout.strip() == "False"


def test_a_record_compiles_its_init_only_when_first_used(monkeypatch) -> None:
    from game.content import records
    compiled: list[str] = []
    real = records._init
    monkeypatch.setattr(records, "_init", lambda cls, fields: compiled.append(cls.__name__) or real(cls, fields))
    cls = _declared(record)
    assert compiled == []  # declared: nothing compiled (the content cache makes records without __init__)
    one = cls(1, "y")
    assert compiled == ["Sample"] and repr(one) == "Sample(a=1, b='y', c={}, d=(), e=5)"
    assert cls(2).a == 2 and compiled == ["Sample"]  # compiled once, then it is the class's own __init__

    class Plain(_declared(record)):  # a plain subclass built first compiles its record's __init__
        pass
    assert Plain(3).a == 3 and compiled == ["Sample", "Sample"]
    assert str(inspect.signature(_declared(record))) == str(inspect.signature(_declared(dataclass(frozen=True))))


def test_the_program_exits_with_its_code_and_its_atexit_handlers_run() -> None:
    probe = ("import atexit, gc; from game.cli import exit_with; "
             "atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'not frozen')); exit_with(3)")
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, cwd=paths.ROOT, capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stdout) == (3, "frozen\n")  # the collector's last passes skipped, nothing else


def test_the_fonts_cover_what_their_coverage_files_say_but_the_symbols_the_fallback_draws() -> None:
    """FontBook's covers, made in one pass at every start, are the `.coverage` files' ranges exactly; the arrows
    and bullets DejaVu also has are left to it."""
    from game.ui.fonts import FALLBACK, REGULAR, SYMBOLS_FROM_FALLBACK, FontBook

    def ranges(name: str) -> set[int]:
        text = (paths.FONTS / name).with_suffix(".coverage").read_text()
        bounds = [[int(x, 16) for x in item.split("-")] for item in text.split()]
        return {point for lo, hi in bounds for point in range(lo, hi + 1)}
    symbols = {point for lo, hi in SYMBOLS_FROM_FALLBACK for point in range(lo, hi + 1)}
    book = FontBook()
    assert book.fallback_cover == ranges(FALLBACK)
    assert book.primary_cover == ranges(REGULAR) - (symbols & ranges(FALLBACK))
    assert 0x2192 in ranges(REGULAR) and 0x2192 not in book.primary_cover  # → is DejaVu's


def test_a_width_is_the_sum_of_its_runs_measured_in_their_fonts() -> None:
    """FontBook.width measures text the main font covers as one run directly (no generator: text is measured by the
    thousand on a first frame); any other text run by run. Both give what the fonts themselves say."""
    import pygame

    from game.ui.fonts import FontBook
    pygame.font.init()
    book = FontBook()
    assert book.width("", 24) == 0
    assert book.width("7번방의 선물", 24, bold=True) == book.font(24, bold=True).size("7번방의 선물")[0]
    mixed = "Go → 선물 ğ"  # an arrow and a letter Nanum lacks: drawn by DejaVu
    runs = book._runs(mixed)
    assert len(runs) > 1 and book.width(mixed, 24) == sum(book.font(24, False, fb).size(run)[0] for run, fb in runs)


def test_a_thumbnail_drawn_under_a_screen_keeps_no_surface_of_its_own(shipped_library, tmp_path) -> None:
    """A save's picture drawn on a surface of its own (its moment not yet on the canvas) lets the 3.5 MB surface go
    once scaled; only the small picture goes to the writer (peak RSS: MEM's census)."""
    import pygame

    from game.profile import Profile
    from game.screens.app import App
    from game.screens.theme import HEIGHT, WIDTH
    app = App(shipped_library, Profile(tmp_path, shipped_library.story_id), window=False)
    app.nav.open("title")
    app.step(0.0)
    png = app.thumbnail(under=app.top)()
    assert png.startswith(b"\x89PNG")
    kept = [name for name, value in vars(app).items() if isinstance(value, pygame.Surface)
            and value.get_size() == (WIDTH, HEIGHT) and value is not app.canvas and value is not app.window]
    assert kept == []


INSPECT_ON_USE = """
import sys
import game.content.records, dataclasses
print("ast" in sys.modules, type(sys.modules["inspect"]).__name__)
@dataclasses.dataclass
class Plain:
    x: int
print(Plain.__doc__, "ast" in sys.modules, type(sys.modules["inspect"]).__name__)
import inspect
print(inspect.ismethod(Plain.__init__), type(inspect).__name__)
"""


def test_inspect_is_loaded_when_first_used() -> None:
    """game.content.records has `import inspect` (which dataclasses does) give a stand-in, so a start loads inspect,
    ast, dis and tokenize (~8 ms) only when something uses it: here an undocumented dataclass's __doc__."""
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT)}
    out = subprocess.run([sys.executable, "-c", INSPECT_ON_USE], env=env, cwd=paths.ROOT, check=True,
                         capture_output=True, text=True, timeout=120).stdout.splitlines()
    assert out == ["False _LoadedOnUse", "Plain(x: int) True module", "False module"]


def test_self_voicing_is_set_up_when_first_asked_for(shipped_library, tmp_path) -> None:
    """A start that does not speak never starts a speech engine (pyttsx3's, when installed)."""
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.voice import Voice
    app = App(shipped_library, Profile(tmp_path, shipped_library.story_id), window=False)
    app.nav.open("title").draw(app.canvas)
    assert "voice" not in vars(app)
    assert isinstance(app.voice, Voice) and app.voice is app.voice


START_TO = """
import atexit, runpy, sys
atexit.register(lambda: print("inspect:", type(sys.modules["inspect"]).__name__))
sys.argv = ["main.py", "--data-dir", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
"""


@pytest.mark.parametrize("point", ["title", "line"])
def test_a_start_never_loads_inspect(tmp_path, point) -> None:
    """No dataclass declared before the first line lacks a docstring (dataclasses would load inspect to write one),
    and nothing there asks inspect for anything: with a new data folder and with a kept one."""
    env = {**os.environ, "PYTHONPATH": str(paths.ROOT), "CELL7_EXIT_AFTER": point,
           "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    for start in ("new data folder", "kept data folder"):
        run = subprocess.run([sys.executable, "-c", START_TO, str(tmp_path / "data")], env=env, cwd=paths.ROOT,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert run.stdout.splitlines()[-1] == "inspect: _LoadedOnUse", (start, run.stdout)


def test_a_kept_picture_follows_an_edit_that_puts_its_modification_time_back(tmp_path) -> None:
    """An edit of the same size whose modification time is put back (`touch -r`, an archive keeping times) still
    changes the file's change time: its old decoded copy no longer answers for it. So does a file replaced by a
    rename with the same size and times."""
    import pygame

    from game.screens import decoded
    plain = pygame.image.load(str(paths.ASSETS / "images" / "backgrounds" / "title.png"))
    marked = plain.copy()
    marked.fill((255, 0, 0), (0, 0, 4, 4))
    versions = []
    for picture in (plain, marked):
        pygame.image.save(picture, str(tmp_path / "version.png"))
        versions.append((tmp_path / "version.png").read_bytes())
    length = max(map(len, versions))
    plain_png, marked_png = (data + bytes(length - len(data)) for data in versions)  # (read up to IEND: same size)
    png = tmp_path / "room.png"
    png.write_bytes(plain_png)
    decoded.keep_in(tmp_path / "cache")
    try:
        assert decoded.load(png).get_at((1, 1)) == plain.get_at((1, 1))
        assert decoded.load(png).get_at((1, 1)) == plain.get_at((1, 1))  # (from the kept copy)
        times = png.stat()
        png.write_bytes(marked_png)  # edited in place, its time put back
        os.utime(png, ns=(times.st_atime_ns, times.st_mtime_ns))
        assert (png.stat().st_size, png.stat().st_mtime_ns) == (times.st_size, times.st_mtime_ns)
        assert decoded.load(png).get_at((1, 1))[:3] == (255, 0, 0)
        times = png.stat()
        other = tmp_path / "other.png"  # replaced by a rename, with the same size and times
        other.write_bytes(plain_png)
        os.utime(other, ns=(times.st_atime_ns, times.st_mtime_ns))
        os.replace(other, png)
        assert (png.stat().st_size, png.stat().st_mtime_ns) == (times.st_size, times.st_mtime_ns)
        assert decoded.load(png).get_at((1, 1)) == plain.get_at((1, 1))
    finally:
        decoded.keep_in(None)


def test_keeping_a_picture_never_copies_all_its_pixels_at_once(tmp_path) -> None:
    """A full-screen picture is written to the kept folder from copies of a band of its rows at a time, not one
    copy of all its pixels (3.7 MB) or two while they were joined to the headers (a transient 7.4 MB at every first
    visit: peak RSS over three playthroughs went 101-106 MB against the 100 MB target)."""
    import tracemalloc

    import pygame

    from game.screens import decoded
    png = tmp_path / "room.png"
    shutil.copy(paths.ASSETS / "images" / "backgrounds" / "title.png", png)
    decoded.keep_in(tmp_path / "cache")
    try:
        tracemalloc.start()
        image = decoded.load(png)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        pixels = image.get_width() * image.get_height() * 4
        band = image.get_width() * decoded.BAND * 4
        assert list((tmp_path / "cache" / "pictures").glob("*.bmp")) and band <= peak < 2 * band < pixels / 4
        again = decoded.load(png)  # read back from the kept file: the same pixels
        assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(image, "RGB")
    finally:
        decoded.keep_in(None)
