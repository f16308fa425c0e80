"""The JSON schema of the document, generated from the record classes.

    python -m ganbu.model.schema > docs/document.schema.json

``tests/test_model.py`` regenerates it and compares with the published file, and validates
real output against it.
"""
from __future__ import annotations

import json
import sys
import types
import typing
from typing import Any, get_args, get_origin

from .base import Record, json_fields
from .records import SCHEMA, Document

__all__ = ["json_schema"]


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type(a, defs) for a in get_args(tp)]}
    if origin is typing.Literal:
        return {"enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _type(get_args(tp)[0], defs)}
    if origin is tuple:
        items = [_type(a, defs) for a in get_args(tp)]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
    if isinstance(tp, type) and issubclass(tp, Record):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON schema for {tp!r}")


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    props = {name: _type(tp, defs) for name, tp in json_fields(cls)}
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    out: dict[str, Any] = {"type": "object"}
    if doc and not doc.startswith(cls.__name__ + "("):
        out["description"] = " ".join(doc.split())
    out.update({"properties": props, "required": list(props), "additionalProperties": False})
    return out


def json_schema() -> dict[str, Any]:
    """The JSON schema (draft 2020-12) of one document as ``Document.to_dict`` writes it."""
    defs: dict[str, Any] = {}
    root = _object(Document, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ganbu.invalid/schema/{SCHEMA}",
        "title": SCHEMA,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def main() -> None:
    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
