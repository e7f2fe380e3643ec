"""Fuzz the content loader: generated and mutated scene files must give located problems or load.

    python scripts/fuzz_loader.py --cases 10000 [--seed 0]

Most cases drop one fuzzed file into story/ of a copy of the fixture story and run check_content
(and, when the story loads, a short random walk). The others (issue 14) put the fuzzed file under an
odd name (invalid UTF-8, control characters, 250 characters), replace it with a special file (FIFO,
directory, link to a device), give locations.yaml and characters.yaml odd asset paths, or damage one
file of a player's data folder (deep JSON, NaN, huge numbers, a wrong type in any save field, special
files) and start the game on it. Any exception, an "internal error" problem, a message on more than
one line, or an error without a line in the fuzzed file is a failure; it is printed with the case
that caused it (scene files are saved under --keep, default /tmp/cell7-fuzz-failures).
tests/test_robustness.py runs the same cases through hypothesis (~200 examples).
"""
from __future__ import annotations

import argparse
import codecs
import copy
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from benchmarks.common import FIXTURES  # noqa: E402
from game.content.loader import check_content, load_story  # noqa: E402

SEED_SCENES = sorted((FIXTURES / "story_ok" / "story").glob("*.yaml"))
ODD_TEXT = ["", " ", "\t", "\u202e evil", "e\u0301\u0301\u0301", "\u200b", "7번방의 선물", "🎈" * 50, "\x00",
            "\ufeff", "\r\n", "\u2028", "a" * 100_000, "%s%n", "{{x}}", "${HOME}", "../../etc/passwd",
            "/etc/passwd", "C:\\Windows", "NaN", "~", "null", "yes", "0x1F", "1e400", "-0", ".inf"]
ODD_VALUES = [None, True, False, 0, -1, 2**63, 10**30, -(10**30), 1e308, float("inf"), float("nan"), 0.5,
              [], {}, [[[]]], {"a": {"b": {"c": None}}}, [None], *ODD_TEXT]
BEAT_KINDS = ["narrate", "say", "show", "hide", "move", "background", "music", "sound", "choice", "goto", "if",
              "set", "add", "evidence", "fact", "differ", "prompt", "end", "sya", "then", "else", ""]
YAML_SNIPPETS = [
    "!!python/object/apply:os.system ['echo pwned']", "!!python/name:os.system", "!!binary aGVsbG8=",
    "!!set {a, b}", "!!omap [a: 1]", "!!float 'x'", "!!int '0x'", "&a [*a]", "*undefined", "<<: {a: 1}",
    "? [complex, key]\n: v", "%YAML 1.1\n---", "---\n---\n", "...", "'unterminated", '"\\ud800"',
    '"\\U0010FFFF\\x00\\e"', "[" * 300, "{" * 100, "- " * 200 + "x", "a: &x 1\nb: *x", "@reserved", "`tick",
    "!custom tag", "!<tag:yaml.org,2002:str> x", "2001-12-14t21:59:43.10-05:00", "0o17", "+.inf",
    "!!timestamp nope", "? ", "- !!null", "{a: 1, a: 2}", "[1, 2", "|\n  block\n text", ">-\n folded",
]
HUGE_INTS = ["0x" + "F" * 5000, "9" * 5000, "-" + "9" * 30, "0o" + "7" * 3000, "1_000_000_000_000", "0b" + "1" * 400,
             "1000000001", "-1000000001", "99999999999999999999"]
