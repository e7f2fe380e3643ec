"""Synthetic stories of N scenes for load benchmarks: realistic scene files (a dozen beats, a choice,
an if/else, a fact, stage directions) referring to the shipped images, so check_content(root,
assets=<shipped assets>) validates them fully."""
from __future__ import annotations

import random
from pathlib import Path

from benchmarks.common import paths

POSITIONS = ["far_left", "left", "center", "right", "far_right"]
WORDS = ("snow window father daughter promise backpack yellow moon cell guard warden letter balloon "
         "court judge morning night quiet laugh small hand winter market shop light door paper").split()


def _sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def _cast(assets: Path) -> dict[str, list[str]]:
    """sprite -> expressions, from the portrait files (name_expression.png) in the assets folder."""
    cast: dict[str, list[str]] = {}
    for png in sorted((assets / "images" / "characters").glob("*.png")):
        sprite, _, expression = png.stem.rpartition("_")
        cast.setdefault(sprite, []).append(expression)
    return cast


def write_story(root: Path, scenes: int, assets: Path = paths.ASSETS, seed: int = 0) -> Path:
    """Write story.yaml, characters/locations/evidence/sources.yaml and `scenes` scene files under root."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "story").mkdir(exist_ok=True)
    cast = _cast(assets)
    chars = list(cast)
    backgrounds = sorted(p.name for p in (assets / "images" / "backgrounds").glob("*.png"))
    chapters = max(1, min(20, scenes // 10))
    (root / "story.yaml").write_text(
        'title: "Synthetic"\nstart: s00000\nchapters:\n'
        + "".join(f'  - {{number: {c}, title: "Chapter {c}"}}\n' for c in range(1, chapters + 1)))
    (root / "characters.yaml").write_text("characters:\n" + "".join(
        f'  - {{id: {c}, name: "{c.title()}", colour: "#aa{i % 100:02d}55", sprite: {c}, '
        f'expressions: [{", ".join(cast[c])}]}}\n' for i, c in enumerate(chars)))
    (root / "locations.yaml").write_text("locations:\n" + "".join(
        f'  - {{id: loc{i}, name: "Place {i}", image: backgrounds/{b}}}\n' for i, b in enumerate(backgrounds)))
    (root / "evidence.yaml").write_text("evidence:\n" + "".join(
        f'  - {{id: ev{i}, name: "Clue {i}", description: "{_sentence(rng, 8)}"}}\n' for i in range(20)))
    (root / "sources.yaml").write_text(
        'sources:\n  - {id: src1, title: "Source one", kind: "an article"}\n'
        '  - {id: src2, title: "Source two", kind: "a database page"}\n')
    for i in range(scenes):
        a, b = rng.sample(chars, 2)
        ea, eb = rng.choice(cast[a]), rng.choice(cast[b])
        nxt = f"s{i + 1:05d}" if i + 1 < scenes else None
        skip = f"s{min(i + 2, scenes - 1):05d}"
        lines = [f"id: s{i:05d}", f'title: "Scene {i}"', f"chapter: {i * chapters // scenes + 1}",
                 'date: "December 1997"', f"background: loc{rng.randrange(len(backgrounds))}"]
        if nxt:
            lines.append(f"next: {nxt}")
        lines += ["beats:",
                  f'  - narrate: "{_sentence(rng, 20)}"',
                  f"  - show: {a}", f"    at: {rng.choice(POSITIONS)}", f"    expression: {ea}",
                  f"  - show: {b}", f"    at: {rng.choice(POSITIONS)}",
                  f"  - say: {a}", f'    text: "{_sentence(rng)}"',
                  f"  - say: {b}", f"    expression: {eb}", f'    text: "{_sentence(rng)}"',
                  f'  - choice: "{_sentence(rng, 6)}"', "    id: pick", "    options:",
                  f'      - text: "{_sentence(rng, 5)}"', "        id: kind",
                  f"        set: {{flag{i % 50}: true}}", "        add: {warmth: 1}",
                  "        then:", f"          - say: {a}", f'            text: "{_sentence(rng)}"',
                  f'      - text: "{_sentence(rng, 5)}"', "        id: clue", f"        evidence: ev{i % 20}",
                  f'      - text: "{_sentence(rng, 5)}"', "        id: hurry",
                  f"        if: {{flag: flag{(i + 1) % 50}}}", f"        goto: {skip}",
                  "  - if: {all: [{counter: warmth, gte: 2}, {not: {flag: flag%d}}]}" % ((i + 3) % 50),
                  "    then:", f'      - narrate: "{_sentence(rng)}"',
                  "    else:", f"      - say: {b}", f'        text: "{_sentence(rng)}"',
                  f'  - fact: "{_sentence(rng)}"', f"    source: src{1 + i % 2}",
                  f"  - move: {a}", f"    to: {rng.choice(POSITIONS)}",
                  f"  - hide: {b}",
                  f"  - background: loc{rng.randrange(len(backgrounds))}", "    transition: dissolve",
                  f'  - narrate: "{_sentence(rng, 18)}"',
                  f"  - set: {{visited_{i % 50}: true}}"]
        if not nxt:
            lines += ["  - end: finale", '    title: "The End"']
        (root / "story" / f"s{i:05d}.yaml").write_text("\n".join(lines) + "\n")
    return root


if __name__ == "__main__":
    import sys
    import tempfile

    from game.content.loader import check_content
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    root = write_story(Path(tempfile.mkdtemp()) / "scenes", n)
    content = check_content(root, paths.ASSETS)
    print(root, len(content.story.scenes) if content.story else None,
          [str(p) for p in content.problems.sorted()[:5]])
