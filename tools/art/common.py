"""Shared drawing helpers and palette for the Cell 7 art generators.

Everything is drawn on a supersampled ``Canvas`` (coordinates are given in
final-image pixels and multiplied by ``ss`` internally) and smoothscaled down
at the end, which gives soft anti-aliased edges with plain pygame.draw.
"""
import math
import os
import random

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

pygame.font.init()

# ---------------------------------------------------------------------------
# Palette: a limited warm/cold set shared by every picture.
# ---------------------------------------------------------------------------
PAL = {
    # cold side
    "night": (24, 30, 56),
    "navy": (38, 48, 86),
    "steel": (84, 98, 128),
    "frost": (176, 196, 222),
    "snow": (238, 242, 250),
    "concrete": (120, 124, 136),
    "concrete_dk": (78, 82, 96),
    "prison_blue": (92, 112, 140),
    "ink": (36, 28, 38),
    # warm side
    "lamp": (255, 214, 140),
    "amber": (242, 166, 82),
    "ember": (232, 112, 72),
    "rose": (232, 128, 138),
    "plum": (108, 70, 120),
    "wood": (150, 98, 62),
    "wood_dk": (96, 60, 42),
    "wood_lt": (196, 146, 96),
    "paper": (244, 232, 208),
    "yellow": (250, 204, 72),
    "pink": (244, 150, 172),
    "red": (200, 64, 62),
    "green": (96, 136, 96),
    "brick": (150, 78, 62),
}


def mix(c1, c2, t):
    """Linear blend of two colours (keeps alpha if both have it)."""
    t = max(0.0, min(1.0, t))
    n = min(len(c1), len(c2))
    return tuple(int(round(c1[i] + (c2[i] - c1[i]) * t)) for i in range(n))


def dark(c, f=0.75):
    return tuple(int(max(0, min(255, v * f))) for v in c[:3]) + tuple(c[3:])


def light(c, f=0.3):
    return mix(c[:3], (255, 255, 255), f) + tuple(c[3:])


def rgba(c, a):
    return tuple(c[:3]) + (int(a),)


