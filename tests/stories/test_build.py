"""Queued story builds behave the same on the database queue and under Celery.

Each case runs twice, as an operator deploys Plotguide: separate processes on
one database, with `plotguide work` draining the database queue, or a real
Celery worker taking builds from a real Redis. The database is SQLite, or a
fresh PostgreSQL database under scripts/postgres.sh.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid

import pytest

from tests.processes import children, free_port, wait_for_port
from tests.stories.deployments import REDIS, Deployment

ADD_FILM = """
from tests.stories.conftest import KEEPER_PLOT, add_film
from plotguide.catalog.importers.records import CAST, CreditRecord
from plotguide.audience.services import request_summary
"""


@pytest.fixture
def redis_url(tmp_path):
    if REDIS is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs it)")
    port = free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    wait_for_port(port)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture
def database_url():
    """A new empty PostgreSQL database when the run has one, else SQLite ("")."""
    server = os.environ.get("PLOTGUIDE_DATABASE_URL", "")
    if not server:
        yield ""
        return
    import psycopg

    name = f"plotguide_build_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    base, _, query = server.partition("?")
    yield f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["database queue", "celery"])
def deployment(request, tmp_path, database_url):
    broker = request.getfixturevalue("redis_url") if request.param == "celery" else ""
    found = Deployment(tmp_path, broker, database_url)
    found.python("")  # the schema, before two processes race to make it
    yield found
    found.stop_worker()


def test_regenerate_rebuilds_a_story_whose_plot_did_not_change(deployment):
    deployment.python(
        ADD_FILM
        + """
from plotguide.stories.services import build_stories
film = add_film("The Keeper of Skerry", KEEPER_PLOT)
build_stories(Film.objects.filter(pk=film.pk), publish=True)
stale = {**Story.objects.get(film=film).data, "title": "Stale title"}
Story.objects.filter(film=film).update(data=stale)
"""
    )
    deployment.start_worker()
    answer = deployment.python(
        """
from django.contrib.auth.models import User
from django.test import Client
client = Client()
client.force_login(User.objects.create_superuser("editor", "e@example.com", "pw"))
story = Story.objects.get(film__title="The Keeper of Skerry")
response = client.post(
    "/admin/stories/story/",
    {"action": "regenerate", "_selected_action": [story.pk]},
    follow=True,
)
print(json.dumps([response.status_code, "1 story builds queued" in response.text]))
"""
    )
    assert answer == [200, True]
    rebuilt, finished = deployment.python(
        """
title = "The Keeper of Skerry"
wait(lambda: story(title)["title"] != "Stale title")
print(json.dumps([story(title), job(title)]))
"""
    )
    assert rebuilt["title"] == "The Keeper of Skerry", deployment.worker_log()
    assert rebuilt["status"] == "published"
    assert finished == {"status": "done", "error": ""}


def test_a_story_that_fails_a_check_stays_a_whole_draft_for_editors(deployment):
    deployment.start_worker()
    story, finished, request = deployment.python(
        ADD_FILM
        + """
credits = (
    CreditRecord("Zed Ash", CAST, "Johnny Utah", 0),
    CreditRecord("Kim Ng", CAST, "Bodhi Salver", 1),
    CreditRecord("Lou Fry", CAST, "Angelo Pappas", 2),
)
add_film("Borrowed Credits", KEEPER_PLOT, credits=credits)
request_summary("Borrowed Credits", 2011, email="reader@example.com")
wait(lambda: request_status("Borrowed Credits") != "queued")
print(json.dumps([story("Borrowed Credits"), job("Borrowed Credits"),
                  request_status("Borrowed Credits")]))
"""
    )
    assert story is not None, deployment.worker_log()
    assert (story["status"], story["is_faithful"]) == ("draft", False)
    assert {"timeline", "characters", "summary", "quiz"} <= set(story["sections"])
    assert finished == {
        "status": "failed",
        "error": "the story failed a faithfulness check; an editor reviews it",
    }
    assert request == "new"


def test_a_build_the_engine_refuses_writes_nothing(deployment):
    deployment.start_worker()
    story, finished, request = deployment.python(
        ADD_FILM
        + """
from plotguide.catalog.models import PostCredits
film = add_film("Odd Credits", KEEPER_PLOT)
PostCredits.objects.create(film=film, kind="sometimes")
request_summary("Odd Credits", 2011)
wait(lambda: request_status("Odd Credits") != "queued")
print(json.dumps([story("Odd Credits"), job("Odd Credits"),
                  request_status("Odd Credits")]))
"""
    )
    assert story is None
    assert finished["status"] == "failed", deployment.worker_log()
    assert "post_credits.kind is 'sometimes'" in finished["error"]
    assert request == "new"


TITLES = ["Skerry One", "Skerry Two", "Skerry Three"]


def queue_long_builds(deployment: Deployment) -> None:
    """Readers ask for three films whose builds are long enough to kill."""
    deployment.python(
        ADD_FILM
        + f"""
for title in {TITLES!r}:
    add_film(title, " ".join([KEEPER_PLOT] * 20))
    request_summary(title, 2011)
"""
    )


def wait_for_a_delivery(deployment: Deployment) -> None:
    """Wait until the Celery worker has taken a build from Redis."""
    deadline = time.monotonic() + 60
    while "received" not in deployment.worker_log():
        assert time.monotonic() < deadline, deployment.worker_log()
        time.sleep(0.1)


def outcomes(deployment: Deployment, seconds: int = 180) -> list:
    """Wait until every request is published; return [request, job] each."""
    return deployment.python(
        f"""
titles = {TITLES!r}
wait(lambda: all(request_status(t) == "published" for t in titles), {seconds})
print(json.dumps([[request_status(t), job(t)["status"]] for t in titles]))
"""
    )


def test_a_builder_killed_mid_build_loses_no_build_and_leaves_no_half_story(
    deployment,
):
    queue_long_builds(deployment)
    deployment.start_worker()
    if deployment.uses_celery:
        wait_for_a_delivery(deployment)
    time.sleep(3)
    victim = deployment.building_process()
    subprocess.run(["kill", "-KILL", str(victim)], check=True)
    stories = deployment.python(f"print(json.dumps([story(t) for t in {TITLES!r}]))")
    for found in filter(None, stories):
        assert {"timeline", "characters", "summary", "quiz"} <= set(found["sections"])
    if not deployment.uses_celery:
        deployment.worker.wait(timeout=10)
        deployment.start_worker()
    assert outcomes(deployment) == [["published", "done"]] * 3, deployment.worker_log()
    assert deployment.worker.poll() is None


def test_a_worker_killed_whole_hands_its_build_to_the_next_worker(
    tmp_path, redis_url, database_url
):
    """A worker lost with its machine (its main process and its pool killed at
    once, so nothing hands the build back) loses no build: the next worker
    takes it once the redelivery time has passed, not an hour later."""
    deployment = Deployment(tmp_path, redis_url, database_url)
    deployment.environment["PLOTGUIDE_BUILD_REDELIVERY_SECONDS"] = "5"
    queue_long_builds(deployment)
    deployment.start_worker()
    try:
        wait_for_a_delivery(deployment)
        time.sleep(2)
        pool = children(deployment.worker.pid)
        for pid in [deployment.worker.pid, *pool]:
            os.kill(pid, signal.SIGKILL)
        deployment.worker.wait(timeout=10)
        deployment.start_worker()
        found = outcomes(deployment, seconds=90)
    finally:
        deployment.stop_worker()
    assert found == [["published", "done"]] * 3, deployment.worker_log()
