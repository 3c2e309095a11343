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


def test_a_footnotes_source_never_reads_as_the_story():
    # It's a Wonderful Life in the CMU corpus: the reader had been told the
    # story is set in 1986, the year of the footnote's source.
    line = (
        "In Bedford Falls, New YorkAlthough assumed to be in New York State, "
        'the script only identifies the fictional Bedford Falls as in the "territory" '
        "that includes New York.Goodrich et al. 1986, p. 2.}} today. George dreams."
    )
    cleaned = clean_line(line)
    assert "1986" not in cleaned and "Goodrich" not in cleaned
    assert cleaned.endswith("George dreams.")


def test_a_source_cited_after_a_sentence_is_dropped():
    assert (
        clean_line("They are at sea.Toland 1991, p. 5. A patrol finds them.")
        == "They are at sea. A patrol finds them."
    )
    assert clean_line(
        "She falls, 'a blob of disappointment.'Coveney, p.221 Wendy waits."
    ) == ("She falls, 'a blob of disappointment.' Wendy waits.")


def test_page_numbers_in_the_story_itself_stay():
    line = "Mara reads page 12 of the diary. The note on p. 3 names Holt."
    assert clean_line(line) == line


def test_a_footnote_that_lost_its_opening_is_cut_back_to_where_it_was_glued():
    # It's a Wonderful Life in the CMU corpus: an {{efn|…|group=N}} note lost
    # its "{{efn|" and stuck to "New York"; the page read "New YorkAlthough".
    line = (
        "In Bedford Falls, New YorkAlthough assumed to be in New York State, the "
        'script only identifies the fictional Bedford Falls as in the "territory" '
        "that includes New York.Goodrich et al. 1986, p. 2.}} today.|group=N}} along "
        "with the promise of distant business trips, something that George always "
        "wanted to do."
    )
    # What the note swallowed is lost: the two sides do not make one sentence.
    assert clean_line(line) == (
        "In Bedford Falls, New York. along with the promise of distant business "
        "trips, something that George always wanted to do."
    )


def test_a_note_glued_after_a_full_stop_goes_with_its_citation():
    # Brüno: the note and its citation had read as the end of the sentence.
    line = (
        "He also meets with Ayman Abu Aita in a location described as a Palestinian "
        "refugee camp in Lebanon, where he hopes to be kidnapped.The actual location, "
        "according to Abu Aita, was a private section of a popular restaurant at the "
        "[http://www.palestinehotels.ps/hotel.php?hidhttp://www.co.madison.al.us/"
        "courts/courts/release.shtml |titleCo.madison.al.us |date2011-02-09}} after "
        "being arrested. Lutz says he loves Brüno."
    )
    cleaned = clean_line(line)
    assert "restaurant" not in cleaned and "http" not in cleaned
    assert cleaned.endswith(
        "hopes to be kidnapped. after being arrested. Lutz says he loves Brüno."
    )


def test_a_closing_with_no_glued_note_before_it_only_loses_its_citation():
    # Renigunta: the citation lost its "<ref", the prose before it is whole.
    line = (
        "They land at Renigunta where they come across Bunker , who acts as mediator "
        "between contract killers and clients.http://www.kollywoodtoday.net/news/"
        "no-more-violence-says-renigunta-director-panneerselvam/|titlekollywoodtoday"
        ".net |date2012-07-12}} At Renigunta, these boys get the acquaintance of "
        "Sardar  through Bunker."
    )
    assert clean_line(line) == (
        "They land at Renigunta where they come across Bunker, who acts as mediator "
        "between contract killers and clients. At Renigunta, these boys get the "
        "acquaintance of Sardar through Bunker."
    )
