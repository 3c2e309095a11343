"""The writer engine: the offline story first, then sections rewritten by a model.

The offline story is built and checked first; it gives the numbered sentences,
the characters, the turning points and the spoiler boundary, and it is the
fallback for every section. Each written section replaces the offline one only
when every faithfulness check passes with it, so a story is always whole: a
section is either written and checked or the offline engine's.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from plotguide.engine.config import EngineConfig
from plotguide.engine.doc import ParsedSentence
from plotguide.engine.engine import ENGINE_NAME, ENGINE_VERSION, OfflineEngine
from plotguide.engine.film import FilmText
from plotguide.engine.parsing import to_paragraph
from plotguide.engine.story import STORY_SECTIONS, SectionAuthor, Story
from plotguide.engine.validators import validate
from plotguide.engine.writer.client import ChatClient
from plotguide.engine.writer.config import WriterConfig
from plotguide.engine.writer.errors import AnswerError, WriterError
from plotguide.engine.writer.guards import rejected_drafts
from plotguide.engine.writer.prompts import complaint, system_message
from plotguide.engine.writer.schema import violations
from plotguide.engine.writer.sections import SECTIONS, Section, Written

logger = logging.getLogger(__name__)

WRITER_NAME = "plotguide-writer"
WRITER_VERSION = "0.3.0"
FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


@dataclass(frozen=True)
class Attempt:
    """The outcome of writing one section: the story with it, and who wrote it."""

    story: Story
    author: SectionAuthor


class WriterEngine:
    """Build stories whose sections a language model writes and the checks keep.

    Behind the same interface as OfflineEngine (run, run_many), so the stories
    layer saves and publishes its stories the same way.
    """

    def __init__(
        self,
        writer: WriterConfig,
        config: EngineConfig | None = None,
        offline: OfflineEngine | None = None,
    ) -> None:
        self.writer = writer
        self.offline = offline or OfflineEngine(config)
        self.config = self.offline.config
        self.client = ChatClient(writer)

    def run(self, film: FilmText) -> Story:
        """Return the story of one film."""
        return next(self.run_many([film]))

    def run_many(self, films: Iterable[FilmText]) -> Iterator[Story]:
        """Yield the story of each film, in input order."""
        films = list(films)
        for film, base in zip(films, self.offline.run_many(films), strict=True):
            yield self.write(film, base)

    def write(self, film: FilmText, base: Story) -> Story:
        """Return base with the configured sections written where the checks allow."""
        system = system_message(film, base)
        story, authors, spent = base, {}, 0
        stop = ""
        for name in self.writer.sections:
            if stop:
                authors[name] = self._offline_author(name, stop)
                continue
            if spent >= self.writer.max_story_tokens:
                limit = self.writer.max_story_tokens
                stop = f"token budget spent ({spent:,} of {limit:,})"
                authors[name] = self._offline_author(name, stop)
                continue
            try:
                attempt = self._write_section(SECTIONS[name], film, story, system)
            except WriterError as exc:
                # A server that times out, keeps refusing or does not speak the
                # protocol would fail the next section the same way.
                stop = f"server failed: {exc}"
                logger.warning("Writer for %r: %s", film.title, exc)
                authors[name] = self._offline_author(name, stop)
                continue
            story, authors[name] = attempt.story, attempt.author
            spent += attempt.author.tokens
        story = validate(story, film)
        if base.is_publishable and not story.is_publishable:
            # Each section passed on its own; this guards the sum of them.
            note = "the written sections failed together: " + "; ".join(
                d for check in story.failed_checks() for d in check.details[:2]
            )
            story = base
            authors = {n: self._offline_author(n, note, a) for n, a in authors.items()}
        written_by = tuple(
            authors.get(name) or SectionAuthor(name, ENGINE_NAME)
            for name in STORY_SECTIONS
        )
        return replace(
            story,
            engine=WRITER_NAME,
            engine_version=f"{WRITER_VERSION}/{ENGINE_VERSION}",
            written_by=written_by,
        )

    def _write_section(
        self, section: Section, film: FilmText, story: Story, system: dict[str, str]
    ) -> Attempt:
        """Ask for the section and check it; ask once more with the complaint."""
        request = section.request(story)
        if request is None:
            return Attempt(story, self._offline_author(section.name, "too little plot"))
        messages = [system, {"role": "user", "content": request.instruction}]
        tokens = written_count = 0
        problems: list[str] = []
        for _ in range(2):
            reply = self.client.complete(messages, request.schema, section.name)
            tokens += reply.tokens
            try:
                answer = read_answer(reply.content, request.schema)
            except AnswerError as exc:
                problems = [str(exc)]
            else:
                written, problems = self._check(section, film, story, answer)
                written_count += len(written.drafts)
                if written.enough and not problems:
                    author = SectionAuthor(
                        section.name,
                        WRITER_NAME,
                        self.writer.model,
                        tokens,
                        written_count,
                        written.kept_count,
                    )
                    return Attempt(written.story, author)
            messages = [
                *messages,
                {"role": "assistant", "content": reply.content},
                {"role": "user", "content": complaint(problems)},
            ]
        note = "rejected: " + "; ".join(problems[:3])
        author = self._offline_author(section.name, note)
        return Attempt(
            story, replace(author, tokens=tokens, written_count=written_count)
        )

    def _check(
        self, section: Section, film: FilmText, story: Story, answer: dict[str, Any]
    ) -> tuple[Written, list[str]]:
        """Return the section without its rejected sentences, and what was rejected.

        problems stay empty when enough sentences survive and the story with
        them passes every check; they list what the model is told otherwise.
        """
        first = section.apply(story, answer, frozenset())
        rejected = rejected_drafts(story, first.drafts, self._parse)
        for problem in section.misplaced(story, first.drafts):
            where, why = problem.split(": ", 1)
            rejected.setdefault(where, why)
        checked = validate(first.story, film)
        for check in checked.failed_checks():
            for detail in check.details:
                where, _, why = detail.partition(": ")
                if where.startswith(section.prefix):
                    rejected.setdefault(where, f"{check.name}: {why}")
        drafts = dict(first.drafts)
        reasons = [
            f"{drafts[where].text!r}: {why}"
            for where, why in rejected.items()
            if where in drafts
        ]
        for where, why in rejected.items():
            if where in drafts:
                line = drafts[where]
                logger.info(
                    "%s of %r: dropped %r citing %s: %s",
                    section.name,
                    story.title,
                    line.text,
                    list(line.sources),
                    why,
                )
        kept = section.apply(story, answer, frozenset(rejected))
        if not kept.enough:
            return kept, reasons or ["too few sentences"]
        final = validate(kept.story, film)
        still = [
            d
            for check in final.failed_checks()
            for d in check.details
            if d.startswith(section.prefix)
        ]
        return replace(kept, drafts=first.drafts), still

    def _parse(self, text: str) -> ParsedSentence:
        """Return the offline engine's parse of text as one sentence."""
        return to_paragraph(self.offline.nlp(text), whole=True)[0]

    def _offline_author(
        self, name: str, note: str, author: SectionAuthor | None = None
    ) -> SectionAuthor:
        tokens = author.tokens if author else 0
        written = author.written_count if author else 0
        return SectionAuthor(
            name, ENGINE_NAME, self.writer.model, tokens, written, 0, note
        )


def read_answer(content: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Return the answer's JSON when it matches schema; AnswerError says why not."""
    try:
        answer: dict[str, Any] = json.loads(FENCE.sub("", content))
    except ValueError as exc:
        raise AnswerError(f"the answer is not JSON ({exc})") from exc
    problems = violations(answer, schema)
    if problems:
        raise AnswerError("the answer breaks the schema: " + "; ".join(problems[:4]))
    return answer
