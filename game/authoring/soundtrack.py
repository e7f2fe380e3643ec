"""A playthrough's audio timeline, from the runtime alone (no window, no mixer, no pygame).

For every scene entered: the music that plays (the stage's track, as the play screen follows it),
the ambience (the loop of the background's location), the effects that fire, and whether any of
its stops (a line, a choice, a card) happen in silence, with neither music nor ambience. Silence is
fine where the script asks for it: a `music: stop` in the scene (a beat, or the scene's own
`music:`). Anywhere else it is flagged. scripts/audio_timeline.py prints it; a test checks the
shipped story with it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..content import model as m
from ..runtime import events as ev
from ..runtime.runtime import Options, Runtime

MAX_STEPS = 20_000


@dataclass
class SceneSound:
    """What one visit to a scene sounds like."""

    scene: str
    title: str
    music: list[str] = field(default_factory=list)     # tracks in the order they play ("" for silence)
    ambience: list[str] = field(default_factory=list)  # loops in the order they play ("" for a quiet place)
    effects: list[str] = field(default_factory=list)   # effects in the order they fire
    stops: int = 0                                     # lines, choices and cards shown
    silent_stops: int = 0                              # of those, shown with no music and no ambience
    asks_silence: bool = False                         # the scene has a `music: stop`
    ending: str = ""                                   # the ending reached in this scene, if one is

    @property
    def silent(self) -> bool:
        """Some of it plays with neither music nor ambience."""
        return self.silent_stops > 0

    @property
    def flagged(self) -> bool:
        """Silent without the script asking for it."""
        return self.silent and not self.asks_silence


def asks_silence(scene: m.Scene) -> bool:
    """Whether the scene stops the music itself (`music: stop` as its header or as a beat)."""
    return scene.music == "stop" or any(isinstance(op, m.Music) and op.track == "stop" for op in scene.code)


def _add(names: list[str], name: str) -> None:
    if not names or names[-1] != name:
        names.append(name)


def _first(event: ev.ChoiceEvent | ev.ContentNoteEvent, taken: dict[str, dict[int, int]]) -> int:
    """The first of the options taken least often so far at this choice."""
    counts = taken.setdefault(getattr(event, "key", ""), {})
    index = min((i for i, _ in event.options), key=lambda i: counts.get(i, 0))
    counts[index] = counts.get(index, 0) + 1
    return index


def timeline(story: m.Story, seed: int | None = None, options: Options | None = None,
             max_steps: int = MAX_STEPS) -> list[SceneSound]:
    """Play the story once, to its first ending: the first option of every choice, or random ones with `seed`.

    "First" is the first of the options taken least often so far at that choice, so that a hub the story
    comes back to (the retrial's) moves on instead of taking the same option for ever.
    """
    rng = random.Random(seed) if seed is not None else None
    taken: dict[str, dict[int, int]] = {}
    rt = Runtime(story, options or Options(content_notes="play"))
    visits: list[SceneSound] = []
    for _ in range(max_steps):
        event = rt.advance()
        stage = rt.state.stage
        if isinstance(event, ev.SceneStart) or not visits:
            scene = story.scenes[rt.state.scene]
            visits.append(SceneSound(scene.id, scene.title, asks_silence=asks_silence(scene)))
        here = visits[-1]
        here.effects += [e[1] for e in event.effects if e[0] == "sound"]
        location = story.locations.get(stage.background)
        ambience = (location.ambience or "") if location else ""
        _add(here.music, stage.music)
        _add(here.ambience, ambience)
        if not isinstance(event, ev.SceneStart):
            here.stops += 1
            here.silent_stops += not (stage.music or ambience)
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(rng.choice(event.options)[0] if rng else _first(event, taken))
        elif isinstance(event, ev.EndEvent):
            here.ending = event.ending
            break
    return visits


def describe(visit: SceneSound) -> str:
    """One line per scene: music, ambience, effects, and a flag for unasked-for silence."""
    def names(items: list[str], quiet: str) -> str:
        return " → ".join(n or quiet for n in items) or quiet

    parts = [f"{visit.scene:24s}", f"music: {names(visit.music, '(silence)')}",
             f"ambience: {names(visit.ambience, '(quiet)')}"]
    if visit.effects:
        counts: dict[str, int] = {}
        for effect in visit.effects:
            counts[effect] = counts.get(effect, 0) + 1
        parts.append("effects: " + ", ".join(f"{k}×{n}" if n > 1 else k for k, n in counts.items()))
    if visit.ending:
        parts.append(f"ending: {visit.ending}")
    if visit.silent:
        what = f"{visit.silent_stops} of {visit.stops} stops silent"
        parts.append(f"{what} (asked: music: stop)" if visit.asks_silence else f"SILENT: {what}, not asked for")
    return "  ".join(parts)
