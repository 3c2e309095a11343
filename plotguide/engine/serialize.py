"""Convert stories to plain JSON values and back.

Kept generic over the dataclass fields so that a new section field cannot be
forgotten in one direction.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

from plotguide.engine.errors import StoryFormatError
from plotguide.engine.story import FORMAT_VERSION, Story


def to_plain(value: Any) -> Any:
    """Return value as dicts, lists, strings and numbers."""
    if dataclasses.is_dataclass(value):
        return {
            field.name: to_plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    return value


def story_from_plain(data: dict[str, Any]) -> Story:
    """Rebuild a Story, checking the format version first."""
    if not isinstance(data, dict):
        raise StoryFormatError(
            f"A stored story must be a dict, got {type(data).__name__}."
        )
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise StoryFormatError(
            f"Story format_version is {version!r}; this engine reads version "
            f"{FORMAT_VERSION}. Regenerate the story with the current engine."
        )
    story: Story = _build(Story, data, "story")
    return story


def _build(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise StoryFormatError(f"{where} must be an object, got {data!r:.60}.")
    values = {}
    for name, hint, required in _fields(cls):
        if name not in data:
            if required:
                raise StoryFormatError(f"{where} has no field '{name}'.")
            continue
        values[name] = _convert(hint, data[name], f"{where}.{name}")
    return cls(**values)


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """Each field's name, type and whether it is required, read once per class:
    resolving the type hints took most of the time of reading a story back."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            field.name,
            hints[field.name],
            field.default is dataclasses.MISSING
            and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(cls)
    )


def _convert(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value, where)
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise StoryFormatError(f"{where} must be a list, got {value!r:.60}.")
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(
                _convert(args[0], item, f"{where}[{n}]") for n, item in enumerate(value)
            )
        return tuple(
            _convert(arg, item, f"{where}[{n}]")
            for n, (arg, item) in enumerate(zip(args, value, strict=True))
        )
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, where)
    if hint is float and isinstance(value, int):
        return float(value)
    return value
