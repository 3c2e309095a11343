"""Plot cleaning: markup, citations and credited actors' names never reach a reader."""

from plotguide.engine.cleaning import clean_line, clean_plot


def test_scripts_tags_and_citations_are_dropped():
    line = "Anna<script>alert(1)</script> finds <b>a</b> key.[2][citation needed]"
    assert clean_line(line) == "Anna finds a key."


def test_wiki_templates_and_references_leave_only_the_prose():
    line = "{{cite web|url=x}}Anna &amp; Tom<ref name=a>x</ref> leave."
    assert "cite" not in clean_line(line)
    assert clean_line(line).startswith("Anna & Tom")


def test_a_credited_actor_in_brackets_is_dropped_but_other_brackets_stay():
    line = "Raynor (Jason Patric) meets Cates (a cop)."
    cleaned = clean_line(line, frozenset({"jason", "patric"}))
    assert cleaned == "Raynor meets Cates (a cop)."


def test_a_doubled_name_and_stray_spaces_are_folded():
    cleaned = clean_line("Jim Raynor Jim Raynor meets  Cates .")
    assert cleaned == "Jim Raynor meets Cates."


def test_paragraphs_stay_apart_and_a_long_plot_is_cut_at_a_sentence():
    assert clean_plot("Anna finds a key.\n\nShe opens the door.") == (
        ("Anna finds a key.", "She opens the door."),
        False,
    )
    plot = "Anna finds a key. She opens the door."
    assert clean_plot(plot, max_chars=20) == (("Anna finds a key.",), True)
