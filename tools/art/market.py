"""The winter street market: stalls that read as stalls (awnings, crates, baskets,
hanging goods) along a slushy, icy lane. Shared by the winter_market background
and the cg_ice illustration, which sees the same lane at dusk."""
import math

from . import scenery as S
from .common import PAL, dark, light, mix, quad_bezier, rgba

W, H = S.W, S.H
VP = (640, 330)

GOODS = {
    "orange": (242, 150, 52), "apple": (204, 62, 54), "persimmon": (232, 118, 44), "cabbage": (150, 190, 110),
    "radish": (240, 236, 222), "potato": (186, 150, 100), "pepper": (190, 40, 40), "garlic": (238, 230, 212),
    "fish": (176, 156, 124), "sack": (206, 186, 146), "tangerine": (250, 170, 60),
}
AWNINGS = [((64, 116, 196), (238, 238, 236)), ((222, 110, 60), (250, 222, 170)), ((58, 148, 118), (232, 240, 230)),
           ((196, 60, 64), (246, 236, 226))]
STALLS = ["fruit", "veg", "dried", "fruit2", "food", "veg2"]


class Fog:
    """Colour mixer that fades far objects into the air colour."""

    def __init__(self, air, t):
        self.air, self.t = air, t

    def __call__(self, col):
        out = mix(col[:3], self.air, self.t)
        return out + tuple(col[3:])


def heap(c, x, y, w, col, f, rng, r=None, rows=3):
    """A pyramid of round produce, lit from the upper left."""
    r = r or w / 10
    for row in range(rows):
        n = max(1, int((w - row * r) / (2 * r)))
        for i in range(n):
            px = x - (n - 1) * r + i * 2 * r + rng.uniform(-r * 0.2, r * 0.2)
            py = y - r - row * r * 1.6
            k = rng.uniform(0.9, 1.05)
            c.circle(px, py, r, f(dark(col, k)))
            c.circle(px - r * 0.3, py - r * 0.3, r * 0.35, f(light(col, 0.35)))


def crate(c, x, y, w, h, f, fill=None, rng=None):
    """A wooden crate (front face), optionally heaped with produce."""
    if fill and rng:
        heap(c, x + w / 2, y + h * 0.35, w * 0.9, fill, f, rng, r=w / 9, rows=2)
    wood = (170, 122, 78)
    c.rect(x, y, w, h, f(wood))
    for k in range(1, 3):
        c.line((x, y + h * k / 3), (x + w, y + h * k / 3), f(dark(wood, 0.7)), max(1, w * 0.02))
    c.rect(x, y, w, h, f(rgba((0, 0, 0), 0)), stroke=f(dark(wood, 0.55)), sw=max(1, w * 0.025))
    c.rect(x + w * 0.4, y + h * 0.15, w * 0.2, h * 0.12, f(dark(wood, 0.45)), radius=2)


def basket(c, x, y, w, f, fill, rng):
    """A round woven basket seen from the front, full."""
    h = w * 0.45
    heap(c, x, y - h * 0.55, w * 0.85, fill, f, rng, r=w / 10, rows=2)
    cane = (196, 150, 90)
    rim = quad_bezier((x - w / 2, y - h), (x, y + h * 0.3), (x + w / 2, y - h), 12)
    c.poly(rim + [(x + w * 0.4, y), (x - w * 0.4, y)], f(cane))
    for k in range(1, 4):
        yy = y - h + h * k / 4
        c.lines(quad_bezier((x - w / 2 + k * 2, yy), (x, yy + h * 0.2), (x + w / 2 - k * 2, yy), 8),
                f(dark(cane, 0.7)), max(1, w * 0.02))
    c.ellipse(x, y - h, w / 2, h * 0.16, f(rgba(dark(cane, 0.8), 0)), stroke=f(dark(cane, 0.6)), sw=max(1, w * 0.03))


