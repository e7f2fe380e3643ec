"""Large pictures and sounds kept decoded in the data folder, so one met before loads without decoding it again.

A 1280x720 PNG takes 16-24 ms of CPU to decode here, nearly all of it zlib's inflate, and a 40-second Ogg
ambience loop 60-90 ms; the same pixels as an uncompressed BMP load in about 1.5 ms, the same samples as WAV in
about 1 ms. The title's picture is decoded at every start, a place's background and its ambience at every visit, so
once decoded, an opaque picture or a sound of at least KEPT_FROM bytes is also written into the folder given to
`keep_in` (the game gives its data folder's cache): pictures/ as BMP, sounds/ as WAV in the mixer's own format
(16-bit; SDL reads it into the sound's one buffer, nothing converted, nothing copied on the way). A kept picture is a
32-bit top-down BMP whose pixels are in the layout of pygame's own 32-bit surfaces (B, G, R, then 255), so it is
not read at all: its file is mapped into memory and the surface made on those pages (a 24-bit BMP read through SDL
took 720 reads, 2.7 MB of fresh pages and a conversion to 32 bits before the display's `convert`: about 3 ms and 650
page faults of every start, for the title's picture alone). A kept file in any other layout (an older game's) is
read as a BMP and kept again in this one. It is read from there while its file is the same (path, size, modification
and change time and inode, and for a sound the mixer's format, in the name). Each kind keeps at most BUDGET bytes on
disk (48 MB: thirteen full-screen pictures, five ambience loops); the least recently used go first. Small or
translucent pictures (icons) and short sounds decode fast and are never kept as they are (a portrait is kept as
made: `made` below); sound effects are kept whatever their length (`sound(path, smallest=0)`: 1-6 ms of Ogg
decoding each, at every visit, against a read of their samples).

`made(sources, recipe, make)` keeps a picture made from others (a portrait scaled to the stage and cropped to its
visible pixels: 7-10 ms of decoding, scaling and scanning each, the first line's two portraits among them) in a file
of its own under made/: MADE_HEADER (the size and four numbers `make` gave with it), then its 32-bit pixels with
their alpha, mapped as a kept picture is; named by every source file's stamp and the recipe.

`samples(path)` gives the kept WAV itself, for a caller that reads it in pieces (audio.py streams ambience loops:
a loop is then never whole in memory once kept).

A kept file that does not load, or does not match what its source says (a PNG's size from its header; a WAV
not in the mixer's format, or shorter than its header says), is set aside into `damaged/` beside it
(game/storage.py), and the source is decoded and kept again.

`ahead(path)` starts a picture's decoding on a thread of its own, for a `load` of it to come: pygame lets go of
the GIL while it decodes, so the caller goes on meanwhile (a start decodes the title's picture while the
window opens).
"""
from __future__ import annotations

import mmap
import os
import stat
import struct
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, TypeVar

import pygame

from ..content.digest import blake2b
from ..storage import set_aside

KEPT_FROM = 1 << 20   # decoded bytes: a full-screen picture is 2.6 MB, a 40-second stereo loop 6.7 MB
BUDGET = 48 << 20     # per kind
WAV_HEADER = 44       # the bytes before the samples in a WAV the wave module writes
LAYOUT = "BGRA"       # not words: pygame's 32-bit surfaces, byte by byte (blue, green, red, alpha)
BMP_HEADER = 54       # a kept picture's BMP headers (file and BITMAPINFOHEADER), then its pixels
BAND = 64             # rows of a picture written at a time (a full-screen picture's 720 in 12 copies of 320 KB)
MADE_HEADER = struct.Struct("<4sII4i")  # a made picture's file: b"C7M1", width, height, its four numbers
MADE_LARGEST = 4096   # pixels a made picture's side may have (a header claiming more is a damaged file)
FRAME_WAIT = 0.2      # seconds the frame's thread waits at most for its turn (`one_at_a_time`)

_turn = threading.Lock()  # held by whoever decodes a large picture or sound now (`one_at_a_time`)


@contextmanager
def one_at_a_time() -> Iterator[None]:
    """The turn to decode a picture or a sound not kept yet: never two at once, on any threads (each holds its
    decoded copy and more: a full-screen picture's converted copy, 7 MB in all, a place's loop 7 MB while its
    samples are kept). Three playthroughs' highest RSS were two such decodes at once (a late moment's picture in
    the frame and the next one's on the prefetch thread, or a picture and a new place's loop). The frame's thread
    waits FRAME_WAIT at most, then goes on without the turn: a thread stuck on a file never stops the game."""
    main = threading.current_thread() is threading.main_thread()
    got = _turn.acquire(timeout=FRAME_WAIT) if main else _turn.acquire()
    try:
        yield
    finally:
        if got:
            _turn.release()

