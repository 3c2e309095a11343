"""The bench scripts keep working; they run here on one hand-written film."""

import importlib.util
import sys
from pathlib import Path

from plotguide.engine import CastCredit
from plotguide.engine.story import Character
from tests.engine.plots import GARDEN, HARBOR

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"bench_{name}"] = module
    spec.loader.exec_module(module)
    return module


def test_engine_speed_times_every_component(engine):
    speed = load("engine_speed")
    totals = speed.component_times(engine, [HARBOR])
    assert set(engine.config.pipeline) < set(totals)


def test_eval_content_reports_one_film(engine, harbor, capsys):
    evaluation = load("eval_content")
    item = evaluation.Annotated(
        "test", "Harbor", HARBOR, ("police",), (1, 6, 9, 14, 15)
    )
    picks = tuple(tp.sentence for tp in harbor.timeline.turning_points)
    evaluation.report_turning_points("one", [(item, picks)])
    evaluation.report_spoilers("one", [(item, harbor)])
    evaluation.report_characters("one", [(HARBOR, harbor)])
    printed = capsys.readouterr().out
    assert "one turning points exact (engine)" in printed
    assert "one actor attribution accuracy" in printed


def test_eval_content_cross_validates_over_shuffled_deals(engine, capsys):
    evaluation = load("eval_content")
    items = [
        evaluation.Annotated("train", film.title, film, (), (0, 1, 2, 3, 4))
        for film in (HARBOR, GARDEN)
    ]
    evaluation.cross_validate_turning_points(engine, items, folds=2, deals=2)
    printed = capsys.readouterr().out
    assert "tripod/cv neighbour weight 0.25 turning points exact (engine)" in printed
    pooled = "tripod/cv 2 deals neighbour weight 0.25 turning points exact (engine)"
    assert pooled in printed
    assert "n=20" in printed.split(pooled)[1].splitlines()[0]


def test_eval_content_takes_a_characters_actor_over_a_shared_surname():
    # Force 10 from Navarone: "Major Petrovich (Alan Badel)" and "Maritza
    # (Barbara Bach)" are two people, not the credit "Maritza Petrovich" split.
    evaluation = load("eval_content")
    cast = (
        CastCredit("Barbara Bach", "Maritza Petrovich", 0),
        CastCredit("Alan Badel", "Petrovitch", 1),
    )
    people = evaluation.reference_people(cast)
    major = Character("Major Petrovich", (), "supporting", 1.0, (0,), "Alan Badel")
    maritza = Character("Maritza", (), "supporting", 1.0, (0,), "Barbara Bach")
    assert evaluation.identify(major, people).character == "Petrovitch"
    assert evaluation.identify(maritza, people).character == "Maritza Petrovich"


def test_eval_protagonists_compares_the_engine_with_the_labels_and_billing(
    engine, capsys
):
    bench = load("eval_protagonists")
    labels = {"The Harbor Ledger": [{"nora"}], "Missing Film": [{"anyone"}]}
    bench.report("one", engine, labels, {"The Harbor Ledger": HARBOR})
    printed = capsys.readouterr().out
    assert "[x] The Harbor Ledger: engine ['Nora Vance']" in printed
    assert "[-] Missing Film: not in the data" in printed
    assert "one films labelled and found: 1 of 2" in printed
    assert "one engine protagonist agrees             1.000" in printed
    # A label names the lead; a wrong label is counted as a miss, not a pass.
    bench.report(
        "two",
        engine,
        {"The Harbor Ledger": [{"victor"}]},
        {"The Harbor Ledger": HARBOR},
    )
    assert "two engine protagonist agrees             0.000" in capsys.readouterr().out
