"""Clean raw plot text before parsing.

Plots arrive from scraped pages and old corpora: HTML, citation marks,
doubled names from stripped links ("Jim Raynor Jim Raynor") and the CMU
corpus's space before punctuation ("Melanie Ballard , second").
"""

from __future__ import annotations

import html
import re

_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,500}>|<!--.*?-->", re.DOTALL)
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
# the link text. Single words are left alone ("Humbert Humbert" is a name).
DOUBLED_NAME = re.compile(rf"\b((?:{_NAME_WORD}\s+){{1,3}}{_NAME_WORD})\s+\1(?![\w'])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def collapse_doubled_names(text: str) -> str:
    """Replace "Jim Raynor Jim Raynor" with "Jim Raynor"."""
    previous = None
    while previous != text:
        previous, text = text, DOUBLED_NAME.sub(r"\1", text)
    return text


def clean_line(text: str, actor_names: frozenset[str] = frozenset()) -> str:
    """Return one paragraph or sentence cleaned, on a single line."""
    text = _CONTROL.sub(" ", text)
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _TAG.sub(" ", text)
    text = _CITATION.sub("", text)
    if actor_names:
        text = _drop_actor_parentheses(text, actor_names)
    text = _SPACES.sub(" ", text.replace("\n", " ").replace("\r", " "))
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", text))
    return collapse_doubled_names(text).strip()


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
