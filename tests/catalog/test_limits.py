"""A record with a value no column can hold is rejected, named by file and line."""

from __future__ import annotations

from plotguide.catalog.importers.records import (
    CAST,
    CreditRecord,
    FilmRecord,
    Location,
    Rejection,
)
from plotguide.catalog.limits import check_storable

LEADS = tuple(
    CreditRecord(f"Actor {n}", CAST, f"Part {n}", n, 100 + n) for n in range(20)
)


def record(*credits: CreditRecord, **fields) -> FilmRecord:
    return FilmRecord(
        source="tmdb",
        location=Location("movies.csv", 7),
        title="Rush",
        credits=LEADS + credits,
        **fields,
    )


def reason(row: FilmRecord) -> str:
    rejected = check_storable(row)
    assert isinstance(rejected, Rejection)
    assert rejected.location == Location("movies.csv", 7)
    return rejected.reason


def test_a_record_that_fits_is_kept_as_it_is():
    row = record(CreditRecord("Ann", CAST, "", None, None), genres=("Drama",))
    assert check_storable(row) is row


def test_one_credit_past_its_column_rejects_the_film():
    assert reason(record(CreditRecord("A" * 301, CAST, "Jim", 21))) == (
        "name is 301 characters; the limit is 300"
    )
    assert reason(record(CreditRecord("Ann", CAST, "Jim\x00", 21))) == (
        "character holds a NUL character; remove it from the file"
    )
    assert reason(record(CreditRecord("Ann", CAST, "Jim", 21, 2**40))) == (
        "tmdb_id 1099511627776 is not a whole number from 0 to 2,147,483,647"
    )


def test_a_value_of_the_wrong_kind_is_named():
    assert reason(record(year=40_000)) == (
        "year 40000 is not a whole number from 0 to 32,767"
    )
    assert reason(record(vote_count=1.5)) == (
        "vote_count 1.5 is not a whole number from 0 to 2,147,483,647"
    )