_folder: Path | None = None
T = TypeVar("T")


class _Ahead(threading.Thread):
    """One picture decoded (and kept) on its own thread; what it made, or the error it met, waits for `load`."""

    def __init__(self, path: Path):
        super().__init__(name="cell7-decode-ahead", daemon=True)  # never holds up an exit
        self.path = path
        self.image: pygame.Surface | None = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.image = _decoded(self.path)
        except (pygame.error, OSError) as exc:
            self.error = exc


_ahead: dict[Path, _Ahead] = {}  # started by `ahead`, taken by the first `load` of the same path


def keep_in(folder: Path | None) -> None:
    """Keep decoded pictures and sounds under `folder` from now on (None: keep nothing, decode every time).
    Pictures started by `ahead` and not taken yet are waited for and let go."""
    global _folder
    for job in _ahead.values():
        job.join()
    _ahead.clear()
    _folder = folder


def ahead(path: Path) -> None:
    """Start decoding the picture at `path` now, on a thread, for the next `load(path)` to take."""
    if path not in _ahead:
        job = _ahead[path] = _Ahead(path)
        job.start()


def load(path: Path) -> pygame.Surface:
    """`pygame.image.load(path)`, from the kept copy when there is one; raises as pygame.image.load does. A picture
    started by `ahead` is waited for and taken (once) instead of decoded again."""
    job = _ahead.pop(path, None)
    if job is None:
        return _decoded(path)
    job.join()
    if job.error is not None:
        raise job.error
    assert job.image is not None
    return job.image


def _decoded(path: Path) -> pygame.Surface:
    kept = _kept_file(path, "pictures", ".bmp")
    size = _png_size(path) if kept is not None else None  # only a PNG's header says what its copy must be
    if size is not None:
        image = _load_kept(kept, size)
        if image is not None:
            return image
    image = pygame.image.load(str(path))
    if size is not None and image.get_flags() & pygame.SRCALPHA == 0 \
            and image.get_width() * image.get_height() * image.get_bytesize() >= KEPT_FROM:
        _keep(kept, lambda tmp: _write_bmp(tmp, image))
    return image


Made = tuple[pygame.Surface, tuple[int, int, int, int]]  # a picture with alpha, and four numbers that go with it


def made(sources: list[Path], recipe: str, make: Callable[[], Made | None]) -> Made | None:
    """What `make()` makes from the files `sources` by `recipe` (words naming how: a change of either makes it
    anew), from its kept copy when there is one; kept when it is made. None when `make` gives None."""
    kept = _kept_file(sources[0], "made", ".pix", "\0".join([recipe, *map(_stamp, sources[1:])]))
    found = _read_kept(kept, _mapped_made) if kept is not None else None
    if found is not None:
        return found
    result = make()
    if kept is not None and result is not None:
        _keep(kept, lambda tmp: _write_made(tmp, *result))
    return result


def _write_made(tmp: Path, image: pygame.Surface, numbers: tuple[int, int, int, int]) -> None:
    with open(tmp, "wb") as out:
        out.write(MADE_HEADER.pack(b"C7M1", *image.get_size(), *numbers))
        _write_rows(out, image)


def _mapped_made(kept: Path) -> Made | None:
    """A kept made picture, its file mapped copy-on-write; None when the file is not one (or not whole)."""
    with open(kept, "rb") as handle:
        head = handle.read(MADE_HEADER.size)
        if len(head) != MADE_HEADER.size:
            return None
        magic, width, height, *numbers = MADE_HEADER.unpack(head)
        if magic != b"C7M1" or not (0 < width <= MADE_LARGEST and 0 < height <= MADE_LARGEST) or \
                os.fstat(handle.fileno()).st_size != MADE_HEADER.size + width * height * 4:
            return None
        pages = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
    image = pygame.image.frombuffer(memoryview(pages)[MADE_HEADER.size:], (width, height), LAYOUT)
    return image, tuple(numbers)


def is_kept(image: pygame.Surface) -> bool:
    """True for a picture drawn on its kept file's mapped pages (`load` found it kept)."""
    return bool(image.get_flags() & pygame.PREALLOC) and image.get_masks()[3] == 0xFF000000


