"""Whether to stay after the credits: metadata first, then the plot, else not known."""

from tests.engine.plots import film


def test_after_credits_comes_from_metadata_first(garden):
    assert garden.after_credits.kind == "none"
    assert garden.after_credits.source == "example.org"


def test_after_credits_comes_from_the_plot_when_it_mentions_a_scene(harbor):
    assert harbor.after_credits.kind == "mid"
    assert harbor.after_credits.sources == (18,)


def test_after_credits_is_not_known_otherwise(engine):
    story = engine.run(film("Anna finds a key. She opens the door."))
    assert story.after_credits.kind == "unknown"
    assert story.after_credits.text == "not known yet"
