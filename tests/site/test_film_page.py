"""The film story page: facts, sections in order, spoiler control, caching headers."""

from __future__ import annotations

import json
import re

import pytest

from django.utils.html import escape

from plotguide.catalog.models import Film, PostCredits
from plotguide.stories.models import Story
from tests.site.factories import RUSH_ENDING, make_film


def page(client, film: Film, query: str = "", **headers) -> tuple[int, str, object]:
    response = client.get(film.get_absolute_url() + query, **headers)
    return response.status_code, response.content.decode(), response


def test_quick_facts_come_first_then_sections_in_the_reference_order(client, rush):
    _, html, _ = page(client, rush, "?spoilers=all")
    for fact in ["Lili Fini Zanuck", "Metro-Goldwyn-Mayer", "1991", "120 minutes"]:
        assert fact in html
    assert 'Jason Patric</a> <span class="muted">as Jim Raynor' in html
    headings = re.findall(r'<h2 id="[\w-]+-heading">([^<]+)</h2>', html)
    assert headings == [
        "Plot summary and ending explained",
        "Timeline",
        "Characters",
        "Setting",
        "Themes",
        "Spoiler-free summary",
        "Quiz",
        "Similar films",
        "After the credits",
    ]


def test_the_ending_is_hidden_until_a_reader_asks_for_everything(client, rush):
    _, hidden, _ = page(client, rush)
    assert RUSH_ENDING not in hidden
    assert "The plot summary is hidden by your spoiler choice." in hidden
    assert "Captain Dodd orders him to pick a partner" in hidden
    _, shown, _ = page(client, rush, "?spoilers=all")
    assert RUSH_ENDING in shown
    assert "Ending explained" in shown


def test_no_spoilers_shows_characters_without_arcs(client, rush):
    _, html, _ = page(client, rush, "?spoilers=none")
    assert "Jim Raynor" in html
    assert "Arc:" not in html
    assert "dies in Cates" not in html


def test_up_to_an_event_hides_everything_after_it_including_arcs(client, rush):
    events = Story.objects.get(film=rush).sections["timeline"]["events"]
    _, html, _ = page(client, rush, "?spoilers=upto:1")
    assert f"<h3>{escape(events[1]['title']['text'])}</h3>" in html
    assert f"<h3>{escape(events[3]['title']['text'])}</h3>" not in html
    assert "dies in Cates" not in html
    assert RUSH_ENDING not in html
    assert "The ending is hidden by your spoiler choice." in html
    assert '<option value="upto:1" selected>' in html


def test_an_unreadable_spoiler_choice_falls_back_to_no_spoilers(client, rush):
    status, html, _ = page(client, rush, "?spoilers=<script>")
    assert status == 200
    assert RUSH_ENDING not in html
    assert "<script>" not in html.split("</head>")[1]


def test_the_choice_is_remembered_for_this_film_only(client, rush):
    _, _, response = page(client, rush, "?spoilers=all")
    cookie = response.cookies["spoilers_film"]
    assert cookie.value == "all"
    # The browser sends it back for this film's pages and no other film's.
    assert cookie["path"] == rush.get_absolute_url()
    _, html, response = page(client, rush)
    assert RUSH_ENDING in html
    assert "Cookie" in response["Vary"]


def test_a_default_set_in_the_settings_applies_to_films_not_chosen_for(client, rush):
    assert "No spoilers" in client.get("/settings/").content.decode()
    response = client.post("/settings/", {"spoilers": "all"})
    assert response.cookies["spoilers_default"].value == "all"
    assert response.cookies["spoilers_default"]["path"] == "/"
    _, html, _ = page(client, rush)
    assert RUSH_ENDING in html
    client.cookies["spoilers_film"] = "none"  # this film's own choice wins
    _, html, _ = page(client, rush)
    assert RUSH_ENDING not in html


def test_a_film_opens_without_spoilers_when_nothing_was_chosen(client, rush):
    client.cookies["spoilers"] = "all"  # the old site-wide cookie is ignored
    _, html, _ = page(client, rush)
    assert RUSH_ENDING not in html


def test_cache_headers_say_what_each_variant_depends_on(client, rush):
    _, _, bare = page(client, rush)
    _, _, explicit = page(client, rush, "?spoilers=all")
    assert bare["Cache-Control"].startswith("public, max-age=")
    assert "Cookie" in bare["Vary"]
    assert not explicit.has_header("Vary") or "Cookie" not in explicit["Vary"]
    assert bare["ETag"] != explicit["ETag"]
    client.cookies.clear()
    status, body, _ = page(client, rush, HTTP_IF_NONE_MATCH=bare["ETag"])
    assert (status, body) == (304, "")


def test_an_editors_correction_wins_and_the_cached_page_follows_it(client, rush):
    _, before, _ = page(client, rush)
    story = Story.objects.get(film=rush)
    spoiler_free = dict(story.sections["spoiler_free"])
    spoiler_free["lines"] = [
        {"text": "An editor wrote this premise.", "sources": [0], "kind": "fixed"}
    ]
    story.corrections = {"spoiler_free": spoiler_free}
    story.save()
    _, after, _ = page(client, rush)
    assert "An editor wrote this premise." in after
    assert "corrected by an editor" in after
    assert "An editor wrote this premise." not in before


