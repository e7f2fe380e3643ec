"""Text markup and text variables inside story text: pure functions, no pygame.

Markup (the tags Ren'Py authors know): `{b}bold{/b}`, `{i}italic{/i}`,
`{color=#rrggbb}coloured{/color}`, and `{{` for a literal `{`. Tags nest; each must be
closed, innermost first. A lone `}` is an ordinary character.

Variables: `[name]` shows a variable's value; `[[` is a literal `[`. Interpolation runs
before markup, and a value's own braces are escaped, so a player-facing value can never
open a tag.

    parse("a {b}bold{/b} word") -> [Span("a "), Span("bold", bold=True), Span(" word")]
    plain("a {b}bold{/b} word") -> "a bold word"
    problems(text)             -> [(index, message, hint)], empty when the text is well formed
    interpolate("Hi [name]", {"name": "Odile"}.get) -> "Hi Odile"

`wrap` lays spans out in lines for any measuring function, so the screens and the
authoring width checks break lines the same way.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterator

from .records import record

TAGS = ("b", "i", "color")
_TAG = re.compile(r"\{(/?)([^{}]*)\}")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


@record
class Span:
    """A run of text in one style; `color` is '#rrggbb' or None for the text's own colour."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None

    def style(self) -> tuple[bool, bool, str | None]:
        return self.bold, self.italic, self.color


class MarkupError(ValueError):
    """A tag that cannot be read; `index` is where in the text it starts (0-based)."""

    def __init__(self, index: int, message: str, hint: str = ""):
        super().__init__(message)
        self.index, self.message, self.hint = index, message, hint


# --- markup ------------------------------------------------------------------------------------

def _tokens(text: str) -> Iterator[tuple[int, str, str | None]]:
    """(index, kind, value): kind 'text' (value: the characters), 'open'/'close' (value: 'b', 'i',
    'color=#..' / 'b', 'i', 'color'), or 'bad' (value: the message; the hint follows as a second token)."""
    n, start = len(text), 0
    i = text.find("{")
    while i != -1:
        if i > start:
            yield start, "text", text[start:i]
        if text.startswith("{{", i):
            yield i, "text", "{"
            start = i + 2
            i = text.find("{", start)
            continue
        match = _TAG.match(text, i)
        if match is None:
            yield i, "bad", "'{' opens a tag that is never closed with '}'"
            yield i, "hint", "write '{{' for a literal '{'"
            start = i + 1
            i = text.find("{", start)
            continue
        closing, body = match.group(1) == "/", match.group(2).strip()
        name = body.split("=", 1)[0].strip()
        if name not in TAGS:
            yield i, "bad", f"unknown tag '{match.group(0)}'"
            yield i, "hint", "tags: {b}...{/b}, {i}...{/i}, {color=#rrggbb}...{/color}; write '{{' for a literal '{'"
        elif closing and body != name:
            yield i, "bad", f"a closing tag takes no value: '{match.group(0)}'"
            yield i, "hint", f"write '{{/{name}}}'"
        else:  # a known tag: a mistake in its value is reported, and the tag still counts for nesting
            if name == "color" and not closing and not _COLOR.match(body.split("=", 1)[-1].strip()):
                yield i, "bad", f"'{match.group(0)}' needs a colour written #rrggbb"
                yield i, "hint", "e.g. {color=#e0a066}...{/color}"
            elif name != "color" and not closing and body != name:
                yield i, "bad", f"'{{{name}}}' takes no value: '{match.group(0)}'"
                yield i, "hint", f"write '{{{name}}}'"
            yield i, "close" if closing else "open", name if closing else body.replace(" ", "")
        start = match.end()
        i = text.find("{", start)
    if start < n:
        yield start, "text", text[start:]


