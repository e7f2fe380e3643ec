"""The audio timeline of one playthrough, headless: for every scene, the music and ambience that play
and the effects that fire; a scene that plays in silence (no music, no ambience) without asking for
it (`music: stop`) is flagged, and the script exits 1.

    python scripts/audio_timeline.py                 # the first option of every choice
    python scripts/audio_timeline.py --seed 3        # random options (a seeded random walk)
    python scripts/audio_timeline.py --scenes path/to/scenes

The runtime only: no window, no mixer. Music is the stage's track (what the play screen plays),
ambience the loop of the background's location (scenes/locations.yaml). The core is
game/authoring/soundtrack.py, which tests/test_audio_timeline.py shares.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import paths  # noqa: E402
from game.authoring.soundtrack import describe, timeline  # noqa: E402
from game.content.loader import load_story  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, help="take random options, seeded (default: the first option each time)")
    ap.add_argument("--scenes", type=Path, default=paths.SCENES, help="the content folder (default: scenes/)")
    args = ap.parse_args(argv)
    story = load_story(args.scenes)
    visits = timeline(story, seed=args.seed)
    for visit in visits:
        print(describe(visit))
    if visits and visits[-1].ending and story.credits_music:
        print(f"{'(end screen)':24s}  music: {story.credits_music} (credits.yaml)")
    flagged = [v.scene for v in visits if v.flagged]
    path = "first options" if args.seed is None else f"seed {args.seed}"
    end = f"ending '{visits[-1].ending}'" if visits and visits[-1].ending else "no ending reached"
    print(f"{len(visits)} scene(s) on this path ({path}), {end}; "
          + (f"{len(flagged)} silent without asking: {', '.join(flagged)}" if flagged else "no unasked-for silence"))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
