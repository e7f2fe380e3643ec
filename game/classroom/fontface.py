"""The game's own Hangul font inside an HTML page, so a handout prints Korean on any machine.

A printed handout is often opened on a machine with no Korean font, where the browser draws Hangul as
empty boxes. The page therefore carries the shipped NanumGothic itself, as a base64 `@font-face` (one
self-contained file: nothing to copy beside it, nothing fetched). The fonts hold every Hangul syllable
(~1.9 MB each), so they are cut down to the characters the page uses first: `subset` keeps the glyphs
of those characters (and the parts composite glyphs are built from) and empties every other glyph,
keeping glyph ids, cmap and metrics as they are. That needs no font library, only the TrueType layout
(`glyf`/`loca`), and takes a Korean handout's font from 1.9 MB to ~0.2 MB.

    css = font_face_css(page_text)   # @font-face rules for "Cell7 Hangul", regular and bold
"""
from __future__ import annotations

import base64
import struct
from pathlib import Path

from .. import paths

FAMILY = "Cell7 Hangul"
FACES = (("NanumGothic-Regular.ttf", "normal"), ("NanumGothic-Bold.ttf", "bold"))
ALWAYS = " .,:;!?'\"()-–—…·“”‘’0123456789"  # kept whatever the page says (browsers measure with some)

# composite glyph flags (TrueType 'glyf')
ARG_1_AND_2_ARE_WORDS, WE_HAVE_A_SCALE, MORE_COMPONENTS = 0x0001, 0x0008, 0x0020
WE_HAVE_AN_X_AND_Y_SCALE, WE_HAVE_A_TWO_BY_TWO = 0x0040, 0x0080


class FontError(ValueError):
    """The file is not a TrueType font this module can cut down."""


def font_face_css(text: str, folder: Path = paths.FONTS, family: str = FAMILY) -> str:
    """`@font-face` rules that embed the shipped Hangul fonts, cut down to the characters of `text`
    (a font that cannot be read or cut is embedded whole; one that is missing is left out)."""
    rules = []
    for name, weight in FACES:
        path = Path(folder) / name
        try:
            data = path.read_bytes()
        except OSError:
            continue
        try:
            data = subset(data, {ord(ch) for ch in text + ALWAYS})
        except (FontError, struct.error, IndexError):
            pass
        encoded = base64.b64encode(data).decode("ascii")
        rules.append(f'@font-face{{font-family:"{family}";font-weight:{weight};font-style:normal;'
                     f'src:url(data:font/ttf;base64,{encoded}) format("truetype")}}')
    return "\n".join(rules)


def _tables(font: bytes) -> dict[bytes, bytes]:
    version, count = struct.unpack(">IH", font[:6])
    if version not in (0x00010000, 0x74727565):  # TrueType outlines ('true' on old Macs); not CFF ('OTTO')
        raise FontError("not a TrueType font")
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        tables[tag] = font[offset:offset + length]
    return tables


def cmap(tables: dict[bytes, bytes]) -> dict[int, int]:
    """code point -> glyph id, from the font's Unicode cmap subtables (formats 4 and 12)."""
    data = tables[b"cmap"]
    _version, count = struct.unpack(">HH", data[:4])
    found: dict[int, int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", data[4 + 8 * i:12 + 8 * i])
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)):
            continue
        fmt = struct.unpack(">H", data[offset:offset + 2])[0]
        if fmt == 4:
            _cmap4(data, offset, found)
        elif fmt == 12:
            groups = struct.unpack(">I", data[offset + 12:offset + 16])[0]
            for g in range(groups):
                start, end, glyph = struct.unpack(">III", data[offset + 16 + 12 * g:offset + 28 + 12 * g])
                for cp in range(start, end + 1):
                    found.setdefault(cp, glyph + cp - start)
    return found


