"""The words the runtime leaves to the screens, in the player's language.

The runtime emits no English of its own: a content note's two answers, the heading of the summary that
replaces a skipped scene, an ending without a title and a "sources differ" card without its own question
come out empty, and whatever shows or exports an event fills them in here (game/lang/*.yaml, keys
`runtime.*`), so events, saves and the seen-lines record stay the same in every language.

    speaker_name(event)     a line's name plate ("Summary" / "요약" for the summary line)
    options_of(event)       a choice's or a content note's (index, text) options
    differ_question(event)  a differ card's question
    ending_title(event)     an ending's own title ("" when it has none: the end screen says "The End" anyway)
    shown(event)            a copy with all of these filled in (for logs and exports; screens that compare
                            events keep the runtime's own and ask the functions above when drawing)
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..words import t
from . import events as ev

NOTE_KEYS = ("runtime.note_play", "runtime.note_summary")


def is_summary(event: Any) -> bool:
    """The line that stands for a scene the player chose to read as a summary."""
    return isinstance(event, ev.LineEvent) and event.speaker is None and event.line_id.endswith(":summary") \
        and not event.name


def speaker_name(event: Any) -> str:
    if is_summary(event):
        return t("runtime.summary")
    return getattr(event, "name", "") or ""


def options_of(event: Any) -> tuple[tuple[int, str], ...]:
    if isinstance(event, ev.ContentNoteEvent):
        return tuple((i, text or (t(NOTE_KEYS[i]) if i < len(NOTE_KEYS) else str(i + 1)))
                     for i, text in event.options)
    return tuple(getattr(event, "options", ()))


def differ_question(event: Any) -> str:
    return getattr(event, "question", "") or t("runtime.differ_question")


def ending_title(event: Any) -> str:
    return getattr(event, "title", "") or ""


def shown(event: Any) -> Any:
    """`event` with the runtime's empty words filled in, in the current language (cards of a page too)."""
    if is_summary(event):
        return dataclasses.replace(event, name=speaker_name(event))
    if isinstance(event, ev.ContentNoteEvent):
        return dataclasses.replace(event, options=options_of(event))
    if isinstance(event, ev.DifferEvent):
        return dataclasses.replace(event, question=differ_question(event))
    if isinstance(event, ev.SourcesPage):
        return dataclasses.replace(event, cards=tuple(shown(card) for card in event.cards))
    if isinstance(event, ev.EndEvent):
        sources = shown(event.sources) if event.sources is not None else None
        return dataclasses.replace(event, title=ending_title(event), sources=sources)
    return event
