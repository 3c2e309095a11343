"""The film page keeps the reader's choice in what it says about other films."""

from __future__ import annotations

import pytest

from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.spoilers import cutoff, parse_mode

pytestmark = pytest.mark.django_db


def test_a_similar_films_reason_naming_a_character_met_later_is_left_out(client, rush):
    data = Story.objects.get(film=rush).sections
    last = cutoff(data, parse_mode("none"))
    late = next(c["name"] for c in data["characters"] if min(c["mentions"]) > last)
    SimilarFilm.objects.filter(story__film=rush).update(
        reasons=[f"both follow {late}", "corruption"]
    )
    hidden = client.get(rush.get_absolute_url() + "?spoilers=none").content.decode()
    shown = client.get(rush.get_absolute_url() + "?spoilers=all").content.decode()
    assert f"Both follow {late}" not in hidden
    assert "Corruption" in hidden
    assert f"Both follow {late}, corruption" in shown
