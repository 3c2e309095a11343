"""Themes: from the taxonomy, named by the film's metadata, told by its moments."""

from plotguide.engine.themes import matches_tag, taxonomy
from tests.engine.plots import film


def test_taxonomy_has_at_least_sixty_themes_with_emoji_and_triggers():
    themes = taxonomy()
    assert len(themes) >= 60
    assert len({t.id for t in themes}) == len(themes)
    assert all(t.emoji and t.meaning and t.triggers for t in themes)


def test_each_theme_is_carried_by_two_moments_and_named_by_the_metadata(harbor):
    assert 1 <= len(harbor.themes) <= 5
    assert "police" in [t.id for t in harbor.themes]
    tags = [t.lower() for t in harbor_tags()]
    for theme in harbor.themes:
        entry = next(e for e in taxonomy() if e.id == theme.id)
        assert any(matches_tag(tag, entry) for tag in tags)
        told = theme.paragraph[-1]
        assert len(told.sources) >= 2
        assert theme.meaning not in " ".join(line.text for line in theme.paragraph)


def harbor_tags():
    from tests.engine.plots import HARBOR

    return HARBOR.keywords + HARBOR.genres


ROMANCE_PLOT = (
    "Anna meets Tom at a dance and falls in love with him. "
    "Tom proposes to Anna on the bridge. "
    "Anna's father disapproves of the romance. "
    "They marry in secret and run away to the coast."
)


def test_a_theme_the_films_keywords_and_genres_do_not_name_is_left_out(engine):
    with_tags = engine.run(film(ROMANCE_PLOT, genres=("Romance",)))
    without = engine.run(film(ROMANCE_PLOT, genres=("Western",), keywords=("horse",)))
    assert "first_love" in [t.id for t in with_tags.themes]
    assert "first_love" not in [t.id for t in without.themes]


def test_a_word_inside_a_name_carries_no_theme(engine):
    plot = (
        'Harry finds a book signed by the "Half-Blood Prince." '
        "The Half-Blood Prince wrote notes in the margins. "
        "Harry follows the notes in class. "
        "Harry learns who the Half-Blood Prince is."
    )
    story = engine.run(film(plot, keywords=("werewolf",)))
    assert "vampires" not in [t.id for t in story.themes]


def test_a_theme_paragraph_retells_its_moments_in_plot_order(engine):
    story = engine.run(film(ROMANCE_PLOT, genres=("Romance",)))
    [theme] = [t for t in story.themes if t.id == "first_love"]
    told = theme.paragraph[-1]
    assert list(told.sources) == sorted(told.sources)
    first, second = told.sources[:2]
    # Moments side by side in the plot need no "Later,".
    assert ("Later, " in told.text) == (second > first + 1)


def test_with_genres_alone_a_theme_bound_to_a_kind_of_film_needs_that_kind(engine):
    plot = (
        "A vampire bites the mayor at the ball. "
        "Anna hunts the vampire through the town. "
        "The vampire bites Anna's brother. "
        "Anna drives a stake into the vampire."
    )
    horror = engine.run(film(plot, genres=("Horror",)))
    drama = engine.run(film(plot, genres=("Drama",)))
    assert "vampires" in [t.id for t in horror.themes]
    assert "vampires" not in [t.id for t in drama.themes]


def test_care_for_an_autistic_brother_is_not_madness(engine):
    plot = (
        "Charlie learns that the money goes to a mental institution. "
        "His autistic brother Raymond lives at the mental institution. "
        "A psychiatrist asks Raymond what he wants. "
        "The psychiatrist presses Raymond to decide, upsetting him. "
        "Charlie takes Raymond on a trip across the country."
    )
    story = engine.run(film(plot, keywords=("autism", "psychiatrist", "savant")))
    assert "madness" not in [t.id for t in story.themes]


def test_a_mind_coming_apart_is_madness(engine):
    plot = (
        "Jack grows paranoid in the empty hotel. "
        "His madness deepens as the winter goes on. "
        "Wendy finds pages of the same sentence and sees that he is insane. "
        "Jack chases his family through the hotel."
    )
    story = engine.run(film(plot, keywords=("insanity", "hotel")))
    assert "madness" in [t.id for t in story.themes]


