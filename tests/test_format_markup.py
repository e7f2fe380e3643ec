"""Text markup: {b} {i} {color=#rrggbb} {{ parsed into spans, located errors, drawn styled, read as plain text."""
from __future__ import annotations

import pygame
import pytest
from conftest import format_scene, format_story

from game.content import markup
from game.content.loader import check_content
from game.content.markup import MarkupError, Span

SCENE = format_scene("marked", """
  - show: hero
  - say: hero
    text: "A {b}bold{/b} word, an {i}italic{/i} one and {color=#e05050}a red one{/color}."
""")


def test_spans_carry_bold_italic_and_colour_and_nest():
    assert markup.parse("a {b}b {i}bi{/i}{/b} {color=#FF0000}r{/color} {{x}") == [
        Span("a "), Span("b ", bold=True), Span("bi", bold=True, italic=True), Span(" "),
        Span("r", color="#FF0000"), Span(" {x}")]
    assert markup.parse("{color=#112233}{color=#445566}in{/color}out{/color}") == [
        Span("in", color="#445566"), Span("out", color="#112233")]
    assert markup.plain("{b}Hi{/b}, {{you}") == "Hi, {you}"
    assert markup.plain("no tags } here") == "no tags } here"


@pytest.mark.parametrize("text, index, words", [
    ("a {bold}x", 2, "unknown tag '{bold}'"),
    ("a {b}x", 2, "'{b}' is never closed"),
    ("x{/i}", 1, "closes a tag that was never opened"),
    ("{b}{i}x{/b}{/i}", 7, "'{/b}' closes '{i}'"),
    ("{color=red}x{/color}", 0, "needs a colour written #rrggbb"),
    ("{b=2}x{/b}", 0, "takes no value"),
    ("open { brace", 5, "never closed with '}'"),
])
def test_each_mistake_is_reported_where_it_starts(text, index, words):
    found = markup.problems(text)
    assert len(found) == 1 and found[0][0] == index and words in found[0][1] and found[0][2]
    with pytest.raises(MarkupError) as caught:
        markup.parse(text)
    assert caught.value.index == index


def test_wrap_measures_each_run_in_its_style_and_cut_counts_plain_characters():
    def measure(text, bold, _italic):
        return len(text) * (12 if bold else 10)
    lines = markup.wrap(markup.parse("aaaa {b}bbbb{/b} cccc"), 100, measure)
    assert [[r.text for r in line] for line in lines] == [["aaaa ", "bbbb"], ["cccc"]]  # 50 + 48; then 10 * 4
    assert [[r.text for r in line] for line in markup.cut(lines, 7)] == [["aaaa ", "bb"]]
    assert [[r.text for r in line] for line in markup.cut(lines, 11)] == [["aaaa ", "bbbb"], ["c"]]


def test_validate_points_into_the_string_at_the_tag(tmp_path):
    root = format_story(tmp_path, {"03.yaml": SCENE.replace("{b}bold{/b}", "{bold}bold{/b}") + """
  - narrate: |
      A block line,
      and a {i}tag never closed.
"""})
    problems = check_content(root).problems.sorted()
    shown = [f"{p.mark.line}:{p.mark.col} {p.message}" for p in problems]
    line = 1 + next(i for i, text in enumerate(SCENE.splitlines()) if text.startswith('    text: "A {b}bold'))
    assert f"{line}:14 markup: unknown tag '{{bold}}'" in shown      # 4 spaces, 'text: "A ' -> column 14
    assert f"{line}:24 markup: '{{/b}}' closes a tag that was never opened" in shown
    assert f"{line + 4}:13 markup: '{{i}}' is never closed" in shown  # inside the block scalar
    assert all(p.code == "markup" and p.hint for p in problems)


def test_shipped_text_without_markup_is_unchanged():
    assert markup.spans("Plain words, [brackets] and } braces") == [Span("Plain words, [brackets] and } braces")]


def test_the_play_screen_draws_bold_italic_and_colour(tmp_path):
    from game.library import load_library
    from game.runtime.runtime import Options
    from game.screens.capture import settle, start_app
    root = format_story(tmp_path, {"03.yaml": SCENE})
    app = start_app(load_library(root), "marked", Options(content_notes="play"))
    settle(app)
    app.top.typed = 1e9
    app.step(0.05)
    app.screenshot(tmp_path / "markup.png")  # looked at: bold, italic and red runs on one line, no tags shown
    box = app.canvas.subsurface(pygame.Rect(60, 500, 1160, 120))
    red = sum(1 for x in range(0, box.get_width(), 2) for y in range(0, box.get_height(), 2)
              if (lambda c: c.r > 180 and c.g < 110 and c.b < 110)(box.get_at((x, y))))
    assert red > 20  # the red run is drawn in its colour
    plain = start_app(load_library(format_story(tmp_path / "p", {"03.yaml": SCENE.replace(
        "{color=#e05050}a red one{/color}", "a red one")})), "marked", Options(content_notes="play"))
    settle(plain)
    plain.top.typed = 1e9
    plain.step(0.05)
    assert sum(1 for x in range(0, 1160, 2) for y in range(0, 120, 2)
               if (lambda c: c.r > 180 and c.g < 110 and c.b < 110)(
                   plain.canvas.get_at((60 + x, 500 + y)))) == 0


def test_typing_counts_plain_characters_and_self_voicing_speaks_plain_text(tmp_path):
    from game.library import load_library
    from game.runtime.runtime import Options
    from game.screens.capture import start_app
    root = format_story(tmp_path, {"03.yaml": SCENE})
    app = start_app(load_library(root), "marked", Options(content_notes="play"))
    spoken: list[str] = []
    app.voice.say = spoken.append
    app.settings.self_voicing = True
    play = app.top
    play.show(play.event)  # shown again, now with self-voicing on
    words = "A bold word, an italic one and a red one."
    assert play.event.text.startswith("A {b}bold")  # events carry the markup; screens draw it
    play.typed = len(words) - 1
    assert not play.line_done()
    play.typed = len(words)
    assert play.line_done()
    assert spoken[-1] == f"Hero: {words}"


def test_contact_sheet_captions_are_plain_text():
    from game.runtime import events as ev
    from game.screens.contact_sheet import caption
    line = ev.LineEvent("hero", "Hero", "#aa5500", "A {b}bold{/b} {{word}", "id", False)
    assert caption(line) == "Hero: A bold {word}"
    asked = ev.ChoiceEvent("Come {i}now{/i}?", ((0, "{b}Yes{/b}"),), "key", speaker="hero", name="Hero")
    assert caption(asked, 0) == "CHOICE: Hero: Come now?\n> 1. Yes"


def test_every_kind_of_player_facing_text_is_checked(tmp_path):
    scene = format_scene("cards", """
  - narrate: "n {x}"
  - choice: "c {x}"
    options:
      - text: "o {x}"
  - fact: "f {x}"
    source: book
  - differ: "d {x}"
    accounts:
      - {source: book, says: "a {x}"}
      - {source: book, says: "fine"}
    question: "q {x}"
  - prompt: "p {x}"
    followups: ["u {x}"]
""")
    problems = check_content(format_story(tmp_path, {"03.yaml": scene})).problems.sorted()
    lines = scene.splitlines()
    assert [lines[p.mark.line - 1][p.mark.col - 4:p.mark.col + 2] for p in problems] == [
        f'"{k} {{x}}' for k in "ncofdaqpu"]  # each error points at its own '{x}'
