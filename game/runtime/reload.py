"""Hot reload: load the edited content and put the running game back at the same moment.

If the new content has errors, the last good story keeps running and the problems are
returned for an overlay; fixing the file clears them on the next reload.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content import model as m
from ..content.loader import check_content
from ..content.problems import Problem
from .resume import Resumed, anchor_of, resume
from .runtime import Runtime


@dataclass
class ReloadResult:
    story: m.Story | None            # None: the content has errors; keep running the old story
    resumed: Resumed | None = None
    problems: list[Problem] = field(default_factory=list)


def reload_story(root: Path, assets: Path | None, rt: Runtime) -> ReloadResult:
    content = check_content(root, assets)
    if content.problems.errors or content.story is None:
        return ReloadResult(None, problems=content.problems.sorted())
    saved = {**rt.to_dict(), "anchor": anchor_of(rt)}
    saved["fingerprint"] = ""  # always replay: the choices, flags and position are rebuilt on the new text
    return ReloadResult(content.story, resume(content.story, saved, rt.options, rt.seen),
                        content.problems.sorted())
