"""The player's side of the Korean edition (issue 18): the language setting and --lang, switching mid-scene
without losing the place, bilingual mode, the language self-voicing speaks, Korean line breaking and typing.

Nothing here depends on how far the Korean tables have got: a text not translated yet is English, and each
check compares with what the Korean library itself says (`library.in_language("ko")`).
"""
from __future__ import annotations

import unicodedata
from types import SimpleNamespace

import pygame
import pytest
from conftest import play_until, run_main

from game import paths, words
from game.content import markup
from game.content.markup import Span
from game.profile import Profile
from game.runtime import events as ev
from game.runtime.wording import options_of
from game.screens.app import App
from game.screens.voice import voice_for
from game.settings import Settings
from game.ui.fonts import FontBook


@pytest.fixture
def library(shipped_library):
    return shipped_library


def make_app(library, tmp_path, **settings) -> App:
    profile = Profile(tmp_path / "data", library.story_id)
    for name, value in settings.items():
        setattr(profile.settings, name, value)
    return App(library, profile, window=False)


def lines_in(play, n: int) -> ev.LineEvent:
    """Step the play screen to its n-th line (first options at choices)."""
    return play_until(play, lambda event: isinstance(event, ev.LineEvent), n, limit=3000)


def korean_of(library, play, index: int = -1) -> ev.Event:
    return play.rt.told_in(library.in_language("ko").story, index)


# --- the setting -----------------------------------------------------------------------------------------

def test_language_settings_default_and_are_checked_on_load():
    s = Settings()
    assert (s.language, s.bilingual, s.voice_language) == ("en", False, "")
    good = Settings.from_dict({"language": "ko", "bilingual": True, "voice_language": "en"})
    assert (good.language, good.bilingual, good.voice_language) == ("ko", True, "en")
    bad = Settings.from_dict({"language": "", "bilingual": "yes", "voice_language": "../../x", "font_scale": 1.5})
    assert (bad.language, bad.bilingual, bad.voice_language, bad.font_scale) == ("en", False, "", 1.5)


def test_the_app_reads_in_the_setting_s_language(library, tmp_path):
    app = make_app(library, tmp_path, language="ko")
    assert app.library.language == "ko" and words.language() == "ko"
    assert app.library is library.in_language("ko") and app.story.fingerprint == library.story.fingerprint
    assert "ko" in app.languages and app.languages[0] == "en"
    english = make_app(library, tmp_path / "en")
    assert english.library.language == "en" and words.language() == "en"


# --- switching at any time, mid-scene ------------------------------------------------------------------------

def test_switching_language_mid_scene_keeps_the_place_the_backlog_and_rollback(library, tmp_path):
    app = make_app(library, tmp_path)
    app.nav.open("title")
    play = app.nav.open("play")
    before = lines_in(play, 6)
    place, shown, state = play.rt.state.scene, len(play.rt.shown()), play.rt.state.to_dict()
    app.set_language("ko")
    assert play.rt.story is app.story and app.story is library.in_language("ko").story
    assert len(play.rt.shown()) == shown and play.rt.state.to_dict() == state and play.rt.state.scene == place
    assert play.event.line_id == before.line_id
    assert play.event.text == korean_of(library, play).text  # the same line, as the Korean tables tell it
    assert play.quick_names() and words.t("play.quick_log") == "대사록"
    back = play.rt.shown()[-2]
    play.rollback()  # rollback goes on in Korean
    assert play.event.line_id == getattr(back, "line_id", play.event.line_id)
    assert play.rt.story is app.story
    play.roll_forward()
    app.set_language("en")
    assert play.event == before and play.rt.state.to_dict() == state  # and back, word for word


def test_switching_language_in_settings_over_a_playing_game(library, tmp_path):
    app = make_app(library, tmp_path)
    app.nav.open("title")
    play = app.nav.open("play")
    lines_in(play, 3)
    line_id = play.event.line_id
    settings = app.nav.open("settings")
    assert settings.rows[0].key == "language" and settings.index == 0
    settings.change(1)  # English -> 한국어
    assert app.settings.language == "ko" and words.language() == "ko" and not app.settings.bilingual
    assert settings.rows[0].label == "언어" and settings._value(settings.rows[0]) == "‹  한국어  ›"
    assert play.rt.story is app.story and play.event.line_id == line_id
    settings.change(1)  # 한국어 + English
    assert app.settings.language == "ko" and app.settings.bilingual
    assert settings._value(settings.rows[0]) == "‹  한국어 + English  ›"
    app.step(0.05)
    settings.on_action(SimpleNamespace(name="cancel", pos=None))
    again = Profile(app.profile.data, app.profile.story_id)
    assert again.settings.language == "ko" and again.settings.bilingual  # kept for the next start
    assert App(library, again, window=False).library.language == "ko"


