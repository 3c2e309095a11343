from plotguide.engine import CastCredit, FilmText, PostCredits
from plotguide.engine.themes import matches_tag, taxonomy
from tests.engine.plots import film


def test_setting_gives_locations_with_evidence(harbor):
    values = [item.value for item in harbor.setting.locations]
    assert "Maine" in values
    for item in harbor.setting.locations:
        assert item.value in harbor.sentences[item.sources[0]].text


def test_setting_says_not_stated_rather_than_guessing_the_year(harbor):
    assert harbor.setting.time_period.value == "not stated"
    assert harbor.setting.time_period.sources == ()


def test_setting_reads_a_stated_period(engine):
    story = engine.run(film("In 1944, Anna hides a pilot in her barn in Normandy."))
    assert story.setting.time_period.value == "1944"


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


def test_quiz_answers_are_stated_by_their_cited_sentence(harbor, garden):
    for story in (harbor, garden):
        assert len(story.quiz.questions) >= 8
        for question in story.quiz.questions:
            answer = question.options[question.answer]
            cited = " ".join(story.sentences[i].text for i in question.sources)
            assert answer in cited
            assert len(set(question.options)) == 4


def test_quiz_distractors_are_of_the_same_kind(harbor):
    characters = {c.name for c in harbor.characters} | {
        a for c in harbor.characters for a in c.aliases
    }
    for question in harbor.quiz.questions:
        if question.kind == "character":
            assert set(question.options) <= characters


def test_a_tiny_plot_gets_a_short_honest_quiz(engine):
    story = engine.run(film("Anna finds a key."))
    assert len(story.quiz.questions) < 8
    assert "supports" in story.quiz.note


def test_after_credits_comes_from_metadata_first(garden):
    assert garden.after_credits.kind == "none"
    assert garden.after_credits.source == "example.org"


def test_after_credits_comes_from_the_plot_when_it_mentions_a_scene(harbor):
    assert harbor.after_credits.kind == "mid"
    assert harbor.after_credits.sources == (18,)


def test_after_credits_is_not_known_otherwise(engine):
    story = engine.run(film("Anna finds a key. She opens the door."))
    assert story.after_credits.kind == "unknown"
    assert story.after_credits.text == "not known yet"


def test_post_credits_kind_is_checked():
    import pytest

    from plotguide.engine import FilmTextError

    with pytest.raises(FilmTextError, match="post_credits.kind is 'later'"):
        PostCredits("later")
    assert FilmText("A", None, "", post_credits=PostCredits("both")).post_credits


def test_an_eleven_sentence_plot_gets_a_full_quiz(engine):
    plot = (
        "Mara Quill is a lighthouse keeper on the island of Skerry in 1953. "
        "Her brother Tobias Quill works the ferry to Port Ellen. "
        "One winter night a stranger named Holt arrives on Skerry with a chest. "
        "Holt pays Mara to hide the chest in the lighthouse. "
        "Tobias tells Mara that the chest holds gold from the Port Ellen bank. "
        "Mara refuses to give the chest to the police. "
        "At the warehouse, Tobias meets Holt and demands a share of the gold. "
        "Holt threatens Tobias with a pistol. "
        "Mara signals the mainland with the lighthouse lamp. "
        "The police arrest Holt at the harbour of Port Ellen. "
        "Tobias reveals the stolen gold to the inspector."
    )
    cast = (
        CastCredit("Ann Bell", "Mara Quill"),
        CastCredit("Bo Cole", "Tobias Quill"),
        CastCredit("Carl Dunn", "Holt"),
    )
    story = engine.run(film(plot, cast=cast))
    assert len(story.quiz.questions) >= 8
    assert all(len(q.options) == 4 for q in story.quiz.questions)
    assert next(c for c in story.report if c.name == "quiz_answers").passed


def test_a_where_question_asks_for_the_place_its_sentence_states(engine):
    from plotguide.engine.doc import Entity, Sentence
    from plotguide.engine.parsing import to_paragraph
    from plotguide.engine.places import named_places
    from plotguide.engine.quiz import _where_question
    from plotguide.engine.story import Character

    text = "Raynor meets Cates in Tyler."
    doc = engine.nlp(text)
    tokens = to_paragraph(doc, whole=True)[0]
    entities = tuple(Entity(e.label_, e.start, e.end, e.text) for e in doc.ents)
    sentence = Sentence(0, 0, text, tokens, entities)
    raynor = Character("Raynor", (), "protagonist", 1.0, (0,))
    here = named_places((sentence,), (raynor,))
    question = _where_question(
        sentence, [(raynor, "Raynor")], here, ("Tyler", "Dallas")
    )
    assert question.question == "Where does Raynor meet Cates?"
    assert question.answer == "Tyler"
    assert question.pool[0] == "Dallas"


def test_places_leave_out_characters_the_title_and_lone_first_words(engine):
    plot = (
        "Story begins in New York City's tunnels. "
        "Jericho Butler hunts the C.H.U.D.s on Mars."
    )
    cast = (CastCredit("Someone", "Jericho Butler", 0),)
    story = engine.run(film(plot, title="C.H.U.D.", cast=cast))
    places = [item.value for item in story.setting.locations]
    assert "New York City" in places
    assert not {"Story", "Jericho Butler", "C.H.U.D.s", "New York City's"} & set(places)


def test_a_place_is_only_where_the_plot_puts_someone(engine):
    plot = (
        "Harry returns to Hogwarts and meets Dumbledore in the Astronomy Tower. "
        "Ron becomes the Keeper of the Gryffindor Quidditch team. "
        "Harry learns that Voldemort wanted seven Horcruxes. "
        "Voldemort tells Snape to watch Harry. "
        "Dumbledore defends Harry from a horde of Inferi in the cave. "
        "Harry and Ron meet Draco in Borgin and Burkes."
    )
    story = engine.run(film(plot))
    places = {item.value for item in story.setting.locations}
    assert not places & {"Voldemort", "Borgin", "Inferi", "Gryffindor Quidditch"}
    assert not any("Keeper" in place for place in places)


def test_a_quiz_blank_is_never_a_word_that_belongs_to_its_verb(engine):
    plot = (
        "The attack took place after the party. "
        "Mandrake forces his way into Ripper's office. "
        "Ripper takes care of the base. "
        "Mandrake takes part in the search. "
        "Voldemort tightens his grip on the school."
    )
    story = engine.run(film(plot))
    answers = {q.options[q.answer] for q in story.quiz.questions}
    assert not answers & {"place", "way", "care", "part", "grip"}


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
