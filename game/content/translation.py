"""Translations of a story's content: string tables, one per content file, next to the content.

A root's translations live in `lang/<language>/`, one table per content file at the same relative
path (`lang/ko/story/05_interrogation.yaml` translates `story/05_interrogation.yaml`):

    language: ko
    source: story/05_interrogation.yaml
    strings:
    - id: 3fa9c2e1                # the line's id: a hash of the English text, so edits elsewhere never move it
      en: The door slams.         # the text as it stands in the content now
      text: 문이 쾅 닫힌다.          # the translation ('' while untranslated)
      stale: The door shut.       # only when the English changed since: update `text`, then delete this line

Which texts are translated is decided by the format's schema (`x-translate`, game/content/schema.py),
so every shown text of every kind of file has a place here. A translated story is the same story
with other words (`translated`): the same scenes, ids, code and fingerprint, so saves, the seen-lines
record and the place in a scene do not depend on the language.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from ..storage import read_regular
from . import markup
from . import model as m
from .digest import blake2b
from .languages import LANG_DIR, LANGUAGE_CODE, SOURCE_LANGUAGE, language_folders, languages  # noqa: F401
from .problems import ERROR, Mark, Problem, Problems, display_path
from .records import record
from .schema import DEFS, FILE_SCHEMAS, TRANSLATE, Schema

if TYPE_CHECKING:  # YAML (PyYAML, the marked reader) is imported by the functions that read or write tables:
    from .yamlsource import Document  # the game reads a translation kept as JSON, and starts without it

INFO = "info"
CARRY_OVER = 0.6  # how alike an edited English text must be to its old self for a translation to carry over
SKIPPED_FIELDS = frozenset({"line_id", "id", "key", "problems", "fingerprint", "scene_fingerprints", "root",
                            "assets", "language", "_languages", "set", "values", "shown_values"})
# `set`/`values`: what options and set beats give variables stays as written (saves keep it); a translated
# story shows a text value through Story.shown_values instead


def string_id(text: str) -> str:
    """A text's id in a string table: 8 hex digits of its hash (the same text, the same id)."""
    return blake2b(text.encode("utf-8"), digest_size=4).hexdigest()


# --- what a content file has to translate -------------------------------------------------------------------

def texts_of(data: Any, schema: Schema, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) for every translatable text in `data`, walked along `schema`."""
    while "$ref" in schema:
        schema = DEFS[schema["$ref"].rsplit("/", 1)[-1]]
    if "x-keyed" in schema:
        if isinstance(data, dict):
            family = "beat" if "beat" in schema["oneOf"][0]["$ref"] else "condition"
            kind = next((k for k in data if k in schema["x-keyed"]), None)
            if kind is not None:
                yield from texts_of(data, DEFS[f"{family}_{kind}"], path)
        return
    if isinstance(data, str):
        if schema.get(TRANSLATE) and data.strip():
            yield path, data
    elif isinstance(data, list) and "items" in schema:
        for index, item in enumerate(data):
            yield from texts_of(item, schema["items"], (*path, index))
    elif isinstance(data, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, value in data.items():
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                yield from texts_of(value, sub, (*path, key))


@record
class SourceText:
    text: str
    mark: Mark  # where the English stands (the first time, when a file says it more than once)


def source_texts(root: Path, problems: Problems | None = None) -> dict[str, list[SourceText]]:
    """Each content file's translatable texts (relative path -> texts, once each, in file order)."""
    from .loader import content_files  # the loader reads translations too: import it when used

    problems = problems if problems is not None else Problems()
    found: dict[str, list[SourceText]] = {}
    from .yamlsource import read_document
    shown_root = display_path(root, root.parent)
    for kind, path in content_files(root):
        if not path.is_file():
            continue
        relative = path.relative_to(root).as_posix()
        doc = read_document(path, f"{shown_root}/{relative}", problems)
        if doc is None:
            continue
        seen: dict[str, SourceText] = {}
        for where, text in texts_of(doc.data, FILE_SCHEMAS[kind]):
            if text not in seen:
                seen[text] = SourceText(text, doc.mark(where))
        if seen:
            found[relative] = list(seen.values())
    return found


