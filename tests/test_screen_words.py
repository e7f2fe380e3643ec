"""No English sentence is written in game/screens/ (nor in the UI kit, game/ui/): every word a player or teacher
reads comes from the UI tables (game/lang/*.yaml through game.words.t) or from the story's content (translated by
its own tables).

The scan reads the source (AST) and flags string literals that look like words meant for a reader: two
or more words ("Start the story", "no answer"), one capitalised word ("Quit", "Paused", "PLAY"), and any
word handed straight to a drawing call (`draw.text(surface, fonts, "playing", ...)`, `fonts.width("now")`).
What it lets through: docstrings, keys (`t("title.start")`, "gallery.locked"), identifiers and names
("play", "header/title", "K_KP", "TimelineScreen"), file names, colours, format strings without words
("{a} · {b}", "1–9  ·  ↑ ↓"), the names printed on keys ("Esc", "PgUp / PgDn"), type annotations, the
messages of exceptions raised for programmers and of print() (the terminal, not the game's window), and a
line that says why it is not shown to a player with `# not words: ...`.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

from game import paths

SCREENS = paths.ROOT / "game" / "screens"
KIT = paths.ROOT / "game" / "ui"  # the widgets' own labels (a confirm dialog's Yes and No, the key help)
# Files whose owner converts them in this session; the list must be empty when the work is done.
PENDING: set[str] = set()

WORD = re.compile(r"[A-Za-z]{2,}")
CAPITALISED = re.compile(r"[A-Z][a-z]{2,}|[A-Z]{4,}")       # "Quit", "Paused", "PLAY" (not "RGB", "Ch")
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")          # "title.start"
FILE_NAME = re.compile(r"[\w.\-/]+\.(png|jpe?g|ogg|wav|ttf|otf|yaml|json|html|csv|md|txt|py)")
MARKER = "# not words"
KEY_NAMES = {"Esc", "Enter", "Tab", "Home", "End", "Space", "PgUp", "PgDn", "Shift", "Ctrl", "Alt", "LEFT", "RIGHT",
             "UP", "DOWN", "ALT", "ENTER", "CTRL", "SHIFT", "TAB", "ESC"}  # printed on the keys, in every language


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _not_shown(tree: ast.AST) -> set[int]:
    """Strings inside a `raise`, a print() call or a type annotation: never drawn in the game's window."""
    found = set()
    for node in ast.walk(tree):
        parts: list[ast.AST] = []
        if isinstance(node, ast.Raise) and node.exc is not None:
            parts.append(node.exc)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print":
            parts += node.args
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            parts.append(node.returns)
        elif isinstance(node, ast.arg) and node.annotation is not None:
            parts.append(node.annotation)
        elif isinstance(node, ast.AnnAssign):
            parts.append(node.annotation)
        elif isinstance(node, ast.Assign) and any(getattr(target, "id", "") == "__all__" for target in node.targets):
            parts.append(node.value)
        found |= {id(inner) for part in parts for inner in ast.walk(part)}
    return found


def _keys_of_t(tree: ast.AST) -> set[int]:
    """The first argument of every t(...) call (a key, never shown)."""
    return {id(node.args[0]) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "t"
            and node.args and isinstance(node.args[0], ast.Constant)}


def _only_keys(text: str) -> bool:
    """"Home / End", ", ALT+ENTER": nothing but the names printed on keys."""
    names = re.findall(r"[A-Za-z]+", text)
    return bool(names) and all(name in KEY_NAMES for name in names)


def looks_like_words(text: str) -> bool:
    text = text.strip()
    if not text or KEY.fullmatch(text) or FILE_NAME.fullmatch(text) or _only_keys(text):
        return False
    if re.search(r"\s", text):
        return bool(WORD.search(re.sub(r"\{[^{}]*\}", "", text)))  # the {names} of a format string are not words
    return bool(CAPITALISED.fullmatch(text))


# drawing calls and the position of the words they draw: a literal there is for a reader, even one lowercase word
DRAWN = {"text": 2, "text_block": 2, "block": 2, "block_height": 1, "render": 0, "width": 0, "wrap": 0}


def _drawn(tree: ast.AST) -> set[int]:
    """String literals passed as the words of a drawing call (draw.text(surface, fonts, "playing", ...))."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            owner = getattr(getattr(node.func, "value", None), "id", "")  # draw.text: "draw"; text_block(...): ""
            if name in ("text", "text_block", "block") and owner not in ("", "draw", "richtext", "widgets"):
                continue  # another object's method of that name (a card setter's block(text, size, role))
            at = DRAWN.get(name)
            if at is not None and len(node.args) > at:
                found |= {id(inner) for inner in ast.walk(node.args[at]) if isinstance(inner, ast.Constant)}
    return found


def english_literals(path: Path) -> list[str]:
    """'file:line: text' for every string literal in `path` that looks like words for a reader."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip = _docstrings(tree) | _keys_of_t(tree) | _not_shown(tree)
    drawn = _drawn(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip \
                and (looks_like_words(node.value) or id(node) in drawn and WORD.search(node.value)
                     and not KEY.fullmatch(node.value) and not _only_keys(node.value)) \
                and MARKER not in lines[node.lineno - 1]:
            found.append(f"{path.relative_to(paths.ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_the_scan_tells_words_from_names():
    words = ["Start the story", "Quit", "PLAY", "no answer", "Film and sources ({count})", " · muted",
             "Enter or Esc to skip"]
    names = ["play", "header/title", "title.start", "K_KP", "RGB", "TimelineScreen", "NanumGothic-Regular.ttf",
             "{a} · {b}", "1–9  ·  ↑ ↓", "#f2c14e", "midtop", "no_answer", " · ", "%Y-%m-%d", "", "Ch", "Esc",
             "PgUp / PgDn"]
    assert [w for w in words if not looks_like_words(w)] == []
    assert [n for n in names if looks_like_words(n)] == []


def test_a_word_handed_to_a_drawing_call_is_caught(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    screen = tmp_path / "screen.py"
    screen.write_text('draw.text(surface, fonts, "playing", size, colour, at)\nw = fonts.width("now", size)\n'
                      'setter.block(text, size, "lane")\ndraw.text(surface, fonts, t("gallery.playing"), size)\n',
                      encoding="utf-8")
    assert english_literals(screen) == ["screen.py:1: 'playing'", "screen.py:2: 'now'"]


def test_no_english_literal_is_left_in_the_screens():
    found = []
    for path in [*sorted(SCREENS.rglob("*.py")), *sorted(KIT.rglob("*.py"))]:
        if not (path.is_relative_to(SCREENS) and path.relative_to(SCREENS).as_posix() in PENDING):
            found += english_literals(path)
    assert not found, ("words a player reads belong in game/lang/en.yaml (and ko.yaml), shown with "
                       "game.words.t(key):\n" + "\n".join(found))


def test_pending_files_are_still_pending():
    """A file converted since it was listed must leave PENDING (so the list only ever shrinks)."""
    done = [name for name in sorted(PENDING) if not english_literals(SCREENS / name)]
    assert not done, f"remove from PENDING: {done}"
