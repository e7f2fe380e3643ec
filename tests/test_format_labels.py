"""Labels as goto targets (scene.label, .label), scenes without a title card, and keep_stage on a goto."""
from __future__ import annotations

from conftest import format_scene, format_story

from game.authoring.flow import story_flow
from game.authoring.lint import lint
from game.content.loader import check_content, load_story
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

HUB = format_scene("hub", """
  - show: hero
    at: left
  - narrate: "Start of the hub."
  - label: ask
  - choice: "Where now?"
    id: where
    options:
      - text: "Round again"
        id: again
        add: {rounds: 1}
        goto: .ask
      - text: "Into the first scene's ending, keeping this stage"
        id: keep
        goto: first.finale
        keep_stage: true
      - text: "Into the first scene's ending, with its own stage"
        id: fresh
        goto: first.finale
  - narrate: "Never shown."
""")


def _story(tmp_path, hub: str = HUB):
    root = format_story(tmp_path, {"03_hub.yaml": hub})
    _edit_first(root, "  - goto: second", "  - label: finale\n  - narrate: \"The finale.\"\n  - goto: second")
    return root


def _edit_first(root, old: str, new: str, count: int = -1) -> None:
    """Replace text in the fixture's first scene."""
    first = root / "story" / "01_first.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")


def _choose(rt: Runtime, key: str) -> None:
    event = rt.advance()
    assert isinstance(event, ev.ChoiceEvent)
    rt.choose(next(i for i, o in enumerate(rt.story.scenes[rt.state.scene].code[rt.state.pc].options)
                   if o.key == key))


def _entered(story, key: str) -> tuple[Runtime, ev.Event]:
    """A runtime that took option `key` at the hub, and the event shown next."""
    rt = Runtime(story, Options(content_notes="play"), start="hub")
    rt.advance()
    _choose(rt, key)
    return rt, rt.advance()


def test_labels_compile_to_their_index_and_gotos_name_scene_and_label(tmp_path):
    story = load_story(_story(tmp_path))
    hub, first = story.scenes["hub"], story.scenes["first"]
    assert hub.card is False and first.card is True
    assert isinstance(hub.code[hub.labels["ask"]], type(hub.code[2])) and hub.labels == {"ask": 2}
    options = hub.code[hub.labels["ask"]].options
    assert [(o.goto, o.label, o.keep_stage) for o in options] == [("hub", "ask", False), ("first", "finale", True),
                                                                  ("first", "finale", False)]


def test_a_label_in_the_same_scene_is_a_jump_and_a_card_false_scene_shows_no_card(tmp_path):
    story = load_story(_story(tmp_path))
    rt = Runtime(story, Options(content_notes="play"), start="hub")
    first = rt.advance()
    assert isinstance(first, ev.LineEvent) and first.text == "Start of the hub."  # no SceneStart
    _choose(rt, "again")
    _choose(rt, "again")
    assert rt.state.vars["rounds"] == 2 and rt.state.visits["hub"] == 1  # a jump, not a new visit
    assert rt.state.stage.sprites["hero"]["at"] == "left"  # the stage is untouched by a jump


def test_keep_stage_carries_background_and_portraits_into_a_label_of_another_scene(tmp_path):
    story = load_story(_story(tmp_path))
    rt, card = _entered(story, "keep")
    assert isinstance(card, ev.SceneStart) and card.scene == "first"
    assert not any(e[0] == "background" for e in card.effects)
    assert rt.state.stage.sprites == {"hero": {"expression": "neutral", "at": "left"}}
    line = rt.advance()
    assert line.text == "The finale."  # entered at the label, not at the scene's start

    rt, card = _entered(story, "fresh")
    assert ("background", "room", "fade") in card.effects and rt.state.stage.sprites == {}
    assert rt.advance().text == "The finale."


def test_label_gotos_survive_a_save(tmp_path):
    story = load_story(_story(tmp_path))
    rt, card = _entered(story, "keep")
    again = Runtime.from_dict(story, rt.to_dict(), Options(content_notes="play"))
    assert again.advance() == card  # a save shows the moment it was taken on again
    assert again.advance() == rt.advance() and again.state.stage == rt.state.stage


def test_unknown_labels_and_duplicates_are_located_errors_with_hints(tmp_path):
    hub = HUB.replace("goto: .ask", "goto: .aks").replace("goto: first.finale\n        keep_stage: true",
                                                          "goto: first.finnale") + "  - label: ask\n"
    problems = check_content(_story(tmp_path, hub)).problems.sorted()
    messages = {(p.code, p.message, p.mark.line) for p in problems}
    assert ("unknown-label", "this scene has no label 'aks': did you mean 'ask'?", 19) in messages
    assert ("unknown-label", "scene 'first' has no label 'finnale': did you mean 'finale'?", 22) in messages
    assert any(code == "duplicate-label" and line == 27 for code, _, line in messages)
    assert all(p.hint for p in problems)


