"""Night Ferry's backgrounds (1280x720), in the example story's own print style (example_style).

    python tools/make_art.py --only night_ferry      # every Night Ferry picture
    python tools/make_art.py --only deck_dark        # one of them
"""
import math
import os

from . import example_cast
from . import figures as F
from .common import rng_for
from .example_style import (
    INK,
    H,
    W,
    banded_sky,
    beam,
    dark,
    ferry,
    lamp,
    lifebuoy,
    light,
    mix,
    new_canvas,
    print_finish,
    rain,
    reflection,
    rgba,
    sea,
    stars,
)

STORY = os.path.join("examples", "night_ferry", "assets", "images")


# ---------------------------------------------------------------------------
# Pieces
# ---------------------------------------------------------------------------
def headland(c, rng, x0, x1, y, height, col, lights=0, light_col=INK["lamp"]):
    """A low dark headland on the horizon, optionally with a few house lights."""
    pts = [(x0, y)]
    n = 24
    for i in range(n + 1):
        t = i / n
        bump = math.sin(math.pi * t) ** 0.7 * height * (0.8 + 0.2 * math.sin(t * 13 + x0))
        pts.append((x0 + (x1 - x0) * t, y - bump))
    pts.append((x1, y))
    c.poly(pts, col)
    for _ in range(lights):
        lx = rng.uniform(x0 + (x1 - x0) * 0.15, x1 - (x1 - x0) * 0.15)
        c.circle(lx, y - rng.uniform(2, height * 0.35), 1.6, light_col)
        c.glow(lx, y - 3, 8, light_col, alpha=60)


def rail(c, y, col=INK["ink"], posts=9, lit=1.0, top_col=None):
    """The ship's rail across the foreground: a top bar, two wires, stanchions."""
    top_col = top_col or mix(INK["steel"], INK["lamp"], 0.35 * lit)
    for i in range(posts + 1):
        x = -20 + (W + 40) * i / posts
        c.rect(x - 5, y, 10, H - y, col)
        c.rect(x - 5, y, 3, H - y, rgba(top_col, 120))
    for k, dy in enumerate((70, 140)):
        c.line((0, y + dy), (W, y + dy + 4), mix(col, top_col, 0.5), 2.5 - k * 0.5)
    c.rect(-10, y - 10, W + 20, 16, col, radius=6)
    c.rect(-10, y - 10, W + 20, 4, top_col, radius=2)


def bench(c, x, y, w, seat=INK["rust"]):
    c.rect(x, y - 70, w, 58, dark(seat, 0.85), radius=12)
    c.rect(x + 6, y - 64, w - 12, 10, light(seat, 0.15), radius=5)
    c.rect(x - 6, y - 16, w + 12, 22, seat, radius=8)
    c.rect(x + 10, y + 6, 10, 40, INK["ink"])
    c.rect(x + w - 20, y + 6, 10, 40, INK["ink"])


def ship_bell(c, x, y, s=1.0, lit=1.0):
    brass = mix((90, 70, 40), (214, 168, 80), lit)
    c.rect(x - 34 * s, y - 6 * s, 68 * s, 10 * s, INK["ink"], radius=3)
    c.line((x, y), (x, y + 14 * s), INK["ink"], 4 * s)
    c.poly([(x - 14 * s, y + 14 * s), (x + 14 * s, y + 14 * s), (x + 26 * s, y + 58 * s), (x - 26 * s, y + 58 * s)],
           brass)
    c.ellipse(x, y + 58 * s, 27 * s, 6 * s, dark(brass, 0.7))
    c.line((x - 8 * s, y + 20 * s), (x - 16 * s, y + 52 * s), rgba(light(brass, 0.5), 160), 3 * s)
    c.lines([(x, y + 60 * s), (x + 2 * s, y + 100 * s), (x - 3 * s, y + 130 * s)], mix(INK["paper"], brass, 0.3),
            2.5 * s)


