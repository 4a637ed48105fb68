"""Provides load_collection(): turn the user's PATH arguments into loaded articles and errors.

A PATH is a file, a folder (every supported file directly in it, sorted by name; hidden files
skipped) or "-" for standard input. Every bad path becomes one InputError (one line naming
the path and the problem) and the other paths still load. The same file reached twice (named
twice, or named and also inside a named folder) and a folder named twice load once, with a
notice. Ids come from file names (article_id_from_name) and are made unique.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import (
    DuplicateInput,
    InputError,
    MissingInput,
    TooLargeInput,
    UnreadableInput,
)
from tui.core.load.article import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    Article,
    article_id_from_name,
)
from tui.core.load.articles import article_from_bytes, load_article


@dataclass(frozen=True, slots=True)
class Collection:
    """What was loaded from the user's paths, and what could not be."""

    articles: tuple[Article, ...]
    """The articles that loaded, in argument order (folders expanded, sorted by name)."""
    errors: tuple[InputError, ...]
    """One error per path that could not be used."""
    folder: Path | None
    """The folder of the first article file (where the notes sidecar goes by default)."""
    notices: tuple[InputError, ...] = ()
    """Paths skipped without harm (given twice, loaded once): worth telling, not an error."""


def _check_path(arg: str) -> InputError | None:
    """The problem with a path before listing or reading it, or None."""
    try:
        os.stat(arg)
    except FileNotFoundError:
        if os.path.islink(arg):
            return MissingInput(arg, "broken symlink (target missing)")
        return MissingInput(arg, "no such file or folder")
    except PermissionError:
        return UnreadableInput(arg, "permission denied")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return UnreadableInput(arg, "symlink loop")
        return UnreadableInput(arg, (exc.strerror or type(exc).__name__).lower())
    return None


def _list_folder(folder: Path, arg: str) -> tuple[list[Path], InputError | None]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        return [], UnreadableInput(arg, "permission denied")
    except OSError as exc:
        return [], UnreadableInput(arg, (exc.strerror or type(exc).__name__).lower())
    files: list[Path] = []
    for entry in entries:
        if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False  # a symlink loop: let loading report it
        if not is_dir:
            files.append(Path(arg) / entry.name)
    if not files:
        exts = ", ".join(SUPPORTED_SUFFIXES)
        return [], MissingInput(arg, f"folder has no supported files ({exts})")
    return files, None


def _unique_id(path: str, taken: set[str]) -> str:
    """A short id from the file name; on a clash the full stem, then a -2, -3 suffix."""
    short = article_id_from_name(path) if path != "-" else "stdin"
    stem = Path(path).stem if path != "-" else "stdin"
    for candidate in (short, stem):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{short}-{n}" in taken:
        n += 1
    taken.add(f"{short}-{n}")
    return f"{short}-{n}"


def _realpath(path: str | Path) -> str:
    try:
        return os.path.realpath(path, strict=False)
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def load_collection(
    paths: Sequence[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    read_stdin: Callable[[], bytes] | None = None,
) -> Collection:
    """Load every article the paths name; bad paths become errors, the rest still load.

    Args:
        paths: files, folders (every supported file in them, sorted by name) or "-" (stdin).
        max_bytes: size limit per file.
        read_stdin: returns the bytes of standard input (needed when "-" is given).

    Returns:
        The Collection. The same file named twice (directly or through a folder) loads once.
    """
    articles: list[Article] = []
    errors: list[InputError] = []
    notices: list[InputError] = []
    seen_files: set[str] = set()
    seen_args: set[str] = set()
    ids: set[str] = set()
    folder: Path | None = None
    for raw_arg in paths:
        arg = os.fspath(raw_arg)
        if arg == "-":
            if "-" in seen_args:
                notices.append(DuplicateInput("-", "given twice, read once"))
                continue
            seen_args.add("-")
            if read_stdin is None:
                errors.append(UnreadableInput("-", "standard input is not available"))
                continue
            try:
                data = read_stdin()
                if len(data) > max_bytes:
                    raise TooLargeInput("-", f"too large ({len(data)} bytes, limit {max_bytes})")
                articles.append(article_from_bytes(data, _unique_id("-", ids), "-"))
            except InputError as exc:
                errors.append(exc)
            except OSError as exc:
                errors.append(UnreadableInput("-", (exc.strerror or "read error").lower()))
            continue
        problem = _check_path(arg)
        if problem is not None:
            errors.append(problem)
            continue
        key = _realpath(arg)
        if key in seen_args:
            what = "folder" if os.path.isdir(arg) else "file"
            notices.append(DuplicateInput(arg, f"{what} given twice, loaded once"))
            continue
        seen_args.add(key)
        if os.path.isdir(arg):
            files, error = _list_folder(Path(arg), arg)
            if error is not None:
                errors.append(error)
                continue
        else:
            files = [Path(arg)]
        for f in files:
            file_key = _realpath(f)
            if file_key in seen_files:
                if len(files) == 1:
                    notices.append(
                        DuplicateInput(
                            str(f), "already loaded from a folder given earlier, loaded once"
                        )
                    )
                continue
            seen_files.add(file_key)
            article_id = _unique_id(str(f), ids)
            try:
                article = load_article(f, max_bytes=max_bytes, article_id=article_id)
            except InputError as exc:
                ids.discard(article_id)
                errors.append(exc)
                continue
            if folder is None:
                folder = Path(file_key).parent
            articles.append(article)
    return Collection(tuple(articles), tuple(errors), folder, tuple(notices))
