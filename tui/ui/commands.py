"""Provides CompareCommands: every compare action in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.ui.host import ActionHost
from tui.ui.keys import APP_KEYS, KEYS, KeySpec

PALETTE: tuple[KeySpec, ...] = tuple(k for k in (*KEYS, *APP_KEYS) if k.palette)
"""The actions offered, in help order."""


def command_text(spec: KeySpec) -> str:
    """The palette line of an action: "<group>: <what>"."""
    return f"{spec.group.lower()}: {spec.help}"


class CompareCommands(Provider):
    """Offers each compare action by name, with its key as help."""

    async def _run(self, spec: KeySpec) -> None:
        app = self.app
        if isinstance(app, ActionHost):
            await app.run_compare_action(spec.action)

    async def discover(self) -> Hits:
        for spec in PALETTE:
            yield DiscoveryHit(
                command_text(spec), partial(self._run, spec), help=f"key: {spec.shown_keys}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in PALETTE:
            text = command_text(spec)
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._run, spec),
                    text=text,
                    help=f"key: {spec.shown_keys}",
                )
