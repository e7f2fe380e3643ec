"""The loaded story: immutable objects built once by the loader, never changed while playing.

A scene's beats are compiled into a flat tuple of small operations (`code`), with
`if`/`else` and choice branches turned into jumps, so a position in the story is just
(scene id, index), which makes saves, rollback and the explorer simple.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from .problems import Mark

Condition = dict[str, Any]


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    colour: str
    korean: str = ""
    actor: str = ""
    sprite: str = ""
    expressions: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Location:
    id: str
    name: str
    image: str


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str
    file: str = ""


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    summary: str = ""


@dataclass(frozen=True)
class ContentNote:
    topics: tuple[str, ...]
    summary: str


# --- operations --------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """Narration (speaker is None) or a character's line. `line_id` is stable across edits elsewhere."""

    mark: Mark
    speaker: str | None
    text: str
    expression: str | None
    line_id: str


@dataclass(frozen=True)
class Show:
    mark: Mark
    who: str
    expression: str | None
    at: str | None


@dataclass(frozen=True)
class Hide:
    mark: Mark
    who: str


@dataclass(frozen=True)
class Move:
    mark: Mark
    who: str
    to: str


@dataclass(frozen=True)
class Background:
    mark: Mark
    location: str
    transition: str


@dataclass(frozen=True)
class Music:
    mark: Mark
    track: str


@dataclass(frozen=True)
class Sound:
    mark: Mark
    effect: str


@dataclass(frozen=True)
class Option:
    mark: Mark
    text: str
    key: str  # the option's id, or a stable key made from its text
    condition: Condition | None
    set: dict[str, bool | int]
    add: dict[str, int]
    evidence: str | None  # compiled into the option's block; kept here for the graph and lint
    goto: str | None
    target: int  # where play continues: the option's own block, or the index after the choice


@dataclass(frozen=True)
class Choice:
    mark: Mark
    prompt: str
    key: str
    options: tuple[Option, ...]
    after: int  # the index after the choice and all its option blocks


@dataclass(frozen=True)
class Jump:
    mark: Mark
    target: int


@dataclass(frozen=True)
class JumpUnless:
    mark: Mark
    condition: Condition
    target: int


@dataclass(frozen=True)
class Goto:
    mark: Mark
    scene: str


@dataclass(frozen=True)
class SetVars:
    mark: Mark
    values: dict[str, bool | int]


@dataclass(frozen=True)
class AddVars:
    mark: Mark
    steps: dict[str, int]


@dataclass(frozen=True)
class GainEvidence:
    mark: Mark
    evidence: str


@dataclass(frozen=True)
class Account:
    source: str
    says: str


@dataclass(frozen=True)
class Fact:
    mark: Mark
    text: str
    source: str
    section: str


@dataclass(frozen=True)
class Differ:
    mark: Mark
    topic: str
    accounts: tuple[Account, ...]
    question: str


@dataclass(frozen=True)
class Prompt:
    mark: Mark
    question: str
    followups: tuple[str, ...]
    minutes: int | None


@dataclass(frozen=True)
class End:
    mark: Mark
    ending: str
    title: str


Op = Union[Line, Show, Hide, Move, Background, Music, Sound, Choice, Jump, JumpUnless, Goto,
           SetVars, AddVars, GainEvidence, Fact, Differ, Prompt, End]


@dataclass(frozen=True)
class Scene:
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


@dataclass(frozen=True)
class Story:
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
    timeline: Any = None  # game.timeline.model.Timeline, built from scenes/timeline/ by the loader

    def chapter(self, number: int) -> Chapter | None:
        return next((c for c in self.chapters if c.number == number), None)

    def scenes_in_chapter(self, number: int) -> list[Scene]:
        return [s for s in self.scenes.values() if s.chapter == number]
