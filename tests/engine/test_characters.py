import pytest

from plotguide.engine import CastCredit
from plotguide.engine.credits import split_words
from tests.engine.plots import film, other_credits


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


def _by_word(story, word):
    """The characters one of whose names holds this word."""
    return [
        c
        for c in story.characters
        if word in {w.strip('"') for f in (c.name, *c.aliases) for w in split_words(f)}
    ]


def test_a_credited_nickname_is_an_alias_of_the_person(engine):
    plot = (
        'In 1963, Frances "Baby" Houseman spends the summer at a resort with her '
        "family. She was named after Frances Perkins, the first woman in the "
        "Cabinet. Baby falls for the dance instructor Johnny Castle. Johnny "
        "teaches Baby to dance. Baby lies to her father to help Johnny. Her "
        "father forbids Baby to see Johnny."
    )
    cast = (
        CastCredit("Jennifer Grey", "Frances 'Baby' Houseman", 0),
        CastCredit("Patrick Swayze", "Johnny Castle", 1),
        CastCredit("Jerry Orbach", "Dr. Jake Houseman", 2),
    )
    story = engine.run(film(plot, cast=cast))
    [baby] = _by_word(story, "Baby")
    assert baby.actor == "Jennifer Grey"
    assert baby.name == 'Frances "Baby" Houseman'
    assert "Baby" in baby.aliases
    assert not _by_word(story, "Perkins")
    assert not _by_word(story, "Cabinet")


def test_a_slash_credit_is_one_person_with_a_secret_identity(engine):
    plot = (
        "Tony Stark reveals his identity as Iron Man to the press. "
        "Senator Stern demands that Stark hand over the Iron Man armor. "
        "Ivan Vanko attacks Iron Man at a race in Monaco. "
        "Stark defeats Vanko and rebuilds the element his father Howard Stark "
        "left him. Howard Stark had hidden the formula in a model."
    )
    cast = (
        CastCredit("Robert Downey Jr.", "Tony Stark / Iron Man", 0),
        CastCredit("Mickey Rourke", "Ivan Vanko / Whiplash", 1),
        CastCredit("Garry Shandling", "Senator Stern", 2),
        CastCredit("John Slattery", "Howard Stark", 3),
    )
    story = engine.run(film(plot, cast=cast))
    [tony] = _by_word(story, "Iron")
    assert tony.name == "Tony Stark"
    assert tony.actor == "Robert Downey Jr."
    assert {"Iron Man", "Stark"} <= set(tony.aliases)
    [howard] = _by_word(story, "Howard")
    assert howard.actor == "John Slattery"
    assert tony.role == "protagonist"


def test_a_voice_note_is_stripped_and_the_actor_kept(engine):
    plot = (
        "Hogarth Hughes finds a giant robot in the woods. Hogarth feeds the "
        "robot scrap metal. Kent Mansley suspects Hogarth of hiding it. "
        "Mansley calls the army."
    )
    cast = (
        CastCredit("Eli Marienthal", "Hogarth Hughes (voice)", 0),
        CastCredit("Christopher McDonald", "Kent Mansley (voice)", 1),
    )
    actors = {c.name: c.actor for c in engine.run(film(plot, cast=cast)).characters}
    assert actors["Hogarth Hughes"] == "Eli Marienthal"
    assert actors["Kent Mansley"] == "Christopher McDonald"


def test_the_adult_credit_plays_the_character_the_plot_names(engine):
    plot = (
        "Margaret Thatcher remembers her years in power. Her daughter Carol "
        "visits her. Carol worries about her mother. Margaret talks to the "
        "ghost of her husband Denis."
    )
    cast = (
        CastCredit("Meryl Streep", "Margaret Thatcher", 0),
        CastCredit("Jim Broadbent", "Denis Thatcher", 1),
        CastCredit("Harry Lloyd", "Young Denis Thatcher", 2),
        CastCredit("Olivia Colman", "Carol Thatcher", 3),
        CastCredit("Eloise Webb", "Young Carol", 4),
    )
    story = engine.run(film(plot, cast=cast))
    assert [c.actor for c in _by_word(story, "Carol")] == ["Olivia Colman"]
    assert [c.actor for c in _by_word(story, "Denis")] == ["Jim Broadbent"]
    assert story.characters[0].actor == "Meryl Streep"
    assert story.characters[0].role == "protagonist"


def test_an_older_self_the_plot_names_as_such_is_its_own_character(engine):
    # Looper: Bruce Willis's Old Joe was folded into Joseph Gordon-Levitt's
    # Joe, and the timeline read "Joe tells Joe the Rainmaker sends him".
    plot = (
        "Joe is a looper who kills men sent back from the future. "
        "One day Old Joe arrives and escapes from Joe. "
        "In a diner, Old Joe tells Joe about the Rainmaker. "
        "Joe hunts Old Joe across the farm. Old Joe hunts the Rainmaker."
    )
    cast = (
        CastCredit("Joseph Gordon-Levitt", "Joe", 0),
        CastCredit("Bruce Willis", "Old Joe", 1),
    )
    story = engine.run(film(plot, cast=cast))
    actors = {c.name: c.actor for c in story.characters}
    assert actors["Joe"] == "Joseph Gordon-Levitt"
    assert actors["Old Joe"] == "Bruce Willis"


def test_a_young_credit_plays_the_part_when_no_adult_is_credited():
    from plotguide.engine.cast_match import credited_people

    people = credited_people(
        (CastCredit("Eloise Webb", "Carol (young)", 0), CastCredit("A", "Denis", 1))
    )
    assert [p.credit.actor for p in people] == ["Eloise Webb", "A"]
    assert people[0].parts[0].words == ("carol",)


def test_one_actors_several_parts_stay_apart_when_the_plot_shows_two_people(engine):
    plot = (
        "General Ripper orders his bombers to attack. Group Captain Mandrake "
        "tries to stop Ripper. President Merkin Muffley meets his generals. "
        "Dr. Strangelove recommends that the President gather people in mines. "
        "Muffley listens to Strangelove in silence."
    )
    cast = (
        CastCredit(
            "Peter Sellers",
            "Group Capt. Lionel Mandrake / President Merkin Muffley / Dr. Strangelove",
            0,
        ),
        CastCredit("Sterling Hayden", "Brigadier General Jack D. Ripper", 1),
    )
    story = engine.run(film(plot, cast=cast))
    [muffley] = _by_word(story, "Muffley")
    [strangelove] = _by_word(story, "Strangelove")
    assert muffley is not strangelove
    assert muffley.actor == strangelove.actor == "Peter Sellers"


def test_groups_places_nationalities_families_and_things_are_not_characters(engine):
    plot = (
        "Dan Gallagher works as a lawyer in New York. The Gallaghers move to "
        "the country. Dan meets an agent of the CIA. The CIA wants the Soviet "
        "files. The Soviets invade Siam. Dan flees Siam with the files. Dan "
        "wears the Mark II armor at the Stark Expo. The Mark II armor fails. "
        "Beth Gallagher waits for Dan. Beth and the Gallaghers forgive Dan."
    )
    cast = (
        CastCredit("Michael Douglas", "Dan Gallagher", 0),
        CastCredit("Anne Archer", "Beth Gallagher", 1),
        CastCredit("Agent", "CIA Agent", 2),
        CastCredit("Brian Schaeffer", "Hammer Expo Tech", 3),
    )
    names = {c.name for c in engine.run(film(plot, cast=cast)).characters}
    assert {"Dan Gallagher", "Beth Gallagher"} <= names
    assert not names & {"Gallaghers", "CIA", "Soviet", "Soviets", "Siam"}
    assert not names & {"Mark II", "Expo", "Stark Expo"}


