"""Half-body character portraits, 480x640 RGBA.

A portrait is assembled from a character spec (face shape, hair style,
outfit, accessories) and an expression (eyes, brows, mouth, extras).  All
characters share the same construction, light direction (key light from the
upper left, warm rim on the right) and outline, so the cast looks consistent.
"""
import math
from dataclasses import dataclass, field, replace

import numpy as np  # noqa: E402,I001
import pygame  # noqa: E402

from . import scenery as S
from .common import Canvas, dark, ellipse_pts, light, quad_bezier, rgba, rng_for  # sets SDL env first

PW, PH = 480, 640
CX = PW / 2
INK = (52, 38, 44)
LINE = (84, 52, 52)

SKIN = {
    "light": (246, 212, 182),
    "medium": (234, 192, 156),
    "tan": (214, 166, 128),
    "child": (250, 218, 192),
    "old": (228, 188, 152),
}


# ---------------------------------------------------------------------------
# Specs
# ---------------------------------------------------------------------------
@dataclass
class Spec:
    skin: tuple = SKIN["medium"]
    head_w: float = 150
    head_h: float = 186
    top: float = 80
    jaw: float = 0.2          # how much the jaw narrows
    chin_k: float = 3.0       # superellipse exponent of the lower face (2 round .. 5 square)
    eye_v: float = 0.55       # eye line as fraction of head height
    eye_sp: float = 0.2       # eye distance from centre as fraction of head width
    eye_w: float = 14
    eye_h: float = 9
    iris: float = 0.62        # iris radius relative to eye height*open
    eye_tilt: float = 1.5
    lashes: bool = False
    iris_col: tuple = (70, 44, 36)
    brow_w: float = 34
    brow_t: float = 5.5
    brow_gap: float = 13
    nose: str = "small"
    mouth_w: float = 36
    hair: str = "side_part"
    hair_col: tuple = (38, 32, 36)
    sw: float = 320           # shoulder width
    neck_w: float = 56
    neck_len: float = 34
    outfit: str = "prison"
    colors: dict = field(default_factory=dict)
    extras: tuple = ()        # glasses, scar, beard, wrinkles, blush, stubble
    kid: bool = False


def _spec(**kw):
    return Spec(**kw)


PRISON = {"main": (102, 120, 146)}
CHARS = {
    "yonggu": _spec(skin=SKIN["medium"], head_w=166, head_h=180, top=84, jaw=0.06, chin_k=2.1,
                    eye_w=13, eye_h=11, iris=0.78, eye_tilt=0, eye_sp=0.19, brow_w=30, brow_t=6.5,
                    brow_gap=16, mouth_w=40, nose="round", hair="messy", hair_col=(40, 32, 34), sw=336, neck_w=66,
                    outfit="padded", colors={"main": (86, 122, 114), "inner": (224, 170, 82)}, extras=("cheeks",)),
    "yesung": _spec(skin=SKIN["child"], head_w=156, head_h=160, top=196, jaw=0.1, chin_k=2.2, eye_v=0.6,
                    eye_sp=0.21, eye_w=15, eye_h=16, iris=0.86, eye_tilt=0, lashes=True, brow_w=26, brow_t=4,
                    brow_gap=19, mouth_w=28, nose="tiny", hair="bob", hair_col=(44, 32, 36), sw=224, neck_w=40,
                    neck_len=18, outfit="kidcoat", colors={"main": (250, 200, 70), "trim": (255, 248, 232)},
                    extras=("blush",), kid=True),
    "yesung_adult": _spec(skin=SKIN["light"], head_w=134, head_h=176, top=92, jaw=0.32, chin_k=2.8,
                          eye_w=15, eye_h=10, iris=0.72, lashes=True, brow_w=30, brow_t=4.2, mouth_w=30,
                          nose="small", hair="tied", hair_col=(40, 30, 34), sw=272, neck_w=44,
                          outfit="suit", colors={"main": (46, 52, 72), "shirt": (246, 244, 240), "pin": True},
                          extras=("blush_light",)),
    "yangho": _spec(skin=SKIN["tan"], head_w=172, head_h=186, top=72, jaw=0.1, chin_k=5.0, eye_w=12,
                    eye_h=7.5, iris=0.7, eye_tilt=0.5, brow_w=36, brow_t=9, brow_gap=11, mouth_w=44, nose="broad",
                    hair="shaved", hair_col=(50, 44, 46), sw=390, neck_w=90, outfit="prison", colors=PRISON,
                    extras=("scar", "stubble")),
    "chunho": _spec(skin=SKIN["light"], head_w=136, head_h=186, top=82, jaw=0.34, chin_k=3.0, eye_w=12,
                    eye_h=8, brow_w=30, brow_t=4.5, mouth_w=32, hair="side_part", hair_col=(36, 30, 34), sw=282,
                    neck_w=48, outfit="prison", colors=PRISON, extras=("glasses",)),
    "manbeom": _spec(skin=SKIN["medium"], head_w=146, head_h=198, top=52, jaw=0.2, chin_k=4.0, eye_w=13,
                     eye_h=8, brow_w=36, brow_t=10, brow_gap=10, mouth_w=38, nose="long", hair="crop",
                     hair_col=(34, 30, 32), sw=336, neck_w=60, outfit="prison", colors=PRISON),
    "bongshik": _spec(skin=SKIN["light"], head_w=142, head_h=178, top=92, jaw=0.3, chin_k=3.0, eye_w=14,
                      eye_h=10, iris=0.72, brow_w=30, brow_t=5, mouth_w=34, hair="spiky", hair_col=(70, 44, 34),
                      sw=292, neck_w=52, outfit="prison", colors=PRISON),
    "dado": _spec(skin=SKIN["old"], head_w=142, head_h=180, top=98, jaw=0.3, chin_k=2.6, eye_w=12, eye_h=7,
                  iris=0.7, brow_w=30, brow_t=5, mouth_w=34, nose="long", hair="old", hair_col=(236, 234, 228),
                  sw=282, neck_w=50, outfit="prison", colors=PRISON, extras=("beard", "wrinkles")),
    "minhwan": _spec(skin=SKIN["medium"], head_w=148, head_h=186, top=88, jaw=0.24, chin_k=3.6, eye_w=13,
                     eye_h=8.5, brow_w=33, brow_t=6.5, mouth_w=36, hair="cap", hair_col=(34, 30, 32), sw=330,
                     neck_w=58, outfit="officer", colors={"main": (46, 58, 84), "shirt": (196, 214, 232),
                                                          "tie": (40, 40, 52), "cap": (40, 50, 74), "gold": True}),
    "minhwan_old": _spec(skin=SKIN["medium"], head_w=148, head_h=186, top=88, jaw=0.24, chin_k=3.6, eye_w=13,
                         eye_h=8.5, brow_w=33, brow_t=6.5, mouth_w=36, hair="greying", hair_col=(52, 48, 50),
                         sw=330, neck_w=58, outfit="camel", colors={"main": (170, 130, 90), "inner": (120, 124, 130)},
                         extras=("wrinkles_light",)),
    "commissioner": _spec(skin=SKIN["light"], head_w=158, head_h=192, top=74, jaw=0.2, chin_k=4.2, eye_w=14,
                          eye_h=6.5, iris=0.78, eye_tilt=2.5, brow_w=36, brow_t=6, brow_gap=12, mouth_w=38,
                          nose="long", hair="slick", hair_col=(44, 42, 46), sw=360, neck_w=64, outfit="overcoat",
                          colors={"main": (54, 54, 62), "scarf": (92, 30, 40), "shirt": (236, 236, 232),
                                  "tie": (30, 30, 40)}, extras=("wrinkles_light",)),
    "girl": _spec(skin=SKIN["child"], head_w=148, head_h=154, top=206, jaw=0.12, chin_k=2.3, eye_v=0.6,
                  eye_sp=0.21, eye_w=14, eye_h=15, iris=0.86, eye_tilt=0, lashes=True, brow_w=24, brow_t=4,
                  brow_gap=18, mouth_w=26, nose="tiny", hair="pigtails", hair_col=(52, 36, 34), sw=214, neck_w=40,
                  neck_len=18, outfit="pinkcoat",
                  colors={"main": (244, 150, 172), "trim": (255, 244, 246), "scarf": (204, 52, 58)},
                  extras=("blush",), kid=True),
    "witness": _spec(skin=SKIN["medium"], head_w=142, head_h=176, top=104, jaw=0.28, chin_k=2.6, eye_w=14,
                     eye_h=9, lashes=True, brow_w=28, brow_t=4.2, mouth_w=32, hair="perm", hair_col=(58, 40, 40),
                     sw=290, neck_w=48, outfit="apron", colors={"main": (176, 70, 70), "apron": (60, 84, 120)},
                     extras=("blush_light",)),
    "detective": _spec(skin=SKIN["tan"], head_w=148, head_h=186, top=82, jaw=0.22, chin_k=4.0, eye_w=13,
                       eye_h=8, eye_tilt=2, brow_w=34, brow_t=7, mouth_w=38, nose="broad", hair="side_part",
                       hair_col=(30, 26, 28), sw=340, neck_w=62, outfit="leather",
                       colors={"main": (110, 70, 48), "inner": (70, 72, 80)}, extras=("stubble",)),
    "prosecutor": _spec(skin=SKIN["light"], head_w=140, head_h=184, top=84, jaw=0.28, chin_k=3.4, eye_w=13,
                        eye_h=8, eye_tilt=2, brow_w=32, brow_t=5.5, mouth_w=34, hair="neat", hair_col=(28, 26, 32),
                        sw=312, neck_w=52, outfit="suit", colors={"main": (38, 40, 50), "shirt": (240, 242, 246),
                                                                   "tie": (120, 40, 50)}),
    "judge": _spec(skin=SKIN["old"], head_w=148, head_h=184, top=88, jaw=0.22, chin_k=3.2, eye_w=12, eye_h=7.5,
                   brow_w=32, brow_t=5.5, mouth_w=34, nose="long", hair="neat", hair_col=(150, 148, 150), sw=330,
                   neck_w=56, outfit="robe", colors={"main": (30, 28, 34), "shirt": (240, 240, 236),
                                                     "tie": (90, 40, 60)}, extras=("glasses_half", "wrinkles_light")),
    "guard": _spec(skin=SKIN["tan"], head_w=144, head_h=182, top=90, jaw=0.26, chin_k=3.4, eye_w=13, eye_h=8,
                   brow_w=32, brow_t=6, mouth_w=34, hair="cap", hair_col=(30, 28, 30), sw=318, neck_w=56,
                   outfit="officer", colors={"main": (66, 82, 104), "shirt": (210, 220, 230), "tie": (50, 54, 66),
                                             "cap": (58, 72, 94), "gold": False}),
}
# Yong-gu in prison: same man, prison uniform.
CHARS["yonggu_prison"] = replace(CHARS["yonggu"], outfit="prison", colors=PRISON)

