"""Small HTML pieces for the report, in the subset Qt's QTextDocument understands: tables
with a repeated header row, boxes, lists. Black on white with grey rules, so the report
reads the same in grayscale; nothing here carries meaning by colour."""

from collections.abc import Iterable, Sequence
from html import escape

# A chart's place in the text: an image whose name is the chart's number. pdf_report draws
# every image of the report itself, as the chart's vectors (the report has no other images).
CHART_SCHEME = "moodlog-chart:"


def chart_place(index: int) -> str:
    return f'<p><img src="{CHART_SCHEME}{index}"/></p>'


HEADER_SHADE = "#E3E3E3"
GROUP_SHADE = "#F1F1F1"


def text(value: str) -> str:
    """Escape ``value``, keeping its line breaks."""
    return escape(value).replace("\n", "<br/>")


BREAK_STYLE = "page-break-before: always;"


def breaking_before(tag: str) -> str:
    """An opening ``tag`` (``<h2>``, ``<table …>``) that starts a new page."""
    if BREAK_STYLE in tag:
        return tag
    if 'style="' in tag:
        return tag.replace('style="', f'style="{BREAK_STYLE} ', 1)
    return tag[:-1] + f' style="{BREAK_STYLE}">'


def heading(title: str, new_page: bool) -> str:
    """A section's title, on a new page or after a blank line (Qt drops a heading's top
    margin after a table)."""
    if new_page:
        return f'<h2 style="{BREAK_STYLE}">{escape(title)}</h2>'
    return f"<p>&nbsp;</p><h2>{escape(title)}</h2>"


SPACER = '<p style="font-size: 4pt;">&nbsp;</p>'


def subheading(title: str, new_page: bool = False) -> str:
    """A titled part of a section, a little apart from what comes before (a table, often),
    or at the top of a new page."""
    if new_page:
        return f"{breaking_before('<h3>')}{escape(title)}</h3>"
    return f"{SPACER}<h3>{escape(title)}</h3>"


def paragraph(body: str, small: bool = False) -> str:
    """``body`` is HTML already (escape text with :func:`text`)."""
    style = ' style="font-size: 7.5pt;"' if small else ""
    return f"<p{style}>{body}</p>"


def bullets(items: Iterable[str], numbered: bool = False) -> str:
    """A list of plain-text items."""
    tag = "ol" if numbered else "ul"
    rows = "".join(f"<li>{text(item)}</li>" for item in items)
    return f"<{tag}>{rows}</{tag}>"


def box(body: str, heavy: bool = False) -> str:
    """A framed block (a one-cell table: Qt frames tables, not paragraphs)."""
    border = 3 if heavy else 1
    return (
        f'<table border="{border}" cellspacing="0" cellpadding="6" width="100%" '
        f'style="border-style: solid; border-color: #000000;"><tr><td>{body}</td></tr></table>'
    )


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[int] | None = None,
) -> str:
    """A ruled table whose header row repeats on every page it runs onto. Cells are plain
    text; a row of one cell spans the table as a group heading."""
    head = "".join(
        f'<th align="left" bgcolor="{HEADER_SHADE}"'
        + (f' width="{widths[i]}%"' if widths else "")
        + f">{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        if len(row) == 1 and len(headers) > 1:
            body.append(
                f'<tr><td colspan="{len(headers)}" bgcolor="{GROUP_SHADE}"><b>'
                f"{text(row[0])}</b></td></tr>"
            )
        else:
            body.append("<tr>" + "".join(f"<td>{text(cell)}</td>" for cell in row) + "</tr>")
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%" '
        'style="border-collapse: collapse; border-color: #7A7A7A; border-style: solid;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """Label–value rows without rules: the summary's key figures. Values are HTML."""
    body = "".join(
        f'<tr><td width="24%"><b>{escape(label)}</b></td><td>{value}</td></tr>'
        for label, value in rows
    )
    return f'<table cellspacing="0" cellpadding="2" width="100%">{body}</table>'
