"""Generated film posters: an SVG drawn from a film's title, year and genres.

The catalogue has no images, so every film gets a poster of its own that
reads at card size: the genre picks the palette, the title picks the shapes,
and the title itself is set large. Imported titles are hostile input: they are
escaped for XML and stripped of characters XML cannot hold, so no title can
break the drawing or run in it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape

WIDTH, HEIGHT = 200, 300
LINE_CHARS = 12
MAX_LINES = 5
GENRE_CHARS = 18
TEXT_WIDTH = 168
# Characters XML 1.0 forbids even as references: a title holding one would
# make the whole poster an unreadable document.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Palette:
    """A poster's colours: a gradient from top to bottom, shapes, and the ink."""

    top: str
    bottom: str
    shape: str
    ink: str


# Looked up by a word of the genre's name, in the film's genre order, so
# "Crime Fiction" (CMU) and "Crime" (TMDB) share a palette.
PALETTES: tuple[tuple[tuple[str, ...], Palette], ...] = (
    (("horror",), Palette("#1a0a0c", "#4a0d12", "#b3121f", "#f6e7dc")),
    (("thriller", "suspense"), Palette("#0d1b24", "#1f3a4a", "#e0a526", "#f3efe4")),
    (
        ("crime", "noir", "gangster"),
        Palette("#121212", "#3a2f24", "#c8a15a", "#f4ecdc"),
    ),
    (("science", "sci-fi"), Palette("#08122e", "#203a7a", "#39c6d6", "#e9f6ff")),
    (("fantasy",), Palette("#1d0f35", "#4b2a7a", "#d9a7ff", "#f7efff")),
    (("animation", "animated"), Palette("#ffb347", "#ff6f61", "#fff3b0", "#2b1020")),
    (("family", "children"), Palette("#2f8f83", "#a8e0c9", "#ffd166", "#10302b")),
    (("comedy",), Palette("#ffd23f", "#ff8c42", "#fffbe6", "#2d1e0f")),
    (("romance", "romantic"), Palette("#5c1a33", "#c94b6d", "#ffc2d1", "#fff1f4")),
    (("war",), Palette("#2b2d1e", "#5b5a3a", "#c2b280", "#f2efe2")),
    (("western",), Palette("#5a2e12", "#c46a2b", "#ffd08a", "#fff5e6")),
    (("documentary",), Palette("#1f2a30", "#47606b", "#f2f2f2", "#ffffff")),
    (("music", "concert"), Palette("#14082b", "#6a1b9a", "#ff4fa3", "#fff0fa")),
    (("mystery",), Palette("#101820", "#2e4756", "#9ad1d4", "#eef8f8")),
    (("adventure",), Palette("#0f3d3e", "#2f7d6d", "#f4c95d", "#f7fbf2")),
    (("action",), Palette("#1b1b1b", "#7a1f0e", "#ff7a18", "#fff4e8")),
    (
        ("history", "historical", "biograph", "period"),
        Palette("#2a1f14", "#6b4f32", "#e2c290", "#fbf4e6"),
    ),
    (("drama",), Palette("#15233b", "#3d5a80", "#ee6c4d", "#f4f1ea")),
)
DEFAULT = Palette("#1e1b2e", "#45406b", "#f0b67f", "#f8f4ec")


def palette_for(genres: Iterable[str]) -> Palette:
    """Return the palette of the film's first genre that has one."""
    for genre in genres:
        name = genre.lower()
        for words, palette in PALETTES:
            if any(word in name for word in words):
                return palette
    return DEFAULT


def title_lines(title: str) -> list[str]:
    """Return the title broken at spaces into short lines, at most MAX_LINES.

    A title too long for the lines ends in an ellipsis after a whole word.
    """
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] += "…"
    return lines or ["?"]


def width_in_ems(line: str) -> float:
    """Return a line's width in a bold serif, from rough widths per kind of letter.

    Counting letters alone lets "WALL·E" run off the poster: capitals and
    m or w are wide, i or l narrow.
    """
    widths = {"MW": 0.98, "mw": 0.82, "fijlrt.,:;'!|·": 0.34, " ": 0.27}
    total = 0.0
    for char in line:
        group = next((w for chars, w in widths.items() if char in chars), None)
        total += group or (0.74 if char.isupper() else 0.56)
    return total


def font_size(lines: list[str]) -> int:
    """Return a size at which the widest line fits the poster's text width."""
    widest = max(width_in_ems(line) for line in lines)
    return max(12, min(34, int(TEXT_WIDTH / widest)))


def tspan(line: str, y: float, size: int) -> str:
    """Return one line of the title; one too wide even at the smallest size is
    squeezed to the text width rather than cut off at the poster's edge."""
    squeeze = ""
    if width_in_ems(line) * size > TEXT_WIDTH:
        squeeze = f' textLength="{TEXT_WIDTH}" lengthAdjust="spacingAndGlyphs"'
    return f'<tspan x="16" y="{y:.0f}"{squeeze}>{escape(line)}</tspan>'


def poster_svg(title: str, year: int | None, genres: Iterable[str]) -> str:
    """Return the poster of a film as a standalone SVG document."""
    title = NOT_XML.sub("", title).strip()
    genre_names = [NOT_XML.sub("", name) for name in genres]
    colours = palette_for(genre_names)
    seed = hashlib.sha256(title.encode()).digest()
    lines = title_lines(title)
    size = font_size(lines)
    first_y = HEIGHT - 34 - (len(lines) - 1) * size * 1.08
    tspans = "".join(
        tspan(line, first_y + n * size * 1.08, size) for n, line in enumerate(lines)
    )
    circle_x, circle_y = 40 + seed[0] % 120, 45 + seed[1] % 50
    radius = 28 + seed[2] % 32
    band_y = 100 + seed[3] % 50
    tilt = -20 + seed[4] % 40
    label = escape(title + (f" ({year})" if year else ""))
    year_text = f'<text x="16" y="28" class="y">{year}</text>' if year else ""
    genre = next((name for name in genre_names if len(name) <= GENRE_CHARS), "")
    genre_text = escape(genre.upper())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{label}">'
        f"<title>{label}</title>"
        '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
        f'<stop offset="0" stop-color="{colours.top}"/>'
        f'<stop offset="1" stop-color="{colours.bottom}"/></linearGradient></defs>'
        "<style>text{font-family:Fraunces,Georgia,'Times New Roman',serif;"
        f"fill:{colours.ink}}}.y,.k{{font-family:'Atkinson Hyperlegible',"
        "Verdana,sans-serif;font-size:11px;letter-spacing:2px}</style>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="url(#g)"/>'
        f'<circle cx="{circle_x}" cy="{circle_y}" r="{radius}" '
        f'fill="{colours.shape}" opacity=".85"/>'
        f'<rect x="-40" y="{band_y}" width="{WIDTH + 80}" height="14" '
        f'fill="{colours.shape}" opacity=".35" '
        f'transform="rotate({tilt} {WIDTH / 2} {band_y})"/>'
        f'<rect x="0" y="{HEIGHT * 0.55:.0f}" width="{WIDTH}" '
        f'height="{HEIGHT * 0.45:.0f}" fill="{colours.top}" opacity=".55"/>'
        f"{year_text}"
        f'<text font-size="{size}" font-weight="600">{tspans}</text>'
        f'<text x="16" y="{HEIGHT - 14}" class="k">{genre_text}</text>'
        "</svg>"
    )
