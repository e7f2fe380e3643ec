"""Fixes from the English regression review (/work/review-en.md, 2026-11-30): the film-study handout's
subtitle and its "Real history" headings (#2), the Korean save card and title screen at 200% text (#3, #4),
and quicksave/autosave messages that name the slot, not its file (#5)."""
from __future__ import annotations

import re

from game import paths
from game.classroom import export
from game.classroom.quiz import Quiz
from game.library import load_library


def subtitle(html: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r'<p class="sub">(.*?)</p>', html)[1])


def headings(html: str) -> list[str]:
    return [h for h in re.findall(r"<h[23]>(.*?)</h[23]>", html) if ":" in h and "history" in h.lower()
            or h.startswith("실제 역사")]


# --- #2 the handout --------------------------------------------------------------------------------------

def test_the_shipped_storys_handout_is_a_film_study_one_naming_the_films_korean_title(shipped_library):
    story = shipped_library.story
    data = export.handout_data(story, shipped_library.quiz)
    for html in (export.handout_html(data),):
        sub = subtitle(html)
        assert sub.startswith("Film-study handout: ") and story.tagline in sub
        assert sub.endswith(f", in Korean {story.korean_title}")
        assert f'<span lang="ko">{story.korean_title}</span>' in html
    korean = shipped_library.in_language("ko")
    sub = subtitle(export.handout_html(export.handout_data(korean.story, korean.quiz, "ko")))
    assert sub == f"영화 학습지: {korean.story.tagline}" and "7번방의 선물" in sub and "Film" not in sub


def test_a_story_without_a_korean_title_keeps_a_plain_study_handout():
    library = load_library(paths.ROOT / "examples" / "night_ferry")
    html = export.handout_html(export.handout_data(library.story, library.quiz or Quiz()))
    assert subtitle(html).startswith("Study handout") and "Film" not in subtitle(html)
    assert "Miracle" not in html and "Room 7" not in html


def test_a_film_story_without_a_tagline_still_names_its_korean_title(shipped_library):
    data = export.handout_data(shipped_library.story, Quiz())
    data.tagline = ""
    assert subtitle(export.handout_html(data)) == f"Film-study handout: {data.korean_title}"
    data.language = "ko"
    assert subtitle(export.handout_html(data)) == f"영화 학습지: 《{data.korean_title}》"


def test_the_subtitles_words_are_escaped_around_the_storys_own_text(shipped_library):
    data = export.handout_data(shipped_library.story, Quiz())
    data.tagline, data.korean_title = "Tom & <Jerry>", "한<국>"
    html = export.handout_html(data)
    assert "Tom &amp; &lt;Jerry&gt;, in Korean <span lang=\"ko\">한&lt;국&gt;</span>" in html


def test_real_history_headings_read_as_one_phrase_in_both_languages(shipped_library):
    data = export.handout_data(shipped_library.story, shipped_library.quiz)
    for html in (export.handout_html(data), export.answer_key_html(data)):
        found = headings(html)
        assert "Real history: the real case" in found and "Real history: box office" in found, found
        assert not any(re.search(r"Real history: [A-Z]", h) for h in found), found
    korean = shipped_library.in_language("ko")
    found = headings(export.handout_html(export.handout_data(korean.story, korean.quiz, "ko")))
    assert "실제 역사: 실제 사건" in found and "실제 역사: 흥행" in found, found
