"""Exports, all to local files: the session log and quiz results as CSV, a Markdown summary,
and a printable handout (HTML, one self-contained file) with a separate answer key.

CSV columns (one row per log entry / per team answer) are documented in docs/classroom.md
and listed in SESSION_COLUMNS and QUIZ_COLUMNS below.
"""
from __future__ import annotations

import csv
import datetime as _dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import Chapter
from ..words import chapter_entry, chapter_label, speaking, t
from .quiz import TOPICS, Question, Quiz
from .session import Entry, SessionLog, format_clock

SESSION_COLUMNS = ("seconds", "clock", "kind", "chapter", "scene", "what", "how", "tally", "detail")
QUIZ_COLUMNS = ("seconds", "clock", "quiz", "question_id", "topic", "chapter", "team", "answer_given",
                "right_answer", "correct", "points", "source", "section")


def default_folder(profile_folder: Path, when: _dt.datetime | None = None) -> Path:
    """<profile folder>/classroom/<YYYY-MM-DD_HHMMSS>/"""
    when = when or _dt.datetime.now()
    return Path(profile_folder) / "classroom" / when.strftime("%Y-%m-%d_%H%M%S")


# --- session CSV --------------------------------------------------------------------------------

def _what_how(e: Entry) -> tuple[str, str, str]:
    d = e.detail
    if e.kind == "scene":
        return d.get("title", ""), "", ""
    if e.kind == "choice":
        return d.get("text", ""), d.get("how", ""), ""
    if e.kind == "content_note":
        return "; ".join(d.get("topics", [])), d.get("decision", ""), ""
    if e.kind == "vote":
        tallies = d.get("tallies", [])
        tally = "; ".join(f"{text} = {count}" for _, text, count in tallies)
        winner = next((text for index, text, _ in tallies if index == d.get("winner")), "")
        # the CSV's ids stay the same in every language (docs/classroom.md); only its texts are in the one played
        return winner, "tie broken by teacher" if d.get("tie_broken_by_teacher") else "most hands", tally
    if e.kind == "prompt":
        return d.get("question", ""), "", ""
    if e.kind == "quiz_answer":
        return d.get("question", ""), d.get("team", ""), ""
    if e.kind in ("quiz_start",):
        return d.get("title", ""), "", ""
    if e.kind == "quiz_end":
        return "; ".join(f"{team} {score}" for team, score in d.get("scores", {}).items()), "", ""
    if e.kind == "content_plan":
        return "; ".join(f"{scene}: {decision}" for scene, decision in d.get("plan", {}).items()), "", ""
    return d.get("started", d.get("text", "")), "", ""


def session_rows(log: SessionLog) -> list[dict[str, str]]:
    rows = []
    for e in log.entries:
        what, how, tally = _what_how(e)
        rows.append({"seconds": f"{e.t:.1f}", "clock": e.clock(), "kind": e.kind,
                     "chapter": "" if e.chapter is None else str(e.chapter), "scene": e.scene, "what": what,
                     "how": how, "tally": tally, "detail": json.dumps(e.detail, ensure_ascii=False, sort_keys=True)})
    return rows


def quiz_rows(log: SessionLog) -> list[dict[str, str]]:
    rows = []
    for e in log.of("quiz_answer"):
        d = e.detail
        rows.append({"seconds": f"{e.t:.1f}", "clock": e.clock(), "quiz": d.get("quiz", ""),
                     "question_id": d.get("question", ""), "topic": d.get("topic", ""),
                     "chapter": "" if e.chapter is None else str(e.chapter), "team": d.get("team", ""),
                     "answer_given": d.get("given", ""), "right_answer": d.get("answer", ""),
                     "correct": "yes" if d.get("correct") else "no", "points": str(d.get("points", 0)),
                     "source": d.get("source", ""), "section": d.get("section", "")})
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text, never runs: one starting like a formula gets a leading
    single quote (OWASP's CSV-injection advice)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # with a byte-order mark: Excel (a school's spreadsheet) then reads the Korean as UTF-8, not the system code page
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows({key: safe_cell(value) for key, value in row.items()} for row in rows)
    return path


# --- Markdown summary ---------------------------------------------------------------------------

def _md(text: object) -> str:
    """Content text inside the Markdown summary: HTML escaped, one line, table pipes escaped."""
    return html.escape(" ".join(str(text).split()), quote=False).replace("|", "\\|")


