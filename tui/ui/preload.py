"""Provides start_launch() and start_analysis(): load and analyse before the app is even built.

Launching the app spends a few hundred milliseconds importing Textual and building the first
screen; loading the inputs and analysing them need none of that. `sidebyside` therefore starts
them first (this module imports no Textual): in a forked child process when that is safe (POSIX,
no other thread running yet), so they really run in parallel with the Textual start-up instead
of competing for the GIL, else here (loading) and in a thread (analysis). The child is a plain
`os.fork` that pickles its results into a pipe (multiprocessing's import alone cost the launch
several milliseconds) and is ended if the app exits first. `start_launch` has the child load
the inputs too (the app process then never imports the parsing modules) and send the collection
(with its per-file errors, or the InputError that stops the launch), then the analysis piece
by piece (`tui.core.analysis.analysis_stages`: the pair on screen aligned alone, then the
alignment of all versions and the rest, each piece pickled on its own with
the articles as indices into the collection the app already has); the app picks up the
collection from a future and the pieces from an `AnalysisFeed`. In a launch the child waits
once it has sent the first comparison, until the app has drawn it (`resume_gc()` releases it),
so the fact check does not compete with the first frame; the analysis modules import in the
child only (the app imports them, less the fact stage, with its screens). `sidecar_hint` tells
the app, from the same process, whether a notes sidecar exists, so it can leave an absent one
(no note to mark) closed until after the launch.

`pause_gc()`/`resume_gc()` keep the cyclic garbage collector out of the start-up: importing
Textual and building the first screen allocate a few hundred thousand objects that all live on,
and the collector kept walking them (about 50 ms of a launch, one full pass of 20 ms). The launch
pauses it; the app resumes it once the first comparison is on screen, after freezing what exists
then (`gc.freeze()`, as the gc docs advise before a fork, which also spares the analysis child),
so later collections skip the start-up objects.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import io
import os
import pickle
import select
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from tui.ui.feed import AnalysisFeed

if TYPE_CHECKING:  # the analysis imports in the analysis process
    from tui.core.analysis import Analysis
    from tui.core.load.article import Article
    from tui.core.load.collection import Collection

Loaded = tuple["Collection", str | None, Any]
"""What a launch loads: the collection, the checked reference, and what else the app needs
from the loading process (the notes sidecar's state, see `tui.commands.app`)."""

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
    _release()
    if _paused:
        _paused.clear()
        if freeze:
            gc.freeze()
        gc.enable()


HOLD_LIMIT = 2.0
"""Seconds the launch's analysis process waits, once it has sent the first comparison, for the
app to show it (see `_hold`) before it goes on anyway."""

_holds: list[int] = []
"""Write ends of the pipes on which held analysis processes wait (see `_hold`)."""


def _release() -> None:
    """Let the held analysis processes go on: the app's first frame is drawn (or never will be)."""
    while _holds:
        fd = _holds.pop()
        with contextlib.suppress(OSError):
            os.write(fd, b"go")
            os.close(fd)


def _hold(fd: int) -> None:
    """In the analysis process: wait until the app released it (or ended, or HOLD_LIMIT).

    Once the first comparison is sent, the rest of the analysis (the fact check, the other
    diffs) would compete for the two cores, and for the app's GIL as its pieces arrive, with
    the app drawing that comparison; on a busy machine that delayed the first frame.
    """
    with contextlib.suppress(OSError):
        select.select([fd], [], [], HOLD_LIMIT)
        os.close(fd)


def _child(fd: int, args: tuple[Any, ...]) -> NoReturn:
    """The forked analysis process: send the pickled (ok, result or exception), then exit."""
    code = 0
    try:
        _paused.clear()
        gc.enable()  # the child allocates and drops a lot while aligning
        from tui.core.analysis import analyze_all  # imported before the fork: no cost

        try:
            reply: tuple[bool, Any] = (True, analyze_all(*args))
        except BaseException as exc:  # handed to the parent, which shows it
            reply = (False, exc)
        try:
            data = pickle.dumps(reply)
        except Exception:
            problem = reply[1]
            data = pickle.dumps((False, RuntimeError(f"{type(problem).__name__}: {problem}")))
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _fork_safe() -> bool:
    return os.name == "posix" and hasattr(os, "fork") and threading.active_count() == 1


def _stop(pid: int) -> None:
    """At exit: end an analysis process still running (the app quit before it finished)."""
    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except OSError:
        pass  # already reaped


_at_exit: dict[int, Callable[[], None]] = {}
"""The exit handler of each child of _fork still running, by pid."""


def _fork(child: Callable[[int], NoReturn]) -> tuple[int, int]:
    """Fork a process that runs child(write end of a pipe) and never returns.

    os.fork and a pipe rather than multiprocessing, whose import the launch would pay. A child
    still running when the app exits is ended then (see _reap for the normal end).

    Returns:
        The child's pid and the read end of the pipe.
    """
    read, write = os.pipe()
    if _paused:
        gc.freeze()  # the child's collections then skip everything inherited
    pid = os.fork()
    if pid == 0:
        os.close(read)
        child(write)  # never returns
    os.close(write)
    _at_exit[pid] = functools.partial(_stop, pid)
    atexit.register(_at_exit[pid])
    return pid, read


def _reap(pid: int) -> None:
    """Wait for a child of _fork that has sent everything, and drop its exit handler (only its
    own: another child may still be running)."""
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)
    handler = _at_exit.pop(pid, None)
    if handler is not None:
        atexit.unregister(handler)


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
    # Imported here, before the fork: the app needs these modules anyway (to unpickle the
    # result), and the child then starts aligning at once instead of importing them first.
    from tui.core.analysis import analyze_all

    future: Future[Analysis] = Future()
    future.set_running_or_notify_cancel()
    args = (tuple(articles), reference, threshold)
    if _fork_safe():
        pid, read = _fork(functools.partial(_child, args=args))

        def wait() -> None:
            with os.fdopen(read, "rb") as pipe:
                data = pipe.read()
            _reap(pid)
            try:
                ok, value = pickle.loads(data)
            except Exception as exc:
                future.set_exception(RuntimeError(f"analysis process ended early ({exc!r})"))
                return
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

        threading.Thread(target=wait, name="sidebyside-preload", daemon=True).start()
        return future

    def run() -> None:
        try:
            future.set_result(analyze_all(*args))
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=run, name="sidebyside-preload", daemon=True).start()
    return future


