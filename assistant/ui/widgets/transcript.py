"""The chat transcript: a scrolling column of messages that stays pinned to the newest."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.widget import Widget


class Transcript(VerticalScroll):
    """Messages are mounted at the end; `anchor()` keeps the newest in view until the person scrolls up.

    While the messages are fewer than the screen holds they sit at the bottom, next to the answer.
    """

    _top_of: Widget | None = None

    def on_mount(self) -> None:
        self.anchor()

    def anchor(self, anchor: bool = True) -> None:
        if anchor:
            self._top_of = None  # following the newest again: a card not yet placed no longer pulls the view
        super().anchor(anchor)

    def show_top_of(self, widget: Widget) -> None:
        """Stop following the newest line and, from the next layout on, show `widget` from its top.

        Scrolled as the layout places it, like Textual's own anchor, so the first frame
        that shows a new decision card already shows its verdict (no frame of the old view).
        """
        self.anchor(False)
        self._top_of = widget

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        result = super().arrange(size, optimal)
        target = self._top_of
        if target is None:
            return result
        for placement in result.placements:
            if placement.widget is target:
                self._top_of = None
                bottom = result.spatial_map.total_region.bottom
                top = placement.region.y - placement.margin.top  # as scroll_to_widget(top=True) does
                y = max(0, min(top, bottom - (self.container_size.height - self.scrollbar_size_horizontal)))
                # As the compositor sets an anchored widget's scroll: reactives set without a frame of their own.
                self.set_reactive(VerticalScroll.scroll_y, y)
                self.set_reactive(VerticalScroll.scroll_target_y, y)
                self.vertical_scrollbar.position = y
                break
        return result

    def top_in_view(self, widget: Widget) -> bool:
        """Whether the view starts at `widget`'s top (with its margin), or as near it as the scroll goes."""
        return self.scroll_offset.y == min(widget.virtual_region_with_margin.y, self.max_scroll_y)
