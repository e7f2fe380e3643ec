"""Exports in the reader's language, about the story they come from: the handout's subtitle is the story's
own line about itself (never Cell 7's film on another story's handout), and a Korean handout's headings,
labels and quiz words are Korean."""
from __future__ import annotations

import re

from game import paths
from game.classroom import export
from game.classroom.quiz import Quiz
from game.library import load_library


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html.split("<body>")[1])


def test_another_storys_handout_has_its_own_subtitle():
    library = load_library(paths.ROOT / "examples" / "night_ferry")
    html = export.handout_html(export.handout_data(library.story, library.quiz or Quiz()))
    sub = re.search(r'<p class="sub">(.*?)</p>', html)[1]
    assert "Miracle" not in html and "Cell No. 7" not in html and "Room 7" not in html
    assert sub.startswith("Study handout") and (not library.story.tagline or library.story.tagline[:20] in sub)


def test_a_korean_handout_speaks_korean_around_the_storys_own_words(shipped_library):
    korean = shipped_library.in_language("ko")
    data = export.handout_data(korean.story, korean.quiz, "ko")
    html, key = export.handout_html(data), export.answer_key_html(data)
    body = text_of(html)
    for heading in ("챕터별 이야기", "토론 질문", "퀴즈", "이름:", "문제마다 답을 하나씩"):
        assert heading in body, heading
    assert "The story, chapter by chapter" not in body and "Circle one answer" not in body
    assert "Answer:" not in text_of(key) and "정답:" in text_of(key)
    assert '<html lang="ko">' in html
    # the English edition is still English, whatever language the screens speak
    english = export.handout_html(export.handout_data(shipped_library.story, shipped_library.quiz))
    assert "The story, chapter by chapter" in english and "챕터별 이야기" not in english
