"""The default pipeline and the loop that runs components over one film."""

from __future__ import annotations

from dataclasses import dataclass

from plotguide.engine.doc import StoryDoc
from plotguide.engine.errors import ComponentError, PipelineError
from plotguide.engine.registry import Component, get_component

DEFAULT_PIPELINE: tuple[str, ...] = (
    "sentences",
    "characters",
    "sentence_vectors",
    "setting",
    "timeline",
    "themes",
    "summary",
    "spoiler_free",
    "quiz",
    "after_credits",
    "vector",
)


@dataclass(frozen=True)
class Pipeline:
    """An ordered, checked list of components."""

    components: tuple[Component, ...]

    def run(self, doc: StoryDoc) -> StoryDoc:
        """Run every component in order over one film."""
        return self.run_many([doc])[0]

    def run_many(self, docs: list[StoryDoc]) -> list[StoryDoc]:
        """Run every component in order over a batch of films, guarding each
        one's contract; a batch component sees the whole batch at once."""
        for step in self.components:
            results = step.run(docs)
            if len(results) != len(docs):
                raise ComponentError(
                    f"Component '{step.name}' returned {len(results)} docs for "
                    f"{len(docs)} films; it must return one per film, in order."
                )
            docs = [
                _checked(step, result, doc)
                for result, doc in zip(results, docs, strict=True)
            ]
        return docs


def _checked(step: Component, result: object, doc: StoryDoc) -> StoryDoc:
    """Return the component's result, or raise what it did wrong for this film."""
    if result is None:
        raise ComponentError(
            f"Component '{step.name}' returned None for film "
            f"{doc.film.title!r}. Return the StoryDoc, e.g. "
            "dataclasses.replace(doc, ...)."
        )
    if not isinstance(result, StoryDoc):
        raise ComponentError(
            f"Component '{step.name}' returned {type(result).__name__} "
            f"for film {doc.film.title!r}; it must return a StoryDoc."
        )
    if getattr(result, step.produces) is None:
        raise ComponentError(
            f"Component '{step.name}' did not fill '{step.produces}' for "
            f"film {doc.film.title!r}. Set it with dataclasses.replace."
        )
    return result


def build_pipeline(names: tuple[str, ...] = DEFAULT_PIPELINE) -> Pipeline:
    """Check the names and their `requires` before any film is processed."""
    import plotguide.engine.components  # noqa: F401  (registers the built-ins)

    produced: set[str] = set()
    steps = []
    for name in names:
        step = get_component(name, where="EngineConfig.pipeline")
        missing = [need for need in step.requires if need not in produced]
        if missing:
            raise PipelineError(
                f"Component '{name}' requires {', '.join(missing)}, which no "
                "earlier component produces. Put a component producing it "
                f"before '{name}' in EngineConfig.pipeline."
            )
        produced.add(step.produces)
        steps.append(step)
    if not steps:
        raise PipelineError("EngineConfig.pipeline is empty; name some components.")
    return Pipeline(tuple(steps))
