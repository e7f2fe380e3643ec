"""The content library: one content folder (a "root") and everything built from it.

A root holds story.yaml and the story's files, and optionally a timeline/ folder, a quiz/ folder and
reality.yaml. `load_library` builds all of them in one place, with the root's own assets folder, and
collects every problem they have. Every command and every screen receives a `Library`, so nothing
below or above this module goes back to the disk or to the shipped `scenes/` on its own.

    library = load_library(Path("examples/night_ferry"))   # ContentError when anything is wrong
    library.story, library.timeline, library.quiz, library.reality, library.assets, library.story_id
    app = App(library, Profile(data, library.story_id))     # the screens read app.library

Layers (the order tests/test_architecture.py enforces and documents): content < runtime | timeline <
classroom | saves < profile < library < ui < authoring < screens < cli. This module never imports pygame.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .content import model as m
from .content import problems as problems_module
from .content.cache import Codec, ContentCache, classes_of
from .content.digest import blake2b
from .content.folders import assets_folder
from .content.languages import SOURCE_LANGUAGE
from .content.languages import languages as translated_into
from .content.problems import ContentError, Problem, Problems
from .content.records import record

if TYPE_CHECKING:  # checking content and reloading it import these when they run: a cached story starts without them
    from .classroom.quiz import Quiz  # and the parts kept apart in the cache (`Kept`), when first used
    from .classroom.reality import Reality
    from .content.loader import Content
    from .content.translation import Translation  # and reading the story in another language, this
    from .runtime.reload import Resumed
    from .runtime.runtime import Runtime
    from .timeline.model import Timeline

PARTS = ("timeline", "quiz", "reality")  # what a library from the cache decodes only when first used


@record
class Library:
    root: Path                  # the content folder (holds story.yaml)
    assets: Path                # its assets folder: root/assets if it exists, else assets/ beside the root
    story: m.Story | None       # None only from `check_library` when the content has errors
    timeline: Timeline | None = None  # None when the root has no timeline/
    quiz: Quiz | None = None          # None when the root has no quiz/
    reality: Reality | None = None    # None when the root has no reality.yaml
    problems: Problems = field(default_factory=Problems)
    language: str = SOURCE_LANGUAGE   # the language its texts are in
    cache: Path | None = None         # the compiled-content cache folder it was loaded with (translations too)
    # every language asked for so far, shared by all of them (so any of them finds the others)
    # (not an __init__ argument, so a dataclasses.replace() copy starts a memo of its own)
    _languages: dict[str, Library] = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def has_timeline(self) -> bool:
        """Whether it has a timeline (a cached library says so without decoding it)."""
        facts = self.__dict__.get("_facts")
        return facts.has_timeline if facts else self.timeline is not None

    @property
    def shows_timeline(self) -> bool:
        """Whether it has a timeline with events to show (a cached library says so without decoding it)."""
        facts = self.__dict__.get("_facts")
        return facts.shows_timeline if facts else self.timeline is not None and bool(self.timeline.events)

    @property
    def has_classroom(self) -> bool:
        """Whether it has classroom material: a quiz or film-and-reality cards (said without decoding them)."""
        facts = self.__dict__.get("_facts")
        return facts.has_classroom if facts else self.quiz is not None or self.reality is not None

    @property
    def languages(self) -> list[str]:
        """The languages this library can be read in: the source language, then those with string tables."""
        return [SOURCE_LANGUAGE, *(code for code in translated_into(self.root) if code != SOURCE_LANGUAGE)]

    def in_language(self, code: str) -> Library:
        """The same library with its texts in `code` (the source language's for texts not translated yet,
        and for a language it has no tables for). Same ids, code and fingerprints: saves fit either."""
        known = self._languages
        if not known:
            known[self.language] = self
        if code == self.language:
            return self
        if code not in known:
            from .content.translation import read_translation
            source = known.get(SOURCE_LANGUAGE, self)
            words = read_translation(self.root, code, self.cache) if code in self.languages else None
            known[code] = _translated(source, words, code, known) if words and words.words else source
        return known[code]

    @property
    def story_id(self) -> str:
        """The stable key of this story's saves and progress (story.yaml `id:`, else the folder's name)."""
        return self.story.id if self.story is not None else ""

    def reload(self) -> Library:
        """The same root and assets loaded again, in the same language (never raises; see `check_library`)."""
        library = dataclasses.replace(check_library(self.root, self.assets), cache=self.cache)
        return library if library.story is None else library.in_language(self.language)


class _Decoded:
    """A part of a library from the content cache (`Kept.opened`), decoded the first time it is asked for and then
    the library's own value (like functools.cached_property). On the class, it is the part's default, None."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, library: Library | None, owner: type | None = None) -> Any:
        if library is None:
            return None
        state = library.__dict__
        value = state[self.name] = state["_later"][self.name]()  # (two threads may both decode it: equal values)
        return value


for _name in PARTS:  # in place of the defaults dataclasses left on the class (read by a library without the part)
    setattr(Library, _name, _Decoded(_name))