def test_broken_names_never_appear(engine):
    plot = (
        "Bosch interviews A.J. about the missing people. A. J. leads George into "
        "the sewers. George and A.J. find the monsters. Lt. Grass arrests the "
        "killers. The Lt. leaves the town."
    )
    cast = (
        CastCredit("Daniel Stern", "A.J. 'The Reverend' Shepherd", 0),
        CastCredit("John Heard", "George Cooper", 1),
    )
    story = engine.run(film(plot, cast=cast))
    names = {c.name for c in story.characters}
    assert "A.J." in names and "A J" not in names and "Lt" not in names
    [aj] = _by_word(story, "A.J.")
    assert aj.actor == "Daniel Stern"


def test_a_hero_and_his_secret_identity_are_not_split(engine):
    plot = (
        "Jor-El sends his son to Earth. Clark Kent grows up in Smallville. "
        "Clark moves to Metropolis and becomes Superman. Superman saves Lois "
        "Lane. Lois falls for Superman. Lex Luthor fires missiles. Superman "
        "stops the missiles."
    )
    cast = (
        CastCredit("Christopher Reeve", "Superman / Clark Kent", 0),
        CastCredit("Margot Kidder", "Lois Lane", 1),
        CastCredit("Gene Hackman", "Lex Luthor", 2),
        CastCredit("Marlon Brando", "Jor-El", 3),
        CastCredit("Jeff East", "Young Clark Kent", 4),
    )
    story = engine.run(film(plot, cast=cast))
    [hero] = _by_word(story, "Superman")
    assert "Clark" in {w for f in hero.aliases for w in f.split()}
    assert hero.actor == "Christopher Reeve"
    assert [c.actor for c in _by_word(story, "Jor")] == ["Marlon Brando"]


def test_the_heroine_is_never_the_antagonist(engine):
    plot = (
        "Anna Leonowens arrives in Siam to teach the royal children. "
        "The rebel general Alak burns a village. He captures Anna and beats her. "
        "King Mongkut rescues Anna. At the end Anna shoots Alak on the bridge."
    )
    cast = (
        CastCredit("Jodie Foster", "Anna Leonowens", 0),
        CastCredit("Chow Yun-fat", "King Mongkut", 1),
        CastCredit("Randall Duk Kim", "General Alak", 2),
    )
    story = engine.run(film(plot, cast=cast))
    [anna], [alak], [king] = (_by_word(story, w) for w in ("Anna", "Alak", "King"))
    assert (anna.role, alak.role, king.role) == (
        "protagonist",
        "antagonist",
        "supporting",
    )


def test_thin_or_unasserted_hostility_makes_no_antagonist(engine):
    plot = (
        "Nora Vance runs a bakery in Port Ellis. Victor Crane tries to kill "
        "Nora. Crane plans to burn the bakery. Nora bakes a cake for Crane. "
        "Crane threatens Nora once. Nora opens a second shop."
    )
    cast = (
        CastCredit("Imogen Hale", "Nora Vance", 0),
        CastCredit("Tom Ruse", "Victor Crane", 1),
    )
    roles = {c.name: c.role for c in engine.run(film(plot, cast=cast)).characters}
    assert roles["Nora Vance"] == "protagonist"
    assert roles["Victor Crane"] == "supporting"


def test_credit_forms_are_read_into_names_nicknames_ages_and_notes():
    from plotguide.engine.credits import read_credit

    def read(text):
        return read_credit(CastCredit("Actor", text))

    baby = read("Frances 'Baby' Houseman").parts[0]
    assert (baby.words, baby.nicknames) == (("frances", "houseman"), (("baby",),))
    assert [p.words for p in read("Tony Stark / Iron Man").parts] == [
        ("tony", "stark"),
        ("iron", "man"),
    ]
    assert [p.words for p in read("Bert/Mr. Dawes, Sr.").parts] == [
        ("bert",),
        ("dawes", "sr"),
    ]
    # Singin' in the Rain had a character "Singin" from this credit's song.
    umbrella = read("""Old Man Getting Umbrella in "Singin' in the Rain" Number""")
    assert umbrella.parts[0].nicknames == ()
    voice = read("Hogarth Hughes (voice)")
    assert (voice.note, voice.parts[0].text) == ("voice", "Hogarth Hughes")
    assert read("Young Carol").age == read("Carol (young)").age == "young"
    assert read("Lucy 18 Months").age == "young"
    assert read("Baby Suggs").parts[0].words == ("baby", "suggs")
    assert read("CIA Director McCone").parts[0].words == ("mccone",)
    assert read("Prince Chowfa, King Mongkut's Brother").parts[0].words == ("chowfa",)
    assert read("Jerry (Daphne)").parts[0].nicknames == (("daphne",),)
    assert not read("Hammer Expo Tech").parts
    assert not read("Soviet Chairman").parts


def test_a_name_spelt_unlike_its_credit_is_one_person_with_its_actor(engine):
    # The Wolfman's "Aberline" is Hugo Weaving's "Abberline"; Troy's "Menelaus"
    # and "Helen" are the credits "Menelaos" and "Helena".
    plot = (
        "Lawrence Talbot returns home. Inspector Aberline questions Lawrence "
        "about the killings. Aberline follows Lawrence to the asylum. "
        "Aberline shoots at the wolf."
    )
    cast = (
        CastCredit("Benicio del Toro", "Lawrence Talbot", 0),
        CastCredit("Hugo Weaving", "Inspector Francis Abberline", 1),
    )
    story = engine.run(film(plot, cast=cast))
    [aberline] = _by_word(story, "Aberline")
    assert aberline.actor == "Hugo Weaving"
    assert "actors_from_credits" not in {c.name for c in story.failed_checks()}


def test_a_quoted_nickname_in_the_plot_makes_one_character_without_credits(engine):
    plot = (
        'In 1963, 17-year-old New Yorker Frances "Baby" Houseman spends the summer '
        "at a resort with her family. She was named after Frances Perkins, the "
        "first woman in the Cabinet. Baby falls for the dance instructor Johnny "
        "Castle. Johnny teaches Baby to dance. Baby lies to her father to help "
        "Johnny. Her father forbids Baby to see Johnny. Baby defies him."
    )
    story = engine.run(film(plot))
    [baby] = _by_word(story, "Baby")
    assert baby.name == 'Frances "Baby" Houseman'
    assert len(baby.mentions) >= 5
    assert not _by_word(story, "Perkins")


def test_the_plots_fuller_name_for_a_credited_person_is_that_person(engine):
    plot = (
        "Sun arrives in Hong Kong to meet the revolutionaries. "
        "Chen Shaobai hides Sun Wen in his newspaper office. "
        "Chen protects Sun from the assassins. "
        "Sun speaks to the rebels at night. "
        "Scott Howard visits Todd Howard at college, and Scott warns Todd. "
        "Todd wins the boxing match."
    )
    cast = (
        CastCredit("Zhang Hanyu", "Sun Yat-Sen", 0),
        CastCredit("Tony Leung Ka-Fai", "Chen Xiaobai", 1),
        CastCredit("Jason Bateman", "Todd Howard", 2),
    )
    story = engine.run(film(plot, cast=cast))
    assert len(_by_word(story, "Sun")) == 1
    assert len(_by_word(story, "Chen")) == 1
    [todd] = [c for c in story.characters if c.actor == "Jason Bateman"]
    assert "Scott Howard" not in (todd.name, *todd.aliases)


