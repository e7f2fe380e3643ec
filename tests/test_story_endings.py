"""The retrial's endings: evidence decides, the judge names only what was argued, menus stay small.

The retrial (scenes/story/26_retrial_hub.yaml, 27_verdict.yaml, 28_balloon_goodbye.yaml) is played
with the real runtime from the training court, with the evidence and earlier flags set by hand, so
each test says exactly what the player brought to court.
"""
from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import shipped_story

from game.authoring.explore import explore
from game.content import model as m
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime

SCENES = Path(__file__).resolve().parents[1] / "scenes"

ENDINGS = {"gift_from_room7", "not_guilty", "case_goes_on"}
ACQUITTALS = {"gift_from_room7", "not_guilty"}

# Evidence every playthrough gains (05, 04, 01, 10, 15), and the rest.
ALWAYS = ["backpack_motive", "icy_pavement", "forced_confession", "room7_word", "warden_word"]
# Flags from earlier scenes that the retrial reads.
EARLIER_FLAGS = ["refused_at_first", "told_police_truth", "began_with_truth", "told_warden_about_police",
                 "hid_threat", "told_yangho_threat", "promised_to_tell_judge", "opened_personal",
                 "went_in_first", "yangho_took_blame", "did_homework"]

# Each finding the judge may read in the verdict, by a fragment of its text, and the flag that must be
# set for it to be read: the argument that was actually put before the court.
FINDINGS = {
    "was ice, and she was running": "used_ice",
    "photographed a brick beside her": "used_brick",
    "describes, in her own words": "used_witness",
    "leading him to a shop": "used_other_shop",
    "to buy a backpack he had promised": "used_why",
    "had beaten him the day before": "used_quarrel",
    "words that were never his": "used_confession",
    "photograph of his daughter was laid": "used_photo",
    "typed and then crossed out": "used_first_account",
    "began to tell of the ice": "used_transcript",
    "unchanged for weeks": "used_rehearsal",
    "on his first night in prison": "used_first_night",
    "warden of the prison doubted": "used_warden_doubt",
    "wrote down, that year": "used_pencil_note",
    "his daughter was threatened": "used_threat",
    "came to his trial bruised": "used_bruises",
    "witness's own statement says she did not": "caught_witness_line",
    "police's own photograph says otherwise": "caught_brick_line",
    "interview record says otherwise": "caught_promise_line",
}
# The judge's lines in the verdict that name no argument.
GENERAL = ["will set out what the defence has put before it", "Much of this lay in the police file",
           "is acquitted, after his death", "cannot be trusted, and nothing else",
           "is not set aside by doubt alone", "The verdict of 1997 stands"]


@pytest.fixture(scope="module")
def story() -> m.Story:
    return shipped_story()


Picker = Callable[[str, list[str]], str]


@dataclass
class Trial:
    ending: str = ""
    verdict_lines: list[str] = field(default_factory=list)  # the judge's lines in the verdict scene
    lines: list[str] = field(default_factory=list)  # every line, from the training court to the end
    vars: dict = field(default_factory=dict)
    offered: set[str] = field(default_factory=set)


def play(story: m.Story, evidence: list[str], flags: list[str], pick: Picker, max_steps: int = 4000) -> Trial:
    """Play from the training court to an ending; `pick(choice_key, option_keys)` answers every choice."""
    rt = Runtime(story, Options(content_notes="play"), start="training_court")
    rt.state.evidence = list(evidence)
    rt.state.vars.update({f: True for f in flags})
    trial = Trial()
    for _ in range(max_steps):
        event = rt.advance()
        if isinstance(event, ev.ContentNoteEvent):
            rt.choose(0)
        elif isinstance(event, ev.ChoiceEvent):
            op = rt.story.scenes[rt.state.scene].code[rt.state.pc]
            keys = {op.options[i].key: i for i, _ in event.options}
            trial.offered |= set(keys)
            rt.choose(keys[pick(event.key, list(keys))])
        elif isinstance(event, ev.LineEvent):
            trial.lines.append(event.text)
            if rt.state.scene == "verdict" and event.speaker == "judge":
                trial.verdict_lines.append(event.text)
        elif isinstance(event, ev.EndEvent):
            trial.ending, trial.vars = event.ending, dict(rt.state.vars)
            return trial
    raise AssertionError("the retrial did not reach an ending")


WEAK = {"room7_good_man", "warden_miss", "record_witness_lied", "appeal_sympathy"}
MENU_OF = {"present_which": "present_evidence", "witness_which": "call_witness", "record_which": "examine_record"}
WITNESS_OF = {"ask_room7": "call_room7", "ask_warden": "call_warden"}


