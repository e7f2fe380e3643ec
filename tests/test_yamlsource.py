"""The loader's own YAML tag resolver gives every node the tag PyYAML's resolver would.

`yamlsource.Loader` replaces PyYAML's resolver with a quicker one (it was a fifth of the load);
this compares the two node for node on the shipped content and on fuzzed documents.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.content.loader import content_files  # noqa: E402
from game.content.yamlsource import Loader  # noqa: E402
from scripts.fuzz_loader import ODD_TEXT, YAML_SNIPPETS, dump, mutate_data, mutate_text, seed_data  # noqa: E402


def tags(text: str, loader: type) -> list[tuple[str, str, object]] | str:
    """Every node's kind, tag and scalar value in document order; or the error's text."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        return f"error: {exc}"
    found: list[tuple[str, str, object]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        found.append((type(node).__name__, node.tag, node.value if isinstance(node, yaml.ScalarNode) else None))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return found


def test_shipped_content_gets_the_same_tags():
    for _, path in content_files(ROOT / "scenes"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert tags(text, Loader) == tags(text, yaml.CSafeLoader), path


def test_every_kind_of_plain_scalar_gets_the_same_tag():
    values = ["", "~", "null", "Null", "true", "False", "yes", "no", "on", "OFF", "y", "n", "0", "-0", "+12", "0x1F",
              "0o17", "0b101", "1_000", "1:20", "3.5", "-.5", "1e3", "6.02e+23", ".inf", "-.Inf", ".NaN", "2013-01-23",
              "2001-12-14t21:59:43.10-05:00", "<<", "=", "!x", "&y", "*z", "12 angry men", "7번방", *ODD_TEXT[:8]]
    text = "".join(f"- {value}\n" if value.strip() and value[0] not in "!&*" else f"- '{value}'\n" for value in values)
    assert tags(text, Loader) == tags(text, yaml.CSafeLoader)


@settings(max_examples=300, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_fuzzed_documents_get_the_same_tags(rng: random.Random):
    text = dump(rng, mutate_data(rng, seed_data(rng), rng.randint(0, 3)))
    if rng.random() < 0.5:
        text = mutate_text(rng, text)
    if rng.random() < 0.3:
        text += "\n" + rng.choice(YAML_SNIPPETS)
    assert tags(text, Loader) == tags(text, yaml.CSafeLoader)
