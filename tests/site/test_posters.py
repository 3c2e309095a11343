"""Generated posters: one per film, drawn from its title, year and genres."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from plotguide.catalog.models import Film, Genre
from plotguide.site.posters import TEXT_WIDTH, poster_svg, title_lines, width_in_ems

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '</svg><script>alert(1)</script> & "Tom\'s" <b>\x01\x0b</b> ]]>'


def drawn(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def title_text(root: ElementTree.Element) -> str:
    return " ".join(span.text for span in root.iter(f"{SVG}tspan"))


@pytest.mark.django_db
def test_a_films_poster_is_a_cacheable_svg_with_its_title_and_year(client):
    film = Film.objects.create(title="Donnie Brasco", year=1997)
    film.genres.add(Genre.objects.get_or_create_named("Crime")[0])
    response = client.get(f"/films/{film.slug}/poster.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in response["Cache-Control"]
    root = drawn(response.content.decode())
    assert root.find(f"{SVG}title").text == "Donnie Brasco (1997)"
    assert title_text(root) == "Donnie Brasco"
    assert "CRIME" in response.content.decode()
    again = client.get(
        f"/films/{film.slug}/poster.svg", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304


@pytest.mark.django_db
def test_an_unknown_films_poster_is_not_found(client):
    assert client.get("/films/no-such-film/poster.svg").status_code == 404


def test_a_hostile_title_stays_text_in_a_well_formed_poster():
    svg = poster_svg(HOSTILE, 2001, ["Horror</style>"])
    root = drawn(svg)  # raises on a broken document
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg
    label = root.find(f"{SVG}title").text
    assert label == HOSTILE.replace("\x01", "").replace("\x0b", "") + " (2001)"
    assert "alert(1)" in title_text(root)


def test_the_genre_chooses_the_palette_and_the_title_the_shapes():
    horror = poster_svg("The Thing", 1982, ["Horror", "Science Fiction"])
    comedy = poster_svg("The Thing", 1982, ["Comedy"])
    other = poster_svg("Airplane!", 1982, ["Comedy"])
    assert "#4a0d12" in horror and "#4a0d12" not in comedy
    assert comedy.split("<circle")[1] != other.split("<circle")[1]


def test_a_long_title_wraps_at_words_and_ends_with_an_ellipsis():
    title = "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb"
    lines = title_lines(title)
    assert len(lines) == 5
    assert lines[-1].endswith("…")
    assert title.startswith(" ".join(lines).removesuffix("…"))
    assert all(len(line) <= 12 or " " not in line for line in lines)


def test_a_title_of_wide_letters_never_runs_off_the_poster():
    for title in ["WALL·E MMMMMM", "W" * 30]:
        root = drawn(poster_svg(title, 2008, ["Animation"]))
        size = int(root.find(f"{SVG}text[@font-size]").get("font-size"))
        for span in root.iter(f"{SVG}tspan"):
            fits = width_in_ems(span.text) * size <= TEXT_WIDTH
            assert fits or span.get("textLength") == str(TEXT_WIDTH), span.text