# --- string tables ------------------------------------------------------------------------------------------

@dataclass
class Entry:
    """One translatable text: its id, its English and its translation."""

    id: str
    en: str
    text: str = ""
    stale: str = ""   # the English the translation was made from, when it has changed since
    mark: Mark | None = None

    @property
    def done(self) -> bool:
        return bool(self.text.strip()) and not self.stale


@dataclass
class Table:
    """One content file's translations into one language."""

    language: str
    source: str                        # the content file it translates, relative to the root
    entries: list[Entry] = field(default_factory=list)
    orphans: list[Entry] = field(default_factory=list)  # kept by extract for a translator to reuse
    file: str = ""                     # shown path of the table itself


TABLE_KEYS = ("language", "source", "strings", "orphans")
ENTRY_KEYS = ("id", "en", "text", "stale")


def translation_files(root: Path) -> list[Path]:
    """Every string table under `root`'s lang/ (what a hot reload watches besides the content)."""
    return [path for code in languages(root) for path in sorted((root / LANG_DIR / code).rglob("*.yaml"))]


def table_path(root: Path, language: str, source: str) -> Path:
    return root / LANG_DIR / language / source


@dataclass
class ReadTables:
    """The tables read for a language, and the sources whose table could not be read."""

    tables: list[Table] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # sources whose table exists but could not be read


def read_tables(root: Path, language: str, problems: Problems) -> list[Table]:
    """Every table of `language` under `root`; what is malformed is reported with its place and skipped."""
    return read_all_tables(root, language, problems).tables


def read_all_tables(root: Path, language: str, problems: Problems) -> ReadTables:
    """`read_tables`, also naming the tables that exist but could not be read (extract never writes over
    those: a translator's work stays until the file is mended)."""
    from .yamlsource import read_document
    folder = root / LANG_DIR / language
    shown_root = display_path(root, root.parent)
    found = ReadTables()
    try:
        paths = sorted(folder.rglob("*")) if folder.is_dir() else []
    except OSError:
        paths = []
    for path in paths:
        relative = path.relative_to(folder).as_posix()
        shown = f"{shown_root}/{path.relative_to(root).as_posix()}"
        if path.suffix == ".yml" and path.is_file():
            problems.items.append(Problem(Mark(shown), "this table is not read: string tables end in .yaml",
                                          INFO, f"rename it {path.with_suffix('.yaml').name}", "translation"))
            continue
        if path.suffix != ".yaml" or (path.is_dir() and not path.name.endswith(".yaml")):
            continue
        before = len(problems.errors)
        doc = read_document(path, shown, problems)
        table = None if doc is None else table_of(doc, language, relative, problems)
        if table is None or len(problems.errors) > before:
            found.unreadable.add(relative)
        if table is not None:
            found.tables.append(table)
    return found


def table_of(doc: Document, language: str, source: str, problems: Problems) -> Table | None:
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("strings", []), list):
        problems.error(doc.mark(), "a string table is a mapping with 'language', 'source' and a 'strings' list",
                       "run `python -m game i18n extract --lang <code>` to write one", code="translation")
        return None
    if data.get("language") != language:
        problems.error(doc.mark(("language",)), f"this table is in lang/{language}/ but says language "
                       f"{data.get('language')!r}", f"write language: {language}", code="translation")
    if data.get("source") != source:
        problems.warn(doc.mark(("source",)), f"this table's place says it translates {source}, but its "
                      f"'source' says {data.get('source')!r}", f"write source: {source}", code="translation")
    unknown = sorted(str(k) for k in data if k not in TABLE_KEYS)
    if unknown:
        problems.warn(doc.key_mark((unknown[0],)), f"unknown key {unknown[0]!r} in a string table",
                      "a table has language, source, strings and orphans", code="translation")
    table = Table(language, source, file=doc.file)
    ids: dict[str, Mark] = {}
    for key, into in (("strings", table.entries), ("orphans", table.orphans)):
        items = data.get(key) or []
        for index, item in enumerate(items if isinstance(items, list) else []):
            entry = _entry_of(doc, (key, index), item, problems)
            if entry is None:
                continue
            if entry.id in ids:
                problems.warn(doc.mark((key, index)), f"id {entry.id} is already used at line {ids[entry.id].line}: "
                              "this string is not used", "one string per id: delete one of the two, or run "
                              "`i18n extract` to set the ids from the English", code="translation")
                continue
            ids[entry.id] = doc.mark((key, index))
            into.append(entry)
    return table


