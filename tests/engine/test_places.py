"""Named places: only where the plot puts someone, never a character or the title."""

import pytest

from plotguide.engine import CastCredit
from tests.engine.plots import film


def test_places_leave_out_characters_the_title_and_lone_first_words(engine):
    plot = (
        "Story begins in New York City's tunnels. "
        "Jericho Butler hunts the C.H.U.D.s on Mars."
    )
    cast = (CastCredit("Someone", "Jericho Butler", 0),)
    story = engine.run(film(plot, title="C.H.U.D.", cast=cast))
    places = [item.value for item in story.setting.locations]
    assert "New York City" in places
    assert not {"Story", "Jericho Butler", "C.H.U.D.s", "New York City's"} & set(places)


def test_a_place_is_only_where_the_plot_puts_someone(engine):
    plot = (
        "Harry returns to Hogwarts and meets Dumbledore in the Astronomy Tower. "
        "Ron becomes the Keeper of the Gryffindor Quidditch team. "
        "Harry learns that Voldemort wanted seven Horcruxes. "
        "Voldemort tells Snape to watch Harry. "
        "Dumbledore defends Harry from a horde of Inferi in the cave. "
        "Harry and Ron meet Draco in Borgin and Burkes."
    )
    story = engine.run(film(plot))
    places = {item.value for item in story.setting.locations}
    assert not places & {"Voldemort", "Borgin", "Inferi", "Gryffindor Quidditch"}
    assert not any("Keeper" in place for place in places)


def test_a_city_taken_or_freed_is_where_the_story_is(engine):
    # The Pianist's setting read only "Germany"; the film is Warsaw's.
    plot = (
        "Szpilman rejoices when Britain and France declare war on Germany, but "
        "the German army defeats Poland and captures Warsaw. Szpilman hides. "
        "Szpilman is shot at by Polish troops liberating Warsaw."
    )
    story = engine.run(film(plot, cast=(CastCredit("Adrien Brody", "Szpilman", 0),)))
    assert "Warsaw" in {item.value for item in story.setting.locations}


def test_the_language_a_thing_is_said_in_is_no_place(engine):
    # Monty Python and the Holy Grail listed "Franglais" among its places.
    plot = (
        "They reach Camelot, but Arthur decides not to enter, as "
        '"it is a silly place". After being insulted in mangled Franglais, they '
        "try to sneak into the castle in a Trojan Rabbit, but this plan goes "
        "terribly wrong when they forget to hide inside it first."
    )
    story = engine.run(film(plot))
    places = [item.value for item in story.setting.locations]
    assert "Camelot" in places
    assert "Franglais" not in places


def test_a_characters_name_misspelt_is_no_place(engine):
    # Pinocchio's plot writes "Gepetto" once; its setting listed it as a place.
    plot = (
        "Geppetto finishes work on a wooden marionette in his village workshop. "
        "Pinocchio runs away to Pleasure Island with Lampwick. "
        "Pinocchio swims back to Gepetto and they sail home to the village."
    )
    cast = (
        CastCredit("Christian Rub", "Geppetto"),
        CastCredit("Dickie Jones", "Pinocchio"),
        CastCredit("Frankie Darro", "Lampwick"),
    )
    story = engine.run(film(plot, cast=cast))
    places = {item.value for item in story.setting.locations}
    assert "Pleasure Island" in places
    assert "Gepetto" not in places


def test_a_name_beside_a_person_noun_is_no_place(engine):
    # The Last King of Scotland listed Amin's son "Mackenzie" as a place and
    # quizzed it as one: the parser calls him a location twice.
    plot = (
        "In 1970, Nicholas Garrigan graduates from medical school in Scotland. "
        "Garrigan discovers that the polygamous leader has ostracised the youngest "
        "of his three wives, Kay , because she has given birth to an epileptic "
        "son, Mackenzie . "
        "When treating Mackenzie, Garrigan and Kay form a relationship, but Kay "
        "tells him he must find a way to leave Uganda."
    )
    # A full cast list, as the film's: an uncredited son is no character.
    cast = (
        CastCredit("Forest Whitaker", "Idi Amin"),
        CastCredit("James McAvoy", "Dr. Nicholas Garrigan"),
        CastCredit("Simon McBurney", "British Diplomat"),
        CastCredit("Gillian Anderson", "Sarah Merrit"),
        CastCredit("Kerry Washington", "Kay Amin"),
        CastCredit("David Oyelowo", "Dr. Thomas Junju"),
        CastCredit("Abby Mukiibi Nkaaga", "Masanga"),
        CastCredit("Adam Kotz", "Dr. David Merrit"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Mackenzie" not in {c.name for c in story.characters}
    places = {item.value for item in story.setting.locations}
    assert "Scotland" in places
    assert "Mackenzie" not in places
    offered = [q.options for q in story.quiz.questions if q.kind == "place"]
    assert not any("Mackenzie" in options for options in offered)


def test_the_first_film_of_a_series_is_no_place(engine):
    # Taken 2 listed "Taken" among its places: "After the events in Paris in Taken".
    plot = (
        "After the events in Paris in Taken, relatives of the men whom Bryan Mills "
        "killed return to their hometown, Tropojë, Albania, for the funeral. "
        "Bryan takes Lenore to Istanbul."
    )
    cast = (CastCredit("Liam Neeson", "Bryan Mills"),)
    story = engine.run(film(plot, title="Taken 2", cast=cast))
    places = {item.value for item in story.setting.locations}
    assert "Taken" not in places
    assert "Paris" in places


@pytest.mark.parametrize(
    ("plot", "title", "person"),
    [
        (  # Puss in Boots listed "Boots" as a place.
            "Puss in Boots is a talking cat named for his wearing boots and is a "
            "fugitive on the run for the law. Puss travels to San Ricardo.",
            "Puss in Boots",
            "Boots",
        ),
        (  # House Party 2 listed "Jamal" as a place and quizzed him as one.
            "Kid's room mate is Jamal, a white rapper. "
            "Kid, Play, Bilal and Jamal begin spreading word on campus about the "
            "party. Kid then packs up and says goodbye to Jamal in Harlem.",
            "House Party 2",
            "Jamal",
        ),
    ],
)
def test_a_name_in_the_title_or_a_list_of_people_is_no_place(
    engine, plot, title, person
):
    story = engine.run(film(plot, title=title))
    places = {item.value for item in story.setting.locations}
    assert person not in places


def test_a_credited_persons_name_is_no_place(engine):
    # Half-Blood Prince listed "Hagrid" among its places ("Hagrid's hut").
    plot = (
        "Harry and Ron arrive at the Astronomy Tower. "
        "Bellatrix destroys the Great Hall and sets fire to Hagrid's hut as Harry "
        "attempts to stop them. Harry returns to Hogwarts."
    )
    cast = (
        CastCredit("Daniel Radcliffe", "Harry Potter"),
        CastCredit("Robbie Coltrane", "Rubeus Hagrid"),
    )
    story = engine.run(film(plot, cast=cast))
    places = {item.value for item in story.setting.locations}
    assert "Hagrid" not in places
