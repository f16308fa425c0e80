"""The record machinery: every output record is a dataclass whose JSON fields are its fields.

``to_dict`` walks the fields (nested records, lists, ``(start, end)`` spans as ``[start, end]``);
``from_dict`` rebuilds the record from its type hints, so ``from_dict(to_dict(r)) == r`` for
every JSON field. A field with ``metadata={"json": False}`` is working state that never goes
into the JSON (a document's text, the rules that read a person).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, ClassVar, TypeVar, get_args, get_origin, get_type_hints

from ..errors import BadArgument

__all__ = ["INTERNAL", "Record", "json_fields"]

R = TypeVar("R", bound="Record")

#: field metadata for working state kept out of the JSON
INTERNAL = {"json": False}


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def json_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """``(name, type)`` of the fields of ``cls`` that go into the JSON, in order (computed once
    per class)."""
    out = _FIELDS.get(cls)
    if out is None:
        hints = get_type_hints(cls)
        out = _FIELDS[cls] = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls)
                                   if f.metadata.get("json", True))
    return out


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    return value


def _load(tp: Any, value: Any, where: str) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise BadArgument(f"{where}: null where a value is required")
        inner = [a for a in args if a is not type(None)]
        return _load(inner[0], value, where) if len(inner) == 1 else value
    if isinstance(tp, type) and issubclass(tp, Record):
        if not isinstance(value, dict):
            raise BadArgument(f"{where}: expected an object, got {type(value).__name__}")
        return tp.from_dict(value)
    if origin is list:
        if not isinstance(value, list):
            raise BadArgument(f"{where}: expected a list, got {type(value).__name__}")
        (item,) = get_args(tp)
        return [_load(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise BadArgument(f"{where}: expected a list, got {type(value).__name__}")
        return tuple(value)
    return value


class Record:
    """Mixin for the output dataclasses: ``to_dict`` / ``from_dict`` over their JSON fields."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {name: _dump(getattr(self, name)) for name, _ in json_fields(type(self))}

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        if not isinstance(data, dict):
            raise BadArgument(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        kwargs = {}
        for name, tp in json_fields(cls):
            if name in data:
                kwargs[name] = _load(tp, data[name], f"{cls.__name__}.{name}")
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise BadArgument(f"{cls.__name__}: {exc}") from None
