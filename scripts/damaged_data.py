"""Start the game on a data folder with one damaged file, for every kind of damage: it must always start.

    python scripts/damaged_data.py [--screens] [--fixture]

Each variant is a fresh data folder holding one valid game (settings, persistent data, a manual save,
a quicksave and three autosaves) with one file replaced: nested 100,000 deep, wrong types, NaN,
Infinity, 1e400, a number of 5,000 digits, invalid UTF-8, empty, truncated, a FIFO, a directory, a
symlink to /dev/zero, a sparse 1 GiB file, and every field of a save given every wrong type. The
game then starts as it does for a player (Profile, the slot list, Continue from the newest save,
loading every slot, an autosave, writing settings and persistent data); with --screens also the
title and load screens, drawn. Any exception or hang is a crash. The report also counts the
folders where a file was set aside (the others were read with defaults for bad values, or held
edits that are still a valid save).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import library_for_tools  # noqa: E402
from game.content import model as m  # noqa: E402
from game.profile import Profile, story_folder  # noqa: E402
from game.runtime import events as ev  # noqa: E402
from game.runtime.runtime import Options, Runtime  # noqa: E402
from game.saves import AUTO_SLOTS, MANUAL_SLOTS, QUICK, SaveError  # noqa: E402
from game.storage import StorageError  # noqa: E402


def files(story_id: str) -> list[str]:
    """The data files damaged, relative to the data folder: the shared settings, then the story's own files."""
    own = story_folder(Path(), story_id).as_posix()
    return ["settings.json", *(f"{own}/{name}" for name in ("persistent.json", "saves/1.json", "saves/quick.json",
                                                             "saves/auto1.json", "saves/1.png"))]


WRONG_VALUES: list[Any] = [None, True, "x", "", 1.5, -1, 10**30, [], {}, [1], {"a": None}]


