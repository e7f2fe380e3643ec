"""Night Ferry's cast, 480x640 RGBA, built with Cell 7's portrait construction (characters.py) and
finished in the example story's own print style.

Captain Odile has two outfits, so her portrait is two layers: ``odile_outfit_<outfit>.png`` (back hair,
neck and clothes) and ``odile_<expression>.png`` (the head alone, transparent elsewhere) drawn on top.
Aurel has one outfit and is a single picture per expression.
"""
from dataclasses import replace

from . import characters as C
from .common import Canvas, dark, light, quad_bezier, rgba, rng_for
from .example_style import INK, cool_rim, step_colours

ODILE = C.Spec(skin=(232, 196, 164), head_w=144, head_h=182, top=86, jaw=0.26, chin_k=3.2, eye_w=13, eye_h=8.5,
               iris=0.72, eye_tilt=1.0, lashes=True, iris_col=(60, 84, 96), brow_w=30, brow_t=5, brow_gap=12,
               mouth_w=34, nose="long", hair="tied", hair_col=(150, 142, 136), sw=330, neck_w=54,
               outfit="oilskin", colors={}, extras=("wrinkles_light",))
AUREL = C.Spec(skin=(236, 200, 170), head_w=146, head_h=184, top=96, jaw=0.24, chin_k=2.6, eye_w=12, eye_h=7.5,
               iris=0.72, iris_col=(70, 96, 120), brow_w=30, brow_t=5.5, mouth_w=34, nose="long", hair="old",
               hair_col=(232, 230, 224), sw=300, neck_w=52, outfit="camel",
               colors={"main": (58, 76, 70), "inner": (206, 190, 156)}, extras=("wrinkles", "glasses_half"))

# the story's expression names -> the shared expression parameters they are drawn with
ODILE_FACES = {"stern": "stern", "soft": "kind", "sad": "sad", "laugh": "happy"}
AUREL_FACES = {"neutral": "neutral", "smile": "smile", "sad": "sad", "tearful": "tearful"}


# ---------------------------------------------------------------------------
# Odile's two outfits
# ---------------------------------------------------------------------------
def outfit_oilskin(c, g, col):
    """A wet yellow-ochre oilskin coat, collar turned up, poppers down the front, rain running off it."""
    main = (196, 150, 52)
    body = C.body_layer(c, g, main)
    nw = g.s.neck_w / 2
    body.poly([(g.cx - nw - 4, g.sy - 20), (g.cx + nw + 4, g.sy - 20), (g.cx + 24, g.sy + 60), (g.cx - 24, g.sy + 60)],
              INK["navy"])  # the jersey under it
    for side in (-1, 1):  # the turned-up collar
        body.poly([(g.cx + side * (nw + 2), g.sy - 46), (g.cx + side * (nw + 52), g.sy - 14),
                   (g.cx + side * 46, g.sy + 70), (g.cx + side * 18, g.sy + 64)],
                  light(main, 0.12), stroke=dark(main, 0.55), sw=1.8)
    body.line((g.cx + 18, g.sy + 66), (g.cx + 14, C.PH), dark(main, 0.55), 3)
    for i in range(5):
        body.circle(g.cx + 30, g.sy + 100 + i * 56, 5, dark(main, 0.5))
    for side in (-1, 1):  # flap pockets
        px = g.cx + side * g.hw * 0.5
        body.rect(px - 44, g.sy + 250, 88, 18, dark(main, 0.8), radius=4, stroke=dark(main, 0.55), sw=1.2)
    rng = rng_for("odile_oilskin")
    for _ in range(40):  # wet sheen: short light streaks running down
        x = g.cx + rng.uniform(-g.hw, g.hw)
        y = g.sy + rng.uniform(20, 380)
        body.line((x, y), (x - 2, y + rng.uniform(10, 30)), rgba(light(main, 0.6), 110), 1.6)
    C.shade_body(c, body, g, main, 0.7)
    c.paste(body)


def outfit_uniform(c, g, col):
    """The old navy master's jacket: lapels, brass buttons, a white shirt, epaulettes with four stripes."""
    main = (34, 46, 76)
    body = C.body_layer(c, g, main)
    C.shirt_and_tie(body, g, (226, 226, 218), (30, 30, 44), depth=120)
    C.lapels(body, g, main, depth=150, width=g.hw * 0.5)
    gold = (214, 168, 80)
    for side in (-1, 1):
        x = g.cx + side * (g.hw - 44)
        body.poly([(x - 36, g.sy + 12), (x + 36, g.sy + 22), (x + 36, g.sy + 40), (x - 36, g.sy + 30)],
                  dark(main, 0.8), stroke=dark(main, 0.5), sw=1.2)
        for k in range(4):  # a master's four stripes
            xx = x - 24 + k * 14
            body.line((xx, g.sy + 16 + k * 2.8), (xx + 4, g.sy + 34 + k * 2.8), gold, 3)
    for i in range(3):
        for side in (-1, 1):
            body.circle(g.cx + side * 40, g.sy + 190 + i * 62, 6, gold, stroke=dark(gold, 0.6), sw=1)
    # the ship's badge on the breast: a little gold anchor
    bx, by = g.cx + g.hw * 0.42, g.sy + 110
    body.line((bx, by - 14), (bx, by + 14), gold, 2.5)
    body.line((bx - 8, by - 8), (bx + 8, by - 8), gold, 2.5)
    body.lines(quad_bezier((bx - 12, by + 6), (bx, by + 20), (bx + 12, by + 6), 8), gold, 2.5)
    C.shade_body(c, body, g, main, 0.6)
    c.paste(body)


