"""Headings kept with what they introduce.

Qt's text layout will end a page with a heading whose section begins on the next page (or
with a heading, a table's header row and one line). After a layout, the first heading with
less than ``follow`` of its page left below it is found, and a page break is put before it
in the laid-out document, through a cursor (Qt then lays out again only from there on,
which is cheaper than a new layout).
"""

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat


@dataclass(frozen=True, slots=True)
class LoneHeading:
    index: int  # among the document's headings, in order
    top: float  # where it begins in the laid-out document
    block: QTextBlock


def lone_heading(document: QTextDocument, page_height: float, follow: float) -> LoneHeading | None:
    """The first heading that begins below its page's top with less than ``follow`` of the
    page left under it; ``None`` when every heading has room for what follows it."""
    layout = document.documentLayout()
    index = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            rect = layout.blockBoundingRect(block)
            page = rect.top() // page_height
            # At a page's top already (below its own top margin): moving it can't help.
            at_top = rect.top() - page * page_height <= block.blockFormat().topMargin() + 1
            if not at_top and (page + 1) * page_height - rect.bottom() < follow:
                return LoneHeading(index, rect.top(), block)
            index += 1
        block = block.next()
    return None


def break_before(document: QTextDocument, heading: LoneHeading) -> None:
    """Start a new page at ``heading`` in the laid-out document."""
    cursor = QTextCursor(heading.block)
    block_format = heading.block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(block_format)
