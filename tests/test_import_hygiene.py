"""The pure core must not pull in Textual or Rich: it runs headless, in scripts and in workers."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core

CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core."))


def test_core_modules_found() -> None:
    assert {
        "tui.core.load.articles",
        "tui.core.align.aligner",
        "tui.core.compare.diff",
        "tui.core.compare.check",
        "tui.core.extract.facts",
    } <= set(CORE_MODULES)


def test_importing_core_does_not_import_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"core imports UI libraries: {out}"


def test_json_subcommands_do_not_import_textual() -> None:
    """`sidebyside align --json` runs once per document in the benchmark: it must start fast."""
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "rc = main(['articles', '--json'])\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write('TEXTUAL=' + str('textual' in sys.modules))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "TEXTUAL=False" in res.stderr


STAGES = ("load", "extract", "align", "compare", "notes", "report", "corpus")


def test_every_stage_name_resolves_to_its_module() -> None:
    import importlib

    for stage in STAGES:
        package = importlib.import_module(f"tui.core.{stage}")
        for name in package.__all__:
            value = getattr(package, name)
            home = importlib.import_module(f"tui.core.{stage}.{package._HOMES[name]}")
            assert value is getattr(home, name), f"tui.core.{stage}.{name}"


def test_importing_a_stage_loads_none_of_its_modules() -> None:
    code = (
        "import importlib, sys\n"
        f"for s in {STAGES!r}:\n"
        "    importlib.import_module('tui.core.' + s)\n"
        "loaded = [m for m in sys.modules if m.startswith('tui.core.') and m.count('.') > 2]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"importing the stages loaded: {out}"


def test_an_unknown_stage_name_is_an_attribute_error() -> None:
    import tui.core.align as stage

    try:
        stage.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("no AttributeError")
