"""Event illustrations (CGs), 1280x720, shown full screen at the story's peaks.

Composed like film stills: one focal point, the game's palette and light,
figures small and faceless, nothing graphic and no text.
"""
import math

from . import backgrounds as B
from . import figures as F
from . import market as M
from . import scenery as S
from .common import Canvas, add_grain, dark, quad_bezier, rgba, rng_for, vignette

W, H = S.W, S.H


def balloon_tilted(c, cx, cy, r, rng, angle, **kw):
    """The patched balloon drawn on its own layer and turned (degrees, positive = counter-clockwise)."""
    lay = Canvas(W, H, c.ss, alpha=True)
    S.balloon(lay, W / 2, H / 2, r, rng, **kw)
    c.paste_rotated(lay, cx, cy, angle)


def cg_ice(c, rng):
    """Dusk on the icy lane: she lies still, he kneels over her, the bag dropped beside them.

    The figures sit a little up the lane (y ~400) so that the text box, which covers the bottom
    ~200 px in play, does not hide them."""
    M.street(c, rng, dusk=True)
    c.vgrad(0, 0, W, H, [(0, (40, 30, 60, 90)), (0.5, (40, 30, 60, 70)), (1, (20, 16, 40, 150))])
    dy = -168  # the whole group, moved up the lane
    c.glow(650, 540 + dy, 260, (255, 200, 150), alpha=60, ry=100)
    c.ellipse(656, 566 + dy, 184, 15, rgba((30, 26, 46), 100))  # their shadow on the ice
    F.kneeling_over(c, 608, 560 + dy, 156, F.YONGGU)
    F.lying_girl(c, 706, 576 + dy, 156)
    # the dropped shopping bag and what rolled out of it
    c.poly([(452, 584 + dy), (490, 571 + dy), (506, 596 + dy), (468, 609 + dy)], (214, 186, 140),
           stroke=(150, 120, 90), sw=1.5)
    c.ellipse(497, 583 + dy, 7, 14, (120, 96, 70))  # its open mouth
    c.lines(quad_bezier((459, 589 + dy), (465, 567 + dy), (479, 580 + dy), 6), (150, 120, 90), 2)  # handle
    for k, (tx, ty) in enumerate(((524, 603), (549, 610), (425, 616))):
        c.circle(tx, ty + dy, 5, (244, 156, 60) if k != 1 else (210, 70, 60))
        c.circle(tx - 2, ty + dy - 2, 2, (255, 220, 170))
    S.snow(c, rng, 180, (0, 0, W, H), 0.8, 2.4, col=(240, 230, 246), amin=120, amax=220)


def cg_balloon_wire(c, rng):
    """The patched balloon snagged on the wire along the wall top at sunset, its rope pulled taut."""
    B.sunset_sky(c, rng, sun=(980, 520))
    S.birds(c, rng, 5, (760, 140, 300, 120), (80, 50, 80), 7)
    S.concrete_wall(c, 0, 500, W, 220, (116, 78, 96), (64, 44, 66), rng, cap=(146, 98, 110))
    c.glow(980, 500, 300, (255, 190, 120), alpha=60)
    cx, cy, r, ang = 420, 150, 124, 18
    balloon_tilted(c, cx, cy, r, rng, ang, lit=(255, 220, 160), shadow=(120, 60, 90))
    d = 1.87 * r  # centre of the basket below the envelope, turned with it
    t = math.radians(ang)
    basket = (cx + d * math.sin(t), cy + d * math.cos(t))
    snag = (720, 474)
    c.line(basket, snag, (60, 40, 34), 5)  # the rope, pulled straight
    c.line(basket, snag, (150, 110, 80), 1.6)
    S.barbed_wire(c, 0, W, 482, (46, 30, 48))
    c.lines(quad_bezier((680, 486), (720, 458), (764, 486), 10), (46, 30, 48), 2.4)  # the coil dragged up
    c.ellipse(snag[0], snag[1] + 4, 12, 9, rgba((0, 0, 0), 0), stroke=(46, 30, 48), sw=2.4)
    c.poly([(730, 470), (756, 462), (748, 482)], (204, 92, 72))  # a torn scrap of cloth on the barbs
    c.glow(snag[0], snag[1], 60, (255, 200, 140), alpha=50)
    S.snow(c, rng, 70, (0, 0, W, H), 1.0, 2.4, col=(255, 230, 200))


