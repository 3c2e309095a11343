from dataclasses import replace

import pytest

from plotguide.engine import ComponentError, EngineConfig, OfflineEngine, PipelineError
from plotguide.engine.doc import StoryDoc
from plotguide.engine.pipeline import DEFAULT_PIPELINE, build_pipeline
from plotguide.engine.registry import REGISTRY, batch_component, component
from tests.engine.plots import film


@pytest.fixture
def scratch_components():
    """Register test components and remove them afterwards."""
    before = set(REGISTRY)
    yield
    for name in set(REGISTRY) - before:
        del REGISTRY[name]


def test_pipeline_rejects_a_component_whose_requires_come_later():
    with pytest.raises(PipelineError, match="Component 'timeline' requires characters"):
        build_pipeline(("sentences", "timeline", "characters"))


def test_pipeline_suggests_the_name_for_a_typo():
    with pytest.raises(PipelineError, match="Did you mean 'themes'"):
        build_pipeline(("sentences", "themse"))


def test_component_returning_none_is_named(engine, scratch_components):
    @component("test_broken", requires=("sentences",), produces="themes")
    def broken(doc: StoryDoc) -> StoryDoc:
        return None

    pipeline = build_pipeline(("sentences", "test_broken"))
    doc = StoryDoc(film=film("Anna."), parsed=())
    with pytest.raises(ComponentError, match="Component 'test_broken' returned None"):
        pipeline.run(doc)


def test_a_variant_component_replaces_a_section(scratch_components):
    @component("test_short_summary", requires=("sentences",), produces="spoiler_free")
    def short(doc: StoryDoc) -> StoryDoc:
        from plotguide.engine.story import SpoilerFree

        return replace(doc, spoiler_free=SpoilerFree((), 0, "variant"))

    names = tuple(
        n if n != "spoiler_free" else "test_short_summary" for n in DEFAULT_PIPELINE
    )
    engine = OfflineEngine(EngineConfig(pipeline=names))
    story = engine.run(film("Anna finds a key. She opens the door."))
    assert story.spoiler_free.note == "variant"


def test_a_batch_component_sees_every_film_of_the_batch_at_once(scratch_components):
    batches: list[list[str]] = []

    @batch_component("test_batch_themes", requires=("sentences",), produces="themes")
    def themes_of_all(docs: list[StoryDoc]) -> list[StoryDoc]:
        batches.append([doc.film.title for doc in docs])
        return [replace(doc, themes=()) for doc in docs]

    names = tuple(n if n != "themes" else "test_batch_themes" for n in DEFAULT_PIPELINE)
    engine = OfflineEngine(EngineConfig(pipeline=names, batch_size=2))
    films = [film("Anna finds a key.", title=t) for t in ("A", "B", "C")]
    stories = list(engine.run_many(films))
    assert batches == [["A", "B"], ["C"]]
    assert [story.title for story in stories] == ["A", "B", "C"]


def test_a_batch_component_that_loses_a_film_is_named(scratch_components):
    @batch_component("test_lossy", requires=("sentences",), produces="themes")
    def lossy(docs: list[StoryDoc]) -> list[StoryDoc]:
        return [replace(docs[0], themes=())]

    pipeline = build_pipeline(("sentences", "test_lossy"))
    docs = [StoryDoc(film=film("Anna."), parsed=()) for _ in range(2)]
    with pytest.raises(ComponentError, match="returned 1 docs for 2 films"):
        pipeline.run_many(docs)


def test_the_engine_imports_without_django():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['django'] = None; "
        "import plotguide.engine, plotguide.engine.components; print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_the_engine_imports_nothing_else_from_plotguide():
    import ast
    from pathlib import Path

    import plotguide.engine

    root = Path(plotguide.engine.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("django"), path
                if name.startswith("plotguide"):
                    assert name.startswith("plotguide.engine"), (path, name)
