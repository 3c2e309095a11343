"""The JSON shapes the model answers in, and a check that an answer has its shape.

Servers with grammar support (llama.cpp, vLLM) hold the model to the schema;
others may not, so every answer is checked here too before it is read. Only the
few JSON-schema keywords these shapes use are understood.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def obj(**properties: Schema) -> Schema:
    """Return an object schema whose every property is required and no other allowed."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def array(items: Schema, low: int, high: int) -> Schema:
    """Return an array schema of low to high items."""
    return {"type": "array", "items": items, "minItems": low, "maxItems": high}


TEXT: Schema = {"type": "string", "minLength": 1, "maxLength": 400}
SENTENCE_ID: Schema = {"type": "integer", "minimum": 1}  # as shown: from 1
WRITTEN = obj(text=TEXT, sources=array(SENTENCE_ID, 1, 4))


def lines(low: int, high: int) -> Schema:
    """Return the schema of written sentences, each citing source sentence ids."""
    return array(WRITTEN, low, high)


TYPES: dict[str, type[Any]] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
}


def violations(value: Any, schema: Schema, where: str = "answer") -> list[str]:
    """Return where and how value breaks schema; empty when it conforms."""
    kind = TYPES[schema["type"]]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        return [f"{where} must be {schema['type']}, got {type(value).__name__}"]
    problems: list[str] = []
    if kind is dict:
        properties = schema["properties"]
        missing = [k for k in schema["required"] if k not in value]
        problems += [f"{where} lacks '{k}'" for k in missing]
        problems += [f"{where} has unknown '{k}'" for k in value if k not in properties]
        for key, sub in properties.items():
            if key in value:
                problems += violations(value[key], sub, f"{where}.{key}")
    elif kind is list:
        if not schema["minItems"] <= len(value) <= schema["maxItems"]:
            problems.append(
                f"{where} has {len(value)} items; {schema['minItems']} to "
                f"{schema['maxItems']} expected"
            )
        for n, item in enumerate(value):
            problems += violations(item, schema["items"], f"{where}[{n}]")
    elif kind is str:
        if not schema["minLength"] <= len(value.strip()) <= schema["maxLength"]:
            problems.append(f"{where} is {len(value)} characters long")
    elif value < schema["minimum"]:
        problems.append(f"{where} is {value}, below {schema['minimum']}")
    return problems
