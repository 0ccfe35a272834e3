"""Tests for moodlog/demo/demo_treatments.py: the demo's seeded, valid TRD treatment story
and its adherence records."""

import statistics
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import cache
from itertools import pairwise

import pytest

from moodlog.demo.demo_diary import generate_demo_days
from moodlog.demo.demo_treatments import (
    TMS_SESSIONS,
    DemoTreatmentHistory,
    adherence_days,
    demo_adherence,
    demo_treatment_history,
)
from moodlog.domain.adherence import Adherence
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.episode import EpisodeSeverity
from moodlog.domain.medications import (
    Benefit,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
    validate_medication,
)
from moodlog.domain.pharmacogenetics import Phenotype
from moodlog.domain.treatments import (
    TMS_SIDE_EFFECTS,
    CourseKind,
    TreatmentCourse,
    validate_course,
    validate_session,
)
from moodlog.domain.trial_adequacy import Adequacy, assess_trial

TODAY = date(2026, 11, 21)
SEEDS = (1, 7, 42)
# Month ends, a leap day, New Year and every weekday: dates computed back from these must
# all exist and stay in the past.
TODAYS = (
    TODAY,
    date(2028, 2, 29),
    date(2027, 1, 1),
    date(2026, 3, 31),
    date(2026, 6, 1),
    date(2026, 6, 2),
    date(2026, 6, 3),
    date(2026, 6, 4),
    date(2026, 6, 5),
    date(2026, 6, 6),
    date(2026, 6, 7),
)
# clinical-reference §5.3 and §5.4: usual start (low, high), usual range (low, high), proxy
# adequate minimum (None: no rule).
USUAL_DOSES: dict[str, tuple[tuple[float, float], tuple[float, float], float | None]] = {
    "Fluoxetine": ((20, 20), (20, 60), 20),
    "Sertraline": ((50, 50), (50, 200), 50),
    "Venlafaxine": ((37.5, 75), (75, 225), 75),  # XR
    "Bupropion": ((150, 150), (150, 450), 300),  # XL: starts at 150, range 300 to 450
    "Mirtazapine": ((15, 15), (15, 45), 15),
    "Escitalopram": ((10, 10), (10, 20), 10),
    "Aripiprazole": ((2, 5), (2, 15), None),  # adjunct: start 2 to 5, maximum 15
}


@cache
def history(seed: int = 7, today: date = TODAY) -> DemoTreatmentHistory:
    return demo_treatment_history(today, seed)


def medication(h: DemoTreatmentHistory, name: str) -> Medication:
    (found,) = [m for m in h.medications if m.name == name]
    return found


def course(h: DemoTreatmentHistory, kind: CourseKind) -> tuple[int, TreatmentCourse]:
    (found,) = [(i, c) for i, c in enumerate(h.courses) if c.kind is kind]
    return found


def stored(h: DemoTreatmentHistory) -> list[Medication]:
    return [m.with_id(i) for i, m in enumerate(h.medications, start=11)]


def every_day(h: DemoTreatmentHistory, today: date = TODAY) -> list[date]:
    first = min(m.started for m in h.medications)
    return [first + timedelta(days=i) for i in range((today - first).days)]


