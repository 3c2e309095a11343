from plotguide.engine import similar_films


def test_similar_films_rank_and_explain(engine, harbor, garden):
    from tests.engine.plots import film

    other = engine.run(
        film(
            "Detective Ray Moss investigates a murder at the docks of a harbor town. "
            "He finds a ledger of payments from a smuggler to the police captain. "
            "The captain warns Moss to drop the case. "
            "Moss arrests the captain after a chase on the pier.",
            title="Dock Work",
            directors=("Ada Linwood",),
            keywords=("police corruption",),
        )
    )
    results = similar_films(
        harbor, [("garden", garden), ("dock", other), ("self", harbor)]
    )
    assert [key for key, _, _ in results] == ["dock", "garden"]
    key, score, reasons = results[0]
    assert 0 < score <= 1
    assert any(reason.startswith("both: ") for reason in reasons)
    assert "same director" in reasons
    assert similar_films(harbor, [("dock", other)], limit=0) == []
