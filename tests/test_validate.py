"""The validator's quick check (`conforms`) agrees with its full walk (`Validator.report`).

Loading runs only the quick check on each file and walks a file again for messages only when the
check fails, so the two must agree: a file the quick check passes must have nothing to report
(else a mistake would load silently), and a file it fails must get at least one message.
"""
from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content.loader import content_files  # noqa: E402
from game.content.problems import Problems  # noqa: E402
from game.content.schema import FILE_SCHEMAS  # noqa: E402
from game.content.validate import Validator, conforms  # noqa: E402
from game.content.yamlsource import Document  # noqa: E402
from scripts.fuzz_loader import mutate_data  # noqa: E402

SHIPPED = [(kind, yaml.safe_load(path.read_text(encoding="utf-8")))
           for kind, path in content_files(ROOT / "scenes") if path.is_file()]


def reported(data, kind: str) -> list[str]:
    problems = Problems()
    Validator(Document("t.yaml", data), problems).report(FILE_SCHEMAS[kind], f"{kind} file")
    return [p.message for p in problems.items]


def test_every_shipped_file_conforms_and_has_nothing_to_report():
    kinds = {kind for kind, _ in SHIPPED}
    assert kinds == {"story", "characters", "locations", "evidence", "sources", "scene", "timeline", "quiz", "reality",
                     "illustrations", "credits", "music"}
    for kind, data in SHIPPED:
        assert conforms(data, FILE_SCHEMAS[kind]) and reported(data, kind) == []


@settings(max_examples=400, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_quick_check_and_full_walk_agree_on_mutated_files(rng: random.Random):
    kind, data = rng.choice(SHIPPED)
    data = mutate_data(rng, copy.deepcopy(data), rng.randint(1, 3))
    messages = reported(data, kind)
    assert conforms(data, FILE_SCHEMAS[kind]) == (not messages), messages


@pytest.mark.parametrize("count, ok", [(2, True), (6, True), (7, False)])
def test_a_question_may_have_at_most_six_options(count, ok):
    quiz = next(data for kind, data in SHIPPED if kind == "quiz")
    data = copy.deepcopy(quiz)
    question = data["questions"][0]
    question["options"] = [f"option {i}" for i in range(count)]
    question["answer"] = "option 0"
    messages = reported(data, "quiz")
    assert conforms(data, FILE_SCHEMAS["quiz"]) is ok
    assert ("'options' has 7 items; at most 6 are allowed" in messages) is not ok
