"""Arbitrary text into the engine: a valid story or a documented error, never a crash.

test_hostile.py pins hand-picked cases; these draw plots, titles and credits
from every hostile family at once (tests/fuzzing.py) and check what every
story must satisfy: all its faithfulness checks pass, and it survives storing
as strict JSON and reading back.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from plotguide.engine import CastCredit, FilmText, PostCredits, Story
from plotguide.engine.errors import FilmTextError
from plotguide.engine.film import POST_CREDIT_KINDS
from tests.engine.plots import film
from tests.fuzzing import (
    REAL_SENTENCES,
    hostile_name,
    hostile_text,
    lone_surrogate,
    undecoded_bytes,
)

# The longest plot an importer stores (catalog.importers.records.PLOT_MAX_CHARS).
HUGE = 200_000

names = st.lists(hostile_name(), max_size=4).map(tuple)
credits = st.lists(
    st.builds(CastCredit, hostile_name(), hostile_name(), st.none() | st.integers()),
    max_size=6,
).map(tuple)
films = st.fixed_dictionaries(
    {
        "title": hostile_name(),
        "year": st.none() | st.integers(),
        "plot": hostile_text(),
    },
    optional={
        "cast": credits,
        "directors": names,
        "studios": names,
        "genres": names,
        "keywords": names,
        "post_credits": st.builds(
            PostCredits,
            st.sampled_from(POST_CREDIT_KINDS),
            hostile_text(max_fragments=3),
            hostile_text(max_fragments=1),
        ),
        # Given sentences, the engine keeps that segmentation instead of its own.
        "sentences": st.lists(hostile_text(max_fragments=3), max_size=8).map(tuple),
    },
)


TEXT_FIELDS = ("title", "plot", "cast", "directors", "keywords", "sentences")
# Checks that judge the input, not the story: credits whose characters the
# plot never names fail it by design (they may be another film's).
INPUT_CHECKS = frozenset({"credits_match_plot"})


def assert_valid_story(story: Story) -> None:
    """Every check of the sections passes, and strict JSON keeps the whole story."""
    assert story.report, "the story has no faithfulness report"
    failed = [c for c in story.failed_checks() if c.name not in INPUT_CHECKS]
    assert not failed, failed
    stored = json.dumps(story.to_dict(), allow_nan=False)
    assert Story.from_dict(json.loads(stored)) == story


@given(films)
@example({"title": "\u202e\U0001f600", "year": None, "plot": "\x00<script>x</script>"})
@example({"title": "", "year": -1, "plot": "", "directors": ("\u200f",)})
@example(
    {"title": "X", "year": None, "plot": "Walter Greaves. Walter Greaves\x7f\nAnna"}
)
def test_any_film_gives_a_valid_story_that_round_trips(engine, fields):
    assert_valid_story(engine.run(FilmText(**fields)))


@given(films, st.sampled_from(TEXT_FIELDS), lone_surrogate | undecoded_bytes)
@example({"title": "Rush", "year": None, "plot": ""}, "plot", "\udce9")
def test_a_lone_surrogate_in_any_field_is_a_film_text_error_naming_it(
    fields, name, surrogate
):
    """A str can hold them (bytes decoded with surrogateescape, JSON's
    "\\udc80"), spaCy cannot: the engine refuses them before any work."""
    value = fields.get(name, ())
    if name == "cast":
        value = (CastCredit("Imogen Hale", f"Nora {surrogate}Vance"), *value)
    elif isinstance(value, tuple):
        value = (*value, f"Anna {surrogate}")
    else:
        value += surrogate
    with pytest.raises(FilmTextError, match=f"field '{name}.*lone surrogate"):
        FilmText(**{**fields, name: value})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(3),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
people = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "actor": hostile_name() | json_values,
            "character": hostile_name() | json_values,
            "order": json_values,
        },
    )
    | json_values,
    max_size=4,
)
metas = json_values | st.fixed_dictionaries(
    {},
    optional={
        "title": hostile_name() | json_values,
        "year": st.integers()
        | st.from_regex(r"\s*[0-9]{1,6}\s*", fullmatch=True)
        | json_values,
        "cast": people | json_values,
        "directors": st.lists(hostile_name(), max_size=3) | json_values,
        "genres": st.lists(hostile_name(), max_size=3) | json_values,
        "post_credits": st.fixed_dictionaries(
            {"kind": st.sampled_from(POST_CREDIT_KINDS) | json_values},
            optional={"description": json_values, "source": json_values},
        )
        | json_values,
    },
)


@given(hostile_text(), metas)
@example("Anna finds a key.", {"title": "Rush", "year": " 1991 ", "cast": [{}]})
@example("Anna finds a key.", {"title": "Rush", "year": "0\x1f"})
@example("Anna finds a key.", {"title": "Rush", "year": "\u00b2"})
@example("Anna finds a key.", {"title": "Rush", "genres": True})
def test_any_meta_json_gives_a_valid_story_or_names_the_bad_field(engine, plot, meta):
    """What `plotguide story PLOT --meta META.json` reads: a bad META.json is a
    FilmTextError saying which field (exit status 2 at the command line)."""
    try:
        film_text = FilmText.from_meta(plot, meta)
    except FilmTextError as exc:
        assert "META.json" in str(exc)
        return
    assert_valid_story(engine.run(film_text))


@given(st.lists(hostile_text(4), max_size=6), st.sampled_from(REAL_SENTENCES))
@settings(max_examples=1)
def test_a_200000_character_hostile_plot_gives_a_valid_story(engine, pieces, real):
    """One example: the engine cuts the plot, and the parse alone takes seconds."""
    chunk = "\n".join([*pieces, real])
    plot = (chunk * (HUGE // len(chunk) + 1))[:HUGE]
    story = engine.run(film(plot))
    assert_valid_story(story)
    assert sum(len(s.text) for s in story.sentences) <= engine.config.max_plot_chars