def _entry_of(doc: Document, path: tuple, item: Any, problems: Problems) -> Entry | None:
    if not isinstance(item, dict):
        problems.error(doc.mark(path), "a string is a mapping of id, en and text (and stale, when the English "
                       "changed)", code="translation")
        return None
    for key in ENTRY_KEYS:
        value = item.get(key, "")
        if not isinstance(value, str):
            kind = "true or false" if isinstance(value, bool) else "a number" if isinstance(value, (int, float)) \
                else "a list or mapping" if isinstance(value, (list, dict)) else "empty"
            problems.error(doc.mark((*path, key)), f"'{key}' is {kind} here, not text",
                           f"write it in quotes, e.g. {key}: '23:55' (YAML reads 23:55 or yes as other things)",
                           code="translation")
            return None
    if "en" not in item:
        problems.error(doc.mark(path), "this string has no 'en' (the English it translates)",
                       "run `python -m game i18n extract` to bring the table in step", code="translation")
        return None
    unknown = [k for k in item if k not in ENTRY_KEYS]
    if unknown:
        problems.warn(doc.key_mark((*path, unknown[0])), f"unknown key {unknown[0]!r} in a string",
                      "a string has id, en, text and (when the English changed) stale", code="translation")
    if not item.get("id"):
        problems.warn(doc.mark(path), "this string has no id: it is matched by its English",
                      "run `python -m game i18n extract` to give it one", code="translation")
    text_path = (*path, "text") if "text" in item else path
    return Entry(item.get("id") or string_id(item["en"]), item["en"], item.get("text") or "",
                 item.get("stale") or "", doc.mark(text_path))


def markup_problem(english: str, text: str) -> tuple[str, str] | None:
    """(message, hint) when a translation's markup is broken, or its [variables] or tags differ from the
    English's; None when it is fine (or the English is no markup either: '[encyclopedia, filmdb]')."""
    if markup.problems(english) or markup.variables(english)[1]:
        return None
    broken = markup.problems(text) or markup.variables(text)[1]
    if broken:
        return broken[0][1], broken[0][2]
    if Counter(n for _, n in markup.variables(text)[0]) != Counter(n for _, n in markup.variables(english)[0]) \
            or _tags(text) != _tags(english):
        return (f"other [variables] or tags than the English ({_listed(english)} in the English, "
                f"{_listed(text)} here)", "keep every [name] and every {tag} of the English; translate only the words")
    return None


def _tags(text: str) -> Counter:
    """The opening tags of a text ({b}, {i}, {color=#..}), counted."""
    return Counter(re.findall(r"\{(?:b|i|color=[^{}]*)\}", text.replace("{{", "")))


def _listed(text: str) -> str:
    names = [f"[{n}]" for _, n in markup.variables(text)[0]]
    return ", ".join(names + sorted(_tags(text))) or "none"


