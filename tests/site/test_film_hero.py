"""The film page's first screen and its one "how this page was made" panel."""

from __future__ import annotations

from plotguide.catalog.models import Genre
from plotguide.stories.models import Story
from tests.site.factories import RUSH_ENDING


def hero(client, film, query: str = "") -> str:
    html = client.get(film.get_absolute_url() + query).content.decode()
    return html.split('<header class="hero">', 1)[1].split("</header>", 1)[0]


def test_the_hero_holds_the_facts_the_cast_the_premise_and_the_spoiler_choice(
    client, rush
):
    rush.vote_average, rush.vote_count = 6.2, 96
    rush.save()
    rush.genres.add(Genre.objects.get_or_create_named("Crime")[0])
    top = hero(client, rush)
    assert "<span>120 min</span> · <span>Crime</span>" in top
    assert '<span class="rating">6.2</span>/10 on TMDB' in top
    assert "Directed by" in top and "Lili Fini Zanuck</a>" in top
    assert "Jason Patric</a> as Jim Raynor," in top
    assert "Sam Elliott</a> as Larry Dodd." in top and "Gregg Allman" not in top
    assert 'id="spoiler-choice"' in top
    assert '<p class="premise">Jim Raynor is a seasoned undercover' in top
    assert RUSH_ENDING not in top


def test_the_poster_is_the_link_preview_image(client, rush):
    html = client.get(rush.get_absolute_url()).content.decode()
    assert (
        '<meta property="og:image" content="http://localhost:8000/films/rush-1991/poster.svg">'
        in html
    )


def test_a_flagged_story_says_so_once_and_never_that_all_passed(client, rush):
    story = Story.objects.get(film=rush)
    story.report = [*story.report[1:], {**story.report[0], "passed": False}]
    story.save()
    html = client.get(rush.get_absolute_url()).content.decode()
    assert html.count("How this page was made:") == 1
    assert f"the engine flagged 1 of {len(story.report)} checks" in html
    assert "checks passed" not in html
