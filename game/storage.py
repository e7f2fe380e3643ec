"""Files in the player's data folder: crash-safe writes, and damaged files kept aside, never lost.

The folder is, in order: `--data-dir`, the CELL7_DATA_DIR environment variable, or the
platform's user data folder (platformdirs). Never inside the repository.

Every JSON file the game reads comes through `read_json`: only a regular file is opened
(never a FIFO or a device, which would block), its size is capped, its nesting depth is
checked before parsing (so no RecursionError), and NaN, Infinity and huge numbers are refused.
Each caller then checks the data against that file's own schema before using it.
"""
from __future__ import annotations

import atexit
import json
import math
import os
import re
import stat
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Callable

from .worker import Worker

ENV_VAR = "CELL7_DATA_DIR"
MAX_JSON_BYTES = 16 * 1024 * 1024  # a long game's seen-lines list is well under 1 MiB
MAX_JSON_DEPTH = 16                # the deepest file the game writes nests 5 levels
MAX_NUMBER_CHARS = 24              # any number the game writes fits; 10**4300 would take seconds to parse
STALE_TEMP_SECONDS = 3600          # a temporary file this old is left over from a killed write
_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    import platformdirs
    return Path(platformdirs.user_data_dir("cell7", appauthor=False))


class StorageError(Exception):
    """A file could not be written (disk full, read-only folder...): the message says why. `cause` is what every
    write failing the same way shares (a read-only folder fails each save alike), so that it is said once.
    `detail` is what a sentence in the player's language ("Could not save: ...") takes: the file and the
    system's reason, with no English of this module's around them (the message itself, for a worded one)."""

    def __init__(self, message: str, cause: object = None, detail: str = ""):
        super().__init__(message)
        self.cause = message if cause is None else cause
        self.detail = detail or message

    @classmethod
    def unwritten(cls, path: Path, reason: object, cause: object = None) -> StorageError:
        """`path` could not be written, for `reason` (the system's words, or the encoder's)."""
        return cls(f"could not write {path}: {reason}", cause, detail=f"{path}: {reason}")


class DamagedFile(ValueError):
    """A data file that cannot be used as it is; the message says why, for the player."""


# --- writing ------------------------------------------------------------------------------------

