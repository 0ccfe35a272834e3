"""Reminders: when moodlog offers a gentle nudge (a daily check-in, a questionnaire that is
due, a medication dose the person asked about), and what it says. Pure rules on an injected
"now"; the tray and the timer live in moodlog/ui/reminder_tray.py.

Times are local wall-clock times without a time zone, like everything in the diary. Each
reminder happens at most once a day: a clock that jumps forward (summer time, a computer
waking from sleep) shows what came due once; a clock that jumps back shows nothing twice.
A check-in or questionnaire reminder stays offered until midnight; a dose reminder only for
:data:`DOSE_WINDOW` after its time, so that nothing suggests a dose hours late. A new day
starts afresh: nothing is carried over, nothing is counted against anyone.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import Enum, StrEnum

from moodlog.domain.clock_text import time_text
from moodlog.domain.translation import translate

DEFAULT_CHECK_IN_TIME = time(20, 0)
DEFAULT_QUESTIONNAIRE_TIME = time(10, 0)
DEFAULT_DOSE_TIME = time(8, 0)
# How long after its time a dose reminder may still appear (after a snooze or a late start).
DOSE_WINDOW = timedelta(hours=2)
MAX_DOSE_TIMES = 4


class ReminderKind(StrEnum):
    CHECK_IN = "check_in"
    QUESTIONNAIRE = "questionnaire"
    MEDICATION = "medication"


@dataclass(frozen=True, slots=True)
class MedicationReminder:
    """Remind about the medication with id ``medication_id`` at each of ``times``."""

    medication_id: int
    times: tuple[time, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "times", tuple(sorted(set(self.times))))


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """What the person asked to be reminded of (all off until they choose)."""

    check_in: bool = False
    check_in_time: time = DEFAULT_CHECK_IN_TIME
    questionnaires: bool = False
    questionnaire_time: time = DEFAULT_QUESTIONNAIRE_TIME
    medications: tuple[MedicationReminder, ...] = ()
    # Off by default: a notification can be read by anyone near the screen.
    show_medication_names: bool = False

    @property
    def any_on(self) -> bool:
        return self.check_in or self.questionnaires or any(m.times for m in self.medications)


class Snooze(Enum):
    FIFTEEN_MINUTES = timedelta(minutes=15)
    ONE_HOUR = timedelta(hours=1)
    REST_OF_DAY = None

    @property
    def label(self) -> str:
        return {
            #: A choice on a reminder: remind again in 15 minutes
            Snooze.FIFTEEN_MINUTES: translate("ReminderSchedule", "Snooze 15 minutes"),
            #: A choice on a reminder: remind again in 1 hour
            Snooze.ONE_HOUR: translate("ReminderSchedule", "Snooze 1 hour"),
            #: A choice on a reminder: no more reminders today
            Snooze.REST_OF_DAY: translate("ReminderSchedule", "Not today"),
        }[self]


@dataclass(frozen=True, slots=True)
class ReminderFacts:
    """What the diary says about ``day`` (the day of "now"). ``None`` means "not read":
    nothing is held back for it."""

    day: date
    checked_in: bool = False
    # The names of the questionnaires due (e.g. "PHQ-9"); empty when none is, or one was
    # taken today.
    questionnaires_due: tuple[str, ...] | None = None
    # Current medications by id; a reminder for one no longer taken stays silent.
    medication_names: Mapping[int, str] | None = None
    # Medications whose dose is already noted for the day.
    doses_noted: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One reminder on one day: ``item`` is "check_in", "questionnaire" or
    "medication:<id>"; ``scheduled`` the day and time it was set for."""

    item: str
    scheduled: datetime


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder to show at ``at`` (its time, or the end of a snooze)."""

    kind: ReminderKind
    occurrence: Occurrence
    at: datetime
    title: str
    text: str
    medication_id: int | None = None


@dataclass(frozen=True, slots=True)
class ReminderState:
    """What happened while moodlog ran: reminders already shown, the latest ones (what a
    snooze puts back), a snooze, or a day turned quiet."""

    shown: frozenset[Occurrence] = frozenset()
    latest: frozenset[Occurrence] = frozenset()
    snoozed_until: datetime | None = None
    quiet_day: date | None = None


def record_shown(
    state: ReminderState, reminders: Iterable[Reminder], now: datetime
) -> ReminderState:
    """``state`` after showing ``reminders`` (older days are forgotten)."""
    batch = frozenset(r.occurrence for r in reminders)
    if not batch:
        return state
    since = datetime.combine(now.date() - timedelta(days=1), time())
    kept = frozenset(o for o in state.shown | batch if o.scheduled >= since)
    return replace(state, shown=kept, latest=batch)


def set_aside(state: ReminderState, reminders: Iterable[Reminder]) -> ReminderState:
    """``state`` with ``reminders`` counted as shown without showing them: after a change
    of settings, only times still ahead count (setting 08:00 at 21:00 says nothing today)."""
    return replace(state, shown=state.shown | {r.occurrence for r in reminders})


def snooze(state: ReminderState, now: datetime, choice: Snooze) -> ReminderState:
    """Put the latest reminders back, to come again after ``choice``; or, for
    :attr:`Snooze.REST_OF_DAY`, keep the rest of today quiet."""
    if choice is Snooze.REST_OF_DAY:
        return quiet_today(state, now)
    assert choice.value is not None
    return replace(
        state,
        shown=state.shown - state.latest,
        latest=frozenset(),
        snoozed_until=now + choice.value,
    )


def quiet_today(state: ReminderState, now: datetime) -> ReminderState:
    """No more reminders today; tomorrow's come as usual."""
    return replace(state, quiet_day=now.date(), snoozed_until=None, latest=frozenset())


