"""The runtime emits no English of its own: a content note's two answers, the summary line's name plate, an
ending without a title and a differ card without a question of its own come out empty, and
game/runtime/wording.py words them in the player's language."""
from __future__ import annotations

import dataclasses

from conftest import play_through

from game import words
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.runtime.wording import differ_question, ending_title, is_summary, options_of, shown, speaker_name

ENGINE_ENGLISH = ("Summary", "Play the scene", "Read a short summary instead", "The End",
                  "How would you check which account is right?")


def strings_of(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in strings_of(item)]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings_of(getattr(value, f.name))]
    return []


def test_no_event_carries_the_engines_own_english(shipped_library):
    story = shipped_library.story
    noted = sorted(s.id for s in story.scenes.values() if s.content_note)
    events = []
    for options in (Options(content_notes="ask", cards="inline", prompts=True),
                    Options(content_notes={scene: "summary" for scene in noted}, cards="chapter_end")):
        for first in (True, False):
            events += play_through(Runtime(story, options), limit=3000, first_option=first)
    said = {s for event in events for s in strings_of(event)}
    assert not said & set(ENGINE_ENGLISH)
    notes = [e for e in events if isinstance(e, ev.ContentNoteEvent)]
    summaries = [e for e in events if is_summary(e)]
    assert notes and summaries and all(text == "" for e in notes for _, text in e.options)
    words.set_language("ko")
    assert [text for _, text in options_of(notes[0])] == ["이 장면 보기", "짧은 요약으로 읽기"]
    assert speaker_name(summaries[0]) == "요약" and shown(summaries[0]).name == "요약"
    words.set_language("en")
    assert [text for _, text in options_of(notes[0])] == ["Play the scene", "Read a short summary instead"]
    assert speaker_name(summaries[0]) == "Summary"


def test_cards_and_endings_without_words_of_their_own_are_worded_by_the_screens():
    card = ev.DifferEvent("topic", (("a", "x"), ("b", "y")), "")
    assert differ_question(card) == "How would you check which account is right?"
    assert differ_question(dataclasses.replace(card, question="Which one?")) == "Which one?"
    words.set_language("ko")
    assert differ_question(card) == "어느 쪽이 맞는지 어떻게 확인할 수 있을까요?"
    assert ending_title(ev.EndEvent("e", "")) == "" and ending_title(ev.EndEvent("e", "Free")) == "Free"
    page = shown(ev.SourcesPage(1, "", (card,)))
    assert page.cards[0].question == "어느 쪽이 맞는지 어떻게 확인할 수 있을까요?"
