"""Provides styles_dir() and seeds_dir(): the packaged copy first, the checkout second."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sidebyside: bundled '{name}' folder not found (broken install?)")


def styles_dir() -> Path:
    """The folder of the app's Textual CSS files."""
    return _find("styles")


def seeds_dir() -> Path:
    """The folder of the bundled sample articles (the app's default input)."""
    return _find("seeds")


def seed_paths() -> list[Path]:
    """The bundled sample articles, sorted by name."""
    return sorted(p for p in seeds_dir().iterdir() if p.suffix == ".txt")
