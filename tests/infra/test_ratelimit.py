"""The shared fixed-window rate limit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from django.core.cache import cache

from plotguide.infra.ratelimit import hit


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


def test_the_address_is_counted_under_its_digest_never_in_clear():
    hit("form", "198.51.100.7", now=1000.0)
    window_start = int(1000.0 // 60 * 60)
    digest = hashlib.sha256(b"198.51.100.7").hexdigest()[:24]
    assert cache.get(f"ratelimit:form:{window_start}:{digest}") == 1
    assert cache.get(f"ratelimit:form:{window_start}:198.51.100.7") is None
    stored = b"".join(path.read_bytes() for path in Path(cache._dir).glob("*"))
    assert b"198.51.100.7" not in stored