# ---------------------------------------------------------------------------
# Scenes
# ---------------------------------------------------------------------------
def title(c, rng):
    banded_sky(c, INK["ink"], mix(INK["navy"], INK["teal"], 0.5), 0, 470, bands=8)
    for r, a in ((150, 14), (108, 18), (74, 24)):  # a printed halo: flat rings, not a soft glow
        c.circle(980, 120, r, rgba(INK["fog"], a))
    c.circle(980, 120, 34, light(INK["fog"], 0.6))
    c.circle(992, 112, 30, rgba(mix(INK["navy"], INK["fog"], 0.4), 200))  # a thin moon: most of it in shadow
    stars(c, rng, 90, (0, 0, W, 380))
    headland(c, rng, -40, 420, 470, 46, INK["ink"], lights=6)
    headland(c, rng, 860, 1320, 470, 70, INK["ink"])
    # Hollin's lighthouse on the right headland
    c.rect(1110, 380, 18, 60, INK["paper"])
    c.rect(1106, 372, 26, 10, INK["ink"])
    beam(c, (1119, 376), 700, 34, a0=120, a1=25)
    lamp(c, 1119, 376, r=5, halo=50)
    sea(c, rng, 470, strokes=220)
    ferry(c, rng, 380, 520, 520)
    rain(c, rng, 60, (0, 0, W, 470), amin=20, amax=60)


def quay(c, rng):
    banded_sky(c, INK["ink"], INK["navy"], 0, 420, bands=6)
    headland(c, rng, 0, 700, 420, 26, mix(INK["ink"], INK["navy"], 0.5), lights=4)
    sea(c, rng, 420, strokes=120)
    # the Marguerite alongside, bow out of frame to the right
    info = ferry(c, rng, 470, 560, 1100)
    # the ramp down onto the quay
    c.poly([(600, info["deck"] + 10), (720, info["deck"] + 10), (660, 640), (520, 640)], INK["steel"])
    for k in range(6):
        y = info["deck"] + 20 + k * 18
        c.line((600 - k * 12, y), (716 - k * 8, y), dark(INK["steel"], 0.7), 2)
    # the stone quay in the foreground
    c.poly([(0, 560), (560, 600), (W, 600), (W, H), (0, H)], mix(INK["steel"], INK["ink"], 0.55))
    c.poly([(0, 560), (560, 600), (W, 600), (W, 612), (560, 612), (0, 574)], light(INK["steel"], 0.15))
    for _ in range(14):  # wet paving: lamp streaks on the stones
        x = rng.uniform(0, W)
        c.line((x, 620 + rng.uniform(0, 90)), (x + rng.uniform(30, 90), 630 + rng.uniform(0, 90)),
               rgba(INK["lamp"], 40), 2)
    # bollard and rope
    c.rect(210, 560, 40, 50, INK["ink"], radius=8)
    c.ellipse(230, 560, 28, 10, dark(INK["steel"], 0.6))
    c.lines([(230, 575), (340, 572), (470, 560)], INK["paper"], 3)
    # lamp posts with cones of light in the rain
    for lx in (120, 1030):
        c.rect(lx - 4, 250, 8, 350, INK["ink"])
        c.rect(lx - 26, 244, 52, 12, INK["ink"], radius=4)
        c.light_cone((lx, 256), (lx - 130, 610), (lx + 130, 610), INK["lamp"], a0=55, a1=6)
        lamp(c, lx, 258, r=8, halo=120)
        reflection(c, rng, lx, 610, 710, INK["lamp"], width=16, alpha=110)
    # a sign: SARROW - HOLLIN
    c.rect(820, 470, 150, 54, INK["paper"], radius=4)
    c.rect(826, 476, 138, 42, rgba(INK["navy"], 0), stroke=INK["navy"], sw=2)
    c.text("SARROW", 895, 487, 19, INK["navy"])
    c.text("HOLLIN", 884, 506, 19, INK["hull"])
    c.poly([(928, 502), (944, 502), (944, 497), (954, 506), (944, 515), (944, 510), (928, 510)], INK["hull"])
    c.rect(840, 524, 8, 76, INK["ink"])
    c.rect(944, 524, 8, 76, INK["ink"])
    rain(c, rng, 420, amin=30, amax=90)


