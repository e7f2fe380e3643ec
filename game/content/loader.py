"""Load a content folder (`scenes/`): parse, validate, compile and cross-check in one pass.

Every problem found anywhere is collected before anything is reported, so an author
fixes a whole batch at once. `check_content` never raises for bad content; `load_story`
raises `ContentError` carrying the list.

This builds the story only. The timeline, quiz and film-and-reality cards of the same folder are
built one layer up, by `game.library`, which is what commands and screens load.
"""
from __future__ import annotations

import dataclasses
import marshal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from . import model as m
from .assetcheck import art_hint, audio_problem, path_problem, shown_asset
from .compiler import build_character, build_scene
from .digest import sha256
from .folders import SINGLE_FILES, assets_folder, find_root, root_problem, shown_path  # noqa: F401 (re-exported)
from .formatcheck import check_format
from .gcpause import collector_paused
from .problems import ContentError, Mark, Problem, Problems, display_path, one_line
from .schema import FILE_SCHEMAS, MAX_ID_CHARS
from .validate import Validator, check_known, did_you_mean
from .yamlsource import Document, parse_bytes, read_bytes

OPTIONAL_FILES = {"evidence": "evidence.yaml",  # what the player can notice (a story may have none)
                  "sources": "sources.yaml",  # the documents that facts and differ cards cite
                  "reality": "reality.yaml",  # classroom mode's 'Film and reality' cards
                  "illustrations": "illustrations.yaml",  # full-screen pictures and the gallery
                  "credits": "credits.yaml",  # shown after an ending
                  "music": "music.yaml"}  # the pieces of the music room
SCENE_DIR = "story"
TIMELINE_DIR = "timeline"
QUIZ_DIR = "quiz"
AUDIO_EXTENSIONS = (".wav", ".ogg")
PLAYED_FIRST = (".ogg", ".wav")  # the order game/screens/audio.py looks for them


@dataclass
class Content:
    """Everything loaded from one content folder."""

    root: Path
    assets: Path
    story: m.Story | None
    documents: dict[str, list[Document]] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    compiled: dict[int, m.Scene] = field(default_factory=dict)  # id(scene document) -> its scene, compiled as read


def content_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) for every content file under `root`, in a stable order."""
    for kind, name in {**SINGLE_FILES, **OPTIONAL_FILES}.items():
        yield kind, root / name
    for path in sorted((root / SCENE_DIR).rglob("*.yaml")):
        yield "scene", path
    for path in sorted((root / TIMELINE_DIR).rglob("*.yaml")):
        yield "timeline", path
    for path in sorted((root / QUIZ_DIR).rglob("*.yaml")):
        yield "quiz", path


def story_id_of(root: Path) -> str:
    """The id a story without `id:` in story.yaml gets: its folder's name made into an id."""
    name = "".join(c if c.isascii() and c.isalnum() else "_" for c in Path(root).resolve().name.lower()).strip("_")
    name = name if name[:1].isalpha() else f"story_{name}".rstrip("_")
    return name[:MAX_ID_CHARS]


def check_content(root: Path, assets: Path | None = None) -> Content:
    """Load and check everything; problems are collected in `Content.problems`. Never raises.

    Every message is one line (values echoed in it have their line breaks escaped). A bug in
    a check becomes an "internal error" problem (code "internal") rather than a traceback.
    """
    root = Path(root)
    try:
        with collector_paused():
            content = _check_content(root, assets)
    except Exception as exc:  # noqa: BLE001 - the one place a check's own bug is turned into a report
        content = Content(root, Path(assets) if assets else assets_folder(root), None)
        content.problems.error(Mark(one_line(str(root)), 1, 1), f"internal error while checking: "
                               f"{exc.__class__.__name__}: {str(exc)[:200]}", "please report this", code="internal")
    content.problems.items = [_one_line(p) for p in content.problems.items]
    return content


def _one_line(problem: Problem) -> Problem:
    texts = (problem.mark.file, problem.message, problem.hint)
    if all(t.isprintable() for t in texts):
        return problem
    return dataclasses.replace(problem, mark=problem.mark._replace(file=one_line(problem.mark.file)),
                               message=one_line(problem.message), hint=one_line(problem.hint))


