"""`explore`: play every path of the story, breadth-first, and report what was reached.

The explorer runs the real runtime. It advances until the story waits for an answer (a
choice or a content note), then branches on every available answer. States that can
behave differently later are told apart by a canonical key of the runtime state; what
cannot change the future is left out of the key (the history, the stage, flags no later
scene reads, counter values above the largest number any condition compares with), so
loops such as a retrial that repeats until a counter is high enough end quickly.

Breadth-first order means the first time a beat is reached it is reached with the
fewest choices, so the report can give the shortest choice path to every beat.
Exhaustive when the distinct states fit in `max_states`; otherwise it stops and says so.

It also finds menus that offer the player nothing: a choice whose every option goes back, with
nothing changed, to a choice already on the path and outside its own option blocks (a witness with
no questions left, whose only option is "No further questions"), so the way in changed nothing either;
and options that only delay another: after one, the story offers nothing but a single way on at each
choice until it is where the other option went, in the same state ("Not yet" said to a judge, back to a
hub that offers only resting).
"""
from __future__ import annotations

import heapq
import json
import random
from dataclasses import dataclass, field
from typing import Any

from ..content import model as m
from ..content.loader import condition_refs
from ..content.markup import plain
from ..runtime import events as ev
from ..runtime.runtime import CONTENT_NOTE_KEY, Options, Runtime
from ..runtime.wording import options_of
from .flow import scene_closure, story_flow

DEFAULT_MAX_STATES = 5_000
MAX_DIVE_CHOICES = 2_000  # choices one random play-through may take before it gives up looking for an ending
DEFAULT_DIVES = 50
MAX_EVENTS_PER_STRETCH = 20_000  # events between two answers before we call it an endless loop


class ExploreError(RuntimeError):
    """The story failed at run time on some path (the report carries every failure)."""


@dataclass(frozen=True)
class Step:
    """One answer on a path: where it was asked, and what was picked."""

    scene: str
    choice: str        # choice key, or "content_note"
    option: str        # option key, or "play"/"summary"
    text: str          # the option's text as the player sees it

    def __str__(self) -> str:
        return f"{self.scene}: {self.text}"


@dataclass
class Failure:
    """A run that broke: what went wrong, the choices that lead there and the scene it broke in."""

    message: str
    path: tuple[Step, ...]
    scene: str


@dataclass(frozen=True)
class DeadEnd:
    """A choice that offers only ways back: each of its options returns to a choice already on the path, with
    nothing changed."""

    scene: str
    choice: str
    mark: str
    path: tuple[Step, ...]  # the shortest path found to it


@dataclass(frozen=True)
class Delay:
    """An option that changes nothing: it does nothing itself, and after it every choice offers a single option
    until the story is where another option, `like`, went, in the same state ("": back at its own choice)."""

    scene: str
    choice: str
    option: str
    like: str
    mark: str  # the option's
    path: tuple[Step, ...]  # the shortest path found to its choice