def saloon(c, rng):
    # the back wall, the window band and the ceiling, in one-point perspective
    wall = dark(mix(INK["paper"], INK["amber"], 0.45), 0.62)
    panel = mix(INK["rust"], INK["ink"], 0.45)
    c.rect(0, 0, W, H, mix(INK["rust"], INK["ink"], 0.55))
    c.poly([(0, 0), (W, 0), (1080, 120), (200, 120)], dark(wall, 0.7))  # ceiling
    c.rect(200, 120, 880, 380, wall)  # back wall
    c.rect(200, 380, 880, 120, panel)  # wood panelling below the windows
    c.rect(200, 376, 880, 6, dark(panel, 0.6))
    c.poly([(0, 0), (200, 120), (200, 500), (0, H)], dark(wall, 0.82))
    c.poly([(0, 520), (200, 380), (200, 500), (0, H)], dark(panel, 0.85))
    c.poly([(W, 0), (1080, 120), (1080, 500), (W, H)], dark(wall, 0.75))
    c.poly([(0, H), (200, 500), (1080, 500), (W, H)], mix(INK["rust"], INK["ink"], 0.35))  # floor
    for k in range(9):
        x = 200 + 880 * k / 8
        c.line((x, 500), (x + (x - 640) * 1.4, H), rgba(INK["ink"], 70), 1.5)
    # windows along the back wall: black water with the room's lamps in it
    for i in range(5):
        wx = 240 + i * 168
        c.rect(wx, 190, 128, 150, INK["ink"], radius=22)
        c.rect(wx + 8, 198, 112, 134, mix(INK["ink"], INK["deep"], 0.6), radius=18)
        for _ in range(3):
            y = rng.uniform(250, 320)
            c.line((wx + 14, y), (wx + 110, y + rng.uniform(-2, 2)), rgba(INK["foam"], 40), 1.4)
        c.circle(wx + 40 + rng.uniform(0, 40), 230, 4, rgba(INK["lamp"], 160))  # the lamps, reflected
        c.rect(wx, 190, 128, 150, rgba(INK["ink"], 0), radius=22, stroke=mix(INK["steel"], INK["paper"], 0.4), sw=5)
    # a notice between two windows
    # the notice on the left wall, where a passenger sitting in the middle of the room still sees it
    c.poly([(40, 250), (150, 280), (150, 380), (40, 362)], INK["paper"])
    for k, word in enumerate(("NO", "PASSENGERS", "ON DECK", "AFTER DARK")):
        c.text(word, 95, 284 + k * 21, 17, INK["hull"])
    # ceiling lamps
    for lx in (330, 640, 950):
        c.rect(lx - 40, 70, 80, 14, INK["paper"], radius=6)
        c.glow(lx, 100, 170, INK["lamp"], alpha=45, ry=90)
        lamp(c, lx, 80, r=5, halo=40, glow=100)
    # the tea counter on the right wall
    c.poly([(1080, 420), (W, 470), (W, 560), (1080, 500)], INK["hull"])
    c.rect(1120, 360, 46, 72, (196, 198, 200), radius=8)
    c.rect(1134, 418, 8, 14, INK["ink"])
    c.glow(1143, 380, 40, INK["paper"], alpha=40)
    # benches in the foreground, backs to us
    bench(c, 30, 640, 420)
    bench(c, 830, 640, 420)
    c.glow(640, 300, 640, INK["lamp"], alpha=20, ry=300)


