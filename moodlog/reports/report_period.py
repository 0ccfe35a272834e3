"""What a report covers and how it is printed: the period, the sections, the paper and the
name on its header. Plain data, no Qt."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from moodlog.domain.calendar_months import add_months
from moodlog.domain.day_text import day_text
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate


class ReportError(Exception):
    """A report that can't be made, with a one-line message for the person."""

    @property
    def message(self) -> str:
        return str(self.args[0])


class NothingToReport(ReportError):
    """The period holds no entries: no file is written."""


class ReportSection(StrEnum):
    SUMMARY = "summary"
    CHARTS = "charts"
    TREATMENT = "treatment"
    SIDE_EFFECTS = "side-effects"
    SLEEP = "sleep"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return translate("ReportSection", _SECTION_LABELS[self])


# A section's heading in the report and its choice in the report dialog.
_SECTION_LABELS = {
    ReportSection.SUMMARY: QT_TRANSLATE_NOOP("ReportSection", "Summary"),
    ReportSection.CHARTS: QT_TRANSLATE_NOOP("ReportSection", "Charts and questionnaire scores"),
    ReportSection.TREATMENT: QT_TRANSLATE_NOOP("ReportSection", "Treatment history"),
    ReportSection.SIDE_EFFECTS: QT_TRANSLATE_NOOP("ReportSection", "Side effects"),
    #: A section's heading: "Sleep" is a noun here.
    ReportSection.SLEEP: QT_TRANSLATE_NOOP("ReportSection", "Sleep"),
    ReportSection.NOTES: QT_TRANSLATE_NOOP("ReportSection", "Notes for my clinician"),
}


ALL_SECTIONS: tuple[ReportSection, ...] = tuple(ReportSection)


def ordered_sections(sections: Iterable[ReportSection]) -> tuple[ReportSection, ...]:
    """``sections`` once each, in the report's order."""
    chosen = set(sections)
    return tuple(s for s in ALL_SECTIONS if s in chosen)


def parse_sections(text: str) -> tuple[ReportSection, ...]:
    """ "summary,charts" → the sections in the report's order. Raises ``ValueError`` with a
    message naming the unknown word and the choices."""
    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    # The sections' names as the command line takes them: never translated.
    choices = ", ".join(ALL_SECTIONS)
    if not words:
        raise ValueError(
            translate("ReportPeriod", "Choose at least one section: {choices}.").format(
                choices=choices
            )
        )
    known = {s.value: s for s in ReportSection}
    unknown = [word for word in words if word not in known]
    if unknown:
        raise ValueError(
            translate("ReportPeriod", "Unknown section {section}; choose from {choices}.").format(
                section=repr(unknown[0]), choices=choices
            )
        )
    return ordered_sections(known[word] for word in words)


class PaperSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PaperSize.A4 else translate("PaperSize", "US Letter")


# Countries (ISO 3166 codes) whose usual paper is US Letter; everywhere else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "DO", "PA", "SV", "NI", "HN"}
)


def default_paper(territory: str) -> PaperSize:
    """The usual paper for a two-letter country code (the window asks the locale)."""
    return PaperSize.LETTER if territory.upper() in LETTER_TERRITORIES else PaperSize.A4


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    """The days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(
                translate(
                    "ReportPeriod", "The period starts ({start}) after it ends ({end})."
                ).format(start=day_text(self.start), end=day_text(self.end))
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def text(self) -> str:
        return f"{day_text(self.start)} – {day_text(self.end)}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def last_days(self, count: int) -> "ReportPeriod":
        """The last ``count`` days of the period (all of it when shorter)."""
        return ReportPeriod(max(self.start, self.end - timedelta(days=count - 1)), self.end)

    def first_days(self, count: int) -> "ReportPeriod":
        return ReportPeriod(self.start, min(self.end, self.start + timedelta(days=count - 1)))


def since(day: date, today: date) -> ReportPeriod:
    """From ``day`` (e.g. the last appointment) to ``today``."""
    return ReportPeriod(day, today)


def last_weeks(weeks: int, today: date) -> ReportPeriod:
    """The last ``weeks`` weeks, today included (4 weeks = 28 days)."""
    return ReportPeriod(today - timedelta(days=7 * weeks - 1), today)


def last_months(months: int, today: date) -> ReportPeriod:
    """The last ``months`` calendar months, today included (22 Aug – 21 Nov for 3)."""
    return ReportPeriod(add_months(today, -months) + timedelta(days=1), today)


def empty_period_message(period: ReportPeriod) -> str:
    return translate(
        "ReportPeriod", "No entries between {start} and {end}; nothing to report."
    ).format(start=day_text(period.start), end=day_text(period.end))


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the person chose: ``name`` is the optional name or ID printed on the header."""

    period: ReportPeriod
    sections: tuple[ReportSection, ...] = ALL_SECTIONS
    paper: PaperSize = PaperSize.A4
    name: str = ""
