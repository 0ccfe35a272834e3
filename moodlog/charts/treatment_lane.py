"""The treatment lane: each medication as a bar broken at its dose steps (labelled with the
dose), each course of a procedure or therapy as a thin bar with a tick per session."""

from dataclasses import dataclass
from datetime import date, timedelta

from matplotlib.axes import Axes

from moodlog.charts.day_axis import day_number
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.medications import Medication, Schedule
from moodlog.domain.session_counts import none_recorded, sessions_of_planned
from moodlog.domain.translation import translate
from moodlog.domain.treatments import CourseKind, TreatmentCourse


@dataclass(frozen=True, slots=True)
class LaneRow:
    label: str
    medication: Medication | None = None
    course: TreatmentCourse | None = None


def lane_rows(ctx: PanelContext) -> list[LaneRow]:
    """Medications, then courses, that overlap the span, each in the order they began."""
    start, end = ctx.start, ctx.end
    medications = sorted(
        (m for m in ctx.data.medications if m.started <= end and (m.stopped or end) >= start),
        key=lambda m: (m.started, m.name),
    )
    courses = sorted(
        (c for c in ctx.data.courses if c.started <= end and (c.ended or end) >= start),
        key=lambda c: c.started,
    )
    return [LaneRow(m.name, medication=m) for m in medications] + [
        LaneRow(c.title, course=c) for c in courses
    ]


def medication_segments(medication: Medication, last_day: date) -> list[tuple[date, date, float]]:
    """(first day, day after the last, dose) for each dose step while it was taken."""
    end = medication.stopped or last_day + timedelta(days=1)
    steps = [s for s in medication.sorted_doses if s.start < end]
    segments: list[tuple[date, date, float]] = []
    for index, step in enumerate(steps):
        begin = max(step.start, medication.started)
        until = steps[index + 1].start if index + 1 < len(steps) else end
        if until > begin:
            segments.append((begin, until, step.dose))
    if not segments and medication.started < end:
        segments.append((medication.started, end, float("nan")))
    return segments


def draw_treatments(ax: Axes, ctx: PanelContext, rows: list[LaneRow]) -> None:
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)), [_row_label(ctx, row) for row in rows], fontsize="small")
    ax.grid(False)
    if not rows:
        ctx.say_empty(
            ax, translate("TreatmentLane", "No medications or treatments recorded for this span")
        )
        return
    for index, row in enumerate(rows):
        if row.medication is not None:
            _draw_medication(ax, ctx, index, row.medication)
        elif row.course is not None:
            _draw_course(ax, ctx, index, row.course)


def _draw_medication(ax: Axes, ctx: PanelContext, index: int, medication: Medication) -> None:
    theme = ctx.theme
    segments = medication_segments(medication, ctx.end)
    as_needed = medication.schedule is Schedule.AS_NEEDED
    ax.broken_barh(
        [(day_number(a), (b - a).days) for a, b, _dose in segments],
        (index - 0.32, 0.64),
        # As needed: a pale, hatched bar (taken on some days only, not every day).
        facecolors=theme.background if as_needed else theme.medication_bar,
        edgecolors=theme.medication_bar if as_needed else theme.background,
        hatch="////" if as_needed else None,
        linewidth=1.2,
        gid=f"medication-{medication.id}",
    )
    for begin, until, dose in segments:
        if dose != dose:  # NaN: no dose recorded
            continue
        label = ax.text(
            day_number(begin) + 0.6,
            index,
            f"{dose:g} {medication.unit}",
            va="center",
            ha="left",
            fontsize="x-small",
            color=theme.text,
            clip_on=True,
        )
        ctx.zoom_labels.append((label, day_number(begin), day_number(until)))


def _draw_course(ax: Axes, ctx: PanelContext, index: int, course: TreatmentCourse) -> None:
    theme = ctx.theme
    last = course.ended or ctx.end
    ax.broken_barh(
        [(day_number(course.started), (last - course.started).days + 1)],
        (index - 0.08, 0.16),
        facecolors=theme.muted_text,
        gid=f"course-{course.id}",
    )
    sessions = [s for s in ctx.data.sessions if s.course_id == course.id]
    if sessions:
        ax.vlines(
            [day_number(s.at.date()) + 0.5 for s in sessions],
            index - 0.34,
            index + 0.34,
            colors=theme.text,
            linewidth=1,
            gid=f"sessions-{course.id}",
        )


def _row_label(ctx: PanelContext, row: LaneRow) -> str:
    """The row's name; a course's also says how many sessions it holds ("36 of 36
    sessions"), so the count never depends on the zoom."""
    if row.course is None:
        medication = row.medication
        if medication is not None and medication.schedule is Schedule.AS_NEEDED:
            #: A medication taken only when needed: its name above "as needed".
            as_needed = translate("TreatmentLane", "{medication}\nas needed")
            return as_needed.format(medication=_short(row.label))
        return _short(row.label)
    course = row.course
    count = sum(1 for s in ctx.data.sessions if s.course_id == course.id)
    return f"{_short(row.label)}\n{lane_session_count(course.kind, count, course.planned_sessions)}"


def lane_session_count(kind: CourseKind, count: int, planned: int | None) -> str:
    """ "3 of 30 sessions", "3 sessions" or "no sessions recorded", in ``kind``'s word."""
    if not count:
        return none_recorded(kind)
    return sessions_of_planned(kind, count, planned)


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
