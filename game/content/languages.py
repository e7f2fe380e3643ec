"""Which languages a content folder is translated into: its lang/ folder's language-code folders.

Kept apart from the translations themselves (translation.py, which re-exports these names), so that a start in
the story's own language lists the languages without importing what reads and applies string tables.
"""
from __future__ import annotations

import re
from pathlib import Path

SOURCE_LANGUAGE = "en"
LANG_DIR = "lang"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")  # ko, en, pt-BR, zh-Hant


def languages(root: Path) -> list[str]:
    """The languages `root` has translations for: folders under lang/ named with a language code."""
    return [name for name, problem in language_folders(root) if not problem]


def language_folders(root: Path) -> list[tuple[str, str]]:
    """(folder name, what is wrong with it or '') for every entry of lang/ (none when lang/ is not a folder)."""
    folder = root / LANG_DIR
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return []
    found = []
    for entry in entries:
        name = entry.name
        if not entry.is_dir():
            problem = "is not a folder: lang/ holds one folder per language (lang/ko/...)"
        elif name == SOURCE_LANGUAGE:
            problem = f"the story is written in {SOURCE_LANGUAGE}: it needs no tables of its own"
        elif not LANGUAGE_CODE.match(name):
            problem = "is not a language code: name the folder with one, e.g. ko, ja, pt-BR"
        else:
            problem = ""
        found.append((name, problem))
    return found
