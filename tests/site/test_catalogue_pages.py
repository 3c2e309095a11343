"""Catalogue facts as readers see them: billing order, crew, awards, films without
a story, and hubs built from data that fits their names."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from plotguide.catalog.models import (
    Award,
    Collection,
    Credit,
    Film,
    Genre,
    Keyword,
    Person,
    Studio,
)
from plotguide.stories.models import Story

pytestmark = pytest.mark.django_db


def text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def main(html: str) -> str:
    """The page's own content, without the header and footer links."""
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def visible(html: str) -> str:
    """The page's main text with tags removed, as a reader reads it."""
    return " ".join(re.sub(r"<[^>]+>", " ", main(html)).split())


def film(title: str, year: int | None = None, **fields: Any) -> Film:
    genres = fields.pop("genres", [])
    keywords = fields.pop("keywords", [])
    made = Film.objects.create(title=title, year=year, **fields)
    for name in genres:
        made.genres.add(Genre.objects.get_or_create_named(name)[0])
    for name in keywords:
        made.keywords.add(Keyword.objects.get_or_create_named(name)[0])
    return made


def credit(
    of: Film, name: str, role: str = Credit.CAST, character: str = "", order=None
) -> Credit:
    person, _ = Person.objects.get_or_create_named(name)
    return Credit.objects.create(
        film=of, person=person, role=role, character=character, order=order
    )


def publish(of: Film, when: datetime.datetime | None = None) -> Story:
    story = Story.objects.create(
        film=of,
        engine="test",
        engine_version="1",
        data={},
        status=Story.PUBLISHED,
        plot_digest="x",
    )
    if when is not None:
        Story.objects.filter(pk=story.pk).update(published_at=when)
    return story


# The film page's quick facts


def test_the_cast_is_in_billing_order_with_unordered_credits_after(client):
    avatar = film("Avatar", 2009)
    credit(avatar, "Unordered Extra", character="Pilot")
    credit(avatar, "Zoe Saldana", character="Neytiri", order=1)
    credit(avatar, "Sam Worthington", character="Jake Sully", order=0)
    html = visible(text(client, avatar.get_absolute_url()))
    assert "Sam Worthington as Jake Sully Zoe Saldana as Neytiri" in html
    assert html.index("Neytiri") < html.index("Unordered Extra")


def test_ten_actors_show_and_the_rest_wait_in_a_details_element(client):
    big = film("Big Cast", 2001)
    for order in range(14):
        credit(big, f"Actor Number{order:02}", character=f"Part {order}", order=order)
    html = main(text(client, big.get_absolute_url()))
    shown, hidden = html.split("<details", 1)
    assert "Actor Number09" in shown and "Actor Number10" not in shown
    assert "Full cast: 4 more" in hidden
    assert "Actor Number13</a>" in hidden.split("</details>")[0]
    assert '<a href="/people/actor-number00/">Actor Number00</a>' in shown


def test_directors_and_writers_show_apart_and_join_the_cast_only_with_a_part(client):
    made = film("Tim and Eric", 2012)
    credit(made, "Tim Heidecker", Credit.DIRECTOR)
    credit(made, "Tim Heidecker", Credit.CAST, order=0)
    credit(made, "Eric Wareheim", Credit.WRITER)
    credit(made, "Eric Wareheim", Credit.CAST, character="Eric", order=1)
    credit(made, "Will Ferrell", Credit.CAST, character="Damien", order=2)
    html = main(text(client, made.get_absolute_url()))
    cast = html.split("<dt>Cast</dt>", 1)[1]
    assert "Tim Heidecker" not in cast
    assert "Eric Wareheim</a> <span" in cast and "Will Ferrell" in cast
    assert "<dt>Director</dt>" in html and "<dt>Writer</dt>" in html


def test_an_unordered_cast_without_parts_says_it_is_a_to_z(client):
    made = film("Dirty Dancing", 1987)
    for name in ["Patrick Swayze", "Jennifer Grey", "Jerry Orbach"]:
        credit(made, name)
    html = visible(text(client, made.get_absolute_url()))
    assert "In A–Z order" in html
    assert html.index("Jennifer Grey") < html.index("Patrick Swayze")


