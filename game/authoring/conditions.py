"""What a condition can ever evaluate to, judged from the whole story (no play needed).

Sound by construction: a condition is called impossible only when no value the story
can ever give its flags, counters, evidence and visits makes it true. Anything the
analysis cannot bound (a counter that is added to, the visits of a reachable scene
beyond the largest number compared with) counts as "could be anything".
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..content import model as m
from ..runtime.conditions import compare
from .flow import StoryFlow

COMPARISONS = ("eq", "ne", "gt", "gte", "lt", "lte")


def format_condition(cond: Any) -> str:
    """A condition written back the way an author writes it: {counter: trust, gte: 2}."""
    if isinstance(cond, dict):
        return "{" + ", ".join(f"{k}: {format_condition(v)}" for k, v in cond.items()) + "}"
    if isinstance(cond, list):
        return "[" + ", ".join(format_condition(v) for v in cond) + "]"
    if isinstance(cond, bool):
        return "true" if cond else "false"
    if isinstance(cond, str):
        return cond
    return json.dumps(cond, ensure_ascii=False)


@dataclass
class StoryFacts:
    """What reachable play can do to the state."""

    set_values: dict[str, set] = field(default_factory=dict)  # var -> values it is ever set to
    added: set[str] = field(default_factory=set)               # vars some step adds to
    gained: set[str] = field(default_factory=set)              # evidence some reachable beat gives
    reachable_scenes: set[str] = field(default_factory=set)
    known_scenes: set[str] = field(default_factory=set)
    known_evidence: set[str] = field(default_factory=set)


def story_facts(flow: StoryFlow) -> StoryFacts:
    story = flow.story
    facts = StoryFacts(reachable_scenes=set(flow.reachable), known_scenes=set(story.scenes),
                       known_evidence=set(story.evidence))
    for _scene, _i, op in flow.reached_ops():
        if isinstance(op, m.SetVars):
            for k, v in op.values.items():
                facts.set_values.setdefault(k, set()).add(v)
        elif isinstance(op, m.AddVars):
            facts.added.update(op.steps)
        elif isinstance(op, m.GainEvidence):
            facts.gained.add(op.evidence)
        elif isinstance(op, m.Choice):
            for o in op.options:
                for k, v in o.set.items():
                    facts.set_values.setdefault(k, set()).add(v)
                facts.added.update(o.add)
                if o.evidence:
                    facts.gained.add(o.evidence)
    return facts


ANY = (True, True)


def _compare_over(values: range | set, cond: dict) -> tuple[bool, bool]:
    if isinstance(values, range):
        values = _critical(values, cond)
    results = {compare(int(v), cond) for v in values}
    return True in results, False in results


def _critical(values: range, cond: dict) -> set[int]:
    """The values of `values` where a comparison in `cond` can change its answer: the ends, and
    each compared number with its neighbours. Checking only these gives the same (can be true,
    can be false) as checking every value, and `visits >= 10**12` no longer walks 10**12 numbers."""
    if not values:
        return set()
    low, high = values[0], values[-1]
    points = {low, high}
    for key in COMPARISONS:
        if key in cond:
            points.update((int(cond[key]) - 1, int(cond[key]), int(cond[key]) + 1))
    return {p for p in points if low <= p <= high}


def _bound(cond: dict) -> int:
    return max([int(cond[k]) for k in COMPARISONS if k in cond] + [0])


def outcomes(cond: Any, facts: StoryFacts, reasons: list[str]) -> tuple[bool, bool]:
    """(can be true, can be false); appends why to `reasons` when an atom can never be true."""
    if not isinstance(cond, dict):
        return ANY
    if "flag" in cond or "counter" in cond:
        name = cond.get("flag", cond.get("counter"))
        if name in facts.added or name not in facts.set_values or any(
                isinstance(v, str) for v in facts.set_values[name]):
            return ANY  # a counter that grows, a name never set (reported as unset-variable), or a text variable
        values = {0, *(int(v) for v in facts.set_values[name])}
        if "flag" in cond:
            result = (any(values), not all(values))
        else:
            result = _compare_over(values, cond)
        if not result[0]:
            shown = ", ".join(format_condition(v) for v in sorted(facts.set_values[name], key=int))
            reasons.append(f"'{name}' is only ever set to {shown} (and starts at 0/false)")
        return result
    if "has" in cond:
        if cond["has"] in facts.gained or cond["has"] not in facts.known_evidence:
            return ANY
        reasons.append(f"nothing reachable gives the evidence '{cond['has']}'")
        return False, True
    if "visited" in cond:
        scene = cond["visited"]
        if scene in facts.reachable_scenes or scene not in facts.known_scenes:
            return ANY
        reasons.append(f"scene '{scene}' can never be reached")
        return False, True
    if "visits" in cond:
        scene = cond["visits"]
        if scene not in facts.known_scenes:
            return ANY
        if scene in facts.reachable_scenes:
            result = _compare_over(range(0, _bound(cond) + 2), cond)
            if not result[0]:
                reasons.append(f"no number of visits satisfies {format_condition(cond)}")
        else:
            result = _compare_over({0}, cond)
            if not result[0]:
                reasons.append(f"scene '{scene}' can never be reached, so its visits stay 0")
        return result
    if "evidence_count" in cond:
        most = len(facts.gained & facts.known_evidence)
        result = _compare_over(range(0, most + 1), cond)
        if not result[0]:
            reasons.append(f"at most {most} piece(s) of evidence can be held")
        return result
    if "all" in cond:
        parts = [outcomes(c, facts, reasons) for c in cond["all"]]
        return all(t for t, _ in parts), any(f for _, f in parts)
    if "any" in cond:
        parts = [outcomes(c, facts, reasons) for c in cond["any"]]
        return any(t for t, _ in parts), all(f for _, f in parts)
    if "not" in cond:
        inner: list[str] = []
        can_true, can_false = outcomes(cond["not"], facts, inner)
        if not can_false:
            reasons.append(f"{format_condition(cond['not'])} is always true")
        return can_false, can_true
    return ANY
