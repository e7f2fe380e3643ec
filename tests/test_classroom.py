"""Classroom mode, the pure part: content-note plan, votes, session log, quiz (content and checks),
reality cards, CSV and Markdown exports."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from conftest import play_through as walk

from game import paths
from game.classroom import export, notes
from game.classroom.quiz import HISTORY_TOPICS, QuizGame, load_quiz, quiz_from_content
from game.classroom.reality import CHECK_QUESTION
from game.classroom.session import SessionLog, Tally
from game.classroom.votes import Vote
from game.content.loader import check_content, load_story
from game.library import check_library, load_library
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

FIXTURES = Path(__file__).parent / "fixtures"
CLASSROOM_STORY = FIXTURES / "classroom_story"
MISTAKES = FIXTURES / "classroom_quiz_mistakes"
SOURCES = {"encyclopedia", "filmdb"}
_REALITY = load_library(paths.SCENES, paths.ASSETS).reality  # the cards are content: scenes/reality.yaml
COMPARISONS, DIFFER_CARDS = _REALITY.comparisons, _REALITY.differ


@pytest.fixture(scope="module")
def story():
    return load_story(CLASSROOM_STORY, paths.ASSETS)


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


# --- prompts and content notes ------------------------------------------------------------------

def test_prompts_appear_only_when_enabled(story):
    plain = walk(Runtime(story, Options(content_notes="play")))
    classroom = walk(Runtime(story, Options(prompts=True, content_notes="play")))
    assert not any(isinstance(e, ev.PromptEvent) for e in plain)
    prompts = [e for e in classroom if isinstance(e, ev.PromptEvent)]
    assert [p.question for p in prompts] == ["What does this first scene tell us about Yong-gu as a father?",
                                            "Why was the passer-by so quick to believe what she saw?"]


def test_content_note_plan_lists_noted_scenes_in_story_order(story):
    noted = notes.noted_scenes(story)
    assert [(n.scene, n.chapter) for n in noted] == [("market", 2)]
    assert noted[0].topics == ("the death of a child", "a false accusation")
    plan = notes.default_plan(story)
    assert plan == {"market": "play"}
    notes.toggle(plan, "market")
    assert plan == {"market": "summary"} and notes.runtime_answer(plan, "market") == 1
    assert notes.runtime_answer(plan, "window") == 0


# --- votes ----------------------------------------------------------------------------------------

def test_vote_counts_hands_and_finds_the_winner():
    vote = Vote(((0, "Yes"), (2, "No"), (3, "Maybe")))
    for _ in range(3):
        vote.hand(1)
    vote.hand(0)
    vote.select(0)
    vote.change(+1)
    assert vote.counts == [2, 3, 0] and vote.total == 5
    assert vote.winner() == 1 and not vote.tied
    assert [t.index for t in vote.tallies()] == [0, 2, 3]  # runtime indices, not positions


def test_vote_tie_needs_the_teacher():
    vote = Vote(((0, "A"), (1, "B"), (2, "C")))
    vote.hand(0)
    vote.hand(2)
    assert vote.tied and vote.winner() is None
    assert not vote.break_tie(1)          # B is not one of the tied options
    assert vote.break_tie(2) and vote.winner() == 2
    vote.select(1)
    vote.change(-1)                        # counts never go below zero
    assert vote.counts == [1, 0, 1]


# --- session log -----------------------------------------------------------------------------------

def test_session_log_times_are_relative_to_the_start():
    clock = Clock()
    log = SessionLog(clock=clock)
    clock.now += 65
    log.scene("window", "The Window", 1)
    clock.now += 3600
    entry = log.prompt("window", 1, "Why?")
    assert log.entries[0].kind == "session_start" and log.entries[0].t == 0
    assert log.entries[1].t == 65 and log.entries[1].clock() == "1:05"
    assert entry.clock() == "1:01:05"
    with pytest.raises(ValueError):
        log.choice("window", 1, "promise", 0, "x", how="dice")


# --- quiz: shipped content ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped_quiz():
    quiz, problems = load_quiz(paths.SCENES)
    return quiz, problems


def test_shipped_quiz_has_no_problems(shipped_quiz):
    _, problems = shipped_quiz
    assert [str(p) for p in problems.sorted()] == []


def test_every_shipped_question_names_a_seed_source_and_section(shipped_quiz):
    quiz, _ = shipped_quiz
    assert quiz.questions
    for q in quiz.questions:
        assert q.source in SOURCES, q.id
        assert q.section.strip(), q.id
        assert q.explanation.strip(), q.id
        assert 0 <= q.correct < len(q.choices)


def test_shipped_quiz_counts_per_chapter_and_timeline(shipped_quiz):
    import yaml
    quiz, _ = shipped_quiz
    chapters = [c["number"] for c in yaml.safe_load((paths.SCENES / "story.yaml").read_text("utf-8"))["chapters"]]
    per_chapter = quiz.per_chapter()
    for number in (n for n in chapters if n):  # the prologue (chapter 0) has no quiz of its own
        assert per_chapter.get(number, 0) >= 5, f"chapter {number} has {per_chapter.get(number, 0)} questions"
    history = quiz.history()
    assert len(history) >= 10
    assert {q.about for q in history} == set(HISTORY_TOPICS)


def test_shipped_quiz_checks_through_the_content_loader():
    """quiz_from_content works on check_content's documents, even while another file has an error."""
    content = check_content(paths.SCENES)
    quiz = quiz_from_content(content)
    assert len(quiz.questions) == len(load_quiz(paths.SCENES)[0].questions)
    assert not [p for p in content.problems.items if "quiz" in p.mark.file]


