"""Similar films are computed over the catalogue and stored with their reasons."""

from __future__ import annotations

from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.similarity import refresh_similar_films
from tests.stories.conftest import KEEPER_PLOT, add_film, build

ECHO_PLOT = (
    "Ruth Dane keeps the lighthouse on the island of Varn. "
    "A smuggler, Silas Crow, wrecks a ship full of stolen gold near the island. "
    "Ruth rescues a sailor and hides him in the lighthouse. "
    "Crow offers Ruth money to hide the gold and burns her boat when she refuses. "
    "Ruth signals the navy with the lighthouse lamp, and the navy arrests Crow."
)
DIFFERENT_PLOT = (
    "Pia Moss bakes bread in a small bakery in Lyon. "
    "She enters a baking contest and meets a rival baker, Hugo Fell. "
    "Pia and Hugo fall in love while they prepare their cakes. "
    "Pia wins the contest and opens a second bakery with Hugo."
)


def test_a_story_with_the_same_beats_is_the_most_similar(keeper, engine):
    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    other = add_film("Bread and Hearts", DIFFERENT_PLOT, credits=(), year=2015)
    build(engine, echo, other, publish=True)
    stories = Story.objects.published().select_related("film")
    assert refresh_similar_films(stories) == 3
    similar = list(keeper.story.similar.select_related("film"))
    assert [s.film for s in similar] == [echo, other]
    assert similar[0].score > similar[1].score
    assert similar[0].rank == 0


def test_refreshing_twice_replaces_the_links(keeper, engine):
    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    build(engine, echo, publish=True)
    stories = Story.objects.published()
    refresh_similar_films(stories)
    refresh_similar_films(stories)
    assert SimilarFilm.objects.count() == 2


def test_a_queued_build_gets_similar_films_and_enters_the_others_lists(keeper, engine):
    from plotguide.stories.jobs import drain_queue, queue_generation

    other = add_film("Bread and Hearts", DIFFERENT_PLOT, credits=(), year=2015)
    build(engine, other, publish=True)
    refresh_similar_films(Story.objects.published().select_related("film"))
    assert [s.film for s in keeper.story.similar.all()] == [other]

    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    queue_generation(echo)
    drain_queue()

    echo_similar = [s.film for s in echo.story.similar.all()]
    assert echo_similar[0] == keeper.story.film
    keeper_similar = [s.film for s in keeper.story.similar.select_related("film")]
    assert keeper_similar == [echo, other]


def test_a_full_list_takes_a_new_film_only_when_it_scores_higher(
    keeper, engine, monkeypatch
):
    from plotguide.stories import similarity

    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    other = add_film("Bread and Hearts", DIFFERENT_PLOT, credits=(), year=2015)
    build(engine, echo, other, publish=True)
    stories = Story.objects.published().select_related("film")
    monkeypatch.setattr(similarity, "SIMILAR_COUNT", 1)
    refresh_similar_films(stories)
    changed = refresh_similar_films(stories, films={other.pk})
    assert changed == 1
    assert [s.film for s in keeper.story.similar.all()] == [echo]


def test_reasons_are_words_both_stories_show(keeper, engine):
    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    other = add_film("Bread and Hearts", DIFFERENT_PLOT, credits=(), year=2015)
    build(engine, echo, other, publish=True)
    refresh_similar_films(Story.objects.published().select_related("film"))
    link = keeper.story.similar.get(film=echo)
    assert link.reasons == ['both premises mention "island" and "lighthouse"']
    for word in ("island", "lighthouse"):
        assert word in KEEPER_PLOT and word in ECHO_PLOT


def test_embeddings_are_stored_read_back_and_dropped_by_a_rebuild(keeper, engine):
    """A refresh reads stored vectors: swapped ones swap the ranking until a rebuild
    encodes the story again."""
    from plotguide.engine.vector import EMBEDDING_RECIPE

    echo = add_film("Varn Light", ECHO_PLOT, credits=(), year=2014)
    other = add_film("Bread and Hearts", DIFFERENT_PLOT, credits=(), year=2015)
    build(engine, echo, other, publish=True)
    stories = Story.objects.published()
    refresh_similar_films(stories)
    stored = {s.film_id: s.data["vector"]["profile"] for s in stories.all()}
    assert {p["recipe"] for p in stored.values()} == {EMBEDDING_RECIPE}
    assert "Ruth Dane" in stored[echo.pk]["characters"]
    assert "lighthouse" in stored[echo.pk]["premise"]

    for film, swapped in ((echo, other), (other, echo)):
        story = Story.objects.get(film=film)
        story.data["vector"]["profile"]["embedding"] = stored[swapped.pk]["embedding"]
        Story.objects.filter(pk=story.pk).update(data=story.data)
    refresh_similar_films(stories.all())
    assert [s.film for s in keeper.story.similar.all()] == [other, echo]

    build(engine, echo, other, publish=True, force=True)
    rebuilt = Story.objects.get(film=echo).data["vector"]["profile"]
    assert rebuilt["embedding"] == stored[echo.pk]["embedding"]
    refresh_similar_films(stories.all())
    assert [s.film for s in keeper.story.similar.all()] == [echo, other]