def test_a_bank_in_the_story_is_no_heist(engine):
    # It's a Wonderful Life: George runs a building and loan; Potter owns the bank.
    plot = (
        "George runs the Building and Loan in Bedford Falls. "
        "Uncle Billy goes to Potter's bank to deposit $8,000. "
        "Potter keeps the money he finds at the bank. "
        "A bank examiner arrives to inspect the Building and Loan. "
        "The town's people bring George their savings."
    )
    story = engine.run(film(plot, keywords=("bank", "christmas", "small town")))
    assert "heist" not in [t.id for t in story.themes]


def test_an_army_attacking_is_no_terror_and_working_together_no_career(engine):
    plot = (
        "Gollum attacks Frodo and Sam in the night. "
        "Saruman's army attacks Helm's Deep at night. "
        "The orcs attack the fortress again at dawn. "
        "Aragorn and Legolas work together to hold the wall. "
        "The elves work with the men of Rohan. "
        "Gandalf sets fire to the gate."
    )
    story = engine.run(film(plot, keywords=("attack", "army", "fire")))
    ids = [t.id for t in story.themes]
    assert "terrorism" not in ids and "work" not in ids


def test_a_theme_the_plot_carries_throughout_needs_no_keyword(engine):
    # No Country for Old Men: its keywords name no theme, its plot is violence.
    plot = (
        "Llewelyn finds a gun beside a dead man in the desert. "
        "Chigurh kills a deputy with his handcuffs. "
        "Blood covers the floor of the motel room. "
        "Chigurh shoots the hotel clerk with a silenced shotgun. "
        "Carson Wells is killed by Chigurh in a hotel room. "
        "The sheriff reflects on the violence of the border."
    )
    keywords = ("drug traffic", "hitman", "texas")
    story = engine.run(film(plot, keywords=keywords))
    assert "violence" in [t.id for t in story.themes]
    thin = engine.run(film(" ".join(plot.split(". ")[:3]) + ".", keywords=keywords))
    assert "violence" not in [t.id for t in thin.themes]


def test_a_theme_with_one_moment_to_retell_says_so(engine):
    plot = (
        "Anna meets Tom at a dance and falls in love with him. "
        "This love, Anna's father says, will not last. "
        "Tom leaves for the war."
    )
    story = engine.run(film(plot, genres=("Romance",)))
    [theme] = [t for t in story.themes if t.id == "first_love"]
    assert "one moment carries it" in theme.paragraph[0].text
    assert theme.paragraph[-1].text.startswith("Anna meets Tom")
    assert all(check.passed for check in story.report)


def test_a_characters_name_that_is_a_word_carries_no_theme(engine):
    # Dirty Dancing had "Parenthood" from its heroine's nickname, Baby.
    plot = (
        'Frances "Baby" Houseman spends the summer at a resort with her family. '
        "Baby develops a crush on the dance instructor Johnny. "
        "Baby learns to dance with Johnny for the show. "
        "Baby defies her father and visits Johnny."
    )
    story = engine.run(film(plot, keywords=("baby", "dance")))
    assert "parenthood" not in [t.id for t in story.themes]


def test_falling_ill_or_into_a_river_is_no_romance_but_falling_in_love_is(engine):
    # Airplane!: "Many of the passengers fall ill" was its romance's moment.
    falls = (
        "Many of the passengers fall ill after the fish dinner. "
        "Phoebus falls into a river during the fight. "
        "Frollo falls from the balcony. "
        "Ted flies the plane through the storm."
    )
    ids = [t.id for t in engine.run(film(falls, keywords=("romance",))).themes]
    assert "first_love" not in ids
    love = (
        "Anakin falls in love with Padme on Naboo. "
        "Ted falls for Elaine again during the flight. "
        "Ted flies the plane through the storm."
    )
    ids = [t.id for t in engine.run(film(love, keywords=("romance",))).themes]
    assert "first_love" in ids