@dataclass
class ExploreReport:
    """What exploring every path found: counts, coverage and failures."""

    states: int = 0                   # distinct states explored
    complete: bool = True             # False when max_states stopped the search
    max_states: int = DEFAULT_MAX_STATES
    events: int = 0                   # events produced in total
    beats_total: int = 0              # ops the author wrote (compiler jumps excluded)
    lines_total: int = 0
    beats_reached: dict[tuple[str, int], tuple[Step, ...]] = field(default_factory=dict)  # (scene, index) -> path
    lines_reached: int = 0
    options_total: int = 0
    # (scene, choice, option) -> shortest path found
    options_reached: dict[tuple[str, str, str], tuple[Step, ...]] = field(default_factory=dict)
    endings: dict[str, tuple[Step, ...]] = field(default_factory=dict)  # ending id ("" = ran off a scene's end)
    ending_titles: dict[str, str] = field(default_factory=dict)  # ending id -> its title as the end screen shows it
    scenes_reached: set[str] = field(default_factory=set)
    scenes_total: int = 0
    unreached: list[tuple[str, int, str, str]] = field(default_factory=list)  # (scene, index, mark, what)
    unreached_options: list[tuple[str, str, str, str]] = field(default_factory=list)  # (scene, choice, option, mark)
    failures: list[Failure] = field(default_factory=list)
    dead_ends: list[DeadEnd] = field(default_factory=list)
    delays: list[Delay] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def reach_ending(self, ending: str, path: tuple[Step, ...], title: str = "") -> None:
        """Remember the shortest path found to an ending, and its title."""
        if ending not in self.endings or len(self.endings[ending]) > len(path):
            self.endings[ending] = path
        self.ending_titles[ending] = title or self.ending_titles.get(ending, "")

    def render_endings(self) -> list[str]:
        """Every ending reached, with its title and the shortest choice path found to it, one step a line."""
        out = [f"endings: {len(self.endings)} reached" if self.endings else "endings: none"]
        for ending, path in sorted(self.endings.items(), key=lambda item: (len(item[1]), item[0])):
            name = f"{ending} \"{self.ending_titles.get(ending, '')}\"" if ending else "(ran off the end of a scene)"
            out.append(f"  {name} after {len(path)} choice(s)" + (":" if path else ""))
            out += [f"      {n}. {step}" for n, step in enumerate(path, 1)]
        return out

    def reach_option(self, path: tuple[Step, ...]) -> None:
        """Remember the shortest path found to the option taken last on `path` (content notes aside)."""
        step = path[-1]
        if step.choice == CONTENT_NOTE_KEY:
            return
        key = (step.scene, step.choice, step.option)
        if key not in self.options_reached or len(self.options_reached[key]) > len(path):
            self.options_reached[key] = path

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def percent(self, what: str) -> float:
        reached, total = {"beats": (len(self.beats_reached), self.beats_total),
                          "lines": (self.lines_reached, self.lines_total),
                          "options": (len(self.options_reached), self.options_total),
                          "scenes": (len(self.scenes_reached), self.scenes_total)}[what]
        return 100.0 * reached / total if total else 100.0

    def path_to(self, scene: str, index: int) -> tuple[Step, ...] | None:
        """The shortest choice path that reaches op `index` of `scene`, or None when none does."""
        return self.beats_reached.get((scene, index))

    def unreached_reason(self) -> str:
        return "unreachable" if self.complete else f"not reached within {self.max_states} states"

    def render_text(self) -> str:
        """What `python -m game explore` prints."""
        out = [f"explored {self.states} state(s), {self.events} event(s)"
               + ("" if self.complete else f" (stopped at --max-states {self.max_states}: not exhaustive)"),
               f"scenes:  {len(self.scenes_reached)}/{self.scenes_total} ({self.percent('scenes'):.1f}%)",
               f"beats:   {len(self.beats_reached)}/{self.beats_total} ({self.percent('beats'):.1f}%)",
               f"lines:   {self.lines_reached}/{self.lines_total} ({self.percent('lines'):.1f}%)",
               f"options: {len(self.options_reached)}/{self.options_total} ({self.percent('options'):.1f}%)",
               *self.render_endings()]
        for scene, _index, mark, what in self.unreached:
            out.append(f"{mark}: {what} in '{scene}': {self.unreached_reason()}")
        for scene, choice, option, mark in self.unreached_options:
            out.append(f"{mark}: option '{option}' of choice '{choice}' in '{scene}': never offered"
                       + ("" if self.complete else f" within {self.max_states} states"))
        for dead in self.dead_ends:
            out.append(f"{dead.mark}: warning: choice '{dead.choice}' in '{dead.scene}' offers only ways back: each "
                       "option returns to an earlier choice with nothing changed (offer the way in only while "
                       f"something is left here: `if: {{offers: {dead.choice}}}`)")
            out.append("    after: " + (" > ".join(str(s) for s in dead.path) or "(no choices)"))
        for delay in self.delays:
            how = (f"after it each choice offers a single option, to where '{delay.like}' goes" if delay.like else
                   "it comes back to this choice with nothing changed")
            out.append(f"{delay.mark}: warning: option '{delay.option}' of choice '{delay.choice}' in '{delay.scene}' "
                       f"changes nothing: {how} (offer it only while it leads somewhere else)")
            out.append("    after: " + (" > ".join(str(s) for s in delay.path) or "(no choices)"))
        for failure in self.failures:
            out.append(f"error in scene '{failure.scene}': {failure.message}")
            out.append("    after: " + (" > ".join(str(s) for s in failure.path) or "(no choices)"))
        out.append("ok" if self.ok else f"{len(self.failures)} runtime error(s)")
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        def path(p):
            return [s.__dict__ for s in p]
        return {"states": self.states, "complete": self.complete, "events": self.events,
                "coverage": {k: round(self.percent(k), 2) for k in ("scenes", "beats", "lines", "options")},
                "endings": {e: path(p) for e, p in sorted(self.endings.items())},
                "ending_titles": dict(sorted(self.ending_titles.items())),
                "unreached": [{"scene": s, "index": i, "at": mk, "what": w, "reason": self.unreached_reason()}
                              for s, i, mk, w in self.unreached],
                "dead_ends": [{"scene": d.scene, "choice": d.choice, "at": d.mark, "path": path(d.path)}
                              for d in self.dead_ends],
                "delays": [{"scene": d.scene, "choice": d.choice, "option": d.option, "like": d.like, "at": d.mark,
                            "path": path(d.path)} for d in self.delays],
                "failures": [{"scene": f.scene, "message": f.message, "path": path(f.path)} for f in self.failures]}

    def render_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)


