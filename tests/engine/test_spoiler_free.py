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
