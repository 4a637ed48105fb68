"""Provides start_analysis(): run analyze() before the app is even built, in parallel with it.

Launching the app spends a few hundred milliseconds importing Textual and building the first
screen; the analysis needs none of that. `sidebyside` therefore starts it first (this module
imports no Textual): in a forked child process when that is safe (POSIX, no other thread
running yet), so it really runs in parallel with the Textual start-up instead of competing for
the GIL, else in a thread. The app's worker picks the result up from the future.

`pause_gc()`/`resume_gc()` keep the cyclic garbage collector out of the start-up: importing
Textual and building the first screen allocate a few hundred thousand objects that all live on,
and the collector kept walking them (about 50 ms of a launch, one full pass of 20 ms). The launch
pauses it; the app resumes it once the first comparison is on screen, after freezing what exists
then (`gc.freeze()`, as the gc docs advise before a fork, which also spares the analysis child),
so later collections skip the start-up objects.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the analysis and multiprocessing import in start_analysis(), GC paused
    from multiprocessing.connection import Connection

    from tui.core.analysis import Analysis
    from tui.core.articles import Article

_paused: list[bool] = []
"""Non-empty while pause_gc() holds the collector."""


def pause_gc() -> None:
    """Stop the cyclic garbage collector for the launch (resume_gc() restarts it)."""
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused.append(True)


def resume_gc(*, freeze: bool = True) -> None:
    """Restart the collector paused by pause_gc(), leaving the objects alive now to it no more.

    Does nothing when pause_gc() did not pause it (tests, benchmarks that build apps).

    Args:
        freeze: move the objects alive now out of the collector's sight (`gc.freeze()`); False
            when the launch failed and the process goes on without the app.
    """
    if _paused:
        _paused.clear()
        if freeze:
            gc.freeze()
        gc.enable()


def _child(conn: Connection, args: tuple[Any, ...]) -> None:
    from tui.core.analysis import analyze

    _paused.clear()
    gc.enable()  # the child allocates and drops a lot while aligning
    try:
        conn.send((True, analyze(*args)))
    except BaseException as exc:  # handed to the parent, which shows it
        try:
            conn.send((False, exc))
        except Exception:
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def _fork_safe() -> bool:
    import multiprocessing

    return (
        os.name == "posix"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def start_analysis(
    articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
) -> Future[Analysis]:
    """Start analyze() in the background; the future holds the Analysis or the exception.

    Args:
        articles: the versions.
        reference: id of the reference version (None: the first).
        threshold: alignment threshold (None: the engine's).

    Returns:
        A future of the Analysis.
    """
    import multiprocessing

    from tui.core.analysis import analyze

    future: Future[Analysis] = Future()
    future.set_running_or_notify_cancel()
    args = (tuple(articles), reference, threshold)
    if _fork_safe():
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        if _paused:
            gc.freeze()  # the child's collections then skip everything inherited
        process = ctx.Process(target=_child, args=(send, args), daemon=True)
        process.start()
        send.close()

        def wait() -> None:
            try:
                ok, value = receive.recv()
            except (EOFError, OSError) as exc:
                future.set_exception(RuntimeError(f"analysis process ended early ({exc!r})"))
                return
            finally:
                process.join(timeout=5)
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

        threading.Thread(target=wait, name="sidebyside-preload", daemon=True).start()
        return future

    def run() -> None:
        try:
            future.set_result(analyze(*args))
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=run, name="sidebyside-preload", daemon=True).start()
    return future
