"""Turning points: five sentences in plot order, chosen by the learned weights."""

from plotguide.engine.turning_points import (
    choose_turning_points,
    count_documents,
    learned_weights,
    position_baseline,
)
from tests.engine.parsed import parse

PLOT = (
    "Anna finds a key. She opens the door. Tom runs away. Anna chases Tom. "
    "Tom falls. Anna kills Tom. Anna goes home."
)


def test_five_points_in_increasing_order_or_none_for_a_short_plot(engine):
    sentences = parse(engine, PLOT)
    points = choose_turning_points(sentences)
    assert len(points) == 5
    assert list(points) == sorted(set(points))
    assert all(0 <= p < len(sentences) for p in points)
    assert choose_turning_points(sentences[:4]) == ()


def test_the_shipped_weights_cover_every_turning_point():
    assert set(learned_weights()) == {"tp1", "tp2", "tp3", "tp4", "tp5"}


def test_the_position_baseline_spreads_five_points_over_the_plot():
    assert position_baseline(4) == ()
    assert position_baseline(5) == (0, 1, 2, 3, 4)
    assert position_baseline(10) == (1, 3, 5, 7, 8)


def test_document_frequencies_count_each_plot_once_per_lemma(engine):
    sentences = parse(engine, PLOT)
    frequencies = count_documents([sentences, sentences[:2]])
    assert frequencies.films == 2
    assert frequencies.counts["key"] == 2
    assert frequencies.counts["kill"] == 1
