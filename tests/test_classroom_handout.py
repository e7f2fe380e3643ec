"""The printable handout and its answer key: valid, balanced HTML with everything a class needs,
and (where Chromium is installed) a clean render in a headless browser."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game import paths
from game.classroom import export
from game.classroom.quiz import load_quiz
from game.content.loader import load_story
from game.content.model import Chapter

FIXTURES = Path(__file__).parent / "fixtures"
CLASSROOM_STORY = FIXTURES / "classroom_story"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Balanced(HTMLParser):
    """Fails on a closing tag that does not match the open one; collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}> at {self.getpos()}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Balanced:
    parser = Balanced()
    parser.feed(html)
    parser.close()
    assert html.startswith("<!DOCTYPE html>")
    assert parser.errors == [] and parser.stack == [], (parser.errors, parser.stack)
    return parser


@pytest.fixture(scope="module")
def data():
    story = load_story(CLASSROOM_STORY, paths.ASSETS)
    quiz, problems = load_quiz(CLASSROOM_STORY, story)
    assert not problems.errors
    return export.handout_data(story, quiz)


def test_handout_is_balanced_html_with_summaries_prompts_and_the_quiz(data):
    html = export.handout_html(data)
    parsed = parse(html)
    text = " ".join(parsed.text)
    for chapter in data.chapters:
        assert chapter.title in text and chapter.summary in text and chapter.in_the_film in text
    for prompt in data.prompts:
        assert prompt.question in text
    assert "Why begin with a backpack?" in text                  # a follow-up
    for q in data.quiz.questions:
        assert q.question in text
        assert q.explanation not in text                          # no answers in the handout
    assert "Answer:" not in text
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # self-contained
    assert "<style>" in html and "@media print" in html


def test_answer_key_has_every_answer_explanation_and_source(data):
    html = export.answer_key_html(data)
    text = " ".join(parse(html).text)
    for q in data.quiz.questions:
        assert q.explanation in text and f"{q.section}" in text
    assert "Answer: B. A backpack" in text and "Answer: True" in text
    assert "Encyclopedia article — Plot" in text


def test_the_hangul_font_travels_with_the_handout(data, tmp_path):
    """The Korean title prints with the game's own font, even where the system has no Korean font: the font is
    inside each page (base64, cut down to the page's characters), nothing is copied beside it."""
    written = export.write_handout(data, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    for page in written:
        html = page.read_text("utf-8")
        assert html.count('@font-face{font-family:"Cell7 Hangul"') == 2 and "data:font/ttf;base64," in html
        assert len(html) < 600_000  # the 1.9 MB fonts, cut down


def test_text_is_escaped():
    data = export.HandoutData("A <b> & C", "", [Chapter(1, "x < y", "\"quoted\" & <tags>")])
    html = export.handout_html(data)
    parse(html)
    assert "&lt;tags&gt;" in html and "<tags>" not in html


def test_shipped_handout_is_valid_html(tmp_path):
    """The real chapters and quiz (the scenes' prompts need a loadable story, so the fixture's are used)."""
    import yaml
    story_data = yaml.safe_load((paths.SCENES / "story.yaml").read_text("utf-8"))
    quiz, problems = load_quiz(paths.SCENES)
    data = export.HandoutData(story_data["title"], story_data.get("korean_title", ""),
                              [Chapter(c["number"], c["title"], c.get("summary", ""), c.get("in_the_film", ""))
                               for c in story_data["chapters"]],
                              [], quiz)
    written = export.write_handout(data, tmp_path)
    for path in written:
        parse(path.read_text("utf-8"))
    assert len(quiz.questions) >= 65


def chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.parametrize("page", ["handout", "answer_key"])
def test_handout_renders_in_headless_chromium(data, tmp_path, page):
    import pygame
    if chromium() is None:  # CI installs it (.ci/run): there a missing browser is a failure, not a skip
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI needs Chromium for the handout test (.ci/run installs it: apt-get install chromium)")
        pytest.skip("no Chromium installed (apt-get install chromium); CI=true makes this a failure")
    folder = tmp_path / "out"
    export.write_handout(data, folder)
    out = tmp_path / f"classroom_{page}_chromium.png"
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                 "--no-first-run", f"--user-data-dir={profile}", f"--screenshot={out}",
                                 "--window-size=1240,1754", (folder / f"{page}.html").as_uri()],
                                capture_output=True, text=True, timeout=120)
    assert out.is_file(), result.stderr[-2000:]
    image = pygame.image.load(str(out))
    assert image.get_size() == (1240, 1754)
    top = {image.get_at((x, y))[:3] for x in range(0, 1240, 4) for y in range(0, 400, 4)}
    assert len(top) > 20                                   # text was drawn, not a blank page
    assert image.get_at((5, 5))[:3] == (255, 255, 255)     # a white, printable page


def test_a_story_without_quiz_or_these_sources_gets_no_answer_key_and_no_cell7_footer(tmp_path):
    """Night Ferry cites nothing and has no quiz: its handout names no encyclopedia and comes alone."""
    from game.classroom.quiz import Quiz
    from game.library import load_library
    library = load_library(paths.ROOT / "examples" / "night_ferry")
    written = export.write_handout(export.handout_data(library.story, library.quiz or Quiz()), tmp_path)
    assert [p.name for p in written] == ["handout.html"] and not (tmp_path / "answer_key.html").exists()
    html = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert "Night Ferry" in html and "encyclopedia" not in html.lower() and "<footer>" not in html


def test_the_footer_names_the_story_s_own_sources(data):
    html = export.handout_html(data)
    footer = html[html.index("<footer>"):]
    assert all(title in footer for title in data.sources.values()) and len(data.sources) > 1
