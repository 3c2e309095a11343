"""Roles: who the story follows and who works against them."""

from plotguide.engine import CastCredit
from plotguide.engine.roles import Candidate, protagonist
from tests.engine.plots import film

CAST = (
    CastCredit("Ann Bell", "Mara Quill", 0),
    CastCredit("Carl Dunn", "Holt", 1),
    CastCredit("Bo Cole", "Tobias", 2),
)


def roles(engine, plot: str) -> dict[str, str]:
    story = engine.run(film(plot, cast=CAST))
    return {c.name: c.role for c in story.characters}


def test_the_one_who_attacks_the_protagonist_twice_is_the_antagonist(engine):
    plot = (
        "Mara Quill keeps the lighthouse on Skerry. "
        "Holt threatens Mara with a pistol. "
        "Holt attacks Mara on the stairs. "
        "Mara escapes and signals the police. "
        "Tobias helps Mara."
    )
    assert roles(engine, plot) == {
        "Mara Quill": "protagonist",
        "Holt": "antagonist",
        "Tobias": "supporting",
    }


def test_a_single_hostile_act_does_not_make_an_antagonist(engine):
    plot = (
        "Mara Quill keeps the lighthouse on Skerry. "
        "Holt threatens Mara with a pistol. "
        "Mara escapes and signals the police. "
        "Tobias helps Mara and Holt."
    )
    assert "antagonist" not in roles(engine, plot).values()


def test_the_top_billed_credit_leads_when_the_plot_gives_them_half_the_weight():
    assert protagonist([Candidate((), 1.0, 1), Candidate((), 0.6, 0)]) == 1
    assert protagonist([Candidate((), 1.0, 1), Candidate((), 0.4, 0)]) == 0
    assert protagonist([Candidate((), 0.2, None), Candidate((), 0.9, None)]) == 1


def test_the_top_billed_credit_yields_to_the_lead_the_plot_is_told_through():
    # The Last King of Scotland bills Idi Amin first; the plot follows Garrigan.
    amin = Candidate((), 30.0, 0, subjects=8)
    garrigan = Candidate((), 45.0, 1, subjects=25)
    assert protagonist([garrigan, amin]) == 0
    # Named more but not doing more: the top-billed credit stays.
    assert protagonist([Candidate((), 45.0, 1, subjects=12), amin]) == 1
    # Doing more but named less: the top-billed credit stays.
    assert protagonist([Candidate((), 28.0, 1, subjects=25), amin]) == 1
    # A fifth-billed character who carries the plot (Almost Famous's William).
    penny, william = Candidate((), 21.0, 0, subjects=6), Candidate((), 43.0, 4, 20)
    assert protagonist([william, penny]) == 0


def test_a_top_billed_killer_yields_to_the_one_named_as_much():
    # Friday the 13th Part VII bills Jason Voorhees first; the plot follows Tina.
    tina, jason = Candidate((), 35.0, 1, subjects=16), Candidate((), 29.0, 0, 12)
    assert protagonist([tina, jason]) == 1
    assert protagonist([tina, jason], harmful=frozenset({1})) == 0
    # Nobody who does harm is promoted over the top-billed credit.
    assert protagonist([tina, jason], harmful=frozenset({0, 1})) == 1


def test_a_killer_is_not_the_protagonist_the_plot_is_told_through(engine):
    plot = (
        "Mara Quill keeps the lighthouse on Skerry. "
        "Holt kills the ferryman and threatens the harbour master. "
        "Mara finds the ferryman's boat. "
        "Holt kills the harbour master. "
        "Mara hides the boat in the cove. "
        "Mara rows to the mainland. "
        "Mara escapes and signals the police."
    )
    cast = (
        CastCredit("Carl Dunn", "Holt", 0),
        CastCredit("Ann Bell", "Mara Quill", 1),
    )
    story = engine.run(film(plot, cast=cast))
    roles = {c.name: c.role for c in story.characters}
    assert roles["Mara Quill"] == "protagonist"
    assert roles["Holt"] != "protagonist"
