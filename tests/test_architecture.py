"""Layering, read from the source: which part of the game may import which, and where pygame may be loaded.

The layers, lowest first (a module may import its own part and anything in a lower layer, never a
higher one, and never another part of its own layer):

    0  worker                    a thread that works off the frame and waits a while for more
    1  paths, storage, settings  plain helpers: file locations, crash-safe files, settings data
    2  content                   YAML -> a checked, compiled Story
    3  words                     the engine's own words (UI strings) in the player's language
    4  runtime | timeline        playing a story | the film's history
    5  classroom | saves         classroom material and session logs (they watch a runtime) | save slots
    6  profile                   one player's settings (shared) and progress and saves (per story)
    7  library                   one content folder: story + timeline + quiz + cards + assets
    8  ui                        the UI kit (pygame: drawing, fonts, input, layout)
    9  authoring                 lint, explore, graph... (may measure text with the ui's fonts)
    10 screens                   the game's screens and the app
    11 cli                       commands
    12 __main__, game/__init__   `python -m game`

A new module under game/ must be placed in LAYERS, so the order stays a decision, not an accident.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from game import paths

GAME = paths.ROOT / "game"
LAYERS = [
    {"worker"},
    {"paths", "storage", "settings"},
    {"content"},
    {"words"},
    {"runtime", "timeline"},
    {"classroom", "saves"},
    {"profile"},
    {"library"},
    {"ui"},
    {"authoring"},
    {"screens"},
    {"cli"},
    {"__main__", "__init__"},
]
RANK = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}
PYGAME_ALLOWED = {"ui", "screens"}  # and, lazily, authoring's font measurements


def part_of(module: str) -> str:
    """'game.content.loader' -> 'content'; 'game.cli' -> 'cli'."""
    return module.split(".")[1] if module.count(".") >= 1 else "__init__"


def module_name(path: Path, root: Path = paths.ROOT) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(package: str, name: str, root: Path) -> bool:
    folder = root.joinpath(*package.split("."))
    return (folder / f"{name}.py").is_file() or (folder / name).is_dir()


def imports_of(path: Path, root: Path = paths.ROOT) -> list[tuple[str, int]]:
    """(absolute module imported, line) for every import in the file, at any depth (lazy ones too)."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if node.module is None or target == "game":  # `from .. import paths`: a name may be a module
                found += [(f"{target}.{alias.name}" if _is_module(target, alias.name, root) else target, node.lineno)
                          for alias in node.names]
            else:
                found.append((target, node.lineno))
    return found


def game_imports(root: Path = paths.ROOT) -> list[tuple[str, str, str, int]]:
    """(importing part, imported part, file, line) for every import of one part of game/ by another."""
    edges = []
    for path in sorted((root / "game").rglob("*.py")):
        source = part_of(module_name(path, root))
        for target, line in imports_of(path, root):
            if target == "game" or not target.startswith("game."):
                continue
            edges.append((source, part_of(target), str(path.relative_to(root)), line))
    return edges


def layer_violations(root: Path = paths.ROOT) -> list[str]:
    """'file:line: a imports b' for every import that runs up or across the layers."""
    return [f"{file}:{line}: {source} imports {target}" for source, target, file, line in game_imports(root)
            if source != target and RANK[target] >= RANK[source]]


def test_every_part_of_the_game_has_a_layer():
    parts = {part_of(module_name(path)) for path in GAME.rglob("*.py")}
    assert not parts - set(RANK), f"place these in tests/test_architecture.py LAYERS: {sorted(parts - set(RANK))}"


def test_imports_only_go_down_the_layers():
    wrong = layer_violations()
    assert not wrong, "imports that run up or across the layers:\n" + "\n".join(wrong)


def test_content_knows_nothing_of_the_extras_and_the_story_has_no_untyped_fields():
    """The two arrows the architecture review found running back up (content -> classroom, timeline)."""
    targets = {target for source, target, _, _ in game_imports() if source == "content"}
    assert targets <= {"content", "paths", "storage", "settings"}
    model = (GAME / "content" / "model.py").read_text(encoding="utf-8")
    story = model[model.index("class Story"):]
    story = story[:story.index("\n    def ")]
    assert ": Any" not in story


def test_the_checker_catches_upward_and_sideways_imports(tmp_path):
    """The check itself can fail: in a small tree, content importing the library (even lazily, inside a
    function) and timeline importing runtime (a layer's two parts) are reported; a downward import is not."""
    game = tmp_path / "game"
    for folder in ("content", "timeline", "runtime"):
        (game / folder).mkdir(parents=True)
        (game / folder / "__init__.py").write_text("", encoding="utf-8")
    (game / "library.py").write_text("from .content import model\n", encoding="utf-8")
    (game / "content" / "model.py").write_text("def f():\n    from ..library import x\n", encoding="utf-8")
    (game / "timeline" / "model.py").write_text("from ..runtime import events\n", encoding="utf-8")
    assert layer_violations(tmp_path) == ["game/content/model.py:2: content imports library",
                                          "game/timeline/model.py:1: timeline imports runtime"]


CHECK = """
import importlib, pathlib, sys
names = []
for path in sorted(pathlib.Path("game").rglob("*.py")):
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    if len(parts) > 1 and parts[1] not in ("screens", "ui", "__main__"):
        names.append(".".join(parts))
for name in names:
    importlib.import_module(name)
print(len(names), "pygame" in sys.modules)
"""


def test_nothing_below_the_ui_imports_pygame():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=paths.ROOT, capture_output=True, text=True,
                            check=True)
    count, loaded = result.stdout.split()
    assert int(count) > 30 and loaded == "False"


def test_pygame_is_imported_at_module_level_only_in_the_ui_and_the_screens():
    wrong = []
    for path in sorted(GAME.rglob("*.py")):
        part = part_of(module_name(path))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level: a lazy import inside a function is allowed for tools
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "pygame" for n in names) and part not in PYGAME_ALLOWED:
                wrong.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}")
    assert not wrong, wrong