@record
class Translation:
    """One language's words for a root, by the content file they translate (relative to the root).

    A text takes the translation of its own file when the model knows its file (scenes, their beats,
    timeline events, quiz questions carry their place) and otherwise the first file's that has one:
    the same English may read differently in two places (an ending's title, a quiz answer quoting it)."""

    language: str
    files: Mapping[str, Mapping[str, str]]
    prefix: str = ""  # how the model's marks name the root ("scenes/"): a mark's file less this is a `files` key

    @functools.cached_property
    def words(self) -> dict[str, str]:
        """English text -> translation over all files (the first file's, where two differ)."""
        merged: dict[str, str] = {}
        for words in self.files.values():
            for en, text in words.items():
                merged.setdefault(en, text)
        return merged


def read_translation(root: Path, language: str, cache: Path | None = None) -> Translation:
    """`language`'s finished translations under `root` (empty for the source language or a language it lacks).

    The game's quick read: no marks, and what cannot be read is passed over (lint reports it, located).
    With `cache` (a folder), the words are kept there as JSON keyed by the tables' bytes, since YAML is
    slow to read (~0.1 s for the shipped Korean): a cache file that does not fit is ignored and rewritten."""
    folder = root / LANG_DIR / language
    if language == SOURCE_LANGUAGE or not folder.is_dir():
        return Translation(language, {})
    bodies = []
    for path in sorted(folder.rglob("*.yaml")):
        try:
            bodies.append((path.relative_to(folder).as_posix(), path.read_bytes()))
        except OSError:
            continue
    digest = blake2b(digest_size=16)
    for name, body in bodies:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + body + b"\0")
    key = digest.hexdigest()
    prefix = display_path(root, root.parent) + "/"
    stored = _cached_words(cache, root, language, key)
    if stored is not None:
        return Translation(language, stored, prefix)
    import yaml
    files: dict[str, dict[str, str]] = {}
    for name, body in bodies:
        try:
            data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (yaml.YAMLError, ValueError):
            continue
        items = data.get("strings") if isinstance(data, dict) else None
        words = files.setdefault(name, {})
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and not item.get("stale"):
                en, text = item.get("en"), item.get("text")
                if isinstance(en, str) and isinstance(text, str) and text.strip() \
                        and markup_problem(en, text) is None:  # broken markup would show raw: the English does
                    words.setdefault(en, unicodedata.normalize("NFC", text))
    _store_words(cache, root, language, key, files)
    return Translation(language, files, prefix)


def _words_file(cache: Path, root: Path, language: str) -> Path:
    place = blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    return cache / f"words-{language}-{place}.json"


def _cached_words(cache: Path | None, root: Path, language: str, key: str) -> dict[str, dict[str, str]] | None:
    if cache is None:
        return None
    try:
        data = json.loads(read_regular(_words_file(cache, root, language)))  # (never a FIFO or device)
    except (OSError, ValueError, RecursionError):
        return None
    files = data.get("files") if isinstance(data, dict) and data.get("key") == key else None
    if not isinstance(files, dict) or not all(
            isinstance(words, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in words.items())
            for words in files.values()):
        return None
    return files


