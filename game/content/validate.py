"""Check plain data against the format's JSON Schema and report in the author's terms.

Two halves that must agree (a property test checks it): `conforms`, a quick yes/no from each
schema compiled once into small functions, and `Validator`, the full walk that says what is
wrong and where, run only on a file that does not conform.

Only the parts of JSON Schema that `schema.py` uses are understood. Keyed `oneOf`s
(`x-keyed`) dispatch on the object's kind key, so one mistake gives one message that
names the beat, not a cascade of "not valid under any of the given schemas".
"""
from __future__ import annotations

import difflib
import functools
import math
import re
from typing import Any, Callable, Collection

from .problems import Mark, Problems
from .schema import DEFS, ID_PATTERN, Schema
from .yamlsource import Document, one_line

TYPE_NAMES = {"object": "a mapping (key: value lines)", "array": "a list ('- ' items)", "string": "text",
              "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "empty"}


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f": did you mean '{close[0]}'?" if close else ""


def check_known(problems: Problems, mark: Mark, what: str, name: str, known: Collection[str], where: str) -> bool:
    """True when `name` is one of `known`; otherwise report "unknown <what>" with a did-you-mean and the choices."""
    if name in known:
        return True
    names = sorted(known)
    problems.error(mark, f"unknown {what} {_show(name)}{did_you_mean(name, names)}",
                   f"define it in {where}, or use one of: {', '.join(names[:12])}"
                   + (" ..." if len(names) > 12 else ""),
                   code=f"unknown-{what.replace(' ', '-')}")
    return False


JSON_TYPES = {type(None): "null", bool: "boolean", int: "integer", float: "number", str: "string",
              list: "array", dict: "object"}


def type_of(value: Any) -> str:
    return JSON_TYPES.get(type(value), "object")


def _matches_type(value: Any, wanted: str | list[str]) -> bool:
    actual = type_of(value)
    wanted = [wanted] if isinstance(wanted, str) else wanted
    return actual in wanted or (actual == "integer" and "number" in wanted)


def _show(value: Any) -> str:
    """A value echoed in a message: one line, at most about 40 characters, never a huge number spelt out."""
    if type(value) is int and abs(value) >= 10**20:
        return "a number of about 10^" + str(len(str(abs(value) // 10**19)) + 19)
    if isinstance(value, (dict, list)):
        text = one_line(repr(value)[:200])
    else:
        text = one_line(value) if isinstance(value, str) else repr(value)
        text = f"'{text}'" if isinstance(value, str) else text
    return text if len(text) <= 40 else text[:37] + "...'"


Test = Callable[[Any], bool]
_TESTS: dict[int, tuple[Schema, Test]] = {}  # by id(schema); the schema is kept so its id stays its own


def conforms(value: Any, schema: Schema) -> bool:
    """True when `value` fully satisfies `schema`: the quick check run before any reporting.

    Each schema is compiled once into a small function; only a document that fails it is
    walked again by `Validator`, which says what is wrong and where. Almost every document
    passes, so messages cost nothing on a good load.
    """
    return _test(schema)(value)


def _test(schema: Schema) -> Test:
    entry = _TESTS.get(id(schema))
    if entry is None or entry[0] is not schema:
        # beats contain beats: while a schema is being compiled, a reference back to it gets a stand-in that
        # calls the finished test
        done: list[Test] = []
        _TESTS[id(schema)] = (schema, lambda value: done[0](value))
        done.append(_compile(schema))
        entry = _TESTS[id(schema)] = (schema, done[0])
    return entry[1]


def _compile(schema: Schema) -> Test:
    if "$ref" in schema:
        return _test(DEFS[schema["$ref"].rsplit("/", 1)[-1]])
    if "x-keyed" in schema:
        return _compile_keyed(schema)
    if "enum" in schema:
        choices = schema["enum"]
        return lambda value: value in choices
    wanted = schema.get("type")
    wanted = [wanted] if isinstance(wanted, str) else wanted
    if wanted == ["string"] and "const" not in schema:
        return _compile_text(schema)
    parts: list[Test] = []
    if wanted and wanted not in (["object"], ["array"]):  # those two check their own type
        parts.append(lambda value: _matches_type(value, wanted))
    if "const" in schema:
        const = schema["const"]
        parts.append(lambda value: value == const)
    if {"minLength", "maxLength", "pattern"} & set(schema):
        text = _compile_text(schema)
        parts.append(lambda value: type(value) is not str or text(value))
    if "minimum" in schema or "maximum" in schema:
        low, high = schema.get("minimum", -math.inf), schema.get("maximum", math.inf)
        parts.append(lambda value: type(value) not in (int, float) or low <= value <= high)
    if wanted == ["array"] or {"items", "minItems", "maxItems"} & set(schema):
        parts.append(_compile_array(schema, wanted == ["array"]))
    if wanted == ["object"] or {"properties", "required", "propertyNames", "additionalProperties"} & set(schema):
        parts.append(_compile_object(schema, wanted == ["object"]))
    return functools.reduce(_both, parts) if parts else (lambda value: True)


def _both(first: Test, second: Test) -> Test:
    return lambda value: first(value) and second(value)


def _compile_text(schema: Schema) -> Test:
    shortest, pattern = schema.get("minLength", 0), schema.get("pattern")
    longest = schema.get("maxLength", math.inf)
    if pattern is None:
        return lambda value: type(value) is str and len(value.strip()) >= shortest and len(value) <= longest
    regexp = re.compile(pattern)
    return lambda value: (type(value) is str and len(value.strip()) >= shortest and len(value) <= longest
                          and regexp.match(value) is not None)


def _compile_array(schema: Schema, must_be_list: bool) -> Test:
    low, high = schema.get("minItems", 0), schema.get("maxItems", math.inf)
    item = _test(schema["items"]) if "items" in schema else (lambda value: True)

    def test(value: Any) -> bool:
        if type(value) is not list:
            return not must_be_list
        if not low <= len(value) <= high:
            return False
        for x in value:
            if not item(x):
                return False
        return True
    return test


def _compile_object(schema: Schema, must_be_dict: bool) -> Test:
    properties = {key: _test(sub) for key, sub in schema.get("properties", {}).items()}
    required = schema.get("required", [])
    names = re.compile(schema["propertyNames"]["pattern"]) if "propertyNames" in schema else None
    extra = schema.get("additionalProperties", True)
    other = _test(extra) if isinstance(extra, dict) else (lambda value: extra)

    def test(value: Any) -> bool:
        if type(value) is not dict:
            return not must_be_dict
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            if names is not None and not names.match(key):
                return False
            if not properties.get(key, other)(item):
                return False
        return True
    return test


def _compile_keyed(schema: Schema) -> Test:
    family = "beat" if "beat" in schema["oneOf"][0]["$ref"] else "condition"
    kinds = {kind: _test(DEFS[f"{family}_{kind}"]) for kind in schema["x-keyed"]}
    is_kind = kinds.__contains__

    def test(value: Any) -> bool:
        if type(value) is not dict:
            return False
        present = list(filter(is_kind, value))
        return len(present) == 1 and kinds[present[0]](value)
    return test


class Validator:
    """Walks one document; every problem goes to `problems` with the document's marks."""

    def __init__(self, doc: Document, problems: Problems):
        self.doc = doc
        self.problems = problems

    def check(self, schema: Schema, label: str) -> None:
        """Report every problem of the document; a document that conforms is not walked again."""
        if not conforms(self.doc.data, schema):
            self.report(schema, label)

    def report(self, schema: Schema, label: str) -> None:
        """Walk the whole document and report each way it breaks `schema`."""
        self._check(self.doc.data, schema, (), label)

    def _error(self, path: tuple, message: str, hint: str = "", at_key: bool = False, code: str = "schema") -> None:
        mark = self.doc.key_mark(path) if at_key else self.doc.mark(path)
        self.problems.error(mark, message, hint, code)

    def _check(self, value: Any, schema: Schema, path: tuple, label: str) -> None:
        if "$ref" in schema:
            self._check(value, DEFS[schema["$ref"].rsplit("/", 1)[-1]], path, label)
            return
        if "x-keyed" in schema:
            self._check_keyed(value, schema, path, label)
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
            if len(value) > schema.get("maxItems", len(value)):
                self._error(path, f"{label} has {len(value)} items; at most {schema['maxItems']} are allowed",
                            schema.get("x-hint", "remove some"))
            if "items" in schema:
                for i, item in enumerate(value):
                    self._check(item, schema["items"], path + (i,), f"{label} item {i + 1}")
        elif isinstance(value, dict):
            self._check_object(value, schema, path, label)

    def _check_string(self, value: str, schema: Schema, path: tuple, label: str) -> None:
        if len(value.strip()) < schema.get("minLength", 0):
            self._error(path, f"{label} must not be empty")
        if len(value) > schema.get("maxLength", len(value)):
            self._error(path, f"{label} is {len(value):,} characters long; at most {schema['maxLength']:,} "
                        "are allowed", "shorten it")
            return
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
