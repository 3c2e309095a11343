"""One Chromium for the whole run, driving the site on pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.conftest import empty_cache, real_films, rush, stories  # noqa: F401

CHROMIUM = Path("/usr/bin/chromium")
AXE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "plotguide/npm/node_modules/axe-core/axe.min.js"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's Chromium is missing at /usr/bin/chromium; "
            "scripts/test.sh installs it (apt-get install -y chromium)."
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop in this thread; Django's
    # database calls from test code then need this switch (tests only).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh light-scheme desktop tab; `page.site` is the live server's address."""
    context = browser.new_context(
        base_url=live_server.url,
        color_scheme="light",
        viewport={"width": 1280, "height": 900},
    )
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing at {AXE}; run scripts/test.sh, or "
            "npm install --prefix ~/.cache/plotguide/npm axe-core"
        )
    return AXE.read_text()


@pytest.fixture
def check_accessibility(axe_source):
    """Run axe-core on the open page and fail on serious or critical violations."""

    def check(tab) -> None:
        tab.add_script_tag(content=axe_source)
        violations = tab.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']}))"
            ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
        )
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{tab.url}: {serious}"

    return check
