"""A real engine and a real database for the stories app's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    CreditRecord,
    FilmRecord,
    Location,
)
from plotguide.catalog.models import Film
from plotguide.catalog.services import import_records
from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.stories.services import build_stories
from tests.engine.writer.server import ChatServer

KEEPER_PLOT = (
    "Mara Quill is a lighthouse keeper on the island of Skerry in 1953. "
    "A storm wrecks a cargo ship, and Mara rescues a sailor named Tobias Wren. "
    "Tobias tells Mara that the ship carried stolen gold for a smuggler, Edgar Holt. "
    "Holt arrives on Skerry and offers Mara money to hide the gold. "
    "Mara refuses and hides Tobias in the lighthouse. "
    "Holt burns Mara's boat so that nobody can leave the island. "
    "Tobias steals the gold and tries to escape alone. "
    "Mara follows Tobias to the cliffs and persuades him to return the gold. "
    "Holt attacks them on the cliffs, and Tobias falls into the sea. "
    "Mara signals a navy patrol with the lighthouse lamp. "
    "The navy arrests Holt, and Mara keeps the lighthouse running alone."
)
KEEPER_CREDITS = (
    CreditRecord("Jo Bell", DIRECTOR),
    CreditRecord("Ada Lin", CAST, "Mara Quill", 0),
    CreditRecord("Ben Roe", CAST, "Tobias Wren", 1),
    CreditRecord("Cal Pike", CAST, "Edgar Holt", 2),
)


@pytest.fixture(scope="session")
def engine() -> OfflineEngine:
    return OfflineEngine(EngineConfig())


def add_film(title: str, plot: str, credits=KEEPER_CREDITS, year: int = 2011) -> Film:
    record = FilmRecord(
        source="test",
        location=Location("test", 1),
        title=title,
        year=year,
        plot=plot,
        credits=credits,
    )
    import_records([record])
    return Film.objects.get(title=title, year=year)


def build(engine: OfflineEngine, *films: Film, **options):
    queryset = Film.objects.filter(pk__in=[f.pk for f in films])
    return build_stories(queryset, engine=engine, **options)


@pytest.fixture
def keeper(db, engine) -> Film:
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    build(engine, film, publish=True)
    return Film.objects.select_related("story").get(pk=film.pk)


MODEL = "test-model"


@pytest.fixture
def server() -> Iterator[ChatServer]:
    """A real OpenAI-compatible server on loopback that answers as told."""
    running = ChatServer().start()
    yield running
    running.stop()


@pytest.fixture
def llm_settings(settings, server):
    """The settings of an operator whose model server is up (engine: offline)."""
    settings.PLOTGUIDE_ENGINE = {
        "name": "offline",
        "llm_url": server.url,
        "llm_model": MODEL,
        "llm_api_key": "sk-secret",
    }
    return settings
