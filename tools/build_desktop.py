#!/usr/bin/env python3
"""Build the standalone desktop bundle (issue 19): no Python needed to play it.

    pip install -e '.[build]'
    python tools/build_desktop.py              # dist/cell7/ and dist/cell7-<version>-linux-x86_64.tar.gz
    python tools/build_desktop.py --dist DIR   # somewhere else (the smoke test builds into a temporary folder)

It runs PyInstaller on packaging/cell7.spec (one folder: the program, Python, pygame's libraries, scenes/,
assets/, schema/, examples/), then on Linux copies the .desktop entry, its icon and
install-desktop-entry.sh beside the program, strips the debug information some Pythons' libpython carries,
and packs the folder as a .tar.gz (a .zip on Windows and macOS). PyInstaller builds for the platform it runs
on only; see packaging/README.md for what differs on Windows and macOS.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "cell7.spec"
LINUX_EXTRAS = ("cell7.desktop", "cell7.png", "install-desktop-entry.sh")


def version() -> str:
    text = (ROOT / "game" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text)[1]


def platform_tag() -> str:
    """linux-x86_64, windows-amd64, macos-arm64, ..."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    return f"{system}-{platform.machine().lower() or 'unknown'}"


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    env = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}  # PyInstaller's pygame hook imports pygame
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode:
        raise SystemExit(f"PyInstaller failed (exit {result.returncode}): {' '.join(command)}")


def add_linux_extras(folder: Path) -> None:
    """The desktop entry, its icon and the script that installs both, beside the program."""
    for name in LINUX_EXTRAS:
        shutil.copy2(ROOT / "packaging" / "linux" / name, folder / name)
    (folder / "install-desktop-entry.sh").chmod(0o755)
    strip = shutil.which("strip")
    for lib in (folder / "_internal").glob("libpython*.so*"):
        # pyenv and self-built Pythons ship libpython with debug information (about 19 MB of 23 here);
        # only that file is stripped: pygame's wheel libraries are already stripped and patched
        if strip and not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=False)


def pack(folder: Path, out_base: Path) -> Path:
    """folder -> out_base.tar.gz (Linux) or .zip, with the folder itself as the archive's top entry."""
    if sys.platform.startswith("linux"):
        archive = out_base.with_name(out_base.name + ".tar.gz")
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name, filter=_owner_free)
        return archive
    archive = out_base.with_name(out_base.name + ".zip")
    if sys.platform == "darwin" and shutil.which("ditto"):  # keeps the .app's symlinks and signatures
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(folder), str(archive)], check=True)
        return archive
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def _owner_free(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Whoever unpacks it owns the files (no builder's user or group names in the archive)."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> tuple[Path, Path]:
    """Build into `dist`; returns (the bundle folder, the archive)."""
    dist.mkdir(parents=True, exist_ok=True)
    run_pyinstaller(dist, work)
    folder = dist / "cell7"
    if sys.platform.startswith("linux"):
        add_linux_extras(folder)
    app = dist / "Cell 7.app"
    shipped = app if sys.platform == "darwin" and app.is_dir() else folder
    archive = pack(shipped, dist / f"cell7-{version()}-{platform_tag()}")
    return folder, archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: build/pyinstaller/ in "
                        "the folder that holds --dist)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: pip install -e '.[build]'", file=sys.stderr)
        return 2
    dist = args.dist.resolve()
    work = (args.work or dist.parent / "build" / "pyinstaller").resolve()
    started = time.perf_counter()
    folder, archive = build(dist, work)
    seconds = time.perf_counter() - started
    program = folder / ("cell7.exe" if os.name == "nt" else "cell7")
    print(f"built {program} in {seconds:.0f} s")
    print(f"  folder  {folder}: {folder_size(folder) / 2**20:.1f} MiB")
    print(f"  archive {archive}: {archive.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
