"""Table rows kept whole across page breaks.

Qt's text layout breaks a table row between two lines when it reaches the page's end, so a
cell's text can begin on one page and end on the next. The report avoids this: after a
layout, the first row that spans two pages is found, and the table is cut in two just
before it, the second part starting a new page with its own header row. Repeated until no
row spans two pages (each cut moves only later content, so the passes are few).

The cut is made in the laid-out document, so Qt lays out again only from the cut on: a new
layout of the whole report from HTML would cost more than everything else the layout does.
"""

from collections.abc import Iterator

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrame,
    QTextTable,
    QTextTableCell,
)


def _tables(frame: QTextFrame) -> Iterator[QTextTable]:
    """Every table under ``frame``, in the order their HTML opened them."""
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _cell_blocks(document: QTextDocument, cell: QTextTableCell) -> Iterator[QTextBlock]:
    # Positions, not cursors: making a cursor per cell costs more than the whole layout.
    block = document.findBlock(cell.firstPosition())
    last = cell.lastPosition()
    while block.isValid() and block.position() <= last:
        yield block
        block = block.next()


def _row_pages(
    document: QTextDocument, table: QTextTable, row: int, page_height: float
) -> set[int]:
    """The pages the lines of ``row``'s cells fall on."""
    pages: set[int] = set()
    layout_of_document = document.documentLayout()
    for column in range(table.columns()):
        for block in _cell_blocks(document, table.cellAt(row, column)):
            layout = block.layout()
            # A cell's block layout is placed within its cell; the document's layout knows
            # where the cell is.
            top = layout_of_document.blockBoundingRect(block).top() - layout.boundingRect().top()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                pages.add(int((top + line.y()) // page_height))
                pages.add(int((top + line.y() + line.height() - 1) // page_height))
    return pages


def _row_top(document: QTextDocument, table: QTextTable, row: int) -> float:
    block = document.findBlock(table.cellAt(row, 0).firstPosition())
    return document.documentLayout().blockBoundingRect(block).top()


def table_row_top(document: QTextDocument, table_index: int, row: int) -> float:
    """Where ``row`` of the ``table_index``-th table begins in the laid-out document."""
    table = next(t for i, t in enumerate(_tables(document.rootFrame())) if i == table_index)
    return _row_top(document, table, row)


def _row_at(document: QTextDocument, table: QTextTable, first: int, y: float) -> int | None:
    """The last row from ``first`` on that begins above ``y`` (row tops only grow)."""
    low, high = first, table.rows() - 1
    if _row_top(document, table, low) >= y:
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if _row_top(document, table, middle) < y:
            low = middle
        else:
            high = middle - 1
    return low


def straddling_row(
    document: QTextDocument, page_height: float, skip: frozenset[tuple[int, int]] = frozenset()
) -> tuple[int, int] | None:
    """(table index, row) of the first body row whose lines fall on two pages, among
    tables with a header row and not in ``skip`` (rows already moved once: a row taller
    than a page can't be helped); ``None`` when every row sits on one page.

    Only the row running into each page's end is looked at (found by bisection): asking
    the layout where a cell is costs more than laying the document out."""
    layout = document.documentLayout()
    for index, table in enumerate(_tables(document.rootFrame())):
        header = table.format().headerRowCount()
        if header == 0 or header >= table.rows():
            continue
        frame = layout.frameBoundingRect(table)
        first_page, last_page = int(frame.top() // page_height), int(frame.bottom() // page_height)
        for page in range(first_page, last_page):
            row = _row_at(document, table, header, (page + 1) * page_height)
            if row is None or (index, row) in skip:
                continue
            if len(_row_pages(document, table, row, page_height)) > 1:
                return index, row
    return None


def _table(document: QTextDocument, index: int) -> QTextTable:
    return next(t for i, t in enumerate(_tables(document.rootFrame())) if i == index)


def cut_table(document: QTextDocument, table_index: int, row: int) -> tuple[int, int]:
    """Cut the ``table_index``-th table of the laid-out ``document`` before its ``row``-th
    row: that row and the ones after it start a new page, under a copy of the header
    row(s). Before the first body row, the whole table moves instead. Returns where the
    row is now (table index, row)."""
    table = _table(document, table_index)
    header, rows = table.format().headerRowCount(), table.rows()
    if not header <= row < rows:
        raise ValueError(f"no body row {row} in table {table_index}")
    starting_a_page = table.format()  # column widths, borders, header rows kept
    starting_a_page.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if row == header:
        table.setFormat(starting_a_page)
        return table_index, row
    cursor = QTextCursor(document)
    cursor.setPosition(table.cellAt(0, 0).firstPosition())
    last = table.cellAt(rows - 1, table.columns() - 1)
    cursor.setPosition(last.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    # The second part is made aside (a copy of the whole table less the rows that stay),
    # so the document changes, and is laid out again, once.
    aside = QTextDocument()
    QTextCursor(aside).insertFragment(cursor.selection())
    (rest,) = aside.rootFrame().childFrames()
    assert isinstance(rest, QTextTable)
    rest.removeRows(header, row - header)
    rest.setFormat(starting_a_page)
    cursor.beginEditBlock()
    table.removeRows(row, rows - row)
    cursor.setPosition(table.lastPosition() + 1)
    cursor.insertFragment(QTextDocumentFragment(aside))
    cursor.endEditBlock()
    return table_index + 1, header
