"""The quiz: answers its cited sentences state, distractors of the same kind."""

from plotguide.engine import CastCredit
from plotguide.engine.quiz import _objects, _who_question
from tests.engine.parsed import parse
from tests.engine.plots import film


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


def test_a_blank_never_cuts_a_hyphenated_word(engine):
    (sentence,) = parse(
        engine, "The bite has given him spider-like powers and a sharp eye."
    )
    assert _objects(sentence) == ["spider-like powers"]


def test_a_thing_blank_is_a_thing_of_the_story_not_a_word_of_english(engine):
    plot = (
        "Charlie imports four cars from Italy. "
        "If Charlie cannot meet its requirements he will lose his money. "
        "Charlie hides a briefcase in the trunk. "
        "Raymond finds the briefcase at the motel. "
        "Raymond counts the toothpicks on the floor. "
        "Charlie buys a suit for Raymond. "
        "Raymond watches a television show every afternoon."
    )
    story = engine.run(film(plot))
    blanks = {q.options[q.answer] for q in story.quiz.questions if q.kind == "thing"}
    assert "requirements" not in blanks
    assert "money" in blanks


def test_a_who_question_never_blanks_one_of_two_subjects(engine):
    """X-Men: First Class asked "Who and Lensherr also approach Wolverine?"."""
    plot = (
        "Charles Xavier meets Erik Lensherr in Miami. "
        "Xavier and Lensherr also approach Wolverine, who profanely declines. "
        "Xavier trains the mutants at his mansion."
    )
    cast = (
        CastCredit("James McAvoy", "Charles Xavier"),
        CastCredit("Michael Fassbender", "Erik Lensherr"),
        CastCredit("Hugh Jackman", "Wolverine"),
    )
    story = engine.run(film(plot, cast=cast))
    names = [(c, form) for c in story.characters for form in (c.name, *c.aliases)]
    people = ("Xavier", "Lensherr", "Wolverine", "Shaw")
    _, both, one = parse(engine, plot)
    assert _who_question(both, names, story.characters, people) is None
    asked = _who_question(one, names, story.characters, people)
    assert asked is not None
    assert asked.question == "Who trains the mutants at his mansion?"
