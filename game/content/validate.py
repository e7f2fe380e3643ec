"""Check plain data against the format's JSON Schema and report in the author's terms.

Only the parts of JSON Schema that `schema.py` uses are understood. Keyed `oneOf`s
(`x-keyed`) dispatch on the object's kind key, so one mistake gives one message that
names the beat, not a cascade of "not valid under any of the given schemas".
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from .problems import Problems
from .schema import DEFS, ID_PATTERN, Schema
from .yamlsource import Document

TYPE_NAMES = {"object": "a mapping (key: value lines)", "array": "a list ('- ' items)", "string": "text",
              "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty"}


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


JSON_TYPES = {type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string",
              list: "array", dict: "object"}


def type_of(value: Any) -> str:
    return JSON_TYPES.get(type(value), "object")


def _matches_type(value: Any, wanted: str | list[str]) -> bool:
    actual = type_of(value)
    wanted = [wanted] if isinstance(wanted, str) else wanted
    return actual in wanted or (actual == "integer" and "number" in wanted)


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


@dataclass(frozen=True)
class _Plan:
    """What one schema asks for, worked out once: validation visits every value of every file."""

    ref: Schema | None         # the schema a $ref points to
    keyed: bool                # a beat or condition: dispatch on the kind key
    plain_text: bool           # only type string, minLength and/or pattern: checked on a fast path
    pattern: re.Pattern | None
    min_length: int


_PLANS: dict[int, _Plan] = {}
_TEXT_KEYS = {"type", "minLength", "pattern", "description"}


def _plan(schema: Schema) -> _Plan:
    plain = schema.get("type") == "string" and set(schema) <= _TEXT_KEYS
    plan = _PLANS[id(schema)] = _Plan(
        ref=DEFS[schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else None,
        keyed="x-keyed" in schema, plain_text=plain,
        pattern=re.compile(schema["pattern"]) if plain and "pattern" in schema else None,
        min_length=schema.get("minLength", 0))
    return plan


class Validator:
    """Walks one document; every problem goes to `problems` with the document's marks."""

    def __init__(self, doc: Document, problems: Problems):
        self.doc = doc
        self.problems = problems

    def check(self, schema: Schema, label: str) -> None:
        self._check(self.doc.data, schema, (), label)

    def _error(self, path: tuple, message: str, hint: str = "", at_key: bool = False, code: str = "schema") -> None:
        mark = self.doc.key_mark(path) if at_key else self.doc.mark(path)
        self.problems.error(mark, message, hint, code)

    def _check(self, value: Any, schema: Schema, path: tuple, label: str) -> None:
        plan = _PLANS.get(id(schema)) or _plan(schema)
        if plan.ref is not None:
            self._check(value, plan.ref, path, label)
            return
        if plan.keyed:
            self._check_keyed(value, schema, path, label)
            return
        if plan.plain_text and type(value) is str:  # the common case, without the general path
            if len(value.strip()) < plan.min_length or (plan.pattern and not plan.pattern.match(value)):
                self._check_string(value, schema, path, label)  # says what is wrong
            return
        if "enum" in schema:
            if value not in schema["enum"]:
                choices = ", ".join(str(c) for c in schema["enum"])
                hint = did_you_mean(str(value), [str(c) for c in schema["enum"]]).lstrip(": ")
                self._error(path, f"{label} must be one of: {choices} (not {_show(value)})", hint.capitalize())
            return
        wanted = schema.get("type")
        if wanted and not _matches_type(value, wanted):
            names = " or ".join(TYPE_NAMES[t] for t in ([wanted] if isinstance(wanted, str) else wanted))
            hint = "put quotes around it to make it text" if "string" in str(wanted) else ""
            self._error(path, f"{label} should be {names}, not {TYPE_NAMES[type_of(value)]} {_show(value)}", hint)
            return
        if "const" in schema and value != schema["const"]:
            self._error(path, f"{label} must be {_show(schema['const'])}")
        if isinstance(value, str):
            self._check_string(value, schema, path, label)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                self._error(path, f"{label} must be at least {schema['minimum']} (not {value})")
            if "maximum" in schema and value > schema["maximum"]:
                self._error(path, f"{label} must be at most {schema['maximum']} (not {value})")
        elif isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                self._error(path, f"{label} needs at least {schema['minItems']} item(s)")
            if "items" in schema:
                for i, item in enumerate(value):
                    self._check(item, schema["items"], path + (i,), f"{label} item {i + 1}")
        elif isinstance(value, dict):
            self._check_object(value, schema, path, label)

    def _check_string(self, value: str, schema: Schema, path: tuple, label: str) -> None:
        if len(value.strip()) < schema.get("minLength", 0):
            self._error(path, f"{label} must not be empty")
        pattern = schema.get("pattern")
        if pattern and not re.match(pattern, value):
            if pattern == ID_PATTERN:
                suggestion = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_") or "name"
                self._error(path, f"{label} {_show(value)} is not a valid id",
                            f"ids use lower-case letters, digits and '_', starting with a letter, e.g. '{suggestion}'")
            else:
                form = schema.get("description", pattern)
                self._error(path, f"{label} {_show(value)} is not in the expected form ({form})")

    def _check_object(self, value: dict, schema: Schema, path: tuple, label: str) -> None:
        properties = schema.get("properties", {})
        unknown = [k for k in value if k not in properties]
        for key in schema.get("required", []):
            if key not in value and not did_you_mean(key, unknown):
                example = f"{key}: ..."
                about = properties.get(key, {}).get("description", "")
                self._error(path, f"{label} is missing '{key}'", f"add '{example}'" + (f" ({about})" if about else ""))
        names = schema.get("propertyNames")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if names and not re.match(names["pattern"], key):
                self._error(path + (key,), f"{_show(key)} is not a valid name in {label}",
                            "names use lower-case letters, digits and '_'", at_key=True)
            if key in properties:
                self._check(item, properties[key], path + (key,), f"'{key}'")
            elif extra is False:
                allowed = ", ".join(properties)
                self._error(path + (key,), f"unknown key '{key}' in {label}{did_you_mean(key, list(properties))}",
                            f"allowed keys: {allowed}", at_key=True, code="unknown-key")
            elif isinstance(extra, dict):
                self._check(item, extra, path + (key,), f"'{key}'")

    def _check_keyed(self, value: Any, schema: Schema, path: tuple, label: str) -> None:
        kinds: list[str] = schema["x-keyed"]
        family = "beat" if "beat" in schema["oneOf"][0]["$ref"] else "condition"
        if not isinstance(value, dict) or not value:
            example = "'- narrate: ...' or '- say: character'" if family == "beat" else "'{flag: name}'"
            self._error(path, f"{label} should be a {family} mapping such as {example}, not {_show(value)}")
            return
        present = [k for k in value if k in kinds]
        if not present:
            first = next(iter(value))
            self._error(path + (first,), f"unknown {family} '{first}'{did_you_mean(first, kinds)}",
                        f"{family} kinds: {', '.join(kinds)}", at_key=True, code=f"unknown-{family}")
            return
        if len(present) > 1:
            self._error(path + (present[1],), f"one {family} cannot be both '{present[0]}' and '{present[1]}'",
                        f"split them into two {family}s", at_key=True)
            return
        kind = present[0]
        self._check(value, DEFS[f"{family}_{kind}"], path, f"{kind} {family}")