def summary_markdown(log: SessionLog, story_title: str = "Cell 7") -> str:
    lines = [f"# {t('summary.title', story=_md(story_title))}", "",
             f"- {t('summary.started', when=log.started.strftime('%Y-%m-%d %H:%M'))}",
             f"- {t('summary.length', clock=format_clock(log.entries[-1].t if log.entries else 0))}", ""]
    plans = log.of("content_plan")
    if plans:
        lines += [f"## {t('summary.content_notes')}", ""]
        titles = plans[-1].detail.get("titles", {})
        for scene, decision in plans[-1].detail.get("plan", {}).items():
            shown = t("summary.played") if decision == "play" else t("summary.summary_instead")
            lines.append(f"- {_md(titles.get(scene, scene))}: {shown}")
        lines.append("")
    path = log.path()
    if path:
        lines += [f"## {t('summary.path')}", ""]
        for e in path:
            d = e.detail
            if e.kind == "scene":
                lines.append(f"- {e.clock()} · {chapter_label(e.chapter)}: **{_md(d.get('title', e.scene))}**")
            elif e.kind == "jump":
                jumped = t("summary.jumped", chapter=chapter_label(e.chapter), scene=_md(e.scene))
                lines.append(f"- {e.clock()} · {jumped}")
            elif e.kind == "content_note":
                decision = t("summary.played") if d.get("decision") == "play" else t("summary.summary_instead")
                lines.append(f"  - {e.clock()} · {t('summary.content_note', decision=decision)}")
            else:
                who = t(f"summary.how_{d['how']}")
                lines.append(f"  - {e.clock()} · {who}: {_md(d.get('text'))}")
        lines.append("")
    votes = log.of("vote")
    if votes:
        lines += [f"## {t('summary.votes')}", ""]
        for e in votes:
            d = e.detail
            lines.append(f"- {e.clock()} · {_md(d.get('prompt') or d.get('key'))}")
            for index, text, count in d.get("tallies", []):
                mark = t("summary.taken") if index == d.get("winner") else ""
                hands = t("summary.hand" if count == 1 else "summary.hands", count=_md(count))
                lines.append(f"  - {_md(text)}: {hands}{mark}")
            if d.get("tie_broken_by_teacher"):
                lines.append(f"  - {t('summary.tie')}")
        lines.append("")
    prompts = log.of("prompt")
    if prompts:
        lines += [f"## {t('summary.prompts')}", ""]
        lines += [f"- {e.clock()} · {_md(e.detail.get('question'))}" for e in prompts]
        lines.append("")
    for start in log.of("quiz_start"):
        lines += [f"## {t('summary.quiz', title=_md(start.detail.get('title')))}", ""]
        end = next((e for e in log.of("quiz_end") if e.t >= start.t), None)
        answers = [e for e in log.of("quiz_answer") if e.t >= start.t and (end is None or e.t <= end.t)]
        scores: dict[str, int] = {team: 0 for team in start.detail.get("teams", [])}
        for e in answers:
            scores[e.detail["team"]] = scores.get(e.detail["team"], 0) + int(e.detail.get("points", 0))
        questions = len({e.detail["question"] for e in answers})
        lines.append(t("summary.answered", count=questions))
        lines.append("")
        lines += [f"| {t('summary.team')} | {t('summary.score')} |", "| --- | --- |"]
        lines += [f"| {_md(team)} | {score} |" for team, score in scores.items()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_session(log: SessionLog, folder: Path, story_title: str = "Cell 7") -> list[Path]:
    """Write session.csv, quiz.csv and summary.md into `folder`; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_csv(folder / "session.csv", SESSION_COLUMNS, session_rows(log)),
               write_csv(folder / "quiz.csv", QUIZ_COLUMNS, quiz_rows(log))]
    md = folder / "summary.md"
    md.write_text(summary_markdown(log, story_title), encoding="utf-8")
    written.append(md)
    return written


# --- handout ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PromptItem:
    """One discussion prompt in the handout, with the chapter and scene it belongs to."""

    chapter: int
    scene_title: str
    question: str
    followups: tuple[str, ...] = ()
    minutes: int | None = None




@dataclass
class HandoutData:
    """Everything the handout prints: chapters, prompts, quiz and sources."""

    title: str
    korean_title: str
    chapters: list[Chapter]
    prompts: list[PromptItem] = field(default_factory=list)
    quiz: Quiz = field(default_factory=Quiz)
    sources: dict[str, str] = field(default_factory=dict)  # source id -> title
    language: str = "en"  # the language of its texts (the page's lang; Korean pages are set in the embedded font)
    tagline: str = ""  # the story's own line about itself (the handout's subtitle)
    film: str = ""  # the film it retells, as the English handout names it (story.yaml `film`)


def handout_data(story, quiz: Quiz, language: str = "en") -> HandoutData:
    """Chapter summaries and discussion prompts from a loaded story (scenes in playing order)."""
    from ..content import model as m
    from .notes import story_order
    prompts = [PromptItem(scene.chapter, scene.title, op.question, tuple(op.followups), op.minutes)
               for scene in story_order(story) for op in scene.code if isinstance(op, m.Prompt)]
    return HandoutData(story.title, story.korean_title, list(story.chapters),
                       prompts, quiz, {s.id: s.title for s in story.sources.values()}, language,
                       getattr(story, "tagline", "") or "", getattr(story, "film", "") or "")


CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans","DejaVu Sans",Arial,"Cell7 Hangul","Malgun Gothic","Apple SD Gothic Neo",
"Noto Sans CJK KR","Noto Sans KR",
 "NanumGothic","Nanum Gothic",sans-serif;color:#111;background:#fff;
 max-width:52rem;margin:0 auto;padding:2rem 2.5rem;line-height:1.45;font-size:12pt}
h1{font-size:22pt;margin:0 0 .2rem}
h1 .ko{font-weight:normal;color:#444;font-size:16pt;margin-left:.5rem}
:lang(ko){font-family:"Cell7 Hangul","Malgun Gothic","Apple SD Gothic Neo","Noto Sans CJK KR","Noto Sans KR",
 "NanumGothic","Nanum Gothic",sans-serif;word-break:keep-all;line-break:strict}
.sub{color:#444;margin:0 0 1.2rem}
.sub span:lang(ko){white-space:nowrap}
h2{font-size:16pt;border-bottom:2px solid #111;padding-bottom:.2rem;margin-top:1.8rem}
h3{font-size:13pt;margin:1.1rem 0 .3rem}
.chapter,.prompt,.q{break-inside:avoid;page-break-inside:avoid}
.chapter p{margin:.2rem 0 .6rem}
.label{font-weight:bold;color:#555}
.prompt{border-left:4px solid #5a8f4a;padding:.2rem 0 .2rem .8rem;margin:.6rem 0}
.prompt .where{color:#555;font-size:10pt}
.prompt ul{margin:.2rem 0}
.lines{border-bottom:1px solid #999;height:1.6rem}
ol.quiz{padding-left:1.6rem}
.q{margin:.5rem 0 .9rem}
.q p{margin:.15rem 0}
.q ol{list-style:upper-alpha;margin:.25rem 0 0}
.tf{margin:.25rem 0 0 1.2rem}
.src{color:#555;font-size:9.5pt}
.ans{font-weight:bold}
.exp{margin:.15rem 0}
.name{margin:0 0 1rem;font-size:12pt}
.name span{display:inline-block;border-bottom:1px solid #111;width:16rem}
footer{margin-top:2rem;color:#555;font-size:9.5pt;border-top:1px solid #bbb;padding-top:.4rem}
@media print{body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid;page-break-after:avoid}
 a{color:#111;text-decoration:none}}
@page{margin:18mm 16mm}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: list[str], language: str = "en") -> str:
    """One self-contained page: the game's Hangul font travels inside it (base64, cut down to the characters
    the page uses; game/classroom/fontface.py), so Korean prints on a machine without a Korean font."""
    from .fontface import font_face_css
    faces = font_face_css(title + "".join(body))
    return "\n".join(["<!DOCTYPE html>", f'<html lang="{_e(language)}">', "<head>", '<meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{_e(title)}</title>", f"<style>{faces}\n{CSS}</style>", "</head>", "<body>", *body,
                      "</body>", "</html>", ""])


def _title(data: HandoutData) -> str:
    korean = f'<span class="ko" lang="ko">{_e(data.korean_title)}</span>' if data.korean_title else ""
    return f"<h1>{_e(data.title)}{korean}</h1>"


def _subtitle(data: HandoutData) -> str:
    """The handout's subtitle (HTML). A story with a Korean title retells a film (story.yaml's korean_title is
    the film's title in Hangul), so its handout is a film-study one that gives the film's Korean title too;
    any other story's is a study handout with the story's tagline. story.yaml's `film` (English: the film's title,
    year, romanised Korean title and its meaning) is the English subtitle when there is one."""
    if not data.korean_title:
        return _e(t("handout.sub", tagline=data.tagline) if data.tagline else t("handout.sub_plain"))
    # the words are escaped with markers in place of the values, then the values go in with their markup
    key = "handout.film_named" if data.film else "handout.film_sub" if data.tagline else "handout.film_sub_plain"
    wording = _e(t(key, tagline="\x00tagline\x00", korean_title="\x00korean\x00", film="\x00film\x00"))
    return (wording.replace("\x00tagline\x00", _e(data.tagline)).replace("\x00film\x00", _e(data.film))
            .replace("\x00korean\x00", f'<span lang="ko">{_e(data.korean_title)}</span>'))


def _quiz_sections(data: HandoutData) -> list[tuple[str, list[Question]]]:
    sections = []
    titles = {c.number: c.title for c in data.chapters}
    for number in sorted({q.chapter for q in data.quiz.story()}):
        sections.append((t("quiz.set_chapter", chapter=chapter_label(number), title=titles.get(number, "")),
                         data.quiz.story(number)))
    for topic in TOPICS:
        if topic != "story" and data.quiz.history(topic):
            sections.append((t(f"handout.history_{topic}"), data.quiz.history(topic)))
    return sections


def _source_line(data: HandoutData, q: Question) -> str:
    return f'<p class="src">{_e(t("quiz.source", source=data.sources.get(q.source, q.source), section=q.section))}</p>'


def handout_html(data: HandoutData) -> str:
    """The handout in `data.language` (its headings from the UI tables, its texts from the story as given)."""
    with speaking(data.language):
        return _handout_html(data)


def _handout_html(data: HandoutData) -> str:
    body = [_title(data),
            f'<p class="sub">{_subtitle(data)}</p>',
            f'<p class="name">{_e(t("handout.name"))} <span>&nbsp;</span></p>',
            f"<h2>{_e(t('handout.story'))}</h2>"]
    for chapter in data.chapters:
        body += ['<div class="chapter">', f"<h3>{_e(chapter_entry(chapter.number, chapter.title))}</h3>"]
        if chapter.in_the_film:
            body += [f'<p><span class="label">{_e(t("handout.in_film"))}</span> {_e(chapter.in_the_film)}</p>',
                     f'<p><span class="label">{_e(t("handout.in_game"))}</span> {_e(chapter.summary)}</p>']
        else:
            body.append(f"<p>{_e(chapter.summary)}</p>")
        body.append("</div>")
    if data.prompts:
        body.append(f"<h2>{_e(t('handout.discussion'))}</h2>")
        for p in data.prompts:
            body += ['<div class="prompt">', f'<p class="where">{chapter_label(p.chapter)} · {_e(p.scene_title)}</p>',
                     f"<p><b>{_e(p.question)}</b></p>"]
            if p.followups:
                body += ["<ul>", *[f"<li>{_e(f)}</li>" for f in p.followups], "</ul>"]
            body += ['<div class="lines"></div>', '<div class="lines"></div>', "</div>"]
    if data.quiz.questions:
        body.append(f"<h2>{_e(t('handout.quiz'))}</h2>")
        body.append(f"<p>{_e(t('handout.circle'))}</p>")
        n = 1
        for title, questions in _quiz_sections(data):
            body += [f"<h3>{_e(title)}</h3>", f'<ol class="quiz" start="{n}">']
            for q in questions:
                body += ['<li class="q">', f"<p>{_e(q.question)}</p>"]
                if q.true_false:
                    body.append(f'<p class="tf">{_e(t("quiz.true"))} &nbsp; / &nbsp; {_e(t("quiz.false"))}</p>')
                else:
                    body += ["<ol>", *[f"<li>{_e(o)}</li>" for o in q.options], "</ol>"]
                body.append("</li>")
            body.append("</ol>")
            n += len(questions)
    if len(data.sources) > 1:  # only a story that cites more than one document asks the class to weigh them
        names = t("handout.and").join(_e(title) for title in data.sources.values())
        body.append(f"<footer>{t('handout.sources', names=names)}</footer>")
    elif data.sources:
        body.append(f"<footer>{t('handout.source', name=_e(next(iter(data.sources.values()))))}</footer>")
    return _page(t("handout.page_title", title=data.title), body, data.language)


def answer_key_html(data: HandoutData) -> str:
    """The quiz's answer key in `data.language`."""
    with speaking(data.language):
        return _answer_key_html(data)


def _answer_key_html(data: HandoutData) -> str:
    body = [_title(data), f'<p class="sub">{_e(t("handout.key_sub"))}</p>']
    n = 1
    for title, questions in _quiz_sections(data):
        body += [f"<h2>{_e(title)}</h2>", f'<ol class="quiz" start="{n}">']
        for q in questions:
            letter = "" if q.true_false else f"{chr(ord('A') + q.correct)}. "
            body += ['<li class="q">', f"<p>{_e(q.question)}</p>",
                     f'<p class="ans">{_e(t("handout.answer", answer=letter + q.answer_text))}</p>',
                     f'<p class="exp">{_e(q.explanation)}</p>', _source_line(data, q), "</li>"]
        body.append("</ol>")
        n += len(questions)
    return _page(t("handout.key_page_title", title=data.title), body, data.language)


def write_handout(data: HandoutData, folder: Path) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    handout = folder / "handout.html"
    handout.write_text(handout_html(data), encoding="utf-8")
    written = [handout]
    if data.quiz.questions:  # a story without a quiz has no answer key to print
        key = folder / "answer_key.html"
        key.write_text(answer_key_html(data), encoding="utf-8")
        written.append(key)
    return written
