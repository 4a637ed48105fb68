"""Provides KeyFooter: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and mounts a FooterKey per binding) on every
`refresh_bindings()` and focus change, even when the shown keys stay the same. The compare
screen refreshes its bindings several times while it starts (mount, focus, loading, analysis
shown), so the stock footer rebuilt its dozen keys five to seven times before the first full
screen. KeyFooter coalesces the requests made before the next refresh into one, and skips it
when the keys, their enabled state and tooltips are what it already shows.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that recomposes only when what it shows changes."""

    _recompose_pending = False
    _shown: Hashable = None

    def _signature(self) -> Hashable:
        """What compose() would show: every shown binding, its state and the palette key."""
        if not self._bindings_ready:
            return None
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (key, binding.action, binding.description, binding.group, enabled, tooltip)
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    def compose(self) -> ComposeResult:
        self._shown = self._signature()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_pending = False
        if self.is_attached and self._signature() != self._shown:
            await self.recompose()