class _Recorder(Runtime):
    """A runtime that notes every op it carries out while not in summary mode, and keeps no history."""

    hook = None

    def _run(self, op, quiet):
        if not quiet and self.hook is not None:
            self.hook(self._state.scene, self._state.pc)  # (`state` would end the history's run of lines)
        return super()._run(op, quiet)


def _step(value: bool | int | str) -> int:
    """How a `set:` moves a counter, for the clamping below: -1 when it can go down, else 0 (flags and text)."""
    return -1 if type(value) is int and value < 0 else 0


class _KeyMaker:
    """Canonical state keys that keep only what can still change where the story goes."""

    def __init__(self, story: m.Story):
        self.story = story
        flow = story_flow(story)
        closure = scene_closure(story, flow.scenes)
        reads: dict[str, set[tuple[str, str]]] = {}
        self.bounds: dict[str, int] = {}   # counter -> largest number compared with (None: no clamping)
        self.grows_only: set[str] = set()
        adds: dict[str, list[int]] = {}
        for sid, scene in story.scenes.items():
            found: set[tuple[str, str]] = set()
            for op in scene.code:
                conds = [op.condition] if isinstance(op, m.JumpUnless) else \
                    [o.condition for o in op.options if o.condition] if isinstance(op, m.Choice) else []
                for cond in conds:
                    found.update(condition_refs(cond))
                    if _has_count(cond):
                        found.add(("evidence_count", ""))
                    self._bounds(cond)
                if isinstance(op, m.AddVars):
                    for k, v in op.steps.items():
                        adds.setdefault(k, []).append(v)
                elif isinstance(op, m.SetVars):
                    for k, v in op.values.items():
                        adds.setdefault(k, []).append(_step(v))
                elif isinstance(op, m.Choice):
                    for o in op.options:
                        for k, v in o.add.items():
                            adds.setdefault(k, []).append(v)
                        for k, v in o.set.items():
                            adds.setdefault(k, []).append(_step(v))
            reads[sid] = found
        # a counter can be clamped above its largest compared number only if it never goes down
        self.grows_only = {k for k, steps in adds.items() if all(s >= 0 for s in steps)}
        self.live: dict[str, set[tuple[str, str]]] = {
            sid: set().union(*(reads[s] for s in closure[sid])) for sid in story.scenes}

    def _bounds(self, cond: Any) -> None:
        """Largest number each counter is compared with (a flag read counts as 'compared with 0')."""
        if not isinstance(cond, dict):
            return
        numbers = [int(cond[k]) for k in ("eq", "ne", "gt", "gte", "lt", "lte") if k in cond]
        if "counter" in cond:
            self.bounds[cond["counter"]] = max([self.bounds.get(cond["counter"], 0), *numbers, 0])
        if "flag" in cond:
            self.bounds[cond["flag"]] = max(self.bounds.get(cond["flag"], 0), 0)
        for inner in [*cond.get("all", []), *cond.get("any", [])]:
            self._bounds(inner)
        if "not" in cond:
            self._bounds(cond["not"])

    def key(self, state) -> str:
        live = self.live.get(state.scene, set())
        live_vars = {n for k, n in live if k == "var"}
        vars_ = {}
        for name in sorted(live_vars):
            if name not in state.vars:
                continue
            value = state.vars[name]
            if name in self.grows_only and type(value) is int and name in self.bounds:
                value = min(value, self.bounds[name] + 1)
            vars_[name] = value
        live_evidence = {n for k, n in live if k == "evidence"}
        counts = ("evidence_count", "") in live
        evidence = sorted(state.evidence) if counts else sorted(set(state.evidence) & live_evidence)
        live_scenes = {n for k, n in live if k == "scene"}
        visits = {s: n for s, n in sorted(state.visits.items()) if s in live_scenes}
        # visits are compared with numbers too: clamp them like a growing counter
        return json.dumps([state.scene, state.pc, state.mode, state.entered, state.ending, vars_, evidence,
                           {s: min(n, self.visit_bound + 1) for s, n in visits.items()}],
                          sort_keys=True, default=str)

    @property
    def visit_bound(self) -> int:
        return getattr(self, "_visit_bound", 1_000_000)


