"""Issue 14, resume: a hot reload, or loading a save after an edit, while a choice or a card is on screen
lands on that same choice or card (not the line before it), and says so honestly when it cannot."""
from __future__ import annotations

import pytest

from game.content.loader import load_story
from game.runtime import events as ev
from game.runtime.reload import reload_story
from game.runtime.resume import anchor_of, resume
from game.runtime.runtime import Options, Runtime
from game.saves import SaveStore

OPTIONS = Options(content_notes="ask", prompts=True)


def kind(event) -> str:
    return type(event).__name__ + (f":{event.key}" if isinstance(event, ev.ChoiceEvent) else "")


def play_until(story, wanted: str) -> Runtime:
    """Play (first option at each choice) until the event `wanted` is on screen."""
    rt = Runtime(story, OPTIONS)
    for _ in range(50):
        event = rt.advance()
        if kind(event) == wanted:
            return rt
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(event.options[0][0])
    raise AssertionError(f"never reached {wanted}")


def on_screen(rt: Runtime):
    return rt.current or rt.advance()


def edit_elsewhere(root) -> None:
    """A change that alters the fingerprint but not the path to the saved moment."""
    path = root / "evidence.yaml"
    path.write_text(path.read_text().replace("description: ", "description: Edited. ", 1))


MOMENTS = ["ChoiceEvent:way", "EvidenceEvent", "PromptEvent", "ContentNoteEvent", "EndEvent", "SceneStart"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_loading_after_an_edit_lands_on_the_same_choice_or_card(story_root, tmp_path, moment):
    story = load_story(story_root)
    rt = play_until(story, moment)
    store = SaveStore(tmp_path / "data")
    store.save("1", rt)
    edit_elsewhere(story_root)
    edited = load_story(story_root)
    assert edited.fingerprint != story.fingerprint
    resumed = store.load("1", edited, OPTIONS)
    assert kind(on_screen(resumed.runtime)) == moment and resumed.exact, resumed.message


@pytest.mark.parametrize("moment", MOMENTS)
def test_hot_reload_lands_on_the_same_choice_or_card(story_root, moment):
    story = load_story(story_root)
    rt = play_until(story, moment)
    before = rt.current
    edit_elsewhere(story_root)
    result = reload_story(story_root, story_root.parent / "assets", rt)
    assert result.story is not None
    again = on_screen(result.resumed.runtime)
    assert kind(again) == moment and result.resumed.exact
    assert type(again) is type(before)


def test_a_removed_card_lands_on_the_moment_before_and_says_so(story_root):
    story = load_story(story_root)
    rt = play_until(story, "PromptEvent")
    saved = {**rt.to_dict(), "anchor": anchor_of(rt), "fingerprint": ""}
    path = story_root / "story" / "01_first.yaml"
    text = path.read_text()
    start = text.index("  - prompt:")
    end = text.index("\n  - ", start + 5) + 1 if "\n  - " in text[start + 5:] else len(text)
    path.write_text(text[:start] + text[end:])
    resumed = resume(load_story(story_root), saved, OPTIONS)
    assert not resumed.exact and resumed.message
    assert kind(on_screen(resumed.runtime)) != "PromptEvent"
