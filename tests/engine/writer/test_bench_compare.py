"""bench/llm_compare.py keeps working: both engines on one film, side by side."""

import re
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
    assert "tripod sections written by the model" in out
    assert "3/3" in out
    assert re.search(r"spoiler-free citing >= human tp3 \(films\) +0/1 +0/1\n", out)
    assert re.search(r"tokens per film +0 +450\n", out)