def _has_count(cond: Any) -> bool:
    if not isinstance(cond, dict):
        return False
    if "evidence_count" in cond:
        return True
    return any(_has_count(c) for c in cond.get("all", []) + cond.get("any", [])) or _has_count(cond.get("not"))


def _visit_bound(story: m.Story) -> int:
    best = 0

    def walk(cond):
        nonlocal best
        if not isinstance(cond, dict):
            return
        if "visits" in cond or "visited" in cond:
            best = max([best, *(int(cond[k]) for k in ("eq", "ne", "gt", "gte", "lt", "lte") if k in cond)])
        for c in cond.get("all", []) + cond.get("any", []):
            walk(c)
        walk(cond.get("not"))

    for scene in story.scenes.values():
        for op in scene.code:
            if isinstance(op, m.JumpUnless):
                walk(op.condition)
            elif isinstance(op, m.Choice):
                for o in op.options:
                    walk(o.condition)
    return best


def explore(story: m.Story, max_states: int = DEFAULT_MAX_STATES, options: Options | None = None,
            dives: int = DEFAULT_DIVES, seed: int = 0, start: dict | None = None) -> ExploreReport:
    """Walk every path; never raises for story errors: see `.failures`.

    First `dives` seeded random play-throughs reach the endings and the deep parts of a big
    story quickly; then a search over distinct states (least-explored position first, then
    fewest choices) goes through every branch until none is left or `max_states` is reached.
    `start`: a runtime state to begin from (`Runtime.state.to_dict()`), instead of the story's start.
    """
    options = options or Options(prompts=True, content_notes="ask")
    report = ExploreReport(max_states=max_states, scenes_total=len(story.scenes))
    for _sid, scene in story.scenes.items():
        for _i, op in enumerate(scene.code):
            if not isinstance(op, m.Jump):
                report.beats_total += 1
                report.lines_total += isinstance(op, m.Line)
            if isinstance(op, m.Choice):
                report.options_total += len(op.options)
    keys = _KeyMaker(story)
    keys._visit_bound = _visit_bound(story)

    current_path: list[tuple[Step, ...]] = [()]

    def hook(scene: str, pc: int) -> None:
        known = report.beats_reached.get((scene, pc))
        shorter = known is None or len(known) > len(current_path[0])
        if shorter and not isinstance(story.scenes[scene].code[pc], m.Jump):
            report.beats_reached[(scene, pc)] = current_path[0]

    try:
        rt = _Recorder(story, options)
    except Exception as exc:  # noqa: BLE001 - a bad start scene is a story error to report
        report.failures.append(Failure(f"{type(exc).__name__}: {exc}", (), story.start))
        return _finish(story, report)
    rt.hook = hook
    start = start or rt.state.to_dict()
    _dive(story, rt, start, report, current_path, dives, seed)
    rt.restore(start)
    seen = {keys.key(rt.state)}
    menus = _Menus()
    # Least-explored position first, then fewest choices: every part of the story is reached early
    # even when the state space is too large to finish (plain breadth-first would stall in the first
    # chapters); explored to the end it is still exhaustive.
    at_position: dict[tuple, int] = {}
    queue: list[tuple[int, int, int, dict, tuple[Step, ...], _Came]] = [(0, 0, 0, start, (), _Came())]
    pushed = 0
    report.states = 1
    while queue:
        _, _, _, state, path, came = heapq.heappop(queue)
        current_path[0] = path
        rt.restore(state)
        try:
            event = _run_to_stop(rt, report)
        except Exception as exc:  # noqa: BLE001 - every runtime failure is reported with its path
            report.failures.append(Failure(f"{type(exc).__name__}: {exc}", path, rt.state.scene))
            continue
        if isinstance(event, ev.EndEvent):
            report.reach_ending(rt.state.ending, path, event.title or "The End")
            menus.stopped(came, f"ending {rt.state.ending}")
            continue
        here = keys.key(rt.state)
        menus.arrived(came, here, rt.state.scene, rt.state.pc)
        at_choice = rt.state.to_dict()
        scene = rt.state.scene
        offered = [(index, text, _step_for(story, rt, event, index, text)) for index, text in options_of(event)]
        op = story.scenes[scene].code[rt.state.pc]
        if isinstance(event, ev.ChoiceEvent):
            menus.offers(here, scene, op, path, [step.option for *_, step in offered])
        below = came.then(here, (scene, rt.state.pc, op.after if isinstance(op, m.Choice) else rt.state.pc))
        for index, _text, step in offered:  # a content note's answers are worded by the screens
            rt.restore(at_choice)
            rt.current = event
            report.reach_option(path + (step,))
            try:
                rt.choose(index)
            except Exception as exc:  # noqa: BLE001
                report.failures.append(Failure(f"{type(exc).__name__}: {exc}", path + (step,), scene))
                continue
            rt.state.path = []  # the explorer keeps its own paths; a growing list only slows snapshots
            key = keys.key(rt.state)
            if isinstance(event, ev.ChoiceEvent):
                menus.leads(here, step.option, key)
            if key in seen:
                continue
            if len(seen) >= max_states:
                report.complete = False
                continue
            seen.add(key)
            report.states += 1
            position = (rt.state.scene, rt.state.pc, rt.state.mode)
            rank = at_position.get(position, 0)
            at_position[position] = rank + 1
            pushed += 1
            heapq.heappush(queue, (rank, len(path) + 1, pushed, rt.state.to_dict(), path + (step,),
                                   below.by(step.option, key)))
    report.dead_ends, report.delays = menus.dead_ends(), menus.delays(story)
    return _finish(story, report)