def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _clear_stale_temps(path: Path) -> None:
    """Remove temporary files of `path` left by killed writes: this process's own, a dead process's,
    or any older than an hour. Another live process's in-flight file is left alone."""
    now = time.time()
    for stale in path.parent.glob(f"{_temp_prefix(path)}*.tmp"):
        pid = stale.name[len(_temp_prefix(path)):].split(".", 1)[0]
        try:
            old = now - stale.stat().st_mtime > STALE_TEMP_SECONDS
            if old or not pid.isdigit() or int(pid) == os.getpid() or not _alive(int(pid)):
                stale.unlink()
        except OSError:
            pass  # gone already, or not ours to remove


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, flush and fsync it, then atomically replace. A failure is a
    StorageError naming `path` (never the temporary file) and why, its cause the system's error number.

    A kill at any instant leaves either the old file or the new one, never a mix. The temporary
    name carries the process id and a random part, so two game processes sharing a data folder
    never touch each other's files. With `durable=False` nothing is fsynced: a kill still leaves
    a whole file, but a power cut may leave a torn one, so only for files whose reader detects
    that (a digest) and sets them aside, such as caches rebuilt from their sources.
    """
    try:
        _atomic_write(path, data, durable)
    except OSError as exc:
        raise StorageError.unwritten(path, exc.strerror or exc, cause=exc.errno) from exc


def _atomic_write(path: Path, data: bytes, durable: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    _clear_stale_temps(path)
    tmp = path.parent / f"{_temp_prefix(path)}{os.getpid()}.{os.urandom(6).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
        if not durable:
            return
        try:
            dir_fd = os.open(path.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_json(path: Path, data: Any) -> None:
    try:
        encoded = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    except ValueError as exc:
        raise StorageError.unwritten(path, exc) from exc
    atomic_write(path, encoded)


_WRITERS: "weakref.WeakSet[BackgroundWriter]" = weakref.WeakSet()
WRITER_LINGER_SECONDS = 5.0  # the writer's thread waits this long for the next job before it ends


@atexit.register
def _flush_all() -> None:
    """At exit, whatever is still queued is written (up to 10 s per writer)."""
    for writer in list(_WRITERS):
        writer.flush(10.0)


class BackgroundWriter:
    """Writes files on one worker thread, so that saving never runs inside a frame.

    `submit(key, job)` queues `job` (a function that encodes and writes, e.g. with `atomic_write`);
    a job still waiting under the same key is replaced: the latest state wins, and a burst of
    autosaves costs one write. Jobs run one at a time, in the order their keys were first queued.
    Every write still goes through `atomic_write`, so a kill at any moment leaves the old file or
    the new one. A failure (StorageError, OSError, ValueError) becomes its reason in `errors`, which
    the app tells the player in a sentence of their language, once per cause (a read-only folder fails every
    save alike); nothing is raised into the game. A job may bring words to say once it has been written
    (`said`: "Saved."), which the app shows then, never before. `flush()` waits until everything queued is
    written; it also runs when the interpreter exits.
    """

    def __init__(self) -> None:
        self._jobs: dict[str, tuple[Callable[[], object], str]] = {}
        self._lock = threading.Lock()  # guards _jobs
        self._worker = Worker("cell7-writer", self._write_all, linger=WRITER_LINGER_SECONDS)
        self.errors: list[str] = []  # why saves failed, each cause once; the app says them in toasts
        self.said: list[str] = []    # what jobs written asked to be said; the app says it in toasts
        self._causes: set = set()    # the causes of failures said already
        self.written = 0             # jobs finished (tests and benchmarks read it)
        _WRITERS.add(self)

    def submit(self, key: str, job: Callable[[], object], said: str = "") -> None:
        """Queue `job`; `said`, once it has run without failing."""
        with self._lock:
            self._jobs[key] = (job, said)  # a waiting job of the same key is replaced where it stands in the queue
        self._worker.wake()

    @property
    def idle(self) -> bool:
        return not self._worker.busy

    def in_worker(self) -> bool:
        return self._worker.in_thread()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued job has run; False if `timeout` seconds passed first."""
        return not self.in_worker() and self._worker.settle(timeout)

    def _write_all(self) -> None:
        """Run the queued jobs, one at a time, until none is left (the worker's drain)."""
        while True:
            with self._lock:
                if not self._jobs:
                    return
                key = next(iter(self._jobs))
                job, said = self._jobs.pop(key)
            try:
                job()
                if said:
                    self.said.append(said)
            except StorageError as exc:
                self._failed(exc.cause, exc.detail)
            except (OSError, ValueError) as exc:
                self._failed(getattr(exc, "errno", None) or str(exc), str(exc))
            except Exception as exc:  # noqa: BLE001 - a bug in one job must not stop every later save
                self._failed(None, f"{exc.__class__.__name__}: {str(exc)[:200]}")
            finally:
                job = None  # not kept while idle: a save's job holds a copy of the frame (3.5 MB)
                self.written += 1

    def _failed(self, cause: object, reason: str) -> None:
        """A job failed: its reason is said unless a failure of the same cause was said already (None: always)."""
        if cause is None or cause not in self._causes:
            self._causes.add(cause)
            self.errors.append(reason)


# --- reading ------------------------------------------------------------------------------------

