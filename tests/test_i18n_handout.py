"""Handouts in either language, from the command line, printing Korean anywhere (issue 18).

The Chromium test renders the pages in a real browser that sees no Korean font at all (its fontconfig
knows one folder holding only DejaVu Sans), so the Hangul can only come from the font inside the page.
It fails, rather than skips, under CI=true when Chromium is missing: .ci/run installs it.
"""
from __future__ import annotations

import html as html_module
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import run_main

from game import paths, words
from game.classroom import export, fontface
from game.classroom.quiz import Quiz
from game.content.model import Chapter
from game.library import load_library

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def need_chromium() -> str:
    found = chromium()
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI needs Chromium for the handout test (.ci/run installs it: apt-get install chromium)")
        pytest.skip("no Chromium installed (apt-get install chromium); CI=true makes this a failure")
    return found


# --- the command ------------------------------------------------------------------------------------------

def test_handout_command_writes_both_pages_in_korean(capsys, tmp_path):
    code, out, err = run_main(capsys, "handout", "--out", str(tmp_path / "ko"), "--lang", "ko")
    assert code == 0, err
    pages = {p.name: p.read_text("utf-8") for p in (tmp_path / "ko").iterdir()}
    assert sorted(pages) == ["answer_key.html", "handout.html"]
    assert "handout.html" in out and "answer_key.html" in out
    for html in pages.values():
        assert '<html lang="ko">' in html and "7번방의 선물" in html
        assert html.count('@font-face{font-family:"Cell7 Hangul"') == 2  # regular and bold, inside the page
    # as much of it Korean as is translated so far: each chapter's summary as the Korean library tells it
    library = load_library(paths.SCENES).in_language("ko")
    for chapter in library.story.chapters:
        assert html_module.escape(chapter.summary) in pages["handout.html"]


def test_handout_command_in_english_and_for_another_story(capsys, tmp_path):
    code, _, err = run_main(capsys, "handout", "--out", str(tmp_path / "en"))
    assert code == 0, err
    html = (tmp_path / "en" / "handout.html").read_text("utf-8")
    assert '<html lang="en">' in html and not HANGUL.search(html.replace("7번방의 선물", ""))
    code, _, err = run_main(capsys, "handout", "--scenes", str(paths.ROOT / "examples" / "night_ferry"),
                            "--out", str(tmp_path / "nf"), "--lang", "ko")
    assert code == 0, err
    assert [p.name for p in (tmp_path / "nf").iterdir()] == ["handout.html"]  # no quiz, no answer key


def test_an_unknown_language_is_one_line_and_exit_2(capsys, tmp_path):
    code, out, err = run_main(capsys, "handout", "--out", str(tmp_path), "--lang", "xx")
    assert code == 2 and "no language 'xx'" in err and "ko" in err and len(err.strip().splitlines()) == 1
    assert not any(tmp_path.iterdir())


# --- the font inside the page ---------------------------------------------------------------------------------

def test_the_subset_font_draws_the_page_s_characters_exactly_as_the_whole_font(tmp_path):
    import pygame
    pygame.font.init()
    whole = paths.FONTS / "NanumGothic-Regular.ttf"
    text = "7번방의 선물 — 용구와 예승, 1997년 Hello!"
    cut = tmp_path / "cut.ttf"
    cut.write_bytes(fontface.subset(whole.read_bytes(), {ord(c) for c in text}))
    assert cut.stat().st_size < whole.stat().st_size / 8
    a, b = pygame.font.Font(str(whole), 48), pygame.font.Font(str(cut), 48)
    for word in text.split():
        shot = [pygame.image.tobytes(f.render(word, True, (0, 0, 0), (255, 255, 255)), "RGB") for f in (a, b)]
        assert shot[0] == shot[1], word
    assert pygame.image.tobytes(b.render("법", True, (0, 0, 0), (255, 255, 255)), "RGB") != \
        pygame.image.tobytes(a.render("법", True, (0, 0, 0), (255, 255, 255)), "RGB")  # not on the page: not kept


def test_handout_html_stays_small():
    chapter = Chapter(1, "가게 앞", "용구는 딸 예승에게 세일러문 가방을 사 주고 싶다.")
    data = export.HandoutData("Cell 7", "7번방의 선물", [chapter], quiz=Quiz(), language="ko")
    html = export.handout_html(data)
    assert 20_000 < len(html) < 500_000


