"""sidebyside: compare several versions of one news story, side by side."""

__version__ = "0.1.0"
