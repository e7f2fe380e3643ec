"""The content format, defined once as JSON Schema.

The loader validates every file against these schemas (see `validate.py`), `python -m
game schema` exports them for editors (`schema/*.schema.json`), and the authoring guide
quotes their descriptions. Beats and conditions are "keyed" objects: the first
required key names the kind (`say:`, `choice:`, `{has: ...}`), which lets the loader say
"unknown beat 'sya': did you mean 'say'?" instead of a generic schema failure.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
POSITIONS = ["far_left", "left", "center", "right", "far_right"]
TRANSITIONS = ["fade", "dissolve", "cut"]
SHOW_TRANSITIONS = ["dissolve", "fade", "move", "cut"]  # move: slide from where the character stands now
HIDE_TRANSITIONS = ["dissolve", "fade", "cut"]
GOTO_PATTERN = r"^(?:[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?|\.[a-z][a-z0-9_]*)$"
MAX_TEXT_VALUE = 200  # characters in a text variable's value
COMPARISONS = ["eq", "ne", "gt", "gte", "lt", "lte"]
MAX_OPTIONS = 6  # more does not fit on screen at large text sizes, and the number keys stay easy to reach
NO_ILLUSTRATION = "none"  # `illustration: none` takes the illustration away
MAX_WHOLE = 1_000_000_000  # every whole number in the story (counters, comparisons, steps) stays within ±this
MAX_CHAPTER = 999
MAX_ID_CHARS = 64
MAX_PATH_CHARS = 255  # an image path under assets/images/ (game/content/assetcheck.py checks the same)
WHOLE: Schema = {"type": "integer", "minimum": -MAX_WHOLE, "maximum": MAX_WHOLE}

Schema = dict[str, Any]
TRANSLATE = "x-translate"  # a text a translation's string table carries (shown to players, never an id or a path)


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def text(description: str, translate: bool = True, **extra: Any) -> Schema:
    """A text field; `x-translate` marks what a translator translates (game/content/translation.py)."""
    return {"type": "string", "minLength": 1, "description": description, **extra,
            **({TRANSLATE: True} if translate else {})}


def ident(description: str) -> Schema:
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_CHARS, "description": description}


def obj(description: str, properties: dict[str, Schema], required: list[str]) -> Schema:
    return {"type": "object", "description": description, "properties": properties,
            "required": required, "additionalProperties": False}


def keyed(kind_key: str, description: str, properties: dict[str, Schema], required: list[str] = ()) -> Schema:
    """An object whose first key names its kind: the validator dispatches on it."""
    return obj(description, properties, [kind_key, *required])


def beats(description: str) -> Schema:
    return {"type": "array", "items": ref("beat"), "description": description}


VARIABLE_VALUES: Schema = {
    "type": "object", "description": "Variable names mapped to a value: true/false (a flag), a whole number "
    "(a counter) or text in quotes (shown in lines with [name]).",
    "propertyNames": {"pattern": ID_PATTERN},
    "additionalProperties": {**WHOLE, "type": ["boolean", "integer", "string"], "maxLength": MAX_TEXT_VALUE,
                             TRANSLATE: True},  # a text value is shown in lines: translations carry it
}
COUNTER_STEPS: Schema = {
    "type": "object", "description": "Counter names mapped to the whole number to add (negative to take away).",
    "propertyNames": {"pattern": ID_PATTERN},
    "additionalProperties": WHOLE,
}


def comparison_properties() -> dict[str, Schema]:
    return {op: {**WHOLE, "description": f"compare with '{op}'"} for op in COMPARISONS}


CONDITION_KINDS: dict[str, Schema] = {
    "flag": keyed("flag", "True when the flag is set to true (or a counter is not zero).",
                  {"flag": ident("flag name")}),
    "has": keyed("has", "True when the player holds this piece of evidence.",
                 {"has": ident("evidence id")}),
    "visited": keyed("visited", "True when the scene has been entered at least once.",
                     {"visited": ident("scene id")}),
    "counter": keyed("counter", "Compares a counter (0 when never set) with a number: "
                     "give one or more of eq, ne, gt, gte, lt, lte.",
                     {"counter": ident("counter name"), **comparison_properties()}),
    "visits": keyed("visits", "Compares how many times a scene was entered with a number.",
                    {"visits": ident("scene id"), **comparison_properties()}),
    "evidence_count": keyed("evidence_count", "Compares how many pieces of evidence the player holds.",
                            {"evidence_count": {"type": "boolean", "const": True,
                                                "description": "write 'evidence_count: true'"},
                             **comparison_properties()}),
    "offers": keyed("offers", "True while the choice with this id, in the same scene, has something to offer "
                    "beyond its fixed options: one of its options with an 'if' is offered. For a way into a "
                    "submenu, offered only while the submenu holds more than its way back.",
                    {"offers": ident("choice id")}),
    "all": keyed("all", "True when every listed condition is true.",
                 {"all": {"type": "array", "minItems": 1, "items": ref("condition"),
                          "description": "conditions"}}),
    "any": keyed("any", "True when at least one listed condition is true.",
                 {"any": {"type": "array", "minItems": 1, "items": ref("condition"),
                          "description": "conditions"}}),
    "not": keyed("not", "True when the inner condition is false.", {"not": ref("condition")}),
}

def target(description: str) -> Schema:
    return {"type": "string", "pattern": GOTO_PATTERN, "maxLength": 2 * MAX_ID_CHARS + 1,
            "description": description + " Write 'scene', 'scene.label', or '.label' for a label in this scene."}


KEEP_STAGE: Schema = {"type": "boolean", "description": "true: the scene jumped to keeps the background, portraits "
                      "and illustration on screen instead of setting its own opening background"}

OPTION: Schema = obj("One option of a choice.", {
    "text": text("What the option says on screen."),
    "id": ident("A stable name for this option; saves use it to find the option again after edits."),
    "if": ref("condition"),
    "set": VARIABLE_VALUES,
    "add": COUNTER_STEPS,
    "evidence": ident("Evidence gained by taking this option."),
    "goto": target("Where to jump after this option (otherwise the story continues after the choice)."),
    "keep_stage": KEEP_STAGE,
    "then": beats("Beats played when this option is taken, before the story continues."),
}, ["text"])

BEAT_KINDS: dict[str, Schema] = {
    "narrate": keyed("narrate", "Narration: text with no speaker.", {"narrate": text("the narration")}),
    "say": keyed("say", "A character's line.", {
        "say": ident("id of the speaking character (from characters.yaml)"),
        "text": text("what they say"),
        "expression": ident("portrait expression to show while speaking (e.g. happy, sad); the outfit stays"),
        "outfit": ident("outfit to wear from this line on (a character with outfits); the expression stays"),
    }, ["text"]),
    "show": keyed("show", "Bring a character's portrait on stage, or change its expression, outfit or place.", {
        "show": ident("character id"),
        "expression": ident("expression (default: the one shown now, else the character's first)"),
        "outfit": ident("outfit, for a character with outfits (default: the one worn now, else the first)"),
        "at": {"enum": POSITIONS, "description": "where on stage (default: where they stand, else center)"},
        "transition": {"enum": SHOW_TRANSITIONS, "description": "how they appear (default: cut); move slides a "
                       "character already on stage to the new place"},
    }),
    "hide": keyed("hide", "Take a character off stage.", {
        "hide": ident("character id"),
        "transition": {"enum": HIDE_TRANSITIONS, "description": "how they leave (default: cut)"},
    }),
    "move": keyed("move", "Move a character already on stage.", {
        "move": ident("character id"),
        "to": {"enum": POSITIONS, "description": "new position"},
    }, ["to"]),
    "background": keyed("background", "Change the background to another location (it also takes away an "
                        "illustration).", {
        "background": ident("location id (from locations.yaml)"),
        "transition": {"enum": TRANSITIONS, "description": "how to change (default: fade)"},
    }),
    "illustration": keyed("illustration", "Show a full-screen illustration (portraits are hidden while it shows, "
                          "the text box is not); the player's gallery keeps it. 'none', or a background beat, "
                          "takes it away.", {
        "illustration": ident("illustration id (from illustrations.yaml), or 'none'"),
        "transition": {"enum": TRANSITIONS, "description": "how it comes in or goes (default: dissolve)"},
    }),
    "music": keyed("music", "Start a music track (loops), or 'stop'.", {
        "music": ident("track id: assets/audio/music/<id>.wav or .ogg, or 'stop'"),
    }),
    "sound": keyed("sound", "Play a sound effect once.", {
        "sound": ident("effect id: assets/audio/sfx/<id>.wav or .ogg"),
    }),
    "choice": keyed("choice", "A choice for the player.", {
        "choice": text("the question or situation shown above the options"),
        "speaker": ident("a character who speaks the question (name plate, colour, backlog, self-voicing)"),
        "expression": ident("the speaker's portrait expression while asking"),
        "id": ident("a stable name for this choice (used by saves and the session log)"),
        "options": {"type": "array", "minItems": 1, "maxItems": MAX_OPTIONS, "items": OPTION,
                    "description": f"the options (at most {MAX_OPTIONS}: group more behind a first choice)",
                    "x-hint": "group them: a first choice leads to a second one (e.g. 'present evidence' -> "
                              "which piece)"},
    }, ["options"]),
    "goto": keyed("goto", "Jump to another scene, or to a label.", {
        "goto": target("where to go."),
        "keep_stage": KEEP_STAGE,
    }),
    "label": keyed("label", "Mark a point in this scene that a goto can jump to ('.name' here, 'scene.name' from "
                   "elsewhere). Shows nothing.", {"label": ident("the label's name, unique in its scene")}),
    "if": keyed("if", "Play one list of beats or another, depending on a condition.", {
        "if": ref("condition"),
        "then": beats("beats played when the condition is true"),
        "else": beats("beats played when it is false"),
    }, ["then"]),
    "set": keyed("set", "Set flags (true/false), counters (numbers) or text variables (text in quotes).",
                 {"set": VARIABLE_VALUES}),
    "add": keyed("add", "Add to counters.", {"add": COUNTER_STEPS}),
    "evidence": keyed("evidence", "The player notices a piece of evidence (kept for the retrial).",
                      {"evidence": ident("evidence id (from evidence.yaml)")}),
    "fact": keyed("fact", "A fact card about the real film or case, citing its source.", {
        "fact": text("the fact, in your own words"),
        "source": ident("source id (from sources.yaml)"),
        "section": text("the part of the source it rests on"),
    }, ["source"]),
    "differ": keyed("differ", "A 'the sources differ' card: two or more accounts side by side.", {
        "differ": text("what the accounts disagree about"),
        "accounts": {"type": "array", "minItems": 2, "description": "each source's version", "items": obj(
            "One source's account.", {"source": ident("source id"),
                                      "section": text("the part of the source it rests on"),
                                      "says": text("what it says, in your words")},
            ["source", "says"])},
        "question": text("a question for the reader (default: how would you check which is right?)"),
    }, ["accounts"]),
    "prompt": keyed("prompt", "A discussion prompt for classroom mode (skipped in normal play by default).", {
        "prompt": text("the question for the class"),
        "followups": {"type": "array", "items": text("a follow-up question"), "description": "follow-up questions"},
        "minutes": {"type": "integer", "minimum": 1, "maximum": 60, "description": "suggested time"},
    }),
    "end": keyed("end", "An ending of the story.", {
        "end": ident("ending id"),
        "title": text("the ending's title, shown on the end card"),
    }),
}

CONTENT_NOTE: Schema = obj("A content note shown before the scene, with the option to read a summary instead.", {
    "topics": {"type": "array", "minItems": 1, "items": text("a topic, e.g. 'the death of a child'"),
               "description": "what the scene shows"},
    "summary": text("a short neutral summary shown instead of the scene"),
}, ["topics", "summary"])

SCENE_FILE: Schema = obj("One story scene.", {
    "id": ident("The scene's unique id (used by goto, next and saves)."),
    "title": text("Title shown on the scene card and in chapter select."),
    "chapter": {"type": "integer", "minimum": 0, "maximum": MAX_CHAPTER,
                "description": "Chapter number (from story.yaml; 0 is the "
                "prologue)."},
    "date": text("The in-story date as shown to the player, e.g. 'December 1997'."),
    "background": ident("Location id of the opening background."),
    "music": ident("Music track that starts with the scene ('stop' for silence)."),
    "content_note": CONTENT_NOTE,
    "timeline": ident("Timeline event this scene belongs to (for the 'see on the timeline' link)."),
    "next": ident("Scene that follows when the beats run out (omit for an ending)."),
    "card": {"type": "boolean", "description": "false: no title card when the scene is entered (default: true)"},
    "beats": {"type": "array", "minItems": 1, "items": ref("beat"), "description": "What happens, in order."},
}, ["id", "title", "chapter", "date", "background", "beats"])

CHARACTERS_FILE: Schema = obj("The cast of characters.", {
    "characters": {"type": "array", "minItems": 1, "description": "every character", "items": obj(
        "A character.", {
            "id": ident("used by say/show/hide/move"),
            "name": text("display name"),
            "korean": text("name in Hangul, where the sources give it", translate=False),
            "actor": text("who plays the role, where the sources say"),
            "colour": {"type": "string", "pattern": COLOUR_PATTERN, "description": "name plate colour, #rrggbb"},
            "sprite": ident("portrait file prefix: assets/images/characters/<sprite>_<expression>.png"),
            "expressions": {"type": "array", "items": ident("expression"),
                            "description": "portrait expressions; the first is the default"},
            "outfits": {"type": "array", "minItems": 1, "items": ident("outfit"),
                        "description": "outfits, the first the default: the portrait is then two layers, "
                        "<sprite>_outfit_<outfit>.png with <sprite>_<expression>.png drawn on top (both 480x640)"},
            "description": text("who they are, for the cast list"),
        }, ["id", "name", "colour"])},
}, ["characters"])

LOCATIONS_FILE: Schema = obj("Places and their backgrounds.", {
    "locations": {"type": "array", "minItems": 1, "description": "every location", "items": obj(
        "A location.", {
            "id": ident("used by scene background and the background beat"),
            "name": text("display name"),
            "image": text("image path under assets/images/, e.g. backgrounds/cell7.png", translate=False,
                          maxLength=MAX_PATH_CHARS),
            "ambience": ident("a sound loop that plays while this is the background: "
                              "assets/audio/ambience/<id>.ogg or .wav (omit for quiet)"),
        }, ["id", "name", "image"])},
}, ["locations"])

EVIDENCE_FILE: Schema = obj("Evidence the player can notice.", {
    "evidence": {"type": "array", "minItems": 1, "description": "every piece of evidence", "items": obj(
        "A piece of evidence.", {
            "id": ident("used by the evidence beat and the has condition"),
            "name": text("short name"),
            "description": text("what the player noticed"),
        }, ["id", "name", "description"])},
    "kept": text("shown under each newly noticed piece, e.g. where the story keeps it"),
}, ["evidence"])

SOURCES_FILE: Schema = obj("The documents facts come from.", {
    "sources": {"type": "array", "minItems": 1, "description": "every source", "items": obj(
        "A source document.", {
            "id": ident("used by fact cards, timeline events and quiz questions"),
            "title": text("how the source is named on screen"),
            "kind": text("what sort of document it is"),
            "file": text("where the document is kept, relative to the project", translate=False),
        }, ["id", "title", "kind"])},
}, ["sources"])

STORY_FILE: Schema = obj("The story as a whole.", {
    "id": ident("the story's stable id: its saves and progress live under it, so never change it once people "
                "play (default: the content folder's name), e.g. night_ferry"),
    "title": text("game title"),
    "tagline": text("one line under the title on the title screen"),
    "caption": text("the window's caption (default: the title)"),
    "title_music": ident("music piece the title screen plays (assets/audio/music/<id>.ogg or .wav)"),
    "title_background": ident("location id drawn behind the title screen"),
    "korean_title": text("the film's title in Hangul", translate=False),
    "film": text("the film the story retells as an English film-study handout names it (title, year, the Korean "
                 "title romanised and what it means)", translate=False),
    "start": ident("id of the first scene"),
    "chapters": {"type": "array", "minItems": 1, "description": "chapters in order", "items": obj(
        "A chapter.", {
            "number": {"type": "integer", "minimum": 0, "maximum": MAX_CHAPTER,
                       "description": "chapter number (0: a prologue, shown as "
                       "'Prologue')"},
            "title": text("chapter title"),
            "summary": text("what happens in this chapter of the game, for chapter select and handouts"),
            "in_the_film": text("what the sources say happens in this part of the film, naming the source; "
                                "handouts print it beside the summary, so the film and the game's inventions "
                                "stay apart"),
        }, ["number", "title"])},
}, ["title", "start", "chapters"])

ILLUSTRATIONS_FILE: Schema = obj("Full-screen illustrations (CGs) for key moments, and the gallery (optional file).", {
    "illustrations": {"type": "array", "minItems": 1, "description": "every illustration, in gallery order",
                      "items": obj("An illustration.", {
                          "id": ident("used by the illustration beat"),
                          "title": text("its name in the gallery"),
                          "image": text("image path under assets/images/, e.g. cg/cg_ice.png (1280x720)",
                                        translate=False,
                                        maxLength=MAX_PATH_CHARS),
                      }, ["id", "title", "image"])},
}, ["illustrations"])

CREDITS_FILE: Schema = obj("The credits shown after an ending (optional file).", {
    "credits": {"type": "array", "minItems": 1, "description": "sections, in order", "items": obj(
        "A section of the credits.", {
            "heading": text("the section's heading"),
            "lines": {"type": "array", "minItems": 1, "items": text("a line"), "description": "its lines"},
        }, ["heading", "lines"])},
    "music": ident("music track for the end screen and credits: assets/audio/music/<id>.ogg or .wav"),
}, ["credits"])

MUSIC_FILE: Schema = obj("The score's pieces for the music room in the extras (optional file).", {
    "music": {"type": "array", "minItems": 1, "description": "every piece, in the music room's order",
              "items": obj("A piece of music.", {
                  "id": ident("the track id: assets/audio/music/<id>.ogg or .wav (as music beats name it)"),
                  "title": text("its name in the music room"),
                  "description": text("a line about where it plays, shown under the title"),
              }, ["id", "title"])},
}, ["music"])

DATE: Schema = {"type": "string", "pattern": DATE_PATTERN,
                "description": "YYYY, YYYY-MM or YYYY-MM-DD; the form gives the precision"}

TIMELINE_FILE: Schema = obj("Timeline lanes, eras and events (any file may hold any of them).", {
    "lanes": {"type": "array", "description": "horizontal lanes, top to bottom", "items": obj("A lane.", {
        "id": ident("lane id"), "title": text("lane label"),
        "colour": {"type": "string", "pattern": COLOUR_PATTERN, "description": "marker colour, #rrggbb"},
    }, ["id", "title", "colour"])},
    "eras": {"type": "array", "description": "shaded spans of time", "items": obj("An era.", {
        "id": ident("era id"), "title": text("label"), "start": DATE, "end": DATE,
        "colour": {"type": "string", "pattern": COLOUR_PATTERN, "description": "shade colour, #rrggbb"},
    }, ["id", "title", "start", "end"])},
    "events": {"type": "array", "description": "things that happened", "items": obj("An event.", {
        "id": ident("event id"),
        "date": DATE,
        "qualifier": {"enum": ["about", "before", "after"], "description": "uncertainty of the date"},
        "end": DATE,
        "display_date": text("the date as the source gives it, when it is not a plain date"),
        "title": text("headline"),
        "text": text("what happened, in your own words"),
        "lane": ident("lane id"),
        "source": {"type": "array", "minItems": 1, "items": ident("source id"), "description": "source ids"},
        "section": text("the part of the source it rests on"),
        "scene": ident("story scene this event links to"),
        "related": {"type": "array", "items": ident("event id"), "description": "linked events"},
        "figures": obj("Box-office figures for the chart.", {
            "days": {"type": "integer", "minimum": 0, "maximum": 100_000, "description": "days since release"},
            "admissions": {"type": "integer", "minimum": 0, "maximum": 10_000_000_000,
                           "description": "cumulative admissions"},
        }, ["admissions"]),
        "differ": {"type": "array", "minItems": 2, "description": "accounts where the sources disagree",
                   "items": obj("One source's account.", {"source": ident("source id"),
                                                          "says": text("what it says")}, ["source", "says"])},
        "details": {"type": "object", "description": "extra labelled fields (e.g. country, director, status)",
                    "properties": {"dating": {"enum": ["undated"], "description": "'undated': the sources give "
                                              "no date; the event stands in a column of its own"}},
                    "additionalProperties": {"type": "string", TRANSLATE: True}},
    }, ["id", "date", "title", "text", "lane", "source"])},
    "notes": obj("Captions under the chart and the tables, citing what they rest on (one file gives them).", {
        "chart": text("under the box-office chart"),
        "remakes": text("under the remakes table"),
        "awards": text("under the awards table"),
    }, []),
}, [])

QUIZ_TOPICS = ["story", "real_case", "release", "box_office", "awards", "remakes"]

QUIZ_FILE: Schema = obj("Quiz questions for classroom mode; every answer rests on a source.", {
    "questions": {"type": "array", "minItems": 1, "description": "the questions", "items": obj("A question.", {
        "id": ident("question id"),
        "about": {"enum": QUIZ_TOPICS, "description": "what the question is about: the story, or a part of the "
                  "film's real history (the timeline quiz)"},
        "chapter": {"type": "integer", "minimum": 1, "maximum": MAX_CHAPTER,
                    "description": "for story questions: the chapter it follows"},
        "question": text("the question"),
        "options": {"type": "array", "minItems": 2, "maxItems": 6, "items": text("an option"),
                    "description": "the options of a multiple-choice question (omit for true/false)"},
        "answer": {"type": ["string", "boolean"],
                   "description": "the correct option's exact text, or true/false for a true/false question"},
        "explanation": text("why, in a sentence or two, shown when the answer is revealed"),
        "source": ident("source id (from sources.yaml)"),
        "section": text("the part of the source the answer rests on"),
    }, ["id", "about", "question", "answer", "explanation", "source", "section"])},
}, ["questions"])

SAID: Schema = obj("What one source says, and where.", {
    "source": ident("source id (from sources.yaml)"),
    "section": text("the part of the source it rests on"),
    "says": text("what it says, in your words"),
}, ["source", "section", "says"])

REALITY_FILE: Schema = obj("'Film and reality' cards for classroom mode (optional file).", {
    "comparisons": {"type": "array", "description": "the film's fiction beside the real world, one topic each",
                    "items": obj("One topic, fiction beside fact.", {
                        "topic": text("what is compared"),
                        "film": {**SAID, "description": "what happens in the film"},
                        "real": {**SAID, "description": "what the sources say about the real world"},
                        "note": text("what the sources do not tell us"),
                    }, ["topic", "film", "real"])},
    "differ": {"type": "array", "description": "every place where the sources disagree",
               "items": obj("A 'the sources differ' card.", {
                   "topic": text("what the accounts disagree about"),
                   "accounts": {"type": "array", "minItems": 2, "items": SAID, "description": "each source's version"},
                   "question": text("a question for the class (default: how would you check which is right?)"),
                   "hint": text("a more specific way in, shown under the question"),
               }, ["topic", "accounts"])},
}, [])

DEFS: dict[str, Schema] = {
    "beat": {"description": "One step of a scene; its first key names its kind.",
             "oneOf": [ref(f"beat_{k}") for k in BEAT_KINDS], "x-keyed": list(BEAT_KINDS)},
    "condition": {"description": "A condition; its first key names its kind. Checked when the story runs.",
                  "oneOf": [ref(f"condition_{k}") for k in CONDITION_KINDS], "x-keyed": list(CONDITION_KINDS)},
    **{f"beat_{k}": v for k, v in BEAT_KINDS.items()},
    **{f"condition_{k}": v for k, v in CONDITION_KINDS.items()},
}

FILE_SCHEMAS: dict[str, Schema] = {
    "scene": SCENE_FILE, "characters": CHARACTERS_FILE, "locations": LOCATIONS_FILE,
    "evidence": EVIDENCE_FILE, "sources": SOURCES_FILE, "story": STORY_FILE, "timeline": TIMELINE_FILE,
    "quiz": QUIZ_FILE, "reality": REALITY_FILE, "illustrations": ILLUSTRATIONS_FILE, "credits": CREDITS_FILE,
    "music": MUSIC_FILE,
}


def file_schema(kind: str) -> Schema:
    """A complete, standalone JSON Schema document for one kind of content file."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://cell7.invalid/schema/{kind}.schema.json",
            "title": f"Cell 7 {kind} file (format v{SCHEMA_VERSION})",
            **FILE_SCHEMAS[kind], "$defs": DEFS}


def export(directory: Path) -> list[Path]:
    """Write one schema file per kind of content file; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILE_SCHEMAS:
        path = directory / f"{kind}.schema.json"
        path.write_text(json.dumps(file_schema(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
