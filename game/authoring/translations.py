"""How far each translation of a root has got, and what is wrong in its string tables.

    python -m game i18n status            # ko: 1999/1999 lines (100%) · 0 stale · 0 missing · 0 orphaned
    python -m game i18n extract --lang ko  # write or update lang/ko/ for every translatable text
    python -m game lint                    # also: missing, stale and orphaned strings, broken markup, glyphs

The tables and their format are game/content/translation.py's; this module only reads and judges them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .. import words
from ..content.problems import ERROR, WARNING, Mark, Problem, Problems, display_path
from ..content.translation import (
    LANG_DIR,
    SOURCE_LANGUAGE,
    Entry,
    ReadTables,
    SourceText,
    Table,
    language_folders,
    languages,
    markup_problem,
    read_all_tables,
    source_texts,
    string_id,
)

INFO = "info"
LANGUAGE_NAMES = {"en": "English", "ko": "Korean"}

# code -> (severity, what it means); lint's table of rules includes these
RULES: dict[str, tuple[str, str]] = {
    "translation": (ERROR, "a string table that cannot be read (its shape, a language or source that does not fit)"),
    "translation-missing": (WARNING, "a text with no translation yet in a language the story has tables for"),
    "translation-stale": (WARNING, "a translation made from English that has changed since (its `stale:` line)"),
    "translation-orphan": (INFO, "a translation of English the content no longer has"),
    "translation-markup": (ERROR, "a translation whose markup is broken or whose [variables] differ from the "
                                  "English"),
    "translation-conflict": (INFO, "the same English translated two ways in different files"),
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@dataclass
class Status:
    """One language's progress over the content's translatable texts."""

    language: str
    total: int = 0
    done: int = 0
    stale: int = 0
    missing: int = 0
    orphaned: int = 0
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # source file -> (done, total)
    unreadable: list[Problem] = field(default_factory=list)  # why a table could not be read (its lines count missing)

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 100.0

    def line(self, what: str = "lines") -> str:
        percent = f"{self.percent:.0f}" if self.done == self.total or self.percent < 99.5 else "99"
        return (f"{self.language}: {self.done}/{self.total} {what} ({percent}%) · {self.stale} stale · "
                f"{self.missing} missing · {self.orphaned} orphaned")


def status_of(language: str, sources: dict[str, list[tuple[str, str]]], tables: list[Table]) -> Status:
    """Progress of `tables` over `sources` (file -> [(id, English)])."""
    by_source = {t.source: t for t in tables}
    status = Status(language)
    for source, texts in sources.items():
        table = by_source.pop(source, None)
        entries = {e.id: e for e in table.entries} if table else {}
        done = 0
        for sid, english in texts:
            entry = entries.pop(sid, None)
            if entry is not None and entry.stale and entry.text.strip():
                status.stale += 1
            elif entry is None or not entry.text.strip() or entry.en != english:
                status.missing += 1
            else:
                done += 1
        status.orphaned += len(entries) + (len(table.orphans) if table else 0)
        status.total += len(texts)
        status.done += done
        status.files[source] = (done, len(texts))
    for table in by_source.values():  # tables of files the content no longer has
        status.orphaned += len(table.entries) + len(table.orphans)
    return status


def content_sources(root: Path) -> dict[str, list[tuple[str, str]]]:
    return {source: [(string_id(t.text), t.text) for t in texts] for source, texts in source_texts(root).items()}


def status(root: Path) -> list[Status]:
    """Every language `root` has tables for, with its progress over the content."""
    sources = content_sources(root)
    found = []
    for code in languages(root):
        problems = Problems()
        tables = read_all_tables(root, code, problems)
        language = status_of(code, sources, [t for t in tables.tables if t.source not in tables.unreadable])
        language.unreadable = problems.errors
        found.append(language)
    return found


# --- lint -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Translated:
    """A finished translation and where it is written, for lint's glyph and text-box checks."""

    mark: Mark
    text: str
    english: str


def check(root: Path) -> tuple[list[Problem], list[Translated]]:
    """The problems of every language's tables under `root`, and every finished translation (with its place)."""
    problems = Problems()
    finished: list[Translated] = []
    sources = source_texts(root)
    shown_root = display_path(root, root.parent)
    for name, problem in language_folders(root):
        if problem:
            _add(problems, Mark(f"{shown_root}/{LANG_DIR}/{name}"), f"'{name}' {problem}", ERROR,
                 "lang/ holds one folder per language, named with its code (ko, ja, pt-BR)", "translation")
    lang = root / LANG_DIR
    if lang.exists() and not lang.is_dir():
        _add(problems, Mark(f"{shown_root}/{LANG_DIR}"), "lang is a file: translations are read from a folder "
             "lang/ with one folder per language", ERROR, "move the file away", "translation")
    for code in languages(root):
        found = read_all_tables(root, code, problems)
        finished.extend(_check_language(code, sources, found, problems))
    return [_located(p) for p in problems.items], finished


