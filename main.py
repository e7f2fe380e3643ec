"""Play Cell 7: `python main.py` (see `python -m game --help` for the other commands).

This is also the desktop bundle's program (packaging/cell7.spec), so it takes every command of `python -m game`,
read the same way (game.cli.command_line): with no command, or with only play's options (`--classroom`,
`--scene ID`, `--lang ko`, ...), it plays; `python main.py validate`, `timeline`, `handout --out DIR`,
`screenshot ...` and `--version` work as they do there.
"""
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no pygame banner before the game's own output

from game.content.gcpause import collector_paused  # noqa: E402

with collector_paused():  # the game's modules: objects that stay, not for the collector to rescan (game.cli.main)
    from game.cli import exit_with, main

if __name__ == "__main__":
    exit_with(main())