class Careful:
    """Makes every argument it can (no weak moves), challenges the given line of the report, then rests."""

    def __init__(self, challenge: str = "challenge_none", weak: frozenset[str] = frozenset(),
                 avoid: frozenset[str] = frozenset()) -> None:
        self.challenge, self.weak, self.avoid, self.spent = challenge, set(weak), avoid, set()

    def __call__(self, choice: str, keys: list[str]) -> str:
        if choice == "report_challenge":
            return self.challenge
        if choice == "rest_sure":
            return "rest_anyway"
        if choice == "retrial_move":
            return next((k for k in ("present_evidence", "call_witness", "examine_record", "appeal_sympathy")
                         if k in keys and k not in self.spent and (k != "appeal_sympathy" or k in self.weak)),
                        "rest_case")
        if choice == "witness_which":
            key = next((k for k in ("call_room7", "call_warden") if k in keys and k not in self.spent), "witness_back")
        else:
            key = next((k for k in keys if k in self.weak), None) or next(
                (k for k in keys if k not in WEAK | self.avoid and not k.endswith(("_back", "_done"))), None)
            if key is None:
                key = next(k for k in keys if k.endswith(("_back", "_done")))
        if key.endswith(("_back", "_done")):
            self.spent.add(MENU_OF.get(choice) or WITNESS_OF.get(choice, choice))
        self.weak.discard(key)
        return key


def rest_at_once(choice: str, keys: list[str]) -> str:
    return {"retrial_move": "rest_case", "rest_sure": "rest_anyway", "report_challenge": "challenge_none"}.get(
        choice, keys[0])


def random_picker(rng: random.Random) -> Picker:
    def pick(choice: str, keys: list[str]) -> str:
        if choice == "retrial_move" and rng.random() < 0.08:
            return "rest_case"
        return rng.choice(keys)
    return pick


# --- each ending, by a scripted path --------------------------------------------------------------

def test_the_films_ending_needs_evidence_and_the_caught_contradiction(story):
    evidence = ALWAYS + ["fallen_brick", "other_shop", "shop_quarrel", "rehearsal_truth", "commissioner_threat"]
    trial = play(story, evidence, ["told_yangho_threat", "began_with_truth"],
                 Careful("challenge_three"))
    assert trial.ending == "gift_from_room7", trial.vars.get("case")
    assert trial.vars.get("caught_contradiction") and trial.vars.get("reopened")
    assert any("investigated again" in line for line in trial.verdict_lines)


def test_an_acquittal_without_a_new_investigation(story):
    """Only the evidence every player gains, argued well: the confession falls, nothing more."""
    trial = play(story, ALWAYS, [], Careful(avoid=frozenset({"record_transcript"})))
    assert trial.ending == "not_guilty", trial.vars.get("case")
    assert not any("investigated again" in line for line in trial.verdict_lines)
    # his trial began with the truth only if the player chose so in 1997; reading it otherwise costs
    worse = play(story, ALWAYS, [], Careful())
    assert worse.vars["case"] == trial.vars["case"] - 1


def test_not_persuaded_when_the_defence_rests_at_once(story):
    trial = play(story, ALWAYS + ["fallen_brick", "commissioner_threat"], [], rest_at_once)
    assert trial.ending == "case_goes_on"
    assert any("stands, in this room" in line for line in trial.verdict_lines)
    assert "report_read" in trial.vars  # the prosecution reads its report before the defence may rest


def test_explore_reaches_all_three_endings(story):
    report = explore(story, max_states=1500)
    assert set(report.endings) == ENDINGS and not report.failures


# --- earlier choices come back in court ------------------------------------------------------------

@pytest.mark.parametrize("flag, fragment", [
    ("went_in_first", "came straight in"), ("used_bucket", "threw his mop bucket"),
    ("shouted_for_guards", "He shouted for my guards first"),
    ("refused_at_first", "face down"), ("told_police_truth", "crossed through"),
    ("promised_to_tell_judge", "a teacher for grown-ups"), ("hid_threat", "the only lie I ever heard him tell"),
    ("began_with_truth", "She shows me the shop"), ("told_warden_about_police", "in pencil"),
    ("yangho_took_blame", "asked for it on his record"), ("did_homework", "Innocent."),
])
def test_an_earlier_choice_is_heard_in_court_only_when_it_was_made(story, flag, fragment):
    with_it = play(story, ALWAYS, [flag], Careful())
    without = play(story, ALWAYS, [], Careful())
    assert any(fragment in line for line in with_it.lines), flag
    assert not any(fragment in line for line in without.lines), flag


def test_yang_ho_on_the_threat_is_the_strongest_testimony(story):
    trial = play(story, ALWAYS + ["commissioner_threat"], ["told_yangho_threat"], Careful())
    assert trial.vars.get("used_threat")
    assert any("Only do not hurt Ye-sung" in line for line in trial.lines)
    assert any("his daughter was threatened" in line for line in trial.verdict_lines)


# --- the judge names only what was argued ---------------------------------------------------------

def test_the_verdict_names_only_arguments_that_were_made(story):
    rng = random.Random(2013)
    optional = ["other_shop", "fallen_brick", "witness_view", "shop_quarrel", "rehearsal_truth",
                "commissioner_threat"]
    seen_findings: set[str] = set()
    for _ in range(250):
        evidence = ALWAYS + [e for e in optional if rng.random() < 0.5]
        flags = [f for f in EARLIER_FLAGS if rng.random() < 0.5]
        trial = play(story, evidence, flags, random_picker(rng))
        for line in trial.verdict_lines:
            named = [flag for fragment, flag in FINDINGS.items() if fragment in line]
            if not named:
                assert any(g in line for g in GENERAL), f"unknown line in the verdict: {line!r}"
            for flag in named:
                assert trial.vars.get(flag), f"the judge names {flag} but it was never argued: {line!r}"
                seen_findings.add(flag)
        assert (trial.ending in ACQUITTALS) == bool(trial.vars.get("acquitted"))
    assert len(seen_findings) >= 15, sorted(set(FINDINGS.values()) - seen_findings)