@dataclass(frozen=True, slots=True)
class SidecarHint:
    """The notes sidecar as the loading process found it: lets the app open it after its first
    frame when it holds no note (so the notes modules do not slow the launch)."""

    path: str
    """The sidecar file (`tui.core.notes.sidecar.sidecar_location`)."""
    exists: bool
    """True when the file exists (it may hold notes: the app opens it before the first frame)."""
    fallback: bool
    """True when it is the user data folder's (the app says where at startup)."""
    reason: str
    """Why it is there."""


def sidecar_hint(collection: Collection, override: str | os.PathLike[str] | None) -> SidecarHint:
    """Where the app's notes sidecar is for a collection (default data folder) and if it exists."""
    from tui.core.notes.sidecar import sidecar_location
    from tui.resources import seeds_dir

    location = sidecar_location(collection, override, keep_out=[seeds_dir()])
    return SidecarHint(
        str(location.path),
        location.path.exists() or location.shared is not None,
        location.fallback,
        location.reason,
    )


def _send(pipe: Any, reply: tuple[bool, Any]) -> None:
    """Write one length-prefixed pickled (ok, value or exception) to the pipe."""
    try:
        data = pickle.dumps(reply)
    except Exception:
        problem = reply[1]
        data = pickle.dumps((False, RuntimeError(f"{type(problem).__name__}: {problem}")))
    pipe.write(len(data).to_bytes(8, "little") + data)
    pipe.flush()


def _receive(pipe: Any) -> tuple[bool, Any]:
    """Read one message written by _send (EOFError: the process ended before sending it)."""
    head = pipe.read(8)
    size = int.from_bytes(head, "little") if len(head) == 8 else -1
    data = pipe.read(size) if size >= 0 else b""
    if size < 0 or len(data) != size:
        raise EOFError("no reply")
    ok, value = pickle.loads(data)
    return bool(ok), value


