"""The `plotguide` command as a user runs it: help, imports, exports, exit codes."""

from __future__ import annotations

import argparse
import json
import socket
from pathlib import Path

import pytest

from plotguide.catalog.exporting import film_to_dict, iter_films
from plotguide.catalog.models import Collection, CollectionItem, Film
from plotguide.cli import EXIT_INTERRUPTED, main, run, subcommand_names

DATA = Path(__file__).parent / "data" / "cli"
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", subcommand_names())
def test_every_subcommand_has_help_with_an_example(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "Example: plotguide" in out
    assert "Exit codes" in out


def test_an_unknown_subcommand_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["imprt"])
    assert exit_info.value.code == 2
    assert "Try 'plotguide --help' for help." in capsys.readouterr().err


def test_import_reports_counts_and_a_second_import_changes_nothing(capsys):
    assert main(["import", "wikipedia", str(DATA / "films.csv"), "--quiet"]) == 0
    assert "2 added, 0 updated, 0 skipped, 0 rejected" in capsys.readouterr().out
    assert main(["import", "wikipedia", str(DATA / "films.csv"), "--quiet"]) == 0
    assert "0 added, 0 updated, 2 skipped, 0 rejected" in capsys.readouterr().out
    assert Film.objects.count() == 2


def test_bad_rows_are_named_by_line_and_good_rows_still_import(capsys):
    assert main(["import", "wikipedia", str(DATA / "bad_rows.csv"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "1 added, 0 updated, 0 skipped, 2 rejected" in captured.out
    assert "bad_rows.csv, line 3: text is not valid UTF-8 (byte 0xFF)" in captured.err
    assert "bad_rows.csv, line 4: the Title column is empty" in captured.err
    assert list(Film.objects.values_list("title", flat=True)) == ["Good Film"]


def test_a_file_of_the_wrong_format_stops_with_nothing_written(capsys):
    assert main(["import", "wikipedia", str(DATA / "tabs.csv"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "tabs.csv, line 1: the columns are tab-separated" in err
    assert "Nothing was written." in err
    assert not Film.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    missing = tmp_path / "nope.csv"
    assert main(["import", "wikipedia", str(missing)]) == 2
    assert f"{missing}: no such file." in capsys.readouterr().err


def test_import_json_report_is_machine_readable(capsys):
    main(["import", "wikipedia", str(DATA / "bad_rows.csv"), "--quiet", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 1
    assert [r["line"] for r in report["rejected"]] == [3, 4]


def test_export_then_import_gives_back_the_same_catalogue(tmp_path, capsys):
    main(["import", "wikipedia", str(DATA / "films.csv"), "--quiet"])
    collection = Collection.objects.create(title="Jury films", slug="jury-films")
    CollectionItem.objects.create(
        collection=collection, film=Film.objects.get(title="12 Angry Men"), note="Tense"
    )
    before = [film_to_dict(film) for film in iter_films()]
    path = tmp_path / "catalogue.json"
    assert main(["export", str(path)]) == 0
    Film.objects.all().delete()
    Collection.objects.all().delete()
    assert main(["import", "json", str(path), "--quiet"]) == 0
    assert [film_to_dict(film) for film in iter_films()] == before
    item = Collection.objects.get(slug="jury-films").items.get()
    assert (item.film.title, item.note) == ("12 Angry Men", "Tense")


def test_a_json_file_that_is_not_a_catalogue_writes_nothing(tmp_path, capsys):
    path = tmp_path / "other.json"
    path.write_text('{"films": []}')
    assert main(["import", "json", str(path)]) == 2
    assert 'not a Plotguide catalogue (expected "format"' in capsys.readouterr().err


KEEPER = (
    "Mara Quill keeps the lighthouse on the island of Skerry. "
    "A storm wrecks a ship, and Mara rescues a sailor named Tobias Wren. "
    "Tobias tells Mara that the ship carried stolen gold for Edgar Holt. "
    "Holt burns Mara's boat so that nobody can leave the island. "
    "Mara signals a navy patrol, and the navy arrests Holt."
)


def test_story_prints_a_plot_files_story_as_json(tmp_path, capsys):
    plot = tmp_path / "keeper.txt"
    plot.write_text(KEEPER)
    meta = tmp_path / "meta.json"
    meta.write_text(
        json.dumps(
            {
                "title": "The Keeper",
                "year": 2011,
                "cast": [{"actor": "Ada Lin", "character": "Mara Quill"}],
            }
        )
    )
    assert main(["story", str(plot), "--meta", str(meta)]) == 0
    story = json.loads(capsys.readouterr().out)
    assert story["title"] == "The Keeper"
    first = story["sentences"][0]
    assert (first["id"], first["text"]) == (0, KEEPER.split(". ")[0] + ".")
    mara = next(c for c in story["characters"] if c["name"] == "Mara Quill")
    assert mara["actor"] == "Ada Lin"


def test_story_names_a_bad_meta_file(tmp_path, capsys):
    plot = tmp_path / "keeper.txt"
    plot.write_text(KEEPER)
    meta = tmp_path / "meta.json"
    meta.write_text("{not json")
    assert main(["story", str(plot), "--meta", str(meta)]) == 2
    assert f"{meta}, line 1: not valid JSON" in capsys.readouterr().err


def test_generate_builds_and_publishes_stories_then_skips_them(capsys):
    main(["import", "wikipedia", str(DATA / "films.csv"), "--quiet"])
    capsys.readouterr()
    assert main(["generate", "--all", "--publish", "--workers", "1", "--quiet"]) == 0
    assert "Stories: 2 generated (2 published" in capsys.readouterr().out
    assert main(["generate", "rush-1991", "--quiet", "--workers", "1"]) == 0
    assert "Stories: 0 generated" in capsys.readouterr().out


def test_generate_names_unknown_slugs(capsys):
    assert main(["generate", "no-such-film"]) == 2
    assert "no film with the slug no-such-film" in capsys.readouterr().err


def test_generate_needs_films_or_all(capsys):
    assert main(["generate"]) == 2
    assert "give --all for every film" in capsys.readouterr().err


def test_a_script_address_as_a_source_link_is_dropped_with_a_warning(tmp_path, capsys):
    path = tmp_path / "hostile.csv"
    path.write_text(
        "Release Year,Title,Origin/Ethnicity,Director,Cast,Genre,Wiki Page,Plot\n"
        '1999,Bad Link,American,X,Y,drama,javascript:alert(1),"A plot."\n'
    )
    assert main(["import", "wikipedia", str(path), "--quiet", "--verbose"]) == 0
    assert "source link 'javascript:alert(1)' dropped" in capsys.readouterr().err
    assert Film.objects.get().plot_source_url == ""


def test_a_json_slug_that_is_not_a_slug_is_replaced(tmp_path, capsys):
    path = tmp_path / "catalogue.json"
    path.write_text(
        json.dumps(
            {
                "format": "plotguide-catalog",
                "version": 1,
                "films": [{"title": "Rush", "year": 1991, "slug": "Rush (1991)"}],
            }
        )
    )
    assert main(["import", "json", str(path), "--quiet"]) == 0
    assert Film.objects.get().slug == "rush-1991"


def test_json_text_fields_of_the_wrong_type_are_rejected_not_stringified(
    tmp_path, capsys
):
    path = tmp_path / "catalogue.json"
    path.write_text(
        json.dumps(
            {
                "format": "plotguide-catalog",
                "version": 1,
                "films": [
                    {"title": {"a": 1}, "year": 1991},
                    {"title": "Rush", "year": 1991, "studios": "abc"},
                    {"title": "Heat", "year": 1995, "studios": ["Warner Bros."]},
                ],
            }
        )
    )
    assert main(["import", "json", str(path), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "title must be text" in err and "studios must be a list of text" in err
    film = Film.objects.get()
    assert (film.title, [s.name for s in film.studios.all()]) == (
        "Heat",
        ["Warner Bros."],
    )


def test_limited_generate_runs_make_progress_and_link_similar_films(capsys):
    main(["import", "wikipedia", str(DATA / "films.csv"), "--quiet"])
    capsys.readouterr()
    for _ in range(2):
        assert main(["generate", "--all", "--publish", "--limit", "1", "--quiet"]) == 0
        assert "Stories: 1 generated" in capsys.readouterr().out
    assert main(["generate", "--all", "--limit", "1", "--quiet"]) == 0
    assert "Stories: 0 generated" in capsys.readouterr().out
    assert Film.objects.get(title="Rush").story.similar.count() == 1


def test_serve_on_a_busy_port_says_so_in_one_line(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert f"is port {port} already in use? Try --port {port + 1}." in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("environment", "code"),
    [
        ({}, 1),
        ({"PLOTGUIDE_SITE_URL": "https://plotguide.example"}, 1),
        (
            {"PLOTGUIDE_SITE_URL": "https://plotguide.example", "PLOTGUIDE_HTTPS": "1"},
            0,
        ),
    ],
)
def test_the_deploy_check_passes_only_a_public_https_site(environment, code, tmp_path):
    import os
    import subprocess
    import sys

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PLOTGUIDE_")},
        "PLOTGUIDE_DATA_DIR": str(tmp_path),
        **environment,
    }
    command = [sys.executable, "-m", "plotguide.cli", "check", "--deploy"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    if code:
        assert "security.W004" in result.stderr or "site.W001" in result.stderr


def test_a_malformed_meta_file_is_bad_input_with_exit_2_and_no_traceback(
    tmp_path, capsys
):
    plot = tmp_path / "plot.txt"
    plot.write_text("Anna finds a key in the garden. She opens the old door.")
    meta = tmp_path / "meta.json"
    meta.write_text('{"title": "X", "year": "nineteen"}')
    assert main(["story", str(plot), "--meta", str(meta)]) == 2
    err = capsys.readouterr().err
    assert "field 'year' is 'nineteen'" in err
    assert "Traceback" not in err


def test_an_export_into_a_missing_folder_names_the_path_without_a_traceback(
    tmp_path, capsys
):
    target = tmp_path / "no-such-folder" / "catalogue.json"
    assert main(["export", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"plotguide export: {target}")
    assert err.rstrip().endswith(": No such file or directory.")
    assert "Traceback" not in err


def test_work_with_a_broker_points_at_the_celery_workers(monkeypatch, capsys):
    monkeypatch.setenv("PLOTGUIDE_BROKER_URL", "redis://127.0.0.1:1/0")
    assert main(["work", "--once"]) == 2
    assert "start one with `celery -A plotguide.celery_app worker`" in (
        capsys.readouterr().err
    )


def test_a_file_gone_while_stopping_is_an_interruption_not_a_usage_error(capsys):
    # A SIGTERM inside Django's file cache: its `finally` removes the temporary
    # file it had just renamed, and the FileNotFoundError hid the stop (exit 2).
    def stopped_while_caching(args):
        try:
            raise KeyboardInterrupt
        finally:
            raise FileNotFoundError(2, "No such file or directory", "cache/tmp1")

    args = argparse.Namespace(
        command="demo", needs_database=False, handler=stopped_while_caching
    )
    assert run(args) == EXIT_INTERRUPTED
    assert "Interrupted." in capsys.readouterr().err
