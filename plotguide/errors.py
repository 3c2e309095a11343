"""Problems a user can fix, said in their words; the CLI prints them and exits."""

from __future__ import annotations


class PlotguideError(Exception):
    """A problem with what the user asked for; nothing was changed."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
