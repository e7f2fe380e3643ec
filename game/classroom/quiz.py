"""The classroom quiz: questions from scenes/quiz/*.yaml, their cross-checks, and a teams game.

The file format is `QUIZ_FILE` in game/content/schema.py. Beyond the schema, every question
is checked here, with a file:line:col mark for each mistake:

- a multiple-choice answer must be one of its options (and options must differ);
- a true/false question (answer: true or false) must not have options, and a question with
  options must have a text answer;
- the source must be one listed in sources.yaml;
- a story question needs a chapter, and the chapter must exist in story.yaml;
- ids are unique across all quiz files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.problems import Mark, Problems, display_path
from ..content.records import record
from ..content.schema import FILE_SCHEMAS, QUIZ_TOPICS
from ..words import t

if TYPE_CHECKING:  # checking quiz files imports these when it runs: playing a cached story does not
    from ..content.yamlsource import Document

HISTORY_TOPICS = tuple(t for t in QUIZ_TOPICS if t != "story")
TOPICS = ("story", "real_case", "release", "box_office", "awards", "remakes")


def topic_title(about: str) -> str:
    """A question's topic as shown ("Box office"), in the player's language."""
    return t(f"quiz.topic_{about}") if about in TOPICS else about


def true_false() -> tuple[str, str]:
    return t("quiz.true"), t("quiz.false")


@record
class Question:
    id: str
    about: str
    question: str
    answer: str | bool
    explanation: str
    source: str
    section: str
    options: tuple[str, ...] = ()
    chapter: int | None = None
    mark: Mark = field(default=Mark(""), compare=False)

    @property
    def true_false(self) -> bool:
        return isinstance(self.answer, bool)

    @property
    def choices(self) -> tuple[str, ...]:
        """What the class picks from: the options, or True/False."""
        return true_false() if self.true_false else self.options

    @property
    def correct(self) -> int:
        """Position of the right answer in `choices`."""
        if self.true_false:
            return 0 if self.answer else 1
        return self.options.index(self.answer)

    @property
    def answer_text(self) -> str:
        return self.choices[self.correct]


@dataclass
class Quiz:
    """The quiz's questions, with the story ones and the history ones asked for apart."""

    questions: list[Question] = field(default_factory=list)

    def story(self, chapter: int | None = None) -> list[Question]:
        return [q for q in self.questions if q.about == "story" and (chapter is None or q.chapter == chapter)]

    def history(self, topic: str | None = None) -> list[Question]:
        return [q for q in self.questions if q.about != "story" and (topic is None or q.about == topic)]

    def per_chapter(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for q in self.story():
            counts[q.chapter] = counts.get(q.chapter, 0) + 1
        return counts

    def by_id(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


# --- loading and cross-checks --------------------------------------------------------------------

def check_quiz(docs: list[Document], chapters: set[int], sources: set[str], problems: Problems) -> Quiz:
    """Build the quiz from schema-valid quiz documents; report cross-check mistakes in `problems`."""
    quiz = Quiz()
    seen: dict[str, Mark] = {}
    for doc in docs:
        questions = doc.data.get("questions", []) if isinstance(doc.data, dict) else []
        for i, q in enumerate(questions):
            at = ("questions", i)
            if not _check_question(doc, at, q, chapters, sources, seen, problems):
                continue
            quiz.questions.append(Question(
                id=q["id"], about=q["about"], question=q["question"], answer=q["answer"],
                explanation=q["explanation"], source=q["source"], section=q["section"],
                options=tuple(q.get("options", ())), chapter=q.get("chapter"), mark=doc.mark(at + ("id",))))
    return quiz


def _check_question(doc: Document, at: tuple, q: dict[str, Any], chapters: set[int], sources: set[str],
                    seen: dict[str, Mark], problems: Problems) -> bool:
    from ..content.validate import did_you_mean
    ok = True
    mark = doc.mark(at + ("id",))
    if q["id"] in seen:
        problems.error(mark, f"duplicate quiz question id '{q['id']}' (first defined at {seen[q['id']]})",
                       "ids must be unique across all quiz files; rename one", code="duplicate-id")
        ok = False
    else:
        seen[q["id"]] = mark
    options, answer = q.get("options"), q["answer"]
    if isinstance(answer, bool) and options is not None:
        problems.error(doc.key_mark(at + ("options",)), "a true/false question must not have options",
                       "remove 'options:', or make the answer the text of one option", code="quiz-options")
        ok = False
    elif not isinstance(answer, bool) and options is None:
        problems.error(doc.mark(at + ("answer",)), f"the answer '{answer}' is text, but the question has no options",
                       "add 'options:' for a multiple-choice question, or write 'answer: true' / 'answer: false'",
                       code="quiz-options")
        ok = False
    elif options is not None:
        if len(set(options)) != len(options):
            problems.error(doc.key_mark(at + ("options",)), "two options of this question are the same",
                           "give every option its own text", code="quiz-options")
            ok = False
        if answer not in options:
            problems.error(doc.mark(at + ("answer",)), f"the answer '{answer}' is not one of the options"
                           f"{did_you_mean(str(answer), options)}",
                           "copy the right option's text exactly into 'answer:'", code="quiz-answer")
            ok = False
    if q["source"] not in sources:
        problems.error(doc.mark(at + ("source",)), f"unknown source '{q['source']}'"
                       f"{did_you_mean(q['source'], sorted(sources))}",
                       f"use a source id from sources.yaml: {', '.join(sorted(sources))}", code="unknown-source")
        ok = False
    chapter = q.get("chapter")
    if chapter is not None and chapter not in chapters:
        problems.error(doc.mark(at + ("chapter",)), f"chapter {chapter} does not exist in story.yaml",
                       f"use one of {sorted(chapters)}", code="unknown-chapter")
        ok = False
    elif chapter is None and q["about"] == "story":
        problems.error(doc.key_mark(at + ("about",)), "a story question needs a chapter",
                       "add 'chapter: N' (the chapter the question follows)", code="unknown-chapter")
        ok = False
    return ok


def quiz_from_content(content) -> Quiz:
    """The quiz of a checked content folder (`loader.check_content`), adding its problems to `content.problems`.

    Chapters and sources come from the raw story and sources files, so the quiz can be
    checked even while a scene elsewhere has an error.
    """
    chapters, sources = _chapters_and_sources(content.documents)
    return check_quiz(content.documents.get("quiz", []), chapters, sources, content.problems)


def load_quiz(root: Path, story=None) -> tuple[Quiz, Problems]:
    """Read and check `<root>/quiz/*.yaml` on its own (for the classroom hub); `story` gives chapters and sources."""
    from ..content.validate import Validator
    from ..content.yamlsource import read_document
    root = Path(root)
    problems = Problems()
    docs: list[Document] = []
    for path in sorted((root / "quiz").rglob("*.yaml")):
        before = len(problems.items)
        doc = read_document(path, display_path(path, root.parent), problems)
        if doc is None or len(problems.items) > before:
            continue
        if doc.data is None:
            problems.error(Mark(doc.file, 1, 1), "file is empty")
            continue
        Validator(doc, problems).check(FILE_SCHEMAS["quiz"], "quiz file")
        if len(problems.errors) == len([p for p in problems.items[:before] if p.severity == "error"]):
            docs.append(doc)  # schema-valid: cross-check it
    if story is not None:
        chapters, sources = {c.number for c in story.chapters}, set(story.sources)
    else:
        extra: dict[str, list[Document]] = {}
        for kind, name in (("story", "story.yaml"), ("sources", "sources.yaml")):
            doc = read_document(root / name, name, Problems()) if (root / name).is_file() else None
            if doc is not None:
                extra[kind] = [doc]
        chapters, sources = _chapters_and_sources(extra)
    return check_quiz(docs, chapters, sources, problems), problems


def _chapters_and_sources(documents: dict[str, list[Document]]) -> tuple[set[int], set[str]]:
    chapters: set[int] = set()
    sources: set[str] = set()
    for doc in documents.get("story", []):
        for c in (doc.data or {}).get("chapters", []) or []:
            if isinstance(c, dict) and isinstance(c.get("number"), int):
                chapters.add(c["number"])
    for doc in documents.get("sources", []):
        for s in (doc.data or {}).get("sources", []) or []:
            if isinstance(s, dict) and isinstance(s.get("id"), str):
                sources.add(s["id"])
    return chapters, sources


# --- the game --------------------------------------------------------------------------------------

MIN_TEAMS, MAX_TEAMS = 2, 6
ASK, REVEAL, DONE = "ask", "reveal", "done"


@record
class Answer:
    question: str
    team: str
    given: str        # the option's text, or "" when the team gave no answer
    correct: bool
    points: int


class QuizGame:
    """Every team answers every question; the teacher types each team's answer, then reveals.

    One point for a right answer. `answers` holds each team's pick (a position in the
    question's `choices`) for the question on screen. A pick is never overwritten by a number
    key: after a team answers, the next team still without an answer is selected (None once
    every team has answered), ← → move only among teams still without an answer, and a wrong
    entry is taken back with `undo()`.
    """

    def __init__(self, questions: list[Question], teams: int | list[str] = 2, title: str = ""):
        names = [t("quiz.team", number=i + 1) for i in range(teams)] if isinstance(teams, int) else list(teams)
        if not MIN_TEAMS <= len(names) <= MAX_TEAMS:
            raise ValueError(f"a quiz needs {MIN_TEAMS} to {MAX_TEAMS} teams")
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.title = title or t("quiz.title")
        self.teams = names
        self.questions = list(questions)
        self.index = 0
        self.phase = ASK
        self.team: int | None = 0             # the team whose answer is being entered (None: all have answered)
        self.answers: dict[int, int] = {}     # team position -> choice position
        self.order: list[int] = []            # teams in the order they answered this question (for undo)
        self.scores = [0] * len(names)
        self.results: list[Answer] = []

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    def waiting(self) -> list[int]:
        """The teams still without an answer to the question on screen, in team order."""
        return [t for t in range(len(self.teams)) if t not in self.answers]

    def answer(self, choice: int, team: int | None = None) -> bool:
        """Record `team`'s pick (default: the selected team); a team that has answered keeps its answer."""
        if self.phase != ASK or not 0 <= choice < len(self.question.choices):
            return False
        team = self.team if team is None else team
        if team is None or not 0 <= team < len(self.teams) or team in self.answers:
            return False
        self.answers[team] = choice
        self.order.append(team)
        waiting = self.waiting()
        self.team = next((t for t in waiting if t > team), waiting[0] if waiting else None)
        return True

    def select_team(self, step: int) -> None:
        """Move the selection to the previous/next team still without an answer (no wrapping round)."""
        waiting = self.waiting()
        if not waiting or self.phase != ASK:
            return
        if self.team is None:
            self.team = waiting[0] if step > 0 else waiting[-1]
            return
        ahead = [t for t in waiting if (t > self.team if step > 0 else t < self.team)]
        if ahead:
            self.team = ahead[0] if step > 0 else ahead[-1]

    def undo(self) -> int | None:
        """Take back the last answer entered (a slip of the finger); that team is selected again."""
        if self.phase != ASK or not self.order:
            return None
        team = self.order.pop()
        del self.answers[team]
        self.team = team
        return team

    @property
    def everyone_answered(self) -> bool:
        return len(self.answers) == len(self.teams)

    def reveal(self) -> list[Answer]:
        if self.phase != ASK:
            return []
        q = self.question
        new = []
        for team, name in enumerate(self.teams):
            pick = self.answers.get(team)
            right = pick == q.correct
            points = 1 if right else 0
            self.scores[team] += points
            new.append(Answer(q.id, name, q.choices[pick] if pick is not None else "", right, points))
        self.results.extend(new)
        self.phase = REVEAL
        return new

    def next(self) -> bool:
        """Go to the next question; False (and phase DONE) after the last."""
        if self.phase == ASK:
            return False
        if self.index + 1 >= len(self.questions):
            self.phase = DONE
            return False
        self.index += 1
        self.phase, self.team, self.answers, self.order = ASK, 0, {}, []
        return True

    def standings(self) -> list[tuple[str, int]]:
        return sorted(zip(self.teams, self.scores), key=lambda ts: -ts[1])

    def leaders(self) -> list[str]:
        best = max(self.scores)
        return [name for name, score in zip(self.teams, self.scores) if score == best]
