"""The timeline of the film's real history, built from scenes/timeline/*.yaml (pure Python, no pygame).

`build_timeline(content)` turns the parsed, schema-checked timeline documents into one
immutable `Timeline` and reports every cross-reference mistake (unknown lane, source,
related event or scene; duplicate ids; an end before its start; impossible dates) as a
located problem, the same way the story loader does.

Dates keep the precision their form gives (YYYY, YYYY-MM, YYYY-MM-DD). An event whose
`details` say `dating: undated` has no date in the sources: the `date` it must carry is
only a filing value, and the timeline shows it in a separate "no date given" column.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..content.model import Account
from ..content.problems import Mark, Problems
from ..content.records import record
from ..words import t

QUALIFIER_RANK = {"before": 0, None: 1, "about": 1, "after": 2}


def month_name(month: int) -> str:
    """A month's name in the player's language ("March" / "3월")."""
    return t(f"date.month_{month}")
UNDATED = "undated"
HIDDEN_DETAILS = {"dating"}  # details that steer the model rather than inform the reader


@dataclass(frozen=True, order=True)
class Date:
    """A date as precise as the source: month and day may be None."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def start(self) -> float:
        """Days since 0001-01-01 at the start of the period."""
        return float(self.first_day().toordinal())

    def end(self) -> float:
        """Days since 0001-01-01 at the end of the period."""
        return float(self.last_day().toordinal() + 1)

    def middle(self) -> float:
        return (self.start() + self.end()) / 2

    def __str__(self) -> str:
        """The date in the player's language: "16 March 2013" / "2013년 3월 16일"."""
        if self.day:
            return t("date.day", day=self.day, month=month_name(self.month), m=self.month, year=self.year)
        if self.month:
            return t("date.month", month=month_name(self.month), m=self.month, year=self.year)
        return t("date.year", year=self.year)

    def short(self) -> str:
        """A compact form for labels: "1972", "Nov 2008", "5 Nov 2008" / "2008년 11월"."""
        if self.day:
            return t("date.short_day", day=self.day, mon=month_name(self.month)[:3], m=self.month, year=self.year)
        if self.month:
            return t("date.short_month", mon=month_name(self.month)[:3], m=self.month, year=self.year)
        return t("date.year", year=self.year)

    def iso(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{v:02d}" for v in (self.month, self.day) if v])


def parse_date(text: str) -> Date:
    """'1972', '2008-11' or '1972-09-27'; raises ValueError for dates that do not exist."""
    parts = [int(p) for p in str(text).split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
    date = Date(*parts)
    if date.month is not None and not 1 <= date.month <= 12:
        raise ValueError(f"'{text}' has month {date.month}; months run 01 to 12")
    if date.day is not None:
        dt.date(date.year, date.month, date.day)  # raises ValueError for 2013-02-30
    return date


@record
class Lane:
    """A horizontal band of the timeline (the real case, the story world, release, awards, remakes)."""

    id: str
    title: str
    colour: str
    index: int = 0
    mark: Mark = field(default=Mark(""), compare=False)  # where it is defined (a translation reads that file's words)


@record
class Era:
    """A shaded span of years behind the lanes, such as the story's 1997 to the retrial."""

    id: str
    title: str
    start: Date
    end: Date
    colour: str = "#5a6478"
    mark: Mark = field(default=Mark(""), compare=False)

    @property
    def span(self) -> tuple[float, float]:
        return self.start.start(), self.end.end()


@record
class Figures:
    """Box-office figures an event reports: admissions, and days since release when given."""

    admissions: int
    days: int | None = None


@record
class Event:
    """One dated (or undated) happening on the timeline, with its sources."""

    id: str
    date: Date
    title: str
    text: str
    lane: str
    sources: tuple[str, ...]
    qualifier: str | None = None
    end: Date | None = None
    display_date: str = ""
    section: str = ""
    scene: str | None = None
    related: tuple[str, ...] = ()
    figures: Figures | None = None
    differ: tuple[Account, ...] = ()
    details: tuple[tuple[str, str], ...] = ()
    order: int = 0
    mark: Mark = field(default=Mark(""), compare=False)

    @property
    def precision(self) -> str:
        return self.date.precision

    @property
    def undated(self) -> bool:
        return self.detail("dating") == UNDATED

    @property
    def time(self) -> float:
        """Where the event sits on a continuous time axis (days): the middle of its period."""
        return self.date.middle()

    @property
    def sort_key(self) -> tuple:
        if self.undated:
            return (1, 0.0, 0, self.order)
        return (0, self.date.start(), QUALIFIER_RANK.get(self.qualifier, 1), self.order)

    @property
    def when(self) -> str:
        """The date as the source gives it."""
        if self.display_date:
            return self.display_date
        text = str(self.date)
        if self.end:
            text += f" – {self.end}"
        return t(f"date.{self.qualifier}", date=text) if self.qualifier else text

    @property
    def short_date(self) -> str:
        """A compact date for labels and posters ('1972', 'Nov 2008', 'no date')."""
        if self.undated:
            return t("date.none")
        text = self.date.short()
        return t(f"date.short_{self.qualifier}", date=text) if self.qualifier else text

    def detail(self, label: str, default: str = "") -> str:
        return next((v for k, v in self.details if k == label), default)

    @property
    def shown_details(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.details if k not in HIDDEN_DETAILS]


@record
class ChartPoint:
    """One point of the box-office chart, taken from an event's figures."""

    days: int
    admissions: int
    event: str
    label: str


@record
class RemakeRow:
    """One row of the remakes table."""

    year: str
    film: str
    country: str
    director: str
    status: str
    event: str
    sources: tuple[str, ...]


@record
class AwardRow:
    """One row of the awards table."""

    ceremony: str
    category: str
    recipient: str
    event: str
    sources: tuple[str, ...]
    differs: bool = False


@record
class Timeline:
    """The whole timeline model: lanes, eras and events in time order."""

    lanes: tuple[Lane, ...]
    eras: tuple[Era, ...]
    events: tuple[Event, ...]            # in time order (undated last)
    sources: dict[str, str] = field(default_factory=dict)  # id -> title, for source lines
    notes: dict[str, str] = field(default_factory=dict)    # view -> caption (chart, remakes, awards)

    # --- lookups ---------------------------------------------------------------------------

    @property
    def by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def lane(self, lane_id: str) -> Lane | None:
        return next((lane for lane in self.lanes if lane.id == lane_id), None)

    def ordered(self) -> list[Event]:
        return list(self.events)

    def dated(self) -> list[Event]:
        return [e for e in self.events if not e.undated]

    def undated(self) -> list[Event]:
        return [e for e in self.events if e.undated]

    def in_lane(self, lane_id: str) -> list[Event]:
        return [e for e in self.events if e.lane == lane_id]

    def index_of(self, event_id: str) -> int:
        return next((i for i, e in enumerate(self.events) if e.id == event_id), -1)

    def next_event(self, event_id: str | None, step: int = 1) -> Event | None:
        """The event after (step=1) or before (step=-1) this one in time; clamps at the ends."""
        if not self.events:
            return None
        i = self.index_of(event_id) if event_id else -1
        if i < 0:
            return self.events[0] if step > 0 else self.events[-1]
        return self.events[max(0, min(len(self.events) - 1, i + step))]

    def previous_event(self, event_id: str | None) -> Event | None:
        return self.next_event(event_id, -1)

    def span(self) -> tuple[float, float]:
        times = [e.time for e in self.dated()]
        return (min(times), max(times)) if times else (0.0, 1.0)

    def source_title(self, source_id: str) -> str:
        return self.sources.get(source_id, source_id)

    def source_line(self, event: Event) -> str:
        """'Source: <titles> — <section>', naming each source by its title (never by its id)."""
        names = ", ".join(self.source_title(s) for s in event.sources)
        label = t("date.sources" if len(event.sources) > 1 else "date.source", names=names)
        return label + (f" — {self.readable(event.section)}" if event.section else "")

    def readable(self, text: str) -> str:
        """Text for a reader: a bracketed list of source ids ('[encyclopedia, filmdb]') is dropped where the
        titles already stand before it, and an id in parentheses or after a semicolon ('(filmdb)',
        '(encyclopedia)', '; filmdb') becomes the source's title. The words themselves are left as written."""
        if not self.sources:
            return text
        ids = "|".join(re.escape(s) for s in sorted(self.sources, key=len, reverse=True))
        text = re.sub(rf"\s*\[(?:{ids})(?:\s*,\s*(?:{ids}))*\]", "", text)
        return re.sub(rf"(?:(?<=\()|(?<=; ))(?:{ids})\b",
                      lambda m: self.sources[m.group(0)], text)

    # --- tables and chart ---------------------------------------------------------------------

    def box_office(self) -> list[ChartPoint]:
        """Cumulative admissions by day, only from events whose figures give both numbers."""
        points = [ChartPoint(e.figures.days, e.figures.admissions, e.id, e.title)
                  for e in self.events if e.figures and e.figures.days is not None]
        return sorted(points, key=lambda p: (p.days, p.admissions))

    def reference_lines(self) -> list[ChartPoint]:
        """Levels with no day (the break-even point): drawn as horizontal lines on the chart."""
        return [ChartPoint(-1, e.figures.admissions, e.id, e.title)
                for e in self.events if e.figures and e.figures.days is None]

    def remakes(self) -> list[RemakeRow]:
        rows = []
        for e in self.in_lane("remakes"):
            if not e.detail("country"):
                continue
            year = t("date.none") if e.undated else (t("date.planned") if e.qualifier == "after" else str(e.date.year))
            rows.append(RemakeRow(year, e.detail("film", e.title), e.detail("country"),
                                  e.detail("director", t("date.not_given")), e.detail("status", ""), e.id, e.sources))
        return rows

    def awards(self) -> list[AwardRow]:
        """Every row of the awards table, in the order the files give them (the source's order)."""
        rows = [e for e in self.events if e.detail("ceremony") and e.detail("category")]
        rows.sort(key=lambda e: e.order)
        return [AwardRow(e.detail("ceremony"), e.detail("category"), e.detail("recipient"), e.id, e.sources,
                         bool(e.differ)) for e in rows]


# --- building ------------------------------------------------------------------------------------

def _date(value: Any, mark: Mark, problems: Problems, what: str) -> Date | None:
    try:
        return parse_date(value)
    except (ValueError, TypeError) as exc:
        problems.error(mark, f"{what} '{value}' is not a real date: {exc}",
                       "write YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day that exists",
                       code="bad-date")
        return None


def build_from_documents(documents: list, problems: Problems, sources: dict[str, str] | None = None,
                         scenes: Iterable[str] | None = None) -> Timeline:
    """Build from parsed timeline documents; `sources` (id -> title) and `scenes` (ids) enable those checks."""
    from ..content.validate import check_known  # checking content only: not imported to play a cached story
    lanes: list[Lane] = []
    eras: list[Era] = []
    raw_events: list[tuple[Any, int, dict]] = []
    notes: dict[str, str] = {}
    seen: dict[tuple[str, str], Mark] = {}

    def unique(kind: str, doc: Any, path: tuple, ident: str) -> bool:
        mark = doc.mark(path)
        key = ("event" if kind == "event" else kind, ident)
        if key in seen:
            problems.error(mark, f"duplicate {kind} id '{ident}' (first defined at {seen[key]})",
                           "ids must be unique across all timeline files; rename one", code="duplicate-id")
            return False
        seen[key] = mark
        return True

    for doc in documents:
        data = doc.data if isinstance(doc.data, dict) else {}
        for i, item in enumerate(data.get("lanes") or ()):
            if unique("lane", doc, ("lanes", i, "id"), item["id"]):
                lanes.append(Lane(item["id"], item["title"], item["colour"], len(lanes), doc.mark(("lanes", i))))
        for i, item in enumerate(data.get("eras") or ()):
            if not unique("era", doc, ("eras", i, "id"), item["id"]):
                continue
            start = _date(item["start"], doc.mark(("eras", i, "start")), problems, "start")
            end = _date(item["end"], doc.mark(("eras", i, "end")), problems, "end")
            if start and end:
                if end.end() <= start.start():
                    problems.error(doc.mark(("eras", i, "end")), f"era '{item['id']}' ends ({end.iso()}) "
                                   f"before it starts ({start.iso()})", "swap start and end, or fix the typo",
                                   code="end-before-start")
                    continue
                eras.append(Era(item["id"], item["title"], start, end, item.get("colour", "#5a6478"),
                               doc.mark(("eras", i))))
        for i, item in enumerate(data.get("events") or ()):
            if unique("event", doc, ("events", i, "id"), item["id"]):
                raw_events.append((doc, i, item))
        for view, caption in (data.get("notes") or {}).items():
            if unique("note", doc, ("notes", view), view):
                notes[view] = " ".join(caption.split())

    lane_ids = {lane.id for lane in lanes}
    event_ids = {item["id"] for _, _, item in raw_events}
    events: list[Event] = []
    for order, (doc, i, item) in enumerate(raw_events):
        def at(*path, doc=doc, i=i):
            return doc.mark(("events", i, *path))
        date = _date(item["date"], at("date"), problems, "date")
        end = _date(item["end"], at("end"), problems, "end") if "end" in item else None
        if date is None:
            continue
        if end is not None and end.end() <= date.start():
            problems.error(at("end"), f"event '{item['id']}' ends ({end.iso()}) before it starts ({date.iso()})",
                           "swap date and end, or fix the typo", code="end-before-start")
            end = None
        check_known(problems, at("lane"), "lane", item["lane"], lane_ids, "a timeline file's lanes:")
        if sources is not None:
            for j, source in enumerate(item["source"]):
                check_known(problems, at("source", j), "source", source, sources, "scenes/sources.yaml")
            for j, account in enumerate(item.get("differ") or ()):
                check_known(problems, at("differ", j, "source"), "source", account["source"], sources,
                            "scenes/sources.yaml")
        for j, other in enumerate(item.get("related") or ()):
            if other == item["id"]:
                problems.warn(at("related", j), f"event '{other}' lists itself as related", code="self-related")
            else:
                check_known(problems, at("related", j), "related event", other, event_ids, "a timeline file's events:")
        if scenes is not None and item.get("scene"):
            check_known(problems, at("scene"), "scene", item["scene"], scenes, "scenes/story/")
        details = tuple((str(k), str(v)) for k, v in (item.get("details") or {}).items())
        dating = dict(details).get("dating")
        if dating is not None and dating != UNDATED:
            problems.error(at("details", "dating"), f"unknown dating '{dating}'", "the only value is 'undated'",
                           code="bad-dating")
        figures = item.get("figures")
        events.append(Event(
            id=item["id"], date=date, title=item["title"], text=" ".join(item["text"].split()), lane=item["lane"],
            sources=tuple(item["source"]), qualifier=item.get("qualifier"), end=end,
            display_date=item.get("display_date", ""), section=item.get("section", ""), scene=item.get("scene"),
            related=tuple(item.get("related") or ()),
            figures=Figures(figures["admissions"], figures.get("days")) if figures else None,
            differ=tuple(Account(a["source"], a["says"]) for a in item.get("differ") or ()),
            details=details, order=order, mark=at()))
    events.sort(key=lambda e: e.sort_key)
    return Timeline(tuple(lanes), tuple(eras), tuple(events), dict(sources or {}), notes)


def build_timeline(content: Any, problems: Problems | None = None) -> Timeline:
    """The timeline of a loaded content folder (`loader.Content`); problems go to `content.problems`
    unless another `Problems` is given. Also checks every scene's `timeline:` link."""
    from ..content.validate import check_known  # checking content only: not imported to play a cached story
    problems = content.problems if problems is None else problems
    story = getattr(content, "story", None)
    sources = {k: s.title for k, s in story.sources.items()} if story else None
    scenes = set(story.scenes) if story else None
    timeline = build_from_documents(content.documents.get("timeline", []), problems, sources, scenes)
    if story:
        ids = {e.id for e in timeline.events}
        for scene in story.scenes.values():
            if scene.timeline and scene.timeline not in ids:
                check_known(problems, scene.mark, "timeline event", scene.timeline, ids, "scenes/timeline/")
    return timeline


def timeline_problems(problems: Problems, root_name: str = "timeline") -> list:
    """The problems located in timeline files (for tests and the validate command)."""
    return [p for p in problems.items if f"/{root_name}/" in f"/{p.mark.file}"]
