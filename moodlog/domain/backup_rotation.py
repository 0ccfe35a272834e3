"""Which automatic backups to keep: the newest few, then one a day, one a week and one a
month, like a good backup tool's "prune".

Each rule counts periods that *have* a backup, newest first (the newest backup of each
period stays), rather than calendar windows ending today: someone who leaves moodlog for a
year comes back to the backups they had, not to an emptied folder. Backups stamped later
than ``now`` (the clock was changed) are always kept: nothing is deleted on a guess.
"""

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    newest: int = 3  # kept whatever their day
    days: int = 7  # the newest backup of each of the last 7 days that have one
    weeks: int = 8  # ... of each of the last 8 ISO weeks that have one
    months: int = 12  # ... of each of the last 12 months that have one


DEFAULT_POLICY = RotationPolicy()


def backups_to_keep(
    stamps: Iterable[datetime], now: datetime, policy: RotationPolicy = DEFAULT_POLICY
) -> set[datetime]:
    """The stamps (backup times) to keep; the others may be deleted."""
    every = set(stamps)
    future = {stamp for stamp in every if stamp > now}
    past = sorted(every - future, reverse=True)
    keep = future | set(past[: policy.newest])
    keep |= _newest_per_period(past, policy.days, lambda s: s.date())
    keep |= _newest_per_period(past, policy.weeks, lambda s: s.isocalendar()[:2])
    keep |= _newest_per_period(past, policy.months, lambda s: (s.year, s.month))
    return keep


def backups_to_delete(
    stamps: Iterable[datetime], now: datetime, policy: RotationPolicy = DEFAULT_POLICY
) -> set[datetime]:
    every = set(stamps)
    return every - backups_to_keep(every, now, policy)


def _newest_per_period(
    newest_first: Sequence[datetime], count: int, period: Callable[[datetime], Hashable]
) -> set[datetime]:
    kept: dict[Hashable, datetime] = {}
    for stamp in newest_first:
        key = period(stamp)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = stamp
    return set(kept.values())
