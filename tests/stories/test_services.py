"""Building and saving stories from catalogue films."""

from __future__ import annotations

from plotguide.catalog.models import Film
from plotguide.stories.models import Story
from tests.stories.conftest import KEEPER_PLOT, add_film, build


def test_a_faithful_story_is_published_with_its_report(keeper):
    story = keeper.story
    assert story.is_faithful, story.failed_checks
    assert story.status == Story.PUBLISHED
    assert {check["name"] for check in story.report} >= {"timeline_order"}
    actors = {c["name"]: c["actor"] for c in story.data["characters"]}
    assert actors["Mara Quill"] == "Ada Lin"


def test_an_up_to_date_story_is_not_rebuilt(keeper, engine):
    report = build(engine, keeper, publish=True)
    assert report.generated == 0


def test_a_changed_plot_rebuilds_the_story(keeper, engine):
    Film.objects.filter(pk=keeper.pk).update(
        plot=KEEPER_PLOT + " Years later, Mara writes a book about the wreck."
    )
    report = build(engine, keeper, publish=True)
    assert report.generated == 1
    sentences = [s["text"] for s in Story.objects.get(film=keeper).data["sentences"]]
    assert sentences[-1].startswith("Years later, Mara writes a book")


def test_an_editors_correction_wins_and_survives_regeneration(keeper, engine):
    story = keeper.story
    story.corrections = {"title": "The Keeper of Skerry (editor's cut)"}
    story.save()
    build(engine, keeper, publish=True, force=True)
    story.refresh_from_db()
    assert story.sections["title"] == "The Keeper of Skerry (editor's cut)"
    assert story.data["title"] == "The Keeper of Skerry"


def test_without_publish_a_story_stays_a_draft(db, engine):
    film = add_film("Draft Film", KEEPER_PLOT, year=2012)
    build(engine, film)
    assert Story.objects.get(film=film).status == Story.DRAFT
    assert not Story.objects.published().filter(film=film).exists()


def test_films_without_a_plot_get_no_story(db, engine):
    film = add_film("No Plot", "", year=2013)
    report = build(engine, film, publish=True)
    assert report.generated == 0
    assert not Story.objects.filter(film=film).exists()


def test_a_rebuild_that_fails_a_check_never_takes_the_published_story_away(
    keeper, engine
):
    # Another film's plot: it names none of the credited characters.
    other = (
        "Johnny Utah joins the FBI and goes undercover among surfers. "
        "Bodhi leads the surfers, who rob banks in rubber masks. "
        "Johnny falls for Tyler and learns to surf. "
        "Bodhi escapes, and Johnny finds him years later on a beach."
    )
    Film.objects.filter(pk=keeper.pk).update(plot=other)
    report = build(engine, keeper, publish=True)
    assert (report.generated, report.unfaithful) == (1, 1)
    story = Story.objects.get(film=keeper)
    assert story.status == Story.PUBLISHED and story.is_faithful
    actors = {c["name"]: c["actor"] for c in story.data["characters"]}
    assert actors["Mara Quill"] == "Ada Lin"
