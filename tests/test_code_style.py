"""The code base stays `ruff check` clean (rules in pyproject.toml)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from game import paths


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]' brings it)")
    result = subprocess.run([ruff, "check", "."], cwd=paths.ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
