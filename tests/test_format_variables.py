"""Text variables: `set:` with text, `[name]` in lines, choices and options, `[[` for a literal bracket."""
from __future__ import annotations

from conftest import format_scene, format_story

from game.authoring.explore import explore
from game.authoring.lint import lint
from game.content.loader import check_content, load_story
from game.content.markup import interpolate, plain, variables
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime, variable_defaults

SCENE = format_scene("named", """
  - narrate: "Before: '[captain]' [[not a variable] and [counted]."
  - set: {captain: "Odile {b}Marr{/b}", sure: true}
  - add: {counted: 2}
  - narrate: "Captain [captain], sure=[sure], counted=[counted]."
  - choice: "Follow [captain]?"
    id: follow
    options:
      - text: "Yes, [captain]"
        id: go
        set: {captain: "Lise"}
      - text: "No"
        id: stay
  - narrate: "Now: [captain]."
""")


def test_interpolation_fills_values_escapes_their_braces_and_keeps_double_brackets():
    assert interpolate("[a] and [[b] and [n]", {"a": "x{y}", "n": 3}.get) == "x{{y} and [b] and 3"
    names, bad = variables("[ok] [[lit] [Bad] [open")
    assert names == [(0, "ok")] and [i for i, _, _ in bad] == [12, 18]


def test_lines_choices_and_options_show_the_current_values(tmp_path):
    story = load_story(format_story(tmp_path, {"03.yaml": SCENE}))
    assert variable_defaults(story)["captain"] == "" and variable_defaults(story)["counted"] == 0
    rt = Runtime(story, Options(content_notes="play"), start="named")
    assert rt.advance().text == "Before: '' [not a variable] and 0."  # unset: text reads '', a counter 0
    line = rt.advance().text  # a value's braces are escaped: it shows as written, it never opens a tag
    assert line == "Captain Odile {{b}Marr{{/b}, sure=true, counted=2."
    assert plain(line) == "Captain Odile {b}Marr{/b}, sure=true, counted=2."
    choice = rt.advance()
    assert isinstance(choice, ev.ChoiceEvent) and plain(choice.prompt) == "Follow Odile {b}Marr{/b}?"
    assert plain(choice.options[0][1]) == "Yes, Odile {b}Marr{/b}"
    rt.choose(0)
    assert rt.advance().text == "Now: Lise."
    assert rt.state.vars["captain"] == "Lise"


def test_text_variables_round_trip_through_saves_and_rollback(tmp_path):
    story = load_story(format_story(tmp_path, {"03.yaml": SCENE}))
    rt = Runtime(story, Options(content_notes="play"), start="named")
    for _ in range(3):
        event = rt.advance()
    rt.choose(0)
    shown = rt.advance()
    assert rt.state.vars["captain"] == "Lise"
    again = Runtime.from_dict(story, rt.to_dict(), Options(content_notes="play"))
    assert again.advance() == shown and again.state.vars["captain"] == "Lise"
    back = rt.rollback()
    assert back == event and rt.state.vars["captain"] == "Odile {b}Marr{/b}"


def test_unknown_and_malformed_variables_are_located_errors(tmp_path):
    scene = SCENE.replace("Now: [captain].", "Now: [captian] [Bad].")
    problems = check_content(format_story(tmp_path, {"03.yaml": scene})).problems.sorted()
    line = 1 + scene.splitlines().index('  - narrate: "Now: [captian] [Bad]."')
    assert [(p.code, p.mark.line, p.mark.col) for p in problems] == [("unknown-variable", line, 20),
                                                                      ("variable-syntax", line, 30)]
    assert "did you mean 'captain'" in problems[0].message and problems[1].hint


def test_a_text_variable_used_as_a_counter_is_an_error(tmp_path):
    scene = SCENE.replace("add: {counted: 2}", "add: {counted: 2, captain: 1}")
    problems = check_content(format_story(tmp_path, {"03.yaml": scene})).problems.errors
    assert [p.code for p in problems] == ["variable-kind"]
    assert "'captain' holds text" in problems[0].message


def test_showing_a_variable_counts_as_reading_it_and_explore_handles_text(tmp_path):
    root = format_story(tmp_path, {"03.yaml": SCENE + "  - goto: second\n"})
    first = root / "story" / "01_first.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("  - goto: second", "  - goto: named"),
                     encoding="utf-8")
    unused = {p.message.split("'")[1] for p in lint(root) if p.code == "unused-variable"}
    assert not {"captain", "counted"} & unused
    report = explore(load_story(root))
    assert report.complete and report.ok and report.endings


def test_a_flag_condition_on_a_text_variable_is_true_when_the_text_is_not_empty(tmp_path):
    scene = SCENE.replace('  - narrate: "Now: [captain]."', """  - if: {flag: captain}
    then:
      - narrate: "Named [captain]."
    else:
      - narrate: "No name."
  - set: {captain: ""}
  - if: {flag: captain}
    then:
      - narrate: "Still named."
    else:
      - narrate: "Unnamed now."
  - goto: second
""")
    root = format_story(tmp_path, {"03.yaml": scene})
    first = root / "story" / "01_first.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("  - goto: second", "  - goto: named"),
                     encoding="utf-8")
    assert [p for p in lint(root) if p.severity != "info"] == []  # lint reads text in a flag condition too
    rt = Runtime(load_story(root), Options(content_notes="play"), start="named")
    for _ in range(3):
        rt.advance()
    rt.choose(1)
    assert [rt.advance().text for _ in range(2)] == ["Named Odile {{b}Marr{{/b}.", "Unnamed now."]
