"""Located problems: every error or warning an author sees names a file, line and column."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .records import field, mutable_record, record

ERROR = "error"
WARNING = "warning"


class Mark(NamedTuple):
    """A position in a source file; line and column are 1-based, as editors show them.

    A named tuple rather than a frozen dataclass: every compiled operation carries one, and
    a tuple is made in a third of the time.
    """

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@record
class Problem:
    mark: Mark
    message: str
    severity: str = ERROR
    hint: str = ""
    code: str = ""

    def __str__(self) -> str:
        text = f"{self.mark}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        return {"file": self.mark.file, "line": self.mark.line, "col": self.mark.col,
                "severity": self.severity, "code": self.code,
                "message": self.message, "hint": self.hint}


@mutable_record
class Problems:
    """Collects every problem found in one pass, so an author sees them all at once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, mark: Mark, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Problem(mark, message, ERROR, hint, code))

    def warn(self, mark: Mark, message: str, hint: str = "", code: str = "") -> None:
        self.items.append(Problem(mark, message, WARNING, hint, code))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.mark.file, p.mark.line, p.mark.col, p.message))


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the author would type it: relative to the working directory when possible."""
    path = Path(path).resolve()
    for base in (Path.cwd(), root):
        if base is None:
            continue
        try:
            return path.relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters shown as escapes, so a message stays one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)
