"""The content that ships in scenes/: it validates cleanly and plays without errors."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from game import paths
from game.content.loader import check_content, content_files
from game.content.schema import FILE_SCHEMAS, file_schema
from game.content.yamlsource import Loader
from game.runtime.autoplay import random_walk
from game.runtime.runtime import Options


@pytest.fixture(scope="module")
def content():
    return check_content(paths.SCENES)


def test_shipped_content_has_no_errors_or_warnings(content):
    assert [str(p) for p in content.problems.sorted()] == []


def test_validate_command_passes_on_shipped_content():
    result = subprocess.run([sys.executable, "-m", "game", "validate", "scenes"], cwd=paths.ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")


@pytest.mark.parametrize("seed", range(5))
def test_random_walks_play_without_errors(content, seed):
    report = random_walk(content.story, seed=seed, steps=3000, options=Options(prompts=True))
    assert report.playthroughs >= 1 and report.endings


def test_third_party_validator_accepts_every_shipped_file():
    """The exported schema is real JSON Schema: jsonschema agrees with our own validator."""
    for kind, path in content_files(paths.SCENES):
        if path.is_file():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
            jsonschema.validate(json.loads(json.dumps(data, default=str)), file_schema(kind))


def test_exported_schema_files_are_up_to_date():
    for kind in FILE_SCHEMAS:
        on_disk = json.loads((paths.SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert on_disk == file_schema(kind), f"run: python -m game schema --write ({kind} is stale)"


def test_every_content_file_names_its_schema_for_editors():
    for kind, path in content_files(paths.SCENES):
        if path.is_file():
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema=") and f"{kind}.schema.json" in first, path
