"""Turning points: five sentences in plot order, chosen by the learned weights."""

import pytest

from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.engine.doc import SentenceEncoder
from plotguide.engine.encoder import Encoder, fetch_model
from plotguide.engine.turning_points import (
    ENCODER_MODEL,
    KEYS,
    choose_turning_points,
    count_documents,
    learned_weights,
    position_baseline,
    sentence_features,
)
from plotguide.paths import cache_dir
from tests.engine.parsed import parse
from tests.engine.plots import GARDEN, HARBOR, HARBOR_PLOT

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


@pytest.fixture(scope="module")
def encode() -> SentenceEncoder:
    model = Encoder(fetch_model(cache_dir()))
    return lambda texts: model.encode(texts).tolist()


@pytest.fixture(scope="module")
def encoding_engine(encode) -> OfflineEngine:
    return OfflineEngine(EngineConfig(sentence_encoder=encode))


def test_a_plot_gets_five_ordered_points_with_and_without_the_encoder(
    engine, encoding_engine
):
    for chooser in (engine, encoding_engine):
        story = chooser.run(HARBOR)
        points = [tp.sentence for tp in story.timeline.turning_points]
        assert [tp.key for tp in story.timeline.turning_points] == list(KEYS)
        assert points == sorted(set(points))
        assert points[0] >= 0 and points[-1] < len(HARBOR_PLOT.splitlines())


def test_the_encoder_model_reads_every_feature_the_engine_computes(encoding_engine):
    doc = next(encoding_engine.documents([HARBOR]))
    vectors = doc.sentence_vectors
    assert vectors is not None and len(vectors) == len(doc.sentences)
    computed = set(sentence_features(doc.sentences, (), None, vectors)[0])
    for table in learned_weights(ENCODER_MODEL).values():
        assert set(table) == computed
    plain = set(sentence_features(doc.sentences)[0])
    assert plain == set(learned_weights()["tp1"]) and plain < computed


def test_sentences_are_embedded_without_the_characters_names(encoding_engine, encode):
    doc = next(encoding_engine.documents([HARBOR]))
    vectors = doc.sentence_vectors
    assert vectors is not None
    named = doc.sentences[4].text  # "Okafor discovers a ledger hidden on ..."
    assert named.startswith("Okafor ")
    nameless, as_written = encode([named.replace("Okafor", "someone"), named])
    assert vectors[4] == pytest.approx(nameless, abs=1e-5)
    assert vectors[4] != pytest.approx(as_written, abs=1e-3)


def test_a_batch_of_films_is_embedded_in_one_call_as_each_film_alone(encode):
    calls: list[int] = []

    def counted(texts: list[str]):
        calls.append(len(texts))
        return encode(texts)

    engine = OfflineEngine(EngineConfig(sentence_encoder=counted))
    together = list(engine.documents([HARBOR, GARDEN]))
    assert calls == [sum(len(doc.sentences) for doc in together)]
    for film, doc in zip((HARBOR, GARDEN), together, strict=True):
        alone = next(engine.documents([film]))
        assert len(doc.sentence_vectors) == len(doc.sentences)
        for batched, single in zip(
            doc.sentence_vectors, alone.sentence_vectors, strict=True
        ):
            assert batched == pytest.approx(single, abs=1e-5)


def test_without_an_encoder_no_sentence_is_embedded(engine):
    doc = next(engine.documents([HARBOR]))
    assert doc.sentence_vectors == ()