def test_the_page_says_once_how_it_was_made_source_licence_and_checks(client, rush):
    _, html, _ = page(client, rush, "?spoilers=all")
    assert html.count("(licence: CC BY-SA 4.0)") == 1
    assert html.count("How this page was made:") == 1
    assert "timeline_order: passed" in html
    assert "no_doubled_names: passed" in html


def test_similar_films_show_with_their_reasons(client, rush):
    _, html, _ = page(client, rush)
    assert '<a href="/films/serpico-1973/">Serpico (1973)</a>' in html
    assert "Undercover police, corruption" in html


def test_after_the_credits_is_not_known_rather_than_guessed(client, rush):
    _, html, _ = page(client, rush)
    assert 'data-kind="unknown">Not known yet.' in html


@pytest.mark.django_db
def test_after_the_credits_follows_the_catalogue_fact(client, stories):
    film = make_film("rush", post_credits=PostCredits.MID)
    stories.publish(film)
    _, html, _ = page(client, film)
    assert "Stay for a mid-credits scene." in html


def test_structured_data_open_graph_and_canonical(client, rush):
    _, html, _ = page(client, rush, "?spoilers=upto:0")
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Movie"
    assert data["director"] == [{"@type": "Person", "name": "Lili Fini Zanuck"}]
    assert data["duration"] == "PT120M"
    assert RUSH_ENDING not in data["description"]
    assert (
        '<link rel="canonical" href="http://localhost:8000/films/rush-1991/">' in html
    )
    assert '<meta property="og:type" content="video.movie">' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_imported_text_is_escaped_everywhere(client, stories):
    film = make_film("rush", title="</script><script>alert(1)</script>")
    stories.publish(film)
    _, html, _ = page(client, film, "?spoilers=all")
    assert "<script>alert(1)" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    assert "\\u003C/script\\u003E" in html


@pytest.mark.django_db
def test_a_film_without_a_published_story_offers_a_request(client):
    film = make_film("rush")
    _, html, _ = page(client, film)
    assert "The full story of Rush" in html and "is not written yet" in html
    assert "/requests/new/?title=Rush&amp;year=1991" in html
    assert "Request the full story" in html
    assert "Lili Fini Zanuck" in html
    assert 'Jason Patric</a> <span class="muted">as Jim Raynor' in html


@pytest.mark.django_db
def test_an_unknown_film_is_not_found(client):
    assert client.get("/films/no-such-film/").status_code == 404


def test_head_requests_are_answered_like_get(client, rush):
    response = client.head(rush.get_absolute_url())
    assert response.status_code == 200
    assert response.has_header("ETag")


def test_the_reference_pages_faults_never_appear(client, rush):
    """Wrong year, Dodd as "the police chief", a town turned city, doubled names."""
    _, html, _ = page(client, rush, "?spoilers=all")
    body = re.sub(r"</?(a|span|strong)\b[^>]*>", "", html.split("<body>")[1])
    text = " ".join(re.sub(r"<[^>]+>", " | ", body).split())
    assert "Rush (1991)" in text and "1992" not in text
    assert "police chief" not in text
    assert "restless city" not in text
    assert "Captain Dodd" in text
    assert not re.search(r"\b([A-Z]\w+ [A-Z]\w+) \1\b", text)


def test_a_story_whose_credits_disagree_with_its_plot_never_says_all_passed(
    client, rush
):
    story = rush.story
    story.report = [
        *[c for c in story.report if c["name"] != "credits_match_plot"],
        {
            "name": "credits_match_plot",
            "passed": False,
            "details": ["credits: the plot names 0 of 4 top-billed characters"],
        },
    ]
    story.save()
    _, html, _ = page(client, rush, "?spoilers=all")
    assert "all passed" not in html
    assert "credits_match_plot: failed" in html


def test_previews_and_json_ld_end_at_a_sentence_end():
    from plotguide.site.story_page import whole_sentences

    text = "Jim Raynor is an officer. " * 20
    cut = whole_sentences(text, 300)
    assert len(cut) <= 300 and cut.endswith("officer.")
    assert whole_sentences("One long sentence " * 30, 60).endswith("…")


def test_places_not_stated_read_as_the_time_period_does(client, rush):
    # Half-Blood Prince showed "Time period Not stated" over "Places not stated".
    story = Story.objects.get(film=rush)
    story.data["setting"]["locations"] = [{"value": "not stated", "sources": []}]
    story.save()
    _, html, _ = page(client, rush, "?spoilers=all")
    assert "<dt>Places</dt><dd>Not stated</dd>" in html
    # A spoiler choice that hides every place says so the same way.
    story.data["setting"]["locations"] = []
    story.save()
    _, html, _ = page(client, rush, "?spoilers=all")
    assert "<dt>Places</dt><dd>Not stated</dd>" in html


def test_characters_seen_together_are_listed_once_not_labelled_each_time(client, rush):
    # The Last King of Scotland read "Shares scenes: Idi Amin; Shares scenes:
    # Kay; Shares scenes: Sarah".
    story = Story.objects.get(film=rush)
    raynor = story.data["characters"][0]
    raynor["relationships"] = [
        {"other": "Dodd", "kind": "shares scenes", "sources": [1, 2]},
        {"other": "Sharon", "kind": "wife", "sources": [3]},
        {"other": "Tum", "kind": "shares scenes", "sources": [4, 5]},
    ]
    story.save()
    _, html, _ = page(client, rush, "?spoilers=all")
    assert "Wife: Sharon; Shares scenes with Dodd and Tum" in html
    assert "Shares scenes:" not in html