def _check_content(root: Path, assets: Path | None) -> Content:
    content = Content(root, Path(assets) if assets else assets_folder(root), None)
    problems = content.problems
    if problem := root_problem(root):
        problems.error(Mark(shown_path(root)), problem, "give the folder that holds story.yaml, e.g. "
                       "--scenes examples/night_ferry", code="no-root")
        return content
    digest = sha256()
    scene_digests: dict[str, str] = {}
    shown_root = display_path(root, root.parent)  # once: resolving every file's path was a tenth of the load
    for kind, path in content_files(root):
        relative = path.relative_to(root).as_posix()
        display = f"{shown_root}/{relative}"
        if not _usable_name(relative):
            problems.warn(Mark(one_line(display.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))),
                          "file name is not valid UTF-8 text or holds control characters; the file was skipped",
                          "rename it using letters, digits and '_'", code="file-name")
            continue
        if not path.is_file():
            if kind in SINGLE_FILES:
                problems.error(Mark(display), f"missing {kind} file", f"create {display} (see docs/authoring.md)")
            elif path.is_symlink() or path.exists():
                problems.warn(Mark(display), "not a regular file (a folder, a device, a pipe or a broken link); "
                              "it was skipped", "content files are plain text files", code="file-name")
            continue
        raw = read_bytes(path, display, problems)
        if raw is None:
            continue
        doc, meaning, scene = _read_file(kind, display, path, raw, problems)
        if meaning is not None:
            digest.update(relative.encode() + b"\0" + meaning + b"\0")
        if doc is None:
            continue
        content.documents.setdefault(kind, []).append(doc)
        if scene is not None:
            content.compiled[id(doc)] = scene
        if kind == "scene" and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            scene_digests[doc.data["id"]] = sha256(meaning).hexdigest()[:16]
    if problems.errors:
        return content  # cross-checks on malformed data would only add noise
    content.story = _build(content, digest.hexdigest()[:16], scene_digests)
    _cross_check(content)
    check_format(content)  # markup, text variables, labels, outfits (game/content/formatcheck.py)
    return content


# Files parsed and schema-checked by the last load, kept only while `keep_parsed_files(True)` is on (the dev
# mode's content watcher turns it on): a hot reload then parses and checks again only the files whose bytes
# changed. Documents are never changed after they are read, so the next load can use them as they are.
_PARSED: dict[tuple[str, str], tuple[bytes, Document | None, bytes | None, m.Scene | None, list[Problem]]] = {}
_KEEP_PARSED = [False]


def keep_parsed_files(keep: bool) -> None:
    """Keep each file's parsed document between loads (on in dev mode, for hot reload), or stop and forget."""
    _KEEP_PARSED[0] = keep
    if not keep:
        _PARSED.clear()


def _read_file(kind: str, display: str, path: Path, raw: bytes,
               problems: Problems) -> tuple[Document | None, bytes | None, m.Scene | None]:
    """(document, meaning, scene) of one content file's bytes: parsed and schema-checked, its problems added to
    `problems`; the document is None when the file cannot be used, the meaning None when it did not parse; a
    scene file without problems is compiled into its scene at once."""
    keep = _KEEP_PARSED[0]
    if keep:
        known = _PARSED.get((kind, display))
        if known is not None and known[0] == raw:
            problems.items.extend(known[4])
            return known[1:4]
    before = len(problems.items)
    doc, meaning, scene = _parse_and_check(kind, display, path, raw, problems)
    if keep:
        if len(_PARSED) > 5000:  # a bound for a long session over many roots
            _PARSED.clear()
        _PARSED[(kind, display)] = (raw, doc, meaning, scene, problems.items[before:])
    return doc, meaning, scene


