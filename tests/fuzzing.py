"""Hostile text for the fuzz tests, and the hypothesis profiles they run under.

HYPOTHESIS_PROFILE picks the profile: ``ci`` (the default when CI is set) draws
the same examples on every run, so a red CI run fails the same way again;
``dev`` (the default otherwise) draws new examples each run; ``thorough`` draws
ten times as many, to hunt for crashes on purpose. No profile keeps a
database of examples: regressions are pinned with ``@example`` in the tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.engine.plots import GARDEN_PLOT, HARBOR_PLOT

_COMMON = {
    "deadline": None,
    "database": None,
    "max_examples": 50,
    "print_blob": True,
    # An example parses a plot with spaCy or imports a file into the database,
    # slow by hypothesis's measure, and some cells are 200,000 characters.
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
# CI runs the catalogue tests twice (PostgreSQL, SQLite): half the examples
# keep all fuzz tests under a minute on two busy cores.
settings.register_profile("ci", **{**_COMMON, "derandomize": True, "max_examples": 25})
settings.register_profile("dev", **_COMMON)
settings.register_profile("thorough", **{**_COMMON, "max_examples": 500})
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

REAL_SENTENCES = tuple(HARBOR_PLOT.splitlines() + GARDEN_PLOT.splitlines())
REAL_NAMES = ("Nora Vance", "Sam Okafor", "Walter Greaves", "Elsie Moreau", "Tom")
MARKUP = (
    "<script>alert(1)</script>",
    "<b>",
    "</i>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">link</a>',
    "<!--",
    "-->",
    "<style>p{color:red}</style>",
    "{{Plot|date=May 2016}}",
    "{{",
    "}}",
    "[[File:Poster.jpg|thumb|left]]",
    "[[",
    "]]",
    '<ref name="x">',
    "</ref>",
    "{|",
    "|}",
    "&lt;script&gt;",
    "&amp;",
    "&#0;",
    "&#x202E;",
    "<![CDATA[",
    "'; DROP TABLE catalog_film;--",
    "' OR 1=1 --",
    "%s%n%x",
    "{0}{title}",
    "${jndi:ldap://x/a}",
    "\\",
    '"',
    "https://example.org/a?b=c",
    "[1]",
    "[citation needed]",
)
RIGHT_TO_LEFT = (
    "דנה מוצאת מפתח.",
    "وجدت منى المفتاح.",
    "\u202eNora Vance\u202c",
    "\u200f",
    "\u2067\u05d3\u05e0\u05d4\u2069",
    "\u202d",
)
EMOJI = (
    "\U0001f600",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
    "\U0001f1eb\U0001f1f7",
    "\U0001f44d\U0001f3fd",
    "\u2764\ufe0f",
    "\U0001f3ac\U0001f37f",
)
MOJIBAKE = (
    "\u00c3\u00a9t\u00c3\u00a9",
    "\u00e2\u20ac\u2122",
    "\ufffd",
    "\u00ef\u00bb\u00bf",
)
WHITESPACE = " \t\n\r\x0b\x0c\x85\u00a0\u1680\u2000\u2028\u2029\u200b\u3000\ufeff"

whitespace = st.text(st.sampled_from(WHITESPACE), max_size=8)
word = st.from_regex(r"[A-Z]?[a-z]{1,10}", fullmatch=True)
control = st.text(st.characters(categories=["Cc"]), min_size=1, max_size=4)
lone_surrogate = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3)
# What a file that is not UTF-8 becomes when read with errors="surrogateescape".
undecoded_bytes = st.text(
    st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF), min_size=1, max_size=3
)
combining = st.builds(
    str.__add__,
    st.sampled_from("aeoZ"),
    st.text(st.characters(categories=["Mn", "Me"]), min_size=1, max_size=30),
)
emoji = st.sampled_from(EMOJI) | st.text(
    st.characters(categories=["So"]), min_size=1, max_size=4
)

# Lone surrogates are left out: they are drawn on their own (lone_surrogate,
# undecoded_bytes) where a test wants them, or nearly every example would hold one.
fragment = st.one_of(
    st.sampled_from(REAL_SENTENCES),
    st.sampled_from(REAL_SENTENCES),
    st.sampled_from(REAL_NAMES),
    word,
    st.sampled_from(MARKUP),
    st.sampled_from(RIGHT_TO_LEFT),
    emoji,
    combining,
    control,
    st.sampled_from(MOJIBAKE),
    whitespace,
    st.text(max_size=30),
)
separator = st.sampled_from(("", " ", "\n", "\n\n", ". ", "\t", "\r\n"))


def hostile_text(max_fragments: int = 12) -> st.SearchStrategy[str]:
    """Text from every hostile family at once, real plot sentences among them.

    No fragments at all gives the empty text, and one gives a single word,
    name or run of whitespace.
    """
    pieces = st.lists(st.tuples(fragment, separator), max_size=max_fragments)
    return pieces.map(lambda pairs: "".join(text + sep for text, sep in pairs))


def hostile_name() -> st.SearchStrategy[str]:
    """A title or a person's name: empty, one word, a real name, or hostile text."""
    decorated = st.builds(
        lambda before, name, after: before + name + after,
        fragment,
        st.sampled_from(REAL_NAMES),
        fragment,
    )
    return st.one_of(
        st.sampled_from(REAL_NAMES), decorated, hostile_text(max_fragments=3)
    )
