"""`graph`: the scene graph as Graphviz DOT, and `render` to SVG/PNG when Graphviz is installed.

Chapters are clusters labelled with their titles; edges are `next` (solid), `goto` beats
(dashed, labelled with the `if` they sit under) and option gotos (labelled with the
option's words and condition); endings are double octagons; scenes no path reaches are
red and dashed. Nothing here prints.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..content import model as m
from ..content.markup import plain
from ..content.problems import ERROR, Problem
from .conditions import format_condition
from .flow import option_blocks, story_flow

LABEL_MAX = 32
START = '"start:"'  # the start marker: ':' never occurs in a scene id, so a scene called 'start' stays a scene
INSTALL_HINT = ("Graphviz's 'dot' program is not installed, so only DOT text can be written. "
                "Install it (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
                "Windows and others: https://graphviz.org/download/), or write DOT with --format dot and "
                "paste it into any online Graphviz viewer.")


def shorten(text: str, limit: int = LABEL_MAX) -> str:
    text = " ".join(plain(text).split())  # option words without their markup
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _enclosing_condition(code: tuple, index: int) -> str:
    """'if {cond}' / 'unless {cond}' for the innermost if-branch holding op `index` ('' when none)."""
    best = ""
    for j in range(index):
        op = code[j]
        if not isinstance(op, m.JumpUnless):
            continue
        t = op.target
        skip = code[t - 1] if t - 1 > j else None
        has_else = isinstance(skip, m.Jump) and skip.target > t
        then_end = t - 1 if has_else else t
        if j < index < then_end:
            best = f"if {format_condition(op.condition)}"
        elif has_else and t <= index < skip.target:
            best = f"unless {format_condition(op.condition)}"
    return best


def scene_edges(scene: m.Scene) -> list[tuple[str, str, str]]:
    """(target scene, kind: next|goto|option, label) for every way out of a scene, in order; a goto to a label
    names it ('→ .label'), and one to a label of the same scene is an edge back to the scene itself."""
    code = scene.code
    option_gotos: dict[int, tuple[m.Option, m.Choice]] = {}
    for op in code:
        if isinstance(op, m.Choice):
            for option, _start, end in option_blocks(op):
                if option.goto and isinstance(code[end - 1], m.Goto):
                    option_gotos[end - 1] = (option, op)
    edges = []
    for i, op in enumerate(code):
        if not isinstance(op, m.Goto):
            continue
        if i in option_gotos:
            option, _choice = option_gotos[i]
            label = shorten(option.text)
            if option.condition:
                label += "\n" + shorten("if " + format_condition(option.condition))
            edges.append((op.scene, "option", label + _to_label(op)))
        elif i == len(code) - 1 and scene.next == op.scene and op.label is None:
            edges.append((op.scene, "next", ""))
        else:
            edges.append((op.scene, "goto", (shorten(_enclosing_condition(code, i)) + _to_label(op)).strip()))
    return edges


def _to_label(op: m.Goto) -> str:
    return f"\n→ .{op.label}" if op.label else ""


def graph(story: m.Story, lint_findings: list[Problem] | None = None) -> str:
    """The story's scene graph as DOT text (deterministic: same story, same text)."""
    flow = story_flow(story)
    reachable = set(flow.reachable)
    flagged: dict[str, str] = {}  # scene file -> worst severity among the lint findings in it
    for p in lint_findings or ():
        if p.severity == ERROR or flagged.get(p.mark.file) != ERROR:
            flagged[p.mark.file] = p.severity
    out = ["digraph story {",
           f"  label={quote(story.title)};",
           "  labelloc=t;",
           "  rankdir=TB;",
           '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=10];',
           f"  {START} [shape=circle, label=\"start\", style=filled, fillcolor=black, fontcolor=white];",
           f"  {START} -> {quote(story.start)};"]
    chapters = {c.number: c for c in story.chapters}
    numbers = sorted({s.chapter for s in story.scenes.values()})
    endings: dict[str, str] = {}
    for number in numbers:
        chapter = chapters.get(number)
        title = f"{number}. {chapter.title}" if chapter else f"chapter {number}"
        out.append(f"  subgraph cluster_{number} {{")
        out.append(f"    label={quote(title)};")
        out.append('    style="rounded"; color=gray60;')
        for scene in story.scenes.values():
            if scene.chapter != number:
                continue
            attrs = [f"label={quote(scene.title + chr(10) + '(' + scene.id + ')')}"]
            if scene.id not in reachable:
                attrs += ["color=red", "fontcolor=red", 'style="rounded,dashed"']
            elif flagged.get(scene.file) == ERROR:
                attrs += ["fillcolor=\"#f4cccc\""]
            elif flagged.get(scene.file) == "warning":
                attrs += ["fillcolor=\"#fff2cc\""]
            out.append(f"    {quote(scene.id)} [{', '.join(attrs)}];")
        out.append("  }")
    for scene in story.scenes.values():
        for target, kind, label in scene_edges(scene):
            attrs = []
            if kind == "goto":
                attrs.append("style=dashed")
            elif kind == "option":
                attrs.append("color=\"#1f5fa8\"")
            if label:
                attrs.append(f"label={quote(label)}")
            if target not in story.scenes:
                attrs.append("color=red")
            out.append(f"  {quote(scene.id)} -> {quote(target)}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
        for i, op in enumerate(scene.code):
            if isinstance(op, m.End):
                node = f"end:{op.ending}"
                endings.setdefault(node, op.title or "The End")
                reached = i in flow.scenes[scene.id].reached
                out.append(f"  {quote(scene.id)} -> {quote(node)}" + ("" if reached else " [style=dotted]") + ";")
        if flow.scenes[scene.id].falls_off_from:
            node = "end:"
            endings.setdefault(node, "(runs off the end)")
            out.append(f"  {quote(scene.id)} -> {quote(node)} [color=red, style=dashed];")
    for node, title in sorted(endings.items()):
        colour = ", color=red, fontcolor=red" if node == "end:" else ""
        out.append(f"  {quote(node)} [shape=doubleoctagon, label={quote(shorten(title, 28))}{colour}];")
    out.append("}")
    return "\n".join(out) + "\n"


def render(dot_text: str, fmt: str, out: Path | None) -> tuple[int, str]:
    """Write the graph as `fmt` (dot, svg or png) to `out`; returns (exit code, message).

    DOT needs nothing; SVG and PNG run Graphviz's `dot` when it is installed, and otherwise
    return exit code 1 with a message saying how to get it.
    """
    if fmt == "dot":
        if out is None:
            return 0, dot_text
        Path(out).write_text(dot_text, encoding="utf-8")
        return 0, f"wrote {out}"
    if fmt not in ("svg", "png"):
        return 2, f"unknown format '{fmt}': use dot, svg or png"
    dot = shutil.which("dot")
    if dot is None:
        return 1, INSTALL_HINT
    out = Path(out) if out else Path(f"story.{fmt}")
    result = subprocess.run([dot, f"-T{fmt}", "-o", str(out)], input=dot_text.encode("utf-8"),
                            capture_output=True, timeout=120)
    if result.returncode != 0:
        return 1, f"dot failed: {result.stderr.decode('utf-8', 'replace').strip()}"
    return 0, f"wrote {out}"
