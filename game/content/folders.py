"""Where a story's content lives: its folder, its assets folder, and what is wrong with a folder given as one.

Light on purpose (no YAML, schema or compiler): the play path asks these before it knows whether the compiled
content cache will spare it loading anything (game/content/loader.py re-exports them).
"""
from __future__ import annotations

from pathlib import Path

from .problems import one_line

SINGLE_FILES = {"story": "story.yaml", "characters": "characters.yaml", "locations": "locations.yaml"}


def assets_folder(root: Path) -> Path:
    """The assets of a content folder: `root/assets` when it exists, else `assets/` beside the folder
    (the shipped layout: scenes/ next to assets/)."""
    root = Path(root)
    inside = root / "assets"
    return inside if inside.is_dir() else root.parent / "assets"


def find_root(path: Path) -> Path:
    """The content folder holding `path`: the nearest folder (upwards) with a story.yaml."""
    path = path.resolve()
    for candidate in [path, *path.parents]:
        if (candidate / SINGLE_FILES["story"]).is_file():
            return candidate
    return path if path.is_dir() else path.parent


def shown_path(path: Path, limit: int = 160) -> str:
    """A path for a one-line message: control characters escaped, a very long one shortened in the middle."""
    text = one_line(str(path))
    return text if len(text) <= limit else f"{text[:limit // 2 - 1]}…{text[-(limit // 2):]}"


def root_problem(root: Path) -> str:
    """Why `root` cannot be a content folder ("" when it can): one message instead of a missing file each."""
    shown = shown_path(root)
    try:
        if not root.exists():
            return f"no such folder: {shown}"
        if not root.is_dir():
            return f"not a folder: {shown} (give the folder that holds story.yaml)"
        if not (root / SINGLE_FILES["story"]).is_file():
            return f"no story.yaml in {shown}: is this the content folder?"
    except OSError as exc:  # a name too long, a folder that may not be read...
        return f"cannot open {shown}: {exc.strerror or exc.__class__.__name__}"
    return ""