def stops_color(stops, t):
    """Colour at t in [0,1] along a list of (pos, colour) stops."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return mix(c0, c1, (t - p0) / max(1e-6, p1 - p0))
    return stops[-1][1]


def smooth(t):
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


# ---------------------------------------------------------------------------
# Cached textures
# ---------------------------------------------------------------------------
_RADIAL = {}


def radial_texture(size=256, power=2.0):
    """White RGBA disc whose alpha falls off smoothly from the centre."""
    key = (size, power)
    if key not in _RADIAL:
        y, x = np.mgrid[0:size, 0:size].astype(np.float32)
        c = (size - 1) / 2.0
        d = np.sqrt((x - c) ** 2 + (y - c) ** 2) / c
        a = np.clip(1.0 - d, 0, 1) ** power
        surf = pygame.Surface((size, size), pygame.SRCALPHA)
        surf.fill((255, 255, 255, 0))
        pygame.surfarray.pixels_alpha(surf)[:] = (a.T * 255).astype(np.uint8)
        _RADIAL[key] = surf
    return _RADIAL[key]


# ---------------------------------------------------------------------------
# Canvas
# ---------------------------------------------------------------------------
class Canvas:
    """A supersampled drawing surface addressed in final-pixel coordinates."""

    def __init__(self, w, h, ss=2, alpha=False, fill=None):
        self.w, self.h, self.ss = w, h, ss
        self.alpha = alpha
        flags = pygame.SRCALPHA if alpha else 0
        self.surf = pygame.Surface((w * ss, h * ss), flags, 32)
        if alpha:
            self.surf.fill((0, 0, 0, 0))
        if fill is not None:
            self.surf.fill(fill)

    # -- helpers --------------------------------------------------------
    def layer(self):
        """A blank transparent canvas of the same size."""
        return Canvas(self.w, self.h, self.ss, alpha=True)

    def _sp(self, pts):
        s = self.ss
        return [(x * s, y * s) for x, y in pts]

    def _emit(self, bbox, painter, col, blend=0):
        """Run painter(surface, ox, oy, col) directly or via a temp layer."""
        translucent = len(col) == 4 and col[3] < 255
        if not translucent and not blend:
            painter(self.surf, 0, 0, col)
            return
        x0, y0, x1, y1 = bbox
        W, H = self.surf.get_size()
        x0, y0 = max(0, int(x0) - 2), max(0, int(y0) - 2)
        x1, y1 = min(W, int(x1) + 3), min(H, int(y1) + 3)
        if x1 <= x0 or y1 <= y0:
            return
        lay = pygame.Surface((x1 - x0, y1 - y0), pygame.SRCALPHA)
        lay.fill((0, 0, 0, 0) if not blend else (0, 0, 0, 0))
        painter(lay, -x0, -y0, col)
        self.surf.blit(lay, (x0, y0), special_flags=blend)

    @staticmethod
    def _bbox(pts, pad=0):
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)

    # -- primitives (final-pixel coordinates) ---------------------------
    def poly(self, pts, col, stroke=None, sw=1.5):
        if len(pts) < 3:
            return
        sp = self._sp(pts)

        def paint(s, ox, oy, c):
            pygame.draw.polygon(s, c, [(x + ox, y + oy) for x, y in sp])

        self._emit(self._bbox(sp), paint, col)
        if stroke is not None:
            self.lines(pts + [pts[0]], stroke, sw)

    def rect(self, x, y, w, h, col, radius=0, stroke=None, sw=1.5):
        s = self.ss
        r = pygame.Rect(round(x * s), round(y * s), round(w * s), round(h * s))

        def paint(surf, ox, oy, c):
            pygame.draw.rect(surf, c, r.move(ox, oy), border_radius=int(radius * s))

        self._emit((r.left, r.top, r.right, r.bottom), paint, col)
        if stroke is not None:
            def paint2(surf, ox, oy, c):
                pygame.draw.rect(surf, c, r.move(ox, oy), max(1, int(sw * s)),
                                 border_radius=int(radius * s))
            self._emit((r.left, r.top, r.right, r.bottom), paint2, stroke)

    def ellipse(self, cx, cy, rx, ry, col, stroke=None, sw=1.5):
        s = self.ss
        r = pygame.Rect(0, 0, max(1, round(2 * rx * s)), max(1, round(2 * ry * s)))
        r.center = (round(cx * s), round(cy * s))

        def paint(surf, ox, oy, c):
            pygame.draw.ellipse(surf, c, r.move(ox, oy))

        self._emit((r.left, r.top, r.right, r.bottom), paint, col)
        if stroke is not None:
            def paint2(surf, ox, oy, c):
                pygame.draw.ellipse(surf, c, r.move(ox, oy), max(1, int(sw * s)))
            self._emit((r.left, r.top, r.right, r.bottom), paint2, stroke)

    def circle(self, cx, cy, r, col, stroke=None, sw=1.5):
        self.ellipse(cx, cy, r, r, col, stroke, sw)

    def lines(self, pts, col, width=2.0, closed=False):
        """Thick polyline with round joints and caps."""
        if len(pts) < 2:
            return
        sp = self._sp(pts + ([pts[0]] if closed else []))
        wpx = max(1, int(round(width * self.ss)))
        rad = wpx / 2.0

        def paint(s, ox, oy, c):
            q = [(x + ox, y + oy) for x, y in sp]
            for a, b in zip(q, q[1:]):
                _thick_segment(s, c, a, b, rad)
            if wpx > 2:
                for p in q:
                    pygame.draw.circle(s, c, p, rad)

        self._emit(self._bbox(sp, wpx), paint, col)

    def line(self, p0, p1, col, width=2.0):
        self.lines([p0, p1], col, width)

    def tapered(self, pts, col, w0, w1):
        """A stroke whose width goes from w0 to w1 along the polyline."""
        n = len(pts)
        left, right = [], []
        for i, (x, y) in enumerate(pts):
            a = pts[max(0, i - 1)]
            b = pts[min(n - 1, i + 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            L = math.hypot(dx, dy) or 1
            nx, ny = -dy / L, dx / L
            w = (w0 + (w1 - w0) * i / max(1, n - 1)) / 2
            left.append((x + nx * w, y + ny * w))
            right.append((x - nx * w, y - ny * w))
        self.poly(left + right[::-1], col)

    def text(self, s, cx, cy, size, col, bold=True):
        font = pygame.font.Font(None, int(size * self.ss))
        font.set_bold(bold)
        img = font.render(s, True, col[:3])
        if len(col) == 4:
            img.set_alpha(col[3])
        r = img.get_rect(center=(cx * self.ss, cy * self.ss))
        self.surf.blit(img, r)

    # -- gradients & light ----------------------------------------------
    def gradient_surface(self, w, h, stops, horizontal=False):
        """Surface (ss pixels) with a multi-stop gradient."""
        n = max(1, w if horizontal else h)
        strip = pygame.Surface((n, 1) if horizontal else (1, n), pygame.SRCALPHA)
        for i in range(n):
            c = stops_color(stops, i / max(1, n - 1))
            c = c if len(c) == 4 else tuple(c) + (255,)
            strip.set_at((i, 0) if horizontal else (0, i), c)
        return pygame.transform.scale(strip, (max(1, w), max(1, h)))

    def vgrad(self, x, y, w, h, stops, horizontal=False):
        s = self.ss
        g = self.gradient_surface(round(w * s), round(h * s), stops, horizontal)
        self.surf.blit(g, (round(x * s), round(y * s)))

    def grad_poly(self, pts, stops, horizontal=False, box=None):
        """Polygon filled with a gradient spanning its bbox (or ``box``)."""
        sp = self._sp(pts)
        if box is None:
            x0, y0, x1, y1 = self._bbox(sp)
        else:
            x0, y0, x1, y1 = [v * self.ss for v in box]
        x0, y0 = int(x0), int(y0)
        w, h = int(x1 - x0) + 2, int(y1 - y0) + 2
        g = self.gradient_surface(w, h, stops, horizontal)
        m = pygame.Surface((w, h), pygame.SRCALPHA)
        m.fill((0, 0, 0, 0))
        pygame.draw.polygon(m, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in sp])
        g.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(g, (x0, y0))

    def glow(self, cx, cy, r, col, alpha=255, add=True, power=2.0, ry=None):
        """Soft radial light. add=True brightens additively."""
        s = self.ss
        rx, ry = r * s, (ry if ry is not None else r) * s
        tex = pygame.transform.smoothscale(radial_texture(256, power),
                                           (max(2, int(2 * rx)), max(2, int(2 * ry))))
        tex = tex.copy()
        if add:
            tint = pygame.Surface(tex.get_size(), pygame.SRCALPHA)
            tint.fill(tuple(int(v * alpha / 255) for v in col[:3]) + (255,))
            # alpha of the texture modulates the colour
            a = pygame.surfarray.array_alpha(tex).astype(np.float32) / 255.0
            rgb = pygame.surfarray.pixels3d(tint)
            rgb[:] = (rgb * a[..., None]).astype(np.uint8)
            del rgb
            self.surf.blit(tint, (cx * s - rx, cy * s - ry), special_flags=pygame.BLEND_RGB_ADD)
        else:
            tex.fill(tuple(col[:3]) + (255,), special_flags=pygame.BLEND_RGB_MULT)
            if alpha < 255:
                tex.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
            self.surf.blit(tex, (cx * s - rx, cy * s - ry))

    def light_cone(self, apex, left, right, col, a0=120, a1=0):
        """Translucent triangle of light fading from apex to the base."""
        sp = self._sp([apex, left, right])
        x0, y0, x1, y1 = [int(v) for v in self._bbox(sp)]
        w, h = x1 - x0 + 2, y1 - y0 + 2
        ay = sp[0][1]
        top_is_apex = ay <= (sp[1][1] + sp[2][1]) / 2
        stops = [(0, rgba(col, a0)), (1, rgba(col, a1))]
        if not top_is_apex:
            stops = stops[::-1]
        g = self.gradient_surface(w, h, stops)
        m = pygame.Surface((w, h), pygame.SRCALPHA)
        m.fill((0, 0, 0, 0))
        pygame.draw.polygon(m, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in sp])
        g.blit(m, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        self.surf.blit(g, (x0, y0))

    # -- layers -----------------------------------------------------------
    def paste(self, other, blend=0):
        self.surf.blit(other.surf, (0, 0), special_flags=blend)

    def clip_to(self, mask_canvas):
        """Multiply this layer's alpha by another layer's alpha."""
        a = pygame.surfarray.pixels_alpha(self.surf)
        m = pygame.surfarray.pixels_alpha(mask_canvas.surf)
        a[:] = (a.astype(np.uint16) * m // 255).astype(np.uint8)
        del a, m

    def paste_rotated(self, other, cx, cy, angle):
        """Paste a layer whose subject is drawn at its centre, turned by angle degrees (counter-clockwise),
        with that centre landing on (cx, cy)."""
        rot = pygame.transform.rotozoom(other.surf, angle, 1.0)
        self.surf.blit(rot, rot.get_rect(center=(round(cx * self.ss), round(cy * self.ss))))

    def soften(self, factor=8):
        """Blur this layer (down- then up-scale): soft smoke, haze and mist."""
        w, h = self.surf.get_size()
        small = pygame.transform.smoothscale(self.surf, (max(1, w // factor), max(1, h // factor)))
        self.surf = pygame.transform.smoothscale(small, (w, h))

    def finish(self):
        if self.ss == 1:
            return self.surf.copy()
        return pygame.transform.smoothscale(self.surf, (self.w, self.h))


def _thick_segment(surf, col, a, b, rad):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = math.hypot(dx, dy)
    if L < 1e-6:
        return
    nx, ny = -dy / L * rad, dx / L * rad
    pygame.draw.polygon(surf, col, [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny),
                                    (b[0] - nx, b[1] - ny), (a[0] - nx, a[1] - ny)])


# ---------------------------------------------------------------------------
# Shape generators
# ---------------------------------------------------------------------------
def ellipse_pts(cx, cy, rx, ry, n=48, a0=0.0, a1=2 * math.pi):
    return [(cx + rx * math.cos(a0 + (a1 - a0) * i / (n - 1)),
             cy + ry * math.sin(a0 + (a1 - a0) * i / (n - 1))) for i in range(n)]


def quad_bezier(p0, p1, p2, n=16):
    pts = []
    for i in range(n + 1):
        t = i / n
        x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0]
        y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]
        pts.append((x, y))
    return pts


def cubic_bezier(p0, p1, p2, p3, n=20):
    pts = []
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        x = mt ** 3 * p0[0] + 3 * mt * mt * t * p1[0] + 3 * mt * t * t * p2[0] + t ** 3 * p3[0]
        y = mt ** 3 * p0[1] + 3 * mt * mt * t * p1[1] + 3 * mt * t * t * p2[1] + t ** 3 * p3[1]
        pts.append((x, y))
    return pts


def rounded_rect_pts(x, y, w, h, r, n=6):
    pts = []
    for cx, cy, a in ((x + w - r, y + r, -math.pi / 2), (x + w - r, y + h - r, 0),
                      (x + r, y + h - r, math.pi / 2), (x + r, y + r, math.pi)):
        for i in range(n + 1):
            t = a + (math.pi / 2) * i / n
            pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
    return pts


# ---------------------------------------------------------------------------
# Post-processing on final (non-supersampled) surfaces
# ---------------------------------------------------------------------------
def add_grain(surf, amount=4, seed=0):
    """Subtle monochrome film grain (deterministic)."""
    rng = np.random.default_rng(seed)
    rgb = pygame.surfarray.pixels3d(surf)
    w, h = rgb.shape[:2]
    # low-res grain upscaled a little keeps PNGs small and looks like paper
    n = rng.integers(-amount, amount + 1, size=(w // 2 + 1, h // 2 + 1)).astype(np.int16)
    n = np.repeat(np.repeat(n, 2, 0), 2, 1)[:w, :h]
    out = rgb.astype(np.int16) + n[..., None]
    rgb[:] = np.clip(out, 0, 255).astype(np.uint8)
    del rgb


def vignette(surf, strength=0.35, color=(10, 8, 20), cx=0.5, cy=0.5, power=2.2):
    w, h = surf.get_size()
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.sqrt(((x / w - cx) * 1.0) ** 2 + ((y / h - cy) * 1.25) ** 2) / 0.75
    a = np.clip(d, 0, 1) ** power * strength
    rgb = pygame.surfarray.pixels3d(surf)
    col = np.array(color, np.float32)
    at = a.T[..., None]
    rgb[:] = (rgb * (1 - at) + col * at).astype(np.uint8)
    del rgb


def tint(surf, color, strength):
    """Blend the whole picture toward a colour (simple colour grade)."""
    rgb = pygame.surfarray.pixels3d(surf)
    col = np.array(color, np.float32)
    rgb[:] = (rgb * (1 - strength) + col * strength).astype(np.uint8)
    del rgb


def multiply_grade(surf, color):
    """Multiply the picture by a colour (night / dusk grading)."""
    rgb = pygame.surfarray.pixels3d(surf)
    col = np.array(color, np.float32) / 255.0
    rgb[:] = (rgb * col).astype(np.uint8)
    del rgb


def rng_for(name):
    """Deterministic RNG per picture name."""
    seed = sum((i + 1) * ord(ch) for i, ch in enumerate(name)) % 100003
    return random.Random(seed)
