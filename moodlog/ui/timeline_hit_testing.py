"""Hit-testing the treatment timeline: which lane, and which of its dose steps or sessions,
is under a point of a TimelineScene."""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import timedelta

from moodlog.domain.treatments import TreatmentSession
from moodlog.ui.timeline_lanes import CourseLane, Hit, Lane, MedicationLane, Segment, ordinal_of
from moodlog.ui.timeline_scene import MARGIN, TimelineScene, TimeScale

_HIT_SLOP = 4  # pixels either side of a session tick or marker that still count


def lane_at(scene: TimelineScene, y: float) -> int | None:
    for row in scene.lane_rows:
        if row.top <= y < row.top + row.height:
            return row.index
    return None


def hit_at(scene: TimelineScene, lanes: Sequence[Lane], x: float, y: float) -> Hit | None:
    """A medication and its dose step, a course and its session (or ``None`` on the
    course's span or on a lane's label), else ``None``."""
    index = lane_at(scene, y)
    if index is None:
        return None
    lane = lanes[index]
    scale = scene.scale
    if x < scale.left - _HIT_SLOP:
        return (lane.item, None) if x >= MARGIN else None
    if isinstance(lane, MedicationLane):
        segment = _segment_at(lane, scale, x)
        return None if segment is None else (lane.item, segment.step)
    marker_slop = scene.lane_rows[index].height // 4 if lane.markers else 0
    session = _session_at(lane, scale, x, _HIT_SLOP + marker_slop)
    if session is not None:
        return lane.item, session
    if scale.x_for(lane.start) <= x <= scale.x_for(lane.end + timedelta(days=1)) + 1:
        return lane.item, None  # the course's span: its ``end`` is its last day
    return None


def _segment_at(lane: MedicationLane, scale: TimeScale, x: float) -> Segment | None:
    index = bisect_right(lane.segments, scale.ordinal_at(x), key=lambda s: s.end.toordinal())
    for segment in lane.segments[max(0, index - 1) : index + 1]:
        x0 = scale.x_for(segment.start)
        x1 = max(scale.x_for(segment.end), x0 + 2)  # as drawn: a short step stays visible
        if x0 <= x < x1:
            return segment
    return None


def _session_at(
    lane: CourseLane, scale: TimeScale, x: float, slop: float
) -> TreatmentSession | None:
    """The session drawn nearest ``x``, within ``slop`` pixels."""
    days = [ordinal_of(s.at) for s in lane.sessions]
    low = bisect_left(days, scale.ordinal_at(x - slop))
    high = bisect_right(days, scale.ordinal_at(x + slop))
    if low >= high:
        return None
    nearest = min(range(low, high), key=lambda i: abs(scale.x(days[i]) - x))
    return lane.sessions[nearest]
