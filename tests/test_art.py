"""The generated art: every agreed name exists at its size, make_art lists the CG group, output is reproducible."""
from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game import paths

IMAGES = paths.ROOT / "assets" / "images"
TOOLS = paths.ROOT / "tools"

# the names agreed in this session's contract: STORY and ENGINE refer to them
EXPRESSIONS = {
    "yonggu": ["crying", "pained", "solemn"], "yonggu_prison": ["crying", "pained", "solemn"],
    "yesung": ["crying", "afraid"], "yesung_adult": ["crying", "solemn"], "girl": ["backpack"],
    "commissioner": ["grieving"], "witness": ["afraid"], "yangho": ["sad", "solemn"], "chunho": ["sad"],
    "manbeom": ["sad"], "bongshik": ["sad"], "dado": ["sad"], "minhwan": ["sad"], "minhwan_old": ["sad"],
    "judge": ["solemn"], "prosecutor": ["uneasy"],
}
BACKGROUNDS = ["prison_intake", "shop_window_empty", "warden_office_fire", "interrogation_room", "winter_market"]
CGS = ["cg_ice", "cg_balloon_wire", "cg_balloon_rise", "cg_corridor", "cg_verdict", "cg_goodbye"]


def png_size(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from the PNG header, without decoding the picture."""
    head = path.read_bytes()[:26]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height, head[25]


@pytest.mark.parametrize("sprite,expression", [(s, e) for s, es in EXPRESSIONS.items() for e in es])
def test_new_portraits_exist_with_alpha(sprite: str, expression: str):
    assert png_size(IMAGES / "characters" / f"{sprite}_{expression}.png") == (480, 640, 6)  # 6 = RGBA


@pytest.mark.parametrize("name", BACKGROUNDS)
def test_backgrounds_exist(name: str):
    assert png_size(IMAGES / "backgrounds" / f"{name}.png")[:2] == (1280, 720)


@pytest.mark.parametrize("name", CGS)
def test_illustrations_exist(name: str):
    assert png_size(IMAGES / "cg" / f"{name}.png")[:2] == (1280, 720)


def test_make_art_lists_the_cg_group():
    out = subprocess.run([sys.executable, str(TOOLS / "make_art.py"), "--list"], capture_output=True, text=True,
                         check=True).stdout
    listed = {tuple(line.split()) for line in out.splitlines()}
    assert {("cg", name) for name in CGS} <= listed
    assert ("girl", "girl_backpack") in listed and ("bg", "prison_intake") in listed


@pytest.mark.parametrize("kind,name", [("characters", "girl_backpack"), ("backgrounds", "shop_window_empty")])
def test_rendering_again_gives_the_shipped_pixels(kind: str, name: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(TOOLS))
    from art import backgrounds, characters

    pygame.display.init()
    fresh = characters.render("girl", "backpack") if kind == "characters" else backgrounds.render(name)
    shipped = pygame.image.load(str(IMAGES / kind / f"{name}.png"))
    fmt = "RGBA" if kind == "characters" else "RGB"
    assert pygame.image.tobytes(fresh, fmt) == pygame.image.tobytes(shipped, fmt)