OUTFITS = {"oilskin": outfit_oilskin, "uniform": outfit_uniform}


# ---------------------------------------------------------------------------
# Assembling the layers
# ---------------------------------------------------------------------------
def _hair(g, spec, rng):
    return C.HAIR[spec.hair](g, rng)


def body_layer(spec, draw_outfit, seed):
    """Back hair, neck and clothes."""
    g = C.Geo(spec)
    rng = rng_for(seed)
    c = Canvas(C.PW, C.PH, ss=2, alpha=True)
    back, _front = _hair(g, spec, rng)
    if back:
        c.paste(C.draw_hair_layer(c, back, dark(spec.hair_col, 0.85)))
    C.draw_neck(c, g)
    draw_outfit(c, g, spec.colors)
    return c


def face_layer(spec, face, seed, c=None):
    """The head: face, expression, front hair, glasses and the like (transparent elsewhere)."""
    g = C.Geo(spec)
    rng = rng_for(seed)
    _hair(g, spec, rng)  # same random draws as the body layer, so both layers agree
    rng = rng_for(seed)
    _back, front = _hair(g, spec, rng)
    c = c or Canvas(C.PW, C.PH, ss=2, alpha=True)
    p = C.expr_params(face)
    C.draw_face(c, g, p, rng, front)
    if front:
        lay = C.draw_hair_layer(c, front, spec.hair_col)
        C.hair_shine(c, g, lay, spec.hair_col)
        c.paste(lay)
    C.draw_extras_front(c, g, p)
    return c


def finish(c):
    surf = c.finish()
    C.finish_portrait(surf, rim_col=(236, 226, 204), out_col=INK["ink"])
    cool_rim(surf)
    step_colours(surf)
    return surf


def odile_outfit(outfit):
    return finish(body_layer(replace(ODILE, outfit=outfit), OUTFITS[outfit], "odile"))


def odile_face(expression):
    return finish(face_layer(ODILE, ODILE_FACES[expression], "odile"))


def aurel(expression):
    c = body_layer(AUREL, C.OUTFITS["camel"], "aurel")
    biscuit_tin(c)
    face_layer(AUREL, AUREL_FACES[expression], "aurel", c)
    return finish(c)


def biscuit_tin(c):
    """The round tartan biscuit tin he carries against his chest, held high so the text box leaves it in view."""
    cx, cy, r = 140, 338, 64
    main = AUREL.colors["main"]
    # his right forearm comes across the coat from below to hold it
    arm = [(330, 640), (290, 520), (236, 420), (186, 360)]
    c.tapered(arm, C.INK, 62, 50)
    c.tapered(arm, light(main, 0.08), 56, 44)
    c.ellipse(cx + 6, cy + 8, r, r * 0.9, rgba(INK["ink"], 90))
    c.ellipse(cx, cy, r, r * 0.9, (150, 40, 44), stroke=INK["ink"], sw=2)
    for k in range(-3, 4):  # tartan
        c.line((cx + k * 19, cy - r * 0.8), (cx + k * 19, cy + r * 0.8), rgba((40, 70, 60), 140), 6)
        c.line((cx - r * 0.85, cy + k * 17), (cx + r * 0.85, cy + k * 17), rgba((40, 70, 60), 120), 5)
        c.line((cx + k * 19 + 8, cy - r * 0.8), (cx + k * 19 + 8, cy + r * 0.8), rgba((230, 200, 120), 90), 1.5)
    c.ellipse(cx, cy, r, r * 0.9, rgba(INK["ink"], 0), stroke=(210, 190, 150), sw=5)  # the lid's rim
    c.ellipse(cx - 22, cy - 24, 22, 12, rgba((255, 255, 255), 60))
    skin = AUREL.skin
    c.ellipse(cx + 50, cy + 16, 22, 16, skin, stroke=dark(skin, 0.6), sw=1.5)  # his hand over the rim
    for k in range(3):
        c.line((cx + 36 + k * 7, cy + 6), (cx + 34 + k * 7, cy + 22), dark(skin, 0.7), 1.2)


def layers():
    """(file stem, render function) for every portrait file."""
    for outfit in OUTFITS:
        yield f"odile_outfit_{outfit}", lambda o=outfit: odile_outfit(o)
    for expression in ODILE_FACES:
        yield f"odile_{expression}", lambda e=expression: odile_face(e)
    for expression in AUREL_FACES:
        yield f"aurel_{expression}", lambda e=expression: aurel(e)


__all__ = ["layers", "ODILE_FACES", "AUREL_FACES", "OUTFITS"]
