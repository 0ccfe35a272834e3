"""Reminder rules on a clock the tests move by hand."""

from datetime import date, datetime, time, timedelta

import pytest

from moodlog.domain.reminder_schedule import (
    DOSE_WINDOW,
    MedicationReminder,
    Reminder,
    ReminderFacts,
    ReminderKind,
    ReminderSettings,
    ReminderState,
    Snooze,
    due_now,
    format_times,
    next_reminders,
    parse_times,
    quiet_today,
    record_shown,
    set_aside,
    snooze,
    still_wanted,
    summary,
)

DAY = date(2026, 11, 21)
CHECK_IN = ReminderSettings(check_in=True, check_in_time=time(20, 0))
SERTRALINE = 3


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def facts(day: date = DAY, **known: object) -> ReminderFacts:
    return ReminderFacts(day, **known)  # type: ignore[arg-type]


class Runner:
    """What the tray does each minute: show what is due, remember it was shown."""

    def __init__(self, settings: ReminderSettings) -> None:
        self.settings = settings
        self.state = ReminderState()

    def tick(self, now: datetime, known: ReminderFacts | None = None) -> list[Reminder]:
        due = due_now(self.settings, now, known or facts(now.date()), self.state)
        self.state = record_shown(self.state, due, now)
        return due

    def kinds_over(self, start: datetime, end: datetime) -> list[tuple[datetime, str]]:
        """Tick every minute from ``start`` to ``end``: when each reminder appeared."""
        seen = []
        now = start
        while now <= end:
            seen += [(now, r.occurrence.item) for r in self.tick(now)]
            now += timedelta(minutes=1)
        return seen


def test_nothing_is_on_until_the_person_chooses() -> None:
    settings = ReminderSettings()
    assert not settings.any_on
    assert due_now(settings, at(20), facts()) == []
    assert next_reminders(settings, at(20), facts()) == []


def test_the_check_in_reminder_comes_once_at_its_time_and_gently() -> None:
    runner = Runner(CHECK_IN)
    assert runner.tick(at(19, 59)) == []
    shown = runner.tick(at(20, 0))
    assert [r.kind for r in shown] == [ReminderKind.CHECK_IN]
    assert shown[0].title == "A moment to check in?"
    assert "miss" not in (shown[0].title + shown[0].text).lower()
    assert runner.tick(at(20, 1)) == []
    assert runner.tick(at(23, 59)) == []


def test_a_check_in_already_made_today_needs_no_reminder() -> None:
    assert due_now(CHECK_IN, at(20), facts(checked_in=True)) == []
    # A check-in made yesterday does not count for today.
    assert len(due_now(CHECK_IN, at(20), facts(day=DAY - timedelta(days=1), checked_in=True))) == 1


def test_starting_after_the_time_still_offers_the_check_in_until_midnight() -> None:
    assert len(due_now(CHECK_IN, at(22, 15), facts())) == 1
    # Yesterday's does not follow into the new day.
    tomorrow = DAY + timedelta(days=1)
    assert due_now(CHECK_IN, at(0, 5, tomorrow), facts(tomorrow)) == []


def test_it_comes_again_the_next_day() -> None:
    runner = Runner(CHECK_IN)
    seen = runner.kinds_over(at(19, 0), at(21, 0, DAY + timedelta(days=1)))
    assert seen == [(at(20), "check_in"), (at(20, 0, DAY + timedelta(days=1)), "check_in")]


def test_a_time_just_before_midnight_and_one_just_after() -> None:
    settings = ReminderSettings(
        check_in=True,
        check_in_time=time(23, 55),
        medications=(MedicationReminder(SERTRALINE, (time(0, 10),)),),
    )
    tomorrow = DAY + timedelta(days=1)
    upcoming = next_reminders(settings, at(23, 0), facts())
    assert [r.at for r in upcoming] == [at(23, 55), at(0, 10, tomorrow), at(23, 55, tomorrow)]
    runner = Runner(settings)
    seen = runner.kinds_over(at(23, 50), at(0, 20, tomorrow))
    assert seen == [(at(23, 55), "check_in"), (at(0, 10, tomorrow), f"medication:{SERTRALINE}")]


