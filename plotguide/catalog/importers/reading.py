"""Reading the files people really have: CSV and TSV in any state of repair.

Bytes that are not UTF-8 are kept as surrogates while reading, so one bad row
is rejected with its line number instead of the whole file failing to open.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from plotguide.catalog.importers.records import (
    PLOT_MAX_CHARS,
    ImportFormatError,
    Location,
)

csv.field_size_limit(64 * 1024 * 1024)

_TAG = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>|<[^>]{1,200}>", re.I | re.S)
_CITATION = re.compile(r"\[(?:\d{1,3}|citation needed|note \d+|[a-z])\]", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


def read_text(path: Path) -> str:
    """Return the file's text; undecodable bytes survive as surrogates to reject later."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ImportFormatError(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise ImportFormatError(f"{path}: is a folder; name the file itself.") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise ImportFormatError(
            f"{path}: this is a binary file, not text (it holds NUL bytes)."
        )
    return data.decode("utf-8", errors="surrogateescape")


def undecodable(values: Sequence[str]) -> str | None:
    """Describe the first byte that was not UTF-8 in these values, or None."""
    for value in values:
        match = _SURROGATE.search(value)
        if match:
            byte = ord(match.group()) - 0xDC00
            return (
                f"text is not valid UTF-8 (byte 0x{byte:02X}); "
                "save the file as UTF-8 and import it again"
            )
    return None


def read_table(
    path: Path,
    required: Sequence[str],
    delimiter: str = ",",
    fieldnames: Sequence[str] | None = None,
) -> Iterator[tuple[Location, dict[str, str]]]:
    """Yield each row with the line it starts on, after checking the header.

    A missing column or the wrong delimiter is fatal and raised before the
    first row, so a file of the wrong format writes nothing.
    """
    text = read_text(path)
    if not text.strip():
        raise ImportFormatError(f"{path}: the file is empty.")
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    if fieldnames is None:
        header = [name.strip() for name in next(reader)]
        _check_header(path, header, required, delimiter)
    else:
        header = list(fieldnames)
    line = reader.line_num + 1
    for values in reader:
        location = Location(str(path), line)
        line = reader.line_num + 1
        if not any(value.strip() for value in values):
            continue
        if fieldnames is not None and len(values) < len(required):
            raise ImportFormatError(
                f"{location}: expected {len(fieldnames)} tab-separated columns, "
                f"found {len(values)}; is this the right file?"
            )
        yield location, dict(zip(header, values, strict=False))


def _check_header(
    path: Path, header: list[str], required: Sequence[str], delimiter: str
) -> None:
    missing = [name for name in required if name not in header]
    if not missing:
        return
    joined = delimiter.join(header)
    for other, label in ((",", "comma"), ("\t", "tab"), (";", "semicolon")):
        if other != delimiter and len(header) <= 1 and joined.count(other) >= 2:
            raise ImportFormatError(
                f"{path}, line 1: the columns are {label}-separated, but this format "
                f"is {_DELIMITER_NAMES[delimiter]}-separated. Is this the right "
                "format?"
            )
    raise ImportFormatError(
        f"{path}, line 1: missing column{'s' if len(missing) > 1 else ''} "
        f"{', '.join(repr(name) for name in missing)}. Expected columns: "
        f"{', '.join(required)}. Is this the right format?"
    )


_DELIMITER_NAMES = {",": "comma", "\t": "tab", ";": "semicolon"}


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return plain text without markup or citation marks, and what was removed.

    Imported text is stored as text and always escaped on output; stripping
    tags here only keeps markup out of the stories built from it.
    """
    warnings = []
    if _TAG.search(text):
        text = _TAG.sub(" ", text)
        warnings.append("HTML tags removed from the text")
    text = html.unescape(text) if "&" in text else text
    text = _CITATION.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [_SPACES.sub(" ", part).strip() for part in text.split("\n")]
    return "\n\n".join(part for part in paragraphs if part), tuple(warnings)


def check_plot(text: str) -> str | None:
    """Say why a plot cannot be stored, or None when it can."""
    if len(text) > PLOT_MAX_CHARS:
        return (
            f"plot is {len(text):,} characters; the limit is {PLOT_MAX_CHARS:,}. "
            "Shorten it or split the file"
        )
    return None


def split_names(value: str, separators: str = ",") -> tuple[str, ...]:
    """Split a list of names, dropping blanks and duplicates but keeping order."""
    pattern = "|".join(re.escape(sep) for sep in separators) if separators else ","
    names = (part.strip() for part in re.split(pattern, value or ""))
    return tuple(dict.fromkeys(name for name in names if name and name != "N/A"))


def parse_year(value: str) -> int | None:
    """Return a plausible year found at the start of the value, or None."""
    match = re.match(r"\s*(\d{4})", value or "")
    if match and 1870 <= int(match.group(1)) <= 2100:
        return int(match.group(1))
    return None