def check_interface() -> tuple[list[Problem], list[Translated]]:
    """The engine's own words (game/lang/CODE.yaml) checked like a story's tables: unreadable tables, missing,
    stale and orphaned strings, {names} a translation may not use, and (for lint's glyph check) each text."""
    problems = Problems()
    finished: list[Translated] = []
    english = dict(words.ui_source())
    for code in words.languages():
        if code == SOURCE_LANGUAGE:
            continue
        name = language_name(code)
        tables = words.ui_tables(code, problems)
        entries = {e.id: e for table in tables for e in table.entries}
        shown = f"game/lang/{code}.yaml"
        for key, en in english.items():
            entry = entries.pop(key, None)
            if entry is None or not entry.text.strip():
                _add(problems, entry.mark if entry else Mark(shown), f"no {name} words yet for '{key}' "
                     f"('{_short(en)}')", WARNING, f"run `python -m game i18n extract --lang {code} --interface`, "
                     f"then write its text in {shown}", "translation-missing")
            elif entry.stale or entry.en != en:
                _add(problems, entry.mark, f"the English of '{key}' changed since it was translated", WARNING,
                     f"update `text` to '{_short(en)}', then delete the `stale:` line (extract --interface "
                     "brings `en` in step)", "translation-stale")
            elif extra := sorted(words.names(entry.text) - words.allowed_names(key, en)):
                _add(problems, entry.mark, f"'{key}' uses {extra}, which the game does not fill in (the English "
                     f"has {sorted(words.names(en)) or 'none'})",
                     ERROR, "keep the {names} of the English; the English is shown until it is mended",
                     "translation-markup")
            else:
                finished.append(Translated(entry.mark, entry.text, en))
        for entry in entries.values():
            _add(problems, entry.mark, f"'{entry.id}' is not one of the engine's words any more", INFO,
                 "delete it (extract --interface keeps it under orphans)", "translation-orphan")
    return [_located(p) for p in problems.items], finished


def _located(problem: Problem) -> Problem:
    """A table's own problems under lint's code for them, YAML mistakes with the hint translators need."""
    hint = problem.hint
    if problem.code == "yaml" and "/lang/" in problem.mark.file and not hint:
        hint = "put the text in quotes when it starts with { [ ' \" or holds ': ', e.g. text: '{i}...{/i}'"
    return Problem(problem.mark, problem.message, problem.severity, hint, problem.code or "translation")


def _check_language(code: str, sources: dict[str, list[SourceText]], found: ReadTables,
                    problems: Problems) -> Iterator[Translated]:
    name = language_name(code)
    by_source = {t.source: t for t in found.tables}
    seen: dict[str, tuple[str, Mark]] = {}
    for source, texts in sources.items():
        table = by_source.pop(source, None)
        if source in found.unreadable:
            continue  # its own problems say why; 'missing' on every line of it would only bury them
        entries = {e.id: e for e in table.entries} if table else {}
        shown = f"lang/{code}/{source}"
        for text in texts:
            entry = entries.pop(string_id(text.text), None)
            if entry is None or not entry.text.strip():
                where = entry.mark if entry is not None and entry.mark else text.mark
                _add(problems, where, f"no {name} translation yet for '{_short(text.text)}'", WARNING,
                     f"write its `text` in {shown}" if entry is not None else
                     f"run `python -m game i18n extract --lang {code}`, then translate it in {shown}",
                     "translation-missing")
                continue
            if entry.stale:
                _add(problems, entry.mark, f"the English of this {name} translation changed since it was made "
                     f"(was '{_short(entry.stale)}')", WARNING,
                     "update `text` to the new English, then delete the `stale:` line", "translation-stale")
                continue
            yield from _check_entry(entry, text.text, name, seen, problems)
        for entry in [*entries.values(), *(table.orphans if table else [])]:
            _add(problems, entry.mark or Mark(shown), f"this translates '{_short(entry.en)}', which {source} no "
                 "longer has", INFO, "reuse the translation for a new string, or delete it", "translation-orphan")
    for table in by_source.values():
        _add(problems, Mark(table.file), f"this table translates {table.source}, which the content does not have",
             INFO, "delete it, or rename it after the file it translates", "translation-orphan")


def _check_entry(entry: Entry, english: str, name: str, seen: dict[str, tuple[str, Mark]],
                 problems: Problems) -> Iterator[Translated]:
    wrong = markup_problem(english, entry.text)
    if wrong is not None:
        _add(problems, entry.mark, f"the {name} text's markup: {wrong[0]} (the English is shown until it is mended)",
             ERROR, wrong[1], "translation-markup")
        return
    earlier = seen.setdefault(english, (entry.text, entry.mark))
    if earlier[0] != entry.text:
        _add(problems, entry.mark, f"'{_short(english)}' is translated another way at {earlier[1]}", INFO,
             "one English text reads the same wherever it appears, unless the place asks otherwise",
             "translation-conflict")
    yield Translated(entry.mark, entry.text, english)


def _add(problems: Problems, mark: Mark, message: str, severity: str, hint: str, code: str) -> None:
    problems.items.append(Problem(mark, message, severity, hint, code))


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
