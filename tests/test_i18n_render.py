"""The game in Korean and in bilingual mode, drawn: the title, a line, a choice, a card, the backlog, the
timeline and the classroom hub, at 100% and 200% text (issue 18).

Every frame is drawn on a canvas that records where each piece of text lands, so the tests check
that no text leaves the screen, that the text of a line, a choice and a card stays inside its box,
and that every character drawn has a glyph in the shipped fonts (pygame would draw a box). They do
not depend on how far the translators have got: untranslated texts are English, which must fit too.
Set CELL7_I18N_SHOTS=DIR to keep the PNGs (tests/test_i18n_render.py writes one per case).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pygame
import pytest

from game import words
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.ui.theme import HEIGHT, WIDTH
from tests.conftest import play_until

SHOTS = os.environ.get("CELL7_I18N_SHOTS", "")
MODES = [("ko", False), ("ko", True)]  # Korean; Korean with English under it
SCALES = [1.0, 2.0]


class Canvas(pygame.Surface):
    """A canvas that remembers the rectangle of every text image blitted on it."""

    def __init__(self, size, texts: dict[int, str]):
        super().__init__(size)
        self.texts = texts                   # id(image) -> its text, filled by the recording FontBook
        self.placed: list[tuple[str, pygame.Rect]] = []

    def blit(self, source, dest, area=None, special_flags=0):
        rect = super().blit(source, dest, area, special_flags)
        text = self.texts.get(id(source))
        if text is not None and text.strip():
            self.placed.append((text, rect))
        return rect


def record(app: App) -> Canvas:
    """Make `app` draw on a recording canvas, with a FontBook that notes each text it renders."""
    texts: dict[int, str] = {}
    canvas = Canvas((WIDTH, HEIGHT), texts)
    fonts = app.fonts
    render = type(fonts).render
    drawn: list[str] = []

    def recording(self, text, *args, **kwargs):
        image = render(self, text, *args, **kwargs)
        texts[id(image)] = text
        drawn.append(text)
        return image

    fonts.render = recording.__get__(fonts)
    canvas.drawn = drawn
    app.canvas = canvas
    return canvas


@pytest.fixture
def library(shipped_library):
    return shipped_library


def make_app(library, tmp_path: Path, language: str, bilingual: bool, scale: float, classroom: bool = False,
             high_contrast: bool = False) -> App:
    profile = Profile(tmp_path / "data", library.story_id)
    settings = profile.settings
    settings.language, settings.bilingual, settings.font_scale = language, bilingual, scale
    settings.high_contrast = high_contrast
    app = App(library, profile, window=False, classroom=classroom)
    app.apply_settings()
    return app


def play_to(app: App, kind, nth: int = 1):
    play = app.nav.open("play")
    play_until(play, lambda event: isinstance(event, kind), nth)
    play.typed = 1e9
    play.shown_at = -10.0
    return play


def frame(app: App, name: str) -> Canvas:
    canvas = record(app)
    app.step(0.0)
    app.step(0.6)  # transitions done
    canvas.placed.clear()
    canvas.drawn.clear()
    for screen in app.stack:  # the recorded frame is drawn whole, not blitted from a kept still part
        if hasattr(screen, "still"):
            screen.still.forget()
    app.draw()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pygame.image.save(canvas, str(Path(SHOTS) / f"{name}.png"))
    return canvas


def check(canvas: Canvas, fonts) -> None:
    """No text off the screen, and a glyph for every character drawn."""
    screen = pygame.Rect(0, 0, WIDTH, HEIGHT)
    off = [(text, rect) for text, rect in canvas.placed if rect.width and not screen.contains(rect)]
    assert not off, f"text leaves the screen: {off[:5]}"
    missing = {ch for text in canvas.drawn for ch in text if not fonts.covers(ch)}
    assert not missing, f"no glyph for {sorted(missing)!r}"
    prefixes = {key.split(".")[0] for key in words.source()}
    raw = {token for text in canvas.drawn for token in re.findall(r"\b[a-z_]+\.[a-z0-9_.]+\b", text)
           if token.split(".")[0] in prefixes}
    assert not raw, f"words keys drawn as they are (missing from game/lang/en.yaml?): {sorted(raw)}"
    assert canvas.placed, "nothing was drawn"


def inside(canvas: Canvas, box: pygame.Rect, texts) -> None:
    """Every drawn piece of these texts lies inside `box`."""
    pieces = [(t, r) for t, r in canvas.placed if any(t.strip() and t.strip() in text for text in texts)]
    assert pieces, "the text was not found on the canvas"
    out = [(t, r) for t, r in pieces if not box.contains(r)]
    assert not out, f"text outside its box {box}: {out[:4]}"


def korean(canvas: Canvas) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for text in canvas.drawn for ch in text)


def case(language: str, bilingual: bool, scale: float) -> str:
    return f"{language}{'_bilingual' if bilingual else ''}_{round(scale * 100)}"


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_title(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    app.nav.open("title")
    canvas = frame(app, f"title_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    assert korean(canvas) and app.top.menu.items[0].label in canvas.drawn  # the menu in Korean ("처음부터")


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_a_line(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    app.nav.open("title")
    play = play_to(app, ev.LineEvent, 3)
    canvas = frame(app, f"line_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    line = play.event
    english = app.library.in_language("en").story
    gloss = play.rt.told_in(english) if bilingual else None
    texts = [line.text] + ([gloss.text] if gloss is not None and gloss.text != line.text else [])
    box = pygame.Rect(0, 0, WIDTH, HEIGHT)
    plates = [r for t, r in canvas.placed if line.name and t.startswith(line.name)]
    inside(canvas, box, texts)
    body = [r for t, r in canvas.placed if t.strip() and t.strip() in line.text]
    top = min(r.top for r in body)
    assert all(r.bottom <= HEIGHT - 20 for r in body)
    if gloss is not None and gloss.text != line.text:  # the second language under the first, inside the box
        under = [r for t, r in canvas.placed if t.strip() and t.strip() in gloss.text and t.strip() not in line.text]
        assert under and min(r.top for r in under) > top and all(r.bottom <= HEIGHT - 20 for r in under)
    if plates:
        assert plates[0].top >= 0


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_a_choice(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    app.nav.open("title")
    play = play_to(app, ev.ChoiceEvent)
    canvas = frame(app, f"choice_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    menu = play.menu
    assert menu is not None and menu.area.bottom <= HEIGHT
    box, _, _ = play._choice_box(play.event)
    inside(canvas, box, [play.event.prompt])
    assert box.bottom <= menu.area.top  # the question never runs into the options
    if bilingual:  # options carry their translations, unless they had to give way so every option is in sight
        assert any("\n" in item.label for item in menu.items) or play._plain_options or play.gloss() is None
    for _, text in play.event.options:
        assert any(text.split()[0] in t for t in canvas.drawn), text


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_a_card(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    app.nav.open("title")
    play = play_to(app, (ev.FactEvent, ev.SourcesPage, ev.DifferEvent, ev.EvidenceEvent))
    canvas = frame(app, f"card_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    tags = {words.t(key) for key in ("play.fact_tag", "play.evidence_tag", "play.prompt_tag", "play.differ_tag")}
    assert any(tag in canvas.drawn or tag.upper() in canvas.drawn for tag in tags), type(play.event).__name__


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_the_backlog(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    app.nav.open("title")
    play = play_to(app, ev.LineEvent, 8)
    app.nav.open("backlog", play=play)
    canvas = frame(app, f"backlog_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    assert words.t("backlog.title") in canvas.drawn
    entries = app.top.entries
    assert any(e.gloss for e in entries) == bilingual or not bilingual


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_the_timeline(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale)
    title = app.nav.open("title")
    title.open_timeline()
    canvas = frame(app, f"timeline_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    assert korean(canvas)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_the_classroom_hub(library, tmp_path, language, bilingual, scale):
    app = make_app(library, tmp_path, language, bilingual, scale, classroom=True)
    app.nav.open("title")
    app.nav.open("classroom", export_dir=tmp_path / "out")
    canvas = frame(app, f"hub_{case(language, bilingual, scale)}")
    check(canvas, app.fonts)
    assert korean(canvas)


def presenter_to(app: App, tmp_path: Path, kind):
    from game.ui.input import Act, Action
    app.nav.open("title")
    hub = app.nav.open("classroom", export_dir=tmp_path / "out")
    hub.open_story()
    app.step(0.1, [Action(Act.NEXT)])  # Tab past the content-notes plan: the presenter view starts
    play = app.top
    assert play.overlay is not None
    for _ in range(500):
        if isinstance(play.event, kind):
            break
        if isinstance(play.event, ev.WAITS_FOR_CHOICE):
            play.choose(play.event.options[0][0])
        else:
            play.next_event()
    play.typed, play.shown_at = 1e9, -10.0
    return play


@pytest.mark.parametrize("high_contrast", [False, True])
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("language,bilingual", MODES)
def test_the_presenter_view_line_and_choice(library, tmp_path, language, bilingual, scale, high_contrast):
    """The classroom's projector sizes are the largest: a line and its translation, and a choice with every
    option in sight (the translations give way first), in Korean."""
    app = make_app(library, tmp_path, language, bilingual, scale, classroom=True, high_contrast=high_contrast)
    play = presenter_to(app, tmp_path, ev.LineEvent)
    name = f"{case(language, bilingual, scale)}{'_hc' if high_contrast else ''}"
    canvas = frame(app, f"presenter_line_{name}")
    check(canvas, app.fonts)
    assert all(r.bottom <= HEIGHT - 20 for t, r in canvas.placed if t.strip() and t.strip() in play.event.text)
    for _ in range(500):
        if isinstance(play.event, ev.ChoiceEvent):
            break
        play.next_event()
    play.typed, play.shown_at = 1e9, -10.0
    canvas = frame(app, f"presenter_choice_{name}")
    check(canvas, app.fonts)
    for _, text in play.event.options:  # every option of the story's first choice is on the projector
        first = text.split()[0]
        assert any(first in t for t in canvas.drawn), text
