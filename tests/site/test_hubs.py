"""Hubs, sitemap, robots.txt and the feed list what is published."""

from __future__ import annotations

import pytest

from plotguide.catalog.models import Award, Collection, CollectionItem, Genre, Person
from plotguide.site import caching


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_releases_open_on_the_newest_year_with_films_and_list_other_years(client, rush):
    html = text(client, "/releases/")
    assert "Film releases of 1997" in html
    assert "/releases/1991/" in html
    assert "Rush" in text(client, "/releases/1991/")


def test_a_person_page_lists_films_and_characters(client, rush):
    html = text(client, "/people/al-pacino/")
    assert "Serpico (1973)" in html and "Frank Serpico" in html
    assert "Donnie Brasco (1997)" in html and "Lefty Ruggiero" in html
    assert "Al Pacino" in text(client, "/people/")


def test_studios_and_a_studios_films(client, rush):
    assert "Metro-Goldwyn-Mayer" in text(client, "/studios/")
    assert "Rush" in text(client, "/studios/metro-goldwyn-mayer/")


def test_stories_a_to_z_filter_by_letter(client, rush):
    html = text(client, "/stories/?letter=S")
    assert "Serpico" in html and "Rush" not in html.split("<main")[1].split("</nav>")[1]


def test_awards_music_and_collections(client, rush):
    Award.objects.create(
        film=rush,
        ceremony="Grammy Awards",
        year=1993,
        category="Best Song",
        outcome=Award.WON,
    )
    assert "won Best Song" in text(client, "/awards/")
    genre, _ = Genre.objects.get_or_create_named("Music")
    rush.genres.add(genre)
    assert "Rush" not in text(client, "/music/").split("<main")[1]
    rush.genres.add(Genre.objects.get_or_create_named("Documentary")[0])
    caching.clear()
    assert "Rush" in text(client, "/music/").split("<main")[1]
    collection = Collection.objects.create(
        title="Undercover cops", slug="undercover-cops", is_published=True
    )
    CollectionItem.objects.create(collection=collection, film=rush, note="Texas")
    html = text(client, "/collections/")
    assert "Undercover cops" in html
    assert "/collections/decade/1990/" in html
    curated = text(client, "/collections/undercover-cops/")
    assert "Rush</a>" in curated and "1991" in curated and "Texas" in curated
    assert "Donnie Brasco" in text(client, "/collections/decade/1990/")
    person = Person.objects.get(name="Lili Fini Zanuck")
    assert "Rush" in text(client, f"/collections/director/{person.slug}/")


def test_sitemap_robots_and_feed(client, rush):
    sitemap = text(client, "/sitemap.xml")
    assert "<loc>http://testserver/films/rush-1991/</loc>" in sitemap
    robots = text(client, "/robots.txt")
    assert "Sitemap: http://localhost:8000/sitemap.xml" in robots
    feed = text(client, "/feed/")
    assert "<title>Rush (1991)</title>" in feed
    assert "shotgun" not in feed


@pytest.mark.django_db
def test_empty_hubs_still_render(client):
    for url in [
        "/",
        "/releases/",
        "/people/",
        "/studios/",
        "/stories/",
        "/awards/",
        "/music/",
        "/collections/",
    ]:
        text(client, url)


def test_the_feed_lists_stories_by_first_publication_not_by_rebuild(client, rush):
    from plotguide.stories.models import Story

    first = Story.objects.get(film=rush).published_at
    assert first is not None
    story = Story.objects.get(film=rush)
    story.data = {**story.data}
    story.save()
    assert Story.objects.get(film=rush).published_at == first
    feed = text(client, "/feed/")
    assert feed.index("Donnie Brasco") < feed.index("Rush (1991)")