def _bare(code: tuple, op: m.Choice, option: m.Option) -> bool:
    """The option does nothing itself: it sets, adds and gains nothing, and has no beat of its own but a goto."""
    if option.set or option.add or option.evidence:
        return False
    return option.target is None or option.target >= op.after or isinstance(code[option.target], (m.Jump, m.Goto))


@dataclass(frozen=True)
class _Came:
    """How the search came to a state: the keys of the choices on its path, and the choice and option it left
    last (none for the start), with the code that choice's option blocks span."""

    choices: frozenset[str] = frozenset()
    choice: str | None = None  # its key
    span: tuple[str, int, int] = ("", 0, 0)  # its scene, its index, the index after its option blocks
    option: str = ""
    chosen: str = ""  # the state's key, just after that option was taken

    def then(self, here: str, span: tuple[str, int, int]) -> _Came:
        return _Came(self.choices | {here}, here, span)

    def by(self, option: str, chosen: str) -> _Came:
        return _Came(self.choices, self.choice, self.span, option, chosen)

    def inside(self, scene: str, pc: int) -> bool:
        """Whether index `pc` of `scene` is in the option blocks of the choice left last (a menu it opens)."""
        return scene == self.span[0] and self.span[1] < pc < self.span[2]


class _Menus:
    """The choices the search met (by state key): which of their options came back to a choice already on their
    path, unchanged, and where each option led (the next choice's key, or an ending)."""

    def __init__(self) -> None:
        self._offered: dict[str, tuple[str, m.Choice, tuple[Step, ...], set[str]]] = {}  # key -> scene, op, path, keys
        self._returned: dict[str, set[str]] = {}
        self._chosen: dict[str, dict[str, str]] = {}  # choice's key -> option -> the state's key just after it
        self._stops: dict[str, str] = {}  # a state's key just after an option -> the next choice's key, or an ending

    def offers(self, here: str, scene: str, op: m.Choice, path: tuple[Step, ...], options: list[str]) -> None:
        if here not in self._offered:
            self._offered[here] = (scene, op, path, set(options))

    def arrived(self, came: _Came, here: str, scene: str, pc: int) -> None:
        """The search reached the choice keyed `here` at index `pc` of `scene`, where `came`'s option led: back
        unchanged to one on its path, not one the option opened, it is a way back."""
        self.stopped(came, here)
        if came.choice is not None and here in came.choices and not came.inside(scene, pc):
            self._returned.setdefault(came.choice, set()).add(came.option)

    def leads(self, here: str, option: str, chosen: str) -> None:
        self._chosen.setdefault(here, {}).setdefault(option, chosen)

    def stopped(self, came: _Came, stop: str) -> None:
        """The state `came` left just after its option (its key `came.chosen`) goes on to `stop` (a choice's key,
        or an ending)."""
        if came.chosen:
            self._stops.setdefault(came.chosen, stop)

    def _next(self, here: str, option: str) -> str | None:
        chosen = self._chosen.get(here, {}).get(option)
        return None if chosen is None else self._stops.get(chosen)

    def delays(self, story: m.Story) -> list[Delay]:
        """Options that do nothing themselves, after which each choice offers one option until the story stops at
        their own choice again, or (after one such choice at least) where another option of it stopped: the same
        state, so the same future."""
        found: dict[tuple[str, str, str], Delay] = {}
        for here, (scene, op, path, options) in self._offered.items():
            if len(options) < 2:
                continue
            direct = {option: self._next(here, option) for option in options}
            bare = {o.key for o in op.options if _bare(story.scenes[scene].code, op, o)}
            for option in sorted(options & bare):
                stop, forced = direct[option], 0
                while stop in self._offered and len(self._offered[stop][3]) == 1 and forced < len(self._offered):
                    stop, forced = self._next(stop, next(iter(self._offered[stop][3]))), forced + 1
                others = [other for other in sorted(options) if other != option and direct[other] is not None]
                like = "" if stop == here else next((other for other in others if direct[other] == stop), None)
                if like == "" or (forced and like is not None):
                    known = found.get((scene, op.key, option))
                    if known is None or len(known.path) > len(path):
                        mark = next(str(o.mark) for o in op.options if o.key == option)
                        found[(scene, op.key, option)] = Delay(scene, op.key, option, like, mark, path)
        return sorted(found.values(), key=lambda d: (d.scene, d.choice, d.option))

    def dead_ends(self) -> list[DeadEnd]:
        found: dict[tuple[str, str], DeadEnd] = {}
        for here, (scene, op, path, options) in self._offered.items():
            if options and options <= self._returned.get(here, set()):
                known = found.get((scene, op.key))
                if known is None or len(known.path) > len(path):
                    found[(scene, op.key)] = DeadEnd(scene, op.key, str(op.mark), path)
        return sorted(found.values(), key=lambda d: (d.scene, d.choice))