def test_saves_do_not_depend_on_the_language(library, tmp_path):
    app = make_app(library, tmp_path, language="ko")
    app.nav.open("title")
    play = app.nav.open("play")
    lines_in(play, 5)
    korean_line = play.event
    play.save("1")
    app.writer.flush()
    english = make_app(library, tmp_path)  # the same profile folder, read in English
    english.nav.open("title")
    other = english.nav.open("play")
    other.load("1")
    assert other.event.line_id == korean_line.line_id
    assert other.event.text == other.rt.told_in(library.story).text  # in English now


# --- bilingual mode ----------------------------------------------------------------------------------------

def test_bilingual_line_choice_and_backlog_carry_the_second_language(library, tmp_path):
    app = make_app(library, tmp_path, language="ko", bilingual=True)
    assert app.gloss_language == "en" and app.gloss_story() is library.story
    app.nav.open("title")
    play = app.nav.open("play")
    line = lines_in(play, 2)
    gloss = play.gloss()
    english = play.rt.told_in(library.story)
    assert gloss is None if english == line else gloss.text == english.text
    for _ in range(200):  # on to the first choice
        if isinstance(play.event, ev.ChoiceEvent):
            break
        play.next_event()
    choice, told = play.event, play.rt.told_in(library.story)
    for (i, text), item in zip(choice.options, play.menu.items):
        english_option = dict(told.options)[i]
        assert item.label.startswith(text)
        assert (english_option in item.label) == (english_option != text)
    backlog = app.nav.open("backlog", play=play)
    for entry in backlog.entries:
        if entry.kind == "line":
            assert entry.gloss == ("" if play.rt.told_in(library.story, entry.at).text == entry.text
                                   else play.rt.told_in(library.story, entry.at).text)


def test_english_with_korean_under_it_and_one_language_stories(library, tmp_path):
    app = make_app(library, tmp_path, bilingual=True)
    assert app.gloss_language == "ko"
    app.settings.bilingual = False
    assert app.gloss_language is None and app.gloss_story() is None
    from game.library import check_library
    ferry = check_library(paths.ROOT / "examples" / "night_ferry")
    if len(ferry.languages) == 1:  # a story told in one language only: bilingual mode has nothing to add
        other = App(ferry, Profile(tmp_path / "nf", ferry.story_id), window=False)
        other.settings.bilingual = True
        assert other.gloss_language is None


# --- self-voicing ------------------------------------------------------------------------------------------

def test_voice_for_picks_a_voice_that_speaks_the_language():
    voices = [SimpleNamespace(id="english", name="English", languages=[b"\x05en-gb"]),
              SimpleNamespace(id="ko", name="Korean", languages=["ko_KR"]),
              SimpleNamespace(id="com.apple.voice.Yuna", name="Yuna", languages=[])]
    assert voice_for(voices, "ko") == "ko" and voice_for(voices, "en") == "english"
    assert voice_for(voices[:1], "ko") is None  # no Korean voice: silent, not Hangul read by an English voice
    assert voice_for([SimpleNamespace(id="HKEY/ko-KR/Heami", name="Heami", languages=[])], "ko") == "HKEY/ko-KR/Heami"


@pytest.mark.parametrize("voice_language", ["", "ko", "en"])
def test_self_voicing_reads_the_chosen_language(library, tmp_path, voice_language):
    app = make_app(library, tmp_path, language="ko", self_voicing=True, voice_language=voice_language)
    spoken: list[tuple[str, str]] = []
    app.voice.available = True
    app.voice.say = lambda text, language=None: spoken.append((app.voice.language, text))
    app.nav.open("title")
    play = app.nav.open("play")
    line = lines_in(play, 3)
    language, text = spoken[-1]
    assert language == (voice_language or "ko")
    told = line if language == "ko" else play.rt.told_in(library.story)
    assert text.endswith(markup.plain(told.text))


# --- Korean line breaking and typing -----------------------------------------------------------------------

def fonts() -> FontBook:
    pygame.font.init()
    return FontBook()


