"""Provides Article and load_article(): decode a file, set page junk aside, split sentences.

Loading, step by step:
1. Decode (tui.core.load.decode): UTF-8 with or without BOM, UTF-16/32 with BOM, or a guessed
   legacy code page (cp1251/cp1252) with a warning; CRLF and CR become LF.
2. Format: `.html`/`.htm` become their readable text (tui.core.load.html), which is then the
   article's `source`; `.md` keeps its source and strips markup per character; `.txt` only
   loses stray HTML tags and entities. Every character of a sentence keeps its source offset.
3. Lines that are page furniture (tui.core.load.junk: widget residue, URL trailers, "Related
   article:" lines, agency credits, bylines, datelines, lone outlet names) and outlet tags at
   the start of a paragraph ("(MENAFN)") go to `Article.junk`, not to the body.
4. Paragraphs: each line is a paragraph, except in hard-wrapped text (blank-line blocks) and
   Markdown (blocks, headings, list items); a paragraph that ends without a stop and is
   followed by one starting in lower case is the same sentence broken by the scrape, and joined.
5. Sentences (tui.core.load.segment): offsets into `source`; `Sentence.text` is the sentence with
   markup and junk removed and whitespace collapsed.
6. Metadata: title (first short line without a final stop), date (a stated date line, widget
   residue, HTML meta, or the URL path; a day without a year is not used), url (a bare URL line
   or trailer, HTML canonical), outlet (from the URL, else a credit line or outlet tag, else the
   file id).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.errors import (
    InputError,
    MalformedInput,
    MissingInput,
    TooLargeInput,
    UnreadableInput,
)
from tui.core.load.article import DEFAULT_MAX_BYTES, Article, article_id_from_name
from tui.core.load.parse import article_from_text

FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
"""File name ending -> format; anything else is read as plain text."""


def format_of(name: str) -> str:
    """The format of a file name: "txt", "md" or "html" (unknown endings read as "txt")."""
    return FORMATS.get(Path(name).suffix.lower(), "txt")


def article_from_bytes(raw: bytes, article_id: str, path: str, fmt: str | None = None) -> Article:
    """Decode raw file bytes and build the Article.

    Args:
        raw: the file content.
        article_id: the id to give it.
        path: where it came from (its ending picks the format unless fmt is given).
        fmt: "txt", "md" or "html".

    Returns:
        The Article.

    Raises:
        InputError: empty, binary, undecodable or with no article text. Nothing else.
    """
    from tui.core.load.decode import decode_text

    decoded = decode_text(raw, path)
    fmt = fmt or format_of(path)
    warnings = (decoded.warning,) if decoded.warning else ()
    try:
        return article_from_text(
            decoded.text,
            article_id,
            path,
            raw,
            fmt=fmt,
            warnings=warnings,
            encoding=decoded.encoding,
        )
    except InputError:
        raise
    except RecursionError as exc:  # pathological nesting; never a traceback
        raise MalformedInput(path, "cannot read (too deeply nested)") from exc


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, turning every OS problem into an InputError.

    Args:
        path: the file.
        max_bytes: refuse files larger than this.

    Returns:
        The bytes.

    Raises:
        MissingInput: no such file.
        UnreadableInput: permission denied, symlink loop, a folder, device or pipe.
        TooLargeInput: over max_bytes.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise MissingInput(name, "broken symlink (target missing)") from exc
        raise MissingInput(name, "no such file") from exc
    except PermissionError as exc:
        raise UnreadableInput(name, "permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(name, _os_problem(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(name, "not a regular file (device, pipe or socket)")
    if info.st_size > max_bytes:
        raise TooLargeInput(name, f"too large ({info.st_size} bytes, limit {max_bytes})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as exc:
        raise UnreadableInput(name, "permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(name, _os_problem(exc)) from exc
    if len(data) > max_bytes:
        raise TooLargeInput(name, f"too large (over {max_bytes} bytes, limit {max_bytes})")
    return data


def _os_problem(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.EACCES or exc.errno == errno.EPERM:
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()


def load_article(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, article_id: str | None = None
) -> Article:
    """Load one article file.

    Args:
        path: the file (.txt, .md, .html/.htm; other endings read as plain text).
        max_bytes: refuse files larger than this.
        article_id: the id to give it (default: article_id_from_name()).

    Returns:
        The Article.

    Raises:
        InputError: missing, unreadable, empty, binary, too large, or no article text.
    """
    data = read_file(path, max_bytes)
    return article_from_bytes(data, article_id or article_id_from_name(str(path)), str(path))