# --- a real browser with no Korean font ----------------------------------------------------------------------

PROBE = "번방의선물용구"  # syllables of the shipped Korean title and the hero's name, on every Cell 7 handout


def _isolated_fonts(folder: Path) -> dict[str, str]:
    """An environment whose fontconfig knows one folder holding only DejaVu Sans: no Korean font anywhere."""
    fonts = folder / "fonts"
    fonts.mkdir()
    shutil.copy(paths.FONTS / "DejaVuSans.ttf", fonts)
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>
""", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(folder), "HOME": str(folder)}


def _shoot(browser: str, page: Path, out: Path, env: dict[str, str], size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                 "--no-first-run", "--force-device-scale-factor=1", f"--user-data-dir={profile}",
                                 f"--screenshot={out}", f"--window-size={size[0]},{size[1]}", page.as_uri()],
                                capture_output=True, text=True, timeout=180, env=env)
    assert out.is_file(), result.stderr[-2000:]


def _cells(image, count: int, cell: int = 120) -> list[bytes]:
    """Each probe cell as black-and-white pixels (the probe page sets one syllable per 120 px cell)."""
    out = []
    for i in range(count):
        pixels = bytearray()
        for y in range(10, cell - 10):
            for x in range(i * cell + 10, i * cell + cell - 10):
                pixels.append(1 if sum(image.get_at((x, y))[:3]) < 384 else 0)
        out.append(bytes(pixels))
    return out


def _probe_page(folder: Path, style: str, name: str) -> Path:
    cells = "".join(f'<div class="c">{ch}</div>' for ch in PROBE)
    page = folder / name
    page.write_text(f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><style>{style}
body{{margin:0;padding:0;max-width:none;background:#fff}}
.c{{display:inline-block;width:120px;height:120px;font-size:80px;line-height:120px;
text-align:center;vertical-align:top;color:#000;overflow:hidden}} .row{{white-space:nowrap;font-size:0}}</style>
</head><body><div class="row">{cells}</div></body></html>""", encoding="utf-8")
    return page


def test_korean_handout_prints_real_hangul_in_chromium_without_a_korean_font(tmp_path):
    import pygame
    browser = need_chromium()
    env = _isolated_fonts(tmp_path)
    folder = tmp_path / "out"
    words.set_language("ko")
    library = load_library(paths.SCENES).in_language("ko")
    written = export.write_handout(export.handout_data(library.story, library.quiz or Quiz(), "ko"), folder)
    words.set_language("en")
    handout = written[0].read_text("utf-8")
    assert all(ch in handout for ch in PROBE)
    style = re.search(r"<style>(.*?)</style>", handout, re.S).group(1)  # the handout's own CSS and font
    checked = _probe_page(tmp_path, style, "probe.html")
    bare = _probe_page(tmp_path, "", "bare.html")  # the same syllables with no font inside the page
    with_font, without = tmp_path / "with.png", tmp_path / "without.png"
    _shoot(browser, checked, with_font, env, (120 * len(PROBE) + 80, 400))  # (a very low window draws nothing)
    _shoot(browser, bare, without, env, (120 * len(PROBE) + 80, 400))
    real = _cells(pygame.image.load(str(with_font)), len(PROBE))
    tofu = _cells(pygame.image.load(str(without)), len(PROBE))
    # the premise: this browser has no Korean font, so without the page's own font every syllable is the same
    # box (or nothing at all)
    assert len(set(tofu)) == 1, "Chromium found a Korean font on this machine: the test would prove nothing"
    # with the page's font: every syllable drawn, and each one different (real glyphs, not boxes)
    assert all(sum(cell) > 150 for cell in real), [sum(c) for c in real]
    assert len(set(real)) == len(PROBE)
    # and the whole handout renders as a white, printed page with text on it
    page = tmp_path / "handout.png"
    _shoot(browser, written[0], page, env, (1240, 1754))
    image = pygame.image.load(str(page))
    assert image.get_at((5, 5))[:3] == (255, 255, 255)
    assert len({image.get_at((x, y))[:3] for x in range(0, 1240, 4) for y in range(0, 400, 4)}) > 20
