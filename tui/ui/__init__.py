"""Provides the Textual app: screens, widgets, styles glue (imports Textual; the core does not)."""