def _parse_and_check(kind: str, display: str, path: Path, raw: bytes,
                     problems: Problems) -> tuple[Document | None, bytes | None, m.Scene | None]:
    """Scene files, most of a story, are read without marks (yamlsource.parse_text): their operations take
    theirs from the YAML nodes while those are at hand, here, and any other mark reads the file again."""
    before = len(problems.items)
    doc = parse_bytes(raw, display, problems, source=path if kind == "scene" else None)
    if doc is None or len(problems.items) > before:
        return None, None, None  # the file's own problems come first; schema errors on a half-read file are noise
    meaning = _meaning(doc.data)
    if doc.data is None:
        problems.error(Mark(display, 1, 1), "file is empty")
        return None, meaning, None
    Validator(doc, problems).check(FILE_SCHEMAS[kind], f"{kind} file")
    scene = build_scene(doc) if kind == "scene" and len(problems.items) == before else None
    doc.drop_nodes()
    return doc, meaning, scene


def _usable_name(relative: str) -> bool:
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in the name (kept as surrogates by the OS layer)
        return False
    return relative.isprintable()


MEANING_FORMAT = 2  # marshal's version 2: no references between objects (so equal data always gives equal bytes)


def _meaning(data: Any) -> bytes:
    """The file's data, not its bytes: the story's fingerprint ignores comments, blank lines and layout. The data is
    plain (mappings with text keys, lists, text, numbers, booleans, None: dates stay text), which marshal writes in a
    third of the JSON encoder's time (3 ms of a 40 ms parse of 100 scenes)."""
    return marshal.dumps(data, MEANING_FORMAT)


def load_story(root: Path, assets: Path | None = None) -> m.Story:
    content = check_content(root, assets)
    if content.problems.errors or content.story is None:
        raise ContentError(content.problems.sorted())
    return content.story


# --- building --------------------------------------------------------------------------------

def _one(content: Content, kind: str) -> Document:
    return content.documents[kind][0]


def _unique(items: list[dict], doc: Document, list_key: str, what: str, problems: Problems,
            seen: dict[str, Mark] | None = None) -> dict[str, dict]:
    seen = {} if seen is None else seen
    result: dict[str, dict] = {}
    for i, item in enumerate(items):
        mark = doc.mark((list_key, i, "id"))
        if item["id"] in seen:
            problems.error(mark, f"duplicate {what} id '{item['id']}' (first defined at {seen[item['id']]})",
                           "ids must be unique; rename one", code="duplicate-id")
            continue
        seen[item["id"]] = mark
        result[item["id"]] = item
    return result


def _build(content: Content, fingerprint: str, scene_digests: dict[str, str]) -> m.Story:
    p = content.problems
    story = _one(content, "story").data
    chars_doc, locs_doc = _one(content, "characters"), _one(content, "locations")
    characters = {k: build_character(v)
                  for k, v in _unique(chars_doc.data["characters"], chars_doc, "characters", "character", p).items()}
    locations = {k: m.Location(v["id"], v["name"], v["image"], v.get("ambience"))
                 for k, v in _unique(locs_doc.data["locations"], locs_doc, "locations", "location", p).items()}
    evidence, sources, kept = {}, {}, ""
    for doc in content.documents.get("evidence", []):
        evidence = {k: m.EvidenceItem(v["id"], v["name"], v["description"])
                    for k, v in _unique(doc.data["evidence"], doc, "evidence", "evidence", p).items()}
        kept = doc.data.get("kept", "")
    for doc in content.documents.get("sources", []):
        sources = {k: m.Source(v["id"], v["title"], v["kind"], v.get("file", ""))
                   for k, v in _unique(doc.data["sources"], doc, "sources", "source", p).items()}
    chapters = tuple(m.Chapter(c["number"], c["title"], c.get("summary", ""), c.get("in_the_film", ""))
                     for c in story["chapters"])
    scenes: dict[str, m.Scene] = {}
    seen: dict[str, Document] = {}
    for doc in content.documents.get("scene", []):
        data = doc.data
        if data["id"] in seen:
            p.error(doc.mark(("id",)), f"duplicate scene id '{data['id']}' (first defined at "
                    f"{seen[data['id']].mark(('id',))})", "ids must be unique; rename one", code="duplicate-id")
            continue
        seen[data["id"]] = doc
        scenes[data["id"]] = content.compiled.get(id(doc)) or build_scene(doc)
    illustrations = {}
    for doc in content.documents.get("illustrations", []):
        items = _unique(doc.data["illustrations"], doc, "illustrations", "illustration", p)
        illustrations = {k: m.Illustration(v["id"], v["title"], v["image"]) for k, v in items.items()}
    tracks = {}
    for doc in content.documents.get("music", []):
        items = _unique(doc.data["music"], doc, "music", "music", p)
        tracks = {k: m.Track(v["id"], v["title"], v.get("description", "")) for k, v in items.items()}
    credits = tuple(m.CreditSection(c["heading"], tuple(c["lines"]))
                    for doc in content.documents.get("credits", []) for c in doc.data["credits"])
    return m.Story(title=story["title"], korean_title=story.get("korean_title", ""), start=story["start"],
                   chapters=chapters, characters=characters, locations=locations, evidence=evidence,
                   sources=sources, scenes=scenes, fingerprint=fingerprint, scene_fingerprints=scene_digests,
                   evidence_kept=kept, illustrations=illustrations, credits=credits, music=tracks,
                   id=story.get("id") or story_id_of(content.root), tagline=story.get("tagline", ""),
                   film=story.get("film", ""),
                   caption=story.get("caption", ""), title_music=story.get("title_music"),
                   title_background=story.get("title_background"),
                   credits_music=next((d.data["music"] for d in content.documents.get("credits", [])
                                       if "music" in d.data), None))


