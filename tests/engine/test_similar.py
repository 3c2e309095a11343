"""Similar films rank stories close in meaning first and give reasons that are true."""

import re

import pytest

from plotguide.engine import similar_films
from plotguide.engine.encoder import Encoder, fetch_model
from plotguide.engine.similar import Profile, Weights, premise_words, story_profile
from plotguide.engine.vector import embed_stories
from plotguide.paths import cache_dir
from tests.engine.plots import film

# The same kind of story as The Harbor Ledger told in other words, with no
# director, actor, genre or keyword in common.
PORT_PLOT = (
    "Inspector Ray Moss is a tired homicide detective in a fishing port. "
    "A trawlerman is found dead in the water, and Moss suspects a local "
    "businessman, Hugo Brandt. "
    "Moss learns that Brandt pays officials to smuggle stolen goods through the "
    "quay. "
    "His own superintendent, Arthur Pell, warns him to close the case. "
    "Moss finds Brandt's account book in a locker at the fish market. "
    "Pell kills Brandt before he can talk. "
    "Moss arrests Pell at the quay after a chase. "
    "Pell admits that he killed the trawlerman to protect the smugglers."
)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(fetch_model(cache_dir()))


@pytest.fixture(scope="module")
def port(engine):
    return engine.run(film(PORT_PLOT, title="Quay Side", directors=("Lou Brae",)))


def test_the_story_closest_in_meaning_ranks_first(encoder, harbor, garden, port):
    """The Glasshouse shares the director; the port story shares the story."""
    vectors = embed_stories(encoder.encode, [harbor, garden, port])
    target, glasshouse, quay = (
        story_profile(s, v)
        for s, v in zip([harbor, garden, port], vectors, strict=True)
    )
    results = similar_films(target, [("garden", glasshouse), ("port", quay)])
    assert [key for key, _, _ in results] == ["port", "garden"]
    assert 0 < results[1][1] < results[0][1] <= 1
    assert results[1][2][0] == "same director: Ada Linwood"


def test_premise_words_are_shared_common_words_of_the_spoiler_free_lines(harbor, port):
    words = premise_words(harbor)
    assert "detective" in words
    assert not {"vance", "Vance", "nora", "the"} & set(words)
    assert "detective" in premise_words(port)


def test_reasons_name_only_what_both_films_have():
    bond = Profile(
        "Casino Royale",
        genres=("Action", "Adventure", "Thriller"),
        keywords=("spy", "casino", "poker", "terrorist"),
        directors=("Martin Campbell",),
        cast=("Daniel Craig", "Eva Green", "Judi Dench"),
        characters=("James Bond", "Le Chiffre"),
        premise=("agent", "licence", "banker"),
    )
    sequel = Profile(
        "Quantum of Solace",
        genres=("Action", "Adventure", "Thriller", "Crime"),
        keywords=("spy", "revenge", "terrorist"),
        directors=("Marc Forster",),
        cast=("Daniel Craig", "Olga Kurylenko", "Judi Dench"),
        characters=("James Bond", "Dominic Greene"),
        premise=("agent", "revenge"),
    )
    princess = Profile(
        "Princess Protection Program",
        genres=("Family", "Comedy"),
        keywords=("princess",),
        cast=("Selena Gomez",),
        characters=("Carter Mason",),
        premise=("princess", "agent"),
    )
    results = similar_films(bond, [("sequel", sequel), ("princess", princess)])
    assert [key for key, _, _ in results] == ["sequel", "princess"]
    assert results[0][2] == (
        "both follow James Bond",
        "both star Daniel Craig and Judi Dench",
        "keywords: spy and terrorist",
    )
    assert results[1][2] == ()  # "agent" is in every premise here: says nothing
    metadata_only = Weights(text=0.0, genres=0.2, keywords=0.4, directors=0.2, cast=0.2)
    assert similar_films(bond, [("sequel", sequel)], weights=metadata_only)[0][1] > 0
    assert similar_films(bond, [("sequel", sequel)], limit=0) == []


def test_the_text_compared_by_meaning_names_no_character(harbor):
    """Names weigh much in an embedding: Harry Potter's nearest was Harry Brown."""
    from plotguide.engine.vector import NAMELESS, nameless_sentences

    text = " ".join(
        nameless_sentences([s.text for s in harbor.sentences], harbor.characters)
    )
    names = {w for c in harbor.characters for w in c.name.split() if len(w) > 1}
    assert names and not any(re.search(rf"\b{name}\b", text) for name in names)
    assert NAMELESS in text


def test_one_shared_premise_word_is_no_reason():
    # "Both premises mention 'office'" read as a reason two films are alike.
    def film(title, premise):
        return Profile(title, premise=premise)

    clerk = film("Clerk", ("office", "clerk", "boss"))
    others = [
        ("dentist", film("Dentist", ("office", "tooth", "patient"))),
        ("harbour", film("Harbour", ("lighthouse", "island", "keeper"))),
        ("keeper", film("Keeper", ("lighthouse", "island", "storm"))),
        ("farm", film("Farm", ("farm", "barn", "tractor"))),
    ]
    reasons = dict((key, why) for key, _, why in similar_films(clerk, others))
    assert reasons["dentist"] == ()
    pair = similar_films(others[1][1], others[2:])
    assert pair[0][2] == ('both premises mention "island" and "lighthouse"',)