def read_regular(path: Path, max_bytes: int = MAX_JSON_BYTES) -> bytes:
    """The bytes of `path` if it is a regular file of at most `max_bytes`; DamagedFile otherwise.

    FileNotFoundError when absent. A FIFO, socket, device or folder is refused before it is
    opened, and opened non-blocking in case it was swapped in between.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise DamagedFile(f"{path.name} is not a regular file")
    if info.st_size > max_bytes:
        raise DamagedFile(f"{path.name} is {info.st_size:,} bytes; at most {max_bytes:,} are read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DamagedFile(f"{path.name} is not a regular file")
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise DamagedFile(f"{path.name} is larger than {max_bytes:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def nesting_depth_exceeds(raw: bytes, limit: int) -> bool:
    """True when JSON text nests deeper than `limit` (or its brackets do not pair up), found
    without recursion: each pass removes the innermost pairs, so `limit` passes empty a good file."""
    return bool(nesting_problem(raw, limit))


def nesting_problem(raw: bytes, limit: int) -> str:
    """"" for JSON text whose brackets pair up within `limit` levels; else what is wrong with them."""
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    for _ in range(limit):
        if not brackets:
            return ""
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets):
            return "not valid JSON: its brackets do not pair up"  # json.loads would refuse it anyway
        brackets = shorter
    return f"nested deeper than {limit} levels" if brackets else ""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number the game writes")


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(f"a number of {len(text)} digits")
    return int(text)


def _float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise ValueError(f"number {text[:MAX_NUMBER_CHARS]} is out of range")
    return value


def parse_json(raw: bytes, name: str = "file", max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Strict JSON: UTF-8, at most `max_depth` levels, finite numbers of sensible size."""
    problem = nesting_problem(raw, max_depth)
    if problem:
        raise DamagedFile(f"{name} is damaged ({problem})")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant, parse_int=_int, parse_float=_float)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__
        raise DamagedFile(f"{name} is damaged ({reason})") from None


def read_json(path: Path, schema: Callable[[Any], str] | None = None, max_bytes: int = MAX_JSON_BYTES,
              max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parsed and checked JSON. DamagedFile (a ValueError) for anything unusable, FileNotFoundError when absent.

    `schema` returns "" when the data is fine, else what is wrong with it.
    """
    data = parse_json(read_regular(path, max_bytes), path.name, max_depth)
    problem = schema(data) if schema else ""
    if problem:
        raise DamagedFile(f"{path.name} is damaged ({problem})")
    return data


def set_aside(path: Path) -> Path | None:
    """Move a damaged file (or folder) into `damaged/` beside it, never deleting it.

    Returns its new path, or None when it could not be moved (a read-only folder): the caller
    then goes on without it. Never raises.
    """
    target_dir = path.parent / "damaged"
    try:
        target_dir.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            target = target_dir / (f"{stamp}-{path.name}" if n == 0 else f"{stamp}-{n}-{path.name}")
            if not os.path.lexists(target):
                os.replace(path, target)
                return target
    except OSError:
        pass
    return None


def kept_as(moved: Path | None) -> str:
    """The end of a message about a file that was set aside (or could not be)."""
    if moved:
        return f"it was moved to {moved}"
    return "it could not be moved aside (read-only folder?) and was left as it is"


def load_json_or_default(path: Path, default: Any, schema: Callable[[Any], str] | None = None) -> tuple[Any, str]:
    """(data, message): a missing file gives the default; a damaged one is set aside, with a message."""
    try:
        return read_json(path, schema), ""
    except FileNotFoundError:
        return default, ""
    except (ValueError, OSError) as exc:
        reason = str(exc) if isinstance(exc, DamagedFile) else f"{path.name} cannot be read ({exc})"
        return default, f"{reason}; {kept_as(set_aside(path))}"


# --- small schema helpers: each returns "" when fine, else what is wrong ------------------------

def check_int(value: Any, name: str, low: int, high: int) -> str:
    if type(value) is not int or not low <= value <= high:
        return f"'{name}' must be a whole number from {low} to {high}"
    return ""


def check_number(value: Any, name: str, low: float, high: float) -> str:
    if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
        return f"'{name}' must be a number from {low:g} to {high:g}"
    return ""


def check_text(value: Any, name: str, max_len: int = 1000) -> str:
    if type(value) is not str or len(value) > max_len:
        return f"'{name}' must be text of at most {max_len} characters"
    return ""


def check_list(value: Any, name: str, item: Callable[[Any, str], str], max_items: int = 1_000_000) -> str:
    if type(value) is not list or len(value) > max_items:
        return f"'{name}' must be a list of at most {max_items:,} items"
    return next((p for i, x in enumerate(value) if (p := item(x, f"{name}[{i}]"))), "")
