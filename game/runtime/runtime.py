"""The story runtime: one small public face over an immutable story and a plain-data state.

    rt = Runtime(story)
    event = rt.advance()          # the next thing to show
    rt.choose(i)                  # when the event is a choice or a content note
    rt.rollback(); rt.roll_forward()
    data = rt.to_dict(); Runtime.from_dict(story, data)

Stage directions (show, background, music...) do not stop: they update `state.stage`,
which screens draw, and are reported as `effects` on the next event.
"""
from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..content import model as m
from ..content.markup import interpolate, show_value
from . import events as ev
from .conditions import holds
from .state import ENDED, NOTE, PLAY, SUMMARY, StoryState

MAX_OPS_PER_STOP = 100_000
HISTORY_LIMIT = 1_000
CONTENT_NOTE_POLICIES = ("ask", "play", "summary")
CONTENT_NOTE_KEY = "content_note"  # the choice key content-note answers are recorded under
CARD_POLICIES = ("chapter_end", "inline")


_DEFAULTS: dict[int, tuple[m.Story, dict[str, bool | int | str]]] = {}  # by id(story), the story kept with it


def variable_defaults(story: m.Story) -> dict[str, bool | int | str]:
    """What each variable reads as before it is set: '' for a text variable, 0 for a counter, false for a flag
    (the kind comes from the values the story sets it to). Worked out once per story, when first needed."""
    entry = _DEFAULTS.get(id(story))
    if entry is not None and entry[0] is story:
        return entry[1]
    defaults: dict[str, bool | int | str] = {}
    for scene in story.scenes.values():
        for op in scene.code:
            sets = [op.values] if isinstance(op, m.SetVars) else [o.set for o in op.options] \
                if isinstance(op, m.Choice) else []
            steps = [op.steps] if isinstance(op, m.AddVars) else [o.add for o in op.options] \
                if isinstance(op, m.Choice) else []
            for values in sets:
                for name, value in values.items():
                    if defaults.get(name, False) is False:  # a flag until a value says otherwise
                        defaults[name] = "" if isinstance(value, str) else False if isinstance(value, bool) else 0
            for values in steps:
                for name in values:
                    defaults.setdefault(name, 0)
    _DEFAULTS.clear()  # one story at a time is enough
    _DEFAULTS[id(story)] = (story, defaults)
    return defaults


class StoryRuntimeError(RuntimeError):
    """The story cannot go on (a loop that never stops, a choice with no available option...)."""


@dataclass
class Options:
    prompts: bool = False          # show discussion prompts (classroom mode turns this on)
    content_notes: str | Mapping[str, str] = "ask"  # ask | play | summary, or a plan per scene:
    # {scene id: "play" | "summary"} (the classroom's, made before class; a noted scene not in it plays)
    cards: str = "chapter_end"     # fact/differ cards: gathered for the chapter's end, or shown where written

    def __post_init__(self) -> None:
        if isinstance(self.content_notes, Mapping):
            self.content_notes = dict(self.content_notes)
            bad = sorted(s for s, d in self.content_notes.items() if d not in ("play", "summary"))
            if bad:
                raise ValueError(f"a content-note plan says 'play' or 'summary' for each scene, not for {bad}")
        elif self.content_notes not in CONTENT_NOTE_POLICIES:
            raise ValueError(f"content_notes must be one of {CONTENT_NOTE_POLICIES} or a plan per scene")
        if self.cards not in CARD_POLICIES:
            raise ValueError(f"cards must be one of {CARD_POLICIES}")