def test_a_dose_reminder_late_in_the_evening_may_appear_just_after_midnight() -> None:
    settings = ReminderSettings(medications=(MedicationReminder(SERTRALINE, (time(23, 30),)),))
    tomorrow = DAY + timedelta(days=1)
    # moodlog started at 00:15: the 23:30 reminder is still within its window.
    due = due_now(settings, at(0, 15, tomorrow), facts(tomorrow))
    assert [r.occurrence.scheduled for r in due] == [at(23, 30)]


def test_the_clock_jumping_forward_shows_what_came_due_once() -> None:
    """Summer time, or a laptop waking up: the wall clock skips an hour."""
    settings = ReminderSettings(check_in=True, check_in_time=time(2, 30))
    runner = Runner(settings)
    assert runner.tick(at(1, 59)) == []
    assert len(runner.tick(at(3, 0))) == 1  # 02:30 never happened on the wall clock
    assert runner.tick(at(3, 1)) == []


def test_the_clock_going_back_shows_nothing_twice() -> None:
    settings = ReminderSettings(check_in=True, check_in_time=time(1, 30))
    runner = Runner(settings)
    assert len(runner.tick(at(1, 30))) == 1
    assert runner.tick(at(1, 59)) == []
    assert runner.tick(at(1, 0)) == []  # 01:00 again, after the clocks went back
    assert runner.tick(at(1, 30)) == []


def test_a_snooze_brings_the_reminder_back_later() -> None:
    runner = Runner(CHECK_IN)
    assert len(runner.tick(at(20))) == 1
    runner.state = snooze(runner.state, at(20, 2), Snooze.ONE_HOUR)
    assert runner.tick(at(20, 30)) == []
    assert runner.tick(at(21, 1)) == []
    again = runner.tick(at(21, 2))
    assert [r.kind for r in again] == [ReminderKind.CHECK_IN]
    assert again[0].at == at(21, 2)
    assert runner.tick(at(21, 3)) == []


def test_fifteen_minutes_then_again() -> None:
    runner = Runner(CHECK_IN)
    runner.tick(at(20))
    runner.state = snooze(runner.state, at(20), Snooze.FIFTEEN_MINUTES)
    assert next_reminders(CHECK_IN, at(20, 1), facts(), runner.state)[0].at == at(20, 15)
    assert runner.tick(at(20, 14)) == []
    assert len(runner.tick(at(20, 15))) == 1
    runner.state = snooze(runner.state, at(20, 15), Snooze.FIFTEEN_MINUTES)
    assert len(runner.tick(at(20, 30))) == 1


def test_a_snoozed_check_in_does_not_follow_into_the_next_day() -> None:
    settings = ReminderSettings(check_in=True, check_in_time=time(23, 30))
    runner = Runner(settings)
    runner.tick(at(23, 30))
    runner.state = snooze(runner.state, at(23, 31), Snooze.ONE_HOUR)
    tomorrow = DAY + timedelta(days=1)
    assert runner.kinds_over(at(23, 32), at(1, 0, tomorrow)) == []


def test_checking_in_during_a_snooze_means_it_does_not_come_back() -> None:
    runner = Runner(CHECK_IN)
    runner.tick(at(20))
    runner.state = snooze(runner.state, at(20), Snooze.ONE_HOUR)
    assert runner.tick(at(21, 0), facts(checked_in=True)) == []


def test_a_snooze_delays_other_reminders_too() -> None:
    settings = ReminderSettings(
        check_in=True,
        check_in_time=time(20, 0),
        medications=(MedicationReminder(SERTRALINE, (time(20, 30),)),),
    )
    runner = Runner(settings)
    runner.tick(at(20))
    runner.state = snooze(runner.state, at(20), Snooze.ONE_HOUR)
    assert runner.tick(at(20, 30)) == []
    assert {r.kind for r in runner.tick(at(21))} == {ReminderKind.CHECK_IN, ReminderKind.MEDICATION}


