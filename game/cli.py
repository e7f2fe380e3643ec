"""Command line: `python -m game COMMAND` (also installed as `cell7`). `python main.py` plays.

Every command that reads content names its folder the same way: `--scenes DIR` (the folder holding
story.yaml; default: the shipped scenes/) and `--assets DIR` (default: DIR/assets, else assets/ beside
DIR). `validate` and `lint` also take the folder (or one file in it) as a plain argument. A folder that
does not exist, or holds no story.yaml, is one line on stderr and exit code 2.

Commands that only read content never import pygame, so `validate` and `autoplay` work
on machines with no display or sound.
"""
from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Iterator, NoReturn

from . import __version__, paths
from .content.folders import find_root, root_problem, shown_path
from .content.gcpause import collector_paused
from .content.problems import ContentError, one_line
from .library import Library, check_library, load_library

if TYPE_CHECKING:  # a bare `play` reads no command line (`_bare_play`), so it starts without argparse
    import argparse

BAD_ROOT = 2  # the exit code for a content or assets folder that is not there
WINDOW_COMMANDS = ("play", "screenshot", "contact-sheet", "timeline")  # the commands that load pygame
KEPT_OUT_OF_PYGAME = ("numpy", "pkg_resources")  # what `import pygame` loads for parts the game never uses


def _content_args(parser: argparse.ArgumentParser, path: bool = False, assets: bool = True) -> None:
    """`--scenes DIR` and `--assets DIR`; `path`: also the plain argument validate and lint keep."""
    if path:
        parser.add_argument("path", nargs="?", type=Path, help="content folder or one file in it (default: scenes/)")
    parser.add_argument("--scenes", type=Path, metavar="DIR", help="content folder: the one holding story.yaml "
                        "(default: the shipped scenes/)")
    if assets:
        parser.add_argument("--assets", type=Path, metavar="DIR", help="assets folder (default: DIR/assets if it "
                            "exists, else assets/ beside DIR)")


def _stop(message: str) -> SystemExit:
    print(f"error: {one_line(message)}", file=sys.stderr)
    return SystemExit(BAD_ROOT)


def _given(args: argparse.Namespace) -> Path:
    """The path the command was given (the plain argument or --scenes, not both), checked to exist."""
    path, scenes = getattr(args, "path", None), args.scenes
    if path is not None and scenes is not None and Path(path) != Path(scenes):
        raise _stop(f"two content folders given ({shown_path(path)} and --scenes {shown_path(scenes)}); give one")
    given = _shipped(Path(path or scenes or paths.SCENES))
    if not _exists(given):
        raise _stop(f"no such folder: {shown_path(given)}")
    return given


def _shipped(path: Path) -> Path:
    """`path`, or when it is relative and not found from here, the same path inside the game's own folder (so
    `--scenes examples/night_ferry` works from any folder, and from the desktop build, which carries examples/)."""
    if path.is_absolute() or _exists(path) or not _exists(paths.ROOT / path):
        return path
    return paths.ROOT / path


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """A file the command writes: a place it cannot write to is one line on stderr and exit 2, not a traceback."""
    try:
        yield
    except (OSError, RuntimeError) as exc:
        if not isinstance(exc, OSError) and type(exc).__module__ != "pygame":  # pygame.error: a PNG not saved
            raise
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        raise _stop(f"could not write {shown_path(Path(path))}: {reason}") from None


def _exists(path: Path, folder: bool = False) -> bool:
    try:
        return path.is_dir() if folder else path.exists()
    except OSError:  # a name too long for the system, a folder that may not be read
        return False


