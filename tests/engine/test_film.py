"""FilmText, the engine's input: checked fields, errors that name them."""

import pytest

from plotguide.engine import CastCredit, FilmText, FilmTextError, PostCredits


def test_post_credits_kind_is_checked():
    with pytest.raises(FilmTextError, match="post_credits.kind is 'later'"):
        PostCredits("later")
    assert FilmText("A", None, "", post_credits=PostCredits("both")).post_credits


def test_from_meta_builds_a_film():
    meta = {
        "title": "Rush",
        "year": 1991,
        "cast": [{"actor": "Jason Patric", "character": "Jim Raynor"}],
        "genres": ["Crime"],
        "post_credits": {"kind": "none", "description": "", "source": "x"},
    }
    film_text = FilmText.from_meta("Raynor works undercover.", meta)
    assert film_text.cast == (CastCredit("Jason Patric", "Jim Raynor", 0),)
    assert film_text.year == 1991
    assert film_text.post_credits.kind == "none"


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({}, "field 'title' is missing"),
        ({"title": "Rush", "year": "soon"}, "field 'year' is 'soon'"),
        ({"title": "Rush", "cast": "Jason Patric"}, "field 'cast' must be a list"),
        ({"title": "Rush", "genres": "Crime"}, "field 'genres' must be a list"),
        ({"title": "Rush", "post_credits": {"kind": "maybe"}}, "post_credits.kind"),
    ],
)
def test_from_meta_names_the_bad_field(meta, message):
    with pytest.raises(FilmTextError, match=message):
        FilmText.from_meta("A plot.", meta)


def test_film_text_rejects_a_wrong_type():
    with pytest.raises(FilmTextError, match="field 'plot' must be a string"):
        FilmText("Rush", 1991, None)