def test_a_described_part_the_plot_writes_as_a_name_is_the_character(engine):
    plot = (
        "The unnamed Driver works as a mechanic for Shannon. "
        "The Driver meets Irene at a diner where a waiter serves them. "
        "Irene and the Driver fall in love. The Driver kills the hitman. "
        "The Driver drives off into the night."
    )
    cast = (
        CastCredit("Ryan Gosling", "Driver", 0),
        CastCredit("Carey Mulligan", "Irene", 1),
        CastCredit("Bryan Cranston", "Shannon", 2),
        CastCredit("Someone", "Waiter", 3),
    )
    story = engine.run(film(plot, cast=cast))
    [driver] = [c for c in story.characters if c.actor == "Ryan Gosling"]
    assert driver.name == "Driver" and driver.role == "protagonist"
    assert not [c for c in story.characters if c.actor == "Someone"]
    assert story.is_publishable


@pytest.mark.parametrize(
    ("sentence", "fate"),
    [
        ("Bernie stabs Driver in the abdomen as he takes the money.", None),
        ("Driver fatally stabs Bernie in the parking lot.", "Bernie is killed."),
        ("Nino strangles Bernie to death in the kitchen.", "Bernie is killed."),
        ("Nino poisons Bernie at dinner.", None),
        ("With Nino weakened, Driver drowns him in the ocean.", None),
    ],
)
def test_a_stabbing_is_a_death_only_when_the_sentence_says_it_is_fatal(
    engine, sentence, fate
):
    plot = f"Driver works for Bernie and Nino. {sentence} Driver leaves town."
    cast = (
        CastCredit("A", "Driver", 0),
        CastCredit("B", "Bernie", 1),
        CastCredit("C", "Nino", 2),
    )
    story = engine.run(film(plot, cast=cast))
    fates = {c.fate.text for c in story.characters if c.fate}
    assert fates == ({fate} if fate else set())


def test_a_town_the_parser_calls_a_person_is_no_character(engine):
    # It's a Wonderful Life had listed "Bedford Falls" among its characters.
    plot = (
        "George Bailey wants to leave Bedford Falls. "
        "Potter wants full control of Bedford Falls. "
        "Without George, Bedford Falls, named Pottersville, is home to sleazy "
        "nightclubs. George runs home through Bedford Falls. Mary waits for George."
    )
    story = engine.run(film(plot))
    assert [c.name for c in story.characters] == ["George Bailey"]


@pytest.mark.parametrize(
    "sentence",
    [
        # The Two Towers: neither hobbit dies in the film.
        'At that same moment, Gollum vows to reclaim the Ring, and plans to have "her" '
        "kill Frodo and Sam.",
        "Éomer's army later ambush and kill the Uruk-hai holding Merry and Pippin.",
    ],
)
def test_a_killing_the_sentence_does_not_do_to_them_is_no_fate(engine, sentence):
    plot = (
        "Frodo and Sam travel to Mordor with Gollum. "
        "Merry and Pippin are taken by the Uruk-hai. "
        "Frodo and Sam capture Gollum. Merry and Pippin escape into the forest. "
        + sentence
    )
    story = engine.run(film(plot))
    fates = {c.name: c.fate.text for c in story.characters if c.fate}
    assert fates == {}


def test_an_epithet_in_the_credits_is_not_the_characters_name(engine):
    # The Two Towers had listed Ian McKellen as "White".
    plot = (
        "Gandalf the Grey gives his life in battle against the Balrog. "
        "Aragorn, Legolas and Gimli meet Gandalf, who has been resurrected as "
        "Gandalf the White. Saruman the White sends his army to Rohan. "
        "Gandalf frees King Théoden from the spell of Saruman. "
        "With the Rohirrim, Gandalf arrives at dawn. Saruman the White loses his army."
    )
    cast = (
        CastCredit("Ian McKellen", "Gandalf the White"),
        CastCredit("Christopher Lee", "Saruman"),
    )
    story = engine.run(film(plot, cast=cast))
    played = {c.name: c.actor for c in story.characters}
    assert played["Gandalf"] == "Ian McKellen"
    assert played["Saruman"] == "Christopher Lee"
    assert "White" not in played


def test_a_people_in_the_plural_is_no_character(engine):
    # Centurion had listed "Picts", and Force 10 from Navarone "Chetniks",
    # each with the fate "is killed".
    plot = (
        "In Britain, Quintus Dias leads the Ninth Legion north. "
        "The rescuers are collaborationist Chetniks under German control. "
        "At the river, Quintus and Brick escape, killing two of Drazak's Chetniks. "
        "Later, Quintus reproves his men for killing the bandaged Chetniks. "
        "At the ford, Quintus kills two Picts. "
        "The Picts attack the camp at night. At last, Quintus reaches the wall."
    )
    story = engine.run(film(plot))
    names = [c.name for c in story.characters]
    assert "Chetniks" not in names and "Picts" not in names


def test_a_relative_who_shares_only_the_family_name_is_someone_else(engine):
    # Rain Man: "his estranged father, Sanford Babbitt" was folded into the
    # credited Raymond Babbitt, whose profile then opened on Charlie's trip.
    plot = (
        "Charlie Babbitt imports four cars to Los Angeles. "
        "Charlie's trip is cancelled by news that his father, Sanford Babbitt, "
        "has died. Charlie learns about his brother Raymond. "
        "Raymond lives at an institution. Babbitt counts cards in Las Vegas."
    )
    cast = (
        CastCredit("Dustin Hoffman", "Raymond Babbitt", 0),
        CastCredit("Tom Cruise", "Charlie Babbitt", 1),
    )
    story = engine.run(film(plot, cast=cast))
    raymond = next(c for c in story.characters if c.actor == "Dustin Hoffman")
    assert "Sanford Babbitt" not in raymond.aliases
    assert 1 not in raymond.mentions
    assert raymond.profile[0].sources != (1,)


def test_junior_and_senior_are_two_people_and_a_one_name_part_keeps_its_name(engine):
    # Mary Poppins: Dick Van Dyke is "Bert/Mr. Dawes, Sr." and Arthur Malet
    # "Mr. Dawes Junior"; the ", Sr." was read as a description, so Malet's
    # "Mr. Dawes Jr" went to Van Dyke, whose Bert was then called "Mr. Bert".
    plot = (
        "Bert draws pictures in the park. Mary Poppins meets Bert there. "
        "At the bank, Mr. Dawes Jr greets the children. "
        "Mr. Dawes Jr takes the tuppence from Michael. "
        "Mr. Dawes Sr laughs at the joke. Bert sings with the children."
    )
    cast = (
        CastCredit("Julie Andrews", "Mary Poppins", 0),
        CastCredit("Dick Van Dyke", "Bert/Mr. Dawes, Sr.", 1),
        CastCredit("Arthur Malet", "Mr. Dawes Junior", 2),
    )
    characters = engine.run(film(plot, cast=cast)).characters
    actors = {c.name: c.actor for c in characters}
    assert actors["Bert"] == "Dick Van Dyke"
    assert not any(name.startswith("Mr. Bert") for name in actors)
    junior = next(c for c in characters if "Jr" in c.name)
    assert junior.actor == "Arthur Malet"


