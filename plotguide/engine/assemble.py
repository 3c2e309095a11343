"""Turn a finished StoryDoc into a Story, with honest empty sections."""

from __future__ import annotations

from plotguide.engine.doc import StoryDoc
from plotguide.engine.story import (
    NOT_STATED,
    AfterCredits,
    PlotSummary,
    Quiz,
    Setting,
    SettingItem,
    SourceSentence,
    SpoilerFree,
    Story,
    StoryVector,
    Timeline,
)

NOT_PRODUCED = "This section is not in the configured pipeline."


def assemble(
    doc: StoryDoc, engine: str, engine_version: str, notes: tuple[str, ...] = ()
) -> Story:
    """Return the Story; a section the pipeline did not produce is empty with a note."""
    film = doc.film
    sentences = doc.sentences or ()
    return Story(
        title=film.title,
        year=film.year,
        engine=engine,
        engine_version=engine_version,
        sentences=tuple(
            SourceSentence(
                s.id, s.text, s.paragraph, " ".join(sorted(s.lemmas() - {s.text}))
            )
            for s in sentences
        ),
        summary=doc.summary or PlotSummary((), len(sentences), (), (), NOT_PRODUCED),
        timeline=doc.timeline or Timeline((), (), 0, NOT_PRODUCED),
        characters=doc.characters or (),
        setting=doc.setting
        or Setting(SettingItem(NOT_STATED), (SettingItem(NOT_STATED),)),
        themes=doc.themes or (),
        spoiler_free=doc.spoiler_free or SpoilerFree((), 0, NOT_PRODUCED),
        quiz=doc.quiz or Quiz((), NOT_PRODUCED),
        after_credits=doc.after_credits or AfterCredits("unknown", "not known yet", ""),
        vector=doc.vector or StoryVector((), (), ()),
        directors=film.directors,
        genres=film.genres,
        notes=notes,
    )
