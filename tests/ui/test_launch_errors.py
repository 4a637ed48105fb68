"""`sidebyside` (the app path) on bad input: one line on stderr and exit code 2, no app.

Run in a fresh interpreter, as a user runs it, so the inputs load in the launch's child process
(`tui.ui.preload.start_launch`) and the error has to travel back to the app process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _sidebyside(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", *argv],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["/nonexistent"], "sidebyside: /nonexistent: no such file or folder\n"),
        (
            ["--max-bytes", "0"],
            "sidebyside: --max-bytes: must be a positive number of bytes\n",
        ),
        (["--reference", "nope"], "sidebyside: --reference: no article with id 'nope' (have: "),
        (["--theme", "nope"], "sidebyside: --theme: unknown theme 'nope' (have: "),
    ],
)
def test_bad_input_prints_one_line_and_exits_2(argv: list[str], line: str) -> None:
    done = _sidebyside(*argv)
    assert done.returncode == 2
    assert done.stderr.startswith(line)
    assert done.stderr.count("\n") == 1
    assert done.stdout == ""