def test_quick_facts_show_studios_genres_date_runtime_rating_and_awards(client):
    rango = film(
        "Rango",
        2011,
        release_date=datetime.date(2011, 3, 2),
        runtime_minutes=107,
        vote_average=6.6,
        vote_count=2051,
        genres=["Animation", "Comedy"],
    )
    rango.studios.add(Studio.objects.get_or_create_named("Nickelodeon Movies")[0])
    Award.objects.create(
        film=rango, ceremony="Academy Awards", year=2011, outcome=Award.WON, count=1
    )
    Award.objects.create(
        film=rango,
        ceremony="Academy Awards",
        year=2011,
        outcome=Award.NOMINATED,
        count=2,
    )
    html = visible(text(client, rango.get_absolute_url()))
    assert "Nickelodeon Movies" in html
    assert "Animation, Comedy" in html
    assert "2 March 2011" in html and "107 minutes" in html
    assert "6.6/10 from 2,051 votes" in html
    assert "Academy Awards: won 1 Oscar, nominated for 2 Oscars (2011)" in html


def test_a_person_page_lists_the_awards_of_their_films(client):
    rango = film("Rango", 2011)
    credit(rango, "Gore Verbinski", Credit.DIRECTOR)
    Award.objects.create(
        film=rango, ceremony="Academy Awards", year=2011, outcome=Award.WON, count=1
    )
    html = visible(text(client, "/people/gore-verbinski/"))
    assert "Awards for their films" in html
    assert "Rango (2011) : Academy Awards: won 1 Oscar (2011)" in html


# A page for every film


def test_a_film_without_a_plot_shows_its_premise_cast_similar_films_and_a_request(
    client,
):
    titanic = film(
        "Titanic",
        1997,
        tmdb_id=597,
        overview="A seventeen-year-old aristocrat falls in love aboard the ship.",
        field_sources={"overview": "tmdb"},
        genres=["Drama", "Romance"],
        keywords=["shipwreck", "iceberg"],
    )
    credit(titanic, "James Cameron", Credit.DIRECTOR)
    credit(titanic, "Kate Winslet", character="Rose DeWitt Bukater", order=0)
    credit(titanic, "Leonardo DiCaprio", character="Jack Dawson", order=1)
    avatar = film("Avatar", 2009, genres=["Action"])
    credit(avatar, "James Cameron", Credit.DIRECTOR)
    gatsby = film("The Great Gatsby", 2013, genres=["Drama", "Romance"])
    credit(gatsby, "Leonardo DiCaprio", character="Jay Gatsby", order=0)
    film("Unrelated Western", 1950, genres=["Western"])
    html = text(client, titanic.get_absolute_url())
    page = visible(html)
    assert "The story is not written yet" not in page
    assert "Premise, from TMDB" in page
    assert "falls in love aboard the ship" in page
    assert 'href="https://www.themoviedb.org/movie/597"' in html
    assert "Kate Winslet as Rose DeWitt Bukater" in page
    similar = page.split("Similar films", 1)[1]
    assert "Avatar (2009)" in similar and "Also directed by James Cameron" in similar
    assert "The Great Gatsby (2013)" in similar
    assert "Also with Leonardo DiCaprio" in similar
    assert "Unrelated Western" not in similar
    assert "/requests/new/?title=Titanic&amp;year=1997" in html
    assert "Request the full story" in page
    assert "<title>Titanic (1997): cast, premise and facts · Plotguide</title>" in html


def test_a_film_with_neither_plot_nor_premise_says_so_and_offers_a_request(client):
    bare = film("Obscure Short", 1931)
    page = visible(text(client, bare.get_absolute_url()))
    assert "No premise of this film is known yet." in page
    assert "Request the full story" in page


# Hubs


def test_releases_open_on_the_newest_year_with_films_and_name_it(client):
    publish(film("Growing Up Smith", 2017))
    film("Deadpool", 2016, popularity=514.5)
    film("Ghostbusters", 2016, popularity=30.0)
    html = text(client, "/releases/")
    assert "<h1>Film releases of 2017</h1>" in html
    assert "Growing Up Smith" in main(html)
    home = text(client, "/")
    assert "New releases (2017)" in home
    page_2016 = main(text(client, "/releases/2016/"))
    assert page_2016.index("Deadpool") < page_2016.index("Ghostbusters")
    assert "premise and cast" in page_2016


def test_a_year_without_films_is_not_found_and_says_so(client):
    film("Deadpool", 2016)
    html = text(client, "/releases/2026/", status=404)
    assert "The catalogue has no films of 2026" in html
    assert "/releases/2016/" in html
    assert "New releases (2026)" not in text(client, "/")


def test_releases_of_a_future_year_do_not_open_the_hub(client):
    this_year = datetime.date.today().year
    film("Announced Sequel", this_year + 3)
    film("Last Year's Hit", this_year - 1)
    assert f"Film releases of {this_year - 1}" in text(client, "/releases/")