def test_long_hangul_runs_wrap_inside_the_width_without_breaking_a_syllable():
    book = fonts()
    run = "용구가예승에게세일러문가방을사주겠다고약속했다" * 3  # no spaces at all
    for text in (run, unicodedata.normalize("NFD", run)):
        lines = markup.wrap([Span(text)], 300, lambda t, b, i: book.width(t, 28, b))
        assert len(lines) > 2
        assert "".join(r.text for line in lines for r in line) == text
        for line in lines:
            shown = "".join(r.text for r in line)
            assert book.width(shown, 28) <= 300
            composed = unicodedata.normalize("NFC", shown)
            assert all(0xAC00 <= ord(ch) <= 0xD7A3 for ch in composed)  # whole syllables only
    plain = book.wrap(unicodedata.normalize("NFD", run), 28, 300)
    assert all(all(0xAC00 <= ord(c) <= 0xD7A3 for c in unicodedata.normalize("NFC", line)) for line in plain)


def test_korean_text_wraps_between_words_and_never_starts_a_line_with_punctuation():
    book = fonts()
    text = "예승이 그의 책상에 서류철을 내려놓는다. 얼마나 여닫았는지 표지 모서리가 보들보들하게 닳아 있다."
    lines = [" ".join(r.text for r in line) for line in markup.wrap(markup.spans(text), 420,
                                                                    lambda t, b, i: book.width(t, 30, b))]
    words_of = set(text.split())
    assert all(word in words_of for line in lines for word in line.split())  # no word cut in two
    measure = lambda t, b, i: 10 * len(markup.clusters(t))  # noqa: E731
    for width in range(30, 200, 10):
        for sample in ("가나다라마바사.아자차!", "「가나다라마바사」카타파", "용구는…예승이가…"):
            for line in markup.wrap([Span(sample)], width, measure):
                shown = "".join(r.text for r in line)
                assert shown[:1] not in markup.NO_START or len(shown) == 1
                assert shown[-1:] not in markup.NO_END or len(shown) == 1


def test_the_typewriter_never_shows_half_a_syllable():
    text = unicodedata.normalize("NFD", "아빠, 예승이 여기 있어요!")
    lines = markup.wrap([Span(text)], 10_000, lambda t, b, i: len(t))
    for count in range(1, len(text) + 1):
        shown = "".join(r.text for line in markup.cut(lines, count) for r in line)
        assert text.startswith(shown)
        assert unicodedata.normalize("NFC", shown) == unicodedata.normalize("NFC", "".join(
            markup.clusters(text)[:len(markup.clusters(shown))]))
        last = markup.clusters(shown)[-1] if shown else ""
        assert not last or len(unicodedata.normalize("NFC", last)) == 1


def test_a_korean_line_types_out_in_the_play_screen(library, tmp_path):
    app = make_app(library, tmp_path, language="ko", text_speed=30)
    app.nav.open("title")
    play = app.nav.open("play")
    lines_in(play, 2)
    play.typed = 0.0
    app.step(0.1)
    assert not play.line_done()
    app.step(60.0)
    assert play.line_done()


# --- the command line ----------------------------------------------------------------------------------------

def test_play_lang_ko_starts_in_korean(capsys, monkeypatch, tmp_path, built_app):
    monkeypatch.setenv("CELL7_EXIT_AFTER", "line")
    code, _, err = run_main(capsys, "play", "--lang", "ko", "--data-dir", str(tmp_path))
    assert code == 0, err
    app = built_app["app"]
    assert app.library.language == "ko" and isinstance(app.top.event, ev.LineEvent)
    assert app.top.event.text == app.top.rt.told_in(app.library.in_language("ko").story).text


def test_lang_unknown_is_refused(capsys, tmp_path):
    code, _, err = run_main(capsys, "play", "--lang", "tlh", "--data-dir", str(tmp_path))
    assert code == 2 and "no language 'tlh'" in err


def test_timeline_poster_and_screenshot_in_korean(capsys, tmp_path):
    code, _, err = run_main(capsys, "timeline", "--export", str(tmp_path / "poster.png"), "--lang", "ko")
    assert code == 0, err
    poster = pygame.image.load(str(tmp_path / "poster.png"))
    assert poster.get_width() > 1000
    code, _, err = run_main(capsys, "screenshot", "--scene", "prologue", "--beat", "3",
                            "--out", str(tmp_path / "shot.png"), "--lang", "ko")
    assert code == 0, err
    assert (tmp_path / "shot.png").is_file()


def test_a_korean_line_types_and_waits_at_a_reading_pace():
    from game.screens.play import reading_length
    assert reading_length("Hello there") == 11 and reading_length("용구야 안녕") == 11  # 5 syllables x 2 + a space
    book = SimpleNamespace()  # a play screen's pace needs only its own memo
    from game.screens.play import PlayScreen
    book._paced = ("", 1.0)
    assert PlayScreen._pace(book, "Hello there") == 1.0
    assert 0.5 < PlayScreen._pace(book, "예승이 그의 책상에 서류철을 내려놓는다.") < 0.6


