"""Read one YAML file into plain data plus the line/column of every key and value.

PyYAML's safe composer (the C one when present) builds a node tree that still knows
where each node came from; we turn that tree into dicts, lists and scalars ourselves,
recording marks by path, so later checks can point at the exact key or value.
Nothing here can run code: only the safe tags are accepted.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

import yaml

from .problems import Mark, Problem, Problems, one_line

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STR_TAG = "tag:yaml.org,2002:str"

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
DEEP_HINT = "keep nesting shallow: a scene needs only a few levels"
DEEP_SCAN_FROM = 2_000  # structure characters; below this a file cannot nest deep enough to matter
MAX_NUMBER_CHARS = 20  # a whole number written with more characters is refused where it is written
INT_TAG = "tag:yaml.org,2002:int"
# What YAML allows in a file (YAML 1.1, 5.1): tab, line breaks and printable characters only.
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_ANCHOR = re.compile(r"&[^\s\[\]{},]")

Path_ = tuple  # a path into the data: keys and list indices

SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
}

HINTS = {
    "cannot start any token": "indent with spaces, not tabs",
    "mapping values are not allowed here": "put quotes around text that contains ': ' (a colon and a space)",
    "could not find expected ':'": "check the indentation of this line and the line above; "
                                   "every key needs 'key: value'",
    "found undefined alias": "define the anchor (&name) before using it (*name)",
    "expected <block end>": "this line's indentation does not match its siblings",
    "found unexpected end of stream": "a quote or bracket was opened and never closed",
}


_IMPLICIT = {first: tuple(pairs) for first, pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}
_DEFAULT_TAGS = {yaml.ScalarNode: STR_TAG, yaml.SequenceNode: "tag:yaml.org,2002:seq",
                 yaml.MappingNode: "tag:yaml.org,2002:map"}
_SHORT = 40  # plain scalars up to this length (keys, ids, numbers) have their tag remembered
_KNOWN_TAGS: dict[str, str] = {}  # plain scalar -> its tag (globals: the resolver runs for every scalar)


class Loader(_BaseLoader):
    """The safe loader with a quicker tag resolver (same rules as PyYAML's).

    The C composer asks Python for the tag of every scalar; PyYAML's resolver concatenates
    lists and steps through path resolvers (which safe loading never has) on each call, a
    fifth of the load. Short plain values repeat (keys, ids), so their tags are remembered.
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not _SCALAR or not implicit[0]:
            return _DEFAULT_TAGS[kind]
        tag = _KNOWN_TAGS.get(value)
        if tag is None:
            tag = next((t for t, regexp in _IMPLICIT.get(value[:1], ()) if regexp.match(value)), STR_TAG)
            if len(value) <= _SHORT and len(_KNOWN_TAGS) < 20_000:
                _KNOWN_TAGS[value] = tag
        return tag

    # The C composer calls these two around every node. No path resolvers are registered (asserted below), so
    # there is nothing to track: each is a built-in call that does nothing, a third of a Python method's cost
    # (two calls per node were a twentieth of the composer's time). Built-ins are not bound: no `self`.
    descend_resolver = staticmethod(operator.is_)  # (current_node, current_index) -> ignored
    ascend_resolver = staticmethod(tuple)  # () -> ignored


assert not yaml.resolver.Resolver.yaml_path_resolvers and None not in _IMPLICIT


@dataclass
class Document:
    """The data of one file with the marks of its values (by path) and keys (by path of the value).

    A mark is kept as one number (line << 32 | column, both 0-based) and turned into a `Mark` only when asked for:
    most are never needed. Making them all up front was a fifth of the load time, and keeping
    PyYAML's mark objects gave the garbage collector a hundred thousand objects to scan. The value's
    mark and its key's (plus one, 0 for none) share one number and one entry, `value | (key + 1) << 64`,
    and the path tuples are shared between documents: checking a large story kept twice its parse in marks.

    A document read with `source` (a scene file, see `parse_text`) keeps no marks at all: while its YAML nodes
    are still at hand (`nodes`, until `drop_nodes`) a mark is read from them, and after that the file is read
    again, with marks, the first time one is asked for. A good scene never needs one once it is compiled.
    """

    file: str
    data: Any
    marks: dict[Path_, int] | None = field(default_factory=dict)
    source: Path | None = field(default=None, repr=False, compare=False)  # where to find the marks again
    nodes: yaml.Node | None = field(default=None, repr=False, compare=False)
    # id() of each mapping and list in `data` -> its node in `nodes` (they live as long as the document)
    containers: dict[int, yaml.Node] = field(default_factory=dict, repr=False, compare=False)

    def _at(self, raw: int) -> Mark:
        return Mark(self.file, ((raw >> 32) & 0xFFFF_FFFF) + 1, (raw & 0xFFFF_FFFF) + 1)

    def mark(self, path: Path_ = (), within: dict | list | None = None) -> Mark:
        """The mark of the value at `path`, or of its nearest ancestor. `within`, when the caller has it, is the
        mapping or list at `path[:-1]`: while the YAML nodes are at hand its node is found at once, not by walking
        `path` (the compiler asks for a mark of each beat: walking was half of compiling a scene)."""
        if self.nodes is not None:
            return _mark(self.file, self._node(path, within)[0])
        marks = self._marks()
        path = tuple(path)
        while path and path not in marks:
            path = path[:-1]
        raw = marks.get(path)
        return self._at(raw) if raw is not None else Mark(self.file, 1, 1)

    def key_mark(self, path: Path_) -> Mark:
        """The mark of the key that holds the value at `path` (falls back to the value)."""
        if self.nodes is not None:
            key = self._node(path)[1]
            return _mark(self.file, key) if key is not None else self.mark(path)
        raw = self._marks().get(tuple(path), 0) >> 64
        return self._at(raw - 1) if raw else self.mark(path)

    def drop_nodes(self) -> None:
        """Let the YAML nodes go; a mark asked for later reads the file again."""
        self.nodes = None
        self.containers.clear()

    def _node(self, path: Path_, within: dict | list | None = None) -> tuple[yaml.Node, yaml.Node | None]:
        """(the node at `path` or its nearest ancestor, the key node holding it when found to the end)."""
        if within is not None and path:
            parent = self.containers.get(id(within))
            found = _step(parent, path[-1]) if parent is not None else None
            if found is not None:
                return found
        return _walk(self.nodes, tuple(path))[:2]

    def _marks(self) -> dict[Path_, int]:
        if self.marks is None:
            self.marks = _located_marks(self)
        return self.marks


def _step(node: yaml.Node, step: Any) -> tuple[yaml.Node, yaml.Node | None] | None:
    """(the child of `node` at `step`, the key node holding it or None in a list), or None when there is none;
    as `_convert` records them (the first of duplicate keys)."""
    kind = type(node)
    if kind is _MAP:
        for key, value in node.value:
            if key.value == step and type(key) is _SCALAR:
                return value, key
    elif kind is _SEQ and type(step) is int and 0 <= step < len(node.value):
        return node.value[step], None
    return None


def _walk(node: yaml.Node, path: Path_) -> tuple[yaml.Node, yaml.Node | None, bool]:
    """(the node at `path` or its nearest ancestor, the key node holding it, whether `path` was found to its end)."""
    key = None
    for step in path:
        found = _step(node, step)
        if found is None:
            return node, None, False
        node, key = found
    return node, key, True


def _located_marks(doc: Document) -> dict[Path_, int]:
    """The marks of a document read without them, from its file read again ({} when that fails: a mark then
    falls back to the file's start). The file is the one just loaded; an edit saved in between moves marks."""
    try:
        raw = doc.source.read_bytes() if doc.source is not None else b""
    except OSError:
        return {}
    located = parse_bytes(raw, doc.file, Problems())
    return located.marks if located is not None and located.marks is not None else {}


_SCALARS = yaml.constructor.SafeConstructor()
# what reads a plain value, by tag: not `!!map` or `!!seq` on a plain value (PyYAML would hand back a generator)
_READ = {tag: read for tag, read in _SCALARS.yaml_constructors.items()
         if tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")}


class _Budget(Exception):
    pass


def _mark(file: str, node: yaml.Node, new: Any = tuple.__new__) -> Mark:
    start = node.start_mark
    return new(Mark, (file, start.line + 1, start.column + 1))  # Mark(...) itself takes three times as long


def decode(raw: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; raise UnicodeDecodeError otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def read_document(path: Path, display: str, problems: Problems) -> Document | None:
    """Read and parse one file; on failure add located problems and return None."""
    raw = read_bytes(path, display, problems)
    return None if raw is None else parse_bytes(raw, display, problems)


def read_bytes(path: Path, display: str, problems: Problems) -> bytes | None:
    """The bytes of one content file, refusing files over MAX_BYTES before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.error(Mark(display, 1, 1), f"file is {size // 1024} KiB; content files may be at most "
                           f"{MAX_BYTES // (1024 * 1024)} MiB", "split it into one file per scene")
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.error(Mark(display), f"cannot read file: {exc.strerror or exc}")
        return None


def parse_bytes(raw: bytes, display: str, problems: Problems, source: Path | None = None) -> Document | None:
    """Decode and parse one file's bytes; on failure add located problems and return None (`source`: see
    `parse_text`)."""
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(Mark(display, line, col), "file is not valid UTF-8 text", "save the file as UTF-8")
        return None
    return parse_text(text, display, problems, source)


def _too_deep(text: str) -> yaml.Mark | None:
    """Where nesting first passes MAX_DEPTH, found from the event stream (no recursion), else None.

    libyaml's composer recurses on the C stack and crashes the process (SIGSEGV) somewhere between
    20,000 and 40,000 levels, long before _convert's own depth check runs, so deep files are refused
    here first. Every level needs one of the characters counted below, so ordinary files skip the scan.
    """
    if sum(text.count(c) for c in "[{-:?") <= DEEP_SCAN_FROM:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):  # lazy, so it stops at the first level too deep
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose reports the syntax error with its mark
    return None


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of the character at `index`."""
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def _bad_character(text: str, display: str, problems: Problems) -> bool:
    """Report the first character YAML does not allow, where it is; True when there was one.

    A NUL in text that decoded as UTF-8 usually means UTF-16 saved without its byte-order mark.
    """
    if text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII):
        return False  # the usual case, a sixth of the regular expression's time
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return False
    line, col = position(text, found.start())
    char = found.group()
    if char == "\0" and text.count("\0") * 3 >= len(text):
        problems.error(Mark(display, line, col), "file looks like UTF-16 text without a byte-order mark",
                       "save the file as UTF-8", code="encoding")
    else:
        problems.error(Mark(display, line, col), f"control character U+{ord(char):04X} is not allowed in content "
                       "files", "delete it (it is invisible in most editors), and save the file as UTF-8",
                       code="encoding")
    return True


def parse_text(text: str, display: str, problems: Problems, source: Path | None = None) -> Document | None:
    """The document of one file's text; on failure add located problems and return None.

    With `source` (the file the text was read from) no marks are recorded: the data is read plainly, as
    PyYAML's own constructor would (a fifth of the time), and the document keeps its YAML nodes for marks
    until `drop_nodes`, then finds them by reading `source` again (see `Document`). Anything the located
    reading would report (a tag, a bad or duplicate key, a number too long, a budget) is read the located way.
    """
    if _bad_character(text, display, problems):
        return None
    if _BaseLoader is yaml.SafeLoader:  # the pure-Python composer recurses: refuse deep files before it runs
        deep = _too_deep(text)
        if deep is not None:
            problems.error(Mark(display, deep.line + 1, deep.column + 1), f"nesting deeper than {MAX_DEPTH} levels",
                           DEEP_HINT)
            return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        problem = _yaml_problem(display, exc)
        deep = _too_deep(text) if problem.message.startswith("nesting deeper") else None
        if deep is not None:  # libyaml stops at 1,000 levels: say where the 65th is
            problem = Problem(Mark(display, deep.line + 1, deep.column + 1), problem.message, hint=DEEP_HINT,
                              code="yaml")
        problems.items.append(problem)
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        problems.error(Mark(display, 1, 1), f"not valid YAML: {one_line(str(exc))}")
        return None
    doc = Document(display, None)
    if node is None:
        return doc
    if source is not None:
        try:
            containers: dict[int, yaml.Node] = {}
            return Document(display, _plain(node, [0], 0, containers), None, source, node, containers)
        except _Unusual:
            pass  # read again below, the located way, which says what it is and where
    try:
        doc.data = _convert(node, (), doc, problems, [0], 0)
    except _Budget as exc:
        where, message = exc.args
        if message.startswith("file expands"):
            bomb = _ANCHOR.search(text) is not None
            message += " (an alias bomb?)" if bomb else ""
            hint = ("remove anchors/aliases that repeat large blocks" if bomb
                    else "split it into several scene files")
        else:
            hint = DEEP_HINT
        problems.error(_mark(display, where), message, hint)
        return None
    return doc


def _yaml_problem(display: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = Mark(display, mark.line + 1, mark.column + 1) if mark else Mark(display, 1, 1)
    message = " ".join(part for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in message:  # PyYAML >= 6.0.4 stops deep files itself: say it our way
        return Problem(where, f"nesting deeper than {MAX_DEPTH} levels", hint=DEEP_HINT, code="yaml")
    hint = next((h for key, h in HINTS.items() if key in message), "")
    return Problem(where, f"not valid YAML: {message}", hint=hint, code="yaml")


_MAP, _SEQ, _SCALAR = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode
# One tuple per path, shared by every document that has it: ("beats", 3, "text") occurs in almost every scene,
# and the marks' path tuples were about half of what checking a large story kept in memory.
_PATHS: dict[Path_, Path_] = {}
_PATHS_MAX = 500_000
_VALUE_BITS = (1 << 64) - 1  # forgotten (not wrong) past this: paths are compared by value


def _shared(path: Path_) -> Path_:
    known = _PATHS.get(path)
    if known is None:
        if len(_PATHS) >= _PATHS_MAX:
            _PATHS.clear()
        known = _PATHS[path] = path
    return known
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _convert(node: yaml.Node, path: Path_, doc: Document, problems: Problems, count: list[int], depth: int) -> Any:
    """The data of `node`, with the mark of every value and key recorded by path in `doc`."""
    count[0] += 1
    if count[0] > MAX_NODES:
        raise _Budget(node, f"file expands to more than {MAX_NODES} values")
    if depth > MAX_DEPTH:
        raise _Budget(node, f"nesting deeper than {MAX_DEPTH} levels")
    start = node.start_mark
    marks = doc.marks
    marks[path] = marks.get(path, 0) & ~_VALUE_BITS | start.line << 32 | start.column  # keeps the key's mark
    tag = node.tag
    if tag not in SAFE_TAGS:
        problems.error(_mark(doc.file, node), f"YAML tag '{tag}' is not allowed in content files",
                       "remove the tag; only plain text, numbers, true/false, lists and mappings are used",
                       code="tag")
        return None
    kind = type(node)
    if kind is _MAP:
        return _convert_mapping(node, path, doc, problems, count, depth)
    if kind is _SEQ:
        return [_convert(item, _shared(path + (i,)), doc, problems, count, depth + 1)
                for i, item in enumerate(node.value)]
    if tag == STR_TAG or tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text: the format defines what a date string means
    if tag == INT_TAG and len(node.value) > MAX_NUMBER_CHARS:
        problems.error(_mark(doc.file, node), f"whole number {_short(node.value)} is too large "
                       f"(at most {MAX_NUMBER_CHARS} characters)", "use a smaller number", code="value")
        return None
    try:
        return _READ[tag](_SCALARS, node)
    except (ValueError, OverflowError, KeyError, TypeError, IndexError, yaml.YAMLError):
        name = tag.rsplit(":", 1)[-1]
        problems.error(_mark(doc.file, node), f"cannot read {_short(node.value)} as {name}",
                       "remove the '!!' tag, or give a value of that kind", code="value")
        return None


class _Unusual(Exception):
    """`_plain` met something that `_convert` reports or treats specially."""


def _plain(node: yaml.Node, count: list[int], depth: int, containers: dict[int, yaml.Node]) -> Any:
    """The data of `node` as `_convert` makes it, without marks (the node of each mapping and list made goes into
    `containers`, by its id); `_Unusual` whenever `_convert` would report a problem or stop (so what this returns
    is always what `_convert` would have returned)."""
    count[0] += 1
    tag = node.tag
    if count[0] > MAX_NODES or depth > MAX_DEPTH or tag not in SAFE_TAGS:
        raise _Unusual
    kind = type(node)
    if kind is _MAP:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not _SCALAR or key_node.tag == _MERGE_TAG or key_node.value in result:
                raise _Unusual
            key = intern(key_node.value)  # one string per key name, not one per use: a large story is mostly keys
            if value_node.tag == STR_TAG and type(value_node) is _SCALAR:
                count[0] += 1
                value = value_node.value
                result[key] = intern(value) if len(value) <= _SHORT else value  # ids and names repeat too
            else:
                result[key] = _plain(value_node, count, depth + 1, containers)
        if count[0] > MAX_NODES:
            raise _Unusual
        containers[id(result)] = node
        return result
    if kind is _SEQ:
        items = [_plain(item, count, depth + 1, containers) for item in node.value]
        containers[id(items)] = node
        return items
    if tag == STR_TAG or tag == "tag:yaml.org,2002:timestamp":
        return node.value
    if tag == INT_TAG and len(node.value) > MAX_NUMBER_CHARS:
        raise _Unusual
    try:
        return _READ[tag](_SCALARS, node)
    except (ValueError, OverflowError, KeyError, TypeError, IndexError, yaml.YAMLError):
        raise _Unusual from None


def _short(value: str) -> str:
    """A value echoed in a message: quoted, one line, at most about 40 characters."""
    text = one_line(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _convert_mapping(node: yaml.MappingNode, path: Path_, doc: Document, problems: Problems, count: list[int],
                     depth: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    marks = doc.marks
    for key_node, value_node in node.value:
        if type(key_node) is not _SCALAR or key_node.tag == _MERGE_TAG or key_node.value in result:
            _bad_key(key_node, doc, problems)
            continue
        key = key_node.value
        child = _shared(path + (key,))
        start = key_node.start_mark
        key_mark = ((start.line << 32 | start.column) + 1) << 64
        if value_node.tag == STR_TAG and type(value_node) is _SCALAR:  # most values: no call needed
            count[0] += 1
            start = value_node.start_mark
            marks[child] = key_mark | start.line << 32 | start.column
            result[key] = value_node.value
        else:
            marks[child] = key_mark
            result[key] = _convert(value_node, child, doc, problems, count, depth + 1)
    if count[0] > MAX_NODES:
        raise _Budget(node, f"file expands to more than {MAX_NODES} values")
    return result


def _bad_key(key_node: yaml.Node, doc: Document, problems: Problems) -> None:
    where = _mark(doc.file, key_node)
    if key_node.tag == _MERGE_TAG:
        problems.error(where, "merge keys ('<<') are not supported", "write the keys out in full", code="merge")
    elif type(key_node) is not _SCALAR:
        problems.error(where, "a key must be plain text, not a list or mapping", code="key")
    else:
        problems.error(where, f"duplicate key {_short(key_node.value)}",
                       "each key may appear once in a mapping; remove or rename one", code="duplicate-key")
