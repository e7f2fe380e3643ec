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
import difflib
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from .problems import Mark, Problems, display_path
from .schema import DEFS, FILE_SCHEMAS, TRANSLATE, Schema
from .yamlsource import Document, read_document

SOURCE_LANGUAGE = "en"
LANG_DIR = "lang"
CARRY_OVER = 0.6  # how alike an edited English text must be to its old self for a translation to carry over
SKIPPED_FIELDS = frozenset({"line_id", "id", "key", "problems", "fingerprint", "scene_fingerprints", "root",
                            "assets", "language", "_languages"})


def string_id(text: str) -> str:
    """A text's id in a string table: 8 hex digits of its hash (the same text, the same id)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest()


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


@dataclass(frozen=True)
class SourceText:
    text: str
    mark: Mark  # where the English stands (the first time, when a file says it more than once)


def source_texts(root: Path, problems: Problems | None = None) -> dict[str, list[SourceText]]:
    """Each content file's translatable texts (relative path -> texts, once each, in file order)."""
    from .loader import content_files  # the loader reads translations too: import it when used

    problems = problems if problems is not None else Problems()
    found: dict[str, list[SourceText]] = {}
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
    language: str
    source: str                        # the content file it translates, relative to the root
    entries: list[Entry] = field(default_factory=list)
    orphans: list[Entry] = field(default_factory=list)  # kept by extract for a translator to reuse
    file: str = ""                     # shown path of the table itself


TABLE_KEYS = ("language", "source", "strings", "orphans")
ENTRY_KEYS = ("id", "en", "text", "stale")


def languages(root: Path) -> list[str]:
    """The languages `root` has translations for (folders under lang/)."""
    folder = root / LANG_DIR
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def table_path(root: Path, language: str, source: str) -> Path:
    return root / LANG_DIR / language / source


def read_tables(root: Path, language: str, problems: Problems) -> list[Table]:
    """Every table of `language` under `root`; what is malformed is reported with its place and skipped."""
    folder = root / LANG_DIR / language
    shown_root = display_path(root, root.parent)
    tables = []
    for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        shown = f"{shown_root}/{path.relative_to(root).as_posix()}"
        doc = read_document(path, shown, problems)
        if doc is not None:
            table = table_of(doc, language, path.relative_to(folder).as_posix(), problems)
            if table is not None:
                tables.append(table)
    return tables


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
    for key, into in (("strings", table.entries), ("orphans", table.orphans)):
        items = data.get(key) or []
        for index, item in enumerate(items if isinstance(items, list) else []):
            entry = _entry_of(doc, (key, index), item, problems)
            if entry is not None:
                into.append(entry)
    return table


def _entry_of(doc: Document, path: tuple, item: Any, problems: Problems) -> Entry | None:
    if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str) for k in ENTRY_KEYS) \
            or not isinstance(item.get("en"), str):
        problems.error(doc.mark(path), "a string is a mapping of id, en and text (and stale, when the English "
                       "changed), each text in quotes where YAML needs them", code="translation")
        return None
    unknown = [k for k in item if k not in ENTRY_KEYS]
    if unknown:
        problems.warn(doc.key_mark((*path, unknown[0])), f"unknown key {unknown[0]!r} in a string",
                      "a string has id, en, text and (when the English changed) stale", code="translation")
    text_path = (*path, "text") if "text" in item else path
    return Entry(item.get("id") or string_id(item["en"]), item["en"], item.get("text") or "",
                 item.get("stale") or "", doc.mark(text_path))


def words_of(tables: list[Table]) -> dict[str, str]:
    """English text -> translation, from every finished (non-empty, not stale) string of the tables."""
    words: dict[str, str] = {}
    for table in tables:
        for entry in table.entries:
            if entry.done:
                words.setdefault(entry.en, unicodedata.normalize("NFC", entry.text))
    return words


@dataclass(frozen=True)
class Translation:
    """One language's words for a root: English text -> translated text."""

    language: str
    words: Mapping[str, str]


