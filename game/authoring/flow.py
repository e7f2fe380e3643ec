"""Static control flow of a compiled story: which ops and scenes any path can reach.

The analysis over-approximates what can happen at run time: both ways of every `if` and
every option of every choice are assumed possible. So "unreachable" here is sound (no
play-through can get there), while "reachable" only means "not ruled out".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from ..content import model as m

FALLS_OFF = -1  # pseudo successor: play runs past the last op of the scene (no next, goto or end)


def successors(scene: m.Scene, index: int) -> list[int]:
    """Op indices play may continue at after op `index` (FALLS_OFF for the end of the scene)."""
    code = scene.code
    op = code[index]
    if isinstance(op, m.Goto) and op.label is not None and op.scene == scene.id:
        result: list[int] = [scene.labels[op.label]] if op.label in scene.labels else []  # a jump in the scene
    elif isinstance(op, (m.Goto, m.End)):
        result = []
    elif isinstance(op, m.Jump):
        result = [op.target]
    elif isinstance(op, m.JumpUnless):
        result = [index + 1, op.target]
    elif isinstance(op, m.Choice):
        result = [o.target for o in op.options]
        if all(o.condition for o in op.options):
            result.append(op.after)  # no option available: play goes on past the choice
    else:
        result = [index + 1]
    return sorted({FALLS_OFF if t >= len(code) else t for t in result})


@dataclass
class SceneFlow:
    """Which ops of one scene some path reaches, where play runs off its end and which scenes it goes to."""

    reached: set[int] = field(default_factory=set)         # op indices some path reaches
    falls_off_from: list[int] = field(default_factory=list)  # reached ops after which play runs off the end
    exits: set[str] = field(default_factory=set)           # scenes entered by reached gotos


def scene_flow(scene: m.Scene, entries: set[int] | frozenset[int] = frozenset({0})) -> SceneFlow:
    """The flow of `scene` from its start and any other `entries` (the labels gotos from elsewhere enter at)."""
    flow = SceneFlow()
    if not scene.code:
        return flow
    todo = sorted(i for i in entries if 0 <= i < len(scene.code))
    while todo:
        i = todo.pop()
        if i in flow.reached:
            continue
        flow.reached.add(i)
        op = scene.code[i]
        if isinstance(op, m.Goto) and not (op.label is not None and op.scene == scene.id):
            flow.exits.add(op.scene)
        for nxt in successors(scene, i):
            if nxt == FALLS_OFF:
                flow.falls_off_from.append(i)
            else:
                todo.append(nxt)
    flow.falls_off_from.sort()
    return flow


@dataclass
class StoryFlow:
    """Every scene's flow and the scenes reachable from the story's start."""

    story: m.Story
    scenes: dict[str, SceneFlow]      # every scene's own flow (from its first op)
    reachable: list[str]              # scenes reachable from story.start, in breadth-first order

    def reached_ops(self) -> Iterator[tuple[m.Scene, int, Any]]:
        """(scene, index, op) for every op some play-through can reach."""
        for sid in self.reachable:
            scene = self.story.scenes[sid]
            for i in sorted(self.scenes[sid].reached):
                yield scene, i, scene.code[i]


def label_entries(story: m.Story) -> dict[str, set[int]]:
    """For each scene, the op indices play may enter it at: its start, and every label a goto from another
    scene names (an over-approximation: the goto itself may be unreachable)."""
    entries = {sid: {0} for sid in story.scenes}
    for sid, scene in story.scenes.items():
        for op in scene.code:
            if isinstance(op, m.Goto) and op.label is not None and op.scene != sid and op.scene in story.scenes:
                target = story.scenes[op.scene]
                if op.label in target.labels:
                    entries[op.scene].add(target.labels[op.label])
    return entries


def story_flow(story: m.Story) -> StoryFlow:
    entries = label_entries(story)
    flows = {sid: scene_flow(scene, entries[sid]) for sid, scene in story.scenes.items()}
    order: list[str] = []
    seen: set[str] = set()
    queue = [story.start] if story.start in story.scenes else []
    while queue:
        sid = queue.pop(0)
        if sid in seen or sid not in story.scenes:
            continue
        seen.add(sid)
        order.append(sid)
        queue.extend(sorted(flows[sid].exits - seen))
    return StoryFlow(story, flows, order)


def scene_closure(story: m.Story, flows: dict[str, SceneFlow]) -> dict[str, set[str]]:
    """For each scene, the scenes (itself included) that play may go on to from it."""
    result: dict[str, set[str]] = {}
    for sid in story.scenes:
        seen, todo = set(), [sid]
        while todo:
            s = todo.pop()
            if s in seen or s not in story.scenes:
                continue
            seen.add(s)
            todo.extend(flows[s].exits)
        result[sid] = seen
    return result


def option_blocks(choice: m.Choice) -> list[tuple[m.Option, int, int]]:
    """(option, start, end) of each option's own block of ops (end exclusive)."""
    starts = sorted({o.target for o in choice.options if o.target != choice.after})
    blocks = []
    for option in choice.options:
        if option.target == choice.after:
            continue
        later = [s for s in starts if s > option.target]
        blocks.append((option, option.target, later[0] if later else choice.after))
    return blocks


Stage = frozenset  # characters that may be on stage at a point (None: anything, e.g. a stage kept from elsewhere)


def may_be_on_stage(story: m.Story) -> dict[str, dict[int, Stage | None]]:
    """For each scene, the characters that may be on stage just before each reachable op (a may-analysis over
    the scene's flow). A scene starts with an empty stage unless some goto keeps the stage into it; then, like a
    label entered with `keep_stage`, anything may be there."""
    kept: set[tuple[str, int]] = set()  # (scene, entry index) some goto enters with keep_stage
    for scene in story.scenes.values():
        for op in scene.code:
            if isinstance(op, m.Goto) and op.keep_stage and op.scene in story.scenes:
                target = story.scenes[op.scene]
                kept.add((op.scene, target.labels.get(op.label, 0) if op.label else 0))
    result: dict[str, dict[int, Stage | None]] = {}
    for sid, scene in story.scenes.items():
        before: dict[int, Stage | None] = {}
        todo: list[tuple[int, Stage | None]] = [(i, None if (sid, i) in kept else Stage())
                                                for i in sorted(label_entries(story)[sid]) if i < len(scene.code)]
        while todo:
            i, stage = todo.pop()
            if i in before:
                old = before[i]
                merged = None if old is None or stage is None else old | stage
                if merged == old:
                    continue
            else:
                merged = stage
            before[i] = merged
            after = _stage_after(scene.code[i], merged)
            todo.extend((nxt, after) for nxt in successors(scene, i) if nxt != FALLS_OFF)
        result[sid] = before
    return result


def _stage_after(op, stage: Stage | None) -> Stage | None:
    if stage is None:
        return None
    if isinstance(op, m.Show):
        return stage | {op.who}
    if isinstance(op, m.Hide):
        return stage - {op.who}
    return stage
