"""Free text as data: whatever a person types or pastes is shown as typed.

Textual never interprets a `Content` built from a plain string as markup, but
control characters (a pasted `ESC [31m`) would still reach the terminal and
repaint it. They are shown as their Unicode "control picture" instead, so the
text stays visible and inert.
"""

from __future__ import annotations

import re

from textual.content import Content

_PICTURES: dict[int, int | None] = {code: 0x2400 + code for code in range(0x20)}
_PICTURES[0x7F] = 0x2421
# Line breaks and tabs are layout, not control: keep them.
for _kept in (0x09, 0x0A):
    del _PICTURES[_kept]
_PICTURES[0x0D] = None  # a pasted CRLF is one line break, not two
# C1 controls (U+0080-U+009F) include a one-character CSI: show them as a replacement.
_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))


def visible(text: str) -> str:
    """`text` with every control character made visible and harmless."""
    return text.translate(_PICTURES)


def plain(text: str, style: str = "") -> Content:
    """Content that shows `text` literally: no markup, no escape sequences."""
    content = Content(visible(text))
    return content.stylize(style) if style else content


# The guidance text as stored keeps its web page's links and bold ("[Health and Safety Executive](#)",
# "**no later than 2 weeks**"); on screen a quotation shows the words alone.
_LINK = re.compile(r"\[([^\]\n]+)\]\(#?[^)\s]*\)")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def as_read(quote: str) -> str:
    """A quotation from the guidance as a reader sees it on the page: link and bold markers dropped."""
    return _BOLD.sub(r"\1", _LINK.sub(r"\1", quote))
