"""The registry of story components, filled by the `component` decorator."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from plotguide.engine.doc import NOT_SECTIONS, StoryDoc
from plotguide.engine.errors import PipelineError

ComponentFunction = Callable[[StoryDoc], StoryDoc]
# A component that serves a batch of films at once (one encoder call for all).
BatchFunction = Callable[[list[StoryDoc]], list[StoryDoc]]


@dataclass(frozen=True)
class Component:
    """A registered component: how it fills a batch of docs, the field it
    fills, what it needs, and the module that defines it."""

    name: str
    run: BatchFunction
    produces: str
    requires: tuple[str, ...]
    module: str


REGISTRY: dict[str, Component] = {}


def component(
    name: str, *, requires: tuple[str, ...] = (), produces: str | None = None
) -> Callable[[ComponentFunction], ComponentFunction]:
    """Register a StoryDoc -> StoryDoc function under `name`.

    produces defaults to the name; a variant (for example an LLM summary)
    registers under its own name and produces the same field.
    """

    def register(function: ComponentFunction) -> ComponentFunction:
        def run(docs: list[StoryDoc]) -> list[StoryDoc]:
            return [function(doc) for doc in docs]

        _register(name, requires, produces, run, function.__module__)
        return function

    return register


def batch_component(
    name: str, *, requires: tuple[str, ...] = (), produces: str | None = None
) -> Callable[[BatchFunction], BatchFunction]:
    """Register a list[StoryDoc] -> list[StoryDoc] function under `name`.

    For work that is cheaper for many films at once than film by film.
    """

    def register(function: BatchFunction) -> BatchFunction:
        _register(name, requires, produces, function, function.__module__)
        return function

    return register


def _register(
    name: str,
    requires: tuple[str, ...],
    produces: str | None,
    run: BatchFunction,
    module: str,
) -> None:
    field = produces or name
    if field not in StoryDoc.__dataclass_fields__ or field in NOT_SECTIONS:
        raise PipelineError(
            f"Component '{name}' produces '{field}', which is not a StoryDoc "
            "section field."
        )
    if name in REGISTRY:
        raise PipelineError(
            f"Component '{name}' is already registered by "
            f"{REGISTRY[name].module}. Pick another name."
        )
    REGISTRY[name] = Component(name, run, field, tuple(requires), module)


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