def test_credited_names_the_parser_calls_a_nation_or_a_place_are_found(engine):
    # TRIPOD's Top Gun and The Shining, sentences as written: the parser tags
    # "Merlin" a nationality and "Grady" a place; "Overlook Hotel Bellhop" is
    # a described part, not the credit for "the Overlook Hotel".
    plot = (
        "Jack Torrance becomes winter caretaker of the Overlook Hotel. "
        "Maverick and Merlin are assigned to one of two F-14s as back-up for "
        "those flown by Iceman and Hollywood. "
        "Here, he meets the ghost of the previous caretaker, Grady, who tells "
        'Jack that he must "correct" his wife and child. '
        "Later, Jack converses through the pantry door with Grady, who then "
        "unlocks the door, releasing him."
    )
    cast = (
        CastCredit("Jack Nicholson", "Jack Torrance", 0),
        CastCredit("Tim Robbins", "Merlin", 1),
        CastCredit("Philip Stone", "Delbert Grady", 2),
        CastCredit("Derek Lyons", "Overlook Hotel Bellhop", 3),
    )
    actors = {c.name: c.actor for c in engine.run(film(plot, cast=cast)).characters}
    assert actors.get("Merlin") == "Tim Robbins"
    assert actors.get("Grady") == "Philip Stone"
    assert "Overlook Hotel" not in actors


@pytest.mark.parametrize(
    ("ending", "fate"),
    [
        # The Mask: arrested in the last act, then let go with the charges dropped.
        (
            "Kellaway arrests Stanley again, then Tilton announces that Tyrell "
            "was the Mask, as a way for Kellaway to let Stanley go. All charges "
            "against Stanley are dropped.",
            None,
        ),
        ("Kellaway arrests Stanley. Milo helps Stanley escape prison.", None),
        ("Kellaway arrests Stanley at the club.", "Stanley is arrested."),
        ("Tyrell kills Stanley. Tina revives Stanley with a kiss.", None),
    ],
)
def test_a_fate_the_plot_takes_back_is_no_fate(engine, ending, fate):
    plot = (
        "Stanley works at a bank. Stanley finds a mask. Tyrell robs the bank. " + ending
    )
    cast = (
        CastCredit("A", "Stanley", 0),
        CastCredit("B", "Kellaway", 1),
        CastCredit("C", "Tyrell", 2),
    )
    story = engine.run(film(plot, cast=cast))
    fates = {c.fate.text for c in story.characters if c.name == "Stanley" and c.fate}
    assert fates == ({fate} if fate else set())


def test_a_phrase_given_to_a_name_is_not_part_of_the_name(engine):
    # Troy listed a character "Aeneas Sword Troy" from "Paris hands Aeneas the
    # Sword of Troy"; its credits spell Menelaus and Helen "Menelaos", "Helena".
    plot = (
        "Paris falls in love with Helen, the wife of king Menelaus. Menelaus "
        "fights Paris in a duel. Helen watches Menelaus. Paris flees to Helen. "
        "Paris hands Aeneas the Sword of Troy."
    )
    cast = (
        CastCredit("Orlando Bloom", "Paris", 1),
        CastCredit("Brendan Gleeson", "Menelaos", 5),
        CastCredit("Diane Kruger", "Helena", 6),
        CastCredit("Frankie Fitzgerald", "Aeneas", 20),
    )
    story = engine.run(film(plot, cast=cast))
    actors = {c.name: c.actor for c in story.characters}
    assert actors["Aeneas"] == "Frankie Fitzgerald"
    assert actors["Menelaus"] == "Brendan Gleeson"
    assert actors["Helen"] == "Diane Kruger"
    assert not story.failed_checks()


def test_a_troupes_parts_are_people_of_their_own(engine):
    # Monty Python and the Holy Grail: the Black Knight, Lancelot and Tim were
    # one character, and "Arthur battles the Black Knight" read "Arthur
    # battles Lancelot".
    plot = (
        "Arthur recruits Sir Lancelot the Brave and Sir Robin. On the way Arthur "
        "battles the Black Knight. Sir Lancelot assaults a wedding party. "
        "Tim the Enchanter warns them of the rabbit. Lancelot is arrested."
    )
    cast = (
        CastCredit("Graham Chapman", "King Arthur / Voice of God / Middle Head", 0),
        CastCredit(
            "John Cleese",
            "Second Guard / The Black Knight / Peasant 3 / Sir Lancelot the Brave "
            "/ Tim the Enchanter",
            1,
        ),
        CastCredit("Eric Idle", "Sir Robin", 2),
    )
    story = engine.run(film(plot, cast=cast))
    cleese = sorted(c.name for c in story.characters if c.actor == "John Cleese")
    assert cleese == ["Black Knight", "Sir Lancelot", "Tim"]
    titles = [event.title.text for event in story.timeline.events]
    assert "Arthur battles Lancelot" not in titles


def test_a_nationality_before_a_part_noun_is_no_character(engine):
    # The Pianist listed "Polish" (credit "Polish Workman") and "SS" ("SS
    # Making a Speech") as characters.
    plot = (
        "Szpilman plays on Polish Radio. The SS raid an apartment. Szpilman "
        "hides from the SS. Polish troops shoot at Szpilman. Szpilman is Polish."
    )
    cast = (
        CastCredit("Adrien Brody", "Szpilman", 0),
        CastCredit("Paweł Burczyk", "Polish Workman", 30),
        CastCredit("Peter Rappenglück", "SS Making a Speech", 31),
    )
    story = engine.run(film(plot, cast=cast))
    assert [c.name for c in story.characters] == ["Szpilman"]


def test_a_relative_of_a_name_after_the_comma_is_not_that_name(engine):
    # Scream 4 made Sidney "mother of Jill" from "Jill's mother, Sidney's aunt
    # Kate Roberts"; Jill is Sidney's cousin.
    plot = (
        "Sidney returns to Woodsboro. Her cousin, Jill, gets a call. Sidney stays "
        "with Jill's mother, Sidney's aunt Kate Roberts. Jill and Sidney run. "
        "Sidney saves Jill."
    )
    cast = (
        CastCredit("Neve Campbell", "Sidney Prescott", 0),
        CastCredit("Emma Roberts", "Jill Roberts", 1),
    )
    story = engine.run(film(plot, cast=cast))
    kinds = {
        (c.name, r.kind, r.other) for c in story.characters for r in c.relationships
    }
    assert not {k for k in kinds if k[1] in ("mother", "mother of")}


def test_a_plain_name_two_generations_share_is_neither(engine):
    # Snow Falling on Cedars: the murdered "Carl Heine" (the son) went to the
    # credit "Carl Heine Sr.", whose fate then cited the son's death.
    plot = (
        "Kazuo is accused of killing Carl Heine, a fisherman. The land was "
        "originally owned by Carl Heine Sr. The Miyamotos picked strawberries for "
        "Carl Sr. Kazuo and Carl Jr. were friends as boys. In 1944, Carl Sr. died. "
        "Carl Heine died on the night of the storm."
    )
    cast = (
        CastCredit("Rick Yune", "Kazuo Miyamoto", 1),
        CastCredit("Eric Thal", "Carl Heine Jr.", 10),
        CastCredit("Daniel von Bargen", "Carl Heine Sr.", 12),
    )
    story = engine.run(film(plot, cast=cast))
    [father] = [c for c in story.characters if c.actor == "Daniel von Bargen"]
    assert father.fate is not None
    [cited] = father.fate.sources
    assert "1944" in story.sentences[cited].text


