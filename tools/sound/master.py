"""Mastering to one loudness target per kind, a gentle peak limiter, and the OGG Vorbis encoder.

Targets (integrated loudness, BS.1770): music -20 LUFS, ambience -30 LUFS (it plays under music
and text), story effects -20 LUFS, UI clicks -26 LUFS. Promised true peaks (PEAK_LIMIT_DB, what
the report and the tests check on the decoded files): -1 dBTP, and -10 dBTP in ambience, where a
door or a cough must not jump 30 dB out of a quiet bed. The limiter aims lower (CEILING_DB) because
Vorbis adds up to about a decibel to sharp transients such as fire crackle.
"""
from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np

from .measure import loudness, true_peak
from .synth import SR

TARGET_LUFS = {"music": -20.0, "ambience": -30.0, "sfx": -20.0, "ui": -26.0}
PEAK_LIMIT_DB = {"music": -1.0, "ambience": -10.0, "sfx": -1.0, "ui": -1.0}
CEILING_DB = {"music": -1.8, "ambience": -11.5, "sfx": -2.0, "ui": -2.0}
# Vorbis quality through libsndfile's compression level (0 = best, 1 = smallest). Measured: 0.75
# gives music 55-85 kbit/s, 0.8 gives the noisy ambience beds about 90 kbit/s; transparent enough
# for synthesised, reverberant material, and it keeps assets/audio within its 12 MB budget.
COMPRESSION = {"music": 0.75, "ambience": 0.8, "sfx": 0.6, "ui": 0.6}


def limit(x: np.ndarray, ceiling_db: float, loop: bool) -> np.ndarray:
    """Block-wise look-ahead gain riding: each 256-frame block gets the gain that keeps its peak
    under the ceiling; gains take the minimum with both neighbours and are interpolated, so the
    gain moves smoothly and early (rarely more than a dB on a piano attack)."""
    ceiling = 10 ** (ceiling_db / 20)
    n = x.shape[-1]
    size = 256
    blocks = -(-n // size)
    padded = np.pad(np.abs(x).max(axis=0), (0, blocks * size - n))
    gain = np.minimum(1.0, ceiling / np.maximum(padded.reshape(blocks, size).max(axis=1), 1e-9))
    if loop:
        gain = np.minimum(gain, np.minimum(np.roll(gain, 1), np.roll(gain, -1)))
    else:
        gain = np.minimum(gain, np.minimum(np.r_[1.0, gain[:-1]], np.r_[gain[1:], 1.0]))
    centres = np.arange(blocks) * size + size / 2
    pos = np.arange(n)
    if loop:
        curve = np.interp(pos, centres, gain, period=n)
    else:
        curve = np.interp(pos, centres, gain)
    return x * curve


def master(x: np.ndarray, kind: str, loop: bool) -> np.ndarray:
    """Normalise to the kind's loudness target and keep true peaks under the ceiling."""
    if x.ndim == 1:
        x = x[None, :]
    x = x - x.mean(axis=1, keepdims=True) if loop else x
    target, ceiling = TARGET_LUFS[kind], CEILING_DB[kind]
    for _ in range(4):
        x = x * 10 ** ((target - loudness(x, SR, loop)) / 20)
        if true_peak(x, loop) <= ceiling:
            break
        x = limit(x, ceiling - 0.3, loop)
    return x


def _crc_table() -> list[int]:
    table = []
    for i in range(256):
        r = i << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else r << 1
        table.append(r & 0xFFFFFFFF)
    return table


_CRC = _crc_table()


def _ogg_crc(page: bytes) -> int:
    crc = 0
    for byte in page:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC[((crc >> 24) & 0xFF) ^ byte]
    return crc


def fixed_serial(data: bytes, serial: int) -> bytes:
    """libsndfile gives each Ogg stream a random serial number; set a fixed one (and redo each
    page's CRC) so that regenerating gives byte-identical files."""
    out = bytearray(data)
    pos = 0
    while pos < len(out):
        if out[pos:pos + 4] != b"OggS":
            raise ValueError(f"not an Ogg page at byte {pos}")
        nseg = out[pos + 26]
        size = 27 + nseg + sum(out[pos + 27:pos + 27 + nseg])
        out[pos + 14:pos + 18] = serial.to_bytes(4, "little")
        out[pos + 22:pos + 26] = bytes(4)
        out[pos + 22:pos + 26] = _ogg_crc(bytes(out[pos:pos + size])).to_bytes(4, "little")
        pos += size
    return bytes(out)


def write_ogg(path: Path, x: np.ndarray, kind: str) -> None:
    """Encode with libsndfile's Vorbis (bundled in the `soundfile` wheel: no system encoder needed)."""
    import soundfile

    buf = io.BytesIO()
    data = np.clip(x.T if x.shape[0] == 2 else x[0], -1, 1).astype(np.float32)
    with soundfile.SoundFile(buf, "w", SR, x.shape[0], format="OGG", subtype="VORBIS",
                             compression_level=COMPRESSION[kind]) as out:
        # in blocks: libsndfile 1.2's Vorbis writer crashes on one very large write
        for start in range(0, len(data), 1 << 15):
            out.write(data[start:start + (1 << 15)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fixed_serial(buf.getvalue(), zlib.crc32(path.stem.encode())))