def hanging(c, x, top, length, kind, f, s):
    """Goods hung from the awning rail: pepper strings, garlic braids, dried fish, bags."""
    c.line((x, top), (x, top + length), f((90, 70, 60)), max(1, 1.4 * s))
    if kind == "pepper":
        for i in range(int(length / (9 * s))):
            y = top + 6 * s + i * 9 * s
            side = 1 if i % 2 else -1
            c.tapered([(x, y), (x + side * 9 * s, y + 5 * s), (x + side * 13 * s, y + 12 * s)], f(GOODS["pepper"]),
                      5 * s, 1)
    elif kind == "garlic":
        for i in range(int(length / (12 * s))):
            y = top + 8 * s + i * 12 * s
            c.circle(x + (3 if i % 2 else -3) * s, y, 7 * s, f(GOODS["garlic"]), stroke=f((190, 176, 150)), sw=s)
    elif kind == "fish":
        for i in range(3):
            y = top + 8 * s + i * length / 3
            c.poly([(x, y), (x + 6 * s, y + 8 * s), (x + 4 * s, y + 26 * s), (x, y + 32 * s), (x - 4 * s, y + 26 * s),
                    (x - 6 * s, y + 8 * s)], f(GOODS["fish"]), stroke=f((120, 100, 80)), sw=s)
            c.poly([(x, y + 30 * s), (x + 6 * s, y + 38 * s), (x - 6 * s, y + 38 * s)], f((150, 130, 100)))
    else:  # a net bag of tangerines
        y = top + length * 0.5
        c.ellipse(x, y, 12 * s, 16 * s, f(GOODS["tangerine"]))
        for k in range(-1, 2):
            c.line((x + k * 7 * s, y - 15 * s), (x + k * 5 * s, y + 15 * s), f((200, 60, 50)), max(1, s))


def awning(c, cx, top, w, depth, cols, f, snow=True):
    """A sloping striped canopy with a scalloped valance and snow on top."""
    stripes = 8
    x0 = cx - w / 2
    front = top + depth
    for st in range(stripes):
        a, b = x0 + w * st / stripes, x0 + w * (st + 1) / stripes
        c.poly([(cx + (a - cx) * 0.92, top), (cx + (b - cx) * 0.92, top), (b, front), (a, front)], f(cols[st % 2]))
    sc = w / stripes / 2
    for st in range(stripes):
        a = x0 + w * st / stripes
        c.poly([(a, front)] + quad_bezier((a, front), (a + sc, front + sc * 1.6), (a + 2 * sc, front), 8),
               f(dark(cols[st % 2], 0.92)))
    c.line((x0, front), (x0 + w, front), f(dark(cols[0], 0.6)), max(1, w * 0.006))
    if snow:
        x1 = cx - w * 0.46
        c.poly([(x1 - 4, top + 3)] + [(x1 + w * 0.92 * i / 12, top - 4 - 3 * math.sin(i * 1.9)) for i in range(13)]
               + [(x1 + w * 0.92 + 4, top + 3)], f(PAL["snow"]))


