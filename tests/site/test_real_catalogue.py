"""The reader site on the real demo data: facts and hubs a fan would check.

One import per run of this module: the TMDB films named in TITLES (cut from
the real CSVs, so the run takes seconds, not minutes), then bokeh's awards
and metadata for those films (update only). The module removes what it
imported when it ends, so other modules see an empty catalogue.
"""

from __future__ import annotations

import datetime
import re

import pytest

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import (
    Film,
    Genre,
    HeldJoin,
    Keyword,
    Person,
    Studio,
    credits_with_people,
)
from plotguide.paths import cache_dir
from plotguide.site import hubs
from tests.site.real_films import cut_tmdb

DATA = cache_dir() / "demo-data"
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not (DATA / "tmdb" / "movies.csv").exists()
        or not (DATA / "bokeh" / "movies.db").exists(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]

TITLES = {
    # Film pages: billing order, crew, premises of films with no plot source.
    "Avatar",
    "Titanic",
    "The Matrix",
    "Jaws",
    "The Godfather",
    "Harry Potter and the Half-Blood Prince",
    "Rango",
    "Tim and Eric's Billion Dollar Movie",
    # Similar by metadata: James Cameron's films, Leonardo DiCaprio's.
    "Aliens",
    "Terminator 2: Judgment Day",
    "The Terminator",
    "True Lies",
    "Revolutionary Road",
    "The Great Gatsby",
    # Music: concert films and music documentaries ...
    "This Is It",
    "Shine a Light",
    "U2 3D",
    "The Last Waltz",
    "Woodstock",
    "One Direction: This Is Us",
    # ... and fiction with songs, or a concert in it, that are neither.
    "Cinderella",
    "Turbo",
    "The Pianist",
    "Almost Famous",
    "Walk the Line",
    "The Blues Brothers",
    "Alvin and the Chipmunks",
    "Quartet",
    # The newest years.
    "Deadpool",
    "Captain America: Civil War",
    "Growing Up Smith",
}
MUSIC_GENRES = {"concert film", "music documentary", "concert", "rockumentary"}
MUSIC_KEYWORDS = {
    "concert",
    "concert film",
    "music documentary",
    "rockumentary",
    "live performance",
}


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        tmdb = run_import("tmdb", cut_tmdb(tmp_path_factory.mktemp("tmdb"), TITLES))
        assert tmdb.added == len(TITLES), tmdb
        run_import("bokeh", DATA / "bokeh" / "movies.db", update_only=True)
        yield
        for model in (Film, Person, Studio, Genre, Keyword, HeldJoin):
            model.objects.all().delete()


