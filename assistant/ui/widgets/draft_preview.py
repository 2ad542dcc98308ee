"""A draft as it will be saved, with each suspected identifier highlighted in place and labelled.

One Static per line of the draft, so the selected identifier's line can be
scrolled into view however the lines wrap.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from assistant.anonymise import KIND_LABELS, Hit
from assistant.ui.safe_text import visible

HIT_STYLE = "bold $text-error on $error-muted"
SELECTED_STYLE = "bold reverse $error"


def line_content(text: str, offset: int, hits: Sequence[tuple[int, Hit]], selected: int | None) -> Content:
    """One line (starting at `offset` in the draft) with its hits marked; labels are display only."""
    parts: list[str | tuple[str, str]] = []
    last = 0
    for n, hit in hits:
        start, end = max(hit.start - offset, 0), min(hit.end - offset, len(text))
        parts.append(visible(text[last:start]))
        parts.append((visible(text[start:end]), SELECTED_STYLE if n == selected else HIT_STYLE))
        if hit.end - offset <= len(text):
            parts.append((f"⟨{KIND_LABELS.get(hit.kind, hit.kind)}⟩", "$text-error italic"))
        last = end
    parts.append(visible(text[last:]))
    return Content.assemble(*parts)


class DraftPreview(Vertical):
    """Shows a draft; `show()` redraws it with the hits and the selected one."""

    async def show(self, text: str, hits: Sequence[Hit], selected: int | None) -> Static | None:
        """Redraw; returns the line holding the selected hit, to scroll to."""
        lines = text.split("\n")
        widgets = list(self.query(Static))
        if len(widgets) != len(lines):
            await self.remove_children()
            widgets = [Static(classes="draft-line") for _ in lines]
            await self.mount_all(widgets)
        target = None
        offset = 0
        for line, widget in zip(lines, widgets, strict=True):
            end = offset + len(line)
            on_line = [(n, h) for n, h in enumerate(hits) if h.start < end + 1 and h.end > offset]
            widget.update(line_content(line, offset, on_line, selected))
            if selected is not None and any(n == selected for n, _ in on_line):
                target = target or widget
            offset = end + 1
        return target
