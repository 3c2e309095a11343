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


def _culprits(engine, plot):
    from plotguide.engine.spoiler_free import _culprit_spans
    from tests.engine.parsed import parse

    return [span for s in parse(engine, plot) for span in _culprit_spans(s)]


def test_the_culprit_is_who_kills_not_everyone_near_the_killing(engine):
    """Half-Blood Prince hid Ron and Dumbledore, named beside the killing."""
    plot = (
        "Ron is nearly killed by a drink originally intended for Dumbledore. "
        "Suspecting that Draco was responsible for two attempts on Dumbledore's "
        "life, Harry confronts Draco. "
        "Snape arrives and casts the Avada Kedavra curse, killing Dumbledore."
    )
    spans = " | ".join(_culprits(engine, plot))
    assert "Draco" in spans and "Snape" in spans
    assert "Ron" not in spans and "Dumbledore" not in spans


def test_a_villain_the_window_shows_killing_stays_nameable(engine):
    """X-Men: First Class: Shaw kills Hendry in the first quarter and Darwin
    after the point of no return; a premise without him told nothing. Who
    kills only late stays hidden."""
    from plotguide.engine.spoiler_free import _revealed_names
    from tests.engine.parsed import parse

    plot = (
        "In 1944, scientist Sebastian Shaw observes young Erik Lensherr bend a "
        "metal gate with his mind. "
        "Charles Xavier meets young shape-shifter Raven at his mansion. "
        "Colonel Hendry is killed by Shaw in Las Vegas. "
        "Xavier and Lensherr recruit young mutants. "
        "Shaw attacks Division X. "
        "Shaw kills Darwin. "
        "Lensherr kills Shaw with a coin. "
        "Xavier returns to the mansion."
    )
    cast = (
        CastCredit("James McAvoy", "Charles Xavier"),
        CastCredit("Michael Fassbender", "Erik Lensherr"),
        CastCredit("Kevin Bacon", "Sebastian Shaw"),
    )
    characters = engine.run(film(plot, cast=cast)).characters
    assert characters[0].name == "Charles Xavier"
    hidden = _revealed_names(parse(engine, plot), characters, boundary=5, window=3)
    assert "Lensherr" in hidden
    assert not any("Shaw" in name for name in hidden)