# --- cross-checks ------------------------------------------------------------------------------

def condition_refs(cond: Any) -> Iterator[tuple[str, str]]:
    """(kind, name) for every flag, counter, evidence and scene a condition reads."""
    for _, part in m.condition_parts(cond):
        for key in ("flag", "counter"):
            if key in part:
                yield "var", part[key]
        if "has" in part:
            yield "evidence", part["has"]
        for key in ("visited", "visits"):
            if key in part:
                yield "scene", part[key]


class _Checker:
    def __init__(self, content: Content):
        self.content = content
        self.story = content.story
        self.p = content.problems
        self.vars_set: set[str] = set()
        self.vars_read: list[tuple[str, Mark]] = []
        self.assets = content.assets.resolve()
        self.scene_dir = f"{display_path(content.root, content.root.parent)}/{SCENE_DIR}/"  # this story's own folder
        self.art_hint = art_hint(content.root, content.assets, "draw it", "tools/make_art.py")
        self.sound_hint = art_hint(content.root, content.assets, "add the file", "tools/make_sound.py")
        self.audio_files: dict[tuple[str, str], tuple[bool, bool, str]] = {}  # -> (found, inside, why unplayable)
        self.asset_files: dict[tuple[str, str], tuple[bool, bool]] = {}  # (folder, path) -> (inside, exists)
        self.folders: dict[Path, Path] = {}  # folder -> the folder with its links followed

    def ref(self, mark: Mark, what: str, name: str, known: dict | set, where: str) -> None:
        check_known(self.p, mark, what, name, known, where)

    def asset(self, mark: Mark, folder: str, relative: str, what: str, hint: str) -> None:
        """`relative` is the author's path inside assets/<folder>/; it may not lead out of assets/."""
        assets = self.assets
        problem = path_problem(relative)
        if problem:
            self.p.error(mark, f"{what} path {relative[:40]!r} {problem}", "give a short path inside assets/",
                         code="asset-path")
            return
        target = assets / folder / relative
        known = self.asset_files.get((folder, relative))
        if known is None:  # many beats name the same picture: resolve each path once per load
            known = self.asset_files[folder, relative] = self._locate(target)
        inside, exists = known
        if Path(relative).is_absolute() or ".." in Path(relative).parts or not inside:
            self.p.error(mark, f"{what} path '{relative}' leaves the assets folder",
                         "give a path inside assets/, without '..'", code="asset-path")
        elif not exists:
            self.p.error(mark, f"missing {what} file {shown_asset(target)}", hint, code="missing-asset")

    def playable(self, folder: str, name: str) -> bool:
        """Whether `audio` has nothing to say about this sound."""
        if name == "stop":
            return True
        found, inside, unplayable = self.audio_files.get((folder, name)) or self._find_audio(folder, name)
        return found and inside and not unplayable

    def _locate(self, target: Path) -> tuple[bool, bool]:
        """(whether `target` lies inside the assets folder once links are followed, whether it is a file). Each
        folder is resolved once per load, and a file itself only when it is a link: a portrait per expression
        made resolving every path a tenth of a small story's load."""
        try:
            folder = self.folders.get(target.parent)
            if folder is None:
                folder = self.folders[target.parent] = target.parent.resolve()
            real = target.resolve() if target.is_symlink() else folder / target.name
            return real.is_relative_to(self.assets), real.is_file()
        except (OSError, RuntimeError, ValueError):
            return False, False

    def audio(self, mark: Mark, folder: str, name: str) -> None:
        if name == "stop":
            return
        found, inside, unplayable = self.audio_files.get((folder, name)) or self._find_audio(folder, name)
        if not found:
            base = shown_asset(self.content.assets / "audio" / folder / name)
            self.p.error(mark, f"missing {folder} '{name}': no {base}.wav or .ogg",
                         self.sound_hint,
                         code="missing-asset")
        elif not inside:
            self.p.error(mark, f"{folder} '{name}' is a link that leaves the assets folder",
                         "put the file itself inside assets/", code="asset-path")
        elif unplayable:
            self.p.error(mark, f"{folder} '{name}': {unplayable}", "export it again as WAV (PCM) or Ogg Vorbis",
                         code="bad-asset")

    def _find_audio(self, folder: str, name: str) -> tuple[bool, bool, str]:
        """Whether assets/audio/<folder>/<name>.wav or .ogg exists, whether all such files lie inside assets/,
        and why the one the game would play cannot be played ("" when it can)."""
        base = self.content.assets / "audio" / folder
        try:
            found = [path for ext in AUDIO_EXTENSIONS if (path := base / f"{name}{ext}").is_file()]
            inside = all(self._locate(path)[0] for path in found)
        except (OSError, ValueError, RuntimeError):
            found, inside = [], False
        played = next((base / f"{name}{ext}" for ext in PLAYED_FIRST if base / f"{name}{ext}" in found), None)
        why = audio_problem(played) if played and inside else ""
        problem = f"{played.name} {why}" if why else ""
        result = self.audio_files[folder, name] = (bool(found), inside, problem)
        return result

    def condition(self, mark: Mark, cond: Any) -> None:
        for kind, name in condition_refs(cond):
            if kind == "var":
                self.vars_read.append((name, mark))
            elif kind == "evidence":
                self.ref(mark, "evidence", name, self.story.evidence, "evidence.yaml")
            else:
                self.ref(mark, "scene", name, self.story.scenes, self.scene_dir)

    def character(self, mark: Mark, who: str, expression: str | None) -> None:
        self.ref(mark, "character", who, self.story.characters, "characters.yaml")
        char = self.story.characters.get(who)
        if char and expression and char.expressions and expression not in char.expressions:
            self.p.error(mark, f"{char.name} has no expression '{expression}'"
                         f"{did_you_mean(expression, list(char.expressions))}",
                         f"expressions: {', '.join(char.expressions)}", code="unknown-expression")

    def run(self) -> None:
        story, p = self.story, self.p
        story_doc = _one(self.content, "story")
        self.ref(story_doc.mark(("start",)), "scene", story.start, story.scenes, self.scene_dir)
        if story.title_background:
            self.ref(story_doc.mark(("title_background",)), "location", story.title_background, story.locations,
                     "locations.yaml")
        if story.title_music:
            self.audio(story_doc.mark(("title_music",)), "music", story.title_music)
        chapter_numbers = {c.number for c in story.chapters}
        for char_doc in self.content.documents["characters"]:
            for i, c in enumerate(char_doc.data["characters"]):
                for expr in c.get("expressions", ()) if c.get("sprite") else ():
                    self.asset(char_doc.mark(("characters", i, "sprite")), "images/characters",
                               f"{c['sprite']}_{expr}.png", "portrait",
                               self.art_hint)
        for loc_doc in self.content.documents["locations"]:
            for i, loc in enumerate(loc_doc.data["locations"]):
                self.asset(loc_doc.mark(("locations", i, "image")), "images", loc["image"], "background image",
                           self.art_hint)
                if loc.get("ambience"):
                    self.audio(loc_doc.mark(("locations", i, "ambience")), "ambience", loc["ambience"])
        for credits_doc in self.content.documents.get("credits", []):
            if "music" in credits_doc.data:
                self.audio(credits_doc.mark(("music",)), "music", credits_doc.data["music"])
        for music_doc in self.content.documents.get("music", []):
            for i, piece in enumerate(music_doc.data["music"]):
                self.audio(music_doc.mark(("music", i, "id")), "music", piece["id"])
        for ill_doc in self.content.documents.get("illustrations", []):
            for i, ill in enumerate(ill_doc.data["illustrations"]):
                self.asset(ill_doc.mark(("illustrations", i, "image")), "images", ill["image"], "illustration image",
                           self.art_hint)
        scene_docs = {doc.data["id"]: doc for doc in reversed(self.content.documents.get("scene", []))}
        for scene in story.scenes.values():
            doc = scene_docs.get(scene.id)
            if scene.chapter not in chapter_numbers:
                p.error(doc.mark(("chapter",)) if doc else scene.mark,
                        f"scene '{scene.id}' is in chapter {scene.chapter}, which story.yaml does not list",
                        f"add chapter {scene.chapter} to story.yaml, or use one of {sorted(chapter_numbers)}",
                        code="unknown-chapter")
            if scene.background not in story.locations:  # a scene file's marks are found only when needed
                self.ref(doc.mark(("background",)) if doc else scene.mark, "location", scene.background,
                         story.locations, "locations.yaml")
            if scene.music and not self.playable("music", scene.music):
                self.audio(doc.mark(("music",)) if doc else scene.mark, "music", scene.music)
            for op in scene.code:
                self.op(op)
        for name, mark in self.vars_read:
            if name not in self.vars_set:
                p.warn(mark, f"'{name}' is read here but never set anywhere",
                       f"add 'set: {{{name}: true}}' where it should become true, or check the spelling",
                       code="unset-variable")

    def op(self, op: Any) -> None:
        story, kind = self.story, type(op)  # operations are records of their own class: no subclasses
        if kind is m.Line and op.speaker:
            self.character(op.mark, op.speaker, op.expression)
        elif kind is m.Show:
            self.character(op.mark, op.who, op.expression)
        elif kind in (m.Hide, m.Move):
            self.character(op.mark, op.who, None)
        elif kind is m.Background:
            self.ref(op.mark, "location", op.location, story.locations, "locations.yaml")
        elif kind is m.ShowIllustration and op.illustration is not None:
            self.ref(op.mark, "illustration", op.illustration, story.illustrations, "illustrations.yaml")
        elif kind is m.Music:
            self.audio(op.mark, "music", op.track)
        elif kind is m.Sound:
            self.audio(op.mark, "sfx", op.effect)
        elif kind is m.Goto:
            self.ref(op.mark, "scene", op.scene, story.scenes, self.scene_dir)
        elif kind is m.JumpUnless:
            self.condition(op.mark, op.condition)
        elif kind in (m.SetVars, m.AddVars):
            self.vars_set.update(op.values if kind is m.SetVars else op.steps)
        elif kind is m.GainEvidence:
            self.ref(op.mark, "evidence", op.evidence, story.evidence, "evidence.yaml")
        elif kind is m.Fact:
            self.ref(op.mark, "source", op.source, story.sources, "sources.yaml")
        elif kind is m.Differ:
            for account in op.accounts:
                self.ref(op.mark, "source", account.source, story.sources, "sources.yaml")
        elif kind is m.Choice:
            keys: set[str] = set()
            for option in op.options:
                if option.key in keys:
                    self.content.problems.error(option.mark, f"two options of this choice share the id '{option.key}'",
                                                "give each option its own text or id", code="duplicate-id")
                keys.add(option.key)
                if option.condition:
                    self.condition(option.mark, option.condition)
                self.vars_set.update(option.set, option.add)
                # an option's evidence and goto are checked as the GainEvidence / Goto beats compiled from them


def _cross_check(content: Content) -> None:
    _Checker(content).run()
