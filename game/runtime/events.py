"""What the runtime hands to a screen: one event per stop, plus the effects met on the way.

Text in events (lines, choices, options, cards) is markup source with variables filled in:
draw it with game/screens/richtext.py, or read it as plain text with `content.markup.plain`.
"""
from __future__ import annotations

from dataclasses import field
from typing import Union

from ..content.records import record

Effect = tuple  # ("sound", id) | ("music", id) | ("background", id, transition) | ("illustration", id, transition)
# | ("show", who, "dissolve" | "fade", sprite before or None) | ("hide", who, "dissolve" | "fade", sprite before)
# | ("move", who, from position, to position); a sprite is the stage's {expression, at, outfit?} dict


@record
class SceneStart:
    """A scene begins: the screens show its title card."""

    scene: str
    title: str
    chapter: int
    chapter_title: str
    date: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class LineEvent:
    """A line of narration or dialogue to show."""

    speaker: str | None  # character id, None for narration
    name: str
    colour: str
    text: str
    line_id: str
    seen: bool = field(compare=False)  # read before, in any playthrough: presentation only
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class ChoiceEvent:
    """A choice to offer; the runtime waits for `choose()`. A spoken choice names its speaker like a line."""

    prompt: str
    options: tuple[tuple[int, str], ...]  # (index to pass to choose(), text); only available options
    key: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)
    speaker: str | None = None  # character id of a spoken choice
    name: str = ""
    colour: str = ""


@record
class ContentNoteEvent:
    """A content note before a scene: play it, or read a summary instead."""

    scene_title: str
    topics: tuple[str, ...]
    summary: str
    options: tuple[tuple[int, str], ...] = ((0, ""), (1, ""))  # play it, read the summary: the screens word them
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class Chosen:
    """An answer given to a choice or a content note: told to the runtime's listeners, never shown."""

    event: ChoiceEvent | ContentNoteEvent
    index: int  # the index choose() took


@record
class EvidenceEvent:
    """The player has gained a piece of evidence."""

    evidence: str
    name: str
    description: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class FactEvent:
    """A sourced fact card."""

    text: str
    source: str  # the source's title
    section: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class DifferEvent:
    """A card where the sources disagree."""

    topic: str
    accounts: tuple[tuple[str, str], ...]  # (source title, what it says)
    question: str
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class PromptEvent:
    """A discussion prompt (classroom use)."""

    question: str
    followups: tuple[str, ...]
    minutes: int | None
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class SourcesPage:
    """A chapter's fact and differ cards, gathered in normal play and shown together when the chapter ends."""

    chapter: int
    chapter_title: str
    cards: tuple[Union[FactEvent, DifferEvent], ...]
    effects: tuple[Effect, ...] = field(default=(), compare=False)


@record
class EndEvent:
    """The story has reached an ending; `sources` holds the last chapter's cards (the end screen offers them)."""

    ending: str
    title: str
    sources: SourcesPage | None = None
    effects: tuple[Effect, ...] = field(default=(), compare=False)


Event = Union[SceneStart, LineEvent, ChoiceEvent, ContentNoteEvent, EvidenceEvent, FactEvent, DifferEvent,
              PromptEvent, SourcesPage, EndEvent]
WAITS_FOR_CHOICE = (ChoiceEvent, ContentNoteEvent)
