"""The command line: --help and --version everywhere, exit codes, no traceback."""

from __future__ import annotations

import pytest

from tui import __version__
from tui.cli import COMMANDS, build_parser, main


def available_commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)  # type: ignore[arg-type]


def test_every_subcommand_is_registered() -> None:
    assert available_commands() == sorted(COMMANDS)


@pytest.mark.parametrize("argv", [["--version"], *[[c, "--version"] for c in COMMANDS]])
def test_version_everywhere(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == f"sidebyside {__version__}"


@pytest.mark.parametrize("argv", [["--help"], *[[c, "--help"] for c in COMMANDS]])
def test_help_everywhere(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: sidebyside")
    assert "--version" in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unrecognized arguments: --no-such-option" in err


def test_bad_max_bytes_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--max-bytes", "0"]) == 2
    assert (
        capsys.readouterr().err == "sidebyside: --max-bytes: must be a positive number of bytes\n"
    )


def test_internal_error_exits_1_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.commands.articles as articles_command

    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(articles_command, "articles_document", boom)
    assert main(["articles", "--json"]) == 1
    err = capsys.readouterr().err
    assert err == "sidebyside: internal error: RuntimeError: kaboom\n"
