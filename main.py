"""Play Cell 7: `python main.py` (see `python -m game --help` for the other commands)."""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(["play", *sys.argv[1:]]))
