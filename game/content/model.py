"""The loaded story: immutable objects built once by the loader, never changed while playing.

A scene's beats are compiled into a flat tuple of small operations (`code`), with
`if`/`else` and choice branches turned into jumps, so a position in the story is just
(scene id, index), which makes saves, rollback and the explorer simple.
"""
from __future__ import annotations

from dataclasses import field
from typing import Any, Iterator, Union

from .problems import Mark
from .records import record

Condition = dict[str, Any]


def condition_parts(cond: Any, path: tuple = ()) -> Iterator[tuple[tuple, Condition]]:
    """(path, part) for a condition and every condition inside it (its `all`, `any` and `not`), outermost first;
    the path of each part below `path`. Anything not a mapping has no parts."""
    if not isinstance(cond, dict):
        return
    yield path, cond
    for key in ("all", "any"):
        for i, inner in enumerate(cond.get(key) or ()):
            yield from condition_parts(inner, path + (key, i))
    yield from condition_parts(cond.get("not"), path + ("not",))


@record
class Character:
    """A person in the story, from characters.yaml; `sprite` and `expressions` name their portrait files."""

    id: str
    name: str
    colour: str
    korean: str = ""
    actor: str = ""
    sprite: str = ""
    expressions: tuple[str, ...] = ()
    description: str = ""
    outfits: tuple[str, ...] = ()  # with outfits the portrait is two layers: outfit below, expression on top


@record
class Location:
    """A place: its name and its background image (relative to assets/images/)."""

    id: str
    name: str
    image: str
    ambience: str | None = None  # a loop under assets/audio/ambience/ that plays while this is the background


@record
class Illustration:
    """A full-screen picture for a key moment (a CG), from illustrations.yaml; the gallery lists them in order."""

    id: str
    title: str
    image: str  # relative to assets/images/


@record
class Track:
    """A piece of the score as the music room lists it, from music.yaml."""

    id: str  # the file assets/audio/music/<id>.ogg (or .wav)
    title: str
    description: str = ""


@record
class CreditSection:
    """A heading and its lines, from credits.yaml."""

    heading: str
    lines: tuple[str, ...]


@record
class EvidenceItem:
    """A piece of evidence the player can gather for the retrial."""

    id: str
    name: str
    description: str


@record
class Source:
    """A document that facts, accounts and quiz answers cite (the shipped story has the two seed documents)."""

    id: str
    title: str
    kind: str
    file: str = ""


@record
class Chapter:
    """A chapter as story.yaml lists it."""

    number: int
    title: str
    summary: str = ""      # what happens in the game
    in_the_film: str = ""  # what the sources say happens in the film


@record
class ContentNote:
    """A scene's content warning: its topics and the summary offered instead of playing it."""

    topics: tuple[str, ...]
    summary: str


def chapter_label(number: int) -> str:
    """How a chapter is named on screen: chapter 0 is the prologue."""
    return "Prologue" if number == 0 else f"Chapter {number}"


def chapter_entry(number: int, title: str) -> str:
    """A chapter in a list of chapters: 'Prologue: title', else 'N. title'."""
    return f"Prologue: {title}" if number == 0 else f"{number}. {title}"


# --- operations --------------------------------------------------------------------------

@record
class Line:
    """Narration (speaker is None) or a character's line. `line_id` is stable across edits elsewhere."""

    mark: Mark
    speaker: str | None
    text: str
    expression: str | None
    line_id: str
    outfit: str | None = None


@record
class Show:
    """Put a character on stage (or change their expression, outfit or position)."""

    mark: Mark
    who: str
    expression: str | None
    at: str | None
    outfit: str | None = None
    transition: str = "cut"


@record
class Hide:
    """Take a character off stage."""

    mark: Mark
    who: str
    transition: str = "cut"


@record
class Move:
    """Move a character already on stage to another position."""

    mark: Mark
    who: str
    to: str


@record
class Background:
    """Change the background to a location's picture."""

    mark: Mark
    location: str
    transition: str


@record
class ShowIllustration:
    """Show a full-screen illustration over the stage (None takes it away)."""

    mark: Mark
    illustration: str | None
    transition: str


@record
class Music:
    """Start a music loop ('stop' stops it)."""

    mark: Mark
    track: str


@record
class Sound:
    """Play a sound effect once."""

    mark: Mark
    effect: str


@record
class Option:
    """One option of a choice, with its condition and effects."""

    mark: Mark
    text: str
    key: str  # the option's id, or a stable key made from its text
    condition: Condition | None
    set: dict[str, bool | int | str]
    add: dict[str, int]
    evidence: str | None  # compiled into the option's block; kept here for the graph and lint
    goto: str | None  # the scene it jumps to ('.label' is resolved to the option's own scene)
    target: int  # where play continues: the option's own block, or the index after the choice
    label: str | None = None  # the label in `goto` it jumps to (None: the scene's start)
    keep_stage: bool = False


