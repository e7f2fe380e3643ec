"""Night Ferry's look: a lamplit linocut print.

The example story's pictures share Cell 7's drawing machinery (``common.Canvas``, the
portrait construction in ``characters``) but not its look: a cold ink-and-teal night
palette against one warm lamp colour, gradients stepped into bands as if printed from
cut blocks, paper grain, rain drawn as long thin strokes, and a cool moonlight rim on
the cast instead of Cell 7's warm one.
"""
import math

import numpy as np
import pygame

from .common import Canvas, add_grain, dark, light, mix, rgba, vignette

W, H = 1280, 720

INK = {
    "ink": (12, 18, 32),          # the darkest block: night, outlines
    "navy": (22, 34, 58),
    "deep": (20, 50, 66),         # deep teal of the sea
    "teal": (40, 88, 98),
    "foam": (150, 192, 186),
    "fog": (178, 196, 204),
    "paper": (236, 226, 204),     # the print's paper: highlights, hull white
    "lamp": (255, 206, 120),      # the one warm colour
    "amber": (232, 160, 70),
    "rust": (164, 72, 50),
    "hull": (132, 40, 38),        # the Marguerite's red hull
    "green": (70, 170, 120),      # radar and starboard light
    "steel": (74, 88, 104),
}


# ---------------------------------------------------------------------------
# Finishing: the print look
# ---------------------------------------------------------------------------
def print_finish(surf, levels=11, paper=INK["paper"], grain=5, seed=0, vig=0.35):
    """Step the light into `levels` bands (keeping each colour's hue), lay it on paper, add grain and a vignette."""
    rgb = pygame.surfarray.pixels3d(surf)
    f = rgb.astype(np.float32) / 255.0
    lum = f @ np.array([0.3, 0.55, 0.15], np.float32)
    stepped = np.round(lum * (levels - 1)) / (levels - 1)
    ratio = (stepped + 0.02) / (lum + 0.02)
    # mostly the stepped light, a little of the smooth one, so the bands read as printed, not digital
    out = f * (0.7 * ratio + 0.3)[..., None]
    pap = np.array(paper, np.float32) / 255.0
    out = out * (1 - 0.1 * lum[..., None]) + pap * 0.1 * lum[..., None]
    rgb[:] = np.clip(out * 255, 0, 255).astype(np.uint8)
    del rgb
    if vig:
        vignette(surf, vig, INK["ink"])
    add_grain(surf, grain, seed=seed)
    return surf


def cool_rim(surf, col=(150, 210, 220), strength=0.45, shift=5):
    """Moonlight on the left edge of a transparent portrait layer (Cell 7 lights from the right, warm)."""
    a = pygame.surfarray.pixels_alpha(surf).astype(np.int16)
    shifted = np.zeros_like(a)
    shifted[shift:, :] = a[:-shift, :]
    rim = np.clip(a - shifted, 0, 255).astype(np.float32) / 255.0 * strength
    rim[:, -60:] = 0
    rgb = pygame.surfarray.pixels3d(surf)
    rgb[:] = (rgb * (1 - rim[..., None]) + np.array(col, np.float32) * rim[..., None]).astype(np.uint8)
    del rgb


def step_colours(surf, levels=12):
    """The print's banding for a transparent layer (light only, hue kept; alpha untouched)."""
    rgb = pygame.surfarray.pixels3d(surf)
    f = rgb.astype(np.float32) / 255.0
    lum = f @ np.array([0.3, 0.55, 0.15], np.float32)
    ratio = (np.round(lum * (levels - 1)) / (levels - 1) + 0.02) / (lum + 0.02)
    rgb[:] = np.clip(f * (0.6 * ratio + 0.4)[..., None] * 255, 0, 255).astype(np.uint8)
    del rgb


# ---------------------------------------------------------------------------
# Shared pieces of the crossing
# ---------------------------------------------------------------------------
def banded_sky(c, top, bottom, y0=0, y1=H, bands=7):
    """A sky printed in flat horizontal bands, lightening toward the horizon."""
    for i in range(bands):
        t = i / (bands - 1)
        ya = y0 + (y1 - y0) * (i / bands) ** 1.35
        yb = y0 + (y1 - y0) * ((i + 1) / bands) ** 1.35
        c.rect(0, ya, W, yb - ya + 1, mix(top, bottom, t))


