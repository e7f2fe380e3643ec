"""The session log: what happened in one classroom session, with times relative to its start.

    log = SessionLog(clock=time.monotonic)
    log.scene("shop_window", "The Shop Window", 1)
    log.choice("shop_window", "promise", 0, "Pinky promise", how="vote")

Every entry is one `Entry` (one CSV row when exported). The clock is injectable, so tests
and the headless app can drive it (the app passes its own frame time).
"""
from __future__ import annotations

import datetime as _dt
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..content.markup import plain
from ..runtime import events as ev

# kinds of entry, in the order a session usually meets them
KINDS = ("session_start", "content_plan", "scene", "content_note", "choice", "vote", "prompt", "jump",
         "quiz_start", "quiz_answer", "quiz_end", "note")
HOW = ("teacher", "vote", "plan")  # who made a choice: the teacher, the class by vote, the content-note plan


@dataclass(frozen=True)
class Entry:
    """One thing that happened in a class session, and when."""

    t: float            # seconds since the session started
    kind: str           # one of KINDS
    scene: str = ""     # scene id, where there is one
    chapter: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def clock(self) -> str:
        """`t` as m:ss (or h:mm:ss past an hour)."""
        return format_clock(self.t)


def format_clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@dataclass(frozen=True)
class Tally:
    """One option of a class vote and the hands counted for it."""

    index: int          # the index the runtime's choose() takes
    text: str
    count: int


class SessionLog:
    def __init__(self, clock: Callable[[], float] = time.monotonic, started: _dt.datetime | None = None):
        self._clock = clock
        self._t0 = clock()
        self.started = started or _dt.datetime.now().replace(microsecond=0)
        self.entries: list[Entry] = []
        self.add("session_start", started=self.started.isoformat())

    # --- time ------------------------------------------------------------------------------------

    def elapsed(self) -> float:
        return max(0.0, self._clock() - self._t0)

    # --- recording -------------------------------------------------------------------------------

    def add(self, kind: str, scene: str = "", chapter: int | None = None, **detail: Any) -> Entry:
        if kind not in KINDS:
            raise ValueError(f"unknown session entry kind '{kind}'")
        entry = Entry(round(self.elapsed(), 1), kind, scene, chapter, dict(detail))
        self.entries.append(entry)
        return entry

    def content_plan(self, plan: dict[str, str], titles: dict[str, str] | None = None) -> Entry:
        """The plan made before class; `titles` names its scenes for the summary (by id when left out)."""
        return self.add("content_plan", plan=dict(plan), titles=dict(titles or {}))

    def scene(self, scene: str, title: str, chapter: int) -> Entry:
        return self.add("scene", scene, chapter, title=title)

    def content_note(self, scene: str, chapter: int | None, decision: str, topics: tuple[str, ...] = ()) -> Entry:
        return self.add("content_note", scene, chapter, decision=decision, topics=list(topics))

    def choice(self, scene: str, chapter: int | None, key: str, index: int, text: str, how: str,
               prompt: str = "") -> Entry:
        if how not in HOW:
            raise ValueError(f"how must be one of {HOW}")
        return self.add("choice", scene, chapter, key=key, index=index, text=text, how=how, prompt=prompt)

    def vote(self, scene: str, chapter: int | None, key: str, prompt: str, tallies: list[Tally],
             winner: int, tie_broken: bool) -> Entry:
        return self.add("vote", scene, chapter, key=key, prompt=prompt,
                        tallies=[(t.index, t.text, t.count) for t in tallies], winner=winner,
                        tie_broken_by_teacher=tie_broken)

    def prompt(self, scene: str, chapter: int | None, question: str, minutes: int | None = None) -> Entry:
        return self.add("prompt", scene, chapter, question=question, minutes=minutes)

    def jump(self, scene: str, chapter: int | None) -> Entry:
        return self.add("jump", scene, chapter)

    def quiz_start(self, title: str, teams: list[str], questions: int) -> Entry:
        return self.add("quiz_start", title=title, teams=list(teams), questions=questions)

    def quiz_answer(self, question_id: str, team: str, given: str, correct: bool, points: int,
                    chapter: int | None = None, **about: Any) -> Entry:
        """`about` may add quiz, topic, answer (the right one), source and section for the export."""
        return self.add("quiz_answer", "", chapter, question=question_id, team=team, given=given,
                        correct=correct, points=points, **about)

    def quiz_end(self, scores: dict[str, int]) -> Entry:
        return self.add("quiz_end", scores=dict(scores))

    # --- reading ---------------------------------------------------------------------------------

    def of(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def path(self) -> list[Entry]:
        """Scenes entered and choices made, in order: the path the class took through the story."""
        return [e for e in self.entries if e.kind in ("scene", "choice", "jump", "content_note")]


class Recorder:
    """Writes what a runtime newly shows and what is chosen into a session log.

    It listens to the runtime (`attach`), which tells it of new events and answers only, so going
    back and forth with rollback never writes an entry twice. Scenes entered (with the content-note
    plan's decision for a noted scene), discussion prompts and choices are recorded; `how` says who
    makes the next choice ("vote" after a class vote, then back to "teacher").
    """

    def __init__(self, log: SessionLog, story, plan: dict[str, str]):
        self.log = log
        self.story = story
        self.plan = dict(plan)
        self.how = "teacher"
        self.runtime = None

    def attach(self, runtime) -> None:
        self.runtime = runtime
        runtime.listeners.append(self)

    def chapter(self) -> int | None:
        scene = self.story.scenes.get(self.runtime.state.scene) if self.runtime else None
        return scene.chapter if scene else None

    def __call__(self, item) -> None:
        scene = self.runtime.state.scene
        if isinstance(item, ev.SceneStart):
            self.log.scene(item.scene, plain(item.title), item.chapter)
            note = self.story.scenes[item.scene].content_note
            if note:
                self.log.content_note(item.scene, item.chapter, self.plan.get(item.scene, "play"), tuple(note.topics))
        elif isinstance(item, ev.PromptEvent):
            self.log.prompt(scene, self.chapter(), plain(item.question), item.minutes)
        elif isinstance(item, ev.Chosen) and isinstance(item.event, ev.ChoiceEvent):
            e = item.event
            text = next((t for i, t in e.options if i == item.index), "")
            self.log.choice(scene, self.chapter(), e.key, item.index, plain(text), self.how, prompt=plain(e.prompt))
            self.how = "teacher"
