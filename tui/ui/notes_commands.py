"""Provides NotesCommands: palette entries of the notes that no key covers.

The HTML and JSON report exports (Markdown is `E`), where the sidecar is, and, while the
sidecar is unreadable, moving it aside to start a new one.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.notes_actions import QUARANTINE_COMMAND, NotesActions


class NotesCommands(Provider):
    """Palette entries the keys do not cover: other report formats, the sidecar's place."""

    def _commands(self) -> list[tuple[str, str, str]]:
        app = self.app
        entries = [
            ("notes: export the review report as HTML", "export_report('html')", ""),
            ("notes: export the review report as JSON", "export_report('json')", ""),
            ("notes: where is the notes sidecar", "where_notes", ""),
        ]
        if isinstance(app, NotesActions) and app.notes.read_only:
            entries.append((QUARANTINE_COMMAND, "quarantine_notes", "the bad file is kept"))
        return entries

    async def _run(self, action: str) -> None:
        await self.app.run_action(action)

    async def discover(self) -> Hits:
        for text, action, help_text in self._commands():
            yield DiscoveryHit(text, partial(self._run, action), help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._run, action),
                    text=text,
                    help=help_text or None,
                )