def _walk(text: str, strict: bool) -> tuple[list[Span], list[tuple[int, str, str]]]:
    if "{" not in text:  # most text has no markup at all
        return ([Span(text)] if text else []), []
    spans: list[Span] = []
    found: list[tuple[int, str, str]] = []
    stack: list[tuple[int, str, str]] = []  # (index, name, value) of each open tag
    pending: tuple[int, str] | None = None
    for index, kind, value in _tokens(text):
        if kind == "bad":
            pending = (index, value)
            continue
        if kind == "hint":
            found.append((pending[0], pending[1], value))
            if strict:
                return spans, found
            continue
        if kind == "open":
            stack.append((index, value.split("=", 1)[0], value))
        elif kind == "close":
            if not stack:
                found.append((index, f"'{{/{value}}}' closes a tag that was never opened",
                              f"remove it, or open it with '{{{value}}}' before"))
            elif stack[-1][1] != value:
                found.append((index, f"'{{/{value}}}' closes '{{{stack[-1][2]}}}', which is still open",
                              f"close '{{{stack[-1][2]}}}' first: tags close innermost first"))
                deeper = [k for k, entry in enumerate(stack) if entry[1] == value]
                if deeper:  # take the tag it meant off the stack, so one slip gives one message
                    del stack[deeper[-1]]
            else:
                stack.pop()
            if found and strict:
                return spans, found
        else:
            bold = any(name == "b" for _, name, _ in stack)
            italic = any(name == "i" for _, name, _ in stack)
            color = next((v.split("=", 1)[-1] for _, name, v in reversed(stack)
                          if name == "color" and _COLOR.match(v.split("=", 1)[-1])), None)
            span = Span(value, bold, italic, color)
            if spans and spans[-1].style() == span.style():
                spans[-1] = Span(spans[-1].text + value, bold, italic, color)
            else:
                spans.append(span)
    for index, name, value in stack:
        found.append((index, f"'{{{value}}}' is never closed", f"add '{{/{name}}}' where it should end"))
    return spans, found


def problems(text: str) -> list[tuple[int, str, str]]:
    """Every markup mistake in `text` as (index where it starts, message, hint); [] when it is well formed."""
    return _walk(text, strict=False)[1]


def parse(text: str) -> list[Span]:
    """The styled runs of `text`; raises MarkupError at its first mistake."""
    spans, found = _walk(text, strict=True)
    if found:
        index, message, hint = found[0]
        raise MarkupError(index, message, hint)
    return spans


def spans(text: str) -> list[Span]:
    """Like `parse`, but text that does not parse is shown as it is written (for drawing; content is checked
    when it loads, so this only matters for text that never went through the checks)."""
    try:
        return parse(text)
    except MarkupError:
        return [Span(text)]


def plain(text: str) -> str:
    """The text without its tags, as a reader hears it (self-voicing, the backlog, exports)."""
    if "{" not in text:
        return text
    return "".join(span.text for span in spans(text))


def escape(text: str) -> str:
    """Text that shows as written once it goes through markup (every '{' doubled)."""
    return text.replace("{", "{{")


# --- variables -------------------------------------------------------------------------------------

def variables(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """([(index, name)] of every `[name]`, [(index, message, hint)] of every malformed bracket)."""
    names: list[tuple[int, str]] = []
    found: list[tuple[int, str, str]] = []
    i = text.find("[")
    while i != -1:
        if text.startswith("[[", i):
            i = text.find("[", i + 2)
            continue
        match = _NAME.match(text, i + 1)
        end = match.end() if match else i + 1
        if match and end < len(text) and text[end] == "]":
            names.append((i, match.group(0)))
            i = text.find("[", end + 1)
            continue
        close = text.find("]", i)
        shown = text[i:close + 1] if close != -1 and close - i <= 40 else text[i:i + 20]
        found.append((i, f"'{shown}' is not a variable: '[' must be followed by a variable name and ']'",
                      "write '[name]' to show a variable, or '[[' for a literal '['"))
        i = text.find("[", i + 1)
    return names, found


def interpolate(text: str, lookup: Callable[[str], object]) -> str:
    """`[name]` replaced by `lookup(name)` (its braces escaped) and `[[` by '['; malformed brackets stay as written."""
    if "[" not in text:
        return text
    out: list[str] = []
    i = 0
    while True:
        j = text.find("[", i)
        if j == -1:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:j])
        if text.startswith("[[", j):
            out.append("[")
            i = j + 2
            continue
        match = _NAME.match(text, j + 1)
        if match and text.startswith("]", match.end()):
            out.append(escape(show_value(lookup(match.group(0)))))
            i = match.end() + 1
        else:
            out.append("[")
            i = j + 1


