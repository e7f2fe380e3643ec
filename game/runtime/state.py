"""Everything that changes while playing, as one plain-data object that round-trips through JSON."""
from __future__ import annotations

import copy
from dataclasses import field
from typing import Any

from ..content.records import mutable_record

STATE_VERSION = 1

PLAY = "play"          # stepping through the scene's beats
NOTE = "note"          # waiting for the player to answer a content note
SUMMARY = "summary"    # running the scene silently after the player chose its summary
ENDED = "ended"


@mutable_record
class Stage:
    """What is on screen: enough to redraw the moment after a load or a rollback."""

    background: str = ""
    music: str = ""
    sprites: dict[str, dict[str, str]] = field(default_factory=dict)  # who -> {expression, at}
    illustration: str = ""  # a full-screen illustration over it all (sprites are not drawn while it shows)


@mutable_record
class StoryState:
    scene: str
    pc: int = 0
    mode: str = PLAY
    entered: bool = False  # False until the scene's start card has been shown
    vars: dict[str, bool | int] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    visits: dict[str, int] = field(default_factory=dict)
    stage: Stage = field(default_factory=Stage)
    path: list[dict[str, Any]] = field(default_factory=list)  # every choice taken, in order
    ending: str = ""
    steps: int = 0
    scene_lines: int = 0  # lines shown since entering the scene: saves use it to find their place after edits
    cards: list[dict[str, str | int]] = field(default_factory=list)  # fact/differ cards gathered: {scene, pc}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy that shares nothing mutable with the state (see `dict_of`)."""
        return self.dict_of(self.mark())

    def dict_of(self, mark: tuple, lines: int = 0) -> dict[str, Any]:
        """`from_mark(mark, lines).to_dict()` in one copy, for a mark of this state or of one before it: what a
        save takes while an event is on screen (the state just before it).

        Written out rather than `dataclasses.asdict`, whose generic deep copy of the growing choice path was
        80% of a hot reload. Every value below is flat, so one level of copying is a full copy (a test holds
        it to asdict). The choice path's entries, never changed once taken, are copied once each: the copies
        are kept and shared by the dicts this returns for the same path, so an autosave at every choice copies
        the new entries, not the whole path. They share nothing with the state; treat them as read-only
        (`from_dict` copies them again).
        """
        (scene, pc, mode, entered, vars_, evidence, n_evidence, visits, background, music, sprites, illustration,
         path, n_path, ending, steps, scene_lines, cards, n_cards) = mark
        return {"scene": scene, "pc": pc + lines, "mode": mode, "entered": entered, "vars": dict(vars_),
                "evidence": evidence[:n_evidence], "visits": dict(visits),
                "stage": {"background": background, "music": music,
                          "sprites": {who: dict(sprite) for who, sprite in sprites.items()},
                          "illustration": illustration},
                "path": self._path_copies(path, n_path), "ending": ending, "steps": steps + lines,
                "scene_lines": scene_lines + lines, "cards": [dict(card) for card in cards[:n_cards]],
                "version": STATE_VERSION}

    _copied_path = None  # (a path list, copies of its first entries); not a field (see _path_copies)

    def _path_copies(self, path: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        """Copies of the first `count` entries of `path`, each made once while the path stays the same list
        (it only ever grows, as `mark` says)."""
        copied = self._copied_path
        if copied is None or copied[0] is not path or len(path) < len(copied[1]):
            copied = self._copied_path = (path, [])
        copies = copied[1]
        if len(copies) < count:
            copies.extend(map(dict, path[len(copies):count]))
        return copies[:count]

    _copies = None  # (vars, visits, sprites) as copied by the last mark; not a field (see `mark`)

    def touched(self) -> None:
        """The runtime changed the variables, visits or sprites in place: the next mark copies them again."""
        self._copies = None

    def mark(self) -> tuple:
        """A rollback point: what `from_mark` needs to rebuild this state exactly, taken in O(1) of the steps.

        The choice path, the evidence and the gathered cards only ever grow between restores (code
        that starts them over assigns a new list), so a mark keeps the list itself and its length,
        not a copy: a thousand marks share one path. The small mappings (variables, visits, sprites)
        are copied, and the copies are shared with the marks after it until the runtime changes one
        (`touched`) or they no longer compare equal (a change made from outside): most steps change
        none of them. Nothing ever writes to a mark's copies (`from_mark` copies them again).
        """
        stage = self.stage
        copies = self._copies
        if copies is None or copies[0] != self.vars or copies[1] != self.visits or copies[2] != stage.sprites:
            copies = self._copies = (dict(self.vars), dict(self.visits),
                                     {who: dict(sprite) for who, sprite in stage.sprites.items()})
        return (self.scene, self.pc, self.mode, self.entered, copies[0], self.evidence, len(self.evidence),
                copies[1], stage.background, stage.music, copies[2], stage.illustration,
                self.path, len(self.path), self.ending, self.steps, self.scene_lines, self.cards, len(self.cards))

    @classmethod
    def from_mark(cls, mark: tuple, lines: int = 0) -> "StoryState":
        """The state a `mark` was taken from, sharing nothing mutable with the mark; `lines` plain lines further
        on (each moves pc, steps and scene_lines one up and changes nothing else: runtime/history.py)."""
        (scene, pc, mode, entered, vars_, evidence, n_evidence, visits, background, music, sprites, illustration,
         path, n_path, ending, steps, scene_lines, cards, n_cards) = mark
        return cls(scene, pc + lines, mode, entered, dict(vars_), evidence[:n_evidence], dict(visits),
                   Stage(background, music, {who: dict(sprite) for who, sprite in sprites.items()}, illustration),
                   path[:n_path], ending, steps + lines, scene_lines + lines, cards[:n_cards])

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "StoryState":
        data = dict(data)
        version = data.pop("version", STATE_VERSION)
        if version > STATE_VERSION:
            raise ValueError(f"state format {version} is newer than this game understands ({STATE_VERSION})")
        stage = Stage(**data.pop("stage", {}))
        return cls(stage=stage, **copy.deepcopy(data))