def test_one_part_credited_twice_is_no_pair_of_generations(engine):
    # High School Musical credits Troy Bolton twice (the actor and the singing
    # voice); the plot's "Troy" is still its lead, not an ambiguous name.
    plot = (
        "Troy Bolton and Gabriella meet at a party. Troy sees Gabriella at school. "
        "Troy shows Gabriella around. Troy sings with Gabriella. Troy wins the game."
    )
    cast = (
        CastCredit("Zac Efron", "Troy Bolton", 0),
        CastCredit("Vanessa Hudgens", "Gabriella Montez", 1),
        CastCredit("Drew Seeley", "Troy Bolton", 20),
    )
    story = engine.run(film(plot, cast=cast))
    [troy] = [c for c in story.characters if c.name == "Troy Bolton"]
    assert troy.role == "protagonist"
    assert troy.actor == "Zac Efron"
    assert len(set(troy.mentions)) == 5  # every sentence, "Troy" alone included


def test_a_profile_never_quotes_a_world_that_never_was(engine):
    # It's a Wonderful Life: Harry's profile read "Harry is dead as a result of
    # George not being there to save him", told in the world without George.
    plot = (
        "George saves his brother Harry from drowning. Harry becomes a Navy pilot. "
        "When George wishes he had never been born, Clarence shows George what "
        "the town would have been like without him. Harry is dead, as George was "
        "not there to save him. George runs back to the bridge and begs to be "
        "allowed to live again. Harry arrives to support his brother."
    )
    cast = (
        CastCredit("James Stewart", "George Bailey", 0),
        CastCredit("Todd Karns", "Harry Bailey", 5),
    )
    story = engine.run(film(plot, cast=cast))
    [harry] = [c for c in story.characters if c.actor == "Todd Karns"]
    quoted = " ".join(line.text for line in (*harry.profile, *harry.arc))
    assert "Harry is dead" not in quoted
    assert harry.fate is None


def test_an_older_self_under_a_married_name_is_the_same_character(engine):
    # Titanic (TRIPOD's credits): "Rose Dawson Calvert" is Rose DeWitt Bukater
    # at 100, credited "Old Rose"; she stood apart with no actor, and the
    # ship "RMS Titanic" was a character.
    plot = (
        "Rose Dawson Calvert, claiming to be the person in the drawing, visits "
        "Lovett on RMS Titanic's wreck. In 1912, Rose DeWitt Bukater boards RMS "
        "Titanic with her fiance Cal Hockley. Rose meets Jack Dawson. Jack and "
        "Rose fall in love. RMS Titanic sinks. Rose Dawson Calvert drops the "
        "necklace into the sea."
    )
    cast = (
        CastCredit("Leonardo DiCaprio", "Jack Dawson", 0),
        CastCredit("Kate Winslet", "Rose DeWitt Bukater", 1),
        CastCredit("Billy Zane", "Cal Hockley", 2),
        CastCredit("Gloria Stuart", "Old Rose", 5),
    )
    story = engine.run(film(plot, cast=cast))
    names = [c.name for c in story.characters]
    assert "Rose Dawson Calvert" not in names
    assert "RMS Titanic" not in names
    [rose] = [c for c in story.characters if c.actor == "Kate Winslet"]
    assert "Rose Dawson Calvert" in rose.aliases