@record
class Choice:
    """A choice: the runtime stops here until the player picks an option."""

    mark: Mark
    prompt: str
    key: str
    options: tuple[Option, ...]
    after: int  # the index after the choice and all its option blocks
    speaker: str | None = None  # a character who speaks the prompt
    expression: str | None = None


@record
class Jump:
    """Continue at another index of the same scene."""

    mark: Mark
    target: int


@record
class JumpUnless:
    """Continue at `target` unless `condition` holds: how if/else is compiled."""

    mark: Mark
    condition: Condition
    target: int


@record
class Goto:
    """Continue at the start of a scene, or at a label in it (a label in the scene playing is a plain jump)."""

    mark: Mark
    scene: str
    label: str | None = None
    keep_stage: bool = False  # the scene keeps what is on stage instead of setting its opening background


@record
class SetVars:
    """Set flags or counters."""

    mark: Mark
    values: dict[str, bool | int | str]


@record
class AddVars:
    """Add to counters."""

    mark: Mark
    steps: dict[str, int]


@record
class GainEvidence:
    """The player gains a piece of evidence."""

    mark: Mark
    evidence: str


@record
class Account:
    """What one source says where the sources differ."""

    source: str
    says: str
    section: str = ""  # the part of the source it rests on


@record
class Fact:
    """A card with a fact about the real film or case, citing its source."""

    mark: Mark
    text: str
    source: str
    section: str


@record
class Differ:
    """A card showing where the two sources disagree, with each one's account."""

    mark: Mark
    topic: str
    accounts: tuple[Account, ...]
    question: str


@record
class Prompt:
    """A discussion prompt for class (shown only when prompts are on)."""

    mark: Mark
    question: str
    followups: tuple[str, ...]
    minutes: int | None


@record
class End:
    """An ending of the story."""

    mark: Mark
    ending: str
    title: str


Op = Union[Line, Show, Hide, Move, Background, ShowIllustration, Music, Sound, Choice, Jump, JumpUnless, Goto,
           SetVars, AddVars, GainEvidence, Fact, Differ, Prompt, End]


@record
class Scene:
    """One scene file, compiled: its header and the flat list of operations the runtime steps through."""

    id: str
    title: str
    chapter: int
    date: str
    background: str
    music: str | None
    content_note: ContentNote | None
    timeline: str | None
    next: str | None
    code: tuple[Op, ...]
    file: str
    mark: Mark
    labels: dict[str, int] = field(default_factory=dict)  # label -> index in `code` it stands before
    label_marks: dict[str, Mark] = field(default_factory=dict)
    card: bool = True  # False: entering it shows no title card


@record
class Story:
    """Everything loaded from a content folder, ready to play."""

    title: str
    korean_title: str
    start: str
    chapters: tuple[Chapter, ...]
    characters: dict[str, Character]
    locations: dict[str, Location]
    evidence: dict[str, EvidenceItem]
    sources: dict[str, Source]
    scenes: dict[str, Scene]
    fingerprint: str
    scene_fingerprints: dict[str, str] = field(default_factory=dict)
    id: str = ""  # story.yaml `id:` (the folder's name when absent): the key of its saves and progress
    tagline: str = ""  # the title screen's line under the title
    film: str = ""  # the film it retells, as the English film-study handout's subtitle names it
    caption: str = ""  # the window caption (the title when empty)
    title_music: str | None = None  # the title screen's music piece
    title_background: str | None = None  # the location drawn behind the title screen
    evidence_kept: str = ""  # evidence.yaml's `kept:` line, shown under each newly noticed piece
    illustrations: dict[str, Illustration] = field(default_factory=dict)  # the optional illustrations.yaml
    credits: tuple[CreditSection, ...] = ()  # the optional credits.yaml
    credits_music: str | None = None  # its music track, for the end screen
    music: dict[str, Track] = field(default_factory=dict)  # the optional music.yaml: the music room's pieces
    # a text variable's value (as set, in the source language) -> how a line shows it in this story's language;
    # saves keep the value as set, so they do not depend on the language (a translation fills this in)
    shown_values: dict[str, str] = field(default_factory=dict)

    def source_title(self, source_id: str) -> str:
        """The title of a source, or its id when the story does not define it."""
        source = self.sources.get(source_id)
        return source.title if source else source_id

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    def scenes_in_chapter(self, number: int) -> list[Scene]:
        return [s for s in self.scenes.values() if s.chapter == number]

    def has_prompts(self) -> bool:
        """True when some scene has a discussion prompt (classroom material)."""
        return any(isinstance(op, Prompt) for scene in self.scenes.values() for op in scene.code)

    def has_content_notes(self) -> bool:
        return any(scene.content_note is not None for scene in self.scenes.values())
