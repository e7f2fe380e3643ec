"""`lint`: everything `validate` reports, plus what only a look at the whole story shows.

    problems = lint(Path("scenes"))
    print(render_text(problems)); print(render_json(problems)); sys.exit(exit_code(problems))

Each finding is a `Problem` (file:line:col, severity, message, hint) with a stable `code`;
the codes are listed in `RULES` and documented in docs/authoring.md. Nothing here prints.
The font checks load pygame's font module lazily (no window is opened).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from .. import paths
from ..content import markup
from ..content import model as m
from ..content.formatcheck import texts
from ..content.loader import AUDIO_EXTENSIONS, Content, check_content, condition_refs, find_root, story_id_of
from ..content.problems import ERROR, WARNING, Mark, Problem, display_path
from ..content.yamlsource import Document
from ..library import library_of
from .conditions import format_condition, outcomes, story_facts
from .flow import StoryFlow, may_be_on_stage, story_flow
from .translations import RULES as TRANSLATION_RULES
from .translations import check as check_translations
from .translations import check_interface

INFO = "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

# code -> (severity, what it means). Codes of problems `validate` already reports come first.
RULES: dict[str, tuple[str, str]] = {
    "yaml": (ERROR, "the file is not valid YAML"),
    "tag": (ERROR, "a YAML tag (!!python/...) that content files may not use"),
    "merge": (ERROR, "a YAML merge key (<<:), which content files may not use"),
    "key": (ERROR, "a mapping key that is not plain text"),
    "duplicate-key": (ERROR, "the same key twice in one mapping"),
    "value": (ERROR, "a value YAML cannot read"),
    "schema": (ERROR, "a value of the wrong type or shape, or a required key missing"),
    "unknown-key": (ERROR, "a key the format does not have (with a did-you-mean)"),
    "unknown-beat": (ERROR, "a beat kind the format does not have"),
    "unknown-condition": (ERROR, "a condition kind the format does not have"),
    "duplicate-id": (ERROR, "two scenes, characters, options... with the same id"),
    "unknown-scene": (ERROR, "goto, next, start or a condition names a scene that does not exist"),
    "unknown-character": (ERROR, "say/show/hide/move names a character not in characters.yaml"),
    "unknown-expression": (ERROR, "an expression the character does not list"),
    "unknown-location": (ERROR, "a background not in locations.yaml"),
    "unknown-evidence": (ERROR, "evidence or has names evidence not in evidence.yaml"),
    "unknown-source": (ERROR, "fact or differ names a source not in sources.yaml"),
    "unknown-illustration": (ERROR, "an illustration beat names an illustration not in illustrations.yaml"),
    "unknown-chapter": (ERROR, "a scene's chapter is not listed in story.yaml"),
    "missing-asset": (ERROR, "an image or sound the content names does not exist"),
    "asset-path": (ERROR, "an asset path that leads out of assets/"),
    "unset-variable": (WARNING, "a flag or counter is read but never set anywhere"),
    "markup": (ERROR, "an unknown, unclosed or misnested text tag ({b}, {i}, {color=#rrggbb}; '{{' for a '{')"),
    "variable-syntax": (ERROR, "a '[' in a line that is not '[name]' ('[[' for a literal '[')"),
    "unknown-variable": (ERROR, "a line shows [name], but no beat or option ever sets that variable"),
    "variable-kind": (ERROR, "a text variable that is also used as a flag or counter"),
    "unknown-label": (ERROR, "a goto names a label its scene does not have"),
    "duplicate-label": (ERROR, "two labels with the same name in one scene"),
    "label-into-note": (ERROR, "a goto into the middle of a scene that has a content note"),
    "unknown-choice": (ERROR, "an 'offers' condition names no choice id of its scene"),
    "offers-loop": (ERROR, "a choice's options ask 'offers' of a choice that asks it of them"),
    "offers-always": (WARNING, "'offers' asks of a choice none of whose options has an 'if' (always true)"),
    "unknown-outfit": (ERROR, "an outfit the character does not list (or a character without outfits)"),
    # lint only
    "unreachable-scene": (WARNING, "no path from story.yaml's start scene leads to this scene"),
    "unreachable-beat": (WARNING, "beats no path reaches (after an unconditional goto or end, or an unused next)"),
    "dead-end": (WARNING, "a path runs off the end of a scene that has no next, goto or end"),
    "unused-variable": (INFO, "a variable is set but no condition reads it and no line shows it"),
    "unused-label": (INFO, "a label no goto jumps to"),
    "move-offstage": (WARNING, "a show with 'transition: move' for a character no path has on stage there"),
    "impossible-condition": (WARNING, "a condition no play-through can make true"),
    "unobtainable-evidence": (WARNING, "evidence defined in evidence.yaml that nothing reachable gives"),
    "unused-asset": (INFO, "an image or sound under assets/ that no content file uses"),
    "unlisted-music": (INFO, "a music file with no entry in music.yaml (the music room does not offer it)"),
    "no-portrait": (INFO, "a character without a sprite (a warning when a show beat uses it)"),
    "text-overflow": (WARNING, "a line too long for the text box at 100% or 200% text size"),
    "missing-glyph": (WARNING, "a character the shipped fonts cannot draw (it would show as a box)"),
    **TRANSLATION_RULES,
    "shared-story-id": (WARNING, "story.yaml's id is that of the shipped story or an example, in another folder "
                                 "(the two would share saves and progress)"),
}

ASSET_FOLDERS = ("images/backgrounds", "images/characters", "images/cg", "audio/music", "audio/sfx",
                 "audio/ambience")
LINES_AT_100 = 6          # more than this and the box covers the stage (theme.body_size at scale 1.0)
BIG_SCALE = 2.0           # the largest text size the settings allow


def lint(root: Path, assets: Path | None = None) -> list[Problem]:
    """Every problem `validate` reports plus the lint rules, sorted by file, line and column."""
    content = check_content(Path(root), assets)
    library_of(content)  # the timeline, quiz and film-and-reality cards: their problems join the rest
    found: list[Problem] = [p if p.code else _with_code(p, "schema") for p in content.problems.items]
    if content.story is not None and not _blocking(content):
        flow = story_flow(content.story)
        linter = _Linter(content, flow)
        found.extend(linter.run())
    if content.story is not None:
        translated, finished = check_translations(Path(root))
        interface, interface_words = check_interface()
        found.extend([*translated, *interface])
        if content.story.start in content.story.scenes:
            found.extend(linter.fonts_of_translations(finished, interface_words))
    return sort_problems(found)


def lint_path(path: Path, assets: Path | None = None) -> list[Problem]:
    """`lint [PATH]`: a content folder lints everything; a file lints its folder, keeping that file's findings."""
    path = Path(path)
    found = lint(find_root(path), assets)
    if path.is_file():
        target = path.resolve()
        found = [p for p in found if _same_file(p.mark.file, target)]
    return found


