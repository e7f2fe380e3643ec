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
every listed class.

Hashing every byte of the content at every start costs more than the rest of the check, so the
file also holds a stamp: the same hash with each content file's size, inode, modification and
change times in place of its bytes, read with one stat() per file. When the stamp taken now is the
stored one, the files are the ones the key was computed from, and no byte is read. A file's change
time (st_ctime) is set by the system at every write, rename or utime() and cannot be set back, so
an edit that keeps the size and the modification time still changes the stamp. Two guards keep a
stale cache from being trusted: a stamp is stored only when it was taken before the content was
read, and only when every content file last changed at least SETTLED_NS earlier (a later change
cannot share its time stamp, however coarse the file system's clock); and never where st_ctime is
not a change time (Windows, where it is the creation time). Anywhere a stamp differs or is missing,
the key is computed from the bytes as before (and a matching cache gets the new stamp).

Nothing is trusted: no pickle; the file is strict JSON of a capped size, it
must say it is a Cell 7 content cache of this format with the very key computed now, its payload
must match its digest, and decoding only ever builds the listed classes, from exactly their
fields, and plain lists, tuples, dicts, sets and paths, with one of the listed classes at the top
(deep nesting ends in RecursionError, reported as damage). Anything else (a damaged,
truncated or hand-edited file, another program's JSON) is set aside into `damaged/` and the
content is loaded from its files as if there were no cache. A cache of an older edit is simply
replaced.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..storage import DamagedFile, StorageError, atomic_write, read_regular, set_aside
from .digest import blake2b
from .gcpause import collector_paused
from .records import record

CACHE_FORMAT = 2  # 2: records built by the JSON decoder's object hook
MAX_CACHE_BYTES = 256 * 1024 * 1024  # a 10,000-scene story compiles to well under this
SKIPPED_DIRS = {"assets", "__pycache__"}
SETTLED_NS = 2_000_000_000  # a stamp is kept only when every content file last changed at least this long before
STAMPS = os.name == "posix"  # where st_ctime is the time of the last change (on Windows, of the creation)

# How a value is stored, so that the C JSON decoder builds it with one call per JSON object (`Codec._object`)
# and Python never walks the tree: str, int, float, bool and None as themselves, a list as an array, a dict
# with str keys as an object (unless its first key is a tag), and everything else as a one-key object whose
# key is a tag: {"@<n>": [fields]} for the codec's class number n, {"@t": [...]} a tuple, {"@s": [...]} a set,
# {"@f": [...]} a frozenset, {"@m": [key, value, ...]} any other dict, {"@p": "..."} a path. A field declared
# as one of the codec's named tuples (every operation's `mark: Mark`) holding one is stored as a bare array:
# marks are a third of a story's objects.
TAG = "@"
TUPLE, SET, FROZENSET, MAPPING, PATH = "@t", "@s", "@f", "@m", "@p"
PLAIN = frozenset({str, int, float, bool, type(None)})


def classes_of(*modules: Any) -> list[type]:
    """Every dataclass and named tuple defined in these modules (what a payload built by them may hold)."""
    found = []
    for module in modules:
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and (dataclasses.is_dataclass(value) or _is_named_tuple(value))):
                found.append(value)
    return found


def _is_named_tuple(cls: type) -> bool:
    return issubclass(cls, tuple) and hasattr(cls, "_fields")


class CacheMismatch(ValueError):
    """The file is a readable cache, but of something else (another edit, another game version)."""


@record
class _Kind:
    """How one class of the codec is stored: its tag, field names and the fields stored as bare arrays."""

    cls: type
    tag: str
    names: tuple[str, ...]
    bare: tuple[tuple[int, type], ...]  # (position, named tuple class) of fields declared as a named tuple
    named_tuple: bool


class Codec:
    """JSON text for a tree of the given dataclasses and named tuples, and back, exactly."""

    def __init__(self, classes: Iterable[type]):
        self.classes = sorted(set(classes), key=lambda c: (c.__module__, c.__qualname__))
        named_tuples = [cls for cls in self.classes if _is_named_tuple(cls)]
        self.kinds: dict[type, _Kind] = {}
        for i, cls in enumerate(self.classes):
            if dataclasses.is_dataclass(cls):
                fields = dataclasses.fields(cls)
                names = tuple(f.name for f in fields)
                bare = tuple((at, nt) for at, f in enumerate(fields) for nt in named_tuples if _declared(cls, f, nt))
            elif _is_named_tuple(cls):
                names, bare = tuple(cls._fields), ()
            else:
                raise TypeError(f"{cls.__qualname__} is neither a dataclass nor a named tuple")
            self.kinds[cls] = _Kind(cls, f"{TAG}{i}", names, bare, _is_named_tuple(cls))
        self._by_tag = {kind.tag: kind for kind in self.kinds.values()}
        self._containers = {TUPLE: tuple, SET: set, FROZENSET: frozenset, MAPPING: _mapping, PATH: self._path}
        self._paths: dict[str, Path] = {}  # paths are immutable: one object per distinct path

    def signature(self) -> list[str]:
        """The classes, their fields and which are bare arrays: a change to any of them makes old caches foreign."""
        return [f"{c.__module__}.{c.__qualname__}({','.join(k.names)}){[at for at, _ in k.bare]}"
                for c, k in self.kinds.items()]

    def dumps(self, value: Any) -> bytes:
        """`value` (one of the codec's classes) as UTF-8 JSON."""
        if type(value) not in self.kinds:
            raise TypeError("the content cache holds one of its classes at the top")
        return json.dumps(self._encode(value), ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False).encode("utf-8")

    def loads(self, text: bytes) -> Any:
        """The value `dumps` was given; ValueError for anything `dumps` could not have written."""
        try:
            value = json.loads(text.decode("utf-8"), object_pairs_hook=self._object, parse_constant=_no_constant)
        except (TypeError, IndexError, KeyError, AttributeError, RecursionError, UnicodeDecodeError) as exc:
            raise ValueError(f"not a value this game wrote ({exc.__class__.__name__})") from None
        if type(value) not in self.kinds:
            raise ValueError("not one of the content cache's classes at the top")
        return value

    def _encode(self, value: Any, plain: frozenset = PLAIN) -> Any:
        kind = type(value)
        if kind in plain:
            return value
        enc = self._encode  # plain values (most of them) are kept as they are without a call
        spec = self.kinds.get(kind)
        if spec is not None:
            values = list(value) if spec.named_tuple else [getattr(value, name) for name in spec.names]
            for at, named_tuple in spec.bare:
                if type(values[at]) is list:  # it would be read back as a named tuple
                    raise TypeError(f"a list where {spec.cls.__qualname__}.{spec.names[at]} holds a named tuple")
                if type(values[at]) is named_tuple:
                    values[at] = list(values[at])
            return {spec.tag: [x if type(x) in plain else enc(x) for x in values]}
        if kind is list:
            return [x if type(x) in plain else enc(x) for x in value]
        if kind is tuple:
            return {TUPLE: [x if type(x) in plain else enc(x) for x in value]}
        if kind is dict:
            first = next(iter(value), None)
            if all(type(key) is str for key in value) and not (type(first) is str and first.startswith(TAG)):
                return {key: item if type(item) in plain else enc(item) for key, item in value.items()}
            return {MAPPING: [x if type(x) in plain else enc(x) for pair in value.items() for x in pair]}
        if kind in (set, frozenset):
            return {SET if kind is set else FROZENSET: sorted(map(enc, value), key=repr)}
        if isinstance(value, Path):
            return {PATH: str(value)}
        raise TypeError(f"the content cache cannot hold a {kind.__qualname__}")

    def _object(self, pairs: list[tuple[str, Any]], tuple_new: Any = tuple.__new__, new: Any = object.__new__) -> Any:
        """The value of one JSON object, its members already decoded (json's object_pairs_hook)."""
        if not pairs:
            return {}
        tag, value = pairs[0]
        kind = self._by_tag.get(tag)
        if kind is not None:
            if len(pairs) != 1 or type(value) is not list or len(value) != len(kind.names):
                raise ValueError(f"not a {kind.cls.__qualname__} this game wrote")
            for at, named_tuple in kind.bare:
                item = value[at]
                if type(item) is list:
                    if len(item) != len(named_tuple._fields):
                        raise ValueError(f"a {named_tuple.__qualname__} of {len(item)} items")
                    value[at] = tuple_new(named_tuple, item)
            if kind.named_tuple:
                return tuple_new(kind.cls, value)
            obj = new(kind.cls)
            obj.__dict__.update(zip(kind.names, value))
            return obj
        container = self._containers.get(tag)
        if container is None:
            if tag.startswith(TAG):  # `_encode` writes a dict whose first key looks like a tag as MAPPING
                raise ValueError(f"an unknown tag {tag[:20]!r}")
            return dict(pairs)
        if len(pairs) != 1 or type(value) is not (str if tag == PATH else list):
            raise ValueError(f"a {tag} this game did not write")
        return container(value)

    def _path(self, text: str) -> Path:
        path = self._paths.get(text)
        if path is None:
            path = self._paths[text] = Path(text)
        return path


def _declared(cls: type, f: dataclasses.Field, named_tuple: type) -> bool:
    """Whether field `f` of `cls` is declared as exactly `named_tuple` (by the class or, as a string annotation,
    by the name it has in the class's module)."""
    if f.type is named_tuple:
        return True
    return type(f.type) is str and getattr(sys.modules.get(cls.__module__), f.type, None) is named_tuple


def _mapping(items: list) -> dict:
    if len(items) % 2:
        raise ValueError("a mapping with a key and no value")
    it = iter(items)
    return dict(zip(it, it))


def _content_files(root: Path) -> Iterator[tuple[str, str]]:
    """(name relative to the content folder, path) of every file under it but its own assets, caches and hidden
    folders (.git), in a fixed order. Deeper folders are never skipped: the loader reads story/**/*.yaml, so a scene
    in story/.drafts/ or story/assets/ is content too."""
    top = os.fspath(root)
    for folder, dirs, files in os.walk(top):
        if folder == top:
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".")]
        dirs.sort()
        relative = os.path.relpath(folder, top).replace(os.sep, "/")
        for name in sorted(files):
            yield f"{relative}/{name}", os.path.join(folder, name)