WRONG_TAGS = ["!!bool maybe", "!!bool 2", "!!int x", "!!int ''", "!!float y", "!!null 3", "!!timestamp z",
              "!!str [a, b]", "!!map x", "!!seq y", "!!int 0x", "!!float 1e", "!!bool [true]", "!!int {a: 1}"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[31m", "\x7f", "\x9f", "\ufffe", "\x85"]


# --- generators (each takes a random.Random, so hypothesis can drive them through st.randoms()) -----

def seed_text(rng: random.Random) -> str:
    """A valid scene from the fixture story, renamed so that it does not clash with the original."""
    text = rng.choice(SEED_SCENES).read_text(encoding="utf-8")
    return text.replace("id: first\n", "id: fuzzed\n", 1).replace("id: second\n", "id: fuzzed\n", 1)


def seed_data(rng: random.Random):
    return yaml.safe_load(seed_text(rng))


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, prefix + (i,))


def _get(data, path):
    for p in path:
        data = data[p]
    return data


def _odd(rng: random.Random):
    """An odd value, copied: the fuzzer mutates what it inserts, and a shared one would change ODD_VALUES itself
    (then the same seed no longer made the same case, which hypothesis reports as flaky)."""
    return copy.deepcopy(rng.choice(ODD_VALUES))


def mutate_data(rng: random.Random, data, rounds: int):
    """Structural mutations: drop keys, wrong types, unknown keys and beats, huge and odd values."""
    for _ in range(rounds):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return _odd(rng) if rng.random() < 0.5 else data
        path = rng.choice(paths)
        parent, key = _get(data, path[:-1]), path[-1]
        what = rng.randrange(7)
        if what == 0:
            del parent[key]
        elif what == 1:
            parent[key] = _odd(rng)
        elif what == 2 and isinstance(parent, dict):
            parent[rng.choice(BEAT_KINDS + ["id", "text", "options", "beats", "x" * 40])] = _odd(rng)
        elif what == 3 and isinstance(parent[key], list) and parent[key]:
            parent[key] = parent[key] * rng.randint(2, 30)  # many copies of a list
        elif what == 4:
            parent[key] = [parent[key]] if rng.random() < 0.5 else {"wrap": parent[key]}
        elif what == 5 and isinstance(parent, dict):
            parent[rng.choice(BEAT_KINDS)] = parent.pop(key)  # rename a key to a beat kind
        else:
            parent[key] = rng.choice(ODD_TEXT) + str(rng.random())
    return data


def dump(rng: random.Random, data) -> str:
    try:
        flow = rng.choice([None, False, True])
        return yaml.safe_dump(data, allow_unicode=rng.random() < 0.7, default_flow_style=flow,
                              sort_keys=rng.random() < 0.3, width=rng.choice([40, 80, 10_000]))
    except (yaml.YAMLError, ValueError, OverflowError):
        return repr(data)


def mutate_text(rng: random.Random, text: str) -> str:
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        what = rng.randrange(11)
        if what == 0 and text:
            text = text[: rng.randrange(len(text))]  # truncated
        elif what == 1:
            text = text.replace("  ", "\t", rng.randint(1, 5))  # tabs
        elif what == 2:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(YAML_SNIPPETS) + text[at:]
        elif what == 3:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines[i] = (" " * rng.randint(0, 9)) + rng.choice(YAML_SNIPPETS) + ": " + rng.choice(YAML_SNIPPETS)
            text = "\n".join(lines)
        elif what == 4:
            text = text.replace("\n", "\r\n")
        elif what == 5:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif what == 6 and text:
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(ODD_TEXT[:12]) + text[at:]
        elif what == 7:
            text = text.replace(": ", ":", 1) if rng.random() < 0.5 else text.replace("- ", "-", 1)
        elif what == 8:
            text = _replace_value(rng, text, rng.choice(HUGE_INTS + WRONG_TAGS))
        elif what == 9 and text:
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(CONTROL) + text[at:]
        else:
            text = "\n".join((" " * rng.randint(0, 3)) + line for line in text.split("\n"))
    return text


def _replace_value(rng: random.Random, text: str, value: str) -> str:
    """Put `value` in place of the value of one `key: value` line."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines) if ": " in line]
    if not keyed:
        return text + "\nchapter: " + value
    i = rng.choice(keyed)
    lines[i] = lines[i][: lines[i].index(": ") + 2] + value
    return "\n".join(lines)


def encode(rng: random.Random, text: str) -> bytes:
    how = rng.randrange(8)
    try:
        if how == 0:
            return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
        if how == 1:
            return text.encode("utf-16")  # with BOM
        if how == 2:
            return text.encode(rng.choice(["utf-16-le", "utf-16-be", "utf-32"]), "surrogatepass")
        if how == 3:
            return text.encode("latin-1", "replace")
        raw = text.encode("utf-8", "surrogatepass")
    except UnicodeError:
        raw = text.encode("utf-8", "replace")
    if how == 4 and raw:  # random byte changes
        raw = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = bytes(raw)
    return raw


def random_bytes(rng: random.Random) -> bytes:
    n = rng.choice([0, 1, 3, 17, 200, 4000])
    return bytes(rng.randrange(256) for _ in range(n))


def fuzz_case(rng: random.Random) -> bytes:
    """One fuzzed scene file."""
    kind = rng.random()
    if kind < 0.06:
        return random_bytes(rng)
    if kind < 0.12:
        return encode(rng, "\n".join(rng.choice(YAML_SNIPPETS) for _ in range(rng.randint(1, 6))))
    if kind < 0.35:
        text = seed_text(rng)  # the author's own text, mangled
    else:
        text = dump(rng, mutate_data(rng, seed_data(rng), rng.choice([0, 0, 1, 1, 2, 3, 6])))
    return encode(rng, mutate_text(rng, text))


ODD_NAMES = [b"03_bad\xff\xfe.yaml", b"03_new\nline.yaml", b"03_" + b"n" * 240 + b".yaml", b"-03 dash.yaml",
             b"03 space .yaml", b"03_tab\t.yaml", b"03_\xc3\xa9t\xc3\xa9.yaml", b".03_hidden.yaml", b"03_\x1b.yaml"]
SPECIAL_FILES = ["fifo", "directory", "device", "dangling-link", "link-loop"]
ODD_PATHS = ["a" * 5000, "backgrounds/room\x00.png", "backgrounds/" + "d/" * 200 + "x.png", "/dev/zero", "../" * 50,
             "backgrounds/room.png\n", "\u202e.png", "con.png", "backgrounds/room.png/.", "~/x.png", "", " ",
             "backgrounds\\room.png", "backgrounds/" + "🎈" * 100 + ".png"]


def odd_case(rng: random.Random) -> tuple[str, Any]:
    """One of the issue-14 cases (see the module docstring): (kind, what)."""
    kind = rng.choice(["name", "special", "asset", "asset", "data", "data", "data"])
    if kind == "name":
        return kind, (rng.choice(ODD_NAMES), fuzz_case(rng) if rng.random() < 0.5 else seed_text(rng).encode())
    if kind == "special":
        return kind, rng.choice(SPECIAL_FILES)
    if kind == "asset":
        return kind, (rng.choice(["image", "sprite", "music"]), rng.choice(ODD_PATHS + HUGE_INTS[:2]))
    return kind, rng.randrange(1 << 30)


# --- the check ---------------------------------------------------------------------------------

class Harness:
    """A copy of the fixture story to drop fuzzed files into; `run` classifies one case."""

    def __init__(self, folder: Path | None = None):
        self.tmp = Path(folder or tempfile.mkdtemp(prefix="cell7-fuzz-"))
        self.root = self.tmp / "scenes"
        if not self.root.exists():
            shutil.copytree(FIXTURES / "story_ok", self.root)
            shutil.copytree(FIXTURES / "assets", self.tmp / "assets")
        self.target = self.root / "story" / "03_fuzz.yaml"
        self.story = None  # the fixture story, loaded for the first data-folder case

    def run(self, raw: bytes) -> str:
        """'loads', 'problems' or raises (the failure). Also checks every error is located."""
        self.target.write_bytes(raw)
        return self.check(len(raw))

    def check(self, seed: int = 0) -> str:
        from game.runtime.autoplay import random_walk
        from game.runtime.runtime import StoryRuntimeError
        content = check_content(self.root, self.tmp / "assets")
        for problem in content.problems.items:
            assert problem.mark.file, f"problem without a file: {problem}"
            assert problem.message and str(problem)
            assert problem.code != "internal", f"a check raised: {problem}"
            for text in (problem.message, problem.hint, problem.mark.file):
                assert "\n" not in text and "\r" not in text, f"message on more than one line: {problem!r}"
            if problem.mark.file.endswith("03_fuzz.yaml"):
                assert problem.mark.line >= 1 and problem.mark.col >= 1, f"problem without a line: {problem}"
        if content.problems.errors:
            return "problems"
        assert content.story is not None
        try:
            random_walk(content.story, seed=seed, steps=200)
        except StoryRuntimeError:
            return "loads (story stops with a runtime message)"
        return "loads"

    def run_odd(self, kind: str, what: Any) -> str:
        """One issue-14 case; the fixture files it changes are put back afterwards."""
        story_dir = self.root / "story"
        saved = {name: (self.root / name).read_bytes() for name in ("locations.yaml", "characters.yaml")}
        made: list[Path] = []
        self.target.unlink(missing_ok=True)  # only this case's files in story/
        try:
            if kind == "name":
                name, raw = what
                path = Path(os.fsdecode(bytes(story_dir) + b"/" + name))
                path.write_bytes(raw)
                made.append(path)
            elif kind == "special":
                made.append(_special(story_dir / "03_special.yaml", what))
            elif kind == "asset":
                self._odd_asset(*what)
            else:
                return "data: " + self._data_case(random.Random(what))
            return f"{kind}: {self.check()}"
        finally:
            for path in made:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                elif path.exists() or path.is_symlink():
                    path.unlink()
            for name, raw in saved.items():
                (self.root / name).write_bytes(raw)

    def _odd_asset(self, where: str, value: str) -> None:
        quoted = json.dumps(value)  # a JSON string is a YAML double-quoted string
        if where == "image":
            (self.root / "locations.yaml").write_text(f"locations:\n  - {{id: room, name: Room, image: {quoted}}}\n")
        elif where == "sprite":
            (self.root / "characters.yaml").write_text(
                f"characters:\n  - {{id: hero, name: Hero, colour: '#aa5500', sprite: {quoted}, "
                "expressions: [neutral, happy]}\n  - {id: friend, name: Friend, colour: '#0055aa'}\n")
        else:
            self.target.write_text(seed_text(random.Random(value)).replace("music: calm", f"music: {quoted}"))

    def _data_case(self, rng: random.Random) -> str:
        """Damage one file of a fresh copy of a valid data folder, then start the game on it."""
        from scripts import damaged_data
        if self.story is None:
            self.story = load_story(FIXTURES / "story_ok", FIXTURES / "assets")
            damaged_data.make_valid(self.tmp / "data-template", self.story)
        folder = self.tmp / "data"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.tmp / "data-template", folder, symlinks=True)
        name = rng.choice(damaged_data.files(self.story.id))
        target = folder / name
        target.unlink()
        if rng.random() < 0.4 or not name.endswith(".json"):
            damage = rng.choice(list(damaged_data.WHOLE_FILE.values()))
        else:
            damage = _random_json_damage(rng, json.loads((self.tmp / "data-template" / name).read_text()))
        damage(target)
        damaged_data.start_game(folder, self.story, screens=False)
        return "started"


def _random_json_damage(rng: random.Random, record: Any):
    """A wrong type, an odd number or deep nesting at one random place of a data file."""
    from scripts import damaged_data
    odd = [*damaged_data.WRONG_VALUES, "NaN", "Infinity", "1e400", "9" * 5000, "[" * 5000 + "]" * 5000,
           "-0", "1e20", '"' + "x" * 100_000 + '"', '"\\ud800"']
    for _ in range(rng.randint(1, 3)):
        places = list(damaged_data._paths(record))
        if places:
            fresh = json.loads(json.dumps(rng.choice(damaged_data.WRONG_VALUES)))  # never share the constants
            damaged_data._set_path(record, rng.choice(places), _Raw(rng.choice(odd)) if rng.random() < 0.5 else fresh)
    text = json.dumps(record, default=lambda raw: f"@@{id(raw)}@@")
    for raw in _Raw.made:
        text = text.replace(f'"@@{id(raw)}@@"', raw.text)
    _Raw.made.clear()
    return lambda path: path.write_text(text, encoding="utf-8", errors="surrogatepass")


class _Raw:
    """JSON text put in place as it is (NaN, 1e400, deep brackets): json.dumps cannot write those."""

    made: list["_Raw"] = []

    def __init__(self, text: Any):
        self.text = text if isinstance(text, str) else json.dumps(text)
        _Raw.made.append(self)


def _special(path: Path, kind: str) -> Path:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
        (path / "inside.yaml").write_text("id: inside\n")
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "dangling-link":
        path.symlink_to(path.parent / "nowhere.yaml")
    else:
        path.symlink_to(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fuzz the content loader")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--odd", type=float, default=0.25, help="share of issue-14 cases (names, special files, "
                        "asset paths, data folders)")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cell7-fuzz-failures")
    args = parser.parse_args(argv)
    harness = Harness()
    counts: Counter[str] = Counter()
    failures = 0
    start = time.perf_counter()
    for case in range(args.cases):
        rng = random.Random(f"{args.seed}-{case}")
        odd = odd_case(rng) if rng.random() < args.odd else None
        raw = b"" if odd else fuzz_case(rng)
        try:
            counts[harness.run_odd(*odd) if odd else harness.run(raw)] += 1
        except Exception:  # noqa: BLE001 - this is what the fuzzer looks for
            failures += 1
            counts["FAILED"] += 1
            args.keep.mkdir(parents=True, exist_ok=True)
            path = args.keep / f"case-{args.seed}-{case}.yaml"
            path.write_bytes(raw)
            if failures <= 10:
                about = f"{odd[0]} case {str(odd[1])[:200]}" if odd else f"kept as {path}"
                print(f"FAILED case {case} ({about}):\n{traceback.format_exc()}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    print(f"fuzz_loader: {args.cases} cases in {elapsed:.1f} s (seed {args.seed}): "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()) + f"; failures {failures}")
    shutil.rmtree(harness.tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
