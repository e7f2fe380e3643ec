import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no pygame banner before a command's own output

from .content.gcpause import collector_paused  # noqa: E402

with collector_paused():  # the game's modules: objects that stay, not for the collector to rescan (game.cli.main)
    from .cli import exit_with, main

exit_with(main())
