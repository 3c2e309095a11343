"""Clean raw plot text before parsing.

Plots arrive from scraped pages and old corpora: HTML, citation marks,
doubled names from stripped links ("Jim Raynor Jim Raynor"), the CMU
corpus's space before punctuation ("Melanie Ballard , second") and its
half-stripped wiki markup (`<ref name…}}`, `{{Plot|date…`, `([[Actor Name `,
bare URLs).
"""

from __future__ import annotations

import html
import re

_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>|<!--.*?(?:-->|$)", re.DOTALL)
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|edit|note \d+|"
    r"according to whom\?|who\?|when\?|dubious[^\]]*)\]",
    re.IGNORECASE,
)
_SPACE_BEFORE = re.compile(r"[ \t]+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])[ \t]+")
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)|\[\s*\]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NAME_WORD = r"[A-Z][\w'.\-]*"
# Two to four capitalised words said twice in a row: a link label left beside
# the link text. Single words are left alone ("Humbert Humbert" is a name), and
# so is a name that ends a sentence ("Elsie Moreau. Elsie Moreau waits."),
# though not one that ends on an initial or "Jr.".
DOUBLED_NAME = re.compile(
    rf"\b((?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD})(?<![a-z]{{2}}\.)\s+\1(?![\w'])"
)
# Two sentences run together where a footnote was cut: "the next countyThe sign".
_RUN_ON = re.compile(
    r"(?<=[a-z][a-z][a-z])(?=(?:The|He|She|They|It|His|Her|When|After|But)\b)"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A reference whose closing was mangled: "<ref nameElley|firstCyrano…}}".
_BROKEN_REF = re.compile(r"<ref\b[^<>{}]{0,600}?(?:\}\}|/>|</ref\s*>|>)", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]{0,600}\}\}")
_TEMPLATE_TO_REF_END = re.compile(r"\{\{[^{}]{0,300}?/>")
# What is left of an unclosed template: its name and first parameter's key.
_TEMPLATE_OPENING = re.compile(r"\{\{(?:[A-Za-z][\w ]{0,40}\|[a-z]{0,12})?")
# Citation fields that lost their "{{cite": "| title X | date Y}}".
_CITATION_FIELDS = re.compile(r"(?:\s*\|[^|{}\n]{0,200}){1,12}\}\}")
# CMU's cast link in parentheses, its "]])" stripped: "Nathan ([[Colin Ferguson , his".
_CAST_LINK = re.compile(
    r"\s?\(\[\[[^()\[\]|]{1,60}?(?:\]\]\)?|\)|(?=\s{2}|\s?[,;:.]|$))"
)
_LINK = re.compile(r"\[\[(?:[^\[\]|,.;]{0,60}\|)?|\]\]")
_URL = re.compile(r"https?://\S+")
# A source cited right after a sentence, no space between: "New
# York.Goodrich et al. 1986, p. 2.", "blob.'Coveney, p.221".
_GLUED_SOURCE = re.compile(
    r"(?:(?<=[a-z][.!?])|(?<=[.!?]['\"”]))"
    r"[A-Z][^\n]{0,160}?\bpp?\.\s?\d+(?:\s?[-–]\s?\d+)?\.?"
)
# A footnote whose template opening was lost ("New YorkAlthough assumed …
# New York. }} today.|group=N}}"): its first word is glued to the prose, a
# lowercase word or a full stop directly followed by a capitalised word.
_NOTE_GLUE = re.compile(
    r"(?<=\s)[A-Za-z]?[a-z]{3,}[.!?]?(?P<note>[A-Z][a-z]+)(?=[\s,;:])"
)
_NOTE_WINDOW = 400
_UNCLOSED_REF = re.compile(r"<ref\b\S*", re.I)
# An image's file name and layout options: "File:Poster.jpg|left|thumb|".
_IMAGE = re.compile(r"\b(?:Image|File):[^|\n]{1,120}\|(?:[\w ]{0,20}\|){0,4}")
_TABLE = re.compile(r"\{\|.*?(?:\|\}|$)", re.DOTALL)
# spaCy's tokenizer takes quadratic time on long runs without spaces ("{{{{…"):
# a mark repeated shrinks to three ("!!!!!!" → "!!!"), a long mixed run of marks
# goes, and so does a chunk no word is that long.
_PUNCT_RUN = re.compile(r"([^\w\s])\1{3,}|[^\w\s]{20,}")
_LONG_CHUNK = re.compile(r"\S{80,}")
_MARKUP_HINT = re.compile(r"\{\{|\}\}|\{\||\[\[|\]\]|://|<ref|Image:|File:", re.I)


