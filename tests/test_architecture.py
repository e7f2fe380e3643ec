"""Layering: content, runtime, timeline, classroom, authoring and storage never import pygame."""
from __future__ import annotations

import subprocess
import sys

from game import paths

CHECK = """
import importlib, pkgutil, sys, game
names = [m.name for m in pkgutil.walk_packages(game.__path__, "game.")
         if ".screens" not in m.name and m.name not in ("game.__main__",)]
for name in names:
    importlib.import_module(name)
print(len(names), "pygame" in sys.modules)
"""


def test_nothing_below_the_screens_imports_pygame():
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=paths.ROOT, capture_output=True, text=True,
                            check=True)
    count, loaded = result.stdout.split()
    assert int(count) > 30 and loaded == "False"
