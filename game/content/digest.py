"""The digests of the game's keys, without hashlib: BLAKE2b (the content cache, kept words and decoded pictures),
SHA-256 (scene fingerprints) and SHA-1 (compiled ids).

`hashlib.blake2b` is CPython's `_blake2.blake2b`, and hashlib's SHA-256 and SHA-1 give what CPython's `_sha256` and
`_sha1` give; `import hashlib` also sets OpenSSL up and tries each of its digests once (3-5 ms of CPU and 3.4 MB
resident for the whole process), which a start that checks content need not pay.
"""
from __future__ import annotations

from typing import Any, Callable

try:
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's _blake2 module: the same function, from hashlib
    from hashlib import blake2b

_MADE: dict[str, Callable[[bytes], Any]] = {}  # digest name -> its constructor, found when first used


def _constructor(name: str, modules: tuple[str, ...]) -> Callable[[bytes], Any]:
    """The constructor `name` from the first of `modules` this Python has (hashlib, last, always does), imported
    when first asked for: checking content, never a cached start."""
    new = _MADE.get(name)
    if new is None:
        for module in modules:
            try:
                new = _MADE[name] = getattr(__import__(module), name)
                break
            except ImportError:
                continue
    return new


def sha1(data: bytes = b"") -> Any:
    """hashlib's SHA-1 object, from CPython's own _sha1."""
    return _constructor("sha1", ("_sha1", "hashlib"))(data)


def sha256(data: bytes = b"") -> Any:
    """hashlib's SHA-256 object, from CPython's own _sha256 (_sha2 from Python 3.12)."""
    return _constructor("sha256", ("_sha256", "_sha2", "hashlib"))(data)


__all__ = ["blake2b", "sha1", "sha256"]