def collapse_doubled_names(text: str) -> str:
    """Replace "Jim Raynor Jim Raynor" with "Jim Raynor"."""
    previous = None
    while previous != text:
        previous, text = text, DOUBLED_NAME.sub(r"\1", text)
    return text


def clean_line(text: str, actor_names: frozenset[str] = frozenset()) -> str:
    """Return one paragraph or sentence cleaned, on a single line."""
    text = _CONTROL.sub(" ", text)
    text = _strip_wiki_markup(text)
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _TAG.sub(" ", text)
    text = _PUNCT_RUN.sub(lambda run: (run.group(1) or " ") * 3, text)
    text = _LONG_CHUNK.sub(" ", text)
    text = _CITATION.sub("", text)
    text = _RUN_ON.sub(". ", text)
    if actor_names:
        text = _drop_actor_parentheses(text, actor_names)
    text = _SPACES.sub(" ", text.replace("\n", " ").replace("\r", " "))
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text))
    return collapse_doubled_names(text).strip()


def _strip_wiki_markup(text: str) -> str:
    """Drop wiki references, templates, cited sources, link brackets and URLs,
    keeping the prose."""
    text = _GLUED_SOURCE.sub(" ", text)
    if not _MARKUP_HINT.search(text):
        return text
    text = _UNCLOSED_REF.sub(" ", _BROKEN_REF.sub(" ", text))
    text = _IMAGE.sub(" ", _TABLE.sub(" ", text))
    previous = None
    while previous != text:
        previous, text = text, _TEMPLATE.sub(" ", text)
    text = _TEMPLATE_TO_REF_END.sub(" ", text)
    text = _drop_glued_notes(text)
    text = _CITATION_FIELDS.sub(" ", text)
    text = _TEMPLATE_OPENING.sub(" ", text).replace("}}", " ")
    text = _CAST_LINK.sub("", text)
    text = _LINK.sub("", text)
    return _URL.sub(" ", text)


def _drop_glued_notes(text: str) -> str:
    """Cut a footnote that lost its "{{efn|" back to where it was glued to
    the prose, looking at most _NOTE_WINDOW characters before its closing;
    a closing with no glue point before it is left to the other rules.

    Where a lowercase word follows the cut, the prose on either side ends
    apart: what the note swallowed is unknown, and It's a Wonderful Life's
    "In Bedford Falls, New York" and "along with the promise of distant
    business trips" are no one sentence."""
    spans: list[tuple[int, int]] = []
    for closing in re.finditer(r"\}\}", text):
        window = max(0, closing.start() - _NOTE_WINDOW)
        glues = list(_NOTE_GLUE.finditer(text, window, closing.start()))
        if not glues:
            continue
        start = glues[-1].start("note")
        if spans and start <= spans[-1][1]:
            start = min(start, spans[-1][0])
            spans.pop()
        spans.append((start, closing.end()))
    for start, end in reversed(spans):
        before, after = text[:start].rstrip(), text[end:].lstrip()
        ends = before.endswith((".", "!", "?")) or not after[:1].islower()
        text = f"{before}{' ' if ends else '. '}{after}"
    return text


def clean_plot(
    plot: str, actor_names: frozenset[str] = frozenset(), max_chars: int = 50_000
) -> tuple[tuple[str, ...], bool]:
    """Return the plot's cleaned paragraphs and whether it was cut at max_chars."""
    is_cut = len(plot) > max_chars
    if is_cut:
        plot = plot[:max_chars]
        end = max(plot.rfind(". "), plot.rfind(".\n"))
        if end > max_chars // 2:
            plot = plot[: end + 1]
    paragraphs = tuple(
        cleaned
        for chunk in re.split(r"\n\s*\n|\r\n\s*\r\n|\n", plot)
        if (cleaned := clean_line(chunk, actor_names))
    )
    return paragraphs, is_cut


def _drop_actor_parentheses(text: str, actor_names: frozenset[str]) -> str:
    """Drop "(Jodie Foster)" and "(Foster)" when the name is a credited actor's."""

    def replace(match: re.Match[str]) -> str:
        words = set(match.group(1).lower().replace(",", " ").split())
        return "" if words and words <= actor_names else match.group(0)

    return re.sub(r"\s*\(([A-Z][\w'. ,\-]{0,60})\)", replace, text)