def _raw(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _bytes(raw: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(raw)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.json").write_text("{}")


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(2**30)


WHOLE_FILE = {
    "deep lists": _bytes(b"[" * 100_000 + b"]" * 100_000), "deep maps": _bytes(b'{"a":' * 50_000 + b"1"),
    "null": _raw("null"), "list": _raw("[]"), "number": _raw("5"), "text": _raw('"x"'), "empty": _raw(""),
    "seen number": _raw('{"seen": 5}'), "chapters number": _raw('{"chapters": 5}'),
    "chapters text": _raw('{"chapters": ["1"]}'), "NaN": _raw('{"seen": [], "saved_at": NaN, "text_speed": NaN}'),
    "Infinity": _raw('{"chapter": Infinity, "font_scale": -Infinity}'), "1e400": _raw('{"chapter": 1e400}'),
    "5000 digits": _raw('{"chapter": ' + "9" * 5000 + "}"), "invalid utf-8": _bytes(b'{"a": "\xff\xfe"}'),
    "utf-16": _bytes('{"seen": []}'.encode("utf-16")), "nul": _bytes(b"\x00" * 64),
    "truncated": _raw('{"format": 1, "sa'),
    "fifo": _fifo, "directory": _folder, "device": _device, "1 GiB": _sparse,
}


def _set_path(record: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def _paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):
            yield from _paths(item, prefix + (i,))


def _play(story: m.Story, steps: int) -> Runtime:
    rt = Runtime(story, Options(content_notes="ask", prompts=True))
    for _ in range(steps):
        event = rt.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(event.options[0][0])
        elif isinstance(event, ev.EndEvent):
            break
    return rt


def make_valid(folder: Path, story: m.Story) -> None:
    profile = Profile(folder, story.id)
    profile.seen.update({"a", "b"})
    profile.chapters.add(1)
    profile.save_settings()
    profile.save_persistent()
    rt = _play(story, 6)
    for slot in ("1", QUICK, *AUTO_SLOTS):
        profile.saves.save(slot, rt, b"\x89PNG\r\n\x1a\n" if slot == "1" else None)  # a (broken) thumbnail


def variants(template: Path, story_id: str, stride: int = 1) -> Iterator[tuple[str, str, Callable[[Path], None]]]:
    """(file, what, how to damage it) for every variant; `stride` > 1 keeps every stride-th field edit."""
    names = files(story_id)
    for name in names:
        for what, damage in WHOLE_FILE.items():
            yield name, what, damage
    record = json.loads((template / names[2]).read_text())
    for n, (path, value) in enumerate((p, v) for p in _paths(record) for v in WRONG_VALUES):
        if n % stride == 0:
            edited = json.loads(json.dumps(record))
            _set_path(edited, path, value)
            yield names[2], f"{'.'.join(map(str, path))} = {value!r}"[:80], _raw(json.dumps(edited))
    settings = json.loads((template / "settings.json").read_text())
    for n, (key, value) in enumerate((k, v) for k in settings for v in WRONG_VALUES):
        if n % stride == 0:
            yield "settings.json", f"{key} = {value!r}", _raw(json.dumps({**settings, key: value}))


def start_game(folder: Path, story: m.Story, screens: bool, library=None) -> None:
    """What a player's launch does with the data folder; raises on any crash. `screens` needs the `library`."""
    profile = Profile(folder, story.id)
    profile.saves.slots()
    newest = profile.saves.newest()
    for slot in [*MANUAL_SLOTS, QUICK, *AUTO_SLOTS] if newest is None else [newest.slot, "1", QUICK, *AUTO_SLOTS]:
        try:
            resumed = profile.saves.load(slot, story, Options(content_notes="ask"), profile.seen)
        except SaveError:
            continue
        rt = resumed.runtime
        for _ in range(3):
            event = rt.current or rt.advance()
            if isinstance(event, ev.WAITS_FOR_CHOICE):
                rt.choose(event.options[0][0])
            else:
                rt.advance()
    try:
        profile.saves.autosave(_play(story, 2))
    except StorageError:
        pass  # every autosave from a newer game: refused, kept
    profile.save_settings()
    profile.save_persistent()
    if screens:
        from game.screens.app import App
        from game.screens.saveload import SaveLoadScreen
        from game.screens.title import TitleScreen
        app = App(library, Profile(folder, story.id), window=False)
        app.push(TitleScreen(app))
        app.step(1 / 60)
        app.push(SaveLoadScreen(app, "load"))
        app.step(1 / 60)


def run(tmp: Path, story: m.Story, screens: bool = False, stride: int = 1, library=None) -> dict[str, Any]:
    template = tmp / "template"
    make_valid(template, story)
    crashes: list[str] = []
    count = set_aside = 0
    for name, what, damage in variants(template, story.id, stride):
        count += 1
        folder = tmp / f"v{count}"
        shutil.copytree(template, folder, symlinks=True)
        target = folder / name
        target.unlink()
        damage(target)
        try:
            start_game(folder, story, screens, library)
        except Exception:  # noqa: BLE001 - what this run looks for
            crashes.append(f"{name} ({what}): {traceback.format_exc(limit=-3)}")
        set_aside += any(folder.rglob("damaged/*"))
        shutil.rmtree(folder, ignore_errors=True)
    return {"variants": count, "crashes": crashes, "folders with a file set aside": set_aside}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="start the game on damaged data folders")
    parser.add_argument("--screens", action="store_true", help="also build and draw the title and load screens")
    parser.add_argument("--fixture", action="store_true", help="use the small fixture story, not scenes/")
    args = parser.parse_args(argv)
    if args.screens:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    library, label = library_for_tools(prefer_shipped=not args.fixture)
    tmp = Path(tempfile.mkdtemp(prefix="cell7-damaged-"))
    start = time.perf_counter()
    try:
        report = run(tmp, library.story, args.screens, library=library)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for crash in report["crashes"][:10]:
        print(crash, file=sys.stderr)
    print(f"damaged_data ({label} story{', screens' if args.screens else ''}, "
          f"{time.perf_counter() - start:.1f} s): {report['variants']} variants, "
          f"{report['folders with a file set aside']} with a file set aside, {len(report['crashes'])} crashes")
    return 1 if report["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