def _same_file(shown: str, target: Path) -> bool:
    candidate = Path(shown)
    try:
        return (candidate if candidate.is_absolute() else Path.cwd() / candidate).resolve() == target
    except OSError:
        return False


def _blocking(content: Content) -> bool:
    """Errors that make whole-story analysis meaningless (a start scene that does not exist)."""
    return content.story.start not in content.story.scenes


def _with_code(p: Problem, code: str) -> Problem:
    return Problem(p.mark, p.message, p.severity, p.hint, code)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.mark.file, p.mark.line, p.mark.col, SEVERITY_ORDER.get(p.severity, 3),
                                           p.code, p.message))


def exit_code(problems: Iterable[Problem]) -> int:
    """1 when any problem is an error, else 0."""
    return 1 if any(p.severity == ERROR for p in problems) else 0


def summary(problems: list[Problem]) -> str:
    counts = {s: sum(p.severity == s for p in problems) for s in (ERROR, WARNING, INFO)}
    return f"{counts[ERROR]} error(s), {counts[WARNING]} warning(s), {counts[INFO]} info"


def render_text(problems: list[Problem]) -> str:
    """What `lint` prints: one `file:line:col: severity: message` (+ hint line) per problem, then a count."""
    return "\n".join([*(str(p) for p in problems), summary(problems)])


def render_json(problems: list[Problem]) -> str:
    """`lint --format json`: {"problems": [{file, line, col, severity, code, message, hint}], "counts": {...}}."""
    counts = {s: sum(p.severity == s for p in problems) for s in (ERROR, WARNING, INFO)}
    return json.dumps({"problems": [p.as_dict() for p in problems], "counts": counts}, indent=2, ensure_ascii=False)


