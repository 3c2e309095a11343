"""The setting: where and when the story happens, each with the sentence saying so."""

import pytest

from tests.engine.plots import film


def test_setting_gives_locations_with_evidence(harbor):
    values = [item.value for item in harbor.setting.locations]
    assert "Maine" in values
    for item in harbor.setting.locations:
        assert item.value in harbor.sentences[item.sources[0]].text


def test_setting_says_not_stated_rather_than_guessing_the_year(harbor):
    assert harbor.setting.time_period.value == "not stated"
    assert harbor.setting.time_period.sources == ()


def test_setting_reads_a_stated_period(engine):
    story = engine.run(film("In 1944, Anna hides a pilot in her barn in Normandy."))
    assert story.setting.time_period.value == "1944"


def test_a_year_met_halfway_through_the_plot_is_not_the_setting(engine):
    plot = " ".join(
        [
            "Tony Stark tells the world that he is Iron Man.",
            "Ivan Vanko builds a weapon in his flat.",
            "Stark races a car at the Grand Prix.",
            "Vanko attacks Stark on the track.",
            "Stark is arrested after the fight.",
            "Stark drinks at his party.",
            "Rhodes takes a suit of armor.",
            "In 1974, Howard Stark records a film for his son.",
            "Stark builds a new reactor.",
            "Stark defeats Vanko.",
        ]
    )
    story = engine.run(film(plot))
    assert story.setting.time_period.value == "not stated"


@pytest.mark.parametrize(
    ("opening", "period"),
    [
        # Singin' in the Rain is set in 1927; a note on the scene said 1921.
        (
            "Simpson shows a short demonstration of a talking picture. This scene "
            "pays homage to the original 1921 DeForest Phonofilm demonstration.",
            "not stated",
        ),
        (
            "Based on the 1943 classic book by Antoine de Saint Exupéry, the fable "
            "tells the story of an aviator.",
            "not stated",
        ),
        # The Others is set in 1945; its photographs are older.
        (
            'Grace finds and examines a "book of the dead," which shows mourning '
            "portraits taken in the 19th century of recently deceased corpses.",
            "not stated",
        ),
        ("In 1944, Anna lives in a house built in 1890 in Paris.", "1944"),
        ("An orphan boy in 1830's London is abused in a workhouse.", "1830"),
        ("In 1981 San Francisco, Chris Gardner sells bone-density scanners.", "1981"),
    ],
)
def test_a_year_that_dates_a_work_is_not_when_the_story_is_set(engine, opening, period):
    plot = opening + " Anna walks home. Anna sleeps."
    assert engine.run(film(plot)).setting.time_period.value == period


def test_a_place_seen_from_above_or_by_its_parts_is_where_the_story_is(engine):
    # Mary Poppins was set on "Earth" ("The action descends to Earth") while
    # the plot is "high above London", in "the slums of the East End of
    # London" and on "the rooftops of London".
    plot = (
        "The film opens with Mary Poppins perched in a cloud high above London. "
        "The action descends to Earth where Bert entertains a crowd. "
        "The children wander into the slums of the East End of London. "
        "Bert and Mary lead a tour of the rooftops of London."
    )
    locations = [item.value for item in engine.run(film(plot)).setting.locations]
    assert locations[0] == "London"