EXPRESSIONS = {
    "yonggu": ["neutral", "happy", "sad", "scared", "crying", "pained", "solemn"],
    "yonggu_prison": ["neutral", "happy", "sad", "scared", "crying", "pained", "solemn"],
    "yesung": ["neutral", "happy", "sad", "surprised", "crying", "afraid"],
    "yesung_adult": ["neutral", "determined", "tearful", "crying", "solemn"],
    "yangho": ["neutral", "angry", "smile", "sad", "solemn"],
    "chunho": ["neutral", "smile", "sad"],
    "manbeom": ["neutral", "smile", "sad"],
    "bongshik": ["neutral", "smile", "sad"],
    "dado": ["neutral", "smile", "sad"],
    "minhwan": ["stern", "kind", "sad"],
    "minhwan_old": ["stern", "kind", "sad"],
    "commissioner": ["neutral", "angry", "grieving"],
    "girl": ["neutral", "happy", "backpack", "backpack_afraid"],
    "witness": ["neutral", "shocked", "afraid"],
    "detective": ["neutral", "stern"],
    "prosecutor": ["neutral", "stern", "uneasy"],
    "judge": ["neutral", "stern", "solemn"],
    "guard": ["neutral", "stern"],
}


def portraits():
    for cid, exprs in EXPRESSIONS.items():
        for e in exprs:
            yield cid, e


# Expression parameters.  brow = (inner dy, outer dy) (negative = raised);
# lid = (inner, outer) cover as a fraction of eye height.
BASE = dict(eye="open", open=1.0, iris=1.0, lid=(0.0, 0.0), look=(0, 0), brow=(0, 0), arch=0.0,
            mouth="line", curve=0.12, tears=False, sweat=False, blush=False, furrow=False, gloss=False,
            lower=0.0, streams=False, hug=False)
EXPR = {
    "neutral": {},
    "happy": dict(eye="arc_up", brow=(-6, -3), arch=2, mouth="open_smile", blush=True),
    "smile": dict(open=0.72, lower=0.35, brow=(-3, -2), mouth="smile", curve=0.55),
    "kind": dict(open=0.78, lower=0.3, brow=(-5, 0), mouth="smile", curve=0.4, lid=(0.0, 0.12)),
    "sad": dict(open=0.85, lid=(0.0, 0.45), look=(0, 2.5), brow=(-10, 3), mouth="frown", curve=0.35),
    "scared": dict(eye="wide", open=1.25, iris=0.6, brow=(-13, -4), arch=-2, mouth="wobble", sweat=True),
    "surprised": dict(eye="wide", open=1.3, iris=0.8, brow=(-13, -12), arch=3, mouth="O"),
    "shocked": dict(eye="wide", open=1.3, iris=0.55, brow=(-12, -5), mouth="open_small", sweat=True),
    "angry": dict(open=0.85, lid=(0.55, 0.05), brow=(9, -6), mouth="grit", furrow=True),
    "stern": dict(open=0.8, lid=(0.3, 0.2), brow=(5, 0), mouth="flat", curve=-0.08),
    "determined": dict(open=0.95, lid=(0.22, 0.0), brow=(5, -3), mouth="line", curve=0.18, gloss=True),
    "tearful": dict(open=0.88, lid=(0.0, 0.2), brow=(-10, 2), mouth="smile", curve=0.25, tears=True, gloss=True,
                    blush=True, lower=0.2),
    # the hard moments: readable at a quarter size by brows, lids, mouth and tear streams
    "crying": dict(open=0.7, lid=(0.0, 0.3), lower=0.25, look=(0, 2), brow=(-15, 4), arch=-1, mouth="tremble",
                   curve=0.4, streams=True, gloss=True, blush=True),
    "pained": dict(open=0.55, lid=(0.3, 0.1), brow=(-9, 5), arch=-2, mouth="wince", furrow=True, sweat=True),
    "solemn": dict(open=0.8, lid=(0.42, 0.38), look=(0, 4), brow=(4, 3), arch=-2, mouth="flat", curve=-0.03),
    "afraid": dict(eye="wide", open=1.2, iris=0.62, brow=(-15, -1), arch=-3, mouth="tremble", curve=0.3,
                   gloss=True, furrow=True),
    "grieving": dict(open=0.62, lid=(0.0, 0.42), lower=0.2, look=(0, 2.5), brow=(-13, 5), arch=-1,
                     mouth="tremble", curve=0.35, streams=True, gloss=True),
    "uneasy": dict(open=0.92, lid=(0.12, 0.05), look=(-4, 0.5), brow=(-6, 1), mouth="tremble", curve=0.14,
                   sweat=True),
    "backpack": dict(eye="arc_up", brow=(-5, -3), arch=2, mouth="smile", curve=0.5, blush=True, hug=True),
    # clutching it while her father beats a man in front of her
    "backpack_afraid": dict(eye="wide", open=1.2, iris=0.62, brow=(-15, -1), arch=-3, mouth="tremble", curve=0.3,
                            gloss=True, furrow=True, hug=True),
}


def expr_params(name):
    p = dict(BASE)
    p.update(EXPR[name])
    return p


