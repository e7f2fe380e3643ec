"""Small figures seen at a distance for the illustrations: no faces, simple
shapes, the same upper-left key light as the portraits (shadow on the right)."""
import math

from .common import dark, light, quad_bezier, rgba

# outfits as (coat, trousers, hair, skin); the designs of the portraits, far away
YONGGU = ((86, 122, 114), (58, 60, 70), (40, 32, 34), (234, 192, 156))
YONGGU_PRISON = ((102, 120, 146), (92, 108, 132), (40, 32, 34), (234, 192, 156))
GUARD = ((66, 82, 104), (52, 62, 80), (30, 28, 30), (214, 166, 128))
YESUNG = ((250, 200, 70), (200, 90, 90), (44, 32, 36), (250, 218, 192))
YESUNG_ADULT = ((46, 52, 72), (40, 44, 60), (40, 30, 34), (246, 212, 182))
GIRL = ((244, 150, 172), (110, 60, 80), (52, 36, 34), (250, 218, 192))
SCARF = (204, 52, 58)


def shade_right(c, pts, col, x_split, amount=0.78):
    """Fill a shape, then darken the part right of x_split (flat side shadow)."""
    c.poly(pts, col)
    lay = c.layer()
    lay.poly(pts, (255, 255, 255))
    sh = c.layer()
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    sh.rect(x_split, min(ys) - 2, max(xs) - x_split + 4, max(ys) - min(ys) + 4, rgba(dark(col, amount), 255))
    sh.clip_to(lay)
    c.paste(sh)


def standing_back(c, x, foot, h, outfit, stride=0.0, cap=None, tied=False, kid=False, rim=None, shine=True,
                  backlit=False):
    """A standing or walking figure seen from behind. stride in -1..1 moves the legs."""
    coat, legs, hair, skin = outfit
    if backlit:  # against a bright light the figure goes dark
        coat, legs, hair, skin = (dark(coat, 0.55), dark(legs, 0.55), dark(hair, 0.8), dark(skin, 0.55))
    r = h * (0.085 if kid else 0.07)
    head_y = foot - h + r
    sh_y = head_y + r * 1.75
    sw = h * (0.16 if kid else 0.15)
    hip_y = foot - h * 0.46
    hem = foot - h * (0.32 if not kid else 0.36)
    # legs (behind the coat)
    for side, sl in ((-1, stride), (1, -stride)):
        lx = x + side * sw * 0.38
        c.tapered([(lx, hip_y), (lx + sl * h * 0.04, foot - h * 0.02)], dark(legs, 0.9 if side < 0 else 0.75),
                  sw * 0.5, sw * 0.36)
        c.ellipse(lx + sl * h * 0.04, foot - h * 0.01, sw * 0.24, h * 0.018, (30, 28, 32))
    # coat: rounded shoulders, a little waist, straight hem
    left = quad_bezier((x - sw * 0.32, sh_y - r * 0.35), (x - sw * 0.95, sh_y - r * 0.25),
                       (x - sw * 0.98, sh_y + r * 1.1), 8)
    left += [(x - sw * 0.84, hip_y - h * 0.04), (x - sw * 0.9, hem)]
    right = [(2 * x - px, py) for px, py in left][::-1]
    shade_right(c, left + right, coat, x + sw * 0.3)
    c.line((x, sh_y + r * 0.4), (x, hem - 2), rgba(dark(coat, 0.6), 140), max(1, h * 0.006))
    c.lines(quad_bezier((x - sw * 0.6, sh_y + r * 0.3), (x, sh_y + r * 0.8), (x + sw * 0.6, sh_y + r * 0.3), 8),
            rgba(dark(coat, 0.7), 110), max(1, h * 0.005))  # yoke seam
    # arms hanging at the sides, a shade darker, swinging a little with the stride
    for side in (-1, 1):
        sx = x + side * sw * 0.9
        hand = (sx + side * sw * 0.12 + side * stride * h * 0.02, hip_y + h * 0.02)
        c.tapered([(sx, sh_y + r * 0.6), (sx + side * sw * 0.14, (sh_y + hip_y) / 2), hand],
                  dark(coat, 0.8 if side < 0 else 0.62), sw * 0.36, sw * 0.28)
        c.circle(hand[0], hand[1] + sw * 0.1, sw * 0.13, dark(skin, 0.9))
    # head from behind: nape, ears, hair
    c.rect(x - r * 0.45, head_y + r * 0.5, r * 0.9, r * 1.0, dark(skin, 0.85))
    for side in (-1, 1):
        c.ellipse(x + side * r * 0.95, head_y + r * 0.15, r * 0.22, r * 0.32, skin)
    c.circle(x, head_y, r, hair)
    if shine:
        c.ellipse(x - r * 0.3, head_y - r * 0.35, r * 0.45, r * 0.3, rgba(light(hair, 0.3), 140))
    if tied:  # ponytail down the back
        c.tapered([(x, head_y + r * 0.2), (x + r * 0.2, head_y + r * 1.4), (x + r * 0.05, head_y + r * 2.4)], hair,
                  r * 0.7, r * 0.25)
    if cap:
        cap = dark(cap, 0.55) if backlit else cap
        c.ellipse(x, head_y - r * 0.35, r * 1.25, r * 0.35, dark(cap, 0.7))
        c.poly([(x - r * 1.05, head_y - r * 0.4), (x - r * 0.9, head_y - r * 1.25), (x + r * 0.9, head_y - r * 1.25),
                (x + r * 1.05, head_y - r * 0.4)], cap)
    if rim:  # light from far ahead catching the outline
        w = max(1, h * 0.008)
        for side in (-1, 1):
            c.lines([(px if side < 0 else 2 * x - px, py) for px, py in left[3:]], rgba(rim, 110), w)
        if shine:
            c.lines(ellipse_arc(x, head_y, r * 0.97, math.pi * 1.1, math.pi * 1.9), rgba(rim, 120), w)