# --- the rules ---------------------------------------------------------------------------------

class _Linter:
    def __init__(self, content: Content, flow: StoryFlow):
        self.content = content
        self.story = content.story
        self.flow = flow
        self.found: list[Problem] = []
        self.scene_docs: dict[str, Document] = {}
        for doc in content.documents.get("scene", []):
            self.scene_docs.setdefault(doc.data["id"], doc)

    def add(self, code: str, mark: Mark, message: str, hint: str, severity: str | None = None) -> None:
        self.found.append(Problem(mark, message, severity or RULES[code][0], hint, code))

    def run(self) -> list[Problem]:
        self.reachability()
        self.labels()
        self.moves()
        self.variables()
        self.conditions()
        self.evidence()
        self.assets()
        self.portraits()
        self.fonts()
        self.story_id()
        return self.found

    def story_id(self) -> None:
        """A copy of the shipped story or an example that kept its `id:` would share its saves and progress."""
        root = self.content.root.resolve()
        for other in _shipped_roots():
            if other.resolve() != root and _story_id(other) == self.story.id:
                doc = self.content.documents["story"][0]
                mark = doc.mark(("id",)) if "id" in doc.data else Mark(doc.file, 1, 1)
                self.add("shared-story-id", mark,
                         f"this story's id '{self.story.id}' is that of {display_path(other)}: the two would "
                         "share saves, read lines and unlocks",
                         "give your story its own id in story.yaml (id: my_story)")
                return

    # reachability, dead ends ---------------------------------------------------------------------
    def reachability(self) -> None:
        story, flow = self.story, self.flow
        reachable = set(flow.reachable)
        for sid, scene in story.scenes.items():
            if sid not in reachable:
                self.add("unreachable-scene", scene.mark,
                         f"scene '{sid}' can never be reached from the start scene '{story.start}'",
                         f"add 'next: {sid}', a 'goto: {sid}' beat or an option with 'goto: {sid}' to a scene "
                         "that is reached, or delete the file")
                continue
            sflow = flow.scenes[sid]
            self._unreached_beats(scene, sflow.reached)
            if sflow.falls_off_from:
                at = scene.code[sflow.falls_off_from[-1]]
                self.add("dead-end", at.mark,
                         f"play can run off the end of scene '{sid}' after this beat: "
                         "the scene has no next, and no goto or end follows",
                         "add 'next: SCENE_ID' to the scene, or finish the path with a 'goto:' or an "
                         "'end:' beat (without one the player sees a blank 'The End')")

    def _unreached_beats(self, scene: m.Scene, reached: set[int]) -> None:
        code = scene.code
        groups: list[list[int]] = []
        current: list[int] = []
        for i, op in enumerate(code):
            if i in reached:
                if current:
                    groups.append(current)
                current = []
            elif not isinstance(op, m.Jump):  # jumps are made by the compiler, not written by the author
                current.append(i)
        if current:
            groups.append(current)
        for group in groups:
            last = code[group[-1]]
            if group[-1] == len(code) - 1 and scene.next and isinstance(last, m.Goto) and last.scene == scene.next:
                group = group[:-1]
                self.add("unreachable-beat", last.mark,
                         f"'next: {scene.next}' is never used: every path through '{scene.id}' "
                         "ends with a goto or an end before it",
                         "remove 'next', or let a path reach the end of the beats")
            if group:
                self.add("unreachable-beat", code[group[0]].mark,
                         f"{_plural(len(group), 'beat')} starting here can never be reached",
                         "they follow an unconditional goto or end (or a choice whose every option leaves); "
                         "move them before it, put them in an option's 'then', or delete them")

    # labels ---------------------------------------------------------------------------------------
    def labels(self) -> None:
        used = {(op.scene, op.label) for scene in self.story.scenes.values() for op in scene.code
                if isinstance(op, m.Goto) and op.label is not None}
        for sid, scene in self.story.scenes.items():
            for name, mark in scene.label_marks.items():
                if (sid, name) not in used:
                    self.add("unused-label", mark, f"no goto jumps to label '{name}'",
                             f"jump to it with 'goto: .{name}' (from this scene) or 'goto: {sid}.{name}', "
                             "or remove it")

    def moves(self) -> None:
        """`transition: move` slides a character already on stage; for one who cannot be there it is a plain show."""
        stages = may_be_on_stage(self.story)
        for sid in self.flow.reachable:
            for i, stage in sorted(stages[sid].items()):
                op = self.story.scenes[sid].code[i]
                if isinstance(op, m.Show) and op.transition == "move" and stage is not None and op.who not in stage:
                    self.add("move-offstage", op.mark, f"'{op.who}' is not on stage here on any path, so "
                             "'transition: move' has nothing to slide: they just appear",
                             "show them first (without a transition, or with dissolve), or remove 'transition: "
                             "move'")

    # variables ------------------------------------------------------------------------------------
    def variables(self) -> None:
        read: set[str] = set()
        for doc in self.scene_docs.values():  # a line that shows [name] reads it
            for _path, text, spoken in texts(doc):
                if spoken:
                    read.update(name for _, name in markup.variables(text)[0])
        first_set: dict[str, Mark] = {}
        for scene in self.story.scenes.values():
            for op in scene.code:
                if isinstance(op, m.JumpUnless):
                    read.update(n for k, n in condition_refs(op.condition) if k == "var")
                elif isinstance(op, m.SetVars):
                    for name in op.values:
                        first_set.setdefault(name, op.mark)
                elif isinstance(op, m.AddVars):
                    for name in op.steps:
                        first_set.setdefault(name, op.mark)
                elif isinstance(op, m.Choice):
                    for o in op.options:
                        read.update(n for k, n in condition_refs(o.condition) if k == "var")
                        for name in [*o.set, *o.add]:
                            first_set.setdefault(name, o.mark)
        for name, mark in sorted(first_set.items(), key=lambda kv: (kv[1].file, kv[1].line, kv[0])):
            if name not in read:
                self.add("unused-variable", mark, f"'{name}' is set here but no condition ever reads it",
                         f"read it with {{flag: {name}}} or {{counter: {name}, gte: N}}, show it in "
                         f"a line with [{name}], or remove it if it is only a note to yourself")

    # conditions -----------------------------------------------------------------------------------
    def conditions(self) -> None:
        facts = story_facts(self.flow)
        for _scene, _i, op in self.flow.reached_ops():
            if isinstance(op, m.JumpUnless):
                self._condition(op.mark, op.condition, facts, "its 'then' beats never play")
            elif isinstance(op, m.Choice):
                for o in op.options:
                    if o.condition:
                        self._condition(o.mark, o.condition, facts, "this option is never offered")

    def _condition(self, mark: Mark, cond: Any, facts, effect: str) -> None:
        reasons: list[str] = []
        can_true, _ = outcomes(cond, facts, reasons)
        if not can_true:
            self.add("impossible-condition", mark,
                     f"condition {format_condition(cond)} can never be true, so {effect}",
                     "; ".join(dict.fromkeys(reasons)) or "check the names and numbers")

    # evidence -------------------------------------------------------------------------------------
    def evidence(self) -> None:
        facts = story_facts(self.flow)
        for doc in self.content.documents.get("evidence", []):
            for i, item in enumerate(doc.data["evidence"]):
                if item["id"] not in facts.gained:
                    self.add("unobtainable-evidence", doc.mark(("evidence", i, "id")),
                             f"evidence '{item['id']}' can never be gained: no reachable evidence beat or "
                             "option gives it",
                             f"add '- evidence: {item['id']}' to a scene (or 'evidence: {item['id']}' to an "
                             "option), or remove it from evidence.yaml")

    # assets ---------------------------------------------------------------------------------------
    def assets(self) -> None:
        story, assets = self.story, self.content.assets
        used: set[str] = set()  # paths relative to assets/, posix
        for picture in [*story.locations.values(), *story.illustrations.values()]:
            used.add(Path("images", picture.image).as_posix())
        for char in story.characters.values():
            if char.sprite:
                used.update(f"images/characters/{char.sprite}_{e}.png" for e in char.expressions)
                used.update(f"images/characters/{char.sprite}_outfit_{o}.png" for o in char.outfits)
        tracks, effects = {story.credits_music} - {None}, set()
        for scene in story.scenes.values():
            if scene.music:
                tracks.add(scene.music)
            for op in scene.code:
                if isinstance(op, m.Music):
                    tracks.add(op.track)
                elif isinstance(op, m.Sound):
                    effects.add(op.effect)
        loops = {loc.ambience for loc in story.locations.values() if loc.ambience}
        for folder, names in (("music", tracks), ("sfx", effects), ("ambience", loops)):
            used.update(f"audio/{folder}/{n}{ext}" for n in names for ext in AUDIO_EXTENSIONS)
        engine = _engine_names()
        for folder in ASSET_FOLDERS:
            base = assets / folder
            if not base.is_dir():
                continue
            for path in sorted(base.iterdir()):
                if not path.is_file() or path.name.startswith("."):
                    continue
                relative = path.relative_to(assets).as_posix()
                if relative not in used and path.stem not in engine:
                    self.add("unused-asset", Mark(display_path(path, self.content.root.parent)),
                             f"assets/{relative} is not used by any content file", _unused_hint(folder, path))
        self.music_room()

    def music_room(self) -> None:
        """With a music.yaml, every piece under assets/audio/music/ should be in it (info: the room just lacks it)."""
        if not self.content.documents.get("music"):
            return
        base = self.content.assets / "audio" / "music"
        for path in sorted(base.iterdir()) if base.is_dir() else ():
            if path.is_file() and path.suffix in AUDIO_EXTENSIONS and path.stem not in self.story.music:
                self.add("unlisted-music", Mark(display_path(path, self.content.root.parent)),
                         f"assets/audio/music/{path.name} has no entry in music.yaml: the music room leaves it out",
                         f"add '- {{id: {path.stem}, title: \"...\"}}' to music.yaml")

    def portraits(self) -> None:
        shown = {op.who for s in self.story.scenes.values() for op in s.code if isinstance(op, m.Show)}
        for doc in self.content.documents.get("characters", []):
            for i, c in enumerate(doc.data["characters"]):
                if c.get("sprite"):
                    continue
                mark = doc.mark(("characters", i, "id"))
                if c["id"] in shown:
                    self.add("no-portrait", mark, f"{c['name']} ('{c['id']}') has no sprite, but a show beat "
                             "brings them on stage: nothing will appear",
                             f"add 'sprite: {c['id']}' and 'expressions: [neutral]' and draw "
                             f"assets/images/characters/{c['id']}_neutral.png, or remove the show beats",
                             severity=WARNING)
                else:
                    self.add("no-portrait", mark, f"{c['name']} ('{c['id']}') has no portrait (no sprite)",
                             "fine for a narrator-like voice or an off-stage character; otherwise add 'sprite' "
                             "and 'expressions' and the images under assets/images/characters/")

    # fonts: overflow and glyphs -------------------------------------------------------------------
    def fonts(self) -> None:
        self._fonts(self._box_texts(), self._all_texts())

    def _fonts(self, box_texts: Iterable[tuple[Mark, str]], all_texts: Iterable[tuple[Mark, str]]) -> None:
        try:
            book_1, book_2, layout = _font_books()
        except Exception as exc:  # no pygame font support: say so instead of failing the whole lint
            self.add("text-overflow", Mark(self.content.root.name), f"text size checks skipped: {exc}",
                     "install pygame to measure lines with the shipped fonts", severity=INFO)
            return
        for mark, text in box_texts:
            n1, n2 = (_line_count(book, text, layout.size, layout.width) for book in (book_1, book_2))
            top_2 = layout.box_top(n2, book_2)
            if n1 > LINES_AT_100:
                self.add("text-overflow", mark, f"this line needs {n1} lines in the text box at 100% text size "
                         f"(at most {LINES_AT_100} fit without covering the stage)",
                         "split it into two or more beats")
            elif top_2 < 0:
                self.add("text-overflow", mark, f"this line needs {n2} lines at 200% text size: the text box "
                         f"would be {-top_2} px taller than the screen",
                         f"split it into two beats (about {layout.max_lines(book_2)} lines fit at 200%)")
        for mark, text in all_texts:
            missing = sorted({ch for ch in markup.plain(text) if not book_1.covers(ch)})
            if missing:
                listed = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing)
                self.add("missing-glyph", mark, f"the shipped fonts have no glyph for {listed}: "
                         "it would show as an empty box",
                         "use another character, or add its Unicode block to BLOCKS in tools/build_fonts.py "
                         "and rebuild the fonts")

    def fonts_of_translations(self, finished: list, interface: list) -> list[Problem]:
        """The text-box and glyph checks on every finished translation (the glyph check on the engine's own
        words too), at the place it is written."""
        self.found = []
        box = {text for _, text in self._box_texts()}
        self._fonts([(t.mark, t.text) for t in finished if t.english in box],
                    [(t.mark, t.text) for t in [*finished, *interface]])
        return self.found

    def _box_texts(self) -> Iterator[tuple[Mark, str]]:
        """Everything shown in the play screen's text box: lines and content-note summaries."""
        for scene in self.story.scenes.values():
            if scene.content_note:
                doc = self.scene_docs.get(scene.id)
                yield (doc.mark(("content_note", "summary")) if doc else scene.mark), scene.content_note.summary
            for op in scene.code:
                if isinstance(op, m.Line):
                    yield op.mark, op.text

    def _all_texts(self) -> Iterator[tuple[Mark, str]]:
        """Every string in every content file (ids are ASCII, so they never trip the glyph check)."""
        for docs in self.content.documents.values():
            for doc in docs:
                yield from _strings(doc, doc.data, ())


