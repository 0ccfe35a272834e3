"""The days the treatment timeline shows: the whole history with a little room either side,
or a part of it (never under two weeks) that zooming and panning move within the whole."""

from collections.abc import Sequence
from datetime import date, timedelta

from moodlog.ui.timeline_lanes import Lane

DateRange = tuple[date, date]

MIN_SPAN_DAYS = 14


def whole_history(lanes: Sequence[Lane], today: date) -> DateRange:
    """Every lane up to today, padded a little; the last year when there are no lanes."""
    if not lanes:
        return today - timedelta(days=365), today
    first = min(lane.start for lane in lanes)
    last = max(max(lane.end for lane in lanes), today)
    span = max(MIN_SPAN_DAYS, (last - first).days)
    pad = max(3, round(span * 0.015))
    return first - timedelta(days=pad), last + timedelta(days=pad)


def at_least_min_span(start: date, end: date) -> DateRange:
    """``start`` to ``end`` in order, widened about its middle to two weeks if shorter."""
    if end < start:
        start, end = end, start
    if (end - start).days < MIN_SPAN_DAYS:
        middle = start + (end - start) / 2
        start = middle - timedelta(days=MIN_SPAN_DAYS // 2)
        end = start + timedelta(days=MIN_SPAN_DAYS)
    return start, end


def zoomed(shown: DateRange, whole: DateRange, factor: float, share: float) -> DateRange:
    """``shown`` zoomed in (``factor`` > 1) or out, keeping the day ``share`` of the way
    across in place; ``whole`` once it would show all of it."""
    start, end = shown
    span = (end - start).days
    new_span = max(MIN_SPAN_DAYS, round(span / factor))
    if new_span >= (whole[1] - whole[0]).days:
        return whole
    anchor = start.toordinal() + share * span
    new_start = round(anchor - share * new_span)
    return _within(whole, new_start, new_span)


def panned(shown: DateRange, whole: DateRange, share: float) -> DateRange:
    """``shown`` moved by ``share`` of its width (at least a day), staying within ``whole``."""
    if shown == whole:
        return shown
    start, end = shown
    span = (end - start).days
    shift = round(span * share) or (1 if share > 0 else -1)
    return _within(whole, start.toordinal() + shift, span)


def _within(whole: DateRange, first: int, span: int) -> DateRange:
    """``span`` days from ordinal ``first``, moved back inside ``whole`` if they stick out."""
    first = max(whole[0].toordinal(), min(first, whole[1].toordinal() - span))
    start = date.fromordinal(first)
    return start, start + timedelta(days=span)
