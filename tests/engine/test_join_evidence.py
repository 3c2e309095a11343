"""Whether a plot belongs to the film whose credits it was joined to."""

from __future__ import annotations

from plotguide.engine.join_evidence import AGREE, DISAGREE, UNSURE, join_evidence

RUSH_1991 = ["Jim Raynor", "Kristen Cates", "Gaines", "Larry Dodd"]
RUSH_2013 = ["James Hunt", "Niki Lauda", "Suzy Miller", "Marlene Knaus"]
PLOT_1991 = (
    "Narcotics officer Jim Raynor picks Kristen Cates as his partner. Raynor "
    "and Cates go undercover to catch the dealer Gaines."
)


def test_a_plot_naming_the_leads_agrees_with_its_credits():
    evidence = join_evidence(PLOT_1991, RUSH_1991)
    assert evidence.verdict == AGREE
    assert evidence.found == ("Jim Raynor", "Kristen Cates", "Gaines")


def test_a_plot_naming_none_of_the_leads_is_another_films():
    assert join_evidence(PLOT_1991, RUSH_2013).verdict == DISAGREE


def test_one_named_lead_of_several_is_not_enough_either_way():
    plot = "Raynor races a stranger at the Nurburgring."
    assert join_evidence(plot, RUSH_1991).verdict == UNSURE


def test_two_leads_and_a_premise_from_another_story_is_a_remake_or_spoof():
    plot = "Sir James Bond retires; Vesper recruits agents to fight SMERSH."
    premise = (
        "Le Chiffre, a banker to the world's terrorists, plays a high-stakes "
        "poker game in Montenegro; MI6 sends Bond on his maiden mission "
        "as a double-0 agent to make him lose."
    )
    credits = ["James Bond", "Vesper Lynd", "Le Chiffre", "Felix Leiter"]
    assert join_evidence(plot, credits).verdict == AGREE
    assert join_evidence(plot, credits, premise=premise).verdict == UNSURE


def test_parts_found_only_by_their_given_names_are_not_enough():
    plot = "Irena Dubrovna sketches a panther; Oliver Reed and Alice watch her."
    credits = ["Irena Gallier", "Oliver Yates", "Alice Perrin", "Paul Gallier"]
    assert join_evidence(plot, credits).verdict == UNSURE


def test_a_plot_citing_other_actors_is_another_film_even_with_the_same_parts():
    plot = "David Sumner and his wife Amy ([[Susan George move to Cornwall."
    credits = ["David Sumner", "Amy Sumner", "Charlie Venner"]
    remake_cast = ["James Marsden", "Kate Bosworth", "Alexander Skarsgard",
                   "James Woods", "Dominic Purcell"]  # fmt: skip
    original_cast = [*remake_cast[:4], "Susan George"]
    assert join_evidence(plot, credits, actors=remake_cast).verdict == DISAGREE
    assert join_evidence(plot, credits, actors=original_cast).verdict == AGREE


def test_described_parts_and_voice_credits_are_read_by_their_names():
    credits = ["Bartender", "Frances 'Baby' Houseman", "Johnny Castle (voice)"]
    evidence = join_evidence("Baby meets Johnny at Kellerman's.", credits)
    assert evidence.checked == ("Frances 'Baby' Houseman", "Johnny Castle (voice)")
    assert evidence.verdict == AGREE


REMAKE_CREDITS = [
    "Jill Johnson", "Tiffany Madison", "Stranger", "Bobby", "Ben Johnson",
    "Dr. Mandrakis", "Kelly Mandrakis", "Detective Hines", "Scarlet",
    "Officer Burroughs", "Will Mandrakis", "Rosa",
]  # fmt: skip
ORIGINAL_PLOT = (
    "Jill Johnson babysits for Dr. Mandrakis. A caller asks whether she has "
    "checked the children. The killer, Curt Duncan, is caught. Years later "
    "Duncan escapes; Dr. Mandrakis hires Clifford to find him. Clifford tracks "
    "Duncan to a tavern. Duncan's trail goes cold and Clifford loses him. "
    "Duncan finds Jill again, and Clifford kills Duncan in her bedroom, "
    "while Clifford's partner waits outside."
)


def test_a_plot_whose_own_leads_are_in_no_credit_is_held_not_joined():
    evidence = join_evidence(ORIGINAL_PLOT, REMAKE_CREDITS)
    assert evidence.uncredited_leads == ("Duncan", "Clifford")
    assert evidence.verdict == UNSURE
    assert "Duncan, Clifford are in no credit" in evidence.describe()
    credited = [*REMAKE_CREDITS[:-2], "Curt Duncan", "John Clifford"]
    assert join_evidence(ORIGINAL_PLOT, credited).verdict == AGREE


