"""Provides the pure core: no Textual, no Rich, no terminal."""
