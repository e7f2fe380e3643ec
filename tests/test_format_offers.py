"""`{offers: id}`: a way into a submenu offered only while the submenu holds more than its way back."""
from __future__ import annotations

from conftest import format_scene, format_story

from game.content import model as m
from game.content.loader import check_content, load_story
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

# A hub: ask the witness (a submenu of two questions, each asked once, and "Back"; the first question leads to a
# further menu of its own), or leave. The hub's way in and the first question ask `offers` of the menus inside.
HUB = format_scene("hub", """
  - label: top
  - choice: "What now?"
    id: move
    options:
      - text: "Ask the witness"
        id: ask
        if: {offers: questions}
        goto: .top
        then:
          - choice: "Which question?"
            id: questions
            options:
              - text: "Where were you?"
                id: where
                if: {offers: places}
                then:
                  - choice: "Which place?"
                    id: places
                    options:
                      - text: "The market"
                        if: {not: {flag: asked_market}}
                        set: {asked_market: true}
                      - text: "The lane"
                        if: {not: {flag: asked_lane}}
                        set: {asked_lane: true}
                      - text: "Back"
              - text: "What did you see?"
                id: what
                if: {not: {flag: asked_what}}
                set: {asked_what: true}
              - text: "Back"
      - text: "Leave"
        id: leave
  - if: {offers: move}
    then:
      - narrate: "Something was left to ask."
""")


def _hub(tmp_path, scene: str = HUB):
    return format_story(tmp_path, {"05.yaml": scene})


def _offered(event) -> list[str]:
    return [text for _, text in event.options]


def test_a_way_in_is_offered_while_its_menu_holds_more_than_its_way_back(tmp_path):
    rt = Runtime(load_story(_hub(tmp_path)), Options(content_notes="play"), start="hub")
    answers = [("What now?", "Ask the witness"), ("Which question?", "Where were you?"), ("Which place?", "The market"),
               ("What now?", "Ask the witness"), ("Which question?", "What did you see?"),
               ("What now?", "Ask the witness"), ("Which question?", "Where were you?"), ("Which place?", "The lane")]
    menus = []
    for prompt, answer in answers:
        event = rt.advance()
        assert isinstance(event, ev.ChoiceEvent) and event.prompt == prompt
        menus.append(_offered(event))
        rt.choose(next(i for i, text in event.options if text == answer))
    assert menus[4] == ["Where were you?", "What did you see?", "Back"]
    assert menus[6] == ["Where were you?", "Back"]  # the lane is left
    last = rt.advance()  # every question asked: the way in has gone, and so has the hub's leftover line
    assert isinstance(last, ev.ChoiceEvent) and _offered(last) == ["Leave"]
    rt.choose(last.options[0][0])
    assert not isinstance(rt.advance(), ev.LineEvent)
    early = Runtime(load_story(_hub(tmp_path)), Options(content_notes="play"), start="hub")
    early.choose(early.advance().options[-1][0])  # leaving with questions left: the `if` beat's line shows
    assert early.advance().text == "Something was left to ask."


def test_offers_is_written_out_as_the_conditions_of_the_menu_inside(tmp_path):
    """The runtime and the tools read plain conditions: `offers` is gone from the compiled scene."""
    scene = load_story(_hub(tmp_path)).scenes["hub"]
    ask = next(op for op in scene.code if isinstance(op, m.Choice) and op.key == "move").options[0]
    places = [{"not": {"flag": "asked_market"}}, {"not": {"flag": "asked_lane"}}]
    assert ask.condition == {"any": [{"any": places}, {"not": {"flag": "asked_what"}}]}
    assert "offers" not in repr(scene.code)


def test_an_unknown_choice_is_a_located_error_with_the_ids_it_may_mean(tmp_path):
    scene = HUB.replace("if: {offers: questions}", "if: {offers: questoins}")
    problems = check_content(_hub(tmp_path, scene)).problems.errors
    written = "        if: {offers: questoins}"
    line, col = 1 + scene.splitlines().index(written), 1 + written.index("questoins")  # at the id itself
    assert [(p.code, p.message, p.mark.line, p.mark.col) for p in problems] == [
        ("unknown-choice", "no choice in this scene has the id 'questoins': did you mean 'questions'?", line, col)]
    assert "move, places, questions" in problems[0].hint


def test_a_menu_that_asks_offers_of_itself_through_another_is_an_error(tmp_path):
    scene = HUB.replace("if: {not: {flag: asked_lane}}", "if: {offers: questions}")
    problems = check_content(_hub(tmp_path, scene)).problems.errors
    assert [(p.code, p.mark.line) for p in problems] == [
        ("offers-loop", 1 + scene.splitlines().index("                if: {offers: places}")),
        ("offers-loop", 1 + scene.splitlines().index("                        if: {offers: questions}"))]
    assert "questions -> places -> questions" in problems[0].message


def test_offers_asked_of_a_menu_whose_options_always_show_is_a_warning(tmp_path):
    scene = HUB.replace("  - if: {offers: move}", "  - if: {offers: fixed}").replace(
        '      - narrate: "Something was left to ask."',
        '      - narrate: "Something was left to ask."\n  - choice: "Fixed?"\n    id: fixed\n    options:\n'
        '      - text: "Yes"\n      - text: "No"')
    content = check_content(_hub(tmp_path, scene))
    assert not content.problems.errors
    assert [(p.code, p.mark.line) for p in content.problems.warnings if p.code == "offers-always"] == [
        ("offers-always", 1 + scene.splitlines().index("  - if: {offers: fixed}"))]
