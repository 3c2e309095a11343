from __future__ import annotations

import pytest

from plotguide.catalog.importers.awards_text import parse_awards
from plotguide.catalog.importers.records import NOMINATED, WON, AwardRecord


def test_oscars_and_other_awards_are_counted():
    assert parse_awards(
        "Won 4 Oscars. Nominated for 8 Oscars. Another 3 wins & 5 nominations.", 1999
    ) == (
        AwardRecord("Academy Awards", WON, year=1999, count=4),
        AwardRecord("Academy Awards", NOMINATED, year=1999, count=8),
        AwardRecord("Other awards", WON, year=1999, count=3),
        AwardRecord("Other awards", NOMINATED, year=1999, count=5),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Won 1 Oscar.", [("Academy Awards", WON, 1)]),
        (
            "Nominated for 1 Golden Globe. Another 2 wins & 7 nominations.",
            [
                ("Golden Globe Awards", NOMINATED, 1),
                ("Other awards", WON, 2),
                ("Other awards", NOMINATED, 7),
            ],
        ),
        ("Won 2 BAFTA Film Awards", [("BAFTA Film Awards", WON, 2)]),
        (
            "Won 1 Primetime Emmy. Another 4 wins.",
            [("Primetime Emmy Awards", WON, 1), ("Other awards", WON, 4)],
        ),
        (
            "1 win & 2 nominations.",
            [("Other awards", WON, 1), ("Other awards", NOMINATED, 2)],
        ),
        ("3 nominations.", [("Other awards", NOMINATED, 3)]),
    ],
)
def test_ceremony_names_are_normalised(text, expected):
    assert [(a.ceremony, a.outcome, a.count) for a in parse_awards(text)] == expected


def test_the_year_is_the_films_when_given():
    assert parse_awards("Won 1 Oscar.")[0].year is None
    assert parse_awards("Won 1 Oscar.", 1950)[0].year == 1950


@pytest.mark.parametrize(
    "text",
    [None, "", "N/A", "Won the hearts of critics.", "Won 3 Razzies.", "Oscars: many"],
)
def test_unknown_or_empty_text_gives_no_awards(text):
    assert parse_awards(text) == ()