def seated_front(c, x, table_y, h, robe, skin, hair):
    """A judge seen from the gallery, sitting behind the bench: head, robed shoulders, white collar."""
    r = h * 0.17
    head_y = table_y - h + r
    sh_y = head_y + r * 1.9
    c.rect(x - r * 0.4, head_y + r * 0.6, r * 0.8, r * 1.2, dark(skin, 0.85))  # neck
    shoulders = quad_bezier((x - h * 0.38, table_y + 2), (x - h * 0.4, sh_y - r * 0.2), (x, sh_y - r * 0.3), 8)
    shoulders += [(2 * x - px, py) for px, py in reversed(shoulders)]
    shade_right(c, shoulders, robe, x + h * 0.14, 0.7)
    c.poly([(x - r * 0.6, sh_y - r * 0.3), (x + r * 0.6, sh_y - r * 0.3), (x, sh_y + r * 0.9)], (236, 236, 232))
    c.line((x, sh_y - r * 0.1), (x, sh_y + r * 0.8), (90, 40, 60), max(1, h * 0.04))
    for side in (-1, 1):
        c.ellipse(x + side * r * 0.95, head_y + r * 0.1, r * 0.2, r * 0.3, dark(skin, 0.92))
    face = [(x + r * 0.92 * math.cos(a), head_y + r * math.sin(a)) for a in [i * math.pi / 16 for i in range(32)]]
    shade_right(c, face, skin, x + r * 0.35, 0.82)
    cap = ellipse_arc(x, head_y - r * 0.05, r * 0.98, math.pi, math.pi * 2)
    parting = [(x + r * 0.95, head_y + r * 0.05), (x + r * 0.2, head_y - r * 0.55), (x - r * 0.5, head_y - r * 0.4)]
    c.poly([(x - r * 0.95, head_y + r * 0.05)] + cap + parting, hair)
    for side in (-1, 1):  # eyes as two short strokes, nothing more at this distance
        c.line((x + side * r * 0.38 - r * 0.12, head_y + r * 0.2), (x + side * r * 0.38 + r * 0.12, head_y + r * 0.2),
               (60, 44, 44), max(1, h * 0.02))


def kneeling_over(c, x, ground, h, outfit):
    """A big man on his knees, leaning forward to the right over someone on the ground."""
    coat, legs, hair, skin = outfit
    r = h * 0.1
    knee = (x + h * 0.08, ground - h * 0.04)
    hip = (x - h * 0.2, ground - h * 0.3)
    c.tapered([hip, knee], dark(legs, 0.9), h * 0.2, h * 0.14)  # thigh
    c.tapered([(knee[0], ground - h * 0.03), (x - h * 0.42, ground - h * 0.02)], dark(legs, 0.75), h * 0.12, h * 0.1)
    c.ellipse(x - h * 0.46, ground - h * 0.02, h * 0.06, h * 0.03, (36, 32, 36))
    shoulder = (x + h * 0.1, ground - h * 0.68)
    back = quad_bezier((hip[0] - h * 0.1, hip[1] + h * 0.04), (x - h * 0.2, ground - h * 0.82), shoulder, 10)
    torso = back + [(shoulder[0] + h * 0.12, shoulder[1] + h * 0.16), (x + h * 0.06, ground - h * 0.22),
                    (hip[0] + h * 0.04, hip[1] + h * 0.12)]
    shade_right(c, torso, coat, x + h * 0.02, 0.8)
    head = (shoulder[0] + h * 0.14, shoulder[1] - h * 0.02)
    c.circle(head[0], head[1], r, skin)
    c.poly([(head[0] - r, head[1] + r * 0.1)] + [(head[0] + r * math.cos(a), head[1] + r * math.sin(a))
                                                 for a in [math.pi * (1 + i / 10) for i in range(11)]]
           + [(head[0] + r * 0.6, head[1] - r * 0.1), (head[0] - r * 0.2, head[1] + r * 0.2)], hair)
    for k, dy in enumerate((0.0, 0.08)):  # both arms reaching down
        c.tapered([(shoulder[0] + h * 0.04, shoulder[1] + h * (0.06 + dy)), (x + h * 0.36, ground - h * (0.3 - dy)),
                   (x + h * 0.46, ground - h * (0.14 - dy * 0.5))], dark(coat, 0.85 - k * 0.1), h * 0.11, h * 0.08)
        c.circle(x + h * 0.47, ground - h * (0.12 - dy * 0.5), h * 0.04, skin)