def wheelhouse(c, rng):
    """Low enough that the console (radar, binnacle, wheel) shows above the text box."""
    c.rect(0, 0, W, H, INK["ink"])
    # the window band: rain and a dark sea with one far light
    c.vgrad(40, 40, W - 80, 200, [(0, INK["ink"]), (0.7, INK["navy"]), (1, mix(INK["navy"], INK["deep"], 0.5))])
    c.rect(40, 240, W - 80, 70, mix(INK["ink"], INK["deep"], 0.55))
    for _ in range(40):
        y = rng.uniform(244, 306)
        x = rng.uniform(40, W - 140)
        c.line((x, y), (x + rng.uniform(20, 80), y), rgba(INK["foam"], 35), 1.2)
    c.circle(930, 240, 2.4, INK["lamp"])  # Hollin's light, far off
    c.glow(930, 240, 16, INK["lamp"], alpha=90)
    for _ in range(220):  # drops on the glass
        x, y = rng.uniform(40, W - 40), rng.uniform(40, 310)
        c.circle(x, y, rng.uniform(1, 3.2), rgba(INK["fog"], rng.uniform(30, 90)))
    rain(c, rng, 100, (40, 40, W - 80, 270), amin=20, amax=60)
    # mullions, slanted like a real wheelhouse front
    for i in range(6):
        x = 40 + (W - 80) * i / 5
        c.poly([(x - 10, 36), (x + 10, 36), (x + 16, 314), (x - 16, 314)], INK["ink"])
    c.rect(0, 0, W, 40, INK["ink"])
    c.rect(0, 310, W, 26, dark(INK["steel"], 0.5))
    # the console, its top lit by the instruments
    c.poly([(0, 336), (W, 336), (W, H), (0, H)], mix(INK["steel"], INK["ink"], 0.6))
    c.rect(0, 336, W, 8, light(INK["steel"], 0.1))
    # radar screen, glowing green
    rx, ry = 250, 420
    c.circle(rx, ry, 76, INK["ink"])
    c.circle(rx, ry, 66, mix(INK["ink"], INK["green"], 0.25))
    for r in (22, 44, 62):
        c.circle(rx, ry, r, rgba(INK["green"], 0), stroke=rgba(INK["green"], 110), sw=1.2)
    c.light_cone((rx, ry), (rx + 64 * math.cos(-0.6), ry + 64 * math.sin(-0.6)),
                 (rx + 64 * math.cos(-1.2), ry + 64 * math.sin(-1.2)), INK["green"], a0=220, a1=60)
    c.glow(rx, ry, 130, INK["green"], alpha=60)
    for bx, by in ((rx + 30, ry - 36), (rx - 36, ry + 26), (rx + 44, ry + 12)):
        c.circle(bx, by, 2.5, light(INK["green"], 0.4))
    # compass binnacle with its amber lamp
    c.rect(960, 380, 120, 340, dark(INK["steel"], 0.7), radius=10)
    c.ellipse(1020, 380, 64, 22, INK["ink"])
    c.ellipse(1020, 378, 52, 16, mix(INK["amber"], INK["ink"], 0.3))
    c.glow(1020, 380, 110, INK["amber"], alpha=110)
    # the wheel, behind whoever stands at it
    wx, wy = 640, 500
    c.circle(wx, wy, 118, rgba(INK["ink"], 0), stroke=mix(INK["rust"], INK["ink"], 0.3), sw=14)
    for k in range(8):
        a = k * math.pi / 4 + math.pi / 8
        c.line((wx + math.cos(a) * 20, wy + math.sin(a) * 20), (wx + math.cos(a) * 150, wy + math.sin(a) * 150),
               mix(INK["rust"], INK["ink"], 0.3), 10)
    c.circle(wx, wy, 24, mix(INK["amber"], INK["ink"], 0.4))
    # small dials and the engine telegraph's brass handle
    for k, x in enumerate((400, 450, 820, 870)):
        c.circle(x, 372, 18, INK["ink"])
        c.circle(x, 372, 14, mix(INK["paper"], INK["amber"], 0.3))
        a = 0.7 + k * 1.3
        c.line((x, 372), (x + 11 * math.cos(a), 372 + 11 * math.sin(a)), INK["hull"], 2)
    c.ellipse(1180, 420, 40, 40, dark(INK["steel"], 0.5))
    c.line((1180, 420), (1160, 384), (214, 168, 80), 7)
    c.circle(1160, 384, 9, (214, 168, 80))


def _deck(c, rng, lit):
    if lit:
        banded_sky(c, INK["ink"], mix(INK["navy"], INK["teal"], 0.35), 0, 330, bands=6)
    else:
        banded_sky(c, (6, 8, 18), mix(INK["ink"], INK["navy"], 0.8), 0, 330, bands=6)
        # the Milky Way as a faint slanted band, then the stars
        for k in range(40):
            t = k / 39
            c.glow(80 + 1100 * t, 40 + 200 * t + rng.uniform(-20, 20), rng.uniform(50, 90), INK["fog"], alpha=14)
        stars(c, rng, 260, (0, 0, W, 330))
    sea(c, rng, 330, strokes=200 if lit else 120,
        near=INK["deep"] if lit else mix(INK["ink"], INK["deep"], 0.5),
        far=INK["teal"] if lit else mix(INK["navy"], INK["deep"], 0.4),
        glint=INK["foam"] if lit else INK["fog"])
    if lit:
        # Sarrow's lights, low behind, going
        headland(c, rng, 90, 520, 330, 10, mix(INK["ink"], INK["navy"], 0.3), lights=7)
    # the wake: a pale V running back to the horizon
    foam = INK["foam"] if lit else INK["fog"]
    for side in (-1, 1):  # the two arms of the wake, spreading toward us
        c.lines([(640 + side * 6, 336), (640 + side * 250, 470)], rgba(foam, 70 if lit else 40), 2)
    for _ in range(220):
        t = rng.random()
        y = 336 + (H - 336) * t ** 0.8
        half = 4 + (y - 334) * 0.3
        x = 640 + rng.uniform(-half, half) - 10 * t
        c.line((x, y), (x + rng.uniform(8, 40) * (0.3 + t), y + rng.uniform(-1, 1)),
               rgba(INK["paper"], (90 if lit else 50) * (1 - 0.5 * t)), 1 + 2 * t)
    # the deck plating and the stern rail
    c.poly([(0, 600), (W, 600), (W, H), (0, H)], mix(INK["steel"], INK["ink"], 0.45 if lit else 0.8))
    rail(c, 470, col=INK["ink"], lit=1.0 if lit else 0.0,
         top_col=None if lit else mix(INK["steel"], INK["fog"], 0.25))
    lifebuoy(c, 1060, 540, 44)
    ship_bell(c, 170, 250, 1.0, lit=1.0 if lit else 0.35)
    c.rect(130, 240, 8, 380, INK["ink"])  # the bell's post
    c.rect(130, 240, 80, 10, INK["ink"])
    if lit:
        # the deck lamp on its bracket
        c.rect(920, 140, 8, 340, INK["ink"])
        c.rect(880, 132, 60, 12, INK["ink"], radius=4)
        c.light_cone((900, 148), (760, 600), (1040, 600), INK["lamp"], a0=45, a1=4)
        lamp(c, 900, 150, r=8, halo=130)
        rain(c, rng, 360, amin=30, amax=90)
    else:
        c.rect(920, 140, 8, 340, INK["ink"])
        c.rect(880, 132, 60, 12, INK["ink"], radius=4)
        c.circle(900, 150, 8, mix(INK["ink"], INK["paper"], 0.25))
        rain(c, rng, 60, amin=15, amax=40)


