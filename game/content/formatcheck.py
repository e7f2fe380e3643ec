"""Cross-checks of the format features that need the whole story: markup, text variables, labels, outfits.

Run by the loader after its own cross-checks, on content that already passed the schema.
Markup and bracket mistakes point into the string itself (file:line:col of the tag), found
by reading the line again only when there is a mistake to report.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterator

from . import markup
from . import model as m
from .assetcheck import art_hint, shown_asset
from .compiler import split_target
from .problems import Mark, Problems
from .validate import did_you_mean
from .yamlsource import Document

# keys whose text is shown to the player and may hold markup -> whether it may also show [variables]
# (a say's `text` and an option's `text` are spoken too; they are told apart by the beat they sit in)
TEXT_KEYS = {"narrate": True, "choice": True, "fact": False, "differ": False, "question": False, "prompt": False}
Where = Callable[[], Mark]  # finds a mark when a problem is reported (a scene file's marks are read only then)
LIST_TEXTS = {"options": "text", "accounts": "says", "followups": None}  # lists of texts, and where the text is
_VARIABLE_KEYS = frozenset(("set", "add", "options", "if"))  # where a beat sets, adds to or reads variables


def scene_beats(doc: Document) -> list[tuple[tuple, dict]]:
    """(path, beat) for every beat of a scene file, nested ones (if/else branches, option blocks) included, each
    beat followed by those inside it (its 'then', its 'else', then its options' blocks)."""
    found: list[tuple[tuple, dict]] = []

    def walk(beats: Any, path: tuple) -> None:
        for i, beat in enumerate(beats if isinstance(beats, list) else ()):
            if not isinstance(beat, dict):
                continue
            here = path + (i,)
            found.append((here, beat))
            for branch in ("then", "else"):
                if branch in beat:
                    walk(beat[branch], here + (branch,))
            options = beat.get("options")
            for j, option in enumerate(options if isinstance(options, list) else ()):
                if isinstance(option, dict) and "then" in option:
                    walk(option["then"], here + ("options", j, "then"))
    walk(doc.data.get("beats"), ("beats",))
    return found


def texts(doc: Document, beats: list[tuple[tuple, dict]] | None = None) -> Iterator[tuple[tuple, str, bool]]:
    """(path, text, may hold variables) for every player-facing text of a scene file (`beats`: its
    `scene_beats`, when the caller already has them)."""
    note = doc.data.get("content_note")
    if isinstance(note, dict):
        yield ("content_note", "summary"), note.get("summary", ""), False
    for path, beat in scene_beats(doc) if beats is None else beats:
        for key, value in beat.items():
            spoken = TEXT_KEYS.get(key)
            if spoken is not None or key == "text" and "say" in beat:
                if isinstance(value, str):
                    yield path + (key,), value, spoken is not False
            elif key in LIST_TEXTS and isinstance(value, list):
                inner = LIST_TEXTS[key]  # the key of the text inside each item (None: the item is the text)
                for j, item in enumerate(value):
                    if inner is None:
                        text, where = item, (key, j)
                    else:
                        text, where = (item.get(inner) if isinstance(item, dict) else None), (key, j, inner)
                    if isinstance(text, str):
                        yield path + where, text, key == "options"


class _Sources:
    """The lines of content files, read only when a problem inside a string needs its exact column."""

    def __init__(self, root: Path):
        self.bases = [Path.cwd(), Path(root).resolve().parent]
        self.lines: dict[str, list[str] | None] = {}

    def _lines(self, file: str) -> list[str] | None:
        if file not in self.lines:
            self.lines[file] = None
            for base in self.bases:
                try:
                    self.lines[file] = (base / file).read_text(encoding="utf-8").splitlines()
                    break
                except (OSError, UnicodeDecodeError, ValueError):
                    continue
        return self.lines[file]

    def locate(self, mark: Mark, value: str, index: int) -> Mark:
        """The mark of character `index` of the string `value` whose own mark is `mark` (falls back to `mark`)."""
        lines = self._lines(mark.file)
        if not lines or not 0 < mark.line <= len(lines):
            return mark
        end = min((k for k in (value.find("}", index), value.find("]", index)) if k != -1), default=index)
        snippet = value[index:min(end + 1, index + 40)] or value[index:index + 1]
        nth = value[:index].count(snippet)
        line, col = mark.line - 1, mark.col - 1
        while line < len(lines):
            found = lines[line].find(snippet, col)
            if found == -1:
                line, col = line + 1, 0
                continue
            if nth == 0:
                return Mark(mark.file, line + 1, found + 1)
            nth, col = nth - 1, found + 1
        return mark


class FormatChecker:
    def __init__(self, content: Any):
        self.story: m.Story = content.story
        self.documents: dict[str, list[Document]] = content.documents
        self.p: Problems = content.problems
        self.sources = _Sources(content.root)
        self.assets = Path(content.assets)
        self.root = Path(content.root)
        # variable -> {"text" | "flag" | "counter" | "read as a counter": (document, path) where first seen}
        self.kinds: dict[str, dict[str, tuple[Document, tuple]]] = {}

    def run(self) -> None:
        scenes = [(doc, scene_beats(doc)) for doc in self.documents.get("scene", [])]
        for doc, beats in scenes:
            self._variables(doc, beats)
        for doc, beats in scenes:
            self._texts(doc, beats)
            self._labels(doc, beats)
            self._offers(doc, beats)
            self._beats(doc, beats)
        self._mixed_kinds()
        self._outfit_files()

    # --- markup and variables ---------------------------------------------------------------------

    def _variables(self, doc: Document, beats: list[tuple[tuple, dict]]) -> None:
        kinds = self.kinds
        for path, beat in beats:
            if _VARIABLE_KEYS.isdisjoint(beat):  # most beats (lines, shows) neither set, add nor test
                continue
            options = beat.get("options") or ()
            owners = [(beat, path)]  # the beat, then its options: what sets or adds to variables
            if options:
                owners += [(o, path + ("options", j)) for j, o in enumerate(options) if isinstance(o, dict)]
            for owner, at in owners:
                for key in ("set", "add"):
                    for name, value in (owner.get(key) or {}).items():
                        kind = "counter" if key == "add" else "text" if isinstance(value, str) else \
                            "flag" if isinstance(value, bool) else "counter"
                        seen = kinds.get(name)
                        if seen is None:
                            seen = kinds[name] = {}
                        if kind not in seen:  # where each kind is first seen
                            seen[kind] = (doc, at + (key, name))
            for at, cond, _ in _beat_conditions(path, beat):
                self._counters_read(cond, doc, at)

    def _counters_read(self, cond: Any, doc: Document, path: tuple) -> None:
        """A `counter:` condition reads a number: remember where, to catch a text variable compared as one."""
        for _, part in m.condition_parts(cond):
            if isinstance(part.get("counter"), str):
                self.kinds.setdefault(part["counter"], {}).setdefault("read as a counter", (doc, path))

    def _mixed_kinds(self) -> None:
        for name, kinds in self.kinds.items():
            if "text" in kinds and len(kinds) > 1:
                other = next(k for k in kinds if k != "text")
                (doc, path), (text_doc, text_path) = kinds[other], kinds["text"]
                self.p.error(doc.mark(path), f"'{name}' holds text (set at {text_doc.mark(text_path)}) but is "
                             f"used here as a "
                             f"{other.replace('read as a ', '')}", "give the text variable its own name",
                             code="variable-kind")

    def _texts(self, doc: Document, beats: list[tuple[tuple, dict]]) -> None:
        known = set(self.kinds)
        for path, value, spoken in texts(doc, beats):
            if "{" in value:
                for index, message, hint in markup.problems(value):
                    self.p.error(self.sources.locate(doc.mark(path), value, index), f"markup: {message}", hint,
                                 code="markup")
            if not spoken or "[" not in value:
                continue
            names, bad = markup.variables(value)
            for index, message, hint in bad:
                self.p.error(self.sources.locate(doc.mark(path), value, index), message, hint,
                             code="variable-syntax")
            for index, name in names:
                if name not in known:
                    self.p.error(self.sources.locate(doc.mark(path), value, index), f"unknown variable '{name}'"
                                 f"{did_you_mean(name, sorted(known))}",
                                 f"set it first, e.g. 'set: {{{name}: \"...\"}}'; write '[[' for a literal '['",
                                 code="unknown-variable")

    # --- labels, speakers, outfits ----------------------------------------------------------------

    def _labels(self, doc: Document, beats: list[tuple[tuple, dict]]) -> None:
        seen: dict[str, tuple] = {}  # label -> the path of its first use (a mark is found only when needed)
        for path, beat in beats:
            name = beat.get("label")
            if isinstance(name, str) and "label" in beat:
                if name in seen:
                    self.p.error(doc.mark(path + ("label",)), f"label '{name}' is already used in this scene "
                                 f"(at {doc.mark(seen[name] + ('label',))})",
                                 "give each label of a scene its own name", code="duplicate-label")
                seen.setdefault(name, path)

    def _offers(self, doc: Document, beats: list[tuple[tuple, dict]]) -> None:
        """Each `{offers: id}` names a choice of this scene, some of whose options have an `if`, and never leads back,
        through the conditions of that choice's options, to the choice it is asked in."""
        choices = {beat["id"]: beat for _, beat in beats if "choice" in beat and isinstance(beat.get("id"), str)}
        asks: dict[str, set[str]] = {}  # choice id -> the choices its options' conditions ask about
        found: list[tuple[tuple, str, str | None]] = []  # (path of an `offers`, the id it names, the choice it is in)
        for path, beat in beats:
            for at, cond, owner in _beat_conditions(path, beat):
                for where, part in m.condition_parts(cond, at):
                    if isinstance(part.get("offers"), str):
                        found.append((where + ("offers",), part["offers"], owner))
                        if isinstance(owner, str):
                            asks.setdefault(owner, set()).add(part["offers"])
        for where, name, owner in found:
            choice = choices.get(name)
            if choice is None:
                self.p.error(doc.mark(where), f"no choice in this scene has the id '{name}'"
                             f"{did_you_mean(name, sorted(choices))}",
                             f"give the choice it means 'id: {name}'" +
                             (f"; this scene's choice ids: {', '.join(sorted(choices))}" if choices else ""),
                             code="unknown-choice")
            elif not any(isinstance(o, dict) and "if" in o for o in choice.get("options") or ()):
                self.p.warn(doc.mark(where), f"no option of choice '{name}' has an 'if', so it always offers the "
                            "same and this is always true", "leave the condition out, or give the options that "
                            "come and go their 'if'", code="offers-always")
            elif owner is not None and (loop := _path_back(asks, name, owner)):
                self.p.error(doc.mark(where), "this choice's options are offered only when choice "
                             f"'{name}' offers something, which asks the same of this one: "
                             f"{' -> '.join([owner, *loop])}", "ask 'offers' only of a choice further in",
                             code="offers-loop")

    def _beats(self, doc: Document, beats: list[tuple[tuple, dict]]) -> None:
        scene_id = doc.data["id"]
        for path, beat in beats:  # each check is given where, to find the mark only when it has something to say
            if isinstance(beat.get("goto"), str):
                self._target(partial(doc.mark, path + ("goto",)), beat["goto"], scene_id)
            for j, option in enumerate(beat.get("options") or ()):
                if isinstance(option, dict) and isinstance(option.get("goto"), str):
                    self._target(partial(doc.mark, path + ("options", j, "goto")), option["goto"], scene_id)
            if "choice" in beat and beat.get("speaker"):
                self._speaker(partial(doc.mark, path + ("speaker",)), beat["speaker"], beat.get("expression"))
            who = beat.get("show") or beat.get("say")
            if isinstance(who, str) and beat.get("outfit"):
                self._outfit(partial(doc.mark, path + ("outfit",)), who, beat["outfit"])

    def _target(self, at: Where, target: str, scene_id: str) -> None:
        scene_name, label = split_target(target, scene_id)
        scene = self.story.scenes.get(scene_name)
        if scene is None or label is None:
            return  # an unknown scene is the loader's error
        if label not in scene.labels:
            where = "this scene" if scene_name == scene_id else f"scene '{scene_name}'"
            labels = sorted(scene.labels)
            self.p.error(at(), f"{where} has no label '{label}'{did_you_mean(label, labels)}",
                         f"add '- label: {label}' where it should jump to" +
                         (f"; its labels: {', '.join(labels)}" if labels else ""), code="unknown-label")
        elif scene_name != scene_id and scene.content_note is not None:
            self.p.error(at(), f"scene '{scene_name}' has a content note, so it can only be entered at its start "
                         f"(its summary stands for the whole scene), not at label '{label}'",
                         f"jump to '{scene_name}', or move the beats after the label into a scene of their own",
                         code="label-into-note")

    def _speaker(self, at: Where, who: str, expression: str | None) -> None:
        char = self.story.characters.get(who)
        if char is None:
            names = sorted(self.story.characters)
            self.p.error(at(), f"unknown character '{who}'{did_you_mean(who, names)}",
                         f"define it in characters.yaml, or use one of: {', '.join(names[:12])}",
                         code="unknown-character")
        elif expression and char.expressions and expression not in char.expressions:
            self.p.error(at(), f"{char.name} has no expression '{expression}'"
                         f"{did_you_mean(expression, list(char.expressions))}",
                         f"expressions: {', '.join(char.expressions)}", code="unknown-expression")

    def _outfit(self, at: Where, who: str, outfit: str) -> None:
        char = self.story.characters.get(who)
        if char is None:
            return  # the loader reports the character
        if not char.outfits:
            self.p.error(at(), f"{char.name} has no outfits", f"list them in characters.yaml: "
                         f"'outfits: [{outfit}]' (the first is the default)", code="unknown-outfit")
        elif outfit not in char.outfits:
            self.p.error(at(), f"{char.name} has no outfit '{outfit}'{did_you_mean(outfit, list(char.outfits))}",
                         f"outfits: {', '.join(char.outfits)}", code="unknown-outfit")

    def _outfit_files(self) -> None:
        for doc in self.documents.get("characters", []):
            for i, entry in enumerate(doc.data.get("characters", ())):
                if not entry.get("sprite"):
                    continue
                for outfit in entry.get("outfits", ()):
                    name = f"{entry['sprite']}_outfit_{outfit}.png"
                    target = self.assets / "images" / "characters" / name
                    if not target.is_file():
                        self.p.error(doc.mark(("characters", i, "outfits")),
                                     f"missing portrait layer {shown_asset(target)}",
                                     art_hint(self.root, self.assets, "draw it (480x640 with transparency)",
                                              "tools/make_art.py"),
                                     code="missing-asset")


def _beat_conditions(path: tuple, beat: dict) -> Iterator[tuple[tuple, Any, str | None]]:
    """(path, condition, the id of the choice it is an option of, or None) for each `if` of a beat: its options'
    (a choice's), then its own."""
    choice = beat.get("id") if "choice" in beat else None
    for j, option in enumerate(beat.get("options") or ()):
        if isinstance(option, dict) and option.get("if") is not None:
            yield path + ("options", j, "if"), option["if"], choice
    if beat.get("if") is not None:
        yield path + ("if",), beat["if"], None


def _path_back(asks: dict[str, set[str]], start: str, goal: str) -> list[str]:
    """The choices from `start` to `goal` through what their options ask about (`asks`), or [] when none leads there."""
    trail, seen = [start], set()

    def walk(here: str) -> bool:
        if here == goal:
            return True
        if here in seen:
            return False
        seen.add(here)
        for then in sorted(asks.get(here, ())):
            trail.append(then)
            if walk(then):
                return True
            trail.pop()
        return False
    return trail if walk(start) else []


def check_format(content: Any) -> None:
    """Report the format's whole-story mistakes into `content.problems` (content: the loader's Content)."""
    if content.story is not None:
        FormatChecker(content).run()
