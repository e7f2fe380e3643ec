"""The events a runtime has shown, each with the state just before it: what rollback and the backlog read.

Most steps show the next plain line and change nothing but three counters (pc, scene_lines and steps, each
one up). The history keeps such lines as a run: one mark (`StoryState.mark`) of the state before the run's
first line, then one list append per line. The state before the n-th line of a run is the run's mark with
its counters n further on, so a step costs no mark of its own. Any other step is a run of one.
"""
from __future__ import annotations

from collections import deque
from typing import Callable

from . import events as ev

Point = tuple[tuple, int]  # (a StoryState.mark, how many lines after it): `StoryState.from_mark(*point)`


class _Run:
    """Events shown one after another from `mark`: the first `ahead` lines after it, then `events`."""

    __slots__ = ("mark", "ahead", "events")

    def __init__(self, mark: tuple, ahead: int, events: list[ev.Event]):
        self.mark, self.ahead, self.events = mark, ahead, events


class History:
    """The last `limit` events shown, oldest first, each with the point it was shown from."""

    def __init__(self, limit: int):
        self.limit = limit
        self._runs: deque[_Run] = deque()
        self._earlier = 0  # events in every run but the last

    def add(self, mark: tuple, event: ev.Event) -> None:
        """Record `event`, shown from the state `mark` was taken of."""
        self.begin(mark).append(event)

    def begin(self, mark: tuple) -> list[ev.Event]:
        """A new run from the state `mark` was taken of; returns its events, for the caller to append the
        first at once, then each further line shown from the state the last one left if that line changed
        nothing but the three counters. (The history may then hold more than `limit` events until it is next
        read: reading it first drops the oldest.)"""
        if self._runs:
            self._earlier += len(self._runs[-1].events)
        run = _Run(mark, 0, [])
        self._runs.append(run)
        self._trim()
        return run.events

    def __len__(self) -> int:
        self._trim()
        return self._earlier + len(self._runs[-1].events) if self._runs else 0

    def __getitem__(self, index: int) -> tuple[Point, ev.Event]:
        """(point, event) of the index-th event shown (negative: from the newest, found from that end)."""
        size = len(self)
        if not -size <= index < size:
            raise IndexError("history index out of range")
        back = size - 1 - index % size  # how many events came after it
        for run in reversed(self._runs):
            if back < len(run.events):
                at = len(run.events) - 1 - back
                return (run.mark, run.ahead + at), run.events[at]
            back -= len(run.events)
        raise AssertionError("unreachable: the runs hold `size` events")

    def pop(self) -> tuple[Point, ev.Event]:
        """Take the newest event off: (the point it was shown from, the event)."""
        self._trim()
        run = self._runs[-1]
        event = run.events.pop()
        point = (run.mark, run.ahead + len(run.events))
        if not run.events:
            self._runs.pop()
            if self._runs:
                self._earlier -= len(self._runs[-1].events)
        return point, event

    def events(self) -> list[ev.Event]:
        """Every event still held, oldest first."""
        self._trim()
        return [event for run in self._runs for event in run.events]

    def since_line(self) -> int:
        """How many events, the last one included, came since the last line (or since the scene's start card)."""
        count = 0
        for run in reversed(self._runs):
            for event in reversed(run.events):
                if isinstance(event, ev.LineEvent):
                    return count
                count += 1
                if isinstance(event, ev.SceneStart):
                    return count
        return count

    def retold(self, tell: Callable[[Point, ev.Event], ev.Event]) -> "History":
        """The same history with each event replaced by `tell(point, event)`."""
        self._trim()
        other = History(self.limit)
        other._earlier = self._earlier
        for run in self._runs:
            other._runs.append(_Run(run.mark, run.ahead, [tell((run.mark, run.ahead + i), event)
                                                          for i, event in enumerate(run.events)]))
        return other

    def _trim(self) -> None:
        """Drop the oldest events beyond `limit`."""
        runs = self._runs
        if not runs:
            return
        excess = self._earlier + len(runs[-1].events) - self.limit
        while excess > 0:
            first = runs[0]
            if len(runs) > 1 and len(first.events) <= excess:
                runs.popleft()
                self._earlier -= len(first.events)
                excess -= len(first.events)
                continue
            del first.events[:excess]
            first.ahead += excess
            if len(runs) > 1:
                self._earlier -= excess
            excess = 0
