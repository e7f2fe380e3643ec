#!/usr/bin/env python3
"""Generate every image of Cell 7 procedurally (no downloads).

    python tools/make_art.py             # everything
    python tools/make_art.py --only cell7  # one background, one character id,
                                           # one portrait file stem, one icon or one CG
    python tools/make_art.py --only cg     # a whole group (bg, cg, icon or a character id)
    python tools/make_art.py --list      # print the ids

Runs headless (SDL_VIDEODRIVER=dummy) and is deterministic.
"""
import argparse
import os
import sys
import time

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pygame  # noqa: E402
from art import backgrounds, cg, characters, example_ferry, icons  # noqa: E402
from art.pngfile import save_png  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMG = os.path.join(ROOT, "assets", "images")


def jobs():
    """Yield (group, stem, path, render_fn) for every image."""
    for name in backgrounds.SCENES:
        yield ("bg", name, os.path.join(IMG, "backgrounds", name + ".png"),
               lambda n=name: backgrounds.render(n))
    for char_id, expr in characters.portraits():
        stem = f"{char_id}_{expr}"
        yield (char_id, stem, os.path.join(IMG, "characters", stem + ".png"),
               lambda c=char_id, e=expr: characters.render(c, e))
    for name in cg.SCENES:
        yield ("cg", name, os.path.join(IMG, "cg", name + ".png"),
               lambda n=name: cg.render(n))
    for name in icons.ICONS:
        yield ("icon", name, os.path.join(IMG, "ui", name + ".png"),
               lambda n=name: icons.render(n))
    for group, stem, relative, fn in example_ferry.jobs():  # the example story, examples/night_ferry/
        yield (group, stem, os.path.join(ROOT, relative), fn)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="a group (bg, cg, icon, character id) or one image id")
    ap.add_argument("--list", action="store_true", help="list ids and exit")
    args = ap.parse_args()
    todo = list(jobs())
    if args.list:
        for group, stem, _, _ in todo:
            print(f"{group:14s} {stem}")
        return 0
    if args.only:
        todo = [j for j in todo if args.only in (j[0], j[1])]
        if not todo:
            print(f"unknown id: {args.only}", file=sys.stderr)
            return 2
    pygame.display.init()
    t0 = time.time()
    for _group, _stem, path, fn in todo:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        surf = fn()
        save_png(surf, path)
    print(f"wrote {len(todo)} images in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
