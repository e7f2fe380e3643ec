"""The content-note plan: for every scene with a content note, play it or show its summary.

Made on the opening screen of the presenter view; the presenter answers the runtime's
ContentNoteEvent from it, so the class never sees the note dialog mid-story.
"""
from __future__ import annotations

from dataclasses import dataclass

PLAY, SUMMARY = "play", "summary"
DECISIONS = (PLAY, SUMMARY)


@dataclass(frozen=True)
class NotedScene:
    """A scene with a content note: what it touches on and its summary for a class that skips it."""

    scene: str
    title: str
    chapter: int
    topics: tuple[str, ...]
    summary: str


def story_order(story) -> list:
    """Scenes in playing order: following `next` from the start, then any others by chapter and id."""
    order, seen = [], set()
    scene_id = story.start
    while scene_id in story.scenes and scene_id not in seen:
        seen.add(scene_id)
        order.append(story.scenes[scene_id])
        scene_id = story.scenes[scene_id].next
    rest = sorted((s for s in story.scenes.values() if s.id not in seen), key=lambda s: (s.chapter, s.file, s.id))
    return sorted(order + rest, key=lambda s: s.chapter) if rest else order


def noted_scenes(story) -> list[NotedScene]:
    return [NotedScene(s.id, s.title, s.chapter, tuple(s.content_note.topics), s.content_note.summary)
            for s in story_order(story) if s.content_note]


def default_plan(story, decision: str = PLAY) -> dict[str, str]:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}")
    return {n.scene: decision for n in noted_scenes(story)}


def toggle(plan: dict[str, str], scene: str) -> None:
    plan[scene] = SUMMARY if plan.get(scene, PLAY) == PLAY else PLAY


def runtime_answer(plan: dict[str, str], scene: str) -> int:
    """The index ContentNoteEvent's options take for this scene: 0 plays it, 1 shows the summary."""
    return 1 if plan.get(scene, PLAY) == SUMMARY else 0
