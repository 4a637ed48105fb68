"""Provides KeyFooter: Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and mounts a FooterKey per binding) on every
`refresh_bindings()` and focus change, even when the shown keys stay the same. The compare
screen refreshes its bindings several times while it starts (mount, focus, loading, analysis
shown), so the stock footer rebuilt its dozen keys five to seven times before the first full
screen. KeyFooter coalesces the requests made before the next refresh into one, skips it when
the keys, their state and tooltips are what it already shows, and when only keys became
enabled or disabled (the analysis arrived), updates those keys in place. Its keys are born
with the `-compact` class rather than getting it (and a style update each) once mounted, and
the screen has them composed as it mounts (`show_keys`), so its first frame shows them: the
stock footer adds them only after that frame, which costs two more.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PALETTE_CELLS = 13
"""Cells kept free for the command palette key at the right ("▏^p palette")."""

Shown = tuple[Hashable, tuple[bool, ...]]
"""What the footer shows: (the keys, their tooltips and order; each key's enabled state)."""


class KeyFooter(Footer):
    """A Footer that recomposes only when what it shows changes."""

    _recompose_pending = False
    _shown: Shown | None = None
    _composed_width = 0

    def _signature(self) -> Shown | None:
        """What compose() would show: every shown binding, its state and the palette key."""
        if not self._bindings_ready:
            return None
        rows = [
            (key, binding.action, binding.description, binding.group, tooltip, enabled)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        ]
        keys = tuple(row[:-1] for row in rows)
        shown = (self.compact, self.show_command_palette, self.app.size.width, keys)
        return shown, tuple(row[-1] for row in rows)

    def compose(self) -> ComposeResult:
        self._shown = self._signature()
        self._composed_width = self.app.size.width
        room = self.app.size.width - PALETTE_CELLS
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # a key that does not fit whole is left out (help lists it), never cut
                # ("d Deta") nor pushed past the palette key
                need = cell_len(widget.key_display or widget.key) + cell_len(widget.description)
                room -= need + 2
                if room < 0:
                    continue
            if isinstance(widget, FooterKey):
                # the class FooterKey's compact watcher would add after mounting, one style
                # update per key: given now, the watcher finds it there and does nothing
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    async def on_resize(self) -> None:
        if self.app.size.width != self._composed_width and self._bindings_ready:
            await self.recompose()

    async def show_keys(self) -> None:
        """Show the keys now, before the screen's first frame (the screen calls it on mount)."""
        self._bindings_ready = True
        if self._signature() != self._shown:
            with self._context():  # compose binds the keys to this footer (the active pump)
                await self.recompose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        shown = self._signature()
        if shown == self._shown:
            return
        same_keys = shown is not None and self._shown is not None and shown[0] == self._shown[0]
        if same_keys and self._set_enabled():
            self._shown = shown
            return
        await self.recompose()

    def _set_enabled(self) -> bool:
        """Enable or disable the shown keys in place; False when the footer must recompose."""
        enabled: dict[str, bool] = {}
        for _, binding, on, _ in self.screen.active_bindings.values():
            if binding.group is not None:
                return False  # grouped keys: leave it to Footer.compose
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING:
                enabled.setdefault(binding.action, on)
        keys = list(self.query_children(FooterKey))
        if any(key.action not in enabled for key in keys):
            return False
        for key in keys:
            disabled = not enabled[key.action]
            if key._disabled != disabled:
                key._disabled = disabled  # what FooterKey's constructor sets (mouse clicks)
                key.set_class(disabled, "-disabled")
                key.refresh()
        return True
