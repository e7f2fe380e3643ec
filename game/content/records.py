"""`@record`: a frozen dataclass, declared for a fifth of the start-up cost.

`@dataclass(frozen=True)` compiles six methods per class from source text at import time (`__init__`,
`__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`): about 0.8 ms a class here, and the game
declares dozens of them before its first frame. `@record` gives a class the same API — it *is* a dataclass
(`dataclasses.fields`, `replace`, `asdict`, `is_dataclass` and `__match_args__` work), equal, hashed,
shown and frozen exactly as `@dataclass(frozen=True)` would make it — but compiles only `__init__`, and only
when it is first looked up (the first instance built through it, or `inspect.signature`): the content cache
makes records without it, so most classes never need it in a cached start. The other five are shared
functions that read the field names they were given. Its fields are worked out from its annotations in one pass
(`_declare_fields`, without dataclasses' per-field checks against typing's names), and an undocumented record's
docstring (its signature) when it is first read.

    @record
    class Location:
        id: str
        name: str
        ambience: str | None = None

`@mutable_record` does the same for a plain `@dataclass` (fields assignable, not hashable).

A record does not inherit from another dataclass (such a class is declared by `dataclass(frozen=True)`
itself), and has no keyword-only fields, `ClassVar`s or `InitVar`s: those are refused, never half supported.
"""
from __future__ import annotations

import copy
import importlib
import operator
import reprlib
import sys
import types
from typing import Any, Callable, TypeVar


class _LoadedOnUse(types.ModuleType):
    """Stands for a module not loaded yet: the first attribute asked of it loads the real one (which takes its
    place in `sys.modules`), and each is then read from that. importlib's LazyLoader would not do: `import name`
    in a module that follows reads the module's `__spec__`, which loads it."""

    def __getattr__(self, attr: str) -> Any:
        if "_module" not in self.__dict__:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            self._module = importlib.import_module(self.__name__)
        return getattr(self._module, attr)


def _loaded_on_use(name: str) -> None:
    """Have `import name` give a module that is loaded when first used, unless it is loaded already. For `inspect`,
    which `dataclasses` imports and uses only to write an undocumented dataclass's `__doc__`: it and what it imports
    (ast, dis, tokenize, linecache) were ~8 ms of every start, before the title, for no use there."""
    if name not in sys.modules:
        sys.modules[name] = _LoadedOnUse(name)


_loaded_on_use("inspect")
import dataclasses  # noqa: E402  (after: its `import inspect` takes the stand-in)
import inspect  # noqa: E402

field = dataclasses.field  # (a record's field with options; a module that imports it from here need not import
#                            dataclasses before this module has put its stand-in for `inspect` in place)

T = TypeVar("T", bound=type)


class _Factory:
    """The default of an __init__ argument whose field has a default_factory (shown as dataclasses shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _Factory()


def record(cls: T) -> T:
    """`cls` as `@dataclass(frozen=True)` would make it (see the module's note)."""
    return _declared(cls, frozen=True)


def mutable_record(cls: T) -> T:
    """`cls` as a plain `@dataclass` would make it: equal and shown as a record is, its fields assignable and the
    class unhashable, and its `__init__` compiled when first looked up."""
    return _declared(cls, frozen=False)


def _declared(cls: T, frozen: bool) -> T:
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        return dataclasses.dataclass(frozen=frozen)(cls)
    documented = cls.__dict__.get("__doc__") is not None
    fields = _declare_fields(cls)  # no method is compiled here
    params = cls.__dataclass_params__  # what the class is (a dataclass subclassing it reads `frozen`)
    params.init = params.repr = params.eq = True
    params.frozen = frozen
    names = tuple(f.name for f in fields)
    _method(cls, "__init__", _CompiledOnUse(cls, fields))
    _method(cls, "__repr__", _repr(tuple(f.name for f in fields if f.repr)))
    _method(cls, "__eq__", _eq(_values(tuple(f.name for f in fields if f.compare))))
    if frozen:
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        _method(cls, "__hash__", _hash(_values(hashed)))
        _method(cls, "__setattr__", _frozen_setattr(cls, names))
        _method(cls, "__delattr__", _frozen_delattr(cls, names))
    elif "__hash__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__} defines __hash__: declare it with @dataclass")
    else:
        cls.__hash__ = None  # type: ignore[assignment]  # (equal by value and changeable: as dataclasses leaves it)
    if not documented:
        cls.__doc__ = _Signature()
    return cls


class _Signature:
    """An undocumented record's `__doc__`, as dataclasses writes it ("Name(a: 'int', b: 'str' = 'a')"), worked out
    when first read (`type.__doc__` calls it): it is read from the `__init__`, which a start need not compile."""

    def __get__(self, instance: Any, owner: type) -> str:
        doc = owner.__name__ + str(inspect.signature(owner)).replace(" -> None", "")
        owner.__doc__ = doc
        return doc


