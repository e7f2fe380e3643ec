"""A director's contact sheet: every event of one scene as numbered thumbnails with their text.

It plays the scene headless through the same app and play screen as the game (see capture.py),
one path through it (`choose` picks option numbers at successive choices, first options after),
with content notes answered "play" and cards and prompts shown where they are written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import pygame

from ..content import model as m
from ..content.markup import plain
from ..library import Library
from ..runtime import events as ev
from ..runtime.wording import ending_title, options_of, speaker_name
from ..ui.draw import box
from ..words import chapter_label, t
from .capture import moments, option_index, settle, start_app

COLUMNS = 4
THUMB = (320, 180)
GAP = 12
CAPTION_SIZE = 13
MAX_CAPTION_LINES = 9
MAX_EVENTS = 300  # a bound, in case a path loops in a way the repeat check below does not see
BACKDROP, INK, MUTED, ACCENT = (18, 20, 28), (235, 232, 225), (160, 156, 150), (242, 201, 76)


@dataclass
class Sheet:
    """What was drawn: one caption per cell, and why the walk stopped."""

    scene: str
    captions: list[str] = field(default_factory=list)
    stopped: str = ""
    size: tuple[int, int] = (0, 0)

    @property
    def cells(self) -> int:
        return len(self.captions)


def caption(event: ev.Event, chosen: int | None = None) -> str:
    """The event as plain text (no markup): who speaks and what, a choice with its options (the chosen one
    marked), a card's kind."""
    return plain(_caption(event, chosen))


def _caption(event: ev.Event, chosen: int | None) -> str:
    if isinstance(event, ev.SceneStart):
        return t("sheet.scene", chapter=chapter_label(event.chapter), title=event.title, date=event.date)
    if isinstance(event, ev.LineEvent):
        name = speaker_name(event)
        return f"{name}: {event.text}" if name else event.text
    if isinstance(event, (ev.ChoiceEvent, ev.ContentNoteEvent)):
        if isinstance(event, ev.ChoiceEvent):
            head = t("sheet.choice", prompt=f"{event.name + ': ' if event.name else ''}{event.prompt}")
        else:
            head = t("sheet.note", title=event.scene_title)
        options = [f"{'>' if i == chosen else ' '} {n}. {text}" for n, (i, text) in enumerate(options_of(event), 1)]
        return "\n".join([head, *options])
    if isinstance(event, ev.EvidenceEvent):
        return t("sheet.evidence", name=event.name)
    if isinstance(event, ev.FactEvent):
        return t("sheet.fact", source=event.source, text=event.text)
    if isinstance(event, ev.DifferEvent):
        return t("sheet.differ", topic=event.topic)
    if isinstance(event, ev.PromptEvent):
        return t("sheet.prompt", question=event.question)
    if isinstance(event, ev.EndEvent):
        return t("sheet.end", title=ending_title(event) or t("end.the_end"))
    return type(event).__name__.upper()


def stage_note(event: ev.Event) -> str:
    """Stage changes met on the way to this event that a thumbnail may not make obvious."""
    notes = []
    for effect in event.effects:
        if effect[0] == "illustration":
            notes.append(t("sheet.illustration", id=effect[1]))
        elif effect[0] == "background":
            notes.append(t("sheet.background", id=effect[1], how=effect[2]))
        elif effect[0] == "music":
            notes.append(t("sheet.music", id=effect[1]))
        elif effect[0] == "sound":
            notes.append(t("sheet.sound", id=effect[1]))
        elif effect[0] in ("show", "hide"):
            notes.append(t(f"sheet.{effect[0]}", who=effect[1], how=effect[2]))
        elif effect[0] == "move":
            notes.append(t("sheet.move", who=effect[1], to=effect[3]))
    return " ".join(notes)