def test_a_name_in_a_works_title_is_no_character(engine):
    # It's a Wonderful Life listed "Tom Sawyer (Edward Keane)": the credit
    # "Tom - Bldg. & Loan" claimed the hero of the book George finds.
    plot = (
        "George Bailey runs the Building and Loan. George wants to leave town. "
        "George finds a copy of The Adventures of Tom Sawyer with an inscription. "
        "George reads The Adventures of Tom Sawyer to his children."
    )
    cast = (
        CastCredit("James Stewart", "George Bailey", 0),
        CastCredit("Edward Keane", "Tom - Bldg. & Loan", 30),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Edward Keane" not in {c.actor for c in story.characters}
    assert "Tom Sawyer" not in {c.name for c in story.characters}


def test_a_surname_the_plot_gives_a_man_is_not_the_credited_daughters(engine):
    # Force 10 from Navarone gave Major Petrovich his daughter's credit
    # ("Maritza Petrovich", Barbara Bach); his own is "Petrovitch".
    plot = (
        "Schroeder sends them to retrieve them, under the guard of his concubine "
        "Maritza and three of his soldiers. Far from camp, Maritza kills the "
        "Germans, revealing herself to be a partisan spy. She directs Mallory "
        "towards the partisans under the command of her father, Major Petrovich. "
        "Skeptical, Major Petrovich dismisses Mallory's story about Lescovar. "
        "He reproves the men for killing the bandaged Chetniks, as the men were "
        "partisan infiltrators and his only link to his daughter Maritza. "
        "Major Petrovich's principal worry is an impending assault."
    )
    cast = (
        CastCredit("Robert Shaw", "Maj. Keith Mallory", 0),
        CastCredit("Barbara Bach", "Maritza Petrovich", 1),
        CastCredit("Franco Nero", "Lescovar", 2),
        CastCredit("Alan Badel", "Petrovitch", 3),
        CastCredit("Michael Byrne", "Schroeder", 4),
    )
    story = engine.run(film(plot, cast=cast))
    actors = {c.name: c.actor for c in story.characters}
    assert actors["Major Petrovich"] == "Alan Badel"
    assert actors["Maritza"] == "Barbara Bach"


def test_a_name_the_parser_cut_in_two_is_still_the_credited_person(engine):
    # Pinocchio listed "Honest John" without an actor beside "John (Walter
    # Catlett)": the parser cut one "Honest John" into "Honest" and "John".
    plot = (
        "However, the naive Pinocchio is spotted by the conniving con artists "
        "Honest John and Gideon, who quickly decide to sell the living puppet "
        "for money. They convince him to join Stromboli's puppet show instead. "
        "Meanwhile, Honest John and Gideon meet up with the sinister Coachman in "
        "a local tavern and boast of their success luring Pinocchio away. "
        "Unfortunately, on his way back to Geppetto's house, Pinocchio is once "
        "again led astray by Honest John and Gideon, who convince him that he "
        "is sick."
    )
    cast = (
        CastCredit("Mel Blanc", "Gideon", 0),
        CastCredit("Walter Catlett", "John Worthington Foulfellow", 2),
        CastCredit("Dickie Jones", "Pinocchio", 6),
        CastCredit("Charles Judels", "Stromboli", 7),
    )
    story = engine.run(film(plot, cast=cast))
    [john] = _by_word(story, "John")
    assert (john.name, john.actor) == ("Honest John", "Walter Catlett")


def test_a_name_the_plot_says_is_a_planet_is_no_character(engine):
    # Serenity listed the planet Miranda as a character.
    plot = (
        "Mal carries River back to Serenity, but the incident is captured on "
        'camera. He notes that River whispered "Miranda" before attacking. '
        "After another of River's outbursts, the crew discover that Miranda is "
        "a remote planet thought to have been rendered uninhabitable as the "
        "result of a terraforming accident. The way to Miranda is blocked by a "
        "region swarming with Reavers, so Mal disguises Serenity as a Reaver ship."
    )
    cast = (
        CastCredit("Nathan Fillion", "Mal", 0),
        CastCredit("Summer Glau", "River", 7),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Miranda" not in {c.name for c in story.characters}
    assert {"Mal", "River"} <= {c.name for c in story.characters}


def test_a_leads_bare_family_name_is_not_a_titled_relatives_credit(engine):
    # X-Men: First Class showed its hero with his father's actor ("Mr.
    # Lensherr (Erik's Dad)") and Charles apart from "Mrs. Xavier", his
    # mother, whom the plot never names: both credits took a bare surname.
    plot = (
        "At a World War II concentration camp in occupied Poland in 1944, "
        "scientist Dr. Klaus Schmidt observes young Erik Lensherr bend a metal "
        "gate with his mind when the child is separated from his mother. In his "
        "office, Schmidt orders Lensherr to move a coin on a desk, killing his "
        "mother when Lensherr cannot. Meanwhile, at a mansion in Westchester "
        "County, New York, young telepath Charles Xavier meets young "
        "shape-shifter Raven whose natural form is blue. Eighteen years later, "
        "Lensherr is tracking down Schmidt, while Xavier is graduating from "
        "Oxford University with a thesis about mutation. Xavier and Lensherr "
        "recruit stripper Angel Salvadore. Lensherr later frees Frost from "
        'confinement, now calling himself "Magneto".'
    )
    cast = (
        CastCredit("James McAvoy", "Charles Xavier / Professor X", 0),
        CastCredit("Michael Fassbender", "Erik Lehnsherr / Magneto", 1),
        CastCredit("Jennifer Lawrence", "Raven Darkholme / Mystique", 2),
        CastCredit("Zoë Kravitz", "Angel Salvadore / Tempest", 10),
        CastCredit("Laurence Belcher", "Charles Xavier (12 Years)", 19),
        CastCredit("Beth Goddard", "Mrs. Xavier", 20),
        CastCredit("Bill Milner", "Young Erik", 21),
        CastCredit("Éva Magyar", "Edie Lensherr", 33),
        CastCredit("Georg Nikoloff", "Mr. Lensherr (Erik's Dad)", 37),
    )
    story = engine.run(film(plot, cast=cast))
    by_actor = {c.actor: c for c in story.characters}
    assert {"Beth Goddard", "Georg Nikoloff"}.isdisjoint(by_actor)
    erik, charles = by_actor["Michael Fassbender"], by_actor["James McAvoy"]
    assert erik.name == "Erik Lensherr"
    assert {"Lensherr", "Magneto"} <= set(erik.aliases)
    assert charles.name == "Charles Xavier" and "Xavier" in charles.aliases
    assert charles.mentions == (2, 3, 4)


def test_a_titled_relative_keeps_a_family_name_the_plot_gives_them(engine):
    # The plot writes "Mrs. Xavier" herself: the bare name is hers where the
    # plot never gives the family name to the lead's given name.
    plot = (
        "Charles meets Raven in the kitchen. Mrs. Xavier ignores them both. "
        "Xavier leaves for a party in the city."
    )
    cast = (
        CastCredit("James McAvoy", "Charles Xavier / Professor X", 0),
        CastCredit("Jennifer Lawrence", "Raven Darkholme / Mystique", 2),
        CastCredit("Beth Goddard", "Mrs. Xavier", 20),
    )
    story = engine.run(film(plot, cast=cast))
    actors = {c.name: c.actor for c in story.characters}
    assert actors["Mrs. Xavier"] == "Beth Goddard"


def test_a_family_name_two_better_billed_relatives_share_is_neither(engine):
    # The Bourne Supremacy gave the murdered "Neski" (Vladimir) first to
    # "Mrs. Neski", then to Irena Neski, his daughter: "Irena Neski is
    # killed". The plot names both in full, so the plain name is neither's.
    plot = (
        "Some years ago, Russian politician Vladimir Neski was about to identify "
        "the thief when he was supposedly murdered by his wife in a Berlin "
        "hotel. Bourne visits the hotel where the killing took place and "
        "remembers more of his mission—he killed Neski on Conklin's orders, and "
        "when Neski's wife showed up, he shot her to make it look like a "
        "murder–suicide. Bourne goes to Moscow to find Irena Neski, the "
        "daughter of Vladimir Neski."
    )
    cast = (
        CastCredit("Matt Damon", "Jason Bourne", 0),
        CastCredit("Chris Cooper", "Alexander Conklin", 6),
        CastCredit("Oksana Akinshina", "Irena Neski", 14),
        CastCredit("Yevgeni Sitokhin", "Vladimir Neski", 15),
        CastCredit("Marina Weis", "Mrs. Neski", 16),
    )
    story = engine.run(film(plot, cast=cast))
    by_actor = {c.actor: c for c in story.characters}
    assert by_actor["Oksana Akinshina"].fate is None
    assert by_actor["Oksana Akinshina"].mentions == (2,)
    assert "Marina Weis" not in by_actor


def test_a_one_letter_name_inside_another_is_not_that_person(engine):
    # X-Men: First Class gave Charles Xavier ("Professor X") the alias
    # "Division X", the CIA's facility.
    plot = (
        "Another CIA executive sponsors the mutants and invites them to the "
        'secret "Division X" facility. Xavier brings Lensherr to Division X, '
        "where they meet young scientist Hank McCoy. Xavier and Lensherr "
        "recruit stripper Angel Salvadore."
    )
    cast = (
        CastCredit("James McAvoy", "Charles Xavier / Professor X", 0),
        CastCredit("Michael Fassbender", "Erik Lehnsherr / Magneto", 1),
        CastCredit("Nicholas Hoult", "Hank McCoy / Beast", 5),
    )
    story = engine.run(film(plot, cast=cast))
    names = {name for c in story.characters for name in (c.name, *c.aliases)}
    assert "Division X" not in names


def test_a_name_the_plot_says_a_credited_person_goes_by_now_is_that_person(engine):
    """X-Men: First Class credits Kevin Bacon only as Sebastian Shaw, whom
    the plot first calls Klaus Schmidt."""
    plot = (
        "At a camp in occupied Poland in 1944, scientist Dr. Klaus Schmidt "
        "observes young Erik Lensherr bend a metal gate with his mind. "
        "In his office, Schmidt orders Lensherr to move a coin. "
        "Eighteen years later, Lensherr is tracking down Schmidt. "
        "In Las Vegas, Moira MacTaggert follows Colonel Hendry into the Hellfire "
        "Club, where she sees Schmidt (now known as Sebastian Shaw, telepathic "
        "Emma Frost, and teleporter Azazel. "
        "Hendry later is killed by Shaw. Lensherr kills Shaw with a coin."
    )
    cast = (
        CastCredit("Michael Fassbender", "Erik Lehnsherr"),
        CastCredit("Kevin Bacon", "Sebastian Shaw / Black Bishop"),
        CastCredit("Rose Byrne", "Moira MacTaggert"),
    )
    story = engine.run(film(plot, cast=cast))
    shaw = next(c for c in story.characters if c.name == "Sebastian Shaw")
    assert shaw.actor == "Kevin Bacon"
    assert "Klaus Schmidt" in shaw.aliases
    assert not any("Schmidt" in c.name for c in story.characters)


def test_a_hyphenated_name_keeps_its_hyphen(engine):
    """Attack of the Clones showed "Obi Wan Kenobi" and "R2 D2"."""
    plot = (
        "Supreme Chancellor Palpatine assigns Obi-Wan Kenobi to protect Padmé. "
        "Obi-Wan tracks the assassin to Kamino. "
        "Obi-Wan fights Jango Fett on the landing platform. "
        "Padmé and Anakin marry on Naboo, with R2-D2 as a witness."
    )
    cast = (
        CastCredit("Ewan McGregor", "Obi Wan Kenobi"),
        CastCredit("Kenny Baker", "R2-D2"),
        CastCredit("Temuera Morrison", "Jango Fett"),
    )
    story = engine.run(film(plot, cast=cast))
    names = {c.name: c for c in story.characters}
    assert names["Obi-Wan Kenobi"].actor == "Ewan McGregor"
    assert names["R2-D2"].actor == "Kenny Baker"
    assert not {"Obi", "Wan", "Obi Wan Kenobi", "R2 D2"} & set(names)
    # Titles and quizzes call him what the plot does: "Obi-Wan", never "Obi".
    from plotguide.engine.referents import plot_name
    from tests.engine.parsed import parse

    assert plot_name(names["Obi-Wan Kenobi"], parse(engine, plot)) == "Obi-Wan"


def test_a_name_a_place_noun_introduces_is_no_character(engine):
    """Attack of the Clones: "the remote ocean planet of Kamino" was a
    character, as the parser calls "Kamino" a person three times."""
    plot = (
        "Obi-Wan learns that the dart was manufactured on the remote ocean "
        "planet of Kamino, and is assigned to investigate. "
        "In investigating Kamino, Obi-Wan discovers that it has been removed "
        "from the navigational archives. "
        "Obi-Wan heads to Kamino, where he discovers an army of clone troopers. "
        "Obi-Wan fights Jango Fett on the landing platform."
    )
    cast = (
        CastCredit("Ewan McGregor", "Obi-Wan Kenobi"),
        CastCredit("Temuera Morrison", "Jango Fett"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Kamino" not in {c.name for c in story.characters}


def test_a_city_named_after_a_person_is_no_character(engine):
    """Octopussy listed "Karl-Marx-Stadt", a city the parser calls a person
    once, as its 34th-billed credit, Karl."""
    plot = (
        "Bond follows Khan back to his palace in Rajasthan. "
        "Orlov is planning to meet Khan at Karl-Marx-Stadt in East Germany, where "
        "the circus is scheduled to perform. "
        "Bond infiltrates the circus."
    )
    cast = (
        CastCredit("Roger Moore", "James Bond"),
        CastCredit("Louis Jourdan", "Kamal Khan"),
        CastCredit("Steven Berkoff", "General Orlov"),
        CastCredit("Hugo Bower", "Karl"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Karl-Marx-Stadt" not in {c.name for c in story.characters}
    assert "Hugo Bower" not in {c.actor for c in story.characters}


def test_a_described_part_is_not_joined_to_a_nationality(engine):
    """The Last King of Scotland: "British" was a character played by Simon
    McBurney, whose credit is "British Diplomat" (the plot's Stone)."""
    plot = (
        "Amin replaces Garrigan's British passport with a Ugandan one, which leads "
        "Garrigan to seek help from Stone, the local British Foreign Office "
        "representative. "
        "Garrigan is told the British will help him leave Uganda if he uses his "
        "position to assassinate Amin, but Garrigan refuses. "
        "Garrigan boards the plane."
    )
    cast = (
        CastCredit("Forest Whitaker", "Idi Amin"),
        CastCredit("James McAvoy", "Dr. Nicholas Garrigan"),
        CastCredit("Simon McBurney", "British Diplomat"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "British" not in {c.name for c in story.characters}
    assert "Simon McBurney" not in {c.actor for c in story.characters}


def test_a_childs_credit_written_age10_is_the_same_person_young(engine):
    """Colombiana lost its heroine: "Cataleya Restrepo (Age10)" read as a
    second Cataleya, so the plot's "Cataleya" was nobody's."""
    plot = (
        "Fabio speaks with his daughter Cataleya. "
        "Cataleya escapes to the U.S. embassy. "
        "Years later, Cataleya works as an assassin for her uncle Emilio. "
        "Cataleya kills Don Luis."
    )
    cast = (
        CastCredit("Zoe Saldana", "Cataleya Restrepo", 0),
        CastCredit("Cliff Curtis", "Emilio", 1),
        CastCredit("Amandla Stenberg", "Cataleya Restrepo (Age10)", 5),
    )
    story = engine.run(film(plot, cast=cast))
    cataleya = next(c for c in story.characters if c.name.startswith("Cataleya"))
    assert cataleya.actor == "Zoe Saldana"
    assert cataleya.role == "protagonist"


def test_a_name_shared_with_a_credit_and_its_initial_is_the_others(engine):
    """Unknown lost Dr. Martin Harris: its impostor is credited "Martin B.",
    so the plot's plain "Martin" meant nobody."""
    plot = (
        "Dr. Martin Harris and his wife Liz arrive in Berlin. "
        "Martin is knocked unconscious when the taxi crashes. "
        "Martin returns to his hotel and finds Martin B with his wife. "
        "Martin asks Gina for help. "
        "Martin B attacks Martin in the car park."
    )
    cast = (
        CastCredit("Liam Neeson", "Dr. Martin Harris", 0),
        CastCredit("Diane Kruger", "Gina", 1),
        CastCredit("Aidan Quinn", "Martin B.", 3),
    )
    story = engine.run(film(plot, cast=cast))
    harris = next(c for c in story.characters if c.actor == "Liam Neeson")
    assert "Martin" in harris.aliases
    assert harris.role == "protagonist"


def test_a_place_named_for_its_owner_is_not_the_owner(engine):
    """Dirty Dancing: Max Kellerman's profile was "Baby is vacationing with
    her affluent family at Kellerman's, a resort"."""
    plot = (
        'Frances "Baby" Houseman is vacationing with her family at Kellerman\'s, '
        "a resort in the Catskill Mountains. "
        "Her father, Dr. Jake Houseman, is the personal physician of Max Kellerman, "
        "the resort's owner. "
        "Baby develops a crush on the dance instructor Johnny Castle. "
        "When they return to Kellerman's, they learn that Penny is ill."
    )
    cast = (
        CastCredit("Jennifer Grey", 'Frances "Baby" Houseman'),
        CastCredit("Patrick Swayze", "Johnny Castle"),
        CastCredit("Jerry Orbach", "Dr. Jake Houseman"),
        CastCredit("Jack Weston", "Max Kellerman"),
    )
    story = engine.run(film(plot, cast=cast))
    max_ = next(c for c in story.characters if c.name == "Max Kellerman")
    assert max_.mentions == (1,)


def test_what_precedes_a_title_inside_a_name_is_no_alias(engine):
    """Attack of the Clones gave Count Dooku the alias "Jedi", from "the former
    Jedi Knight Count Dooku"."""
    plot = (
        "The former Jedi Knight Count Dooku has organized a Separatist movement. "
        "The Jedi find themselves outnumbered by the droid army. "
        "Dooku defeats Obi-Wan Kenobi, but then Yoda arrives to challenge the Count. "
        "Dooku flees in his ship."
    )
    cast = (
        CastCredit("Christopher Lee", "Count Dooku"),
        CastCredit("Ewan McGregor", "Obi-Wan Kenobi"),
        CastCredit("Frank Oz", "Yoda"),
    )
    story = engine.run(film(plot, cast=cast))
    dooku = next(c for c in story.characters if c.actor == "Christopher Lee")
    assert "Jedi" not in dooku.aliases
    assert not any("Jedi" in alias for alias in dooku.aliases)


def test_a_credits_second_part_of_another_generation_is_another_person(engine):
    """Mary Poppins gave Bert the alias "Dawes Sr": Dick Van Dyke's credit
    "Bert/Mr. Dawes, Sr." is the chimney sweep and the old bank chairman."""
    plot = (
        "The action descends to Earth where Bert is performing as a one-man band. "
        "Mary and Bert join the children on the merry-go-round. "
        "Upon arriving at the bank, Mr. Dawes Jr and Mr. Dawes Sr try to persuade "
        "Michael to invest his tuppence in the bank. "
        "Mr. Dawes Sr dies laughing."
    )
    cast = (
        CastCredit("Julie Andrews", "Mary Poppins"),
        CastCredit("Dick Van Dyke", "Bert/Mr. Dawes, Sr."),
        CastCredit("Arthur Malet", "Mr. Dawes Jr."),
        CastCredit("Matthew Garber", "Michael"),
    )
    story = engine.run(film(plot, cast=cast))
    bert = next(c for c in story.characters if c.name == "Bert")
    assert not any("Dawes" in alias for alias in bert.aliases)
    played = [c.name for c in story.characters if c.actor == "Dick Van Dyke"]
    assert len(played) == 2


def test_a_name_the_plot_says_is_a_band_is_no_character(engine):
    """Almost Famous listed the band "Stillwater" among its characters: the
    parser calls it a person seven times, the plot "the opening band"."""
    plot = (
        "William Miller is a teenaged aspiring rock journalist. "
        "He also meets the opening band, Stillwater. "
        "William and Penny go to Hollywood to see Stillwater again. "
        "William goes on tour with Stillwater and the Band-Aids. "
        "Stillwater plays in Topeka, and Russell argues with Jeff."
    )
    cast = (
        CastCredit("Patrick Fugit", "William Miller"),
        CastCredit("Kate Hudson", "Penny Lane"),
        CastCredit("Billy Crudup", "Russell Hammond"),
        CastCredit("Jason Lee", "Jeff Bebe"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Stillwater" not in {c.name for c in story.characters}


@pytest.mark.parametrize(
    ("plot", "name"),
    [
        (  # Rango listed the town "Dirt" as a character (its plot's sentences).
            "He meets an armadillo named Roadkill who is seeking the "
            "mystical Spirit of the West and directs the parched chameleon "
            "to find water at a town called Dirt. While wandering the "
            "desert, he narrowly avoids being eaten by a red-tailed hawk and "
            "has a surreal nightmare before meeting the desert iguana Beans "
            ", a rancher's daughter, who takes the chameleon to Dirt, an Old "
            "West town populated by desert animals. After discovering Dirt's "
            "water reserves — stored in the town bank inside a water cooler "
            "bottle — to be near empty, a skeptical Beans demands Rango "
            "investigate. Rango confronts the mayor about his buying of land "
            "around Dirt, who denies any wrongdoing and shows Rango that he "
            "is building a modern city with the purchased land. With the aid "
            "of Roadkill and mystical moving yuccas, Rango learns that "
            "Dirt's water supply is controlled by an emergency shut-off "
            "valve in a water pipeline to Las Vegas, which the mayor has "
            "been manipulating. Recruiting the robbers' clan to aid him, "
            "Rango returns to Dirt to call out Jake for a duel with a single "
            "bullet, a diversion so the clan and yuccas can turn the "
            "pipeline's valve to flood the town with water and free the "
            "falsely accused robbers. The citizens of Dirt celebrate the "
            "return of the water and recognize Rango as their hero.",
            "Dirt",
        ),
        (  # Red Dog listed the town "Dampier".
            "Truck driver Thomas arrives in Dampier, Western Australia, late "
            "one night. Upon arriving in Dampier, the dog befriends many of "
            "the employees of Hamersley Iron, who have a major iron ore "
            "excavation in progress. After living in Dampier for two years, "
            "John proposes to Nancy. After three weeks Red decides to look "
            "for John, first at Hamersley Iron, then the bar and other "
            "places where John was known to go, until all of Dampier is "
            "explored. Finally, the grief catches up to him, and he decides "
            "to return to Dampier. Nancy and John's friends at Hamersley "
            "then travel to the community of Dampier in support of Red Dog "
            'and, after a "civilised chat" with some of the miners, the '
            "caretaker and his wife leave, leaving their cat, Red Cat, "
            "behind. One year later, Thomas once again drives up to Dampier "
            "with a new puppy, a new Red Dog and the whole town unveils a "
            "statue of Red Dog, a statue which still stands today.",
            "Dampier",
        ),
        (  # Hotel Rwanda listed "Hutu", a people.
            "Tensions between the Hutu and Tutsi peoples lead to a war in Rwanda. "
            "Paul Rusesabagina is Hutu, but his wife Tatiana is Tutsi. "
            "His marriage is a source of friction with Hutu extremists.",
            "Hutu",
        ),
    ],
)
def test_a_town_or_a_people_the_plot_names_is_no_character(engine, plot, name):
    cast = other_credits(8)
    story = engine.run(film(plot, cast=cast))
    assert name not in {c.name for c in story.characters}


def test_a_full_name_spelt_like_a_credit_is_theirs_though_read_as_a_place(engine):
    """Straw Dogs writes "Janice Hedden" for the credit Janice Heddon, and the
    parser reads it as a place: a place named after a credit ("Crystal Falls"
    beside Jerri Falls) is nobody's, a misspelt full name still is theirs."""
    plot = (
        "However, earlier that evening Niles had accidentally strangled a "
        "flirtatious young girl from the village, Janice Hedden , and now her "
        "father, the town drunkard, Tom , and the workmen looking for him are "
        "alerted by the phone call to Niles's whereabouts. "
        "David drives Niles home."
    )
    cast = (
        CastCredit("Dustin Hoffman", "David Sumner"),
        CastCredit("David Warner", "Henry Niles"),
        CastCredit("Sally Thomsett", "Janice Heddon"),
    )
    story = engine.run(film(plot, cast=cast))
    assert "Sally Thomsett" in {c.actor for c in story.characters}


def test_a_castle_is_no_character(engine):
    """Ironclad listed "Rochester Castle" as a character (its plot's sentences)."""
    plot = (
        "The three men agree that John must be stopped, and that the "
        "place to do it is Rochester Castle, a strategically important "
        "stronghold that controls the route from southern England. A "
        "party of seven finally leaves for Rochester where, on arriving, "
        "they discover six of the King Danish mercenaries have already "
        "claimed the castle after the fourth man had betrayed them to "
        "the king. Aubigny's party fights and kills the Danish scouts "
        "and then claims Rochester Castle in the name of the rebellion, "
        "much to the displeasure of Baron Cornhill, its lord. When "
        "John's army finally arrives and lays siege to Rochester, the "
        "garrison holds fast and manages to beat back the initial Danish "
        "assault. The film ends with an epilogue describing King John's "
        "death during his retreat and the reconstruction of Rochester "
        "Castle, and how it, like the Magna Carta, still stands today. "
        "Marshall rides off with Isabel."
    )
    cast = other_credits(6) + (
        CastCredit("James Purefoy", "Thomas Marshall"),
        CastCredit("Paul Giamatti", "King John"),
        CastCredit("Kate Mara", "Lady Isabel"),
    )
    story = engine.run(film(plot, cast=cast))
    assert not any("Rochester" in c.name for c in story.characters)
