"""Provides CleanStream: a text stream that lets no control character reach the terminal.

Everything the CLI writes to stderr (errors, notices, warnings) can carry a file name, an id
or a path from the user's disk, which may hold an escape sequence (a file named
`\\x1b]52;c;….txt`). The stream replaces every escape sequence and control character but the
line feed and tab with spaces, through the loader's own `clean_text()`.
"""

from __future__ import annotations

from typing import Any, TextIO

from tui.core.load.sanitize import clean_text


class CleanStream:
    """Wraps a text stream; what is written to it is cleaned first."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        """The stream written to."""

    def write(self, text: str) -> int:
        """Write the text with its control characters replaced by spaces."""
        return self._stream.write(clean_text(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
