"""What the runtime hands to a screen: one event per stop, plus the effects met on the way."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

Effect = tuple  # ("sound", id) | ("music", id) | ("background", id, transition)


@dataclass(frozen=True)
class SceneStart:
    scene: str
    title: str
    chapter: int
    chapter_title: str
    date: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class LineEvent:
    speaker: str | None  # character id, None for narration
    name: str
    colour: str
    text: str
    line_id: str
    seen: bool = field(compare=False)  # read before, in any playthrough: presentation only
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ChoiceEvent:
    prompt: str
    options: tuple[tuple[int, str], ...]  # (index to pass to choose(), text); only available options
    key: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ContentNoteEvent:
    scene_title: str
    topics: tuple[str, ...]
    summary: str
    options: tuple[tuple[int, str], ...] = ((0, "Play the scene"), (1, "Read a short summary instead"))
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class EvidenceEvent:
    evidence: str
    name: str
    description: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class FactEvent:
    text: str
    source: str  # the source's title
    section: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class DifferEvent:
    topic: str
    accounts: tuple[tuple[str, str], ...]  # (source title, what it says)
    question: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class PromptEvent:
    question: str
    followups: tuple[str, ...]
    minutes: int | None
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class EndEvent:
    ending: str
    title: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


Event = Union[SceneStart, LineEvent, ChoiceEvent, ContentNoteEvent, EvidenceEvent, FactEvent, DifferEvent,
              PromptEvent, EndEvent]
WAITS_FOR_CHOICE = (ChoiceEvent, ContentNoteEvent)
