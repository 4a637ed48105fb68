"""Provides lazy_exports(): a stage package's public names, imported on first use."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """Returns a module ``__getattr__`` (PEP 562) for a stage package's ``__init__``.

    Args:
        package: the package's ``__name__``.
        homes: each public name and the module (inside the package) that defines it.

    Returns:
        A function that imports ``name`` from its home module the first time it is asked for,
        so importing a stage loads none of its modules.
    """

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{homes[name]}"), name)

    return __getattr__
