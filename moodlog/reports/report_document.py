"""The whole report as one HTML document for QTextDocument: the header, then each chosen
section (every section after the first starts a new page). Plain strings, no Qt."""

from collections.abc import Sequence

from moodlog.domain.day_text import day_text
from moodlog.domain.translation import translate
from moodlog.reports.html_blocks import heading, paragraph, text
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import ReportOptions, ReportSection, ordered_sections
from moodlog.reports.report_summary import build_summary
from moodlog.reports.report_tables import treatment_history
from moodlog.reports.sections_html import (
    charts_html,
    notes_html,
    side_effects_html,
    sleep_html,
    treatment_html,
)
from moodlog.reports.summary_html import header_html, summary_html

STYLE_SHEET = """
h1 { font-size: 15pt; font-weight: bold; margin-bottom: 2pt; }
h2 { font-size: 12.5pt; font-weight: bold; margin-top: 0pt; margin-bottom: 4pt; }
h3 { font-size: 10pt; font-weight: bold; margin-top: 0pt; margin-bottom: 3pt; }
p { margin-top: 2pt; margin-bottom: 3pt; }
li { margin-bottom: 1pt; }
th { font-weight: bold; }
"""


def footer_text(generated: str, version: str, page: int, pages: int) -> str:
    #: The report's footer on every page; {generated} is the day it was made.
    footer = translate(
        "ReportDocument",
        "Patient-generated; not clinically verified · generated {generated} · "
        "moodlog {version} · page {page} of {pages}",
    )
    return footer.format(generated=generated, version=version, page=page, pages=pages)


def generated_text(data: ReportData) -> str:
    return day_text(data.generated_at.date())


def section_html(
    section: ReportSection, data: ReportData, captions: Sequence[str], chart_fills_page: bool
) -> str:
    if section is ReportSection.SUMMARY:
        return summary_html(build_summary(data))
    if section is ReportSection.CHARTS:
        return charts_html(data, captions, chart_fills_page)
    if section is ReportSection.TREATMENT:
        return treatment_html(data, treatment_history(data))
    if section is ReportSection.SIDE_EFFECTS:
        return side_effects_html(data)
    if section is ReportSection.SLEEP:
        return sleep_html(data)
    return notes_html(data)


def report_html(
    data: ReportData,
    options: ReportOptions,
    captions: Sequence[str],
    version: str,
    chart_fills_page: bool = False,
) -> str:
    """The report's HTML; a chart mark for each of ``captions`` goes in the Charts
    section (what follows the last starts a new page when ``chart_fills_page``)."""
    parts = [header_html(options, generated_text(data), version)]
    sections = ordered_sections(options.sections)
    previous: ReportSection | None = None
    for section in sections:
        # The summary stands alone on its page, and the charts begin a page; the other
        # sections follow on, so a year's report stays short.
        new_page = previous is ReportSection.SUMMARY or (
            section is ReportSection.CHARTS and previous is not None
        )
        parts.append(heading(section.label, new_page))
        parts.append(section_html(section, data, captions, chart_fills_page))
        previous = section
    if not sections:
        parts.append(paragraph(text(translate("ReportDocument", "No sections were chosen."))))
    return "".join(parts)