MUSIC = {
    "Shine a Light": {"genres": ["Documentary", "Music"]},
    "Monologue About Love": {"genres": ["Concert film"]},
    "It Might Get Loud": {"genres": ["Rockumentary"]},
    "U2 3D": {"keywords": ["concert film"]},
    "The Last Waltz": {"genres": ["Documentary"], "keywords": ["musician"]},
}
NOT_MUSIC = {
    "Cinderella": {"genres": ["Music", "Romance"]},
    "Turbo": {"genres": ["Animation", "Musical"]},
    "Almost Famous": {"genres": ["Drama", "Music"], "keywords": ["concert"]},
    "Jiro Dreams of Sushi": {"genres": ["Documentary"], "keywords": ["chef"]},
}


def test_the_music_hub_lists_concert_films_and_music_documentaries_only(client):
    for title, tags in {**MUSIC, **NOT_MUSIC}.items():
        film(title, 2008, **tags)
    html = main(text(client, "/music/"))
    for title in MUSIC:
        assert title in html
    for title in NOT_MUSIC:
        assert title not in html


def test_the_awards_hub_names_the_award_the_count_or_category_and_the_year(client):
    rango = film("Rango", 2011)
    Award.objects.create(
        film=rango, ceremony="Academy Awards", year=2011, outcome=Award.WON, count=1
    )
    rush = film("Rush", 1991)
    Award.objects.create(
        film=rush,
        ceremony="Grammy Awards",
        year=1993,
        category="Best Song",
        outcome=Award.NOMINATED,
    )
    page = visible(text(client, "/awards/"))
    assert "1 award" not in page
    assert "Academy Awards Films of 2011 Rango (2011) : won 1 Oscar" in page
    assert "Grammy Awards Films of 1993 Rush (1991) : nominated for Best Song" in page
    assert page.index("Academy Awards") < page.index("Grammy Awards")


def test_the_awards_hub_leads_each_year_with_the_most_wins(client):
    for title, wins in [("Few Wins", 1), ("Many Wins", 8)]:
        Award.objects.create(
            film=film(title, 1997),
            ceremony="Academy Awards",
            year=1997,
            outcome=Award.WON,
            count=wins,
        )
    page = visible(text(client, "/awards/"))
    assert page.index("Many Wins") < page.index("Few Wins")
    assert "won 8 Oscars" in page


def test_collections_list_the_automatic_ones_when_editors_made_none(client):
    for title, year in [("The Terminator", 1984), ("Aliens", 1986)]:
        credit(film(title, year), "James Cameron", Credit.DIRECTOR)
    page = visible(text(client, "/collections/"))
    assert "None yet" not in page
    assert "Films directed by James Cameron (2)" in page
    assert "1980s (2)" in page
    assert "Picked by our editors" not in page
    Collection.objects.create(title="Editors' pick", slug="pick", is_published=True)
    assert "Picked by our editors" in visible(text(client, "/collections/"))
    director = visible(text(client, "/collections/director/james-cameron/"))
    assert director.index("The Terminator") < director.index("Aliens")


def test_story_hubs_keep_to_published_stories_and_catalogue_hubs_do_not(client):
    told = film("Told Story", 1999)
    publish(told)
    film("Untold Story", 1999)
    az = main(text(client, "/stories/"))
    assert "Told Story" in az and "Untold Story" not in az
    releases = main(text(client, "/releases/1999/"))
    assert "Told Story" in releases and "Untold Story" in releases


def test_newly_published_puts_a_bulk_builds_popular_films_first(client):
    day = datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.UTC)
    for minute, (title, popularity) in enumerate(
        [("Aardvark Story", 1.0), ("Blockbuster", 200.0), ("Zebra Story", 5.0)]
    ):
        publish(
            film(title, 2000, popularity=popularity),
            day + datetime.timedelta(minutes=minute),
        )
    publish(
        film("Yesterday's Story", 2000, popularity=900.0), day - datetime.timedelta(1)
    )
    latest = main(text(client, "/")).split("Newly published", 1)[1]
    order = [
        latest.index(title)
        for title in ["Blockbuster", "Zebra Story", "Aardvark Story", "Yesterday"]
    ]
    assert order == sorted(order)


def test_the_home_page_leads_with_popular_films(client):
    film("Minions", 2015, popularity=875.0)
    film("Aaa Obscure", 2015, popularity=0.5)
    film("Interstellar", 2014, popularity=724.0)
    popular = main(text(client, "/")).split("Popular films", 1)[1]
    assert popular.index("Minions") < popular.index("Interstellar")
    assert popular.index("Interstellar") < popular.index("Aaa Obscure")
