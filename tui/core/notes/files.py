"""Provides the file steps of a crash-safe save: write and fsync a new file, fsync a folder.

The store writes a temp file with `write_synced`, `os.replace`s it over the sidecar and then
calls `sync_folder`, so that after a crash the sidecar is either the old or the new file.
`held_lock` takes turns with other instances through a lock file it removes when done.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def held_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock file `path`, and remove it before letting go: no empty file stays behind.

    Removing it while held is safe: a waiter that then locks the removed file sees it unlinked
    and locks the path anew (filelock checks st_nlink after flock).

    Raises:
        filelock.Timeout: another holder kept it for `timeout` seconds.
    """
    import filelock

    lock = filelock.FileLock(str(path), timeout=timeout, poll_interval=0.002, thread_local=False)
    with lock:
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)


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