# --- quiz: located mistakes ---------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("answer_not_an_option", "quiz-answer"),
    ("true_false_with_options", "quiz-options"),
    ("text_answer_without_options", "quiz-options"),
    ("unknown_source", "unknown-source"),
    ("unknown_chapter", "unknown-chapter"),
    ("story_question_without_chapter", "unknown-chapter"),
    ("duplicate_id", "duplicate-id"),
])
def test_quiz_mistakes_are_located(tmp_path, name, code):
    root = tmp_path / "scenes"
    shutil.copytree(CLASSROOM_STORY, root)
    shutil.copy(MISTAKES / f"{name}.yaml", root / "quiz" / f"90_{name}.yaml")
    source = (MISTAKES / f"{name}.yaml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "# <- error" in text)
    quiz, problems = load_quiz(root)
    errors = problems.errors
    assert len(errors) == 1, [str(p) for p in errors]
    problem = errors[0]
    assert problem.code == code
    assert problem.mark.file.endswith(f"quiz/90_{name}.yaml") and problem.mark.line == line, str(problem)
    assert problem.hint
    assert len(quiz.questions) == 3 + (1 if name == "duplicate_id" else 0)  # the fixture's own, plus the good one


def test_unknown_source_suggests_the_right_one(tmp_path):
    root = tmp_path / "scenes"
    shutil.copytree(CLASSROOM_STORY, root)
    shutil.copy(MISTAKES / "unknown_source.yaml", root / "quiz" / "90.yaml")
    _, problems = load_quiz(root)
    assert "did you mean 'encyclopedia'?" in problems.errors[0].message


def test_quiz_schema_errors_are_reported_too(tmp_path):
    root = tmp_path / "scenes"
    shutil.copytree(CLASSROOM_STORY, root)
    (root / "quiz" / "90.yaml").write_text("questions:\n  - id: x\n    about: gossip\n", encoding="utf-8")
    _, problems = load_quiz(root)
    assert problems.errors and all(p.mark.file.endswith("quiz/90.yaml") for p in problems.errors)


# --- quiz game --------------------------------------------------------------------------------------

def test_quiz_teams_scoring(story):
    quiz = quiz_from_content(check_content(CLASSROOM_STORY, paths.ASSETS))
    game = QuizGame(quiz.questions, 3)
    q = game.question
    assert q.id == "q_backpack" and q.correct == 1
    assert game.answer(1) and game.team == 1          # team 1 right, moves on to team 2
    assert game.answer(0)                              # team 2 wrong
    assert not game.answer(7)                          # no such option
    results = game.reveal()                            # team 3 gave no answer
    assert [(a.team, a.given, a.correct, a.points) for a in results] == [
        ("Team 1", "A backpack", True, 1), ("Team 2", "A bicycle", False, 0), ("Team 3", "", False, 0)]
    assert not game.answer(1)                          # no answers after the reveal
    assert game.next() and game.question.true_false and game.question.choices == ("True", "False")
    game.answer(0, team=2)                             # true: right
    game.answer(1, team=0)
    game.reveal()
    assert game.next()
    for t in range(3):
        game.answer(1, team=t)                         # Chuncheon
    game.reveal()
    assert not game.next() and game.phase == "done"
    assert game.scores == [2, 1, 2]
    assert game.leaders() == ["Team 1", "Team 3"]
    assert game.standings()[0][1] == 2


def test_quiz_needs_two_to_six_teams(story):
    quiz = quiz_from_content(check_content(CLASSROOM_STORY, paths.ASSETS))
    for bad in (1, 7):
        with pytest.raises(ValueError):
            QuizGame(quiz.questions, bad)
    assert len(QuizGame(quiz.questions, 6).teams) == 6


# --- film and reality -------------------------------------------------------------------------------

def test_reality_cards_rest_on_the_two_seeds():
    for c in COMPARISONS:
        for said in (c.film, c.real):
            assert said.source in SOURCES and said.section and said.text
    real = " ".join(c.real.text for c in COMPARISONS)
    for needle in ("1972", "Chuncheon", "November 2008", "Joe Arridy", "nine-year-old"):
        assert needle in real
    assert len(DIFFER_CARDS) >= 10
    for card in DIFFER_CARDS:
        assert card.question == CHECK_QUESTION
        assert len({a.source for a in card.accounts}) == 2, card.topic
        assert all(a.section and a.text for a in card.accounts)


def test_reality_cards_are_checked_content(tmp_path, monkeypatch):
    root = tmp_path / "scenes"
    shutil.copytree(CLASSROOM_STORY, root)
    monkeypatch.chdir(tmp_path)
    (root / "reality.yaml").unlink()
    library = load_library(root, paths.ASSETS)
    assert library.story is not None and library.reality is None  # the file is optional
    (root / "reality.yaml").write_text("differ:\n  - topic: Names\n    accounts:\n"
                                       "      - {source: encyclopdia, section: Plot, says: One spelling.}\n"
                                       "      - {source: filmdb, section: Plot}\n", encoding="utf-8")
    messages = [str(p).split("\n")[0] for p in check_library(root, paths.ASSETS).problems.sorted()]
    assert messages == ["scenes/reality.yaml:5:9: error: 'accounts' item 2 is missing 'says'"]
    (root / "reality.yaml").write_text("differ:\n  - topic: Names\n    accounts:\n"
                                       "      - {source: encyclopdia, section: Plot, says: One spelling.}\n"
                                       "      - {source: filmdb, section: Plot, says: Another.}\n", encoding="utf-8")
    messages = [str(p).split("\n")[0] for p in check_library(root, paths.ASSETS).problems.sorted()]
    assert messages == ["scenes/reality.yaml:4:18: error: unknown source 'encyclopdia': did you mean 'encyclopedia'?"]


def test_every_disagreement_named_in_the_brief_has_a_card():
    text = " ".join(f"{c.topic} {a.text}" for c in DIFFER_CARDS for a in c.accounts)
    for needle in ("Yong-go", "Ye-seung", "seventh", "fifth", "mock trial", "retrial", "adopted", "brick",
                   "back of her", "Sixteen years"):
        assert needle in text, needle


def _seed_texts() -> list[str]:
    for folder in (paths.ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if folder.is_dir():
            return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    return []


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_quiz_and_cards_are_in_our_own_words(shipped_quiz):
    """No run of 10 words from a seed document appears in a question, explanation or card."""
    seeds = _seed_texts()
    if not seeds:
        pytest.skip("the seed documents (shared/seeds) are not beside this checkout")
    runs = set()
    for seed in seeds:
        words = _words(seed)
        runs.update(" ".join(words[i:i + 10]) for i in range(len(words) - 9))
    quiz, _ = shipped_quiz
    texts = [t for q in quiz.questions for t in (q.question, q.explanation)]
    texts += [s.text for c in COMPARISONS for s in (c.film, c.real)]
    texts += [a.text for c in DIFFER_CARDS for a in c.accounts]
    for text in texts:
        words = _words(text)
        for i in range(len(words) - 9):
            assert " ".join(words[i:i + 10]) not in runs, text


# --- exports ----------------------------------------------------------------------------------------

def sample_log() -> SessionLog:
    clock = Clock()
    log = SessionLog(clock=clock)
    log.content_plan({"market": "summary"}, {"market": "The Icy Market"})
    clock.now += 12
    log.scene("window", "The Window", 1)
    clock.now += 30
    log.vote("window", 1, "promise", "What does Yong-gu say?", [Tally(0, "Promise", 1), Tally(1, "Wait", 9)], 1,
             tie_broken=False)
    log.choice("window", 1, "promise", 1, "Wait", how="vote", prompt="What does Yong-gu say?")
    clock.now += 20
    log.prompt("window", 1, "What does this scene tell us?", 5)
    log.content_note("market", 2, "summary", ("the death of a child",))
    clock.now += 600
    log.quiz_start("Chapter 1", ["Team 1", "Team 2"], 1)
    log.quiz_answer("q_backpack", "Team 1", "A backpack", True, 1, 1, quiz="Chapter 1", topic="story",
                    answer="A backpack", source="encyclopedia", section="Plot")
    log.quiz_answer("q_backpack", "Team 2", "A coat", False, 0, 1, quiz="Chapter 1", topic="story",
                    answer="A backpack", source="encyclopedia", section="Plot")
    log.quiz_end({"Team 1": 1, "Team 2": 0})
    return log


def test_csv_exports_have_the_documented_columns_and_one_row_per_event(tmp_path):
    log = sample_log()
    written = export.export_session(log, tmp_path / "out", "Classroom Fixture")
    assert [p.name for p in written] == ["session.csv", "quiz.csv", "summary.md"]
    assert (tmp_path / "out" / "session.csv").read_bytes().startswith(b"\xef\xbb\xbfseconds,")  # BOM: Excel reads UTF-8
    with (tmp_path / "out" / "session.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0].keys()) == export.SESSION_COLUMNS
    assert len(rows) == len(log.entries)
    vote = next(r for r in rows if r["kind"] == "vote")
    assert vote["what"] == "Wait" and vote["tally"] == "Promise = 1; Wait = 9" and vote["clock"] == "0:42"
    choice = next(r for r in rows if r["kind"] == "choice")
    assert (choice["how"], choice["chapter"], choice["scene"]) == ("vote", "1", "window")
    assert next(r for r in rows if r["kind"] == "content_note")["how"] == "summary"
    with (tmp_path / "out" / "quiz.csv").open(encoding="utf-8-sig", newline="") as f:
        quiz_rows = list(csv.DictReader(f))
    assert tuple(quiz_rows[0].keys()) == export.QUIZ_COLUMNS
    assert [(r["team"], r["answer_given"], r["correct"], r["points"]) for r in quiz_rows] == [
        ("Team 1", "A backpack", "yes", "1"), ("Team 2", "A coat", "no", "0")]
    assert quiz_rows[0]["source"] == "encyclopedia" and quiz_rows[0]["right_answer"] == "A backpack"


def test_markdown_summary_reads_as_a_record_of_the_session(tmp_path):
    md = export.summary_markdown(sample_log(), "Classroom Fixture")
    assert md.startswith("# Classroom Fixture: classroom session")
    for needle in ("## The path the class took", "the class voted: Wait", "Wait: 9 hands (taken)", "Promise: 1 hand\n",
                   "## Discussion prompts shown", "| Team 1 | 1 |", "The Icy Market: summary shown instead"):
        assert needle in md, needle                         # scenes by their titles, not their ids


def test_default_export_folder_is_in_the_profile(tmp_path):
    import datetime as dt
    folder = export.default_folder(tmp_path, dt.datetime(2025, 3, 4, 9, 5, 7))
    assert folder == tmp_path / "classroom" / "2025-03-04_090507"
