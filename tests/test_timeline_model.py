"""The timeline model: dates and precision, ordering, lanes, links, tables, and located mistakes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.content.loader import check_content
from game.content.problems import Problems
from game.timeline.model import Date, build_timeline, parse_date, timeline_problems

FIXTURES = Path(__file__).parent / "fixtures"
MISTAKES = sorted((FIXTURES / "timeline_mistakes").glob("*.yaml"))
SCENES = Path(__file__).parent.parent / "scenes"
SEEDS = Path("/work/shared/seeds")


def make_root(tmp_path: Path, extra: Path | None = None) -> Path:
    root = tmp_path / "scenes"
    shutil.copytree(FIXTURES / "timeline_base", root)
    shutil.copytree(FIXTURES / "assets", tmp_path / "assets")
    if extra is not None:
        shutil.copy(extra, root / "timeline" / extra.name)
    return root


def load(root: Path):
    content = check_content(root)
    problems = Problems()
    timeline = build_timeline(content, problems)
    return content, timeline, problems


@pytest.fixture(scope="module")
def real():
    content = check_content(SCENES)
    problems = Problems()
    timeline = build_timeline(content, problems)
    return content, timeline, problems


# --- dates ---------------------------------------------------------------------------------

def test_date_forms_give_precision():
    assert parse_date("1972") == Date(1972) and parse_date("1972").precision == "year"
    assert parse_date("2008-11").precision == "month"
    assert parse_date("1972-09-27").precision == "day"
    assert str(parse_date("1972-09-27")) == "27 September 1972"
    assert str(parse_date("2008-11")) == "November 2008"
    with pytest.raises(ValueError):
        parse_date("2013-02-30")
    with pytest.raises(ValueError):
        parse_date("2013-13")


# --- the fixture timeline ---------------------------------------------------------------------

def test_fixture_builds_clean(tmp_path):
    content, timeline, problems = load(make_root(tmp_path))
    assert content.story is not None
    assert problems.items == []
    assert [lane.id for lane in timeline.lanes] == ["alpha", "beta"]
    assert [e.id for e in timeline.ordered()] == ["early_year", "middle_month", "middle_day", "late_after", "no_date"]


def test_fixture_navigation_and_lanes(tmp_path):
    _, timeline, _ = load(make_root(tmp_path))
    assert timeline.next_event("middle_month").id == "middle_day"
    assert timeline.previous_event("middle_day").id == "middle_month"
    assert timeline.next_event("no_date").id == "no_date"          # clamps at the end
    assert timeline.previous_event("early_year").id == "early_year"
    assert [e.id for e in timeline.in_lane("beta")] == ["middle_day", "late_after"]
    assert timeline.event("no_date").undated and timeline.undated()[0].id == "no_date"
    assert timeline.event("middle_day").precision == "day"
    assert timeline.event("late_after").when == "after 17 May 1990"
    assert timeline.event("middle_month").when == "about May 1990"


def test_fixture_chart_and_links(tmp_path):
    _, timeline, _ = load(make_root(tmp_path))
    assert [(p.days, p.admissions) for p in timeline.box_office()] == [(3, 100), (10, 500)]
    assert [line.admissions for line in timeline.reference_lines()] == [300]
    day = timeline.event("middle_day")
    assert day.scene == "first" and day.related == ("early_year",)
    assert [a.source for a in day.differ] == ["book", "paper"]
    assert "The Book" in timeline.source_line(day) and "[book]" not in timeline.source_line(day)


def test_readable_names_sources_by_title_and_leaves_words_alone(tmp_path):
    _, timeline, _ = load(make_root(tmp_path))
    assert timeline.readable("Source: The Book and The Paper [book, paper] — Part 2.") == \
        "Source: The Book and The Paper — Part 2."
    assert timeline.readable("127 pages (book); Introduction (paper)") == \
        "127 pages (The Book); Introduction (The Paper)"
    assert timeline.readable("(paper; the book leaves it blank)") == "(The Paper; the book leaves it blank)"
    assert timeline.readable("the book and the paper [a note]") == "the book and the paper [a note]"


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.stem for m in MISTAKES])
def test_mistake_is_reported_where_it_is(tmp_path, mistake):
    expect = re.search(r"# expect: (\d+):(\d+) ([a-z-]+)", mistake.read_text()).groups()
    content, _, problems = load(make_root(tmp_path, mistake))
    found = [(p.mark.line, p.mark.col, p.code) for p in problems.errors if p.mark.file.endswith(mistake.name)]
    assert (int(expect[0]), int(expect[1]), expect[2]) in found, [str(p) for p in problems.items]
    assert len(problems.errors) == 1, [str(p) for p in problems.items]


def test_scene_link_to_missing_event_is_reported(tmp_path):
    root = make_root(tmp_path)
    scene = root / "story" / "01_first.yaml"
    scene.write_text(scene.read_text().replace("timeline: middle_day", "timeline: midle_day"))
    _, _, problems = load(root)
    assert [p.code for p in problems.errors] == ["unknown-timeline-event"]
    assert "did you mean 'middle_day'" in problems.errors[0].message


# --- the real timeline --------------------------------------------------------------------------

def test_real_timeline_has_no_problems(real):
    content, timeline, problems = real
    assert problems.items == [], [str(p) for p in problems.items]
    assert timeline_problems(content.problems) == []
    assert [lane.id for lane in timeline.lanes] == ["real_case", "story", "release", "awards", "remakes"]
    assert all(timeline.in_lane(lane.id) for lane in timeline.lanes)


def test_real_timeline_links_resolve(real):
    content, timeline, _ = real
    ids = set(timeline.by_id)
    for event in timeline.events:
        assert set(event.related) <= ids
        assert set(event.sources) <= set(content.story.sources)
        assert event.scene is None or event.scene in content.story.scenes
        assert all(a.source in content.story.sources for a in event.differ)


def test_real_key_dates(real):
    _, timeline, _ = real
    crime = timeline.event("case_crime")
    assert (crime.date, crime.precision) == (Date(1972, 9, 27), "day")
    assert timeline.event("case_exoneration").date == Date(2008, 11)
    assert timeline.event("release").date == Date(2013, 1, 23)
    assert timeline.event("see_also_arridy").undated
    assert "No date" in timeline.event("see_also_arridy").when
    assert "derived" in timeline.event("story_retrial").when
    order = [e.id for e in timeline.ordered()]
    assert order.index("case_crime") < order.index("story_backpack") < order.index("case_exoneration") \
        < order.index("release") < order.index("bo_final") < order.index("remake_mexico")


def test_chart_points_equal_the_seed_figures(real):
    _, timeline, _ = real
    assert [(p.days, p.admissions) for p in timeline.box_office()] == [
        (14, 4_600_000), (32, 10_000_000), (46, 12_000_000), (52, 12_320_000)]
    assert [line.admissions for line in timeline.reference_lines()] == [1_700_000]
    if SEEDS.is_dir():
        text = " ".join(p.read_text() for p in SEEDS.glob("*.txt"))
        for needle in ("4.6 million", "32 days", "10 million", "46 days", "12 million", "12.32 million",
                       "52 days", "1.7 million"):
            assert needle in text


def test_every_award_row_of_the_table(real):
    _, timeline, _ = real
    rows = timeline.awards()
    assert len(rows) == 33
    by_ceremony = {}
    for row in rows:
        by_ceremony.setdefault(row.ceremony, []).append(row)
    assert {k: len(v) for k, v in by_ceremony.items()} == {
        "49th Baeksang Arts Awards": 8, "7th Mnet 20's Choice Awards": 2, "22nd Buil Film Awards": 1,
        "50th Grand Bell Awards": 14, "34th Blue Dragon Film Awards": 4,
        "21st Korean Culture and Entertainment Awards": 2, "2014 34th Golden Cinema Festival": 1,
        "33rd Korean Association of Film Critics Awards": 1}
    assert rows[0].category == "Best Film" and rows[-1].recipient == "Park Shin-hye"
    grand = next(r for r in rows if r.category == "Grand Prize for Film")
    assert grand.differs and grand.recipient == "Ryu Seung-ryong"


def test_every_remake(real):
    _, timeline, _ = real
    rows = {r.country: r for r in timeline.remakes()}
    assert set(rows) == {"India (Kannada)", "India (Hindi)", "Turkey", "Philippines", "Indonesia", "Spain",
                         "United States", "Mexico"}
    assert rows["India (Kannada)"].year == "2017" and rows["India (Kannada)"].director == "S. Ravindranath"
    assert rows["India (Hindi)"].status == "Never made"
    assert rows["Turkey"].director == "Mehmet Ada Öztekin"
    assert rows["Philippines"].year == "2019" and rows["Philippines"].director == "Nuel Crisostomo Naval"
    assert rows["Mexico"].film == "La Celda de los Milagros" and rows["Mexico"].year == "2025"
    assert rows["Spain"].year == rows["United States"].year == "planned"
    assert "planned, as of the source" in timeline.event("remake_spain").when.lower()
    indonesia = [r for r in timeline.remakes() if r.country == "Indonesia"]
    assert [r.year for r in indonesia] == ["2022", "2024"]


def test_sources_that_differ_are_shown_with_both(real):
    _, timeline, _ = real
    rank = timeline.event("bo_final").differ
    assert {a.source: a.says for a in rank}["encyclopedia"].lower().startswith("the seventh")
    assert {a.source: a.says for a in rank}["filmdb"].lower().startswith("the fifth")
    assert "PaekSang" in " ".join(a.says for a in timeline.event("award_baeksang_grand_prize_for_film").differ)


def test_view_captions_are_content_and_given_once(real, tmp_path):
    _, timeline, _ = real
    assert set(timeline.notes) == {"chart", "remakes", "awards"}
    assert all("Source:" in note for note in timeline.notes.values())
    root = make_root(tmp_path)
    for name in ("a_notes.yaml", "b_notes.yaml"):
        (root / "timeline" / name).write_text("notes:\n  chart: Points from the sources.\n", encoding="utf-8")
    _, timeline, problems = load(root)
    assert timeline.notes == {"chart": "Points from the sources."}
    assert [(p.mark.file.rsplit("/", 1)[-1], p.mark.line, p.code) for p in problems.errors] == \
        [("b_notes.yaml", 2, "duplicate-id")]
