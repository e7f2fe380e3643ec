"""Issue 17: the content cache's format. The JSON decoder builds every value through one hook per JSON object;
every kind of value comes back exactly, and anything the encoder could not have written is refused."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from game.content.cache import CACHE_FORMAT, Codec, ContentCache
from game.content.problems import Mark


@dataclass(frozen=True)
class Holder:
    """A record with a field of each kind the codec stores."""

    mark: Mark
    value: Any = None
    others: dict[str, Mark] = field(default_factory=dict)


CODEC = Codec([Holder, Mark])
MARK = CODEC.kinds[Mark].tag


def _holder(*items: Any) -> str:
    """A Holder's JSON as the encoder writes it, from its fields' JSON."""
    return json.dumps({CODEC.kinds[Holder].tag: list(items)})


def _round_trip(value: Any) -> Any:
    return CODEC.loads(CODEC.dumps(Holder(Mark("a.yaml", 1, 2), value)))


@pytest.mark.parametrize("value", [
    None, True, 0, -7, 2 ** 80, 1.5, "", "@0", "naïve 일곱", [], [[], [1, [2]]], (), (1, (2, ())), {}, {"": 1},
    {"a": {"b": {}}}, {"@0": 1}, {"@t": [1]}, {"x": 1, "@0": 2}, {1: "one", (2, 3): [4]}, {None: 0, True: 1},
    {1, 2, 3}, frozenset({"a", "b"}), set(), Path("scenes/story"), [Path("a"), Path("a")],
    Mark("b.yaml", 3, 4), [Mark("c.yaml")], {"label": Mark("d.yaml", 5, 6)}, (Mark("e.yaml", 7, 8),),
    Holder(Mark("f.yaml", 9, 10), Holder(Mark("g.yaml"), {"k": [1, {"@p": "x"}]})),
])
def test_every_kind_of_value_comes_back_equal_and_of_the_same_types(value):
    back = _round_trip(value)
    assert back == Holder(Mark("a.yaml", 1, 2), value)
    assert type(back.mark) is Mark and _types(back.value) == _types(value)


def _types(value: Any) -> Any:
    """The value's shape with every container's type, so that a tuple read back as a list would differ."""
    if isinstance(value, dict):
        return type(value), [(_types(k), _types(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return type(value), [_types(x) for x in value]
    if isinstance(value, (set, frozenset)):
        return type(value), sorted(map(repr, value))
    if isinstance(value, Holder):
        return Holder, _types(value.mark), _types(value.value), _types(value.others)
    return type(value)


def test_a_declared_mark_is_a_bare_array_and_a_mark_elsewhere_a_tagged_one():
    mark = Mark("a.yaml", 1, 2)
    data = json.loads(CODEC.dumps(Holder(mark, None, {"x": mark})))
    [(tag, (bare, _, others))] = data.items()
    assert bare == ["a.yaml", 1, 2]
    assert others["x"] != bare and CODEC.loads(CODEC.dumps(Holder(mark, None, {"x": mark}))).others["x"] == mark


def test_a_declared_mark_may_also_be_none_or_a_tagged_mark():
    assert CODEC.loads(CODEC.dumps(Holder(None))) == Holder(None)  # type: ignore[arg-type]
    assert CODEC.loads(_holder({MARK: ["b.yaml", 1, 1]}, None, {}).encode()).mark == Mark("b.yaml", 1, 1)


def test_a_list_where_a_mark_is_declared_cannot_be_stored():
    with pytest.raises(TypeError):
        CODEC.dumps(Holder(["a.yaml", 1, 2]))  # type: ignore[arg-type]


def test_only_one_of_its_classes_is_stored_at_the_top():
    with pytest.raises(TypeError):
        CODEC.dumps([Holder(Mark("a"))])  # type: ignore[arg-type]


FORGED = {
    "a list at the top": '[0, {"evil": true}]',
    "a plain mapping at the top": '{"evil": true}',
    "a plain value at the top": '"text"',
    "a record of too few fields": json.dumps({CODEC.kinds[Holder].tag: [["a", 1, 1], None]}),
    "a record of too many fields": _holder(["a", 1, 1], None, {}, 4),
    "a record's fields in a mapping": json.dumps({CODEC.kinds[Holder].tag: {"mark": ["a", 1, 1]}}),
    "a record with a second member": json.dumps({CODEC.kinds[Holder].tag: [["a", 1, 1], None, {}], "x": 1}),
    "a bare mark of two items": _holder(["a", 1], None, {}),
    "a bare mark of four items": _holder(["a", 1, 1, 1], None, {}),
    "a tagged mark of two items": _holder(["a", 1, 1], {MARK: ["a", 1]}, {}),
    "an unknown class number": _holder(["a", 1, 1], {"@99": []}, {}),
    "an unknown tag": _holder(["a", 1, 1], {"@x": []}, {}),
    "a tuple of a string": _holder(["a", 1, 1], {"@t": "abc"}, {}),
    "a set of a mapping": _holder(["a", 1, 1], {"@s": {"a": 1}}, {}),
    "a set of lists": _holder(["a", 1, 1], {"@s": [[1], [2]]}, {}),
    "a path of a number": _holder(["a", 1, 1], {"@p": 5}, {}),
    "a mapping with a key and no value": _holder(["a", 1, 1], {"@m": [1, 2, 3]}, {}),
    "a mapping with a list for a key": _holder(["a", 1, 1], {"@m": [[1], 2]}, {}),
    "NaN": _holder(["a", 1, 1], float("nan"), {}),
    "Infinity": _holder(["a", 1, 1], float("inf"), {}),
    "deep nesting": _holder(["a", 1, 1], "VALUE", {}).replace('"VALUE"', "[" * 100_000 + "]" * 100_000),
    "deep nesting of objects": _holder(["a", 1, 1], "VALUE", {}).replace(
        '"VALUE"', '{"a":' * 100_000 + "1" + "}" * 100_000),
    "not UTF-8": _holder(["a", 1, 1], "\udcff", {}),
    "not JSON": "{'a': 1}",
}


@pytest.mark.parametrize("name", FORGED)
def test_anything_the_encoder_could_not_have_written_is_refused(name):
    text = FORGED[name].encode("utf-8", "surrogateescape").replace(b"\\udcff", b"\xff")
    with pytest.raises(ValueError):
        CODEC.loads(text)


def test_a_cache_of_the_previous_format_is_replaced_quietly_not_set_aside(tmp_path, story_root):
    cache = ContentCache(tmp_path / "cache", [Holder, Mark])
    assert cache.store(story_root, None, Holder(Mark("a.yaml", 1, 1), story_root))
    path = cache.path(story_root)
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    assert header["format"] == CACHE_FORMAT and cache.load(story_root, None) == Holder(Mark("a.yaml", 1, 1), story_root)
    path.write_bytes(json.dumps({**header, "format": CACHE_FORMAT - 1}).encode() + b"\n" + body)
    assert cache.load(story_root, None) is None and not cache.hit
    assert not cache.messages and not (cache.folder / "damaged").exists()