def test_bilingual_cards_carry_the_second_language(library, tmp_path):
    app = make_app(library, tmp_path, language="ko", bilingual=True, prompts_in_play=True)
    app.nav.open("title")
    play = app.nav.open("play")
    kinds = (ev.EvidenceEvent, ev.PromptEvent)
    found = set()
    for _ in range(3000):
        e = play.event
        if isinstance(e, ev.EndEvent) or found == set(kinds):
            break
        if isinstance(e, kinds):
            english = play.rt.told_in(library.story)
            assert play._card_gloss(e) == (english if english != e else None)
            app.step(0.05)  # drawn with it
            found.add(type(e))
        if isinstance(e, ev.WAITS_FOR_CHOICE):
            play.choose(e.options[0][0])
        else:
            play.next_event()
    assert found == set(kinds)


def test_a_first_start_takes_the_system_language(capsys, monkeypatch, tmp_path, built_app):
    from game.screens.app import system_language
    assert system_language(["en", "ko"], {"LANG": "ko_KR.UTF-8"}) == "ko"
    assert system_language(["en", "ko"], {"LC_ALL": "Korean_Korea.949"}) == "ko"
    assert system_language(["en", "ko"], {"LANG": "fr_FR.UTF-8"}) is None  # a language the game lacks
    monkeypatch.setenv("CELL7_EXIT_AFTER", "title")
    for key in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, _, err = run_main(capsys, "play", "--data-dir", str(tmp_path / "first"))
    assert code == 0, err
    assert built_app["app"].library.language == "ko"  # no settings yet: the system's language
    profile = Profile(tmp_path / "chosen", "cell7")
    profile.settings.language = "en"
    profile.save_settings()
    code, _, err = run_main(capsys, "play", "--data-dir", str(tmp_path / "chosen"))
    assert code == 0, err
    assert built_app["app"].library.language == "en"  # a player's own choice wins


def test_the_backlog_follows_a_language_switch(library, tmp_path):
    app = make_app(library, tmp_path)
    app.nav.open("title")
    play = app.nav.open("play")
    lines_in(play, 4)
    backlog = app.nav.open("backlog", play=play)
    before = [e.text for e in backlog.entries]
    app.set_language("ko")
    ko = library.in_language("ko").story
    assert [e.text for e in backlog.entries] == [
        e.text if e.kind != "line" else play.rt.told_in(ko, e.at).text for e in backlog.entries]
    assert len(backlog.entries) == len(before)


def test_bilingual_content_note_answers(library, tmp_path):
    app = make_app(library, tmp_path, language="ko", bilingual=True)
    app.nav.open("title")
    play = app.nav.open("play")
    for _ in range(3000):
        if isinstance(play.event, ev.ContentNoteEvent):
            break
        if isinstance(play.event, ev.ChoiceEvent):
            play.choose(play.event.options[0][0])
        else:
            play.next_event()
    labels = [item.label for item in play.menu.items]
    with words.speaking("en"):
        english = [text for _, text in options_of(play.event)]
    assert all(e in label for e, label in zip(english, labels)) and all(item.markup for item in play.menu.items)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_bilingual_sources_card_glosses_its_topic_and_question_or_leaves_them_out(library, tmp_path, scale):
    """A "sources differ" card's topic and question in the second language, unless making room for them would
    shrink the card's own words by more than a step (large text): then the card comes as it is in one language."""
    from game.ui.theme import HEIGHT
    app = make_app(library, tmp_path, language="ko", bilingual=True, font_scale=scale)
    app.apply_settings()
    app.nav.open("title")
    play = app.nav.open("play")
    play_until(play, lambda event: isinstance(event, ev.SourcesPage) and isinstance(event.cards[0], ev.DifferEvent),
               limit=3000)
    card = play.event.cards[0]
    english = play.rt.told_in(library.story).cards[0]
    assert play._card_gloss(card) == (english if english != card else None)
    drawn: list[str] = []
    render = type(app.fonts).render

    def recording(self, text, *args, **kwargs):
        drawn.append(text)
        return render(self, text, *args, **kwargs)
    app.fonts.render = recording.__get__(app.fonts)
    app.step(0.05)
    if scale == 1.0 and english.topic != card.topic:
        assert english.topic in drawn
    assert app.canvas.get_height() == HEIGHT
