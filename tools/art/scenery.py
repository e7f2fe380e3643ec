"""Reusable scenery pieces: balloon, snow, walls, wire, windows, clouds, rooms."""
import math

import pygame

from .common import PAL, cubic_bezier, dark, light, quad_bezier, rgba, rounded_rect_pts

W, H = 1280, 720


# ---------------------------------------------------------------------------
# Sky, clouds, snow
# ---------------------------------------------------------------------------
def sky(c, stops, y0=0, y1=H):
    c.vgrad(0, y0, W, y1 - y0, stops)


def cloud(c, cx, cy, w, h, stops, rng, alpha=255, lumps=9):
    """A soft flat cloud built from overlapping ellipses, gradient-filled."""
    s = c.ss
    bw, bh = int(w * s * 1.3), int(h * s * 2.2)
    lay = pygame.Surface((bw, bh), pygame.SRCALPHA)
    lay.fill((0, 0, 0, 0))
    base_y = bh * 0.72
    for i in range(lumps):
        t = (i + 0.5) / lumps
        x = bw * (0.12 + 0.76 * t) + rng.uniform(-0.04, 0.04) * bw
        r = h * s * (0.45 + 0.55 * math.sin(math.pi * t)) * rng.uniform(0.75, 1.1)
        pygame.draw.circle(lay, (255, 255, 255, 255), (x, base_y - r * 0.55), r)
    pygame.draw.rect(lay, (255, 255, 255, 255),
                     (bw * 0.1, base_y - h * s * 0.35, bw * 0.8, h * s * 0.35),
                     border_radius=int(h * s * 0.17))
    g = c.gradient_surface(bw, bh, stops)
    g.blit(lay, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    if alpha < 255:
        g.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
    c.surf.blit(g, (cx * s - bw / 2, cy * s - base_y))


def snow(c, rng, n, rect=(0, 0, W, H), rmin=1.0, rmax=3.0, col=PAL["snow"], amin=120, amax=230):
    x0, y0, w, h = rect
    for _ in range(n):
        r = rng.uniform(rmin, rmax)
        a = rng.uniform(amin, amax)
        c.circle(x0 + rng.random() * w, y0 + rng.random() * h, r, rgba(col, a))


def bokeh_snow(c, rng, n, rect=(0, 0, W, H), rmin=6, rmax=14, col=PAL["snow"]):
    """Large out-of-focus flakes for a foreground layer."""
    x0, y0, w, h = rect
    for _ in range(n):
        c.glow(x0 + rng.random() * w, y0 + rng.random() * h, rng.uniform(rmin, rmax),
               col, alpha=int(rng.uniform(60, 130)), add=False, power=1.2)


def birds(c, rng, n, rect, col, size=6):
    x0, y0, w, h = rect
    for _ in range(n):
        x, y = x0 + rng.random() * w, y0 + rng.random() * h
        s = size * rng.uniform(0.6, 1.2)
        c.lines(quad_bezier((x - s, y - s * 0.2), (x - s * 0.4, y - s * 0.6), (x, y), 6) +
                quad_bezier((x, y), (x + s * 0.4, y - s * 0.6), (x + s, y - s * 0.2), 6)[1:],
                col, 1.4)


def hills(c, rng, y, amp, col, step=40, seed_shift=0.0):
    pts = [(0, H)]
    x = 0
    ph = rng.random() * 6
    while x <= W + step:
        yy = y - amp * (0.5 + 0.5 * math.sin(x * 0.004 + ph + seed_shift)) \
            - amp * 0.35 * math.sin(x * 0.011 + ph * 2)
        pts.append((x, yy))
        x += step
    pts.append((W, H))
    c.poly(pts, col)


# ---------------------------------------------------------------------------
# The patched cloth balloon (title, sunset wall, ending sky, UI icon)
# ---------------------------------------------------------------------------
BALLOON_CLOTH = [(236, 222, 196), (204, 92, 72), (234, 180, 72), (112, 142, 176),
                 (236, 222, 196), (196, 120, 150), (234, 180, 72), (120, 160, 120)]


def _balloon_hw(r, y):
    """Half width of the envelope at height y (0 = centre of the top sphere)."""
    if y <= 0.25 * r:
        return math.sqrt(max(0.0, r * r - y * y))
    y0 = 0.25 * r
    hw0 = math.sqrt(r * r - y0 * y0)
    t = min(1.0, (y - y0) / (1.05 * r))
    return hw0 + (0.2 * r - hw0) * (1 - (1 - t) ** 1.6)


def balloon(c, cx, cy, r, rng, lit=(255, 226, 170), shadow=(60, 40, 80), rope=0,
            haze=0.0, basket=True):
    """Patched hot-air balloon. rope>0 adds a dangling rope of that length."""
    bottom = 1.3 * r
    ys = [-r + (bottom + r) * i / 40 for i in range(41)]
    env = [(cx + _balloon_hw(r, y), cy + y) for y in ys]
    env += [(cx - _balloon_hw(r, y), cy + y) for y in reversed(ys)]
    lay = c.layer()
    gores = 8
    for k in range(gores):
        f0 = math.sin(-math.pi / 2 + math.pi * k / gores)
        f1 = math.sin(-math.pi / 2 + math.pi * (k + 1) / gores)
        col = BALLOON_CLOTH[k % len(BALLOON_CLOTH)]
        pts = [(cx + f0 * _balloon_hw(r, y), cy + y) for y in ys]
        pts += [(cx + f1 * _balloon_hw(r, y), cy + y) for y in reversed(ys)]
        lay.poly(pts, col)
    # patches with stitches
    for _ in range(7):
        py = rng.uniform(-0.75, 0.6) * r
        f = rng.uniform(-0.7, 0.7)
        px = cx + f * _balloon_hw(r, py)
        pw, ph = rng.uniform(0.16, 0.3) * r, rng.uniform(0.14, 0.26) * r
        ang = rng.uniform(-0.25, 0.25)
        ca, sa = math.cos(ang), math.sin(ang)
        quad = [(px + ca * dx - sa * dy, py + cy + sa * dx + ca * dy)
                for dx, dy in ((-pw / 2, -ph / 2), (pw / 2, -ph / 2), (pw / 2, ph / 2), (-pw / 2, ph / 2))]
        pc = BALLOON_CLOTH[rng.randrange(len(BALLOON_CLOTH))]
        lay.poly(quad, light(pc, 0.08))
        for a, b in zip(quad, quad[1:] + quad[:1]):
            for i in range(4):
                t0, t1 = (i + 0.2) / 4, (i + 0.6) / 4
                lay.line((a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                         (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
                         dark(pc, 0.55), max(0.8, r * 0.012))
    # seams
    for k in range(1, gores):
        f = math.sin(-math.pi / 2 + math.pi * k / gores)
        lay.lines([(cx + f * _balloon_hw(r, y), cy + y) for y in ys], rgba((70, 50, 50), 90),
                  max(0.8, r * 0.012))
    # shading: shadow on the right, highlight upper-left
    shade = c.layer()
    shade.poly([(cx + 0.25 * _balloon_hw(r, y) + 0.2 * r, cy + y) for y in ys] +
               [(cx + 2 * r, cy + bottom), (cx + 2 * r, cy - r)], rgba(shadow, 110))
    shade.glow(cx - 0.35 * r, cy - 0.4 * r, 0.75 * r, lit, alpha=110, add=False, power=1.5)
    shade.clip_to(lay)
    lay.paste(shade)
    c.paste(lay)
    c.lines(env + [env[0]], rgba(dark(shadow, 0.8), 140), max(1.0, r * 0.02))
    # skirt, ropes, basket
    nk = 0.2 * r
    c.poly([(cx - nk, cy + bottom), (cx + nk, cy + bottom), (cx + nk * 0.8, cy + bottom + 0.15 * r),
            (cx - nk * 0.8, cy + bottom + 0.15 * r)], (120, 84, 60))
    by = cy + bottom + 0.45 * r
    bw = 0.32 * r
    if basket:
        rc = (70, 52, 40)
        for sx in (-1, 1):
            c.line((cx + sx * nk * 0.8, cy + bottom + 0.14 * r), (cx + sx * bw * 0.45, by), rc,
                   max(0.8, r * 0.015))
        c.rect(cx - bw / 2, by, bw, 0.24 * r, (150, 100, 60), radius=r * 0.03)
        c.rect(cx - bw / 2, by, bw, 0.05 * r, (110, 70, 44))
        for i in range(1, 4):
            x = cx - bw / 2 + bw * i / 4
            c.line((x, by + 0.05 * r), (x, by + 0.24 * r), (120, 80, 50), max(0.6, r * 0.01))
    if rope:
        y0 = by + 0.24 * r if basket else cy + bottom + 0.15 * r
        pts = cubic_bezier((cx, y0), (cx + rope * 0.12, y0 + rope * 0.35),
                           (cx - rope * 0.1, y0 + rope * 0.7), (cx + rope * 0.04, y0 + rope), 24)
        c.lines(pts, (90, 64, 50), max(1.0, r * 0.018))
    if haze > 0:
        c.poly(env, rgba(lit, int(255 * haze)))


# ---------------------------------------------------------------------------
# Walls, wire, towers
# ---------------------------------------------------------------------------
def concrete_wall(c, x, y, w, h, top, bottom, rng, panel=170, cap=None, stains=True):
    c.vgrad(x, y, w, h, [(0, top), (1, bottom)])
    for px in range(int(x) + panel, int(x + w), panel):
        c.line((px, y + 8), (px, y + h), rgba(dark(bottom, 0.6), 120), 2)
        c.line((px + 2, y + 8), (px + 2, y + h), rgba(light(top, 0.2), 50), 1)
    if stains:
        for _ in range(int(w / 60)):
            sx = x + rng.random() * w
            sw = rng.uniform(6, 30)
            sh = rng.uniform(0.2, 0.6) * h
            c.poly([(sx, y + 10), (sx + sw, y + 10), (sx + sw * 0.7, y + 10 + sh), (sx + sw * 0.3, y + 10 + sh * 1.05)],
                   rgba(dark(bottom, 0.5), 28))
    if cap:
        c.rect(x, y - 6, w, 14, cap)
        c.rect(x, y + 8, w, 4, rgba((0, 0, 0), 50))


def brick_wall(c, x, y, w, h, base, mortar, rng, bw=44, bh=18, var=0.12):
    c.rect(x, y, w, h, mortar)
    row = 0
    yy = y
    while yy < y + h:
        off = (bw / 2) if row % 2 else 0
        xx = x - off
        while xx < x + w:
            f = 1 + rng.uniform(-var, var)
            col = tuple(max(0, min(255, int(v * f))) for v in base)
            bx0, bx1 = max(x, xx + 1.5), min(x + w, xx + bw - 1.5)
            by1 = min(y + h, yy + bh - 2)
            if bx1 > bx0 and by1 > yy + 1:
                c.rect(bx0, yy + 1, bx1 - bx0, by1 - yy - 1, col)
            xx += bw
        yy += bh
        row += 1


def barbed_wire(c, x0, x1, y, col, coil=26, post_every=150, post_col=None):
    post_col = post_col or col
    for px in range(int(x0) + 40, int(x1), post_every):
        c.line((px, y + 22), (px, y - 26), post_col, 3)
        c.line((px, y - 6), (px - 14, y - 34), post_col, 2.5)
        c.line((px, y - 6), (px + 14, y - 34), post_col, 2.5)
    # coil: overlapping loops
    x = x0
    while x < x1:
        c.ellipse(x, y - 8, coil * 0.55, coil * 0.62, rgba(col, 0), stroke=col, sw=1.6)
        x += coil * 0.45
    for x in range(int(x0), int(x1), 11):
        for yy in (y - 30, y - 20):
            c.line((x, yy), (x + 11, yy + ((x // 11) % 2) * 0.0), col, 1.2)
            c.line((x + 4, yy - 3), (x + 7, yy + 3), col, 1.1)
            c.line((x + 7, yy - 3), (x + 4, yy + 3), col, 1.1)


def watchtower(c, x, base_y, top_y, body, roof, window, lit=True):
    """Simple guard tower: two legs, cabin, roof, lit window."""
    cw = 110
    cab_y = top_y + 40
    c.poly([(x - 34, base_y), (x - 22, cab_y + 70), (x + 22, cab_y + 70), (x + 34, base_y)], dark(body, 0.85))
    for i in range(5):
        yy = cab_y + 80 + i * (base_y - cab_y - 80) / 5
        c.line((x - 30, yy), (x + 30, yy + 20), dark(body, 0.6), 2)
    c.rect(x - cw / 2, cab_y, cw, 72, body)
    c.rect(x - cw / 2 + 10, cab_y + 14, cw - 20, 30, window)
    if lit:
        c.glow(x, cab_y + 28, 90, window, alpha=90)
    for i in range(1, 3):
        c.line((x - cw / 2 + 10 + (cw - 20) * i / 3, cab_y + 14),
               (x - cw / 2 + 10 + (cw - 20) * i / 3, cab_y + 44), dark(body, 0.7), 2)
    c.rect(x - cw / 2 - 8, cab_y + 70, cw + 16, 8, dark(body, 0.7))
    c.poly([(x - cw / 2 - 14, cab_y + 2), (x, top_y), (x + cw / 2 + 14, cab_y + 2)], roof)


# ---------------------------------------------------------------------------
# Windows and bars
# ---------------------------------------------------------------------------
def bars(c, x, y, w, h, n, col, width=5, cross=True):
    for i in range(n):
        bx = x + w * (i + 0.5) / n
        c.rect(bx - width / 2, y, width, h, col)
        c.rect(bx - width / 2, y, width * 0.35, h, light(col, 0.25))
    if cross:
        for yy in (y + h * 0.33, y + h * 0.66):
            c.rect(x, yy - width / 2, w, width, col)


def night_window(c, x, y, w, h, rng, frame, sky_stops, moon=None, flakes=30):
    c.vgrad(x, y, w, h, sky_stops)
    if moon:
        mx, my, mr = moon
        c.glow(mx, my, mr * 4, (170, 190, 230), alpha=120)
        c.circle(mx, my, mr, (236, 238, 246))
    snow(c, rng, flakes, (x, y, w, h), 1, 2.4)
    c.rect(x, y, w, h, rgba(frame, 0), stroke=frame, sw=8)


# ---------------------------------------------------------------------------
# One-point perspective room
# ---------------------------------------------------------------------------
def room(c, back, wall_stops, floor_stops, side_stops=None, ceil_col=None):
    """Draw floor, side walls, ceiling and back wall for a box room.

    back = (x0, y0, x1, y1) of the back wall; the camera looks straight at it.
    """
    x0, y0, x1, y1 = back
    c.grad_poly([(0, H), (W, H), (x1, y1), (x0, y1)], floor_stops, box=(0, y1, W, H))
    if ceil_col:
        c.poly([(0, 0), (W, 0), (x1, y0), (x0, y0)], ceil_col)
    side = side_stops or [(0, dark(wall_stops[0][1], 0.8)), (1, dark(wall_stops[-1][1], 0.8))]
    c.grad_poly([(0, 0), (x0, y0), (x0, y1), (0, H)], side, horizontal=True, box=(0, 0, x0, H))
    c.grad_poly([(W, 0), (x1, y0), (x1, y1), (W, H)], side[::-1], horizontal=True, box=(x1, 0, W, H))
    c.vgrad(x0, y0, x1 - x0, y1 - y0, wall_stops)


def to_vp(p, vp, t):
    """Point moved a fraction t of the way toward the vanishing point."""
    return (p[0] + (vp[0] - p[0]) * t, p[1] + (vp[1] - p[1]) * t)


def floor_seams(c, back, col, n=10, depth_lines=6):
    """Perspective seams on the floor of a room() box."""
    x0, y0, x1, y1 = back
    for i in range(n + 1):
        bx = x0 + (x1 - x0) * i / n
        fx = -W * 0.6 + (W * 2.2) * i / n
        c.line((bx, y1), (fx, H * 1.6), col, 1.5)
    for j in range(1, depth_lines):
        t = (j / depth_lines) ** 1.8
        yy = y1 + (H - y1) * t
        c.line((0, yy), (W, yy), col, 1.2)


# ---------------------------------------------------------------------------
# Hangul shop signs drawn with strokes (no font needed)
# ---------------------------------------------------------------------------
# Each glyph: list of strokes in a 0..1 box (x, y pairs).
HANGUL = {
    "문": [[(0.2, 0.05), (0.8, 0.05), (0.8, 0.3), (0.2, 0.3), (0.2, 0.05)],
          [(0.05, 0.45), (0.95, 0.45)], [(0.5, 0.45), (0.5, 0.62)],
          [(0.2, 0.7), (0.2, 0.95), (0.85, 0.95)]],
    "구": [[(0.15, 0.1), (0.8, 0.1), (0.8, 0.45)], [(0.05, 0.6), (0.95, 0.6)],
          [(0.5, 0.6), (0.5, 0.95)]],
    "시": [[(0.35, 0.1), (0.1, 0.85)], [(0.35, 0.4), (0.6, 0.85)], [(0.82, 0.05), (0.82, 0.95)]],
    "장": [[(0.1, 0.08), (0.55, 0.08), (0.15, 0.5)], [(0.33, 0.28), (0.58, 0.5)],
          [(0.78, 0.02), (0.78, 0.55)], [(0.78, 0.28), (0.95, 0.28)]],
    "완": [[(0.5, 0.18), (0.5, 0.18)], [(0.08, 0.5), (0.6, 0.5)], [(0.34, 0.5), (0.34, 0.62)],
          [(0.78, 0.02), (0.78, 0.6)], [(0.78, 0.3), (0.95, 0.3)],
          [(0.2, 0.7), (0.2, 0.95), (0.85, 0.95)]],
}


def hangul(c, text, x, y, size, col, width=None):
    width = width or size * 0.11
    for i, ch in enumerate(text):
        gx = x + i * size * 1.1
        for stroke in HANGUL.get(ch, []):
            pts = [(gx + px * size, y + py * size) for px, py in stroke]
            if len(pts) == 2 and pts[0] == pts[1]:
                c.ellipse(pts[0][0], pts[0][1] + size * 0.02, size * 0.15, size * 0.13,
                          rgba(col, 0), stroke=col, sw=width)
            else:
                c.lines(pts, col, width)
        if ch == "장":
            c.ellipse(gx + size * 0.55, y + size * 0.8, size * 0.22, size * 0.15, rgba(col, 0),
                      stroke=col, sw=width)


def hanging_bulb(c, x, y, cord_top, col=PAL["lamp"], glow=140, r=7):
    c.line((x, cord_top), (x, y - r), (40, 36, 40), 1.5)
    c.rect(x - r * 0.6, y - r - 4, r * 1.2, 6, (60, 56, 60))
    c.glow(x, y, r * 14, col, alpha=glow)
    c.circle(x, y, r, light(col, 0.5))


def backpack(c, cx, cy, s=1.0, shadow=True, shine=True):
    """Cute yellow backpack with a pink flap and a crescent-moon emblem."""
    w, h = 150 * s, 170 * s
    x, y = cx - w / 2, cy - h / 2
    if shadow:
        c.ellipse(cx, y + h + 4 * s, w * 0.55, 10 * s, rgba((90, 40, 30), 70))
    c.lines(quad_bezier((cx - 28 * s, y + 6 * s), (cx, y - 36 * s), (cx + 28 * s, y + 6 * s)), (220, 110, 140), 8 * s)
    c.rect(x - 10 * s, y + 40 * s, 14 * s, 100 * s, (228, 120, 150), radius=6 * s)
    c.rect(x + w - 4 * s, y + 40 * s, 14 * s, 100 * s, (228, 120, 150), radius=6 * s)
    c.poly(rounded_rect_pts(x, y, w, h, 30 * s), (250, 206, 70), stroke=(196, 140, 40), sw=2 * s)
    c.rect(x + 14 * s, y + h * 0.62, w - 28 * s, h * 0.3, (244, 190, 60), radius=14 * s)
    c.lines([(x + 20 * s, y + h * 0.62), (x + w - 20 * s, y + h * 0.62)], (210, 150, 40), 2 * s)
    r = 30 * s
    top_arc = [(x + r - r * math.cos(a * math.pi / 12), y + r - r * math.sin(a * math.pi / 12)) for a in range(7)]
    top_arc += [(x + w - r + r * math.cos(a * math.pi / 12), y + r - r * math.sin(a * math.pi / 12))
                for a in range(6, -1, -1)]
    flap = top_arc + quad_bezier((x + w, y + h * 0.5), (cx, y + h * 0.72), (x, y + h * 0.5), 14)
    c.poly(flap, (244, 150, 176), stroke=(200, 100, 130), sw=2 * s)
    # crescent moon emblem
    mx, my, mr = cx, y + h * 0.42, 20 * s
    c.circle(mx, my, mr + 5 * s, (255, 246, 220))
    c.circle(mx, my, mr, (250, 210, 80))
    c.circle(mx + 8 * s, my - 5 * s, mr * 0.85, (255, 246, 220))
    c.circle(mx - 9 * s, my + 2 * s, 2.2 * s, (200, 120, 60))
    for k in (-1, 1):
        c.circle(cx + k * 36 * s, y + h * 0.52, 6 * s, (255, 246, 220))
        strap = cx + k * 36 * s
        c.line((strap, y + h * 0.52 + 6 * s), (strap, y + h * 0.52 + 16 * s), (200, 100, 130), 2 * s)
    if shine:
        c.glow(x + 30 * s, y + 24 * s, 40 * s, (255, 255, 255), alpha=70)


# ---------------------------------------------------------------------------
# Fire and smoke
# ---------------------------------------------------------------------------
FLAME = [(196, 52, 40), (238, 120, 48), (255, 196, 92), (255, 240, 190)]


def flame_tongue(c, x, base, w, h, lean, col):
    """One licking flame: a pointed, slightly curved teardrop."""
    pts = quad_bezier((x - w / 2, base), (x - w * 0.6 + lean * 0.3, base - h * 0.55), (x + lean, base - h), 10)
    pts += quad_bezier((x + lean, base - h), (x + w * 0.7 + lean * 0.3, base - h * 0.45), (x + w / 2, base), 10)
    c.poly(pts, col)


def flames(c, x0, x1, base, height, rng, n=14):
    """A bank of flames between x0 and x1, layered dark red to pale yellow, with a glow."""
    c.glow((x0 + x1) / 2, base - height * 0.4, (x1 - x0) * 0.9 + height * 0.5, (255, 140, 60), alpha=120,
           ry=height * 1.1)
    tongues = [(rng.uniform(x0, x1), rng.uniform(0.45, 1.0), rng.uniform(-0.3, 0.3)) for _ in range(n)]
    for layer, col in enumerate(FLAME):
        k = 1 - layer * 0.22
        for x, hf, lean in tongues:
            w = (x1 - x0) / n * 3.2 * k + 6
            flame_tongue(c, x, base, w, height * hf * k, lean * height * 0.3, col)
    c.glow((x0 + x1) / 2, base - height * 0.2, (x1 - x0) * 0.5, (255, 220, 150), alpha=90)


def smoke(c, rng, rect, n, col=(70, 62, 64), alpha=170):
    """Rolling smoke: soft grey clouds stacked in a band."""
    x0, y0, w, h = rect
    for _ in range(n):
        cw = rng.uniform(0.25, 0.5) * w
        S_y = y0 + rng.random() * h
        cloud(c, x0 + rng.random() * w, S_y, cw, rng.uniform(30, 60),
              [(0, light(col, 0.18)), (0.6, col), (1, dark(col, 0.7))], rng, alpha=int(alpha * rng.uniform(0.6, 1)))
