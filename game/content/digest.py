"""BLAKE2b for the game's keys (the content cache, kept menu words and decoded pictures), without hashlib.

`hashlib.blake2b` is CPython's `_blake2.blake2b`; `import hashlib` also sets OpenSSL up and tries each of its
digests once (3-5 ms of CPU at every start here), which a start that only hashes with BLAKE2 need not pay.
"""
from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's _blake2 module: the same function, from hashlib
    from hashlib import blake2b

__all__ = ["blake2b"]