def test_not_today_keeps_the_rest_of_the_day_quiet() -> None:
    settings = ReminderSettings(
        check_in=True,
        check_in_time=time(20, 0),
        medications=(MedicationReminder(SERTRALINE, (time(8, 0), time(22, 0))),),
    )
    runner = Runner(settings)
    runner.tick(at(20))
    runner.state = snooze(runner.state, at(20, 1), Snooze.REST_OF_DAY)
    tomorrow = DAY + timedelta(days=1)
    seen = runner.kinds_over(at(20, 2), at(8, 30, tomorrow))
    assert seen == [(at(8, 0, tomorrow), f"medication:{SERTRALINE}")]


def test_quiet_today_before_anything_came() -> None:
    state = quiet_today(ReminderState(), at(7))
    assert due_now(CHECK_IN, at(20), facts(), state) == []
    assert next_reminders(CHECK_IN, at(20, 30), facts(), state)[0].at == at(
        20, 0, DAY + timedelta(days=1)
    )


def test_turning_a_reminder_off_stops_it() -> None:
    runner = Runner(CHECK_IN)
    runner.settings = ReminderSettings(check_in=False, check_in_time=time(20, 0))
    assert runner.tick(at(20)) == []
    # And changing the time moves it.
    runner.settings = ReminderSettings(check_in=True, check_in_time=time(21, 15))
    assert runner.tick(at(20, 30)) == []
    assert len(runner.tick(at(21, 15))) == 1


def test_a_time_set_after_it_passed_waits_for_tomorrow() -> None:
    state = set_aside(ReminderState(), due_now(CHECK_IN, at(21), facts()))
    assert due_now(CHECK_IN, at(21, 1), facts(), state) == []
    tomorrow = DAY + timedelta(days=1)
    assert len(due_now(CHECK_IN, at(20, 0, tomorrow), facts(tomorrow), state)) == 1


def test_a_dose_reminder_appears_only_near_its_time() -> None:
    settings = ReminderSettings(medications=(MedicationReminder(SERTRALINE, (time(8, 0),)),))
    names = {SERTRALINE: "Sertraline"}
    assert len(due_now(settings, at(8) + DOSE_WINDOW - timedelta(minutes=1), facts())) == 1
    assert due_now(settings, at(8) + DOSE_WINDOW, facts(medication_names=names)) == []
    # A snooze past the window lets it go rather than suggest a dose hours late.
    runner = Runner(settings)
    runner.tick(at(8))
    runner.state = snooze(runner.state, at(9, 30), Snooze.ONE_HOUR)
    assert runner.kinds_over(at(9, 31), at(12)) == []


def test_dose_reminders_are_held_back_when_noted_or_stopped() -> None:
    settings = ReminderSettings(medications=(MedicationReminder(SERTRALINE, (time(8, 0),)),))
    names = {SERTRALINE: "Sertraline"}
    assert len(due_now(settings, at(8), facts(medication_names=names))) == 1
    assert due_now(settings, at(8), facts(medication_names=names, doses_noted={SERTRALINE})) == []
    assert due_now(settings, at(8), facts(medication_names={})) == []


def test_dose_reminders_name_the_medication_only_when_asked() -> None:
    names = {SERTRALINE: "Sertraline"}
    hidden = ReminderSettings(medications=(MedicationReminder(SERTRALINE, (time(8, 0),)),))
    (reminder,) = due_now(hidden, at(8), facts(medication_names=names))
    assert "Sertraline" not in reminder.title + reminder.text
    assert reminder.title == "A reminder you set for 08:00"
    shown = ReminderSettings(medications=hidden.medications, show_medication_names=True)
    (reminder,) = due_now(shown, at(8), facts(medication_names=names))
    assert reminder.title == "A reminder you set: Sertraline"
    assert reminder.medication_id == SERTRALINE


