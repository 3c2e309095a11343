"""Sentences told inside a frame (an alternate world, a dream, a made-up
excuse) are never the story's facts: no title, fate, quiz answer or ending
line states them as happening. The plots are the catalogue's own."""

from __future__ import annotations

import pytest

from plotguide.engine import CastCredit, OfflineEngine, Story
from plotguide.engine.assertion import is_asserted
from plotguide.engine.frames import frame_title, is_framed
from tests.engine.parsed import parse
from tests.engine.plots import film
from tests.engine.test_benches import load

# It's a Wonderful Life (CMU plot summary, from its third sentence).
WONDERFUL_LIFE = (
    "George, initially tempted, turns Potter down after realizing that Potter "
    "intends to close down the Building and Loan and take full control of Bedford "
    "Falls. When World War II erupts, George is unable to enlist, due to his bad "
    "ear. Harry becomes a Navy fighter pilot and shoots down 15 enemy planes, two "
    "of which were targeting a ship full of troops in the Pacific. For his bravery, "
    "Harry is awarded the Medal of Honor. On Christmas Eve morning, Uncle Billy is "
    "on his way to Potter's bank to deposit $8,000 of the Building and Loan's cash "
    "funds. He greets Potter and taunts him by reading the headlines aloud. Potter "
    "angrily snatches the paper, but Billy inattentively allows the money to be "
    "snatched with it. Potter opens the paper, notices the money and keeps it, "
    "knowing that displacement of bank money would result in bankruptcy for the "
    "Building and Loan and criminal charges for George. A desperate George appeals "
    "to Potter for a loan. Potter mockingly and coldly turns George down, and then "
    "swears out a warrant for his arrest for bank fraud. After crashing his car "
    "into a tree, George staggers to a bridge, intending to commit suicide. Before "
    "he can leap, Clarence jumps in first and pretends to be drowning. After George "
    "rescues him, Clarence reveals himself to be George's guardian angel. George "
    "does not believe him, but when he bitterly wishes he had never been born, "
    "Clarence shows George what the town would have been like without him. Bedford "
    "Falls, named Pottersville, is home to sleazy nightclubs, pawn shops and amoral "
    "people. Bailey Park is never built. Mr. Gower was sent to prison for poisoning "
    "the child and is a despised derelict. George's friend Violet Bick is a "
    "strip-dancer and gets arrested as a pickpocket. Uncle Billy has been in an "
    "insane asylum for years. Harry is dead as a result of George not being there "
    "to save him from drowning, and the servicemen he would have saved also died. "
    "Ma Bailey is a bitter widow, and Mary a single spinster librarian. George runs "
    "back to the bridge and begs to be allowed to live again. His prayer is "
    "answered, and he runs home joyously, where the authorities are waiting to "
    "arrest him. Mary, Uncle Billy, and a flood of townspeople arrive with more "
    "than enough donations to save George and the Building and Loan. Harry also "
    'arrives to support his brother, who is now "The richest man in town". '
    "George realizes that he truly has a wonderful life."
)
CAST = (
    ("George Bailey", "James Stewart"),
    ("Mary Hatch", "Donna Reed"),
    ("Henry F. Potter", "Lionel Barrymore"),
    ("Clarence Odbody", "Henry Travers"),
    ("Ma Bailey", "Beulah Bondi"),
    ("Violet Bick", "Gloria Grahame"),
    ("Harry Bailey", "Todd Karns"),
)
# Some Like It Hot: Jerry makes up reasons not to marry Osgood.
OBJECTIONS = (
    'Jerry, for his part, tries to explain to Osgood that "Daphne" cannot marry '
    'him, offering a series of objections: "Daphne" smokes a lot; "Daphne" can\'t '
    'get married in Osgood\'s mother\'s dress; "Daphne" sadly "can never have '
    'children."'
)
ALTERNATE_WORLD = (
    "Bedford Falls, named Pottersville",
    "Bailey Park is never built",
    "Mr. Gower was sent",
    "Violet Bick is a strip-dancer",
    "Uncle Billy has been in an insane",
    "Harry is dead",
    "Ma Bailey is a bitter widow",
)


@pytest.fixture(scope="module")
def wonderful_life(engine: OfflineEngine) -> Story:
    cast = tuple(CastCredit(a, c, n) for n, (c, a) in enumerate(CAST))
    return engine.run(film(WONDERFUL_LIFE, title="It's a Wonderful Life", cast=cast))


def test_the_world_without_george_runs_until_he_begs_to_live(engine):
    sentences = parse(engine, WONDERFUL_LIFE)
    framed = [s.text for s in sentences if is_framed(s)]
    assert all(any(words in f for f in framed) for words in ALTERNATE_WORLD)
    assert len(framed) == len(ALTERNATE_WORLD)
    opening = next(s for s in sentences if "Clarence shows George" in s.text)
    assert frame_title(opening) == (
        "Clarence shows George what the town would have been like without him"
    )


