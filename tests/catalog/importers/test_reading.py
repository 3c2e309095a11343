from __future__ import annotations

import re
from datetime import date

import pytest

from plotguide.catalog.importers.reading import (
    Duplicates,
    RowError,
    film_key,
    parse_date,
    parse_json,
    parse_runtime,
    split_names,
)
from plotguide.catalog.importers.records import Location


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2009-12-10", date(2009, 12, 10)), ("1987", None), ("1987-05", None), ("", None)],
)
def test_only_a_full_date_is_a_release_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31/02/1991", "is not a date (expected YYYY-MM-DD)"),
        ("1991-02-31", "is not a date (expected YYYY-MM-DD)"),
        ("1010-12-02", "is not a plausible release date"),
    ],
)
def test_a_bad_date_names_the_column_and_value(value, reason):
    with pytest.raises(RowError, match=re.escape(f"Released '{value}' {reason}")):
        parse_date(value, "Released")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("162", 162), ("101.0", 101), (94.4, 94), ("0", None), ("", None), (None, None)],
)
def test_runtimes_are_whole_minutes_and_zero_is_unknown(value, expected):
    assert parse_runtime(value) == expected


def test_a_runtime_that_is_not_a_number_is_a_row_error():
    with pytest.raises(RowError, match="runtime '2h' is not a number of minutes"):
        parse_runtime("2h")


def test_a_source_id_decides_and_title_and_year_stand_in_without_one():
    duplicates = Duplicates()

    assert duplicates.check(Location("f", 2), film_key(7, "Rage", 2009)) is None
    assert duplicates.check(Location("f", 3), film_key(8, "Rage", 2009)) is None
    assert duplicates.check(Location("f", 4), film_key(7, "Other", 2001)) == (
        "duplicate of line 2; only the first is imported"
    )
    assert duplicates.check(Location("f", 5), film_key(None, "Rage", 2009)) is None
    assert duplicates.check(Location("f", 6), film_key("", "RAGE", 2009)) == (
        "duplicate of line 5; only the first is imported"
    )


def test_a_name_suffix_stays_with_its_name():
    names = split_names("Robert Downey Jr., Earl Hamner, Jr., Martin Luther King, III")
    assert names == ("Robert Downey Jr.", "Earl Hamner Jr.", "Martin Luther King III")


def test_json_cells_that_only_python_reads_are_read_as_before():
    """NaN and numbers past 64 bits are valid to Python's json module."""
    cell = '[{"id": 18446744073709551617, "name": "Drama", "score": NaN}]'
    [item] = parse_json(cell, "genres", "[]")
    assert item["id"] == 18446744073709551617
    assert item["name"] == "Drama"
    assert item["score"] != item["score"]


def test_a_broken_json_cell_says_where_it_breaks():
    with pytest.raises(RowError) as caught:
        parse_json('[{"id": 28 "name": "Action"}]', "genres", "[]")
    assert str(caught.value) == (
        "column 'genres' is not valid JSON (Expecting ',' delimiter at character "
        "11); expected something like []"
    )
