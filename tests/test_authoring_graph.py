"""The scene graph: exact DOT for a fixture; SVG/PNG only where Graphviz is installed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring import graph as graph_module
from game.authoring.graph import INSTALL_HINT, graph, render
from game.authoring.lint import lint
from game.content.loader import check_content

FIXTURES = Path(__file__).parent / "fixtures"

EXPECTED = r'''digraph story {
  label="Fixture";
  labelloc=t;
  rankdir=TB;
  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica"];
  edge [fontname="Helvetica", fontsize=10];
  "start:" [shape=circle, label="start", style=filled, fillcolor=black, fontcolor=white];
  "start:" -> "first";
  subgraph cluster_1 {
    label="1. One";
    style="rounded"; color=gray60;
    "first" [label="First\n(first)"];
  }
  subgraph cluster_2 {
    label="2. Two";
    style="rounded"; color=gray60;
    "second" [label="Second\n(second)"];
    "orphan" [label="Orphan\n(orphan)", color=red, fontcolor=red, style="rounded,dashed"];
  }
  "first" -> "second" [color="#1f5fa8", label="Secret door\nif {flag: cautious}"];
  "first" -> "second" [style=dashed];
  "second" -> "end:finale";
  "second" -> "end:" [color=red, style=dashed];
  "orphan" -> "end:orphan_end";
  "end:" [shape=doubleoctagon, label="(runs off the end)", color=red, fontcolor=red];
  "end:finale" [shape=doubleoctagon, label="The End"];
  "end:orphan_end" [shape=doubleoctagon, label="The End"];
}
'''


@pytest.fixture
def broken_root(story_root):
    """The fixture story plus an unreachable scene and a dead end."""
    shutil.copytree(FIXTURES / "lint_unreachable_scene", story_root.parent, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "lint_dead_end", story_root.parent, dirs_exist_ok=True)
    return story_root


def test_dot_text_for_a_fixture(broken_root):
    assert graph(check_content(broken_root).story) == EXPECTED


def test_clean_story_graph_has_titles_conditions_and_endings(story_root):
    dot = graph(check_content(story_root).story)
    assert 'subgraph cluster_1 {\n    label="1. One";' in dot
    assert '"end:finale" [shape=doubleoctagon, label="The End of the Fixture"];' in dot
    assert "red" not in dot


def test_goto_under_an_if_is_labelled_with_its_condition(story_root):
    second = story_root / "story" / "02_second.yaml"
    second.write_text(second.read_text().replace(
        "  - end: finale", "  - if: {has: key}\n    then:\n      - goto: first\n    else:\n      - goto: second\n"
                          "  - end: finale"))
    dot = graph(check_content(story_root).story)
    assert '"second" -> "first" [style=dashed, label="if {has: key}"];' in dot
    assert '"second" -> "second" [style=dashed, label="unless {has: key}"];' in dot


def test_lint_findings_colour_their_scenes(broken_root, monkeypatch):
    monkeypatch.chdir(broken_root.parent)
    dot = graph(check_content(broken_root).story, lint(broken_root))
    assert '"second" [label="Second\\n(second)", fillcolor="#fff2cc"];' in dot


def test_dot_format_needs_nothing(tmp_path):
    assert render("digraph {}\n", "dot", None) == (0, "digraph {}\n")
    out = tmp_path / "g.dot"
    assert render("digraph {}\n", "dot", out) == (0, f"wrote {out}")
    assert out.read_text() == "digraph {}\n"


def test_without_graphviz_the_message_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setattr(graph_module.shutil, "which", lambda name: None)
    code, message = render("digraph {}\n", "png", tmp_path / "g.png")
    assert code == 1 and message == INSTALL_HINT
    assert "apt-get install graphviz" in message and "brew install graphviz" in message and "graphviz.org" in message


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_png_and_svg_with_graphviz(broken_root, tmp_path, fmt, magic):
    out = tmp_path / f"story.{fmt}"
    code, message = render(graph(check_content(broken_root).story), fmt, out)
    assert (code, message) == (0, f"wrote {out}")
    assert out.read_bytes().startswith(magic)


def test_a_scene_called_start_is_a_scene_not_the_start_marker(story_root):
    """Issue 15: `graph` drew a scene with id `start` as the start marker, with a loop to itself."""
    for path in [story_root / "story.yaml", *(story_root / "story").glob("*.yaml")]:
        path.write_text(path.read_text(encoding="utf-8").replace("first", "start"), encoding="utf-8")
    dot = graph(check_content(story_root).story)
    assert '"start:" -> "start";' in dot  # the marker points at the scene
    assert '"start" [label="First\\n(start)"];' in dot  # the scene keeps its own box in its chapter
    assert not [line for line in dot.splitlines() if line.strip().startswith(('start ', '"start" -> "start"'))]
