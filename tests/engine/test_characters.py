from plotguide.engine import CastCredit
from tests.engine.plots import film


def test_aliases_of_one_character_merge_into_one_profile(harbor):
    vance = next(c for c in harbor.characters if c.name == "Nora Vance")
    assert "Vance" in vance.aliases
    assert [c.name for c in harbor.characters].count("Nora Vance") == 1
    assert not any(c.name == "Vance" for c in harbor.characters)


def test_places_are_never_characters(harbor, garden):
    names = {c.name for story in (harbor, garden) for c in story.characters}
    assert not names & {"Maine", "Portland", "Port Ellis", "London", "Paris"}


def test_actor_is_named_only_when_the_credits_pair_them(harbor):
    actors = {c.name: c.actor for c in harbor.characters}
    assert actors["Nora Vance"] == "Imogen Hale"
    assert actors["Sam Okafor"] == "Daniel Achebe"
    assert actors["Lena Marsh"] is None


def test_credited_title_is_kept_for_a_bare_surname(engine):
    plot = (
        "Captain Dodd orders Jim Raynor to pick a partner. "
        "Raynor picks Kristen Cates. Dodd approves the pairing. "
        "Cates and Raynor buy drugs across the town."
    )
    story = engine.run(film(plot, cast=(CastCredit("Sam Elliott", "Larry Dodd"),)))
    names = {c.name: c for c in story.characters}
    assert "Captain Dodd" in names
    assert names["Captain Dodd"].actor == "Sam Elliott"
    assert names["Jim Raynor"].actor is None


def test_first_and_last_appearance_form_the_arc(harbor):
    okafor = next(c for c in harbor.characters if c.name == "Sam Okafor")
    assert okafor.arc[0].sources == (okafor.mentions[0],)
    assert okafor.arc[-1].sources == (okafor.mentions[-1],)


def test_the_most_present_character_is_the_protagonist(harbor, garden):
    assert harbor.characters[0].name == "Nora Vance"
    assert harbor.characters[0].role == "protagonist"
    assert garden.characters[0].role == "protagonist"


def test_an_arrest_in_the_plot_becomes_the_characters_fate(harbor):
    greaves = next(c for c in harbor.characters if c.name == "Walter Greaves")
    assert greaves.fate is not None
    assert greaves.fate.text == "Walter Greaves is arrested."


def test_a_place_introduced_by_a_place_noun_is_not_a_character(engine):
    plot = (
        "Mara Quill is a lighthouse keeper on the island of Skerry in 1953. "
        "One winter night a stranger named Holt arrives on Skerry with a chest. "
        "Holt pays Mara to hide the chest in the lighthouse."
    )
    cast = (CastCredit("Ann Bell", "Mara Quill"), CastCredit("Carl Dunn", "Holt"))
    story = engine.run(film(plot, cast=cast))
    assert "Skerry" not in {c.name for c in story.characters}
    assert {"Mara Quill", "Holt"} <= {c.name for c in story.characters}


def test_described_parts_are_not_credited_names():
    from plotguide.engine.names import is_named_credit

    assert not is_named_credit("El Caribe Party Patron #2")
    assert not is_named_credit("Bouncer at Planet Hollywood")
    assert not is_named_credit("Himself - Myspace Founder")
    assert not is_named_credit("NASA Expert")
    assert not is_named_credit("General of the Bolivian Army")
    assert is_named_credit("Walt, City Worker")
    assert is_named_credit("Lt. Greenhill")
    assert is_named_credit("Hannibal King")
    assert is_named_credit("The Red Queen")


