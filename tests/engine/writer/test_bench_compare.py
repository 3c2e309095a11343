"""bench/llm_compare.py keeps working: both engines on one film, side by side."""

import re
import sys
from pathlib import Path

from plotguide.engine.writer import WriterConfig, WriterEngine
from tests.engine.plots import HARBOR

BENCH = Path(__file__).resolve().parents[3] / "bench"


def test_the_comparison_prints_both_engines_for_one_film(
    engine, server, capsys, monkeypatch
):
    monkeypatch.syspath_prepend(str(BENCH))
    import llm_compare

    writer = WriterEngine(WriterConfig(server.url, "test-model"), offline=engine)
    pairs = llm_compare.run_both([("tripod", HARBOR, 9)], engine, writer)
    llm_compare.print_side_by_side(pairs)

    out = capsys.readouterr().out
    assert re.search(r"tripod sections written by the model +- +5/5\n", out)
    assert re.search(r"tripod characters sentences kept +- +9/9 = 1.000\n", out)
    assert re.search(r"spoiler-free citing >= human tp3 \(films\) +0/1 +0/1\n", out)
    assert re.search(r"tokens per film +0 +750\n", out)


def test_the_comparison_counts_only_the_sections_asked_for(
    engine, server, capsys, monkeypatch
):
    monkeypatch.syspath_prepend(str(BENCH))
    import llm_compare

    config = WriterConfig(server.url, "test-model", sections=("themes", "timeline"))
    writer = WriterEngine(config, offline=engine)
    llm_compare.print_side_by_side(
        llm_compare.run_both([("tripod", HARBOR, 9)], engine, writer)
    )

    out = capsys.readouterr().out
    assert re.search(r"tripod sections written by the model +- +2/2\n", out)
    assert "tripod themes sentences kept" in out
    assert "summary sentences kept" not in out


def test_claims_of_both_engines_are_scored_from_saved_stories(
    engine, server, capsys, monkeypatch, tmp_path
):
    monkeypatch.syspath_prepend(str(BENCH))
    import eval_claims
    import llm_compare

    writer = WriterEngine(WriterConfig(server.url, "test-model"), offline=engine)
    saved = tmp_path / "stories.json"
    llm_compare.save_pairs(
        llm_compare.run_both([("tripod", HARBOR, 9)], engine, writer), saved
    )
    monkeypatch.setattr(
        sys, "argv", ["eval_claims.py", "--engine", "llm", "--llm-load", str(saved)]
    )

    assert eval_claims.main() == 0

    out = capsys.readouterr().out
    assert "# offline engine, 1 films" in out and "# writer engine, 1 films" in out
    written = out.split("# writer engine")[1]
    assert re.search(r"retelling +1[0-9] ", written)
