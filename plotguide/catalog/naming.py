"""How titles and names are compared and turned into URLs.

One definition serves the models, the importers and search, so "The Godfather"
from TMDB and "Godfather, The" from another list land on the same film.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

_ARTICLE_AT_END = re.compile(r"^(?P<rest>.+),\s*(?P<article>the|a|an)$", re.I)
_NON_WORD = re.compile(r"[^0-9a-z]+")
_ANY_NON_WORD = re.compile(r"[\W_]+")
# Django's slugify, for ASCII text, which needs no Unicode normalising first.
_SLUG_DROPPED = re.compile(r"[^\w\s-]")
_SLUG_SEPARATORS = re.compile(r"[-\s]+")


def title_key(title: str) -> str:
    """Return a title's comparison key: no accents, case, punctuation or end article."""
    if _is_plain(title):
        return " ".join(title.lower().split())
    text = title.strip()
    if not text.isascii():  # most names are; normalising them costs an import 2 s
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("&", " and ")
    # Few names have a comma; the pattern would scan each one that does not.
    match = _ARTICLE_AT_END.match(text) if "," in text else None
    if match:
        text = f"{match.group('article')} {match.group('rest')}"
    key = _NON_WORD.sub(" ", text.lower()).strip()
    if key:
        return key
    # A title in another script ('千と千尋の神隠し', 'Юлия Снигирь') keeps its
    # own letters; stripping them to nothing would merge unrelated names.
    return _ANY_NON_WORD.sub(
        " ", unicodedata.normalize("NFKC", title).casefold()
    ).strip()


def name_key(name: str) -> str:
    """Return the comparison key of a person's, studio's or genre's name."""
    return title_key(name)


def base_slug(text: str, year: int | None = None, max_length: int = 80) -> str:
    """Return a readable slug such as 'rush-1991', before making it unique."""
    slug = _slugify(text)[: max_length - 5].strip("-")
    slug = slug or "untitled"
    return f"{slug}-{year}" if year else slug


def _slugify(text: str) -> str:
    """Django's slugify; for ASCII text without its normalising and lazy-text wrapper,
    which cost an import of 84,000 names about 2 s."""
    if _is_plain(text):
        return "-".join(text.lower().split())
    if not text.isascii():
        return slugify(unicodedata.normalize("NFKD", text))
    text = _SLUG_DROPPED.sub("", text.lower())
    return _SLUG_SEPARATORS.sub("-", text).strip("-_")


def _is_plain(text: str) -> bool:
    """Whether the text is only ASCII letters, digits and spaces, as nine names
    in ten are ("Sam Worthington").

    Such a text needs no pattern: its key and its slug are its lower-cased
    words joined by a space or a hyphen, as the patterns would leave them,
    and the patterns cost an import of 70,000 names a tenth of a second.
    """
    return text.isascii() and text.replace(" ", "").isalnum()


# Words that name a company's form, not the company: "Warner Bros. Pictures",
# "Warner Bros. Entertainment" and "Warner Bros." are one studio.
STUDIO_FORM_WORDS = frozenset(
    [
        "pictures",
        "picture",
        "entertainment",
        "films",
        "film",
        "studios",
        "studio",
        "productions",
        "production",
        "company",
        "co",
        "corporation",
        "corp",
        "inc",
        "incorporated",
        "ltd",
        "llc",
        "limited",
        "cinema",
        "group",
        "distribution",
        "skg",
    ]
)
_STUDIO_ALIASES = {"twentieth century fox": "20th century fox"}
_PARENTHESES = re.compile(r"\([^)]*\)")


def studio_key(name: str) -> str:
    """Return a studio's comparison key: its name without company-form words.

    Parentheses go ("Metro-Goldwyn-Mayer (MGM)"), then form words from the end
    while a word is left; a name made only of such words keeps its own key.
    """
    words = title_key(_PARENTHESES.sub(" ", name) or name).split()
    while len(words) > 1 and words[-1] in STUDIO_FORM_WORDS:
        words.pop()
    key = " ".join(words) or title_key(name)
    return _STUDIO_ALIASES.get(key, key)