def _pickled(value: Any, articles: Sequence[Article]) -> bytes:
    """Pickle a piece of the analysis, each of the collection's articles as its index only (the
    app has them from the collection: no second copy crosses the pipe or lives in the app)."""
    index = {id(a): i for i, a in enumerate(articles)}

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> int | None:
            return index.get(id(obj)) if type(obj) is type(articles[0]) else None

    out = io.BytesIO()
    _Pickler(out, pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def _unpickled(data: bytes, articles: Sequence[Article]) -> Any:
    """Unpickle what _pickled wrote, with the app's own articles."""

    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            return articles[pid]

    return _Unpickler(io.BytesIO(data)).load()


def _send_piece(pipe: Any, reply: tuple[bool, Any], articles: Sequence[Article]) -> None:
    """Write one length-prefixed piece of the analysis (see _pickled) to the pipe."""
    try:
        data = _pickled(reply, articles)
    except Exception:
        problem = reply[1]
        data = pickle.dumps((False, RuntimeError(f"{type(problem).__name__}: {problem}")))
    pipe.write(len(data).to_bytes(8, "little") + data)
    pipe.flush()


def _receive_piece(pipe: Any, articles: Sequence[Article]) -> tuple[bool, Any]:
    """Read one piece written by _send_piece (EOFError: the process ended first)."""
    head = pipe.read(8)
    size = int.from_bytes(head, "little") if len(head) == 8 else -1
    data = pipe.read(size) if size >= 0 else b""
    if size < 0 or len(data) != size:
        raise EOFError("no reply")
    ok, value = _unpickled(data, articles)
    return bool(ok), value


def _launch_child(fd: int, load: Callable[[], Loaded], held: int | None = None) -> NoReturn:
    """The forked launch process: load and send the collection, then the analysis piece by
    piece (`tui.core.analysis.analysis_stages`), then (True, None) or (False, the error).

    With `held` (the read end of a pipe from the app), it waits there (`_hold`) once the first
    comparison is sent: the "pair" piece, or the alignment and the first diffs.
    """
    code = 0
    try:
        _paused.clear()
        gc.enable()
        while _holds:  # the app's ends: the child must see EOF when the app is gone
            os.close(_holds.pop())
        # numpy (the semantic model) starts one BLAS thread per core on import, 20-40 ms of
        # the launch here; the model's products are small, and the app process has the other
        # core
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from tui.core.analysis import analysis_stages

        with os.fdopen(fd, "wb") as pipe:
            try:
                collection, reference, extra = load()
            except BaseException as exc:  # a bad input: the parent raises it
                _send(pipe, (False, exc))
                collection = None
            if collection is not None:
                _send(pipe, (True, (collection, reference, extra)))
            if collection is not None and collection.articles:
                articles = collection.articles
                try:
                    for piece in analysis_stages(articles, reference):
                        _send_piece(pipe, (True, piece), articles)
                        if held is not None and piece[0] in ("pair", "diffs"):
                            _hold(held)
                            held = None
                    reply: tuple[bool, Any] = (True, None)
                except BaseException as exc:  # handed to the parent, which shows it
                    reply = (False, exc)
                _send_piece(pipe, reply, articles)
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers


def _feed_thread(articles: Sequence[Article], reference: str | None) -> AnalysisFeed:
    """Where no fork is safe: the analysis pieces from a thread of this process."""
    from tui.core.analysis import analysis_stages

    feed = AnalysisFeed()

    def run() -> None:
        try:
            for piece in analysis_stages(articles, reference):
                feed.put(piece)
        except BaseException as exc:
            feed.fail(exc)
        else:
            feed.finish()

    threading.Thread(target=run, name="sidebyside-preload", daemon=True).start()
    return feed


def start_launch(load: Callable[[], Loaded]) -> tuple[Future[Loaded], AnalysisFeed]:
    """Load the inputs and analyse them in the background: the app process does neither.

    In a forked process when that is safe: it loads (the parsing modules then never import in
    the app process), sends the collection, then the analysis piece by piece, while the app
    imports Textual and builds its screen. Elsewhere the loading runs here at once and the
    analysis in a thread.

    Args:
        load: loads the inputs and checks the reference; raises InputError on bad input.

    Returns:
        A future of what `load` returned (or its exception), and the feed of the analysis
        pieces (ended by that exception when nothing loaded).
    """
    if not _fork_safe():
        loaded: Future[Loaded] = Future()
        try:
            loaded.set_result(load())
        except Exception as exc:
            loaded.set_exception(exc)
            failed = AnalysisFeed()
            failed.fail(exc)
            return loaded, failed
        collection, reference, _ = loaded.result()
        return loaded, _feed_thread(collection.articles, reference)
    # the analysis modules import in the child: the app imports them (all but the fact stage,
    # see tui.core.analysis) with its screens, after the fork
    loaded = Future()
    feed = AnalysisFeed()
    loaded.set_running_or_notify_cancel()
    held: int | None = None
    if _paused:  # a launch: the app releases the child once its first frame is drawn
        held, go = os.pipe()
        _holds.append(go)
    pid, read = _fork(functools.partial(_launch_child, load=load, held=held))
    if held is not None:
        os.close(held)

    def wait() -> None:
        with os.fdopen(read, "rb") as pipe:
            try:
                ok, value = _receive(pipe)
            except Exception as exc:
                problem = RuntimeError(f"analysis process ended early ({exc!r})")
                loaded.set_exception(problem)
                feed.fail(problem)
                ok, value = False, None
            else:
                if ok:
                    loaded.set_result(value)
                else:
                    loaded.set_exception(value)
                    feed.fail(value)
            articles = value[0].articles if ok else ()
            while ok and articles:
                try:
                    ok, piece = _receive_piece(pipe, articles)
                except Exception as exc:
                    feed.fail(RuntimeError(f"analysis process ended early ({exc!r})"))
                    break
                if not ok:
                    feed.fail(piece)
                elif piece is None:
                    feed.finish()
                    break
                else:
                    feed.put(piece)
        feed.fail(RuntimeError("no article to analyse"))  # nothing when the feed has ended
        _reap(pid)

    threading.Thread(target=wait, name="sidebyside-preload", daemon=True).start()
    return loaded, feed