def _translated(source: Library, words: Translation, code: str, known: dict) -> Library:
    from .content.translation import shown_values, translated
    library = translated(source, words)
    story = dataclasses.replace(library.story, shown_values=shown_values(source.story, words))
    library = dataclasses.replace(library, story=story, language=code)
    object.__setattr__(library, "_languages", known)  # every language of one library finds the others
    return library


def check_library(root: Path, assets: Path | None = None) -> Library:
    """Load and check everything in `root`; all problems are in `.problems`. Never raises.

    When the story itself has errors, the timeline, quiz and cards are not built (their
    cross-checks against a broken story would only add noise) and `story` is None.
    """
    from .content.loader import check_content
    return library_of(check_content(Path(root), Path(assets) if assets else None))


def library_of(content: Content) -> Library:
    """The library of an already checked content folder; the extras' problems join `content.problems`."""
    from .classroom.quiz import quiz_from_content
    from .classroom.reality import reality_from_content
    if content.problems.errors or content.story is None:
        return Library(content.root, content.assets, None, problems=content.problems)
    documents = content.documents
    timeline = _timeline(content)
    reality = reality_from_content(content) if "reality" in documents else None
    quiz = quiz_from_content(content) if "quiz" in documents else None
    return Library(content.root, content.assets, content.story, timeline, quiz, reality, content.problems)


def _timeline(content: Content) -> Timeline | None:
    """The timeline of timeline/*.yaml; scenes' `timeline:` links are checked even when there is none."""
    from .timeline.model import build_timeline
    linked = any(scene.timeline for scene in content.story.scenes.values())
    if "timeline" not in content.documents and not linked:
        return None
    timeline = build_timeline(content)
    return timeline if "timeline" in content.documents else None


def load_library(root: Path, assets: Path | None = None, cache: Path | None = None,
                 messages: list[str] | None = None) -> Library:
    """`check_library`, raising `ContentError` with every problem when there is any error.

    With `cache` (a folder), a library checked before from exactly these files, assets and code is read
    from there instead (game/content/cache.py), and a freshly checked one without errors is stored;
    a cache that cannot be used is set aside and its message added to `messages`."""
    if cache is None:
        library = check_library(root, assets)
    else:
        library = _cached(Path(root), Path(assets) if assets else assets_folder(Path(root)), Path(cache), messages)
    if library.problems.errors or library.story is None:
        raise ContentError(library.problems.sorted())
    return library


def _cached(root: Path, assets: Path, folder: Path, messages: list[str] | None) -> Library:
    """The library of `root` with its `cache` folder set: from the cache when it holds these files, else checked
    from them (and stored when it has no errors)."""
    store = ContentCache(folder, [*classes_of(m, problems_module), Library, Kept, Facts], extra=_builder_stamp())
    kept = store.load(root, assets, check=_whole)
    if isinstance(kept, Kept):
        library = kept.opened(folder, root, assets)
    else:
        library = dataclasses.replace(check_library(root, assets), cache=folder)
        if not library.problems.errors and library.story is not None:
            store.store(root, assets, Kept.of(library))  # under what `load` found before the files were read
    if messages is not None:
        messages.extend(store.messages)
    return library


def _whole(kept: Any) -> None:
    """Raise ValueError unless `kept` is a kept library whose scenes are its story's (a cache forged with a scene
    left out, its digest made anew, would fail only once play reached that scene)."""
    if isinstance(kept, Kept):
        story = kept.library.story
        if story is None or kept.scenes.keys() != story.scene_fingerprints.keys() or story.start not in kept.scenes:
            raise ValueError("its scenes are not its story's")


@record
class Facts:
    """What the title and the play screen ask of a library's parts, kept beside them so that they need not decode
    them."""

    has_timeline: bool
    shows_timeline: bool
    has_classroom: bool


@record
class Kept:
    """A library as the content cache holds it: its story's scenes and its parts (timeline, quiz, reality) apart,
    each as JSON text of its own (`_scenes_codec`, `_parts_codec`), so that a start decodes (and imports the code
    of) only what it uses: the title no scene, the first line the few it shows and looks ahead to.

    The cache file's digest covers the texts; a text that no longer decodes (the code of its classes changed
    while the game ran) is built again from the files."""

    library: Library              # its story without scenes, and None for every part it has
    scenes: dict[str, str]        # scene id -> JSON text, in the story's order
    parts: dict[str, str]         # part name -> JSON text, for each part that is not None
    facts: Facts

    @staticmethod
    def of(library: Library) -> Kept:
        story, codec, scene_codec = library.story, _parts_codec(), _scenes_codec()
        scenes = {sid: scene_codec.dumps(scene).decode("utf-8") for sid, scene in story.scenes.items()}
        parts = {name: codec.dumps(value).decode("utf-8") for name in PARTS
                 if (value := getattr(library, name)) is not None}
        bare = dataclasses.replace(library, story=dataclasses.replace(story, scenes={}), cache=None,
                                   **dict.fromkeys(PARTS))
        return Kept(bare, scenes, parts, Facts(library.has_timeline, library.shows_timeline, library.has_classroom))

    def opened(self, cache: Path, root: Path, assets: Path) -> Library:
        """The library, with `cache` set and its scenes and parts decoded when first used."""
        library = dataclasses.replace(self.library, cache=cache)
        library.story.__dict__["scenes"] = Scenes(self.scenes, root, assets)  # (a story of its own, just decoded)
        state = library.__dict__
        for name in self.parts:
            del state[name]
        state["_later"] = {name: functools.partial(_part, name, text, root, assets)
                           for name, text in self.parts.items()}  # read by `_Decoded`
        state["_facts"] = self.facts
        return library