def cg_balloon_rise(c, rng):
    """From the yard: the balloon just over the wall, a man and a small girl in the basket."""
    B.sunset_sky(c, rng, sun=(300, 560), warm=1.1)
    S.birds(c, rng, 6, (820, 120, 300, 120), (80, 50, 80), 7)
    S.concrete_wall(c, 0, 560, W, 160, (110, 74, 92), (60, 42, 62), rng, cap=(140, 96, 108))
    S.barbed_wire(c, 0, W, 542, (46, 30, 48))
    c.glow(660, 230, 360, (255, 200, 140), alpha=50)
    S.balloon(c, 660, 170, 150, rng, lit=(255, 224, 166), shadow=(120, 60, 90), basket=False)
    # a big basket with the two of them in it, seen a little from below
    rim = 440
    bw = 150
    for sx in (-1, 1):
        c.line((660 + sx * 30, 170 + 1.3 * 150 + 20), (660 + sx * bw * 0.46, rim), (70, 52, 40), 2.4)
    F.basket_pair(c, 660, rim, 1.25)
    c.poly([(660 - bw / 2, rim), (660 + bw / 2, rim), (660 + bw * 0.44, rim + 70), (660 - bw * 0.44, rim + 70)],
           (150, 100, 60))
    c.rect(660 - bw / 2 - 4, rim - 4, bw + 8, 12, (110, 70, 44), radius=4)
    for i in range(1, 6):
        x = 660 - bw / 2 + bw * i / 6
        c.line((x, rim + 8), (x - (x - 660) * 0.12, rim + 70), (120, 80, 50), 2)
    c.poly([(660 + bw * 0.1, rim + 8), (660 + bw / 2, rim + 8), (660 + bw * 0.44, rim + 70),
            (660 + bw * 0.08, rim + 70)], rgba((60, 30, 50), 90))
    c.line((660 + bw * 0.3, rim + 70), (700, 640), (90, 64, 50), 2)  # a rope dangling towards the wall
    # the yard in the foreground: dark shapes of men watching, backs to us
    for x, h in ((90, 640), (300, 560), (1010, 600), (1190, 680)):
        F.standing_back(c, x, H + h * 0.62, h, ((44, 40, 60), (36, 34, 50), (26, 22, 30), (90, 70, 70)),
                        rim=(255, 190, 130), shine=False)
    S.snow(c, rng, 90, (0, 0, W, H), 1.0, 2.4, col=(255, 230, 200))


def cg_corridor(c, rng):
    """The long corridor from behind the two of them, walking towards the far door."""
    B.prison_corridor(c, rng)
    rim = (230, 250, 255)
    for x, foot in ((586, 596), (700, 604)):  # long shadows reaching back towards us
        c.poly([(x - 30, foot), (x + 30, foot), (x + 110, H), (x - 110, H)], rgba((20, 30, 40), 90))
    F.standing_back(c, 700, 604, 270, F.GUARD, stride=0.5, cap=(58, 72, 94), rim=rim, backlit=True)
    F.standing_back(c, 586, 596, 290, F.YONGGU_PRISON, stride=-0.4, rim=rim, backlit=True)