def _occurrences(settings: ReminderSettings, day: date) -> list[tuple[ReminderKind, Occurrence]]:
    found: list[tuple[ReminderKind, Occurrence]] = []
    if settings.check_in:
        found.append(
            (
                ReminderKind.CHECK_IN,
                Occurrence("check_in", datetime.combine(day, settings.check_in_time)),
            )
        )
    if settings.questionnaires:
        found.append(
            (
                ReminderKind.QUESTIONNAIRE,
                Occurrence("questionnaire", datetime.combine(day, settings.questionnaire_time)),
            )
        )
    for medication in settings.medications:
        for moment in medication.times:
            item = f"medication:{medication.medication_id}"
            found.append((ReminderKind.MEDICATION, Occurrence(item, datetime.combine(day, moment))))
    return found


def _ends(kind: ReminderKind, occurrence: Occurrence) -> datetime:
    """When an occurrence stops being worth showing."""
    if kind is ReminderKind.MEDICATION:
        return occurrence.scheduled + DOSE_WINDOW
    return datetime.combine(occurrence.scheduled.date() + timedelta(days=1), time())


def _medication_id(occurrence: Occurrence) -> int | None:
    prefix, _, number = occurrence.item.partition(":")
    return int(number) if prefix == "medication" else None


def _and_list(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    #: The end of a list of questionnaires, e.g. "PHQ-9 and GAD-7"
    return translate("ReminderSchedule", "{names} and {last}").format(
        names=", ".join(names[:-1]), last=names[-1]
    )


def _words(
    kind: ReminderKind,
    occurrence: Occurrence,
    settings: ReminderSettings,
    facts: ReminderFacts,
) -> tuple[str, str] | None:
    """The title and text, or ``None`` when the diary says it isn't needed."""
    today = occurrence.scheduled.date() == facts.day
    if kind is ReminderKind.CHECK_IN:
        if today and facts.checked_in:
            return None
        return (
            #: A gentle reminder's title (a desktop notification)
            translate("ReminderSchedule", "A moment to check in?"),
            translate("ReminderSchedule", "How has today been? A few taps are enough."),
        )
    if kind is ReminderKind.QUESTIONNAIRE:
        due = facts.questionnaires_due
        if due is not None and not due:
            return None
        title = translate("ReminderSchedule", "A questionnaire is ready")
        if not due:
            return title, translate("ReminderSchedule", "It's ready whenever you are.")
        if len(due) == 1:
            #: {names} is a questionnaire's name, e.g. "PHQ-9"
            text = translate(
                "ReminderSchedule",
                "The {names} is ready whenever you are: a few short questions about the last "
                "2 weeks.",
            )
        else:
            #: {names} lists questionnaires, e.g. "PHQ-9 and GAD-7"
            text = translate(
                "ReminderSchedule",
                "The {names} are ready whenever you are: a few short questions about the last "
                "2 weeks.",
            )
        return title, text.format(names=_and_list(due))
    medication_id = _medication_id(occurrence)
    names = facts.medication_names
    if names is not None and medication_id not in names:
        return None  # stopped or removed: nothing to remind about
    if today and medication_id in facts.doses_noted:
        return None
    at = time_text(occurrence.scheduled.time())
    if settings.show_medication_names and names is not None and medication_id is not None:
        return (
            #: {medication} is the medication's name, shown only if the person asked for it
            translate("ReminderSchedule", "A reminder you set: {medication}").format(
                medication=names[medication_id]
            ),
            #: {time} is a clock time, e.g. 08:00; "Today" is the name of moodlog's Today view
            translate(
                "ReminderSchedule", "For {time}. You can note it on Today when you like."
            ).format(time=at),
        )
    return (
        #: {time} is a clock time, e.g. 08:00
        translate("ReminderSchedule", "A reminder you set for {time}").format(time=at),
        #: "Today" is the name of moodlog's Today view
        translate("ReminderSchedule", "Your medication. You can note it on Today."),
    )


def _reminders(
    settings: ReminderSettings,
    facts: ReminderFacts,
    state: ReminderState,
    days: Sequence[date],
) -> list[Reminder]:
    """Every reminder on ``days`` not yet shown, not quiet, still wanted, with its time."""
    found = []
    for day in days:
        if day == state.quiet_day:
            continue
        for kind, occurrence in _occurrences(settings, day):
            if occurrence in state.shown:
                continue
            at = occurrence.scheduled
            if state.snoozed_until is not None and at < state.snoozed_until:
                at = state.snoozed_until
            if at >= _ends(kind, occurrence):
                continue
            words = _words(kind, occurrence, settings, facts)
            if words is None:
                continue
            title, text = words
            found.append(Reminder(kind, occurrence, at, title, text, _medication_id(occurrence)))
    order = list(ReminderKind)
    return sorted(
        found, key=lambda r: (r.at, r.occurrence.scheduled, order.index(r.kind), r.occurrence.item)
    )


def due_now(
    settings: ReminderSettings,
    now: datetime,
    facts: ReminderFacts,
    state: ReminderState | None = None,
) -> list[Reminder]:
    """The reminders to show at ``now``: their time has come and gone, and they are still
    worth showing (see the module docstring)."""
    state = state or ReminderState()
    yesterday = now.date() - timedelta(days=1)
    candidates = _reminders(settings, facts, state, [yesterday, now.date()])
    return [r for r in candidates if r.at <= now < _ends(r.kind, r.occurrence)]


def next_reminders(
    settings: ReminderSettings,
    now: datetime,
    facts: ReminderFacts,
    state: ReminderState | None = None,
) -> list[Reminder]:
    """The reminders still to come after ``now`` (today and tomorrow), soonest first.
    Tomorrow's are a best guess: the diary can only speak for today."""
    state = state or ReminderState()
    today = now.date()
    candidates = _reminders(settings, facts, state, [today, today + timedelta(days=1)])
    return [r for r in candidates if r.at > now]


def summary(reminders: Sequence[Reminder]) -> tuple[str, str]:
    """One notification's title and text for ``reminders`` (at least one)."""
    if len(reminders) == 1:
        return reminders[0].title, reminders[0].text
    return (
        translate("ReminderSchedule", "A few gentle reminders"),
        "\n".join(r.title for r in reminders),
    )


def still_wanted(reminder: Reminder, settings: ReminderSettings, facts: ReminderFacts) -> bool:
    """Whether a reminder on show still says something true (say, not after a check-in)."""
    return _words(reminder.kind, reminder.occurrence, settings, facts) is not None


def format_times(times: Iterable[time]) -> str:
    """ "08:00 20:00": how dose times are kept in the settings."""
    return " ".join(f"{t:%H:%M}" for t in times)


def parse_times(text: str) -> tuple[time, ...]:
    """The times in ``text`` as :func:`format_times` writes them; anything unreadable is
    skipped (settings files get hand-edited)."""
    times = []
    for word in text.replace(",", " ").split():
        try:
            times.append(time.fromisoformat(word))
        except ValueError:
            continue
    return tuple(sorted(set(times)))[:MAX_DOSE_TIMES]