def _root(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """The content folder and the assets override of a command, or one clear error (exit 2)."""
    given = _given(args)
    one_file = getattr(args, "path", None) is not None and given.is_file()  # validate/lint FILE: its folder
    root = find_root(given) if one_file else given
    if problem := root_problem(root):
        raise _stop(problem)
    assets = getattr(args, "assets", None)
    assets = None if assets is None else _shipped(Path(assets))
    if assets is not None and not _exists(assets, folder=True):
        raise _stop(f"no such assets folder: {shown_path(assets)}")
    return root, assets


def _library(args: argparse.Namespace, cache: Path | None = None) -> Library:
    """The command's library, or its problems on stderr and exit 1. `cache`: the compiled-content cache folder."""
    root, assets = _root(args)
    messages: list[str] = []
    try:
        return load_library(root, assets, cache, messages)
    except ContentError as exc:
        print(f"{len(exc.problems)} problem(s) in {root}:", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        for message in messages:
            print(f"note: {message}", file=sys.stderr)


def cmd_validate(args: argparse.Namespace) -> int:
    root, assets = _root(args)
    library = check_library(root, assets)
    for problem in library.problems.sorted():
        print(problem)
    errors, warnings = len(library.problems.errors), len(library.problems.warnings)
    if errors:
        print(f"{errors} error(s), {warnings} warning(s)")
        return 1
    story = library.story
    print(f"ok: {len(story.scenes)} scene(s), {len(story.characters)} character(s), "
          f"{len(story.locations)} location(s); {warnings} warning(s)")
    return 0


def cmd_autoplay(args: argparse.Namespace) -> int:
    from .runtime.autoplay import random_walk
    from .runtime.runtime import Options, StoryRuntimeError
    story = _library(args).story
    try:
        report = random_walk(story, seed=args.seed, steps=args.steps,
                             options=Options(prompts=True, content_notes="ask"))
    except (StoryRuntimeError, KeyError, IndexError) as exc:
        print(f"autoplay failed: {exc}", file=sys.stderr)
        return 1
    print(f"ok: {report.steps} steps, {report.playthroughs} playthrough(s), "
          f"{len(report.scenes)}/{len(story.scenes)} scenes, endings: "
          + ", ".join(f"{k or '(none)'} x{v}" for k, v in sorted(report.endings.items())))
    return 0


def _need_display(args: argparse.Namespace) -> None:
    """Headless commands pick the dummy drivers themselves, so they work with no display at all."""
    if getattr(args, "headless", False):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"


def _language(library: Library, code: str | None) -> Library:
    """`--lang CODE`: the library told in that language, and the engine's own words in it too; a language neither
    the story nor the interface has is one line on stderr and exit 2 (the story's untranslated texts stay English)."""
    if not code:
        return library
    from . import words
    known = list(dict.fromkeys([*library.languages, *words.languages()]))
    if code not in known:
        raise _stop(f"no language '{code}' for this story; languages: {', '.join(known)}")
    words.set_language(code)
    return library.in_language(code)


def _lang_arg(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--lang", metavar="CODE", help=f"{what} in this language, e.g. ko (default: English"
                        f"{'; play: the language chosen in Settings' if what == 'play' else ''})")


def cmd_handout(args: argparse.Namespace) -> int:
    """A teacher's handout (chapter summaries, discussion prompts, quiz) and its answer key, as printable HTML."""
    from .classroom import export
    from .classroom.quiz import Quiz
    library = _language(_library(args), args.lang)
    data = export.handout_data(library.story, library.quiz or Quiz(), library.language)
    try:
        written = export.write_handout(data, args.out)
    except OSError as exc:
        raise _stop(f"could not write the handout to {shown_path(args.out)}: {exc}") from None
    for path in written:
        print(f"wrote {shown_path(path)}")
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    with collector_paused():  # the start: everything it builds lives on (see main)
        from . import words
        from .storage import data_dir
        cache = data_dir(args.data_dir) / "cache"
        words.keep_in(cache)  # the menus' words too, worked out once
        library = _library(args, cache=cache)
        from .screens import decoded
        decoded.keep_in(cache)  # and large pictures and sounds, decoded once
        if args.lang:
            _language(library, args.lang)  # checked here: the app reads the library in it (and keeps it as the setting)
        if args.scene and args.scene not in library.story.scenes:
            print(f"unknown scene '{args.scene}'; scenes: {', '.join(library.story.scenes)}", file=sys.stderr)
            return 1
        from .screens.title import picture_file
        if not (args.scene or args.classroom) and (picture := picture_file(library)) is not None:
            decoded.ahead(picture)  # the title comes first: its picture decodes on a thread while the window opens
        from .screens.app import run
    return run(library, start_scene=args.scene, fullscreen=args.fullscreen, data=args.data_dir,
               classroom=args.classroom, dev=args.dev, classroom_out=args.classroom_out, language=args.lang)


def cmd_screenshot(args: argparse.Namespace) -> int:
    args.headless = True
    _need_display(args)
    from .screens.capture import moments, settle, start_app
    library = _library(args)
    story = library.story
    if args.scene not in story.scenes:
        print(f"unknown scene '{args.scene}'; scenes: {', '.join(story.scenes)}", file=sys.stderr)
        return 1
    if args.lang:
        _language(library, args.lang)
    app = start_app(library, args.scene, language=args.lang)
    shown, scenes = 0, set()
    for shown, _ in enumerate(moments(app.top), 1):
        scenes.add(app.top.rt.state.scene)
        if shown >= args.beat:
            break
    if shown < args.beat:  # the walk (first options) reached an ending first: no such moment
        where = (f"scene '{args.scene}' has only {shown} events" if scenes <= {args.scene} else
                 f"from scene '{args.scene}' the story has only {shown} events to its end")
        print(f"{where} (choosing first options): give --beat 1 to {shown}", file=sys.stderr)
        return 1
    settle(app)
    with _writing(args.out):
        app.screenshot(args.out)
    print(f"wrote {args.out}")
    return 0


def _choices(text: str) -> list[int]:
    import argparse
    try:
        return [int(n) for n in text.split(",") if n.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("give option numbers separated by commas, e.g. 2,1,3") from None


def cmd_contact_sheet(args: argparse.Namespace) -> int:
    args.headless = True
    _need_display(args)
    library = _language(_library(args), args.lang)
    story = library.story
    if args.all == bool(args.scene):
        print("give a scene id with --out FILE.png, or --all with --out-dir DIR", file=sys.stderr)
        return 2
    if args.scene and args.scene not in story.scenes:
        print(f"unknown scene '{args.scene}'; scenes: {', '.join(story.scenes)}", file=sys.stderr)
        return 1
    from .screens.contact_sheet import contact_sheet
    jobs = ([(s, args.out_dir / f"{s}.png") for s in story.scenes] if args.all
            else [(args.scene, args.out or Path(f"{args.scene}.png"))])
    for scene, out in jobs:
        with _writing(out):
            sheet = contact_sheet(library, scene, out, args.choose, language=args.lang)
        print(f"wrote {out}: {sheet.cells} events, {sheet.stopped}")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    if args.export:
        args.headless = True
        _need_display(args)
    library = _library(args)
    if library.timeline is None:
        print(f"{library.root} has no timeline/ folder", file=sys.stderr)
        return 1
    if args.export:
        from .screens.timeline_poster import export_poster
        with _writing(args.export):
            export_poster(_language(library, args.lang), args.export, high_contrast=args.high_contrast)
        print(f"wrote {args.export}")
        return 0
    from .screens.app import run
    if args.lang:
        _language(library, args.lang)
    return run(library, data=args.data_dir, timeline_focus=args.focus or "", language=args.lang)


def cmd_lint(args: argparse.Namespace) -> int:
    from .authoring.lint import exit_code, lint_path, render_json, render_text
    _, assets = _root(args)
    problems = lint_path(_given(args), assets)
    print(render_json(problems) if args.format == "json" else render_text(problems))
    return exit_code(problems)


def cmd_explore(args: argparse.Namespace) -> int:
    from .authoring.explore import explore
    report = explore(_library(args).story, max_states=args.max_states)
    print(report.render_json() if args.format == "json" else report.render_text())
    return report.exit_code


def cmd_graph(args: argparse.Namespace) -> int:
    from .authoring.graph import graph, render
    from .authoring.lint import lint
    library = _library(args)
    dot = graph(library.story, lint(library.root, library.assets))
    code, message = render(dot, args.format, args.out)
    print(message, file=sys.stderr if code else sys.stdout, end="" if args.format == "dot" and not args.out else "\n")
    return code


def cmd_new(args: argparse.Namespace) -> int:
    from .authoring.scaffold import ScaffoldError, new_scene
    from .content.problems import display_path
    from .content.schema import MAX_ID_CHARS
    if len(args.id) > MAX_ID_CHARS:
        print(f"the scene id is {len(args.id)} characters long; ids may be at most {MAX_ID_CHARS} "
              "(e.g. night_visit)", file=sys.stderr)
        return 1
    root, _ = _root(args)
    try:
        path = new_scene(root, args.id, args.chapter)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"could not write the new scene: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {display_path(path)}: edit it, then run python -m game validate")
    return 0


def cmd_i18n(args: argparse.Namespace) -> int:
    from . import words
    from .authoring.translations import status, status_of
    from .content.problems import Problems
    from .content.translation import LANGUAGE_CODE, SOURCE_LANGUAGE, extract
    root, _ = _root(args)
    if args.lang == SOURCE_LANGUAGE:
        raise _stop(f"{SOURCE_LANGUAGE} is the story's own language: it has nothing to translate")
    if args.lang and not LANGUAGE_CODE.match(args.lang):
        raise _stop(f"'{args.lang}' is not a language code: give one such as ko, ja or pt-BR")
    if args.action == "extract":
        if not args.lang:
            raise _stop("extract writes the tables of one language: give it, e.g. --lang ko")
        code = 0
        for what, report in [("story", extract(root, args.lang)),
                             *([("interface", words.extract_ui(args.lang))] if args.interface else [])]:
            print(f"{args.lang} {what}: {len(report.written)} table(s) written · {report.added} new · "
                  f"{report.carried} carried over (stale) · {report.orphaned} orphaned"
                  + (f" · {len(report.refused)} left as they are" if report.refused else ""))
            for problem in report.refused:
                print(f"{problem}\n    not written: mend it (or move it away), then run extract again",
                      file=sys.stderr)
                code = 1
        if code:
            return code
    every = status(root)
    found = [s for s in every if not args.lang or s.language == args.lang]
    if not found:
        print(f"no '{args.lang}' translation; languages: {', '.join(s.language for s in every)} (start one with: "
              f"python -m game i18n extract --lang {args.lang})" if args.lang and every else
              f"no translations in {shown_path(root)}/lang/ (start one with: python -m game i18n extract --lang ko)")
    for language in found:
        print(language.line())
        if args.files:
            for source, (done, total) in language.files.items():
                print(f"  {source}: {done}/{total}")
        for problem in language.unreadable:
            print(f"{problem}\n    this table could not be read: its lines count as missing", file=sys.stderr)
        if language.language not in words.languages():
            print(f"{language.language}: no interface strings: the menus stay English (python -m game i18n extract "
                  f"--lang {language.language} --interface)")
    unreadable = any(language.unreadable for language in found)
    for code in words.languages():
        if code != SOURCE_LANGUAGE and (not args.lang or code == args.lang):
            problems = Problems()
            ui = status_of(code, {words.SOURCE_FILE: words.ui_source()}, words.ui_tables(code, problems))
            print(f"{ui.line('interface strings')} (game/lang/{code}.yaml)")
            for problem in problems.errors:
                print(f"{problem}\n    the engine's words could not be read: the menus show English", file=sys.stderr)
                unreadable = True
    return 1 if unreadable else 0


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from .content.schema import FILE_SCHEMAS, export, file_schema
    if args.write:
        for path in export(paths.SCHEMA_DIR):
            print(f"wrote {path}")
        return 0
    print(json.dumps(file_schema(args.kind), indent=2, ensure_ascii=False))
    return 0 if args.kind in FILE_SCHEMAS else 1


def _play_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--scene", help="start at this scene id")
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    p.add_argument("--data-dir", help="where saves and settings go (default: the user data folder, "
                   "or $CELL7_DATA_DIR)")
    p.add_argument("--classroom", action="store_true", help="classroom mode: presenter view with projector theme, "
                   "prompts, votes, quiz and exports")
    p.add_argument("--classroom-out", type=Path, help="where classroom exports go (default: the data folder)")
    p.add_argument("--dev", action="store_true", help="authors: reload scene files when they are saved "
                   "(also Ctrl+R / F6)")
    _lang_arg(p, "play")


def _autoplay_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--steps", type=int, default=2000, help="events to play (default 2000)")


def _screenshot_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--scene", required=True, help="scene id")
    p.add_argument("--beat", type=int, default=1, help="how many events into the scene (default 1)")
    p.add_argument("--out", type=Path, required=True, help="PNG file to write")
    _lang_arg(p, "the moment")


def _contact_sheet_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("scene", nargs="?", help="scene id")
    p.add_argument("--out", type=Path, help="PNG file to write (default: SCENE_ID.png)")
    p.add_argument("--all", action="store_true", help="one sheet per scene, into --out-dir")
    p.add_argument("--out-dir", type=Path, default=Path("contact-sheets"), help="folder for --all "
                   "(default: contact-sheets/)")
    p.add_argument("--choose", type=_choices, default=[], metavar="2,1,...",
                   help="option numbers to pick at successive choices (default: first options)")
    _lang_arg(p, "the sheet")


def _timeline_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--export", type=Path, metavar="FILE.png", help="render the whole timeline to a large PNG, headless")
    p.add_argument("--high-contrast", action="store_true", help="with --export: the poster in high contrast")
    p.add_argument("--focus", metavar="EVENT_ID", help="open centred on this event")
    p.add_argument("--data-dir", help="where settings go (default: the user data folder)")
    _lang_arg(p, "the timeline (and its poster)")


def _handout_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write handout.html and "
                   "answer_key.html into (made if missing)")
    _lang_arg(p, "the handout")


def _lint_args(p: argparse.ArgumentParser) -> None:
    _content_args(p, path=True)
    p.add_argument("--format", choices=["text", "json"], default="text", help="json for editors and tools")


def _explore_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--max-states", type=int, default=5000, help="bound on distinct story states (default 5000)")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _graph_args(p: argparse.ArgumentParser) -> None:
    _content_args(p)
    p.add_argument("--format", choices=["dot", "svg", "png"], default="dot")
    p.add_argument("--out", type=Path, help="file to write (default: DOT to standard output)")


def _new_args(p: argparse.ArgumentParser) -> None:
    new_sub = p.add_subparsers(dest="what", required=True)
    q = new_sub.add_parser("scene", help="a new scene file in the content folder's story/")
    _content_args(q, assets=False)
    q.add_argument("id", help="the new scene's id, e.g. rooftop_talk")
    q.add_argument("--chapter", type=int, help="chapter number (default: the last chapter)")
    q.set_defaults(func=cmd_new)


def _i18n_args(p: argparse.ArgumentParser) -> None:
    _content_args(p, assets=False)
    p.add_argument("action", choices=["status", "extract"], nargs="?", default="status")
    p.add_argument("--lang", metavar="CODE", help="the language, e.g. ko (status: only this one)")
    p.add_argument("--files", action="store_true", help="status: also each content file's count")
    p.add_argument("--interface", action="store_true", help="extract: also the engine's own words "
                   "(game/lang/CODE.yaml: menus, settings, hints)")


def _schema_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", nargs="?", default="scene",
                   help="scene, characters, locations, evidence, sources, story, timeline, quiz, reality, "
                   "illustrations or credits (default scene)")
    p.add_argument("--write", action="store_true", help="write every schema file into schema/")


Arguments = Callable[["argparse.ArgumentParser"], None]
Command = Callable[["argparse.Namespace"], int]
# Each command: its help line, what adds its arguments, and what runs it (None: its subcommands set their own).
COMMANDS: dict[str, tuple[str, Arguments, Command | None]] = {
    "play": ("play the story in a window", _play_args, cmd_play),
    "validate": ("check content files and report every problem with file:line:col",
                 lambda p: _content_args(p, path=True), cmd_validate),
    "autoplay": ("random walk through the story without a window; fails on any error", _autoplay_args,
                 cmd_autoplay),
    "screenshot": ("render one moment of a scene to a PNG, headless", _screenshot_args, cmd_screenshot),
    "contact-sheet": ("every event of a scene as numbered thumbnails with their text, headless (for a direction "
                      "pass)", _contact_sheet_args, cmd_contact_sheet),
    "timeline": ("the film's real history as a zoomable timeline; --export renders a poster", _timeline_args,
                 cmd_timeline),
    "handout": ("a printable handout and its quiz answer key (HTML, the Korean font inside), for a teacher "
                "preparing at home", _handout_args, cmd_handout),
    "lint": ("validate plus whole-story checks (reachability, dead ends, overflow, glyphs...)", _lint_args, cmd_lint),
    "explore": ("play every path; report coverage; exit 1 on runtime errors", _explore_args, cmd_explore),
    "graph": ("the scene graph as DOT, or SVG/PNG through Graphviz", _graph_args, cmd_graph),
    "new": ("create content from a commented template", _new_args, None),
    "i18n": ("translations: how far each language has got (status), or write/update one language's string "
             "tables (extract --lang CODE)", _i18n_args, cmd_i18n),
    "schema": ("print the JSON Schema of a kind of content file", _schema_args, cmd_schema),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given one of COMMANDS, with only that command's arguments (the same parse of
    any command line starting with it, and no time spent describing the twelve others at every start)."""
    import argparse
    parser = argparse.ArgumentParser(prog="cell7", description="Cell 7: an interactive retelling of "
                                     "Miracle in Cell No. 7 (7번방의 선물).")
    parser.add_argument("--version", action="version", version=f"cell7 {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, (description, arguments, run) in COMMANDS.items():
        if command not in COMMANDS or command == name:
            p = sub.add_parser(name, help=description)
            arguments(p)
            if run is not None:
                p.set_defaults(func=run)
    return parser


def import_pygame() -> None:
    """Import pygame with numpy and pkg_resources kept out while it loads, and only then.

    When they are installed, `import pygame` loads numpy for surfarray and sndarray and pkg_resources for pkgdata,
    none of which the game uses (measured here: about 230 ms of CPU and 18 MB at every start). A None in
    `sys.modules` makes their import fail, which pygame meets with its own stand-ins; the entries go right after,
    so whatever is imported later (a library, pyttsx3's drivers, `import pygame.surfarray`) loads them as usual."""
    if "pygame" in sys.modules:
        return
    kept_out = [name for name in KEPT_OUT_OF_PYGAME if name not in sys.modules]
    for name in kept_out:
        sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not importable"
    try:
        import pygame  # noqa: F401
    finally:
        for name in kept_out:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def _bare_play() -> SimpleNamespace:
    """What the parser makes of `play` with no options (tests/test_perf_startup.py holds them equal), without
    argparse: its parser, help formatter and the modules they import cost a player's every start ~4 ms."""
    return SimpleNamespace(command="play", scenes=None, assets=None, scene=None, fullscreen=False, data_dir=None,
                           classroom=False, classroom_out=None, dev=False, lang=None, func=cmd_play)


TOP_LEVEL = ("-h", "--help", "--version")  # the options said before any command


def command_line(argv: list[str]) -> list[str]:
    """`play` unless the arguments start with a command or a top-level option: no command, or only play's
    options (`--lang ko`, `--classroom`, `--scene ID`), plays."""
    if argv and (argv[0] in TOP_LEVEL or not argv[0].startswith("-")):
        return argv
    return ["play", *argv]


def main(argv: list[str] | None = None) -> int:
    argv = command_line(sys.argv[1:] if argv is None else argv)
    # Until a command runs, and in play until the window opens, Python makes only objects that stay (modules,
    # classes, the parser, the library): the cyclic collector would rescan them ~35 times for nothing (~5 ms).
    with collector_paused():
        if argv == ["play"]:  # how a player starts the game (main.py, `python -m game`, the desktop build)
            args = _bare_play()
        else:
            args, unknown = build_parser(argv[0]).parse_known_args(argv)
            if unknown:  # said by the whole parser, whose usage names every command
                build_parser().parse_args(argv)
        if args.command in WINDOW_COMMANDS:
            import_pygame()  # the one place a command first imports pygame
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _reader_went_away()


def exit_with(code: int) -> NoReturn:
    """`sys.exit(code)` for the program's own process (main.py, `python -m game`), without the collector's last
    passes over everything still alive: at exit they only free memory the system takes back anyway (about 40 M
    instructions after the title, a fifth of a bare pygame window's start). `atexit` handlers run, and objects are
    freed by reference counting as usual; only those held in reference cycles are left to the system."""
    gc.freeze()
    sys.exit(code)


def _reader_went_away() -> int:
    """The output was piped into a program that stopped reading (`| head`): stop quietly, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot raise again
    os.close(devnull)
    return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe
