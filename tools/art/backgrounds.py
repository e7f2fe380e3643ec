"""Background scenes, 1280x720, one small function per picture.

Each function receives a fresh supersampled Canvas and an RNG and draws the
scene; ``render(name)`` returns the finished pygame Surface.
"""
import math

from . import market as M
from . import scenery as S
from .common import (
    PAL,
    Canvas,
    add_grain,
    cubic_bezier,
    dark,
    light,
    multiply_grade,
    quad_bezier,
    rgba,
    rng_for,
    vignette,
)

W, H = S.W, S.H


# ---------------------------------------------------------------------------
# Small shared props
# ---------------------------------------------------------------------------
def crayon_drawing(c, x, y, w, h, kind, rng, tilt=0.0):
    """A child's drawing taped to a wall."""
    pts = [(x, y), (x + w, y + tilt * w), (x + w - tilt * h, y + h + tilt * w), (x - tilt * h, y + h)]
    c.poly([(px + 3, py + 4) for px, py in pts], rgba((40, 20, 10), 50))
    c.poly(pts, (248, 244, 232))
    cx = x + w / 2
    if kind == "family":
        c.circle(x + w * 0.18, y + h * 0.2, w * 0.09, (250, 190, 60))
        for i in range(8):
            a = i * math.pi / 4
            c.line((x + w * 0.18 + math.cos(a) * w * 0.11, y + h * 0.2 + math.sin(a) * w * 0.11),
                   (x + w * 0.18 + math.cos(a) * w * 0.16, y + h * 0.2 + math.sin(a) * w * 0.16),
                   (250, 170, 40), 1.6)
        for fx, fh, col in ((0.42, 0.5, (70, 110, 200)), (0.68, 0.34, (250, 190, 40))):
            px = x + w * fx
            top = y + h * (0.92 - fh)
            c.circle(px, top, w * 0.07, rgba((230, 120, 100), 0), stroke=(60, 50, 50), sw=1.4)
            c.line((px, top + w * 0.07), (px, y + h * 0.75), col, 2.5)
            c.line((px - w * 0.08, y + h * 0.92), (px, y + h * 0.75), (60, 50, 50), 1.4)
            c.line((px + w * 0.08, y + h * 0.92), (px, y + h * 0.75), (60, 50, 50), 1.4)
        c.line((x + w * 0.42, y + h * 0.62), (x + w * 0.68, y + h * 0.66), (220, 80, 90), 1.6)
        c.poly([(cx, y + h * 0.34), (cx - 5, y + h * 0.28), (cx, y + h * 0.3), (cx + 5, y + h * 0.28)],
               (230, 70, 90))
    elif kind == "balloon":
        c.circle(cx, y + h * 0.38, w * 0.25, (230, 100, 90))
        c.line((cx - w * 0.1, y + h * 0.58), (cx - w * 0.05, y + h * 0.75), (90, 70, 50), 1.4)
        c.line((cx + w * 0.1, y + h * 0.58), (cx + w * 0.05, y + h * 0.75), (90, 70, 50), 1.4)
        c.rect(cx - w * 0.08, y + h * 0.75, w * 0.16, h * 0.1, (150, 100, 60))
        c.lines([(x + w * 0.1, y + h * 0.95), (x + w * 0.3, y + h * 0.9), (x + w * 0.5, y + h * 0.95),
                 (x + w * 0.75, y + h * 0.88), (x + w * 0.92, y + h * 0.93)], (90, 170, 90), 2)
    elif kind == "backpack":
        c.rect(cx - w * 0.22, y + h * 0.25, w * 0.44, h * 0.55, (250, 200, 60), radius=6)
        c.rect(cx - w * 0.22, y + h * 0.25, w * 0.44, h * 0.2, (240, 140, 170), radius=6)
        c.circle(cx, y + h * 0.45, w * 0.06, (255, 250, 220))
        c.lines(quad_bezier((cx - w * 0.1, y + h * 0.25), (cx, y + h * 0.08), (cx + w * 0.1, y + h * 0.25)),
                (240, 140, 170), 2)
    else:  # house with smoke
        c.poly([(x + w * 0.2, y + h * 0.55), (cx, y + h * 0.25), (x + w * 0.8, y + h * 0.55)], (200, 70, 70))
        c.rect(x + w * 0.27, y + h * 0.55, w * 0.46, h * 0.33, (240, 200, 90))
        c.rect(cx - w * 0.06, y + h * 0.68, w * 0.12, h * 0.2, (120, 80, 50))
        c.lines([(x + w * 0.68, y + h * 0.3), (x + w * 0.72, y + h * 0.2), (x + w * 0.66, y + h * 0.12)],
                (150, 150, 170), 1.6)
    # tape
    c.poly([(x + w * 0.38, y - 5), (x + w * 0.62, y - 3), (x + w * 0.61, y + 7), (x + w * 0.37, y + 5)],
           rgba((250, 240, 200), 170))


def chair_back(c, x, y, w, h, col, seat_col=None):
    seat_col = seat_col or dark(col, 0.8)
    c.rect(x, y, w, h * 0.45, col, radius=6)
    c.rect(x + 4, y + h * 0.45, 6, h * 0.55, dark(col, 0.6))
    c.rect(x + w - 10, y + h * 0.45, 6, h * 0.55, dark(col, 0.6))
    c.rect(x - 4, y + h * 0.7, w + 8, 10, seat_col, radius=4)


def filing_cabinet(c, x, y, w, h, col, drawers=4):
    c.rect(x, y, w, h, col, radius=3)
    c.rect(x + w - 8, y, 8, h, dark(col, 0.8))
    for i in range(drawers):
        dy = y + 6 + i * (h - 12) / drawers
        dh = (h - 12) / drawers - 6
        c.rect(x + 6, dy, w - 20, dh, light(col, 0.08), radius=2)
        c.rect(x + w / 2 - 18, dy + dh * 0.25, 28, 6, (210, 210, 200), radius=3)
        c.rect(x + w / 2 - 8, dy + dh * 0.55, 10, 8, rgba((255, 255, 255), 140))


def paper_stack(c, x, y, w, n, rng, col=(240, 236, 222)):
    yy = y
    for _i in range(n):
        off = rng.uniform(-4, 4)
        tint = rng.choice([col, (226, 208, 160), (200, 214, 226)])
        c.rect(x + off, yy - 5, w, 6, tint, stroke=dark(tint, 0.8), sw=0.8)
        yy -= 5
    return yy


def fluorescent(c, x, y, w, col=(230, 244, 246), glow=70):
    c.rect(x, y, w, 9, (200, 204, 210), radius=3)
    c.rect(x + 4, y + 5, w - 8, 5, col, radius=2)
    c.glow(x + w / 2, y + 10, w * 0.9, col, alpha=glow, ry=w * 0.45)


def folded_blankets(c, x, y, w, cols, fold_h=20):
    yy = y
    for i, col in enumerate(cols):
        ww = w - (i % 2) * 8
        c.rect(x + (w - ww) / 2, yy - fold_h, ww, fold_h, col, radius=7)
        c.rect(x + (w - ww) / 2, yy - fold_h * 0.45, ww, fold_h * 0.12, dark(col, 0.82))
        c.rect(x + (w - ww) / 2 + 6, yy - fold_h + 3, ww - 12, 3, light(col, 0.25), radius=2)
        yy -= fold_h - 1
    return yy


def wall_clock(c, x, y, r, face=(240, 236, 226), rim=(60, 60, 64), hour=10, minute=10):
    c.circle(x + 3, y + 4, r, rgba((0, 0, 0), 50))
    c.circle(x, y, r, rim)
    c.circle(x, y, r * 0.85, face)
    for i in range(12):
        a = i * math.pi / 6
        c.line((x + math.cos(a) * r * 0.7, y + math.sin(a) * r * 0.7),
               (x + math.cos(a) * r * 0.8, y + math.sin(a) * r * 0.8), rim, 1.5)
    ha = (hour % 12 + minute / 60) * math.pi / 6 - math.pi / 2
    ma = minute * math.pi / 30 - math.pi / 2
    c.line((x, y), (x + math.cos(ha) * r * 0.45, y + math.sin(ha) * r * 0.45), rim, 2.5)
    c.line((x, y), (x + math.cos(ma) * r * 0.68, y + math.sin(ma) * r * 0.68), rim, 1.8)


# ---------------------------------------------------------------------------
# Scenes
# ---------------------------------------------------------------------------
def title(c, rng):
    S.sky(c, [(0, (26, 26, 62)), (0.42, (78, 58, 116)), (0.7, (196, 110, 118)), (0.86, (244, 168, 112))])
    c.glow(1010, 520, 560, (250, 150, 90), alpha=90)
    for i, (y, amp, col) in enumerate(((470, 60, (112, 78, 128)), (500, 40, (86, 62, 108)))):
        S.hills(c, rng, y, amp, col, seed_shift=i * 2.1)
    # balloon rising with a halo
    c.glow(905, 205, 160, (255, 200, 130), alpha=70)
    S.balloon(c, 905, 200, 54, rng, lit=(255, 220, 170), shadow=(80, 50, 100), rope=70)
    # wall
    S.concrete_wall(c, 0, 520, W, 200, (96, 84, 118), (58, 50, 80), rng, cap=(120, 106, 140))
    S.watchtower(c, 1140, 560, 250, (78, 66, 98), (52, 42, 70), (255, 200, 120))
    S.barbed_wire(c, 0, W, 500, (40, 34, 56))
    c.glow(380, 530, 60, PAL["lamp"], alpha=80)
    c.rect(376, 470, 8, 60, (50, 42, 66))
    c.rect(360, 466, 34, 8, (50, 42, 66), radius=3)
    c.circle(384, 478, 5, (255, 230, 170))
    # snow-drift at the base of the wall
    c.poly([(0, H)] + [(x, 680 - 18 * math.sin(x * 0.01) - 10 * math.sin(x * 0.031)) for x in range(0, W + 40, 40)]
           + [(W, H)], (150, 146, 186))
    S.snow(c, rng, 220, (0, 0, W, H), 0.8, 2.6, amin=90, amax=200)
    S.bokeh_snow(c, rng, 10, (600, 0, 680, H), 5, 12)
    # calm darker left side for the menu
    c.vgrad(0, 0, W * 0.55, H, [(0, (12, 10, 30, 190)), (0.75, (12, 10, 30, 60)), (1, (12, 10, 30, 0))],
            horizontal=True)


def home(c, rng):
    back = (120, 0, 1160, 540)
    S.room(c, back, [(0, (214, 184, 146)), (1, (196, 162, 124))],
           [(0, (196, 140, 72)), (1, (170, 112, 56))])
    # wallpaper diamonds and stains
    for yy in range(20, 520, 46):
        for xx in range(140 + (yy // 46 % 2) * 23, 1160, 46):
            c.poly([(xx, yy - 5), (xx + 5, yy), (xx, yy + 5), (xx - 5, yy)], rgba((160, 120, 90), 40))
    for _ in range(6):
        c.ellipse(rng.uniform(150, 1100), rng.uniform(30, 480), rng.uniform(20, 60), rng.uniform(14, 40),
                  rgba((140, 100, 60), 24))
    c.lines([(1100, 0), (1092, 40), (1104, 80), (1096, 130)], rgba((110, 80, 60), 140), 1.5)
    c.rect(120, 500, 1040, 40, (150, 104, 66))
    c.rect(120, 500, 1040, 6, (176, 130, 86))
    # window with night outside
    wx, wy, ww, wh = 210, 110, 220, 200
    S.night_window(c, wx, wy, ww, wh, rng, (120, 84, 56),
                   [(0, (26, 34, 70)), (1, (62, 72, 120))], moon=(wx + 160, wy + 50, 16), flakes=25)
    c.rect(wx + ww / 2 - 3, wy, 6, wh, (120, 84, 56))
    c.rect(wx, wy + wh / 2 - 3, ww, 6, (120, 84, 56))
    for fx, fy in ((wx + 6, wy + wh - 6), (wx + ww - 6, wy + wh - 6)):
        c.glow(fx, fy, 40, (220, 230, 250), alpha=90, add=False)
    c.rect(wx - 14, wy + wh, ww + 28, 12, (140, 98, 64))
    # curtain
    for i in range(5):
        cx = wx + ww - 20 + i * 12
        c.rect(cx, wy - 16, 14, wh + 30, (226, 150, 150) if i % 2 else (236, 170, 164))
    c.rect(wx - 20, wy - 22, ww + 100, 8, (110, 80, 60), radius=4)
    # coat hooks with Ye-sung's yellow coat and a red scarf
    c.rect(470, 150, 70, 8, (110, 80, 60), radius=3)
    c.poly([(478, 160), (532, 160), (548, 290), (462, 290)], (244, 196, 64))
    c.poly([(478, 160), (505, 200), (532, 160)], (226, 172, 50))
    for by in (205, 235, 265):
        c.circle(505, by, 4, (190, 120, 40))
    c.lines([(515, 160), (520, 210), (528, 250)], (200, 60, 60), 8)
    # calendar 1997
    c.rect(600, 140, 90, 120, (246, 242, 230), stroke=(180, 170, 150), sw=1)
    c.rect(600, 140, 90, 30, (200, 70, 64))
    c.text("1997", 645, 155, 18, (255, 240, 230))
    for r in range(4):
        for k in range(5):
            c.rect(608 + k * 16, 180 + r * 18, 10, 10, (210, 200, 190) if (r + k) % 6 else (220, 100, 100))
    # children's drawings
    for (x, y, w, h, kind, tilt) in ((800, 120, 120, 96, "family", -0.04), (940, 110, 100, 120, "balloon", 0.05),
                                     (830, 250, 100, 90, "backpack", 0.03), (960, 262, 112, 90, "house", -0.05)):
        crayon_drawing(c, x, y, w, h, kind, rng, tilt)
    # low cabinet with radio and photo
    c.rect(180, 370, 240, 130, (140, 92, 58), radius=4)
    c.rect(190, 382, 108, 106, (156, 104, 66), radius=3)
    c.rect(304, 382, 108, 106, (156, 104, 66), radius=3)
    c.circle(288, 436, 4, (220, 190, 120))
    c.circle(316, 436, 4, (220, 190, 120))
    c.rect(200, 320, 110, 50, (70, 64, 70), radius=8)
    c.circle(232, 345, 16, (40, 36, 40))
    c.rect(260, 332, 40, 10, (200, 180, 120), radius=2)
    c.line((290, 320), (330, 270), (120, 120, 130), 2)
    c.rect(340, 318, 50, 52, (220, 200, 160), stroke=(120, 90, 60), sw=3)
    c.circle(355, 340, 8, (90, 70, 60))
    c.circle(372, 346, 6, (240, 190, 70))
    # folded blankets (ibul) in the right corner
    folded_blankets(c, 1010, 540, 190, [(214, 110, 130), (110, 160, 150), (232, 190, 110), (120, 130, 180),
                                        (220, 140, 160), (150, 180, 120)], 26)
    # the hanging lamp and its pool of light
    lx, ly = 690, 150
    c.line((lx, 0), (lx, ly - 20), (50, 40, 40), 2)
    c.glow(lx, ly + 40, 520, (255, 190, 110), alpha=90)
    c.poly([(lx - 12, ly - 24), (lx + 12, ly - 24), (lx + 46, ly + 6), (lx - 46, ly + 6)], (80, 110, 90))
    c.circle(lx, ly + 8, 11, (255, 244, 210))
    c.light_cone((lx, ly), (lx - 420, 720), (lx + 420, 720), (255, 210, 140), a0=60, a1=10)
    # low table with bowls
    tx, ty = 470, 580
    c.ellipse(tx + 190, ty + 34, 230, 22, rgba((60, 30, 20), 80))
    c.rect(tx, ty, 380, 26, (120, 74, 46), radius=8)
    c.rect(tx + 6, ty - 8, 368, 14, (170, 112, 70), radius=7)
    for bx in (tx + 100, tx + 250):
        c.ellipse(bx, ty - 12, 36, 12, (236, 232, 222))
        c.ellipse(bx, ty - 16, 30, 7, (250, 250, 246))
    c.glow(tx + 180, ty - 30, 60, (255, 255, 255), alpha=30)


def shop_window(c, rng, empty=False):
    S.sky(c, [(0, (18, 22, 46)), (1, (40, 44, 78))])
    # facade
    c.vgrad(0, 0, W, 600, [(0, (56, 52, 70)), (1, (72, 64, 80))])
    S.brick_wall(c, 0, 0, 200, 600, (92, 62, 64), (60, 48, 56), rng)
    S.brick_wall(c, 1080, 0, 200, 600, (92, 62, 64), (60, 48, 56), rng)
    # sign board with hangul "문구" and little stars
    c.rect(230, 28, 820, 86, (44, 84, 96), radius=8)
    c.rect(238, 36, 804, 70, (236, 226, 196), radius=6)
    c.glow(640, 70, 420, (255, 230, 180), alpha=40, ry=60)
    S.hangul(c, "문구", 520, 44, 54, (200, 60, 70))
    for sx in (330, 410, 860, 950):
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            r = 16 if i % 2 == 0 else 7
            pts.append((sx + math.cos(a) * r, 72 + math.sin(a) * r))
        c.poly(pts, (240, 180, 60))
    c.poly([(222, 28), (1058, 28), (1048, 14), (232, 10)], PAL["snow"])
    # window frame and warm interior
    wx, wy, ww, wh = 230, 140, 820, 400
    c.rect(wx - 18, wy - 14, ww + 36, wh + 40, (40, 66, 60), radius=4)
    c.vgrad(wx, wy, ww, wh, [(0, (255, 214, 150)), (1, (236, 160, 96))])
    c.glow(640, 330, 420, (255, 240, 200), alpha=80)
    # shelves left and right
    shelf_col = (150, 96, 60)
    item_cols = [(230, 90, 90), (90, 150, 220), (120, 190, 120), (250, 200, 70), (200, 120, 200),
                 (250, 150, 80), (90, 190, 200)]
    for side_x in (wx + 10, wx + ww - 230):
        for row in range(3):
            sy = wy + 110 + row * 118
            c.rect(side_x, sy, 220, 10, shelf_col)
            c.rect(side_x, sy + 10, 220, 4, rgba((80, 40, 20), 90))
            x = side_x + 8
            while x < side_x + 205:
                kind = rng.randrange(4)
                col = rng.choice(item_cols)
                if kind == 0:  # box
                    bw, bh = rng.uniform(26, 44), rng.uniform(36, 70)
                    c.rect(x, sy - bh, bw, bh, col, radius=2)
                    c.rect(x + 4, sy - bh + 6, bw - 8, bh * 0.35, light(col, 0.4), radius=2)
                elif kind == 1:  # notebooks standing
                    bw = 0
                    for _ in range(rng.randint(3, 5)):
                        nb = rng.choice(item_cols)
                        c.rect(x + bw, sy - 56, 9, 56, nb)
                        c.rect(x + bw, sy - 48, 9, 6, light(nb, 0.5))
                        bw += 10
                elif kind == 2:  # round toy / ball
                    bw = rng.uniform(30, 40)
                    c.circle(x + bw / 2, sy - bw / 2, bw / 2, col)
                    c.circle(x + bw / 2 - bw * 0.15, sy - bw * 0.65, bw * 0.12, light(col, 0.6))
                else:  # pencil cup
                    bw = 26
                    for k in range(5):
                        c.line((x + 5 + k * 4, sy - 30), (x + 3 + k * 5, sy - 58 + (k % 2) * 8),
                               rng.choice(item_cols), 3)
                    c.rect(x, sy - 32, bw, 32, (80, 120, 170), radius=3)
                x += bw + rng.uniform(5, 12)
    # central podium and spotlight on the backpack
    c.light_cone((640, wy), (520, wy + 330), (760, wy + 330), (255, 255, 235), a0=110, a1=30)
    c.rect(540, 440, 200, 100, (200, 130, 140), radius=6)
    c.rect(540, 440, 200, 14, (226, 160, 170), radius=6)
    if empty:  # the backpack is gone: a paler square where it stood, the tag lying on the podium
        c.rect(585, 428, 110, 14, rgba((255, 236, 220), 120), radius=5)
        c.poly([(700, 438), (732, 432), (736, 446), (704, 452)], (250, 246, 236))
        c.line((684, 444), (700, 444), (120, 90, 70), 1.5)
    else:
        S.backpack(c, 640, 352, 1.0)
        # price tag
        c.line((700, 300), (724, 330), (120, 90, 70), 1.5)
        c.rect(712, 328, 34, 22, (250, 246, 236), radius=3)
        c.line((718, 336), (740, 336), (200, 60, 60), 2)  # a price tag with no figure: the sources give none
        c.line((718, 342), (734, 342), (200, 60, 60), 2)
    # glass reflections and frost
    for i in range(4):
        x0 = wx + 80 + i * 210
        c.poly([(x0, wy), (x0 + 60, wy), (x0 - 100, wy + wh), (x0 - 160, wy + wh)], rgba((255, 255, 255), 22))
    for fx, fy in ((wx, wy + wh), (wx + ww, wy + wh), (wx, wy), (wx + ww, wy)):
        c.glow(fx, fy, 90, (235, 244, 255), alpha=150, add=False, power=1.4)
    # snow on the ledge
    c.rect(wx - 28, wy + wh + 20, ww + 56, 18, (52, 80, 74))
    c.poly([(wx - 30, wy + wh + 22)] + [(wx - 30 + i * 40, wy + wh + 12 - 6 * math.sin(i * 1.7))
                                        for i in range(int((ww + 60) / 40) + 1)] + [(wx + ww + 30, wy + wh + 22)],
           PAL["snow"])
    # sidewalk
    c.vgrad(0, 600, W, 120, [(0, (86, 90, 118)), (1, (60, 62, 90))])
    c.glow(640, 640, 520, (255, 190, 120), alpha=70, ry=90)
    wave = [(x, 620 + 10 * math.sin(x * 0.013)) for x in range(0, W + 40, 40)]
    c.poly([(0, 640)] + wave + [(W, 640), (W, 720), (0, 720)],
           (206, 210, 232))
    # street lamp on the left
    c.rect(96, 60, 12, 560, (36, 40, 50))
    c.lines(quad_bezier((102, 70), (110, 20), (160, 26)), (36, 40, 50), 8)
    c.rect(142, 26, 44, 14, (36, 40, 50), radius=4)
    c.glow(164, 50, 200, (255, 220, 160), alpha=120)
    c.light_cone((164, 40), (60, 620), (270, 620), (255, 220, 160), a0=60, a1=0)
    S.snow(c, rng, 260, (0, 0, W, H), 1.0, 3.0)
    S.bokeh_snow(c, rng, 14, (0, 0, W, H), 6, 14)


def winter_market(c, rng):
    M.street(c, rng)
    S.snow(c, rng, 160, (0, 0, W, H), 0.8, 2.4, amin=140, amax=240)


def interrogation_room(c, rng):
    back = (260, 60, 1020, 500)
    S.room(c, back, [(0, (94, 104, 96)), (1, (70, 78, 72))], [(0, (50, 54, 56)), (1, (28, 30, 34))],
           ceil_col=(40, 42, 44))
    # dado line and grime
    c.rect(260, 330, 760, 170, (60, 68, 62))
    c.rect(260, 326, 760, 6, (110, 118, 108))
    for _ in range(8):
        x = rng.uniform(280, 1000)
        c.poly([(x, 60), (x + 20, 60), (x + 10, rng.uniform(200, 480))], rgba((30, 30, 26), 30))
    # no window anywhere: a bare wall with a vent grille, a pipe and damp stains
    c.rect(372, 96, 110, 54, (52, 58, 54), radius=3, stroke=(112, 118, 110), sw=3)
    for i in range(6):
        c.line((382, 106 + i * 7.5), (472, 106 + i * 7.5), (34, 38, 36), 3)
    c.rect(300, 70, 12, 260, (88, 92, 86))
    c.rect(302, 70, 3, 260, rgba((255, 255, 255), 40))
    for y in (120, 250):
        c.rect(296, y, 20, 8, (70, 74, 70))
    for sx, sw_, sh in ((520, 90, 120), (640, 60, 70)):
        c.ellipse(sx, 90 + sh / 2, sw_, sh / 2, rgba((44, 50, 40), 40))
    # steel door in the right wall, solid, no glass
    door = [(1062, 120), (1150, 92), (1150, 600), (1062, 540)]
    c.poly(door, (70, 76, 80), stroke=(40, 44, 46), sw=3)
    c.poly([(1074, 134), (1138, 114), (1138, 300), (1074, 310)], (80, 86, 90))
    c.poly([(1074, 330), (1138, 322), (1138, 560), (1074, 518)], (80, 86, 90))
    c.rect(1074, 320, 14, 30, (150, 150, 146), radius=3)
    wall_clock(c, 860, 150, 34, hour=2, minute=47)
    c.rect(800, 230, 120, 80, (210, 206, 190), stroke=(90, 90, 80), sw=2)
    for i in range(5):
        c.line((812, 246 + i * 12), (900 - (i % 2) * 30, 246 + i * 12), (120, 120, 110), 1.5)
    # lamp
    lx = 640
    c.line((lx, 0), (lx, 150), (30, 30, 30), 3)
    c.light_cone((lx, 170), (300, 640), (980, 640), (255, 250, 220), a0=90, a1=12)
    c.glow(lx, 420, 360, (255, 246, 210), alpha=70, ry=200)
    # table & chairs
    c.ellipse(640, 610, 330, 40, rgba((0, 0, 0), 120))
    c.rect(420, 452, 12, 160, (90, 94, 100))
    c.rect(848, 452, 12, 160, (90, 94, 100))
    c.poly([(400, 440), (880, 440), (920, 470), (360, 470)], (150, 156, 162))
    c.rect(360, 470, 560, 16, (100, 104, 112))
    chair_back(c, 588, 350, 104, 120, (70, 74, 82))
    # props on the table
    c.poly([(470, 444), (570, 440), (580, 462), (466, 466)], (214, 190, 130))
    c.poly([(480, 446), (560, 443), (566, 458), (476, 460)], (240, 236, 222))
    c.ellipse(760, 452, 26, 9, (110, 112, 116))
    c.ellipse(760, 450, 18, 5, (60, 60, 60))
    c.lines([(770, 446), (776, 420), (766, 396), (780, 366)], rgba((220, 220, 220), 90), 2)
    c.rect(820, 428, 22, 26, (236, 232, 220), radius=3)
    # lamp shade on top of everything
    c.poly([(lx - 18, 140), (lx + 18, 140), (lx + 70, 178), (lx - 70, 178)], (60, 66, 60))
    c.ellipse(lx, 178, 70, 8, (30, 30, 28))
    c.circle(lx, 182, 14, (255, 252, 230))
    c.glow(lx, 182, 110, (255, 250, 220), alpha=160)


def cell7(c, rng, night=False):
    back = (150, 40, 1130, 470)
    S.room(c, back, [(0, (200, 204, 190)), (0.55, (190, 194, 180)), (0.56, (110, 140, 126)), (1, (96, 124, 110))],
           [(0, (196, 168, 104)), (1, (170, 136, 76))], ceil_col=(170, 172, 164))
    S.floor_seams(c, back, rgba((120, 90, 50), 90), n=9, depth_lines=5)
    c.rect(150, 274, 980, 6, (84, 108, 96))
    # high barred window
    wx, wy, ww, wh = 540, 70, 220, 130
    if night:
        S.night_window(c, wx, wy, ww, wh, rng, (120, 124, 120), [(0, (10, 16, 40)), (1, (34, 44, 84))],
                       moon=(wx + 60, wy + 44, 18), flakes=16)
    else:
        S.night_window(c, wx, wy, ww, wh, rng, (120, 124, 120), [(0, (170, 196, 226)), (1, (226, 232, 240))],
                       flakes=20)
    S.bars(c, wx, wy, ww, wh, 6, (80, 84, 92), 6, cross=False)
    c.rect(wx - 10, wy + wh, ww + 20, 10, (150, 154, 146))
    # tally marks and a taped drawing
    for g in range(4):
        for i in range(5):
            x = 830 + g * 30 + i * 5
            if i < 4:
                c.line((x, 96), (x, 124), rgba((70, 70, 70), 150), 1.5)
        c.line((828 + g * 30, 118), (852 + g * 30, 100), rgba((70, 70, 70), 150), 1.5)
    crayon_drawing(c, 860, 150, 90, 74, "family", rng, 0.04)
    # shelf with bowls, cups, toothbrushes
    c.rect(200, 160, 260, 10, (140, 110, 80))
    for i, col in enumerate([(230, 226, 214), (120, 160, 210), (230, 226, 214), (240, 170, 90), (120, 160, 210)]):
        c.rect(212 + i * 46, 128, 34, 32, col, radius=5)
        c.rect(212 + i * 46, 128, 34, 5, light(col, 0.3), radius=3)
    c.rect(430, 116, 18, 44, (200, 80, 80), radius=3)
    for k in range(3):
        c.line((434 + k * 5, 116), (432 + k * 6, 96), (90, 150, 220), 2.5)
    # TV box in the corner
    c.rect(980, 48, 110, 80, (60, 60, 66), radius=6)
    c.rect(990, 58, 76, 60, (90, 110, 120), radius=4)
    c.poly([(990, 58), (1030, 58), (1000, 118), (990, 118)], rgba((255, 255, 255), 25))
    # hanging uniforms on pegs
    c.rect(560, 250, 300, 8, (120, 96, 70), radius=3)
    for i in range(4):
        x = 585 + i * 72
        col = (98, 118, 146) if i % 2 else (110, 130, 156)
        c.poly([(x - 24, 258), (x + 24, 258), (x + 32, 360), (x - 32, 360)], col)
        c.poly([(x - 10, 258), (x, 276), (x + 10, 258)], dark(col, 0.8))
        c.rect(x - 18, 290, 20, 12, (232, 232, 224))
    # metal door with small window and "7"
    dx, dy, dw, dh = 930, 190, 170, 280
    c.rect(dx - 10, dy - 10, dw + 20, dh + 10, (86, 94, 104))
    c.vgrad(dx, dy, dw, dh, [(0, (124, 140, 156)), (1, (96, 108, 124))])
    c.rect(dx + 50, dy + 30, 70, 50, (40, 44, 52))
    S.bars(c, dx + 50, dy + 30, 70, 50, 4, (150, 156, 164), 4, cross=False)
    c.rect(dx + 40, dy + 170, 90, 26, (80, 90, 100), radius=3)
    for yy in (dy + 12, dy + dh - 20):
        for xx in range(dx + 10, dx + dw - 5, 20):
            c.circle(xx, yy, 2.5, (80, 90, 100))
    c.rect(dx + 70, dy - 46, 36, 30, (240, 238, 226), stroke=(60, 60, 60), sw=1.5)
    c.text("7", dx + 88, dy - 30, 26, (40, 40, 48))
    c.rect(dx + dw - 30, dy + 120, 14, 40, (70, 76, 86), radius=4)
    # floor mats and blankets
    if night:
        for i, col in enumerate([(170, 150, 140), (190, 160, 150), (150, 160, 140), (176, 170, 160)]):
            x0 = 160 + i * 250
            c.poly([(x0, 520 + i % 2 * 6), (x0 + 220, 520), (x0 + 250, 700), (x0 - 20, 700)], col)
            c.poly([(x0 + 10, 520), (x0 + 210, 520), (x0 + 214, 548), (x0 + 6, 548)], light(col, 0.35))
            c.ellipse(x0 + 110, 535, 50, 12, (236, 236, 240))
            for k in range(3):
                c.line((x0 + 4 - k * 6, 580 + k * 40), (x0 + 226 + k * 6, 580 + k * 40), dark(col, 0.85), 3)
    folded_blankets(c, 170, 470, 250, [(120, 120, 130), (150, 110, 100), (90, 110, 140), (140, 140, 120),
                                       (110, 100, 120), (150, 130, 110)], 24)
    c.rect(440, 420, 120, 50, (120, 90, 60), radius=4)
    c.rect(452, 400, 96, 22, (230, 60, 60) if not night else (140, 60, 70), radius=3)
    # light shaft from window
    if night:
        c.light_cone((wx + ww / 2, wy + 40), (wx - 120, 700), (wx + ww + 220, 700), (170, 200, 255), a0=70, a1=20)
    else:
        c.light_cone((wx + ww / 2, wy + 40), (wx - 100, 700), (wx + ww + 200, 700), (255, 250, 230), a0=60, a1=15)


def cell7_day(c, rng):
    cell7(c, rng, night=False)


def cell7_night(c, rng):
    cell7(c, rng, night=True)


def prison_yard(c, rng):
    S.sky(c, [(0, (150, 164, 188)), (1, (206, 212, 224))], 0, 420)
    for i in range(6):
        S.cloud(c, 100 + i * 230, 60 + rng.uniform(0, 50), 260, 40, [(0, (230, 232, 238)), (1, (190, 196, 210))],
                rng, alpha=150)
    # bare trees beyond the wall
    for i in range(7):
        tx = 60 + i * 190 + rng.uniform(-30, 30)
        tree(c, tx, 330, rng.uniform(90, 140), (110, 112, 128), rng)
    # main block with barred windows
    c.rect(260, 150, 760, 250, (150, 150, 158))
    c.rect(260, 150, 760, 12, (120, 120, 130))
    c.rect(250, 138, 780, 14, (236, 240, 246))
    for row in range(3):
        for k in range(10):
            x, y = 290 + k * 72, 180 + row * 70
            c.rect(x, y, 36, 44, (70, 74, 90))
            S.bars(c, x, y, 36, 44, 3, (170, 170, 176), 3, cross=False)
            c.rect(x - 3, y + 44, 42, 4, (236, 240, 246))
    c.rect(590, 310, 100, 90, (92, 100, 116))
    c.rect(596, 316, 88, 84, (110, 120, 136))
    # side walls with wire
    S.concrete_wall(c, 0, 230, 260, 220, (176, 176, 184), (140, 140, 150), rng, panel=130, cap=(200, 200, 208))
    S.concrete_wall(c, 1020, 230, 260, 220, (176, 176, 184), (140, 140, 150), rng, panel=130, cap=(200, 200, 208))
    S.barbed_wire(c, 0, 262, 212, (70, 70, 84), coil=22)
    S.barbed_wire(c, 1020, W, 212, (70, 70, 84), coil=22)
    S.watchtower(c, 1160, 300, 60, (120, 122, 134), (80, 82, 96), (250, 230, 180))
    # floodlight pole
    c.rect(196, 70, 8, 380, (80, 84, 96))
    c.rect(176, 62, 48, 16, (80, 84, 96), radius=4)
    c.glow(200, 80, 60, (255, 250, 230), alpha=60)
    # snow ground
    c.vgrad(0, 400, W, 320, [(0, (224, 230, 240)), (1, (200, 208, 226))])
    c.poly([(0, 400), (W, 400), (W, 420), (0, 430)], (190, 198, 214))
    for i in range(3):
        x0 = 250 + i * 300
        pts = cubic_bezier((x0, 720), (x0 + 60, 600), (x0 + 200, 520), (640, 410), 18)
        for j, p in enumerate(pts[1:-1]):
            sc = 1 - j / len(pts)
            c.ellipse(p[0] + (6 if j % 2 else -6) * sc, p[1], 6 * sc + 1, 3 * sc + 0.6, rgba((150, 160, 190), 140))
    # bench and a small snowman
    c.rect(860, 470, 200, 12, (130, 96, 70))
    c.rect(870, 482, 8, 40, (90, 70, 60))
    c.rect(1040, 482, 8, 40, (90, 70, 60))
    c.rect(860, 462, 200, 6, PAL["snow"])
    c.circle(300, 500, 38, (244, 246, 252))
    c.circle(300, 446, 26, (244, 246, 252))
    c.circle(292, 440, 3, PAL["ink"])
    c.circle(308, 440, 3, PAL["ink"])
    c.poly([(300, 448), (318, 452), (300, 454)], PAL["amber"])
    c.lines([(278, 466), (322, 466)], (200, 60, 60), 7)
    c.line((262, 494), (228, 470), (110, 80, 60), 3)
    S.snow(c, rng, 200, (0, 0, W, H), 1.0, 2.6)


def tree(c, x, y, h, col, rng):
    """Bare winter tree as recursive branches."""
    def branch(px, py, ang, length, width, d):
        ex, ey = px + math.cos(ang) * length, py + math.sin(ang) * length
        c.line((px, py), (ex, ey), col, width)
        if d < 4:
            for da in (-0.45, 0.4):
                branch(ex, ey, ang + da + rng.uniform(-0.15, 0.15), length * 0.68, max(1, width * 0.65), d + 1)
    branch(x, y, -math.pi / 2, h * 0.45, 6, 0)


def prison_hall(c, rng):
    back = (140, 30, 1140, 470)
    S.room(c, back, [(0, (180, 192, 196)), (1, (150, 162, 168))], [(0, (176, 126, 80)), (1, (140, 94, 60))],
           ceil_col=(150, 156, 160))
    S.floor_seams(c, back, rgba((100, 66, 40), 90), n=14, depth_lines=5)
    for x in (180, 1030):
        for y in (80, 220):
            c.rect(x, y, 70, 100, (200, 220, 236))
            S.bars(c, x, y, 70, 100, 4, (100, 104, 114), 4, cross=False)
    # stage
    sx0, sx1, sy = 300, 980, 380
    c.rect(sx0, 60, sx1 - sx0, sy - 60, (120, 150, 176))
    c.rect(sx0 + 40, 100, sx1 - sx0 - 80, 40, (240, 232, 210), radius=6)
    for i in range(9):
        st = 400 + i * 60
        pts = []
        for k in range(10):
            a = -math.pi / 2 + k * math.pi / 5
            r = 11 if k % 2 == 0 else 5
            pts.append((st + math.cos(a) * r, 120 + math.sin(a) * r))
        c.poly(pts, [(240, 190, 60), (230, 100, 100), (100, 160, 220)][i % 3])
    # curtains
    for side in (-1, 1):
        x0 = sx0 if side < 0 else sx1
        for k in range(5):
            fx = x0 - side * (k * 22)
            col = (170, 40, 50) if k % 2 else (150, 30, 44)
            c.poly([(fx, 50), (fx - side * 24, 50), (fx - side * 30 + side * 6 * k, sy), (fx + side * 4, sy)], col)
    c.rect(sx0 - 110, 40, sx1 - sx0 + 220, 40, (140, 30, 40))
    for k in range(12):
        c.ellipse(sx0 - 90 + k * 76, 80, 40, 14, (150, 34, 44))
    c.rect(sx0 - 110, 40, sx1 - sx0 + 220, 6, (220, 170, 80))
    # stage floor & front
    c.rect(sx0 - 110, sy, sx1 - sx0 + 220, 20, (190, 140, 90))
    c.rect(sx0 - 110, sy + 20, sx1 - sx0 + 220, 70, (110, 70, 48))
    for x in range(sx0 - 100, sx1 + 110, 60):
        c.line((x, sy + 22), (x, sy + 88), (90, 56, 40), 2)
    # piano and a little tree on the stage
    c.rect(820, 260, 130, 120, (40, 36, 40), radius=4)
    c.rect(826, 300, 118, 14, (240, 240, 236))
    for k in range(13):
        c.line((830 + k * 9, 300), (830 + k * 9, 314), (60, 60, 60), 1)
    c.rect(826, 266, 118, 8, (70, 60, 66))
    c.poly([(360, 380), (440, 380), (400, 230)], (60, 120, 80))
    c.poly([(370, 320), (430, 320), (400, 210)], (70, 136, 90))
    c.poly([(390, 214), (400, 194), (410, 214)], PAL["yellow"])
    for k in range(8):
        c.circle(372 + (k * 37) % 60, 250 + k * 16, 4, [(250, 200, 60), (230, 80, 80), (120, 180, 250)][k % 3])
    # stage lights and glow
    for x in (420, 640, 860):
        c.light_cone((x, 10), (x - 120, sy), (x + 120, sy), (255, 240, 200), a0=70, a1=10)
        c.rect(x - 14, 0, 28, 20, (50, 50, 56), radius=4)
    c.glow(640, 300, 420, (255, 230, 180), alpha=50)
    # paper garlands
    for k in range(3):
        y = 20 + k * 8
        pts = quad_bezier((140, y), (640, y + 60), (1140, y), 30)
        for i, p in enumerate(pts):
            c.circle(p[0], p[1], 5, [(240, 100, 110), (250, 200, 70), (110, 170, 230), (120, 200, 130)][(i + k) % 4])
    # folding chairs rows in the foreground
    for row in range(2):
        y = 560 + row * 80
        for k in range(9):
            x = 40 + k * 140 + (row % 2) * 70
            chair_back(c, x, y, 100, 90, (96, 104, 120))


def warden_office(c, rng, fire=False):
    c.vgrad(0, 0, W, 520, [(0, (208, 204, 184)), (1, (188, 182, 160))])
    c.rect(0, 380, W, 140, (150, 126, 96))
    c.rect(0, 376, W, 6, (120, 96, 70))
    c.vgrad(0, 520, W, 200, [(0, (120, 92, 70)), (1, (90, 66, 50))])
    # window with blinds (snowy yard outside)
    wx, wy, ww, wh = 820, 60, 360, 260
    c.vgrad(wx, wy, ww, wh, [(0, (190, 206, 224)), (1, (232, 236, 242))])
    c.rect(wx, wy + 180, ww, 80, (236, 240, 246))
    c.rect(wx, wy + 175, ww, 40, (160, 164, 176))
    S.barbed_wire(c, wx, wx + ww, wy + 172, (110, 110, 124), coil=14, post_every=120)
    S.snow(c, rng, 40, (wx, wy, ww, wh), 1, 2.2)
    for i in range(14):
        yy = wy + 6 + i * 12
        if yy < wy + 150:
            c.rect(wx, yy, ww, 7, (236, 232, 220))
            c.rect(wx, yy + 6, ww, 1.5, (190, 186, 170))
    c.rect(wx, wy, ww, wh, rgba((0, 0, 0), 0), stroke=(120, 100, 80), sw=10)
    c.rect(wx + ww / 2 - 4, wy, 8, wh, (120, 100, 80))
    c.line((wx + 30, wy), (wx + 30, wy + 170), (200, 190, 170), 1.5)
    # filing cabinets and bulletin board
    if fire:  # the door to the side room is ablaze
        c.rect(34, 130, 172, 392, (70, 52, 40))
        c.rect(46, 142, 148, 380, (40, 20, 16))
        c.glow(120, 420, 160, (255, 120, 50), alpha=140)
    else:
        filing_cabinet(c, 60, 190, 120, 320, (120, 134, 110))
    filing_cabinet(c, 190, 230, 120, 280, (110, 124, 104), drawers=3)
    c.rect(360, 90, 300, 200, (176, 134, 90), stroke=(120, 84, 56), sw=8)
    for i in range(7):
        px, py = 380 + (i % 4) * 68, 108 + (i // 4) * 88
        col = rng.choice([(250, 248, 236), (250, 240, 180), (220, 236, 250)])
        c.rect(px + rng.uniform(-3, 3), py, 56, 70, col)
        for k in range(4):
            c.line((px + 6, py + 14 + k * 12), (px + 48 - (k % 2) * 14, py + 14 + k * 12), (150, 150, 150), 1.2)
        c.circle(px + 28, py + 4, 4, (210, 60, 60))
    wall_clock(c, 720, 120, 34, hour=9, minute=5)
    # plant
    c.rect(1200, 430, 60, 70, (170, 90, 60), radius=6)
    for k in range(9):
        a = -math.pi / 2 + (k - 4) * 0.28
        c.tapered([(1230, 436), (1230 + math.cos(a) * 70, 436 + math.sin(a) * 110)], (70, 120, 80), 10, 1)
    # chair and desk
    c.rect(520, 250, 240, 220, (80, 48, 40), radius=30)
    c.rect(540, 270, 200, 180, (100, 60, 48), radius=24)
    c.poly([(240, 430), (1040, 430), (1100, 480), (180, 480)], (120, 74, 48))
    c.rect(180, 480, 920, 240, (96, 58, 38))
    for x in (220, 660):
        c.rect(x, 500, 400, 200, (108, 66, 44), radius=4)
        c.rect(x + 170, 590, 60, 10, (200, 170, 110), radius=4)
    # desk items
    top = paper_stack(c, 280, 452, 130, 9, rng)
    paper_stack(c, 420, 456, 110, 5, rng, col=(226, 208, 160))
    c.rect(300, top - 18, 100, 14, (200, 70, 60), radius=2)
    c.rect(560, 440, 160, 26, (60, 50, 40), radius=3)
    c.rect(566, 444, 148, 18, (220, 200, 150), radius=2)
    c.rect(600, 447, 80, 12, (60, 50, 40))
    # telephone
    c.rect(760, 440, 90, 36, (210, 200, 176), radius=8)
    c.rect(754, 424, 104, 22, (196, 186, 160), radius=10)
    c.rect(790, 450, 30, 20, (160, 150, 130), radius=3)
    # banker's lamp
    c.rect(900, 458, 70, 12, (150, 120, 60), radius=4)
    c.rect(930, 400, 8, 60, (150, 120, 60))
    c.poly([(880, 390), (990, 390), (980, 410), (890, 410)], (40, 110, 80))
    c.glow(935, 440, 200, PAL["lamp"], alpha=100)
    c.light_cone((935, 405), (840, 470), (1030, 470), PAL["lamp"], a0=90, a1=40)
    c.ellipse(1010, 462, 18, 6, (236, 232, 220))
    c.rect(994, 440, 32, 22, (240, 236, 226), radius=4)
    if fire:
        office_fire(c, rng)


def office_fire(c, rng):
    """Smoke under the ceiling, flames filling the doorway, orange light thrown across the room."""
    c.light_cone((120, 330), (120, 720), (900, 720), (255, 140, 60), a0=70, a1=0)
    c.glow(300, 300, 700, (255, 120, 50), alpha=70, ry=420)
    S.flames(c, 46, 194, 524, 330, rng, n=9)
    for x in (40, 200):  # flames climbing the jambs and licking over the lintel
        S.flames(c, x - 16, x + 16, 524, 400, rng, n=3)
    S.flames(c, 60, 200, 150, 80, rng, n=5)
    haze = c.layer()
    haze.vgrad(0, 0, W, 470, [(0, (52, 40, 40, 235)), (0.45, (70, 56, 52, 150)), (1, (80, 64, 60, 0))])
    S.smoke(haze, rng, (-100, 0, W + 200, 150), 12, col=(66, 54, 54), alpha=210)
    S.smoke(haze, rng, (60, 110, W, 170), 8, col=(96, 80, 74), alpha=130)
    S.smoke(haze, rng, (-40, 50, 380, 130), 8, col=(48, 38, 38), alpha=150)  # pouring out of the door top
    haze.soften(24)
    c.paste(haze)
    for _ in range(30):  # sparks and ash
        x, y = rng.uniform(30, 420), rng.uniform(160, 520)
        c.circle(x, y, rng.uniform(1, 2.4), rgba((255, 200, 120), rng.uniform(120, 230)))
    c.vgrad(820, 60, 360, 260, [(0, (255, 140, 70, 70)), (1, (255, 140, 70, 20))])  # fire reflected in the glass


def warden_office_fire(c, rng):
    warden_office(c, rng, fire=True)


def prison_intake(c, rng):
    """Bare reception room: counter with folded grey uniforms, a bench, cold tube light."""
    back = (120, 40, 1160, 470)
    S.room(c, back, [(0, (196, 204, 198)), (0.58, (186, 194, 188)), (0.59, (112, 132, 128)), (1, (100, 118, 114))],
           [(0, (132, 134, 132)), (1, (96, 98, 100))], ceil_col=(170, 176, 176))
    S.floor_seams(c, back, rgba((70, 72, 76), 70), n=12, depth_lines=5)
    # painted stop line on the floor
    c.poly([(220, 560), (1060, 560), (1090, 576), (190, 576)], (214, 180, 70))
    # height chart: plain stripes, no numbers
    c.rect(170, 90, 90, 340, (214, 218, 212))
    for i in range(18):
        c.line((170, 100 + i * 18), (170 + (40 if i % 2 else 70), 100 + i * 18), (80, 84, 90), 2)
    # notice board with blank forms, and a wall clock
    c.rect(1036, 170, 108, 100, (170, 150, 110), stroke=(110, 94, 70), sw=5)
    for i in range(2):
        c.rect(1048 + i * 46, 182, 38, 54, (244, 242, 232))
        for k in range(4):
            c.line((1052 + i * 46, 192 + k * 10), (1080 + i * 46 - (k % 2) * 8, 192 + k * 10), (150, 150, 146), 1.2)
    wall_clock(c, 1090, 100, 30, hour=7, minute=40)
    # steel door with a small grate at the back right
    c.rect(900, 140, 120, 330, (84, 98, 112), stroke=(52, 60, 70), sw=4)
    c.rect(930, 190, 60, 44, (46, 52, 60))
    S.bars(c, 930, 190, 60, 44, 4, (120, 130, 140), 3, cross=False)
    c.rect(996, 300, 14, 34, (170, 172, 170), radius=3)
    # counter across the room with a wire-mesh screen
    c.rect(260, 300, 560, 170, (150, 156, 150))
    c.rect(260, 296, 560, 10, (110, 116, 112))
    c.rect(248, 470 - 170, 584, 14, (126, 132, 128))
    for i in range(1, 5):
        c.line((260 + i * 112, 310), (260 + i * 112, 468), (126, 132, 126), 2)
    mesh, frame = c.layer(), c.layer()
    for i in range(-60, 600, 14):
        mesh.line((248 + i, 150), (248 + i + 60, 300), (90, 96, 100, 110), 1.2)
        mesh.line((248 + i + 60, 150), (248 + i, 300), (90, 96, 100, 110), 1.2)
    frame.rect(248, 150, 584, 150, (255, 255, 255))
    mesh.clip_to(frame)
    c.paste(mesh)
    c.rect(248, 150, 584, 150, rgba((0, 0, 0), 0), stroke=(90, 96, 100), sw=5)
    c.rect(460, 254, 160, 46, (40, 44, 48))  # the pass-through slot
    # on the counter: folded grey uniforms, rubber shoes, a ledger and a tray for belongings
    folded_blankets(c, 300, 300, 120, [(120, 126, 136), (112, 118, 130), (124, 130, 140), (116, 122, 134)], 16)
    folded_blankets(c, 650, 300, 110, [(118, 124, 134), (126, 132, 142), (114, 120, 130)], 16)
    for k in range(2):
        c.ellipse(455 + k * 32, 292, 16, 8, (60, 64, 70))
        c.ellipse(455 + k * 32, 290, 11, 4, (90, 94, 100))
    c.poly([(530, 300), (610, 296), (614, 304), (528, 308)], (60, 80, 110))
    c.poly([(534, 296), (606, 292), (608, 298), (532, 302)], (240, 236, 222))
    c.rect(780, 284, 70, 16, (170, 176, 180), radius=3)
    c.rect(784, 280, 62, 6, (200, 204, 206), radius=2)
    # long bare bench along the left wall
    c.poly([(0, 470), (120, 440), (120, 456), (0, 492)], (150, 112, 76))
    c.poly([(0, 492), (120, 456), (120, 470), (0, 510)], (110, 80, 56))
    for x in (20, 100):
        c.line((x, 496 - x * 0.3), (x, 560 - x * 0.7), (70, 56, 44), 5)
    # cold tube lights
    fluorescent(c, 360, 50, 220, col=(224, 240, 246), glow=80)
    fluorescent(c, 720, 50, 220, col=(224, 240, 246), glow=80)
    c.light_cone((640, 60), (200, 720), (1080, 720), (220, 240, 250), a0=40, a1=0)


def visiting_room(c, rng):
    c.vgrad(0, 0, W, 470, [(0, (150, 176, 166)), (1, (120, 148, 140))])
    # the far side seen through the glass
    c.vgrad(120, 100, 1040, 350, [(0, (110, 120, 130)), (1, (86, 94, 106))])
    c.rect(560, 170, 150, 280, (70, 78, 90))
    c.rect(574, 184, 122, 90, (150, 170, 180))
    S.bars(c, 574, 184, 122, 90, 4, (60, 64, 74), 4, cross=False)
    chair_back(c, 300, 330, 90, 120, (70, 80, 96))
    chair_back(c, 880, 330, 90, 120, (70, 80, 96))
    fluorescent(c, 520, 104, 240)
    # glass with frames, speaking holes, reflections
    for k in range(4):
        x = 120 + k * 346.7
        c.rect(x - 10, 100, 20, 370, (96, 104, 110))
    c.rect(110, 92, 1060, 14, (96, 104, 110))
    c.poly([(120, 100), (1160, 100), (1160, 460), (120, 460)], rgba((200, 230, 240), 40))
    for k in range(3):
        cx = 120 + 173 + k * 346.7
        for ring in range(3):
            for i in range(6 + ring * 6):
                a = i * 2 * math.pi / (6 + ring * 6)
                c.circle(cx + math.cos(a) * ring * 9, 300 + math.sin(a) * ring * 9, 2.2, rgba((30, 40, 50), 160))
        c.rect(cx - 14, 130, 28, 26, (236, 232, 220), radius=3)
        c.text(str(k + 1), cx, 143, 20, (60, 60, 70))
        for i in range(2):
            x0 = cx - 150 + i * 110
            c.poly([(x0, 110), (x0 + 30, 110), (x0 - 40, 450), (x0 - 70, 450)], rgba((255, 255, 255), 26))
        # intercom phone
        px = cx + 120
        c.rect(px, 250, 26, 70, (40, 44, 50), radius=10)
        c.rect(px + 4, 256, 18, 14, (70, 74, 80), radius=4)
        c.lines(cubic_bezier((px + 13, 320), (px + 13, 380), (px - 10, 360), (px - 4, 420)), (30, 30, 34), 2)
    # counter
    c.rect(0, 460, W, 30, (170, 160, 140))
    c.rect(0, 490, W, 230, (120, 112, 100))
    for k in range(4):
        x = 120 + k * 346.7
        c.rect(x - 8, 420, 16, 300, (110, 116, 120))
    for k in range(3):
        cx = 120 + 173 + k * 346.7
        c.ellipse(cx, 640, 70, 18, (90, 96, 110))
        c.rect(cx - 8, 640, 16, 80, (70, 74, 84))
    fluorescent(c, 200, 8, 300)
    fluorescent(c, 780, 8, 300)


def courtroom(c, rng):
    # wood panelled back wall and carpeted floor
    c.vgrad(0, 540, W, 180, [(0, (110, 60, 50)), (1, (80, 40, 36))])
    c.vgrad(0, 0, W, 540, [(0, (120, 78, 52)), (1, (96, 60, 40))])
    for x in range(0, W, 80):
        c.rect(x + 6, 20, 68, 280, (132, 88, 58), radius=3)
        c.rect(x + 10, 24, 4, 272, (150, 104, 70))
    c.rect(0, 300, W, 12, (80, 50, 34))
    # tall windows with blinds on both sides
    for wx in (40, 1120):
        c.rect(wx, 40, 120, 240, (230, 220, 190))
        for i in range(18):
            c.rect(wx, 44 + i * 13, 120, 8, (214, 200, 164))
        c.rect(wx, 40, 120, 240, rgba((0, 0, 0), 0), stroke=(70, 44, 30), sw=6)
        c.glow(wx + 60, 160, 160, (255, 230, 180), alpha=60)
    # emblem (abstract scales in a circle)
    c.circle(640, 80, 46, (200, 160, 80))
    c.circle(640, 80, 38, (120, 78, 52))
    c.line((640, 56), (640, 104), (220, 180, 100), 3)
    c.line((612, 64), (668, 64), (220, 180, 100), 3)
    for sx in (612, 668):
        c.line((sx, 64), (sx - 8, 82), (220, 180, 100), 1.5)
        c.line((sx, 64), (sx + 8, 82), (220, 180, 100), 1.5)
        c.poly([(sx - 10, 82), (sx + 10, 82), (sx, 90)], (220, 180, 100))
    # judges' chairs and bench
    for x in (470, 640, 810):
        c.rect(x - 50, 150, 100, 150, (60, 36, 30), radius=18)
        c.rect(x - 40, 160, 80, 130, (80, 48, 40), radius=14)
    c.poly([(300, 260), (980, 260), (1000, 280), (280, 280)], (160, 112, 72))
    c.rect(280, 280, 720, 130, (110, 70, 46))
    for x in range(300, 990, 115):
        c.rect(x, 296, 95, 96, (124, 82, 54), radius=4)
    c.rect(600, 250, 80, 12, (60, 50, 40))
    c.rect(350, 244, 90, 18, (230, 226, 210))
    c.rect(830, 246, 70, 16, (170, 60, 60))
    # clerk desk and witness stand
    c.rect(470, 400, 340, 80, (134, 90, 60))
    c.rect(460, 392, 360, 12, (160, 112, 72))
    c.rect(120, 330, 150, 140, (124, 82, 54))
    c.rect(110, 322, 170, 12, (160, 112, 72))
    c.rect(186, 290, 6, 36, (40, 40, 40))
    c.circle(189, 288, 6, (60, 60, 60))
    # counsel tables
    for x0, flip in ((40, 1), (900, -1)):
        c.poly([(x0, 500), (x0 + 340, 500), (x0 + 340 + 20 * flip, 530), (x0 - 20 * flip, 530)], (170, 120, 78))
        c.rect(x0 - 20 if flip > 0 else x0, 530, 360, 80, (118, 76, 50))
        paper_stack(c, x0 + 60, 500, 90, 4, rng)
    # gallery rail in the foreground
    c.rect(0, 600, W, 16, (150, 104, 66))
    for x in range(10, W, 34):
        c.rect(x, 616, 12, 104, (120, 80, 52), radius=4)
    c.rect(0, 700, W, 20, (100, 64, 42))
    # warm ceiling lights
    for x in (320, 640, 960):
        c.glow(x, 0, 240, (255, 220, 160), alpha=70)


def prison_corridor(c, rng):
    vp = (640, 330)
    # haze gradient overall
    c.vgrad(0, 0, W, H, [(0, (40, 52, 62)), (0.45, (96, 116, 124)), (1, (50, 62, 70))])
    # floor, walls, ceiling converging to the far door
    far = (560, 250, 720, 420)
    x0, y0, x1, y1 = far
    c.grad_poly([(0, H), (W, H), (x1, y1), (x0, y1)], [(0, (120, 136, 140)), (1, (60, 70, 78))], box=(0, y1, W, H))
    c.grad_poly([(0, 0), (W, 0), (x1, y0), (x0, y0)], [(0, (54, 64, 72)), (1, (110, 126, 132))], box=(0, 0, W, y0))
    c.grad_poly([(0, 0), (x0, y0), (x0, y1), (0, H)], [(0, (70, 84, 92)), (1, (150, 166, 168))], horizontal=True,
                box=(0, 0, x0, H))
    c.grad_poly([(W, 0), (x1, y0), (x1, y1), (W, H)], [(0, (150, 166, 168)), (1, (70, 84, 92))], horizontal=True,
                box=(x1, 0, W, H))
    # cell doors receding along both walls
    for side in (-1, 1):
        for k in range(6):
            t0 = 1 - 0.72 ** (k + 0.2)
            t1 = 1 - 0.72 ** (k + 0.75)
            ex = 0 if side < 0 else W
            top0, top1 = S.to_vp((ex, 80), vp, t0), S.to_vp((ex, 80), vp, t1)
            bot0, bot1 = S.to_vp((ex, 720), vp, t0), S.to_vp((ex, 720), vp, t1)
            c.poly([top0, top1, bot1, bot0], (76, 92, 104))
            c.poly([S.to_vp((ex, 80), vp, t0 + (t1 - t0) * 0.1), S.to_vp((ex, 80), vp, t1 - (t1 - t0) * 0.1),
                    S.to_vp((ex, 720), vp, t1 - (t1 - t0) * 0.1), S.to_vp((ex, 720), vp, t0 + (t1 - t0) * 0.1)],
                   (96, 114, 126))
            wa = S.to_vp((ex, 200), vp, t0 + (t1 - t0) * 0.35)
            wb = S.to_vp((ex, 200), vp, t0 + (t1 - t0) * 0.65)
            wc = S.to_vp((ex, 280), vp, t0 + (t1 - t0) * 0.65)
            wd = S.to_vp((ex, 280), vp, t0 + (t1 - t0) * 0.35)
            c.poly([wa, wb, wc, wd], (36, 42, 50))
    # light strips on the ceiling and their reflections on the floor
    for k in range(7):
        t = 1 - 0.7 ** (k + 0.5)
        a = S.to_vp((540, 0), vp, t)
        b = S.to_vp((740, 0), vp, t)
        sc = 1 - t
        c.rect(a[0], a[1] + 10 * sc, b[0] - a[0], max(2, 10 * sc), (236, 250, 252))
        c.glow((a[0] + b[0]) / 2, a[1] + 14 * sc, 200 * sc + 20, (200, 240, 250), alpha=60)
        fa = S.to_vp((540, H), vp, t)
        fb = S.to_vp((740, H), vp, t)
        c.ellipse((fa[0] + fb[0]) / 2, fa[1] - 20 * sc, (fb[0] - fa[0]) * 0.6, max(2, 16 * sc),
                  rgba((220, 244, 250), 60))
    # the bright far doorway
    c.rect(x0, y0, x1 - x0, y1 - y0, (236, 246, 246))
    c.glow(640, 335, 300, (230, 250, 250), alpha=130)
    c.light_cone((640, 335), (200, 720), (1080, 720), (230, 250, 255), a0=60, a1=0)
    c.vgrad(0, 0, W, H, [(0, (20, 30, 40, 80)), (0.4, (20, 30, 40, 0)), (0.7, (20, 30, 40, 0)),
                         (1, (20, 30, 40, 100))])


def sunset_sky(c, rng, sun=(760, 560), warm=1.0):
    S.sky(c, [(0, (58, 52, 112)), (0.35, (160, 88, 138)), (0.62, (244, 140, 110)), (0.82, (252, 196, 120)),
              (1, (255, 220, 150))])
    c.glow(sun[0], sun[1], 600, (255, 170, 100), alpha=int(110 * warm))
    c.glow(sun[0], sun[1], 200, (255, 230, 170), alpha=int(180 * warm))
    c.circle(sun[0], sun[1], 56, (255, 240, 200))
    for _i in range(7):
        x = rng.uniform(-100, W + 100)
        y = rng.uniform(80, 400)
        S.cloud(c, x, y, rng.uniform(220, 420), rng.uniform(24, 44),
                [(0, (250, 170, 150)), (0.6, (230, 120, 130)), (1, (150, 80, 120))], rng,
                alpha=int(rng.uniform(150, 220)))


def prison_wall_sunset(c, rng):
    sunset_sky(c, rng, sun=(330, 470))
    S.birds(c, rng, 6, (120, 120, 400, 140), (80, 50, 80), 7)
    # balloon rising just above the wall, rope trailing over it
    S.balloon(c, 800, 200, 92, rng, lit=(255, 220, 160), shadow=(120, 60, 90), rope=330)
    c.glow(800, 200, 220, (255, 200, 140), alpha=40)
    S.concrete_wall(c, 0, 470, W, 250, (120, 80, 96), (70, 48, 70), rng, cap=(150, 100, 110))
    S.barbed_wire(c, 0, W, 452, (50, 32, 50))
    c.glow(330, 470, 260, (255, 190, 120), alpha=60)
    S.snow(c, rng, 80, (0, 0, W, H), 1.0, 2.4, col=(255, 230, 200))


def balloon_sky(c, rng):
    sunset_sky(c, rng, sun=(420, 610), warm=1.1)
    for _i in range(5):
        S.cloud(c, rng.uniform(0, W), rng.uniform(420, 560), rng.uniform(300, 500), rng.uniform(30, 50),
                [(0, (255, 200, 160)), (1, (200, 110, 120))], rng, alpha=200)
    S.balloon(c, 930, 230, 64, rng, lit=(255, 226, 170), shadow=(120, 70, 110), rope=40, haze=0.08)
    S.birds(c, rng, 5, (600, 300, 300, 120), (90, 60, 90), 6)
    S.hills(c, rng, 660, 30, (110, 70, 110))
    S.hills(c, rng, 690, 20, (80, 52, 90), seed_shift=1.7)
    for _i in range(40):
        x = rng.uniform(0, W)
        c.circle(x, rng.uniform(680, 715), 1.6, (255, 220, 150))


def training_court(c, rng):
    c.vgrad(0, 0, W, 560, [(0, (236, 236, 232)), (1, (222, 220, 214))])
    # ceiling lights
    for x in range(160, W, 240):
        c.rect(x - 50, 10, 100, 8, (250, 252, 255), radius=3)
        c.glow(x, 16, 140, (255, 255, 250), alpha=40)
    # big windows on the left with a city and daylight
    for i in range(3):
        wx = 30 + i * 130
        c.vgrad(wx, 60, 110, 360, [(0, (150, 196, 236)), (1, (214, 232, 244))])
        for b in range(3):
            bh = 80 + b * 40 + i * 10
            c.rect(wx + b * 36, 420 - bh, 30, bh, (170, 186, 206))
            for yy in range(int(420 - bh + 8), 410, 16):
                c.rect(wx + b * 36 + 6, yy, 18, 6, (200, 214, 230))
        c.rect(wx, 60, 110, 360, rgba((0, 0, 0), 0), stroke=(200, 200, 196), sw=6)
        c.poly([(wx + 20, 60), (wx + 50, 60), (wx + 10, 420), (wx - 20, 420)], rgba((255, 255, 255), 60))
    c.light_cone((200, 240), (300, 720), (900, 720), (255, 250, 230), a0=40, a1=5)
    # light oak panelling behind the bench
    c.rect(440, 40, 840, 380, (214, 178, 130))
    for x in range(450, W, 62):
        c.rect(x, 50, 54, 360, (222, 188, 140), radius=2)
    # emblem (abstract circle with rays)
    c.circle(840, 110, 42, (240, 236, 226))
    for i in range(12):
        a = i * math.pi / 6
        c.line((840 + math.cos(a) * 14, 110 + math.sin(a) * 14), (840 + math.cos(a) * 34, 110 + math.sin(a) * 34),
               (170, 140, 90), 3)
    # bench with modern chairs and monitors
    for x in (700, 840, 980):
        c.rect(x - 42, 170, 84, 120, (60, 64, 74), radius=16)
    c.rect(540, 260, 600, 26, (236, 214, 176))
    c.rect(550, 286, 580, 120, (196, 160, 116))
    for x in (700, 840, 980):
        c.rect(x - 26, 226, 52, 34, (40, 44, 52), radius=3)
        c.rect(x - 22, 230, 44, 26, (120, 160, 200), radius=2)
        c.line((x + 40, 260), (x + 50, 236), (60, 60, 64), 2)
        c.circle(x + 50, 234, 3, (60, 60, 64))
    # counsel tables
    c.vgrad(0, 560, W, 160, [(0, (176, 180, 190)), (1, (150, 154, 166))])
    c.rect(0, 420, W, 140, (208, 206, 202))
    for x0 in (180, 800):
        c.rect(x0, 440, 320, 20, (236, 214, 176))
        c.rect(x0 + 10, 460, 300, 100, (196, 160, 116))
        c.rect(x0 + 40, 424, 40, 18, (40, 44, 52), radius=2)
        c.rect(x0 + 200, 428, 80, 12, (250, 250, 246))
        c.line((x0 + 150, 440), (x0 + 160, 416), (60, 60, 64), 2)
        c.circle(x0 + 160, 414, 3, (60, 60, 64))


def shop_window_empty(c, rng):
    shop_window(c, rng, empty=True)


SCENES = {
    "title": title,
    "home": home,
    "shop_window": shop_window,
    "shop_window_empty": shop_window_empty,
    "prison_intake": prison_intake,
    "winter_market": winter_market,
    "interrogation_room": interrogation_room,
    "cell7": cell7_day,
    "cell7_night": cell7_night,
    "prison_yard": prison_yard,
    "prison_hall": prison_hall,
    "warden_office": warden_office,
    "warden_office_fire": warden_office_fire,
    "visiting_room": visiting_room,
    "courtroom": courtroom,
    "prison_corridor": prison_corridor,
    "prison_wall_sunset": prison_wall_sunset,
    "training_court": training_court,
    "balloon_sky": balloon_sky,
}

# colour grade & vignette per scene: (multiply colour or None, vignette strength, vignette colour)
GRADE = {
    "title": (None, 0.35, (10, 8, 30)),
    "home": (None, 0.45, (50, 24, 10)),
    "shop_window": (None, 0.3, (10, 10, 30)),
    "shop_window_empty": (None, 0.3, (10, 10, 30)),
    "prison_intake": ((226, 236, 240), 0.35, (20, 30, 36)),
    "winter_market": (None, 0.2, (40, 44, 60)),
    "interrogation_room": (None, 0.6, (6, 8, 8)),
    "cell7": (None, 0.3, (30, 34, 30)),
    "cell7_night": ((96, 112, 170), 0.5, (6, 8, 24)),
    "prison_yard": (None, 0.18, (60, 66, 80)),
    "prison_hall": (None, 0.3, (40, 26, 20)),
    "warden_office": (None, 0.3, (40, 30, 20)),
    "warden_office_fire": (None, 0.55, (30, 10, 6)),
    "visiting_room": (None, 0.3, (30, 40, 40)),
    "courtroom": (None, 0.35, (40, 20, 10)),
    "prison_corridor": (None, 0.4, (10, 16, 20)),
    "prison_wall_sunset": (None, 0.25, (50, 20, 40)),
    "training_court": (None, 0.12, (120, 120, 130)),
    "balloon_sky": (None, 0.2, (60, 30, 60)),
}


# variants share their original's random layout
SEED = {"shop_window_empty": "shop_window", "warden_office_fire": "warden_office"}


def render(name):
    rng = rng_for(SEED.get(name, name))
    c = Canvas(W, H, ss=2, fill=(0, 0, 0))
    SCENES[name](c, rng)
    out = c.finish()
    grade, vig, vcol = GRADE[name]
    if grade:
        multiply_grade(out, grade)
    if name == "cell7_night":
        night_light(out)
    if vig:
        vignette(out, vig, vcol)
    add_grain(out, 3, seed=len(name))
    return out


def night_light(surf):
    """Moonlight shaft and a warm corridor glow added after the night grade."""
    c = Canvas(W, H, ss=1, alpha=True)
    c.glow(650, 130, 160, (190, 210, 255), alpha=90)
    c.glow(1015, 250, 80, (255, 190, 120), alpha=70)
    surf.blit(c.surf, (0, 0))


__all__ = ["SCENES", "render"]
