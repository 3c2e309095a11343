"""The registry of story components, filled by the `component` decorator."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from plotguide.engine.doc import NOT_SECTIONS, StoryDoc
from plotguide.engine.errors import PipelineError

ComponentFunction = Callable[[StoryDoc], StoryDoc]


@dataclass(frozen=True)
class Component:
    """A registered component: its function, the field it fills, what it needs."""

    name: str
    function: ComponentFunction
    produces: str
    requires: tuple[str, ...]


REGISTRY: dict[str, Component] = {}


def component(
    name: str, *, requires: tuple[str, ...] = (), produces: str | None = None
) -> Callable[[ComponentFunction], ComponentFunction]:
    """Register a StoryDoc -> StoryDoc function under `name`.

    produces defaults to the name; a variant (for example an LLM summary)
    registers under its own name and produces the same field.
    """
    field = produces or name
    if field not in StoryDoc.__dataclass_fields__ or field in NOT_SECTIONS:
        raise PipelineError(
            f"Component '{name}' produces '{field}', which is not a StoryDoc "
            "section field."
        )

    def register(function: ComponentFunction) -> ComponentFunction:
        if name in REGISTRY:
            raise PipelineError(
                f"Component '{name}' is already registered by "
                f"{REGISTRY[name].function.__module__}. Pick another name."
            )
        REGISTRY[name] = Component(name, function, field, tuple(requires))
        return function

    return register


def get_component(name: str, where: str = "pipeline") -> Component:
    """Return the registered component or raise with a suggestion."""
    try:
        return REGISTRY[name]
    except KeyError:
        close = difflib.get_close_matches(name, REGISTRY, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise PipelineError(
            f"{where} names '{name}', which is not a registered component.{hint} "
            f"Available names: {', '.join(sorted(REGISTRY))}."
        ) from None
