"""Files in the player's data folder: crash-safe writes, and damaged files kept aside, never lost.

The folder is, in order: `--data-dir`, the CELL7_DATA_DIR environment variable, or the
platform's user data folder (platformdirs). Never inside the repository.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

ENV_VAR = "CELL7_DATA_DIR"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    import platformdirs
    return Path(platformdirs.user_data_dir("cell7", appauthor=False))


class StorageError(Exception):
    """A file could not be written (disk full, read-only folder...): the message says why."""


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush and fsync it, then atomically replace.

    A kill at any instant leaves either the old file or the new one, never a mix.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a write that was killed midway
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
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
        atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from exc


def read_json(path: Path) -> Any:
    """Parsed JSON; raises ValueError for a damaged file and FileNotFoundError when absent."""
    raw = path.read_bytes()
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path.name} is damaged ({exc})") from exc


def set_aside(path: Path) -> Path:
    """Move a damaged file into `damaged/` beside it (never delete it); returns its new path."""
    target_dir = path.parent / "damaged"
    target_dir.mkdir(exist_ok=True)
    target = target_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}"
    n = 1
    while target.exists():
        target = target_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{n}-{path.name}"
        n += 1
    os.replace(path, target)
    return target


def load_json_or_default(path: Path, default: Any) -> tuple[Any, str]:
    """(data, message): a missing file gives the default; a damaged one is set aside, with a message."""
    try:
        return read_json(path), ""
    except FileNotFoundError:
        return default, ""
    except (ValueError, OSError) as exc:
        try:
            moved = set_aside(path)
            return default, f"{exc}; it was moved to {moved}"
        except OSError:
            return default, str(exc)
