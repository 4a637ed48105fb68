"""Provides `sidebyside serve`: the same app in a web browser, through textual-serve.

Each browser tab that opens the page starts its own app process (`python -m
tui.commands.serve --child PATH ...`), the terminal app with Textual's web driver, so notes
written in the browser go to the same sidecar as the terminal app's (the sidecar merges two
writers). The page is textual-serve's own with one change (`serve_page/app_index.html`): the
font comes from textual-serve's static folder instead of Google Fonts, so the page asks
nothing of any other host. textual-serve has no authentication: the server binds the
loopback address unless `--allow-remote` is given, and then belongs behind a proxy that
authenticates.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Any

from tui.commands.arguments import add_input_arguments
from tui.core.errors import UsageError

PAGE_DIR = Path(__file__).parent / "serve_page"
"""The page template (textual-serve's app_index.html with a local font)."""


def is_loopback(host: str) -> bool:
    """True for localhost and the loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    from tui.commands.app import add_app_arguments

    p: argparse.ArgumentParser = sub.add_parser(
        "serve",
        help="serve the app to a web browser (textual-serve)",
        description="Serve the app on http://HOST:PORT/: each browser tab runs the app on the "
        "PATHs (default: the bundled seeds); notes land in the same sidecar as in the terminal. "
        "No authentication: keep the loopback address, or put it behind a proxy that "
        "authenticates.",
    )
    add_input_arguments(p)
    add_app_arguments(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that is not a loopback address (anyone who reaches it can read "
        "the articles and write notes: put it behind an authenticating proxy)",
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        default=None,
        help="the address browsers use, when it is not http://HOST:PORT (behind a proxy)",
    )
    return p


def child_command(args: argparse.Namespace) -> list[str]:
    """The command each browser session runs: the app on the same inputs and options."""
    if any(p == "-" for p in args.paths or []):
        raise UsageError("-", "serve cannot read an article from stdin: give a file")
    argv = [sys.executable, "-m", "tui.commands.serve", "--child"]
    argv += [str(Path(p).resolve()) for p in args.paths or []]
    for flag, value in (
        ("--max-bytes", args.max_bytes),
        ("--reference", args.reference),
        ("--theme", args.theme),
        ("--notes", Path(args.notes).resolve() if args.notes else None),
    ):
        if value is not None:
            argv += [flag, str(value)]
    return argv


def run(args: argparse.Namespace) -> int:
    """Check the address, then serve until Ctrl+C."""
    if not is_loopback(args.host) and not args.allow_remote:
        raise UsageError(
            "--host",
            f"{args.host} is not a loopback address; textual-serve has no authentication: "
            "add --allow-remote and put it behind an authenticating proxy",
        )
    if not 0 < args.port < 65536:
        raise UsageError("--port", f"{args.port} is not a port number (1-65535)")
    for path in args.paths or []:
        if path != "-" and not Path(path).exists():
            raise UsageError(path, "no such file or folder")
    command = shlex.join(child_command(args))
    from textual_serve.server import Server

    server = Server(
        command,
        host=args.host,
        port=args.port,
        title="sidebyside",
        public_url=args.public_url,
        templates_path=PAGE_DIR,
    )
    if not is_loopback(args.host):
        sys.stderr.write(
            "sidebyside: serving without authentication on a non-loopback address; "
            "put it behind an authenticating proxy\n"
        )
    server.serve()
    return 0


def _child(argv: list[str]) -> int:
    """One browser session: the terminal app (Textual picks the web driver from the env)."""
    from tui.commands import app as app_command
    from tui.core.errors import InputError

    parser = argparse.ArgumentParser(prog="sidebyside serve", description="One served session.")
    add_input_arguments(parser)
    app_command.add_app_arguments(parser)
    args = parser.parse_args(argv)
    try:
        app = app_command.build_app(args, app_command.start(args))
    except InputError as exc:
        sys.stderr.write(f"sidebyside: {exc}\n")
        return 2
    app.run()  # no /dev/tty switch: the keys come from the browser on stdin
    return int(app.return_code or 0)


if __name__ == "__main__":
    if sys.argv[1:2] != ["--child"]:
        raise SystemExit("usage: sidebyside serve [PATH ...]")
    raise SystemExit(_child(sys.argv[2:]))