def sea(c, rng, y0, y1=H, near=INK["deep"], far=INK["teal"], strokes=160, glint=INK["foam"]):
    """Dark water from the horizon down, cut with short horizontal gouges."""
    c.vgrad(0, y0, W, y1 - y0, [(0, far), (0.25, mix(far, near, 0.6)), (1, near)])
    for _ in range(strokes):
        t = rng.random() ** 1.7
        y = y0 + 3 + (y1 - y0) * t
        length = 10 + 90 * t * rng.uniform(0.4, 1.0)
        x = rng.uniform(-40, W)
        c.line((x, y), (x + length, y + rng.uniform(-0.6, 0.6)), rgba(glint, int(30 + 70 * (1 - t))),
               0.8 + 2.2 * t)


def reflection(c, rng, x, y0, y1, col, width=10, alpha=150):
    """A light's broken reflection: stacked wobbling dashes under it."""
    y = y0
    while y < y1:
        t = (y - y0) / max(1, y1 - y0)
        w = width * (1 + 1.8 * t) * rng.uniform(0.5, 1.2)
        dx = rng.uniform(-4, 4) * (1 + 3 * t)
        c.rect(x - w / 2 + dx, y, w, 2 + 3 * t, rgba(col, int(alpha * (1 - 0.8 * t))), radius=2)
        y += 4 + 9 * t


def rain(c, rng, n, rect=(0, 0, W, H), col=INK["fog"], slant=0.22, amin=40, amax=110, lmin=18, lmax=46):
    x0, y0, w, h = rect
    for _ in range(n):
        x, y = x0 + rng.random() * w, y0 + rng.random() * h
        length = rng.uniform(lmin, lmax)
        c.line((x, y), (x - slant * length, y + length), rgba(col, rng.uniform(amin, amax)), 1.0)


def stars(c, rng, n, rect=(0, 0, W, 360), col=INK["paper"]):
    x0, y0, w, h = rect
    for _ in range(n):
        r = rng.choice((0.8, 0.9, 1.1, 1.3, 1.8))
        x, y = x0 + rng.random() * w, y0 + (rng.random() ** 1.3) * h
        c.circle(x, y, r, rgba(col, rng.uniform(120, 250)))
        if r > 1.5:
            c.glow(x, y, 9, col, alpha=70)
            c.line((x - 6, y), (x + 6, y), rgba(col, 110), 0.8)
            c.line((x, y - 6), (x, y + 6), rgba(col, 110), 0.8)


def beam(c, apex, far_x, half, col=INK["lamp"], a0=110, a1=0):
    """A lighthouse beam swept sideways from apex to far_x, `half` high at its far end."""
    ax, ay = apex
    x0, x1 = min(ax, far_x), max(ax, far_x)
    stops = [(0, rgba(col, a0)), (1, rgba(col, a1))]
    if far_x < ax:
        stops = stops[::-1]
    c.grad_poly([(ax, ay - 5), (far_x, ay - half), (far_x, ay + half), (ax, ay + 5)], stops, horizontal=True,
                box=(x0, ay - half, x1, ay + half))


def lamp(c, x, y, r=7, col=INK["lamp"], glow=180, halo=90):
    c.glow(x, y, halo, col, alpha=glow)
    c.circle(x, y, r, light(col, 0.5))


def lifebuoy(c, x, y, r, name_col=INK["ink"]):
    c.circle(x + 3, y + 4, r, rgba(INK["ink"], 90))
    for k in range(8):
        a0 = k * math.pi / 4
        pts = [(x, y)] + [(x + r * math.cos(a0 + math.pi / 4 * i / 6), y + r * math.sin(a0 + math.pi / 4 * i / 6))
                          for i in range(7)]
        c.poly(pts, INK["rust"] if k % 2 == 0 else INK["paper"])
    c.circle(x, y, r * 0.55, INK["ink"])
    c.circle(x, y, r, rgba(INK["ink"], 0), stroke=dark(INK["rust"], 0.6), sw=1.5)


