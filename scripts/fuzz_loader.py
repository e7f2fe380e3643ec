"""Fuzz the content loader: generated and mutated scene files must give located problems or load.

    python scripts/fuzz_loader.py --cases 10000 [--seed 0]

Each case drops one fuzzed file into story/ of a copy of the fixture story and runs check_content
(and, when the story loads, a short random walk). Any exception other than the ones the game
defines for bad content is a failure; it is printed with the file that caused it (saved under
--keep, default /tmp/cell7-fuzz-failures). tests/test_robustness.py runs the same cases through
hypothesis (~200 examples).
"""
from __future__ import annotations

import argparse
import codecs
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from benchmarks.common import FIXTURES  # noqa: E402
from game.content.loader import check_content  # noqa: E402

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


def mutate_data(rng: random.Random, data, rounds: int):
    """Structural mutations: drop keys, wrong types, unknown keys and beats, huge and odd values."""
    for _ in range(rounds):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return rng.choice(ODD_VALUES) if rng.random() < 0.5 else data
        path = rng.choice(paths)
        parent, key = _get(data, path[:-1]), path[-1]
        what = rng.randrange(7)
        if what == 0:
            del parent[key]
        elif what == 1:
            parent[key] = rng.choice(ODD_VALUES)
        elif what == 2 and isinstance(parent, dict):
            parent[rng.choice(BEAT_KINDS + ["id", "text", "options", "beats", "x" * 40])] = rng.choice(ODD_VALUES)
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
        what = rng.randrange(9)
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
        else:
            text = "\n".join((" " * rng.randint(0, 3)) + line for line in text.split("\n"))
    return text


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

    def run(self, raw: bytes) -> str:
        """'loads', 'problems' or raises (the failure). Also checks every error is located."""
        from game.runtime.autoplay import random_walk
        from game.runtime.runtime import StoryRuntimeError
        self.target.write_bytes(raw)
        content = check_content(self.root, self.tmp / "assets")
        for problem in content.problems.items:
            assert problem.mark.file, f"problem without a file: {problem}"
            assert problem.message and str(problem)
            if problem.mark.file.endswith("03_fuzz.yaml"):
                assert problem.mark.line >= 1 and problem.mark.col >= 1, f"problem without a line: {problem}"
        if content.problems.errors:
            return "problems"
        assert content.story is not None
        try:
            random_walk(content.story, seed=len(raw), steps=200)
        except StoryRuntimeError:
            return "loads (story stops with a runtime message)"
        return "loads"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fuzz the content loader")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "cell7-fuzz-failures")
    args = parser.parse_args(argv)
    harness = Harness()
    counts: Counter[str] = Counter()
    failures = 0
    start = time.perf_counter()
    for case in range(args.cases):
        rng = random.Random(f"{args.seed}-{case}")
        raw = fuzz_case(rng)
        try:
            counts[harness.run(raw)] += 1
        except Exception:  # noqa: BLE001 - this is what the fuzzer looks for
            failures += 1
            counts["FAILED"] += 1
            args.keep.mkdir(parents=True, exist_ok=True)
            path = args.keep / f"case-{args.seed}-{case}.yaml"
            path.write_bytes(raw)
            if failures <= 10:
                print(f"FAILED case {case} (kept as {path}):\n{traceback.format_exc()}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    print(f"fuzz_loader: {args.cases} cases in {elapsed:.1f} s (seed {args.seed}): "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()) + f"; failures {failures}")
    shutil.rmtree(harness.tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