def show_value(value: object) -> str:
    """How a variable's value reads in a line: text as it is, flags as 'true'/'false', counters as numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


# --- layout ----------------------------------------------------------------------------------------

Measure = Callable[[str, bool, bool], int]  # (text, bold, italic) -> width in pixels


def wrap(runs: list[Span], width: int, measure: Measure) -> list[list[Span]]:
    """Greedy word wrap of styled runs into lines no wider than `width` (a word wider than the line breaks by
    character); '\\n' starts a new line. Each line is a list of runs, without the spaces the wrap consumed."""
    lines: list[list[Span]] = [[]]
    used = 0

    def width_of(pieces: list[Span]) -> int:
        return sum(measure(p.text, p.bold, p.italic) for p in pieces)

    for word in _words(runs):
        if word == "\n":
            lines.append([])
            used = 0
            continue
        line = lines[-1]
        space = [Span(" ", *line[-1].style())] if line else []
        extra = width_of(space + word)
        if used + extra <= width:
            _extend(line, space + word)
            used += extra
            continue
        if line:
            lines.append([])
            line, used = lines[-1], 0
        for piece in _characters(word):
            w = measure(piece.text, piece.bold, piece.italic)
            if used + w > width and line:
                carried = _carry(line, piece.text)  # no line starts with 」 . , ! ? or ends with 「 (
                lines.append([carried] if carried is not None else [])
                line = lines[-1]
                used = width_of(line)
            _extend(line, [piece])
            used += w
    return lines


# Korean (and CJK) line breaking inside a long run of text: these never start a line, and these never end one
NO_START = frozenset(".,!?:;)]}…·%”’」』〉》】〕）］｝、。，．！？：；ー~")
NO_END = frozenset("([{“‘「『〈《【〔（［｛")


def clusters(text: str) -> list[str]:
    """`text` cut into the pieces a reader sees as one character (a Hangul syllable typed as jamo, a letter and
    its accents, an emoji with its modifiers): lines break and text types out only between them."""
    out: list[str] = []
    for ch in text:
        if out and _joins(out[-1], ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _joins(before: str, ch: str) -> bool:
    """Whether `ch` belongs to the cluster that `before` ends (Unicode's grapheme rules, the parts text uses)."""
    cp, last = ord(ch), ord(before[-1])
    if unicodedata.combining(ch) or 0xFE00 <= cp <= 0xFE0F or cp == 0x200D or last == 0x200D \
            or 0x1F3FB <= cp <= 0x1F3FF:
        return True
    prev, this = _jamo(last), _jamo(cp)
    # L + (L | V | LV | LVT), (V | LV) + (V | T), (T | LVT) + T
    return (prev == "L" and this in ("L", "V", "LV", "LVT")) or (prev in ("V", "LV") and this in ("V", "T")) \
        or (prev in ("T", "LVT") and this == "T")


def _jamo(cp: int) -> str | None:
    """The Hangul syllable type of a code point: L (leading jamo), V (vowel), T (trailing), LV, LVT, or None."""
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return "L"
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return "V"
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return None


def _carry(line: list[Span], coming: str) -> Span | None:
    """When a long run breaks before `coming`: the last character of `line` taken off it, to go down with
    `coming` (which may not start a line) or alone (an opening bracket may not end one); None to break here."""
    if not line or not line[-1].text:
        return None
    last = clusters(line[-1].text)[-1]
    if not (coming[:1] in NO_START or last[:1] in NO_END):
        return None
    if len(line) == 1 and line[0].text == last:
        return None  # the line would be left empty: break anyway
    run = line[-1]
    rest = run.text[:-len(last)]
    if rest:
        line[-1] = Span(rest, *run.style())
    else:
        line.pop()
    return Span(last, *run.style())


def _words(runs: list[Span]) -> Iterator[list[Span] | str]:
    """Words as lists of runs (a word may change style inside), and '\\n' for a line break."""
    word: list[Span] = []
    for run in runs:
        for part in re.split(r"(\n| )", run.text):
            if part in (" ", "\n"):
                if word:
                    yield word
                word = []
                if part == "\n":
                    yield "\n"
            elif part:
                word.append(Span(part, *run.style()))
    if word:
        yield word


def _characters(word: list[Span]) -> Iterator[Span]:
    for run in word:
        for ch in clusters(run.text):
            yield Span(ch, *run.style())


def _extend(line: list[Span], pieces: list[Span]) -> None:
    for piece in pieces:
        if line and line[-1].style() == piece.style():
            line[-1] = Span(line[-1].text + piece.text, *piece.style())
        else:
            line.append(piece)


def cut(lines: list[list[Span]], count: int) -> list[list[Span]]:
    """The first `count` characters of wrapped lines (a line being typed out), counting one for each line break
    the wrap consumed, as `plain` text would."""
    shown: list[list[Span]] = []
    left = count
    for line in lines:
        if left <= 0:
            break
        kept: list[Span] = []
        for run in line:
            if left <= 0:
                break
            kept.append(run if len(run.text) <= left else Span(_whole(run.text, left), *run.style()))
            left -= len(run.text)
        shown.append(kept)
        left -= 1
    return shown


def _whole(text: str, count: int) -> str:
    """The first `count` characters of `text`, cut back to the last whole cluster (a syllable typed as jamo
    never shows half made)."""
    if count >= len(text) or not _joins(text[count - 1], text[count]):
        return text[:count]
    taken = ""
    for piece in clusters(text):
        if len(taken) + len(piece) > count:
            break
        taken += piece
    return taken
