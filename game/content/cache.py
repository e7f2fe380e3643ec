"""A cache of compiled content (like Ren'Py's compiled scripts), kept beside the player's data.

Loading and checking a content folder parses every YAML file, validates it and compiles the
scenes. The result depends only on the folder's files, its assets and the game's own code, so
it is stored once as plain JSON and read back on the next start:

    cache = ContentCache(data_dir / "cache", classes)   # the classes the payload may contain
    payload = cache.load(root, assets)                   # None: absent, stale, damaged or foreign
    if payload is None:
        payload = build()
        cache.store(root, assets, payload)

The key is a BLAKE2 hash of every file under the content folder (bytes, so any edit at all
changes it; a new or removed file too), the assets folder's listing (name, size, modification
time: validation checks that each named picture and sound exists), the game's code that builds
the payload (each listed class's module: size and modification time) and the field names of
every listed class. Nothing is trusted: no pickle; the file is strict JSON read through
storage.read_json (size and depth capped), it must say it is a Cell 7 content cache of this
format with the very key computed now, and decoding only ever builds the listed classes, from
exactly their fields, and plain lists, tuples, dicts, sets and paths. Anything else (a damaged,
truncated or hand-edited file, another program's JSON) is set aside into `damaged/` and the
content is loaded from its files as if there were no cache. A cache of an older edit is simply
replaced.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable

from ..storage import DamagedFile, StorageError, atomic_write, read_regular, set_aside
from .gcpause import collector_paused

CACHE_FORMAT = 1
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a 10,000-scene story compiles to well under this
SKIPPED_DIRS = {"assets", "__pycache__"}

# container tags: a JSON array whose first item is one of these strings (an int first item: a class)
LIST, TUPLE, DICT, SET, FROZENSET, PATH = "l", "t", "d", "s", "f", "p"
PLAIN = frozenset({str, int, float, bool, type(None)})


def classes_of(*modules: Any) -> list[type]:
    """Every dataclass and named tuple defined in these modules (what a payload built by them may hold)."""
    found = []
    for module in modules:
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and (dataclasses.is_dataclass(value) or (issubclass(value, tuple) and hasattr(value, "_fields")))):
                found.append(value)
    return found


class CacheMismatch(ValueError):
    """The file is a readable cache, but of something else (another edit, another game version)."""


class Codec:
    """Plain JSON for a tree of the given dataclasses and named tuples, and back, exactly."""

    def __init__(self, classes: Iterable[type]):
        self.classes = sorted(set(classes), key=lambda c: (c.__module__, c.__qualname__))
        self.index = {cls: i for i, cls in enumerate(self.classes)}
        self.fields: list[tuple[str, ...]] = []
        self._paths: dict[str, Path] = {}  # paths are immutable: one object per distinct path
        for cls in self.classes:
            if dataclasses.is_dataclass(cls):
                self.fields.append(tuple(f.name for f in dataclasses.fields(cls)))
            elif issubclass(cls, tuple) and hasattr(cls, "_fields"):
                self.fields.append(tuple(cls._fields))
            else:
                raise TypeError(f"{cls.__qualname__} is neither a dataclass nor a named tuple")

    def signature(self) -> list[str]:
        """The classes and their fields, in order: a change to any of them makes old caches foreign."""
        return [f"{c.__module__}.{c.__qualname__}({','.join(f)})" for c, f in zip(self.classes, self.fields)]

    def encode(self, value: Any, plain: frozenset = PLAIN) -> Any:
        kind = type(value)
        if kind in plain:
            return value
        enc = self.encode  # plain values (most of them) are kept as they are without a call, as in `_decode`
        i = self.index.get(kind)
        if i is not None:
            items = value if kind.__bases__[0] is tuple else [getattr(value, name) for name in self.fields[i]]
            return [i, *[x if type(x) in plain else enc(x) for x in items]]
        if kind is list:
            return [LIST, *[x if type(x) in plain else enc(x) for x in value]]
        if kind is tuple:
            return [TUPLE, *[x if type(x) in plain else enc(x) for x in value]]
        if kind is dict:
            out: list[Any] = [DICT]
            for key, item in value.items():
                out += (key if type(key) in plain else enc(key), item if type(item) in plain else enc(item))
            return out
        if kind in (set, frozenset):
            return [SET if kind is set else FROZENSET, *sorted(map(self.encode, value), key=repr)]
        if isinstance(value, Path):
            return [PATH, str(value)]
        raise TypeError(f"the content cache cannot hold a {kind.__qualname__}")

    def decode(self, data: Any) -> Any:
        """The value `encode` was given; ValueError for anything `encode` could not have written."""
        try:
            return self._decode(data)
        except (TypeError, IndexError, KeyError, AttributeError, RecursionError) as exc:
            raise ValueError(f"not a value this game wrote ({exc.__class__.__name__})") from None

    def _decode(self, data: Any, plain: frozenset = PLAIN, new: Any = object.__new__) -> Any:
        if type(data) is not list:
            if type(data) in plain:
                return data
            raise ValueError("a mapping where a tagged value belongs")
        dec = self._decode
        tag = data[0]
        if type(tag) is int:
            if tag < 0:
                raise ValueError("a negative class number")
            cls, names = self.classes[tag], self.fields[tag]
            if len(data) - 1 != len(names):
                raise ValueError(f"{cls.__qualname__} with {len(data) - 1} fields, not {len(names)}")
            values = [x if type(x) in plain else dec(x) for x in data[1:]]
            if cls.__bases__[0] is tuple:
                return tuple.__new__(cls, values)
            obj = new(cls)
            obj.__dict__.update(zip(names, values))
            return obj
        if tag == LIST:
            return [x if type(x) in plain else dec(x) for x in data[1:]]
        if tag == TUPLE:
            return tuple([x if type(x) in plain else dec(x) for x in data[1:]])
        if tag == DICT:
            if len(data) % 2 != 1:
                raise ValueError("a mapping with a key and no value")
            it = iter(data[1:])
            return {(key if type(key) in plain else dec(key)): (item if type(item) in plain else dec(item))
                    for key, item in zip(it, it)}
        if tag in (SET, FROZENSET):
            items = [x if type(x) in plain else dec(x) for x in data[1:]]
            return set(items) if tag == SET else frozenset(items)
        if tag == PATH and len(data) == 2 and type(data[1]) is str:
            path = self._paths.get(data[1])
            if path is None:
                path = self._paths[data[1]] = Path(data[1])
            return path
        raise ValueError(f"unknown tag {str(tag)[:20]!r}")


def _content_digest(root: Path, digest: Any) -> None:
    """Every file under the content folder (not its assets), by relative name and bytes."""
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        for name in sorted(files):
            digest.update(f"\0file {relative}/{name}\0".encode("utf-8", "surrogateescape"))
            try:
                with open(os.path.join(folder, name), "rb") as handle:
                    # the same bytes as read(MAX_CACHE_BYTES), which made a 256 MB buffer for each file: 3x slower
                    small = os.fstat(handle.fileno()).st_size <= MAX_CACHE_BYTES
                    digest.update(handle.read() if small else handle.read(MAX_CACHE_BYTES))
            except OSError as exc:  # unreadable: the key says so, and the loader will report it
                digest.update(f"\0unreadable {exc.errno}".encode())


def _listing_digest(folder: Path, digest: Any) -> None:
    """Names, sizes and modification times of everything under the assets folder."""
    top = os.fspath(folder)
    for parent, dirs, files in os.walk(top, followlinks=True):
        dirs.sort()
        # plain strings, no Path per file: this runs at every start (a tenth of a warm load with pathlib)
        inside = os.path.relpath(parent, top).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        for name in sorted(files):
            try:
                info = os.stat(os.path.join(parent, name))
                line = f"{prefix}{name} {info.st_size} {info.st_mtime_ns}"
            except OSError:
                line = f"{prefix}{name} missing"
            digest.update(line.encode("utf-8", "surrogateescape") + b"\n")


class ContentCache:
    """Compiled content of any content folder, one JSON file per folder, under `folder`."""

    def __init__(self, folder: Path, classes: Iterable[type], extra: str = ""):
        self.folder = Path(folder)
        self.codec = Codec(classes)
        self.extra = extra  # anything else the payload depends on (e.g. options of the build)
        self.messages: list[str] = []  # caches set aside, for the player
        self.hit = False                 # whether the last `load` used the cache

    def path(self, root: Path) -> Path:
        name = hashlib.blake2b(str(Path(root).resolve()).encode("utf-8", "surrogateescape"),
                               digest_size=10).hexdigest()
        return self.folder / f"content-{name}.json"

    def _code(self, digest: Any) -> None:
        for module in sorted({cls.__module__ for cls in self.codec.classes} | {__name__}):
            file = getattr(sys.modules.get(module), "__file__", None) or ""
            try:
                info = os.stat(file)
                digest.update(f"{module} {info.st_size} {info.st_mtime_ns}\n".encode())
            except OSError:
                digest.update(f"{module} ?\n".encode())

    def key(self, root: Path, assets: Path | None) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(f"cell7 content cache {CACHE_FORMAT}\n{self.extra}\n".encode())
        digest.update("\n".join(self.codec.signature()).encode())
        self._code(digest)
        digest.update(f"\0root {Path(root).resolve()}\0assets {Path(assets).resolve() if assets else ''}\0".encode(
            "utf-8", "surrogateescape"))
        _content_digest(Path(root), digest)
        if assets is not None and Path(assets).is_dir():
            _listing_digest(Path(assets), digest)
        return digest.hexdigest()

    def load(self, root: Path, assets: Path | None, key: str | None = None) -> Any | None:
        """The payload stored for exactly this content, or None (absent, another edit, or damaged:
        a damaged file is set aside with a message). Never raises."""
        self.hit = False
        path = self.path(root)
        try:
            key = key or self.key(root, assets)
            with collector_paused():  # millions of new containers, none of them garbage
                payload = self.codec.decode(_read(path, key))
        except FileNotFoundError:
            return None
        except CacheMismatch:
            return None
        except (DamagedFile, ValueError, OSError) as exc:
            try:
                present = os.path.lexists(path)
            except OSError:
                present = False
            if present:
                moved = set_aside(path)
                where = f"moved to {moved}" if moved else "left where it is"
                self.messages.append(f"The content cache {path.name} could not be used ({str(exc)[:160]}); it was "
                                     f"{where}, and the content was loaded from its files.")
            return None
        self.hit = True
        return payload

    def store(self, root: Path, assets: Path | None, payload: Any, key: str | None = None) -> bool:
        """Write the payload for this content; False (and nothing raised) when it cannot be written.

        The file is one line of JSON header (game, kind, format, key, the payload's size and BLAKE2
        digest), a newline, then the payload as JSON: a file damaged anywhere fails its digest."""
        try:
            body = json.dumps(self.codec.encode(payload), ensure_ascii=False, separators=(",", ":"),
                              allow_nan=False).encode("utf-8")
            header = {"game": "cell7", "kind": "content-cache", "format": CACHE_FORMAT,
                      "key": key or self.key(root, assets), "size": len(body), "digest": _digest(body)}
            # not fsynced (an fsync waits for the disk's journal, 1-50 ms here): a file torn by a power cut
            # fails its digest when read and is set aside, and the content is checked from its files again
            atomic_write(self.path(root), json.dumps(header).encode("ascii") + b"\n" + body, durable=False)
            return True
        except (OSError, ValueError, TypeError, StorageError):
            return False


def _digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=20).hexdigest()


def _read(path: Path, key: str) -> Any:
    """The payload's JSON data, once the header says it is this game's cache of exactly `key` and the
    payload matches its digest. Parsed by the C decoder without per-value hooks (the file is large);
    deep nesting or huge numbers end in RecursionError or ValueError, reported as damage."""
    raw = read_regular(path, MAX_CACHE_BYTES)
    head, newline, body = raw.partition(b"\n")
    try:
        header = json.loads(head.decode("ascii")) if newline else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        header = None
    problem = _header_problem(header)
    if problem:
        raise DamagedFile(f"{path.name} is damaged ({problem})")
    if header["key"] != key:
        raise CacheMismatch("made for other files")
    if header["size"] != len(body) or header["digest"] != _digest(body):
        raise DamagedFile(f"{path.name} is damaged (its contents do not match their digest)")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DamagedFile(f"{path.name} is damaged ({str(exc).splitlines()[0][:120] if str(exc) else exc})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a value this game writes")


def _header_problem(header: Any) -> str:
    if type(header) is not dict:
        return "no header line"
    if header.get("game") != "cell7" or header.get("kind") != "content-cache":
        return "not a Cell 7 content cache"
    if header.get("format") != CACHE_FORMAT:
        raise CacheMismatch("another cache format")
    if any(type(header.get(name)) is not kind for name, kind in (("key", str), ("digest", str), ("size", int))):
        return "no key, size or digest"
    return ""