def _store_words(cache: Path | None, root: Path, language: str, key: str, files: dict[str, dict[str, str]]) -> None:
    if cache is None:
        return
    target = _words_file(cache, root, language)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps({"key": key, "files": files}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs the next start its time


# --- translating a built story, timeline, quiz... -----------------------------------------------------------

def translated(value: Any, words: Translation | Mapping[str, str]) -> Any:
    """`value` (a frozen model: a story, a timeline, a quiz, a library) with every text the translation
    knows replaced (a plain mapping: English -> translation, wherever the text stands).

    Ids, keys and line ids are never touched, so the result has the same shape, ids and fingerprint;
    objects shared in `value` stay shared in the result, and what has nothing to translate is reused.
    """
    if isinstance(words, Translation):
        files, prefix, merged = words.files, words.prefix, words.words
    else:
        files, prefix, merged = {}, "", dict(words)
    if not merged:
        return value
    return _Translator(files, prefix, merged).walk(value)


# Parts of a model whose objects carry no mark of their own, and the one content file they come from
# (a text there takes that file's translation first, like a text whose object has a mark).
FIELD_FILES = {
    **{("Story", name): "story.yaml" for name in ("title", "tagline", "caption", "chapters")},
    **{("Story", name): f"{name}.yaml" for name in ("characters", "locations", "evidence", "sources",
                                                     "illustrations", "credits", "music")},
    ("Story", "evidence_kept"): "evidence.yaml",
    ("Library", "reality"): "reality.yaml",
}


class _Translator:
    def __init__(self, files: Mapping[str, Mapping[str, str]], prefix: str, merged: Mapping[str, str]):
        self.files, self.prefix, self.merged = files, prefix, merged
        self.file = ""  # the content file of the object being walked, when it says
        self.memo: dict[tuple[int, str], tuple[Any, Any]] = {}

    def walk(self, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            own = self.files.get(self.file)
            text = own.get(value) if own else None
            return text if text is not None else self.merged.get(value, value)
        if kind in (int, float, bool, type(None), Mark) or isinstance(value, (Path, Mark)):
            return value
        known = self.memo.get((id(value), self.file))
        if known is not None:
            return known[1]
        if kind in (tuple, list, frozenset, set):
            items = [self.walk(v) for v in value]
            new = value if all(a is b for a, b in zip(items, value)) else kind(items)
        elif kind is dict:
            items = {k: self.walk(v) for k, v in value.items()}
            new = value if all(items[k] is v for k, v in value.items()) else items
        elif dataclasses.is_dataclass(value):
            new = self._dataclass(value)
        else:
            new = value
        self.memo[(id(value), self.file)] = (value, new)
        return new

    def _dataclass(self, value: Any) -> Any:
        outer = self.file
        mark = getattr(value, "mark", None)
        if isinstance(mark, Mark) and mark.file.startswith(self.prefix):
            self.file = mark.file[len(self.prefix):]
        here, kind = self.file, type(value).__name__
        changes = {}
        for f in dataclasses.fields(value):
            if f.name in SKIPPED_FIELDS:
                continue
            self.file = FIELD_FILES.get((kind, f.name), here)
            old = getattr(value, f.name)
            new = self.walk(old)
            if new is not old:
                changes[f.name] = new
        self.file = outer
        if not changes:
            return value
        copy = object.__new__(type(value))
        for f in dataclasses.fields(value):
            object.__setattr__(copy, f.name, changes.get(f.name, getattr(value, f.name)))
        return copy


def shown_values(story: m.Story, translation: Translation) -> dict[str, str]:
    """Every text value the story gives a variable -> its translation (own file first), where it has one."""
    shown: dict[str, str] = {}
    merged = translation.words
    prefix = translation.prefix
    for scene in story.scenes.values():
        own = translation.files.get(scene.mark.file[len(prefix):], {}) if scene.mark.file.startswith(prefix) else {}
        for op in scene.code:
            givens = [op.values] if isinstance(op, m.SetVars) else \
                [o.set for o in op.options] if isinstance(op, m.Choice) else []
            for values in givens:
                for value in values.values():
                    if isinstance(value, str) and value not in shown:
                        text = own.get(value) or merged.get(value)
                        if text:
                            shown[value] = text
    return shown


# --- extract: write or update a language's tables -----------------------------------------------------------

@dataclass
class Extracted:
    """What `extract` did to the tables: files written and texts added, carried, orphaned or refused."""

    written: list[Path] = field(default_factory=list)
    added: int = 0       # new English texts, waiting for a translation
    carried: int = 0     # translations of edited English, carried over and marked stale
    orphaned: int = 0    # translations whose English is gone (kept under `orphans:`)
    refused: list[Problem] = field(default_factory=list)  # tables left as they are: they could not be read


def extract(root: Path, language: str) -> Extracted:
    """Write or update `lang/<language>/` so it has one string for every translatable text of `root`.

    Finished translations are kept; a translation whose English was edited is carried over to the new
    text (the most alike, within the same file) and marked stale; what matches nothing is kept under
    `orphans:`. Files are written only when they change.
    """
    report = Extracted()
    problems = Problems()
    folder = root / LANG_DIR / language
    for place in (root / LANG_DIR, folder):
        if place.exists() and not place.is_dir():
            report.refused.append(Problem(Mark(display_path(place, root.parent)), "is not a folder: nothing was "
                                          "written", ERROR, "lang/ holds one folder per language: move the file "
                                          "away", "translation"))
            return report
    found = read_all_tables(root, language, problems)
    old = {t.source: t for t in found.tables}
    for source, texts in source_texts(root).items():
        path = table_path(root, language, source)
        if source in found.unreadable:  # never write over what could not be read: a translator's work is there
            report.refused.extend(p for p in problems.errors if p.mark.file.endswith(f"/{language}/{source}"))
            continue
        table = old.pop(source, None) or Table(language, source)
        try:
            if write_table(path, updated_table(table, [(string_id(t.text), t.text) for t in texts], report)):
                report.written.append(path)
        except OSError as exc:
            report.refused.append(Problem(Mark(display_path(path, root.parent)), f"cannot write the table: "
                                          f"{exc.strerror or exc.__class__.__name__}", ERROR, "", "translation"))
    return report


def updated_table(table: Table, texts: list[tuple[str, str]], report: Extracted) -> Table:
    """`table` brought in step with `texts`, (id, English) pairs in order: the same id keeps its translation
    (marked stale when its English changed: an authored id); a new id takes over the most alike spare one."""
    by_id = {e.id: e for e in [*table.entries, *table.orphans]}
    current = {sid for sid, _ in texts}
    spare = [e for e in [*table.entries, *table.orphans] if e.id not in current and e.text.strip()]
    entries = []
    for sid, text in texts:
        entry = by_id.get(sid)
        if entry is not None:
            stale = entry.stale or (entry.en if entry.en != text and entry.text.strip() else "")
            entries.append(Entry(sid, text, entry.text, stale))
            continue
        match = _most_alike(text, spare)
        if match is not None:
            spare.remove(match)
            entries.append(Entry(sid, text, match.text, match.stale or match.en))
            report.carried += 1
        else:
            entries.append(Entry(sid, text))
            report.added += 1
    report.orphaned += len(spare)
    return Table(table.language, table.source, entries, spare)


def _most_alike(text: str, spare: list[Entry]) -> Entry | None:
    import difflib
    best, best_ratio = None, CARRY_OVER
    for entry in spare:
        ratio = difflib.SequenceMatcher(None, text, entry.en).ratio()
        if ratio >= best_ratio:
            best, best_ratio = entry, ratio
    return best


def write_table(path: Path, table: Table) -> bool:
    """Write `table` to `path` (atomically); False when the file already says the same."""
    body = table_yaml(table)
    try:
        if path.is_file() and path.read_bytes() == body.encode("utf-8"):
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)
    return True


def table_yaml(table: Table) -> str:
    """A table as its file: a header for the translator, then one mapping per string."""
    import yaml
    def rows(entries: list[Entry]) -> list[dict]:
        return [{k: v for k, v in (("id", e.id), ("en", e.en), ("text", e.text), ("stale", e.stale))
                 if v or k == "text"} for e in entries]
    data: dict[str, Any] = {"language": table.language, "source": table.source, "strings": rows(table.entries)}
    if table.orphans:
        data["orphans"] = rows(table.orphans)
    header = (f"# {table.language} translation of {table.source}. Write each `text`; keep markup such as "
              "{i}...{/i} and [variables] as they are.\n# Put a text in quotes when it starts with { [ ' \" or "
              "holds ': ' (text: '{i}...{/i} ...'; a ' inside is written '').\n# A `stale:` line means the English "
              "changed since the translation was made: update `text`, then delete the line.\n# `python -m game "
              f"i18n extract --lang {table.language}` keeps this file in step with the content.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
