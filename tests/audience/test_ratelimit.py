"""The shared fixed-window rate limit."""

from __future__ import annotations

import pytest

from django.core.cache import cache

from plotguide.audience.ratelimit import hit


@pytest.fixture(autouse=True)
def limits(settings):
    cache.clear()
    settings.PLOTGUIDE_RATE_LIMITS = {"form": (2, 60)}
    yield
    cache.clear()


def test_the_request_past_the_limit_is_refused_with_a_wait():
    verdicts = [hit("form", "1.2.3.4", now=1000.0) for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    assert verdicts[2].retry_after == 20


def test_the_next_window_starts_afresh_and_clients_count_apart():
    for _ in range(3):
        hit("form", "1.2.3.4", now=1000.0)
    assert hit("form", "5.6.7.8", now=1000.0).allowed
    assert hit("form", "1.2.3.4", now=1021.0).allowed


def test_a_scope_without_a_limit_is_never_refused():
    assert all(hit("other", "1.2.3.4").allowed for _ in range(50))


def test_the_address_never_appears_in_a_cache_key():
    hit("form", "198.51.100.7", now=1000.0)
    keys = list(getattr(cache, "_cache", {}).keys()) or []
    assert not any("198.51.100.7" in str(key) for key in keys)
