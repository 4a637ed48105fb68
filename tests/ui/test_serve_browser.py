"""`sidebyside serve` in headless Chromium, driven through the DevTools protocol (issue 18).

The browser runs with every host name except 127.0.0.1 resolving to nothing, and the test
records every request it sends. It loads the page, reads the screen from the terminal bytes
the page receives over its websocket, presses keys (j moves the cursor; a, a verdict, text and
ctrl+s add a note) and reads the notes sidecar next to the articles. The DevTools client is
aiohttp's websocket client (aiohttp comes with textual-serve), so no browser driver package is
needed. Skipped where Chromium is absent (`.ci/run` installs it).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.ui.notes_helpers import copy_seeds

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium (Debian: apt-get install chromium; .ci/run does it)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1400,900",
]
SEED_WORDS = ("Shoigu", "Kursk", "sappers")
"""Words of the seed articles that the compare view shows."""
EDITOR = "Will be anchored in"
"""A line of the note editor."""
WAIT = 90.0
"""Seconds to wait for a step on a loaded machine: a limit for hangs, not a speed check."""
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
_MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _connects(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`sidebyside serve` on a copy of the seeds: (page URL, sidecar path)."""
    folder = tmp_path / "seeds"
    copy_seeds(folder)
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", str(folder), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: _connects(port) or server.poll() is not None, "the server")
        assert server.poll() is None, (tmp_path / "serve.log").read_text()
        yield f"http://127.0.0.1:{port}/", folder / "sidebyside.notes.json"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[str]:
    """A headless Chromium; yields its DevTools address (host:port)."""
    profile = tmp_path / "profile"
    profile.mkdir()
    assert CHROMIUM is not None
    devtools = ["--remote-debugging-port=0", "about:blank"]
    browser = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *devtools],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    port_file = profile / "DevToolsActivePort"
    try:
        _wait_for(lambda: port_file.is_file() and port_file.read_text().strip(), "Chromium")
        yield f"127.0.0.1:{port_file.read_text().split()[0]}"
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=20)
        except subprocess.TimeoutExpired:
            browser.kill()


class Page:
    """A DevTools session on one page: calls, and the events seen so far."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = 0
        self.requests: list[str] = []
        self.screen_bytes = bytearray()

    def _record(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
        elif method == "Network.webSocketFrameReceived":
            frame = params["response"]
            if frame["opcode"] == 2:
                self.screen_bytes += base64.b64decode(frame["payloadData"])

    async def _receive(self, timeout: float) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(
            (await asyncio.wait_for(self.ws.receive(), timeout)).data
        )
        self._record(message)
        return message

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.ids += 1
        await self.ws.send_json({"id": self.ids, "method": method, "params": params})
        while True:
            message = await self._receive(WAIT)
            if message.get("id") == self.ids:
                assert "error" not in message, message
                result: dict[str, Any] = message.get("result", {})
                return result

    async def until(self, check: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT
        while not check():
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {what}: {self.text()[-3000:]!r}")
            with contextlib.suppress(TimeoutError):
                await self._receive(min(left, 1.0))

    def text(self, since: int = 0) -> str:
        """What the app wrote to the terminal (after byte `since`), escapes as spaces."""
        raw = self.screen_bytes[since:].decode("utf-8", "replace")
        return _ANSI.sub(" ", _MOVE.sub("\n", raw))

    async def key(self, key: str, *, ctrl: bool = False) -> None:
        """A key press as xterm.js's hidden textarea sees it."""
        code = f"Key{key.upper()}" if key.isalpha() else ("Digit" + key if key.isdigit() else "")
        vk = ord(key.upper())
        base = {"key": key, "code": code, "windowsVirtualKeyCode": vk, "modifiers": 2 * ctrl}
        text = {} if ctrl else {"text": key, "unmodifiedText": key}
        await self.call("Input.dispatchKeyEvent", type="keyDown", **base, **text)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **base)

    async def type(self, text: str) -> None:
        for ch in text:
            await self.key(ch)
            await asyncio.sleep(0.05)


def _notes(sidecar: Path) -> list[dict[str, Any]]:
    if not sidecar.is_file():
        return []
    notes: list[dict[str, Any]] = json.loads(sidecar.read_text("utf-8"))["notes"]
    return notes


async def _drive(devtools: str, url: str, sidecar: Path) -> Page:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://{devtools}/json/list") as response:
            targets = await response.json()
        target = next(t for t in targets if t["type"] == "page")
        async with http.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Network.enable")
            await page.call("Page.enable")
            await page.call("Page.navigate", url=url)
            # the compare view of the seeds: their words, and the footer's keys
            await page.until(
                lambda: all(w in page.text() for w in SEED_WORDS) and "Note" in page.text(),
                "the compare view",
            )
            await page.call(
                "Runtime.evaluate", expression="document.querySelector('textarea').focus()"
            )
            await asyncio.sleep(1)  # let the first layout settle before keys
            await page.key("a")
            await page.until(lambda: EDITOR in page.text(), "the note editor")
            await asyncio.sleep(0.5)
            await page.key("1")
            await page.type("first row")
            await page.until(lambda: "first row" in page.text(), "the typed text")
            await page.key("s", ctrl=True)
            await page.until(lambda: len(_notes(sidecar)) == 1, "the first note in the sidecar")
            before = len(page.screen_bytes)
            await page.key("j")
            await page.until(lambda: len(page.screen_bytes) > before, "a redraw after j")
            await asyncio.sleep(1)
            after_j = len(page.screen_bytes)
            await page.key("a")
            await page.until(lambda: EDITOR in page.text(after_j), "the note editor again")
            await asyncio.sleep(0.5)
            await page.key("2")
            await page.type("second row")
            await page.until(lambda: "second row" in page.text(after_j), "the typed text")
            await page.key("s", ctrl=True)
            await page.until(lambda: len(_notes(sidecar)) == 2, "the second note in the sidecar")
            return page


def test_served_app_in_headless_chromium(served: tuple[str, Path], chromium: str) -> None:
    url, sidecar = served
    page = asyncio.run(_drive(chromium, url, sidecar))
    first, second = _notes(sidecar)
    assert (first["text"], second["text"]) == ("first row", "second row")
    # j moved the cursor: the second note sits on another row than the first
    assert first["anchors"] and second["anchors"]
    assert first["anchors"] != second["anchors"]
    # every request the page made went to the server on the loopback address
    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith(("data:", "about:"))}
    assert hosts == {"127.0.0.1"}, page.requests
    assert any("/static/fonts/RobotoMono" in u for u in page.requests)