def _content_digest(root: Path, digest: Any) -> None:
    """Every file under the content folder (not its assets), by relative name and bytes."""
    for name, path in _content_files(root):
        digest.update(f"\0file {name}\0".encode("utf-8", "surrogateescape"))
        try:
            with open(path, "rb") as handle:
                # the same bytes as read(MAX_CACHE_BYTES), which made a 256 MB buffer for each file: 3x slower
                small = os.fstat(handle.fileno()).st_size <= MAX_CACHE_BYTES
                digest.update(handle.read() if small else handle.read(MAX_CACHE_BYTES))
        except OSError as exc:  # unreadable: the key says so, and the loader will report it
            digest.update(f"\0unreadable {exc.errno}".encode())


def _content_stamp(root: Path, digest: Any) -> bool:
    """Every file under the content folder by relative name, size, inode, and modification and change times (no file
    is opened); True when each one last changed at least SETTLED_NS ago, where change times are kept."""
    settled, before = STAMPS, time.time_ns() - SETTLED_NS
    for name, path in _content_files(root):
        try:
            info = os.stat(path)
            line = f"\0file {name}\0{info.st_size} {info.st_ino} {info.st_mtime_ns} {info.st_ctime_ns}"
            settled = settled and info.st_ctime_ns <= before
        except OSError as exc:
            line, settled = f"\0file {name}\0missing {exc.errno}", False
        digest.update(line.encode("utf-8", "surrogateescape"))
    return settled


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
        # what a `load` that gave nothing worked out about a root's files: their key and stamp (None: not settled)
        self._taken: dict[str, tuple[str, str | None]] = {}

    def path(self, root: Path) -> Path:
        name = blake2b(str(Path(root).resolve()).encode("utf-8", "surrogateescape"), digest_size=10).hexdigest()
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
        """The hash of everything the payload depends on, the content by its bytes."""
        digest = self._digest(root, assets)
        _content_digest(Path(root), digest)
        return self._with_assets(digest, assets)

    def stamp(self, root: Path, assets: Path | None) -> tuple[str, bool]:
        """The same hash with the content files' stat() in place of their bytes, and whether every content file
        last changed at least SETTLED_NS ago (only then may the stamp stand for the key, see the module's note)."""
        digest = self._digest(root, assets)
        digest.update(b"\0stamp")
        settled = _content_stamp(Path(root), digest)
        return self._with_assets(digest, assets), settled

    def _digest(self, root: Path, assets: Path | None) -> Any:
        digest = blake2b(digest_size=20)
        digest.update(f"cell7 content cache {CACHE_FORMAT}\n{self.extra}\n".encode())
        digest.update("\n".join(self.codec.signature()).encode())
        self._code(digest)
        digest.update(f"\0root {Path(root).resolve()}\0assets {Path(assets).resolve() if assets else ''}\0".encode(
            "utf-8", "surrogateescape"))
        return digest

    @staticmethod
    def _with_assets(digest: Any, assets: Path | None) -> str:
        if assets is not None and Path(assets).is_dir():
            _listing_digest(Path(assets), digest)
        return digest.hexdigest()

    def load(self, root: Path, assets: Path | None, check: Callable[[Any], None] | None = None) -> Any | None:
        """The payload stored for exactly this content, or None (absent, another edit, or damaged:
        a damaged file is set aside with a message). `check` raises ValueError for a payload that decoded but
        does not hold together (a forged file): damaged too. Never raises. When it gives None, it has worked
        out the key of the files as they are now, before the caller reads them to build the payload
        anew: `store` stores it under that key (and stamp)."""
        self.hit = False
        path, taken = self.path(root), str(root)
        key, kept = None, None
        try:
            stamp, settled = self.stamp(root, assets)
            kept = stamp if settled else None
            header, body = _read(path)
            if kept is not None and header.get("stamp") == kept:  # the files the stored key was computed from
                payload = self._decoded(path, header, body)
            else:
                key = self.key(root, assets)
                if header["key"] != key:
                    raise CacheMismatch("made for other files")
                payload = self._decoded(path, header, body)
                if kept is not None:  # the same files, touched or copied since: stamped anew
                    self._restamp(path, header, kept, body)
            if check is not None:
                check(payload)
        except (FileNotFoundError, CacheMismatch):
            payload = None
        except (DamagedFile, ValueError, OSError) as exc:
            payload = None
            self._set_aside(path, exc)
        if payload is None:
            self._taken[taken] = (key or self.key(root, assets), kept)
            return None
        self._taken.pop(taken, None)
        self.hit = True
        return payload

    def _decoded(self, path: Path, header: dict[str, Any], body: bytes) -> Any:
        _check_body(path, header, body)
        with collector_paused():  # millions of new containers, none of them garbage
            return self.codec.loads(body)

    def _restamp(self, path: Path, header: dict[str, Any], stamp: str, body: bytes) -> None:
        try:
            self._write(path, {**header, "stamp": stamp}, body)
        except (OSError, StorageError):
            pass  # (a folder that cannot be written: the key is worked out from the bytes again next time)

    def _set_aside(self, path: Path, exc: Exception) -> None:
        try:
            present = os.path.lexists(path)
        except OSError:
            present = False
        if present:
            moved = set_aside(path)
            where = f"moved to {moved}" if moved else "left where it is"
            self.messages.append(f"The content cache {path.name} could not be used ({str(exc)[:160]}); it was "
                                 f"{where}, and the content was loaded from its files.")

    def store(self, root: Path, assets: Path | None, payload: Any) -> bool:
        """Write the payload for this content; False (and nothing raised) when it cannot be written. It is
        stored under the key and stamp the last `load` of this root worked out before the files were read
        (without a `load` first: a key computed now, and no stamp).

        The file is one line of JSON header (game, kind, format, key, stamp, the payload's size and BLAKE2
        digest), a newline, then the payload as JSON: a file damaged anywhere fails its digest."""
        try:
            key, stamp = self._taken.pop(str(root), (None, None))
            body = self.codec.dumps(payload)
            header = {"game": "cell7", "kind": "content-cache", "format": CACHE_FORMAT,
                      "key": key or self.key(root, assets), "size": len(body), "digest": _digest(body)}
            if stamp is not None:
                header["stamp"] = stamp
            self._write(self.path(root), header, body)
            return True
        except (OSError, ValueError, TypeError, StorageError):
            return False

    @staticmethod
    def _write(path: Path, header: dict[str, Any], body: bytes) -> None:
        # not fsynced (an fsync waits for the disk's journal, 1-50 ms here): a file torn by a power cut
        # fails its digest when read and is set aside, and the content is checked from its files again
        atomic_write(path, json.dumps(header).encode("ascii") + b"\n" + body, durable=False)


def _digest(body: bytes) -> str:
    return blake2b(body, digest_size=20).hexdigest()


def _read(path: Path) -> tuple[dict[str, Any], bytes]:
    """The header and the payload's JSON, once the header says it is this game's cache of this format."""
    raw = read_regular(path, MAX_CACHE_BYTES)
    head, newline, body = raw.partition(b"\n")
    try:
        header = json.loads(head.decode("ascii")) if newline else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        header = None
    problem = _header_problem(header)
    if problem:
        raise DamagedFile(f"{path.name} is damaged ({problem})")
    return header, body


def _check_body(path: Path, header: dict[str, Any], body: bytes) -> None:
    if header["size"] != len(body) or header["digest"] != _digest(body):
        raise DamagedFile(f"{path.name} is damaged (its contents do not match their digest)")


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
    if type(header.get("stamp", "")) is not str:
        return "a stamp that is not text"
    return ""
