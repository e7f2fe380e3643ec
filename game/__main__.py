import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no pygame banner before a command's own output

from .cli import main  # noqa: E402

sys.exit(main())