def _declare_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    """`cls`'s fields, defaults and `__match_args__`, set on it as `dataclass(init=False, repr=False, eq=False)`
    sets them, worked out from its annotations in one pass: dataclasses checks each annotation against typing's
    ClassVar, InitVar and KW_ONLY (three pattern matches a field), which cost a start ~40 record classes' worth
    of time. A record has none of those: an annotation naming one, or a keyword-only field, is refused."""
    fields: dict[str, dataclasses.Field] = {}
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if any(word in str(annotation) for word in ("ClassVar", "InitVar", "KW_ONLY")):
            raise TypeError(f"{cls.__qualname__}.{name}: a record has no ClassVar, InitVar or keyword-only fields; "
                            "use @dataclass")
        default = cls.__dict__.get(name, dataclasses.MISSING)
        declared = default if isinstance(default, dataclasses.Field) else dataclasses.field(default=default)
        if declared.kw_only is True:
            raise TypeError(f"{cls.__qualname__}.{name}: a record has no keyword-only fields; use @dataclass")
        if declared.default is not dataclasses.MISSING and type(declared.default).__hash__ is None:
            raise ValueError(f"mutable default {type(declared.default)} for field {name} is not allowed: use "
                             "default_factory")  # (dataclasses' own words)
        declared.name, declared.type, declared.kw_only = name, annotation, False
        declared._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # (what dataclasses.fields lists)
        if isinstance(default, dataclasses.Field):  # the class keeps the default itself, or nothing
            if declared.default is dataclasses.MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, declared.default)
        fields[name] = declared
    for name, value in cls.__dict__.items():
        if isinstance(value, dataclasses.Field):
            raise TypeError(f"{name!r} is a field but has no type annotation")
    cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
    cls.__dataclass_params__ = copy.copy(_PARAMS)  # type: ignore[attr-defined]
    if "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(name for name, f in fields.items() if f.init)  # type: ignore[attr-defined]
    return tuple(fields.values())


@dataclasses.dataclass(init=False, repr=False, eq=False)
class _Plain:
    """What dataclasses makes of a class with these options: its parameters are each record's, before it sets them."""


_PARAMS = _Plain.__dataclass_params__  # type: ignore[attr-defined]


def _method(cls: type, name: str, function: Callable) -> None:
    if name in cls.__dict__:
        raise TypeError(f"{cls.__qualname__} defines {name}: declare it with @dataclass(frozen=True)")
    function.__name__ = name
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, function)


class _CompiledOnUse:
    """A record's `__init__` until it is first looked up: then compiled, put in its place, and given (bound)."""

    def __init__(self, cls: type, fields: tuple[dataclasses.Field, ...]):
        self.cls, self.fields = cls, fields

    def __get__(self, instance: Any, owner: type | None = None) -> Callable:
        init = _init(self.cls, self.fields)
        init.__name__, init.__qualname__ = "__init__", f"{self.cls.__qualname__}.__init__"
        self.cls.__init__ = init  # type: ignore[misc]  # (two threads may compile it: the same function either way)
        return init.__get__(instance, owner)


def _init(cls: type, fields: tuple[dataclasses.Field, ...]) -> Callable:
    """The one compiled method: `__init__(self, a, b=default, c=<factory>)` setting each field, as dataclasses does."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_NO_VALUE": _NO_VALUE}
    params, body = [], []
    for f in fields:
        default, has_default = f"_default_{f.name}", f.default is not dataclasses.MISSING
        has_factory = f.default_factory is not dataclasses.MISSING
        scope[default] = f.default if has_default else f.default_factory
        if f.init and has_factory:
            params.append(f"{f.name}=_NO_VALUE")
            value = f"{default}() if {f.name} is _NO_VALUE else {f.name}"
        elif f.init:
            params.append(f"{f.name}={default}" if has_default else f.name)
            value = f.name
        elif has_default or has_factory:
            value = default if has_default else f"{default}()"
        else:
            continue  # not an __init__ argument and no default: left unset, as dataclasses leaves it
        body.append(f"    _set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__(self{''.join(', ' + p for p in params)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, scope)  # noqa: S102 - field names and defaults of a class of ours, as dataclasses does
    init = scope["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in fields if f.init}, "return": None}
    return init


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """self -> the tuple of these fields' values (a tuple even for one field or none, as dataclasses hashes)."""
    if len(names) >= 2:
        return operator.attrgetter(*names)
    if names:
        name = names[0]
        return lambda self: (getattr(self, name),)
    return lambda self: ()


def _repr(names: tuple[str, ...]) -> Callable:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"
    return __repr__


def _eq(values: Callable[[Any], tuple]) -> Callable:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented
    return __eq__


def _hash(values: Callable[[Any], tuple]) -> Callable:
    def __hash__(self: Any) -> int:
        return hash(values(self))
    return __hash__


def _frozen_setattr(cls: type, names: tuple[str, ...]) -> Callable:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)
    return __setattr__


def _frozen_delattr(cls: type, names: tuple[str, ...]) -> Callable:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)
    return __delattr__