def _bmp_header(size: tuple[int, int]) -> bytes:
    """The headers of a 32-bit top-down BMP of `size` (no compression, no palette): the only ones `_mapped` reads."""
    width, height = size
    pixels = width * height * 4
    return b"BM" + struct.pack("<IHHI", BMP_HEADER + pixels, 0, 0, BMP_HEADER) + \
        struct.pack("<IiiHHIIiiII", 40, width, -height, 1, 32, 0, pixels, 2835, 2835, 0, 0)


def _write_bmp(tmp: Path, image: pygame.Surface) -> None:
    """Write `image` as a kept picture's file: the headers, then its pixels as pygame's 32-bit surfaces hold them,
    BAND rows at a time: a first visit's decoding already holds the picture and its converted copy, and one more
    3.7 MB copy of a full-screen picture's pixels in bytes was part of the highest RSS of three playthroughs."""
    with open(tmp, "wb") as out:
        out.write(_bmp_header(image.get_size()))
        _write_rows(out, image)


def _write_rows(out: BinaryIO, image: pygame.Surface) -> None:
    """`image`'s pixels in LAYOUT, top row first, BAND rows at a time."""
    width, height = image.get_size()
    for top in range(0, height, BAND):
        out.write(pygame.image.tobytes(image.subsurface((0, top, width, min(BAND, height - top))), LAYOUT))


def _mapped(kept: Path, size: tuple[int, int]) -> pygame.Surface | None:
    """The kept picture's pixels, its file mapped (copy-on-write: drawing on the surface never writes the file), or
    None when the file is not a kept picture of `size` in this layout."""
    with open(kept, "rb") as handle:
        if os.fstat(handle.fileno()).st_size != BMP_HEADER + size[0] * size[1] * 4 or \
                handle.read(BMP_HEADER) != _bmp_header(size):
            return None
        pages = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
    return pygame.image.frombuffer(memoryview(pages)[BMP_HEADER:], size, LAYOUT)  # (the surface keeps the mapping)


def sound(path: Path, smallest: int = KEPT_FROM) -> pygame.mixer.Sound:
    """`pygame.mixer.Sound(str(path))`, from the kept samples when there are; raises as pygame.mixer.Sound does.
    `smallest`: the fewest decoded bytes kept (effects, played at every visit, take 0)."""
    kept = samples(path, smallest)
    if not isinstance(kept, Path):  # could not be kept: the decoded sound itself
        return kept
    try:
        return pygame.mixer.Sound(str(kept))
    except (pygame.error, OSError):  # gone since it was looked at: decoded, and kept again next time
        set_aside(kept)
        return pygame.mixer.Sound(str(path))


def samples(path: Path, smallest: int = KEPT_FROM) -> Path | pygame.mixer.Sound:
    """The sound at `path` as the path of its kept samples (a WAV in the mixer's own format, its samples from
    WAV_HEADER on), for a caller that reads them in pieces (audio.py streams ambience loops); a sound not kept yet is
    decoded, kept and let go. The sound itself when it cannot be kept: nowhere to keep it, a mixer format a WAV does
    not hold, too short to keep, or a failed write. Raises as pygame.mixer.Sound does."""
    mixer, kept = _sound_kept_file(path)
    if kept is not None and _fits(kept, mixer):
        return kept
    with one_at_a_time():
        loop = pygame.mixer.Sound(str(path))
        if kept is None or memoryview(loop).nbytes < smallest:
            return loop
        _keep(kept, lambda tmp: _write_wav(tmp, loop, mixer))
    return kept if _fits(kept, mixer) else loop


def _sound_kept_file(path: Path) -> tuple[tuple[int, int, int] | None, Path | None]:
    """The mixer's (frequency, format, channels) and where `path`'s samples are kept (None: nowhere, or a format
    other than the 16-bit little-endian samples a WAV holds)."""
    mixer = pygame.mixer.get_init()
    wav_like = mixer is not None and mixer[1] == -16 and sys.byteorder == "little"
    return mixer, _kept_file(path, "sounds", ".wav", str(mixer)) if wav_like else None


def _write_wav(tmp: Path, loop: pygame.mixer.Sound, mixer: tuple[int, int, int]) -> None:
    # (the file opened first: wave.open(path) failing to open it leaves a half-made writer whose __del__ prints a
    # traceback on stderr, as on a read-only data folder)
    import wave  # (sounds are kept after the first frame: not imported before it)
    with open(tmp, "wb") as raw, wave.open(raw, "wb") as out:
        out.setnchannels(mixer[2])
        out.setsampwidth(2)
        out.setframerate(mixer[0])
        out.writeframes(memoryview(loop).cast("B"))  # the sound's own buffer: no copy