def _dive(story: m.Story, rt: _Recorder, start: dict, report: ExploreReport, current_path: list,
          dives: int, seed: int) -> None:
    """Random play-throughs from the start, recording what they reach (and their paths)."""
    rng = random.Random(seed)
    for _ in range(dives):
        rt.restore(start)
        path: tuple[Step, ...] = ()
        current_path[0] = path
        try:
            for _ in range(MAX_DIVE_CHOICES):  # a story whose loops never reach an ending must not hang a dive
                event = _run_to_stop(rt, report)
                if isinstance(event, ev.EndEvent):
                    report.reach_ending(rt.state.ending, path, event.title or "The End")
                    break
                index, text = rng.choice(options_of(event))
                step = _step_for(story, rt, event, index, text)
                rt.choose(index)
                rt.state.path = []
                path = path + (step,)
                current_path[0] = path
                report.reach_option(path)
        except Exception:  # noqa: BLE001 - the search below meets the same failure and reports it
            return


def _run_to_stop(rt: Runtime, report: ExploreReport) -> Any:
    """Advance to the next choice, content note or ending, counting events and scenes on the way."""
    for _ in range(MAX_EVENTS_PER_STRETCH):
        event = rt.advance()
        report.events += 1
        report.scenes_reached.add(rt.state.scene)  # not only title cards: a scene may have `card: false`
        if isinstance(event, (ev.EndEvent, *ev.WAITS_FOR_CHOICE)):
            return event
    raise ExploreError(f"{MAX_EVENTS_PER_STRETCH} events without a choice or an ending (an endless loop of gotos?)")


