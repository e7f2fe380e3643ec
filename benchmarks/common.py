"""Shared helpers for benchmarks/ and scripts/: paths, RSS, the shipped story, synthetic stories.

Nothing here is imported by the game. Run from the repository root (each script puts the root on sys.path).
"""
from __future__ import annotations

import os
import resource
import shutil
import struct
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game import paths  # noqa: E402
from game.content.loader import check_content  # noqa: E402
from game.content.problems import ContentError  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak RSS in MB. Linux carries ru_maxrss over fork and exec (a child started by a big parent reports
    the parent's peak), so the kernel's per-process high-water mark VmHWM is preferred where it exists."""
    try:
        with open("/proc/self/status") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _silent_wav(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<h", 0) * 80)


def stub_assets(missing_audio: list[tuple[str, str]]) -> Path:
    """A temporary assets folder: the shipped fonts and images (symlinked) plus silent WAVs for audio
    the content names but the repository does not ship yet."""
    folder = Path(tempfile.mkdtemp(prefix="cell7-bench-assets-"))
    for child in paths.ASSETS.iterdir():
        if child.name != "audio":
            (folder / child.name).symlink_to(child)
    if (paths.ASSETS / "audio").is_dir():
        shutil.copytree(paths.ASSETS / "audio", folder / "audio")
    for kind, name in missing_audio:
        _silent_wav(folder / "audio" / kind / f"{name}.wav")
    return folder


def shipped_story(verbose: bool = True):
    """(story, assets folder, note). The shipped story; when the only errors are audio files not in the
    repository yet, they are replaced by silent stubs in a temporary assets folder (and the note says so).
    Any other content error raises ContentError."""
    content = check_content(paths.SCENES, paths.ASSETS)
    if content.story is not None and not content.problems.errors:
        return content.story, paths.ASSETS, ""
    import re
    missing, other = [], []
    for problem in content.problems.errors:
        found = re.search(r"no assets/audio/(music|sfx)/([\w-]+)\.wav", problem.message)
        (missing.append((found.group(1), found.group(2))) if found and problem.code == "missing-asset"
         else other.append(problem))
    if other:
        raise ContentError(content.problems.sorted())
    assets = stub_assets(sorted(set(missing)))
    content = check_content(paths.SCENES, assets)
    if content.problems.errors or content.story is None:
        raise ContentError(content.problems.sorted())
    note = f"{len(set(missing))} audio file(s) named by scenes/ are not shipped yet: silent stubs used"
    if verbose:
        print(f"note: {note}", file=sys.stderr)
    return content.story, assets, note


def shipped_library(verbose: bool = True):
    """(library, note): the shipped library, with silent stubs for audio the content names but the
    repository does not ship yet (see `shipped_story`)."""
    from game.library import check_library
    _, assets, note = shipped_story(verbose)
    library = check_library(paths.SCENES, assets)
    if library.problems.errors or library.story is None:
        raise ContentError(library.problems.sorted())
    return library, note


def new_app(library, window: bool = True, **options):
    """An App on `library` with a fresh temporary profile (the benchmark never touches real data), keeping words,
    pictures and sounds decoded in its cache as the game's start does (cli.cmd_play): a first session's case."""
    from game.cli import import_pygame
    from game.profile import Profile
    import_pygame()  # as the game's own start loads it (numpy and pkg_resources kept out)
    from game import words
    from game.screens import decoded
    from game.screens.app import App
    data = Path(tempfile.mkdtemp(prefix="cell7-bench-data-"))
    words.keep_in(data / "cache")
    decoded.keep_in(data / "cache")
    return App(library, Profile(data, library.story_id), window=window, **options)


def fixture_story():
    """The small valid test story (tests/fixtures/story_ok with its assets)."""
    from game.content.loader import load_story
    root = Path(tempfile.mkdtemp(prefix="cell7-fixture-"))
    shutil.copytree(FIXTURES / "story_ok", root / "scenes")
    shutil.copytree(FIXTURES / "assets", root / "assets")
    return load_story(root / "scenes"), root / "assets"


def library_for_tools(prefer_shipped: bool = True):
    """(library, label): the shipped library when it loads, else the fixture story's."""
    from game.library import load_library
    if prefer_shipped:
        try:
            library, note = shipped_library()
            return library, "shipped" + (f" ({note})" if note else "")
        except ContentError as exc:
            print(f"note: the shipped content does not load ({len(exc.problems)} problem(s)); using the fixture story",
                  file=sys.stderr)
    root = Path(tempfile.mkdtemp(prefix="cell7-fixture-"))
    shutil.copytree(FIXTURES / "story_ok", root / "scenes")
    shutil.copytree(FIXTURES / "assets", root / "assets")
    return load_library(root / "scenes", root / "assets"), "fixture"


def story_for_tools(prefer_shipped: bool = True):
    """(story, assets, label): the shipped story when it loads, else the fixture story (with a note)."""
    if prefer_shipped:
        try:
            story, assets, note = shipped_story()
            return story, assets, "shipped" + (f" ({note})" if note else "")
        except ContentError as exc:
            print(f"note: the shipped content does not load ({len(exc.problems)} problem(s), first: "
                  f"{str(exc.problems[0]).splitlines()[0]}); using the fixture story", file=sys.stderr)
    story, assets = fixture_story()
    return story, assets, "fixture"
