"""The offline engine: spaCy once, then the component pipeline per film."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator

from plotguide.engine.assemble import assemble
from plotguide.engine.cleaning import clean_line, clean_plot
from plotguide.engine.config import EngineConfig
from plotguide.engine.doc import ParsedParagraph, StoryDoc
from plotguide.engine.film import FilmText
from plotguide.engine.parsing import load_model, to_paragraph
from plotguide.engine.pipeline import build_pipeline
from plotguide.engine.story import Story
from plotguide.engine.validators import validate

logger = logging.getLogger(__name__)

ENGINE_NAME = "plotguide-offline"
ENGINE_VERSION = "1.13.33"


class OfflineEngine:
    """Build stories from plot text with spaCy and rule-based components.

    The model loads once here; `run_many` parses films in batches with
    nlp.pipe, which is several times faster than one film at a time, and
    runs the pipeline over each batch (a batch component sees all of it).
    """

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = config or EngineConfig()
        self.pipeline = build_pipeline(self.config.pipeline)
        self.nlp = load_model(self.config.spacy_model)

    def run(self, film: FilmText) -> Story:
        """Return the story of one film."""
        return next(self.run_many([film]))

    def run_many(self, films: Iterable[FilmText]) -> Iterator[Story]:
        """Yield the story of each film, in input order."""
        for doc, notes in self._documents(films):
            story = assemble(doc, ENGINE_NAME, ENGINE_VERSION, notes)
            yield validate(story, doc.film)

    def documents(self, films: Iterable[FilmText]) -> Iterator[StoryDoc]:
        """Yield each film's finished StoryDoc, parse included.

        For evaluations that look inside the pipeline (tuning turning points).
        """
        for doc, _ in self._documents(films):
            yield doc

    def _documents(
        self, films: Iterable[FilmText]
    ) -> Iterator[tuple[StoryDoc, tuple[str, ...]]]:
        iterator = iter(films)
        while batch := list(itertools.islice(iterator, self.config.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(
        self, films: list[FilmText]
    ) -> Iterator[tuple[StoryDoc, tuple[str, ...]]]:
        prepared = [self._prepare(film) for film in films]
        texts = [text for _, texts, _ in prepared for text in texts]
        docs = iter(self.nlp.pipe(texts, batch_size=self.config.batch_size))
        started = []
        for film, film_texts, _ in prepared:
            whole = bool(film.sentences)
            parsed: tuple[ParsedParagraph, ...] = tuple(
                to_paragraph(next(docs), whole=whole) for _ in film_texts
            )
            if whole:
                parsed = (tuple(sentence for p in parsed for sentence in p),)
            started.append(
                StoryDoc(film=film, parsed=parsed, encoder=self.config.sentence_encoder)
            )
        finished = self.pipeline.run_many(started)
        for doc, (_, _, notes) in zip(finished, prepared, strict=True):
            yield doc, notes

    def _prepare(self, film: FilmText) -> tuple[FilmText, list[str], tuple[str, ...]]:
        actor_words = frozenset(
            word.lower() for credit in film.cast for word in credit.actor.split()
        )
        notes: tuple[str, ...] = ()
        if film.sentences:
            texts = [
                clean_line(s, actor_words)[: self.config.max_plot_chars]
                for s in film.sentences
            ]
        else:
            paragraphs, is_cut = clean_plot(
                film.plot, actor_words, self.config.max_plot_chars
            )
            texts = list(paragraphs)
            if is_cut:
                notes = (
                    f"Plot cut to its first {self.config.max_plot_chars:,} "
                    "characters (EngineConfig.max_plot_chars).",
                )
                logger.warning("Plot of %r cut at max_plot_chars.", film.title)
        return film, texts, notes
