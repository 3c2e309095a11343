"""`plotguide generate --engine llm --sections …`, against a chat server on loopback.

The server is the writer tests' own (tests/engine/writer/server.py): the real
protocol over real sockets, answering with the plot's own sentences. The
settings name it as an operator would, through PLOTGUIDE_ENGINE's llm keys.
"""

from __future__ import annotations

import pytest

from plotguide.cli import main
from plotguide.engine import ENGINE_NAME
from plotguide.engine.writer import WRITER_NAME
from plotguide.stories.models import Story
from tests.engine.writer.server import ChatServer
from tests.stories.conftest import KEEPER_PLOT, MODEL, add_film

WRITABLE = ("summary", "timeline", "characters", "themes", "spoiler_free")


@pytest.fixture
def film(db):
    return add_film("The Keeper of Skerry", KEEPER_PLOT)


def authors(film) -> dict[str, str]:
    story = Story.objects.get(film=film)
    return {a["section"]: a["engine"] for a in story.data["written_by"]}


def asked_for(server: ChatServer) -> list[str]:
    """The sections the server was asked to write, by their instructions' openings."""
    openings = {
        "Retell": "summary",
        "Write a spoiler": "spoiler_free",
        "For each character": "characters",
        "For each theme": "themes",
    }
    asked = []
    for body in server.requests:
        instruction = body["messages"][1]["content"]
        name = next((n for o, n in openings.items() if instruction.startswith(o)), "")
        asked.append(name or "timeline")
    return asked


def generate(*flags: str) -> int:
    return main(["generate", *flags, "--workers", "1", "--quiet"])


def test_engine_llm_writes_the_chosen_sections_and_the_offline_engine_the_rest(
    llm_settings, server, film, capsys
):
    status = generate(
        "--engine", "llm", "--sections", "summary", "--publish", film.slug
    )

    assert status == 0, capsys.readouterr().err
    assert "1 generated (1 published" in capsys.readouterr().out
    written = authors(film)
    assert written["summary"] == WRITER_NAME
    for section in ("timeline", "spoiler_free", "characters", "quiz"):
        assert written[section] == ENGINE_NAME, section
    assert set(asked_for(server)) == {"summary"}
    story = Story.objects.get(film=film)
    assert story.engine == WRITER_NAME and story.is_faithful and story.is_published
    assert all(body["model"] == MODEL for body in server.requests)


def test_sections_keep_the_order_given_and_every_writable_one_by_default(
    llm_settings, server, film, capsys
):
    assert (
        generate("--engine", "llm", "--sections", "spoiler_free,timeline", film.slug)
        == 0
    )
    assert asked_for(server) == ["spoiler_free", "timeline"]
    written = authors(film)
    assert (written["spoiler_free"], written["timeline"]) == (WRITER_NAME, WRITER_NAME)
    assert written["summary"] == ENGINE_NAME

    server.requests.clear()
    assert generate("--engine", "llm", "--force", film.slug) == 0
    assert sorted(set(asked_for(server))) == sorted(WRITABLE)
    assert {authors(film)[name] for name in WRITABLE} == {WRITER_NAME}


def test_engine_llm_rewrites_an_up_to_date_offline_story_and_offline_keeps_it(
    llm_settings, server, film, capsys
):
    assert generate("--publish", film.slug) == 0
    assert Story.objects.get(film=film).engine == ENGINE_NAME
    assert not server.requests
    capsys.readouterr()

    # The plot did not change, but the story was not written by the model.
    assert generate("--engine", "llm", film.slug) == 0
    assert "1 generated" in capsys.readouterr().out
    assert Story.objects.get(film=film).engine == WRITER_NAME

    # Neither engine rebuilds it now: the written story holds the offline one.
    for flags in (("--engine", "llm"), ("--engine", "offline"), ()):
        assert generate(*flags, film.slug) == 0
        assert "0 generated" in capsys.readouterr().out
    assert Story.objects.get(film=film).engine == WRITER_NAME


def test_the_engine_named_in_the_settings_takes_sections_without_the_flag(
    settings, server, film, capsys
):
    settings.PLOTGUIDE_ENGINE = {
        "name": "llm",
        "llm_url": server.url,
        "llm_model": MODEL,
    }

    assert generate("--sections", "timeline", film.slug) == 0
    assert set(asked_for(server)) == {"timeline"}
    server.requests.clear()
    # --engine offline wins over the settings: no request reaches the model.
    assert generate("--engine", "offline", "--force", film.slug) == 0
    assert not server.requests
    assert Story.objects.get(film=film).engine == ENGINE_NAME


def test_worker_processes_build_with_the_engine_and_sections_given(
    db, llm_settings, server, capsys
):
    # Nine films make two batches, so two worker processes build them.
    films = [add_film(f"The Keeper {n}", KEEPER_PLOT) for n in range(9)]

    status = main(
        ["generate", "--all", "--engine", "llm", "--sections", "spoiler_free"]
        + ["--workers", "2", "--quiet"]
    )

    assert status == 0, capsys.readouterr().err
    for film in films:
        written = authors(film)
        assert written["spoiler_free"] == WRITER_NAME, film.title
        assert written["summary"] == written["timeline"] == ENGINE_NAME
    assert set(asked_for(server)) == {"spoiler_free"}


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--sections", "ending"], "'ending' is not a section the model writes"),
        (["--sections", "quiz,setting"], "'quiz', 'setting' are not sections"),
        (["--sections", ","], "name at least one section"),
        (["--engine", "gpt"], "invalid choice: 'gpt' (choose from 'llm', 'offline')"),
    ],
    ids=["ending", "not-written", "empty", "engine"],
)
def test_a_bad_flag_exits_2_naming_the_flag_and_the_known_names(
    llm_settings, film, flags, named, capsys
):
    with pytest.raises(SystemExit) as exit_info:
        main(["generate", "--engine", "llm", *flags, film.slug])

    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    flag = flags[0]
    assert f"argument {flag}: {named}" in err
    if flag == "--sections" and "ending" in flags[1]:
        assert (
            "the writer writes summary, timeline, characters, themes, spoiler_free"
            in err
        )
        assert "summary is the retelling and the ending explained" in err
    assert not Story.objects.exists()


def test_sections_without_the_llm_engine_is_a_usage_error(llm_settings, film, capsys):
    assert main(["generate", "--sections", "summary", film.slug]) == 2
    err = capsys.readouterr().err
    assert "plotguide generate: --sections chooses the sections the model writes" in err
    assert "the engine is 'offline'; add --engine llm" in err
    assert not Story.objects.exists()


def test_engine_llm_without_its_settings_exits_2_saying_what_to_set(
    settings, film, capsys
):
    settings.PLOTGUIDE_ENGINE = {"name": "offline", "llm_api_key": "sk-secret"}

    assert main(["generate", "--engine", "llm", film.slug]) == 2

    err = capsys.readouterr().err
    assert "plotguide generate: --engine llm needs a model server" in err
    assert "PLOTGUIDE_LLM_URL and PLOTGUIDE_LLM_MODEL are not set" in err
    assert "sk-secret" not in err
    assert not Story.objects.exists()


def test_engine_llm_with_a_url_that_is_no_address_exits_2(settings, film, capsys):
    settings.PLOTGUIDE_ENGINE = {"llm_url": "localhost:8080", "llm_model": MODEL}

    assert main(["generate", "--engine", "llm", film.slug]) == 2
    assert "--engine llm: WriterConfig.base_url is 'localhost:8080'" in (
        capsys.readouterr().err
    )
