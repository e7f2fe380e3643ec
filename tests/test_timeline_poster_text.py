"""The poster's text lines: an award ceremony's heading gives its date once (a name that already holds the year
is not followed by it again)."""
from __future__ import annotations

import pytest

from game import paths, words
from game.library import load_library
from game.screens.timeline_poster import _lines


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_ceremony_heading_gives_its_year_once(language):
    timeline = load_library(paths.SCENES).in_language(language).timeline
    words.set_language(language)
    headings = {_lines(e, {})[0][0] for e in timeline.events if e.detail("ceremony")}
    golden = next(h for h in headings if "Golden Cinema Festival" in h)
    assert golden.count("2014") == 1, golden
    for heading in headings:
        ceremony, _, when = heading.partition(" · ")
        assert not when or when not in ceremony, heading
    assert any(" · " in h for h in headings)  # names without the date still get it
