"""The report's figures as plain data, from the known diary (see known_diary.py for the
hand-worked numbers)."""

from datetime import date

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import DoseStep, Medication, Schedule
from moodlog.domain.side_effects import Severity
from moodlog.reports.report_changes import changes_since
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import (
    ALL_SECTIONS,
    PaperSize,
    ReportPeriod,
    ReportSection,
    default_paper,
    last_months,
    last_weeks,
    parse_sections,
)
from moodlog.reports.report_summary import adherence_lines, build_summary
from moodlog.reports.report_tables import procedure_rows, side_effect_rows, sleep_rows
from tests.reports.known_diary import ITEM_NINE_DAY, OPEN_QUESTION, PERIOD


def test_the_summary_figures_are_the_hand_worked_ones(known_data: ReportData) -> None:
    summary = build_summary(known_data)
    assert (summary.days_logged, summary.days_in_period) == (28, 31)
    assert summary.latest_phq9 is not None
    assert (summary.latest_phq9.taken_on, summary.latest_phq9.total) == (date(2026, 10, 26), 9)
    assert summary.latest_gad7 is not None
    assert summary.latest_gad7.total == 8
    comparison = summary.baseline
    assert comparison is not None
    assert comparison.treatment.title == "TMS · 10 Hz rTMS"
    outcome = comparison.outcome
    assert outcome.baseline is not None
    assert (outcome.baseline.taken_on, outcome.baseline.total) == (date(2026, 9, 12), 20)
    assert outcome.change == -11
    assert outcome.response is True
    assert outcome.remission is False
    # Item 9: only the period's answers (12 Sep's "1" is before it), the positive one kept.
    assert summary.safety_positive == ((ITEM_NINE_DAY, 2),)
    assert summary.safety_answered == 2
    assert [(c.medication.name, c.dose) for c in summary.medications] == [("Sertraline", 100.0)]
    (line,) = summary.adherence
    assert (line.days_on, line.recorded, line.missed, line.partly) == (31, 20, 2, 1)
    assert line.taken_share == pytest.approx(17.5 / 20)
    assert [(b.name, b.days_rated, b.worst) for b in summary.side_effects] == [
        ("Headache", 20, Severity.MODERATE),
        ("Nausea", 10, Severity.MILD),
    ]
    sleep = summary.sleep
    assert sleep.window == ReportPeriod(date(2026, 10, 18), date(2026, 10, 31))
    assert (sleep.nights, sleep.full_nights) == (11, 11)
    assert sleep.total_sleep_minutes == pytest.approx(400)
    assert sleep.efficiency_percent == pytest.approx(400 / 510 * 100)
    assert (sleep.minutes_to_fall_asleep, sleep.minutes_awake) == (30, 20)
    assert summary.questions == (OPEN_QUESTION,)


def test_what_changed_is_dated_and_in_order(known_data: ReportData) -> None:
    assert changes_since(known_data) == (
        "New side effect: Nausea (first rated 1 Oct 2026)",
        "New side effect: Headache (first rated 1 Oct 2026)",
        "TMS · 10 Hz rTMS: 7 sessions in this period (24 of 36 planned in all)",
        "Sertraline dose 50 mg → 100 mg on 10 Oct 2026",
    )


def test_nothing_after_the_period_is_kept(known_data: ReportData) -> None:
    assert max(s.taken_on for s in known_data.scores) == date(2026, 10, 26)
    assert all(n.day <= PERIOD.end for n in known_data.clinician_notes)
    assert [n.note for n in known_data.clinician_notes] == [
        "Ask about splitting the sertraline dose."
    ]
    assert not known_data.is_empty


def test_tables_procedures_side_effects_and_sleep(known_data: ReportData) -> None:
    (tms,) = procedure_rows(known_data)
    assert tms.sessions_text == "24 of 36 sessions"
    assert "PHQ-9 20 → 9" in tms.outcome
    rows = {row.name: row for row in side_effect_rows(known_data)}
    headache = rows["Headache"]
    assert headache.cause == "TMS · 10 Hz rTMS"
    assert (headache.baseline.days, headache.baseline.mean) == (13, 0)
    assert headache.baseline.text == "mean 0.0, worst none (13 days)"
    assert headache.now.text == "mean 2.0, worst moderate (3 days)"  # 18-20 Oct
    assert "First rated 17 days after TMS · 10 Hz rTMS began" in headache.onset
    assert rows["Nausea"].cause == "Sertraline"
    nightly, nights = sleep_rows(known_data)
    assert nightly
    assert [n.label for n in nights][:2] == ["15 Oct 2026", "16 Oct 2026"]
    assert len(nights) == 14


def test_adherence_counts_only_the_days_a_scheduled_medication_was_taken() -> None:
    period = ReportPeriod(date(2026, 10, 1), date(2026, 10, 10))
    stopped = Medication(
        "A", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 10.0),), stopped=date(2026, 10, 4), id=1
    )
    as_needed = Medication(
        "B", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 1.0),), schedule=Schedule.AS_NEEDED, id=2
    )
    later = Medication("C", date(2026, 11, 1), (DoseStep(date(2026, 11, 1), 5.0),), id=3)
    records = {1: {date(2026, 10, 2): Adherence.TAKEN, date(2026, 10, 6): Adherence.MISSED}}
    (line,) = adherence_lines([stopped, as_needed, later], records, period)
    assert (line.days_on, line.recorded, line.missed, line.taken_share) == (3, 1, 0, 1.0)


def test_periods_sections_and_paper() -> None:
    today = date(2026, 11, 21)
    assert last_weeks(4, today) == ReportPeriod(date(2026, 10, 25), today)
    assert last_months(3, today) == ReportPeriod(date(2026, 8, 22), today)
    assert last_months(3, today).days == 92
    assert parse_sections("notes, summary,notes") == (ReportSection.SUMMARY, ReportSection.NOTES)
    assert parse_sections("summary,charts,treatment,side-effects,sleep,notes") == ALL_SECTIONS
    with pytest.raises(ValueError, match="Unknown section 'graphs'"):
        parse_sections("summary,graphs")
    with pytest.raises(ValueError, match="at least one"):
        parse_sections(" , ")
    with pytest.raises(ValueError, match="after it ends"):
        ReportPeriod(date(2026, 11, 2), date(2026, 11, 1))
    assert default_paper("us") is PaperSize.LETTER
    assert default_paper("GB") is PaperSize.A4