def cg_verdict(c, rng):
    """The training court seen from the gallery: she stands at the defence table; the men in the benches."""
    B.training_court(c, rng)
    for x, hair in ((700, (150, 148, 150)), (840, (60, 56, 60)), (980, (40, 36, 40))):  # three judges at the bench
        F.seated_front(c, x, 262, 110, (30, 28, 34), (214, 176, 140), hair)
    F.standing_back(c, 330, 500, 230, F.YESUNG_ADULT, tied=True)
    c.rect(180, 440, 320, 20, (236, 214, 176))  # her table in front of her
    c.rect(190, 460, 300, 100, (196, 160, 116))
    c.rect(380, 428, 80, 12, (250, 250, 246))
    # gallery rail and the men in the benches, backs to us
    c.rect(0, 560, W, 14, (150, 112, 76))
    for x in range(40, W, 90):
        c.rect(x, 574, 8, 50, (130, 96, 66))
    coats = [(70, 76, 92), (92, 108, 132), (84, 74, 70), (60, 64, 74), (102, 120, 146)]
    for row, (y, h) in enumerate(((1010, 420), (1170, 540))):
        for k in range(5 - row):
            x = 120 + k * 260 + (row % 2) * 130 + rng.uniform(-20, 20)
            coat = coats[(k + row * 2) % len(coats)]
            F.standing_back(c, x, y, h, (coat, dark(coat, 0.7), (36, 32, 34), (214, 176, 140)), shine=row == 0)


def cg_goodbye(c, rng):
    """Ye-sung grown up, on the roof at sunset, looking up at a balloon where a man and a small girl wave."""
    B.sunset_sky(c, rng, sun=(880, 600), warm=1.15)
    S.birds(c, rng, 5, (100, 160, 300, 100), (80, 50, 80), 6)
    S.balloon(c, 420, 170, 96, rng, lit=(255, 226, 170), shadow=(120, 70, 110), basket=False)
    rim = 330
    for sx in (-1, 1):
        c.line((420 + sx * 18, 170 + 1.3 * 96 + 14), (420 + sx * 40, rim), (70, 52, 40), 1.8)
    F.basket_pair(c, 420, rim, 0.75)
    c.poly([(376, rim), (464, rim), (458, rim + 40), (382, rim + 40)], (150, 100, 60))
    c.rect(372, rim - 3, 96, 8, (110, 70, 44), radius=3)
    # roof edge and the prison below in the warm haze
    S.concrete_wall(c, 0, 600, W, 120, (118, 80, 98), (66, 46, 68), rng, cap=(150, 100, 112))
    S.barbed_wire(c, 0, W, 586, (52, 34, 52))
    S.watchtower(c, 1140, 600, 400, (90, 60, 80), (70, 44, 64), (255, 200, 140))
    c.glow(880, 600, 300, (255, 190, 120), alpha=60)
    F.standing_back(c, 940, H + 150, 500, F.YESUNG_ADULT, tied=True, rim=(255, 200, 150), shine=False)
    S.snow(c, rng, 70, (0, 0, W, H), 1.0, 2.4, col=(255, 230, 200))


SCENES = {
    "cg_ice": cg_ice,
    "cg_balloon_wire": cg_balloon_wire,
    "cg_balloon_rise": cg_balloon_rise,
    "cg_corridor": cg_corridor,
    "cg_verdict": cg_verdict,
    "cg_goodbye": cg_goodbye,
}

# vignette strength and colour per illustration (film-still framing)
GRADE = {
    "cg_ice": (0.55, (16, 10, 30)),
    "cg_balloon_wire": (0.35, (50, 20, 40)),
    "cg_balloon_rise": (0.3, (50, 20, 40)),
    "cg_corridor": (0.5, (8, 12, 18)),
    "cg_verdict": (0.3, (60, 50, 40)),
    "cg_goodbye": (0.35, (50, 20, 40)),
}


def render(name):
    rng = rng_for(name)
    c = Canvas(W, H, ss=2, fill=(0, 0, 0))
    SCENES[name](c, rng)
    out = c.finish()
    vig, vcol = GRADE[name]
    vignette(out, vig, vcol)
    add_grain(out, 3, seed=len(name))
    return out
