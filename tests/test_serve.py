"""`sidebyside serve` without a browser: the address rules, the session command, the page."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands.serve import PAGE_DIR, child_command, is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.org"])
def test_another_host_needs_allow_remote(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", host]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"sidebyside: --host: {host} is not a loopback address")
    assert "--allow-remote" in err and "authenticating proxy" in err


def test_bad_port_and_missing_path_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert capsys.readouterr().err == "sidebyside: --port: 70000 is not a port number (1-65535)\n"
    missing = tmp_path / "nope.txt"
    assert main(["serve", str(missing)]) == 2
    assert capsys.readouterr().err == f"sidebyside: {missing}: no such file or folder\n"


def _args(**given: object) -> argparse.Namespace:
    base = {"paths": [], "max_bytes": None, "reference": None, "theme": None, "notes": None}
    return argparse.Namespace(**{**base, **given})


def test_session_command_runs_the_app_on_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = child_command(_args(paths=["a.txt"], notes="n.json", reference="001"))
    assert argv[:4] == [sys.executable, "-m", "tui.commands.serve", "--child"]
    assert argv[4] == str(tmp_path / "a.txt")
    assert argv[argv.index("--notes") + 1] == str(tmp_path / "n.json")
    assert argv[argv.index("--reference") + 1] == "001"


def test_stdin_cannot_be_served() -> None:
    with pytest.raises(Exception, match="serve cannot read an article from stdin"):
        child_command(_args(paths=["-"]))


def test_page_asks_no_other_host() -> None:
    """The template's only absolute URL is the SVG namespace; assets come from the server."""
    page = (PAGE_DIR / "app_index.html").read_text("utf-8")
    urls = set(re.findall(r"https?://[^\s\"')]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}
    assert "fonts.googleapis.com" not in page
    assert "{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf" in page
