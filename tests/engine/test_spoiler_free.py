from plotguide.engine import CastCredit
from tests.engine.plots import film


def test_spoiler_free_summary_stops_before_the_point_of_no_return(harbor):
    boundary = harbor.timeline.spoiler_boundary
    cited = [i for line in harbor.spoiler_free.lines for i in line.sources]
    assert cited
    assert max(cited) < boundary


def test_spoiler_free_summary_never_names_the_killer_or_the_death(harbor):
    text = " ".join(line.text for line in harbor.spoiler_free.lines)
    assert "Greaves" not in text
    for word in ("drowned", "shoots", "dead", "confesses"):
        assert word not in text


def test_spoiler_free_summary_names_the_protagonist(harbor):
    assert any("Nora Vance" in line.text for line in harbor.spoiler_free.lines)


def test_spoiler_free_summary_invents_no_setting(harbor):
    text = " ".join(line.text for line in harbor.spoiler_free.lines).lower()
    assert "city" not in text
    assert "town" in text


def test_a_pronoun_never_opens_a_line_whose_antecedent_was_left_out(engine):
    plot = (
        "Sheriff Ed Bell laments the violence in his county. "
        "Llewelyn Moss finds several dead men and a satchel of money in the desert. "
        "When he gets back home he grabs the cash and sends his wife away. "
        "Anton Chigurh is a hitman hired to recover the money. "
        "Chigurh follows Moss to a motel. Moss hides the money in a vent. "
        "Chigurh kills a deputy. Bell finds the motel empty. Moss flees to Mexico. "
        "Chigurh finds Moss. Bell retires. Bell tells his wife about his dreams."
    )
    lines = [line.text for line in engine.run(film(plot)).spoiler_free.lines]
    assert not any("he grabs the cash" in line for line in lines)


def test_a_possessive_never_opens_a_line_whose_owner_was_left_out(engine):
    # L.A. Confidential: the officers' murder case is left out as revealing.
    plot = (
        "In Los Angeles, California in 1953, three police officers become caught "
        "up in corruption, sex and murder following a multiple homicide at the "
        "Nite Owl coffee shop. Their story expands to encompass organized crime, "
        "political corruption, narcotics, pornography and institutional racism. "
        "Sergeant Edmund Exley, the son of a legendary police detective, is "
        "determined to live up to his father's reputation. Exley testifies in a "
        "police brutality case. Officer Bud White dislikes Exley. White is hired by "
        "Captain Smith. Exley investigates the Nite Owl case. White finds a witness. "
        "Exley and White confront Smith. Exley shoots Smith. White leaves the city."
    )
    lines = [line.text for line in engine.run(film(plot)).spoiler_free.lines]
    assert lines and not any(line.startswith("Their story") for line in lines)


def test_the_dead_of_the_opening_scene_are_premise_but_a_named_death_is_not(engine):
    # No Country for Old Men: the line where Moss finds "several dead men" and
    # the money was left out for its "dead", and the summary went on to a
    # hitman "hired to recover the money" nobody had mentioned.
    plot = (
        "Sheriff Ed Bell laments the violence in his county. "
        "Llewelyn Moss finds several dead men and a satchel of money in the desert. "
        "Bell must protect Carla Jean until her death in the winter. "
        "Anton Chigurh is a hitman hired to recover the money. "
        "Chigurh follows Moss to a motel. Moss hides the money in a vent. "
        "Chigurh kills a deputy. Bell finds the motel empty. Moss flees to Mexico. "
        "Chigurh finds Moss. Bell retires. Bell tells his wife about his dreams."
    )
    cast = (CastCredit("Kelly Macdonald", "Carla Jean", 3),)
    text = " ".join(
        line.text for line in engine.run(film(plot, cast=cast)).spoiler_free.lines
    )
    assert "several dead men" in text
    assert "Carla Jean" not in text