def stall(c, cx, ground, s, kind, cols, f, rng, lit=1.0):
    """One market stall facing the lane: poles, awning, dark back tarp, counter with goods, crates in front."""
    w = 340 * s
    top, front = ground - 330 * s, ground - 250 * s
    counter = ground - 118 * s
    # back tarp in shadow so the goods stand out
    c.rect(cx - w * 0.46, top + 10 * s, w * 0.92, counter - top, f((70, 60, 62)))
    c.glow(cx, counter - 50 * s, w * 0.5, f(PAL["lamp"]), alpha=int(60 * lit))
    for px in (cx - w * 0.47, cx + w * 0.47):
        c.rect(px - 4 * s, top, 8 * s, ground - top, f((96, 86, 80)))
    # table with a cloth over it
    c.rect(cx - w * 0.48, counter, w * 0.96, 16 * s, f((150, 110, 74)))
    cloth = (92, 110, 150) if kind in ("veg", "veg2") else (150, 74, 70)
    c.poly([(cx - w * 0.48, counter + 14 * s), (cx + w * 0.48, counter + 14 * s), (cx + w * 0.5, ground),
            (cx - w * 0.5, ground)], f(cloth))
    for k in range(6):
        x = cx - w * 0.44 + k * w * 0.176
        c.line((x, counter + 20 * s), (x + 2 * s, ground), f(dark(cloth, 0.8)), max(1, 1.5 * s))
    # goods on the table
    if kind in ("fruit", "fruit2"):
        a, b = ("orange", "apple") if kind == "fruit" else ("persimmon", "tangerine")
        basket(c, cx - w * 0.28, counter + 2 * s, 90 * s, f, GOODS[a], rng)
        heap(c, cx + w * 0.02, counter, 100 * s, GOODS[b], f, rng, r=11 * s)
        basket(c, cx + w * 0.3, counter + 2 * s, 80 * s, f, GOODS[a], rng)
    elif kind in ("veg", "veg2"):
        for k in range(4):
            x = cx - w * 0.36 + k * 30 * s
            cab = GOODS["cabbage"]
            c.circle(x, counter - 16 * s, 17 * s, f(dark(cab, 0.85)))
            c.circle(x - 3 * s, counter - 19 * s, 12 * s, f(light(cab, 0.25)))
            for v in (-1, 0, 1):  # leaf veins fanning from the stem
                c.line((x, counter - 2 * s), (x + v * 9 * s, counter - 26 * s), f(light(cab, 0.55)), max(1, 1.2 * s))
        for k in range(5):  # white radishes with green tops
            x = cx + w * 0.06 + k * 18 * s
            c.tapered([(x, counter - 2 * s), (x + 4 * s, counter - 40 * s)], f(GOODS["radish"]), 7 * s, 12 * s)
            c.tapered([(x + 4 * s, counter - 40 * s), (x + 8 * s, counter - 62 * s)], f((90, 150, 80)), 8 * s, 2)
        basket(c, cx + w * 0.38, counter + 2 * s, 60 * s, f, GOODS["potato"], rng)
    elif kind == "dried":
        for k in range(3):  # open sacks of grain and beans with scoops
            x = cx - w * 0.3 + k * w * 0.3
            col = [(236, 226, 200), (150, 90, 60), (226, 190, 90)][k]
            c.poly([(x - 34 * s, counter), (x - 30 * s, counter - 44 * s), (x + 30 * s, counter - 44 * s),
                    (x + 34 * s, counter)], f(GOODS["sack"]))
            c.ellipse(x, counter - 44 * s, 30 * s, 8 * s, f(col))
            c.poly([(x - 30 * s, counter - 46 * s), (x - 36 * s, counter - 56 * s), (x - 22 * s, counter - 48 * s)],
                   f(dark(GOODS["sack"], 0.85)))
        c.line((cx - w * 0.3 + 10 * s, counter - 50 * s), (cx - w * 0.3 + 24 * s, counter - 66 * s), f((180, 180, 180)),
               3 * s)
    else:  # food: a steaming pot and a tray of rice cakes
        c.rect(cx - w * 0.32, counter - 60 * s, 100 * s, 60 * s, f((120, 124, 132)), radius=6 * s)
        c.ellipse(cx - w * 0.32 + 50 * s, counter - 60 * s, 52 * s, 10 * s, f((90, 92, 100)))
        c.rect(cx + w * 0.02, counter - 14 * s, 130 * s, 14 * s, f((200, 200, 204)), radius=3 * s)
        for k in range(8):
            c.rect(cx + w * 0.04 + k * 15 * s, counter - 24 * s, 12 * s, 10 * s, f((232, 90, 70)), radius=4 * s)
    # hanging goods under the valance
    hang = {"dried": ["pepper", "garlic", "pepper", "fish", "pepper"], "fruit": ["bag", "bag"],
            "fruit2": ["bag", "pepper", "bag"], "veg": ["garlic", "pepper"], "veg2": ["pepper", "garlic", "pepper"],
            "food": []}[kind]
    for i, h_kind in enumerate(hang):
        x = cx - w * 0.38 + (i + 0.5) * w * 0.76 / len(hang)
        hanging(c, x, front + 8 * s, 70 * s, h_kind, f, s)
    awning(c, cx, top, w * 1.04, 80 * s, cols, f)
    S.hanging_bulb(c, cx, front + 34 * s, front + 4 * s, col=PAL["lamp"], glow=int(110 * lit), r=max(2, 6 * s))
    # crates and a basket on the ground in front
    crate(c, cx - w * 0.46, ground - 50 * s, 70 * s, 50 * s, f, GOODS["apple"] if kind != "veg" else GOODS["cabbage"],
          rng)
    crate(c, cx + w * 0.28, ground - 44 * s, 64 * s, 44 * s, f, GOODS["orange"] if kind != "dried" else None, rng)
    if kind == "food":
        for i in range(9):
            c.glow(cx - w * 0.32 + 50 * s + rng.uniform(-16, 16) * s, counter - 70 * s - i * 16 * s, (20 + i * 4) * s,
                   (255, 255, 255), alpha=70, add=False)


