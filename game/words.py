"""The engine's own words (menus, hints, toasts, headings, exports) in the player's language.

A screen never writes an English sentence: it asks for a key,

    from game.words import t
    t("title.new_game")                          # "New game" / "새로 시작"
    t("saves.saved", slot=3)                     # "Saved to slot 3." / "3번 슬롯에 저장했어요."

in the current language (`set_language("ko")`, `language()`), falling back to English for a key the
language has not translated (or whose translation is stale), and formatted with `str.format(**values)`.

The tables live in game/lang/:
    en.yaml   the source, `key: English`, grouped by screen; add a key here first.
    ko.yaml   a string table in the content tables' format (game/content/translation.py) with the keys as
              authored ids: `strings: [{id: key, en: English, text: 한국어, stale?: old English}]`, so
              `python -m game i18n status|extract` and lint treat it like a content table. `extract_ui("ko")`
              (called by `i18n extract`) brings it in step with en.yaml: a changed English marks its
              translation `stale`, a new key gets an empty `text`, a removed key's translation is kept
              under `orphans:`.

A table once worked out is kept as JSON in the folder given to `keep_in` (the game gives its data folder's
cache), keyed by the bytes of en.yaml, of the language's table and of this code: a start reads no YAML for
its menus.

This module is pure (no pygame) and sits just above `content` in the layers, so the runtime, classroom
exports, the UI kit and the screens can all use it.
"""
from __future__ import annotations

import json
import os
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from . import __version__, paths
from .content.digest import blake2b
from .content.languages import SOURCE_LANGUAGE
from .content.problems import ERROR, Mark, Problem, Problems
from .storage import read_regular

if TYPE_CHECKING:  # reading and writing YAML tables imports these when it runs: a start with kept tables does not
    from .content.translation import Extracted, Table

FOLDER = paths.ROOT / "game" / "lang"
SOURCE_FILE = "en.yaml"

# Keys whose translation may use {names} the English does not, or leave some of the English's out: Korean counts
# admissions in 만 (ten thousands: "1,281만 명" where English says "12.81 million") and writes months as numbers;
# it leaves out a damaged file's technical reason (English from the file system or the JSON parser).
OFFERED = {"chart.count": {"man"}, "chart.tick": {"man"}, "date.day": {"m"}, "date.month": {"m"},
           "date.short_day": {"m"}, "date.short_month": {"m"}, "date.tick_month": {"m"}, "date.tick_day": {"m"},
           "saves.saved_at": {"m"}, "saves.saved_at_short": {"m", "mm", "dd"}, "saves.why_damaged": set(),
           "saves.load_damaged": set(),
           "handout.film_sub": set(),  # a Korean tagline that names the film already need not repeat it
           "handout.film_named": {"tagline"},  # story.yaml's `film` is English: other languages say their tagline
           "app.caption": {"korean_title"}}  # a Korean window names the film as Korean readers know it

_current = SOURCE_LANGUAGE
_source: dict[str, str] | None = None
_tables: dict[str, dict[str, str]] = {}
_kept_in: Path | None = None  # where worked-out tables are kept as JSON (keep_in)


# --- the API screens use ------------------------------------------------------------------------------------

def t(key: str, /, **values: object) -> str:
    """The words for `key` in the current language (English when not translated), formatted with `values`.

    An unknown key gives the key itself (a test checks that every key written in the code exists)."""
    words = table(_current).get(key)
    if words is None:
        return key
    if not values:
        return words
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):  # a translation with a mistyped {name}
        english = source().get(key, key)
        try:
            return english.format(**values)
        except (KeyError, IndexError, ValueError, AttributeError):
            return english


def set_language(code: str) -> None:
    """Speak `code` from now on (a language without a table speaks English)."""
    global _current
    _current = code or SOURCE_LANGUAGE


@contextmanager
def speaking(code: str) -> Iterator[None]:
    """Speak `code` inside the block, then the language before (an export in the language it was asked in)."""
    before = _current
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


def language() -> str:
    """The current language's code ("en", "ko")."""
    return _current


def languages() -> list[str]:
    """The languages the UI has words for: English first, then every game/lang/<code>.yaml."""
    others = sorted(p.stem for p in FOLDER.glob("*.yaml") if p.name != SOURCE_FILE) if FOLDER.is_dir() else []
    return [SOURCE_LANGUAGE, *others]


def table(code: str) -> Mapping[str, str]:
    """Every key's words in `code`: its finished translations, English for the rest (memoised, and kept).

    A translation counts when its `text` is written, it is not marked `stale`, and its `en` is still the
    English of en.yaml (a table not yet brought in step after the English changed shows the English)."""
    found = _tables.get(code)
    if found is None:
        found = _tables[code] = _kept(code) or _worked_out(code)
    return found


def keep_in(folder: Path | None) -> None:
    """Keep each table worked out from now on as JSON in `folder`, and read it from there while its files and
    this code are unchanged (None: keep nothing). A table with problems is not kept: each start reports them."""
    global _kept_in
    _kept_in = folder


def _worked_out(code: str) -> dict[str, str]:
    found = dict(source())
    problems = Problems()
    for tab in ui_tables(code, problems) if code != SOURCE_LANGUAGE else []:
        for entry in tab.entries:
            if entry.done and found.get(entry.id) == entry.en:
                found[entry.id] = unicodedata.normalize("NFC", entry.text)
    for problem in problems.errors[:3]:  # the player sees English menus: say why where someone may look
        print(f"{problem} (the engine's words are shown in English where this table does not read)",
              file=sys.stderr)
    if not problems.items:
        _keep(code, found)
    return found