@pytest.fixture
def site(catalogue, db, client):
    return client


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def main(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", main(html)).split())


def film_named(title: str) -> Film:
    return Film.objects.get(title=title, tmdb_id__isnull=False)


def listed_films(html: str) -> list[Film]:
    """The films a part of a page links to, in its order."""
    slugs = re.findall(r'href="/films/([\w-]+)/"', html)
    films = Film.objects.in_bulk(slugs, field_name="slug")
    return [films[slug] for slug in slugs]


def test_avatars_cast_is_in_billing_order(site):
    page = visible(text(site, film_named("Avatar").get_absolute_url()))
    cast = page.split("Cast", 1)[1]
    assert cast.startswith(" Sam Worthington as Jake Sully Zoe Saldana as Neytiri")
    assert "Director James Cameron" in page


def test_the_title_facts_lead_with_tmdbs_genres_not_those_others_added(site):
    # OMDb (through bokeh) calls Avatar animation and No Country for Old Men
    # an action adventure; the line under the title gave its A-Z first three.
    html = text(site, film_named("Avatar").get_absolute_url())
    facts = html.split('<p class="hero-meta">', 1)[1].split("</p>", 1)[0]
    assert "<span>Action, Adventure, Fantasy</span>" in facts
    assert "Animation" not in facts
    assert "Animation" in visible(html).split("Genres", 1)[1]


def test_no_director_or_writer_without_a_part_is_in_the_cast(site):
    for made in Film.objects.prefetch_related(credits_with_people()):
        crew = {
            credit.person.name for credit in made.credits.all() if credit.role != "cast"
        }
        unplayed = {
            credit.person.name
            for credit in made.credits.all()
            if credit.role == "cast" and not credit.character
        }
        html = main(text(site, made.get_absolute_url()))
        cast = html.split("<dt>Cast</dt>", 1)[-1] if "<dt>Cast</dt>" in html else ""
        for name in crew & unplayed:
            assert f">{name}</a>" not in cast, (made.title, name)
    tim_and_eric = film_named("Tim and Eric's Billion Dollar Movie")
    html = main(text(site, tim_and_eric.get_absolute_url()))
    crew_facts, cast = html.split("<dt>Cast</dt>", 1)
    assert "Tim Heidecker" in crew_facts and "Tim Heidecker" not in cast


def test_harry_potter_shows_ten_billed_actors_and_the_rest_on_demand(site):
    html = main(
        text(
            site,
            film_named("Harry Potter and the Half-Blood Prince").get_absolute_url(),
        )
    )
    shown, rest = html.split("<details", 1)
    assert re.search(r"Daniel Radcliffe</a> <span[^>]*>as Harry Potter", shown)
    assert "Alan Rickman" in shown and "Timothy Spall" not in shown
    assert "Timothy Spall" in rest
    assert "<dt>Director</dt>" in html and "David Yates" in html
    assert "J.K. Rowling" in html.split("<dt>Writers</dt>", 1)[1].split("</dd>")[0]


def test_titanic_without_a_plot_shows_premise_cast_similar_films_and_a_request(site):
    titanic = film_named("Titanic")
    assert not titanic.plot
    html = text(site, titanic.get_absolute_url())
    page = visible(html)
    assert "Premise, from TMDB" in page
    assert titanic.overview[:60] in page
    assert "Kate Winslet as Rose DeWitt Bukater" in page
    similar = page.split("Similar films", 1)[1].split("After the credits")[0]
    assert "Avatar (2009)" in similar and "Also directed by James Cameron" in similar
    assert "Also with Leonardo DiCaprio" in similar
    assert "Request the full story" in page
    assert "/requests/new/?title=Titanic&amp;year=1997" in html
    assert re.search(r"TMDB rating \d\.\d/10 from [\d,]+ votes", page)
    assert "Academy Awards: won" in page


@pytest.mark.parametrize("title", ["The Matrix", "Jaws", "The Godfather"])
def test_every_film_without_a_plot_gets_a_useful_page(site, title):
    made = film_named(title)
    page = visible(text(site, made.get_absolute_url()))
    assert "Premise, from TMDB" in page
    assert " as " in page.split("Cast", 1)[1]
    assert "Request the full story" in page


def test_every_film_on_the_music_hub_says_concert_or_music_documentary(site):
    films = listed_films(main(text(site, "/music/")))
    assert {"This Is It", "Shine a Light", "The Last Waltz"} <= {f.title for f in films}
    for made in films:
        genres = set(made.genres.values_list("key", flat=True))
        keywords = set(made.keywords.values_list("key", flat=True))
        assert (
            genres & MUSIC_GENRES
            or keywords & MUSIC_KEYWORDS
            or (
                "documentary" in genres
                and ("music" in genres or keywords & hubs.MUSIC_TOPICS)
            )
        ), (made.title, genres, keywords)
    for title in ["Cinderella", "Turbo", "The Pianist", "Almost Famous", "Quartet"]:
        assert title not in {f.title for f in films}


def test_releases_are_titled_with_the_newest_year_that_has_films(site):
    this_year = datetime.date.today().year
    newest = Film.objects.filter(year__lte=this_year).order_by("-year").first().year
    html = text(site, "/releases/")
    assert f"<h1>Film releases of {newest}</h1>" in html
    assert listed_films(main(html))
    assert f"New releases ({newest})" in text(site, "/")
    if newest < this_year:
        assert site.get(f"/releases/{this_year}/").status_code == 404


def test_the_awards_hub_names_the_ceremony_count_and_year(site):
    page = visible(text(site, "/awards/"))
    assert "1 award" not in page
    assert re.search(r"Academy Awards Films of \d{4} .*?: won \d+ Oscars?", page)
    titanic = re.search(r"Titanic \(1997\) : ([^.]*?Oscars?)", page)
    assert titanic and titanic.group(1).startswith("won ")


def test_collections_list_the_automatic_ones(site):
    page = visible(text(site, "/collections/"))
    assert "None yet" not in page
    assert re.search(r"Films directed by James Cameron \(\d+\)", page)
    assert re.search(r"2000s \(\d+\)", page)


def test_the_home_page_leads_with_the_most_popular_films(site):
    popular = listed_films(main(text(site, "/")).split("Popular films", 1)[1])
    scores = [made.popularity or 0 for made in popular]
    assert scores == sorted(scores, reverse=True)
    assert popular[0].popularity == max(
        Film.objects.exclude(popularity=None).values_list("popularity", flat=True)
    )