def _strings(doc: Document, value: Any, path: tuple) -> Iterator[tuple[Mark, str]]:
    if isinstance(value, str):
        yield doc.mark(path), value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(doc, v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(doc, v, path + (i,))


def _engine_names() -> set[str]:
    """Names the game's own code quotes (a UI sound played by a screen is used, though no scene names it)."""
    import re
    package = Path(__file__).resolve().parent.parent
    names: set[str] = set()
    for path in package.rglob("*.py"):
        if "authoring" not in path.parts:
            names.update(re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", path.read_text(encoding="utf-8")))
    return names


def _line_count(book, text: str, size: int, width: int) -> int:
    """Lines `text` (markup; a [name] counted as written) takes in the text box, wrapped as the play screen
    wraps it (game/screens/richtext.py: the same markup.wrap, bold runs measured bold)."""
    runs = markup.spans(text.replace("[[", "["))
    return len(markup.wrap(runs, width, lambda words, bold, _italic: book.width(words, size, bold)))


def _shipped_roots() -> list[Path]:
    """The story that ships with the game and the examples beside it."""
    examples = sorted(p.parent for p in paths.EXAMPLES.glob("*/story.yaml")) if paths.EXAMPLES.is_dir() else []
    return [paths.SCENES, *examples]


def _story_id(root: Path) -> str:
    """The id of the story in `root` as the loader gives it (story.yaml's `id:`, else the folder's name)."""
    try:
        data = yaml.safe_load((root / "story.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    story_id = data.get("id") if isinstance(data, dict) else None
    return story_id if isinstance(story_id, str) and story_id else story_id_of(root)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _unused_hint(folder: str, path: Path) -> str:
    stem = path.stem
    if folder == "images/backgrounds":
        return f"use it from locations.yaml (image: backgrounds/{path.name}), or delete it"
    if folder == "images/cg":
        return f"list it in illustrations.yaml (image: cg/{path.name}), or delete it"
    if folder == "images/characters":
        return (f"list its expression in characters.yaml (sprite + expressions give {stem}.png; an outfit layer "
                "is <sprite>_outfit_<outfit>.png), or delete it")
    if folder == "audio/ambience":
        return f"name it as a location's ambience in locations.yaml (ambience: {stem}), or delete it"
    kind = "music" if folder.endswith("music") else "sound"
    return f"play it with '{kind}: {stem}', or delete it"


class _Layout:
    """The play screen's text box, as game/screens/play.py lays it out (its sizes come from the UI kit)."""

    def __init__(self) -> None:
        from ..ui.theme import DEFAULT, HEIGHT, TEXT_BOX_MARGIN, WIDTH
        self.size = DEFAULT.body_size
        self.width = WIDTH - 2 * TEXT_BOX_MARGIN - 80
        self.height = HEIGHT

    def box_top(self, lines: int, book) -> int:
        line = round(book.line_height(self.size) * 1.15)
        height = max(190, lines * line + 90)
        return self.height - height - 20

    def max_lines(self, book) -> int:
        line = round(book.line_height(self.size) * 1.15)
        return (self.height - 20 - 90) // line


def _font_books():
    import os
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame
    if not pygame.font.get_init():
        pygame.font.init()
    from ..ui.fonts import FontBook
    return FontBook(scale=1.0), FontBook(scale=BIG_SCALE), _Layout()