class Runtime:
    def __init__(self, story: m.Story, options: Options | None = None, state: StoryState | None = None,
                 seen: set[str] | None = None, start: str | None = None):
        self.story = story
        self.options = options or Options()
        self.seen: set[str] = seen if seen is not None else set()  # lines ever read; never rolled back
        self.current: ev.Event | None = None
        # (StoryState.mark() before, event) per shown event; a mark shares the growing path (O(1) per step)
        self._history: deque[tuple[tuple, ev.Event]] = deque(maxlen=HISTORY_LIMIT)
        self._future: list[tuple] = []   # marks undone by rollback, for roll_forward
        self._effects: list[ev.Effect] = []
        # told of every new event (from advance) and every answer (an ev.Chosen, from choose); never of the
        # events that rollback and roll_forward show again (the classroom's session log listens)
        self.listeners: list[Callable[[ev.Event | ev.Chosen], None]] = []
        if state is None:
            start = start or story.start
            if start not in story.scenes:
                raise StoryRuntimeError(f"no scene '{start}'")
            self.state = StoryState(scene=start)
            self._enter(start)
        else:
            self.state = state

    # --- public face -----------------------------------------------------------------------

    def advance(self) -> ev.Event:
        """Show the next event; at a choice, returns the same choice until `choose` is called."""
        if isinstance(self.current, ev.WAITS_FOR_CHOICE):
            return self.current
        self._future.clear()
        event = self._step()
        for listen in self.listeners:
            listen(event)
        return event

    def choose(self, index: int) -> None:
        """Answer the current choice or content note with the index given in its `options`."""
        current = self.current
        if not isinstance(current, ev.WAITS_FOR_CHOICE):
            raise StoryRuntimeError("there is no choice to answer")
        if index not in [i for i, _ in current.options]:
            raise StoryRuntimeError(f"option {index} is not available here")
        self._future.clear()
        if isinstance(current, ev.ContentNoteEvent):
            self.state.mode = PLAY if index == 0 else SUMMARY
            self.state.path.append({"scene": self.state.scene, "choice": CONTENT_NOTE_KEY,
                                    "option": "play" if index == 0 else "summary", "index": index, "auto": False})
            if self.state.mode == SUMMARY:
                self.state.pc = -1  # -1: the summary itself is the next thing shown
        else:
            self._take(index, auto=False)
        self.current = None
        for listen in self.listeners:
            listen(ev.Chosen(current, index))

    def rollback(self) -> ev.Event | None:
        """Step back to the previous event (None at the start of the history)."""
        if len(self._history) < 2:
            return None
        self._future.append(self._history.pop()[0])
        self._restore_mark(self._history.pop()[0])
        return self._step()

    def return_to(self, index: int) -> ev.Event | None:
        """Roll back to the event at `index` of `shown()` (the backlog's "return to this line")."""
        event = None
        while len(self._history) > index + 1:
            event = self.rollback()
        return event

    def shown(self) -> list[ev.Event]:
        """Every event shown so far that rollback can still return to, oldest first."""
        return [event for _, event in self._history]

    def roll_forward(self) -> ev.Event | None:
        """Undo a rollback step: replays the event (and choice) that came next."""
        if not self._future:
            return None
        self._restore_mark(self._future.pop())
        future, self._future = self._future, []
        event = self._step()
        self._future = future
        return event

    @property
    def can_roll_forward(self) -> bool:
        return bool(self._future)

    def snapshot(self) -> dict[str, Any]:
        """The state as plain data (cheap enough to take at every event)."""
        return self.state.to_dict()

    def restore(self, snapshot: dict[str, Any]) -> None:
        self.state = StoryState.from_dict(snapshot)
        self.current = None
        self._effects = []

    def _restore_mark(self, mark: tuple) -> None:
        self.state = StoryState.from_mark(mark)
        self.current = None
        self._effects = []

    def to_dict(self) -> dict[str, Any]:
        """The current moment as JSON-ready data: loading it shows the same event again.

        While an event is on screen that is the state from just before it; after `choose`
        (nothing on screen yet) it is the live state.
        """
        live = not self._history or self.current is None
        before = self.snapshot() if live else StoryState.from_mark(self._history[-1][0]).to_dict()
        return {"state": before, "fingerprint": self.story.fingerprint,
                "scene_fingerprint": self.story.scene_fingerprints.get(before["scene"], "")}

    @classmethod
    def from_dict(cls, story: m.Story, data: dict[str, Any], options: Options | None = None,
                  seen: set[str] | None = None) -> "Runtime":
        return cls(story, options, StoryState.from_dict(data["state"]), seen)

    # --- the same story in other words (a translation) ---------------------------------------

    def told_in(self, story: m.Story, index: int = -1) -> ev.Event:
        """The event at `shown()[index]` as `story` tells it: a story of the same shape in other words
        (`game/content/translation.py` makes one). For a second language beside the first."""
        mark, event = self._history[index]
        return self._retold(story, mark, event)

    def retell(self, story: m.Story) -> None:
        """Go on in `story`, a story of the same shape in other words: the events shown so far (the backlog,
        the one on screen) are told again in it, and the place, choices and rollback stay as they are."""
        if story.fingerprint != self.story.fingerprint:
            raise StoryRuntimeError("retell needs the same story in other words (a translation of it)")
        history = deque(((mark, self._retold(story, mark, event)) for mark, event in self._history),
                        maxlen=HISTORY_LIMIT)
        if self.current is not None and history:
            self.current = history[-1][1]
        self.story, self._history = story, history

    def _retold(self, story: m.Story, mark: tuple, event: ev.Event) -> ev.Event:
        twin = Runtime(story, self.options, StoryState.from_mark(mark), seen=set())
        retold = twin._produce()
        keep = {"effects": event.effects, **({"seen": event.seen} if isinstance(event, ev.LineEvent) else {})}
        return dataclasses.replace(retold, **keep)

    # --- stepping ---------------------------------------------------------------------------

    def _step(self) -> ev.Event:
        before = self.state.mark()
        event = self._produce()
        if self._effects:
            event = dataclasses.replace(event, effects=tuple(self._effects))
            self._effects = []
        self.state.steps += 1
        self._history.append((before, event))
        self.current = event
        return event

    def _enter(self, scene_id: str, label: str | None = None, keep_stage: bool = False) -> None:
        """Start a scene (at a label, when given). A goto into the scene already playing (a hub that loops
        through itself) starts it over without a second title card or content note; a scene with `card: false`
        shows none either. `keep_stage` leaves the background, portraits and illustration as they are."""
        s, scene = self.state, self.story.scenes[scene_id]
        again, mode = scene_id == s.scene and s.entered, s.mode
        s.scene, s.pc, s.entered, s.scene_lines = scene_id, scene.labels.get(label, 0), again or not scene.card, 0
        s.visits[scene_id] = s.visits.get(scene_id, 0) + 1
        if not keep_stage:
            s.stage.background = scene.background
            s.stage.sprites = {}
            s.stage.illustration = ""
            self._effects.append(("background", scene.background, "fade"))
        if scene.music:
            self._set_music(scene.music)
        notes = self.options.content_notes
        policy = (notes if isinstance(notes, str) else notes.get(scene_id, "play")) if scene.content_note else "play"
        s.mode = mode if again else {"ask": NOTE, "play": PLAY, "summary": SUMMARY}[policy]
        if s.mode == SUMMARY:
            s.pc = -1

    def _set_music(self, track: str) -> None:
        track = "" if track == "stop" else track
        if track != self.state.stage.music:
            self.state.stage.music = track
            self._effects.append(("music", track or "stop"))

    def _take(self, index: int, auto: bool) -> None:
        s = self.state
        choice = self.story.scenes[s.scene].code[s.pc]
        option = choice.options[index]
        for name, value in option.set.items():
            s.vars[name] = value
        for name, step in option.add.items():
            s.vars[name] = int(s.vars.get(name, 0)) + step
        s.path.append({"scene": s.scene, "choice": choice.key, "option": option.key, "index": index,
                       "auto": auto})
        s.pc = option.target

    def _produce(self) -> ev.Event:
        s = self.state
        for _ in range(MAX_OPS_PER_STOP):
            if s.mode == ENDED:
                return ev.EndEvent(s.ending, self._ending_title(s.ending), self._gathered())
            scene = self.story.scenes[s.scene]
            if not s.entered:
                s.entered = True
                chapter = self.story.chapter(scene.chapter)
                return ev.SceneStart(scene.id, scene.title, scene.chapter, chapter.title if chapter else "",
                                     scene.date)
            if s.mode == NOTE:
                note = scene.content_note
                return ev.ContentNoteEvent(scene.title, note.topics, note.summary)
            if s.pc == -1:
                s.pc = 0
                # the summary line: its name plate ("Summary") is the screens' word (runtime/wording.py)
                return ev.LineEvent(None, "", "", scene.content_note.summary, f"{scene.id}:summary", True)
            if s.pc >= len(scene.code):
                s.mode, s.ending = ENDED, ""
                continue
            event = self._run(scene.code[s.pc], s.mode == SUMMARY)
            if event is not None:
                return event
        raise StoryRuntimeError(f"scene '{s.scene}' runs {MAX_OPS_PER_STOP} steps without showing anything "
                                "(an endless loop of jumps or gotos?)")

    def _ending_title(self, ending: str) -> str:
        scene = self.story.scenes[self.state.scene]
        op = scene.code[self.state.pc] if 0 <= self.state.pc < len(scene.code) else None
        return op.title if isinstance(op, m.End) and op.title else ""  # "The End" is the screens' words

    def _run(self, op: m.Op, quiet: bool) -> ev.Event | None:
        """Carry out one operation; return an event when it is something to show."""
        s = self.state
        s.pc += 1
        if isinstance(op, m.Line):
            self._dress(op.speaker, op.expression, op.outfit)
            if quiet:
                return None
            s.scene_lines += 1
            seen = op.line_id in self.seen
            self.seen.add(op.line_id)
            char = self.story.characters.get(op.speaker) if op.speaker else None
            return ev.LineEvent(op.speaker, char.name if char else "", char.colour if char else "",
                                self._text(op.text), op.line_id, seen)
        if isinstance(op, m.Show):
            self._show(op)
        elif isinstance(op, m.Hide):
            gone = s.stage.sprites.pop(op.who, None)
            if gone is not None and op.transition != "cut":
                self._effects.append(("hide", op.who, op.transition, dict(gone)))
        elif isinstance(op, m.Move):
            if op.who in s.stage.sprites:
                s.stage.sprites[op.who]["at"] = op.to
        elif isinstance(op, m.Background):
            s.stage.background, s.stage.illustration = op.location, ""
            self._effects.append(("background", op.location, op.transition))
        elif isinstance(op, m.ShowIllustration):
            s.stage.illustration = op.illustration or ""
            if not quiet:  # reported so the app can keep it in the player's gallery
                self._effects.append(("illustration", op.illustration or "none", op.transition))
        elif isinstance(op, m.Music):
            self._set_music(op.track)
        elif isinstance(op, m.Sound):
            if not quiet:
                self._effects.append(("sound", op.effect))
        elif isinstance(op, m.Choice):
            s.pc -= 1  # stay on the choice until it is answered
            return self._offer(op, quiet)
        elif isinstance(op, m.Jump):
            s.pc = op.target
        elif isinstance(op, m.JumpUnless):
            if not holds(op.condition, s):
                s.pc = op.target
        elif isinstance(op, m.Goto):
            if op.label is not None and op.scene == s.scene:
                s.pc = self.story.scenes[s.scene].labels.get(op.label, s.pc)  # a label in this scene: a jump
                return None
            pending = self._pending_chapter()
            if pending is not None and self.story.scenes[op.scene].chapter != pending:
                s.pc -= 1  # the goto runs again once the page has been shown
                page = self._gathered()
                s.cards = []
                return page
            self._enter(op.scene, op.label, op.keep_stage)
        elif isinstance(op, m.SetVars):
            s.vars.update(op.values)
        elif isinstance(op, m.AddVars):
            for name, step in op.steps.items():
                s.vars[name] = int(s.vars.get(name, 0)) + step
        elif isinstance(op, m.GainEvidence):
            if op.evidence not in s.evidence:
                s.evidence.append(op.evidence)
                item = self.story.evidence[op.evidence]
                return None if quiet else ev.EvidenceEvent(item.id, item.name, item.description)
        elif isinstance(op, (m.Fact, m.Differ)):
            if quiet:
                return None
            if self.options.cards == "inline":
                return self._card(op)
            card = {"scene": s.scene, "pc": s.pc - 1}  # shown on the chapter's "Film and sources" page
            if card not in s.cards:  # a scene that loops through itself passes its cards again
                s.cards.append(card)
        elif isinstance(op, m.Prompt):
            if self.options.prompts and not quiet:
                return ev.PromptEvent(op.question, op.followups, op.minutes)
        elif isinstance(op, m.End):
            s.pc -= 1
            s.mode, s.ending = ENDED, op.ending
            return ev.EndEvent(op.ending, op.title, self._gathered())
        return None

    def _dress(self, who: str | None, expression: str | None, outfit: str | None) -> None:
        """A line (or a spoken choice) changes its speaker's expression and/or outfit, if they are on stage."""
        sprite = self.state.stage.sprites.get(who) if who else None
        if sprite is not None:
            if expression:
                sprite["expression"] = expression
            if outfit:
                sprite["outfit"] = outfit

    def _show(self, op: m.Show) -> None:
        """Put a character on stage; what the beat does not name (expression, outfit, place) stays as it is."""
        char = self.story.characters[op.who]
        old = self.state.stage.sprites.get(op.who)
        was = old or {}
        sprite = {"expression": op.expression or was.get("expression", char.expressions[0] if char.expressions else ""),
                  "at": op.at or was.get("at", "center")}
        outfit = op.outfit or was.get("outfit") or (char.outfits[0] if char.outfits else "")
        if outfit:
            sprite["outfit"] = outfit
        self.state.stage.sprites[op.who] = sprite
        if op.transition == "move" and old is not None and old.get("at") != sprite["at"]:
            self._effects.append(("move", op.who, old.get("at", "center"), sprite["at"]))
        elif op.transition in ("dissolve", "fade") and old != sprite:
            self._effects.append(("show", op.who, op.transition, dict(old) if old else None))

    def _text(self, text: str) -> str:
        """A line's text with its `[name]` variables filled in."""
        return interpolate(text, self._value) if "[" in text else text

    def _value(self, name: str) -> str:
        """How variable `name` shows in a line: its value, or what it reads as before it is set."""
        value = self.state.vars.get(name)
        if value is None:
            value = variable_defaults(self.story).get(name, "")
        elif type(value) is str:
            value = self.story.shown_values.get(value, value)  # a translation's words for it; saves keep it as set
        return show_value(value)

    def _card(self, op: m.Fact | m.Differ) -> ev.FactEvent | ev.DifferEvent:
        if isinstance(op, m.Fact):
            return ev.FactEvent(op.text, self._source(op.source), op.section)
        return ev.DifferEvent(op.topic, tuple((self._cited(a.source, a.section), a.says) for a in op.accounts),
                              op.question)

    def _gathered(self) -> ev.SourcesPage | None:
        """The fact and differ cards gathered since the last page, as one page (None when there are none)."""
        cards = [self.story.scenes[c["scene"]].code[c["pc"]] for c in self.state.cards
                 if c["scene"] in self.story.scenes and c["pc"] < len(self.story.scenes[c["scene"]].code)]
        cards = [self._card(op) for op in cards if isinstance(op, (m.Fact, m.Differ))]
        number = self._pending_chapter()
        if not cards or number is None:
            return None
        chapter = self.story.chapter(number)
        return ev.SourcesPage(number, chapter.title if chapter else "", tuple(cards))

    def _pending_chapter(self) -> int | None:
        """The chapter the gathered cards belong to (None when none of them is left in the story as it
        now stands, e.g. after a hot reload removed their scene)."""
        return next((self.story.scenes[c["scene"]].chapter for c in self.state.cards
                     if c["scene"] in self.story.scenes), None)

    def _offer(self, op: m.Choice, quiet: bool) -> ev.Event | None:
        available = tuple((i, self._text(o.text)) for i, o in enumerate(op.options) if holds(o.condition, self.state))
        if not available:
            self.state.pc = op.after  # nothing to choose: the story goes on past the choice
            return None
        if quiet:
            self._take(available[0][0], auto=True)
            return None
        self._dress(op.speaker, op.expression, None)
        char = self.story.characters.get(op.speaker) if op.speaker else None
        return ev.ChoiceEvent(self._text(op.prompt), available, op.key, speaker=op.speaker,
                              name=char.name if char else "", colour=char.colour if char else "")

    def _source(self, source_id: str) -> str:
        return self.story.sources[source_id].title

    def _cited(self, source_id: str, section: str) -> str:
        """A differ account's heading: the source, and the part of it the account rests on."""
        return f"{self._source(source_id)} · {section}" if section else self._source(source_id)