def test_a_malformed_target_is_a_schema_error(tmp_path):
    problems = check_content(_story(tmp_path, HUB.replace("goto: .ask", "goto: hub..ask"))).problems.errors
    assert len(problems) == 1 and "'hub..ask'" in problems[0].message and "scene.label" in problems[0].message


def test_flow_lint_and_explore_follow_labels(tmp_path):
    root = _story(tmp_path, HUB.replace("  - narrate: \"Start of the hub.\"",
                                        "  - narrate: \"Start of the hub.\"\n  - label: spare"))
    _edit_first(root, "  - goto: second", "  - goto: hub.ask", 1)
    story = load_story(root)
    flow = story_flow(story)
    assert "hub" in flow.reachable
    hub = story.scenes["hub"]
    assert hub.labels["ask"] in flow.scenes["hub"].reached
    assert len(hub.code) - 1 not in flow.scenes["hub"].reached  # "Never shown.": every option leaves
    found = [p for p in lint(root) if p.code in ("unused-label", "unreachable-beat", "unreachable-scene")]
    assert [(p.code, p.message) for p in found if p.code == "unused-label"] == [
        ("unused-label", "no goto jumps to label 'spare'")]
    assert any(p.code == "unreachable-beat" and p.mark.file.endswith("03_hub.yaml") for p in found)


def test_the_graph_draws_label_gotos_as_edges_naming_the_label(tmp_path):
    from game.authoring.graph import graph, scene_edges
    story = load_story(_story(tmp_path))
    edges = scene_edges(story.scenes["hub"])
    assert ("hub", "option", "Round again\n→ .ask") in edges  # a jump inside the scene: an edge to itself
    assert sum(1 for target, kind, label in edges if target == "first" and label.endswith("→ .finale")) == 2
    assert '"hub" -> "hub"' in graph(story)


def test_explore_walks_label_jumps_and_label_entries(tmp_path):
    from game.authoring.explore import explore
    root = _story(tmp_path)
    _edit_first(root, "  - label: finale", "  - goto: hub.ask\n  - label: finale")
    report = explore(load_story(root))
    assert report.complete and report.ok
    assert any(step.scene == "hub" and step.option == "keep" for path in report.endings.values() for step in path)


def test_explore_counts_a_scene_without_a_title_card_as_reached(tmp_path):
    from game.authoring.explore import explore
    root = _story(tmp_path)
    _edit_first(root, "  - goto: second", "  - goto: hub", 1)
    report = explore(load_story(root))
    assert "hub" in report.scenes_reached and not load_story(root).scenes["hub"].card


def test_a_chapter_entered_without_a_title_card_is_still_reached(tmp_path):
    from game.library import load_library
    from game.screens.capture import start_app
    app = start_app(load_library(_story(tmp_path)), "hub", Options(content_notes="play"))
    assert isinstance(app.top.event, ev.LineEvent) and 2 in app.profile.chapters


def test_resume_after_an_edit_replays_label_jumps(tmp_path):
    from game.runtime.resume import anchor_of, resume
    root = _story(tmp_path)
    (root / "story.yaml").write_text((root / "story.yaml").read_text(encoding="utf-8").replace(
        "start: first", "start: hub"), encoding="utf-8")  # a replay starts from the story's start
    story = load_story(root)
    rt = Runtime(story, Options(content_notes="play"))
    rt.advance()
    _choose(rt, "again")
    _choose(rt, "again")
    choice = rt.advance()
    saved = {**rt.to_dict(), "anchor": anchor_of(rt)}
    hub = root / "story" / "03_hub.yaml"
    hub.write_text(hub.read_text(encoding="utf-8").replace('  - label: ask', '  - narrate: "New."\n  - label: ask'),
                   encoding="utf-8")
    resumed = resume(load_story(root), saved, Options(content_notes="play"))
    assert resumed.runtime.current == choice and resumed.runtime.state.vars["rounds"] == 2


def test_a_scene_with_a_content_note_is_entered_only_at_its_start(tmp_path):
    root = _story(tmp_path)
    _edit_first(root, "music: calm\n",
                "music: calm\ncontent_note: {topics: [\"a storm\"], summary: \"A storm passes.\"}\n")
    problems = check_content(root).problems.errors
    assert [p.code for p in problems] == ["label-into-note", "label-into-note"]  # the two options into first.finale
    assert all(p.mark.file.endswith("03_hub.yaml") and p.hint for p in problems)


def test_autoplay_counts_a_scene_without_a_title_card(tmp_path):
    from game.runtime.autoplay import random_walk
    root = _story(tmp_path)
    _edit_first(root, "  - label: finale", "  - goto: hub\n  - label: finale")
    report = random_walk(load_story(root), seed=3, steps=300)
    assert "hub" in report.scenes and any("hub" in order for order in report.scene_order)