def read_translation(root: Path, language: str, problems: Problems | None = None) -> Translation:
    """`language`'s finished translations under `root` (empty for the source language or a language it lacks)."""
    if language == SOURCE_LANGUAGE:
        return Translation(language, {})
    tables = read_tables(root, language, problems if problems is not None else Problems())
    return Translation(language, words_of(tables))


# --- translating a built story, timeline, quiz... -----------------------------------------------------------

def translated(value: Any, words: Mapping[str, str]) -> Any:
    """`value` (a frozen model: a story, a timeline, a quiz, a library) with every text `words` knows replaced.

    Ids, keys and line ids are never touched, so the result has the same shape, ids and fingerprint;
    objects shared in `value` stay shared in the result, and what has nothing to translate is reused.
    """
    if not words:
        return value
    return _Translator(words).walk(value)


class _Translator:
    def __init__(self, words: Mapping[str, str]):
        self.words = words
        self.memo: dict[int, Any] = {}

    def walk(self, value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return self.words.get(value, value)
        if kind in (int, float, bool, type(None), Mark) or isinstance(value, (Path, Mark)):
            return value
        known = self.memo.get(id(value))
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
        self.memo[id(value)] = (value, new)
        return new

    def _dataclass(self, value: Any) -> Any:
        changes = {}
        for f in dataclasses.fields(value):
            if f.name in SKIPPED_FIELDS:
                continue
            old = getattr(value, f.name)
            new = self.walk(old)
            if new is not old:
                changes[f.name] = new
        if not changes:
            return value
        copy = object.__new__(type(value))
        for f in dataclasses.fields(value):
            object.__setattr__(copy, f.name, changes.get(f.name, getattr(value, f.name)))
        return copy


def text_of(words: Mapping[str, str], text: str) -> str:
    """One text in a language (the English when it has no finished translation)."""
    return words.get(text, text)


# --- extract: write or update a language's tables -----------------------------------------------------------

@dataclass
class Extracted:
    written: list[Path] = field(default_factory=list)
    added: int = 0       # new English texts, waiting for a translation
    carried: int = 0     # translations of edited English, carried over and marked stale
    orphaned: int = 0    # translations whose English is gone (kept under `orphans:`)


def extract(root: Path, language: str) -> Extracted:
    """Write or update `lang/<language>/` so it has one string for every translatable text of `root`.

    Finished translations are kept; a translation whose English was edited is carried over to the new
    text (the most alike, within the same file) and marked stale; what matches nothing is kept under
    `orphans:`. Files are written only when they change.
    """
    report = Extracted()
    old = {t.source: t for t in read_tables(root, language, Problems())}
    for source, texts in source_texts(root).items():
        table = old.pop(source, None) or Table(language, source)
        path = table_path(root, language, source)
        if write_table(path, updated_table(table, [(string_id(t.text), t.text) for t in texts], report)):
            report.written.append(path)
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
    best, best_ratio = None, CARRY_OVER
    for entry in spare:
        ratio = difflib.SequenceMatcher(None, text, entry.en).ratio()
        if ratio >= best_ratio:
            best, best_ratio = entry, ratio
    return best


def write_table(path: Path, table: Table) -> bool:
    """Write `table` to `path` (atomically); False when the file already says the same."""
    body = table_yaml(table)
    if path.is_file() and path.read_text(encoding="utf-8") == body:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)
    return True


def table_yaml(table: Table) -> str:
    """A table as its file: a header for the translator, then one mapping per string."""
    def rows(entries: list[Entry]) -> list[dict]:
        return [{k: v for k, v in (("id", e.id), ("en", e.en), ("text", e.text), ("stale", e.stale))
                 if v or k == "text"} for e in entries]
    data: dict[str, Any] = {"language": table.language, "source": table.source, "strings": rows(table.entries)}
    if table.orphans:
        data["orphans"] = rows(table.orphans)
    header = (f"# {table.language} translation of {table.source}. Write each `text`; keep markup such as "
              "{i}...{/i} and [variables] as they are.\n# A `stale:` line means the English changed since the "
              "translation was made: update `text`, then delete the line.\n# `python -m game i18n extract --lang "
              f"{table.language}` keeps this file in step with the content.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
