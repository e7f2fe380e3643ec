"""The digests of the game's keys, without hashlib: BLAKE2b (the content cache, kept words and decoded pictures),
SHA-256 (scene fingerprints) and SHA-1 (compiled ids).

`hashlib.blake2b` is CPython's `_blake2.blake2b`, and hashlib's SHA-256 and SHA-1 give what CPython's `_sha256` and
`_sha1` give; `import hashlib` also sets OpenSSL up and tries each of its digests once (3-5 ms of CPU and 3.4 MB
resident for the whole process), which a start that checks content need not pay.
"""
from __future__ import annotations

from typing import Any

try:
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's _blake2 module: the same function, from hashlib
    from hashlib import blake2b


def sha1(data: bytes = b"") -> Any:
    """hashlib's SHA-1 object; its module is loaded when first used (checking content), not at every start."""
    try:
        from _sha1 import sha1 as new
    except ImportError:
        from hashlib import sha1 as new
    return new(data)


def sha256(data: bytes = b"") -> Any:
    """hashlib's SHA-256 object, loaded as `sha1` is (CPython's _sha256; _sha2 from Python 3.12)."""
    try:
        from _sha256 import sha256 as new
    except ImportError:
        try:
            from _sha2 import sha256 as new  # type: ignore[no-redef]
        except ImportError:
            from hashlib import sha256 as new
    return new(data)


__all__ = ["blake2b", "sha1", "sha256"]