def test_same_seed_same_history_and_another_seed_another() -> None:
    assert demo_treatment_history(TODAY, 7) == demo_treatment_history(TODAY, 7)
    assert demo_treatment_history(TODAY, 7) != demo_treatment_history(TODAY, 8)
    ids = stored(history())
    assert demo_adherence(ids, every_day(history()), 7) == demo_adherence(
        ids, every_day(history()), 7
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("today", TODAYS)
def test_every_medication_course_and_session_is_valid(seed: int, today: date) -> None:
    h = demo_treatment_history(today, seed)
    start_of_today = datetime.combine(today, time())
    for m in h.medications:
        validate_medication(m, today)
        assert m.id is None
    for c in h.courses:
        validate_course(c, today)
        assert c.id is None
    for s in h.sessions:
        # Every session is before today: none dated today, none in the future.
        validate_session(s.session, h.courses[s.course], start_of_today)
        assert s.session.course_id == 0
        assert s.session.id is None
    assert [m.started for m in h.medications] == sorted(m.started for m in h.medications)
    assert [s.session.at for s in h.sessions] == sorted(s.session.at for s in h.sessions)
    assert h.episode.started is not None
    assert h.episode.started <= today
    assert all(r.tested_on is not None and r.tested_on <= today for r in h.pgx)


@pytest.mark.parametrize("seed", SEEDS)
def test_doses_stay_within_the_usual_ranges(seed: int) -> None:
    h = history(seed)
    for name, ((start_low, start_high), (low, high), adequate) in USUAL_DOSES.items():
        m = medication(h, name)
        assert start_low <= m.sorted_doses[0].dose <= start_high, name
        assert all(low <= step.dose <= high for step in m.doses), name
        assert m.adequate_min_dose == adequate, name
        assert m.unit == "mg"
    zopiclone = medication(h, "Zopiclone")
    assert [s.dose for s in zopiclone.doses] == [3.75]
    assert (zopiclone.schedule, zopiclone.role) == (Schedule.AS_NEEDED, MedicationRole.OTHER)
    assert zopiclone.is_current


@pytest.mark.parametrize("seed", SEEDS)
def test_the_earlier_episode_is_a_past_trial_by_month(seed: int) -> None:
    h = history(seed)
    fluoxetine = medication(h, "Fluoxetine")
    assert fluoxetine.dates_approximate
    assert fluoxetine.started.day == 1
    assert fluoxetine.stopped is not None
    assert fluoxetine.stopped.day == 1
    months = (fluoxetine.stopped.year - fluoxetine.started.year) * 12 + (
        fluoxetine.stopped.month - fluoxetine.started.month
    )
    assert months == 7
    assert 7 * 365 < (TODAY - fluoxetine.started).days < 9 * 365
    assert len(fluoxetine.doses) == 1
    assert (fluoxetine.stop_reason, fluoxetine.benefit) == (StopReason.OTHER, Benefit.MUCH)
    assert fluoxetine.note == "Stopped when well"
    assert h.episode.started is not None
    assert fluoxetine.stopped < h.episode.started


@pytest.mark.parametrize("seed", SEEDS)
def test_the_current_episode_holds_one_antidepressant_after_another(seed: int) -> None:
    h = history(seed)
    assert h.episode.severity is EpisodeSeverity.SEVERE
    started = h.episode.started
    assert started is not None
    assert started.day == 1
    assert (TODAY.year - started.year) * 12 + TODAY.month - started.month == 34
    names = ["Sertraline", "Venlafaxine", "Bupropion", "Mirtazapine", "Escitalopram"]
    trials = [medication(h, name) for name in names]
    assert all(t.started > started for t in trials)
    for before, after in pairwise(trials):
        assert before.stopped is not None
        assert before.stopped <= after.started  # one at a time
    assert {m.name for m in h.medications if m.is_current} == {"Escitalopram", "Zopiclone"}
    escitalopram = medication(h, "Escitalopram")
    assert [s.dose for s in escitalopram.sorted_doses] == [10, 20]
    assert 13 * 30 < (TODAY - escitalopram.started).days < 15 * 31


@pytest.mark.parametrize("seed", SEEDS)
def test_three_adequate_failed_trials_and_a_too_short_one(seed: int) -> None:
    h = history(seed)
    ids = stored(h)
    records = demo_adherence(ids, every_day(h), seed)
    verdicts = {
        m.name: assess_trial(m, {d: a for (i, d), a in records.items() if i == m.id}, TODAY)
        for m in ids
    }
    for name in ("Sertraline", "Venlafaxine", "Mirtazapine"):
        assert verdicts[name].adequacy is Adequacy.ADEQUATE, verdicts[name].reason
    bupropion = medication(h, "Bupropion")
    assert bupropion.stopped is not None
    assert (bupropion.stopped - bupropion.started).days < 4 * 7
    assert (bupropion.stop_reason, bupropion.benefit) == (StopReason.SIDE_EFFECTS, None)
    assert bupropion.formulation == "XL"
    assert verdicts["Bupropion"].adequacy is Adequacy.TOO_SHORT
    sertraline = medication(h, "Sertraline")
    assert [s.dose for s in sertraline.sorted_doses] == [50, 100, 150]
    assert (sertraline.stop_reason, sertraline.benefit) == (StopReason.NOT_EFFECTIVE, Benefit.SOME)
    venlafaxine = medication(h, "Venlafaxine")
    assert [s.dose for s in venlafaxine.sorted_doses] == [75, 150, 225]
    assert venlafaxine.formulation == "XR"
    assert venlafaxine.stop_reason is StopReason.SIDE_EFFECTS
    mirtazapine = medication(h, "Mirtazapine")
    assert [s.dose for s in mirtazapine.sorted_doses] == [15, 30]
    assert mirtazapine.stop_reason is StopReason.NOT_EFFECTIVE


@pytest.mark.parametrize("seed", SEEDS)
def test_aripiprazole_is_an_augmentation_of_escitalopram_before_tms(seed: int) -> None:
    h = history(seed)
    aripiprazole = medication(h, "Aripiprazole")
    assert aripiprazole.role is MedicationRole.AUGMENTATION
    assert aripiprazole.drug_class == "Atypical antipsychotic"
    assert [s.dose for s in aripiprazole.sorted_doses] == [2, 5]
    assert aripiprazole.stopped is not None
    assert (aripiprazole.stopped - aripiprazole.started).days == 12 * 7
    assert (aripiprazole.stop_reason, aripiprazole.benefit) == (
        StopReason.SIDE_EFFECTS,
        Benefit.SOME,
    )
    assert medication(h, "Escitalopram").is_active_on(aripiprazole.started)
    _, tms = course(h, CourseKind.TMS)
    assert aripiprazole.stopped < tms.started
    assert 9 * 30 < (TODAY - aripiprazole.started).days < 11 * 31


@pytest.mark.parametrize("seed", SEEDS)
def test_the_tms_course_is_30_daily_sessions_then_a_taper(seed: int) -> None:
    h = history(seed)
    index, tms = course(h, CourseKind.TMS)
    sessions = h.sessions_of(index)
    assert tms.variant == "iTBS (theta burst)"
    assert tms.planned_sessions == TMS_SESSIONS == 36
    assert [s.number for s in sessions] == list(range(1, 37))
    assert tms.started == sessions[0].day
    assert tms.ended == sessions[-1].day
    assert tms.benefit is Benefit.MUCH
    assert "clinic's schedule" in tms.note
    assert 6 * 30 < (TODAY - tms.started).days < 8 * 31
    daily, taper = sessions[:30], sessions[30:]
    assert all(s.day.weekday() < 5 for s in daily)
    assert (daily[-1].day - daily[0].day).days < 6 * 7
    assert len({s.day for s in daily}) == 30
    taper_weeks = Counter((s.day - tms.started).days // 7 for s in taper)
    assert taper_weeks == {6: 2, 7: 2, 8: 2}
    intensities = Counter(s.intensity_percent for s in sessions)
    assert intensities[120.0] >= 30
    assert all(s.intensity_percent is not None and s.intensity_percent <= 120 for s in sessions)
    with_effects = [s.number for s in sessions if s.side_effects]
    assert all(set(s.side_effects) <= set(TMS_SIDE_EFFECTS) for s in sessions)
    assert sessions[0].side_effects  # after the first session, at least
    assert sum(n is not None and n > 8 for n in with_effects) <= 4  # rarely after the start
    assert all(s.dose_mg is None and s.bp_before is None for s in sessions)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("today", TODAYS)
def test_esketamine_is_twice_weekly_then_weekly_and_never_in_the_future(
    seed: int, today: date
) -> None:
    h = demo_treatment_history(today, seed)
    index, esketamine = course(h, CourseKind.ESKETAMINE)
    sessions = h.sessions_of(index)
    assert esketamine.ended is None
    assert 34 <= (today - esketamine.started).days <= 41
    assert esketamine.started.weekday() < 5
    assert all(s.day < today for s in sessions)
    assert [s.number for s in sessions] == list(range(1, len(sessions) + 1))
    assert sessions[0].day == esketamine.started
    assert [s.dose_mg for s in sessions] == [56.0] + [84.0] * (len(sessions) - 1)
    weeks = Counter((s.day - esketamine.started).days // 7 for s in sessions)
    assert [weeks[w] for w in range(4)] == [2, 2, 2, 2]  # induction: twice a week
    days = (today - esketamine.started).days
    # then once a week: every week whose first day is before today
    assert all(weeks[w] == 1 for w in range(4, (days - 1) // 7 + 1))
    assert set(weeks) == set(range((days - 1) // 7 + 1))
    for s in sessions:
        assert s.bp_before is not None
        assert s.bp_after is not None
        assert s.bp_after.systolic > s.bp_before.systolic
        assert 100 <= s.bp_before.systolic <= 150
        assert s.day.weekday() < 5
    for name in ("dissociation", "nausea", "sedation"):
        ratings = [getattr(s, name) for s in sessions]
        assert all(r is not None for r in ratings)
        slope = statistics.linear_regression(range(len(ratings)), ratings).slope
        assert slope < 0, name  # easing as the sessions go on
    assert 1 <= sum(bool(s.note) for s in sessions) <= 3


@pytest.mark.parametrize("seed", SEEDS)
def test_a_weekly_course_of_cbt_about_two_years_ago(seed: int) -> None:
    h = history(seed)
    index, cbt = course(h, CourseKind.PSYCHOTHERAPY)
    sessions = h.sessions_of(index)
    assert (cbt.variant, cbt.planned_sessions, cbt.benefit) == ("CBT", 16, Benefit.SOME)
    assert [s.number for s in sessions] == list(range(1, 17))
    gaps = {(b.day - a.day).days for a, b in pairwise(sessions)}
    assert gaps <= {7, 14}
    assert (cbt.started, cbt.ended) == (sessions[0].day, sessions[-1].day)
    assert 20 * 30 < (TODAY - cbt.started).days < 28 * 31
    assert len(h.courses) == 3


def test_pharmacogenetic_results() -> None:
    h = history()
    assert [(r.gene, r.phenotype, r.genotype) for r in h.pgx] == [
        ("CYP2C19", Phenotype.INTERMEDIATE, "*1/*2"),
        ("CYP2D6", Phenotype.NORMAL, "*1/*1"),
    ]
    assert all(r.lab == "Hospital genetics lab" for r in h.pgx)
    tested = h.pgx[0].tested_on
    assert tested is not None
    assert 21 * 30 < (TODAY - tested).days < 27 * 31


def test_suspected_causes_and_session_ids_follow_the_stored_objects() -> None:
    h = history()
    medications = stored(h)
    courses = [c.with_id(i) for i, c in enumerate(h.courses, start=101)]
    tms_index, _ = course(h, CourseKind.TMS)
    escitalopram_id = next(m.id for m in medications if m.name == "Escitalopram")
    assert h.cause_ids(medications, courses) == [
        ("Emotional blunting", escitalopram_id, None),
        ("Headache", None, 101 + tms_index),
    ]
    sessions = h.stored_sessions(courses)
    assert [s.course_id for s in sessions] == [101 + s.course for s in h.sessions]
    assert [s.at for s in sessions] == [s.session.at for s in h.sessions]
    with pytest.raises(ValueError, match="stored"):
        h.stored_sessions(h.courses)
    with pytest.raises(ValueError, match="stored"):
        h.cause_ids(h.medications, courses)


def test_adherence_only_on_logged_days_for_active_scheduled_medications() -> None:
    h = history()
    medications = stored(h)
    by_id = {m.id: m for m in medications}
    logged = [d for d in every_day(h) if d.toordinal() % 5 != 0]  # some days not logged
    records = demo_adherence(medications, logged, 7)
    assert records
    for (medication_id, day), _ in records.items():
        m = by_id[medication_id]
        assert day in set(logged)
        assert m.is_active_on(day)
        assert m.schedule is Schedule.SCHEDULED
        assert not m.dates_approximate  # a past trial entered by month has no daily record
    recorded = {(i, d) for i, d in records}
    for day in logged:
        for m in medications:
            followed = m.schedule is Schedule.SCHEDULED and not m.dates_approximate
            assert ((m.id, day) in recorded) == (followed and m.is_active_on(day))
    prn = medication(h, "Zopiclone")
    assert not any(by_id[i].name == prn.name for i, _ in records)
    statuses = Counter(records.values())
    total = sum(statuses.values())
    assert 0.85 <= statuses[Adherence.TAKEN] / total <= 0.95
    assert 0.02 <= statuses[Adherence.PARTLY] / total <= 0.07
    assert 0.03 <= statuses[Adherence.MISSED] / total <= 0.09


def test_missed_doses_cluster_on_low_days() -> None:
    h = history()
    medications = stored(h)
    days = every_day(h)
    low = frozenset(d for d in days if d.toordinal() % 5 == 0)
    records = demo_adherence(medications, days, 7, low)

    def missed_share(low_days: bool) -> float:
        statuses = [a for (_, d), a in records.items() if (d in low) is low_days]
        return statuses.count(Adherence.MISSED) / len(statuses)

    assert missed_share(True) > 2 * missed_share(False)


def test_adherence_needs_stored_medications_and_nothing_without_logged_days() -> None:
    h = history()
    with pytest.raises(ValueError, match="stored"):
        demo_adherence(h.medications, every_day(h), 7)
    assert demo_adherence(stored(h), [], 7) == {}


def test_adherence_days_are_the_days_with_a_check_in() -> None:
    def entry(day: date, mood: int | None) -> DayEntry:
        at = datetime.combine(day, time(9))
        return DayEntry(day, None if mood is None else CheckIn(at, {"mood": mood}))

    entries = [
        entry(date(2026, 11, 18), 2),
        entry(date(2026, 11, 18), 4),
        entry(date(2026, 11, 19), 6),
        entry(date(2026, 11, 20), 2),
        entry(TODAY, None),  # today: last night's sleep only
    ]
    days, low = adherence_days(entries)
    assert days == [date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20)]
    assert low == {date(2026, 11, 18), date(2026, 11, 20)}


@pytest.mark.parametrize("seed", SEEDS)
def test_mood_turns_in_the_third_week_of_tms_and_partly_fades(seed: int) -> None:
    h = history(seed)
    response = h.mood_response
    _, tms = course(h, CourseKind.TMS)
    assert tms.ended is not None
    assert response.tms_turn == tms.started + timedelta(days=14)
    shift = response.shift
    # Things had got worse before TMS; the low lifts as TMS works.
    assert shift(response.tms_turn - timedelta(days=36)) == 0.0
    assert shift(tms.started) == shift(response.tms_turn) == -response.low_before_tms
    assert 1.0 <= response.low_before_tms <= 1.4
    assert shift(medication(h, "Sertraline").started) == 0.0
    full = shift(response.tms_turn + timedelta(days=28))
    assert 2.0 <= full <= 2.4
    assert shift(response.tms_turn + timedelta(days=7)) < full
    _, esketamine = course(h, CourseKind.ESKETAMINE)
    before_esketamine = shift(esketamine.started - timedelta(days=1))
    assert 0.2 < before_esketamine < 0.8 * full  # faded, but not gone
    tms_alone = replace(response, esketamine_lift=0.0).shift
    assert tms_alone(esketamine.started) == shift(esketamine.started)
    assert 0.3 < shift(TODAY) - tms_alone(TODAY) < 0.8  # esketamine helps a little
    assert shift(TODAY) > tms_alone(TODAY) > 0


def test_the_mood_shift_lifts_the_demo_diary_without_changing_the_logged_days() -> None:
    h = history()

    def moods(shift: bool) -> dict[date, float]:
        entries = generate_demo_days(
            TODAY, 2, 7, [], [], mood_shift=h.mood_response.shift if shift else None
        )
        by_day: dict[date, list[int]] = {}
        for e in entries:
            if e.check_in is not None:
                by_day.setdefault(e.day, []).append(e.check_in.ratings["mood"])
        return {d: statistics.mean(v) for d, v in by_day.items()}

    plain, lifted = moods(False), moods(True)
    assert plain.keys() == lifted.keys()
    turn = h.mood_response.tms_turn
    before = [d for d in plain if d < turn - timedelta(days=35)]  # before the low
    after = [d for d in plain if turn + timedelta(days=21) <= d < turn + timedelta(days=77)]
    assert [lifted[d] for d in before] == [plain[d] for d in before]
    gain = statistics.mean(lifted[d] for d in after) - statistics.mean(plain[d] for d in after)
    # The lift itself (2.0-2.4), and more where a dip was held off while TMS worked.
    assert 1.6 < gain < 4.0