def deck(c, rng):
    _deck(c, rng, lit=True)


def deck_dark(c, rng):
    _deck(c, rng, lit=False)


def hollin(c, rng):
    banded_sky(c, INK["ink"], mix(INK["navy"], INK["teal"], 0.6), 0, 400, bands=7)
    stars(c, rng, 50, (0, 0, W, 260))
    # the island: a hill with a line of houses along the harbour wall
    c.poly([(0, 400), (0, 300), (200, 260), (420, 250), (700, 280), (900, 320), (1000, 360), (1000, 400)],
           mix(INK["ink"], INK["navy"], 0.4))
    for i in range(11):
        hx = 40 + i * 86
        hh = 60 + (i * 37 % 30)
        c.rect(hx, 400 - hh, 76, hh, mix(INK["paper"], INK["navy"], 0.65 - 0.04 * (i % 3)))
        c.poly([(hx - 6, 400 - hh), (hx + 38, 400 - hh - 34), (hx + 82, 400 - hh)], mix(INK["ink"], INK["rust"], 0.3))
        if i in (2, 7):
            c.rect(hx + 26, 400 - hh + 20, 22, 20, INK["lamp"])
            c.glow(hx + 37, 400 - hh + 30, 40, INK["lamp"], alpha=80)
        else:
            c.rect(hx + 26, 400 - hh + 20, 22, 20, INK["ink"])
    # the harbour wall and the breakwater with the lighthouse
    c.rect(0, 400, 1010, 40, mix(INK["steel"], INK["ink"], 0.3))
    c.poly([(1000, 440), (1000, 400), (W, 420), (W, 450)], mix(INK["steel"], INK["ink"], 0.45))
    c.poly([(1120, 420), (1164, 420), (1156, 250), (1128, 250)], INK["paper"])
    c.rect(1124, 270, 36, 14, INK["hull"])
    c.rect(1124, 320, 40, 14, INK["hull"])
    c.rect(1120, 226, 44, 26, INK["ink"])
    c.poly([(1116, 228), (1142, 204), (1168, 228)], INK["hull"])
    beam(c, (1142, 238), 560, 56, a0=130, a1=25)
    lamp(c, 1142, 238, r=7, halo=90)
    sea(c, rng, 440, strokes=140)
    reflection(c, rng, 1142, 452, 640, INK["lamp"], width=14, alpha=140)
    # the one harbour lamp and the quay in front, where the ramp comes down
    c.poly([(0, 560), (780, 540), (900, 600), (900, H), (0, H)], mix(INK["steel"], INK["ink"], 0.5))
    c.poly([(0, 560), (780, 540), (790, 552), (0, 574)], light(INK["steel"], 0.2))
    c.rect(610, 240, 8, 320, INK["ink"])
    c.rect(590, 234, 48, 12, INK["ink"], radius=4)
    c.light_cone((614, 250), (500, 580), (730, 580), INK["lamp"], a0=50, a1=6)
    lamp(c, 614, 252, r=8, halo=120)
    for bx in (120, 420):
        c.rect(bx, 528, 34, 42, INK["ink"], radius=7)
        c.ellipse(bx + 17, 528, 24, 8, dark(INK["steel"], 0.6))
    # the ferry's ramp edge at the bottom right, where we stand
    c.poly([(900, H), (960, 600), (W, 600), (W, H)], INK["steel"])
    for k in range(5):
        c.line((950 - k * 10, 620 + k * 22), (W, 620 + k * 22), dark(INK["steel"], 0.7), 2)
    rain(c, rng, 120, amin=20, amax=60)