def _cmap4(data: bytes, offset: int, found: dict[int, int]) -> None:
    segs = struct.unpack(">H", data[offset + 6:offset + 8])[0] // 2
    ends = struct.unpack(f">{segs}H", data[offset + 14:offset + 14 + 2 * segs])
    base = offset + 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", data[base:base + 2 * segs])
    deltas = struct.unpack(f">{segs}h", data[base + 2 * segs:base + 4 * segs])
    range_at = base + 4 * segs
    ranges = struct.unpack(f">{segs}H", data[range_at:range_at + 2 * segs])
    for s in range(segs):
        for cp in range(starts[s], ends[s] + 1):
            if cp == 0xFFFF:
                continue
            if ranges[s] == 0:
                glyph = (cp + deltas[s]) & 0xFFFF
            else:
                at = range_at + 2 * s + ranges[s] + 2 * (cp - starts[s])
                glyph = struct.unpack(">H", data[at:at + 2])[0]
                glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
            if glyph:
                found.setdefault(cp, glyph)


def _components(glyph: bytes) -> list[int]:
    """The glyph ids a composite glyph is built from (none for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack(">h", glyph[:2])[0] >= 0:
        return []
    out, at, flags = [], 10, MORE_COMPONENTS
    while flags & MORE_COMPONENTS:
        flags, index = struct.unpack(">HH", glyph[at:at + 4])
        out.append(index)
        at += 4 + (4 if flags & ARG_1_AND_2_ARE_WORDS else 2)
        at += 2 if flags & WE_HAVE_A_SCALE else 4 if flags & WE_HAVE_AN_X_AND_Y_SCALE else \
            8 if flags & WE_HAVE_A_TWO_BY_TWO else 0
    return out


def subset(font: bytes, code_points: set[int]) -> bytes:
    """`font` (TrueType) with only the glyphs of `code_points` left drawn: every other glyph is emptied, glyph
    ids, cmap, metrics and hinting stay, so the result is a valid font of the same family that renders
    those characters exactly as before (and blanks for any other)."""
    tables = _tables(font)
    head, maxp = bytearray(tables[b"head"]), tables[b"maxp"]
    glyphs = struct.unpack(">H", maxp[4:6])[0]
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    raw = tables[b"loca"]
    loca = struct.unpack(f">{glyphs + 1}{'I' if long_loca else 'H'}", raw[:(glyphs + 1) * (4 if long_loca else 2)])
    if not long_loca:
        loca = tuple(2 * x for x in loca)
    glyf = tables[b"glyf"]
    chars = cmap(tables)
    wanted = {0, *(chars[cp] for cp in code_points if cp in chars)}
    todo = list(wanted)
    while todo:  # composite glyphs need the glyphs they are built from
        g = todo.pop()
        if 0 <= g < glyphs:
            for part in _components(glyf[loca[g]:loca[g + 1]]):
                if part not in wanted:
                    wanted.add(part)
                    todo.append(part)
    new_glyf, new_loca = bytearray(), []
    for g in range(glyphs):
        new_loca.append(len(new_glyf))
        if g in wanted:
            new_glyf += glyf[loca[g]:loca[g + 1]]
            new_glyf += b"\0" * (-len(new_glyf) % 4)
    new_loca.append(len(new_glyf))
    short = len(new_glyf) < 0x20000  # offsets / 2 fit in 16 bits (every glyph is padded to 4 bytes)
    head[50:52] = struct.pack(">h", 0 if short else 1)
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    tables[b"head"] = bytes(head)
    tables[b"glyf"] = bytes(new_glyf)
    tables[b"loca"] = struct.pack(f">{len(new_loca)}H", *(x // 2 for x in new_loca)) if short else \
        struct.pack(f">{len(new_loca)}I", *new_loca)
    tables.pop(b"DSIG", None)  # a signature of the old bytes
    out = _assemble(tables)
    adjust = (0xB1B0AFBA - _checksum(out)) & 0xFFFFFFFF
    at = 12 + 16 * sorted(tables).index(b"head")  # the head table's record in the directory
    head_offset = struct.unpack(">I", out[at + 8:at + 12])[0]
    return out[:head_offset + 8] + struct.pack(">I", adjust) + out[head_offset + 12:]


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    records, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        records += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + bytes(records) + bytes(body)
