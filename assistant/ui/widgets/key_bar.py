"""The footer line: the keys that work now, and what they do. Click a key to press it.

One Static redrawn only when its text changes. The stock Footer rebuilds a
widget per key on every focus change, which was most of an answer's
turnaround in this chat.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """Shows the screen's bindings that have a description and are shown (`show=True`); unavailable ones dimmed.

    An app may word a key for the moment with `describe_binding(binding) -> str` (a key that toggles).
    """

    def __init__(self) -> None:
        super().__init__("", id="key-bar")
        self._keys: list[tuple[int, int, str]] = []  # (start, end, key) of each key's cell, for clicks
        self._shown = ""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._redraw)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._redraw()

    def _redraw(self) -> None:
        parts: list[str | tuple[str, str]] = []
        keys: list[tuple[int, int, str]] = []
        position = 0
        seen: set[str] = set()
        describe: Callable[[Binding], str] = getattr(self.app, "describe_binding", lambda b: b.description)
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown_key = self.app.get_key_display(binding)
            description = describe(binding)
            cell = f" {shown_key} {description} "
            if active.enabled:
                parts += [(f" {shown_key}", "bold $text-accent"), f" {description} "]
                keys.append((position, position + len(cell), key))
            else:
                # Shown but not available yet (e.g. Save while identifiers remain): dimmed, not clickable.
                parts.append((cell, "$text-disabled"))
            position += len(cell)
        text = "".join(p if isinstance(p, str) else p[0] for p in parts)
        if text == self._shown:
            return
        self._shown, self._keys = text, keys
        self.update(Content.assemble(*parts))

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
