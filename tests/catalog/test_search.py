"""One search box over titles, people, characters and plot words."""

from __future__ import annotations

import pytest

from plotguide.catalog.models import Credit, Film, Person
from plotguide.catalog.search import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue() -> dict[str, Film]:
    godfather = Film.objects.create(
        title="The Godfather",
        year=1972,
        plot="The aging patriarch of an organized crime dynasty transfers control "
        "of his clandestine empire to his reluctant son.",
    )
    Film.objects.create(
        title="The Godfather Part II", year=1974, plot="Michael expands the empire."
    )
    rush = Film.objects.create(
        title="Rush",
        year=1991,
        plot="An undercover narcotics officer picks a partner from the academy.",
    )
    Film.objects.create(title="Rushmore", year=1998, plot="A student at a school.")
    pacino, _ = Person.objects.get_or_create_named("Al Pacino")
    patric, _ = Person.objects.get_or_create_named("Jason Patric")
    Credit.objects.create(
        film=godfather, person=pacino, role=Credit.CAST, character="Michael Corleone"
    )
    Credit.objects.create(
        film=rush, person=patric, role=Credit.CAST, character="Jim Raynor"
    )
    return {"godfather": godfather, "rush": rush}


def labels(query: str) -> list[str]:
    return [result.label for result in search(query, limit=10)]


def test_a_typo_in_a_title_still_finds_the_film_first(catalogue):
    assert labels("godfathr")[0] == "The Godfather"


def test_an_exact_title_ranks_above_longer_titles_that_contain_it(catalogue):
    assert labels("rush")[:2] == ["Rush", "Rushmore"]


def test_people_and_characters_are_found_by_name(catalogue):
    (person,) = [r for r in search("al pacno") if r.kind == "person"]
    assert person.label == "Al Pacino"
    (character,) = [r for r in search("jim raynor") if r.kind == "character"]
    assert (character.film_title, character.person_name) == ("Rush", "Jason Patric")
    assert character.slug == catalogue["rush"].slug


def test_plot_words_find_the_film_whose_plot_has_them(catalogue):
    results = search("undercover narcotics")
    assert results[0].label == "Rush"
    assert results[0].is_plot_match


def test_the_index_follows_renames_and_deletions(catalogue):
    rush = catalogue["rush"]
    rush.title = "Rush Hour"
    rush.save()
    assert "Rush Hour" in labels("rush hour")
    rush.delete()
    assert "Rush Hour" not in labels("rush hour")
    assert "Jim Raynor" not in labels("jim raynor")


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "' OR 1=1 --", "NEAR(", "*", "a" * 5000, "<script>"]
)
def test_hostile_or_empty_queries_return_a_list_without_errors(catalogue, query):
    assert isinstance(search(query), list)


def test_films_titled_like_the_query_come_before_characters_and_names_repeat_once():
    titanic = Film.objects.create(title="Titanic", year=1997, popularity=26.0)
    Film.objects.create(title="Raise the Titanic", year=1980, popularity=2.0)
    for number in range(6):
        film = Film.objects.create(title=f"Clash {number}", year=2000 + number)
        person, _ = Person.objects.get_or_create_named(f"Actor {number}")
        Credit.objects.create(
            film=film, person=person, role=Credit.CAST, character="Titan"
        )
    found = search("Titanic", limit=10)
    assert [r.label for r in found[:2]] == ["Titanic", "Raise the Titanic"]
    assert found[0].id == titanic.pk
    assert [r.label for r in found if r.kind == "character"].count("Titan") <= 1


def test_a_coincidental_spelling_never_ranks_above_people_named_like_the_query():
    Film.objects.create(title="Madam Is a Pervert", year=1999)
    person, _ = Person.objects.get_or_create_named("Vertigo Jones")
    assert search("Vertigo", limit=5)[0].label == "Vertigo Jones"