def test_two_dose_times_a_day() -> None:
    settings = ReminderSettings(
        medications=(MedicationReminder(SERTRALINE, (time(20, 0), time(8, 0), time(8, 0))),)
    )
    assert settings.medications[0].times == (time(8, 0), time(20, 0))
    runner = Runner(settings)
    seen = [moment for moment, _item in runner.kinds_over(at(7), at(21))]
    assert seen == [at(8), at(20)]


def test_questionnaire_reminders_follow_what_is_due() -> None:
    settings = ReminderSettings(questionnaires=True, questionnaire_time=time(10, 0))
    assert due_now(settings, at(10), facts(questionnaires_due=())) == []
    (one,) = due_now(settings, at(10), facts(questionnaires_due=("PHQ-9",)))
    assert one.text.startswith("The PHQ-9 is ready whenever you are")
    (two,) = due_now(settings, at(10), facts(questionnaires_due=("PHQ-9", "GAD-7")))
    assert two.text.startswith("The PHQ-9 and GAD-7 are ready")
    assert due_now(settings, at(9, 59), facts(questionnaires_due=("PHQ-9",))) == []


def test_next_reminders_lists_what_is_still_to_come_in_order() -> None:
    settings = ReminderSettings(
        check_in=True,
        check_in_time=time(20, 0),
        questionnaires=True,
        questionnaire_time=time(10, 0),
        medications=(MedicationReminder(SERTRALINE, (time(8, 0), time(21, 0))),),
    )
    known = facts(questionnaires_due=("PHQ-9",), medication_names={SERTRALINE: "Sertraline"})
    upcoming = next_reminders(settings, at(9), known)
    tomorrow = DAY + timedelta(days=1)
    assert [r.at for r in upcoming] == [
        at(10),
        at(20),
        at(21),
        at(8, 0, tomorrow),
        at(10, 0, tomorrow),
        at(20, 0, tomorrow),
        at(21, 0, tomorrow),
    ]
    # Checked in today: today's check-in drops out, tomorrow's stays.
    later = next_reminders(settings, at(9), replace_facts(known, checked_in=True))
    assert at(20) not in [r.at for r in later]
    assert at(20, 0, tomorrow) in [r.at for r in later]


def replace_facts(known: ReminderFacts, **changes: object) -> ReminderFacts:
    from dataclasses import replace

    return replace(known, **changes)  # type: ignore[arg-type]


def test_a_banner_on_show_is_withdrawn_after_checking_in() -> None:
    (reminder,) = due_now(CHECK_IN, at(20), facts())
    assert still_wanted(reminder, CHECK_IN, facts())
    assert not still_wanted(reminder, CHECK_IN, facts(checked_in=True))


def test_one_notification_for_several_reminders() -> None:
    settings = ReminderSettings(
        check_in=True,
        check_in_time=time(20, 0),
        medications=(MedicationReminder(SERTRALINE, (time(20, 0),)),),
    )
    due = due_now(settings, at(20), facts())
    title, text = summary(due)
    assert title == "A few gentle reminders"
    assert text.splitlines() == ["A moment to check in?", "A reminder you set for 20:00"]
    assert summary(due[:1]) == (due[0].title, due[0].text)


def test_snooze_labels() -> None:
    assert [s.label for s in Snooze] == ["Snooze 15 minutes", "Snooze 1 hour", "Not today"]


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("08:00 20:00", (time(8), time(20))),
        ("20:00, 08:00 08:00", (time(8), time(20))),
        ("", ()),
        ("soon 07:30 25:00", (time(7, 30),)),
    ],
)
def test_dose_times_round_trip_through_text(text: str, times: tuple[time, ...]) -> None:
    assert parse_times(text) == times
    assert parse_times(format_times(times)) == times
