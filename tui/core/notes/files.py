"""Provides the file steps of a crash-safe save: write and fsync a new file, fsync a folder.

The store writes a temp file with `write_synced`, `os.replace`s it over the sidecar and then
calls `sync_folder`, so that after a crash the sidecar is either the old or the new file.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_synced(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist), write all of `data` and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Fsync a folder, so that a rename in it survives a crash (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: folders cannot be opened for fsync
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