def test_no_claim_states_the_world_without_george(wonderful_life):
    titles = [e.title.text for e in wonderful_life.timeline.events]
    assert not [t for t in titles if any(w in t for w in ALTERNATE_WORLD)]
    assert "Clarence shows George what the town would have been like without him" in (
        titles
    )
    assert titles.count(titles[-1]) == 1
    harry = next(c for c in wonderful_life.characters if c.name.startswith("Harry"))
    assert harry.fate is None
    ids = {s.id for s in wonderful_life.sentences if "is dead" in s.text}
    questions = [q for q in wonderful_life.quiz.questions if set(q.sources) & ids]
    assert not questions
    ending = " ".join(line.text for line in wonderful_life.summary.ending_meaning)
    assert "bitter widow" not in ending and "strip-dancer" not in ending


def test_a_retold_world_without_george_keeps_its_opening(wonderful_life):
    summary = wonderful_life.summary
    body = [line.text for paragraph in summary.paragraphs for line in paragraph]
    for retold in (
        body + [line.text for line in summary.ending],
        [line.text for line in summary.ending],
    ):
        inside = [
            n for n, t in enumerate(retold) if any(w in t for w in ALTERNATE_WORLD)
        ]
        opening = [n for n, t in enumerate(retold) if "Clarence shows George" in t]
        assert not inside or (opening and opening[0] < inside[0])


def test_made_up_objections_are_not_deeds(engine):
    (sentence,) = parse(engine, OBJECTIONS)
    smokes = next(i for i, t in enumerate(sentence.tokens) if t.text == "smokes")
    tries = next(i for i, t in enumerate(sentence.tokens) if t.text == "tries")
    assert not is_asserted(sentence.tokens, smokes)
    assert not sentence.tokens[tries].framed
    assert not is_framed(sentence)


@pytest.mark.parametrize(
    "text",
    [
        # No Country for Old Men: Ed Tom tells his wife his dreams.
        'In the first dream he lost "some money" that his father had given him.',
        # Red Riding Hood: a cut of the film, not its story.
        "In an alternative cut of the ending Valerie is seen holding a baby when "
        "Peter arrives.",
    ],
)
def test_a_clause_set_in_a_dream_or_another_world_is_not_asserted(engine, text):
    (sentence,) = parse(engine, text)
    root = next(i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT")
    assert not is_asserted(sentence.tokens, root)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # Total Recall: Melina is real; only his dreams showed her first.
        ("On the way, Quaid meets Melina, the woman from his dreams.", "meets"),
        # Dead Man's Chest: what Dalma tells Jack is true in the story.
        (
            "Dalma tells Jack where to find Jones's ship, The Flying Dutchman, and "
            "gives him a jar of dirt as defense: A curse prevents Jones from "
            "stepping on land for 10 years.",
            "prevents",
        ),
        # Failure to Launch: her method, listed before its colon, is no excuse.
        (
            "Her step-by-step process is deceitful; while avoiding physical "
            "intimacy, she allows her subject to fall in love with her, pretending "
            "to like what he likes, allowing him to help her through a crisis, "
            "obtaining the approval of his friends, and giving him the opportunity "
            "to teach her something: he then moves out to become more independent.",
            "moves",
        ),
    ],
)
def test_a_dream_or_a_colon_alone_frames_nothing(engine, text, verb):
    (sentence,) = parse(engine, text)
    index = next(i for i, t in enumerate(sentence.tokens) if t.text == verb)
    assert not sentence.tokens[index].framed


# Friday the 13th: The Final Chapter: the DVD's alternate ending, a dream
# sequence that ends when Trish wakes up in the hospital.
ALTERNATE_ENDING = (
    "The final scene of the film has Tommy visiting Trish in the hospital. An "
    "alternate ending to the film, included in the 2009 Deluxe Edition DVD, shows a "
    "dream sequence where Trish and Tommy wake up the next morning after killing "
    "Jason to the sound of police sirens. Trish sends Tommy to summon the police who "
    "have arrived next door. At that point she notices water dripping from the "
    "ceiling and goes to investigate. She enters the upstairs bathroom, and finds "
    "the body of her mother floating in a tub full of bloody water. Jason suddenly "
    "appears from behind the bathroom door and prepares to attack Trish. Trish then "
    "suddenly wakes up in the hospital in a scene reminiscent of the ending of the "
    "first movie."
)
# A Nightmare on Elm Street 4: a wake-up only tried for ends no dream.
TRIED_WAKING = (
    "While she meets a child named Alice creating a sand castle in her dream, Freddy "
    "appears and ruins everything, eventually taking Kristen to his boiler room. "
    "Freddy taunts her long enough to make her scream for Alice. Alice appears "
    "suddenly in the boiler room and Kristen tries to get her to wake up but to no "
    "avail."
)


def test_an_alternate_ending_runs_until_she_wakes_up(engine):
    sentences = parse(engine, ALTERNATE_ENDING)
    assert [is_framed(s) for s in sentences] == [False] + [True] * 5 + [False]


def test_a_dream_ends_only_where_someone_wakes(engine):
    sentences = parse(engine, TRIED_WAKING)
    assert [is_framed(s) for s in sentences] == [False, False, False]


def test_the_frame_list_shows_what_is_framed(engine):
    (sentence,) = parse(engine, OBJECTIONS)
    shown = load("list_frames").marked(sentence)
    assert shown.endswith(
        'objections: [["Daphne" smokes a lot; "Daphne" can\'t get '
        'married in Osgood\'s mother\'s dress; "Daphne" sadly "can '
        'never have children."]]'
    )
