"""Evaluate the declarative conditions of the format against a story state. Never `eval`."""
from __future__ import annotations

import operator
from typing import Any, Callable

from .state import StoryState

OPERATORS: dict[str, Callable[[int, int], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "gt": operator.gt,
    "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
}


def compare(value: int, cond: dict[str, Any]) -> bool:
    return all(fn(value, cond[op]) for op, fn in OPERATORS.items() if op in cond)


def holds(cond: dict[str, Any] | None, state: StoryState) -> bool:
    """True when `cond` is met; a missing condition always holds."""
    if cond is None:
        return True
    if "flag" in cond:
        return bool(state.vars.get(cond["flag"], False))
    if "has" in cond:
        return cond["has"] in state.evidence
    if "visited" in cond:
        return state.visits.get(cond["visited"], 0) > 0
    if "counter" in cond:
        return compare(int(state.vars.get(cond["counter"], 0)), cond)
    if "visits" in cond:
        return compare(state.visits.get(cond["visits"], 0), cond)
    if "evidence_count" in cond:
        return compare(len(state.evidence), cond)
    if "all" in cond:
        return all(holds(c, state) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, state) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], state)
    raise ValueError(f"unknown condition {cond!r}")