def test_groups_institutions_titles_and_actors_are_not_characters(engine):
    from plotguide.engine.names import is_group_name

    assert is_group_name("Detroit Police")
    assert is_group_name("Hamilton High")
    assert is_group_name("U. S. Army")
    assert is_group_name("King")
    assert not is_group_name("Jim Raynor")
    story = engine.run(
        film(
            "Nora Vance joins the Detroit Police. The Detroit Police distrust her. "
            "Nora meets Jet Li at a party. Jet Li smiles at Nora. Nora leaves.",
            cast=(
                CastCredit("Ann Lee", "Nora Vance", 0),
                CastCredit("Jet Li", "Monk", 1),
            ),
        )
    )
    names = [c.name for c in story.characters]
    assert "Nora Vance" in names
    assert "Detroit Police" not in names
    assert "Jet Li" not in names


def test_a_name_is_never_doubled_even_when_it_reads_like_a_title(engine):
    plot = (
        "Ed's mother had an affair with Ed's stepfather, Al . "
        "Ed is furious with his mother. Al apologises to Ed. "
        "Ed forgives Al and his mother."
    )
    cast = (
        CastCredit("Martin Landau", "Al"),
        CastCredit("Matthew McConaughey", "Ed Pekurny"),
    )
    names = [c.name for c in engine.run(film(plot, cast=cast)).characters]
    assert "Al" in names
    assert not any(
        name.split()[: len(name.split()) // 2] * 2 == name.split()
        for name in names
        if len(name.split()) > 1
    )


FULL_CAST = tuple(
    CastCredit(f"Actor {n}", name)
    for n, name in enumerate(
        (
            "Mara Quill",
            "Tobias Wren",
            "Edgar Holt",
            "Ruth Dane",
            "Silas Crow",
            "Pia Moss",
            "Hugo Fell",
            "Lena Marsh",
        )
    )
)


def test_with_a_full_cast_list_a_name_it_leaves_out_needs_three_mentions(engine):
    plot = (
        "Mara Quill keeps the lighthouse with Tobias Wren. "
        "Bert Loam sells them fish every morning. "
        "Mara and Tobias argue about the storm. "
        "Bert Loam warns Mara about Edgar Holt. "
        "Edgar Holt burns the boat, and Mara signals the navy."
    )
    twice = {c.name for c in engine.run(film(plot, cast=FULL_CAST)).characters}
    assert "Mara Quill" in twice and "Edgar Holt" in twice
    assert "Bert Loam" not in twice
    thrice = plot + " Bert Loam rows Mara to the mainland."
    assert "Bert Loam" in {
        c.name for c in engine.run(film(thrice, cast=FULL_CAST)).characters
    }


def test_names_in_a_list_stay_separate_people(engine):
    plot = (
        "George Cooper lives with his girlfriend Lauren Daniels. "
        "George photographs the tunnels under the city while Lauren works. "
        "A creature attacks George and Lauren in the sewer. "
        "The police arrive, and George, Lauren, and Shepherd are saved."
    )
    story = engine.run(film(plot))
    names = {c.name for c in story.characters}
    assert {"George Cooper", "Lauren Daniels"} <= names
    assert not any("George" in name and "Lauren" in name for name in names)


def test_a_credit_is_matched_on_its_name_not_on_where_it_is_from():
    from plotguide.engine.names import credit_keys

    [(_, words)] = credit_keys(
        (CastCredit("Byron Morrow", "Mr. Jameson from Chicago"),)
    )
    assert words == {"jameson"}


def test_a_planet_is_not_the_character_whose_surname_it_shares(engine):
    plot = (
        "Set in the future, the film depicts Mars as a red planet. "
        "Melanie Ballard travels to Mars with her crew. "
        "Ballard fights the possessed miners on Mars."
    )
    cast = (
        CastCredit("Natasha Henstridge", "Lt. Melanie Ballard", 0),
        CastCredit("Richard Cetrone", "Big Daddy Mars", 1),
    )
    story = engine.run(film(plot, cast=cast))
    names = {c.name for c in story.characters}
    assert "Melanie Ballard" in names
    assert "Mars" not in names
    assert "Mars" in [place.value for place in story.setting.locations]
