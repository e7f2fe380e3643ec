"""`new scene`: write a valid, commented scene file to start from.

The template uses ids that exist in the content folder (its first location, a character
with a portrait, a source), so the new file validates at once; beats whose ids cannot be
known (music, sound, evidence, goto...) are shown as comments to uncomment.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from .. import paths
from ..content.loader import SCENE_DIR
from ..content.problems import display_path
from ..content.schema import CONDITION_KINDS, ID_PATTERN


class ScaffoldError(ValueError):
    """The scene cannot be created (bad or taken id, no content folder...); the message says why."""


def _load(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _first(items: list, pred=lambda item: True) -> dict | None:
    return next((i for i in items or [] if isinstance(i, dict) and pred(i)), None)


def new_scene(root: Path, scene_id: str, chapter: int | None = None) -> Path:
    """Create <root>/story/NN_<scene_id>.yaml (NN after the highest number in use); returns its path."""
    root = Path(root)
    if not re.match(ID_PATTERN, scene_id or ""):
        raise ScaffoldError(f"'{scene_id}' is not a valid scene id: use lower-case letters, digits and _, "
                            "starting with a letter (e.g. night_visit)")
    story = _load(root / "story.yaml")
    if not story:
        raise ScaffoldError(f"{root} has no readable story.yaml: give the content folder, the one holding story.yaml")
    folder = root / SCENE_DIR
    numbers, last_chapter = [0], None
    for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        data = _load(path)
        if data.get("id") == scene_id:
            raise ScaffoldError(f"scene id '{scene_id}' is already used by {display_path(path)}: pick another id")
        match = re.match(r"(\d+)_", path.name)
        if match:
            numbers.append(int(match.group(1)))
            if isinstance(data.get("chapter"), int) and int(match.group(1)) == max(numbers):
                last_chapter = data["chapter"]
    chapters = [c.get("number") for c in story.get("chapters", []) if isinstance(c, dict)]
    if chapter is None:
        chapter = last_chapter or (chapters[-1] if chapters else 1)
    if chapters and chapter not in chapters:
        raise ScaffoldError(f"chapter {chapter} is not in story.yaml (chapters: "
                            f"{', '.join(str(c) for c in chapters)}); add it there first")
    number = max(numbers) + 1
    path = folder / f"{number:02d}_{scene_id}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(template(root, scene_id, chapter, schema_ref(folder)), encoding="utf-8")
    return path


def schema_ref(folder: Path) -> str:
    """Where the scene schema is, as a scene file in `folder` names it for editors: a relative path (the shipped
    scenes/story/ gives ../../schema/scene.schema.json; a story elsewhere gets the way to this game's schema/),
    or a file: URI when there is no relative way (another drive)."""
    target = paths.SCHEMA_DIR / "scene.schema.json"
    try:
        return Path(os.path.relpath(target.resolve(), Path(folder).resolve())).as_posix()
    except ValueError:
        return target.resolve().as_uri()


def template(root: Path, scene_id: str, chapter: int, schema: str = "../../schema/scene.schema.json") -> str:
    locations = _load(root / "locations.yaml").get("locations", [])
    characters = _load(root / "characters.yaml").get("characters", [])
    sources = _load(root / "sources.yaml").get("sources", [])
    evidence = _load(root / "evidence.yaml").get("evidence", [])
    location = (_first(locations) or {}).get("id", "LOCATION_ID")
    actor = _first(characters, lambda c: c.get("sprite") and c.get("expressions")) or _first(characters) or {}
    who = actor.get("id", "CHARACTER_ID")
    expressions = actor.get("expressions") or []
    expression = f"\n    expression: {expressions[-1]}" if len(expressions) > 1 else ""
    source = (_first(sources) or {}).get("id")
    clue = (_first(evidence) or {}).get("id", "EVIDENCE_ID")
    flag = f"{scene_id}_asked"
    leads_here = ("" if _load(root / "story.yaml").get("start") == scene_id else  # the story starts here
                  f"# Nothing leads here yet: add 'next: {scene_id}' (or 'goto: {scene_id}') to the scene before it.\n")
    title = scene_id.replace("_", " ").capitalize()
    fact = (f"""  # A sourced card about the real film or case (sources.yaml lists the sources).
  - fact: "Write the fact in your own words."
    source: {source}
    section: "the part of the source it rests on"
""" if source else """  # - fact: "A fact card needs a source from sources.yaml."
  #   source: SOURCE_ID
""")
    return f"""# yaml-language-server: $schema={schema}
# A new scene. Check it with:  python -m game validate   and   python -m game lint
# Every key is described in docs/authoring.md; your editor completes them from the schema above.
id: {scene_id}
title: "{title}"
chapter: {chapter}
date: "Write the date"      # the in-story date, as the player sees it (any text)
background: {location}       # a location id from locations.yaml
# music: theme              # a track in assets/audio/music/ (or 'stop')
# next: NEXT_SCENE_ID       # where the story goes when the beats run out; leave it out only
#                           # if every path ends with a goto or an end beat
{leads_here}beats:
  # Narration: text with no speaker.
  - narrate: "Describe what the player sees."
  # Bring a character on stage (positions: far_left, left, center, right, far_right).
  - show: {who}
    at: left
  # A character speaks; 'expression' switches their portrait. Text may use {{b}}bold{{/b}}, {{i}}italic{{/i}},
  # {{color=#e0a066}}colour{{/color}} and [name] for a variable set with 'set: {{name: "text"}}'.
  - say: {who}{expression}
    text: "Write what they say."
  # A choice. Options may set flags, add to counters, give evidence, jump (goto) or play beats (then).
  - choice: "What does the player do?"
    id: {scene_id}_choice
    options:
      - text: "Ask about it."
        id: ask
        set: {{{flag}: true}}
      - text: "Say nothing."
        id: wait
        then:
          - narrate: "A short silence."
  # Play beats only when a condition holds (conditions: {", ".join(CONDITION_KINDS)}).
  - if: {{flag: {flag}}}
    then:
      - say: {who}
        text: "You asked."
    else:
      - narrate: "Nobody asked."
  # Take the character off stage; change the background.
  - hide: {who}
  - background: {location}
    transition: dissolve
  # - move: {who}          # move a character already on stage
  #   to: right
  # - sound: page          # a sound effect in assets/audio/sfx/
  # - evidence: {clue}     # the player notices a piece of evidence (from evidence.yaml)
  # - add: {{trust: 1}}      # add to a counter; read it with {{counter: trust, gte: 2}}
{fact}  # - prompt: "A question for the class."   # shown in classroom mode
  #   minutes: 5
  # - goto: OTHER_SCENE    # jump to another scene now ('SCENE.label', or '.label' in this scene)
  # - label: again         # a point a goto can jump to
  # - end: my_ending       # an ending of the story
  #   title: "The End"
"""
