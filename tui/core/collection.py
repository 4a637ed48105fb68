"""Provides load_collection(): turn the user's PATH arguments into loaded articles and errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core.articles import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    Article,
    article_from_bytes,
    load_article,
)
from tui.core.errors import InputError, MissingInput, UnreadableInput


@dataclass(frozen=True, slots=True)
class Collection:
    """What was loaded from the user's paths, and what could not be."""

    articles: tuple[Article, ...]
    """The articles that loaded, in argument order (folders expanded, sorted by name)."""
    errors: tuple[InputError, ...]
    """One error per path that could not be used."""
    folder: Path | None
    """The folder of the first article file (where the notes sidecar goes by default)."""


def _expand(arg: str) -> tuple[list[Path], InputError | None]:
    p = Path(arg)
    try:
        if p.is_symlink():
            p.resolve(strict=True)  # raises on loops
        exists = p.exists()
    except (RuntimeError, OSError) as exc:
        return [], UnreadableInput(arg, f"cannot resolve path ({type(exc).__name__}: symlink loop?)")
    if not exists:
        return [], MissingInput(arg, "no such file or folder")
    if p.is_dir():
        try:
            files = sorted(
                c for c in p.iterdir() if c.suffix.lower() in SUPPORTED_SUFFIXES and c.is_file()
            )
        except PermissionError:
            return [], UnreadableInput(arg, "permission denied")
        if not files:
            exts = ", ".join(SUPPORTED_SUFFIXES)
            return [], MissingInput(arg, f"folder has no supported files ({exts})")
        return files, None
    return [p], None


def _unique_id(stem: str, taken: set[str]) -> str:
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate


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
    seen: set[str] = set()
    ids: set[str] = set()
    folder: Path | None = None
    for raw_arg in paths:
        arg = os.fspath(raw_arg)
        if arg == "-":
            if "-" in seen:
                continue
            seen.add("-")
            if read_stdin is None:
                errors.append(UnreadableInput("-", "standard input is not available"))
                continue
            try:
                data = read_stdin()
                if len(data) > max_bytes:
                    raise InputError("-", f"too large ({len(data)} bytes, limit {max_bytes})")
                articles.append(article_from_bytes(data, _unique_id("stdin", ids), "-"))
            except InputError as exc:
                errors.append(exc)
            continue
        files, error = _expand(arg)
        if error is not None:
            errors.append(error)
            continue
        for f in files:
            key = os.path.realpath(f)
            if key in seen:
                continue
            seen.add(key)
            try:
                article = load_article(f, max_bytes=max_bytes, article_id=_unique_id(f.stem, ids))
            except InputError as exc:
                errors.append(exc)
                continue
            except PermissionError:
                errors.append(UnreadableInput(str(f), "permission denied"))
                continue
            except OSError as exc:
                errors.append(UnreadableInput(str(f), exc.strerror or type(exc).__name__))
                continue
            if folder is None:
                folder = f.resolve().parent
            articles.append(article)
    return Collection(tuple(articles), tuple(errors), folder)
