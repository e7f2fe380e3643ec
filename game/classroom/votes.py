"""A class vote by show of hands: the teacher enters counts per option; the most hands wins.

Pure model for the vote screen. Options are the runtime's (index, text) pairs; `selected`
is a position in that list (0-based), never the runtime index.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .session import Tally

MAX_HANDS = 999


@dataclass
class Vote:
    """A class vote on a story choice: its options, the counts and the teacher's tie-break."""

    options: tuple[tuple[int, str], ...]
    prompt: str = ""
    counts: list[int] = field(default_factory=list)
    selected: int = 0
    tie_pick: int | None = None  # position the teacher picked to break a tie

    def __post_init__(self) -> None:
        if not self.options:
            raise ValueError("a vote needs at least one option")
        self.counts = [0] * len(self.options)

    def select(self, position: int) -> bool:
        if 0 <= position < len(self.options):
            self.selected = position
            return True
        return False

    def hand(self, position: int) -> bool:
        """One hand for the option at `position` (the option's number key pressed once per hand)."""
        if not self.select(position):
            return False
        self.change(+1)
        return True

    def change(self, step: int) -> None:
        self.counts[self.selected] = max(0, min(MAX_HANDS, self.counts[self.selected] + step))
        self.tie_pick = None

    def move(self, step: int) -> None:
        self.selected = (self.selected + step) % len(self.options)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def leaders(self) -> list[int]:
        """Positions with the most hands (all of them when nobody has voted)."""
        top = max(self.counts)
        return [i for i, c in enumerate(self.counts) if c == top]

    @property
    def tied(self) -> bool:
        return len(self.leaders()) > 1

    def winner(self) -> int | None:
        """Position of the winning option, or None while a tie is unbroken."""
        leaders = self.leaders()
        if len(leaders) == 1:
            return leaders[0]
        if self.tie_pick in leaders:
            return self.tie_pick
        return None

    def break_tie(self, position: int) -> bool:
        if position in self.leaders():
            self.tie_pick = position
            return True
        return False

    def tallies(self) -> list[Tally]:
        return [Tally(index, text, count) for (index, text), count in zip(self.options, self.counts)]
