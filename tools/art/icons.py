"""Small 64x64 UI glyphs."""
from . import scenery as S
from .common import Canvas, rgba, rng_for

SIZE = 64


def balloon_icon(c, rng):
    c.glow(32, 26, 30, (255, 210, 150), alpha=90, add=False, power=1.6)
    S.balloon(c, 32, 23, 18, rng, lit=(255, 230, 180), shadow=(90, 50, 90), rope=0)


def evidence_icon(c, rng):
    # notebook
    c.rect(8, 10, 36, 46, (60, 40, 30), radius=4)
    c.rect(10, 8, 36, 46, (200, 150, 90), radius=4)
    c.rect(10, 8, 8, 46, (170, 110, 60), radius=3)
    for i in range(5):
        c.line((22, 18 + i * 7), (40, 18 + i * 7), (120, 90, 60), 1.4)
    # magnifier
    c.line((44, 44), (57, 57), (60, 40, 30), 6)
    c.circle(38, 38, 13, (70, 60, 60))
    c.circle(38, 38, 10, rgba((210, 236, 250), 220))
    c.poly([(31, 34), (36, 29), (38, 31), (33, 36)], rgba((255, 255, 255), 200))


ICONS = {"balloon_icon": balloon_icon, "evidence_icon": evidence_icon}


def render(name):
    c = Canvas(SIZE, SIZE, ss=4, alpha=True)
    ICONS[name](c, rng_for(name))
    return c.finish()