def cg_middle(c, rng):
    """The illustration: the captain and the old man at the stern rail from behind, the deck dark, the stars out,
    and what was in the tin going pale into the night over the water."""
    banded_sky(c, (6, 8, 18), mix(INK["ink"], INK["navy"], 0.8), 0, 300, bands=6)
    for k in range(40):
        t = k / 39
        c.glow(60 + 1160 * t, 30 + 170 * t + rng.uniform(-16, 16), rng.uniform(50, 90), INK["fog"], alpha=14)
    stars(c, rng, 300, (0, 0, W, 300))
    sea(c, rng, 300, strokes=140, near=mix(INK["ink"], INK["deep"], 0.5), far=mix(INK["navy"], INK["deep"], 0.4),
        glint=INK["fog"])
    # the two of them at the rail, seen from behind
    aurel = ((58, 76, 70), (44, 46, 54), (232, 230, 224), (236, 200, 170))
    odile = ((34, 46, 76), (30, 34, 48), (150, 142, 136), (232, 196, 164))
    F.standing_back(c, 520, 600, 330, aurel, rim=INK["fog"])
    F.standing_back(c, 760, 600, 350, odile, tied=True, rim=INK["fog"])
    c.rect(-10, 420, W + 20, 14, INK["ink"], radius=6)  # the rail in front of their waists
    c.rect(-10, 420, W + 20, 3, mix(INK["steel"], INK["fog"], 0.3), radius=2)
    for x in (60, 330, 980, 1230):
        c.rect(x - 5, 420, 10, 300, INK["ink"])
    c.poly([(0, 600), (W, 600), (W, H), (0, H)], mix(INK["steel"], INK["ink"], 0.8))
    # the tin on the rail, and the ash going out and up on the air
    c.ellipse(470, 410, 26, 10, (150, 40, 44), stroke=INK["ink"], sw=1.5)
    drift = [(455, 405)]
    for k in range(1, 60):
        t = k / 59
        drift.append((455 - 420 * t + 40 * math.sin(t * 5), 405 - 240 * t ** 0.8 + 18 * math.sin(t * 9)))
    for k, (x, y) in enumerate(drift):
        t = k / len(drift)
        for _ in range(6):
            c.circle(x + rng.uniform(-14, 14) * (0.3 + 2 * t), y + rng.uniform(-10, 10) * (0.3 + 2 * t),
                     rng.uniform(0.8, 2.0), rgba(INK["paper"], int(200 * (1 - t) + 20)))


CGS = {"cg_middle": cg_middle}


SCENES = {"title": title, "quay": quay, "saloon": saloon, "wheelhouse": wheelhouse, "deck": deck,
          "deck_dark": deck_dark, "hollin": hollin}
# deck_dark is the same deck as deck: one random layout for both, so the dissolve only turns the lights off
SEED = {"deck_dark": "deck"}
VIGNETTE = {"title": 0.45, "quay": 0.4, "saloon": 0.3, "wheelhouse": 0.5, "deck": 0.4, "deck_dark": 0.55,
            "hollin": 0.4, "cg_middle": 0.5}


def render(name):
    rng = rng_for("night_ferry_" + SEED.get(name, name))
    c = new_canvas()
    {**SCENES, **CGS}[name](c, rng)
    return print_finish(c.finish(), seed=len(name), vig=VIGNETTE[name])


def jobs():
    """(group, stem, path relative to the repository, render function) for every Night Ferry picture."""
    for name in SCENES:
        yield ("night_ferry", name, os.path.join(STORY, "backgrounds", name + ".png"), lambda n=name: render(n))
    for name in CGS:
        yield ("night_ferry", name, os.path.join(STORY, "cg", name + ".png"), lambda n=name: render(n))
    for stem, fn in example_cast.layers():
        yield ("night_ferry", stem, os.path.join(STORY, "characters", stem + ".png"), fn)


__all__ = ["SCENES", "CGS", "render", "jobs", "H"]
