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
import weakref
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..content import model as m
from ..content.markup import interpolate, show_value
from . import events as ev
from .conditions import holds
from .history import History, Point
from .state import ENDED, NOTE, PLAY, SUMMARY, StoryState

MAX_OPS_PER_STOP = 100_000
HISTORY_LIMIT = 1_000
CONTENT_NOTE_POLICIES = ("ask", "play", "summary")
CONTENT_NOTE_KEY = "content_note"  # the choice key content-note answers are recorded under
CARD_POLICIES = ("chapter_end", "inline")
LOOKAHEAD_OPS = 60  # operations of the scene looked through for the cards to come (`Runtime.coming`)


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
    """How a run plays what the story leaves open: prompts, content notes and where cards go."""

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
    _own_run = False  # True in a subclass that overrides _run: every operation then goes through it

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._own_run = cls._run is not Runtime._run

    def __init__(self, story: m.Story, options: Options | None = None, state: StoryState | None = None,
                 seen: set[str] | None = None, start: str | None = None):
        self.story = story  # (a property: a new story brings its prepared programs)
        self.options = options or Options()
        self.seen: set[str] = seen if seen is not None else set()  # lines ever read; never rolled back
        self.current: ev.Event | None = None
        self._history = History(HISTORY_LIMIT)  # each shown event with the state before it (O(1) per step)
        self._future: list[Point] = []   # points undone by rollback, for roll_forward
        # while the last step was a plain line (see advance) and nothing else happened since: the scene's
        # plain lines (_Prepared.plain) and the append of the history's run the next one joins
        self._lines: tuple[list[_Plain | None], Callable[[ev.Event], None]] | None = None
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

    @property
    def state(self) -> StoryState:
        """Everything that changes while playing. Handing it out ends the run of plain lines (whoever holds it
        may change it), so the next line takes a mark of its own."""
        self._lines = None
        return self._state

    @state.setter
    def state(self, state: StoryState) -> None:
        self._state, self._lines = state, None

    @property
    def story(self) -> m.Story:
        return self._story

    @story.setter
    def story(self, story: m.Story) -> None:
        self._story, self._lines = story, None
        self._prepared = _prepared(story)

    # --- public face -----------------------------------------------------------------------

    def advance(self) -> ev.Event:
        """Show the next event; at a choice, returns the same choice until `choose` is called.

        The commonest step of all is taken here, without _produce's loop: the next operation is a plain line
        (one made ahead that moves no one on stage) in play mode. It changes nothing but pc, scene_lines and
        steps (one up each), so such lines in a row make one run in the history: a mark before the first
        (_run_of_lines), then one append per line.
        """
        lines = self._lines
        if lines is None:
            current = self.current
            if current.__class__ in _WAITING:
                return current
            if self._future:
                self._future.clear()
            lines = None if self._own_run else self._run_of_lines()
        if lines is not None and (plain := lines[0][self._state.pc]) is not None:
            s, seen = self._state, self.seen
            s.pc, s.scene_lines, s.steps = s.pc + 1, s.scene_lines + 1, s.steps + 1
            line_id, unread, read = plain
            event = read if line_id in seen else unread
            seen.add(line_id)
            lines[1](event)
            self.current = event
        else:
            event = self._step()
        if self.listeners:
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
            self._state.mode = PLAY if index == 0 else SUMMARY
            self._state.path.append({"scene": self._state.scene, "choice": CONTENT_NOTE_KEY,
                                    "option": "play" if index == 0 else "summary", "index": index, "auto": False})
            if self._state.mode == SUMMARY:
                self._state.pc = -1  # -1: the summary itself is the next thing shown
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
        self._restore(self._history.pop()[0])
        return self._step()

    def return_to(self, index: int) -> ev.Event | None:
        """Roll back to the event at `index` of `shown()` (the backlog's "return to this line")."""
        event = None
        while len(self._history) > index + 1:
            event = self.rollback()
        return event

    def shown(self) -> list[ev.Event]:
        """Every event shown so far that rollback can still return to, oldest first."""
        return self._history.events()

    def since_line(self) -> int:
        """How many events, the last one included, came since the last line (or since the scene's start card)."""
        return self._history.since_line()

    def roll_forward(self) -> ev.Event | None:
        """Undo a rollback step: replays the event (and choice) that came next."""
        if not self._future:
            return None
        self._restore(self._future.pop())
        future, self._future = self._future, []
        event = self._step()
        self._future = future
        return event

    @property
    def can_roll_forward(self) -> bool:
        return bool(self._future)

    def snapshot(self) -> dict[str, Any]:
        """The state as plain data (cheap enough to take at every event)."""
        return self._state.to_dict()

    def restore(self, snapshot: dict[str, Any]) -> None:
        self.state = StoryState.from_dict(snapshot)
        self.current = None
        self._effects = []

    def _restore(self, point: Point) -> None:
        self.state = StoryState.from_mark(*point)
        self.current = None
        self._effects = []

    def to_dict(self) -> dict[str, Any]:
        """The current moment as JSON-ready data: loading it shows the same event again.

        While an event is on screen that is the state from just before it; after `choose`
        (nothing on screen yet) it is the live state.
        """
        live = not self._history or self.current is None
        before = self.snapshot() if live else self._state.dict_of(*self._history[-1][0])
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
        point, event = self._history[index]
        return self._retold(story, point, event)

    def retell(self, story: m.Story) -> None:
        """Go on in `story`, a story of the same shape in other words: the events shown so far (the backlog,
        the one on screen) are told again in it, and the place, choices and rollback stay as they are."""
        if story.fingerprint != self.story.fingerprint:
            raise StoryRuntimeError("retell needs the same story in other words (a translation of it)")
        history = self._history.retold(lambda point, event: self._retold(story, point, event))
        if self.current is not None and len(history):
            self.current = history[-1][1]
        self.story, self._history = story, history

    def _retold(self, story: m.Story, point: Point, event: ev.Event) -> ev.Event:
        twin = Runtime(story, self.options, StoryState.from_mark(*point), seen=set())
        retold = twin._produce()
        keep = {"effects": event.effects, **({"seen": event.seen} if isinstance(event, ev.LineEvent) else {})}
        return dataclasses.replace(retold, **keep)

    # --- stepping ---------------------------------------------------------------------------

    def _step(self) -> ev.Event:
        """Produce the next event and record it."""
        self._lines = None
        s = self._state
        before = s.mark()
        event = self._produce()
        if self._effects:
            event = dataclasses.replace(event, effects=tuple(self._effects))
            self._effects = []
        s.steps += 1
        self._history.add(before, event)
        self.current = event
        return event

    def _run_of_lines(self) -> tuple[list[_Plain | None], Callable[[ev.Event], None]] | None:
        """When the next operation is a plain line in play mode (see advance): a new run in the history for it
        and the lines after it, as (the scene's plain lines, the run's append); None for any other step."""
        s = self._state
        if s.mode != PLAY or not s.entered or s.pc < 0 or self._effects:
            return None
        plain = self._prepared.plain_lines(s.scene)
        if s.pc >= len(plain) or plain[s.pc] is None:
            return None
        self._lines = (plain, self._history.begin(s.mark()).append)
        return self._lines

    def _enter(self, scene_id: str, label: str | None = None, keep_stage: bool = False) -> None:
        """Start a scene (at a label, when given). A goto into the scene already playing (a hub that loops
        through itself) starts it over without a second title card or content note; a scene with `card: false`
        shows none either. `keep_stage` leaves the background, portraits and illustration as they are."""
        s, scene = self._state, self.story.scenes[scene_id]
        again, mode = scene_id == s.scene and s.entered, s.mode
        s.scene, s.pc, s.entered, s.scene_lines = scene_id, scene.labels.get(label, 0), again or not scene.card, 0
        s.visits[scene_id] = s.visits.get(scene_id, 0) + 1
        s.touched()
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
        if track != self._state.stage.music:
            self._state.stage.music = track
            self._effects.append(("music", track or "stop"))

    def _take(self, index: int, auto: bool) -> None:
        s = self._state
        choice = self.story.scenes[s.scene].code[s.pc]
        option = choice.options[index]
        for name, value in option.set.items():
            s.vars[name] = value
        for name, step in option.add.items():
            s.vars[name] = int(s.vars.get(name, 0)) + step
        s.touched()
        s.path.append({"scene": s.scene, "choice": choice.key, "option": option.key, "index": index,
                       "auto": auto})
        s.pc = option.target

    def _produce(self) -> ev.Event:
        s = self._state
        programs = self._prepared.programs
        budget = MAX_OPS_PER_STOP
        while budget:
            budget -= 1
            mode = s.mode
            if mode == ENDED:
                return ev.EndEvent(s.ending, self._ending_title(s.ending), self._gathered())
            if not s.entered or mode == NOTE or s.pc == -1:
                return self._opening()
            program = programs.get(s.scene)
            if program is None:
                program = self._prepared.program(s.scene)
            pc = s.pc
            if pc >= len(program):
                s.mode, s.ending = ENDED, ""
                continue
            handler, op, ready = program[pc]
            if self._own_run:  # a subclass watches every operation through _run (the explorer does)
                event = self._run(op, mode == SUMMARY)
                if event is not None:
                    return event
                continue
            event = handler(self, op, ready, mode == SUMMARY)
            if event is not None:
                return event
        raise StoryRuntimeError(f"scene '{s.scene}' runs {MAX_OPS_PER_STOP} steps without showing anything "
                                "(an endless loop of jumps or gotos?)")

    def _opening(self) -> ev.Event:
        """A scene's title card, its content note, or the summary line read instead of it."""
        s = self._state
        scene = self.story.scenes[s.scene]
        if not s.entered:
            s.entered = True
            return title_card(self.story, scene)
        if s.mode == NOTE:
            note = scene.content_note
            return ev.ContentNoteEvent(scene.title, note.topics, note.summary)
        s.pc = 0
        # the summary line: its name plate ("Summary") is the screens' word (runtime/wording.py)
        return ev.LineEvent(None, "", "", scene.content_note.summary, f"{scene.id}:summary", True)

    def _ending_title(self, ending: str) -> str:
        scene = self.story.scenes[self._state.scene]
        op = scene.code[self._state.pc] if 0 <= self._state.pc < len(scene.code) else None
        return op.title if isinstance(op, m.End) and op.title else ""  # "The End" is the screens' words

    def _run(self, op: m.Op, quiet: bool) -> ev.Event | None:
        """Carry out one operation; return an event when it is something to show."""
        return _handler(type(op))(self, op, None, quiet)

    # One method per kind of operation, found through a table (`_HANDLERS`), never a chain of isinstance
    # tests. Each takes (op, ready, quiet): `ready` is what `_Prepared` made ahead for that op (a line's
    # two events), `quiet` is true while a scene runs silently for its summary.

    def _op_line(self, op: m.Line, ready: tuple[ev.LineEvent, ev.LineEvent] | None, quiet: bool) -> ev.Event | None:
        s = self._state
        s.pc += 1
        if op.speaker and s.stage.sprites:
            self._dress(op.speaker, op.expression, op.outfit)
        if quiet:
            return None
        s.scene_lines += 1
        if ready is not None:
            return self._read(ready)
        seen = op.line_id in self.seen
        self.seen.add(op.line_id)
        return self._line_event(op, seen)

    def _read(self, ready: tuple[ev.LineEvent, ev.LineEvent]) -> ev.LineEvent:
        """A line made ahead, now read: its event as never read before (`ready[0]`) or as read (`ready[1]`)."""
        seen, line_id = self.seen, ready[0].line_id
        event = ready[1] if line_id in seen else ready[0]
        seen.add(line_id)
        return event

    def _line_event(self, op: m.Line, seen: bool) -> ev.LineEvent:
        """A line whose text has variables, filled in now."""
        char = self.story.characters.get(op.speaker) if op.speaker else None
        return ev.LineEvent(op.speaker, char.name if char else "", char.colour if char else "", self._text(op.text),
                            op.line_id, seen)

    def _op_show(self, op: m.Show, ready: None, quiet: bool) -> None:
        self._state.pc += 1
        self._show(op)

    def _op_hide(self, op: m.Hide, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        gone = s.stage.sprites.pop(op.who, None)
        if gone is not None:
            s.touched()
            if op.transition != "cut":
                self._effects.append(("hide", op.who, op.transition, dict(gone)))

    def _op_move(self, op: m.Move, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        if op.who in s.stage.sprites:
            s.stage.sprites[op.who]["at"] = op.to
            s.touched()

    def _op_background(self, op: m.Background, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        s.stage.background, s.stage.illustration = op.location, ""
        self._effects.append(("background", op.location, op.transition))

    def _op_illustration(self, op: m.ShowIllustration, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        s.stage.illustration = op.illustration or ""
        if not quiet:  # reported so the app can keep it in the player's gallery
            self._effects.append(("illustration", op.illustration or "none", op.transition))

    def _op_music(self, op: m.Music, ready: None, quiet: bool) -> None:
        self._state.pc += 1
        self._set_music(op.track)

    def _op_sound(self, op: m.Sound, ready: None, quiet: bool) -> None:
        self._state.pc += 1
        if not quiet:
            self._effects.append(("sound", op.effect))

    def _op_choice(self, op: m.Choice, ready: None, quiet: bool) -> ev.Event | None:
        return self._offer(op, quiet)  # the pc stays on the choice until it is answered

    def _op_jump(self, op: m.Jump, ready: None, quiet: bool) -> None:
        self._state.pc = op.target

    def _op_jump_unless(self, op: m.JumpUnless, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc = s.pc + 1 if holds(op.condition, s) else op.target

    def _op_goto(self, op: m.Goto, ready: None, quiet: bool) -> ev.Event | None:
        s = self._state
        if op.label is not None and op.scene == s.scene:
            s.pc = self.story.scenes[s.scene].labels.get(op.label, s.pc + 1)  # a label in this scene: a jump
            return None
        pending = self._pending_chapter()
        if pending is not None and self.story.scenes[op.scene].chapter != pending:
            page = self._gathered()  # the goto runs again once the page has been shown
            s.cards = []
            return page
        s.pc += 1
        self._enter(op.scene, op.label, op.keep_stage)
        return None

    def _op_set(self, op: m.SetVars, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        s.vars.update(op.values)
        s.touched()

    def _op_add(self, op: m.AddVars, ready: None, quiet: bool) -> None:
        s = self._state
        s.pc += 1
        for name, step in op.steps.items():
            s.vars[name] = int(s.vars.get(name, 0)) + step
        s.touched()

    def _op_evidence(self, op: m.GainEvidence, ready: None, quiet: bool) -> ev.Event | None:
        s = self._state
        s.pc += 1
        if op.evidence not in s.evidence:
            s.evidence.append(op.evidence)
            return None if quiet else evidence_card(self.story.evidence[op.evidence])
        return None

    def _op_card(self, op: m.Fact | m.Differ, ready: None, quiet: bool) -> ev.Event | None:
        s = self._state
        s.pc += 1
        if quiet:
            return None
        if self.options.cards == "inline":
            return self._card(op)
        card = {"scene": s.scene, "pc": s.pc - 1}  # shown on the chapter's "Film and sources" page
        if card not in s.cards:  # a scene that loops through itself passes its cards again
            s.cards.append(card)
        return None

    def _op_prompt(self, op: m.Prompt, ready: None, quiet: bool) -> ev.Event | None:
        self._state.pc += 1
        if self.options.prompts and not quiet:
            return ev.PromptEvent(op.question, op.followups, op.minutes)
        return None

    def _op_end(self, op: m.End, ready: None, quiet: bool) -> ev.Event:
        s = self._state
        s.mode, s.ending = ENDED, op.ending
        return ev.EndEvent(op.ending, op.title, self._gathered())

    def _op_other(self, op: m.Op, ready: None, quiet: bool) -> None:
        self._state.pc += 1  # an operation this runtime does not know does nothing

    def _dress(self, who: str | None, expression: str | None, outfit: str | None) -> None:
        """A line (or a spoken choice) changes its speaker's expression and/or outfit, if they are on stage."""
        sprite = self._state.stage.sprites.get(who) if who else None
        if sprite is not None and (expression or outfit):
            if expression:
                sprite["expression"] = expression
            if outfit:
                sprite["outfit"] = outfit
            self._state.touched()

    def _show(self, op: m.Show) -> None:
        """Put a character on stage; what the beat does not name (expression, outfit, place) stays as it is."""
        char = self.story.characters[op.who]
        old = self._state.stage.sprites.get(op.who)
        was = old or {}
        sprite = {"expression": op.expression or was.get("expression", char.expressions[0] if char.expressions else ""),
                  "at": op.at or was.get("at", "center")}
        outfit = op.outfit or was.get("outfit") or (char.outfits[0] if char.outfits else "")
        if outfit:
            sprite["outfit"] = outfit
        self._state.stage.sprites[op.who] = sprite
        self._state.touched()
        if op.transition == "move" and old is not None and old.get("at") != sprite["at"]:
            self._effects.append(("move", op.who, old.get("at", "center"), sprite["at"]))
        elif op.transition in ("dissolve", "fade") and old != sprite:
            self._effects.append(("show", op.who, op.transition, dict(old) if old else None))

    def _text(self, text: str) -> str:
        """A line's text with its `[name]` variables filled in."""
        return interpolate(text, self._value) if "[" in text else text

    def _value(self, name: str) -> str:
        """How variable `name` shows in a line: its value, or what it reads as before it is set."""
        value = self._state.vars.get(name)
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

    def coming(self, limit: int = LOOKAHEAD_OPS) -> list[ev.Event | str]:
        """Cards to come, for a screen to lay out ahead (nothing is run): the chapter's page as gathered so far,
        then what the scene shows ahead, up to a choice, a condition or its end: fact and differ cards, evidence,
        the choice as it would offer itself now (what is set before it comes may change its options), and the
        title cards of the scenes it goes to; last the words of the next line (lines come one a frame or two: the
        cards, seldom and costly, go first). A line with variables is not among them."""
        story, s = self.story, self._state
        page = self._gathered()
        coming: list[ev.Event | str] = list(page.cards) if page is not None else []
        line = ""
        here = story.scenes.get(s.scene)
        code, pc = (here.code if here is not None else []), max(s.pc, 0)
        for _ in range(limit):
            op = code[pc] if pc < len(code) else None
            pc += 1
            if isinstance(op, m.Jump):
                pc = op.target
            elif isinstance(op, m.Line):
                line = line or (op.text if "[" not in op.text else " ")
            elif isinstance(op, (m.Fact, m.Differ)):
                coming.append(self._card(op))
            elif isinstance(op, m.GainEvidence):
                coming += self._evidence_cards([op.evidence])
            elif isinstance(op, (m.Goto, m.Choice)):  # (a choice: itself, then what any of its options gives or
                options = op.options if isinstance(op, m.Choice) else []  # goes to)
                if isinstance(op, m.Choice) and (offer := self._choice_event(op)).options:
                    coming.append(offer)
                coming += self._evidence_cards([o.evidence for o in options])
                targets = [o.goto for o in options] if options else [op.scene]
                coming += [title_card(story, story.scenes[t]) for t in targets
                           if t in story.scenes and story.scenes[t] is not here]
                break
            elif op is None or isinstance(op, (m.JumpUnless, m.End)):
                break
        return coming + [line] if line.strip() else coming

    def _evidence_cards(self, names: list[str | None]) -> list[ev.EvidenceEvent]:
        return [evidence_card(self.story.evidence[name]) for name in names if name in self.story.evidence]

    def _gathered(self) -> ev.SourcesPage | None:
        """The fact and differ cards gathered since the last page, as one page (None when there are none)."""
        cards = [self.story.scenes[c["scene"]].code[c["pc"]] for c in self._state.cards
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
        return next((self.story.scenes[c["scene"]].chapter for c in self._state.cards
                     if c["scene"] in self.story.scenes), None)

    def _offer(self, op: m.Choice, quiet: bool) -> ev.Event | None:
        offer = self._choice_event(op)
        if not offer.options:
            self._state.pc = op.after  # nothing to choose: the story goes on past the choice
            return None
        if quiet:
            self._take(offer.options[0][0], auto=True)
            return None
        self._dress(op.speaker, op.expression, None)
        return offer

    def _choice_event(self, op: m.Choice) -> ev.ChoiceEvent:
        """The choice as it offers itself in the state as it is: the options whose conditions hold."""
        available = tuple((i, self._text(o.text)) for i, o in enumerate(op.options) if holds(o.condition, self._state))
        char = self.story.characters.get(op.speaker) if op.speaker else None
        return ev.ChoiceEvent(self._text(op.prompt), available, op.key, speaker=op.speaker,
                              name=char.name if char else "", colour=char.colour if char else "")

    def _source(self, source_id: str) -> str:
        return self.story.sources[source_id].title

    def _cited(self, source_id: str, section: str) -> str:
        """A differ account's heading: the source, and the part of it the account rests on."""
        return f"{self._source(source_id)} · {section}" if section else self._source(source_id)


def title_card(story: m.Story, scene: m.Scene) -> ev.SceneStart:
    """The title card `scene` opens with."""
    chapter = story.chapter(scene.chapter)
    return ev.SceneStart(scene.id, scene.title, scene.chapter, chapter.title if chapter else "", scene.date)


def evidence_card(item: m.EvidenceItem) -> ev.EvidenceEvent:
    """The card shown when `item` is found."""
    return ev.EvidenceEvent(item.id, item.name, item.description)


_WAITING = frozenset(ev.WAITS_FOR_CHOICE)  # the event classes advance() stays on until choose()

_HANDLERS: dict[type, Callable] = {
    m.Line: Runtime._op_line, m.Show: Runtime._op_show, m.Hide: Runtime._op_hide, m.Move: Runtime._op_move,
    m.Background: Runtime._op_background, m.ShowIllustration: Runtime._op_illustration, m.Music: Runtime._op_music,
    m.Sound: Runtime._op_sound, m.Choice: Runtime._op_choice, m.Jump: Runtime._op_jump,
    m.JumpUnless: Runtime._op_jump_unless, m.Goto: Runtime._op_goto, m.SetVars: Runtime._op_set,
    m.AddVars: Runtime._op_add, m.GainEvidence: Runtime._op_evidence, m.Fact: Runtime._op_card,
    m.Differ: Runtime._op_card, m.Prompt: Runtime._op_prompt, m.End: Runtime._op_end,
}


def _handler(kind: type) -> Callable:
    """The method that carries out an operation of class `kind` (a subclass gets its base class's)."""
    handler = _HANDLERS.get(kind)
    if handler is None:
        handler = next((_HANDLERS[base] for base in kind.__mro__ if base in _HANDLERS), Runtime._op_other)
        _HANDLERS[kind] = handler
    return handler


_Plain = tuple[str, ev.LineEvent, ev.LineEvent]  # a plain line's id and its two events: never read, read before


class _Prepared:
    """What the hot loop needs of one story, worked out once per story and shared by all its runtimes.

    Per scene, each operation with its handler and, for a line whose text has no variables, its two events
    made ahead (never read, read before); and `plain`: for each operation that is a plain line (made ahead,
    with no expression or outfit to put on anyone on stage) its id and two events, else None, and one None
    more after the last operation, so the line after a plain line can always be looked up. Events are
    immutable, so sharing them is safe.
    """

    def __init__(self, story: m.Story):
        self.story = weakref.ref(story)  # the story owns this (see _prepared); no cycle keeps it alive
        self.programs: dict[str, list[tuple[Callable, m.Op, tuple[ev.LineEvent, ev.LineEvent] | None]]] = {}
        self.plain: dict[str, list[_Plain | None]] = {}

    def program(self, scene_id: str) -> list[tuple[Callable, m.Op, tuple[ev.LineEvent, ev.LineEvent] | None]]:
        story = self.story()
        code = story.scenes[scene_id].code  # KeyError for an unknown scene, as before
        program, plain = [], []
        for op in code:
            ready = None
            if type(op) is m.Line and "[" not in op.text:
                char = story.characters.get(op.speaker) if op.speaker else None
                name, colour = (char.name, char.colour) if char else ("", "")
                ready = (ev.LineEvent(op.speaker, name, colour, op.text, op.line_id, False),
                         ev.LineEvent(op.speaker, name, colour, op.text, op.line_id, True))
            program.append((_handler(type(op)), op, ready))
            dresses = ready is not None and op.speaker and (op.expression or op.outfit)
            plain.append((op.line_id, *ready) if ready is not None and not dresses else None)
        self.programs[scene_id], self.plain[scene_id] = program, plain + [None]
        return program

    def plain_lines(self, scene_id: str) -> list[_Plain | None]:
        plain = self.plain.get(scene_id)
        if plain is None:
            self.program(scene_id)
            plain = self.plain[scene_id]
        return plain


_PREPARED: dict[int, _Prepared] = {}  # by id(story), removed when the story is freed


def _prepared(story: m.Story) -> _Prepared:
    prepared = _PREPARED.get(id(story))
    if prepared is None or prepared.story() is not story:
        prepared = _PREPARED[id(story)] = _Prepared(story)
        weakref.finalize(story, _PREPARED.pop, id(story), None)
    return prepared
