"""Sentences: every parsed sentence gets a stable id in source order."""

from dataclasses import replace

from tests.engine.plots import film


def test_presplit_sentences_keep_their_numbering(engine):
    sentences = ("Anna finds a key.", "", "She opens the door. It creaks.")
    story = engine.run(replace(film(""), sentences=sentences))
    assert [s.text for s in story.sentences] == [
        "Anna finds a key.",
        "",
        "She opens the door. It creaks.",
    ]
