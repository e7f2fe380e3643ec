"""An open timeline takes a hot reload that adds or removes events: same stretch of time, same view, and a
selection or table row the edit took away is let go (before, such an edit showed only once reopened)."""
from __future__ import annotations

import pytest
import yaml
from test_perf_timeline import drawn, editable_timeline, fresh, step

from game import paths
from game.library import load_library
from game.screens.timeline import TimelineScreen
from game.ui.input import Action

NEW_EVENT = {"id": "added_by_reload", "date": "2013-02-01", "display_date": "1 February 2013",
             "title": "An event a hot reload added", "text": "Added by the test.", "lane": "release",
             "source": ["encyclopedia"], "section": "Release"}


def _edit(root, name: str, change) -> None:
    path = root / "timeline" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["events"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _unreferenced(app, lane: str) -> str:
    """An event of `lane` that no other event names as related (removing it leaves the timeline valid)."""
    timeline = app.library.timeline
    named = {r for e in timeline.events for r in e.related}
    return next(e.id for e in reversed(timeline.events) if e.lane == lane and e.id not in named)


@pytest.fixture
def editable(tmp_path):
    return editable_timeline(tmp_path)


def _reload(app) -> None:
    app.reload()
    assert not app.reload_problems, app.reload_problems
    step(app)


def test_an_added_and_a_removed_event_show_at_once_and_the_view_stays(editable):
    root, app, screen = editable
    assert any(lane.id == NEW_EVENT["lane"] for lane in screen.timeline.lanes)
    gone = _unreferenced(app, "remakes")
    step(app, Action("right"), Action("right"), frames=5)
    step(app, Action("zoom_in"), frames=60)
    selected, view = screen.selected, screen.ctl.view
    moment = screen.ctl.axis.t(view.centre)
    _edit(root, "30_release.yaml", lambda events: events.append(dict(NEW_EVENT)))
    _edit(root, "50_remakes.yaml", lambda events: events.remove(next(e for e in events if e["id"] == gone)))
    _reload(app)
    assert screen.timeline is app.library.timeline
    ids = {e.id for e in screen.timeline.events}
    assert NEW_EVENT["id"] in ids and gone not in ids
    assert set(screen.ctl.positions) == ids
    assert screen.selected == selected and screen.card_open
    assert screen.ctl.view.scale == view.scale
    assert screen.ctl.axis.t(screen.ctl.view.centre) == pytest.approx(moment, abs=1)   # days
    assert drawn(screen) == fresh(screen)
    step(app, Action("home"), frames=60)
    placed = {i for p in screen.placed for i in p.ids}
    assert NEW_EVENT["id"] in placed and gone not in placed


def test_removing_the_selected_event_lets_the_selection_and_its_card_go(editable):
    root, app, screen = editable
    gone = _unreferenced(app, "remakes")
    screen.ctl.select(gone, open_card=True, zoom=True)
    step(app, frames=60)
    _edit(root, "50_remakes.yaml", lambda events: events.remove(next(e for e in events if e["id"] == gone)))
    _reload(app)
    assert screen.selected is None and not screen.card_open
    assert drawn(screen) == fresh(screen)
    step(app, Action("right"), frames=5)
    assert screen.selected is not None


def test_a_table_row_taken_away_is_not_kept(editable):
    root, app, screen = editable
    step(app, Action("digit", number=3))
    assert screen.mode == "remakes"
    rows = len(screen.view().table.rows)
    step(app, *[Action("down")] * (rows + 2))
    assert screen.ctl.table_index == rows - 1
    gone = _unreferenced(app, "remakes")
    _edit(root, "50_remakes.yaml", lambda events: events.remove(next(e for e in events if e["id"] == gone)))
    _reload(app)
    assert len(screen.view().table.rows) < rows
    assert screen.ctl.table_index < len(screen.view().table.rows)
    assert drawn(screen) == fresh(screen)


def test_a_timeline_of_its_own_stays_as_it_is(editable):
    root, app, _ = editable
    own = load_library(paths.SCENES).timeline   # not the app's story's
    other = TimelineScreen(app, own)
    app.push(other)
    _edit(root, "30_release.yaml", lambda events: events.append(dict(NEW_EVENT)))
    _reload(app)
    assert other.timeline is own and NEW_EVENT["id"] not in {e.id for e in other.timeline.events}
    assert NEW_EVENT["id"] in {e.id for e in app.library.timeline.events}