class Scenes(Mapping[str, m.Scene]):
    """A cached story's scenes (`Kept`): each kept as JSON text and decoded the first time it is asked for, then
    kept; in the story's order, and equal to the dict of the same scenes. Asking whether there is a scene, or for
    their ids, decodes none."""

    def __init__(self, texts: dict[str, str], root: Path, assets: Path):
        self._texts, self._root, self._assets = texts, root, assets
        self._scenes: dict[str, m.Scene] = {}
        self._from_files: dict[str, m.Scene] | None = None  # the scenes built again from the files, once

    def __getitem__(self, scene_id: str) -> m.Scene:
        scene = self._scenes.get(scene_id)
        if scene is None:
            scene = _scene(scene_id, self._texts[scene_id])  # (KeyError: no such scene)
            if scene is None:  # (a text that is not this scene's)
                scene = self._built_again()[scene_id]
            scene = self._scenes.setdefault(scene_id, scene)  # one kept
        return scene

    def _built_again(self) -> dict[str, m.Scene]:
        """The story's scenes checked from the files, once however many kept texts fail (none: KeyError)."""
        if self._from_files is None:
            story = check_library(self._root, self._assets).story
            self._from_files = dict(story.scenes) if story is not None else {}
        return self._from_files

    def __contains__(self, scene_id: object) -> bool:
        return scene_id in self._texts

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def _scene(scene_id: str, text: str) -> m.Scene | None:
    """The scene a kept text holds, or None when it is not that scene: not what this code writes (it changed
    since it was kept), or another scene's text in its place (a forged cache)."""
    try:
        scene = _scenes_codec().loads(text.encode("utf-8"))
    except ValueError:
        return None
    return scene if type(scene) is m.Scene and scene.id == scene_id else None


@functools.cache
def _scenes_codec() -> Codec:
    return Codec(classes_of(m, problems_module))


def _part(name: str, text: str, root: Path, assets: Path) -> Any:
    try:
        value = _parts_codec().loads(text.encode("utf-8"))
    except ValueError:  # not what this code writes (it changed since it was kept)
        value = None
    if type(value) is not _part_class(name):  # (or another part's text in its place: a forged cache)
        return getattr(check_library(root, assets), name)  # built again from the files
    return value


def _part_class(name: str) -> type:
    from .classroom.quiz import Quiz
    from .classroom.reality import Reality
    from .timeline.model import Timeline
    return {"timeline": Timeline, "quiz": Quiz, "reality": Reality}[name]


@functools.cache
def _parts_codec() -> Codec:
    from .classroom import quiz, reality
    from .timeline import model as timeline_model
    return Codec(classes_of(m, problems_module, timeline_model, quiz, reality))


def _builder_stamp() -> str:
    """The code that checks and builds a library (size and time of each file): an edit to it makes old caches stale.
    The modules of the parts' classes, which a start does not import, count by their bytes (the cache's key has the
    field names of only the classes it imports)."""
    game = Path(__file__).parent
    files = [Path(__file__), *sorted((game / "content").glob("*.py")), *sorted((game / "timeline").glob("*.py")),
             *sorted((game / "classroom").glob("*.py"))]
    stamps = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        stamps.append(f"{file.name} {info.st_size} {info.st_mtime_ns}")
    for file in (game / "timeline" / "model.py", game / "classroom" / "quiz.py", game / "classroom" / "reality.py"):
        try:
            stamps.append(blake2b(file.read_bytes(), digest_size=16).hexdigest())
        except OSError:
            stamps.append(f"{file.name} unreadable")
    return ";".join(stamps)


@record
class Reloaded:
    library: Library | None            # None: the edited content has errors; keep the old library
    resumed: Resumed | None = None     # the running game replayed onto the new story
    problems: list[Problem] = field(default_factory=list)


def reload_library(library: Library, rt: Runtime | None = None) -> Reloaded:
    """Reload the library's own root and put `rt`'s game (if any) at the same moment of the new story."""
    from .runtime.reload import replay_edited
    new = library.reload()
    if new.problems.errors or new.story is None:
        return Reloaded(None, problems=new.problems.sorted())
    return Reloaded(new, replay_edited(new.story, rt) if rt is not None else None, new.problems.sorted())