def contact_sheet(library: Library, scene: str, out: Path, choose: Sequence[int] = (), **app_args) -> Sheet:
    """Render every event of `scene` on one path into a PNG at `out`; returns what was drawn."""
    app = start_app(library, scene, **app_args)
    play = app.top
    sheet = Sheet(scene)
    thumbs: list[pygame.Surface] = []
    choices = 0
    asked: set[str] = set()  # each choice with the story state it was met in
    for event in moments(play, choose):
        state = play.rt.state
        if state.scene != scene:
            sheet.stopped = t("sheet.goes_on", scene=state.scene)
            break
        if isinstance(event, ev.ChoiceEvent) and choices >= len(choose):  # the picks given are followed as given
            key = repr((state.pc, event.options, sorted(state.vars.items()), state.evidence))
            if key in asked:  # a hub that loops through itself, and this path changes nothing
                sheet.stopped = t("sheet.loops")
                break
            asked.add(key)
        if len(thumbs) >= MAX_EVENTS:
            sheet.stopped = t("sheet.stopped", count=MAX_EVENTS)
            break
        settle(app)
        thumbs.append(pygame.transform.smoothscale(app.canvas, THUMB))
        chosen = None
        if isinstance(event, ev.WAITS_FOR_CHOICE):  # the option moments() takes next
            chosen = option_index(event, choose[choices] if choices < len(choose) else 1)
            choices += 1
        text = caption(event, chosen)
        note = stage_note(event)
        sheet.captions.append(f"{text}\n{note}" if note else text)
    else:
        sheet.stopped = t("sheet.ended")
    image = _compose(app.fonts, library.story.scenes[scene], thumbs, sheet, list(choose))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(image, str(out))
    sheet.size = image.get_size()
    return sheet


def _compose(fonts, scene: m.Scene, thumbs: list[pygame.Surface], sheet: Sheet, choose: list[int]) -> pygame.Surface:
    width = COLUMNS * THUMB[0] + (COLUMNS + 1) * GAP
    text_w = THUMB[0] - 8
    step = fonts.line_height(CAPTION_SIZE)
    wrapped = [_wrap(fonts, text, text_w) for text in sheet.captions]
    caption_h = max((len(lines) for lines in wrapped), default=1) * step + 8
    cell_h = THUMB[1] + caption_h
    rows = max(1, -(-len(thumbs) // COLUMNS))
    header = 3 * fonts.line_height(16) + GAP
    image = pygame.Surface((width, header + rows * (cell_h + GAP) + GAP))
    image.fill(BACKDROP)
    path = ",".join(map(str, choose)) or t("sheet.first_options")
    lines = [(f"{scene.title}  ({scene.id}, {scene.file})", ACCENT, True),
             (t("sheet.summary", count=sheet.cells, path=path, stopped=sheet.stopped), INK, False)]
    y = GAP
    for text, colour, bold in lines:
        image.blit(fonts.render(text, 16, colour, bold), (GAP, y))
        y += fonts.line_height(16) + 4
    for n, (thumb, lines_) in enumerate(zip(thumbs, wrapped)):
        x = GAP + (n % COLUMNS) * (THUMB[0] + GAP)
        top = header + (n // COLUMNS) * (cell_h + GAP)
        image.blit(thumb, (x, top))
        badge = fonts.render(str(n + 1), 16, BACKDROP, True)
        box(image, ACCENT, pygame.Rect(x, top, badge.get_width() + 12, badge.get_height() + 4))
        image.blit(badge, (x + 6, top + 2))
        for i, line in enumerate(lines_):
            colour = MUTED if line.startswith("[") else INK
            image.blit(fonts.render(line, CAPTION_SIZE, colour), (x + 4, top + THUMB[1] + 4 + i * step))
    return image


def _wrap(fonts, text: str, width: int) -> list[str]:
    """Wrapped caption lines, at most MAX_CAPTION_LINES (the last ends with '…' when cut)."""
    lines = [line for part in text.split("\n") for line in (fonts.wrap(part, CAPTION_SIZE, width) or [""])]
    if len(lines) > MAX_CAPTION_LINES:
        lines = lines[:MAX_CAPTION_LINES]
        lines[-1] = lines[-1][:-1] + "…"
    return lines
