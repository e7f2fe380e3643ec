"""The director's contact sheet: one numbered cell per event of one path through a scene."""
from __future__ import annotations

import subprocess
import sys

import pygame

from game import paths
from game.library import load_library
from game.runtime import events as ev
from game.screens.contact_sheet import COLUMNS, GAP, THUMB, caption, contact_sheet


def test_one_cell_per_event_on_the_first_path(story_root, tmp_path):
    story = load_library(story_root)
    out = tmp_path / "first.png"
    sheet = contact_sheet(story, "first", out)
    # card, narration, line, choice, evidence (the key), "You found it.", fact, prompt; then goto second
    assert sheet.cells == 8
    assert sheet.captions[3].startswith("CHOICE: Which way?\n> 1. Take the key")
    assert sheet.captions[4].startswith("EVIDENCE:")
    assert sheet.stopped == "then goes on to 'second'"
    image = pygame.image.load(str(out))
    assert image.get_size() == sheet.size
    assert image.get_width() == COLUMNS * THUMB[0] + (COLUMNS + 1) * GAP
    assert image.get_height() > 2 * THUMB[1]  # two rows of thumbnails


def test_choose_picks_option_numbers_and_the_sheet_stops_at_an_ending(story_root, tmp_path):
    story = load_library(story_root)
    sheet = contact_sheet(story, "first", tmp_path / "a.png", choose=[2])
    assert sheet.captions[3].split("\n")[2].startswith("> 2. Leave it")
    assert "Nothing in hand." in sheet.captions
    assert sheet.cells == 7
    end = contact_sheet(story, "second", tmp_path / "b.png")
    assert end.stopped == "reached an ending" and end.captions[-1] == "END: The End of the Fixture"
    assert any(c.startswith("SOURCES DIFFER:") for c in end.captions)  # cards inline for the director


def test_captions_name_speakers_and_card_kinds():
    assert caption(ev.LineEvent("hero", "Hero", "", "Hi.", "x", False)) == "Hero: Hi."
    assert caption(ev.SceneStart("p", "Frame", 0, "", "2013")).startswith("SCENE CARD: Prologue")
    assert caption(ev.FactEvent("A fact.", "Book", "")) == "FACT (Book): A fact."


def test_command_writes_a_png_and_exits_0(story_root, tmp_path):
    out = tmp_path / "sheets"
    result = subprocess.run([sys.executable, "-m", "game", "contact-sheet", "--all", "--out-dir", str(out),
                             "--scenes", str(story_root)], cwd=paths.ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["first.png", "second.png"]
    assert "wrote" in result.stdout


def test_a_path_that_comes_round_to_the_same_choice_unchanged_stops(story_root, tmp_path):
    (story_root / "story" / "02_second.yaml").write_text(
        'id: second\ntitle: "Hub"\nchapter: 2\ndate: "Day two"\nbackground: room\nbeats:\n'
        '  - choice: "What now?"\n    options:\n      - text: "Back"\n        goto: second\n'
        '      - text: "Stop"\n  - end: finale\n    title: "Done"\n')
    story = load_library(story_root)
    sheet = contact_sheet(story, "second", tmp_path / "hub.png")
    assert sheet.cells == 2 and "same choice unchanged" in sheet.stopped  # the card once, the choice once
    sheet = contact_sheet(story, "second", tmp_path / "hub2.png", choose=[1, 2])
    assert sheet.stopped == "reached an ending" and sheet.captions[-1] == "END: Done"