# ---------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------
class Geo:
    def __init__(self, s: Spec):
        self.s = s
        self.cx = CX
        self.top = s.top
        self.W, self.H = s.head_w, s.head_h
        self.chin = s.top + s.head_h
        self.eye_y = s.top + s.head_h * s.eye_v
        self.eye_dx = s.head_w * s.eye_sp
        self.brow_y = self.eye_y - s.eye_h - s.brow_gap
        self.nose_y = s.top + s.head_h * (0.72 if not s.kid else 0.74)
        self.mouth_y = s.top + s.head_h * (0.835 if not s.kid else 0.83)
        self.neck_top = s.top + s.head_h * 0.78
        self.sy = self.chin + s.neck_len   # shoulder line (top of torso at the neck)
        self.hw = s.sw / 2

    def half_width(self, v):
        """Half-width of the head at fraction v (0 top .. 1 chin)."""
        s = self.s
        vc = 0.5
        if v <= vc:
            return self.W / 2 * math.sqrt(max(0.0, 1 - ((vc - v) / vc) ** 2))
        t = (v - vc) / (1 - vc)
        k = s.chin_k
        return self.W / 2 * (1 - s.jaw * t ** 1.5) * max(0.0, 1 - t ** k) ** (1 / k)

    def head_pts(self, n=40):
        right = []
        for i in range(n + 1):
            v = (1 - math.cos(math.pi * i / n)) / 2
            right.append((self.cx + self.half_width(v), self.top + v * self.H))
        left = [(2 * self.cx - x, y) for x, y in reversed(right)]
        return right + left

    def cranium(self, extra, a0, a1, n=30, jitter=None, rng=None):
        """Points on an ellipse around the skull (angles: pi=left, 1.5pi=top)."""
        cy = self.top + self.H * 0.47
        rx, ry = self.W / 2 + extra, self.H * 0.48 + extra
        pts = []
        for i in range(n + 1):
            a = a0 + (a1 - a0) * i / n
            r = 1.0
            if jitter and rng:
                r += jitter * (rng.random() - 0.3) / max(rx, 1) * 10
            pts.append((self.cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
        return pts


def mirror(pts):
    return [(2 * CX - x, y) for x, y in pts]


# ---------------------------------------------------------------------------
# Body, neck and outfits
# ---------------------------------------------------------------------------
def torso_pts(g, extra=0):
    s = g.s
    cx, sy, hw = g.cx, g.sy, g.hw + extra
    nw = s.neck_w / 2 + 10
    sh = 46 if not s.kid else 30
    left = quad_bezier((cx - nw, sy - 4), (cx - hw + 10, sy + 2), (cx - hw, sy + sh), 12)
    left += [(cx - hw + 2, sy + sh + 120), (cx - hw + 12, PH + 4)]
    right = mirror(left)[::-1]
    return [(cx - nw + 2, sy - 6)] + left + right[:-1] + [(cx + nw - 2, sy - 6)]


def draw_neck(c, g):
    s = g.s
    nw = s.neck_w / 2
    lay = c.layer()
    lay.poly([(g.cx - nw, g.neck_top), (g.cx + nw, g.neck_top), (g.cx + nw + 6, g.sy + 30),
              (g.cx - nw - 6, g.sy + 30)], s.skin)
    sh = c.layer()
    sh.poly([(x, y + 14) for x, y in g.head_pts()], rgba(dark(s.skin, 0.7), 160))
    sh.poly([(g.cx + nw * 0.3, g.neck_top), (g.cx + nw + 10, g.neck_top), (g.cx + nw + 10, g.sy + 30),
             (g.cx + nw * 0.5, g.sy + 30)], rgba(dark(s.skin, 0.8), 90))
    sh.clip_to(lay)
    lay.paste(sh)
    c.paste(lay)


def body_mask(c, g):
    m = c.layer()
    m.poly(torso_pts(g), (255, 255, 255))
    nw = g.s.neck_w / 2
    m.rect(g.cx - nw - 44, g.sy - 34, 2 * nw + 88, 60, (255, 255, 255))
    return m


def shade_body(c, body, g, col, amount=0.78):
    """Clip details to the silhouette, then add a flat side shadow and arm creases."""
    body.clip_to(body_mask(c, g))
    sh = c.layer()
    hw = g.hw
    sh.poly([(g.cx + hw * 0.45, g.sy), (PW, g.sy), (PW, PH), (g.cx + hw * 0.55, PH)], rgba(dark(col, amount), 150))
    for side in (-1, 1):
        x0 = g.cx + side * (hw - (40 if not g.s.kid else 26))
        sh.lines([(x0, g.sy + 70), (x0 + side * 4, g.sy + 160), (x0 + side * 10, PH)],
                 rgba(dark(col, 0.6), 170), 3)
    sh.clip_to(body)
    body.paste(sh)


def body_layer(c, g, col):
    body = c.layer()
    body.poly(torso_pts(g), col)
    return body


def collar_v(g, depth, width):
    return [(g.cx - width, g.sy - 8), (g.cx, g.sy + depth), (g.cx + width, g.sy - 8)]


def outfit_prison(c, g, col):
    s = g.s
    main = col["main"]
    body = body_layer(c, g, main)
    nw = s.neck_w / 2
    # inner undershirt at the V
    body.poly(collar_v(g, 80, nw + 6), (226, 228, 224))
    body.lines(quad_bezier((g.cx - nw + 2, g.sy - 8), (g.cx, g.sy + 16), (g.cx + nw - 2, g.sy - 8), 10),
               (190, 192, 190), 3)
    # shirt collar flaps
    for side in (-1, 1):
        flap = [(g.cx + side * (nw + 4), g.sy - 10), (g.cx + side * (nw + 40), g.sy + 18),
                (g.cx + side * 14, g.sy + 78), (g.cx + side * 2, g.sy + 74)]
        body.poly(flap, light(main, 0.12), stroke=dark(main, 0.7), sw=1.5)
    # placket and buttons
    body.line((g.cx, g.sy + 80), (g.cx, PH), dark(main, 0.7), 2)
    for i in range(3):
        body.circle(g.cx + 8, g.sy + 110 + i * 60, 4.5, dark(main, 0.6))
    # chest pocket with number patch (wearer's left = viewer's right)
    px, py = g.cx + g.hw * 0.38, g.sy + 92
    body.rect(px - 40, py, 80, 70, dark(main, 0.9), radius=4, stroke=dark(main, 0.65), sw=1.5)
    body.rect(px - 36, py - 24, 72, 30, (240, 238, 226), radius=3, stroke=(150, 150, 140), sw=1.2)
    for i, length in enumerate((52, 36)):  # strokes, not digits: the sources give no prisoner numbers
        body.line((px - 26, py - 14 + i * 9), (px - 26 + length, py - 14 + i * 9), (70, 70, 86), 2)
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_padded(c, g, col):
    s = g.s
    main, inner = col["main"], col["inner"]
    body = body_layer(c, g, main)
    nw = s.neck_w / 2
    # sweater at the open collar
    body.poly([(g.cx - nw - 8, g.sy - 10), (g.cx + nw + 8, g.sy - 10), (g.cx + 28, g.sy + 70), (g.cx - 28, g.sy + 70)],
              inner)
    body.poly([(g.cx - nw - 2, g.sy - 12), (g.cx + nw + 2, g.sy - 12), (g.cx + nw - 2, g.sy + 4),
               (g.cx - nw + 2, g.sy + 4)], dark(inner, 0.85))
    for i in range(4):
        body.line((g.cx - 16 + i * 11, g.sy + 8), (g.cx - 14 + i * 9, g.sy + 60), dark(inner, 0.8), 1.4)
    # quilting lines
    for i in range(7):
        y = g.sy + 70 + i * 46
        body.lines(quad_bezier((g.cx - g.hw - 10, y - 6), (g.cx - 60, y + 10), (g.cx - 10, y + 2), 10),
                   dark(main, 0.72), 2.2)
        body.lines(quad_bezier((g.cx + 10, y + 2), (g.cx + 60, y + 10), (g.cx + g.hw + 10, y - 6), 10),
                   dark(main, 0.72), 2.2)
    # stand-up collar and zip
    for side in (-1, 1):
        body.poly([(g.cx + side * (nw + 4), g.sy - 24), (g.cx + side * (nw + 34), g.sy - 4),
                   (g.cx + side * 34, g.sy + 72), (g.cx + side * 22, g.sy + 70)],
                  light(main, 0.1), stroke=dark(main, 0.65), sw=1.6)
        body.line((g.cx + side * 26, g.sy + 72), (g.cx + side * 4, PH), dark(main, 0.6), 2.5)
    body.rect(g.cx + 20, g.sy + 74, 8, 16, (200, 200, 190), radius=2)
    # patch on the elbow side (worn jacket)
    body.rect(g.cx - g.hw + 24, g.sy + 190, 40, 34, dark(main, 0.88), radius=6, stroke=dark(main, 0.6), sw=1.2)
    shade_body(c, body, g, main)
    c.paste(body)


def lapels(body, g, main, depth=150, width=70, notch=True):
    """Suit/coat lapels opening over the shirt."""
    nw = g.s.neck_w / 2
    for side in (-1, 1):
        pts = [(g.cx + side * (nw + 6), g.sy - 14), (g.cx + side * (nw + 30), g.sy + 6),
               (g.cx + side * width, g.sy + depth * 0.55)]
        if notch:
            pts += [(g.cx + side * (width - 14), g.sy + depth * 0.6), (g.cx + side * (width + 2), g.sy + depth * 0.7)]
        pts += [(g.cx + side * 6, g.sy + depth), (g.cx + side * 4, g.sy + depth - 10)]
        body.poly(pts, light(main, 0.1), stroke=dark(main, 0.55), sw=1.6)


def shirt_and_tie(body, g, shirt, tie, depth=150):
    nw = g.s.neck_w / 2
    body.poly([(g.cx - nw - 6, g.sy - 14), (g.cx + nw + 6, g.sy - 14), (g.cx + 10, g.sy + depth),
               (g.cx - 10, g.sy + depth)], shirt)
    for side in (-1, 1):
        body.poly([(g.cx + side * (nw + 4), g.sy - 16), (g.cx + side * 4, g.sy + 16), (g.cx + side * 24, g.sy + 24)],
                  light(shirt, 0.3), stroke=dark(shirt, 0.75), sw=1.2)
    if tie:
        body.poly([(g.cx - 8, g.sy + 14), (g.cx + 8, g.sy + 14), (g.cx + 5, g.sy + 26), (g.cx - 5, g.sy + 26)], tie)
        body.poly([(g.cx - 5, g.sy + 26), (g.cx + 5, g.sy + 26), (g.cx + 12, g.sy + depth + 20),
                   (g.cx, g.sy + depth + 34), (g.cx - 12, g.sy + depth + 20)], tie)
        body.line((g.cx - 3, g.sy + 50), (g.cx + 8, g.sy + 40), light(tie, 0.2), 1.5)


def outfit_suit(c, g, col):
    main = col["main"]
    body = body_layer(c, g, main)
    if col.get("tie"):
        shirt_and_tie(body, g, col["shirt"], col["tie"])
    else:  # blouse with a soft open collar
        nw = g.s.neck_w / 2
        body.poly([(g.cx - nw - 6, g.sy - 14), (g.cx + nw + 6, g.sy - 14), (g.cx + 30, g.sy + 150),
                   (g.cx - 30, g.sy + 150)], col["shirt"])
        body.poly(collar_v(g, 46, nw - 6), g.s.skin)
        for side in (-1, 1):
            body.poly([(g.cx + side * (nw + 2), g.sy - 16), (g.cx + side * 2, g.sy + 46),
                       (g.cx + side * 30, g.sy + 30)], light(col["shirt"], 0.3), stroke=(200, 198, 196), sw=1.2)
    lapels(body, g, main, depth=160 if g.s.sw > 290 else 150, width=g.hw * 0.5)
    body.circle(g.cx + 6, g.sy + 200, 5, dark(main, 0.6))
    body.circle(g.cx + 6, g.sy + 260, 5, dark(main, 0.6))
    if col.get("pin"):  # tiny balloon pin on the lapel
        px, py = g.cx - g.hw * 0.36, g.sy + 56
        body.circle(px, py, 7, (240, 190, 70), stroke=(170, 120, 40), sw=1)
        body.line((px - 3, py + 7), (px, py + 12), (170, 120, 40), 1)
        body.line((px + 3, py + 7), (px, py + 12), (170, 120, 40), 1)
        body.rect(px - 2.5, py + 11, 5, 4, (170, 120, 40))
    else:
        body.poly([(g.cx + g.hw * 0.35, g.sy + 92), (g.cx + g.hw * 0.62, g.sy + 88), (g.cx + g.hw * 0.62, g.sy + 94),
                   (g.cx + g.hw * 0.35, g.sy + 98)], light(main, 0.2))
        body.poly([(g.cx + g.hw * 0.42, g.sy + 92), (g.cx + g.hw * 0.5, g.sy + 74), (g.cx + g.hw * 0.54, g.sy + 92)],
                  (240, 240, 240))
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_officer(c, g, col):
    main = col["main"]
    body = body_layer(c, g, main)
    shirt_and_tie(body, g, col["shirt"], col["tie"], depth=130)
    lapels(body, g, main, depth=140, width=g.hw * 0.46)
    gold = (226, 186, 86) if col.get("gold") else (190, 196, 204)
    for side in (-1, 1):  # epaulettes
        x = g.cx + side * (g.hw - 40)
        body.poly([(x - 34, g.sy + 14), (x + 34, g.sy + 24), (x + 34, g.sy + 38), (x - 34, g.sy + 28)],
                  dark(main, 0.8), stroke=dark(main, 0.55), sw=1.2)
        if col.get("gold"):
            for k in range(3):
                body.circle(x - 14 + k * 14, g.sy + 25 + k * 2, 3.5, gold)
    # badge, name tag, pockets, buttons
    bx = g.cx - g.hw * 0.42
    body.poly([(bx, g.sy + 76), (bx + 14, g.sy + 84), (bx + 12, g.sy + 104), (bx, g.sy + 112), (bx - 12, g.sy + 104),
               (bx - 14, g.sy + 84)], gold, stroke=dark(gold, 0.6), sw=1)
    body.circle(bx, g.sy + 94, 5, dark(gold, 0.75))
    nx = g.cx + g.hw * 0.42
    body.rect(nx - 30, g.sy + 84, 60, 16, (236, 236, 230), radius=2)
    body.rect(nx - 22, g.sy + 89, 44, 5, (90, 90, 100))
    for side in (-1, 1):
        px = g.cx + side * g.hw * 0.42
        body.rect(px - 36, g.sy + 120, 72, 60, dark(main, 0.92), radius=3, stroke=dark(main, 0.6), sw=1.2)
    for i in range(3):
        body.circle(g.cx + 4, g.sy + 170 + i * 56, 5, gold)
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_kidcoat(c, g, col):
    main, trim = col["main"], col["trim"]
    body = body_layer(c, g, main)
    nw = g.s.neck_w / 2
    for side in (-1, 1):  # round Peter Pan collar
        body.ellipse(g.cx + side * (nw * 0.9), g.sy + 10, 30, 20, trim, stroke=dark(trim, 0.8), sw=1.4)
    body.line((g.cx, g.sy + 26), (g.cx, PH), dark(main, 0.75), 2)
    for i in range(3):
        y = g.sy + 64 + i * 52
        for side in (-1, 1):
            body.circle(g.cx + side * 24, y, 8, (176, 110, 60), stroke=(120, 70, 40), sw=1.2)
            body.circle(g.cx + side * 24 - 2, y - 2, 2.2, (210, 150, 100))
    for side in (-1, 1):
        body.lines(quad_bezier((g.cx + side * 44, g.sy + 170), (g.cx + side * 70, g.sy + 180),
                               (g.cx + side * 90, g.sy + 170), 8), dark(main, 0.7), 2.5)
    shade_body(c, body, g, main, 0.8)
    c.paste(body)


def outfit_pinkcoat(c, g, col):
    main, trim = col["main"], col["trim"]
    body = body_layer(c, g, main)
    # fluffy collar
    for i in range(9):
        a = math.pi * (0.05 + 0.9 * i / 8)
        x = g.cx + math.cos(a) * 56
        y = g.sy + 4 + math.sin(a) * 16
        body.circle(x, y, 15, trim)
    body.line((g.cx, g.sy + 30), (g.cx, PH), dark(main, 0.75), 2)
    for i in range(3):
        body.circle(g.cx + 14, g.sy + 66 + i * 50, 7, (255, 250, 250), stroke=dark(main, 0.7), sw=1.2)
    body.ellipse(g.cx - 60, g.sy + 180, 10, 8, (250, 224, 120))  # little star pin
    shade_body(c, body, g, main, 0.82)
    c.paste(body)
    red_scarf(c, g, col["scarf"])


def red_scarf(c, g, sc):
    """A chunky knitted red scarf wound high round the neck (so it shows beside the chin in play),
    one end hanging down the front."""
    nw = g.s.neck_w / 2
    cx, sy = g.cx, g.sy
    tail = [(cx - 30, sy - 4), (cx - 4, sy), (cx - 14, sy + 112), (cx - 46, sy + 108)]
    c.poly(tail, dark(sc, 0.88), stroke=dark(sc, 0.55), sw=1.5)
    for k in range(4):
        y = sy + 30 + k * 20
        c.line((cx - 40 + k * 1.5, y), (cx - 12 + k * 0.5, y + 2), dark(sc, 0.65), 1.6)
    for k in range(6):  # fringe
        x = cx - 44 + k * 6
        c.line((x, sy + 108 + k * 0.6), (x - 1, sy + 122), sc, 2.6)
    band = [(cx - nw - 34, sy - 40), (cx + nw + 34, sy - 40), (cx + nw + 40, sy - 4), (cx + nw + 22, sy + 16),
            (cx - nw - 22, sy + 16), (cx - nw - 40, sy - 4)]
    c.poly(band, sc, stroke=dark(sc, 0.55), sw=1.6)
    c.lines([(cx - nw - 38, sy - 20), (cx + nw + 38, sy - 20)], dark(sc, 0.7), 1.6)  # the two turns
    for k in range(9):  # knit ribs
        x = cx - nw - 28 + k * (2 * nw + 56) / 8
        c.line((x, sy - 36), (x + 2, sy + 12), dark(sc, 0.8), 1.5)
    c.poly([(cx + nw + 8, sy - 30), (cx + nw + 38, sy - 36), (cx + nw + 44, sy - 8), (cx + nw + 14, sy - 2)],
           light(sc, 0.1), stroke=dark(sc, 0.55), sw=1.4)  # the knot at the side of the neck


def outfit_camel(c, g, col):
    main, inner = col["main"], col["inner"]
    body = body_layer(c, g, main)
    nw = g.s.neck_w / 2
    body.poly([(g.cx - nw - 8, g.sy - 24), (g.cx + nw + 8, g.sy - 24), (g.cx + 40, g.sy + 200),
               (g.cx - 40, g.sy + 200)], inner)
    for i in range(3):
        body.line((g.cx - nw - 6, g.sy - 16 + i * 8), (g.cx + nw + 6, g.sy - 16 + i * 8), dark(inner, 0.8), 1.4)
    lapels(body, g, main, depth=210, width=g.hw * 0.58)
    body.circle(g.cx + g.hw * 0.3, g.sy + 250, 6, dark(main, 0.55))
    body.circle(g.cx + g.hw * 0.3, g.sy + 310, 6, dark(main, 0.55))
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_overcoat(c, g, col):
    main = col["main"]
    body = body_layer(c, g, main)
    shirt_and_tie(body, g, col["shirt"], col["tie"], depth=120)
    lapels(body, g, main, depth=220, width=g.hw * 0.62)
    # scarf draped around the neck
    sc = col["scarf"]
    for side in (-1, 1):
        body.poly([(g.cx + side * 34, g.sy - 20), (g.cx + side * 58, g.sy - 8), (g.cx + side * 50, PH),
                   (g.cx + side * 22, PH)], sc, stroke=dark(sc, 0.6), sw=1.4)
        for k in range(6):
            y = g.sy + 30 + k * 50
            body.line((g.cx + side * 26, y), (g.cx + side * 52, y + 6), dark(sc, 0.7), 1.4)
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_apron(c, g, col):
    main, ap = col["main"], col["apron"]
    body = body_layer(c, g, main)
    nw = g.s.neck_w / 2
    body.poly(collar_v(g, 40, nw + 6), (236, 226, 210))
    body.poly(collar_v(g, 30, nw - 4), g.s.skin)
    for i in range(8):
        y = g.sy + 40 + i * 36
        for side in (-1, 1):
            body.line((g.cx + side * (g.hw - 60), y), (g.cx + side * (g.hw - 10), y + 8), dark(main, 0.78), 1.8)
    # apron bib with straps and pocket
    for side in (-1, 1):
        body.line((g.cx + side * (nw + 6), g.sy - 6), (g.cx + side * 66, g.sy + 110), ap, 10)
    body.poly([(g.cx - 70, g.sy + 100), (g.cx + 70, g.sy + 100), (g.cx + 96, PH), (g.cx - 96, PH)], ap,
              stroke=dark(ap, 0.6), sw=1.5)
    body.rect(g.cx - 50, g.sy + 170, 100, 60, dark(ap, 0.88), radius=6, stroke=dark(ap, 0.6), sw=1.2)
    for i in range(5):
        for k in range(3):
            body.circle(g.cx - 56 + i * 28, g.sy + 126 + k * 100, 4, rgba((255, 255, 255), 90))
    shade_body(c, body, g, main)
    c.paste(body)


def outfit_leather(c, g, col):
    main, inner = col["main"], col["inner"]
    body = body_layer(c, g, main)
    nw = g.s.neck_w / 2
    body.poly([(g.cx - nw - 8, g.sy - 24), (g.cx + nw + 8, g.sy - 24), (g.cx + 46, PH), (g.cx - 46, PH)], inner)
    body.rect(g.cx - nw - 6, g.sy - 26, 2 * nw + 12, 22, dark(inner, 0.85), radius=8)
    for k in range(6):
        body.line((g.cx - 30, g.sy + 20 + k * 8), (g.cx + 30, g.sy + 20 + k * 8), dark(inner, 0.9), 1.2)
    for side in (-1, 1):
        body.poly([(g.cx + side * (nw + 8), g.sy - 26), (g.cx + side * (nw + 60), g.sy + 10),
                   (g.cx + side * 90, g.sy + 80), (g.cx + side * 44, g.sy + 130), (g.cx + side * 40, g.sy + 40)],
                  light(main, 0.08), stroke=dark(main, 0.55), sw=1.8)
        body.line((g.cx + side * 46, g.sy + 130), (g.cx + side * 54, PH), dark(main, 0.6), 2)
    for k in range(5):  # leather sheen
        x = g.cx - g.hw + 50 + k * 10
        body.line((x, g.sy + 90 + k * 20), (x + 20, g.sy + 70 + k * 20), rgba((255, 230, 200), 50), 3)
    shade_body(c, body, g, main, 0.7)
    c.paste(body)


def outfit_robe(c, g, col):
    main = col["main"]
    body = body_layer(c, g, main)
    shirt_and_tie(body, g, col["shirt"], col["tie"], depth=90)
    nw = g.s.neck_w / 2
    for side in (-1, 1):
        body.poly([(g.cx + side * (nw + 6), g.sy - 16), (g.cx + side * (nw + 34), g.sy),
                   (g.cx + side * 10, g.sy + 110), (g.cx + side * 4, g.sy + 100)], (60, 50, 70),
                  stroke=(20, 18, 24), sw=1.4)
    for k in range(6):  # pleats
        x = g.cx + (k - 2.5) * 44
        body.line((x, g.sy + 130), (x + (k - 2.5) * 6, PH), light(main, 0.1), 2.5)
    shade_body(c, body, g, main, 0.6)
    c.paste(body)


OUTFITS = {
    "prison": outfit_prison, "padded": outfit_padded, "suit": outfit_suit, "officer": outfit_officer,
    "kidcoat": outfit_kidcoat, "pinkcoat": outfit_pinkcoat, "camel": outfit_camel, "overcoat": outfit_overcoat,
    "apron": outfit_apron, "leather": outfit_leather, "robe": outfit_robe,
}


# ---------------------------------------------------------------------------
# Hair styles: each returns (back_polys, front_polys) as lists of point lists
# ---------------------------------------------------------------------------
def hair_messy(g, rng):
    outer = []
    n = 34
    for i in range(n + 1):
        a = math.pi - 0.15 + (math.pi + 0.3) * i / n
        bump = 10 + (9 if i % 3 == 1 else 0) + rng.uniform(-2, 3)
        cy = g.top + g.H * 0.47
        outer.append((g.cx + (g.W / 2 + bump * 0.6) * math.cos(a), cy + (g.H * 0.48 + bump) * math.sin(a)))
    fringe = []
    y0 = g.top + g.H * 0.27
    xs = [g.cx + g.W * 0.5 - g.W * i / 12 for i in range(13)]
    for i, x in enumerate(xs):
        edge = abs(x - g.cx) / (g.W / 2)
        y = y0 + edge ** 3 * g.H * 0.2 + (12 if i % 2 else 0)
        fringe.append((x + (4 if i % 2 else 0), y))
    return [], [outer + fringe]


def hair_bob(g, rng):
    back = g.cranium(16, math.pi * 0.95, math.pi * 2.05, 30)
    back = [(g.cx - g.W / 2 - 16, g.top + g.H * 0.9)] + back + [(g.cx + g.W / 2 + 16, g.top + g.H * 0.9)]
    back += quad_bezier((g.cx + g.W / 2 + 16, g.top + g.H * 0.9), (g.cx, g.top + g.H * 0.98),
                        (g.cx - g.W / 2 - 16, g.top + g.H * 0.9), 12)
    cap = g.cranium(9, math.pi * 0.97, math.pi * 2.03, 30)
    bang_y = g.top + g.H * 0.42
    bangs = []
    for i in range(11):
        x = g.cx + g.W * 0.48 - g.W * 0.96 * i / 10
        bangs.append((x, bang_y + (6 if i % 2 else 0) + (abs(x - g.cx) / g.W) * 14))
    sides_r = [(g.cx + g.W / 2 + 10, g.top + g.H * 0.5), (g.cx + g.W / 2 + 4, g.top + g.H * 0.86),
               (g.cx + g.W * 0.38, g.top + g.H * 0.8), (g.cx + g.W * 0.42, g.top + g.H * 0.45)]
    front = cap + [(g.cx + g.W * 0.5, bang_y)] + bangs + [(g.cx - g.W * 0.5, bang_y)]
    return [back], [front, sides_r, mirror(sides_r)]


def hair_tied(g, rng):
    back = [(g.cx + g.W * 0.36, g.top + g.H * 0.5)] + quad_bezier(
        (g.cx + g.W * 0.45, g.top + g.H * 0.4), (g.cx + g.W * 0.9, g.top + g.H * 0.9),
        (g.cx + g.W * 0.62, g.top + g.H * 1.25), 12) + quad_bezier(
        (g.cx + g.W * 0.5, g.top + g.H * 1.22), (g.cx + g.W * 0.66, g.top + g.H * 0.9),
        (g.cx + g.W * 0.3, g.top + g.H * 0.62), 10)
    cap = g.cranium(7, math.pi * 0.98, math.pi * 2.02, 30)
    part = g.cx - g.W * 0.14
    line = quad_bezier((g.cx + g.W * 0.5, g.top + g.H * 0.44), (g.cx + g.W * 0.2, g.top + g.H * 0.18),
                       (part, g.top + g.H * 0.14), 10) + quad_bezier(
        (part, g.top + g.H * 0.14), (g.cx - g.W * 0.4, g.top + g.H * 0.2), (g.cx - g.W * 0.5, g.top + g.H * 0.44), 8)
    strand = [(g.cx - g.W * 0.5, g.top + g.H * 0.4), (g.cx - g.W * 0.42, g.top + g.H * 0.42),
              (g.cx - g.W * 0.44, g.top + g.H * 0.7), (g.cx - g.W * 0.5, g.top + g.H * 0.78)]
    return [back], [cap + line, strand, mirror(strand)]


def hair_shaved(g, rng):
    return [], []  # drawn as stubble tint (see draw_hair)


def hair_side_part(g, rng, extra=9, part=0.22, hairline=0.2, sideburn=0.5):
    cap = g.cranium(extra, math.pi * 0.98, math.pi * 2.02, 30)
    p = g.cx + g.W * part
    # swoop: volume on the larger side
    swoop = quad_bezier((g.cx + g.W * 0.5, g.top + g.H * sideburn), (g.cx + g.W * 0.42, g.top + g.H * 0.26),
                        (p, g.top + g.H * hairline), 8)
    swoop += quad_bezier((p, g.top + g.H * hairline), (g.cx - g.W * 0.1, g.top + g.H * (hairline + 0.16)),
                         (g.cx - g.W * 0.5, g.top + g.H * sideburn * 0.9), 12)
    return [], [cap + swoop]


def hair_neat(g, rng):
    return hair_side_part(g, rng, extra=6, part=-0.2, hairline=0.17, sideburn=0.46)


def hair_slick(g, rng):
    cap = g.cranium(6, math.pi * 0.98, math.pi * 2.02, 30)
    line = quad_bezier((g.cx + g.W * 0.5, g.top + g.H * 0.46), (g.cx + g.W * 0.3, g.top + g.H * 0.1),
                       (g.cx, g.top + g.H * 0.14), 10) + quad_bezier(
        (g.cx, g.top + g.H * 0.14), (g.cx - g.W * 0.3, g.top + g.H * 0.1), (g.cx - g.W * 0.5, g.top + g.H * 0.46), 10)
    return [], [cap + line]


def hair_crop(g, rng):
    cy = g.top + g.H * 0.47
    pts = []
    for i in range(31):
        a = math.pi * 0.98 + math.pi * 1.04 * i / 30
        x = g.cx + (g.W / 2 + 8) * math.cos(a)
        y = cy + (g.H * 0.48 + 18) * math.sin(a)
        pts.append((x, max(y, g.top - 8)))
    line = [(g.cx + g.W * 0.5, g.top + g.H * 0.42), (g.cx + g.W * 0.38, g.top + g.H * 0.22),
            (g.cx - g.W * 0.38, g.top + g.H * 0.22), (g.cx - g.W * 0.5, g.top + g.H * 0.42)]
    return [], [pts + line]


def hair_spiky(g, rng):
    cy = g.top + g.H * 0.47
    pts = []
    n = 26
    for i in range(n + 1):
        a = math.pi * 0.98 + math.pi * 1.04 * i / n
        r = 10 + (26 if i % 2 else 0) * (0.4 + 0.6 * abs(math.sin(a)))
        pts.append((g.cx + (g.W / 2 + r * 0.7) * math.cos(a), cy + (g.H * 0.48 + r) * math.sin(a)))
    fringe = []
    for i in range(9):
        x = g.cx + g.W * 0.48 - g.W * 0.96 * i / 8
        y = g.top + g.H * (0.24 + (0.1 if i % 2 else 0)) + (abs(x - g.cx) / g.W) * 20
        fringe.append((x, y))
    return [], [pts + fringe]


def hair_old(g, rng):
    puffs = []
    for side in (-1, 1):
        outer = g.cranium(9, math.pi * 0.96, math.pi * 1.22, 10)
        inner = g.cranium(-6, math.pi * 0.96, math.pi * 1.22, 10)
        tuft = [(x + (4 if i % 2 else 0), y) for i, (x, y) in enumerate(outer)] + inner[::-1]
        puffs.append(tuft if side < 0 else mirror(tuft))
    strands = g.cranium(3, math.pi * 1.15, math.pi * 1.85, 20)
    strands += [(x, y + 10) for x, y in reversed(strands)]
    return [], puffs + [strands]


def hair_cap(g, rng):
    side = [(g.cx - g.W * 0.5, g.top + g.H * 0.5), (g.cx - g.W * 0.52, g.top + g.H * 0.3),
            (g.cx - g.W * 0.4, g.top + g.H * 0.3), (g.cx - g.W * 0.44, g.top + g.H * 0.5)]
    return [], [side, mirror(side)]


def hair_greying(g, rng):
    return hair_side_part(g, rng, extra=7, part=0.2, hairline=0.16, sideburn=0.5)


def hair_pigtails(g, rng):
    back = []
    for side in (-1, 1):
        x = g.cx + side * (g.W * 0.56)
        tail = [(x, g.top + g.H * 0.34)] + quad_bezier(
            (x + side * 14, g.top + g.H * 0.3), (x + side * 64, g.top + g.H * 0.55), (x + side * 30, g.top + g.H * 1.0),
            10) + quad_bezier((x + side * 14, g.top + g.H * 0.95), (x + side * 26, g.top + g.H * 0.6),
                              (x - side * 6, g.top + g.H * 0.46), 8)
        back.append(tail)
    cap = g.cranium(8, math.pi * 0.97, math.pi * 2.03, 30)
    bang_y = g.top + g.H * 0.4
    bangs = []
    for i in range(9):
        x = g.cx + g.W * 0.48 - g.W * 0.96 * i / 8
        bangs.append((x, bang_y + (8 if i % 2 else 0) + (abs(x - g.cx) / g.W) * 30))
    return back, [cap + bangs]


def hair_perm(g, rng):
    back, front = [], []
    cy = g.top + g.H * 0.45
    for i in range(16):
        a = math.pi * 0.85 + math.pi * 1.3 * i / 15
        r = 20 + rng.uniform(0, 6)
        back.append(ellipse_pts(g.cx + (g.W / 2 + 6) * math.cos(a), cy + (g.H * 0.48 + 6) * math.sin(a), r, r, 16))
    for side in (-1, 1):
        for k in range(3):
            back.append(ellipse_pts(g.cx + side * (g.W * 0.55 + k * 4), g.top + g.H * (0.55 + k * 0.14), 20, 20, 16))
    for i in range(9):
        x = g.cx - g.W * 0.42 + g.W * 0.84 * i / 8
        y = g.top + g.H * 0.16 + abs(x - g.cx) / g.W * 40
        front.append(ellipse_pts(x, y, 17, 15, 16))
    front.append(g.cranium(4, math.pi * 1.05, math.pi * 1.95, 20) + [(g.cx, g.top + g.H * 0.2)])
    return back, front


HAIR = {
    "messy": hair_messy, "bob": hair_bob, "tied": hair_tied, "shaved": hair_shaved, "side_part": hair_side_part,
    "neat": hair_neat, "slick": hair_slick, "crop": hair_crop, "spiky": hair_spiky, "old": hair_old,
    "cap": hair_cap, "greying": hair_greying, "pigtails": hair_pigtails, "perm": hair_perm,
}


def draw_hair_layer(c, polys, col):
    lay = c.layer()
    for p in polys:
        lay.poly(p, col)
    return lay


def hair_shine(c, g, hair_lay, col):
    """Webtoon-style highlight arc across the crown plus a shadow side."""
    sh = c.layer()
    arc = g.cranium(-g.W * 0.12, math.pi * 1.2, math.pi * 1.55, 14)
    sh.tapered(arc, rgba(light(col, 0.35), 150), 3, 8)
    sh.poly([(g.cx + g.W * 0.2, 0), (PW, 0), (PW, PH), (g.cx + g.W * 0.3, PH)], rgba(dark(col, 0.7), 110))
    for k in range(5):  # a few strand lines for texture
        x = g.cx - g.W * 0.3 + k * g.W * 0.14
        sh.lines(quad_bezier((x, g.top - 4), (x + g.W * 0.12, g.top + g.H * 0.12), (x + g.W * 0.06, g.top + g.H * 0.3),
                             8), rgba(dark(col, 0.6), 120), 1.6)
    sh.clip_to(hair_lay)
    hair_lay.paste(sh)


# ---------------------------------------------------------------------------
# Face features
# ---------------------------------------------------------------------------
def eye_shape(g, ex, ey, side, p):
    s = g.s
    ew, eh = s.eye_w, s.eye_h * p["open"]
    top, bot = [], []
    n = 14
    lid_in, lid_out = p["lid"]
    for i in range(n + 1):
        u = i / n
        x = ex - side * ew + side * 2 * ew * u
        tilt = -s.eye_tilt * u
        t = ey + tilt - eh * math.sin(math.pi * u) ** 0.7
        b = ey + tilt + eh * (0.75 - p["lower"]) * math.sin(math.pi * u) ** 1.1
        lid = ey + tilt - eh + (lid_in * (1 - u) + lid_out * u) * 2 * eh
        t = min(max(t, lid), b - 0.5)
        top.append((x, t))
        bot.append((x, b))
    return top, bot


def draw_eye(c, g, side, p):
    s = g.s
    ex, ey = g.cx + side * g.eye_dx, g.eye_y
    ew, eh = s.eye_w, s.eye_h
    if p["eye"] == "arc_up":
        pts = [(ex - ew + 2 * ew * i / 12, ey + eh * 0.1 - eh * 0.85 * math.sin(math.pi * i / 12)) for i in range(13)]
        c.tapered(pts, INK, 3.5, 3.5)
        return
    top, bot = eye_shape(g, ex, ey, side, p)
    white = c.layer()
    white.poly(top + bot[::-1], (250, 248, 244))
    iris = c.layer()
    ir = eh * p["open"] * s.iris * p["iris"] * (1.0 if p["eye"] != "wide" else 0.9)
    ir = max(ir, 4)
    ix, iy = ex + p["look"][0] - side * 0.5, ey + p["look"][1] + (1 if not s.kid else 0)
    iris.circle(ix, iy, ir, s.iris_col)
    iris.circle(ix, iy + ir * 0.2, ir * 0.78, dark(s.iris_col, 0.55))
    iris.circle(ix, iy - ir * 0.55, ir * 0.7, rgba((0, 0, 0), 40))
    iris.circle(ix - ir * 0.38, iy - ir * 0.38, max(1.8, ir * 0.3), (255, 255, 255))
    if s.kid or p["gloss"]:
        iris.circle(ix + ir * 0.35, iy + ir * 0.35, max(1.2, ir * 0.15), (255, 255, 255))
    if p["gloss"]:
        iris.ellipse(ix, iy + ir * 0.6, ir * 0.6, ir * 0.2, rgba((200, 230, 255), 160))
    # upper-lid shadow on the eyeball
    iris.lines(top, rgba((120, 90, 90), 70), 4)
    iris.clip_to(white)
    white.paste(iris)
    c.paste(white)
    # lash line (thicker towards the outer corner)
    c.tapered(top, INK, 2.2, 4.2 if s.lashes else 3.2)
    if s.lashes:
        ox, oy = top[-1]
        c.line((ox, oy), (ox + side * 5, oy - 4), INK, 2)
    c.lines(bot[4:12], rgba(dark(s.skin, 0.55), 150), 1.3)
    if p["lower"] > 0:
        c.lines([(x, y + 5) for x, y in bot[3:12]], rgba(dark(s.skin, 0.8), 110), 1.5)


def draw_brow(c, g, side, p):
    s = g.s
    ex = g.cx + side * g.eye_dx
    by = g.brow_y
    inner = (ex - side * s.brow_w * 0.5, by + p["brow"][0])
    outer = (ex + side * s.brow_w * 0.55, by + p["brow"][1] + 2)
    mid = ((inner[0] + outer[0]) / 2, (inner[1] + outer[1]) / 2 - 4 - p["arch"])
    pts = quad_bezier(inner, mid, outer, 10)
    col = dark(s.hair_col, 0.9) if sum(s.hair_col) < 400 else (150, 146, 142)
    c.tapered(pts, col, s.brow_t, s.brow_t * 0.5)


def mouth_curve(g, p, mw, c_amt):
    k = mw * 0.32
    return [(g.cx - mw / 2 + mw * i / 12, g.mouth_y - c_amt * k * (2 * i / 12 - 1) ** 2 + c_amt * k * 0.3)
            for i in range(13)]


def draw_mouth(c, g, p):
    s = g.s
    mw = s.mouth_w
    my = g.mouth_y
    lip = dark(s.skin, 0.72)
    kind = p["mouth"]
    if kind in ("line", "smile", "flat", "frown"):
        amt = {"line": p["curve"], "smile": p["curve"], "flat": p["curve"], "frown": -p["curve"]}[kind]
        w = mw * (1.0 if kind != "smile" else 1.1)
        pts = mouth_curve(g, p, w, amt)
        c.tapered(pts[:7], LINE, 2.4, 3.2)
        c.tapered(pts[6:], LINE, 3.2, 2.4)
        c.lines([(g.cx - mw * 0.18, my + 9), (g.cx + mw * 0.18, my + 9)], rgba(lip, 150), 2.2)
        if kind == "smile" and p["curve"] > 0.3:
            for side in (-1, 1):
                x, y = pts[0 if side < 0 else -1]
                c.lines(quad_bezier((x + side * 3, y - 5), (x + side * 6, y), (x + side * 3, y + 5), 5),
                        rgba(lip, 170), 1.5)
        return
    if kind == "tremble":  # closed, downturned, wavering: holding back tears
        w = mw * 0.92
        pts = mouth_curve(g, p, w, -p["curve"])
        pts = [(x, y + 1.3 * math.sin(i * math.pi / 3)) for i, (x, y) in enumerate(pts)]
        c.tapered(pts[:7], LINE, 2.6, 3.4)
        c.tapered(pts[6:], LINE, 3.4, 2.6)
        c.lines(quad_bezier((g.cx - mw * 0.2, my + 10), (g.cx, my + 7), (g.cx + mw * 0.2, my + 10), 6),
                rgba(lip, 170), 2.2)
        return
    mouth = c.layer()
    if kind == "wince":  # clenched, pulled down at the corners
        w = mw * 1.0
        shape = [(g.cx - w / 2, my + 7), (g.cx - w / 3, my - 2), (g.cx + w / 3, my - 2), (g.cx + w / 2, my + 7),
                 (g.cx + w / 3, my + 8), (g.cx - w / 3, my + 8)]
    elif kind == "open_smile":  # a gentle smile with the lips just parted, not a laugh
        w = mw * 0.95
        top = [(g.cx - w / 2 + w * i / 12, my - 2 - 0.12 * w * (2 * i / 12 - 1) ** 2) for i in range(13)]
        bot = [(g.cx - w / 2 + w * i / 12, my - 2 + w * 0.24 * math.sin(math.pi * i / 12) ** 1.2)
               for i in range(13)]
        shape = top + bot[::-1]
    elif kind == "O":
        shape = ellipse_pts(g.cx, my + 3, mw * 0.2, mw * 0.28, 28)
    elif kind == "open_small":
        shape = ellipse_pts(g.cx, my + 2, mw * 0.32, mw * 0.17, 28)
    elif kind == "grit":
        w = mw * 1.05
        shape = [(g.cx - w / 2, my + 2), (g.cx - w / 3, my - 5), (g.cx + w / 3, my - 5), (g.cx + w / 2, my + 2),
                 (g.cx + w / 3, my + 9), (g.cx - w / 3, my + 9)]
    else:  # wobble (scared): small open wavy mouth
        w = mw * 0.9
        top = [(g.cx - w / 2 + w * i / 12, my + 2 * math.sin(i * math.pi / 3)) for i in range(13)]
        bot = [(x, y + 6 * math.sin(math.pi * i / 12)) for i, (x, y) in enumerate(top)]
        shape = top + bot[::-1]
    mouth.poly(shape, (110, 44, 54))
    inner = c.layer()
    if kind == "wince":
        inner.rect(g.cx - mw, my - 8, 2 * mw, 20, (250, 248, 240))
        inner.line((g.cx - mw, my + 3), (g.cx + mw, my + 3), (150, 130, 130), 1.4)
    elif kind == "grit":
        inner.rect(g.cx - mw, my - 8, 2 * mw, 20, (250, 248, 240))
        inner.line((g.cx - mw, my + 2), (g.cx + mw, my + 2), (150, 130, 130), 1.4)
        for k in range(-2, 3):
            inner.line((g.cx + k * mw * 0.16, my - 6), (g.cx + k * mw * 0.16, my + 10), (190, 170, 170), 1.2)
    else:
        inner.ellipse(g.cx, my + mw * 0.4, mw * 0.3, mw * 0.2, (228, 116, 120))
        if kind == "open_smile":
            inner.rect(g.cx - mw, my - 12, 2 * mw, 12, (252, 250, 246))
    inner.clip_to(mouth)
    mouth.paste(inner)
    c.paste(mouth)
    c.lines(shape + [shape[0]], LINE, 2.0)


def draw_nose(c, g):
    s = g.s
    ny = g.nose_y
    col = rgba(dark(s.skin, 0.68), 200)
    if s.nose == "tiny":
        c.ellipse(g.cx + 2, ny, 3.5, 2.5, rgba(dark(s.skin, 0.75), 160))
        return
    w = {"small": 8, "round": 11, "broad": 13, "long": 9}[s.nose]
    top = ny - (26 if s.nose == "long" else 18)
    c.lines(quad_bezier((g.cx + 4, top), (g.cx + w + 2, ny - 4), (g.cx + w * 0.5, ny + 2), 8), col, 2)
    c.lines(quad_bezier((g.cx - w * 0.9, ny - 1), (g.cx - w * 0.3, ny + 5), (g.cx + w * 0.4, ny + 2), 8), col, 2)
    c.ellipse(g.cx - 3, ny - 8, 4, 6, rgba((255, 255, 255), 60))


def draw_extras_face(c, g, p):
    s = g.s
    blush_a = 0
    if "blush" in s.extras:
        blush_a = 70
    if "blush_light" in s.extras or "cheeks" in s.extras:
        blush_a = 40
    if p["blush"]:
        blush_a += 50
    if blush_a:
        for side in (-1, 1):
            c.ellipse(g.cx + side * (g.eye_dx + 6), g.eye_y + s.eye_h + 18, 20, 10, rgba((240, 120, 120), blush_a))
    if "wrinkles" in s.extras or "wrinkles_light" in s.extras:
        a = 150 if "wrinkles" in s.extras else 90
        wc = rgba(dark(s.skin, 0.7), a)
        for k in range(2 if "wrinkles" in s.extras else 1):
            y = g.top + g.H * (0.26 + k * 0.06)
            c.lines(quad_bezier((g.cx - 30, y + 3), (g.cx, y - 3), (g.cx + 30, y + 3), 8), wc, 1.6)
        for side in (-1, 1):
            x = g.cx + side * (g.eye_dx + s.eye_w + 4)
            c.line((x, g.eye_y - 2), (x + side * 8, g.eye_y - 5), wc, 1.4)
            c.line((x, g.eye_y + 3), (x + side * 8, g.eye_y + 5), wc, 1.4)
            c.lines(quad_bezier((g.cx + side * 16, g.nose_y - 2), (g.cx + side * 26, g.nose_y + 14),
                                (g.cx + side * 24, g.mouth_y + 6), 8), wc, 1.6)
    if "stubble" in s.extras:
        st = c.layer()
        jaw = [(g.cx - g.W * 0.5, g.top + g.H * 0.74)] + quad_bezier(
            (g.cx - g.W * 0.3, g.mouth_y - 8), (g.cx, g.mouth_y - 22), (g.cx + g.W * 0.3, g.mouth_y - 8), 10) + \
            [(g.cx + g.W * 0.5, g.top + g.H * 0.74), (g.cx + g.W * 0.5, g.chin + 10), (g.cx - g.W * 0.5, g.chin + 10)]
        st.poly(jaw, rgba((70, 60, 70), 26))
        return st
    return None


def draw_extras_front(c, g, p):
    s = g.s
    if "scar" in s.extras:
        x0, y0 = g.cx - g.eye_dx - 12, g.brow_y - 18
        x1, y1 = g.cx - g.eye_dx + 6, g.eye_y + 30
        c.line((x0, y0), (x1, y1), (178, 118, 106), 2.4)
        for k in range(1, 4):
            t = k / 4
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            c.line((x - 4, y + 1), (x + 4, y - 1), (170, 112, 100), 1.3)
    if "beard" in s.extras:
        my = g.mouth_y
        c.poly([(g.cx - 16, my + 12), (g.cx + 16, my + 12), (g.cx + 8, g.chin + 30), (g.cx, g.chin + 40),
                (g.cx - 8, g.chin + 30)], (232, 230, 224), stroke=(190, 186, 180), sw=1.2)
        for side in (-1, 1):
            c.tapered(quad_bezier((g.cx + side * 4, my - 9), (g.cx + side * 20, my - 8), (g.cx + side * 28, my + 6), 8),
                      (236, 234, 228), 5, 1.5)
    if "glasses" in s.extras or "glasses_half" in s.extras:
        half = "glasses_half" in s.extras
        fr = (60, 56, 60) if not half else (150, 120, 70)
        for side in (-1, 1):
            ex = g.cx + side * g.eye_dx
            top = g.eye_y - (s.eye_h + 6 if not half else 2)
            h = (s.eye_h * 2 + 12) if not half else s.eye_h + 10
            c.rect(ex - s.eye_w - 8, top, 2 * s.eye_w + 16, h, rgba((220, 236, 250), 50), radius=8)
            c.rect(ex - s.eye_w - 8, top, 2 * s.eye_w + 16, h, rgba(fr, 0), radius=8, stroke=fr, sw=2.4)
            c.line((ex - s.eye_w * 0.4, top + 4), (ex - s.eye_w * 0.9, top + h - 4), rgba((255, 255, 255), 110), 2)
            c.line((ex + side * (s.eye_w + 8), top + 5), (g.cx + side * g.W * 0.5, top + 2), fr, 2.2)
        c.lines(quad_bezier((g.cx - g.eye_dx + s.eye_w + 8, g.eye_y - 2), (g.cx, g.eye_y - 8),
                            (g.cx + g.eye_dx - s.eye_w - 8, g.eye_y - 2), 6), fr, 2.2)
    if p["furrow"]:
        for side in (-1, 1):
            c.line((g.cx + side * 4, g.brow_y - 2), (g.cx + side * 7, g.brow_y + 10), rgba(dark(s.skin, 0.6), 200), 1.6)
    if p["sweat"]:
        x, y = g.cx + g.W * 0.44, g.top + g.H * 0.3
        c.poly([(x, y)] + ellipse_pts(x, y + 14, 6, 7, 16, -0.2, math.pi + 0.2), (200, 230, 250),
               stroke=(110, 150, 190), sw=1.4)
        c.circle(x - 2, y + 13, 1.8, (255, 255, 255))
    if p["streams"]:
        draw_streams(c, g)
    if p["tears"]:
        for side in (-1, 1):
            x = g.cx + side * (g.eye_dx + s.eye_w * 0.4)
            y = g.eye_y + s.eye_h * 0.7
            c.tapered([(x, y), (x + side * 1, y + 14), (x + side * 2, y + 28)], rgba((200, 230, 255), 200), 3, 5)
            c.circle(x + side * 2, y + 30, 4.2, rgba((210, 236, 255), 230))
            c.circle(x + side * 2 - 1, y + 29, 1.4, (255, 255, 255))


def draw_streams(c, g):
    """Tears welling on the lower lids and running down both cheeks (reads at thumbnail size)."""
    s = g.s
    for side in (-1, 1):
        ex = g.cx + side * g.eye_dx
        c.lines([(ex - s.eye_w * 0.8, g.eye_y + s.eye_h * 0.45), (ex, g.eye_y + s.eye_h * 0.7),
                 (ex + s.eye_w * 0.8, g.eye_y + s.eye_h * 0.45)], rgba((190, 226, 255), 210), 3)
        x, y = ex + side * s.eye_w * 0.35, g.eye_y + s.eye_h * 0.6
        y1 = g.mouth_y + 6
        pts = quad_bezier((x, y), (x + side * 8, (y + y1) / 2), (x + side * 4, y1), 10)
        c.tapered(pts, rgba((110, 160, 210), 150), 6, 9)
        c.tapered(pts, rgba((205, 234, 255), 235), 4, 6.5)
        c.circle(pts[-1][0], pts[-1][1] + 2, 5, rgba((205, 234, 255), 240), stroke=rgba((110, 160, 210), 170), sw=1.2)
        c.line((x - side * 0.5, y + 6), (x + side * 2, y + 22), rgba((255, 255, 255), 220), 1.5)


def draw_hug(c, g, sleeve):
    """The girl hugging the yellow backpack up to her cheek (the 'backpack' portrait).

    Held high, because in play the text box covers a child portrait below the chin."""
    lay = c.layer()
    S.backpack(lay, PW / 2, PH / 2, 0.82, shadow=False, shine=False)
    bx, by = g.cx + g.W * 0.72, g.top + g.H * 0.92
    c.paste_rotated(lay, bx, by, 14)
    skin = g.s.skin
    for hx, hy in ((bx - 62, by + 6), (bx - 40, by + 52)):  # her hands on the pack, fingers curled over it
        c.ellipse(hx, hy, 15, 13, skin, stroke=dark(skin, 0.62), sw=1.6)
        for k in range(3):
            c.line((hx - 2 + k * 5, hy - 9), (hx + 2 + k * 5, hy - 3), dark(skin, 0.7), 1.3)
        c.ellipse(hx - 14, hy + 10, 12, 9, light(sleeve, 0.5), stroke=dark(sleeve, 0.6), sw=1.2)  # cuff


def draw_cap(c, g, col):
    capc = col.get("cap", (40, 50, 74))
    y_band = g.top + g.H * 0.24
    crown = [(g.cx - g.W * 0.54, y_band), (g.cx - g.W * 0.62, g.top - 6), (g.cx - g.W * 0.3, g.top - 26),
             (g.cx + g.W * 0.3, g.top - 26), (g.cx + g.W * 0.62, g.top - 6), (g.cx + g.W * 0.54, y_band)]
    c.poly(crown, capc, stroke=dark(capc, 0.6), sw=1.6)
    c.poly([(g.cx - g.W * 0.62, g.top - 6), (g.cx - g.W * 0.3, g.top - 26), (g.cx - g.W * 0.1, g.top - 26),
            (g.cx - g.W * 0.3, y_band)], rgba(light(capc, 0.25), 120))
    c.rect(g.cx - g.W * 0.55, y_band - 16, g.W * 1.1, 18, dark(capc, 0.6), radius=3)
    if col.get("gold"):
        c.line((g.cx - g.W * 0.5, y_band - 8), (g.cx + g.W * 0.5, y_band - 8), (226, 186, 86), 2)
    c.poly(quad_bezier((g.cx - g.W * 0.5, y_band), (g.cx, y_band + 30), (g.cx + g.W * 0.5, y_band), 12),
           (24, 24, 30))
    badge = (226, 186, 86) if col.get("gold") else (200, 206, 214)
    c.circle(g.cx, g.top - 2, 12, badge, stroke=dark(badge, 0.6), sw=1.2)
    c.circle(g.cx, g.top - 2, 5, dark(badge, 0.75))


# ---------------------------------------------------------------------------
# Whole portrait
# ---------------------------------------------------------------------------
def draw_face(c, g, p, rng, front_hair):
    s = g.s
    head = c.layer()
    # ears
    for side in (-1, 1):
        ex = g.cx + side * (g.half_width(s.eye_v + 0.05) - 3)
        head.ellipse(ex + side * 4, g.eye_y + 12, 12, 20, s.skin)
        head.ellipse(ex + side * 5, g.eye_y + 13, 5, 11, dark(s.skin, 0.85))
    head.poly(g.head_pts(), s.skin)
    face_mask = c.layer()
    face_mask.poly(g.head_pts(), (255, 255, 255))
    stubble = draw_extras_face(head, g, p)
    if stubble:
        stubble.clip_to(face_mask)
        head.paste(stubble)
    if s.hair == "shaved":
        st = c.layer()
        st.poly(g.cranium(2, math.pi * 0.95, math.pi * 2.05, 30) +
                [(g.cx + g.W * 0.45, g.top + g.H * 0.3), (g.cx, g.top + g.H * 0.22),
                 (g.cx - g.W * 0.45, g.top + g.H * 0.3)], rgba(s.hair_col, 120))
        st.clip_to(face_mask)
        head.paste(st)
    draw_nose(head, g)
    for side in (-1, 1):
        draw_eye(head, g, side, p)
        draw_brow(head, g, side, p)
    draw_mouth(head, g, p)
    # shading: side shadow, cast shadow of the front hair, soft cheek light
    sh = c.layer()
    sh.ellipse(g.cx + g.W * 0.95, g.top + g.H * 0.55, g.W * 0.6, g.H * 0.75, rgba(dark(s.skin, 0.62), 120))
    for poly in front_hair:
        sh.poly([(x + 4, y + 8) for x, y in poly], rgba(dark(s.skin, 0.55), 110))
    sh.glow(g.cx - g.W * 0.22, g.top + g.H * 0.45, g.W * 0.35, (255, 246, 236), alpha=60, add=False)
    sh.clip_to(head)
    head.paste(sh)
    c.paste(head)


def render(cid, expr):
    s = CHARS[cid]
    p = expr_params(expr)
    rng = rng_for(cid.replace("_prison", ""))
    g = Geo(s)
    c = Canvas(PW, PH, ss=2, alpha=True)
    back, front = HAIR[s.hair](g, rng)
    if back:
        lay = draw_hair_layer(c, back, dark(s.hair_col, 0.85))
        c.paste(lay)
    draw_neck(c, g)
    OUTFITS[s.outfit](c, g, s.colors)
    draw_face(c, g, p, rng, front)
    if front:
        lay = draw_hair_layer(c, front, s.hair_col)
        hair_shine(c, g, lay, s.hair_col)
        if s.hair == "greying":
            grey = c.layer()
            for side in (-1, 1):
                for k in range(4):
                    x = g.cx + side * (g.W * 0.5 - k * 5)
                    grey.lines(quad_bezier((x, g.top + g.H * 0.52), (x - side * 6, g.top + g.H * 0.35),
                                           (x - side * 18, g.top + g.H * 0.22), 8), (150, 148, 150), 3)
            grey.clip_to(lay)
            lay.paste(grey)
        c.paste(lay)
    if s.hair == "cap":
        draw_cap(c, g, s.colors)
    if s.hair in ("bob", "pigtails"):
        for side in (-1, 1):  # hair clip / ties
            if s.hair == "bob" and side < 0:
                c.rect(g.cx - g.W * 0.38, g.top + g.H * 0.3, 26, 9, (240, 120, 150), radius=4)
            if s.hair == "pigtails":
                x = g.cx + side * g.W * 0.6
                c.circle(x, g.top + g.H * 0.36, 9, (240, 90, 130))
                c.circle(x + side * 8, g.top + g.H * 0.33, 7, (240, 90, 130))
    draw_extras_front(c, g, p)
    if p["hug"]:
        draw_hug(c, g, s.colors["main"])
    surf = c.finish()
    finish_portrait(surf)
    return surf


def finish_portrait(surf, rim_col=(255, 236, 210), out_col=(46, 34, 42)):
    """Warm rim light on the right edge and a soft dark outline."""
    a = pygame.surfarray.pixels_alpha(surf).astype(np.int16)
    rgb = pygame.surfarray.pixels3d(surf)
    # rim: pixels whose neighbour 4px to the right is transparent
    shifted = np.zeros_like(a)
    shifted[:-4, :] = a[4:, :]
    rim = np.clip(a - shifted, 0, 255).astype(np.float32) / 255.0 * 0.35
    rim[:, PH - 40:] *= 0.0
    rgb[:] = (rgb * (1 - rim[..., None]) + np.array(rim_col, np.float32) * rim[..., None]).astype(np.uint8)
    # outline: dilate alpha by 2px
    d = a.copy()
    pad = np.pad(a, 2)
    w, h = a.shape
    for dx, dy in ((-2, 0), (2, 0), (0, -2), (0, 2), (-1, -1), (1, 1), (-1, 1), (1, -1)):
        d = np.maximum(d, pad[2 + dx:2 + dx + w, 2 + dy:2 + dy + h])
    edge = (d > a)
    t = (a / 255.0)[..., None]
    out = np.array(out_col, np.float32)
    rgb[:] = np.where(edge[..., None], (rgb * t + out * (1 - t)).astype(np.uint8), rgb)
    del rgb
    pa = pygame.surfarray.pixels_alpha(surf)
    pa[:] = d.astype(np.uint8)
    pa[:, PH - 1] = pa[:, PH - 2]
    del pa
