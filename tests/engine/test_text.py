"""Word helpers every section shares: stems, names without titles, verb forms."""

from plotguide.engine.text import shorten, stem, strip_titles, third_person, words


def test_forms_of_one_verb_share_a_stem():
    assert stem("kills") == stem("killed") == stem("killing") == "kill"


def test_a_name_loses_its_leading_titles_but_keeps_a_lone_title():
    assert strip_titles("Captain Dodd") == "Dodd"
    assert strip_titles("Dr. Watson") == "Watson"
    assert strip_titles("Captain") == "Captain"


def test_third_person_forms_read_as_english():
    forms = [third_person(v) for v in ("be", "carry", "watch", "run", "go")]
    assert forms == ["is", "carries", "watches", "runs", "goes"]


def test_shorten_keeps_the_first_words_without_a_dangling_comma():
    assert shorten("Anna finds the key, and leaves", 4) == "Anna finds the key"


def test_words_keep_possessives_and_hyphens_whole():
    assert words("Anna's key-ring opens 2 doors.") == [
        "Anna's",
        "key-ring",
        "opens",
        "2",
        "doors",
    ]