# --- no evidence, no acquittal --------------------------------------------------------------------

def test_no_evidence_never_reaches_an_acquittal(story):
    rng = random.Random(7)
    for flags in itertools.chain([[], EARLIER_FLAGS], ([f for f in EARLIER_FLAGS if rng.random() < 0.5]
                                                        for _ in range(20))):
        for pick in (Careful("challenge_four"), Careful("challenge_two")):
            trial = play(story, [], flags, pick)
            assert trial.ending == "case_goes_on", (flags, trial.vars.get("case"))
    for _ in range(150):
        trial = play(story, [], [f for f in EARLIER_FLAGS if rng.random() < 0.5], random_picker(rng))
        assert trial.ending == "case_goes_on"


def test_wrong_moves_cost(story):
    """Weak questions gain nothing; a challenge with nothing behind it, or calling the witness a liar, costs."""
    calm = frozenset({"record_transcript"})
    good = play(story, ALWAYS, [], Careful(avoid=calm))
    weak = play(story, ALWAYS, [], Careful(weak=frozenset(WEAK), avoid=calm))
    wrong = play(story, ALWAYS, [], Careful("challenge_one", weak=frozenset(WEAK), avoid=calm))
    assert {"room7_good_man", "warden_miss", "record_witness_lied", "appeal_sympathy"} <= weak.offered
    assert good.vars["case"] - 1 == weak.vars["case"]  # only calling the witness a liar costs a point
    assert wrong.vars["case"] == weak.vars["case"] - 1
    assert good.ending == "not_guilty" and wrong.ending == "case_goes_on"
    bare = play(story, ALWAYS, [], Careful("challenge_four", avoid=calm))  # no paper behind line four
    assert any("There is only his word" in line for line in bare.lines)
    assert bare.vars["case"] == good.vars["case"] - 1 and not bare.vars.get("caught_contradiction")


# --- menus stay small -----------------------------------------------------------------------------

def test_no_choice_has_more_than_six_options(story):
    for scene in story.scenes.values():
        for op in scene.code:
            if isinstance(op, m.Choice):
                assert len(op.options) <= 6, f"{scene.id}:{op.key} has {len(op.options)} options"


def test_no_retrial_menu_offers_only_a_way_back(story):
    """A way in is offered only while its menu has something left to do: searched exhaustively from the hub
    (the report's challenge already behind it; with no evidence, so the search ends), no menu's options all
    go back to an earlier menu with nothing changed, and no option changes nothing ("Not yet" to the judge's
    warning, back to a hub offering only resting)."""
    rt = Runtime(story, Options(prompts=True, content_notes="ask"), start="retrial_hub")
    rt.state.vars["report_read"] = True
    report = explore(story, max_states=10_000, start=rt.state.to_dict())
    assert report.complete and report.ok
    assert report.dead_ends == [] and report.delays == [], report.render_text()


def test_every_retrial_menu_reached_offers_more_than_a_way_back(story):
    """With every piece of evidence and every earlier choice (which add questions), played mostly until nothing is
    left: each submenu reached offers something besides "Back" or "No further questions", and "Not yet", said to
    the judge's warning, leads back to a hub with something left to do."""
    rng = random.Random(1997)
    every = sorted(story.evidence)
    submenus = {"present_which", "witness_which", "record_which", "ask_room7", "ask_warden"}
    declined = []
    for n in range(60):
        def pick(choice: str, keys: list[str]) -> str:
            if choice in submenus:
                assert any(not k.endswith(("_back", "_done")) for k in keys), (choice, keys)
            if choice == "retrial_move" and declined[-1:] == ["rest_not_yet"]:
                assert keys != ["rest_case"], "'Not yet' led back to a hub with nothing left but resting"
            if choice == "retrial_move" and keys != ["rest_case"]:
                keys = [k for k in keys if k != "rest_case"] if rng.random() < 0.9 else ["rest_case"]
            declined.append(rng.choice(keys))  # (at the judge's warning, either answer)
            return declined[-1]
        trial = play(story, [e for e in every if rng.random() < (0.8 if n % 2 else 0.2)],  # (a weak case: warned)
                     [f for f in EARLIER_FLAGS if rng.random() < 0.6], pick)
        assert trial.ending in ENDINGS


def test_every_retrial_submenu_has_a_way_back(story):
    code = story.scenes["retrial_hub"].code
    for op in code:
        if isinstance(op, m.Choice) and op.key in {"present_which", "witness_which", "record_which",
                                                   "ask_room7", "ask_warden"}:
            assert any(o.key.endswith(("_back", "_done")) and o.condition is None for o in op.options), op.key