def lane(c, rng, dusk=False):
    """The lane: slush ruts, snow banks, glassy ice patches and footprints."""
    base = [(0, (150, 156, 174)), (1, (120, 126, 148))] if not dusk else [(0, (96, 92, 118)), (1, (70, 68, 96))]
    c.grad_poly([(0, 330), (W, 330), (W, H), (0, H)], base)
    slush = (126, 118, 114) if not dusk else (84, 74, 84)
    for off in (-150, -80, 70, 140):  # trodden slush converging to the far end
        pts_l, pts_r = [], []
        for i in range(11):
            t = i / 10
            y = VP[1] + 6 + (H - VP[1] - 6) * t
            x = VP[0] + off * (0.1 + 2.5 * t) + 14 * math.sin(i * 1.3 + off) * t
            hw = 2 + 26 * t
            pts_l.append((x - hw, y))
            pts_r.append((x + hw, y))
        c.poly(pts_l + pts_r[::-1], rgba(slush, 110))
    ice = (206, 222, 240) if not dusk else (170, 176, 214)
    for _ in range(16):
        t = rng.random() ** 0.8
        y = 345 + (H - 345) * t
        x = VP[0] + rng.uniform(-1, 1) * (60 + 420 * t)
        w = 30 + 170 * t
        c.ellipse(x, y, w, 4 + 12 * t, rgba(ice, 170))
        c.line((x - w * 0.5, y - 1), (x + w * 0.1, y - 3 * t), rgba((255, 255, 255), 190), 1 + 2 * t)
    for i in range(22):  # a line of footprints down the lane
        t = i / 22
        y = 350 + (H - 350) * t ** 1.4
        x = VP[0] + 20 + (i % 2) * 12 * (0.3 + t) + 60 * t
        c.ellipse(x, y, 3 + 6 * t, 2 + 4 * t, rgba(dark(slush, 0.8), 150))
    snow = (236, 240, 248) if not dusk else (196, 196, 222)
    for side in (-1, 1):  # banks of shovelled snow along the stall fronts
        pts = [(VP[0] + side * 40, VP[1] + 4)]
        for i in range(13):
            t = i / 12
            pts.append((VP[0] + side * (40 + 560 * t) + 10 * math.sin(i * 2.1), VP[1] + 6 + (H - VP[1]) * t))
        pts += [(VP[0] + side * 900, H), (VP[0] + side * 900, VP[1])]
        c.poly(pts, snow)


def street(c, rng, dusk=False):
    """Sky, far buildings, the lane, stalls on both sides, a banner and wires."""
    air = (206, 210, 222) if not dusk else (150, 118, 150)
    if dusk:
        S.sky(c, [(0, (70, 66, 118)), (0.5, (176, 112, 140)), (1, (236, 160, 120))], 0, 340)
    else:
        S.sky(c, [(0, (170, 182, 206)), (1, (214, 216, 228))], 0, 340)
    for i in range(11):  # low buildings at the end of the lane
        bx = 420 + i * 40 + rng.uniform(-6, 6)
        bh = rng.uniform(40, 110)
        col = mix((150, 154, 172) if not dusk else (96, 80, 112), air, 0.3)
        c.rect(bx, 332 - bh, 44, bh, col)
        for wy in range(int(332 - bh + 8), 324, 16):
            lit = dusk and rng.random() < 0.5
            c.rect(bx + 8, wy, 8, 8, (255, 214, 140) if lit else dark(col, 0.85))
            c.rect(bx + 26, wy, 8, 8, dark(col, 0.85))
        c.rect(bx - 2, 330 - bh, 48, 4, (236, 240, 248) if not dusk else (210, 196, 220))
    lane(c, rng, dusk)
    rows = [(0.2, 356, 590, 690), (0.36, 380, 540, 745), (0.62, 440, 410, 872), (1.12, 560, 150, 1130)]
    k = 0
    for s, ground, lx, rx in rows:
        f = Fog(air, max(0.0, 0.75 - s * 0.68))
        for x in (lx, rx):  # the shop-house behind each stall
            bw, top = 400 * s, ground - 620 * s
            wall = [(150, 96, 80), (176, 170, 160), (140, 150, 160)][k % 3]
            c.rect(x - bw / 2, top, bw, 300 * s, f(wall))
            c.rect(x - bw / 2 - 6 * s, top - 8 * s, bw + 12 * s, 12 * s, f(PAL["snow"]))
            for j in range(8):
                wx = x - bw / 2 + 36 * s + (j % 4) * (bw - 60 * s) / 4
                wy = top + (60 if j < 4 else 180) * s
                lit = dusk and (j * 7 + k) % 3 == 0
                c.rect(wx, wy, 56 * s, 64 * s, f((250, 200, 130) if lit else (84, 96, 116)))
                c.rect(wx, wy, 56 * s, 64 * s, f(rgba((0, 0, 0), 0)), stroke=f(light(wall, 0.3)), sw=3 * s)
            k += 1
        k -= 2
        for x in (lx, rx):
            stall(c, x, ground, s, STALLS[k % len(STALLS)], AWNINGS[k % len(AWNINGS)], f, rng,
                  lit=1.4 if dusk else 1.0)
            k += 1
    # market banner strung across the lane
    c.lines(quad_bezier((300, 90), (640, 120), (980, 90), 16), (60, 56, 64), 2)
    c.rect(560, 100, 160, 48, (200, 60, 52), radius=4)
    c.rect(566, 106, 148, 36, (246, 234, 210), radius=3)
    S.hangul(c, "시장", 600, 110, 28, (196, 56, 50), width=3.2)
    for yy in (40, 52):  # power lines
        c.lines(quad_bezier((0, yy), (640, yy + 50), (W, yy), 20), (60, 60, 70), 1.4)