def test_a_short_cast_or_a_people_is_no_evidence_of_missing_leads():
    assert join_evidence(ORIGINAL_PLOT, REMAKE_CREDITS[:6]).verdict == AGREE
    plot = ORIGINAL_PLOT.replace("Clifford", "Soviets").replace("Duncan", "Soviet")
    assert join_evidence(plot, REMAKE_CREDITS).uncredited_leads == ()


RECALL_CREDITS = ["Douglas Quaid/Hauser", "Melina", "Lori", "Vilos Cohaagen"]
RECALL_PREMISE = (
    "Construction worker Douglas Quaid discovers a memory chip in his brain. "
    "Soon, he's off to Mars to find out who he is and who planted the chip."
)
RECALL_2012_PLOT = (
    "Factory worker Douglas Quaid visits Rekall. Lori, his wife, tries to kill "
    "him. Quaid meets Melina in the United Federation of Britain and fights "
    "Cohaagen on the Fall."
)


def test_a_remake_set_elsewhere_than_the_premise_is_held_not_joined():
    evidence = join_evidence(
        RECALL_2012_PLOT, RECALL_CREDITS, premise=RECALL_PREMISE, is_remake=True
    )
    assert evidence.unnamed_places == ("Mars",)
    assert evidence.verdict == UNSURE
    assert "a remake, it never names the premise's Mars" in evidence.describe()


def test_only_a_remake_is_asked_where_its_premise_is_set():
    """Plots often leave out a premise's city: only a remake keeps the names."""
    kw = {"premise": RECALL_PREMISE}
    assert join_evidence(RECALL_2012_PLOT, RECALL_CREDITS, **kw).verdict == AGREE
    plot_1990 = RECALL_2012_PLOT.replace("the United Federation of Britain", "Mars")
    remade = join_evidence(plot_1990, RECALL_CREDITS, is_remake=True, **kw)
    assert remade.verdict == AGREE


def test_a_premise_place_counts_as_named_by_any_of_its_words():
    premise = "An American visits Victorian London to see his estranged father."
    plot = "Lawrence Talbot returns from London to Blackmoor; his father John waits."
    credits = ["Lawrence Talbot", "John Talbot"]
    evidence = join_evidence(plot, credits, premise=premise, is_remake=True)
    assert evidence.unnamed_places == ()
    assert evidence.verdict == AGREE


YUMA_2007_CREDITS = [
    "Ben Wade", "Dan Evans", "William Evans", "Grayson Butterfield",
    "Byron McElroy", "Alice Evans", "Charlie Prince", "Doc Potter",
    "Emmy Nelson", "Glen Hollander", "Bill Moons", "Town Drunk (uncredited)",
]  # fmt: skip
YUMA_1957_PLOT = (
    "Rancher Dan Evans sees Ben Wade rob a stage. Butterfield offers $200 to take "
    "Wade to the train; the only other man willing is the town drunk, Alex Potter. "
    "Dan, Alex and Wade reach Contention City. Charlie Prince brings the gang. "
    "When Alex goes out to look, Alex calls a warning and Prince shoots him. "
    "Alex dies. Alice sees Dan safe on the train as rain breaks the drought."
)


def test_a_plot_naming_a_recurring_person_no_credit_has_is_held_not_joined():
    evidence = join_evidence(YUMA_1957_PLOT, YUMA_2007_CREDITS)
    assert evidence.uncredited_people == ("Alex Potter",)
    assert evidence.verdict == UNSURE
    assert "it names Alex Potter often" in evidence.describe()
    credited = [*YUMA_2007_CREDITS[:-1], "Alex Potter"]
    assert join_evidence(YUMA_1957_PLOT, credited).verdict == AGREE
    assert join_evidence(YUMA_1957_PLOT, YUMA_2007_CREDITS[:8]).verdict == AGREE


def test_a_misspelt_credit_a_place_or_a_thing_is_no_uncredited_person():
    spelt = [*YUMA_2007_CREDITS[:-1], "Alexa Potter"]
    assert (
        join_evidence(YUMA_1957_PLOT.replace("Alex", "Alexi"), spelt).verdict == AGREE
    )
    for name in ("Derby County", "the Navy Cross", "the FA Cup Final"):
        word = name.split()[-2]
        plot = f"{YUMA_1957_PLOT} {name} wins. {word} wins. " * 2
        plot = plot.replace("Alex", "Alexi")
        assert join_evidence(plot, spelt).uncredited_people == ()
