"""Hot reload: put the running game back at the same moment of an edited story.

Loading the edited folder is the library's job (`game.library.reload_library`, which reloads the
library's own root); this module only replays the game onto the new story. If the new content has
errors, the last good story keeps running and the problems are shown in an overlay; fixing the file
clears them on the next reload.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content import model as m
from ..content.loader import check_content
from ..content.problems import Problem
from .resume import Resumed, anchor_of, resume
from .runtime import Runtime


def replay_edited(story: m.Story, rt: Runtime) -> Resumed:
    """`rt`'s game (its choices, flags and position) rebuilt on the text of `story`."""
    saved = {**rt.to_dict(), "anchor": anchor_of(rt)}
    saved["fingerprint"] = ""  # always replay: the choices, flags and position are rebuilt on the new text
    return resume(story, saved, rt.options, rt.seen)


@dataclass
class ReloadResult:
    """A hot reload's outcome: the new story and where play resumes, or the problems that kept the old one."""

    story: m.Story | None            # None: the content has errors; keep running the old story
    resumed: Resumed | None = None
    problems: list[Problem] = field(default_factory=list)


def reload_story(root: Path, assets: Path | None, rt: Runtime) -> ReloadResult:
    """The story alone (no timeline or quiz) reloaded from `root`; the game uses `reload_library`."""
    content = check_content(root, assets)
    if content.problems.errors or content.story is None:
        return ReloadResult(None, problems=content.problems.sorted())
    return ReloadResult(content.story, replay_edited(content.story, rt), content.problems.sorted())
