"""Keys and slugs of titles and names: the same whichever way a name is spelt out."""

from __future__ import annotations

import pytest

from django.utils.text import slugify

from plotguide.catalog.naming import base_slug, studio_key, title_key

# Plain names (ASCII letters, digits, spaces) with the spacing files really have.
SPACED = ["Sam  Worthington", " Sam Worthington", "Sam Worthington  ", "1917", "A 2 Z"]


def test_a_name_spaced_oddly_keys_like_the_name_spelt_with_punctuation():
    assert title_key("Sam  Worthington ") == "sam worthington"
    assert title_key("Sam Worthington.") == title_key(" Sam  Worthington")
    assert title_key("Såm Worthington") == title_key("Sam Worthington")
    assert title_key("Fast & Furious") == title_key("Fast and  Furious")


@pytest.mark.parametrize("name", SPACED)
def test_a_plain_names_slug_is_djangos(name):
    assert base_slug(name) == slugify(name)


def test_a_plain_title_with_a_year_reads_as_its_words_and_year():
    assert base_slug(" 2 Fast  2 Furious ", 2003) == "2-fast-2-furious-2003"
    assert base_slug("   ") == "untitled"


def test_a_studio_spaced_oddly_is_the_same_studio():
    assert studio_key("Warner  Bros  Pictures") == studio_key("Warner Bros. Pictures")
