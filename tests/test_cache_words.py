"""The words kept in the data folder's cache (the menus' words, a story's translated words) are read as the content
cache is (game.storage.read_regular): a FIFO or a device put there is refused without being opened, never waited
on or read without end, and the words are read from their tables again."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import paths

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")

MENU_WORDS = """
import sys
from pathlib import Path
from game import words
cache = Path(sys.argv[1])
words.keep_in(cache)
words.forget()
first = words.table("ko")["title.start"]
[kept] = cache.glob("ui-words-ko.json")  # the words worked out once and kept
kept.unlink()
__import__("os").mkfifo(kept)
words.forget()
print(words.table("ko")["title.start"] == first)
"""

STORY_WORDS = """
import sys
from pathlib import Path
from game import paths
from game.content.translation import read_translation
cache = Path(sys.argv[1])
first = read_translation(paths.SCENES, "ko", cache)
[kept] = cache.glob("words-ko-*.json")
kept.unlink()
__import__("os").mkfifo(kept)
print(read_translation(paths.SCENES, "ko", cache).words == first.words)
"""


@pytest.mark.parametrize("probe", [MENU_WORDS, STORY_WORDS], ids=["menu words", "story words"])
def test_a_fifo_in_place_of_kept_words_is_passed_over(tmp_path: Path, probe: str) -> None:
    # in a child process, so that reading the FIFO (the fault this guards against) fails the test instead of hanging it
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "cache")], cwd=paths.ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(paths.ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"  # the words read from their tables again