def _kept_file(code: str) -> tuple[Path, str] | None:
    """Where `code`'s table is kept, and the key it must carry (None when nothing is kept or a file is unreadable)."""
    if _kept_in is None:
        return None
    digest = blake2b(__version__.encode(), digest_size=16)
    for code_file in (Path(__file__), paths.ROOT / "game" / "content" / "translation.py"):  # how a table is read
        try:
            digest.update(f"{code_file.stat().st_mtime_ns}\0".encode())
        except OSError:  # a bundled build has no source files: its version stands for its code
            digest.update(b"?\0")
    try:
        for table in (FOLDER / SOURCE_FILE, *([table_file(code)] if code != SOURCE_LANGUAGE else [])):
            digest.update(table.read_bytes() + b"\0")
    except OSError:  # no table for that language (it shows English), or en.yaml unreadable: nothing is kept
        return None
    return _kept_in / f"ui-words-{code}.json", digest.hexdigest()


def _kept(code: str) -> dict[str, str] | None:
    place = _kept_file(code)
    if place is None:
        return None
    try:
        data = json.loads(read_regular(place[0]))  # (a FIFO or device there is refused, never waited on)
    except (OSError, ValueError, RecursionError):
        return None
    found = data.get("words") if isinstance(data, dict) and data.get("key") == place[1] else None
    if not isinstance(found, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in found.items()):
        return None
    return found


def _keep(code: str, found: dict[str, str]) -> None:
    place = _kept_file(code)
    if place is None:
        return
    path, key = place
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"key": key, "words": found}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a table that cannot be kept only costs the next start its time


def chapter_label(number: int) -> str:
    """How a chapter is named on screen: "Prologue" (chapter 0), "Chapter 3"."""
    return t("chapter.prologue") if number == 0 else t("chapter.number", number=number)


def chapter_entry(number: int, title: str) -> str:
    """A chapter in a list of chapters: "Prologue: title", "3. title"."""
    return t("chapter.entry_prologue", title=title) if number == 0 else t("chapter.entry", number=number, title=title)


def allowed_names(key: str, english: str) -> set[str]:
    """The {names} a translation of `key` may use: the English's and those in OFFERED."""
    return names(english) | OFFERED.get(key, set())


def names(text: str) -> set[str]:
    """The {names} a format string uses ("Slot {n} of {count}" -> {"n", "count"})."""
    from string import Formatter  # only checking tables needs it: a start reads the kept ones
    try:
        return {field.split(".")[0].split("[")[0] for _, field, _, _ in Formatter().parse(text) if field}
    except ValueError:
        return {"{?"}


# --- the tables, for `i18n status|extract` and lint ---------------------------------------------------------

def source() -> dict[str, str]:
    """key -> English, from game/lang/en.yaml (in file order)."""
    global _source
    if _source is None:
        _source = _kept(SOURCE_LANGUAGE) or _read_source()
    return _source


def _read_source() -> dict[str, str]:
    import yaml
    try:
        data = yaml.load((FOLDER / SOURCE_FILE).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:  # a broken install: keys show, nothing crashes
        print(f"game/lang/{SOURCE_FILE}: the engine's words could not be read ({exc})", file=sys.stderr)
        data = {}
    return {str(k): str(v) for k, v in (data if isinstance(data, dict) else {}).items()}


def ui_source() -> list[tuple[str, str]]:
    """(id, English) for every UI string, in en.yaml's order: what a UI table must translate."""
    return list(source().items())


def table_file(code: str) -> Path:
    return FOLDER / f"{code}.yaml"


def ui_tables(code: str, problems: Problems | None = None) -> list[Table]:
    """`code`'s UI string table (one Table, or none when the language has no file), read like a content
    table: located problems go to `problems`. Its `file` is shown as game/lang/<code>.yaml."""
    from .content.translation import table_of
    from .content.yamlsource import parse_bytes
    path = table_file(code)
    if code == SOURCE_LANGUAGE or not path.is_file():
        return []
    problems = problems if problems is not None else Problems()
    shown = f"game/lang/{path.name}"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(Mark(shown), f"cannot read the table: {exc.strerror or exc}", code="translation")
        return []
    doc = parse_bytes(raw, shown, problems)
    tab = None if doc is None else table_of(doc, code, SOURCE_FILE, problems)
    return [tab] if tab is not None else []


def extract_ui(code: str) -> Extracted:
    """Write or update game/lang/<code>.yaml so it has one string per key of en.yaml (see the module doc).

    A table that exists but does not read cleanly (a YAML mistake, a malformed string) is never written over:
    its problems come back in `refused`, and the translator's work stays as it is until it is mended."""
    from .content.translation import Extracted, Table, updated_table, write_table
    report = Extracted()
    path, problems = table_file(code), Problems()
    old = ui_tables(code, problems)
    if path.exists() and (not old or problems.errors):
        report.refused.extend(problems.errors or [Problem(Mark(f"game/lang/{path.name}"), "this table could not be "
                                                                  "read", ERROR, code="translation")])
        return report
    tab = old[0] if old else Table(code, SOURCE_FILE)
    try:
        if write_table(path, updated_table(tab, ui_source(), report)):
            report.written.append(path)
    except OSError as exc:
        report.refused.append(Problem(Mark(f"game/lang/{path.name}"), f"cannot write the table: "
                                      f"{exc.strerror or exc}", ERROR, code="translation"))
    forget()
    return report


def forget() -> None:
    """Drop what was read (after a table changed on disk)."""
    global _source
    _source = None
    _tables.clear()