def _step_for(story: m.Story, rt: Runtime, event: Any, index: int, text: str) -> Step:
    scene = rt.state.scene
    if isinstance(event, ev.ContentNoteEvent):
        return Step(scene, CONTENT_NOTE_KEY, "play" if index == 0 else "summary", text)
    choice = story.scenes[scene].code[rt.state.pc]
    return Step(scene, choice.key, choice.options[index].key, plain(text))


def _finish(story: m.Story, report: ExploreReport) -> ExploreReport:
    report.lines_reached = sum(1 for (s, i) in report.beats_reached if isinstance(story.scenes[s].code[i], m.Line))
    for sid, scene in story.scenes.items():
        for i, op in enumerate(scene.code):
            if isinstance(op, m.Jump) or (sid, i) in report.beats_reached:
                continue
            report.unreached.append((sid, i, str(op.mark), _describe(op)))
        for op in scene.code:
            if isinstance(op, m.Choice):
                for o in op.options:
                    if (sid, op.key, o.key) not in report.options_reached:
                        report.unreached_options.append((sid, op.key, o.key, str(o.mark)))
    return report


def _describe(op: Any) -> str:
    name = type(op).__name__
    if isinstance(op, m.Line):
        words = op.text if len(op.text) <= 40 else op.text[:39] + "…"
        return f"line \"{words}\""
    return {"JumpUnless": "if", "SetVars": "set", "AddVars": "add", "GainEvidence": "evidence"}.get(name, name.lower())


def explore_or_raise(story: m.Story, max_states: int = DEFAULT_MAX_STATES) -> ExploreReport:
    """Like `explore`, but raises ExploreError (with the report's text) on any runtime failure."""
    report = explore(story, max_states)
    if report.failures:
        raise ExploreError(report.render_text())
    return report
