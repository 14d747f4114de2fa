"""Frozen, slotted dataclasses with a constructor fast enough for opening files.

A frozen dataclass's own __init__ sets each field through object.__setattr__:
about 0.2 µs a field, which made building a node cost more than reading its
row. Slots let the constructor store each field through its slot descriptor
instead (measured: 3.4 µs -> 0.9 µs for a node's 16 fields), and reading a
field stays as fast as before. Instances stay immutable: assignment raises
FrozenInstanceError as with any frozen dataclass.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


@dataclass_transform(frozen_default=True)
def record(cls: T) -> T:
    """Make `cls` a frozen dataclass with slots and the fast constructor; the
    constructor has the same signature and still runs __post_init__."""
    made: Any = dataclass(frozen=True, slots=True)(cls)  # a new class (slots)
    made.__init__ = _constructor(made)
    made.field_names = tuple(f.name for f in fields(made))
    return made


def values(obj: Any) -> dict[str, Any]:
    """A record's fields by name (what vars() gives for a class without slots)."""
    return {name: getattr(obj, name) for name in obj.field_names}


def _constructor(cls: type) -> Any:
    namespace: dict[str, Any] = {}
    params, body = [], []
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: records take plain defaults")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        body.append(f"    _set_{f.name}(self, {f.name})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body)
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init