def ferry(c, rng, x, waterline, length, lit=1.0, facing=1):
    """The Marguerite side-on: red hull, white superstructure, lit saloon windows, funnel and mast.

    x is the stern end; facing=1 puts the bow to the right."""
    L = length
    f = facing

    def px(u):  # u from 0 (stern) to 1 (bow)
        return x + f * u * L

    hull_h = L * 0.075
    deck = waterline - hull_h
    hull = [(px(0.0), deck), (px(1.0), deck - L * 0.02), (px(0.94), waterline), (px(0.04), waterline)]
    c.poly(hull, INK["hull"])
    c.poly([(px(0.0), deck), (px(1.0), deck - L * 0.02), (px(0.995), deck - L * 0.007), (px(0.0), deck + L * 0.012)],
           INK["paper"])  # the white rubbing strake along the deck edge
    c.line((px(0.04), waterline - 2), (px(0.94), waterline - 2), dark(INK["hull"], 0.6), 2)
    # superstructure: two decks, the wheelhouse on top
    s1_top = deck - L * 0.07
    c.rect(min(px(0.14), px(0.82)), s1_top, L * 0.68, deck - s1_top, INK["paper"])
    s2_top = s1_top - L * 0.05
    c.rect(min(px(0.3), px(0.74)), s2_top, L * 0.44, s1_top - s2_top, light(INK["fog"], 0.3))
    wh_top = s2_top - L * 0.045
    c.rect(min(px(0.58), px(0.74)), wh_top, L * 0.16, s2_top - wh_top, INK["paper"])
    # funnel with a band
    fx = min(px(0.4), px(0.48))
    c.poly([(fx, s2_top), (fx + L * 0.08, s2_top), (fx + L * 0.075, s2_top - L * 0.08),
            (fx + L * 0.012, s2_top - L * 0.08)], INK["paper"])
    c.rect(fx + L * 0.01, s2_top - L * 0.07, L * 0.063, L * 0.018, INK["ink"])
    # mast with its light
    mx = px(0.66)
    c.line((mx, wh_top), (mx, wh_top - L * 0.12), INK["ink"], max(1.5, L * 0.004))
    lamp(c, mx, wh_top - L * 0.12, r=max(2, L * 0.004), col=INK["paper"], glow=int(200 * lit), halo=L * 0.03)
    # windows
    win = mix(INK["navy"], INK["lamp"], lit)
    n1 = 14
    for i in range(n1):
        u = 0.17 + 0.62 * (i + 0.5) / n1
        wx = px(u)
        c.rect(wx - L * 0.012, s1_top + L * 0.02, L * 0.024, L * 0.028, win, radius=L * 0.004)
    for i in range(7):
        u = 0.33 + 0.38 * (i + 0.5) / 7
        c.rect(px(u) - L * 0.01, s2_top + L * 0.015, L * 0.02, L * 0.022, win, radius=L * 0.003)
    for i in range(3):
        u = 0.6 + 0.12 * (i + 0.5) / 3
        c.rect(px(u) - L * 0.016, wh_top + L * 0.012, L * 0.03, L * 0.02, mix(INK["navy"], INK["green"], 0.35 * lit))
    # portholes in the hull
    for i in range(10):
        u = 0.12 + 0.72 * (i + 0.5) / 10
        c.circle(px(u), deck + hull_h * 0.45, L * 0.007, mix(INK["ink"], INK["lamp"], 0.8 * lit))
    if lit > 0:
        c.glow((px(0.17) + px(0.79)) / 2, s1_top + L * 0.034, L * 0.4, INK["lamp"], alpha=int(60 * lit),
               ry=L * 0.06)
        for i in range(0, n1, 2):
            u = 0.17 + 0.62 * (i + 0.5) / n1
            reflection(c, rng, px(u), waterline + 4, waterline + L * 0.18, INK["lamp"], width=L * 0.014,
                       alpha=int(130 * lit))
    # sidelight: green to starboard, seen when the bow points right
    lamp(c, px(0.8), s1_top + L * 0.01, r=max(2, L * 0.004), col=INK["green"] if f > 0 else (220, 70, 60),
         glow=int(200 * lit), halo=L * 0.03)
    return {"deck": deck, "s1_top": s1_top, "wh_top": wh_top}


def new_canvas(fill=INK["ink"]):
    return Canvas(W, H, ss=2, fill=fill)


__all__ = ["INK", "W", "H", "print_finish", "cool_rim", "step_colours", "banded_sky", "sea", "reflection", "rain",
           "stars", "beam", "lamp", "lifebuoy", "ferry", "new_canvas", "dark", "light", "mix", "rgba"]