def lying_girl(c, x, ground, length):
    """A small girl lying still on her back (head to the right), red scarf, pink coat."""
    coat, legs, hair, skin = GIRL
    L = length
    for k in (-1, 1):  # legs and shoes, to the left
        c.tapered([(x - L * 0.14, ground - L * 0.06 + k * L * 0.025), (x - L * 0.5, ground - L * 0.04 + k * L * 0.04)],
                  dark(legs, 0.9 if k < 0 else 0.75), L * 0.075, L * 0.065)
        c.ellipse(x - L * 0.53, ground - L * 0.045 + k * L * 0.04, L * 0.045, L * 0.035, (120, 40, 50))
    shoulder = quad_bezier((x + L * 0.2, ground - L * 0.19), (x + L * 0.3, ground - L * 0.1),
                           (x + L * 0.22, ground + L * 0.01), 8)
    c.poly([(x - L * 0.2, ground - L * 0.15)] + shoulder + [(x - L * 0.22, ground + L * 0.01)], coat)
    c.poly([(x - L * 0.2, ground - L * 0.15), (x + L * 0.2, ground - L * 0.19), (x + L * 0.22, ground - L * 0.12),
            (x - L * 0.2, ground - L * 0.09)], light(coat, 0.22))
    c.line((x - L * 0.2, ground - L * 0.03), (x + L * 0.2, ground - L * 0.05), dark(coat, 0.8), max(1, L * 0.01))
    c.tapered([(x + L * 0.16, ground - L * 0.02), (x - L * 0.06, ground + L * 0.02)], dark(coat, 0.82),
              L * 0.065, L * 0.055)  # arm along her side
    c.circle(x - L * 0.08, ground + L * 0.02, L * 0.03, skin)
    # head turned away, pigtails spread on the ice
    hx, hy = x + L * 0.36, ground - L * 0.08
    for k in (-1, 1):
        c.tapered([(hx + L * 0.04, hy + k * L * 0.03), (hx + L * 0.16, hy + k * L * 0.06 + L * 0.04)], hair,
                  L * 0.07, L * 0.035)
        c.circle(hx + L * 0.07, hy + k * L * 0.035 + L * 0.01, L * 0.022, (240, 90, 130))
    c.circle(hx, hy, L * 0.1, skin)
    c.poly(ellipse_arc(hx, hy, L * 0.1, -math.pi * 0.55, math.pi * 0.55), hair)
    # the red scarf at her neck, one end trailing on the ice
    c.poly([(x + L * 0.22, ground - L * 0.17), (x + L * 0.29, ground - L * 0.18), (x + L * 0.3, ground + L * 0.0),
            (x + L * 0.23, ground + L * 0.01)], SCARF)
    c.tapered([(x + L * 0.27, ground - L * 0.01), (x + L * 0.33, ground + L * 0.05), (x + L * 0.45, ground + L * 0.07)],
              dark(SCARF, 0.9), L * 0.05, L * 0.04)


def ellipse_arc(cx, cy, r, a0, a1, n=12):
    angles = [a0 + (a1 - a0) * i / n for i in range(n + 1)]
    return [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in angles]


def basket_pair(c, x, rim_y, s, wave=True, dad=YONGGU_PRISON, kid=YESUNG):
    """A big man and a small girl above a basket rim (heads and arms), waving."""
    for (cx, outfit, hh, arm_up) in ((x - 30 * s, dad, 1.0, False), (x + 26 * s, kid, 0.62, True)):
        coat, _legs, hair, skin = outfit
        r = 14 * s * (1.0 if hh == 1.0 else 0.85)
        top = rim_y - 70 * s * hh
        body = [(cx - 24 * s * hh, rim_y + 4), (cx - 22 * s * hh, top + r * 2.0), (cx + 22 * s * hh, top + r * 2.0),
                (cx + 24 * s * hh, rim_y + 4)]
        shade_right(c, body, coat, cx + 8 * s * hh)
        c.circle(cx, top + r, r, skin)
        c.poly([(cx - r, top + r)] + [(cx + r * math.cos(a), top + r + r * math.sin(a))
                                      for a in [math.pi * (1 + i / 10) for i in range(11)]], hair)
        if wave and (arm_up or hh == 1.0):
            side = 1 if arm_up else -1
            base = (cx + side * 20 * s * hh, top + r * 2.4)
            hand = (cx + side * 40 * s * hh, top - 18 * s * hh)
            c.tapered([base, ((base[0] + hand[0]) / 2 + side * 6 * s, (base[1] + hand[1]) / 2), hand],
                      dark(coat, 0.85), 11 * s * hh, 8 * s * hh)
            c.circle(hand[0], hand[1] - 3 * s, 6 * s * hh, skin)
