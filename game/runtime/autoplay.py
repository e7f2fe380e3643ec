"""Random walks through a story: the cheapest way to find runtime errors on every branch."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..content import model as m
from . import events as ev
from .runtime import Options, Runtime


@dataclass
class WalkReport:
    """What walking the story's choices found: steps, playthroughs, scenes, endings and choices seen."""

    steps: int = 0
    playthroughs: int = 0
    scenes: set[str] = field(default_factory=set)
    endings: dict[str, int] = field(default_factory=dict)
    choices: set[tuple[str, str]] = field(default_factory=set)  # (choice key, option index)
    scene_order: list[list[str]] = field(default_factory=list)  # scenes entered, per playthrough


def random_walk(story: m.Story, seed: int = 0, steps: int = 2_000, options: Options | None = None,
                restart: bool = True) -> WalkReport:
    """Advance `steps` times taking random options; start again at each ending when `restart`."""
    rng = random.Random(seed)
    report = WalkReport()
    rt = Runtime(story, options)
    report.scene_order.append([])
    while report.steps < steps:
        event = rt.advance()
        report.steps += 1
        order = report.scene_order[-1]
        if isinstance(event, ev.SceneStart) or not order or order[-1] != rt.state.scene:
            report.scenes.add(rt.state.scene)  # entered: with its title card, or a scene that has `card: false`
            order.append(rt.state.scene)
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            index, _ = rng.choice(event.options)
            if isinstance(event, ev.ChoiceEvent):
                report.choices.add((event.key, str(index)))
            rt.choose(index)
        elif isinstance(event, ev.EndEvent):
            report.endings[event.ending] = report.endings.get(event.ending, 0) + 1
            report.playthroughs += 1
            if not restart:
                break
            rt = Runtime(story, options, seen=rt.seen)
            report.scene_order.append([])
    return report
