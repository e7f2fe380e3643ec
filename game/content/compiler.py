"""Turn a scene's (validated) beat tree into the flat operation list the runtime steps through."""
from __future__ import annotations

import dataclasses
from typing import Any

from . import model as m
from .digest import sha1
from .problems import Mark
from .schema import BEAT_KINDS, NO_ILLUSTRATION
from .yamlsource import Document

DEFAULT_QUESTION = ""  # no question of its own: the screens ask it in the player's language (runtime/wording.py)


def stable_key(*parts: str) -> str:
    return sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def build_character(data: dict) -> m.Character:
    """A character from its (validated) entry in characters.yaml."""
    return m.Character(data["id"], data["name"], data["colour"], data.get("korean", ""), data.get("actor", ""),
                       data.get("sprite", ""), tuple(data.get("expressions", ())), data.get("description", ""),
                       tuple(data.get("outfits", ())))


def build_scene(doc: Document) -> m.Scene:
    """A scene from its (validated) file: header, compiled code and labels."""
    data = doc.data
    note = data.get("content_note")
    compiler = SceneCompiler(data["id"], doc)
    code = compiler.compile(data["beats"], data.get("next"))
    return m.Scene(
        id=data["id"], title=data["title"], chapter=data["chapter"], date=data["date"],
        background=data["background"], music=data.get("music"),
        content_note=m.ContentNote(tuple(note["topics"]), note["summary"]) if note else None,
        timeline=data.get("timeline"), next=data.get("next"), code=code, file=doc.file, mark=doc.mark(()),
        labels=compiler.labels, label_marks=compiler.label_marks, card=data.get("card", True))


def split_target(target: str, scene_id: str) -> tuple[str, str | None]:
    """A goto target ('scene', 'scene.label' or '.label', the last in scene `scene_id`) as (scene, label)."""
    scene, _, label = target.partition(".")
    return scene or scene_id, label or None


def _offers_written_out(code: list[m.Op]) -> list[m.Op]:
    """`code` with each `{offers: id}` condition written out as what it stands for, so the runtime and the tools
    read plain conditions: any of the conditions of that choice's options that have one (an `offers` among them
    written out the same way); always true when none has (formatcheck reports it). An id that names no choice of
    the scene, or leads back to a choice being written out, never holds (formatcheck reports both)."""
    choices = {op.key: op for op in code if isinstance(op, m.Choice)}

    def written(cond: Any, within: frozenset[str]) -> Any:
        if not isinstance(cond, dict):
            return cond
        if "offers" in cond:
            choice = choices.get(cond["offers"])
            if choice is None or choice.key in within:
                return {"any": []}
            conditions = [o.condition for o in choice.options if o.condition is not None]
            return {"any": [written(c, within | {choice.key}) for c in conditions]} if conditions else {"all": []}
        for key in ("all", "any"):
            if key in cond:
                inner = [written(c, within) for c in cond[key]]
                return cond if all(a is b for a, b in zip(inner, cond[key])) else {**cond, key: inner}
        if "not" in cond:
            inner = written(cond["not"], within)
            return cond if inner is cond["not"] else {**cond, "not": inner}
        return cond

    out: list[m.Op] = []
    for op in code:
        if isinstance(op, m.Choice):
            options = tuple(o if (c := written(o.condition, frozenset())) is o.condition else
                            dataclasses.replace(o, condition=c) for o in op.options)
            op = op if all(a is b for a, b in zip(options, op.options)) else dataclasses.replace(op, options=options)
        elif isinstance(op, m.JumpUnless):
            c = written(op.condition, frozenset())
            op = op if c is op.condition else dataclasses.replace(op, condition=c)
        out.append(op)
    return out


