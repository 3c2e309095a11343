"""The in-process copy keeps the values used last and forgets the oldest."""

from __future__ import annotations

from plotguide.infra.caching import RecentValues


def test_the_value_used_longest_ago_is_forgotten_first():
    recent = RecentValues(2)
    recent.put("film:rush:1", b"rush")
    recent.put("film:jaws:1", b"jaws")
    assert recent.get("film:rush:1") == b"rush"
    recent.put("film:heat:1", b"heat")
    assert recent.get("film:jaws:1") is None
    assert (recent.get("film:rush:1"), recent.get("film:heat:1")) == (b"rush", b"heat")


def test_clear_forgets_everything():
    recent = RecentValues(4)
    recent.put("hubs:1", b"home")
    recent.clear()
    assert recent.get("hubs:1") is None