def _kept_file(path: Path, kind: str, suffix: str, extra: str = "") -> Path | None:
    """Where `path` is kept decoded, or None: named by its path, `extra` and what any write to it changes (size,
    modification time, and the inode and change time, which an edit changes even when it puts the modification
    time back, as `touch -r`, an archive or a copy keeping times does; a file replaced by a rename has another
    inode). A file whose change time moved without an edit (chmod, a new link) is only decoded once more."""
    if _folder is None:
        return None
    stamp = _stamp(path)
    if not stamp:
        return None
    name = f"{stamp}\0{extra}".encode("utf-8", "surrogateescape")
    return _folder / kind / f"{blake2b(name, digest_size=16).hexdigest()}{suffix}"


def _stamp(path: Path) -> str:
    """The file at `path` and what any write to it changes (see `_kept_file`); "" when it cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{os.path.abspath(path)}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"


def _png_size(path: Path) -> tuple[int, int] | None:
    """The width and height a PNG's header gives (None for anything else)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _load_kept(kept: Path, size: tuple[int, int]) -> pygame.Surface | None:
    return _read_kept(kept, lambda file: _mapped(file, size) or _in_another_layout(file, size))


def _in_another_layout(kept: Path, size: tuple[int, int]) -> pygame.Surface | None:
    """A kept picture in another layout (an older game's): read, and kept again in this one; None when it is not
    this picture's."""
    image = pygame.image.load(str(kept))
    if image.get_size() != size:
        return None
    _keep(kept, lambda tmp: _write_bmp(tmp, image))
    return image


def _fits(kept: Path, mixer: tuple[int, int, int]) -> bool:
    """True (and the file now the most recently used) when `kept` is a whole WAV in the mixer's format; a kept file
    that is not is set aside (damaged, or of another format: a truncated loop would play short)."""
    return _read_kept(kept, lambda file: _whole_wav(file, mixer)) is not None


def _whole_wav(kept: Path, mixer: tuple[int, int, int]) -> bool | None:
    import wave  # (see _write_wav)
    try:
        with wave.open(str(kept), "rb") as wav:
            fits = (wav.getframerate(), wav.getsampwidth(), wav.getnchannels()) == (mixer[0], 2, mixer[2]) and \
                os.path.getsize(kept) == WAV_HEADER + wav.getnframes() * 2 * mixer[2]
    except (wave.Error, EOFError):
        return None
    return True if fits else None


def _read_kept(kept: Path, read: Callable[[Path], T | None]) -> T | None:
    """What `read` makes of the kept file `kept` (now the most recently used); None when there is no such file, or
    when it is set aside: not a regular file, refused by `read` (None) or failing to read (damaged, or not this
    source's: never shown)."""
    try:
        if not _regular(kept):
            return None
        found = read(kept)
    except FileNotFoundError:
        return None
    except (pygame.error, OSError, ValueError):
        found = None
    if found is None:
        set_aside(kept)
        return None
    _used(kept)
    return found


def _regular(kept: Path) -> bool:
    """True when `kept` is a regular file. Anything else found there (a FIFO, a device, a folder) is set aside without
    being opened: opening a FIFO waits for a writer, and a device reads without end. FileNotFoundError if absent."""
    if stat.S_ISREG(os.stat(kept).st_mode):
        return True
    set_aside(kept)
    return False


def _used(kept: Path) -> None:
    try:
        os.utime(kept)  # recently used: the last to go when the budget is full
    except OSError:
        pass


def _keep(kept: Path, write: Callable[[Path], object]) -> None:
    """Write a kept file beside the others (atomically: one read meanwhile is whole), then trim them to BUDGET."""
    tmp = kept.with_name(f"{kept.stem}.{os.getpid()}.{os.urandom(4).hex()}.tmp{kept.suffix}")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write(tmp)
        os.replace(tmp, kept)
        _trim(kept.parent, kept.suffix)
    except (pygame.error, OSError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # what cannot be kept only costs the next start its decode


def _trim(folder: Path, suffix: str) -> None:
    files = []
    for entry in os.scandir(folder):
        if entry.name.endswith(suffix) and ".tmp." not in entry.name:
            info = entry.stat()
            files.append((info.st_mtime_ns, info.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    for _, size, file in sorted(files):
        if total <= BUDGET:
            break
        os.unlink(file)
        total -= size