class SceneCompiler:
    def __init__(self, scene_id: str, doc: Document):
        self.scene_id = scene_id
        self.doc = doc
        self.code: list[Any] = []
        self.line_keys: dict[str, int] = {}
        self.labels: dict[str, int] = {}  # the first of a name wins; formatcheck reports the others
        self.label_marks: dict[str, Mark] = {}

    def compile(self, beats: list[dict], next_scene: str | None) -> tuple[m.Op, ...]:
        self._beats(beats, ("beats",))
        if next_scene:
            self.code.append(m.Goto(self.doc.mark(("next",), self.doc.data), next_scene))
        return tuple(_offers_written_out(self.code))

    def _line_id(self, speaker: str | None, text: str) -> str:
        """Same scene, speaker and words give the same id, so 'already read' survives unrelated edits."""
        base = stable_key(self.scene_id, speaker or "", text)
        n = self.line_keys.get(base, 0)
        self.line_keys[base] = n + 1
        return base if n == 0 else f"{base}.{n}"

    def _beats(self, beats: list[dict], path: tuple) -> None:
        for i, beat in enumerate(beats):
            self._beat(beat, path + (i,))

    def _beat(self, b: dict, path: tuple) -> None:
        kind = next(filter(BEAT_KINDS.__contains__, b))  # validated: exactly one kind key is present
        mark = self.doc.mark(path + (kind,), b)
        emit = self.code.append
        if "narrate" in b:
            emit(m.Line(mark, None, b["narrate"], None, self._line_id("", b["narrate"])))
        elif "say" in b:
            emit(m.Line(mark, b["say"], b["text"], b.get("expression"), self._line_id(b["say"], b["text"]),
                        b.get("outfit")))
        elif "show" in b:
            emit(m.Show(mark, b["show"], b.get("expression"), b.get("at"), b.get("outfit"),
                        b.get("transition", "cut")))
        elif "hide" in b:
            emit(m.Hide(mark, b["hide"], b.get("transition", "cut")))
        elif "move" in b:
            emit(m.Move(mark, b["move"], b["to"]))
        elif "background" in b:
            emit(m.Background(mark, b["background"], b.get("transition", "fade")))
        elif "illustration" in b:
            shown = None if b["illustration"] == NO_ILLUSTRATION else b["illustration"]
            emit(m.ShowIllustration(mark, shown, b.get("transition", "dissolve")))
        elif "music" in b:
            emit(m.Music(mark, b["music"]))
        elif "sound" in b:
            emit(m.Sound(mark, b["sound"]))
        elif "choice" in b:
            self._choice(b, path)
        elif "goto" in b:
            emit(m.Goto(mark, *split_target(b["goto"], self.scene_id), b.get("keep_stage", False)))
        elif "label" in b:
            if b["label"] not in self.labels:
                self.labels[b["label"]] = len(self.code)
                self.label_marks[b["label"]] = mark
        elif "if" in b:
            self._if(b, path)
        elif "set" in b:
            emit(m.SetVars(mark, dict(b["set"])))
        elif "add" in b:
            emit(m.AddVars(mark, dict(b["add"])))
        elif "evidence" in b:
            emit(m.GainEvidence(mark, b["evidence"]))
        elif "fact" in b:
            emit(m.Fact(mark, b["fact"], b["source"], b.get("section", "")))
        elif "differ" in b:
            accounts = tuple(m.Account(a["source"], a["says"], a.get("section", "")) for a in b["accounts"])
            emit(m.Differ(mark, b["differ"], accounts, b.get("question", DEFAULT_QUESTION)))
        elif "prompt" in b:
            emit(m.Prompt(mark, b["prompt"], tuple(b.get("followups", ())), b.get("minutes")))
        elif "end" in b:
            emit(m.End(mark, b["end"], b.get("title", "")))
        else:  # the validator has already rejected anything else
            raise AssertionError(f"unvalidated beat at {mark}")

    def _if(self, b: dict, path: tuple) -> None:
        test_at = len(self.code)
        self.code.append(None)  # patched below once the branch lengths are known
        self._beats(b["then"], path + ("then",))
        if "else" in b:
            skip_at = len(self.code)
            self.code.append(None)
            else_start = len(self.code)
            self._beats(b["else"], path + ("else",))
            self.code[skip_at] = m.Jump(self.doc.mark(path + ("else",), b), len(self.code))
        else:
            else_start = len(self.code)
        self.code[test_at] = m.JumpUnless(self.doc.mark(path + ("if",), b), b["if"], else_start)

    def _choice(self, b: dict, path: tuple) -> None:
        """Each option with beats, evidence or a goto gets its own block; the rest continue after the choice."""
        choice_at = len(self.code)
        self.code.append(None)
        exits: list[int] = []
        starts: list[int | None] = []
        for j, option in enumerate(b["options"]):
            opath = path + ("options", j)
            if not (option.get("then") or option.get("evidence") or option.get("goto")):
                starts.append(None)
                continue
            starts.append(len(self.code))
            if option.get("evidence"):
                self.code.append(m.GainEvidence(self.doc.mark(opath + ("evidence",), option), option["evidence"]))
            self._beats(option.get("then", []), opath + ("then",))
            if option.get("goto"):
                self.code.append(m.Goto(self.doc.mark(opath + ("goto",), option),
                                        *split_target(option["goto"], self.scene_id), option.get("keep_stage", False)))
            else:
                exits.append(len(self.code))
                self.code.append(None)
        after = len(self.code)
        here = self.doc.mark(path)  # the choice's own mark, shared by its exits
        for at in exits:
            self.code[at] = m.Jump(here, after)
        options = []
        for j, option in enumerate(b["options"]):
            scene, label = split_target(option["goto"], self.scene_id) if option.get("goto") else (None, None)
            options.append(m.Option(
                mark=self.doc.mark(path + ("options", j), b["options"]), text=option["text"],
                key=option.get("id") or stable_key(option["text"]), condition=option.get("if"),
                set=dict(option.get("set", {})), add=dict(option.get("add", {})),
                evidence=option.get("evidence"), goto=scene, label=label, keep_stage=option.get("keep_stage", False),
                target=starts[j] if starts[j] is not None else after))
        key = b.get("id") or stable_key(self.scene_id, b["choice"])
        self.code[choice_at] = m.Choice(here, b["choice"], key, tuple(options), after,
                                        b.get("speaker"), b.get("expression"))
